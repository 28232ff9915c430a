"""The DOCX draft runs as many pages as the PDF when LibreOffice lays it out (issue 14)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from memogen.pipeline import BuildOptions, run_build

ROOT = Path(__file__).resolve().parents[1]


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice or poppler missing",
)
def test_lavrov_draft_has_as_many_pages_in_libreoffice_as_the_pdf(tmp_path):
    run_build(
        BuildOptions(
            topic="lavrov-2021",
            inputs_dir=ROOT / "inputs",
            out_dir=tmp_path,
            formats=["docx", "pdf"],
            quiet=True,
        )
    )
    folder = tmp_path / "lavrov-2021"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(folder / "lavrov-2021.docx"),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    converted = tmp_path / "lo" / "lavrov-2021.pdf"
    assert _pages(converted) == _pages(folder / "lavrov-2021.pdf") == 2
    fonts = _fonts(converted)  # the embedded Noto faces, not whatever the machine has
    assert "NotoSerif-Regular" in fonts and "NotoSans-Bold" in fonts
