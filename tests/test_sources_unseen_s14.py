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
