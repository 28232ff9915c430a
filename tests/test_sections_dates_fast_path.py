"""The date finders' quick rejections never drop a mention the patterns would find."""

from __future__ import annotations

import random

from memogen.sections import dates
from memogen.sections.dates import find_dates, find_relative_days

PIECES = [
    "On", "Sunday", "sunday", "SUNDAY", "yesterday", "Today", "tonight", "this morning", "This Evening",
    "this", "next", "last", "coming", "Friday", "day", "days", "holiday", "7", "April", "2021", "2021-04-07",
    "the 1990s", "'80s", "May", "3rd", "of", "June", ",", ".", "Thiſ morning", "Sunday’s", "١٢", "Mon",
    "in", "he", "said", "TODAY", "thisevening", "to-day", "TONIGHT", "x",
]  # fmt: skip


def _pattern_mentions(text: str) -> list[str]:
    """What the pattern alone finds, as the function keeps it (a weekday needs its capital)."""
    return [
        m.group(0) for m in dates._RELATIVE.finditer(text) if not m["weekday"] or m["weekday"][0].isupper()
    ]


def test_quick_rejections_keep_every_mention():
    rng = random.Random(15)
    for _ in range(3000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 9)))
        assert [text[r.start : r.end] for r in find_relative_days(text)] == _pattern_mentions(text), text
        if not any(ch.isdigit() for ch in text):
            assert find_dates(text) == []


def test_found_as_before_on_plain_sentences():
    assert [r.weekday for r in find_relative_days("He left on Sunday, and came back yesterday.")] == [6, None]
    assert find_relative_days("The talks ended in the afternoon.") == []
    assert [(d.kind, d.year) for d in find_dates("Signed on 7 April 2021, in the 1990s style.")] == [
        ("day", 2021),
        ("decade", 1990),
    ]
    assert find_dates("No figures here at all.") == []


SCAN_PIECES = [
    "1999", "2023", "20", "12", "3", "31st", "of", " ", "  ", "\n", "March", "Mar.", "May", "June", "Sept",
    "Sep", "'90s", "1990s", "80s", "s", "a", "x", ",", "-", "$", "2021-05-06", "٣", "१२", "Dec", "Janu",
    "th", "per", "%", "million", "The", "_", "é", "’", "'", "0", "1700",
]  # fmt: skip


def test_each_pattern_tried_at_its_starts_finds_what_finditer_finds():
    """find_dates tries each pattern only where a match can begin: the same matches as a full scan."""
    rng = random.Random(8)
    for _ in range(4000):
        text = "".join(rng.choice(SCAN_PIECES) for _ in range(rng.randint(1, 30)))
        digits, months, decades = dates._match_starts(text)
        for rx, starts in (
            (dates._ISO, digits),
            (dates._DMY, digits),
            (dates._DMY_RANGE, digits),
            (dates._MDY_RANGE, months),
            (dates._YEAR_ONLY, digits),
            (dates._MDY, months),
            (dates._MY, months),
            (dates._DECADE, decades),
        ):
            full = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in dates._matches(rx, text, starts)] == full, (rx.pattern, text)


def test_a_long_text_gives_the_mentions_of_its_parts():
    part = "On 12 March 2021, in the '90s and the 1990s, since May 2020; 2021-05-06 and 3 June. "
    once = [(d.kind, d.start, d.end) for d in find_dates(part)]
    assert len(once) == 6
    found = find_dates(part * 200)
    copy = [(d.kind, d.start - i // 6 * len(part), d.end - i // 6 * len(part)) for i, d in enumerate(found)]
    assert copy == once * 200


def test_a_span_of_days_in_one_month_is_both_days_with_its_year():
    """ "10-11 September 2023" and "September 10–11, 2023" name two days, each with the year; a score
    ("3-2") or a fiscal year ("2023-24") beside a date is no span of days."""
    for text in ("on the night of 10-11 September 2023", "September 10–11, 2023"):
        assert [(d.kind, d.year, d.month, d.day) for d in find_dates(text)] == [
            ("day", 2023, 9, 10),
            ("day", 2023, 9, 11),
        ], text
    assert [(d.kind, d.day) for d in find_dates("a 3-2 win on May 5")] == [("day", 5)]
    assert [d.kind for d in find_dates("the 2023-24 budget of 12 March")] == ["year", "day"]
    assert [(d.day, d.month) for d in find_dates("from 11-10 March")] == [(10, 3)]  # not a span: one day
