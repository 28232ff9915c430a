"""One file -> one `Source`: pick the reader by type, clean, merge metadata, apply topic.yaml."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..config import SourceOverride
from ..errors import InputError
from ..model import Source, SourceMetadata, SourceReference
from .cleaning import CleanResult, clean_lines
from .limits import check_zip, parse_deadline
from .metadata import smart_title
from .rawdoc import RawDoc
from .text import fix_broken_hyphens

KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def source_id_for(path: Path) -> str:
    """The file stem as a slug: 'Daily Times — Relations.txt' -> 'daily-times-relations'."""
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "source"


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
        metadata=merge_metadata(raw.meta, result, override, raw.title_fallback),
        text=result.text,
        dropped=sorted([*raw.dropped, *result.dropped], key=lambda d: d.lineno),
        references=sorted([*raw.references, *result.references], key=_marker_order),
        anchors=result.anchors,
        headings=result.headings,
        warnings=[*raw.warnings, *result.repairs],
        sha256=hashlib.sha256(data).hexdigest(),
    )


def merge_metadata(
    meta: SourceMetadata, result: CleanResult, override: SourceOverride | None, raw_title: str | None = None
) -> SourceMetadata:
    """Format metadata, then what the text says, then topic.yaml on top; record what was inferred.

    A labelled line in the text ("Published in X, <date>") beats a format's date,
    because page metadata is often the crawl or last-modified date.
    """
    found = result.found
    date = meta.date
    if found.date and (date is None or found.date_rank >= 3):
        date = found.date
    inferred = SourceMetadata(
        title=smart_title(fix_broken_hyphens(meta.title or found.title or raw_title or ""), result.text)
        or None,
        authors=list(meta.authors or found.authors),
        publisher=meta.publisher or _heading_name(found.publisher, result.text),
        date=date,
        url=meta.url or found.url,
        author_bio=meta.author_bio or (_join_bio(found.author_bio) or None),
    )
    out = SourceMetadata(author_bio=inferred.author_bio)
    ov = override or SourceOverride()
    for name in ("title", "publisher", "date", "url"):
        value = getattr(ov, name)
        if value is not None:
            setattr(out, name, value)
        elif getattr(inferred, name):
            setattr(out, name, getattr(inferred, name))
            out.inferred.append(name)
    if ov.authors is not None:
        out.authors = ov.authors
    elif inferred.authors:
        out.authors = inferred.authors
        out.inferred.append("authors")
    if inferred.author_bio:
        out.inferred.append("author_bio")
    return out


def _heading_name(name: str | None, body: str) -> str | None:
    """'IN THE HIGH COURT OF NORLAND' -> 'High Court of Norland': a court's or body's printed heading.

    Only long capitalised headings are recased: a short one ('BBC NEWS') is more likely a brand.
    """
    if not name:
        return name
    if len(name.split()) >= 4 and name.isupper():
        name = smart_title(re.sub(r"(?i)^in\s+the\s+", "", name), body)
    return name


def _join_bio(parts: list[str]) -> str:
    """Affiliation lines ("Research Associate", "Centre for ...") read as one phrase."""
    out = ""
    for part in parts:
        if out:
            out += " " if out.endswith((".", ",", ";", ":")) else ", "
        out += part
    return out


def _marker_order(ref: SourceReference) -> tuple[int, str]:
    return (int(ref.marker) if ref.marker.isdigit() else 10**6, ref.marker)
