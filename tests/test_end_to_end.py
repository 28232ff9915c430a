"""Whole builds, with every output opened and checked as a user (or Word) would."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from memogen.model import SECTION_KEYS
from memogen.pipeline import BuildOptions, run_build

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def lavrov_build(tmp_path_factory):
    """One real build of the development topic, shared by the checks below."""
    import os

    os.environ["SOURCE_DATE_EPOCH"] = "1795392000"
    out = tmp_path_factory.mktemp("out")
    result = run_build(BuildOptions(topic="lavrov-2021", inputs_dir=ROOT / "inputs", out_dir=out, quiet=True))
    return result, out / "lavrov-2021"


def test_every_output_is_written(lavrov_build):
    _, folder = lavrov_build
    for ext in ("docx", "pdf", "md", "html", "json"):
        assert (folder / f"lavrov-2021.{ext}").stat().st_size > 500


def test_json_record_validates_and_traces_every_sentence(lavrov_build):
    import jsonschema

    result, folder = lavrov_build
    record = json.loads((folder / "lavrov-2021.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "src/memogen/schema/memo.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    assert [s["key"] for s in record["sections"]] == list(SECTION_KEYS)
    texts = {s.id: s.text for s in result.memo.sources}
    n_points = 0
    for section in record["sections"]:
        assert section["points"], f"section {section['key']} is empty"
        for point in section["points"]:
            n_points += 1
            assert point["citations"], point["text"]
            for c in point["citations"]:
                assert c["source_id"] in texts
                assert texts[c["source_id"]][c["start"] : c["end"]] == c["excerpt"]
    assert n_points >= 8
    assert {s["file"] for s in record["sources"]} == {
        p.name for p in (ROOT / "inputs/lavrov-2021").glob("*.txt")
    }
    for name, digest in record["outputs"].items():
        assert re.fullmatch(r"[0-9a-f]{64}", digest) and (folder / name).exists()


def _docx_parts(path: Path):
    from xml.etree import ElementTree as ET

    with zipfile.ZipFile(path) as zf:
        document = ET.fromstring(zf.read("word/document.xml"))
        footnotes = ET.fromstring(zf.read("word/footnotes.xml"))
    return document, footnotes


def test_docx_headings_in_order_and_every_body_paragraph_cites(lavrov_build):
    import docx

    result, folder = lavrov_build
    path = folder / "lavrov-2021.docx"
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    expected = [s.heading for s in result.memo.sections]
    assert headings[:3] == expected
    document, footnotes = _docx_parts(path)
    body = document.find(f"{W}body")
    in_section, uncited = False, []
    for para in body.iter(f"{W}p"):
        style = para.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else "Normal"
        text = "".join(t.text or "" for t in para.iter(f"{W}t")).strip()
        if style_id.lower().startswith("heading"):
            in_section = text in expected
            continue
        if in_section and text and para.find(f".//{W}footnoteReference") is None:
            uncited.append(text)
    assert not uncited, f"body paragraphs without a footnote: {uncited[:3]}"
    refs = [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")]
    notes = [n for n in footnotes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert len(refs) == len(notes) == len(set(refs)) > 0
    assert all("".join(t.text or "" for t in n.iter(f"{W}t")).strip() for n in notes)


def test_markdown_and_html_have_three_headings_in_order(lavrov_build):
    result, folder = lavrov_build
    md = (folder / "lavrov-2021.md").read_text(encoding="utf-8")
    positions = [md.index(f"## {s.heading}") for s in result.memo.sections]
    assert positions == sorted(positions)
    assert len(re.findall(r"^\[\^\d+\]: ", md, re.M)) == len([p for p in result.memo.points if p.note])
    html = (folder / "lavrov-2021.html").read_text(encoding="utf-8")
    assert html.count("<h2>") >= 3 and 'id="what_it_means"' in html


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_pdf_passes_pdfinfo_and_shows_headings(lavrov_build):
    result, folder = lavrov_build
    pdf = folder / "lavrov-2021.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages in (1, 2), "the default word budget should give a memo of at most two pages"
    assert result.memo.header.title.split(":")[0] in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    positions = [text.find(s.heading) for s in result.memo.sections]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_docx_converts_with_libreoffice(lavrov_build, tmp_path):
    _, folder = lavrov_build
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(folder / "lavrov-2021.docx"),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    converted = tmp_path / "lavrov-2021.pdf"
    assert subprocess.run(["pdfinfo", str(converted)], capture_output=True).returncode == 0


def test_rebuild_is_byte_identical_and_keeps_edits(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs/lavrov-2021", inputs / "lavrov-2021")
    options = BuildOptions(topic="lavrov-2021", inputs_dir=inputs, out_dir=tmp_path / "out", quiet=True)
    run_build(options)
    folder = tmp_path / "out/lavrov-2021"
    first = {p.name: p.read_bytes() for p in folder.glob("lavrov-2021.*")}
    second_result = run_build(options)
    assert {w.status for w in second_result.written} == {"unchanged"}
    assert {p.name: p.read_bytes() for p in folder.glob("lavrov-2021.*")} == first
    # The user edits the draft; a rebuild must not touch it.
    import docx

    draft = folder / "lavrov-2021.docx"
    doc = docx.Document(str(draft))
    doc.paragraphs[-1].add_run(" Edited by an analyst.")
    doc.save(str(draft))
    edited = draft.read_bytes()
    third = run_build(options)
    assert draft.read_bytes() == edited
    diverted = [w for w in third.written if w.name == "lavrov-2021.docx"][0]
    assert diverted.status == "kept-edited" and diverted.path.name == "lavrov-2021.2.docx"
    assert diverted.path.read_bytes() == first["lavrov-2021.docx"]


def test_folder_without_topic_yaml_builds(tmp_path):
    topic = tmp_path / "inputs" / "harbour-strike"
    topic.mkdir(parents=True)
    (topic / "wire.txt").write_text(
        "Dockers strike in Port Vela\n\nBy Ana Ruiz\n\nMarch 3, 2024\n\n"
        "Dock workers in Port Vela walked off the job on March 2, 2024, halting all container traffic. "
        "The union said 4,000 members joined the strike.\n\n"
        "The port has seen three strikes since 2015, each over wages. "
        "Wages at the port have been frozen since 2019.\n\n"
        "The stoppage could delay exports of coffee for weeks, analysts said. "
        "A long strike is likely to push up shipping costs across the region.\n",
        encoding="utf-8",
    )
    (topic / "daily.txt").write_text(
        "Port Vela strike enters second day\n\nMarch 4, 2024\n\n"
        "Some 4,000 dock workers went on strike in Port Vela on March 2, stopping container traffic. "
        "Talks between the union and the port authority broke down on March 3.\n\n"
        "The government could be forced to mediate if the strike lasts, observers said.\n",
        encoding="utf-8",
    )
    result = run_build(
        BuildOptions(
            topic="harbour-strike", inputs_dir=tmp_path / "inputs", out_dir=tmp_path / "out", quiet=True
        )
    )
    assert result.memo.header.title
    assert result.memo.header.event_date is not None and result.memo.header.event_date.year == 2024
    assert len(result.memo.points) >= 3
    record = json.loads((tmp_path / "out/harbour-strike/harbour-strike.json").read_text(encoding="utf-8"))
    assert any(len(p["citations"]) == 2 for s in record["sections"] for p in s["points"]), (
        "the 4,000 fact is shared"
    )
