"""Small helpers every writer shares, so DOCX, PDF, Markdown and HTML say the same thing."""

from __future__ import annotations

from ..model import Memo
from .templating import labels


def header_rows(memo: Memo) -> list[tuple[str, str]]:
    """The memo header (To / From / Date / Subject / Classification) as (label, value) rows."""
    h = memo.header
    names = labels(memo)
    rows = [
        (names["to"], h.to),
        (names["from"], h.from_),
        (names["date"], h.date),
        (names["subject"], h.subject),
        (names["classification"], h.classification),
    ]
    return [(label, value) for label, value in rows if value]
