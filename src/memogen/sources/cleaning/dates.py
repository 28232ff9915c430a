"""Date lines: a page's "today" stamp, the article's own date, a dateline opening the story.

Position decides: a bare weekday date above the headline is when the page was *shown*;
a date under the headline, in a byline or an issue line is when the article was published.
"""

from __future__ import annotations

import re

from ...model import DroppedLine
from .. import metadata as md
from .lines import Found, Line, drop

# A wire or press-release dateline opening the first paragraph: "OSLO, May 3 (Reuters) - ".
_LEAD_DATELINE = re.compile(r"^(?P<head>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*,[^.]{0,50})\s[–—-]{1,2}\s")
_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
_AGENCY = re.compile(r"\((?P<agency>[A-Z][\w&.' ]{1,30})\)")


def read_date(text: str, found: Found, rank: int, origin: str = "") -> None:
    """Offer the first date the text writes (or dateparser reads) at the given rank."""
    dates = md.find_dates(text)
    found.offer_date(dates[0].date if dates else md.parse_loose_date(text), rank, origin)


def stamp_rank(text: str) -> int:
    """A date labelled 'Updated'/'Modified' in a byline is the page's last edit: it counts only
    when the page gives no other date (rank 1); an unlabelled byline date is the article's (2)."""
    return 1 if re.search(r"(?i)\b(?:updated|modified|edited)\b", text) else 2


def lead_dateline(it: Line, found: Found, dropped: list[DroppedLine]) -> None:
    """'HAVLAND, Norland – 4 May 2025 – ...' or 'OSLO, May 3 (Reuters) - ...' opening the first paragraph.

    The dateline says where and when the story was filed, and by which agency: it goes to
    the metadata (weakest date evidence, used only when the page gives nothing better) and
    leaves the text, so a memo never quotes it and its filing date is not read as the event's.
    """
    m = _LEAD_DATELINE.match(it.text)
    rest = it.text[m.end() :] if m else ""
    if not m or not rest[:1].isupper() and rest[:1] not in "“\"‘'":
        return
    head = m.group("head")
    agency = _AGENCY.search(head)
    if not (md.find_dates(head) or agency or _MONTH_DAY.search(head)):
        return  # 'NATO, the alliance said - ...': a sentence, not a dateline
    if md.find_dates(head):
        read_date(head, found, 1, it.where("dateline"))
    if agency:  # beats a section label above the headline
        found.offer_publisher(agency.group("agency").strip(), 2, it.where("agency in the dateline"))
    dropped.append(
        DroppedLine(
            line=it.text[: m.end()].strip(), reason="dateline of the story (→ metadata)", lineno=it.lineno
        )
    )
    it.text = rest


def date_line(it: Line, found: Found, above_title: bool) -> None:
    """A bare weekday date above the headline is the page's "today" stamp, not the article's.

    A bare date above the headline without a weekday may be either; it counts
    only when nothing better (a labelled or a below-headline date) exists.
    """
    if md.is_bare_date_line(it.text) and above_title:
        if md.is_display_stamp(it.text):
            drop(it, "page display date (not the article's date)")
            return
        read_date(it.text, found, 1, it.where("date above the headline"))
        drop(it, "dateline above the headline (weak → metadata.date)")
        return
    read_date(it.text, found, 2 if not above_title or md.date_leftover(it.text) else 1, it.where("date line"))
    drop(it, "dateline (→ metadata.date)")
