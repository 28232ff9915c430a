"""The JSON record: the memo model serialised, so every memo sentence traces to a source excerpt.

The layout is documented in README.md and checked against
`src/memogen/schema/memo.schema.json` by the tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import PurePath

from .. import __version__
from ..model import Citation, Conflict, Inline, Memo, MergedPoint, Source

SCHEMA_VERSION = 1


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _inlines_text(runs: list[Inline]) -> str:
    return "".join(r.text for r in runs)


def _citation(c: Citation) -> dict:
    return {
        "source_id": c.source_id,
        "excerpt": c.excerpt,
        "start": c.start,
        "end": c.end,
        "score": round(c.score, 4),
        "via": list(c.via),
    }


def _conflict(c: Conflict) -> dict:
    return {
        "kind": c.kind,
        "statement": c.statement,
        "values": [{"source_id": v.source_id, "value": v.value, "excerpt": v.excerpt} for v in c.values],
    }


def _point(p: MergedPoint) -> dict:
    return {
        "id": p.id,
        "text": _inlines_text(p.inlines) if p.inlines else p.text,
        "confidence": round(p.confidence, 4),
        "theme": p.theme,
        "citations": [_citation(c) for c in p.citations],
        "conflicts": [_conflict(c) for c in p.conflicts],
        "note": {"number": p.note.number, "text": p.note.text} if p.note else None,
    }


def _source(s: Source) -> dict:
    m = s.metadata
    return {
        "id": s.id,
        "file": PurePath(s.path).name,  # never a machine-specific absolute path
        "kind": s.kind,
        "sha256": s.sha256,
        "title": m.title,
        "author": ", ".join(m.authors) or None,
        "authors": list(m.authors),
        "publisher": m.publisher,
        "date": _date(m.date),
        "url": m.url,
        "inferred": sorted(m.inferred),
        "words_kept": len(s.text.split()),
        "references": [
            {"marker": r.marker, "text": r.text, "label": r.label, "url": r.url} for r in s.references
        ],
        "dropped": [{"line": d.line, "reason": d.reason, "lineno": d.lineno} for d in s.dropped],
        "warnings": list(s.warnings),
    }


def memo_record(memo: Memo, output_hashes: dict[str, str] | None = None) -> dict:
    """The record as plain data (also used by `--explain` and the email body)."""
    h = memo.header
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"memogen {__version__}",
        "topic": memo.topic,
        "title": h.title,
        "subtitle": h.subtitle,
        "header": {
            "to": h.to,
            "from": h.from_,
            "date": h.date,
            "subject": h.subject,
            "classification": h.classification,
            "event_date": _date(h.event_date),
            "event_end": _date(h.event_end),
        },
        "build_date": memo.build_date.isoformat() if memo.build_date else None,
        "sections": [
            {
                "key": s.key,
                "heading": s.heading,
                "paragraphs": [
                    {"lead": para.lead, "point_ids": [p.id for p in para.points]} for para in s.paragraphs
                ],
                "points": [_point(p) for p in s.points],
            }
            for s in memo.sections
        ],
        "sources": [_source(s) for s in memo.sources],
        "bibliography": [_inlines_text(entry) for entry in memo.bibliography],
        "clusters": [
            {
                "id": c.id,
                "section": c.section,
                "chosen": c.chosen,
                "members": [
                    {"source_id": m.source_id, "excerpt": m.excerpt, "score": round(m.score, 4)}
                    for m in c.members
                ],
                "conflicts": [_conflict(x) for x in c.conflicts],
            }
            for c in memo.clusters
        ],
        "dropped_points": [
            {"text": d.text, "section": d.section, "source_ids": d.source_ids, "reason": d.reason}
            for d in memo.dropped_points
        ],
        "outputs": dict(sorted((output_hashes or {}).items())),
    }


def render_json(memo: Memo, output_hashes: dict[str, str] | None = None) -> str:
    """Deterministic JSON text (sorted output hashes, fixed indentation, UTF-8 kept readable)."""
    return json.dumps(memo_record(memo, output_hashes), ensure_ascii=False, indent=2) + "\n"
