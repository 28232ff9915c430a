"""`memogen sources` (a table of what was read) and `memogen extract` (one source's record)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import TOPIC_FILE, SourceOverride, list_source_files, load_topic, parse_topic_yaml
from ..model import Source, SourceMetadata
from . import agree_on_joins, read_source, read_sources, source_id_for

if TYPE_CHECKING:
    from rich.text import Text


_FIELDS = ("title", "authors", "publisher", "date", "url", "container_title")


def sources_report(inputs_dir: Path, topic: str, show_dropped: bool = False) -> None:
    """Print a rich table: file, type, title, author, publisher, date, words kept, lines dropped."""
    from rich.console import Console
    from rich.table import Table

    topic_dir, config = load_topic(inputs_dir, topic)
    sources, warnings = read_sources(list_source_files(topic_dir), config.sources, progress=True)
    sources = agree_on_joins(sources)
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)  # piped output: do not fold every cell to 80 columns
    table = Table(title=f"Sources of {topic}", show_lines=False)
    for column in ("file", "type", "title", "author", "publisher", "date", "words", "dropped"):
        table.add_column(
            column,
            overflow="ellipsis" if column in ("title", "publisher") else "fold",
            max_width=40 if column in ("title", "publisher") else None,
            justify="right" if column in ("words", "dropped") else "left",
        )
    for s in sources:
        m = s.metadata
        table.add_row(
            Path(s.path).name,
            s.kind,
            _mark(m, "title", m.title),
            _mark(m, "authors", ", ".join(m.authors) or None),
            _mark(m, "publisher", m.publisher),
            _mark(m, "date", m.date.isoformat() if m.date else None),
            str(len(s.text.split())),
            str(len(s.dropped)),
        )
    console.print(table)
    console.print(
        "Under each value, where it came from: topic.yaml, the file's own properties, or the page "
        "(the line that gave it); values not from topic.yaml were inferred and can be set there.",
        style="dim",
    )
    from ..sections.event import event_lines

    for line in event_lines(
        sources, config.event_date, config.event_end, given=config.event_date is not None
    ):
        console.print(line, markup=False, soft_wrap=True)
    for warning in warnings:
        console.print(f"warning: {warning}", style="yellow", markup=False)
    if show_dropped:
        for s in sources:
            console.print(
                f"\n{Path(s.path).name}: {len(s.dropped)} lines dropped", style="bold", markup=False
            )
            for d in s.dropped:
                console.print(f"  {d.lineno:>4}  [{d.reason}]  {d.line}", markup=False, soft_wrap=True)


def _mark(meta: SourceMetadata, name: str, value: str | None) -> Text:
    """The value, and under it (dim) where it came from."""
    from rich.text import Text

    if not value:
        return Text("—")
    cell = Text(value)
    cell.append(f"\n{origin_of(meta, name)}", style="dim")
    return cell


def origin_of(meta: SourceMetadata, name: str) -> str:
    """'topic.yaml', 'PDF properties', 'page line 5: byline (inferred)'."""
    origin = meta.origins.get(name) or ("inferred" if name in meta.inferred else "topic.yaml")
    return f"{origin} (inferred)" if name in meta.inferred and origin != "inferred" else origin


def _override_for(path: Path) -> SourceOverride | None:
    """The topic.yaml entry for this file when it sits in a topic folder."""
    yaml_path = path.parent / TOPIC_FILE
    if not yaml_path.exists():
        return None
    config = parse_topic_yaml(yaml_path.read_text(encoding="utf-8"), str(yaml_path))
    return config.sources.get(path.name)


def extract_record(path: Path, event_date: dt.date | None = None) -> dict[str, Any]:
    """One source's record: metadata, body, dropped lines, footnotes, points."""
    source = read_source(path, source_id_for(path), _override_for(path))
    record = source_record(source, _points(source, event_date))
    record["event"] = _event_record(source, event_date)
    return record


def _event_record(source: Source, event_date: dt.date | None) -> dict[str, Any] | None:
    """The event the page's points were placed against: --event-date, else the page's own news."""
    if event_date is not None:
        return {"start": event_date.isoformat(), "end": None, "origin": "--event-date"}
    from ..sections import infer_event

    event = infer_event([source])
    if event is None:
        return None
    return {
        "start": event.start.isoformat(),
        "end": event.end.isoformat() if event.end else None,
        "actors": list(event.actors),
        "place": event.place,
        "origin": event.origin,
        "why": list(event.why),
    }


def _points(source: Source, event_date: dt.date | None) -> list[dict[str, Any]]:
    try:
        from ..sections import extract_points
    except ImportError:
        return []
    return [
        {
            "text": p.text,
            "section": p.section,
            "confidence": p.confidence,
            "start": p.start,
            "end": p.end,
            "reason": p.reason,
        }
        for p in extract_points(source, event_date)
    ]


def source_record(source: Source, points: list[dict[str, Any]]) -> dict[str, Any]:
    m = source.metadata
    return {
        "id": source.id,
        "path": source.path,
        "kind": source.kind,
        "sha256": source.sha256,
        "metadata": {
            "title": m.title,
            "authors": m.authors,
            "publisher": m.publisher,
            "date": m.date.isoformat() if m.date else None,
            "url": m.url,
            "author_bio": m.author_bio,
            "container_title": m.container_title,
            "inferred": m.inferred,
            "origins": {name: origin_of(m, name) for name in _FIELDS if getattr(m, name)},
        },
        "body": source.text,
        "headings": [{"offset": o, "text": h} for o, h in source.headings],
        "dropped": [{"line": d.line, "reason": d.reason, "lineno": d.lineno} for d in source.dropped],
        "footnotes": [
            {
                "marker": r.marker,
                "text": r.text,
                "label": r.label,
                "url": r.url,
                "cited_by": [
                    {"start": a.start, "end": a.end, "text": source.text[a.start : a.end]}
                    for a in source.anchors
                    if a.marker == r.marker
                ],
            }
            for r in source.references
        ],
        "warnings": source.warnings,
        "points": points,
    }
