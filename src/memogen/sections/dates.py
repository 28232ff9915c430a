"""Date and time expressions in English prose, found with regular expressions.

The section classifier needs to know *when* a sentence is about relative to the
event: a day-level date at the event means "what happened", a year well before
it means "background", a date after the source was written means "what it
means".  dateparser is too slow and too eager for this (it reads "may" and
"second" as dates), so a small set of anchored patterns does the work.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..wordlists import MONTHS

_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_DMY = re.compile(rf"\b(?P<day>[0-3]?\d){_ORD}\s*(?:of\s+)?{_MON}(?![a-z])(?:,?\s+{_YEAR}\b)?")
_MDY = re.compile(rf"\b{_MON}\s+(?P<day>[0-3]?\d){_ORD}\b(?!:)(?:,?\s+{_YEAR}\b)?")
# a span of days in one month ("10-11 September 2023", "September 10–11, 2023"): both days, one year
_DASH = r"\s*[-–]\s*"
_DMY_RANGE = re.compile(
    rf"\b(?P<first>[0-3]?\d){_ORD}{_DASH}(?P<day>[0-3]?\d){_ORD}\s*(?:of\s+)?{_MON}(?![a-z])(?:,?\s+{_YEAR}\b)?"
)
_MDY_RANGE = re.compile(
    rf"\b{_MON}\s+(?P<first>[0-3]?\d){_ORD}{_DASH}(?P<day>[0-3]?\d){_ORD}\b(?!:)(?:,?\s+{_YEAR}\b)?"
)
_MY = re.compile(rf"\b{_MON}\s*,?\s+{_YEAR}\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")
_YEAR_ONLY = re.compile(
    r"(?<![\d$£€.,-])\b(?P<year>1[6-9]\d\d|20\d\d)\b(?![.,]?\d)(?!\s*(?:per|%|million|billion))"
)
_DECADE = re.compile(r"\b(?:(?P<full>1[6-9]\d0|20\d0)|'?(?P<short>[1-9]0))s\b")

Kind = Literal["day", "month", "year", "decade"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: `year` may be None for a day or month without a year."""

    kind: Kind
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None

    def resolve(self, ref_year: int | None) -> dt.date | None:
        """The day this mention names, borrowing `ref_year` when the text gives none."""
        year = self.year or ref_year
        if self.kind != "day" or year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


_ANY_DIGIT = re.compile(r"\d")
# Where a match of the patterns above can begin: a run of digits (each pattern's leading `\b`
# before a digit holds only at a run's first digit), an apostrophe before a decade ("'90s"), a
# month's first three letters. Python's regular expressions skip ahead only to a pattern's first
# character or literal, which `\b` hides, so on a long text each pattern was tried at every
# character; tried at these places only, the matches are the same (`finditer` resumes at a match's
# end and takes the first place where the pattern matches; none matches an empty string).
_DIGIT_RUN = re.compile(r"\d+")
_DECADE_MARK = re.compile(r"'(?=[1-9]0s)")
_MONTH_START = re.compile(r"[JFMASOND](?=an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)")


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _matches(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)`, the pattern tried only at `starts` (ascending): ~5x quicker on a long
    text, and quicker on a sentence too."""
    end = 0
    for p in starts:
        if p >= end and (m := rx.match(text, p)):
            yield m
            end = m.end()


def _match_starts(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where a match can begin: digit runs (for _ISO, _DMY, _YEAR_ONLY), months (_MDY, _MY), and
    digit runs with decade apostrophes (_DECADE)."""
    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
    months = [m.start() for m in _MONTH_START.finditer(text)]
    return digits, months, sorted(digits + [m.start() for m in _DECADE_MARK.finditer(text)])


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, most specific first where they overlap, sorted by offset."""
    if not _ANY_DIGIT.search(text):  # every pattern below needs a digit: one scan instead of six
        return []
    return list(_dates_of(text))


def forget_dates() -> None:
    _dates_of.cache_clear()


@lru_cache(maxsize=1 << 15)
def _dates_of(text: str) -> tuple[DateMention, ...]:
    """`find_dates`, kept per text: event inference reads every sentence of a source twice (for the
    year of an undated source, then for its dated reports), a long report ~30,000 of them."""
    found: list[DateMention] = []
    taken = bytearray(len(text))  # characters already inside a mention: linear in the text's length
    digits, months, decades = _match_starts(text)

    def add(m: DateMention) -> None:
        if not any(taken[m.start : m.end]):
            found.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)

    for m in _matches(_ISO, text, digits):
        add(DateMention("day", m.start(), m.end(), int(m["year"]), int(m["m"]), int(m["day"])))
    for rx, starts in ((_DMY_RANGE, digits), (_MDY_RANGE, months)):
        for m in _matches(rx, text, starts):
            first, last = int(m["first"]), int(m["day"])
            if 1 <= first < last <= 31:  # "10-11": two days; "11-10" or "2023-24" is no span of days
                year = int(m["year"]) if m["year"] else None
                month = _month(m["mon"])
                add(DateMention("day", m.start(), m.end("first"), year, month, first))
                add(DateMention("day", m.end("first"), m.end(), year, month, last))
    for rx, starts in ((_DMY, digits), (_MDY, months)):
        for m in _matches(rx, text, starts):
            day = int(m["day"])
            if 1 <= day <= 31:
                year = int(m["year"]) if m["year"] else None
                add(DateMention("day", m.start(), m.end(), year, _month(m["mon"]), day))
    for m in _matches(_MY, text, months):
        add(DateMention("month", m.start(), m.end(), int(m["year"]), _month(m["mon"])))
    for m in _matches(_DECADE, text, decades):
        year = int(m["full"]) if m["full"] else 1900 + int(m["short"])
        add(DateMention("decade", m.start(), m.end(), year))
    for m in _matches(_YEAR_ONLY, text, digits):
        add(DateMention("year", m.start(), m.end(), int(m["year"])))
    return tuple(sorted(found, key=lambda d: d.start))


RECAP_WEEKS = 2  # a weekday may recall its occurrence this many weeks before the latest one


@dataclass(frozen=True)
class DaySpan:
    """The days from `first` to `last`, as a container (an event's days, for `resolve_among`)."""

    first: dt.date
    last: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last


WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_RELATIVE = re.compile(
    r"\b(?:(?P<which>last|this|next|past|coming)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<word>yesterday|today|tonight|this (?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RelativeDay:
    """A day named relative to the writing ("on Sunday", "yesterday", "next Monday")."""

    start: int
    end: int
    weekday: int | None  # 0 = Monday; None for today/yesterday
    back: int = 0  # for today (0) and yesterday (1)
    future: bool = False  # "next Monday", "this coming Friday"

    def resolve(self, written: dt.date) -> dt.date:
        """The day meant, for a text written on `written`: the latest such weekday up to that day."""
        if self.weekday is None:
            return written - dt.timedelta(days=self.back)
        gap = (written.weekday() - self.weekday) % 7
        if self.future:
            return written + dt.timedelta(days=(7 - gap) % 7 or 7)
        return written - dt.timedelta(days=gap)

    def resolve_among(self, written: dt.date, named: Container[dt.date]) -> dt.date:
        """The day meant, when the text around it dates days in full (`named`): a weekday whose
        latest occurrence no one dates, but whose occurrence a week or two earlier someone does, is
        that earlier one.  Why: a page written, or updated, a week after the event still recaps it
        as "on Sunday night" - the writer means the Sunday everyone dates, not the one just past."""
        latest = self.resolve(written)
        if self.weekday is None or self.future or latest in named:
            return latest
        for weeks in range(1, RECAP_WEEKS + 1):
            earlier = latest - dt.timedelta(weeks=weeks)
            if earlier in named:
                return earlier
        return latest


def _may_name_a_day(lowered: str) -> bool:
    """Whether lower-cased ASCII text holds a word `_RELATIVE` needs: every weekday and "today" and
    "yesterday" hold "day"; the rest are "tonight" and "this ...". A substring test is ~20 times
    faster than the case-blind pattern, which most sentences fail. (Outside ASCII, case-blind
    matching also pairs e.g. "ſ" with "s", so such text always goes to the pattern.)"""
    return "day" in lowered or "tonight" in lowered or "this " in lowered


def find_relative_days(text: str) -> list[RelativeDay]:
    """Weekdays and today/yesterday, in order. A weekday needs its capital ("Sunday", not "sunday")."""
    if text.isascii() and not _may_name_a_day(text.lower()):
        return []
    out: list[RelativeDay] = []
    for m in _RELATIVE.finditer(text):
        if m["weekday"]:
            if not m["weekday"][0].isupper():
                continue
            which = (m["which"] or "").lower()
            out.append(
                RelativeDay(
                    m.start(), m.end(), WEEKDAYS[m["weekday"].lower()], future=which in ("next", "coming")
                )
            )
        else:
            word = m["word"].lower()
            out.append(RelativeDay(m.start(), m.end(), None, back=1 if word == "yesterday" else 0))
    return out
