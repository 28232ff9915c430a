"""A page saved as PDF or Word reads as the same source as its text dump.

LibreOffice turns real corpus pages (text dumps, read from ../shared/corpus beside the
project) into a PDF and a DOCX, as a user's "save as" would; each must give the same
title, authors, date and body as the text itself.  The PDF has no styles to help: its
paragraphs come back only from where printed lines end, its structure only from the text.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from memogen.sources import read_source

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGES = [  # tune-half pages: a digest story with an issue line and a news page with a byline
    "sectioned/gp-twtw252-us-ukraine-aid-divide-2024.txt",
    "sectioned/ipri-cw218-france-abortion-rights-constitution-2024.txt",
    "events/bangladesh-quota-verdict-2024/03_myrepublica.txt",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus beside the project"),
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed"),
]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """page -> {'txt': copy, 'pdf': ..., 'docx': ...}, each conversion with its own profile."""
    out: dict[str, dict[str, Path]] = {}
    root = tmp_path_factory.mktemp("roundtrip")
    for k, page in enumerate(PAGES):
        folder = root / str(k)
        folder.mkdir()
        txt = folder / "page.txt"
        shutil.copy(CORPUS / page, txt)
        out[page] = {"txt": txt}
        for fmt in ("pdf", "docx"):
            profile = root / f"profile-{k}-{fmt}"
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to",
                    fmt,
                    "--outdir",
                    str(folder),
                    str(txt),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            out[page][fmt] = folder / f"page.{fmt}"
    return out


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_pdf_and_docx_read_like_the_text_dump(converted: dict, page: str, fmt: str) -> None:
    text = read_source(converted[page]["txt"], "page")
    other = read_source(converted[page][fmt], "page")
    assert other.kind == fmt
    assert text.metadata.title and other.metadata.title == text.metadata.title
    assert text.metadata.authors and other.metadata.authors == text.metadata.authors
    assert text.metadata.date and other.metadata.date == text.metadata.date
    assert other.text == text.text
    assert [h for _, h in other.headings] == [h for _, h in text.headings]
