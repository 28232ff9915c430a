"""`extract_points`: one source's cleaned body -> points with a section, confidence and reason."""

from __future__ import annotations

import datetime as dt

from ..model import Point, Source
from .classify import Item, classify
from .event import infer_event, written_on
from .features import Context, Evidence, evidence
from .segment import Block, Draft, blocks, draft_points, render

MIN_WORDS = 3  # shorter "points" are debris (bylines, "Share") not statements


def _items(text: str, parts: list[Block], drafts: list[Draft], ctx: Context) -> list[Item]:
    parts = [b for b in parts if not b.heading]
    lo = parts[0].start if parts else 0
    span = max(1, (parts[-1].end if parts else len(text)) - lo)
    items: list[Item] = []
    prev_block = -1
    for d in drafts:
        ev = Evidence()
        for s in d.sentences:
            ev.add(evidence(text[s.start : s.end], ctx))
        mid = (d.start + d.end) / 2
        items.append(
            Item(
                evidence=ev,
                position=min(1.0, max(0.0, (mid - lo) / span)),
                new_paragraph=d.sentences[0].block != prev_block,
                scope=d.scope,
                fixed=d.scope_section,
                forbid_what_happened=ctx.pre_event,
            )
        )
        prev_block = d.sentences[-1].block
    return items


def extract_points(
    source: Source, event_date: dt.date | None, event_end: dt.date | None = None
) -> list[Point]:
    """Split `source.text` into points and put each in a memo section.

    Without an event date, the source's own event is inferred from it (`infer_event`).

    Offsets are into `source.text`; `text` is that span with whitespace collapsed
    (and a dropped leading connective, if any, with the next letter capitalised).
    """
    text = source.text
    if event_date is None:  # a page on its own: the event it reports as news
        own = infer_event([source])
        event_date, event_end = (own.start, own.end) if own else (None, None)
    ctx = Context(event_start=event_date, event_end=event_end, source_date=written_on(source))
    parts = blocks(text, frozenset(offset for offset, _ in source.headings))
    drafts = [d for d in draft_points(text, parts) if len(render(text, d).split()) >= MIN_WORDS]
    decisions = classify(_items(text, parts, drafts, ctx))
    return [
        Point(
            text=render(text, d),
            section=dec.section,
            source_id=source.id,
            start=d.start,
            end=d.end,
            confidence=dec.confidence,
            reason=dec.reason,
            order=i,
        )
        for i, (d, dec) in enumerate(zip(drafts, decisions, strict=True))
    ]
