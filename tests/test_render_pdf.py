"""PDF writer: footnotes on the page of their mark, embedded fonts, escaping, determinism, metadata."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from memo_factory import sample_memo
from memogen.model import Inline, Memo, MergedPoint, Note, Paragraph

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

URL = "https://example.org/alpha?id=1&lang=en"
HOSTILE = "Report <b>R&D</b> &amp; S&P Сергей Лавров Łódź met شاہ محمود قریشی 😀 bell\x07end"


def attach_test_notes(memo: Memo) -> Memo:
    """Stand-in for citations.attach_notes: number notes in reading order, each with a unique token and URL."""
    for number, point in enumerate(memo.points, start=1):
        point.note = Note(
            number, [Inline(f"Alpha News, “Minister visits”, N{number:03d}, "), Inline(URL, url=URL)]
        )
    memo.bibliography = [
        [
            Inline("Doe, Jane. “Minister visits Ruritania.” "),
            Inline("Alpha News", italic=True),
            Inline(". "),
            Inline(URL, url=URL),
        ],
        [Inline("Петров, Иван. “Сергей Лавров: a new era <b>R&D</b> &amp; more.” Beta Institute, 2021.")],
    ]
    return memo


def _end_token(point: MergedPoint, number: int) -> None:
    """Put "End-NNN." right before where the mark will go (after any conflict statement)."""
    token = f" End-{number:03d}."
    if point.conflicts:
        point.conflicts[-1].statement += token
    else:
        point.text += token


def long_memo() -> Memo:
    """45 points, long paragraphs; every third paragraph holds three points (marks mid-paragraph)."""
    memo = sample_memo(points_per_section=15, long_text=True)
    for number, point in enumerate(memo.points, start=1):
        _end_token(point, number)
    for section in memo.sections:
        points = section.points
        paragraphs, i = [], 0
        while i < len(points):
            size = 3 if len(paragraphs) % 2 else 1
            paragraphs.append(Paragraph(points=points[i : i + size], lead="First," if i == 0 else None))
            i += size
        section.paragraphs = paragraphs
    return attach_test_notes(memo)


def _render(memo: Memo, tmp_path: Path, name: str = "memo.pdf") -> Path:
    from memogen.render.pdf import render_pdf

    path = tmp_path / name
    path.write_bytes(render_pdf(memo))
    return path


def _pages(pdf: Path) -> list[str]:
    """Text of each page, extracted one page at a time with `pdftotext -f N -l N`."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def _page_of(pages: list[str], pattern: str) -> int:
    found = [i for i, text in enumerate(pages, start=1) if re.search(pattern, text)]
    assert len(found) == 1, f"{pattern!r} found on pages {found}"
    return found[0]


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> tuple[Memo, Path, list[str]]:
    memo = long_memo()
    pdf = _render(memo, tmp_path_factory.mktemp("pdf"))
    return memo, pdf, _pages(pdf)


# --------------------------------------------------------------------------- footnotes


def test_every_footnote_is_on_the_page_of_its_mark(long_pdf):
    memo, _, pages = long_pdf
    assert len(pages) >= 5
    numbers = [p.note.number for p in memo.points]
    assert len(numbers) >= 40
    for n in numbers:
        mark_page = _page_of(pages, rf"End-{n:03d}\.\s?{n}\b")  # the token is glued to mark n
        note_page = _page_of(pages, rf"N{n:03d},")
        assert mark_page == note_page, f"note {n}: mark on page {mark_page}, note on page {note_page}"


def test_paragraphs_split_across_pages_keep_notes_with_marks(long_pdf):
    memo, _, pages = long_pdf
    split_single, split_multi = 0, 0
    for section in memo.sections:
        for paragraph in section.paragraphs:
            first = paragraph.points[0]
            number = int(re.search(r"Point (\d+) of", first.text).group(1))
            start = _page_of(pages, rf"Point {number} of")
            mark_pages = {_page_of(pages, rf"End-{p.note.number:03d}\.") for p in paragraph.points}
            if len(paragraph.points) == 1 and mark_pages != {start}:
                split_single += 1
            if len(mark_pages) > 1:
                split_multi += 1
    # the layout must actually exercise both cases, or the test above proves nothing about splits
    assert split_single >= 1
    assert split_multi >= 1


def test_page_n_of_total_footer(long_pdf):
    _, _, pages = long_pdf
    for n, text in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in text


def test_adjacent_marks_are_separated(tmp_path):
    memo = sample_memo()
    section = memo.sections[0]
    a, b = section.points[0], section.points[1]
    a.conflicts = []
    a.text = "Glued statement."
    b.inlines = [Inline("")]  # nothing between mark 1 and mark 2
    section.paragraphs = [Paragraph(points=[a, b])]
    attach_test_notes(memo)
    text = _pages(_render(memo, tmp_path))[0]
    assert re.search(r"Glued statement\.1,2\b", text), text
    assert "statement.12" not in text


def test_paragraph_markup_separates_adjacent_marks():
    from memogen.render.fonts import register_fonts
    from memogen.render.pdf import paragraph_markup

    a = MergedPoint(id="a", text="One.", section="what_happened", citations=[], note=Note(1, [Inline("x")]))
    b = MergedPoint(id="b", text="", section="what_happened", citations=[], note=Note(2, [Inline("y")]))
    markup, noted = paragraph_markup(Paragraph(points=[a, b]), register_fonts())
    assert noted == [a, b]
    assert "<super>1</super></a><super>,</super>" in markup


# --------------------------------------------------------------------------- fonts, text, escaping


def test_every_font_is_embedded_and_bold_italic_are_distinct_faces(tmp_path):
    memo = sample_memo()
    memo.points[0].inlines = [
        Inline("plain "),
        Inline("bold", bold=True),
        Inline(" italic", italic=True),
        Inline(" both", bold=True, italic=True),
    ]
    out = subprocess.run(
        ["pdffonts", str(_render(attach_test_notes(memo), tmp_path))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert row[-5:-3] == ["yes", "yes"], f"not embedded+subset: {row}"  # emb, sub
    names = {row[0].split("+")[-1] for row in rows}
    assert {
        "NotoSerif-Regular",
        "NotoSerif-Bold",
        "NotoSerifItalic-Italic",
        "NotoSerifItalic-BoldItalic",
    } <= names


def test_static_instances_really_differ_in_weight():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from memogen.render.fonts import register_fonts

    fonts = register_fonts()
    widths = {
        name: stringWidth("Hamburgefonstiv", name, 10)
        for name in (fonts.body, fonts.body + "-Bold", fonts.body + "-Italic", fonts.body + "-BoldItalic")
    }
    assert len(set(widths.values())) == 4, widths


def test_static_instance_is_cached_by_hash(tmp_path):
    from memogen.render.fonts import static_instance, variable_font_path

    source = variable_font_path("fontpkg_noto_sans_arabic", "NotoSansArabic[wdth,wght].ttf")
    first = static_instance(source, 700, tmp_path)
    stamp = first.stat().st_mtime_ns
    again = static_instance(source, 700, tmp_path)
    assert again == first and again.stat().st_mtime_ns == stamp
    assert not list(tmp_path.glob("*.tmp"))
    from fontTools.ttLib import TTFont

    font = TTFont(first)
    assert "fvar" not in font and font["OS/2"].usWeightClass == 700


def test_hostile_source_renders_and_extracts(tmp_path):
    memo = sample_memo()
    memo.points[0].inlines = [Inline(HOSTILE), Inline(" علی", bold=True)]
    memo.header.subject = "R&D <i>x</i> \x00"
    pdf = _render(attach_test_notes(memo), tmp_path)
    text = "".join(_pages(pdf))
    assert "Report <b>R&D</b> &amp; S&P Сергей Лавров Łódź" in text
    assert "S&P;" not in text and "\x07" not in text
    assert "bell" in text and "end" in text
    assert "Сергей Лавров: a new era <b>R&D</b> &amp; more" in text  # bibliography entry
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansArabic-Regular" in fonts
    assert "NotoSansArabic-Bold" in fonts  # a bold Arabic run keeps its weight


def test_arabic_script_is_shaped_reordered_and_in_arabic_font():
    from memogen.render.fonts import register_fonts
    from memogen.render.pdf import script_runs, text_markup

    fonts = register_fonts()
    runs = script_runs("met شاہ محمود. ok", fonts)
    assert runs == [("MemoSerif", "met "), ("MemoArabic", "شاہ محمود"), ("MemoSerif", ". ok")]
    markup = text_markup("met شاہ محمود. ok", fonts)
    arabic = re.search(r'<font name="MemoArabic">(.*?)</font>', markup).group(1)
    assert all(0xFB50 <= ord(ch) <= 0xFEFF or ch == " " for ch in arabic)  # presentation (shaped) forms
    # visual order: the first word is drawn rightmost, its first letter (shin, initial form) last
    assert arabic.split(" ")[-1].endswith("\ufeb7")


def test_text_one_face_holds_is_one_run_in_that_face():
    from memogen.render.fonts import register_fonts
    from memogen.render.pdf import script_runs

    fonts = register_fonts()
    assert script_runs("Łódź, 7 April: “a new era”.", fonts) == [("MemoSerif", "Łódź, 7 April: “a new era”.")]
    assert script_runs("Sans text", fonts, "MemoSans") == [("MemoSans", "Sans text")]
    assert script_runs("", fonts) == []
    # one character the serif face lacks (Arabic) still splits the text into runs
    assert [f for f, _ in script_runs("a ب b", fonts)] == ["MemoSerif", "MemoArabic", "MemoSerif"]


def test_clean_text_and_markup_escape_everything():
    from memogen.render.fonts import register_fonts
    from memogen.render.pdf import clean_text, safe_url, text_markup

    assert clean_text("a\x00b\x07c\u202ed\nx") == "abcd x"
    markup = text_markup("<b>R&D</b> &amp;", register_fonts())
    assert markup == "&lt;b&gt;R&amp;D&lt;/b&gt; &amp;amp;"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(URL) == URL


# --------------------------------------------------------------------------- document properties


def test_two_builds_are_byte_identical_even_across_processes(tmp_path):
    from memogen.render.pdf import render_pdf

    memo = long_memo()
    first = render_pdf(memo)
    assert render_pdf(long_memo()) == first
    script = (
        "import sys; sys.path[:0] = ['tests']\n"
        "from test_render_pdf import long_memo\n"
        "from memogen.render.pdf import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(long_memo()))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        check=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout
    assert other == first


def test_metadata_outline_and_links(long_pdf):
    from pypdf import PdfReader

    memo, pdf, pages = long_pdf
    reader = PdfReader(pdf)
    meta = reader.metadata
    assert meta.title == memo.header.title
    assert meta.author == "memogen"
    assert meta.subject == "Visit"
    assert "test" in meta.get("/Keywords", "")
    assert meta.get("/CreationDate", "").startswith("D:20261123120000")
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    assert [t for t, _ in outline] == [s.heading for s in memo.sections] + ["Sources"]
    for title, page in outline:
        assert title in pages[page - 1]
    uris, internal = set(), 0
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                uris.add(action["/URI"])
            elif "/Dest" in annot or action is not None:
                internal += 1
    assert URL in uris  # "&" unescaped in the link target
    assert internal >= 45  # every mark links to its note


def test_letter_page_size(tmp_path):
    from pypdf import PdfReader

    memo = attach_test_notes(sample_memo())
    memo.settings.page_size = "Letter"
    box = PdfReader(_render(memo, tmp_path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_small_file(long_pdf):
    _, pdf, _ = long_pdf
    assert pdf.stat().st_size < 200_000


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_page_to_png(long_pdf, tmp_path):
    from memogen.render.pdf import pdf_page_to_png

    png = pdf_page_to_png(long_pdf[1], tmp_path / "page1.png", page=1, dpi=40)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from memogen.render.pdf import main

    assert main([str(long_pdf[1]), str(tmp_path / "page2.png"), "2"]) == 0
    assert (tmp_path / "page2.png").read_bytes()[:4] == b"\x89PNG"


# --------------------------------------------------------------------------- footnote machinery alone


def test_footnote_frame_with_plain_reportlab(tmp_path):
    """pdf_footnotes works on its own: one huge paragraph with 60 marks on a small page."""
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as RLParagraph

    from memogen.render.pdf_footnotes import FootnoteDocTemplate, NotedParagraph, ref_anchor

    style = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=12)
    note_style = ParagraphStyle("n", fontName="Helvetica", fontSize=7, leading=8)
    text, notes = [], {}
    for n in range(1, 61):
        text.append(
            f'A sentence that goes on for a while S{n:02d}x.<a name="{ref_anchor(n)}"/><super>{n}</super>'
        )
        notes[ref_anchor(n)] = RLParagraph(f"Note T{n:02d}y", note_style)
    buffer = io.BytesIO()
    doc = FootnoteDocTemplate(
        buffer, pagesize=(300, 300), leftMargin=20, rightMargin=20, topMargin=20, bottomMargin=20, invariant=1
    )
    doc.build([NotedParagraph(" ".join(text), style, notes=notes)])
    pdf = tmp_path / "frame.pdf"
    pdf.write_bytes(buffer.getvalue())
    pages = _pages(pdf)
    assert len(pages) >= 3
    for n in range(1, 61):
        assert _page_of(pages, rf"S{n:02d}x\.{n}\b") == _page_of(pages, rf"T{n:02d}y"), n


def test_notes_longer_than_a_page_continue_instead_of_failing(tmp_path):
    """One line carrying 40 long notes cannot fit on any page: the notes continue, nothing is lost."""
    memo = sample_memo()
    points = [
        MergedPoint(id=f"x{i}", text=f"M{i:02d}.", section="what_happened", citations=[])
        for i in range(1, 41)
    ]
    for number, point in enumerate(points, start=1):
        point.note = Note(number, [Inline(f"Q{number:02d}q " + "Long note text " * 30)])
    memo.sections[0].paragraphs = [Paragraph(points=points)]
    pages = _pages(_render(memo, tmp_path))
    for n in range(1, 41):
        assert _page_of(pages, rf"Q{n:02d}q") >= _page_of(pages, rf"M{n:02d}\.")


def test_header_lead_conflicts_and_sources_are_rendered(long_pdf):
    memo, _, pages = long_pdf
    first, last = pages[0], pages[-1]
    assert memo.header.title in first and memo.header.subtitle in first
    for label, value in (
        ("To", "Desk"),
        ("From", "memogen"),
        ("Subject", "Visit"),
        ("Classification", "Unclassified"),
    ):
        assert re.search(rf"{label}\s+{value}", first), label
    assert re.search(r"First, Point 1 of what_happened", first)
    flowing = " ".join(first.split())  # line breaks depend on the measure, the sentence does not
    assert "Sources differ: Alpha News reports 6 April; Beta Institute reports 7 April." in flowing
    assert re.search(r"Sources\s+Doe, Jane\. “Minister visits Ruritania\.” Alpha News\.", last)


def test_cold_font_cache_is_filled_in_parallel_and_reused(tmp_path):
    from memogen.render.fonts import static_instances, variable_font_path

    source = variable_font_path("fontpkg_noto_sans_arabic", "NotoSansArabic[wdth,wght].ttf")
    paths = static_instances([(source, 400), (source, 700)], tmp_path)
    assert len(set(paths)) == 2 and all(p.parent == tmp_path and p.stat().st_size > 0 for p in paths)
    assert static_instances([(source, 700)], tmp_path) == paths[1:]
    assert not list(tmp_path.glob("*.tmp"))


def test_cjk_renders_in_an_embedded_font_loaded_only_when_needed(tmp_path):
    memo = sample_memo()
    memo.points[0].inlines = [
        Inline("The notice read: 港口于2024年5月3日重新开放。 And in Japanese: 運航を再開します。")
    ]
    pdf = _render(attach_test_notes(memo), tmp_path)
    text = "".join(_pages(pdf))
    assert "港口于2024年5月3日重新开放" in text and "運航を再開します" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "NotoSerifSC" in line]
    assert cjk and " yes yes " in cjk[0]  # embedded, as a subset
    latin = _render(attach_test_notes(sample_memo()), tmp_path, "latin.pdf")
    latin_fonts = subprocess.run(["pdffonts", str(latin)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifSC" not in latin_fonts


def test_script_fonts_are_not_loaded_for_latin_cyrillic_or_arabic_text():
    from memogen.render.fonts import register_fonts, with_scripts

    base = register_fonts()
    assert with_scripts(base, "Сергей Лавров, Łódź and شاہ محمود") is base
    assert "MemoCJK" in with_scripts(base, "会谈").fallbacks


def test_arabic_faces_load_only_for_text_that_can_use_them():
    from memogen.render.fonts import ARABIC
    from memogen.render.pdf import _base_fonts

    assert ARABIC not in _base_fonts("Lavrov met Qureshi on 7 April — “a new era”.", None).coverage
    assert ARABIC in _base_fonts("Lavrov met شاہ محمود قریشی.", None).coverage
    # a character neither serif nor sans has: the Arabic face is asked too, as before
    assert ARABIC in _base_fonts("A sign: \U0001f600", None).coverage


def test_a_copied_footnote_frame_shares_its_notes_in_new_lists():
    import copy

    from reportlab.platypus import Paragraph

    from memogen.render.pdf_footnotes import FootnoteFrame

    frame = FootnoteFrame(0, 0, 400, 600, id="body")
    frame._reset()
    note = Paragraph("1. A note.")
    frame.page_notes.append(note)
    frame.carried.append(note)
    twin = copy.deepcopy(frame)
    assert type(twin) is FootnoteFrame and twin is not frame
    assert (
        twin.page_notes == [note] and twin.page_notes[0] is note and twin.page_notes is not frame.page_notes
    )
    assert twin.carried[0] is note and twin.carried is not frame.carried
    assert twin._y1p == frame._y1p and twin.min_text == frame.min_text
    twin.page_notes.append(Paragraph("2. Only the copy's."))
    assert frame.page_notes == [note]


def test_a_section_no_source_speaks_to_says_so_in_every_format(tmp_path):
    """An empty "What does it mean?" under its heading reads as a broken memo; a short label says why."""
    import io

    import docx

    from memogen.render.docx import render_docx
    from memogen.render.markdown import render_html, render_markdown

    memo = sample_memo(points_per_section=1)
    memo.section("what_it_means").paragraphs = []
    memo = attach_test_notes(memo)
    note = "Not covered by the sources."
    pages = _pages(_render(memo, tmp_path))
    assert re.search(r"What does it mean\?\s+" + re.escape(note), "\n".join(pages))
    assert "*" + note + "*" in render_markdown(memo)
    assert note in render_html(memo)
    body = [p.text for p in docx.Document(io.BytesIO(render_docx(memo))).paragraphs]
    assert body[body.index(note) - 1] == memo.section("what_it_means").heading
    # a section with points carries no such note
    assert render_markdown(memo).count(note) == 1
