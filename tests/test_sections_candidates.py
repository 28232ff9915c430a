"""A very long source keeps its lead and each stretch's most specific point; a page keeps every point."""

from __future__ import annotations

import datetime as dt

from memogen.model import Source, SourceMetadata
from memogen.sections import extract_points
from memogen.sections.candidates import LEAD_POINTS, MAX_POINTS, memo_candidates


def _source(text: str) -> Source:
    return Source(
        id="r", path="r.txt", kind="txt", metadata=SourceMetadata(date=dt.date(2023, 3, 10)), text=text
    )


def test_a_page_keeps_every_point() -> None:
    texts = [f"the talks went on for a long time, officials said ({k})" for k in range(MAX_POINTS)]
    assert memo_candidates(texts) == list(range(MAX_POINTS))


def test_a_long_report_keeps_its_lead_and_the_most_specific_point_of_each_stretch() -> None:
    n = MAX_POINTS * 10
    texts = ["the talks went on for a long time and nobody said much about them." for _ in range(n)]
    specific = list(range(LEAD_POINTS + 7, n, 10))  # one point in ten gives figures and names
    for k in specific:
        texts[k] = "the ministers of Ghana and Kenya signed 12 deals worth $4 billion in Accra."
    kept = memo_candidates(texts)
    assert len(kept) == MAX_POINTS
    assert kept[:LEAD_POINTS] == list(range(LEAD_POINTS))
    assert kept == sorted(set(kept))  # in their order, none twice
    assert set(kept[LEAD_POINTS:]) <= set(specific)
    rest = n - LEAD_POINTS
    stretch = rest / (MAX_POINTS - LEAD_POINTS)
    gaps = [b - a for a, b in zip(kept[LEAD_POINTS:], kept[LEAD_POINTS + 1 :], strict=False)]
    assert max(gaps) < 2 * stretch + 1  # every part of the report is represented


def test_a_tie_goes_to_the_earliest_point_of_the_stretch() -> None:
    texts = [f"point number {k} of the long report, with one figure." for k in range(MAX_POINTS + 240)]
    kept = memo_candidates(texts)
    stretches = MAX_POINTS - LEAD_POINTS
    rest = len(texts) - LEAD_POINTS
    assert kept[LEAD_POINTS:] == [LEAD_POINTS + k * rest // stretches for k in range(stretches)]


def test_extract_points_sections_only_the_candidates_of_a_long_report() -> None:
    paragraphs = [
        f"On {1 + k % 28} March the delegation of country {k} met officials in the capital. "
        f"They discussed trade worth ${k + 3} million and signed {k % 5 + 1} agreements."
        for k in range(MAX_POINTS * 2)
    ]
    source = _source("\n\n".join(paragraphs))
    points = extract_points(source, dt.date(2023, 3, 9))
    assert len(points) == MAX_POINTS
    assert [p.order for p in points] == list(range(len(points)))
    assert all(source.text[p.start : p.end].split()[:2] == p.text.split()[:2] for p in points)
    opening = [p.text for p in extract_points(_source("\n\n".join(paragraphs[:20])), dt.date(2023, 3, 9))]
    assert 0 < len(opening) <= LEAD_POINTS
    assert [p.text for p in points[: len(opening)]] == opening  # the lead is kept whole
