"""PDFs read with their layout: the largest type is the title, headings stand alone, running heads
go, two columns are read in order, notes in small type at the page foot become references.
DOCX: the title is the Title style or first heading, never a kicker; the byline beats the file's author."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.sources import read_source
from memogen.sources.pdf_layout import read_layout, reading_order

PARAGRAPHS = 40  # two pages and more
BODY = (
    "The offensive began at dawn on Monday, when armoured columns crossed the river at three points "
    "and pushed towards the provincial capital, according to officials of the regional council."
)


def _brief(path: Path, *, two_columns: bool = False) -> None:
    """An institute brief: institute name small at the top, a big headline, a byline, bold headings,
    running head and page numbers, and notes at the foot of page 1 called by raised numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=10, leading=12)
    head = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold", spaceBefore=8)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=20, leading=24)

    def furniture(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, A4[1] - 30, "Lendrian Institute for Conflict Studies | Brief 9")
        canvas.drawRightString(540, 28, f"Page {doc.page}")
        if doc.page == 1:
            canvas.drawString(56, 70, '1 Mira Holm, "River crossing", Valley Post, 3 March 2025.')
            canvas.drawString(56, 60, "2 Regional council, statement of 4 March 2025.")
        canvas.restoreState()

    width, height = A4
    if two_columns:
        frames = [
            Frame(56, 90, (width - 130) / 2, height - 170, id="left"),
            Frame(74 + (width - 130) / 2, 90, (width - 130) / 2, height - 170, id="right"),
        ]
    else:
        frames = [Frame(56, 90, width - 112, height - 170, id="one")]
    doc = BaseDocTemplate(str(path), pagesize=A4, author="Office Admin")
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=furniture)])
    story = [
        Paragraph("River offensive: what the first week shows", title),
        Paragraph("By Sara Lind", body),
        Paragraph("What happened", head),
        Paragraph(BODY + "<super>1</super> The council said its forces are not.", body),
        Paragraph("The offensive", head),
        Paragraph(
            "Officials expect the fighting to last weeks.<super>2</super> "
            + BODY.replace("Monday", "Tuesday"),
            body,
        ),
    ]
    story += [Paragraph(f"Paragraph {i}. " + BODY, body) for i in range(PARAGRAPHS)]
    doc.build(story)


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    _brief(path)
    return path


def test_the_largest_type_is_the_title_not_the_institute(brief: Path) -> None:
    src = read_source(brief, "brief")
    assert src.metadata.title == "River offensive: what the first week shows"
    assert src.metadata.origins["title"].startswith("page line")
    assert src.metadata.publisher == "Lendrian Institute for Conflict Studies"  # from the running head
    assert src.metadata.authors == ["Sara Lind"]  # the byline, not the file's author property


def test_headings_stay_paragraphs_and_are_not_glued_to_sentences(brief: Path) -> None:
    src = read_source(brief, "brief")
    paras = src.text.split("\n\n")
    assert paras[0] == "What happened" and "The offensive" in paras
    assert "are not. The offensive" not in src.text
    assert [h for _, h in src.headings][:2] == ["What happened", "The offensive"]


def test_running_heads_and_page_numbers_go_and_every_paragraph_stays_whole(brief: Path) -> None:
    src = read_source(brief, "brief")
    assert "Lendrian Institute" not in src.text and "Page 1" not in src.text
    for i in range(PARAGRAPHS):
        assert f"Paragraph {i}. {BODY}" in src.text.split("\n\n")


def test_numbered_notes_at_the_page_foot_become_references(brief: Path) -> None:
    src = read_source(brief, "brief")
    assert [(r.marker, r.label) for r in src.references] == [("1", "Valley Post"), ("2", None)]
    assert "Mira Holm" not in src.text and "council.1" not in src.text
    at = src.text.index("Officials expect")
    assert [r.marker for r in src.references_in(at, at + 10)] == ["2"]


def test_two_columns_are_read_left_then_right(tmp_path: Path) -> None:
    path = tmp_path / "columns.pdf"
    _brief(path, two_columns=True)
    src = read_source(path, "columns")
    assert src.metadata.title == "River offensive: what the first week shows"
    order = [src.text.index(f"Paragraph {i}. ") for i in range(PARAGRAPHS)]
    assert order == sorted(order)
    for i in range(PARAGRAPHS):
        assert f"Paragraph {i}. {BODY}" in src.text.split("\n\n")


def test_reading_order_puts_a_full_width_line_between_column_bands(brief: Path) -> None:
    page = read_layout(brief.read_bytes())[0]
    order = [ln.text for ln in reading_order(page)]
    assert order.index("River offensive: what the first week shows") < order.index("By Sara Lind")


# ----------------------------------------------------------------------------- DOCX


def _docx(path: Path, *, title_style: str | None) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.author = "Office Admin"
    document.add_paragraph("Opinion")
    if title_style:
        document.add_paragraph("The river offensive will not end the war", style=title_style)
    else:
        run = document.add_paragraph().add_run("The river offensive will not end the war")
        run.font.size = Pt(24)
    document.add_paragraph("By Sara Lind")
    document.add_paragraph(BODY)
    document.add_paragraph(BODY.replace("Monday", "Tuesday"))
    document.save(str(path))


@pytest.mark.parametrize("title_style", ["Heading 1", None])
def test_docx_title_is_the_first_heading_or_largest_type_never_the_kicker(
    tmp_path: Path, title_style: str | None
) -> None:
    path = tmp_path / "oped.docx"
    _docx(path, title_style=title_style)
    src = read_source(path, "oped")
    assert src.metadata.title == "The river offensive will not end the war"
    assert src.metadata.authors == ["Sara Lind"]
    assert src.metadata.origins["authors"] == "page line 3: byline"
    assert "Opinion" not in src.text and src.text.startswith("The offensive began")


def test_numbered_endnotes_in_the_texts_own_type_become_references(tmp_path: Path) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    path = tmp_path / "endnotes.pdf"
    story = [
        Paragraph("Ferry safety after the Solvik", styles["Title"]),
        Paragraph(BODY + "<super>1</super> " + BODY.replace("Monday", "Friday"), styles["BodyText"]),
        Paragraph("The board published its report in May.<super>2</super> " + BODY, styles["BodyText"]),
        Paragraph("Notes", styles["Heading2"]),
        Paragraph('1 Mira Holm, "River crossing", Valley Post, 3 March 2025.', styles["BodyText"]),
        Paragraph("2 Norland Accident Investigation Board, Report 2025/07, 30 May 2025.", styles["BodyText"]),
    ]
    SimpleDocTemplate(str(path)).build(story)
    src = read_source(path, "endnotes")
    assert [(r.marker, r.label) for r in src.references] == [("1", "Valley Post"), ("2", None)]
    assert "Mira Holm" not in src.text and "Notes" not in src.text.split("\n\n")
    at = src.text.index("The board published")
    assert [r.marker for r in src.references_in(at, at + 10)] == ["2"]
