"""PDF text with its layout (pdfminer.six): type size, position and line ends decide the structure.

A plain text extraction loses what a reader of the printed page sees at once: the headline
is the largest type of page 1, a heading is larger or bold and stands alone, a line that
stops short of the margin ends a paragraph, the running head repeats at the top of each
page, a note sits in small type at the foot of the page and is called by a raised number.
pdfminer.six gives every printed line with its box and every character with its size, so
these are read directly:

- running heads and feet: short lines in the top or bottom band repeated on most pages,
  and page numbers there;
- notes: lines in smaller type at the foot of a page that start with a number; the raised
  small digits in the text that call them become superscripts (¹), so the cleaner anchors
  them exactly as in a text dump;
- title: the largest type on page 1; headings: larger or bold lines, kept as paragraphs;
- paragraphs: a line continues the one before when that one ran to the margin, i.e. the
  next line's first word would not have fitted after it (the test a typesetter's line
  breaker makes), and no wider gap or indent separates them.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..model import DroppedLine
from .cleaning import RawLine
from .contents import drop_contents
from .footnotes import NOTES_HEADING

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PAGE_NO = re.compile(r"(?i)^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$")
_NOTE_START = re.compile(r"^\s*(?:(\d{1,3})[.)]?|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))\s+(?=\S)")
_EDGE_BAND = 0.09  # share of the page height at the top and bottom where running heads sit


@dataclass
class PdfLine:
    """One printed line: its text (raised note calls as ¹), box, type size and weight."""

    text: str
    page: int
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    bold: bool
    first_word_width: float  # the width the line's first word needs, to test where a line broke
    lineno: int = 0


@dataclass
class LayoutPage:
    width: float
    height: float
    lines: list[PdfLine]


def read_layout(data: bytes) -> list[LayoutPage]:
    """Every page's printed lines in reading order (pdfminer's text boxes, top to bottom)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    pages: list[LayoutPage] = []
    lineno = 0
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
        lines: list[PdfLine] = []
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for item in box:
                if isinstance(item, LTTextLine):
                    line = _line(item, number, page.height)
                    if line is not None:
                        lineno += 1
                        line.lineno = lineno
                        lines.append(line)
        pages.append(LayoutPage(page.width, page.height, lines))
    return pages


def _line(item, page: int, height: float) -> PdfLine | None:  # noqa: ANN001 - pdfminer LTTextLine
    from pdfminer.layout import LTChar

    chars = [c for c in item if isinstance(c, LTChar)]
    if not chars:
        return None
    size = statistics.median(c.size for c in chars)
    base = statistics.median(c.y0 for c in chars if abs(c.size - size) < 0.5)
    text = []
    for c in item:
        ch = c.get_text()
        raised = isinstance(c, LTChar) and c.size < 0.85 * size and c.y0 > base + 0.15 * size
        text.append(ch.translate(_SUPERSCRIPT) if raised and ch.isdigit() else ch)
    words = "".join(text).strip()
    if not words:
        return None
    bold = sum("bold" in c.fontname.lower() or "black" in c.fontname.lower() for c in chars) > 0.8 * len(
        chars
    )
    first = next((c for c in chars if c.get_text().isspace()), None)
    first_word = (first.x0 if first is not None else item.x1) - item.x0
    return PdfLine(
        text=re.sub(r"\s+", " ", words),
        page=page,
        x0=item.x0,
        x1=item.x1,
        top=height - item.y1,
        bottom=height - item.y0,
        size=round(size, 1),
        bold=bold,
        first_word_width=first_word,
    )


# --------------------------------------------------------------------------- page furniture


def _key(line: str, page_no: int) -> str:
    """Same text on every page, except the page's own number ("Report 2021 · 3" ~ "Report 2021 · 4")."""
    line = re.sub(rf"(?<!\d){page_no}(?!\d)", "#", line)
    return re.sub(r"\s+", " ", line).strip().lower()


def _in_edge_band(line: PdfLine, page: LayoutPage) -> bool:
    return line.bottom < _EDGE_BAND * page.height or line.top > (1 - _EDGE_BAND) * page.height


def running_heads(pages: list[LayoutPage]) -> tuple[set[int], list[DroppedLine], list[str]]:
    """Line numbers of running heads, feet and page numbers; the dropped lines; the heads' texts."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(ln.text, ln.page) for ln in page.lines if _in_edge_band(ln, page)})
    threshold = max(2, (len(pages) + 1) // 2)
    gone: set[int] = set()
    dropped: list[DroppedLine] = []
    heads: list[str] = []
    for page in pages:
        for ln in page.lines:
            if not _in_edge_band(ln, page):
                continue
            if _PAGE_NO.match(ln.text):
                reason = f"page number (page {ln.page})"
            elif (
                len(pages) > 1 and counts[_key(ln.text, ln.page)] >= threshold and len(ln.text.split()) <= 14
            ):
                reason = f"running header/footer (page {ln.page})"
                heads.append(ln.text)
            else:
                continue
            gone.add(ln.lineno)
            dropped.append(DroppedLine(ln.text, reason, ln.lineno))
    return gone, dropped, heads


def body_size(lines: list[PdfLine]) -> float:
    """The type size most of the text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def page_notes(page: LayoutPage, body: float, gone: set[int]) -> set[int]:
    """Lines in smaller type below the text of the page that start with a number: its notes
    (with the lines that continue a note)."""
    lines = [ln for ln in page.lines if ln.lineno not in gone]
    notes: set[int] = set()
    text_bottom = max((ln.bottom for ln in lines if ln.size >= 0.95 * body), default=0)
    in_note = False
    for ln in lines:
        small_below = ln.size < 0.92 * body and ln.top >= text_bottom - 1
        if small_below and _NOTE_START.match(ln.text):
            in_note = True
        elif not small_below:
            in_note = False
        if in_note:
            notes.add(ln.lineno)
    return notes


# --------------------------------------------------------------------------- structure


def layout_to_lines(pages: list[LayoutPage]) -> tuple[list[RawLine], list[DroppedLine], list[str]]:
    """Pages -> paragraph lines (title and headings hinted), page-foot notes moved to the end as
    '¹ ...' lines; returns also the dropped furniture and the running heads' texts."""
    gone, dropped, heads = running_heads(pages)
    every = [ln for p in pages for ln in p.lines if ln.lineno not in gone]
    body = body_size(every)
    notes: list[PdfLine] = []
    kept: list[PdfLine] = []
    for page in pages:
        on_page = page_notes(page, body, gone)
        lines = [ln for ln in reading_order(page) if ln.lineno not in gone]
        notes += [ln for ln in lines if ln.lineno in on_page]
        lines = [ln for ln in lines if ln.lineno not in on_page]
        not_contents = {no for no, _ in drop_contents(0, [(ln.lineno, ln.text) for ln in lines], [])}
        for ln in lines:
            if ln.lineno in not_contents:
                kept.append(ln)
            else:
                dropped.append(DroppedLine(ln.text, f"table of contents (page {ln.page})", ln.lineno))
    title = _title_lines(kept, body)
    leading = _line_gap(kept)
    margins = right_margins(kept)
    out: list[RawLine] = []
    para: list[PdfLine] = []
    kind = None

    def flush() -> None:
        if para:
            out.append(RawLine(_join(para), para[0].lineno, kind))
            out.append(RawLine("", para[0].lineno))

    for prev, ln in zip([None, *kept], kept, strict=False):
        this = "title" if ln.lineno in title else "heading" if _is_heading(ln, body) else None
        same_block = (
            prev is not None
            and this == kind
            and (_continues(prev, ln, margins, leading) if this is None else _heading_continues(prev, ln))
        )
        if not same_block:
            flush()
            para, kind = [], this
        para.append(ln)
    flush()
    out += _notes_as_lines(notes)
    return _endnotes_called_by_superscripts(out), dropped, heads


def reading_order(page: LayoutPage) -> list[PdfLine]:
    """Lines as a reader takes them: full-width lines split the page into bands; in each band
    the left column is read before the right one."""
    mid = page.width / 2
    lines = sorted(page.lines, key=lambda ln: (ln.top, ln.x0))
    if not any(ln.x0 >= mid - 5 for ln in lines) or not any(ln.x1 <= mid + 5 for ln in lines):
        return lines
    out: list[PdfLine] = []
    band: list[PdfLine] = []
    for ln in [*lines, None]:
        if ln is None or (ln.x0 < mid - 5 and ln.x1 > mid + 5):
            out += [x for x in band if x.x0 < mid - 5] + [x for x in band if x.x0 >= mid - 5]
            band = []
            if ln is not None:
                out.append(ln)
            continue
        band.append(ln)
    return out


def _title_lines(lines: list[PdfLine], body: float) -> set[int]:
    """The largest type of page 1, when it is larger than the text: the headline (one or more lines)."""
    first = [ln for ln in lines if ln.page == 1]
    if not first:
        return set()
    largest = max(ln.size for ln in first)
    if largest < 1.15 * body:
        return set()
    run: list[PdfLine] = []
    for ln in first:
        if ln.size == largest:
            run.append(ln)
        elif run:
            break
    if sum(len(ln.text.split()) for ln in run) > 30:
        return set()
    return {ln.lineno for ln in run}


def _is_heading(ln: PdfLine, body: float) -> bool:
    """Larger type than the text, or a bold line of its own, short and not a sentence's end."""
    words = len(ln.text.split())
    if words == 0 or words > 20 or ln.size < 0.95 * body:
        return False
    return ln.size >= 1.1 * body or (ln.bold and not re.search(r"[.,;]$", ln.text))


def _heading_continues(prev: PdfLine, ln: PdfLine) -> bool:
    """A heading or title set on two lines: same size, same page, right under the first."""
    return prev.page == ln.page and prev.size == ln.size and 0 <= ln.top - prev.bottom < 0.8 * ln.size


def _line_gap(lines: list[PdfLine]) -> float:
    """The usual white space between two lines of one paragraph (the commonest gap)."""
    gaps = [
        round(b.top - a.bottom, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.size == b.size and b.top > a.top
    ]
    return Counter(gaps).most_common(1)[0][0] if gaps else 2.0


def _continues(prev: PdfLine, ln: PdfLine, margins: dict[int, float], leading: float) -> bool:
    """Does `ln` continue the paragraph of `prev`?  Only when `prev` ran to its margin: the first
    word of `ln` would not have fitted after it.  More white space than between the lines of a
    paragraph, a change of type or an indent starts a new paragraph; a new page or column
    continues a sentence left open."""
    if abs(prev.size - ln.size) > 0.5:
        return False
    margin = margins.get(prev.lineno, prev.x1)
    space = 0.3 * prev.size
    ran_to_margin = prev.x1 + space + ln.first_word_width > margin - 0.5
    if ln.page != prev.page or ln.top < prev.top - 1:  # next page or next column: no gap to go by
        if re.search(r"[.!?:][\"”’)]?$", prev.text):  # a sentence ends there: only a full line runs on
            return margin - prev.x1 < 2.5 * prev.size and ln.text[:1].isalpha()
        return ran_to_margin or ln.text[:1].islower()
    gap = ln.top - prev.bottom
    if gap > leading + 0.3 * prev.size:
        return False
    indented = ln.x0 > prev.x0 + 1.5 * space
    return ran_to_margin and not indented


def right_margins(lines: list[PdfLine]) -> dict[int, float]:
    """line number -> where full lines of its column end: the longest line end among lines of
    the same type whose left edges lie together (one page alone may hold no full line)."""
    out: dict[int, float] = {}
    for size in {ln.size for ln in lines}:
        same = sorted((ln for ln in lines if ln.size == size), key=lambda ln: ln.x0)
        column: list[PdfLine] = []
        for ln in [*same, None]:
            if ln is not None and (not column or ln.x0 - column[-1].x0 < 40):
                column.append(ln)
                continue
            end = max(x.x1 for x in column)
            out.update({x.lineno: end for x in column})
            column = [ln] if ln is not None else []
    return out


def _join(lines: list[PdfLine]) -> str:
    text = ""
    for ln in lines:
        if not text:
            text = ln.text
        elif text.endswith("-") and text[-2:-1].isalpha() and ln.text[:1].islower():
            text = text[:-1] + ln.text  # a word hyphenated at the margin
        elif text.endswith("-") and text[-2:-1].isalpha() and ln.text[:1].isupper():
            text += ln.text  # a compound broken at its own hyphen ('Indo-' / 'Pacific')
        else:
            text += " " + ln.text
    return text


def _endnotes_called_by_superscripts(lines: list[RawLine]) -> list[RawLine]:
    """'Notes' / '1 Author, "Title" ...': numbered notes at the end, in the text's own type, whose
    numbers the text calls by raised digits, are written '¹ ...' like the notes of a page foot."""
    heading = next((k for k, ln in enumerate(lines) if NOTES_HEADING.match(ln.text)), None)
    if heading is None:
        return lines
    called = {m for ln in lines[:heading] for m in re.findall("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", ln.text)}
    for ln in lines[heading + 1 :]:
        m = re.match(r"^(\d{1,3})[.)]?\s+(?=\S)", ln.text)
        if m and m.group(1).translate(_SUPERSCRIPT) in called:
            ln.text = m.group(1).translate(_SUPERSCRIPT) + " " + ln.text[m.end() :]
    return lines


def _notes_as_lines(notes: list[PdfLine]) -> list[RawLine]:
    """Each note as one '¹ Author, "Title" ...' line, its continuation lines joined."""
    out: list[RawLine] = []
    current: list[PdfLine] = []
    for ln in [*notes, None]:
        if ln is None or (_NOTE_START.match(ln.text) and current):
            if current:
                m = _NOTE_START.match(current[0].text)
                number = (m.group(1) or "").translate(_SUPERSCRIPT) or m.group(2)  # type: ignore[union-attr]
                text = _join(current)[m.end() :]  # type: ignore[union-attr]
                out += [RawLine(f"{number} {text}", current[0].lineno), RawLine("", current[0].lineno)]
            current = []
        if ln is not None:
            current.append(ln)
    return out
