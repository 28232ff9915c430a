"""Source-cleaning defects found reading real topics never seen before (session 14, fifth round),
each fixed by a general rule and tested on small texts of our own."""

from __future__ import annotations

from memogen.sources.text import split_joined_words


def test_a_word_set_in_quotation_marks_is_a_term_not_a_join() -> None:
    text = "Critics call the fair “gamewashing” and say the fees are 'supracompetitive' all year long."
    assert split_joined_words(text) == text
    assert (
        split_joined_words("Critics call the fair gamewashing all year.")
        == "Critics call the fair game washing all year."
    )
    assert split_joined_words("The crews laid the new gaspipeline across the bay.") == (
        "The crews laid the new gas pipeline across the bay."
    )


from memogen.sources.cleaning.pipeline import clean_text  # noqa: E402

_STORY = "The harbour bank cut its lending rate by half a point on Wednesday, its first cut in four years."


def test_note_numbers_and_links_left_after_sentences_go() -> None:
    page = "\n\n".join(
        [
            "Harbour bank cuts its rate",
            _STORY + " It was the first cut since the bank raised rates to fight inflation.1",
            "Ada Brenner said, “Prices have eased, as of August.”2 The risks have grown.3–4",
            "The court was “taken aback by the lengths” the bank went to. https://www.example.com/2024/08/05/bank/",
            "The No.1 lender kept version 5.1 of its rules.",
        ]
    )
    text = clean_text(page).text
    assert "inflation.\n" in text and "August.” The risks have grown." in text
    assert "https://" not in text and "went to." in text
    assert "The No.1 lender kept version 5.1 of its rules." in text


def test_a_picture_told_in_the_present_with_its_day_is_a_caption() -> None:
    caption = "Harbour Bank Chair Ada Brenner speaks during a news conference at the bank on September 18, 2024 in Harbourton."
    page = "\n\n".join(
        ["Harbour bank cuts its rate", caption, _STORY, "Brenner spoke at a rally on September 17."]
    )
    res = clean_text(page)
    assert caption not in res.text and _STORY in res.text
    assert "Brenner spoke at a rally on September 17." in res.text  # the past tense is the story's
    assert res.found.title == "Harbour bank cuts its rate"


def test_the_bio_under_the_authors_name_after_the_article_goes() -> None:
    bio = "Ada Brenner has been writing about ports and shipping for more than a decade."
    page = "\n".join(["Harbour bank cuts its rate", _STORY, "Ada Brenner", "Ada Brenner", "Author", bio])
    res = clean_text(page)
    assert bio not in res.text and "Ada Brenner" in res.found.authors


def test_what_follows_the_copyright_notice_closing_the_article_goes() -> None:
    page = "\n".join(
        [
            "Harbour bank cuts its rate",
            _STORY,
            "Ada Brenner said the bank would watch prices closely before it decided on any further cut this year.",
            "All rights reserved. This material may not be reproduced without written permission from the Harbour Daily.",
            "Readers can now invest in premium domains and profit about ten times their money.",
            "Follow the Harbour Daily on WhatsApp for real-time updates and breaking news.",
        ]
    )
    text = clean_text(page).text
    assert "premium domains" not in text and "WhatsApp" not in text and "watch prices closely" in text


def test_an_underscore_for_the_dash_after_the_outlet_closes_the_dateline() -> None:
    story = "The ferry that left the port at dawn sank in heavy seas near the northern reef, officials said."
    page = (
        f"Ferry sinks off the coast\n\nNORLAND (Harbour Union)_ {story}\n\nRescuers pulled twelve people out."
    )
    assert clean_text(page).text.startswith(story)


def test_a_list_the_last_paragraph_runs_into_stays_past_a_rail() -> None:
    rail = "Port Opens Record Dock, Including 2 New Cranes"
    intro = (
        "The police named the crew members they were looking for, based on photos from the port, including:"
    )
    teaser = "In total, the port authority said the record dock takes 2 new cranes and ten more berths."
    items = "  • Ada Brenner, 41 years old\n  • Tal Veda, 29 years old"
    page = "\n\n".join(
        ["Ferry sinks off the coast", _STORY, intro, rail, "More on this", rail, teaser + "\n" + items]
    )
    text = clean_text(page).text
    assert "Ada Brenner, 41 years old" in text and "Tal Veda, 29 years old" in text
    assert "cranes" not in text


def test_a_link_to_the_live_stream_is_no_masthead() -> None:
    page = f"WATCH TV LIVE\n\nFerry sinks off the coast\n\n{_STORY}\n\nRescuers pulled twelve people from the water."
    res = clean_text(page)
    assert res.found.publisher != "TV LIVE" and "WATCH TV LIVE" not in res.text
    assert res.found.title == "Ferry sinks off the coast"


def test_a_headline_and_date_run_into_the_first_paragraph_go_to_the_metadata() -> None:
    page = f"Harbour bank cuts its rate --First cut in four years | 18 Sept 2024 | {_STORY} Prices eased."
    res = clean_text(page)
    assert res.text.startswith(_STORY)
    assert res.found.title == "Harbour bank cuts its rate --First cut in four years"
    assert str(res.found.date) == "2024-09-18"
    row = "Ada Brenner | Harbour Daily | The harbour bank cut its lending rate by half a point on Wednesday morning."
    assert clean_text(row).text.startswith("Ada Brenner")
