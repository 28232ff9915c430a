"""One file -> one `Source`: pick the reader by type, clean, merge metadata, apply topic.yaml."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..config import SourceOverride
from ..errors import InputError
from ..model import Source, SourceReference
from .cleaning import clean_lines
from .kinds import KINDS
from .limits import check_zip, parse_deadline
from .provenance import merge_metadata
from .rawdoc import RawDoc


def read_raw(data: bytes, path: Path) -> RawDoc:
    """Dispatch on the file suffix; the readers import their heavy libraries lazily."""
    kind = KINDS.get(path.suffix.lower())
    name = str(path)
    if kind is None:
        raise InputError(
            f"{name}: unsupported file type '{path.suffix or '(none)'}' (use .txt, .md, .html, .pdf, .docx)"
        )
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if kind == "docx":
        check_zip(data, name)  # a zip bomb is refused before any XML parser sees it
    try:
        return _dispatch(kind, data, name)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken file must become a warning, never abort the build
        raise InputError(f"{name}: cannot read as {kind}: {type(exc).__name__}: {exc}") from None


def _dispatch(kind: str, data: bytes, name: str) -> RawDoc:
    if kind in ("text", "markdown"):
        from .plain import read_plain

        return read_plain(data, name, kind)
    if kind == "html":
        from .html import read_html

        return read_html(data, name)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    from .docx import read_docx

    return read_docx(data, name)


def read_source(path: Path, source_id: str, override: SourceOverride | None = None) -> Source:
    """Read and clean one source file; InputError('<file>: <reason>') when it is unusable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with parse_deadline(str(path)):  # a pathological file is abandoned, not read for ever
        raw = read_raw(data, path)
        result = clean_lines(
            raw.lines, known_title=raw.meta.title, unwrap=raw.unwrap, known_authors=raw.meta.authors
        )
    if not result.text.strip():
        raise InputError(f"{path}: no article text found after cleaning")
    return Source(
        id=source_id,
        path=str(path),
        kind=raw.kind,
        metadata=merge_metadata(raw.meta, result, override, raw.title_fallback, raw.meta_origin),
        text=result.text,
        dropped=sorted([*raw.dropped, *result.dropped], key=lambda d: d.lineno),
        references=sorted([*raw.references, *result.references], key=_marker_order),
        anchors=result.anchors,
        headings=result.headings,
        warnings=[*raw.warnings, *(f"repaired join: '{b}' -> '{a}'" for b, a in result.repairs)],
        sha256=hashlib.sha256(data).hexdigest(),
        joins=result.repairs,
    )


def _marker_order(ref: SourceReference) -> tuple[int, str]:
    return (int(ref.marker) if ref.marker.isdigit() else 10**6, ref.marker)
