"""Saved web pages: trafilatura finds the article and its metadata; htmldate the original date.

We cut the page's own footnotes (a list of notes linked from superscript markers)
out of the tree first, because extractors treat the notes list as boilerplate and
keep the bare marker digits glued to words ("visit.2").
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import InputError
from ..model import SourceMetadata, SourceReference
from .cleaning import RawLine
from .encoding import decode_bytes
from .footnotes import CLOSE, OPEN, parse_reference
from .rawdoc import RawDoc

# Extractors strip private-use characters, so markers travel through trafilatura as ⟦n⟧.
_MARK_OPEN, _MARK_CLOSE = "⟦", "⟧"
_NOTE_ID = re.compile(r"^(?:fn|footnote|note|endnote|ftn)[-_:]?(\d{1,3})$", re.I)


def read_html(data: bytes, name: str) -> RawDoc:
    text = decode_bytes(data, name)
    import lxml.html

    try:
        tree = lxml.html.fromstring(text)
    except Exception as exc:  # noqa: BLE001 - lxml raises several unrelated types
        raise InputError(f"{name}: cannot parse HTML: {exc}") from None
    references = _take_notes(tree)
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = SourceMetadata(
        title=(doc.title or None),
        authors=[a.strip() for a in re.split(r";|\s+and\s+", doc.author or "") if a.strip()],
        publisher=doc.sitename or None,
        date=_original_date(text) or _iso(doc.date),
        url=doc.url or None,
        author_bio=None,
    )
    body = re.sub(rf"\s*{_MARK_OPEN}(\d+){_MARK_CLOSE}", rf"{OPEN}\1{CLOSE}", body)
    lines = [RawLine(t, i + 1) for i, t in enumerate(body.split("\n"))]
    return RawDoc(kind="html", lines=lines, meta=meta, references=references)


def _original_date(html: str) -> dt.date | None:
    """htmldate's original (publication) date, not the last-modified one."""
    from htmldate import find_date

    try:
        found = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a date is a nice-to-have, never a reason to fail
        return None
    return _iso(found)


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _take_notes(tree) -> list[SourceReference]:  # noqa: ANN001 - lxml element
    """Notes with ids like fn1/footnote-1: parse, remove, and mark their superscript links."""
    notes: dict[str, SourceReference] = {}
    for el in tree.xpath("//*[@id]"):
        m = _NOTE_ID.match(el.get("id", ""))
        if not m or el.tag not in ("li", "p", "div", "aside"):
            continue
        for back in el.xpath(".//a[starts-with(@href, '#')]"):
            back.drop_tree()
        number = m.group(1)
        body = re.sub(r"^\s*\[?\d{1,3}\]?[.)]?\s*", "", el.text_content()).strip()
        urls = el.xpath(".//a[starts-with(@href, 'http')]/@href")
        ref = parse_reference(number, body)
        ref.url = ref.url or (urls[0] if urls else None)
        italics = [t.strip() for t in el.xpath(".//em//text()|.//i//text()|.//cite//text()") if t.strip()]
        ref.label = italics[0] if italics else ref.label
        ref.text = re.sub(r"\s+(?:link|here|online)\.?$", "", ref.text)
        notes[number] = ref
        parent = el.getparent()
        el.drop_tree()
        if parent is not None and parent.tag in ("ol", "ul") and not len(parent):
            parent.drop_tree()
    for sup in tree.xpath("//sup"):
        digits = re.sub(r"\D", "", sup.text_content())
        if digits in notes:
            tail = sup.tail or ""
            sup.clear()
            sup.text = f"{_MARK_OPEN}{digits}{_MARK_CLOSE}"
            sup.tail = tail
            sup.drop_tag()
    return list(notes.values())
