"""Date lines: a page's "today" stamp, the article's own date, a dateline opening the story.

Position decides: a bare weekday date above the headline is when the page was *shown*;
a date under the headline, in a byline or an issue line is when the article was published.
"""

from __future__ import annotations

import datetime as dt
import re

from ...model import DroppedLine
from ...wordlists import MONTH_ABBR
from .. import metadata as md
from .lines import DATE_LINE, DATE_UPDATED, DATE_WEAK, TERMINAL, Found, Line, drop

# A wire or press-release dateline opening the first paragraph: "OSLO, May 3 (Reuters) - ",
# "ISLAMABAD, Feb 12 : ", "BANGLADESH, July 21: ".
# (a month's abbreviation keeps its stop inside it: "SEOUL, Dec. 3 (UPI) — ...")
_MONTH_STOP = r"(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?<=Sept))\."
_LEAD_DATELINE = re.compile(
    rf"^(?P<head>[A-Z][A-Z.'’-]{{2,}}(?:\s+[A-Z][A-Z.'’-]+)*,(?:[^.:]|{_MONTH_STOP}){{0,50}})(?:\s[–—-]{{1,2}}\s|\s?:\s)"
    # ... or closed by its agency in brackets, the dash lost: "MARRAKECH, Morocco (AP) A rare ..."
    rf"|^(?P<head2>[A-Z][A-Z.'’-]{{2,}}(?:\s+[A-Z][A-Z.'’-]+)*,(?:[^.:()]|{_MONTH_STOP}){{0,40}}\((?-i:[A-Z][A-Za-z]{{1,11}})\))\s+(?=[A-Z“\"‘'])"
    # ... or by the site that filed it: "TAIPEI, KOMPAS.com – ..."
    r"|^(?P<head3>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*,\s*[\w-]+\.(?:com|net|org|co|news))\s[–—-]{1,2}\s"
    # ... or a place in title case, then its month and day and a colon: "Harbourton, May 20: ..."
    rf"|^(?P<head4>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s+{MONTH_ABBR}"
    r"[a-z]*\.?\s+\d{1,2})\s?:\s(?=[A-Z“\"‘'])"
    # ... or the month and day alone, then the agency: "July 12 (UPI) -- President ..."
    rf"|^(?P<head5>{MONTH_ABBR}[a-z]*\.?\s+\d{{1,2}}(?:,\s+(?:19|20)\d\d)?\s+\((?-i:[A-Z][A-Za-z]{{1,11}})\))"
    r"\s?(?:[–—-]{1,2})\s?(?=[A-Z“\"‘'])"
)
# A date opening the first paragraph, printed before its first word ("21-07-2024Bangladesh's court ...").
_LEAD_DATE = re.compile(r"^(?P<date>[0-3]?\d[-/.][0-3]?\d[-/.](?:19|20)\d\d)\s*[-–—:|,]?\s*(?=[A-Z“\"‘'])")
# A page's labelled date before its first words: " date 2024-07-21 The court ...", "Published: 3 May 2021 | ...".
_DATE_PREFIX = re.compile(
    r"^(?P<label>(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?)\s*:?\s+)"
    r"(?P<date>(?:19|20)\d\d-[01]\d(?P<day>-[0-3]\d)?)"
    r"\s*[|–—-]?\s+(?=\S)",
    re.I,
)
# A wire credit heading the story: "(MENAFN- Kuwait News Agency (KUNA)) ...", "(Reuters) ...".
_OPENING_CREDIT = re.compile(r"^\((?P<credit>[A-Z][^()]{0,60}(?:\([A-Z][\w&]{1,12}\))?)\)\s+(?=\S)")
_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
_MONTH_DAY_PARTS = re.compile(
    r"\b(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2})\b"
    r"|\b(?P<d2>\d{1,2})\s+(?P<m2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
_ON_WEEKDAY = re.compile(
    r"\b(?:on|this|last)\s+(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NUMBERS = md.MONTH_NUMBERS
_SITE_IN_HEAD = re.compile(r",\s*[\w-]+\.(?:com|net|org|co|news)$", re.I)
_AGENCY = re.compile(r"\((?P<agency>[A-Z][\w&.' ]{1,30})\)")


def read_date(text: str, found: Found, rank: float, origin: str = "") -> None:
    """Offer the first date the text writes (or dateparser reads) at the given rank."""
    dates = md.find_dates(text)
    found.offer_date(dates[0].date if dates else md.parse_loose_date(text), rank, origin)


def stamp_rank(text: str) -> float:
    """A date labelled 'Updated'/'Modified' in a byline is the page's last edit: it counts only
    when the page gives no other date; an unlabelled byline date is the article's."""
    return DATE_UPDATED if re.search(r"(?i)\b(?:updated|modified|edited)\b", text) else DATE_LINE


def date_prefix(it: Line, found: Found, dropped: list[DroppedLine]) -> None:
    """' date 2024-07-21 The court ...': the page's labelled date printed before its first words."""
    m = _DATE_PREFIX.match(it.text)
    if not m:
        return
    if m.group("day"):
        read_date(m.group("date"), found, DATE_LINE, it.where("labelled date before the text"))
    why = (
        "date line of the page (→ metadata.date)" if m.group("day") else "date line of the page (month only)"
    )
    dropped.append(DroppedLine(it.text[: m.end()].strip(), why, it.lineno))
    it.text = it.text[m.end() :]


_WEEKDAY_BEFORE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*$")
_TIME_AFTER = re.compile(
    r",?\s*(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[AP]M)?\s*(?:[A-Z]{2,5})?)?\s*$"
)
# "... intensifies April 16, 2023 at 03:10PM": a post's stamp "at" its time, spaced from the headline
_AT_TIME = re.compile(r"^,?\s*at\s+\d{1,2}:\d{2}")


def headline_stamp(it: Line, found: Found, dropped: list[DroppedLine]) -> None:
    """'Coup attempt in Niger as president held by guardsWed, 26 Jul 2023 21:11:45 GMT': a headline
    with the story's time stamp glued to its end. The stamp is the story's date; the rest is the headline."""
    dates = md.find_dates(it.text)
    if len(dates) != 1 or not _TIME_AFTER.fullmatch(it.text[dates[0].end :]):
        return
    weekday = _WEEKDAY_BEFORE.search(it.text, 0, dates[0].start)
    start = weekday.start() if weekday else dates[0].start
    before = it.text[:start]
    glued = before[-1:].isalpha()  # a stamp after a separator belongs to a byline row, read as one
    glued = glued or (before[-1:] == " " and bool(_AT_TIME.match(it.text[dates[0].end :])))
    head = before.rstrip(" |·•-–—,")
    if (
        not glued
        or len(head.split()) < 4
        or head.endswith((".", ":"))
        or not head[:1].isupper()
        and head[:1] not in "‘'\"“"
    ):
        return
    stamp = it.text[start:].strip()
    read_date(stamp, found, DATE_LINE, it.where("time stamp after the headline"))
    dropped.append(DroppedLine(stamp, "time stamp after the headline (→ metadata.date)", it.lineno))
    it.text = head


# 'Harbour bank cuts its rate -- First cut in years | 18 Sept 2024 | The harbour bank on Wednesday ...':
# the headline, the story's date and its first paragraph printed on one line, a bar between each
_HEAD_DATE_RUN = re.compile(r"^(?P<head>[^|]{15,200}?)\s+\|\s+(?P<date>[^|]{6,30}?)\s+\|\s+(?=[A-Z“\"])")
RUN_BODY_WORDS = 12  # what follows the second bar is a paragraph, not a byline row's last cell


def headline_date_run(it: Line, found: Found, dropped: list[DroppedLine]) -> None:
    """The headline and the date run into the first paragraph of a page: each goes to the metadata,
    and the paragraph stays the text."""
    m = _HEAD_DATE_RUN.match(it.text)
    rest = it.text[m.end() :] if m else ""
    if not m or len(rest.split()) < RUN_BODY_WORDS:
        return
    dates = md.find_dates(m.group("date"))
    if not dates or dates[0].end < len(m.group("date").strip()) - 1:
        return  # no date, or more than a date in the middle cell: a row of the page, not a headline's stamp
    read_date(m.group("date"), found, DATE_LINE, it.where("date after the headline"))
    found.title = found.title or m.group("head").strip()
    found.origins.setdefault("title", it.where("headline run into the first paragraph"))
    dropped.append(
        DroppedLine(it.text[: m.end()].strip(), "headline and date before the text (→ metadata)", it.lineno)
    )
    it.text = rest


def opening_credit(it: Line, found: Found, dropped: list[DroppedLine]) -> None:
    """'(MENAFN- Kuwait News Agency (KUNA)) ISLAMABAD, ...': who distributed the story, before its dateline."""
    m = _OPENING_CREDIT.match(it.text)
    if not m or any(w[:1].islower() for w in re.findall(r"[^\W\d_]+", m.group("credit"))):
        return
    found.offer_publisher(m.group("credit").strip(" -–"), 2, it.where("credit heading the story"))
    dropped.append(
        DroppedLine(it.text[: m.end()].strip(), "credit of the story (→ metadata.publisher)", it.lineno)
    )
    it.text = it.text[m.end() :]


# 'EAST PALESTINE, Ohio', 'PORT LOUIS, Mauritius': a place in capitals, then its state or country (one
# to three capitalised words): the wire's dateline without a date ('NATO, the alliance said' is a sentence)
_CAPITAL_PLACE = re.compile(
    r"^[A-Z][A-Z.'’-]{3,}(?:\s+[A-Z][A-Z.'’-]+)*,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*$"
)


def agency_dateline(text: str) -> bool:
    """'July 12 (UPI) -- ...': a paragraph opening on a day and the agency that filed it."""
    m = _LEAD_DATELINE.match(text)
    return m is not None and m.group("head5") is not None


def lead_dateline(it: Line, found: Found, dropped: list[DroppedLine]) -> None:
    """'HAVLAND, Norland – 4 May 2025 – ...' or 'OSLO, May 3 (Reuters) - ...' opening the first paragraph.

    The dateline says where and when the story was filed, and by which agency: it goes to
    the metadata (weakest date evidence, used only when the page gives nothing better) and
    leaves the text, so a memo never quotes it and its filing date is not read as the event's.
    """
    date = _LEAD_DATE.match(it.text)
    if date:
        read_date(date.group("date"), found, DATE_WEAK, it.where("date opening the story"))
        dropped.append(DroppedLine(date.group("date"), "dateline of the story (→ metadata)", it.lineno))
        it.text = it.text[date.end() :]
        return
    m = _LEAD_DATELINE.match(it.text)
    rest = it.text[m.end() :] if m else ""
    if not m or not rest[:1].isupper() and rest[:1] not in "“\"‘'":
        _bare_place(it, dropped)
        return
    head = m.group("head") or m.group("head2") or m.group("head3") or m.group("head4") or m.group("head5")
    agency = _AGENCY.search(head)
    # 'TAIPEI, KOMPAS.com – ...': the place, then the site that filed it (not taken for the publisher:
    # the page may be another's copy)
    site = _SITE_IN_HEAD.search(head)
    if not (md.find_dates(head) or agency or _MONTH_DAY.search(head) or site or _CAPITAL_PLACE.match(head)):
        return  # 'NATO, the alliance said - ...': a sentence, not a dateline
    if md.find_dates(head):
        read_date(head, found, DATE_WEAK, it.where("dateline"))
    elif agency or _MONTH_DAY.search(head):  # (a site alone gives no day)
        found.offer_date(
            year_from_weekday(head, rest), DATE_WEAK, it.where("dateline, year from its weekday")
        )
    if agency:  # beats a section label above the headline
        found.offer_publisher(agency.group("agency").strip(), 2, it.where("agency in the dateline"))
    dropped.append(
        DroppedLine(
            line=it.text[: m.end()].strip(), reason="dateline of the story (→ metadata)", lineno=it.lineno
        )
    )
    it.text = rest


# 'Islamabad: In an unexpected outcome ...', 'NEW DELHI — The ...': a place alone before the story's
# first sentence (one to three capitalised words, then a colon or a dash), perhaps with the outlet
# that filed it ('TAIPEI (Taiwan News) — ...'); a plain hyphen only after a place in capitals or the
# outlet's bracket ('BALTIMORE - The search ...'), as a heading may be 'Background - The war ...'.
_PLACE_HEAD = re.compile(
    r"^(?P<head>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})(?:\s\((?P<outlet>[A-Z][\w&.' ]{1,30})\))?"
    # 'HARBOURTON -- The ...', 'PORTVALE--The ...': a typewriter's double hyphen after a place in capitals
    # ... or an underscore standing for the dash after the outlet: 'HARBOURTON (Norland Union)_ The ...'
    r"(?:\s?:\s|\s[–—]{1,2}\s|(?<=[A-Z)])\s-\s|(?<=[A-Z)])\s?--\s?|(?<=\))_\s)(?=[A-Z“\"‘'])"
)
_PLACE_REST_WORDS = 10  # what follows is a whole sentence, not a title's second half


def _bare_place(it: Line, dropped: list[DroppedLine]) -> None:
    """A dateline without a date: the place where the story was filed goes, the sentence stays (with
    the outlet in its brackets: not taken for the publisher, as a wire's name there is not the site's).
    An inline heading ('Background: The war began ...') is not a place: it names a section."""
    m = _PLACE_HEAD.match(it.text)
    rest = it.text[m.end() :] if m else ""
    if not m or len(rest.split()) < _PLACE_REST_WORDS or not TERMINAL.search(rest):
        return
    from ...sections.headings import heading_meaning  # pure; only for a line shaped like this

    if heading_meaning(m.group("head")) is not None:
        return
    dropped.append(DroppedLine(m.group(0).strip(), "dateline of the story (place)", it.lineno))
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
        read_date(it.text, found, DATE_WEAK, it.where("date above the headline"))
        drop(it, "dateline above the headline (weak → metadata.date)")
        return
    rank = DATE_LINE if not above_title or md.date_leftover(it.text) else DATE_WEAK
    read_date(it.text, found, rank, it.where("date line"))
    drop(it, "dateline (→ metadata.date)")


def year_from_weekday(dateline: str, text: str, today: dt.date | None = None) -> dt.date | None:
    """'ISLAMABAD, Feb 12 :' + '... on Monday released ...': a wire dateline has no year, but the story's
    weekday pins it to one year in every five to eleven; the latest such year up to today is taken,
    and only when it lies within the last twelve years (a dateline names a recent day) and the
    paragraph names no other weekday (the event's day may precede the filing day)."""
    day = _MONTH_DAY_PARTS.search(dateline)
    weekday = _ON_WEEKDAY.search(text)
    named = {
        m.group(0).lower() for m in re.finditer(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", text)
    }
    if not day or not weekday or len(named) != 1:
        return None  # 'capsized on Friday ..., the coastguard said on Saturday': which day is the dateline's?
    month = _MONTH_NUMBERS[(day.group("m") or day.group("m2"))[:3].lower()]
    mday = int(day.group("d") or day.group("d2"))
    return latest_on_weekday(month, mday, _WEEKDAYS.index(weekday.group("w").lower()), today)


WEEKDAY_YEARS = 12  # a day named with its weekday is read in a year at most this long before today


def latest_on_weekday(month: int, mday: int, weekday: int, today: dt.date | None = None) -> dt.date | None:
    """The latest day up to today that is this month and day and falls on this weekday (0 Monday), in
    the last WEEKDAY_YEARS years: a day falls on a given weekday only every few years, and news is read
    after it is written ("Friday, January 26" without its year)."""
    today = today or dt.date.today()
    for year in range(today.year, today.year - WEEKDAY_YEARS, -1):
        try:
            date = dt.date(year, month, mday)
        except ValueError:
            continue
        if date <= today and date.weekday() == weekday:
            return date
    return None
