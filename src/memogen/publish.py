"""Read an edited DOCX draft back into the memo model, and publish it as PDF.

People edit the generated draft in Word or LibreOffice; the PDF they send must
show *their* text.  So the draft is read like any other document (pandoc's
reader -> model -> writer route) and handed to the same PDF renderer `build`
uses.  The reader works on the WordprocessingML itself rather than on
memogen's own conventions, because LibreOffice renumbers footnote ids, renames
style ids and writes hyperlinks and lists its own way.

What the memo model cannot hold (images, extra tables, comments, text boxes,
tracked changes) is reported in the returned warnings, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import (
    DEFAULT_HEADINGS,
    SECTION_KEYS,
    Inline,
    Memo,
    MemoHeader,
    MemoSection,
    MergedPoint,
    Note,
    Paragraph,
    RenderSettings,
    SectionKey,
)
from .outputs import atomic_write

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

PUBLISHED_SUFFIX = ".published.pdf"

# Header labels and the words people commonly use instead of them.
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "to": ("to", "for", "recipient", "recipients", "attn", "attention"),
    "from_": ("from", "author", "by", "prepared by"),
    "date": ("date", "dated"),
    "subject": ("subject", "subj", "re", "regarding", "topic"),
    "classification": ("classification", "class", "security", "marking", "handling"),
}
SOURCES_HEADINGS = ("sources", "bibliography", "references", "works cited", "sources cited", "reading")
# Words that identify a section heading after a user rephrased it.
SECTION_CUES: dict[SectionKey, tuple[str, ...]] = {
    "what_happened": ("what happened", "happened", "events", "the event", "summary", "overview"),
    "background": ("background", "context", "history", "backdrop"),
    "what_it_means": (
        "what does it mean",
        "what it means",
        "mean",
        "implication",
        "significance",
        "analysis",
        "assessment",
        "outlook",
        "so what",
    ),
}
_META_STYLES = {"author": "from_", "date": "date"}
_BULLET_FORMATS = ("bullet", "none")
_PUNCT_LEAD = re.compile(r"^[.,;:!?)\]»”’%]+")


@dataclass
class NoteRef:
    """A footnote or endnote reference met in the body, by its id in the file."""

    kind: str  # "footnote" | "endnote"
    id: str


@dataclass
class DraftRead:
    """The memo read from a draft, plus what could not be carried over."""

    memo: Memo
    warnings: list[str] = field(default_factory=list)


@dataclass
class PublishResult:
    pdf_path: Path
    memo: Memo
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- small XML helpers


def _w(tag: str) -> str:
    return W + tag


def _attr(el, name: str) -> str | None:
    return None if el is None else el.get(_w(name))


def _toggle(rpr, tag: str) -> bool | None:
    """A WordprocessingML on/off property: True, False, or None when not stated."""
    if rpr is None:
        return None
    el = rpr.find(_w(tag))
    if el is None:
        return None
    return (_attr(el, "val") or "true").lower() not in ("0", "false", "off", "none")


def _text_of(el) -> str:
    """All visible text under an element (for warnings), whitespace collapsed."""
    parts = [t.text or "" for t in el.iter(_w("t"))]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _snippet(text: str, n: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]+", "", re.sub(r"\s+", " ", text.lower())).strip()


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str
    based_on: str | None
    kind: str
    outline: int | None
    bold: bool | None
    italic: bool | None
    numbered: bool


class _Styles:
    """Paragraph and character styles by id, resolved through `basedOn`.

    Names, not ids, carry meaning: LibreOffice and localised Word write ids
    such as "berschrift1" but keep Word's built-in names ("heading 1").
    """

    def __init__(self, styles_el) -> None:
        self._by_id: dict[str, _Style] = {}
        self.default_para: str | None = None
        if styles_el is None:
            return
        for st in styles_el.iter(_w("style")):
            sid = _attr(st, "styleId") or ""
            name_el = st.find(_w("name"))
            ppr, rpr = st.find(_w("pPr")), st.find(_w("rPr"))
            outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
            self._by_id[sid] = _Style(
                name=(_attr(name_el, "val") or sid).strip().lower(),
                based_on=_attr(st.find(_w("basedOn")), "val"),
                kind=_attr(st, "type") or "paragraph",
                outline=int(_attr(outline, "val") or 9) if outline is not None else None,
                bold=_toggle(rpr, "b"),
                italic=_toggle(rpr, "i"),
                numbered=ppr is not None and ppr.find(_w("numPr")) is not None,
            )
            if _attr(st, "type") == "paragraph" and _attr(st, "default") in ("1", "true"):
                self.default_para = sid

    def chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid in self._by_id and sid not in seen:
            seen.add(sid)
            style = self._by_id[sid]
            yield style
            sid = style.based_on

    def name(self, sid: str | None) -> str:
        style = self._by_id.get(sid or "")
        return style.name if style else (sid or "").lower()

    def first(self, sid: str | None, attr: str):
        for style in self.chain(sid):
            value = getattr(style, attr)
            if value is not None and value is not False:
                return value
        return None


# --------------------------------------------------------------------------- inline runs


@dataclass
class _Ctx:
    """What inline reading needs: hyperlink targets, styles, and where to report."""

    rels: Mapping[str, str]
    styles: _Styles
    warnings: list[str]
    where: str = "body"


def _run_format(r, ctx: _Ctx) -> tuple[bool, bool]:
    rpr = r.find(_w("rPr"))
    rstyle = _attr(rpr.find(_w("rStyle")), "val") if rpr is not None else None
    bold, italic = _toggle(rpr, "b"), _toggle(rpr, "i")
    if bold is None:
        bold = bool(ctx.styles.first(rstyle, "bold"))
    if italic is None:
        italic = bool(ctx.styles.first(rstyle, "italic"))
    return bold, italic


def _symbol(code: str | None) -> str:
    """A w:sym character; symbol fonts put their glyphs at U+F0xx, which no other font has."""
    try:
        value = int(code or "20", 16)
    except ValueError:
        return " "
    return chr(value - 0xF000 if 0xF020 <= value <= 0xF0FF else value)


def _hyperlink_target(instr: str) -> str | None:
    m = re.search(r'HYPERLINK\s+"([^"]+)"', instr) or re.search(r"HYPERLINK\s+(\S+)", instr)
    if not m or m.group(1).startswith("\\"):
        return None
    return m.group(1)


class _InlineReader:
    """Walks a paragraph's children in order, producing Inline runs and NoteRefs.

    Complex fields (fldChar begin/separate/end) are tracked so that Word-style
    HYPERLINK fields become links and field instructions never leak as text.
    """

    def __init__(self, ctx: _Ctx) -> None:
        self.ctx = ctx
        self.out: list[Inline | NoteRef] = []
        self.fields: list[dict] = []

    def read(self, el, url: str | None = None) -> list[Inline | NoteRef]:
        self._children(el, url)
        return self.out

    def _warn(self, what: str) -> None:
        self.ctx.warnings.append(f"{self.ctx.where}: {what}")

    def _field_url(self) -> str | None:
        for f in reversed(self.fields):
            if f["phase"] == "result" and f.get("url"):
                return f["url"]
        return None

    def _in_instr(self) -> bool:
        return any(f["phase"] == "instr" for f in self.fields)

    def _children(self, el, url: str | None) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _w("r"):
                self._run(child, url)
            elif tag == _w("hyperlink"):
                rid = child.get(f"{{{R_NS}}}id")
                self._children(child, self.ctx.rels.get(rid or "", url))
            elif tag == _w("fldSimple"):
                self._children(child, _hyperlink_target(_attr(child, "instr") or "") or url)
            elif tag in (_w("ins"), _w("moveTo")):
                self._warn("tracked change (insertion) found: the PDF shows it as accepted")
                self._children(child, url)
            elif tag in (_w("del"), _w("moveFrom")):
                self._warn(f"tracked deletion of '{_snippet(_text_of_del(child))}' left out of the PDF")
            elif tag in (_w("smartTag"), _w("customXml"), _w("sdt"), _w("sdtContent"), _w("dir"), _w("bdo")):
                self._children(child, url)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                self._drawing(child)
            elif tag == _w("commentRangeStart"):
                self._warn("a comment is attached here; comments are not carried into the PDF")
            elif tag.endswith(("}oMath", "}oMathPara")):
                self._warn("an equation is not represented in the PDF")

    def _run(self, r, url: str | None) -> None:
        bold, italic = _run_format(r, self.ctx)
        for child in r:
            tag = child.tag
            if tag == _w("fldChar"):
                self._fld_char(_attr(child, "fldCharType") or "")
            elif tag == _w("instrText"):
                if self.fields:
                    self.fields[-1]["instr"] += child.text or ""
            elif self._in_instr():
                continue
            elif tag == _w("t"):
                self._text(child.text or "", bold, italic, self._field_url() or url)
            elif tag in (_w("tab"), _w("br"), _w("cr"), _w("ptab")):
                self._text(" ", bold, italic, self._field_url() or url)
            elif tag == _w("noBreakHyphen"):
                self._text("-", bold, italic, self._field_url() or url)
            elif tag == _w("sym"):
                self._text(_symbol(_attr(child, "char")), bold, italic, self._field_url() or url)
            elif tag == _w("footnoteReference"):
                self.out.append(NoteRef("footnote", _attr(child, "id") or ""))
            elif tag == _w("endnoteReference"):
                self.out.append(NoteRef("endnote", _attr(child, "id") or ""))
            elif tag in (_w("drawing"), _w("pict"), _w("object")) or tag == f"{{{MC_NS}}}AlternateContent":
                self._drawing(child)
            elif tag == _w("commentReference"):
                pass  # reported at commentRangeStart or by the comments part

    def _fld_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append({"phase": "instr", "instr": ""})
        elif kind == "separate" and self.fields:
            self.fields[-1]["phase"] = "result"
            self.fields[-1]["url"] = _hyperlink_target(self.fields[-1]["instr"])
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _drawing(self, el) -> None:
        boxes = list(el.iter(_w("txbxContent")))
        if boxes:
            text = _text_of(boxes[0])
            self._warn(f"text box '{_snippet(text)}' is not represented in the PDF")
        else:
            self._warn("an image or drawing is not represented in the PDF")

    def _text(self, text: str, bold: bool, italic: bool, url: str | None) -> None:
        if not text:
            return
        last = self.out[-1] if self.out else None
        if isinstance(last, Inline) and (last.bold, last.italic, last.url) == (bold, italic, url):
            last.text += text
        else:
            self.out.append(Inline(text, italic=italic, bold=bold, url=url))


def _text_of_del(el) -> str:
    return " ".join(t.text or "" for t in el.iter(_w("delText")))


def _clean_inlines(runs: list[Inline]) -> list[Inline]:
    """Collapse whitespace, strip the ends, drop empty runs, merge equal neighbours."""
    out: list[Inline] = []
    for run in runs:
        text = re.sub(r"[ \t\r\n]+", " ", run.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].url) == (run.bold, run.italic, run.url):
            out[-1].text += text
        else:
            out.append(Inline(text, italic=run.italic, bold=run.bold, url=run.url))
    if out:
        out[0].text = out[0].text.lstrip()
        out[-1].text = out[-1].text.rstrip()
    return [r for r in out if r.text]


def _plain(runs: list[Inline]) -> str:
    return "".join(r.text for r in runs)


# --------------------------------------------------------------------------- notes


def _related_parts(part, reltype: str) -> list:
    return [rel.target_part for rel in part.rels.values() if rel.reltype == reltype and not rel.is_external]


def _rels_of(part) -> dict[str, str]:
    """Hyperlink targets by relationship id (external links only)."""
    return {rid: rel.target_ref for rid, rel in part.rels.items() if rel.reltype == RT_HYPERLINK}


def _read_notes(doc_part, kind: str, styles: _Styles, warnings: list[str]) -> dict[str, list[Inline]]:
    """Every real note of the footnotes (or endnotes) part, by id, as inline runs."""
    from lxml import etree

    reltype = RT_FOOTNOTES if kind == "footnote" else RT_ENDNOTES
    notes: dict[str, list[Inline]] = {}
    for part in _related_parts(doc_part, reltype):
        root = etree.fromstring(part.blob)
        ctx = _Ctx(rels=_rels_of(part), styles=styles, warnings=warnings)
        for note in root.iter(_w(kind)):
            if (_attr(note, "type") or "normal") != "normal":
                continue  # separator / continuationSeparator / continuationNotice
            nid = _attr(note, "id") or ""
            ctx.where = f"{kind} {nid}"
            runs: list[Inline] = []
            for p in note.iter(_w("p")):
                if runs:
                    runs.append(Inline(" "))
                runs += [t for t in _InlineReader(ctx).read(p) if isinstance(t, Inline)]
            notes[nid] = _clean_inlines(runs)
    return notes


# --------------------------------------------------------------------------- headings and header


def match_section(text: str, headings: Mapping[str, str] | None = None) -> SectionKey | None:
    """The section a heading names: the configured wording, the default, or a common variant."""
    norm = _norm(text)
    if not norm:
        return None
    wanted = {**DEFAULT_HEADINGS, **(headings or {})}
    for key in SECTION_KEYS:
        if norm in (_norm(wanted[key]), _norm(DEFAULT_HEADINGS[key])):
            return key
    for key in SECTION_KEYS:
        for candidate in (wanted[key], DEFAULT_HEADINGS[key]):
            if difflib.SequenceMatcher(None, norm, _norm(candidate)).ratio() >= 0.8:
                return key
    for key in SECTION_KEYS:
        if any(re.search(rf"\b{re.escape(cue)}", norm) for cue in SECTION_CUES[key]):
            return key
    return None


def _is_sources_heading(text: str, sources_label: str) -> bool:
    norm = _norm(text)
    return norm == _norm(sources_label) or norm in SOURCES_HEADINGS


def _header_field(label: str, extra_labels: Mapping[str, str]) -> str | None:
    """Which MemoHeader field a label like 'To:' or 'Subject' names."""
    norm = _norm(label.rstrip(":"))
    for name, variants in HEADER_LABELS.items():
        configured = extra_labels.get(name.rstrip("_"))
        if norm in variants or (configured and norm == _norm(configured)):
            return name
    return None


_LABEL_LINE = re.compile(r"^\s*([^:\t]{1,30}?)\s*(?::|\t)\s*(.+?)\s*$")


def _header_line(text: str, extra_labels: Mapping[str, str]) -> tuple[str, str] | None:
    m = _LABEL_LINE.match(text)
    if not m:
        return None
    name = _header_field(m.group(1), extra_labels)
    return (name, m.group(2)) if name else None


def _cell_texts(row) -> list[str]:
    return [_text_of(tc) for tc in row.iter(_w("tc"))]


def _header_from_table(tbl, extra_labels: Mapping[str, str]) -> dict[str, str] | None:
    """The memo header, when a table is made of label/value rows; None for other tables."""
    rows = [_cell_texts(tr) for tr in tbl.iter(_w("tr"))]
    found: dict[str, str] = {}
    for cells in rows:
        cells = [c for c in cells if c]
        if len(cells) >= 2 and (name := _header_field(cells[0], extra_labels)):
            found[name] = " ".join(cells[1:])
        elif len(cells) == 1 and (pair := _header_line(cells[0], extra_labels)):
            found[pair[0]] = pair[1]
    return found if found and len(found) * 2 >= len(rows) else None


# --------------------------------------------------------------------------- paragraphs -> points


_Chunk = tuple[list[Inline], list[NoteRef]]


def _chunks(tokens: list[Inline | NoteRef]) -> list[_Chunk]:
    """Cut a paragraph after every footnote mark; marks in a row ("text.¹²") share one cut."""
    chunks: list[_Chunk] = [([], [])]
    for tok in tokens:
        if isinstance(tok, Inline):
            chunks[-1][0].append(Inline(tok.text, italic=tok.italic, bold=tok.bold, url=tok.url))
        elif len(chunks) > 1 and not _plain(chunks[-1][0]).strip():
            chunks[-2][1].append(tok)
        else:
            chunks[-1][1].append(tok)
            chunks.append(([], []))
    for prev, cur in zip(chunks, chunks[1:], strict=False):
        runs = cur[0]
        if runs and prev[0] and (m := _PUNCT_LEAD.match(runs[0].text)):
            prev[0].append(Inline(m.group(0)))
            runs[0].text = runs[0].text[m.end() :]
    return chunks


def _note(
    refs: list[NoteRef], notes: Mapping[tuple[str, str], list[Inline]], numbering: list[int]
) -> Note | None:
    """One numbered note for the marks at one place; several marks become one note joined by '; '."""
    if not refs:
        return None
    numbering[0] += 1
    inlines: list[Inline] = []
    for ref in refs:
        inlines += ([Inline("; ")] if inlines else []) + list(notes.get((ref.kind, ref.id), []))
    return Note(number=numbering[0], inlines=inlines)


def _split_points(
    tokens: list[Inline | NoteRef],
    notes: Mapping[tuple[str, str], list[Inline]],
    numbering: list[int],
    key: SectionKey,
    ids: Iterator[int],
    warnings: list[str],
) -> list[MergedPoint]:
    """One point per footnote mark, so each mark stays after the text it followed.

    Punctuation right after a mark ("text¹.") moves before it, as the renderer
    always puts the mark at the end of its point.
    """
    points: list[MergedPoint] = []
    carry: list[NoteRef] = []  # marks with no text before them go with the next text
    for runs, refs in _chunks(tokens):
        runs, refs = _clean_inlines(runs), carry + refs
        if not runs:
            carry = refs
            continue
        carry = []
        if len(refs) > 1:
            warnings.append(f"{len(refs)} footnote marks in a row were merged into one note")
        rich = any(r.bold or r.italic or r.url for r in runs)
        points.append(
            MergedPoint(
                id=f"d{next(ids)}",
                text=_plain(runs),
                section=key,
                citations=[],
                note=_note(refs, notes, numbering),
                inlines=runs if rich else None,
            )
        )
    return points


# --------------------------------------------------------------------------- the reader


@dataclass
class _Block:
    kind: str  # title / subtitle / heading / list / body / table
    level: int = 0
    tokens: list[Inline | NoteRef] = field(default_factory=list)
    marker: str | None = None
    element: object = None

    @property
    def runs(self) -> list[Inline]:
        return _clean_inlines([t for t in self.tokens if isinstance(t, Inline)])

    @property
    def text(self) -> str:
        return _plain(self.runs)


class _Lists:
    """Bullet or number marks of list paragraphs, counted per list."""

    def __init__(self, numbering_el) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        self.counters: dict[tuple[str, int], int] = {}
        if numbering_el is None:
            return
        abstract = {}
        for an in numbering_el.iter(_w("abstractNum")):
            levels = {}
            for lvl in an.iter(_w("lvl")):
                levels[int(_attr(lvl, "ilvl") or 0)] = _attr(lvl.find(_w("numFmt")), "val") or "bullet"
            abstract[_attr(an, "abstractNumId")] = levels
        for num in numbering_el.iter(_w("num")):
            levels = abstract.get(_attr(num.find(_w("abstractNumId")), "val"), {})
            for ilvl, fmt in levels.items():
                self.formats[(_attr(num, "numId") or "", ilvl)] = fmt

    def marker(self, num_id: str, ilvl: int, style_name: str) -> str:
        fmt = self.formats.get((num_id, ilvl)) or ("decimal" if "number" in style_name else "bullet")
        if fmt in _BULLET_FORMATS:
            return "•"
        n = self.counters.get((num_id, ilvl), 0) + 1
        self.counters[(num_id, ilvl)] = n
        return f"{n}."


def _paragraph_block(p, styles: _Styles, lists: _Lists, ctx: _Ctx) -> _Block:
    ppr = p.find(_w("pPr"))
    sid = _attr(ppr.find(_w("pStyle")), "val") if ppr is not None else None
    sid = sid or styles.default_para
    name = styles.name(sid)
    names = [s.name for s in styles.chain(sid)] or [name]
    tokens = _InlineReader(ctx).read(p)
    outline_el = ppr.find(_w("outlineLvl")) if ppr is not None else None
    outline = int(_attr(outline_el, "val") or 9) if outline_el is not None else styles.first(sid, "outline")
    if any(n.startswith("toc ") or n in ("toc heading", "table of contents") for n in names):
        return _Block("toc", tokens=tokens)
    if name in _META_STYLES:  # pandoc-style metadata paragraphs
        return _Block("meta", tokens=tokens, marker=_META_STYLES[name])
    if any(n == "title" for n in names):
        return _Block("title", tokens=tokens)
    if any(n == "subtitle" for n in names):
        return _Block("subtitle", tokens=tokens)
    level = next((int(m.group(1)) for n in names if (m := re.match(r"^heading\s*(\d)$", n))), None)
    if level is None and outline is not None and outline < 9:
        level = outline + 1
    if level is not None:
        return _Block("heading", level=level, tokens=tokens)
    num_pr = ppr.find(_w("numPr")) if ppr is not None else None
    if num_pr is not None or styles.first(sid, "numbered") or name.startswith("list"):
        num_id = _attr(num_pr.find(_w("numId")), "val") if num_pr is not None else None
        ilvl_el = num_pr.find(_w("ilvl")) if num_pr is not None else None
        if num_id != "0":
            marker = lists.marker(num_id or sid or "", int(_attr(ilvl_el, "val") or 0), name)
            return _Block("list", tokens=tokens, marker=marker)
    return _Block("body", tokens=tokens)


def _blocks(body, styles: _Styles, lists: _Lists, ctx: _Ctx) -> Iterator[_Block]:
    """Body-level paragraphs and tables in document order (content controls opened)."""
    n = 0
    for child in body:
        if child.tag == _w("p"):
            n += 1
            ctx.where = f"paragraph {n}"
            yield _paragraph_block(child, styles, lists, ctx)
        elif child.tag == _w("tbl"):
            yield _Block("table", element=child)
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _blocks(content, styles, lists, ctx)
        elif child.tag in (_w("ins"), _w("moveTo")):
            yield from _blocks(child, styles, lists, ctx)


class _Assembler:
    """Turns the stream of blocks into header, sections and bibliography."""

    def __init__(
        self,
        headings: Mapping[str, str] | None,
        notes,
        warnings: list[str],
        sources_label: str,
        extra_labels: Mapping[str, str],
    ) -> None:
        self.headings = headings
        self.notes = notes
        self.warnings = warnings
        self.sources_label = sources_label
        self.extra_labels = extra_labels
        self.header: dict[str, str] = {}
        self.sections: list[MemoSection] = []
        self.pending: list[Paragraph] = []  # body text before the first section heading
        self.unmatched: list[MemoSection] = []
        self.bibliography: list[list[Inline]] = []
        self.mode = "front"  # front / section / sources
        self.numbering = [0]
        self.ids = iter(range(1, 1_000_000))

    def feed(self, block: _Block) -> None:
        handler = getattr(self, f"_on_{block.kind}")
        handler(block)

    def _on_title(self, block: _Block) -> None:
        if "title" in self.header:
            self.warnings.append(f"a second title '{_snippet(block.text)}' was read as body text")
            return self._on_body(block)
        self.header["title"] = block.text

    def _on_subtitle(self, block: _Block) -> None:
        if "subtitle" in self.header:
            return self._on_body(block)
        self.header["subtitle"] = block.text

    def _on_heading(self, block: _Block) -> None:
        text = block.text
        if not text:
            return
        if _is_sources_heading(text, self.sources_label):
            self.mode = "sources"
            return
        if block.level > 1 and self.mode == "section":
            self.warnings.append(f"sub-heading '{_snippet(text)}' is shown as a bold paragraph")
            self._add(
                Paragraph(
                    points=[
                        MergedPoint(
                            id=f"d{next(self.ids)}",
                            text=text,
                            section=self._key(),
                            citations=[],
                            inlines=[Inline(text, bold=True)],
                        )
                    ]
                )
            )
            return
        key = match_section(text, self.headings)
        section = MemoSection(key=key or self._key(), heading=text)
        if key is None or key in {s.key for s in self.sections}:
            self.unmatched.append(section)
        self.sections.append(section)
        self.mode = "section"

    def _on_toc(self, block: _Block) -> None:
        if block.text:
            self.warnings.append("the table of contents is left out (the PDF has none)")

    def _on_meta(self, block: _Block) -> None:
        if self.mode == "front" and block.marker and block.text:
            self.header.setdefault(block.marker, block.text)
        else:
            self._on_body(block)

    def _on_table(self, block: _Block) -> None:
        found = _header_from_table(block.element, self.extra_labels) if self.mode == "front" else None
        if found:
            self.header.update({k: v for k, v in found.items() if k not in self.header})
            return
        rows = sum(1 for _ in block.element.iter(_w("tr")))
        self.warnings.append(
            f"a table ({rows} rows, '{_snippet(_text_of(block.element), 40)}') is not represented in the PDF"
        )

    def _on_list(self, block: _Block) -> None:
        self._on_body(block, lead=block.marker)

    def _on_body(self, block: _Block, lead: str | None = None) -> None:
        if self.mode == "front" and (pair := _header_line(block.text, self.extra_labels)):
            self.header.setdefault(pair[0], pair[1])
            return
        if self.mode == "sources":
            if block.runs:
                self.bibliography.append(block.runs)
            return
        points = _split_points(block.tokens, self.notes, self.numbering, self._key(), self.ids, self.warnings)
        if points:
            self._add(Paragraph(points=points, lead=lead))

    def _key(self) -> SectionKey:
        return self.sections[-1].key if self.sections else SECTION_KEYS[0]

    def _add(self, paragraph: Paragraph) -> None:
        if self.sections:
            self.sections[-1].paragraphs.append(paragraph)
        else:
            self.pending.append(paragraph)

    def finish(self) -> list[MemoSection]:
        """Place unmatched headings and any text above the first heading; report both."""
        self._assign_unmatched()
        if self.pending:
            self.warnings.append(
                f"{len(self.pending)} paragraph(s) above the first section heading were put at the start "
                f"of the first section"
            )
            if not self.sections:
                self.sections.append(
                    MemoSection(key=SECTION_KEYS[0], heading=DEFAULT_HEADINGS[SECTION_KEYS[0]])
                )
            self.sections[0].paragraphs[:0] = self.pending
        for key in SECTION_KEYS:
            if not any(s.key == key for s in self.sections):
                self.warnings.append(f"the draft has no '{DEFAULT_HEADINGS[key]}' section")
        return self.sections

    def _assign_unmatched(self) -> None:
        """Unknown headings take the unused section keys in order; the rest stay extra sections."""
        used = [s.key for s in self.sections if s not in self.unmatched]
        free = [k for k in SECTION_KEYS if k not in used]
        for section in self.unmatched:
            if free and match_section(section.heading, self.headings) is None:
                section.key = free.pop(0)
                for para in section.paragraphs:
                    for point in para.points:
                        point.section = section.key
                self.warnings.append(
                    f"heading '{_snippet(section.heading)}' was not recognised; read as the "
                    f"'{DEFAULT_HEADINGS[section.key]}' section"
                )
            else:
                self.warnings.append(
                    f"heading '{_snippet(section.heading)}' is not one of the memo's sections; kept as an "
                    f"extra section after '{DEFAULT_HEADINGS[section.key]}'"
                )


def _page_size(doc) -> str:
    """Letter when the draft's first section is 8.5 inches wide, else A4."""
    try:
        width = doc.sections[0].page_width
    except (IndexError, AttributeError):
        return "A4"
    return "Letter" if width is not None and abs(width.inches - 8.5) < 0.1 else "A4"


def _document(data: bytes, name: str):
    import zipfile

    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable DOCX file ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise InputError(f"{name}: cannot read the DOCX draft ({type(exc).__name__}: {exc})") from None


def read_draft(
    data: bytes,
    name: str = "draft.docx",
    headings: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> DraftRead:
    """Read DOCX bytes (memogen's, Word's or LibreOffice's) into a Memo plus warnings.

    `headings` are the topic's configured section headings (key -> wording);
    `labels` the header/Sources wording from templates/labels.yaml, when known.
    Footnotes are renumbered 1..n in order of their marks, as Word displays them.
    """
    doc = _document(data, name)
    warnings: list[str] = []
    styles = _Styles(doc.styles.element)
    try:
        numbering_el = doc.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_el = None
    notes = {("footnote", k): v for k, v in _read_notes(doc.part, "footnote", styles, warnings).items()}
    endnotes = _read_notes(doc.part, "endnote", styles, warnings)
    notes.update({("endnote", k): v for k, v in endnotes.items()})
    if endnotes:
        warnings.append(f"{len(endnotes)} endnote(s) are shown as footnotes")
    warnings += _orphan_notes(doc.element.body, notes)
    comments = _related_parts(doc.part, RT_COMMENTS)
    if comments:
        warnings.append("the draft has comments; comments are not carried into the PDF")
    extra_labels = dict(labels or {})
    ctx = _Ctx(rels=_rels_of(doc.part), styles=styles, warnings=warnings)
    props = _custom_properties(data)
    headings = headings or _json_mapping(props.get("memogen_headings"))
    asm = _Assembler(headings, notes, warnings, extra_labels.get("sources", "Sources"), extra_labels)
    for block in _blocks(doc.element.body, styles, _Lists(numbering_el), ctx):
        asm.feed(block)
    sections = asm.finish()
    memo = _memo(doc, name, asm, sections)
    memo.topic = props.get("memogen_topic") or memo.topic
    return DraftRead(memo=memo, warnings=_dedupe(warnings))


def _orphan_notes(body, notes: Mapping[tuple[str, str], list[Inline]]) -> list[str]:
    """Notes whose mark is gone (a producer kept them when their paragraph was deleted), and marks without text."""
    marks = {
        (kind, _attr(ref, "id") or "")
        for kind in ("footnote", "endnote")
        for ref in body.iter(_w(f"{kind}Reference"))
    }
    out = [
        f"{kind} '{_snippet(_plain(runs), 40)}' has no mark in the text; left out"
        for (kind, nid), runs in notes.items()
        if (kind, nid) not in marks and runs
    ]
    out += [f"{kind} mark {nid} has no note text in the draft" for kind, nid in sorted(marks - set(notes))]
    return out


def _custom_properties(data: bytes) -> dict[str, str]:
    """memogen's own DOCX records its topic there; other producers' files simply have none."""
    from .render.docx import read_custom_properties

    try:
        return read_custom_properties(data)
    except Exception:  # noqa: BLE001 - a broken optional part must not stop publishing
        return {}


def _json_mapping(text: str | None) -> dict[str, str] | None:
    """A {section key: heading} map stored as JSON text (custom property `memogen_headings`)."""
    import json

    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None


def _dedupe(warnings: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for w in warnings:
        seen.setdefault(w, None)
    return list(seen)


def _memo(doc, name: str, asm: _Assembler, sections: list[MemoSection]) -> Memo:
    core = doc.core_properties
    h = asm.header
    stem = Path(name).name.removesuffix(".docx")
    header = MemoHeader(
        title=h.get("title") or (core.title or "").strip() or stem,
        subtitle=h.get("subtitle"),
        to=h.get("to"),
        from_=h.get("from_") or None,
        date=h.get("date"),
        subject=h.get("subject") or (core.subject or "").strip() or None,
        classification=h.get("classification"),
    )
    keywords = [k.strip() for k in re.split(r"[;,]", core.keywords or "") if k.strip()]
    modified = core.modified
    if modified is not None and modified.tzinfo is None:
        modified = modified.replace(tzinfo=dt.timezone.utc)
    return Memo(
        topic=re.sub(r"\.\d+$", "", stem),
        header=header,
        sections=sections,
        sources=[],
        settings=RenderSettings(
            page_size=_page_size(doc), author=(core.author or "").strip() or None, keywords=keywords
        ),
        build_date=modified,
        bibliography=asm.bibliography,
        generator="memogen publish",
    )


# --------------------------------------------------------------------------- publishing


def default_pdf_path(docx_path: Path) -> Path:
    """out/T/T.docx -> out/T/T.published.pdf: never the built T.pdf, which a rebuild replaces."""
    return docx_path.with_name(docx_path.stem + PUBLISHED_SUFFIX)


def read_draft_file(path: Path, headings: Mapping[str, str] | None = None) -> DraftRead:
    """Read a DOCX draft from disk; a missing, oversized or unreadable file is an InputError naming it."""
    from .errors import os_error_message
    from .sources.limits import check_zip, limits_from_env, parse_deadline

    limits = limits_from_env()
    try:
        size = path.stat().st_size
        if size > limits.binary_bytes:
            raise InputError(
                f"{path}: {size / 1e6:.1f} MB is over the {limits.binary_bytes / 1e6:g} MB limit"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(os_error_message(exc, path, "read the draft")) from None
    check_zip(data, str(path), limits.zip)
    with parse_deadline(str(path), limits.parse_seconds):
        return read_draft(data, name=str(path), headings=headings)


def publish(
    docx_path: Path, out_path: Path | None = None, headings: Mapping[str, str] | None = None
) -> PublishResult:
    """Read the edited draft and render it with the build's PDF renderer, written atomically.

    In memogen's own output folder, the manifest records which draft (by hash) the
    published PDF shows, so `memogen email` can tell when it no longer does.
    """
    if out_path is None or out_path.is_dir():
        default = default_pdf_path(docx_path)
        out_path = out_path / default.name if out_path else default
    if out_path.resolve() == docx_path.resolve():
        raise InputError(f"{out_path}: the output would overwrite the draft itself")
    result = read_draft_file(docx_path, headings=headings)
    if not result.memo.points:
        raise InputError(f"{docx_path}: no memo text found (no body paragraphs under any heading)")
    from .render.pdf import render_pdf

    pdf = render_pdf(result.memo)
    _write_published(docx_path, out_path, pdf)
    return PublishResult(pdf_path=out_path, memo=result.memo, warnings=result.warnings)


def _write_published(docx_path: Path, out_path: Path, pdf: bytes) -> None:
    """Write the PDF; beside a memogen draft, record the draft's hash under the build lock."""
    from .outputs import MANIFEST, BuildLock, OutputFolder, sha256_file

    folder = docx_path.parent
    if out_path.parent.resolve() != folder.resolve() or not (folder / MANIFEST).is_file():
        atomic_write(out_path, pdf)
        return
    with BuildLock(folder):
        atomic_write(out_path, pdf)
        outputs = OutputFolder(folder)
        outputs.record.published[out_path.name] = sha256_file(docx_path)
        outputs.save_manifest()
