"""Two pages at most, by measuring the rendered page rather than charging words for footnotes.

Why: how much a footnote takes depends on its source's title, the citation style and the page
size; a fixed charge per note left memos short (81 of 100 words) and still overflowed with many
short points. The memo is laid out within its word budget, then measured; while it runs past the
limit, the points chosen last (the least marginal gain, in MMR's pick order) make room.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import DroppedPoint, Memo, MemoSection, MergedPoint, SectionKey

MAX_PAGES = 2
REFILL_TRIES = 3  # cut points picked after the last one cut that may fit back in


def page_count(pdf: bytes) -> int:
    """Pages of a PDF written by reportlab (one '/Type /Page' object per page)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


Chosen = dict[SectionKey, list[MergedPoint]]


def without(chosen: Chosen, gone: set[str]) -> Chosen:
    return {k: [p for p in ps if p.id not in gone] for k, ps in chosen.items()}


def section_leads(order: list[str], section_of: dict[str, SectionKey]) -> list[str]:
    """The first-picked point of each section (its most salient account)."""
    first: dict[SectionKey, str] = {}
    for pid in order:
        first.setdefault(section_of[pid], pid)
    return list(first.values())


def fit_pages(
    memo: Memo,
    chosen: Chosen,
    pick_order: list[str],
    lay_out: Callable[[Chosen], list[MemoSection]],
    measure: Callable[[Memo], int],
    limit: int = MAX_PAGES,
) -> None:
    """Cut the fewest last-picked points so that `measure(memo)` (pages) is within `limit`.

    `lay_out` rebuilds the sections from a choice; the first pick (the memo's opening fact)
    and each section's first pick always stay: a memo cut to its pages keeps all three parts.
    Doubling then halving: a few measurements, not one per point. A shorter point picked after
    the long one whose cut made the memo fit goes back in when the room left holds it.
    """
    if measure(memo) <= limit:
        return
    section_of = {p.id: key for key, ps in chosen.items() for p in ps}
    order = [pid for pid in pick_order if pid in section_of]
    kept = {order[0], *section_leads(order, section_of)} if order else set()
    cuttable = [pid for pid in reversed(order) if pid not in kept]

    def fits(k: int) -> bool:
        memo.sections = lay_out(without(chosen, set(cuttable[:k])))
        return measure(memo) <= limit

    # Overflows are mostly a few points: probe 1, 2, 4, ... cuts, then halve the last gap.
    lo, hi = 0, 1
    while hi < len(cuttable) and not fits(hi):
        lo, hi = hi, min(2 * hi, len(cuttable))
    best = hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            best = hi = mid
        else:
            lo = mid
    gone = set(cuttable[:best])
    # the room the cut left may hold a shorter point picked after it (the boundary one did not fit)
    for pid in list(reversed(cuttable[: best - 1]))[:REFILL_TRIES]:
        memo.sections = lay_out(without(chosen, gone - {pid}))
        if measure(memo) <= limit:
            gone.discard(pid)
    memo.sections = lay_out(without(chosen, gone))
    measure(memo)  # the last measurement is of the memo as it stays
    for p in (p for ps in chosen.values() for p in ps if p.id in gone):
        reason = f"page limit ({limit} pages): among the last points chosen"
        memo.dropped_points.append(DroppedPoint(p.text, p.section, p.source_ids, reason))
        memo.kept_reasons.pop(p.id, None)
