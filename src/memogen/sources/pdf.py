"""PDF sources: the printed text with its layout (see pdf_layout.py), properties from pypdf.

When pdfminer.six cannot read a file, pypdf's plain text is the fallback, read here:
pypdf gives one string per page with one line per printed line.  A line that repeats
at the top or bottom of most pages (digits ignored, so "Page 3" matches "Page 4") is
page furniture; a printed line ending well short of the right margin ends a
paragraph; a word hyphenated at the margin is joined.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from ..errors import InputError
from ..model import DroppedLine, SourceMetadata, SourceReference
from .cleaning import RawLine
from .contents import drop_contents as _drop_contents
from .footnotes import CITATION_LIKE, CLOSE, OPEN, glued_marker, parse_reference
from .metadata import property_authors, real_value
from .pdf_layout import LayoutPage, layout_to_lines, read_layout
from .rawdoc import RawDoc

# pypdf reports broken files on its logger ("EOF marker not found"); with no handler of its own,
# Python would print that on the terminal beside memogen's one-line message.  It goes to the log
# (shown by `memogen --debug`) instead.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_PAGE_NO = re.compile(r"(?i)^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$")
_EDGE = 3  # lines at either end of a page's text that may be running heads (pypdf emits canvas text first)


def read_pdf(data: bytes, name: str) -> RawDoc:
    """The printed text read with its layout (pdf_layout.py); pypdf's plain text when the
    layout cannot be read; the document's properties from pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        _ = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{name}: cannot read PDF: {exc}") from None
    layout = _layout(data)
    if layout is not None:
        lines, dropped, heads = layout_to_lines(layout)
        references: list[SourceReference] = []
    else:
        try:
            pages = [(page.extract_text() or "") for page in reader.pages]
        except (PdfReadError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{name}: cannot read PDF: {exc}") from None
        lines, dropped, references = pdf_pages_to_lines(pages)
        heads = _repeated_edges(pages)
    if not any(ln.text.strip() for ln in lines):
        raise InputError(f"{name}: the PDF has no text layer (scanned?); OCR it first")
    meta = _meta(reader)
    if not meta.publisher and publisher_from_running_heads(heads):
        meta.publisher = publisher_from_running_heads(heads)
        meta.origins["publisher"] = "the PDF's running head"
    # A PDF's /Title is often a file name or a short label; the printed headline wins.
    fallback, meta.title = meta.title, None
    return RawDoc(
        meta_origin="PDF properties",
        kind="pdf",
        lines=lines,
        meta=meta,
        dropped=dropped,
        references=references,
        title_fallback=fallback,
    )


def _layout(data: bytes) -> list[LayoutPage] | None:
    """pdfminer.six's pages, or None when it cannot read this file (pypdf then tries)."""
    try:
        pages = read_layout(data)
    except Exception:  # noqa: BLE001 - pdfminer raises many types on damaged files
        return None
    return pages if any(p.lines for p in pages) else None


def _meta(reader) -> SourceMetadata:  # noqa: ANN001 - pypdf reader
    info = reader.metadata or {}
    title = real_value(info.get("/Title")) or ""
    if re.match(r"(?i)^(untitled|microsoft word|document\d*$)|\.\w{3,4}$", title):
        title = ""
    authors = property_authors(real_value(info.get("/Author")))
    return SourceMetadata(title=title or None, authors=authors)


_ORG = re.compile(
    r"(?i)\b(?:institute|institution|cent(?:re|er)|university|college|foundation|council|ministry|department|"
    r"academy|agency|commission|association|society|trust|observatory|forum|bank|office|bureau|board|authority|"
    r"inspectorate|tribunal|court|service|directorate|secretariat)\b"
)


def _repeated_edges(pages: list[str]) -> list[str]:
    """Lines at the top or bottom of two or more pages: the running heads and feet."""
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        counts.update(set(lines[:_EDGE] + lines[-_EDGE:]))
    return [line for line, n in counts.most_common() if n >= 2]


def publisher_from_running_heads(dropped: list[str]) -> str | None:
    """'Kessel Institute for Water Policy | Policy Brief No. 14' -> the institute: who printed the brief.

    Institute briefs name their publisher only in the running head, which is dropped as
    page furniture; its first organisation-like part is the publisher.
    """
    for line in dropped:
        for part in re.split(r"\s+[|–—•·-]\s+|\s{2,}", line.strip()):
            part = part.strip(" .,")
            words = part.split()
            named = all(w[:1].isupper() for w in words if len(w) > 3)  # a name, not a running title
            if (
                _ORG.search(part)
                and 2 <= len(words) <= 8
                and named
                and not re.search(r"\d|www\.|https?:", part)
            ):
                return part
    return None


def _key(line: str, page_no: int) -> str:
    """Same text on every page, except the page's own number ("Report 2021 · 3" ~ "Report 2021 · 4").

    Only the page number is ignored: body lines that merely share a shape
    ("... before 2015 ...") must not look alike.
    """
    line = re.sub(rf"(?<!\d){page_no}(?!\d)", "#", line)
    return re.sub(r"\s+", " ", line).strip().lower()


def pdf_pages_to_lines(pages: list[str]) -> tuple[list[RawLine], list[DroppedLine], list[SourceReference]]:
    """Page texts -> paragraph lines (blank-separated), the furniture removed, the page-foot notes."""
    split = [[ln.strip() for ln in p.split("\n") if ln.strip()] for p in pages]
    edges: Counter[str] = Counter()
    for page_no, lines in enumerate(split, start=1):
        edges.update({_key(ln, page_no) for ln in lines[:_EDGE] + lines[-_EDGE:]})
    threshold = max(2, (len(pages) + 1) // 2)
    dropped: list[DroppedLine] = []
    references: list[SourceReference] = []
    body: list[tuple[int, str, bool]] = []
    lineno = 0
    for page_no, lines in enumerate(split, start=1):
        kept: list[tuple[int, str]] = []
        for k, ln in enumerate(lines):
            lineno += 1
            edge = k < _EDGE or k >= len(lines) - _EDGE
            repeats = edge and edges[_key(ln, page_no)] >= threshold
            if edge and _PAGE_NO.match(ln):
                dropped.append(DroppedLine(ln, f"page number (page {page_no})", lineno))
            elif repeats and len(pages) > 1 and len(ln.split()) <= 12 and not re.search(r"[.!?]$", ln):
                dropped.append(DroppedLine(ln, f"running header/footer (page {page_no})", lineno))
            else:
                kept.append((lineno, ln))
        kept = _drop_contents(page_no, kept, dropped)
        kept = _page_notes(kept, references, dropped)
        body += [(no, ln, False) for no, ln in kept]
    return _paragraphs(body), dropped, references


_NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")


def _page_notes(
    kept: list[tuple[int, str]], references: list[SourceReference], dropped: list[DroppedLine]
) -> list[tuple[int, str]]:
    """Lines 'n Citation ...' whose n is glued to the text of the same page are that page's notes."""
    notes: dict[int, str] = {}
    for idx, (_no, ln) in enumerate(kept):
        m = _NOTE_START.match(ln)
        if not m or not CITATION_LIKE.search(m.group(2)):
            continue
        rest = " ".join(t for j, (_n, t) in enumerate(kept) if j != idx)
        if glued_marker(m.group(1)).search(rest):
            notes[idx] = m.group(1)
    if not notes:
        return kept
    out: list[tuple[int, str]] = []
    markers = set(notes.values())
    for idx, (no, ln) in enumerate(kept):
        if idx in notes:
            ref = parse_reference(notes[idx], _NOTE_START.match(ln).group(2))  # type: ignore[union-attr]
            references.append(ref)
            dropped.append(DroppedLine(ln, f"source's own footnote {notes[idx]} (→ references)", no))
            continue
        for marker in markers:
            ln = glued_marker(marker).sub(f"{OPEN}{marker}{CLOSE}", ln)
        out.append((no, ln))
    return out


def _paragraphs(body: list[tuple[int, str, bool]]) -> list[RawLine]:
    if not body:
        return []
    lengths = sorted(len(t) for _, t, _ in body)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[RawLine] = []
    current = ""
    start = 0
    for k, (lineno, text, _) in enumerate(body):
        nxt = body[k + 1][1] if k + 1 < len(body) else ""
        if not current:
            current, start = text, lineno
        elif current.endswith("-") and current[-2:-1].isalpha() and text[:1].islower():
            current = current[:-1] + text
        else:
            current = current + " " + text
        if _ends_paragraph(text, nxt, width):
            out += [RawLine(current, start), RawLine("", start)]
            current = ""
    if current:
        out.append(RawLine(current, start))
    return out


def _ends_paragraph(text: str, nxt: str, width: int) -> bool:
    """A printed line that stops short of the margin ends its paragraph, unless the text runs on."""
    if nxt[:1].islower() and not re.search(r"[.!?][\"”’)]?$", text):
        return False  # hyphenated or broken at a page end: the sentence continues
    ends_sentence = re.search(r"[.!?:][\"”’)]?$", text) is not None
    return len(text) < 0.8 * width or (ends_sentence and len(text) < 0.93 * width)
