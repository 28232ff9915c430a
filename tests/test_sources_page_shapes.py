"""Page shapes seen on real sites beyond the two tuned publishers (fixtures are our own writing)."""

from __future__ import annotations

import datetime as dt

from memogen.sources.cleaning import clean_text
from memogen.sources.cleaning.dates import year_from_weekday

PARA = (
    "The harbour authority suspended all ferry crossings to the northern islands on Tuesday after "
    "inspectors found cracks in the bow doors of two vessels, officials said."
)
PARA2 = (
    "Operators said the checks would take at least a week and that passengers with tickets would be "
    "offered refunds or places on the coastal bus service."
)


def test_a_section_label_above_the_headline_names_no_publisher() -> None:
    res = clean_text(
        f"World Daily News\nPolitics\nNorland\n\nFerries halted after inspection\n\n{PARA}\n{PARA2}"
    )
    assert res.found.title == "Ferries halted after inspection"
    assert res.found.publisher is None


def test_an_institute_masthead_names_the_publisher() -> None:
    res = clean_text(
        f"Lendrian Institute for Transport Policy\nFerries halted after inspection\nBy Lena Brandt\n{PARA}\n{PARA2}"
    )
    assert res.found.publisher == "Lendrian Institute for Transport Policy"


def test_captions_go_by_their_credit_and_sentences_with_slashes_stay() -> None:
    text = (
        f"Ferries halted after inspection\nKarl Vinter/AP\n{PARA}\n"
        "Passengers wait at the quay in Havland on Tuesday. (Mara Ilves/AP)\n"
        "Boats moored in the old harbour [EPA]\n"
        "The former minister Anna Berg (File)\n"
        f"The wind reached 90 km/h on the coast (Norland Met Office/Harbour Desk) before it eased.\n{PARA2}"
    )
    res = clean_text(text)
    assert "Karl Vinter" not in res.text and "Mara Ilves" not in res.text
    assert "[EPA]" not in res.text and "(File)" not in res.text
    assert "The wind reached 90 km/h" in res.text and res.found.title == "Ferries halted after inspection"


def test_a_long_caption_ending_in_a_wire_credit_is_a_caption_and_never_the_name() -> None:
    caption = (
        "Stranded lorries stand at the closed ferry terminal in Havland, Norland, 14 March 2031. "
        "Inspectors found cracks in the bow doors of two vessels on Tuesday. Operators said the checks "
        "would take at least a week. EPA-EFE/KARL VINTER"
    )
    res = clean_text(
        f"{caption}\n\n{PARA}\n\n{PARA2}\n\nThe fares are 40/60 crowns. Officials/residents agree."
    )
    assert "Stranded lorries" not in res.text and "KARL VINTER" not in res.text
    assert "harbour authority suspended" in res.text
    assert "Officials/residents agree." in res.text  # a slash in the last words of a sentence is no credit


def test_player_labels_and_widgets_are_never_the_title() -> None:
    text = (
        "Ferries halted after inspection\nGet the Harbour Radio app\nOther ways to listen\n"
        f"Text size Aa Aa\n{PARA}\nundefined\n{PARA2}\n(Visited 26 times, 1 visits today)"
    )
    res = clean_text(text)
    assert res.found.title == "Ferries halted after inspection"
    for junk in ("Other ways to listen", "Text size", "undefined", "Visited 26"):
        assert junk not in res.text


def test_a_live_blog_keeps_every_entry_and_reads_its_byline() -> None:
    text = (
        "Ferries halted: live updates as inspectors check the fleet\n\nBy Lena Brandt\n\n"
        f"{PARA}\n\nOperators respond\n\nBy Lena Brandt\n\n{PARA2}\n\nBy Lena Brandt\n\n"
        "The union said its members would not sail until every door had been checked by the inspectors."
    )
    res = clean_text(text)
    assert PARA[:40] in res.text and PARA2[:40] in res.text and "union said" in res.text
    assert "By Lena Brandt" not in res.text and res.found.authors == ["Lena Brandt"]


def test_a_listing_page_has_no_headline_or_date_of_its_own() -> None:
    rows = []
    for n in range(3):
        rows += [
            f"Ferry story number {n} in the north",
            f"Feb. {10 + n}, 2024 13:18 PM EST",
            f"HAVLAND (AP) — {PARA[:120]}...",
        ]
    res = clean_text("Latest Ferries News\n\n" + "\n\n".join(rows))
    assert res.found.title is None and res.found.date is None
    assert "Ferry story number" not in res.text and "Latest Ferries News" not in res.text


def test_a_section_heading_first_on_the_page_stays_a_heading() -> None:
    res = clean_text(f"What's Happening?\n{PARA}\nWhy It's Important?\n{PARA2}")
    assert res.found.title is None
    assert res.text.startswith("What's Happening?")


def test_a_headline_beats_the_deck_printed_under_it() -> None:
    res = clean_text(
        f"Ferries halted after inspection\n\nOperators check the doors of every vessel in the fleet\n\n{PARA}\n{PARA2}"
    )
    assert res.found.title == "Ferries halted after inspection"


def test_a_source_credit_after_the_article_names_the_publisher_but_not_under_a_chart() -> None:
    res = clean_text(
        f"Ferries halted after inspection\n{PARA}\n{PARA2}\nSource: Harbour Times and news agencies"
    )
    assert res.found.publisher == "Harbour Times" and "Source:" not in res.text
    res = clean_text(f"Ferries halted after inspection\n{PARA}\nSource: Norland Statistics\n{PARA2}")
    assert res.found.publisher is None and "Source:" not in res.text


def test_a_long_date_line_under_the_headline_is_the_date() -> None:
    res = clean_text(
        "Ferries halted after inspection\n"
        f"September 22, 2020 11:14 am | Updated November 28, 2021 01:14 pm IST - Havland\n{PARA}\n{PARA2}"
    )
    assert res.found.title == "Ferries halted after inspection"
    assert res.found.date == dt.date(2020, 9, 22)


def test_a_blog_footer_names_the_author() -> None:
    res = clean_text(
        f"Ferries halted after inspection\n{PARA}\n{PARA2}\nThis entry was posted in , , by Grant Holm."
    )
    assert res.found.authors == ["Grant Holm"] and "posted" not in res.text


def test_a_dateline_without_year_takes_the_year_its_weekday_names() -> None:
    today = dt.date(2026, 5, 1)
    assert year_from_weekday("HAVLAND, Feb 12", "the board on Monday said", today) == dt.date(2024, 2, 12)
    assert year_from_weekday("HAVLAND, Feb 12", "the board said", today) is None
    two_days = "the ferry sank on Friday evening, the coastguard said on Saturday"
    assert year_from_weekday("HAVLAND, May 3", two_days, today) is None


def test_the_last_paragraph_broken_mid_sentence_is_kept_whole() -> None:
    res = clean_text(
        f"Ferries halted after inspection\n\n{PARA}\n\nOperators said the checks would take at least a week "
        "and that passengers with tickets would be\n\noffered refunds or places on the coastal bus service.\n"
    )
    assert "would be offered refunds or places on the coastal bus service." in res.text


def test_a_lower_case_label_after_a_closed_last_paragraph_still_goes() -> None:
    res = clean_text(f"Ferries halted after inspection\n\n{PARA}\n\n{PARA2}\n\nshare this\n")
    assert "share this" not in res.text


def test_a_series_label_over_the_headline_is_not_the_title() -> None:
    res = clean_text(
        "Sign up\nDaily news summaries\nFerry checks halt island crossings\nBy the briefing team\n"
        f"July 4, 2024 · 2 min read\nDriving the news: {PARA}\nThe context: {PARA2}\n"
    )
    assert res.found.title == "Ferry checks halt island crossings"


def test_a_short_headline_sharing_the_article_words_stays_over_its_deck() -> None:
    res = clean_text(
        "Ferry crossings halted\nInspectors found cracks in the bow doors of two vessels on Tuesday\n"
        f"By Lena Brandt\n\n{PARA}\n\n{PARA2}\n"
    )
    assert res.found.title == "Ferry crossings halted"


def test_a_lone_label_over_the_text_is_no_title() -> None:
    res = clean_text(f"Abstract\n\n{PARA}\n\n{PARA2}\n")
    assert res.found.title is None
    assert res.text.startswith("The harbour authority")


def test_wire_caption_openings_are_captions() -> None:
    from memogen.sources.cleaning.captions import caption

    assert caption(
        "In this image taken from video provided by the state broadcaster, a colonel reads a statement"
    )
    assert caption("In this Sept. 5, 2023 photo, ferry passengers wait at the harbour.")
    assert caption("This photo released by the coastguard shows the capsized ferry.")
    assert caption("In this context, the harbour authority acted quickly.") is None
    assert caption("This image of the harbour is misleading, critics say.") is None


def test_a_time_stamp_glued_to_the_headline_is_the_date() -> None:
    res = clean_text(f"Ferry checks halt island crossingsTue, 4 Jun 2024 09:15:00 GMT\n\n{PARA}\n\n{PARA2}\n")
    assert res.found.title == "Ferry checks halt island crossings"
    assert res.found.date == dt.date(2024, 6, 4)


def test_a_line_ending_in_a_date_after_a_space_is_no_glued_stamp() -> None:
    from memogen.sources.cleaning.dates import headline_stamp
    from memogen.sources.cleaning.lines import Found, Line

    it, found, dropped = Line("The inquiry into the cracks will report on 12 March 2025", 1), Found(), []
    headline_stamp(it, found, dropped)
    assert it.text.endswith("12 March 2025") and found.date is None and not dropped


def test_a_posts_stamp_at_its_time_after_the_headline_is_the_date() -> None:
    res = clean_text(f"Ferry checks halt island crossings June 4, 2024 at 09:15AM\n\n{PARA}\n\n{PARA2}\n")
    assert res.found.title == "Ferry checks halt island crossings"
    assert res.found.date == dt.date(2024, 6, 4)


def test_a_labelled_month_before_the_text_goes_without_giving_a_day() -> None:
    res = clean_text(f" date 2024-06 {PARA}\n\n{PARA2}\n")
    assert res.text.startswith("The harbour authority") and res.found.date is None


def test_a_wiki_dumps_equals_signs_mark_its_title_and_headings() -> None:
    res = clean_text(f"= Ferry crossings halted =\n\n{PARA}\n\n== Inspection ==\n\n{PARA2}\n")
    assert res.found.title == "Ferry crossings halted"
    assert "==" not in res.text and "Inspection" in res.text


def test_a_line_closing_on_the_picture_it_describes_is_a_caption() -> None:
    res = clean_text(f"The ferry Nordlys leaves the harbour in an undated photograph\n\n{PARA}\n\n{PARA2}\n")
    assert "undated photograph" not in res.text and res.found.title != (
        "The ferry Nordlys leaves the harbour in an undated photograph"
    )
    # a sentence that mentions a photo is no caption
    text = f"{PARA}\n\nThe minister said the crack was plainly visible in a photo.\n"
    assert "visible in a photo" in clean_text(text).text
