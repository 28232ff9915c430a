"""Issue 13 on the development topic: the human brief's lead items reach the memo, within two pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from memogen.pipeline import BuildOptions, run_build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("lavrov")
    result = run_build(
        BuildOptions(
            topic="lavrov-2021", inputs_dir=ROOT / "inputs", out_dir=out, formats=["pdf", "json"], quiet=True
        )
    )
    return result.memo, out / "lavrov-2021"


def test_the_military_equipment_offer_the_joint_exercises_and_the_pipeline_are_stated(built):
    memo, _ = built
    text = " ".join(p.text for p in memo.points)
    assert re.search(r"military equipment", text)
    assert re.search(r"joint military exercises|exercises and drills", text)
    assert re.search(r"Pakistan.Stream|North-South", text) and "pipeline" in text.lower()


def test_what_happened_opens_with_the_visit(built):
    memo, _ = built
    first = memo.section("what_happened").points[0].text
    assert "Lavrov" in first and re.search(r"\b(?:6|7) April|April (?:6|7)\b", first)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_the_memo_fills_its_budget_within_two_pages(built):
    memo, folder = built
    info = subprocess.run(["pdfinfo", str(folder / "lavrov-2021.pdf")], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 2
    words = sum(len(" ".join(r.text for r in p.body_inlines()).split()) for p in memo.points)
    assert words >= 0.8 * 700  # footnotes are not charged as words any more
