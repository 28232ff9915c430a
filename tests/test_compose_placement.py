"""Placement: points filed outside What happened that the evidence shows are reports of the event."""

from __future__ import annotations

import datetime as dt

from memogen.compose.placement import place_event_reports
from memogen.model import Conflict, MergedPoint

EVENT = dt.date(2031, 3, 4)


def _point(
    text: str, section: str, confidence: float, conflicts: list[Conflict] | None = None
) -> MergedPoint:
    return MergedPoint(
        id=f"p{abs(hash(text)) % 10_000}",
        text=text,
        section=section,  # type: ignore[arg-type]
        citations=[],
        conflicts=conflicts or [],
        confidence=confidence,
    )


def test_a_count_sources_report_differently_is_the_events_tally() -> None:
    tally = _point(
        "The Harbour Party and the Valley League trail with 41 and 30 seats.",
        "background",
        0.9,
        [Conflict(kind="number", statement="Sources differ: A reports 41 seats; B reports 44 seats.")],
    )
    dated = _point(
        "The old charter was signed in 1921 after a long dispute over the border.",
        "background",
        0.9,
        [Conflict(kind="date", statement="Sources differ: A reports 1921; B reports 1922.")],
    )
    place_event_reports([tally, dated], EVENT)
    assert tally.section == "what_happened"
    assert dated.section == "background"  # a disputed date of history stays history


def test_an_unsure_what_it_means_label_on_a_plain_report_moves() -> None:
    report = _point(
        "The ruling was handed down by a five-judge panel led by the chief judge.", "what_it_means", 0.3
    )
    sure = _point(
        "The ruling was handed down by a five-judge panel led by the chief judge.", "what_it_means", 0.8
    )
    modal = _point("The ruling could be appealed by the opposition within a month.", "what_it_means", 0.3)
    evaluative = _point("The ruling was a major setback for the opposition.", "what_it_means", 0.3)
    quoted = _point("Lawyers called the ruling “a dark day” for the courts.", "what_it_means", 0.3)
    recalled = _point("The ruling was first challenged by the opposition in 2019.", "what_it_means", 0.3)
    place_event_reports([report, sure, modal, evaluative, quoted, recalled], EVENT)
    assert report.section == "what_happened"
    assert [p.section for p in (sure, modal, evaluative, quoted, recalled)] == ["what_it_means"] * 5
