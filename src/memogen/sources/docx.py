"""Word files: paragraphs with their heading styles, and the document's own footnotes.

python-docx has no footnote API (see FIELD-NOTES), so we read word/footnotes.xml
through the relationship of the document part and walk each paragraph's runs
ourselves, putting a sentinel where a `w:footnoteReference` sits.
"""

from __future__ import annotations

import io
import re

from ..errors import InputError
from ..model import SourceMetadata
from .cleaning import RawLine
from .footnotes import CLOSE, OPEN, parse_reference
from .metadata import property_authors, real_value
from .rawdoc import RawDoc

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NOTE_KINDS = {"footnote": "footnotes", "endnote": "endnotes"}  # element name -> relationship / part name


def read_docx(data: bytes, name: str) -> RawDoc:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable .docx file ({exc or 'bad package'})") from None
    except Exception as exc:  # noqa: BLE001 - zipfile/lxml raise many types for broken files
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    notes = {(kind, nid): text for kind in _NOTE_KINDS for nid, text in _note_texts(document, kind).items()}
    numbering: dict[tuple[str, str], str] = {}
    lines: list[RawLine] = []
    sizes: list[float] = []
    for i, para in enumerate(document.paragraphs, start=1):
        text = _paragraph_text(para._p, numbering)
        style = (para.style.name if para.style is not None else "") or ""
        hint = (
            "title" if style == "Title" else "heading" if re.match(r"(?i)heading|subtitle", style) else None
        )
        lines += [RawLine(text, i, hint), RawLine("", i)]
        sizes.append(_type_size(para))
    _title_from_layout(lines[0::2], sizes)
    references = [
        parse_reference(number, notes[note_id]) for note_id, number in numbering.items() if note_id in notes
    ]
    core = document.core_properties
    meta = SourceMetadata(
        title=None,
        authors=property_authors(real_value(core.author), comma_splits=False),
    )
    return RawDoc(
        meta_origin="Word document properties",
        kind="docx",
        lines=lines,
        meta=meta,
        references=references,
        title_fallback=real_value(core.title),
    )


_TITLE_ZONE = 6  # paragraphs at the top of a document where its title stands


def _title_from_layout(paras: list[RawLine], sizes: list[float]) -> None:
    """Without a Title style, the headline is the first heading above the text, else a line set
    in type clearly larger than the text at the top: never a small kicker ('Opinion') above it."""
    if any(p.hint == "title" for p in paras):
        return
    top: list[int] = []
    for k, p in enumerate(paras):
        if len(p.text.split()) >= 25:  # the first paragraph of the text
            break
        if p.text.strip():
            top.append(k)
        if len(top) >= _TITLE_ZONE:
            break
    heading = next((k for k in top if paras[k].hint == "heading"), None)
    if heading is None:
        body = sorted(sizes)[len(sizes) // 2] if sizes else 0
        largest = max(top, key=lambda k: sizes[k], default=None)
        heading = largest if largest is not None and body and sizes[largest] >= 1.2 * body else None
    if heading is not None:
        paras[heading].hint = "title"


def _type_size(para) -> float:  # noqa: ANN001 - python-docx Paragraph
    """The largest type size a paragraph's runs are set in (direct formatting, else the style's)."""
    sizes = [run.font.size.pt for run in para.runs if run.font.size is not None and run.text.strip()]
    style = para.style
    while not sizes and style is not None:
        if style.font is not None and style.font.size is not None:
            sizes = [style.font.size.pt]
        style = style.base_style
    return max(sizes) if sizes else 0.0


def _paragraph_text(p, numbering: dict[tuple[str, str], str]) -> str:  # noqa: ANN001 - lxml element
    """Text of a paragraph with foot/endnote references as sentinels numbered in reading order."""
    parts: list[str] = []
    for el in p.iter():
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab" or el.tag in (f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        elif el.tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
            key = ("footnote" if el.tag.endswith("footnoteReference") else "endnote", el.get(f"{_W}id", ""))
            number = numbering.setdefault(key, str(len(numbering) + 1))
            parts.append(f"{OPEN}{number}{CLOSE}")
    return "".join(parts)


def _note_texts(document, kind: str) -> dict[str, str]:  # noqa: ANN001 - python-docx Document
    """id -> text of each real foot- or endnote (separator notes skipped)."""
    from lxml import etree

    reltype = _REL + _NOTE_KINDS[kind]
    part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == reltype), None)
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    notes: dict[str, str] = {}
    for fn in root.iter(f"{_W}{kind}"):
        if fn.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in fn.iter(f"{_W}p"))
        notes[fn.get(f"{_W}id", "")] = _with_italics(fn, text.strip())
    return notes


def _with_italics(fn, text: str) -> str:  # noqa: ANN001 - lxml element
    """Mark the first italic run as *Outlet* so the label parser can find the outlet."""
    for run in fn.iter(f"{_W}r"):
        rpr = run.find(f"{_W}rPr")
        if rpr is not None and rpr.find(f"{_W}i") is not None:
            italic = "".join(t.text or "" for t in run.iter(f"{_W}t")).strip()
            if italic and italic in text:
                return text.replace(italic, f"*{italic}*", 1)
    return text
