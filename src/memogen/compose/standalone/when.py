"""Relative times ("on Thursday", "yesterday", "last week", "later this year") resolved to dates.

Why: a memo sentence is read weeks later and away from its source; "on Thursday" then names
no day at all. Each phrase is resolved against the date its own source gives: the byline date,
else the latest date the source states before the sentence (a dateline "ISLAMABAD, Feb 12:",
the sentence before). The weekday the source used is kept beside the date ("on Tuesday 16 July
2024"), the source's own word and the reader's date together. A phrase with no date to resolve
against leaves the sentence out: a memo never states a time it cannot place.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ...sections.dates import find_dates
from ...wordlists import COUNT_WORDS, MONTHS
from .shape import open_quotation

WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday
_WEEKDAY = "|".join(WEEKDAYS)
_APOS = r"['’]s"
# a month by name or by its abbreviation ("Jan.", "Sept", "Apr"): news dates either way
_MONTH_NAME = (
    rf"(?:{'|'.join(calendar.month_name[1:])})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
# A weekday already followed by its date ("Sunday, 21 July", "Thursday (8 February)", "Thursday
# (Jan. 11)", "Saturday (15.Apr.2023)") is left alone. "Wednesday (13)" is not: its bracket gives only
# the day of the month, read with the anchor.
_DATE_AHEAD = (
    rf"(?:[ ,]+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|[ ,(]+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?[\s.]+)?(?:{_MONTH_NAME})"
    r"|\s*\(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\))"  # "Saturday (13/1/2024)"
)
# ... and so is one whose part of the day comes first ("Monday morning, March 13, 2023")
_DATED = rf"(?!{_DATE_AHEAD}|\s+(?:morning|afternoon|evening|night){_DATE_AHEAD})"
RELATIVE = re.compile(
    rf"(?P<weekday>\b(?:(?P<wedge>early|late|later|earlier)\s+(?=on\s))?"
    rf"(?:(?P<wprep>on|since|by|until|from|last|this|next|past|early|late)\s+)?"
    rf"(?P<wday>{_WEEKDAY})(?P<wposs>{_APOS})?\b{_DATED}(?:\s*\((?P<wnum>\d{{1,2}})\))?"
    rf"(?:\s+(?P<wpart>morning|afternoon|evening|night)\b)?"
    r"(?:\s+this\s+week\b)?)"  # "on Friday this week": the date of the Friday says it all
    rf"|(?P<day>\b(?:(?P<dprep>since|by|until|from)\s+)?(?P<dword>yesterday|today|tonight|tomorrow)"
    rf"(?P<dposs>{_APOS})?\b)"
    r"|(?P<part>\b(?P<pword>this|last|yesterday|tomorrow)\s+(?P<ptime>morning|afternoon|evening|night)\b)"
    r"|(?P<span>\b(?:(?P<sprep>in|since|during|over|for|until|by|of)\s+)?(?:(?P<edge>earlier|later)\s+)?"
    r"(?P<which>this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+same|that)\s+"
    rf"(?P<unit>week|weekend|month|year)\b(?P<sposs>{_APOS})?)"
    # "two weeks ago", "about a month ago", "a few days ago"
    r"|(?P<ago>\b(?:(?P<about>about|some|nearly|almost|around|roughly|just|only)\s+)?"
    r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple\s+of|several|\d{1,2})\s+"
    r"(?P<aunit>day|week|month|year|hour|minute)s?\s+ago\b)"
    # "last summer", "since this spring": a season counted from the anchor
    r"|(?P<season>\b(?:(?P<seprep>in|during|since|by|until|over)\s+)?(?P<sewhich>last|this|next)\s+"
    r"(?P<sename>spring|summer|autumn|fall|winter)\b)",
    re.IGNORECASE,
)
# the months each season of the northern year spans (winter runs into the next year: not placed)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|said|told|[a-z]{3,}ed)\b")
_FUTURE = re.compile(
    r"\b(?:will|shall|is due|are due|is set|are set|is expected|are expected|is scheduled|are scheduled|"
    r"plans? to|is to|are to|would)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Anchor:
    """The day a sentence's relative times count from, and the year its "same year" means."""

    day: dt.date | None
    year: int | None = None  # the year the sentence before speaks of ("In December of the same year")
    # the day is one the text states (a dateline, a date nearby), not the day the source was published
    stated: bool = False


def display(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@lru_cache(maxsize=64)
def _dates_of(text: str) -> tuple:
    """The date mentions of a whole source, found once: a long report has thousands of
    sentences, and reading its text up to each of them again made the rewrite quadratic."""
    return tuple(find_dates(text))


NEAR_EVENT_DAYS = 14  # a date this near the event's last day can be an undated source's "now"


def anchor_for(
    text: str,
    start: int,
    published: dt.date | None,
    ref_year: int | None,
    event_end: dt.date | None = None,
) -> Anchor:
    """The source's date for a sentence at `start` of its text: byline date, else the latest date
    of its dateline or of the paragraphs around it, near the event; when those dates are all far
    from the event, the event's last day (an undated report of it was written then or after: "as of
    December 31, 2022" dates a balance sheet, not the "Friday" of the bank's fall). A source that
    dates days only further back tells its times from elsewhere (a later report recalling the
    event), and one that dates none was written some day after the event ("yesterday" counted from
    the event's last day would be a day too early): no anchor.

    `ref_year` supplies the year of a date the text gives without one ("July 21:" in a dateline).
    The year of the sentence before ("In 2018, ...") is kept for "the same year".
    """
    before = [m for m in _dates_of(text) if m.end <= start]
    last_year = next((m.year for m in reversed(before) if m.year), None)
    if published is not None:
        return Anchor(published, last_year)
    before = [m for m in before if _speaks_for(text, m.start, start)]
    days = [d for d in (m.resolve(ref_year) for m in before) if d]
    if event_end is not None and days:
        days = [d for d in days if abs((d - event_end).days) <= NEAR_EVENT_DAYS]
        if not days:
            return Anchor(event_end, last_year)
    if days:
        return Anchor(days[-1], last_year, stated=True)
    return Anchor(None, last_year)


DATELINE_CHARS = 60  # a date this near the text's start, with no preposition before it, is its dateline
_TIME_PREPOSITION = re.compile(r"\b(?:on|in|since|by|until|from|after|before|of|at|during)\s*$", re.I)


def _speaks_for(text: str, at: int, start: int) -> bool:
    """A date an undated source gives can date a sentence's "on Thursday" when it is the source's
    dateline ("ISLAMABAD, 12 February:", "Sunday, April 16, 2023") or stands in the sentence's own
    paragraph or the one before it. A date told further back is another time the text recalls: a
    later report's "On 15 April 2023, clashes broke out" box does not make its "on Thursday" of
    that April."""
    if at < DATELINE_CHARS and not _TIME_PREPOSITION.search(text[max(0, at - 12) : at]):
        return True
    breaks = _PARAGRAPH_BREAK.finditer(text, at, start)
    return next(breaks, None) is None or next(breaks, None) is None  # at most one paragraph break


_PARAGRAPH_BREAK = re.compile(r"\n\s*")  # a blank line, or one line break on a page with a paragraph per line


def _weekday_date(name: str, anchor: dt.date, future: bool, stated: bool = False) -> dt.date:
    """The named weekday nearest the anchor: on or before it for past events, after it for plans.

    A day the text states is not the day it was written: "SEOUL, Dec. 3 (UPI) — ... voted early
    Wednesday" (a Tuesday's dateline, filed abroad) or "On 3 December ... On Wednesday, ..." tell the
    next day, not the Wednesday six days before; so the day after a stated anchor is taken when it
    is the weekday named."""
    target = WEEKDAYS.index(name.capitalize())
    if stated and not future and (anchor + dt.timedelta(days=1)).weekday() == target:
        return anchor + dt.timedelta(days=1)
    if future:
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)


def _day_of_month_near(number: int, weekday: str, anchor: dt.date) -> dt.date | None:
    """The day numbered `number` within a week of the anchor that falls on `weekday`, if any."""
    target = WEEKDAYS.index(weekday.capitalize())
    for shift in sorted(range(-7, 8), key=abs):
        day = anchor + dt.timedelta(days=shift)
        if day.day == number and day.weekday() == target:
            return day
    return None


def _shift_month(day: dt.date, months: int) -> dt.date:
    k = day.year * 12 + day.month - 1 + months
    return dt.date(k // 12, k % 12 + 1, 1)


def _cap(at_start: bool, replacement: str) -> str:
    """A capital only where the phrase opens the sentence (a weekday is capitalised anywhere)."""
    if at_start and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


# A clause ends at a comma, a semicolon, a colon, a dash or a bracket: "it would issue results by
# 10 a.m.—Friday—it failed" speaks of a past Friday, whatever the clause before it planned.
_CLAUSE_BREAK = re.compile(r"[,;:—–()\[\]]|\s-\s")
# "as of Saturday afternoon", "until Friday": a preposition the phrase's own "on" would double; so
# would the bound a preposition puts on it ("until at least Thursday", "by Friday at the latest")
_PREP_BEFORE = re.compile(
    r"\b(?:of|at|before|after|until|till|by|from|since|on|in|during|for)\s+"
    r"(?:(?:at\s+(?:the\s+)?(?:least|most|earliest|latest)|as\s+(?:early|late|soon)\s+as)\s+)?$",
    re.I,
)


# a bare weekday inside a bracket or after a comma ("(11pm, Friday, GMT)") is an aside, not a clause
# that an "on" would read into
_BARE_AFTER = re.compile(r"(?:\(|\([^()]*,)\s*$")


_ONLY_LINKS = re.compile(
    r"\b(?:on|since|by|until|from|in|of|during|over|for|and|but|early|late|last|this|next)\b", re.I
)


def _future_at(sentence: str, start: int) -> bool:
    """A plan ("will meet on Monday") when its own clause, up to the phrase, speaks of the future;
    a phrase that opens its clause ("On Friday, the minister will visit") reads with the clause
    after it."""
    own = _CLAUSE_BREAK.split(sentence[:start])[-1]
    if _ONLY_LINKS.sub("", own).strip():
        return bool(_FUTURE.search(own))
    # the clause the phrase opens: its first verb tells ("On Monday, the leaders of the U.S., U.K. and
    # Australia will gather" is a plan however many commas its subject holds)
    rest = sentence[start:]
    future, past = _FUTURE.search(rest), _PAST_VERB.search(rest)
    if future is None and past is None:  # an aside after a comma ("..., Calif., Monday morning to ...")
        before = sentence[:start]
        futures = [m.end() for m in _FUTURE.finditer(before)]
        pasts = [m.end() for m in _PAST_VERB.finditer(before)]
        return bool(futures) and (not pasts or futures[-1] > pasts[-1])
    return future is not None and (past is None or future.start() < past.start())


def _prep(word: str | None, default: str) -> str:
    return f"{word.lower()} " if word else default


def _weekday_phrase(m: re.Match, anchor: Anchor, future: bool) -> str | None:
    if anchor.day is None:
        return None
    prep = (m["wprep"] or "").lower()
    ahead = future or prep == "next"
    when = _weekday_date(m["wday"], anchor.day, ahead and prep != "last", anchor.stated and prep != "last")
    if m["wnum"]:  # "Wednesday (13)": the day of the month it gives, nearest the anchor
        when = _day_of_month_near(int(m["wnum"]), m["wday"], anchor.day)
        if when is None:
            return None
    named = f"{m['wday'].capitalize()} {display(when)}"
    lead = prep if prep in ("since", "by", "until", "from") else "on"
    if m["wpart"]:  # "on Sunday morning"; "a delay until Monday morning" keeps its "until"
        return f"{lead} the {m['wpart'].lower()} of {named}"
    if m["wposs"]:
        return f"the {named}"  # "Sunday's verdict" -> "the Sunday 21 July 2024 verdict"
    if prep in ("early", "late"):
        return f"{prep} on {named}"  # "said late Tuesday" -> "said late on Tuesday 3 December 2024"
    if m["wedge"]:
        return f"{m['wedge'].lower()} {lead} {named}"  # "late on Saturday" -> "late on Saturday 24 June 2023"
    return f"{lead} {named}"


def _day_phrase(m: re.Match, anchor: Anchor) -> str | None:
    if anchor.day is None:
        return None
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["dword"].lower()]
    when = display(anchor.day + dt.timedelta(days=shift))
    if m["dposs"]:
        return f"the {when}"
    if m["dword"].lower() == "tonight":
        return f"on the night of {when}"
    return f"{_prep(m['dprep'], 'on ')}{when}"


def _part_phrase(m: re.Match, anchor: Anchor) -> str | None:
    if anchor.day is None:
        return None
    word, part = m["pword"].lower(), m["ptime"].lower()
    shift = {"this": 0, "last": -1 if part == "night" else 0, "yesterday": -1, "tomorrow": 1}[word]
    return f"on the {part} of {display(anchor.day + dt.timedelta(days=shift))}"


def _span_phrase(m: re.Match, anchor: Anchor) -> str | None:
    """ "last week", "later this year", "of the same year": the period named from the anchor."""
    unit, which = m["unit"].lower(), " ".join(m["which"].lower().split())
    if m["sposs"] and unit != "year":
        return None  # "last week's vote": no date phrase reads well in its place
    if which in ("the same", "that"):
        if unit != "year" or anchor.year is None:
            return None
        value = str(anchor.year)
    elif anchor.day is None:
        return None
    else:
        day = anchor.day
        step = {"this": 0, "last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1}[which]
        if which.startswith("the ") or unit in ("week", "weekend"):
            rel = {-1: "before", 0: "of", 1: "after"}[step]
            value = f"the {unit} {rel} {display(day)}"
        elif unit == "year":
            value = str(day.year + step)
        else:
            value = f"{_shift_month(day, step):%B %Y}"
    prep = (m["sprep"] or "").lower()
    if m["sposs"]:  # "last year's summit" -> "the 2022 summit"
        return f"{prep} the {value}".strip()
    if m["edge"]:
        return f"{m['edge'].lower()} in {value}"
    if prep == "of" or (prep and prep not in ("in", "during")):
        return f"{prep} {value}"
    return f"in {value}"


def _ago_phrase(m: re.Match, anchor: Anchor) -> str | None:
    """ "two weeks ago" -> "around 1 May 2024"; "three years ago" -> "in 2021"; "a few days ago" ->
    "in the days before 15 May 2024": as exact as the source's words, never more."""
    if anchor.day is None:
        return None
    word, unit = " ".join(m["n"].lower().split()), m["aunit"].lower()
    if unit in (
        "hour",
        "minute",
    ):  # "six hours ago": from the hour the page was written, which it never gives
        return None
    n = int(word) if word.isdigit() else COUNT_WORDS.get(word)
    if n is None:  # "a few", "several": only the direction and the unit are known
        if unit == "year":
            return f"in the years before {anchor.day.year}"
        return f"in the {unit}s before {display(anchor.day)}"
    if unit == "year":
        return f"in {anchor.day.year - n}"
    if unit == "month":
        return f"in {_shift_month(anchor.day, -n):%B %Y}"
    day = anchor.day - dt.timedelta(days=n * (7 if unit == "week" else 1))
    exact = unit == "day" and not m["about"]
    return f"{'on' if exact else 'around'} {display(day)}"


def _season_phrase(m: re.Match, anchor: Anchor) -> str | None:
    """ "last summer" said in March 2023 -> "in the summer of 2022"; in October 2023 -> "of 2023"."""
    name = m["sename"].lower()
    if anchor.day is None or name not in _SEASONS:
        return None
    first, last = _SEASONS[name]
    year, month = anchor.day.year, anchor.day.month
    which = m["sewhich"].lower()
    if which == "last":
        year = year if last < month else year - 1
    elif which == "next":
        year = year if month < first else year + 1
    prep = (m["seprep"] or "in").lower()
    return f"{prep} the {name} of {year}"


def resolve_relative(sentence: str, anchor: Anchor) -> tuple[str, bool]:
    """The sentence with each relative time replaced by its date; False when one cannot be placed."""
    ok = True

    def swap(m: re.Match) -> str:
        nonlocal ok
        if m["weekday"] and (_dated_after_asides(sentence, m, anchor) or _in_a_name(sentence, m)):
            return m.group(0)
        if _generic_today(sentence, m):
            return m.group(0)
        if m["weekday"]:
            new = _weekday_phrase(m, anchor, _future_at(sentence, m.start()))
        elif m["day"]:
            new = _day_phrase(m, anchor)
        elif m["part"]:
            new = _part_phrase(m, anchor)
        elif m["ago"]:
            new = _ago_phrase(m, anchor)
        elif m["season"]:
            new = _season_phrase(m, anchor)
        else:
            new = _span_phrase(m, anchor)
        if new is None:
            ok = False
            return m.group(0)
        before = sentence[: m.start()]
        if _inside_quote(sentence, m.start()):
            return _glossed(sentence, m, new)
        if m["weekday"] and not m["wprep"] and not m["wedge"] and _DETERMINER_BEFORE.search(before):
            new = _attributive(m, new)
        if new.startswith("on ") and (_PREP_BEFORE.search(before) or _BARE_AFTER.search(before)):
            new = new[3:]  # "as of Saturday afternoon" -> "as of the afternoon of Saturday ..."
        return _cap(not before.strip(" \"“‘'([—–-"), new)

    out = RELATIVE.sub(swap, sentence)
    return out, ok


_FULL_DATE = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")
_GLOSS_AFTER = re.compile(r"\s*\[")


def _glossed(sentence: str, m: re.Match, resolved: str) -> str:
    """A time inside a quotation keeps the speaker's words, its date told after it in brackets, as an
    editor's note ('“UBS today [19 March 2023] announced ...”'): rewritten, the quotation put words in
    the speaker's mouth ('“on 30 July 2024 I feel proud ...”'). A time with no day to give, or one the
    page glosses itself ('today [Sunday]'), stays as said."""
    day = _FULL_DATE.findall(resolved)
    one_day = m["weekday"] or m["day"] or m["part"]  # ('last week' is a span: no one date to give)
    inside_brackets = sentence.count("[", 0, m.start()) > sentence.count("]", 0, m.start())
    if not one_day or not day or inside_brackets or _GLOSS_AFTER.match(sentence, m.end()):
        return m.group(0)
    return f"{m.group(0)} [{day[-1]}]"


# "..., Moscow time (11pm, Friday, GMT), 24 June": a short aside, then the date the weekday has ("and on
# Sunday, 25 June" is another day)
_ASIDE_WORD = r"(?!(?:and|or|but|on|then|until|to)\b)[A-Za-z]+"
_ASIDE_THEN_DATE = re.compile(
    rf"^(?:[ ,]+(?:{_ASIDE_WORD})(?:\s+(?:{_ASIDE_WORD})){{0,2}})?\s*,\s*(?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_NAME})"
    rf"|(?P<m2>{_MONTH_NAME})\s+(?P<d2>\d{{1,2}})\b)"
)
_BRACKETED = re.compile(r"\([^()]*\)")


def _dated_after_asides(sentence: str, m: re.Match, anchor: Anchor) -> bool:
    """ "At 2am on Saturday morning, Moscow time (11pm, Friday, GMT), 24 June, ...": the weekday and the
    other zone's day in its bracket are dated by the day and month told after the asides (24 June is
    that Saturday, the day after that Friday). Dating them again doubled the date."""
    if anchor.day is None:
        return False
    rest = sentence[m.end() : m.end() + 120]
    if sentence[: m.start()].count("(") > sentence[: m.start()].count(")"):
        close = rest.find(")")
        rest = rest[close + 1 :] if close >= 0 else rest  # an aside's weekday: read on after its bracket
    told = _ASIDE_THEN_DATE.match(_BRACKETED.sub("", rest))
    if told is None:
        return False
    month = _month_number(told["m"] or told["m2"])
    try:
        day = dt.date(anchor.day.year, month, int(told["d"] or told["d2"]))
    except ValueError:
        return False
    gap = (day.weekday() - WEEKDAYS.index(m["wday"].capitalize())) % 7
    return abs((day - anchor.day).days) <= NEAR_EVENT_DAYS and gap in (0, 1)


def _month_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return next(k for k in range(1, 13) if calendar.month_abbr[k].lower() == key)


# "according to a Tuesday evening news release": the weekday qualifies the noun after it, and a
# prepositional date ("a on the evening of Tuesday ... news release") would break the phrase
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+$", re.I)
_DAY_DATE = re.compile(r"(?P<wday>[A-Z][a-z]+day) (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})")


def _attributive(m: re.Match, resolved: str) -> str:
    """The weekday as an adjective with its date in brackets: "a Tuesday (26 March 2024) evening"."""
    day = _DAY_DATE.search(resolved)
    if day is None:
        return resolved
    part = f" {m['wpart'].lower()}" if m["wpart"] else ""
    return f"{day['wday']} ({day['date']}){part}"


_OF_BEFORE = re.compile(r"\bof\s+$", re.I)


def _generic_today(sentence: str, m: re.Match) -> bool:
    """'the needs of today', 'the world of today': 'today' as a noun after 'of' means these times, no
    day; dated, it became 'the needs of 12 July 2023'."""
    return (
        bool(m["day"])
        and m["dword"].lower() == "today"
        and _OF_BEFORE.search(sentence, 0, m.start()) is not None
    )


_NAME_AFTER = re.compile(r"\s+(?P<word>[A-Z][a-z]+)\b")
# 'Friday prayers', 'Sunday school': a weekday that names a weekly rite with its noun, not a day
_RITE_AFTER = re.compile(r"\s+(?:prayers?|sermons?|services?|school|mass)\b", re.I)
# the months by name and by abbreviation ('Friday Sept. 8', 'Monday Aug. 7'): a date after the weekday
_MONTH_WORDS = frozenset(MONTHS)


def _in_a_name(sentence: str, m: re.Match) -> bool:
    """'the Friday Mosque', 'the Sunday Courier', 'the Friday prayers': a weekday written bare with
    a capitalised word (no month) or a weekly rite's noun right after it is part of a name, not a day,
    and stays as it is."""
    if m["wprep"] or m["wedge"] or m["wpart"] or m["wposs"] or m["wnum"]:
        return False
    if _RITE_AFTER.match(sentence, m.end()):
        return True
    after = _NAME_AFTER.match(sentence, m.end())
    return after is not None and after["word"].lower() not in _MONTH_WORDS


def has_relative_time(sentence: str) -> bool:
    return RELATIVE.search(sentence) is not None


# what a fronted time leaves when it goes (marked \0): its comma, at a sentence's start or after the
# conjunction that opens it ("But on Sunday, he" -> "But he", not "But, he")
_CUT = "\0"
_LEFT_COMMA = re.compile(
    rf"(^|[.!?][\"”’)]?\s+)((?:(?:And|But|Yet|So|Then|Still|Now)\s+)?)\s*{_CUT}\s*,\s*", re.I
)


def strip_relative(sentence: str) -> str | None:
    """The sentence without the relative times no date can place ("agreed Thursday to" -> "agreed to").

    Why: when its source gives no date, a sentence still says what happened; only the
    time it cannot place goes ("Sunday's verdict" -> "the verdict"), with the word that led
    to it ("no later than Monday" goes whole). None when too little would be left to stand
    as a sentence, or when the time is inside a quotation: a quote is never cut.
    """
    quoted = False

    def cut(m: re.Match) -> str:
        nonlocal quoted
        if (m["weekday"] and _in_a_name(sentence, m)) or _generic_today(sentence, m):
            return m.group(0)
        quoted = quoted or _inside_quote(sentence, m.start())
        if m["wposs"] or m["dposs"]:  # "from Sunday's election" -> "from the election"
            prep = m["wprep"] if m["wposs"] else None
            return f"{prep} the" if prep else "the"
        if m["sposs"]:  # "the size of last year's summit" -> "the size of the summit"
            return f"{(m['sprep'] or '').lower()} the".strip()
        return _CUT

    out = RELATIVE.sub(cut, sentence)
    if quoted:
        return None
    out = _LEADS_TO_CUT.sub(_CUT, out)
    out = _OF_CUT.sub(_CUT, out)
    out = _LEFT_COMMA.sub(r"\1\2", out)
    out = _CLAUSE_COMMA.sub(r"\1", out).replace(_CUT, "")
    out = re.sub(r"\s{2,}", " ", out)
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r"(?<=[A-Za-z])\.\.(?!\.)", ".", out)  # 'at 4:35 p.m. Monday.' -> 'at 4:35 p.m.'
    out = re.sub(r"^[\s,;:–—-]+", "", out)
    out = re.sub(r"([,;:])\s*([,.;:])", r"\2", out).strip()
    out = " ".join(s for s in re.split(r"(?<=[.!?])\s+", out) if not _LEFT_HANGING.search(s))
    if len(out.split()) < 6:
        return None
    return out[0].upper() + out[1:]


# ... and after the word that opens a clause inside the sentence ("so much that on Thursday, its stock"
# -> "so much that its stock", not "that, its stock")
_CLAUSE_COMMA = re.compile(
    rf"\b((?:that|because|when|while|after|before|since|although|though|if|where|as)\s+){_CUT}\s*,\s*", re.I
)


# a word that only led to the time that goes: "no later than Monday", "starting Monday", "until Friday"
_LEADS_TO_CUT = re.compile(
    rf"\b(?:(?:no\s+)?(?:later|earlier|sooner|more|less)\s+than|until|till|starting|beginning|through|as\s+of)\s*{_CUT}",
    re.I,
)


# "in the early hours of Wednesday morning" -> "in the early hours": the "of" that led to the time goes
# with it, and the part of the day stays
_OF_CUT = re.compile(rf"\s+of\s*{_CUT}")


def _inside_quote(text: str, at: int) -> bool:
    return open_quotation(text[:at])


# a sentence whose time was its predicate ("The latter was just a month ago." -> "The latter was.";
# "a dispute that began nearly a year ago." -> "a dispute that began."): without the time it says
# nothing, and it goes
_LEFT_HANGING = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|came|comes|happened|occurred|took place)"
    r"|\b(?:that|which)\s+(?:began|started|ended))\s*(?:just|only|barely)?\s*[.!?]$",
    re.I,
)
