"""A headline of another story between two paragraphs goes; a heading of the article stays."""

from __future__ import annotations

from memogen.sources.cleaning.lines import Line
from memogen.sources.cleaning.sidebars import stray_headlines

P1 = (
    "The water board said on Friday that the reservoir above the valley had filled again after a "
    "month of rain, and that the hosepipe ban would end."
)
P2 = (
    "Farmers downstream had asked for the ban to be lifted in April, when the dry spring left their "
    "wells low and the river slow."
)


def _lines(*texts: str) -> list[Line]:
    return [Line(t, k + 1) for k, t in enumerate(texts)]


def test_a_headline_naming_what_the_page_never_says_is_dropped() -> None:
    items = _lines(P1, "Strong quake hits Norland, damages 12 buildings", P2)
    stray_headlines(items)
    assert not items[1].kept and "another story" in items[1].reason


def test_a_heading_sharing_words_with_its_paragraph_stays() -> None:
    items = _lines(P1, "Farmers asked for the ban in April", P2)
    stray_headlines(items)
    assert items[1].kept


def test_a_name_said_in_another_line_is_not_new() -> None:
    items = _lines(P1, "Strong quake hits Norland, damages 12 buildings", P2, "Norland and 12 more.", P1)
    stray_headlines(items)
    assert items[1].kept
