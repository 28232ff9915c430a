"""Told: a sentence whose every figure a chosen statement already reports goes.

Why: once the memo states how a count moved or where sources differ on it ("The death toll rose
from more than 100 (A, 21 July) to at least 174 (B, 22 July), then to over 200 (C, 30 July)"),
another chosen point that gives one of those figures for the same source ("The unrest has
resulted in the loss of over 150 lives, prompting ...") says the fact again, a paragraph later.
Selection lets such a point in when the rest of it says something new; this stage takes out the
sentence the statement already tells and keeps the rest, or the whole point when nothing is left.
Only whole sentences go, never words inside one: the point still quotes its source.
"""

from __future__ import annotations

from ..merge.quantities import extract_quantities, split_sentences
from ..model import DroppedPoint, MergedPoint, SectionKey
from .standalone.shape import has_finite_verb

MEASURED = ("amount", "number", "percent")  # figures a statement reports; dates and years are not counts
MIN_REST_WORDS = 8  # what remains of a point must still be a statement


def _measured(text: str) -> set[tuple[str, tuple]]:
    return {(q.kind, q.value) for q in extract_quantities(text) if q.kind in MEASURED}


def told_figures(points: list[MergedPoint]) -> dict[str, set[tuple[str, tuple]]]:
    """Source id -> the figures the chosen points' statements report for that source."""
    out: dict[str, set[tuple[str, tuple]]] = {}
    for p in points:
        for c in p.conflicts:
            for v in c.values:
                out.setdefault(v.source_id, set()).update(_measured(v.value))
    return out


def _told(sentence: str, sources: list[str], told: dict[str, set[tuple[str, tuple]]]) -> bool:
    """Every figure of the sentence is one a statement reports for one of the point's sources."""
    own = _measured(sentence)
    return bool(own) and any(own <= told.get(s, set()) for s in sources)


def _stands(rest: str) -> bool:
    return len(rest.split()) >= MIN_REST_WORDS and has_finite_verb(rest)


def drop_told_sentences(chosen: dict[SectionKey, list[MergedPoint]]) -> list[DroppedPoint]:
    """Take out of the chosen points (in place) the sentences a chosen statement already tells.

    A point that carries statements keeps its text (the statement reads on from it); a point
    whose every sentence is told leaves the memo; a point whose other sentences still stand
    keeps those. Returns the points left out, with the reason."""
    points = [p for ps in chosen.values() for p in ps]
    told = told_figures(points)
    if not told:
        return []
    gone: list[DroppedPoint] = []
    for key, ps in chosen.items():
        kept = []
        for p in ps:
            if p.conflicts:
                kept.append(p)
                continue
            sentences = split_sentences(p.text)
            left = [s for s in sentences if not _told(s, p.source_ids, told)]
            if len(left) == len(sentences):
                kept.append(p)
            elif not left:
                reason = "its figures are in the statement of how sources report that count"
                gone.append(DroppedPoint(p.text, p.section, p.source_ids, reason))
            elif _stands(" ".join(left)):
                p.text, p.inlines = " ".join(left), None
                kept.append(p)
            else:
                kept.append(p)
        chosen[key] = kept
    return gone
