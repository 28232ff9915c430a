"""The draft's look, taken from the PDF's: one table of sizes, restyled onto Word's named styles.

Every number here mirrors `render/pdf.py` (`_styles`, `_header_block`, the footer), so
the draft and the PDF set the same text in the same fonts, sizes, leading and margins,
and break pages in the same places.  Word's default template colours headings blue,
rules the title and italicises the subtitle; those properties are removed, not
overridden, so the styles stay plain for a user to change.
"""

from __future__ import annotations

from dataclasses import dataclass

SERIF, SANS = "Noto Serif", "Noto Sans"
GREY, RULE = "444444", "888888"


@dataclass(frozen=True)
class Look:
    """One paragraph style's look: font, size, leading (exact), spacing, alignment, colour."""

    font: str
    size: float
    leading: float
    before: float = 0
    after: float = 0
    bold: bool = False
    color: str | None = None
    justify: bool = False
    keep_next: bool = False
    hanging: float = 0  # points: wrapped lines indented, the first one not


LOOKS = {  # role -> Look, as render/pdf.py's ParagraphStyles
    "normal": Look(SERIF, 10, 13, after=7, justify=True),
    "title": Look(SANS, 20, 24, after=4, bold=True),
    "subtitle": Look(SANS, 12.5, 16, after=10, color=GREY),
    "heading": Look(SANS, 13.5, 17, before=12, after=5, bold=True, keep_next=True),
    "header": Look(SERIF, 10, 12.5),
    "bibliography": Look(SERIF, 9, 11.5, after=2, hanging=14),
}
NOTE_LOOK = Look(SERIF, 8, 10, hanging=14)
LABEL_LOOK = Look(SANS, 9, 12, bold=True, color=GREY)
FOOTER_LOOK = Look(SANS, 8, 10)


def pdf_look(document, styles: dict, note_ids, page_label: str) -> None:  # noqa: ANN001
    """Restyle the memo's styles like the PDF and add the 'Page n of N' footer."""
    for role, look in LOOKS.items():
        apply_look(styles[role], look)
    apply_look(styles["label"], LABEL_LOOK, paragraph=False)
    apply_look(document.styles.get_by_id(note_ids.footnote_text, _para()), NOTE_LOOK)
    _footer(document, page_label)


def _para():
    from docx.enum.style import WD_STYLE_TYPE

    return WD_STYLE_TYPE.PARAGRAPH


def apply_look(style, look: Look, paragraph: bool = True) -> None:  # noqa: ANN001 - python-docx style
    """Set one style's font and spacing, clearing the template's colours, borders and italics."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    rpr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:i", "w:iCs", "w:caps", "w:spacing", "w:kern"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    font = style.font
    font.name = look.font
    _all_scripts(rpr, look.font)
    font.size = Pt(look.size)
    font.bold = True if look.bold else None  # not bold: inherit (Normal is not)
    if look.color:
        font.color.rgb = RGBColor.from_string(look.color)
    if not paragraph:
        return
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(look.before), Pt(look.after)
    fmt.line_spacing = Pt(look.leading)  # a Length: "exactly", like reportlab's leading
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if look.justify else WD_ALIGN_PARAGRAPH.LEFT
    fmt.keep_with_next = look.keep_next or None
    fmt.widow_control = True
    if look.hanging:
        fmt.left_indent, fmt.first_line_indent = Pt(look.hanging), Pt(-look.hanging)


def _all_scripts(rpr, name: str) -> None:  # noqa: ANN001 - lxml element
    """python-docx names the Latin font only; East Asian and complex-script text keep their own."""
    from docx.oxml.ns import qn

    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        return
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), name)


def header_table(document, n_rows: int, label_pt: float):  # noqa: ANN001
    """An n x 2 table ruled above and below, label column `label_pt` wide, no inner lines."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Emu, Pt

    table = document.add_table(rows=n_rows, cols=2)
    section = document.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin
    widths = (Pt(label_pt), Emu(text_width - Pt(label_pt)))
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))  # LibreOffice lays out by the grid, Word by the cells
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblStyle", "w:tblBorders", "w:tblCellMar"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    rule = f'w:val="single" w:sz="6" w:space="0" w:color="{RULE}"'
    tbl_pr.append(
        parse_xml(
            f'<w:tblBorders {nsdecls("w")}><w:top {rule}/><w:left w:val="nil"/><w:bottom {rule}/>'
            '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        )
    )
    tbl_pr.append(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:top w:w="40" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
            '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="120" w:type="dxa"/></w:tblCellMar>'
        )
    )
    return table


def _footer(document, page_label: str) -> None:  # noqa: ANN001
    """'Page n of N' centred in the footer, with PAGE and NUMPAGES fields where {n} and {total} are."""
    import re

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{n\}|\{total\})", page_label):
        if piece in ("{n}", "{total}"):
            _field(paragraph, "PAGE" if piece == "{n}" else "NUMPAGES")
        elif piece:
            paragraph.add_run(piece)
    for run in paragraph.runs:
        run.font.name, run.font.size = FOOTER_LOOK.font, Pt(FOOTER_LOOK.size)


def _field(paragraph, instruction: str) -> None:  # noqa: ANN001
    """A simple field (PAGE, NUMPAGES) whose shown value is updated by the editor."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:rPr>'
            f'<w:rFonts w:ascii="{FOOTER_LOOK.font}" w:hAnsi="{FOOTER_LOOK.font}"/>'
            f'<w:sz w:val="{int(FOOTER_LOOK.size * 2)}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
