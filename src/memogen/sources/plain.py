"""Plain text and Markdown sources: decode, split into lines, detect hard wrapping."""

from __future__ import annotations

import datetime as dt
import re

from ..model import DroppedLine, SourceMetadata
from .cleaning import RawLine
from .encoding import decode_bytes
from .metadata import parse_loose_date
from .rawdoc import RawDoc
from .text import strip_emphasis

# Markdown exports: '[text](url "title")' links, link-only list items, '[^1]' footnotes.
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
_LINK_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:\*\*|__)?\[[^\]]+\]\([^)]*\)(?:\*\*|__)?\s*[.;,]?$")
_NOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]+)\]:\s*")
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


def read_plain(data: bytes, name: str, kind: str) -> RawDoc:
    text = decode_bytes(data, name)
    lines = [RawLine(t, i + 1) for i, t in enumerate(text.split("\n"))]
    meta, dropped, lines = _front_matter(lines)
    lines, link_items = markdown_inline(lines)
    dropped += link_items
    return RawDoc(
        meta_origin="YAML front matter",
        kind=kind,
        lines=lines,
        meta=meta,
        dropped=dropped,
        unwrap=is_hard_wrapped([ln.text for ln in lines]),
    )


def markdown_inline(lines: list[RawLine]) -> tuple[list[RawLine], list[DroppedLine]]:
    """Markdown syntax is formatting, not words: links keep their text, emphasis markers go,
    '[^n]' footnotes become the '[n]' notes the footnote reader knows, and a list item that
    is nothing but a link ('- [Port strike ends](https://...)') is a link list, dropped.

    Dumps saved as .txt often carry the same syntax, so both kinds go through here.
    """
    labels: dict[str, str] = {}
    for ln in lines:
        m = _NOTE_DEF.match(ln.text) if "[^" in ln.text else None
        if m and m.group(1) not in labels:
            labels[m.group(1)] = m.group(1) if m.group(1).isdigit() else str(len(labels) + 1)
    out: list[RawLine] = []
    dropped: list[DroppedLine] = []
    for ln in lines:
        # each pattern needs its marks ('](' of a link, '[^' of a note): most lines of prose hold none
        link = "](" in ln.text
        if link and _LINK_ITEM.match(ln.text):
            dropped.append(DroppedLine(ln.text, "link list item", ln.lineno))
            continue
        text = ln.text
        if "[^" in text:
            text = _NOTE_DEF.sub(lambda m: f"[{labels[m.group(1)]}] ", text)
            text = _NOTE_REF.sub(
                lambda m: f"[{labels[m.group(1)]}]" if m.group(1) in labels else m.group(0), text
            )
        text = strip_emphasis(_MD_LINK.sub(r"\1", text) if link else text)
        out.append(RawLine(text, ln.lineno, ln.hint))
    return out, dropped


def _front_matter(lines: list[RawLine]) -> tuple[SourceMetadata, list[DroppedLine], list[RawLine]]:
    """A YAML block between '---' lines at the top (Markdown notes, static sites) is metadata."""
    meta = SourceMetadata()
    if not lines or lines[0].text.strip() != "---":
        return meta, [], lines
    end = next((i for i, ln in enumerate(lines[1:40], start=1) if ln.text.strip() in ("---", "...")), None)
    if end is None:
        return meta, [], lines
    import yaml

    try:
        data = yaml.safe_load("\n".join(ln.text for ln in lines[1:end]))
    except yaml.YAMLError:
        return meta, [], lines
    if not isinstance(data, dict):
        return meta, [], lines
    meta.title = _str(data.get("title"))
    authors = data.get("authors", data.get("author"))
    meta.authors = (
        [str(a) for a in authors] if isinstance(authors, list) else ([str(authors)] if authors else [])
    )
    meta.publisher = _str(data.get("publisher") or data.get("source") or data.get("site"))
    meta.url = _str(data.get("url") or data.get("link"))
    meta.date = _date(data.get("date") or data.get("published"))
    dropped = [
        DroppedLine(ln.text, "YAML front matter (→ metadata)", ln.lineno)
        for ln in lines[: end + 1]
        if ln.text.strip()
    ]
    return meta, dropped, lines[end + 1 :]


def _str(value: object) -> str | None:
    return str(value).strip() or None if value else None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_loose_date(str(value)) if value else None


def is_hard_wrapped(lines: list[str]) -> bool:
    """Paragraphs broken into ~70-character lines (mail, exported notes), not one line each."""
    long_lines = [i for i, t in enumerate(lines) if len(t.split()) >= 5]
    if len(long_lines) < 5:
        return False
    lengths = sorted(len(lines[i].rstrip()) for i in long_lines)
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    followed = sum(1 for i in long_lines if i + 1 < len(lines) and lines[i + 1].strip())
    return p90 <= 100 and followed >= 0.3 * len(long_lines)
