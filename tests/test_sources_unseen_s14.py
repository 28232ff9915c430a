"""Source-cleaning defects found reading real topics never seen before (session 14, fourth round),
each fixed by a general rule and tested on small texts of our own."""

from __future__ import annotations

import pytest

from memogen.sources.cleaning.pipeline import clean_text

_STORY = "The ferry that left the port at dawn sank in heavy seas near the northern reef, officials said."


@pytest.mark.parametrize(
    "opening",
    [f"HARBOURTON -- {_STORY}", f"HARBOURTON--{_STORY}", f"Harbourton, May 20: {_STORY}"],
)
def test_a_dateline_with_a_double_hyphen_or_a_title_case_place_leaves_the_first_sentence(opening) -> None:
    text = clean_text(f"Ferry sinks off the coast\n\n{opening}\n\nThe search goes on today.").text
    assert text.startswith(_STORY)


def test_a_double_hyphen_inside_words_is_no_dateline() -> None:
    text = clean_text(f"Ferry sinks off the coast\n\nWell-known--{_STORY}").text
    assert text.startswith("Well-known--")


def test_a_lone_star_where_a_stop_was_lost_becomes_the_stop() -> None:
    from memogen.sources.text import star_as_stop

    assert star_as_stop("The port won trust by its neutral record* The deal will now widen trade.") == (
        "The port won trust by its neutral record. The deal will now widen trade."
    )
    assert (
        star_as_stop("A *bold* Claim stays as the writer set it.")
        == "A *bold* Claim stays as the writer set it."
    )
    assert star_as_stop("The record.* The note keeps its stop.") == "The record.* The note keeps its stop."
    text = clean_text(
        "Harbour deal\n\nThe port won trust by its neutral record* The deal will now widen trade."
    ).text
    assert "record. The deal" in text


def test_a_masthead_in_capitals_over_the_story_is_no_headline() -> None:
    page = (
        "THE HARBOUR SHIMBUN\nMarch 3, 2024 at 10:15 JST\n"
        "The ferry that left the port at dawn sank in heavy seas near the northern reef, officials said.\n"
        "Rescuers pulled twelve people from the water before noon, the coast guard said."
    )
    res = clean_text(page)
    assert res.found.title is None
    assert res.text.startswith("The ferry that left")


def test_a_headline_in_capitals_stays_the_headline() -> None:
    page = (
        "FERRY SINKS OFF THE NORTHERN REEF\n\n" + _STORY + "\n\nRescuers pulled twelve people from the water."
    )
    assert clean_text(page).found.title == "FERRY SINKS OFF THE NORTHERN REEF"


def test_another_storys_headline_printed_twice_and_its_teaser_leave_the_article() -> None:
    rail = "Port Opens Record Dock, Including 2 New Cranes"
    page = "\n".join(
        [
            "Ferry sinks off the coast",
            "",
            _STORY,
            "",
            "Rescuers pulled twelve people from the water before noon, and the search for the rest went on.",
            "",
            rail,
            "",
            "More on this",
            "",
            rail,
            "",
            "In total, the port authority said the record dock takes 2 new cranes and ten more berths.",
            "",
        ]
    )
    res = clean_text(page)
    assert rail not in res.text and "cranes" not in res.text
    assert "Rescuers pulled twelve people" in res.text


def test_captions_placed_on_the_page_leave_the_article() -> None:
    page = "\n".join(
        [
            "Ferry sinks off the coast",
            "",
            "Harbour Daily photos",
            "Top: The harbour is seen from the air on Wednesday morning after the ferry sank.",
            "Bottom: Rescuers are seen on the pier on Tuesday evening.",
            "",
            _STORY,
            "",
            "Left: the ferry's owner said the boat was inspected in May, and the weather was fine.",
        ]
    )
    text = clean_text(page).text
    assert "is seen from the air" not in text and "Rescuers are seen" not in text
    assert text.startswith(_STORY)
    assert "Left: the ferry's owner" in text  # a lower-case word after the label: not a caption's shape


def test_a_listing_pages_label_is_no_headline() -> None:
    page = "Displaying items by tag: ferry\nFerry sinks off the northern reef\n" + _STORY
    assert clean_text(page).found.title == "Ferry sinks off the northern reef"
    from memogen.sources.cleaning.title import labels_something_else

    assert labels_something_else("Posts tagged: harbour ferry")
    assert not labels_something_else("Category 5 storm: the harbour braces for the worst")


def test_a_subheading_run_into_its_paragraph_leaves_it() -> None:
    page = "\n\n".join(
        [
            "Ferry sinks off the coast",
            _STORY,
            "Harbour Works The port authority said the pier would be rebuilt with money from the national fund.",
            "Who pays? As reported by the local radio, the owners of the ferry will pay for the salvage work.",
            "New rules The",  # too short to be a paragraph under a heading: stays as it is
        ]
    )
    text = clean_text(page).text
    assert "\n\nThe port authority said the pier" in text and "Harbour Works" not in text
    assert "Who pays? As reported by the local radio" in text  # a question run in: a section's heading


def test_the_pages_own_headline_printed_twice_above_the_story_keeps_the_lede() -> None:
    head = "Ferry sinks off the northern reef with dozens on board"
    page = (
        f"{head}\n\n{head}\n\n{_STORY}\n\nRescuers pulled twelve people from the water before noon on Monday."
    )
    assert _STORY in clean_text(page).text
