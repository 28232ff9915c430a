"""Real Word footnotes on top of python-docx's Part API (python-docx itself has none).

What Word and LibreOffice need, and what this module writes:
- a `/word/footnotes.xml` part related from the document part (footnotes rel type);
- the two special notes first: `w:id="-1"` type separator and `w:id="0"` type
  continuationSeparator, named again in settings.xml's `<w:footnotePr>` (pandoc#2032:
  Word calls the file corrupt when the two disagree);
- body runs styled `FootnoteReference` holding `<w:footnoteReference w:id="N"/>`;
- each note: `FootnoteText` paragraphs whose first run (styled FootnoteReference)
  holds `<w:footnoteRef/>`, never inside the separator notes;
- hyperlinks inside notes relate from the footnotes part, not from the document.

Everything goes through `XmlPart`, `relate_to`, `drop_rel` and lxml; the one
underscore name used is python-docx's `paragraph._p` element handle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from ..model import Inline

FOOTNOTE_TEXT = "FootnoteText"  # styleId; Word's built-in name is "footnote text"
FOOTNOTE_REFERENCE = "FootnoteReference"  # styleId; name "footnote reference"
HYPERLINK = "Hyperlink"


@dataclass(frozen=True)
class StyleIds:
    """The styleIds to write: a reference document may name its styles differently.

    LibreOffice, for one, saves "Footnote Text" as styleId `Footnote`, "Footnote
    Reference" as `FootnoteAnchor` and "Hyperlink" as `InternetLink`.
    """

    footnote_text: str = FOOTNOTE_TEXT
    footnote_reference: str = FOOTNOTE_REFERENCE
    hyperlink: str = HYPERLINK
    strong: str = "Strong"
    emphasis: str = "Emphasis"


_SPECIAL_NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
# settings.xml children that must come after <w:footnotePr> (CT_Settings sequence)
_AFTER_FOOTNOTE_PR = (
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text Word can store: XML-illegal control characters dropped (python-docx would raise)."""
    return _XML_ILLEGAL.sub("", text)


class Footnotes:
    """The footnotes part of one document; `add()` a note, get a reference run in the body."""

    def __init__(self, document) -> None:
        self.document = document
        self.styles = ensure_footnote_styles(document)
        self.part = _new_footnotes_part(document)
        self._next_id = 1
        _sync_settings(document)

    def add(self, paragraph, inlines: Iterable[Inline]) -> int:
        """Append a footnote with these runs and put its reference mark at the end of `paragraph`."""
        note_id = self._next_id
        self._next_id += 1
        ids = self.styles
        note = parse_xml(f'<w:footnote {nsdecls("w")} w:id="{note_id}"/>')
        p = parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{ids.footnote_text}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{ids.footnote_reference}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>'
        )
        for inline in inlines:
            p.append(inline_element(self.part, inline, ids))
        note.append(p)
        self.part.element.append(note)
        ref = parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{ids.footnote_reference}"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )
        paragraph._p.append(ref)
        return note_id


def inline_element(part, inline: Inline, ids: StyleIds):
    """One `Inline` as a `w:r` (or a `w:hyperlink` related from `part`), styled by character styles."""
    roles = ((ids.hyperlink, inline.url), (ids.strong, inline.bold), (ids.emphasis, inline.italic))
    styles = [name for name, on in roles if on]
    run = parse_xml(f"<w:r {nsdecls('w')}/>")
    if styles:
        # the schema allows one rStyle per run: the first applies, the others as b/i
        rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:rStyle w:val="{styles[0]}"/></w:rPr>')
        if inline.bold and styles[0] != ids.strong:
            rpr.append(parse_xml(f"<w:b {nsdecls('w')}/>"))
        if inline.italic and styles[0] != ids.emphasis:
            rpr.append(parse_xml(f"<w:i {nsdecls('w')}/>"))
        run.append(rpr)
    t = parse_xml(f'<w:t {nsdecls("w")} xml:space="preserve"/>')
    t.text = xml_text(inline.text)
    run.append(t)
    if not inline.url:
        return run
    r_id = part.relate_to(inline.url, RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1"/>')
    link.append(run)
    return link


def _new_footnotes_part(document) -> XmlPart:
    """A fresh footnotes part; a reference document's own part is replaced but its separators kept."""
    doc_part = document.part
    specials = _SPECIAL_NOTES
    for r_id, rel in list(doc_part.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            specials = _special_notes_of(rel.target_part.blob) or specials
            doc_part.drop_rel(r_id)
    element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{specials}</w:footnotes>")
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, doc_part.package)
    doc_part.relate_to(part, RT.FOOTNOTES)
    return part


def _special_notes_of(blob: bytes) -> str:
    """The separator notes of an existing footnotes part, if it has exactly the two Word expects."""
    from lxml import etree

    root = etree.fromstring(blob)
    notes = [
        n
        for n in root.iter(qn("w:footnote"))
        if n.get(qn("w:type")) in ("separator", "continuationSeparator")
    ]
    ids = sorted(n.get(qn("w:id")) for n in notes)
    if ids != ["-1", "0"]:
        return ""
    return "".join(etree.tostring(n, encoding="unicode") for n in notes)


def _sync_settings(document) -> None:
    """settings.xml names the two special notes, exactly as the footnotes part numbers them."""
    settings = document.settings.element
    for old in settings.findall(qn("w:footnotePr")):
        settings.remove(old)
    pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    anchor = next((c for c in settings if _local_name(c.tag) in _AFTER_FOOTNOTE_PR), None)
    if anchor is not None:
        anchor.addprevious(pr)
    else:
        settings.append(pr)


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def ensure_footnote_styles(document) -> StyleIds:
    """Find the footnote, link and emphasis styles by id or by name; add those the template lacks."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    styles = document.styles
    index = StyleIndex.of(styles)
    found = {}
    for role, style_id, name in (
        ("footnote_text", FOOTNOTE_TEXT, "footnote text"),
        ("footnote_reference", FOOTNOTE_REFERENCE, "footnote reference"),
        ("hyperlink", HYPERLINK, "hyperlink"),
        ("strong", "Strong", "strong"),
        ("emphasis", "Emphasis", "emphasis"),
    ):
        match = index.find(style_id, name)
        if match:
            found[role] = match
    if "footnote_text" not in found:
        s = add_new_style(styles, "footnote text", WD_STYLE_TYPE.PARAGRAPH)
        s.element.styleId = FOOTNOTE_TEXT
        s.base_style = styles["Normal"]
        s.font.size = Pt(9)
        s.paragraph_format.space_after = Pt(2)
        s.paragraph_format.space_before = Pt(0)
        s.paragraph_format.line_spacing = 1.0
        s.priority, s.unhide_when_used = 99, True
    if "footnote_reference" not in found:
        s = add_new_style(styles, "footnote reference", WD_STYLE_TYPE.CHARACTER)
        s.element.styleId = FOOTNOTE_REFERENCE
        s.font.superscript = True
        s.priority, s.unhide_when_used = 99, True
    if "hyperlink" not in found:
        s = add_new_style(styles, "Hyperlink", WD_STYLE_TYPE.CHARACTER)
        s.font.color.rgb = RGBColor(0x1F, 0x4E, 0x9A)
        s.font.underline = True
        s.priority, s.unhide_when_used = 99, True
    if "emphasis" not in found:
        add_new_style(styles, "Emphasis", WD_STYLE_TYPE.CHARACTER).font.italic = True
    if "strong" not in found:
        add_new_style(styles, "Strong", WD_STYLE_TYPE.CHARACTER).font.bold = True
    return StyleIds(**found)


def find_style_id(styles, style_id: str, name: str) -> str | None:
    """The styleId of the style with this id, else of the style with this (case-insensitive) name."""
    return StyleIndex.of(styles).find(style_id, name)


def add_new_style(styles, name: str, kind):  # noqa: ANN001, ANN201 - python-docx types
    """`styles.add_style(name, kind)` for a style a `StyleIndex` shows the document lacks.

    python-docx first walks all ~1,000 styles to refuse a duplicate name (~1 ms a style); the
    index has answered that already (by case-insensitive name, so an exact name is absent too).
    """
    from docx.styles import BabelFish
    from docx.styles.style import StyleFactory

    return StyleFactory(styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, False))


@dataclass(frozen=True)
class StyleIndex:
    """Every styleId of a document, and the first styleId under each lower-case style name.

    Why: Word's default template has ~1,000 styles; walking them once per style looked up took
    ~30 ms of a DOCX rendering.
    """

    ids: frozenset[str]
    by_name: dict[str, str]

    @classmethod
    def of(cls, styles) -> StyleIndex:
        ids: set[str] = set()
        by_name: dict[str, str] = {}
        for style in styles.element.iter(qn("w:style")):
            _index_style(style, ids, by_name)
        return cls(frozenset(ids), by_name)

    def find(self, style_id: str, name: str) -> str | None:
        return style_id if style_id in self.ids else self.by_name.get(name)

    def adding(self, style) -> StyleIndex:
        """The index once `style` (just added: python-docx appends it) is among the styles."""
        ids, by_name = set(self.ids), dict(self.by_name)
        _index_style(style.element, ids, by_name)
        return StyleIndex(frozenset(ids), by_name)


def _index_style(element, ids: set[str], by_name: dict[str, str]) -> None:
    sid = element.get(qn("w:styleId"))
    if sid is None:
        return
    ids.add(sid)
    name_el = element.find(qn("w:name"))
    if name_el is not None:
        by_name.setdefault((name_el.get(qn("w:val")) or "").lower(), sid)


# --------------------------------------------------------------------------- reading back


def footnotes_xml(document) -> bytes | None:
    """The footnotes part's XML of an opened document (after reopening it is a generic Part)."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part.blob
    return None


def read_footnotes(document) -> dict[int, str]:
    """{id: text} of the real notes of an opened document, separators left out by type, not id.

    LibreOffice renumbers on save (separators 0 and 1, notes from 2), so ids alone mislead.
    """
    from lxml import etree

    blob = footnotes_xml(document)
    if blob is None:
        return {}
    root = etree.fromstring(blob)
    out = {}
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in (None, "normal"):
            out[int(note.get(qn("w:id")))] = "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
    return out
