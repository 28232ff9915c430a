"""Which files are sources and what a source is called: light enough for the cache's hit path.

Kept apart from `reader` so that a build served from the source cache never imports the readers
and their libraries (ftfy, the cleaning rules, the PDF and DOCX parsers).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def source_id_for(path: Path) -> str:
    """The file stem as a slug: 'Daily Times — Relations.txt' -> 'daily-times-relations'."""
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "source"
