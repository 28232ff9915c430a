"""`memogen build --explain`: what was merged, what conflicted, what was cut, in plain text.

Why: every memo sentence must be traceable; this is the human-readable view of the
JSON record, so a reviewer can check the merger's choices without opening JSON.
"""

from __future__ import annotations

from collections import Counter

from .model import Memo


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def explain_memo(memo: Memo) -> str:
    """A readable summary of the event memogen took, and of the merger's and composer's decisions."""
    from .sections.event import event_lines

    in_memo = {p.id for p in memo.points}
    lines = event_lines(memo.sources, memo.header.event_date, memo.header.event_end)
    # A fact stated more than once: by several sources, or by several passages, or with its
    # figures stated by another fact's disagreement (absorbed into that fact).
    absorbed: dict[str, list[str]] = {}
    for c in memo.clusters:
        if c.absorbed_into:
            absorbed.setdefault(c.absorbed_into, []).append(c.id)
    merged = [
        c
        for c in memo.clusters
        if not c.absorbed_into
        and (len({m.source_id for m in c.members}) > 1 or len(c.members) > 1 or c.id in absorbed)
    ]
    facts = sum(1 for c in memo.clusters if not c.absorbed_into)
    lines.append(f"Merged ({len(merged)} facts stated more than once, of {facts} in all):")
    for c in sorted(merged, key=lambda c: -len(c.members)):
        flag = "" if c.id in in_memo else "  [not in memo]"
        lines.append(f'  {c.id} [{c.section}] "{_short(c.chosen)}"{flag}')
        for m in c.members:
            lines.append(f"      {m.score:4.2f}  {m.source_id}: {_short(m.excerpt, 90)}")
        for other in absorbed.get(c.id, []):
            lines.append(f"      with {other}, whose figures its conflict statement gives")
    conflicts = [(c.id, x) for c in memo.clusters for x in c.conflicts]
    # the composer may state a disagreement with another point of the same fact, or leave it
    # out of a short memo: the memo's own statements are what it says
    stated = {x.statement: p.id for p in memo.points for x in p.conflicts}
    kinds = Counter(x.change for _, x in conflicts)
    lines.append(
        f"Figures across sources ({len(conflicts)}: {kinds['differ']} disagree, {kinds['progression']} moved "
        f"over time, {kinds['agree']} fit together; {sum(x.statement in stated for _, x in conflicts)} "
        "stated in the memo):"
    )
    for cid, x in conflicts:
        where = stated.get(x.statement)
        note = "" if where == cid else f"  [stated with {where}]" if where else "  [not in memo]"
        lines.append(f"  {cid} ({x.kind}, {x.change}) {x.statement}{note}")
    flags = [(c.id, f) for c in memo.clusters for f in c.flags]
    lines.append(f"Not stated as fact ({len(flags)}: a figure, date or label one source alone gives):")
    for cid, flag in flags:
        lines.append(f"  {cid} {flag}")
    lines.append(f"Kept ({len(memo.points)}), in memo order, and why:")
    for p in memo.points:
        why = memo.kept_reasons.get(p.id, "kept")
        lines.append(f'  {p.id} "{_short(p.text, 80)}" {why}')
    lines.append(f"Cut ({len(memo.dropped_points)}):")
    for d in memo.dropped_points:
        lines.append(f"  [{d.section}] {d.reason}: {_short(d.text)} ({', '.join(d.source_ids)})")
    total = sum(len(p.text.split()) + sum(len(c.statement.split()) for c in p.conflicts) for p in memo.points)
    lines.append(f"Memo: {len(memo.points)} points, {total} words.")
    return "\n".join(lines)
