"""`memo_candidates`: the points of one very long source that are sectioned, merged and composed.

Why: a two-page memo states about thirty points, and the composer ranks a source's points by
their position (a lead counts, a 40th point barely does), their names and figures, and how they
relate to the other points. A 4 MB report gives some 20,000 points, and reading each one's
cues, claims and figures, pairing it with its neighbours and ranking it costs time in proportion
(or worse) while almost none of them can reach the memo. So a source with more than `MAX_POINTS` points keeps its
lead (a report's summary and introduction) and, from each equal stretch of the rest, its most
specific point (names and figures): every part of the report stays represented.

`MAX_POINTS` is about ten times the most points any real page gave (34, over the shared corpus,
the devset and lavrov-2021), so a page of news or analysis never reaches it: its points are kept
as they are and sectioned as before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Point, Source

MAX_POINTS = 320  # a source with more points is a long report, not a page
LONG_TEXT = 100_000  # characters: over ten times the longest real page's text (7,167)
LEAD_POINTS = 80  # a report's opening: its summary and introduction, kept whole
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"[A-Z](?<=[a-z,;:] [A-Z])[\w-]+")  # a capitalised word inside a sentence (as salience)


def _specific(text: str) -> int:
    """How checkable a statement is: its figures (up to 2) and names (up to 3)."""
    return min(len(_FIGURE.findall(text)), 2) + min(len(_NAME.findall(text)), 3)


def memo_candidates(texts: list[str]) -> list[int]:
    """Which of one source's points (their texts, in order) go on: all of them, or for a source of
    more than MAX_POINTS points (a long report) its lead and the most specific point of each equal
    stretch after it, in their order."""
    if len(texts) <= MAX_POINTS:
        return list(range(len(texts)))
    stretches = MAX_POINTS - LEAD_POINTS
    rest = len(texts) - LEAD_POINTS
    kept = list(range(LEAD_POINTS))
    for k in range(stretches):
        stretch = range(LEAD_POINTS + k * rest // stretches, LEAD_POINTS + (k + 1) * rest // stretches)
        if stretch:  # the earliest of the most specific points: ties go to the opening
            kept.append(max(stretch, key=lambda i: (_specific(texts[i]), -i)))
    return kept


def read_texts(sources: list[Source], points: Iterable[Point]) -> list[str]:
    """The text of each source that the merge's whole-text passes (learned aliases, lone labels) read:
    all of it, or for a text over LONG_TEXT characters (a long report, gone on as its candidates)
    its points' texts, one paragraph each. Those passes cost in proportion to the text (~1.5 s for
    4 MB), and read what the memo's points can use; no real page comes near LONG_TEXT."""
    if all(len(s.text) <= LONG_TEXT for s in sources):
        return [s.text for s in sources]
    said: dict[str, list[str]] = defaultdict(list)
    for p in points:
        said[p.source_id].append(p.text)
    return [s.text if len(s.text) <= LONG_TEXT else "\n\n".join(said[s.id]) for s in sources]
