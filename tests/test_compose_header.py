"""The memo's title: the headline that names the event (compose/header.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from memogen.compose.header import infer_title
from memogen.merge import MergeResult
from memogen.model import Citation, MergedPoint, Source, SourceMetadata


def _source(sid: str, title: str) -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(title=title), text="")


def _point(pid: str, text: str, sources: list[str], section: str = "what_happened") -> MergedPoint:
    return MergedPoint(
        id=pid,
        text=text,
        section=section,  # type: ignore[arg-type]
        citations=[Citation(s, text, 0, len(text)) for s in sources],
    )


def test_the_headline_naming_the_event_beats_a_section_heading_taken_for_one():
    heading = _source("a", "Harbour fund")
    headline = _source("b", "Harbour Summit Opens In Vellmark With Deal On Storm Repair Fund")
    points = [
        _point("p1", "The harbour summit opened in Vellmark with a deal on a storm repair fund.", ["a", "b"]),
        _point("p2", "Delegates pledged money to the harbour fund on the first day.", ["a"]),
        _point("p3", "Vellmark hosted the summit for the first time.", ["a"]),
    ]
    title = infer_title([heading, headline], MergeResult(points, []))
    assert title == "Harbour Summit Opens In Vellmark With Deal On Storm Repair Fund"


def test_without_headlines_the_memo_is_a_briefing_memo():
    untitled = Source(id="a", path="a.txt", kind="txt", metadata=SourceMetadata(), text="")
    assert infer_title([untitled], MergeResult([], [])) == "Briefing memo"


def test_page_furniture_taken_for_a_headline_never_names_the_memo():
    masthead = _source("a", "HERALD Herald Logo")
    points = [
        _point("p1", "The harbour summit opened in Vellmark with a deal on a storm repair fund.", ["a"])
    ]
    assert infer_title([masthead], MergeResult(points, [])) == "Briefing memo"
    named = _source("b", "Vellmark summit agrees storm repair fund")
    assert (
        infer_title([masthead, named], MergeResult(points, [])) == "Vellmark summit agrees storm repair fund"
    )


def test_a_page_written_before_the_event_does_not_name_the_memo():
    early = dataclasses.replace(
        _source("a", "Harbour board confirms: Vellmark will host the storm summit"),
        text="The city must submit its plans before July 2024, the board said. Vellmark is the only bidder.",
    )
    later = _source("b", "Vellmark confirmed as host of the storm summit")
    points = [
        _point("p1", "Vellmark was confirmed as host of the storm summit by the harbour board.", ["a", "b"])
    ]
    event = dt.date(2024, 12, 11)
    assert infer_title([early, later], MergeResult(points, []), event_date=event) == later.metadata.title
    # with no headline of the event's time, the earlier page's headline still beats the folder's name
    assert infer_title([early], MergeResult(points, []), "storm-summit", event) == early.metadata.title
    # the deadline after the event's day, or no event day known: the page may well be the event's
    assert (
        infer_title([early], MergeResult(points, []), event_date=dt.date(2024, 3, 1)) == early.metadata.title
    )
    assert infer_title([early], MergeResult(points, [])) == early.metadata.title
