"""Saved web pages: trafilatura finds the article and its metadata; htmldate the original date.

We cut the page's own footnotes (a list of notes linked from superscript markers)
out of the tree first, because extractors treat the notes list as boilerplate and
keep the bare marker digits glued to words ("visit.2").
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from ..errors import InputError
from ..model import SourceMetadata, SourceReference
from .cleaning import RawLine
from .encoding import decode_bytes, repair_text
from .footnotes import CLOSE, OPEN, parse_reference
from .metadata import property_authors
from .rawdoc import RawDoc

# Extractors strip private-use characters, so markers travel through trafilatura as ⟦n⟧.
_MARK_OPEN, _MARK_CLOSE = "⟦", "⟧"
_NOTE_ID = re.compile(
    r"(?:^|[-_:])(?:fn|footnote|note|endnote|ftn|cite_note)[-_:]?(?:[\w-]*?[-_:])?(\d{1,3})$", re.I
)


def _decode(data: bytes, name: str) -> str:
    """The charset the page declares, when it decodes cleanly; else detection."""
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    if declared and b"\x00" not in data[:4096]:
        try:
            return repair_text(data.decode(declared.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def read_html(data: bytes, name: str) -> RawDoc:
    text = _decode(data, name)
    import lxml.html

    try:
        tree = lxml.html.fromstring(text)
    except Exception as exc:  # noqa: BLE001 - lxml raises several unrelated types
        raise InputError(f"{name}: cannot parse HTML: {exc}") from None
    references = _take_notes(tree)
    _unwrap_layout_tables(tree)
    import trafilatura

    doc = trafilatura.bare_extraction(
        copy.deepcopy(tree),  # trafilatura prunes the tree it is given
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        body = _baseline(tree)  # trafilatura found no article block: let our own rules clean all text
    if not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = SourceMetadata(
        title=(getattr(doc, "title", None) or _page_title(tree)),
        authors=property_authors(getattr(doc, "author", None), comma_splits=False),
        publisher=getattr(doc, "sitename", None) or _site_from_title(tree),
        date=_original_date(text) or _iso(getattr(doc, "date", None)),
        url=getattr(doc, "url", None) or None,
        author_bio=None,
    )
    body = re.sub(rf"\s*{_MARK_OPEN}(\d+){_MARK_CLOSE}", rf"{OPEN}\1{CLOSE}", body)
    lines = [RawLine(t, i + 1) for i, t in enumerate(body.split("\n"))]
    return RawDoc(
        meta_origin="the HTML page's metadata", kind="html", lines=lines, meta=meta, references=references
    )


def _unwrap_layout_tables(tree) -> None:  # noqa: ANN001 - lxml element
    """Old pages lay out menu, article and sidebar as cells of one table; make them blocks.

    Extractors keep tables as data, so the whole page would come out as one '| menu | story
    | sidebar |' row. A table is layout, not data, when a cell holds a long text (a paragraph
    of 40+ words) or block content (paragraphs, line breaks, other tables).
    """
    for table in reversed(tree.xpath("//table")):  # innermost first
        cells = table.xpath("./tr/td|./tr/th|./tbody/tr/td|./tbody/tr/th|./thead/tr/th")
        layout = any(
            len(cell.text_content().split()) >= 40 or cell.xpath(".//p|.//div|.//table|.//br")
            for cell in cells
        )
        if not layout:
            continue
        own = [
            el
            for el in table.xpath(".//tbody|.//thead|.//tfoot|.//tr|.//td|.//th")
            if el.xpath("ancestor::table[1]")[0] is table  # not the parts of a data table inside it
        ]
        for el in [table, *own]:
            el.tag = "div"


def _baseline(tree) -> str:  # noqa: ANN001 - lxml element
    """Text of the page's blocks, one per line, scripts and styles removed."""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = tree.xpath(
        "//body//*[self::p or self::h1 or self::h2 or self::h3 or self::h4 or self::li or self::blockquote]"
    )
    lines = [re.sub(r"\s+", " ", b.text_content()).strip() for b in blocks]
    if not any(lines):
        lines = (
            [re.sub(r"[ \t]+", " ", t).strip() for t in tree.xpath("//body")[0].itertext()]
            if tree.xpath("//body")
            else []
        )
    return "\n".join(ln for ln in lines if ln)


def _page_title(tree) -> str | None:  # noqa: ANN001 - lxml element
    titles = tree.xpath("//h1")
    if titles:
        return re.sub(r"\s+", " ", titles[0].text_content()).strip() or None
    title = tree.findtext(".//title")
    return title.strip() if title and title.strip() else None


def _site_from_title(tree) -> str | None:  # noqa: ANN001 - lxml element
    """'<headline> - Coastal Courier' in <title> when the page names its site nowhere else.

    Only when the part before the separator is shown on the page as its headline, so a title
    that merely contains a dash ('Ferry sinks - 14 dead') gives no publisher.
    """
    title = re.sub(r"\s+", " ", tree.findtext(".//title") or "").strip()
    m = re.match(r"^(?P<head>.+?)\s+[-–—|·:]\s+(?P<site>[^-–—|·:]{2,60})$", title)
    if not m or len(m.group("site").split()) > 6:
        return None
    shown = tree.xpath("//body//*[normalize-space(.)=$head]", head=m.group("head"))
    if not shown:
        return None  # the part before the dash is not the page's own headline
    return m.group("site").strip()


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
    """Notes with ids like fn1 / footnote-1 / cite_note-3: parse, remove, and mark the links to them."""
    notes: dict[str, SourceReference] = {}  # element id -> reference
    for el in tree.xpath("//*[@id]"):
        m = _NOTE_ID.search(el.get("id", ""))
        if not m or el.tag not in ("li", "p", "div", "aside", "span"):
            continue
        shown = re.match(r"^\s*\[?(\d{1,3})\]?[.)]?\s", el.text_content())
        notes[el.get("id")] = _note_reference(el, shown.group(1) if shown else m.group(1))
    if not notes:
        return []
    for link in tree.xpath("//a[starts-with(@href, '#')]"):
        target = link.get("href", "")[1:]
        if target not in notes or not re.fullmatch(r"\s*\[?\d{1,3}\]?\s*", link.text_content() or ""):
            continue
        holder = link.getparent() if link.getparent() is not None and link.getparent().tag == "sup" else link
        tail = holder.tail or ""
        holder.clear()
        holder.text = f"{_MARK_OPEN}{notes[target].marker}{_MARK_CLOSE}"
        holder.tail = tail
        holder.drop_tag()
    for note_id in notes:
        for el in tree.xpath(f"//*[@id='{note_id}']"):
            parent = el.getparent()
            el.drop_tree()
            if parent is not None and parent.tag in ("ol", "ul") and not len(parent):
                parent.drop_tree()
    refs = list(notes.values())
    return [r for i, r in enumerate(refs) if r.marker not in {x.marker for x in refs[:i]}]


def _note_reference(el, number: str) -> SourceReference:  # noqa: ANN001 - lxml element
    """One note element -> reference: its text without the back-link, its first link, its italic outlet."""
    for back in el.xpath(".//a[starts-with(@href, '#')]"):
        back.drop_tree()
    body = re.sub(r"^\s*[\^↑]?\s*\[?\d{1,3}\]?[.)]?\s*", "", el.text_content()).strip()
    urls = el.xpath(".//a[starts-with(@href, 'http')]/@href")
    ref = parse_reference(number, body)
    ref.url = ref.url or (urls[0] if urls else None)
    italics = [t.strip() for t in el.xpath(".//em//text()|.//i//text()") if t.strip()]
    ref.label = italics[0] if italics else ref.label
    ref.text = re.sub(r"\s+(?:link|here|online)\.?$", "", ref.text)
    return ref
