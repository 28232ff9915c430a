"""A headline of another story between two paragraphs goes; a heading of the article stays."""

from __future__ import annotations

from memogen.sources.cleaning.lines import Line
from memogen.sources.cleaning.sidebars import stray_headlines

P1 = (
    "The port authority said on Tuesday that ferries to the northern islands would resume next week "
    "after inspectors cleared two of the three vessels."
)
P2 = (
    "Crossings were halted in March when corrosion was found on the bow doors, leaving island residents "
    "with a single daily boat for most of the spring."
)


def _lines(*texts: str) -> list[Line]:
    return [Line(t, k + 1) for k, t in enumerate(texts)]


def test_a_headline_naming_what_the_page_never_says_is_dropped() -> None:
    items = _lines(P1, "Strong quake hits Norland, damages 12 buildings", P2)
    stray_headlines(items)
    assert not items[1].kept and "another story" in items[1].reason


def test_a_heading_sharing_words_with_its_paragraph_stays() -> None:
    items = _lines(P1, "Bow doors found corroded in March inspection", P2)
    stray_headlines(items)
    assert items[1].kept


def test_a_name_said_in_another_line_is_not_new() -> None:
    items = _lines(P1, "Strong quake hits Norland, damages 12 buildings", P2, "Norland and 12 more.", P1)
    stray_headlines(items)
    assert items[1].kept
