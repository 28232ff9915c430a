"""Labels one source alone gives: a name a page marks as its own ("the so-called “Global Balance”").

Why: a name the writer keeps at a distance ("the so-called “…”", in quotes) is often a translation
or a coinage of that page; when no other source of the topic uses it, the memo would state the
page's label as the thing's name. (A name merely introduced — "dubbed", "known as" — is the
thing's name, and stays.) Like a date only one source gives, it is
that source's reading, not a fact the sources back: the point is flagged, not stated (another
source's statement of the same fact still is).
"""

from __future__ import annotations

import re

from ..model import Point

_LABEL = re.compile(
    r"\bso[- ]called\s+[“\"‘']"
    r"(?P<label>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5})[”\"’']",
)


def labels(text: str) -> list[str]:
    """Quoted names a sentence marks as labels, Title Case first word."""
    if "called" not in text:  # in every match: one quick scan instead of the pattern's (`\b` leads it)
        return []
    return [m.group("label") for m in _LABEL.finditer(text)]


def lone_labels(points: list[Point], source_texts: dict[str, str]) -> dict[int, list[str]]:
    """Points giving a marked label no other source's text uses (in any letter case): point -> why."""
    flagged: dict[int, list[str]] = {}
    lowered: dict[str, str] = {}  # every source's text, lower-cased once the first label is met
    for k, p in enumerate(points):
        for label in labels(p.text):
            lowered = lowered or {
                sid: re.sub(r"\s+", " ", text.lower()) for sid, text in source_texts.items()
            }
            needle = re.sub(r"\s+", " ", label.lower())
            if not any(needle in text for sid, text in lowered.items() if sid != p.source_id):
                flagged.setdefault(k, []).append(f"“{label}”: a label only this source uses")
    return flagged
