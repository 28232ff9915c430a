"""Readers by type: HTML page with chrome, generated PDF with running heads, DOCX with footnotes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from memogen.sources import read_source
from memogen.sources.pdf import pdf_pages_to_lines

FIXTURES = Path(__file__).parent / "fixtures" / "sources"

# ----------------------------------------------------------------------------- HTML


def test_html_page_keeps_article_and_drops_nav_ads_comments() -> None:
    src = read_source(FIXTURES / "page-with-chrome.html", "harbour")
    body = src.text
    assert body.startswith("The port authorities of Velmora and Ostrava signed")
    assert "What the agreement covers" in body.split("\n\n")
    assert "single berth fee" in body and "small harbours along the coast" in body
    for junk in (
        "Sign in",
        "Advertisement",
        "Zephyr",
        "Great news for the region",
        "Post comment",
        "Related articles",
        "Storm closes",
        "All rights reserved",
        "Privacy",
    ):
        assert junk not in body, junk
    meta = src.metadata
    assert meta.title == "Harbour deal signed after two years of talks"
    assert meta.authors == ["Mara Quintero"]
    assert meta.publisher == "The Coastal Ledger"
    assert meta.date == dt.date(2023, 9, 14)  # published, not the later modified date
    assert meta.url == "https://ledger.example.org/2023/09/harbour-deal"
    assert set(meta.inferred) >= {"title", "authors", "publisher", "date", "url"}


def test_html_footnotes_become_references_with_anchors() -> None:
    src = read_source(FIXTURES / "page-with-chrome.html", "harbour")
    assert [r.marker for r in src.references] == ["1", "2"]
    assert src.references[0].label == "Velmora Gazette"
    assert src.references[0].url == "https://gazette.example.org/joa"
    assert "↩" not in src.references[0].text
    assert "hall.1" not in src.text and "⟦" not in src.text
    cited = src.references_in(src.text.index("single berth fee"), src.text.index("single berth fee") + 5)
    assert [r.label for r in cited] == ["Velmora Gazette"]
    assert [r.label for r in src.references_in(src.text.index("fishing industry"), len(src.text))] == [
        "Radio Ostrava"
    ]


# ----------------------------------------------------------------------------- PDF


def _make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def furniture(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, A4[1] - 40, "Northern Policy Review — Working Paper 7")
        canvas.drawString(72, 30, f"Page {doc.page} of 3")
        canvas.drawRightString(520, 30, f"NPR 2022 | {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title="wp7-final.docx", author="Ilse Varga")
    story = [
        Paragraph("Grid reform in the northern provinces", styles["Title"]),
        Paragraph("What changed?", styles["Heading2"]),
    ]
    topics = [
        "control centres",
        "transmission losses",
        "interconnection",
        "tariffs",
        "storage",
        "hydro dams",
        "wind farms",
    ]
    for i in range(30):
        t = topics[i % len(topics)]
        story.append(
            Paragraph(
                f"Finding {i}: the operator reviewed {t} in district {i} and reported that costs changed by {i * 3} "
                f"per cent over the year. Engineers in district {i} said the {t} programme needs a second phase "
                f"before 20{10 + i % 9} and a steady budget.",
                styles["BodyText"],
            )
        )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def test_pdf_running_headers_footers_and_page_numbers_removed(tmp_path: Path) -> None:
    pdf = tmp_path / "wp7.pdf"
    _make_pdf(pdf)
    src = read_source(pdf, "wp7")
    assert "Northern Policy Review" not in src.text
    assert "NPR 2022" not in src.text and "Page 1" not in src.text
    reasons = {d.reason.split(" (")[0] for d in src.dropped}
    assert {"running header/footer", "page number"} <= reasons
    for i in range(30):  # every paragraph survives, whole
        assert f"Finding {i}: the operator" in src.text
        assert f"Engineers in district {i} said" in src.text
    assert src.text.split("\n\n")[0] == "What changed?"
    assert src.metadata.title == "Grid reform in the northern provinces"  # printed headline beats /Title
    assert src.metadata.authors == ["Ilse Varga"]
    assert src.kind == "pdf"


def test_pdf_hyphenation_joined_and_paragraphs_rebuilt() -> None:
    page1 = "Report header\nThe ministry published the draft on Monday and invited com-\nments from the public until the end of the month.\nA second paragraph starts here.\n1"
    page2 = "Report header\nIt carries on with the coun-\ntry's plans.\n2"
    lines, dropped, _refs = pdf_pages_to_lines([page1, page2])
    paras = [ln.text for ln in lines if ln.text]
    assert "invited comments from the public" in paras[0]
    assert any("country's plans" in p for p in paras)
    assert {d.line for d in dropped} == {"Report header", "1", "2"}


def test_pdf_body_line_repeated_on_pages_is_not_a_header() -> None:
    same = "The committee will meet again next week."
    pages = [f"Intro text for page {n} that is long enough to be a line.\n{same}" for n in range(1, 4)]
    lines, dropped, _refs = pdf_pages_to_lines(pages)
    assert sum(same in ln.text for ln in lines) == 3
    assert dropped == []


# ----------------------------------------------------------------------------- DOCX

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx_with_footnotes(
    path: Path, paragraphs: list[tuple[str, str | None]], notes: dict[int, str], kind: str = "footnote"
) -> None:
    """A .docx whose '[[FNn]]' placeholders become real Word footnote references."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Lake levels"
    document.core_properties.author = "Tomas Ekberg"
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    buf = io.BytesIO()
    document.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "word/document.xml":
            xml = data.decode()
            for n in notes:
                ref = (
                    '</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:{kind}Reference w:id="{n}"/></w:r><w:r><w:t xml:space="preserve">'
                )
                xml = xml.replace(f"[[FN{n}]]", ref)
            data = xml.encode()
        elif item.filename == "word/_rels/document.xml.rels":
            data = data.replace(
                b"</Relationships>",
                f'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s" '
                f'Target="{kind}s.xml"/></Relationships>'.encode(),
            )
        elif item.filename == "[Content_Types].xml":
            data = data.replace(
                b"</Types>",
                f'<Override PartName="/word/{kind}s.xml" '
                f'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/></Types>'.encode(),
            )
        out.writestr(item, data)
    body = "".join(
        f'<w:{kind} w:id="{n}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'
        for n, text in notes.items()
    )
    body = body.replace("*", "")  # italics are given as a run below
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{_W_NS}">'
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
        f"{body}</w:{kind}s>"
    )
    for text in notes.values():
        if "*" in text:  # *Outlet* -> an italic run
            before, italic, after = text.split("*")
            xml = xml.replace(
                f'<w:t xml:space="preserve"> {before}{italic}{after}</w:t></w:r>',
                f'<w:t xml:space="preserve"> {before}</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>{italic}</w:t></w:r>'
                f'<w:r><w:t xml:space="preserve">{after}</w:t></w:r>',
            )
    out.writestr(f"word/{kind}s.xml", xml)
    out.close()


@pytest.fixture()
def lake_docx(tmp_path: Path) -> Path:
    path = tmp_path / "lake-levels.docx"
    make_docx_with_footnotes(
        path,
        [
            ("Lake Varn falls to a record low", "Title"),
            ("By Tomas Ekberg", None),
            ("Published: 2 August 2022", None),
            ("What happened?", "Heading 1"),
            (
                "The water level of Lake Varn fell to its lowest mark since records began in 1911.[[FN1]] "
                "Ferries on the northern shore stopped running in July.",
                None,
            ),
            (
                "Farmers blame the irrigation quotas set by the regional water board, which the board disputes.[[FN2]]",
                None,
            ),
        ],
        {
            1: 'Hydrological Survey, "Annual levels 2022", *Varn Observer*, 1 August 2022.',
            2: "Interview with the water board, *North Radio*, 2 August 2022. https://radio.example.net/varn",
        },
    )
    return path


def test_docx_footnotes_headings_and_metadata(lake_docx: Path) -> None:
    src = read_source(lake_docx, "lake")
    paras = src.text.split("\n\n")
    assert paras[0] == "What happened?"
    assert (0, "What happened?") in src.headings
    assert paras[1].startswith(
        "The water level of Lake Varn fell to its lowest mark since records began in 1911. Ferries"
    )
    assert "records began in 1911.1" not in src.text
    assert [(r.marker, r.label) for r in src.references] == [("1", "Varn Observer"), ("2", "North Radio")]
    assert src.references[1].url == "https://radio.example.net/varn"
    first = src.references_in(src.text.index("water level"), src.text.index("water level") + 10)
    assert [r.marker for r in first] == ["1"]
    assert [r.marker for r in src.references_in(src.text.index("Farmers"), len(src.text))] == ["2"]
    assert [
        r.marker for r in src.references_in(src.text.index("Ferries"), src.text.index("Ferries") + 7)
    ] == []
    meta = src.metadata
    assert meta.title == "Lake Varn falls to a record low"
    assert meta.authors == ["Tomas Ekberg"]
    assert meta.date == dt.date(2022, 8, 2)


def _make_pdf_with_page_notes(path: Path) -> None:
    """Notes drawn at the foot of each page, markers as <super> in the text (as Word exports them)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    notes = {
        1: [
            '1 Ayla Demir, "Port deal signed", Harbour Times, 3 May 2021. https://harbour.example.com/deal',
            "2 Ministry of Transport, Annual report 2020 (Velmora: MoT, 2021), 14-15.",
        ],
        2: ["3 Interview with a customs official, 5 May 2021."],
    }

    def foot(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        for k, line in enumerate(notes.get(doc.page, [])):
            canvas.drawString(72, 70 - 11 * k, line)
        canvas.drawString(300, 30, str(doc.page))
        canvas.restoreState()

    filler = "The harbour has six berths and a customs hall that handles lorries and containers. " * 6
    story = [
        Paragraph(
            "The port authorities signed the agreement on 3 May 2021.<super>1</super> Freight volumes have grown by "
            "12 per cent a year since 2018, the ministry says.<super>2</super> " + filler,
            styles["BodyText"],
        )
    ]
    story += [Paragraph(f"Section {i}. " + filler, styles["BodyText"]) for i in range(9)]
    story.append(
        Paragraph(
            "Customs officers said the new hall would halve waiting times.<super>3</super> " + filler,
            styles["BodyText"],
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4, bottomMargin=110).build(
        story, onFirstPage=foot, onLaterPages=foot
    )


def test_pdf_page_foot_notes_become_references(tmp_path: Path) -> None:
    pdf = tmp_path / "port.pdf"
    _make_pdf_with_page_notes(pdf)
    src = read_source(pdf, "port")
    assert [r.marker for r in src.references] == ["1", "2", "3"]
    assert (
        src.references[0].label == "Harbour Times"
        and src.references[0].url == "https://harbour.example.com/deal"
    )
    assert (
        "2021.1" not in src.text and "Ayla Demir" not in src.text and "Ministry of Transport" not in src.text
    )
    assert "The port authorities signed the agreement on 3 May 2021. Freight volumes" in src.text
    at = src.text.index("Freight volumes")
    assert [r.marker for r in src.references_in(at, at + 5)] == ["2"]
    at = src.text.index("Customs officers said")
    assert [r.marker for r in src.references_in(at, at + 5)] == ["3"]
    assert "12 per cent" in src.text  # a number in the text is not a marker


def test_pdf_numbers_at_line_start_without_glued_marker_stay() -> None:
    page = "Intro line of the page that is long enough to count as body text here.\n2021 was a hard year for the port, the report says.\n12 ships were stuck in 2020 (see chapter 3)."
    lines, dropped, refs = pdf_pages_to_lines([page])
    text = " ".join(ln.text for ln in lines)
    assert "2021 was a hard year" in text and "12 ships were stuck" in text and refs == []


def test_docx_endnotes_are_read_like_footnotes(tmp_path: Path) -> None:
    path = tmp_path / "endnotes.docx"
    make_docx_with_footnotes(
        path,
        [
            (
                "The survey counted 412 nesting pairs on the islands this spring, a fifth more than last year.[[FN1]]",
                None,
            )
        ],
        {1: "Bird Survey Office, *Island Counts*, 2023."},
        kind="endnote",
    )
    src = read_source(path, "birds")
    assert [(r.marker, r.label) for r in src.references] == [("1", "Island Counts")]
    assert src.references_in(0, 10)[0].marker == "1"
    assert src.text.endswith("a fifth more than last year.")


def test_html_without_article_tag_cp1252_jsonld_date() -> None:
    src = read_source(FIXTURES / "news-no-article-tag.html", "dam")
    paras = src.text.split("\n\n")
    assert paras[0].startswith("Engineers inspecting the Holm dam found cracks")
    assert paras[-1].startswith(
        "“We have asked for an independent review,” said Karin Dahl, who heads the residents’"
    )
    for junk in ("cookies", "Thursday", "Facebook", "Also read", "Most read", "hours ago", "scary", "desk@"):
        assert junk not in src.text, junk
    meta = src.metadata
    assert meta.date == dt.date(2020, 10, 8)  # datePublished, not dateModified nor the page's Thursday
    assert (meta.title, meta.authors, meta.publisher) == (
        "Dam inspection finds cracks in spillway",
        ["Petra Olsen"],
        "Valley News",
    )


def test_repeated_heading_gets_each_offset(tmp_path: Path) -> None:
    path = tmp_path / "two.md"
    body = "The council met again on Monday and discussed the budget for the coming year at great length.\n\n"
    path.write_text(f"## Update\n\n{body}## Update\n\n{body}", encoding="utf-8")
    src = read_source(path, "two")
    offsets = [o for o, _ in src.headings]
    assert len(offsets) == 2 and offsets[0] < offsets[1]
    assert all(src.text[o : o + 6] == "Update" for o in offsets)


WIKI_STYLE = """<html><head><meta charset="iso-8859-1"><title>Spillway</title></head><body>
<div id="content"><h1>Holm dam</h1>
<p>The Holm dam was completed in 1962 on the river Vesle and holds back a reservoir of 40 million cubic metres.<sup class="reference"><a href="#cite_note-survey-1">[1]</a></sup>
Its spillway was rebuilt in 1988 after a flood damaged the gates.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<p>Inspections in 2020 found cracks in the spillway concrete, and the reservoir was lowered by two metres as a precaution.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<h2>References</h2><ol class="references">
<li id="cite_note-survey-1"><a href="#cite_ref-1">^</a> <cite>"Dams of the Vesle"</cite>, National Dam Survey, 1999.</li>
<li id="cite_note-2"><a href="#cite_ref-2">^</a> Petra Olsen, "Dam inspection finds cracks", <i>Valley News</i>, 8 October 2020. <a href="https://valley.example/dam">online</a></li>
</ol></div></body></html>"""


def test_html_wiki_style_reference_links(tmp_path: Path) -> None:
    path = tmp_path / "holm.html"
    path.write_bytes(WIKI_STYLE.encode("latin-1"))
    src = read_source(path, "holm")
    assert "[1]" not in src.text and "[2]" not in src.text and "National Dam Survey" not in src.text
    assert [(r.marker, r.label, r.url) for r in src.references] == [
        ("1", "National Dam Survey", None),
        ("2", "Valley News", "https://valley.example/dam"),
    ]
    at = src.text.index("Inspections in 2020")
    assert [r.marker for r in src.references_in(at, at + 5)] == ["2"]
    at = src.text.index("Its spillway")
    assert [r.marker for r in src.references_in(at, at + 5)] == ["2"]


def test_html_without_article_blocks_falls_back_to_page_text(tmp_path: Path) -> None:
    path = tmp_path / "bare.html"
    path.write_text(
        "<html><body><div>Home | News | Contact</div><div>The ferry company said on Monday that services "
        "would resume on all routes by the end of the week, after a strike that lasted nine days.</div></body></html>",
        encoding="utf-8",
    )
    src = read_source(path, "bare")
    assert src.text == (
        "The ferry company said on Monday that services would resume on all routes by the end of the week, "
        "after a strike that lasted nine days."
    )


def test_placeholder_document_properties_are_ignored(tmp_path: Path) -> None:
    import docx
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(pdf))  # reportlab writes "(anonymous)" / "untitled" by default
    c.drawString(
        72, 700, "The council approved the harbour budget on Monday after a long debate about costs."
    )
    c.save()
    meta = read_source(pdf, "plain").metadata
    assert meta.authors == [] and meta.title is None

    path = tmp_path / "plain.docx"
    document = docx.Document()  # python-docx's template says author "python-docx"
    document.add_paragraph(
        "The council approved the harbour budget on Monday after a long debate about costs."
    )
    document.save(path)
    assert read_source(path, "plain").metadata.authors == []
