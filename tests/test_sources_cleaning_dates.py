"""Dates and credits at the head of a story (sources/cleaning/dates.py, metadata.find_dates):
a labelled date before the first words, a numeric date glued to them, datelines with a colon,
a wire credit in brackets, issue lines — and the page's own display date still refused."""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.sources.cleaning import clean_text
from memogen.sources.metadata import find_dates, issue_label

PARA = (
    "The ferry operator suspended all crossings to the northern islands after inspectors found "
    "corrosion on the bow doors of two of its three vessels, the island council said."
)


_clean = clean_text


def test_a_labelled_date_before_the_first_words_dates_the_page_and_leaves_the_text() -> None:
    res = _clean(f" date 2025-05-04 {PARA}\n\n{PARA}")
    assert res.found.date == dt.date(2025, 5, 4)
    assert res.text.startswith("The ferry operator")
    assert any(
        d.line == "date 2025-05-04" and d.reason.startswith("date line of the page") for d in res.dropped
    )


def test_a_numeric_date_glued_to_the_first_word_is_the_stories_dateline() -> None:
    res = _clean(f"Ferries halted\n04-05-2025{PARA}\n{PARA}")
    assert res.found.date == dt.date(2025, 5, 4)
    assert res.text.startswith("The ferry operator")


@pytest.mark.parametrize(
    ("lead", "date", "publisher"),
    [
        ("HAVLAND, May 4 (Coastwire) - ", None, "Coastwire"),
        ("HAVLAND, 4 May 2025: ", dt.date(2025, 5, 4), None),
        ("HAVLAND, May 4 : ", None, None),
        ("HAVLAND, Norland (Coastwire) ", None, "Coastwire"),  # the dash lost in the copy
    ],
)
def test_datelines_with_a_dash_or_a_colon_leave_the_text(
    lead: str, date: dt.date | None, publisher: str | None
) -> None:
    res = _clean(f"Ferries halted\n{lead}{PARA}\n{PARA}")
    assert res.text.startswith("The ferry operator")
    assert res.found.date == date and res.found.publisher == publisher


def test_a_wire_credit_in_brackets_names_the_publisher() -> None:
    res = _clean(
        f" date 2025-05-04 (Harbourwire- Norland News Agency (NNA)) HAVLAND, May 4 (NNA) -- {PARA}\n{PARA}"
    )
    assert res.found.publisher == "Harbourwire- Norland News Agency (NNA)"
    assert res.found.date == dt.date(2025, 5, 4)
    assert res.text.startswith("The ferry operator")


def test_a_sentence_opening_with_brackets_is_no_credit() -> None:
    res = _clean(f"(The writer is a former harbour master.) {PARA}\n{PARA}")
    assert res.found.publisher is None and res.text.startswith("(The writer")


def test_the_page_display_date_is_still_refused_and_an_update_stamp_ranks_last() -> None:
    res = _clean(f"Havland Post\nWednesday, 14 January 2026\n\nFerries halted\n{PARA}\n{PARA}")
    assert res.found.date is None
    res = _clean(f"2 May 2025\nFerries halted\nBy Staff Reporter | Updated: 4 May 2025 14:02\n{PARA}\n{PARA}")
    assert res.found.date == dt.date(2025, 5, 2)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("04-05-2025", [dt.date(2025, 5, 4)]),  # day first
        ("on 05/21/2025 at noon", [dt.date(2025, 5, 21)]),  # month first only when day first is no date
        ("21.07.2024Dhaka", [dt.date(2024, 7, 21)]),
        ("version 1.2.3 of 2020", []),
        ("4 May 2025 and 2025-05-06", [dt.date(2025, 5, 4), dt.date(2025, 5, 6)]),
    ],
)
def test_find_dates_reads_numeric_dates(text: str, dates: list[dt.date]) -> None:
    assert [f.date for f in find_dates(text)] == dates


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("The Week at Sea #42, Vol. 3, No. 12", "The Week at Sea #42"),
        ("Harbour Notes # 7, 4 May 2025", "Harbour Notes #7"),
        ("Policy Brief No. 14, Issue 3", "Policy Brief No.14"),
        ("The law passed as No. 10 on 4 May 2025.", None),  # a sentence
        ("April 2025 | Harbour Notes # 7", None),  # a listing row: one mark, no full date
    ],
)
def test_issue_lines(line: str, label: str | None) -> None:
    assert issue_label(line) == label


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("16 | 02 | 2024", dt.date(2024, 2, 16)),
        ("Postado Setembro 22, 2017", dt.date(2017, 9, 22)),
        ("Publié le 3 mai 2025", dt.date(2025, 5, 3)),
    ],
)
def test_a_date_line_under_the_headline_in_bars_or_another_language(stamp: str, date: dt.date) -> None:
    res = _clean(f"Ferries halted after inspection\n\n{stamp}\n\n{PARA}\n\n{PARA}")
    assert res.found.date == date and res.found.title == "Ferries halted after inspection"
    assert stamp not in res.text


def test_bars_between_years_are_no_date() -> None:
    assert find_dates("2021 | 2020 | 2019") == [] and find_dates("Archive 12 | 2019 | 2020") == []


def test_a_reading_time_and_date_glued_to_the_headline_come_apart() -> None:
    res = _clean(
        f"Ferries halted after inspection1 min read . Updated: 03 Apr 2023, 05:30 AM IST\n{PARA}\n{PARA}"
    )
    assert res.found.title == "Ferries halted after inspection"
    assert res.found.date == dt.date(2023, 4, 3)
    assert "min read" not in res.text


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        (
            "Harbourtown: In an unexpected turn, the council voted to close the northern quay for a year.",
            "Harbourtown:",
        ),
        (
            "NEW HAVLAND — The council voted on Monday to close the northern quay for at least a year.",
            "NEW HAVLAND —",
        ),
        ("Background: The quay was built in 1920 and has been repaired four times since the storm.", None),
        ("Norland: A new era for the harbour", None),  # a title's two halves, not a place and a sentence
    ],
)
def test_a_place_alone_before_the_first_sentence_is_a_dateline(opening, place):
    page = (
        "Quay to close\n\n"
        + opening
        + "\n\nThe council said the repairs would cost more than the quay earns in a decade.\n"
    )
    result = clean_text(page)
    datelines = [d.line for d in result.dropped if d.reason.startswith("dateline")]
    if place is None:
        assert datelines == []
    else:
        assert datelines == [place] and opening[len(place) :].strip() in result.text
