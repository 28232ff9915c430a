"""DOCX writer: footnote XML shape (the Word traps), named styles, links, Unicode, determinism, LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from memo_factory import sample_memo
from memogen.citations import attach_notes
from memogen.errors import ConfigError
from memogen.model import Inline, MergedPoint, Paragraph
from memogen.render.docx import read_custom_properties, render_docx

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "rel": PKG_RELS}
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class Docx:
    """The parts of rendered DOCX bytes, parsed."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))

    def rels(self, name: str) -> dict[str, etree._Element]:
        return {r.get("Id"): r for r in self.xml(name).findall("rel:Relationship", NS)}

    @property
    def document(self):
        return self.xml("word/document.xml")

    @property
    def footnotes(self):
        return self.xml("word/footnotes.xml")

    def notes(self) -> list:
        return [n for n in self.footnotes.findall("w:footnote", NS) if int(n.get(w("id"))) > 0]

    def note_text(self, note) -> str:
        return "".join(t.text or "" for t in note.iter(w("t"))).strip()

    def style_ids(self) -> set[str]:
        return {s.get(w("styleId")) for s in self.xml("word/styles.xml").findall("w:style", NS)}

    def paragraphs_with_style(self, style_id: str) -> list[str]:
        out = []
        for p in self.document.iter(w("p")):
            ps = p.find("w:pPr/w:pStyle", NS)
            if ps is not None and ps.get(w("val")) == style_id:
                out.append(
                    "".join("\t" if el.tag == w("tab") else el.text or "" for el in p.iter(w("t"), w("tab")))
                )
        return out


@pytest.fixture(scope="module")
def memo():
    m = sample_memo()
    attach_notes(m)
    return m


@pytest.fixture(scope="module")
def doc(memo) -> Docx:
    return Docx(render_docx(memo, custom_properties={"memogen_body_sha256": "abc123"}))


# --------------------------------------------------------------------------- footnotes: the Word traps


def test_footnotes_part_is_registered_and_related(doc):
    types = doc.xml("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides.get("/word/footnotes.xml") == FOOTNOTES_CT
    rels = doc.rels("word/_rels/document.xml.rels").values()
    assert [r.get("Target") for r in rels if r.get("Type") == FOOTNOTES_RT] == ["footnotes.xml"]


def test_separator_notes_first_with_ids_minus_one_and_zero(doc):
    notes = doc.footnotes.findall("w:footnote", NS)
    assert [(n.get(w("id")), n.get(w("type"))) for n in notes[:2]] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
    ]
    assert notes[0].find(".//w:separator", NS) is not None
    assert notes[1].find(".//w:continuationSeparator", NS) is not None
    for special in notes[:2]:
        assert special.find(".//w:footnoteRef", NS) is None  # pandoc#2032-style corruption
    assert all(n.get(w("type")) is None for n in notes[2:])


def test_settings_footnote_pr_matches_the_separator_notes(doc):
    settings = doc.xml("word/settings.xml")
    prs = settings.findall("w:footnotePr", NS)
    assert len(prs) == 1
    assert [f.get(w("id")) for f in prs[0].findall("w:footnote", NS)] == ["-1", "0"]
    # CT_Settings order: footnotePr comes before compat/rsids (Word rejects out-of-order children)
    names = [etree.QName(c).localname for c in settings]
    assert names.index("footnotePr") < names.index("compat") < names.index("rsids")


def test_each_note_is_footnote_text_starting_with_footnote_ref(doc):
    notes = doc.notes()
    assert notes
    for note in notes:
        paragraphs = note.findall("w:p", NS)
        assert paragraphs
        assert all(p.find("w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText" for p in paragraphs)
        first_run = paragraphs[0].find("w:r", NS)
        assert first_run.find("w:footnoteRef", NS) is not None
        assert first_run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
        assert len(note.findall(".//w:footnoteRef", NS)) == 1


def test_references_match_notes_one_to_one_and_none_is_empty(doc, memo):
    refs = doc.document.findall(".//w:footnoteReference", NS)
    ref_ids = [int(r.get(w("id"))) for r in refs]
    note_ids = [int(n.get(w("id"))) for n in doc.notes()]
    assert ref_ids == note_ids == list(range(1, len(memo.points) + 1))
    for note, point in zip(doc.notes(), memo.points, strict=True):
        assert doc.note_text(note) == point.note.text.strip()
        assert doc.note_text(note)


def test_reference_runs_are_styled_and_follow_the_sentence(doc):
    for ref in doc.document.findall(".//w:footnoteReference", NS):
        run = ref.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
        assert run.find("w:t", NS) is None  # the mark is the reference alone
        previous = run.getprevious()  # the run (or link) just before the mark ends the sentence
        before = "".join(t.text or "" for t in previous.iter(w("t")))
        assert before.endswith((".", "?", "!", ".”", '."')), before


def test_lead_then_points_then_marks_in_one_paragraph():
    m = sample_memo()
    sec = m.sections[0]
    pts = [p for para in sec.paragraphs for p in para.points]
    sec.paragraphs = [Paragraph(points=pts, lead="First,")]
    attach_notes(m)
    d = Docx(render_docx(m))
    body = [p for p in d.document.iter(w("p")) if p.find(".//w:footnoteReference", NS) is not None]
    first = body[0]
    assert len(first.findall(".//w:footnoteReference", NS)) == 2
    assert "".join(t.text or "" for t in first.iter(w("t"))).startswith("First, Point 1")


def test_uncited_point_has_no_mark():
    m = sample_memo()
    m.sections[0].paragraphs.insert(
        0, Paragraph(points=[MergedPoint(id="u", text="Unsourced.", section="what_happened", citations=[])])
    )
    attach_notes(m)
    d = Docx(render_docx(m))
    assert len(d.document.findall(".//w:footnoteReference", NS)) == len(d.notes()) == 6


def test_styles_exist_and_footnote_reference_is_superscript(doc):
    ids = doc.style_ids()
    assert {"FootnoteText", "FootnoteReference", "Hyperlink", "Title", "Subtitle", "Heading1"} <= ids
    styles = doc.xml("word/styles.xml")
    ref = styles.find("w:style[@w:styleId='FootnoteReference']", NS)
    assert ref.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    assert ref.get(w("type")) == "character"
    assert styles.find("w:style[@w:styleId='FootnoteText']", NS).get(w("type")) == "paragraph"


def test_python_docx_reads_it_back(doc, memo):
    import docx

    from memogen.render.docx_footnotes import read_footnotes

    d = docx.Document(io.BytesIO(doc.data))
    notes = read_footnotes(d)
    assert sorted(notes) == list(range(1, len(memo.points) + 1))
    assert notes[1] == memo.points[0].note.text


def test_read_footnotes_skips_separators_by_type_in_libreoffice_files():
    import docx

    from memogen.render.docx_footnotes import read_footnotes

    # LibreOffice saved this one: separators are ids 0 and 1, its one note is id 2
    notes = read_footnotes(docx.Document(str(FIXTURES / "reference.docx")))
    assert list(notes) == [2] and notes[2].startswith("REFERENCE NOTE")


def test_build_date_from_source_date_epoch(monkeypatch):
    import docx

    m = sample_memo()
    m.build_date = None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    cp = docx.Document(io.BytesIO(render_docx(m))).core_properties
    assert cp.created == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


# --------------------------------------------------------------------------- styles and content


def test_every_style_used_is_a_named_style(doc):
    ids = doc.style_ids()
    for part in ("word/document.xml", "word/footnotes.xml"):
        used = {el.get(w("val")) for el in doc.xml(part).iter(w("pStyle"), w("rStyle"))}
        assert used <= ids, used - ids


def test_no_direct_formatting_in_the_body(doc):
    direct = ("b", "i", "sz", "rFonts", "color", "u", "vertAlign", "jc", "spacing", "ind")
    body = doc.document.find("w:body", NS)
    for el in body.iter(w("rPr"), w("pPr")):
        assert not [c for c in el if etree.QName(c).localname in direct]


def test_structure_title_header_headings_sources(doc, memo):
    assert doc.paragraphs_with_style("Title") == [memo.header.title]
    assert doc.paragraphs_with_style("Subtitle") == [memo.header.subtitle]
    header = doc.paragraphs_with_style("MemoHeader")  # label and value cells of the header table
    assert header[:2] == ["To", "Desk"] and header[-2:] == ["Classification", "Unclassified"]
    assert doc.paragraphs_with_style("Heading1") == [s.heading for s in memo.sections] + ["Sources"]
    assert len(doc.paragraphs_with_style("Bibliography")) == len(memo.bibliography)


def test_hyperlinks_in_notes_relate_from_the_footnotes_part(doc):
    rels = doc.rels("word/_rels/footnotes.xml.rels")
    links = doc.footnotes.findall(".//w:hyperlink", NS)
    assert links
    targets = set()
    for link in links:
        rel = rels[link.get(f"{{{R}}}id")]
        assert rel.get("TargetMode") == "External"
        targets.add(rel.get("Target"))
        assert link.find("w:r/w:rPr/w:rStyle", NS).get(w("val")) == "Hyperlink"
    assert {"https://example.org/alpha?id=1&lang=en", "https://gulfnews.example/a"} <= targets


def test_sources_list_has_clickable_links(doc):
    rels = doc.rels("word/_rels/document.xml.rels")
    links = doc.document.findall(".//w:hyperlink", NS)
    assert [rels[x.get(f"{{{R}}}id")].get("Target") for x in links] == [
        "https://example.org/alpha?id=1&lang=en"
    ]


def test_unicode_and_markup_characters_survive(doc):
    text = "".join(t.text or "" for t in doc.document.iter(w("t")))
    assert "Ruritania: a new era with Сербия — Łódź" in text
    assert "& <b>not</b> markup." in text
    notes = " ".join(doc.note_text(n) for n in doc.notes())
    assert "Сергей Лавров: a new era <b>R&D</b> &amp; more" in notes


def test_emoji_urdu_and_control_characters_render():
    m = sample_memo()
    m.points[0].inlines = [
        Inline("Bold ", bold=True),
        Inline("both", bold=True, italic=True),
        Inline(" \x07bell 😀 اسلام آباد R&D <b> end."),
    ]
    attach_notes(m)
    d = Docx(render_docx(m))
    text = "".join(t.text or "" for t in d.document.iter(w("t")))
    assert "bell 😀 اسلام آباد R&D <b> end." in text and "\x07" not in text
    both = [r for r in d.document.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t"))) == "both"][0]
    assert both.find("w:rPr/w:rStyle", NS).get(w("val")) == "Strong"
    assert both.find("w:rPr/w:i", NS) is not None


# --------------------------------------------------------------------------- properties and page


def test_core_properties(doc, memo):
    import docx

    cp = docx.Document(io.BytesIO(doc.data)).core_properties
    assert cp.title == memo.header.title
    assert cp.subject == "Visit"
    assert cp.author == "memogen"
    assert cp.keywords == "test"
    assert cp.created == dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
    assert cp.modified == cp.created


def test_custom_properties_round_trip(doc, memo):
    assert read_custom_properties(doc.data) == {"memogen_body_sha256": "abc123"}
    assert read_custom_properties(render_docx(memo)) == {}


def test_custom_properties_do_not_change_the_body(memo):
    a = Docx(render_docx(memo))
    b = Docx(render_docx(memo, custom_properties={"x": "1", "y": "Сербия"}))
    for part in ("word/document.xml", "word/footnotes.xml", "word/styles.xml"):
        assert a.zip.read(part) == b.zip.read(part)
    assert read_custom_properties(b.data) == {"x": "1", "y": "Сербия"}


def _page(d: Docx) -> tuple[int, int]:
    sz = d.document.find(".//w:sectPr/w:pgSz", NS)
    return int(sz.get(w("w"))), int(sz.get(w("h")))


def test_a4_by_default_letter_on_request(doc):
    assert _page(doc) == (11906, 16838)  # 210 x 297 mm in twentieths of a point
    m = sample_memo()
    m.settings.page_size = "Letter"
    attach_notes(m)
    assert _page(Docx(render_docx(m))) == (12240, 15840)


def test_fonts_are_explicit_not_theme(doc):
    styles = doc.xml("word/styles.xml")
    rfonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert rfonts.get(w("ascii")) == rfonts.get(w("hAnsi")) == "Noto Serif"
    assert rfonts.get(w("cs"))
    assert not [
        k for el in styles.iter(w("rFonts")) for k in el.attrib if k.endswith("Theme") or k.endswith("theme")
    ]


# --------------------------------------------------------------------------- determinism


def test_two_renders_are_byte_identical(memo):
    assert render_docx(memo, {"h": "1"}) == render_docx(memo, {"h": "1"})


def test_zip_entries_have_fixed_times_and_unique_names(doc):
    infos = doc.zip.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    names = [i.filename for i in infos]
    assert len(names) == len(set(names))
    assert not [n for n in names if "thumbnail" in n]  # python-docx's template preview is not this memo


# --------------------------------------------------------------------------- reference docx


@pytest.fixture(scope="module")
def ref_doc() -> Docx:
    m = sample_memo()
    attach_notes(m)
    m.settings.reference_docx = str(FIXTURES / "reference.docx")
    m.settings.page_size = "A4"  # the reference document's page setup wins
    return Docx(render_docx(m, {"h": "1"}))


def test_reference_docx_styles_and_page_setup_are_used(ref_doc):
    styles = ref_doc.xml("word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:rPr/w:rFonts", NS).get(w("ascii")) == "Georgia"
    h1 = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert h1.find("w:rPr/w:color", NS).get(w("val")).upper() == "8B0000"
    assert _page(ref_doc) == (12240, 15840)
    assert ref_doc.document.find(".//w:sectPr/w:pgMar", NS).get(w("left")) == "1701"


def test_reference_docx_body_and_notes_are_replaced(ref_doc):
    text = "".join(t.text or "" for t in ref_doc.document.iter(w("t")))
    assert "REFERENCE" not in text
    notes = " ".join(ref_doc.note_text(n) for n in ref_doc.notes())
    assert "REFERENCE" not in notes
    ids = [n.get(w("id")) for n in ref_doc.footnotes.findall("w:footnote", NS)]
    assert ids[:2] == ["-1", "0"] and len(ids) == len(set(ids))
    settings = ref_doc.xml("word/settings.xml")
    assert [f.get(w("id")) for f in settings.findall("w:footnotePr/w:footnote", NS)] == ["-1", "0"]


def test_reference_docx_style_names_are_honoured(ref_doc):
    # LibreOffice calls them Footnote / FootnoteAnchor / InternetLink: reuse, don't duplicate
    used = {el.get(w("val")) for el in ref_doc.footnotes.iter(w("pStyle"), w("rStyle"))}
    assert {"Footnote", "FootnoteAnchor", "InternetLink"} <= used
    assert "FootnoteText" not in ref_doc.style_ids()
    assert ref_doc.paragraphs_with_style("Heading1")


def test_reference_docx_keeps_one_core_properties_part(ref_doc):
    names = ref_doc.zip.namelist()
    assert names.count("docProps/core.xml") == 1
    assert read_custom_properties(ref_doc.data) == {"h": "1"}


def test_missing_reference_docx_is_a_config_error(tmp_path):
    m = sample_memo()
    attach_notes(m)
    m.settings.reference_docx = str(tmp_path / "nope.docx")
    with pytest.raises(ConfigError, match="reference_docx"):
        render_docx(m)
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    m.settings.reference_docx = str(bad)
    with pytest.raises(ConfigError, match="bad.docx"):
        render_docx(m)


def test_importing_the_renderer_does_not_import_python_docx():
    import sys

    code = "import sys, memogen.render.docx; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --------------------------------------------------------------------------- LibreOffice


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _convert(docx_path: Path, out_dir: Path) -> str:
    profile = f"file:///tmp/lo-memogen-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    pdf = out_dir / (docx_path.stem + ".pdf")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("reference", [False, True])
def test_libreoffice_shows_every_footnote(tmp_path, reference):
    m = sample_memo(points_per_section=5, long_text=True)  # several pages, 15 notes
    attach_notes(m)
    if reference:
        m.settings.reference_docx = str(FIXTURES / "reference.docx")
    path = tmp_path / "memo.docx"
    path.write_bytes(render_docx(m))
    text = _squash(_convert(path, tmp_path))
    assert len(m.points) == 15
    for point in m.points:
        assert _squash(point.note.text) in text, point.note.number
    assert _squash("Сергей Лавров") in text and _squash(m.header.title) in text


# --------------------------------------------------------------------------- the look of the PDF


def _style(styles, style_id: str):
    return styles.find(f"w:style[@w:styleId='{style_id}']", NS)


def test_styles_look_like_the_pdf(doc):
    """Fonts, sizes (half-points), leading and colours as render/pdf.py sets them; no Word blue."""
    styles = doc.xml("word/styles.xml")
    expected = {  # style id: (font, size in half-points, exact leading in twips, bold)
        "Normal": ("Noto Serif", "20", "260", False),
        "Title": ("Noto Sans", "40", "480", True),
        "Heading1": ("Noto Sans", "27", "340", True),
        "FootnoteText": ("Noto Serif", "16", "200", False),
        "Bibliography": ("Noto Serif", "18", "230", False),
    }
    for style_id, (font, size, line, bold) in expected.items():
        style = _style(styles, style_id)
        assert style.find("w:rPr/w:rFonts", NS).get(w("ascii")) == font, style_id
        assert style.find("w:rPr/w:sz", NS).get(w("val")) == size, style_id
        spacing = style.find("w:pPr/w:spacing", NS)
        assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == (line, "exact"), style_id
        assert (style.find("w:rPr/w:b", NS) is not None) == bold, style_id
        color = style.find("w:rPr/w:color", NS)
        assert color is None or color.get(w("val")) in ("444444", "000000"), style_id
        assert style.find("w:pPr/w:pBdr", NS) is None, style_id
    margins = doc.document.find(".//w:sectPr/w:pgMar", NS)
    assert {margins.get(w(side)) for side in ("top", "bottom", "left", "right")} == {"1134"}  # 2 cm


def test_header_is_a_table_ruled_above_and_below(doc):
    table = doc.document.find("w:body/w:tbl", NS)
    borders = table.find("w:tblPr/w:tblBorders", NS)
    assert borders.find("w:top", NS).get(w("val")) == "single"
    assert borders.find("w:bottom", NS).get(w("val")) == "single"
    assert borders.find("w:insideH", NS).get(w("val")) == "nil"
    assert [c.get(w("w")) for c in table.findall("w:tblGrid/w:gridCol", NS)][0] == "1400"  # 70 pt


def test_noto_fonts_are_embedded_and_deobfuscate_to_truetype(doc):
    from memogen.render.docx_fonts import obfuscate

    table = doc.xml("word/fontTable.xml")
    rels = doc.rels("word/_rels/fontTable.xml.rels")
    for family in ("Noto Serif", "Noto Sans"):
        font = table.find(f"w:font[@w:name='{family}']", NS)
        assert font.find("w:altName", NS) is not None  # the fallback an editor without it uses
        embedded = font.find("w:embedRegular", NS)
        target = rels[embedded.get(f"{{{R}}}id")].get("Target")
        data = doc.zip.read("word/" + target)
        assert obfuscate(data, embedded.get(w("fontKey")))[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    assert doc.xml("word/settings.xml").find("w:embedTrueTypeFonts", NS) is not None


def test_footer_counts_pages(doc):
    footer = b"".join(doc.zip.read(n) for n in doc.zip.namelist() if n.startswith("word/footer"))
    assert b"PAGE" in footer and b"NUMPAGES" in footer


def test_the_body_hash_property_is_the_hash_of_the_body_as_written(memo):
    """One rendering records the hash of its own body parts (what `outputs` checks for edits)."""
    from memogen.outputs import docx_body_hash

    data = render_docx(
        memo, custom_properties={"memogen_topic": "t"}, body_hash_property="memogen_body_sha256"
    )
    props = read_custom_properties(data)
    assert props["memogen_topic"] == "t"
    assert props["memogen_body_sha256"] == docx_body_hash(data)
    assert props["memogen_body_sha256"] == docx_body_hash(render_docx(memo))  # fonts and properties aside


def test_the_package_matches_what_python_docx_would_save(memo):
    """memogen writes the parts itself (one pass, fixed times): the members python-docx would save."""
    import zipfile

    import docx as python_docx

    ours = zipfile.ZipFile(io.BytesIO(render_docx(memo)))
    buf = io.BytesIO()
    python_docx.Document(io.BytesIO(render_docx(memo))).save(buf)
    theirs = zipfile.ZipFile(buf)
    assert sorted(ours.namelist()) == sorted(theirs.namelist())
    assert ours.namelist()[0] == "[Content_Types].xml"
    assert {i.date_time for i in ours.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_add_new_style_makes_the_style_python_docx_makes():
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from lxml import etree

    from memogen.render.docx_footnotes import add_new_style

    ours, theirs = Document(), Document()
    for name, kind in (
        ("footnote text", WD_STYLE_TYPE.PARAGRAPH),
        ("Strong accent", WD_STYLE_TYPE.CHARACTER),
    ):
        made = add_new_style(ours.styles, name, kind)
        reference = theirs.styles.add_style(name, kind)
        assert etree.tostring(made.element) == etree.tostring(reference.element)
        assert made.type == kind and made.name == reference.name
        assert ours.styles[reference.name].style_id == made.style_id
