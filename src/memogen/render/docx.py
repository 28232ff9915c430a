"""The DOCX writer: a briefing memo users edit in Word or LibreOffice, with real footnotes.

Named styles only (Title, Subtitle, Memo Header, Heading 1, Normal, Bibliography,
FootnoteText, FootnoteReference, Hyperlink, Emphasis, Strong), so a reference
document (`reference_docx:` in topic.yaml, like pandoc's --reference-doc) restyles
everything.  Footnotes come from `docx_footnotes`.  The bytes are deterministic:
python-docx stamps the current time on every zip entry, so the zip is rewritten
with fixed entry times.

Without a reference document the draft looks like the PDF (`render/pdf.py`): the
same fonts (Noto Serif for text, Noto Sans for the title, headings and labels,
embedded by `docx_fonts`), sizes, leading, margins, the ruled header table and the
"Page n of N" footer, so the draft runs as many pages as the PDF and an analyst
editing it can judge length.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

from ..errors import ConfigError
from ..model import Memo, Paragraph
from .common import header_rows
from .templating import labels

BODY_FONT = "Noto Serif"  # as in the PDF; embedded, with Cambria named as the fallback
HEADING_FONT = "Noto Sans"  # title, headings, header labels, footer
COMPLEX_SCRIPT_FONT = "Noto Sans Arabic"  # Arabic-script names (Urdu) fall to the complex-script font
PAGE_SIZES_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
MARGIN_MM = 20  # the PDF's 2 cm
GREY = "444444"
RULE = "888888"
LABEL_COLUMN_PT = 70  # the PDF header table's label column
HEADER_STYLE, HEADER_LABEL_STYLE, BIBLIOGRAPHY_STYLE = "Memo Header", "Memo Header Label", "Bibliography"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def render_docx(
    memo: Memo,
    custom_properties: dict[str, str] | None = None,
    embed_fonts: bool = True,
    body_hash_property: str | None = None,
) -> bytes:
    """The memo as DOCX bytes; `custom_properties` go to docProps/custom.xml.

    `body_hash_property` names one more custom property that holds the hash of the document's own
    body parts (`outputs.DOCX_BODY_PARTS`), computed as the package is written: the draft identifies
    memogen's text in one rendering. `embed_fonts=False` leaves the Noto faces out.
    """
    from .docx_footnotes import Footnotes

    document = _open_template(memo.settings.reference_docx)
    house = not memo.settings.reference_docx
    if house:
        _house_style(document, memo.settings.page_size)
    styles = _ensure_memo_styles(document)
    notes = Footnotes(document)
    if house:
        from .docx_look import pdf_look

        pdf_look(document, styles, notes.styles, labels(memo)["page"])
    _write_front(document, memo, styles)
    for section in memo.sections:
        _styled(document.add_paragraph(_t(section.heading)), styles["heading"])
        for para in section.paragraphs:
            _write_paragraph(document, para, notes, styles)
        if not section.paragraphs:
            empty = document.add_paragraph()
            empty._p.get_or_add_pPr()
            empty.add_run(_t(labels(memo)["empty_section"])).italic = True
    _write_sources(document, memo, notes.styles, styles)
    _set_core_properties(document, memo)
    _drop_thumbnail(document)
    if house and embed_fonts:
        from .docx_fonts import embed_fonts as embed
        from .docx_fonts import memo_faces

        embed(document, memo_faces())
    properties = dict(custom_properties or {})
    if body_hash_property:
        properties[body_hash_property] = BODY_HASH_PLACEHOLDER
    if properties:
        _set_custom_properties(document, properties)
    return write_package(document, fill_body_hash=bool(body_hash_property))


# --------------------------------------------------------------------------- template and styles


def _open_template(reference: str | None):
    """A new document, or the reference document emptied of its body but keeping styles and page setup."""
    from docx import Document

    if not reference:
        return Document()
    path = Path(reference)
    if not path.is_file():
        raise ConfigError(f"topic.yaml: reference_docx: {path}: file not found")
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several types for a non-DOCX file
        raise ConfigError(f"topic.yaml: reference_docx: {path}: not a Word document ({exc})") from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    _fix_core_properties_rel(document)
    return document


def _fix_core_properties_rel(document) -> None:
    """Re-relate core.xml under the standard type.

    LibreOffice spells the type ".../officedocument/..." (lower-case d); python-docx
    then misses the part, adds a second /docProps/core.xml, and the zip holds the
    name twice.
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.is_external or rel.reltype == RT.CORE_PROPERTIES:
            continue
        if rel.target_part.content_type == CT.OPC_CORE_PROPERTIES:
            del package.rels[r_id]
            package.relate_to(rel.target_part, RT.CORE_PROPERTIES)


def _house_style(document, page_size: str) -> None:
    """Page size, margins and explicit fonts for memogen's own look (skipped with a reference docx)."""
    from docx.shared import Mm

    width, height = PAGE_SIZES_MM.get(page_size, PAGE_SIZES_MM["A4"])
    for sect in document.sections:
        sect.page_width, sect.page_height = Mm(width), Mm(height)
        sect.left_margin = sect.right_margin = sect.top_margin = sect.bottom_margin = Mm(MARGIN_MM)
        sect.footer_distance = Mm(MARGIN_MM / 2)
    _explicit_fonts(document)


def _explicit_fonts(document) -> None:
    """Name the fonts in docDefaults and drop theme-font indirections from every style."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    styles_el = document.styles.element
    for rfonts in styles_el.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    rpr.insert(
        0,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" '
            f'w:eastAsia="{BODY_FONT}" w:cs="{COMPLEX_SCRIPT_FONT}"/>'
        ),
    )


def _ensure_memo_styles(document) -> dict[str, object]:
    """The paragraph and character styles the memo uses, by role; those the template lacks are added.

    Styles are looked up by styleId or by case-insensitive name, because python-docx's
    name lookup misses e.g. LibreOffice's "Heading 1" (Word's internal name is "heading 1").
    """
    from docx.enum.style import WD_STYLE_TYPE

    from .docx_footnotes import StyleIndex

    styles = document.styles
    para, char = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
    normal = styles.default(para) or styles["Normal"]
    found: dict[str, object] = {"normal": normal}
    wanted = (
        ("title", "Title", "title", para),
        ("subtitle", "Subtitle", "subtitle", para),
        ("heading", "Heading1", "heading 1", para),
        ("header", "MemoHeader", HEADER_STYLE.lower(), para),
        ("label", "MemoHeaderLabel", HEADER_LABEL_STYLE.lower(), char),
        ("bibliography", "Bibliography", BIBLIOGRAPHY_STYLE.lower(), para),
    )
    index = StyleIndex.of(styles)
    for role, style_id, name, kind in wanted:
        sid = index.find(style_id, name)
        if sid:
            found[role] = styles.get_by_id(sid, kind)
        else:
            found[role] = _add_style(styles, role, kind, normal)
            index = index.adding(found[role])
    return found


def _add_style(styles, role: str, kind, normal):
    """memogen's own definition of a style the template lacks."""
    from docx.shared import Mm, Pt

    from .docx_footnotes import add_new_style

    name = {"title": "Title", "subtitle": "Subtitle", "heading": "Heading 1", "header": HEADER_STYLE,
            "label": HEADER_LABEL_STYLE, "bibliography": BIBLIOGRAPHY_STYLE}[role]  # fmt: skip
    style = add_new_style(styles, name, kind)  # `_ensure_memo_styles` found no such style
    if role == "label":
        style.font.bold = True
        return style
    style.base_style = normal
    if role in ("title", "subtitle", "heading"):
        style.font.size = Pt({"title": 24, "subtitle": 14, "heading": 14}[role])
        style.font.bold = role != "subtitle"
        style.paragraph_format.space_before = Pt(12 if role == "heading" else 0)
    elif role == "header":
        style.paragraph_format.space_after = Pt(0)
    elif role == "bibliography":
        style.font.size = Pt(10)
        style.paragraph_format.left_indent = Mm(8)
        style.paragraph_format.first_line_indent = Mm(-8)
        style.paragraph_format.space_after = Pt(4)
    return style


# --------------------------------------------------------------------------- content


def _t(text: str | None) -> str:
    from .docx_footnotes import xml_text

    return xml_text(text or "")


def _write_front(document, memo: Memo, styles: dict) -> None:
    """Title, subtitle and the To / From / Date / Subject / Classification rows, as a ruled table."""
    _styled(document.add_paragraph(_t(memo.header.title)), styles["title"])
    if memo.header.subtitle:
        _styled(document.add_paragraph(_t(memo.header.subtitle)), styles["subtitle"])
    rows = header_rows(memo)
    if not rows:
        return
    from .docx_look import header_table

    table = header_table(document, len(rows), LABEL_COLUMN_PT)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        label_cell, value_cell = row.cells
        _styled(label_cell.paragraphs[0], styles["header"])
        _styled_run(label_cell.paragraphs[0].add_run(_t(label)), styles["label"])
        _styled(value_cell.paragraphs[0], styles["header"])
        value_cell.paragraphs[0].add_run(_t(value))


def _write_paragraph(document, para: Paragraph, notes, styles: dict) -> None:
    """One Normal paragraph: the lead, then each point with its footnote mark after its sentence."""
    from .docx_footnotes import inline_element

    p = document.add_paragraph()
    p._p.get_or_add_pPr()  # the default style: an empty pPr, as python-docx's style setter leaves
    if para.lead:
        p.add_run(_t(para.lead) + " ")
    for i, point in enumerate(para.points):
        if i:
            p.add_run(" ")
        for inline in point.body_inlines():
            p._p.append(inline_element(document.part, inline, notes.styles))
        if point.note is not None:
            notes.add(p, point.note.inlines)


def _write_sources(document, memo: Memo, ids, styles: dict) -> None:
    """The closing Sources list, one Bibliography paragraph per entry, URLs clickable."""
    from .docx_footnotes import inline_element

    if not memo.bibliography:
        return
    _styled(document.add_paragraph(_t(labels(memo)["sources"])), styles["heading"])
    for entry in memo.bibliography:
        p = _styled(document.add_paragraph(), styles["bibliography"])
        for inline in entry:
            p._p.append(inline_element(document.part, inline, ids))


# --------------------------------------------------------------------------- properties


def _build_datetime(memo: Memo) -> dt.datetime | None:
    """The build date in UTC: the memo's, else SOURCE_DATE_EPOCH (reproducible builds)."""
    when = memo.build_date
    if when is None and os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        when = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=dt.timezone.utc)
    if when is None:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return when.replace(microsecond=0)


def _set_core_properties(document, memo: Memo) -> None:
    cp = document.core_properties
    author = memo.settings.author or memo.header.from_ or memo.generator
    cp.title = _t(memo.header.title)
    cp.subject = _t(memo.header.subject)
    cp.author = _t(author)
    cp.last_modified_by = _t(author)
    cp.keywords = _t(", ".join(memo.settings.keywords))
    cp.comments = _t(f"Generated by {memo.generator}")
    cp.revision = 1
    when = _build_datetime(memo)
    if when is not None:
        cp.created = cp.modified = when


def _drop_thumbnail(document) -> None:
    """The template's preview picture shows a page that is not this memo: leave none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]


def _set_custom_properties(document, values: dict[str, str]) -> None:
    """docProps/custom.xml with one text property per key (replacing a reference docx's own)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            del package.rels[r_id]
    root = etree.Element(f"{{{CUSTOM_PROPS_NS}}}Properties", nsmap={None: CUSTOM_PROPS_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(sorted(values.items()), start=2):
        prop = etree.SubElement(
            root, f"{{{CUSTOM_PROPS_NS}}}property", fmtid=_CUSTOM_FMTID, pid=str(pid), name=_t(name)
        )
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = _t(str(value))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_custom_properties(data: bytes) -> dict[str, str]:
    """The custom document properties of DOCX bytes ({} when there are none); no python-docx needed."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        target = None
        if "_rels/.rels" in names:
            rels = etree.fromstring(zf.read("_rels/.rels"))
            for rel in rels:
                if rel.get("Type", "").endswith("/custom-properties"):
                    target = rel.get("Target", "").lstrip("/")
        if not target or target not in names:
            return {}
        root = etree.fromstring(zf.read(target))
    out: dict[str, str] = {}
    for prop in root.iter(f"{{{CUSTOM_PROPS_NS}}}property"):
        value = next(iter(prop), None)
        out[prop.get("name", "")] = (value.text or "") if value is not None else ""
    return out


# --------------------------------------------------------------------------- reproducible zip


BODY_HASH_PLACEHOLDER = "memogen-body-hash-to-be-filled"


def _styled(paragraph, style):
    """Give `paragraph` the style by id.

    python-docx's own setter compares every style with the default first, a scan of the whole
    styles part per paragraph (a third of a memo's DOCX time)."""
    paragraph._p.get_or_add_pPr().style = style.style_id
    return paragraph


def _styled_run(run, style):
    """Character style by id (see `_styled`)."""
    run._r.get_or_add_rPr().style = style.style_id
    return run


def write_package(document, fill_body_hash: bool = False) -> bytes:
    """The document's parts as a zip with fixed entry times, [Content_Types].xml first, in one pass.

    Why not `document.save`: it compresses every part (the embedded fonts too) only for us to
    rewrite the zip with fixed times; and the body hash (see `render_docx`) can be taken from the
    part blobs before custom.xml is written. The entries and their order are python-docx's own.
    """
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem  # python-docx's own [Content_Types] builder

    from ..outputs import body_parts_hash

    package = document.part.package
    parts = list(package.iter_parts())
    entries = [
        (CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
        (PACKAGE_URI.rels_uri.membername, package.rels.xml),
    ]
    for part in parts:
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    if fill_body_hash:
        digest = body_parts_hash(dict(entries)).encode()
        placeholder = BODY_HASH_PLACEHOLDER.encode()
        entries = [
            (n, b.replace(placeholder, digest) if n == "docProps/custom.xml" else b) for n, b in entries
        ]
    return _zip(entries)


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    from .deflate_cache import write_deflated

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            if len(data) > 100_000:
                # the big parts (embedded fonts, Word's style lists) compress nearly as well, far
                # faster, at level 1; they are the same bytes in every memo, so kept compressed
                write_deflated(dst, info, data, level=1)
            else:
                dst.writestr(info, data)
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and attributes, [Content_Types].xml first, order kept."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    names.sort(key=lambda n: n != "[Content_Types].xml")  # stable: the rest keep python-docx's order
    return _zip([(name, src.read(name)) for name in names])
