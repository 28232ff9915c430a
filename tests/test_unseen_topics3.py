"""Round three of unseen-topic checks: a ferry disaster (tests/fixtures/topics/orsa-ferry/).

The six plain-text sources plant what an analyst reads for: a fact three sources state
in different words ("412" / "Four hundred and twelve"), a death toll that legitimately
rises between an early and a later report, a date two sources disagree on (the last
inspection: March 2024 vs March 2023), quotes, an enumeration ("First, ... Second,
..."), expletive and pronoun-initial sentences, and an institute brief with "Why it
matters" / "Background" / "What next" headings. The unit tests below pin the general
causes found on it; the topic tests assert properties any memo must have.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from memogen.merge import features, merge_points, quantities_agree
from memogen.model import Point, Source, SourceMetadata

TOPICS = Path(__file__).resolve().parent / "fixtures" / "topics"
BUILD_DAY = dt.datetime(2025, 10, 1, tzinfo=dt.timezone.utc)


def _source(sid: str, sentences: list[str], publisher: str, date: dt.date) -> tuple[Source, list[Point]]:
    text = "\n\n".join(sentences)
    src = Source(
        id=sid,
        path=f"{sid}.txt",
        kind="txt",
        metadata=SourceMetadata(publisher=publisher, date=date),
        text=text,
    )
    points, pos = [], 0
    for k, s in enumerate(sentences):
        start = text.index(s, pos)
        points.append(
            Point(text=s, section="background", source_id=sid, start=start, end=start + len(s), order=k)
        )
        pos = start + len(s)
    return src, points


def _merge(*specs):
    sources, points = [], []
    for spec in specs:
        s, p = _source(*spec)
        sources.append(s)
        points += p
    return merge_points(points, sources)


# --------------------------------------------------------------------------- general causes


def test_day_names_are_not_names_that_split_a_fact():
    """'on Sunday' on one side only is when, not who: the paraphrase still merges."""
    result = _merge(
        (
            "a",
            ["The ferry was carrying 412 passengers and 38 crew on its crossing from Orsa to Vell."],
            "A",
            dt.date(2025, 9, 14),
        ),
        (
            "b",
            [
                "Four hundred and twelve passengers and 38 crew members were on board the ferry when it sank on Sunday."
            ],
            "B",
            dt.date(2025, 9, 15),
        ),
    )
    assert len(result.merged) == 1
    assert sorted(c.source_id for c in result.merged[0].citations) == ["a", "b"]


def test_dates_that_differ_in_year_are_a_conflict():
    """A date's own year is its value: 'March 2024' vs 'March 2023' for one inspection is a conflict."""
    result = _merge(
        (
            "a",
            [
                "The ferry last passed a full safety inspection in March 2024, according to the Maritime Safety Agency."
            ],
            "Alpha",
            dt.date(2025, 9, 16),
        ),
        (
            "b",
            [
                "Its last full inspection by the Maritime Safety Agency took place in March 2023, according to records."
            ],
            "Beta",
            dt.date(2025, 9, 19),
        ),
    )
    conflicts = [c for m in result.merged for c in m.conflicts]
    assert [c.kind for c in conflicts] == ["date"]
    assert "March 2024" in conflicts[0].statement and "March 2023" in conflicts[0].statement


def test_dates_of_different_events_in_different_years_are_no_conflict():
    result = _merge(
        (
            "a",
            ["The old bridge was opened to traffic in May 1971 after four years of work."],
            "Alpha",
            dt.date(2025, 9, 16),
        ),
        (
            "b",
            ["The city council approved the new tram line in May 2019 after a long debate."],
            "Beta",
            dt.date(2025, 9, 19),
        ),
    )
    assert not [c for m in result.merged for c in m.conflicts]


def test_a_preposition_after_a_figure_is_not_its_unit():
    """'rose to 23 on Monday': 23 counts nothing called 'on'."""
    (q,) = [
        q
        for q in features("The toll rose to 23 on Monday, the coastguard said.").quantities
        if q.kind == "number"
    ]
    assert q.unit == ""
    a = features("Officials counted 23 on Monday.")
    b = features("Officials counted 23 in total.")
    assert quantities_agree(a, b)
