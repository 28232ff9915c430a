"""memogen publish: edited DOCX drafts (python-docx, Word-style, LibreOffice) -> memo model -> PDF."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from memogen.errors import InputError
from memogen.publish import default_pdf_path, match_section, publish, read_draft

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "publish"))
from draftdoc import DraftBuilder, sample_draft  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _has_pdf_renderer() -> bool:
    try:
        from memogen.render.pdf import render_pdf  # noqa: F401
    except ImportError:
        return False
    return True


needs_pdf = pytest.mark.skipif(not _has_pdf_renderer(), reason="render_pdf not available yet")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def pdf_pages(path: Path) -> list[str]:
    """Text of each page, whitespace collapsed (pdftotext separates pages with form feeds)."""
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")]


def page_of(pages: list[str], text: str) -> int:
    hits = [i for i, page in enumerate(pages) if text in page]
    assert hits, f"{text!r} not found in the PDF"
    return hits[0]


# --------------------------------------------------------------------------- editing helpers


def footnotes_part(doc):
    return next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES)


def edit_footnote(doc, old: str, new: str) -> None:
    """Replace text inside one footnote, as a user editing the note in Word would."""
    part = footnotes_part(doc)
    root = etree.fromstring(part.blob)
    done = False
    for t in root.iter(f"{W}t"):
        if t.text and old in t.text:
            t.text, done = t.text.replace(old, new), True
    assert done, old
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rewrite_last_footnote(doc, new: str) -> None:
    """Replace the whole text of the note whose mark comes last in the body."""
    last_id = [r.get(f"{W}id") for r in doc.element.body.iter(f"{W}footnoteReference")][-1]
    part = footnotes_part(doc)
    root = etree.fromstring(part.blob)
    note = next(n for n in root.iter(f"{W}footnote") if n.get(f"{W}id") == last_id)
    texts = list(note.iter(f"{W}t"))
    texts[0].text = " " + new
    for t in texts[1:]:
        t.text = ""
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def edit_run_text(doc, old: str, new: str) -> None:
    for t in doc.element.body.iter(f"{W}t"):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new)
            return
    raise AssertionError(old)


def delete_paragraph(doc, containing: str) -> None:
    """Delete a paragraph and, as Word does, the footnotes whose marks it held."""
    for p in doc.paragraphs:
        if containing in "".join(t.text or "" for t in p._p.iter(f"{W}t")):
            ids = {ref.get(f"{W}id") for ref in p._p.iter(f"{W}footnoteReference")}
            p._p.getparent().remove(p._p)
            part = footnotes_part(doc)
            root = etree.fromstring(part.blob)
            for note in list(root.iter(f"{W}footnote")):
                if note.get(f"{W}id") in ids:
                    root.remove(note)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            return
    raise AssertionError(containing)


def delete_run(doc, containing: str) -> None:
    for r in doc.element.body.iter(f"{W}r"):
        if containing in "".join(t.text or "" for t in r.iter(f"{W}t")):
            r.getparent().remove(r)
            return
    raise AssertionError(containing)


def save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def edited_sample(long: bool = False) -> bytes:
    """The sample draft after a user's edits: a sentence changed, a paragraph deleted, a note edited."""
    doc = Document(io.BytesIO(sample_draft(long=long)))
    edit_run_text(doc, "Relations were frosty during the Cold War.", "Relations were strained until 2014.")
    delete_paragraph(doc, "A paragraph the editor deletes entirely.")
    delete_run(doc, "Obsolete sentence that the editor deletes.")
    edit_footnote(doc, "Delta Review, 2019.", "Delta Review, edited note, 2020.")
    edit_footnote(doc, "Zeta Analysis, “New era,” 2021.", "Zeta Analysis, edited note on the last page.")
    return save(doc)


# --------------------------------------------------------------------------- the reader


def test_reads_memo_shape_header_sections_notes_and_sources():
    result = read_draft(sample_draft(), name="t.docx")
    memo = result.memo
    assert memo.header.title == "Ruritania and Freedonia: the minister's visit"
    assert memo.header.subtitle == "Briefing memo"
    assert (memo.header.to, memo.header.from_, memo.header.date) == (
        "Regional desk",
        "Briefing team",
        "7 April 2021",
    )
    assert memo.header.subject == "Visit of the foreign minister"
    assert [s.key for s in memo.sections] == ["what_happened", "background", "what_it_means"]
    numbers = [p.note.number for p in memo.points if p.note]
    assert numbers == list(range(1, 8))
    assert len(memo.bibliography) == 2
    assert any(i.url == "https://alpha.example/a" for i in memo.bibliography[0])
    assert any(i.italic and i.text == "Brief" for i in memo.bibliography[1])
    assert result.warnings == []


def test_each_note_stays_after_its_own_sentence():
    memo = read_draft(sample_draft()).memo
    first = memo.section("what_happened").paragraphs[0].points
    assert [p.text for p in first] == [
        "The minister arrived in the capital on 6 April for a two-day visit.",
        "He met the prime minister and the army chief.",
        "Talks covered trade and energy.",
    ]
    assert first[0].note.text == "Alpha News, “Minister arrives,” 6 April 2021."
    assert first[1].note.text == "Beta Institute, Brief, 2021."
    assert first[2].note is None
    assert [i.text for i in first[1].inlines if i.bold] == ["prime minister"]
    assert [i.text for i in first[1].note.inlines if i.italic] == ["Brief"]


def test_marks_in_a_row_and_a_mark_before_any_text():
    b = DraftBuilder()
    b.styled("What happened?", "Heading 1")
    b.paragraph([("Two sources say so.", "First source."), ("", "Second source."), (" Next.", "Third.")])
    b.paragraph([("", "Leading mark."), ("Text after it.", None)])
    result = read_draft(b.to_bytes())
    points = result.memo.points
    assert [(p.text, p.note.text, p.note.number) for p in points] == [
        ("Two sources say so.", "First source.; Second source.", 1),
        ("Next.", "Third.", 2),
        ("Text after it.", "Leading mark.", 3),
    ]
    assert any("merged into one note" in w for w in result.warnings)


def test_link_in_note_and_punctuation_after_mark():
    memo = read_draft(sample_draft()).memo
    pipeline = next(p for p in memo.points if "pipelines" in p.text)
    assert [(i.text, i.url) for i in pipeline.note.inlines if i.url] == [
        ("Gamma Times", "https://gamma.example/pipeline?id=7&x=1")
    ]
    trade = next(p for p in memo.points if p.text.startswith("Trade reached"))
    assert trade.text == "Trade reached $350 million in 2020."  # the full stop moved before the mark
    assert trade.note.text == "Epsilon Stats, 2021."
    assert not any(p.text == "." for p in memo.points)


def test_python_docx_edits_are_read():
    memo = read_draft(edited_sample()).memo
    texts = [p.text for p in memo.points]
    assert "Relations were strained until 2014." in texts
    assert not any("frosty" in t or "deletes" in t for t in texts)
    notes = [p.note.text for p in memo.points if p.note]
    assert "Delta Review, edited note, 2020." in notes
    assert "Note of the deleted paragraph." not in notes
    assert [p.note.number for p in memo.points if p.note] == list(range(1, 7))  # renumbered after the delete


def test_note_left_behind_by_a_deleted_paragraph_is_reported():
    doc = Document(io.BytesIO(sample_draft()))
    for p in doc.paragraphs:  # delete without touching footnotes.xml, as a careless producer might
        if "deletes entirely" in p.text:
            p._p.getparent().remove(p._p)
    result = read_draft(save(doc))
    assert "Note of the deleted paragraph." not in [p.note.text for p in result.memo.points if p.note]
    assert any("'Note of the deleted paragraph.' has no mark" in w for w in result.warnings)


def test_libreoffice_saved_fixture_is_read_like_the_original():
    """tests/fixtures/publish/libreoffice-saved.docx: edited_sample() re-saved by LibreOffice 7.4."""
    saved = (Path(__file__).parent / "fixtures" / "publish" / "libreoffice-saved.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(saved)) as zf:
        assert b'w:id="2"' in zf.read("word/footnotes.xml")  # LibreOffice renumbered the notes
    original = read_draft(edited_sample())
    resaved = read_draft(saved)
    assert resaved.warnings == original.warnings == []
    assert [p.text for p in resaved.memo.points] == [p.text for p in original.memo.points]
    assert [p.note and p.note.inlines for p in resaved.memo.points] == [
        p.note and p.note.inlines for p in original.memo.points
    ]
    assert [p.inlines for p in resaved.memo.points] == [p.inlines for p in original.memo.points]
    assert resaved.memo.bibliography == original.memo.bibliography
    assert resaved.memo.header == original.memo.header


def test_memogen_docx_round_trip_keeps_text_notes_and_sources():
    from memo_factory import sample_memo
    from memogen.citations import attach_notes
    from memogen.render.docx import render_docx

    memo = sample_memo()
    attach_notes(memo)
    back = read_draft(render_docx(memo)).memo
    assert [p.text for p in back.points] == ["".join(i.text for i in p.body_inlines()) for p in memo.points]
    assert [p.note.inlines for p in back.points] == [p.note.inlines for p in memo.points]
    assert back.bibliography == memo.bibliography
    assert (back.header.to, back.header.classification) == (memo.header.to, memo.header.classification)
    assert [s.heading for s in back.sections] == [s.heading for s in memo.sections]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("What happened?", "what_happened"),
        ("WHAT HAPPENED", "what_happened"),
        ("What happend?", "what_happened"),
        ("Background", "background"),
        ("Context and history", "background"),
        ("What it means", "what_it_means"),
        ("Implications for the region", "what_it_means"),
        ("Annex: trade figures", None),
    ],
)
def test_heading_variants(heading, key):
    assert match_section(heading) == key


def test_configured_heading_wins():
    assert match_section("Die Lage", {"what_happened": "Die Lage"}) == "what_happened"


def test_headings_recorded_in_custom_properties_are_used():
    import json

    from memo_factory import sample_memo
    from memogen.render.docx import render_docx

    memo = sample_memo()
    wording = {"what_happened": "Lagebild", "background": "Hintergründe", "what_it_means": "Bedeutung"}
    for section in memo.sections:
        section.heading = wording[section.key]
    data = render_docx(memo, custom_properties={"memogen_headings": json.dumps(wording)})
    result = read_draft(data)
    assert [(s.key, s.heading) for s in result.memo.sections] == list(wording.items())
    assert not any("not recognised" in w for w in result.warnings)
    without = read_draft(render_docx(memo))  # the same order is still understood, with a warning
    assert [s.key for s in without.memo.sections] == list(wording)
    assert any("'Lagebild' was not recognised" in w for w in without.warnings)


def test_empty_draft_is_refused(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(save(Document()))
    with pytest.raises(InputError, match="empty.docx: no memo text"):
        publish(empty)


def test_not_a_docx_names_the_file(tmp_path):
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"this is not a zip")
    with pytest.raises(InputError, match="draft.docx"):
        publish(bad)
    with pytest.raises(InputError, match="missing.docx"):
        publish(tmp_path / "missing.docx")


def test_default_output_is_published_pdf_beside_the_draft():
    assert default_pdf_path(Path("out/t/t.docx")) == Path("out/t/t.published.pdf")


# --------------------------------------------------------------------------- a Word-style producer


def _word_style_docx() -> bytes:
    """A draft as other producers write it: localised style ids, fields, lists, endnotes, extras."""
    doc = Document()
    styles = doc.styles.element
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="berschrift1">'
            '<w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Kapitel">'
            '<w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="Betont">'
            '<w:name w:val="Betont"/><w:rPr><w:i/></w:rPr></w:style>'
        )
    )
    endnotes = Part(
        PackURI("/word/endnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        (
            f'<w:endnotes {nsdecls("w")}><w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote>'
            '<w:endnote w:id="5"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
            "Endnote text.</w:t></w:r></w:p></w:endnote></w:endnotes>"
        ).encode(),
        doc.part.package,
    )
    doc.part.relate_to(endnotes, RT.ENDNOTES)
    body = doc.element.body
    for p in list(body):
        if not p.tag.endswith("sectPr"):
            body.remove(p)
    paras = [
        '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Word title</w:t></w:r></w:p>',
        "<w:p><w:r><w:t>To: Minister's office</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>Classification: Restricted</w:t></w:r></w:p>",
        '<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>What happened?</w:t></w:r></w:p>',
        # a HYPERLINK field with its instruction split over runs, and an italic character style
        '<w:p><w:r><w:t xml:space="preserve">Read </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://field.example/a" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the report</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> on the </w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Betont"/></w:rPr><w:t>talks</w:t></w:r><w:r><w:t>.</w:t></w:r>'
        '<w:r><w:endnoteReference w:id="5"/></w:r></w:p>',
        # tracked changes, a comment, a drawing
        '<w:p><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
        '<w:del w:id="3" w:author="A"><w:r><w:delText>removed </w:delText></w:r></w:del>'
        "<w:r><w:t>text.</w:t></w:r><w:r><w:drawing/></w:r></w:p>",
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>'
        "<w:r><w:t>Not really a list (numId 0).</w:t></w:r></w:p>",
        '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>First item.</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>Second item.</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="Kapitel"/></w:pPr><w:r><w:t>Hintergrund</w:t></w:r></w:p>',
        "<w:p><w:r><w:t>Background text.</w:t></w:r></w:p>",
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Trade</w:t>"
        "</w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>2020</w:t></w:r></w:p></w:tc><w:tc><w:p>"
        "<w:r><w:t>350</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>What does it mean?</w:t></w:r></w:p>',
        '<w:p><w:r><w:t>Meaning text.</w:t></w:r><w:r><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">'
        "<w:txbxContent><w:p><w:r><w:t>Boxed aside</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></w:r></w:p>",
    ]
    container = parse_xml(f"<w:body {nsdecls('w')}>{''.join(paras)}</w:body>")
    sect = body[-1]
    for el in list(container):
        sect.addprevious(el)
    return save(doc)


def test_word_style_draft_is_read_and_extras_are_reported():
    result = read_draft(_word_style_docx())
    memo, warnings = result.memo, result.warnings
    assert memo.header.title == "Word title"
    assert (memo.header.to, memo.header.classification) == ("Minister's office", "Restricted")
    assert [s.key for s in memo.sections] == ["what_happened", "background", "what_it_means"]
    assert memo.sections[1].heading == "Hintergrund"  # outline level 0 + position, kept as written
    first = memo.section("what_happened").paragraphs[0].points[0]
    assert first.text == "Read the report on the talks."
    assert [(i.text, i.url) for i in first.inlines if i.url] == [("the report", "https://field.example/a")]
    assert [i.text for i in first.inlines if i.italic] == ["talks"]
    assert first.note.number == 1 and first.note.text == "Endnote text."
    tracked = memo.section("what_happened").paragraphs[1].points[0]
    assert tracked.text == "Kept inserted text."
    leads = [(p.lead, p.points[0].text) for p in memo.section("what_happened").paragraphs[2:]]
    assert leads == [(None, "Not really a list (numId 0)."), ("1.", "First item."), ("2.", "Second item.")]
    joined = " | ".join(warnings)
    for expected in (
        "tracked deletion of 'removed'",
        "comment",
        "image or drawing",
        "table (2 rows",
        "text box 'Boxed aside'",
        "endnote",
        "'Hintergrund' was not recognised",
    ):
        assert expected in joined, expected
    assert "HYPERLINK" not in " ".join(p.text for p in memo.points)


def test_pandoc_style_metadata_and_table_of_contents():
    b = DraftBuilder()
    names = {s.name for s in b.doc.styles}
    for name in ("Author", "Date", "TOC Heading", "toc 1"):
        if name not in names:
            b.doc.styles.add_style(name, 1)
    b.styled("Pandoc memo", "Title")
    b.styled("Jane Analyst", "Author")
    b.styled("8 April 2021", "Date")
    b.styled("Contents", "TOC Heading")
    b.styled("What happened?\t1", "toc 1")
    b.styled("What happened?", "Heading 1")
    b.paragraph([("Body.", None)])
    result = read_draft(b.to_bytes())
    assert (result.memo.header.from_, result.memo.header.date) == ("Jane Analyst", "8 April 2021")
    assert [p.text for p in result.memo.points] == ["Body."]
    assert any("table of contents" in w for w in result.warnings)


def test_unknown_extra_heading_is_kept_and_reported():
    b = DraftBuilder()
    b.styled("T", "Title")
    for heading in ("What happened?", "What is the background?", "What does it mean?", "Annex"):
        b.styled(heading, "Heading 1")
        b.paragraph([(f"Text under {heading}", None)])
    result = read_draft(b.to_bytes())
    assert [s.heading for s in result.memo.sections][-1] == "Annex"
    assert "Text under Annex" in [p.text for p in result.memo.points]
    assert any("'Annex' is not one of the memo's sections" in w for w in result.warnings)


# --------------------------------------------------------------------------- publishing to PDF


@needs_pdf
@needs_pdftotext
def test_publish_pdf_shows_edits_and_note_on_the_page_of_its_mark(tmp_path):
    draft = tmp_path / "memo.docx"
    draft.write_bytes(edited_sample(long=True))
    result = publish(draft)
    assert result.pdf_path == tmp_path / "memo.published.pdf"
    pages = pdf_pages(result.pdf_path)
    text = " ".join(pages)
    assert len([p for p in pages if p.strip()]) >= 2
    assert "Relations were strained until 2014." in text
    assert "frosty" not in text and "deletes" not in text and "Note of the deleted" not in text
    assert page_of(pages, "Delta Review, edited note, 2020.") == page_of(pages, "strained until 2014")
    assert page_of(pages, "Alpha News, “Minister arrives,”") == page_of(pages, "for a two-day visit")
    last = page_of(pages, "Zeta Analysis, edited note on the last page.")
    assert last > 0 and last == page_of(pages, "signals a new era")  # the note went over with its mark


@needs_pdf
def test_publish_cli_writes_beside_the_draft_and_reports(tmp_path):
    draft = tmp_path / "t.docx"
    draft.write_bytes(_word_style_docx())
    proc = subprocess.run(
        [sys.executable, "-m", "memogen", "publish", str(draft)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "t.published.pdf").read_bytes().startswith(b"%PDF")
    assert "warning:" in proc.stderr and "text box" in proc.stderr
    out = tmp_path / "other.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "memogen", "publish", str(draft), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and out.is_file()
    (tmp_path / "pdfs").mkdir()
    _memogen("publish", str(draft), "-o", "pdfs", cwd=tmp_path)
    assert (tmp_path / "pdfs" / "t.published.pdf").is_file()
    proc = subprocess.run(
        [sys.executable, "-m", "memogen", "publish", str(tmp_path / "nope.docx")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "nope.docx" in proc.stderr


@pytest.mark.slow
@needs_pdf
@needs_pdftotext
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")
def test_libreoffice_resaved_draft_publishes_with_edits(tmp_path):
    src = tmp_path / "in" / "memo.docx"
    src.parent.mkdir()
    src.write_bytes(edited_sample(long=True))
    profile = f"file:///tmp/lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation={profile}",
                "--convert-to",
                "docx",
                "--outdir",
                str(tmp_path),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    resaved = tmp_path / "memo.docx"
    with zipfile.ZipFile(resaved) as zf:
        assert b"LibreOffice" in zf.read("docProps/app.xml")  # really re-written by LibreOffice
    result = publish(resaved)
    memo = result.memo
    assert [p.note.number for p in memo.points if p.note] == list(range(1, 7))
    pages = pdf_pages(result.pdf_path)
    assert "Relations were strained until 2014." in " ".join(pages)
    assert page_of(pages, "Delta Review, edited note, 2020.") == page_of(pages, "strained until 2014")
    last = page_of(pages, "Zeta Analysis, edited note on the last page.")
    assert last > 0 and last == page_of(pages, "signals a new era")
    link = next(p for p in memo.points if "pipelines" in p.text).note.inlines
    assert any(i.url == "https://gamma.example/pipeline?id=7&x=1" for i in link)


# --------------------------------------------------------------------------- the whole draft workflow


def _memogen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "memogen", *args], capture_output=True, text=True, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.mark.slow
@needs_pdf
@needs_pdftotext
def test_build_edit_rebuild_publish_and_email(tmp_path, lavrov_dir):
    """The acceptance path: build, edit the draft, rebuild (edit kept), publish, email --dry-run."""
    inputs = tmp_path / "inputs"
    shutil.copytree(lavrov_dir, inputs / "t")
    _memogen("build", "--topic", "t", "--inputs", str(inputs), "--out", "out", "-q", cwd=tmp_path)
    folder = tmp_path / "out" / "t"
    draft = folder / "t.docx"
    built = read_draft(draft.read_bytes()).memo
    changed = built.section("background").points[0].text
    last = built.points[-1]
    # a paragraph that holds neither the last statement nor the edited one, whatever the composer chose
    removed = next(
        para.points[0].text
        for section in built.sections
        for para in section.paragraphs
        if last not in para.points and changed not in (p.text for p in para.points)
    )

    doc = Document(str(draft))
    edit_run_text(doc, changed[-30:], " An edited sentence replaces this one.")
    delete_paragraph(doc, removed[:40])
    rewrite_last_footnote(doc, "An edited note for the last statement.")
    doc.save(str(draft))
    edited = draft.read_bytes()

    _memogen("build", "--topic", "t", "--inputs", str(inputs), "--out", "out", "-q", cwd=tmp_path)
    assert draft.read_bytes() == edited
    assert (folder / "t.2.docx").is_file()

    _memogen("publish", str(draft), cwd=tmp_path)
    pages = pdf_pages(folder / "t.published.pdf")
    text = " ".join(pages)
    assert "An edited sentence replaces this one." in text
    assert " ".join(removed.split())[:40] not in text
    assert page_of(pages, "An edited note for the last statement.") == page_of(
        pages, " ".join(last.text.split())[-30:]
    )

    _memogen("email", "--topic", "t", "--to", "desk@example.org", "--dry-run", cwd=tmp_path)
    import email
    from email import policy

    msg = email.message_from_bytes((folder / "t.eml").read_bytes(), policy=policy.default)
    files = {p.get_filename(): p.get_content() for p in msg.iter_attachments()}
    assert files == {"t.published.pdf": (folder / "t.published.pdf").read_bytes()}
    assert "An edited sentence replaces this one." in " ".join(msg.get_body(("plain",)).get_content().split())
