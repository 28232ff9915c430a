"""PDF writer (reportlab platypus): a print-quality briefing memo with footnotes on their own page.

`render_pdf(memo)` lays out Title/Subtitle, the memo header, the three sections and the closing
Sources list.  Notes come from `citations.attach_notes` (`MergedPoint.note`) and the bibliography
from `Memo.bibliography`; this module never formats a citation or decides content.

Every source string passes through `text_markup`, which strips control characters, escapes
reportlab's markup characters, switches fonts per run (Noto Serif for text, Noto Sans for symbols
the serif lacks, Noto Sans Arabic for Arabic-script runs, which are shaped and reordered
right-to-left with arabic-reshaper + python-bidi).  Output is deterministic: reportlab's invariant
mode, and the document dates come from `memo.build_date`.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import RenderError
from ..model import Inline, Memo, MemoSection, MergedPoint, Paragraph
from .common import header_rows
from .fonts import ARABIC, BODY, SANS, FontSet, register_fonts, with_scripts
from .templating import labels


def escape(text: str, extra: dict[str, str] | None = None) -> str:
    """&, < and > as entities for reportlab's paragraph markup (and `extra` replacements).

    Written out because xml.sax.saxutils pulls in urllib.request and http.client (~25 ms)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in (extra or {}).items():
        text = text.replace(char, entity)
    return text


LINK_COLOR = "#1f4e8c"
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_SPACE_CONTROLS = "\t\n\r\x0b\x0c\x85\u2028\u2029"


# --------------------------------------------------------------------------- text -> reportlab markup


def clean_text(text: str) -> str:
    """Drop control/format characters (a stray \\x07 or a bidi override must not reach the PDF).

    Line-breaking controls become spaces; everything of category Cc, Cf (incl. bidi controls,
    which would fight our own reordering), Cs (lone surrogates) and Co (private use) is removed.
    """
    out = []
    for ch in text:
        if ch in _SPACE_CONTROLS:
            out.append(" ")
        elif unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"):
            out.append(ch)
    return "".join(out)


def _is_arabic(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _ARABIC_RANGES)


def _char_family(ch: str, fonts: FontSet, base: str) -> str:
    """Family for one character: Arabic script, else the first of base/serif/sans that has it."""
    if _is_arabic(ch):
        return ARABIC
    for family in (base, BODY, SANS, *fonts.fallbacks):
        if fonts.covers(family, ch):
            return family
    return base  # nothing has it (emoji): reportlab draws the base font's .notdef glyph


def _neutral_family(family: str, base: str) -> str:
    """A space or punctuation mark outside an Arabic run: keep it in the base font when possible."""
    return base if family == ARABIC else family


def _base_has_all(text: str, fonts: FontSet, base: str) -> bool:
    """True when every character is non-Arabic and in `base`: then each one's family is `base`."""
    coverage = fonts.coverage.get(base, frozenset())
    return all(ord(ch) in coverage and not _is_arabic(ch) for ch in set(text))


def script_runs(text: str, fonts: FontSet, base: str = BODY) -> list[tuple[str, str]]:
    """Split text into (family, text) runs; spaces between two Arabic-script words stay Arabic.

    Keeping "شاہ محمود قریشی" in one run matters: bidi reorders the whole name, not word by word.
    """
    if _base_has_all(text, fonts, base):  # most text: one run, without a look-up per character
        return [(base, text)] if text else []
    families = [_char_family(ch, fonts, base) for ch in text]
    for i, ch in enumerate(text):
        if ch.isspace() or unicodedata.category(ch).startswith("P"):
            before = next((families[j] for j in range(i - 1, -1, -1) if not text[j].isspace()), None)
            after = next((families[j] for j in range(i + 1, len(text)) if not text[j].isspace()), None)
            families[i] = (
                ARABIC if before == ARABIC and after == ARABIC else _neutral_family(families[i], base)
            )
    runs: list[tuple[str, str]] = []
    for family, ch in zip(families, text, strict=True):
        if runs and runs[-1][0] == family:
            runs[-1] = (family, runs[-1][1] + ch)
        else:
            runs.append((family, ch))
    return runs


def _visual_arabic(run: str) -> str:
    """Shape Arabic-script letters (contextual forms) and put them in right-to-left display order."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(run))


def text_markup(text: str, fonts: FontSet, base: str = BODY, bold: bool = False, italic: bool = False) -> str:
    """Source text -> safe reportlab Paragraph markup (escaped, font switched per script run).

    A switched run names its exact face (e.g. MemoArabic-Bold): reportlab's <b> does not
    re-resolve a <font name=...> set inside it, so the run would silently lose its weight.
    """
    from reportlab.lib.fonts import tt2ps

    parts = []
    for family, run in script_runs(clean_text(text), fonts, base):
        if family == ARABIC:
            run = _visual_arabic(run)
        safe = escape(run)
        parts.append(
            safe if family == base else f'<font name="{tt2ps(family, int(bold), int(italic))}">{safe}</font>'
        )
    return "".join(parts)


def safe_url(url: str | None) -> str | None:
    """A URL fit for a link annotation (http/https/mailto/ftp only), or None."""
    if not url:
        return None
    url = clean_text(url).strip()
    return url if url.lower().startswith(_SAFE_SCHEMES) and " " not in url else None


def inline_markup(runs: Iterable[Inline], fonts: FontSet, base: str = BODY) -> str:
    """Inline runs -> markup with <b>, <i> and clickable <a href> links."""
    out = []
    for run in runs:
        piece = text_markup(run.text, fonts, base, bold=run.bold, italic=run.italic)
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        url = safe_url(run.url)
        if url and piece:
            piece = f'<a href="{escape(url, {chr(34): "&quot;"})}" color="{LINK_COLOR}">{piece}</a>'
        out.append(piece)
    return "".join(out)


def mark_markup(number: int, after_mark: bool = False) -> str:
    """A superscript note mark, linked to its note and anchored for the footnote frame.

    `after_mark`: the previous thing written was also a mark; a superscript comma keeps
    notes 1 and 2 from reading as "12".
    """
    from .pdf_footnotes import ref_anchor

    sep = "<super>,</super>" if after_mark else ""
    return f'{sep}<a name="{ref_anchor(number)}"/><a href="#fn-{number}"><super>{number}</super></a>'


def paragraph_markup(paragraph: Paragraph, fonts: FontSet) -> tuple[str, list[MergedPoint]]:
    """A memo paragraph's markup (lead, each point's body and mark) and the points that carry notes."""
    pieces: list[str] = []
    noted: list[MergedPoint] = []
    last_was_mark = False
    if paragraph.lead:
        pieces.append(text_markup(paragraph.lead, fonts) + " ")
    for point in paragraph.points:
        body = inline_markup(point.body_inlines(), fonts).strip()
        if body:
            if pieces and not pieces[-1].endswith(" "):
                pieces.append(" ")
            pieces.append(body)
            last_was_mark = False
        if point.note is not None:
            pieces.append(mark_markup(point.note.number, after_mark=last_was_mark))
            noted.append(point)
            last_was_mark = True
    return "".join(pieces).strip(), noted


# --------------------------------------------------------------------------- styles and flowables


def _styles(fonts: FontSet) -> dict[str, object]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    grey = HexColor("#444444")
    body = ParagraphStyle(
        "Normal",
        fontName=fonts.body,
        fontSize=10,
        leading=13,
        alignment=TA_JUSTIFY,
        spaceAfter=7,
        allowWidows=0,  # never leave a paragraph's last line alone at the top of a page
    )
    return {
        "Title": ParagraphStyle(
            "Title", fontName=fonts.sans + "-Bold", fontSize=20, leading=24, spaceAfter=4
        ),
        "Subtitle": ParagraphStyle(
            "Subtitle", fontName=fonts.sans, fontSize=12.5, leading=16, textColor=grey, spaceAfter=10
        ),
        "Label": ParagraphStyle(
            "Label", fontName=fonts.sans + "-Bold", fontSize=9, leading=12, textColor=grey
        ),
        "Value": ParagraphStyle("Value", fontName=fonts.body, fontSize=10, leading=12.5),
        "Heading1": ParagraphStyle(
            "Heading1",
            fontName=fonts.sans + "-Bold",
            fontSize=13.5,
            leading=17,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "Normal": body,
        "Note": ParagraphStyle(
            "FootnoteText",
            fontName=fonts.body,
            fontSize=8,
            leading=10,
            leftIndent=14,  # room for a two-digit note number
            bulletFontName=fonts.body,
            bulletFontSize=8,
            bulletIndent=0,
        ),
        "Source": ParagraphStyle(
            "Source",
            fontName=fonts.body,
            fontSize=9,
            leading=11.5,
            leftIndent=14,
            firstLineIndent=-14,
            spaceAfter=2,
        ),
    }


def _header_block(memo: Memo, fonts: FontSet, styles: dict) -> list:
    """Title, subtitle and the To/From/Date/Subject table, ruled above and below."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Spacer, Table, TableStyle

    story: list = [RLParagraph(text_markup(memo.header.title, fonts, SANS), styles["Title"])]
    if memo.header.subtitle:
        story.append(RLParagraph(text_markup(memo.header.subtitle, fonts, SANS), styles["Subtitle"]))
    rows = [
        [
            RLParagraph(text_markup(label, fonts, SANS), styles["Label"]),
            RLParagraph(text_markup(value, fonts), styles["Value"]),
        ]
        for label, value in header_rows(memo)
    ]
    if rows:
        table = Table(rows, colWidths=[70, None], hAlign="LEFT")
        rule = HexColor("#888888")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.body),  # Table's default is Helvetica (unembedded)
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.75, rule),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.75, rule),
                ]
            )
        )
        story += [table, Spacer(1, 6)]
    return story


def _heading(text: str, key: str, fonts: FontSet, styles: dict):
    """A section heading with a named destination and an outline (bookmark) entry."""
    from reportlab.platypus import Paragraph as RLParagraph

    flowable = RLParagraph(f'<a name="{key}"/>' + text_markup(text, fonts, SANS), styles["Heading1"])
    flowable.outline = (key, clean_text(text).strip() or key)
    return flowable


def _note_flowable(point: MergedPoint, fonts: FontSet, styles: dict):
    from reportlab.platypus import Paragraph as RLParagraph

    note = point.note
    assert note is not None
    text = f'<a name="fn-{note.number}"/>' + (inline_markup(note.inlines, fonts) or "&nbsp;")
    return RLParagraph(text, styles["Note"], bulletText=str(note.number))


def _section_story(section: MemoSection, fonts: FontSet, styles: dict, empty: str) -> list:
    from reportlab.platypus import Paragraph as RLParagraph

    from .pdf_footnotes import NotedParagraph, ref_anchor

    story: list = [_heading(section.heading, f"section-{section.key}", fonts, styles)]
    if not section.paragraphs:
        story.append(RLParagraph(inline_markup([Inline(empty, italic=True)], fonts), styles["Normal"]))
    for paragraph in section.paragraphs:
        markup, noted = paragraph_markup(paragraph, fonts)
        if not markup:
            continue
        notes = {ref_anchor(p.note.number): _note_flowable(p, fonts, styles) for p in noted if p.note}
        story.append(NotedParagraph(markup, styles["Normal"], notes=notes))
    return story


def _sources_story(memo: Memo, fonts: FontSet, styles: dict, title: str) -> list:
    from reportlab.platypus import Paragraph as RLParagraph

    if not memo.bibliography:
        return []
    story: list = [_heading(title, "section-sources", fonts, styles)]
    for entry in memo.bibliography:
        markup = inline_markup(entry, fonts).strip()
        if markup:
            story.append(RLParagraph(markup, styles["Source"]))
    return story


def build_story(memo: Memo, fonts: FontSet) -> list:
    """Every flowable of the memo in reading order (header, sections, Sources)."""
    styles = _styles(fonts)
    story = _header_block(memo, fonts, styles)
    for section in memo.sections:
        story += _section_story(section, fonts, styles, labels(memo)["empty_section"])
    return story + _sources_story(memo, fonts, styles, labels(memo)["sources"])


# --------------------------------------------------------------------------- document


def pdf_date(moment: dt.datetime | None) -> str | None:
    """A PDF date string (D:YYYYMMDDHHmmSS+HH'mm') for the document's creation/modification date."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _page_label(template: str) -> Callable[[int, int], str]:
    def label(n: int, total: int) -> str:
        try:
            return template.format(n=n, total=total)
        except (KeyError, IndexError, ValueError) as exc:
            raise RenderError(f"labels.yaml: bad 'page' label {template!r}: {exc}") from None

    return label


def _canvas_class(date: str | None, footer: Callable[[int, int], str], font: str, size: float):
    """A Canvas that stamps our date and writes "Page n of N" footers once N is known.

    Each page draws a form XObject named after its number; the forms are defined in save(),
    when the page count is known.  One pass, and bookmarks keep pointing at the right pages.
    """
    from reportlab.pdfgen.canvas import Canvas

    class FooterCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if date:
                self.setDateFormatter(lambda *_: date)
            self.showOutline()  # open the bookmarks pane: the three sections are the way around
            self._footer_at: tuple[float, float] | None = None

        def footer_here(self, x: float, y: float) -> None:
            self._footer_at = (x, y)
            self.doForm(f"memogen-footer-{self.getPageNumber()}")

        def save(self):
            total = self.getPageNumber() - (0 if self._code else 1)
            if self._footer_at:
                for n in range(1, total + 1):
                    self.beginForm(f"memogen-footer-{n}")
                    self.setFont(font, size)
                    self.drawCentredString(*self._footer_at, footer(n, total))
                    self.endForm()
            super().save()

    return FooterCanvas


def rendered_text(memo: Memo, names: dict[str, str]) -> str:
    """Every string the PDF shows (to load fonts for the scripts in it, and only those)."""
    parts = [v for v in vars(memo.header).values() if isinstance(v, str)] + list(names.values())
    for section in memo.sections:
        parts.append(section.heading)
        parts.append("" if section.paragraphs else labels(memo)["empty_section"])
        for paragraph in section.paragraphs:
            parts.append(paragraph.lead or "")
            for point in paragraph.points:
                parts += [run.text for run in point.body_inlines()]
                parts += [run.text for run in point.note.inlines] if point.note else []
    parts += [run.text for entry in memo.bibliography for run in entry]
    return "".join(parts)


def _base_fonts(text: str, font_cache: Path | None) -> FontSet:
    """The serif and sans faces, and the Arabic ones only when `text` has Arabic script or a
    character those two lack (then `with_scripts` asks the Arabic face too, as it always did)."""
    fonts = register_fonts(font_cache, arabic=False)
    if any(_is_arabic(ch) or not (fonts.covers(BODY, ch) or fonts.covers(SANS, ch)) for ch in set(text)):
        return register_fonts(font_cache)
    return fonts


def render_pdf(memo: Memo, font_cache: Path | None = None) -> bytes:
    """The memo as PDF bytes (A4 or Letter from memo.settings.page_size); byte-identical for equal input."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import cm

    from .pdf_footnotes import FootnoteDocTemplate

    names = labels(memo)
    text = rendered_text(memo, names)
    fonts = with_scripts(_base_fonts(text, font_cache), text, font_cache)
    margin = 2.0 * cm
    buffer = io.BytesIO()

    def page_end(canv, doc) -> None:
        canv.footer_here(doc.pagesize[0] / 2, margin / 2)

    doc = FootnoteDocTemplate(
        buffer,
        on_page_end=page_end,
        pagesize=LETTER if memo.settings.page_size == "Letter" else A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=clean_text(memo.header.title),
        author=clean_text(memo.settings.author or memo.header.from_ or ""),
        subject=clean_text(memo.header.subject or memo.header.subtitle or ""),
        keywords=[clean_text(k) for k in memo.settings.keywords],
        creator=memo.generator,
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.body,  # else the canvas starts in Helvetica, an unembedded font
    )
    story = build_story(memo, fonts)
    canvas_class = _canvas_class(pdf_date(memo.build_date), _page_label(names["page"]), fonts.sans, 8)
    try:
        doc.build(story, canvasmaker=canvas_class)
    except ValueError as exc:  # reportlab markup errors: a bug in our escaping, never the user's
        raise RenderError(f"PDF layout failed: {exc}") from exc
    return buffer.getvalue()


# --------------------------------------------------------------------------- preview


def pdf_page_to_png(pdf: Path, png: Path, page: int = 1, dpi: int = 110) -> Path:
    """Render one page of a PDF to PNG with poppler's pdftoppm (for the README screenshot)."""
    png = Path(png)
    stem = png.with_suffix("")
    try:
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
            capture_output=True,
        )
    except FileNotFoundError:
        raise RenderError("pdftoppm not found: install poppler-utils to make PNG previews") from None
    except subprocess.CalledProcessError as exc:
        raise RenderError(f"{pdf}: pdftoppm failed: {exc.stderr.decode(errors='replace').strip()}") from None
    made = stem.with_suffix(".png")
    if made != png:
        made.replace(png)
    return png


def main(argv: list[str] | None = None) -> int:
    """`python -m memogen.render.pdf MEMO.pdf PAGE.png [PAGE_NUMBER]`: one page of a PDF as PNG."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print(main.__doc__, file=sys.stderr)
        return 2
    page = int(args[2]) if len(args) == 3 else 1
    print(pdf_page_to_png(Path(args[0]), Path(args[1]), page=page))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
