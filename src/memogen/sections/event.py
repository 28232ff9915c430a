"""What the memo is about: the event, inferred from what the sources report as news.

Why not the most-mentioned date: sources about a new event recall old ones ("the 2020 ceasefire", "the
quotas scrapped in 2018"), often more often than they date the news itself.  A source reports as news
the actions it dates close to when it was written; what it dates long before, or tells in the past
perfect, it recalls.  So each source first finds its own horizon — its publication date, a dateline
("ISLAMABAD, Feb 12 :"), else the latest action it dates — and gives its dated actions a weight:

- full weight for an action (a verb in the simple or present perfect past, an event noun) dated within
  a fortnight before its horizon, less for older ones, little for recalled or planned ones ("had
  signed", "will meet on");
- "on Sunday", "Thursday's vote", "yesterday" are dated from the source's own date;
- a day that dates only a count, a statement or an aside ("the toll rose to 5,300 on Tuesday", "officials
  said on Tuesday", "Storm Kora, which formed on 4 September, ...") counts little: for days after a
  disaster the reports lead with its latest toll, and the storm that caused it formed days before;
  those days would otherwise outvote, or stretch, the days it struck.

Each source votes once per day (its best weight), so one long source cannot outvote the rest; the day
with most votes is the event, and neighbouring days with at least half its votes from more than one
source, or a range a source states ("from 30 November to 13 December"), extend it.  An earlier day the
news follows (the flood before the days of aid) must be reported, not only recalled, by nearly as many
sources, and recapped after the news rather than told before it: a storm's passage elsewhere days before is
recalled by many pages, in asides and spans, and a story told in order gives it first.  Its actors and place are the names most
sources give in the sentences that dated it.  A single page infers its own event the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Source
from ..wordlists import NUMBER_WORDS
from .dates import MONTHS, DateMention, find_dates, find_relative_days
from .sentences import sentence_spans

NEWS_DAYS = 14  # an action dated this close before the horizon is news
RECENT_DAYS = 45  # ... this close, recent; older, recalled
NEAR_WRITTEN_DAYS = 3  # a day without its year up to this long after the writing date is still this year's
LEAD_SENTENCES = 4  # the opening sentences of a report carry its news
RANGE_SHARE = 0.4  # a neighbouring day with this share of the winner's votes extends the event
MAX_ACTORS = 4

_ACTION = re.compile(
    r"\b(?:\w+ed|met|won|lost|held|made|took|gave|began|became|came|went|said|told|struck|fell|rose|"
    r"sent|set|cut|led|left|hit|ran|saw|shot|signed|swept|spoke|stood|chose|drew|broke|brought|fought|burst|shook|sank|"
    r"(?:has|have) been|verdict|ruling|election|elections|polls|vote|summit|visit|talks|attack|"
    r"agreement|deal|decree|decision|ceremony|meeting|conference|ceasefire|floods?|earthquake|storm)\b",
    re.IGNORECASE,
)
# "had signed", "had earlier hit", "had first struck": told before the news, whatever day it names
_RECALLED = re.compile(
    r"\bhad\s+(?:\w+ly\s+|not\s+|already\s+|earlier\s+|first\s+|also\s+|just\s+|been\s+)?"
    r"(?:\w+(?:ed|en|t)|struck|hit|made|swept|brought|caused|held|won|lost|met|fled|sank|shook)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|would|is|are) (?:to |due to |expected to |scheduled to |set to |likely to )?"
    r"(?:be )?(?:held|meet|hold|take place|visit|vote|begin|start|open|sign)\b"
    r"|\b(?:scheduled|planned|due|set) (?:for|to)\b|\b(?:takes?|taking) effect\b|\b(?:comes?|enters?) into force\b"
    r"|\beffective (?:from|on)\b",
    re.IGNORECASE,
)
# a page's or a count's date, not an action: "published on April 6", "as per reports on 22 July", "as of Saturday"
_PAGE_DATE = re.compile(
    r"\b(?:published|posted|updated|accessed|retrieved|last modified|reports? (?:on|dated)|as of)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\W{0,3}(?:[A-Z][A-Za-z.'’ -]{1,30}?,\s+)?(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})"
    r"(?:,? (?:19|20)\d\d)?)\s*(?:\([^)]{1,40}\))?\s*(?::|--|—|–|-)\s"
)
_STAMP = re.compile(r"^\W{0,3}(?:[A-Za-z]+:?\s+)?(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")
_DIGIT = re.compile(r"\d")  # every date form holds a digit: sentences without one are skipped
_OPENING = 600  # characters at the top of a body where the writing date may sit ...
_OPENING_LINES = 8  # ... within so many lines
_DATE_LINE_REST = re.compile(
    r"\b(?:published|updated|posted|date|last updated|first published|on|at|by)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b(?:[ap]\.?m\.?|gmt|utc|ist|pkt|[a-z]{2,4}t)\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"^(?:(?P<y1>(?:19|20)\d\d)[/.](?P<m1>[01]?\d)[/.](?P<d1>[0-3]?\d)|(?P<a>[0-3]?\d)[-/.](?P<b>[0-3]?\d)[-/.](?P<y2>(?:19|20)\d\d))"
)
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z0-9](?:[ \t]+[A-Z][\w'’.-]*[A-Za-z0-9])*")
_NOT_NAMES = frozenset(
    """the a an on in at after before while since this that these those he she it they we his her its their
    our as but and or if when where what who why how according meanwhile however also mr mrs ms dr for with
    by from to during despite amid following under over nearly some all many most more other new first last
    monday tuesday wednesday thursday friday saturday sunday today yesterday""".split()  # noqa: SIM905
) | frozenset(MONTHS)


@dataclass(frozen=True)
class Report:
    """One dated action a source reports, with how strongly it reads as that source's news."""

    day: dt.date
    weight: float
    sentence: str
    news: bool
    index: int = 0  # where the sentence stands in its source (0: the lead)


@dataclass(frozen=True)
class Event:
    """What the memo is about: its days, who and where, and why memogen thinks so."""

    start: dt.date
    end: dt.date | None = None
    actors: tuple[str, ...] = ()
    place: str | None = None
    why: tuple[str, ...] = ()
    origin: str = (
        "inferred"  # "inferred", "topic.yaml", or "assumed year" (a page that names no year of its own)
    )

    def describe(self) -> str:
        """One line: '8 February 2024 — Pakistan, Election Commission (in Islamabad)'."""
        days = (
            _day(self.start) if self.end in (None, self.start) else f"{_day(self.start)} – {_day(self.end)}"
        )
        who = ", ".join(self.actors)
        where = f" (in {self.place})" if self.place else ""
        return f"{days}{' — ' + who if who else ''}{where}"


def _day(d: dt.date | None) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else "?"


@dataclass
class _Tally:
    votes: Counter[dt.date] = field(default_factory=Counter)
    voters: dict[dt.date, list[tuple[str, Report]]] = field(default_factory=lambda: defaultdict(list))
    ranges: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    leads: dict[str, str] = field(default_factory=dict)  # each source's opening sentences
    known: KnownDays = field(default_factory=dict)  # the days some source gives with their year
    undated: set[str] = field(default_factory=set)  # the sources that show no date of writing


# --------------------------------------------------------------------------- one source


def written_on(source: Source, year_hint: int | None = None) -> dt.date | None:
    """When the source was written: its metadata date, else a date stamp, date line or dateline at its top.

    A dateline without a year ("KORVAN, Sept 20 (Wire) -") takes `year_hint` (the topic's year), else
    the year the text mentions most."""
    return source.metadata.date or _opening_date(source.text, year_hint)[0]


def _opening_date(text: str, year_hint: int | None = None, guess: bool = True) -> tuple[dt.date | None, int]:
    """The writing date shown at the top of a body, and where it ends (the reports start after it: a
    page's date is not an action).  Forms: a stamp ("2024-02-09 ..."), a line that is only a date
    ("02 July 2023", "Published: July 21, 2024 06:40 PM", "21-07-2024"), a dateline ("ISLAMABAD, Feb 12 :")."""
    lead = len(text) - len(text.lstrip())
    top = text[lead : lead + _OPENING]
    m = _STAMP.match(top)
    if m:
        day = _iso(m["iso"])
        return (day, lead + m.end()) if day else (None, 0)
    offset = lead
    for line in top.splitlines(keepends=True)[:_OPENING_LINES]:
        day = _date_line(line.strip()) or _numeric_date(line.strip())
        if day is None:
            m = _DATELINE.match(line.strip())
            found = [d for d in find_dates(m["date"]) if d.kind == "day"] if m else []
            year = found[0].year or year_hint or (_main_year(text) if guess else None) if found else None
            day = found[0].resolve(year) if found else None
        if day:
            return day, offset + len(line.rstrip("\n")) if _date_line(
                line.strip()
            ) else offset + _dateline_end(line)
        offset += len(line)
    return None, 0


def _dateline_end(line: str) -> int:
    m = _DATELINE.match(line.strip())
    return len(line) - len(line.lstrip()) + (m.end() if m else len(line.rstrip("\n")))


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _date_line(line: str) -> dt.date | None:
    """A line that holds a full date and nothing else but a label, a weekday and a time."""
    found = [d for d in find_dates(line) if d.kind == "day" and d.year]
    if len(found) != 1:
        return None
    rest = line[: found[0].start] + " " + line[found[0].end :]
    if _DATE_LINE_REST.sub("", rest).strip(" ,|•·:-–—()"):
        return None
    return found[0].resolve(None)


def _numeric_date(line: str) -> dt.date | None:
    """'21-07-2024', '21/07/2024', '2024/07/21' at the start of a line, when day and month are unambiguous."""
    m = _NUMERIC_DATE.match(line)
    if m is None:
        return None
    if m["y1"]:
        y, a, b = int(m["y1"]), int(m["m1"]), int(m["d1"])
        return _safe_date(y, a, b)
    a, b, y = int(m["a"]), int(m["b"]), int(m["y2"])
    if a > 12 >= b:
        return _safe_date(y, b, a)
    if b > 12 >= a:
        return _safe_date(y, a, b)
    return _safe_date(y, b, a) if a == b else None


def _safe_date(y: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:the\s+)?(?:(?:early|late|mid|end of|start of)\s+)?(?:19|20)\d\d\b", re.I
)


# "the toll is likely to rise through 2024", "talks will resume in 2024": a year ahead of the writer
_FORECAST = re.compile(
    r"\b(?:is|are) (?:expected|likely|unlikely|set|poised|due|bound|scheduled|slated|going) to\b|\bwill\b",
    re.IGNORECASE,
)


def _main_year(text: str) -> int | None:
    """The year an undated text was most likely written in: the latest year it tells of in the past,
    but before the first full date it plans ("takes effect on 1 January 2024": written before 2024),
    or the year before the first one it forecasts after it ("is expected to last into 2024": written
    before 2024, after the 2021 it recalls); a deadline ("by 2030") says nothing of when.
    A year a count starts from ("the fourth election since 2001") only says the text is later: alone,
    it names no year of writing."""
    past: list[int] = []
    planned: list[dt.date] = []
    forecast: list[int] = []
    since: list[int] = []
    for _, sentence in _sentences(text):
        if not _DIGIT.search(sentence):
            continue  # every year, date and "since 2001" holds a digit
        if "since" in sentence.lower():
            since += [int(m.group(0)[-4:]) for m in _SINCE_YEAR.finditer(sentence)]
            sentence = _SINCE_YEAR.sub(" ", sentence)
        mentions = [d for d in find_dates(sentence) if d.year]
        if not mentions:
            continue  # (nothing to add to either list: the plan pattern is not asked)
        dated = [d for d in mentions if d.kind in ("day", "month", "year")]
        if _PLANNED.search(sentence):
            planned += [day for d in mentions if (day := d.resolve(None))]
        elif _FORECAST.search(sentence):
            forecast += [d.year for d in dated if not _target(sentence, d)]
        else:  # "renewed efforts to achieve the goals by 2030": a deadline, in a report as in a plan
            past += [d.year for d in dated if not _target(sentence, d)]
    if planned:
        first = min(planned).year
        return first if any(y >= first for y in past) else first - 1
    if not past:
        return None
    latest = max(past + since)
    ahead = [y for y in forecast if y > latest]
    return min(ahead) - 1 if ahead else latest


_BY = re.compile(r"\bby\s+(?:the\s+(?:end|middle|start|turn)\s+of\s+)?$", re.IGNORECASE)


def _target(sentence: str, mention: DateMention) -> bool:
    """ "will triple capacity by 2030": a deadline set far ahead, no clue to when the text was written."""
    return _BY.search(sentence[max(0, mention.start - 24) : mention.start]) is not None


def forget_sentences() -> None:
    _sentences.cache_clear()


@lru_cache(maxsize=2)
def _sentences(text: str) -> tuple[tuple[int, str], ...]:
    """(index, sentence) of every sentence, paragraph by paragraph (linear in the text).
    Kept for the last texts: the year of an undated source and its reports read the same text
    (~0.15 s a pass on a 4 MB report)."""
    out: list[tuple[int, str]] = []
    for para in re.split(r"\n\s*\n", text):
        out += [(len(out) + k, para[a:b]) for k, (a, b) in enumerate(sentence_spans(para))]
    return tuple(out)


def _mention_weight(sentence: str, index: int, day: dt.date, horizon: dt.date | None) -> tuple[float, bool]:
    """How strongly one dated mention reads as news, and whether it is within the news window."""
    weight = 1.0 if _ACTION.search(sentence) else 0.4
    if _RECALLED.search(sentence):
        weight *= 0.3
    if _PLANNED.search(sentence):
        weight *= 0.2
    if index < LEAD_SENTENCES:
        weight *= 1.25
    news = True
    if horizon is not None:
        age = (horizon - day).days
        if age < -1:
            weight *= 0.1
            news = False
        elif age > RECENT_DAYS:
            weight *= 0.15
            news = False
        elif age > NEWS_DAYS:
            weight *= 0.5
            news = False
    return weight, news


KnownDays = dict[tuple[int, int], int]  # (month, day), or (month, 0) -> the year the sources give it in full


def _dated(
    sentence: str,
    year: int | None,
    written: dt.date | None,
    known: KnownDays | None = None,
    named: Container[dt.date] = (),
    latest: dt.date | None = None,
) -> list[tuple[dt.date, int, int]]:
    """The days a sentence names, each with where its words stand in the sentence; a weekday
    ("on Sunday night") is read as a day the sources date in full, if one of its last few fits.
    `latest`: for an undated page, the latest day any page of the topic was written (a day without a
    year is read no later than that, as if the page had been written then)."""
    mentions = [d for d in find_dates(sentence) if d.kind == "day"] if _DIGIT.search(sentence) else []
    planned = bool(mentions) and _PLANNED.search(sentence) is not None
    by = written or latest
    days = [
        (d.resolve(_year_of(d, year, known, _weekday_beside(sentence, d), by, planned)), d.start, d.end)
        for d in mentions
    ]
    if written is not None:
        # a weekday written beside a date qualifies it ("Sunday, 10 September"): it is no day of its own
        beside = [(d.start - 16, d.end + 16) for d in mentions if _weekday_beside(sentence, d) is not None]
        days += [
            (r.resolve_among(written, named), r.start, r.end)
            for r in find_relative_days(sentence)
            if not any(a <= r.start < b for a, b in beside)
        ]
    return [(d, a, b) for d, a, b in days if d is not None]


# "the toll rose to 5,300 on Tuesday", "officials said on Tuesday", "On Wednesday the ministry said ...":
# the day dates a count or a statement about the event, not the event
_STATED_BEFORE = re.compile(
    r"\b(?:said|says|told(?: [\w'’-]+){0,2}|announced|reported|confirmed|stated|added|declared)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_STATED_AFTER = re.compile(
    r"^[,\s]+(?:[\w'’-]+\s+){0,5}?(?:said|told|announced|reported|confirmed|stated)\b", re.IGNORECASE
)
_COUNTED_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|reached|increased|stood|stands)\s+(?:to\s+|at\s+)?"
    r"(?:more than\s+|over\s+|at least\s+|nearly\s+|almost\s+|about\s+|around\s+)?\d[\d,.]*"
    r"(?:\s+[\w'’-]+){0,3}?,?\s+(?:on|by)\s+$",
    re.IGNORECASE,
)
# ", which formed on 4 September", "(12 September)", " – first proposed in 2013 – ": an aside
_ASIDE_OPEN = re.compile(r",\s+(?:which|who|whose)\b|\(|\s[–—]\s")
_ASIDE_CLOSE = re.compile(r"[,)–—]")
FOLLOW_UP = 0.3  # the weight left to a day that dates only a count, a statement or an aside


def _in_aside(sentence: str, start: int) -> bool:
    """The day stands in an aside that qualifies a name ("Storm Kora, which formed on 4 September,
    hit the coast on Sunday"): it dates the storm's past, not the sentence's news."""
    opened = [m.end() for m in _ASIDE_OPEN.finditer(sentence, 0, start)]
    return bool(opened) and not _ASIDE_CLOSE.search(sentence, opened[-1], start)


# "..., as rescuers struggled Saturday to reach ...": a clause of what went on around the news
_CIRCUMSTANCE = re.compile(
    r"(?<!such )(?<!well )(?<!known )\b(?:as|while)\s+(?!of\b|well\b|part\b|many\b|much\b|soon\b|long\b|a result\b)"
    r"(?:[\w'’-]+\s+){1,5}(?:on\s+)?$",
    re.IGNORECASE,
)


def _in_circumstance(sentence: str, start: int) -> bool:
    """The day stands in a trailing "as"/"while" clause, after a main clause that reports an action
    undated ("A quake struck the region, killing hundreds, as rescuers struggled Saturday to reach
    villages"): it dates what went on around the news as it was written, not the news."""
    m = _CIRCUMSTANCE.search(sentence, max(0, start - 60), start)
    return m is not None and _ACTION.search(sentence, 0, m.start()) is not None


def _follow_up(sentence: str, start: int, end: int) -> bool:
    """The day dates a count ("rose to 5,300 on Tuesday"), a statement ("officials said on Tuesday",
    "On Wednesday the ministry said") or an aside: days after a disaster, the tolls and statements that
    report it outnumber the reports of the day it struck, and a storm's or a summit's news runs on for
    days; the storm that caused it formed days before."""
    before = sentence[max(0, start - 80) : start]
    if _STATED_BEFORE.search(before) or _COUNTED_BEFORE.search(before) or _in_aside(sentence, start):
        return True
    if _in_circumstance(sentence, start) or _names_an_event(sentence, start, end):
        return True
    opens = not sentence[:start].strip(" \"“‘'(").lower().removesuffix("on").strip()
    return opens and _STATED_AFTER.match(sentence[end : end + 60]) is not None


# "the October 7 attack", "an Oct. 7 attack", "Hamas' October 7 surprise attack": a day written before
# a noun, after an article or a possessive, is the name of an event the text recalls
_NAME_OPEN = re.compile(r"(?:\b(?:the|an?|this|that|its|their|his|her)|['’]s?)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:and|or|but|as|at|in|on|to|when|while|after|before|that|which|who|was|were|is|are|has|had|have|will|would|by|for|of|with|from)\b)[a-z][a-z-]+\b"
)


def _names_an_event(sentence: str, start: int, end: int) -> bool:
    """The day is used as a name ("for the October 7 attack", "Hamas' October 7 surprise attack"):
    an event known by its date, recalled, not reported as the page's news."""
    return bool(_NAME_OPEN.search(sentence[max(0, start - 12) : start])) and bool(
        _NOUN_AFTER.match(sentence[end : end + 30])
    )


# "Sunday, 10 September", "Sunday evening, February 5": a part of the day may stand between them
_WEEKDAY_BEFORE = re.compile(
    r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:the\s+)?$"
)
_WEEKDAY_AFTER = re.compile(r"^,?\s*\(?(?:a\s+)?(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_WEEKDAY_INDEX = {"mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6}


def _weekday_beside(sentence: str, mention: DateMention) -> int | None:
    """The weekday written next to a date ("Sunday, 10 September", "Sunday evening, 10 September",
    "10 September (Sunday)"), if any."""
    m = _WEEKDAY_BEFORE.search(sentence[max(0, mention.start - 26) : mention.start]) or _WEEKDAY_AFTER.match(
        sentence[mention.end : mention.end + 16]
    )
    return _WEEKDAY_INDEX[m.group(1).lower()] if m else None


def _year_of(
    mention: DateMention,
    year: int | None,
    known: KnownDays | None,
    weekday: int | None = None,
    written: dt.date | None = None,
    planned: bool = False,
) -> int | None:
    """The year of a day named without one ("on 10 September"): the year the sources give that very
    day in full ("10 September 2023"), when it is the guessed year or next to it — a page's own date
    may be a crawl or an update a year on; else, when the text names its weekday ("Sunday, 10
    September"), the nearest year in which it fell on that weekday; else, when the page's writing date
    is known, the year that puts the day nearest before it (a report tells what has happened: "on 10
    September" written in January is last September), or after it when the sentence plans; else the
    guessed year."""
    if mention.year is not None or mention.month is None or mention.day is None:
        return year
    full = (known or {}).get((mention.month, mention.day), (known or {}).get((mention.month, 0)))
    if full is not None and (year is None or abs(full - year) <= 1):
        return full
    if weekday is not None and year is not None:
        for candidate in (year, year - 1, year + 1):
            day = mention.resolve(candidate)
            if day is not None and day.weekday() == weekday:
                return candidate
    if written is not None and year == written.year:
        return _year_towards(mention, written, planned)
    return year


def _year_towards(mention: DateMention, written: dt.date, planned: bool) -> int:
    """The year in which a day without one falls nearest before the writing date (a few days' slack
    for a late dateline), or nearest after it for a plan."""
    slack = dt.timedelta(days=NEAR_WRITTEN_DAYS)
    for candidate in (written.year, written.year - 1) if not planned else (written.year, written.year + 1):
        day = mention.resolve(candidate)
        if day is not None and (day <= written + slack if not planned else day >= written - slack):
            return candidate
    return written.year


def known_days(mentions: list[list[DateMention]]) -> KnownDays:
    """Each (month, day) that the sources name with its year, and the year most of them give it; also
    each month ((month, 0)) they name with a year, as a day or alone ("September 2023").
    `mentions`: the dates found in each source's text."""
    years: dict[tuple[int, int], Counter[int]] = defaultdict(Counter)
    for found in mentions:
        for d in found:
            if d.kind in ("day", "month") and d.year and d.month:
                years[(d.month, 0)][d.year] += 1
                if d.kind == "day" and d.day:
                    years[(d.month, d.day)][d.year] += 1
    return {key: c.most_common(1)[0][0] for key, c in years.items()}


def named_days(
    mentions: list[list[DateMention]], known: KnownDays, year: int | None, texts: list[str] | None = None
) -> set[dt.date]:
    """Every day the sources date in full ("10 September", "Sunday, 10 September 2023"), in the year
    they give it, else the year the sources give that day, else the topic's - but not a day a text
    (`texts`, beside its `mentions`) names only as the end of a span ("floods from 5 to 7 September")
    or in a past perfect ("it had hit Greece on 7 September"): a writer's "on Thursday" recaps the
    day of the news, not a day of the storm's past."""
    out = set()
    for k, found in enumerate(mentions):
        text = texts[k] if texts is not None else ""
        for i, d in enumerate(found):
            if text and (_spans_to(text, found, i) or _RECALLED.search(_clause_before(text, d.start))):
                continue
            if d.kind == "day" and d.month and d.day:
                day = d.resolve(d.year or known.get((d.month, d.day)) or year)
                if day is not None:
                    out.add(day)
    return out


_SPAN_WORDS = ("to", "-", "–", "—", "until", "till", "through", "and")


# a bare day number that opens a span whose end carries the month: "5 to", "5-", "between 5 and"
_SPAN_OPENED = re.compile(
    r"(?:\d\s*(?:to|until|till|through|[-–—])|\bbetween\s+\d{1,2}(?:st|nd|rd|th)?\s+and)\s*$"
)


def _spans_to(text: str, found: list[DateMention], i: int) -> bool:
    """The i-th date ends or opens a span: "from 5 to 7 September", "7 to 9 September", "between 5 and
    7 September"."""
    before = text[found[i - 1].end : found[i].start].strip().lower() if i > 0 else ""
    after = text[found[i].end : found[i + 1].start].strip().lower() if i + 1 < len(found) else ""
    return (
        before in _SPAN_WORDS
        or after in _SPAN_WORDS
        or bool(_SPAN_OPENED.search(text[max(0, found[i].start - 20) : found[i].start]))
    )


def _clause_before(text: str, start: int) -> str:
    """The words of the clause that leads up to a position (back to the last sentence end or comma)."""
    head = text[max(0, start - 120) : start]
    cut = max(head.rfind(". "), head.rfind(", "), head.rfind("\n"))
    return head[cut + 1 :]


def source_reports(
    source: Source,
    default_year: int | None = None,
    known: KnownDays | None = None,
    named: Container[dt.date] = (),
    latest: dt.date | None = None,
) -> list[Report]:
    """Every dated action in one source, weighted as its news (see the module docstring).
    `named`: the days the sources date in full (a weekday may recall one of them); `latest`: the
    latest day a page of the topic was written (an undated page tells of nothing after it: "hostages
    seized on October 7" on an undated page beside pages of March is last October, not next)."""
    stamped, skip = _opening_date(source.text, default_year)
    written = source.metadata.date or stamped
    text = source.text[skip:]
    year = written.year if written else (default_year or _main_year(text))
    found: list[tuple[int, str, dt.date]] = []
    follow_ups: list[bool] = []
    ahead: list[bool] = []
    for index, sentence in _sentences(text):
        days = _dated(sentence, year, written, known, named, latest)
        if days and _PAGE_DATE.search(sentence):  # (asked only of a dated sentence: most are not)
            continue  # "published on April 6, 2021": a page's date, not an action
        for day, start, end in days:
            found.append((index, sentence, day))
            follow_ups.append(_follow_up(sentence, start, end))
            ahead.append(_told_ahead(sentence, start, end))
    if not found:
        return []
    horizon = _horizon([f for f, later in zip(found, ahead, strict=True) if not later] or found, written)
    out = []
    for (index, sentence, day), follow_up, later in zip(found, follow_ups, ahead, strict=True):
        weight, news = _mention_weight(sentence, index, day, horizon)
        weighted = weight * (FOLLOW_UP if follow_up else 1.0) * (AHEAD_WEIGHT if later else 1.0)
        out.append(Report(day, weighted, " ".join(sentence.split()), news, index))
    return out


# "remains a member until 22 May", "an extension till 30 June": the day a state or a term ends is a
# limit the text sets; "On 9 June, the strike will enter its third week", "talks will resume on 3 May":
# a day told in the future is one the writer looks ahead to.  Neither is the news, nor bounds it (a
# deadline weeks ahead made an undated brief's own news read as recalled).
_LIMIT = re.compile(r"\b(?:until|till|no later than|deadline(?: of)?)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
_AHEAD = re.compile(
    r"\b(?:will|shall|won't|(?:is|are) (?:to|due to|set to|expected to|scheduled to|slated to|poised to))\b",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;:()–—]")
# a clause that follows the day's own ("ruled on 3 May that the quota will be cut"): its tense is not the day's
_NEXT_CLAUSE = re.compile(
    rf"{_CLAUSE_MARK.pattern}|\b(?:that|which|who|when|where|if|because|after|before|as|while|and|but)\b",
    re.IGNORECASE,
)
AHEAD_WEIGHT = 0.2  # as a planned day's


def _told_ahead(sentence: str, start: int, end: int) -> bool:
    """The day at `start:end` is a limit ("until 22 May") or stands in a clause told in the future
    ("the strike will enter its third week on 9 June"; "On 9 June, the strike will ...": a day that
    opens its sentence dates the clause after it)."""
    if _LIMIT.search(sentence[max(0, start - 24) : start]):
        return True
    head = sentence[max(0, start - 80) : start]
    marks = list(_CLAUSE_MARK.finditer(head))
    before = head[marks[-1].end() :] if marks else head
    tail = sentence[end : end + 80]
    opener = not sentence[:start].strip(" \"“‘'(").lower().removeprefix("on").strip()
    if opener:
        tail = tail.lstrip(" ,")
    cut = _NEXT_CLAUSE.search(tail)
    after = tail[: cut.start()] if cut else tail
    if _AHEAD.search(before) is not None:
        return True
    return _AHEAD.search(after) is not None and _ACTION.search(before) is None


def _horizon(found: list[tuple[int, str, dt.date]], written: dt.date | None) -> dt.date:
    """The latest action the source reports (not planned, not recalled), if not long before it was written.

    A brief written a fortnight after the event still reports it as its news."""
    acted = [d for _, s, d in found if not _PLANNED.search(s) and not _RECALLED.search(s)]
    if written is not None:
        acted = [d for d in acted if d <= written + dt.timedelta(days=1)]
        latest = max(acted, default=None)
        return latest if latest and (written - latest).days <= 2 * RECENT_DAYS else written
    return max(acted, default=max(d for _, _, d in found))


# --------------------------------------------------------------------------- all sources


def _stated_ranges(
    text: str, year: int | None, mentions: list[DateMention] | None = None
) -> list[tuple[dt.date, dt.date]]:
    """Ranges a text states: "from 30 November to 13 December 2023", "6-7 April", "22 to 24 August".
    `mentions`: the text's dates, when already found."""
    out = []
    days = [d for d in (find_dates(text) if mentions is None else mentions) if d.kind == "day"]
    for a, b in zip(days, days[1:], strict=False):
        between = text[a.end : b.start].strip().lower()
        if between in ("to", "-", "–", "—", "until", "till", "through", "and") or between.endswith(" to"):
            ya = a.year or b.year or year
            da, db = a.resolve(ya), b.resolve(b.year or ya)
            if da and db and 0 < (db - da).days <= 31:
                out.append((da, db))
    for m in re.finditer(r"\b(?P<a>[0-3]?\d)\s*[-–]\s*(?P<b>[0-3]?\d)\s+(?P<mon>[A-Z][a-z]{2,8})\b", text):
        mon = MONTHS.get(m["mon"][:3].lower())
        if mon and year:
            try:
                da, db = dt.date(year, mon, int(m["a"])), dt.date(year, mon, int(m["b"]))
            except ValueError:
                continue
            if da < db:
                out.append((da, db))
    return out


_NUMBERS = {**NUMBER_WORDS, "2": 2, "3": 3, "4": 4, "5": 5}
_DURATION = re.compile(r"\b(?P<n>two|three|four|five|six|seven|[2-5])[- ]day\b", re.IGNORECASE)


def _durations(reports: list[Report]) -> list[tuple[dt.date, dt.date]]:
    """ "arrived on 6 May for a two-day visit": the days it may span, starting or ending on the date."""
    out = []
    for r in reports:
        m = _DURATION.search(r.sentence)
        if m:
            span = dt.timedelta(days=_NUMBERS[m["n"].lower()] - 1)
            out += [(r.day, r.day + span), (r.day - span, r.day)]
    return out


def _shown_dates(sources: list[Source]) -> list[dt.date]:
    """The writing dates the pages show (metadata, or a stamp at the top; no guessed year)."""
    return [d for s in sources if (d := s.metadata.date or _opening_date(s.text, guess=False)[0])]


def _topic_year(sources: list[Source]) -> int | None:
    """The year the sources were written in, from the dates they show, else from what they tell."""
    years = [d.year for d in _shown_dates(sources)]
    if years:
        return Counter(years).most_common(1)[0][0]
    return _main_year("\n\n".join(s.text for s in sources))  # none dated: what they tell of


def _tally(sources: list[Source], year_hint: int | None = None) -> _Tally:
    default_year = _topic_year(sources) or year_hint
    mentions = [find_dates(s.text) if _DIGIT.search(s.text) else [] for s in sources]
    known = known_days(mentions)
    named = named_days(mentions, known, default_year, [s.text for s in sources])
    tally = _Tally(known=known)
    latest = max(_shown_dates(sources), default=None)
    for source, found in zip(sources, mentions, strict=True):
        best: dict[dt.date, Report] = {}
        reports = source_reports(source, default_year, known, named, latest)
        tally.ranges += _durations(reports)
        for r in reports:
            if r.day not in best or r.weight > best[r.day].weight:
                best[r.day] = r
        for day, r in best.items():
            tally.votes[day] += r.weight
            tally.voters[day].append((source.id, r))
        tally.leads[source.id] = _lead(source.text)
        written = written_on(source, default_year)
        if written is None:
            tally.undated.add(source.id)
        year = (written or dt.date.min).year
        tally.ranges += _stated_ranges(source.text, year if year > 1 else default_year, found)
    return tally


FOLLOWED_SHARE = 0.6  # an earlier day with this share of the top day's votes is what its news follows
FOLLOW_DAYS = 7  # ... when it is at most this many days earlier


def _runs(days: list[dt.date]) -> list[list[dt.date]]:
    """Sorted days grouped into runs of consecutive days."""
    out: list[list[dt.date]] = []
    for d in sorted(days):
        if out and (d - out[-1][-1]).days == 1:
            out[-1].append(d)
        else:
            out.append([d])
    return out


def _run_votes(tally: _Tally, run: list[dt.date]) -> float:
    """The votes of a run of days, each source counted once, at its best weight among them."""
    best: dict[str, float] = {}
    for day in run:
        for sid, r in tally.voters[day]:
            best[sid] = max(best.get(sid, 0.0), r.weight)
    return sum(best.values())


def _what_the_news_follows(tally: _Tally, top: dt.date) -> dt.date:
    """The day, up to a week before the day with most votes, that the sources date as news nearly as
    often (it, or the run of days it belongs to: the storm hit on Sunday, the dams burst on Monday):
    for days after a flood every report leads with that day's rescue, aid and mourning, and recaps
    the night the dams burst; after a vote, the count and the results.  The later days follow from
    the earlier ones, which are the event."""
    floor = FOLLOWED_SHARE * tally.votes[top]
    reporters = FOLLOWED_SHARE * _run_reporters(tally, [top])
    window = [d for d in tally.votes if top - dt.timedelta(days=FOLLOW_DAYS) <= d < top]
    for run in _runs(window):
        if (
            _run_votes(tally, run) >= floor
            and _run_reporters(tally, run) >= reporters
            and not _told_first(tally, run, top)
        ):
            return min(run, key=lambda d: (-tally.votes[d], d))
    return top


def _told_first(tally: _Tally, run: list[dt.date], top: dt.date) -> bool:
    """More of the sources that date both tell the earlier days before the later one than after it.
    Why: a report leads with its news and then recaps what that news follows ("Aid reached the city
    on Tuesday. The dams had burst on Sunday."); a story told in order gives a storm's earlier passage
    elsewhere first, then the day it struck: there the earlier days are a prelude, not the event."""
    first: dict[str, int] = {}
    for day in run:
        for sid, r in tally.voters[day]:
            first[sid] = min(first.get(sid, r.index), r.index)
    later = {sid: r.index for sid, r in tally.voters[top] if sid in first}
    before = sum(first[sid] < at for sid, at in later.items())
    return before > len(later) - before


def _run_reporters(tally: _Tally, run: list[dt.date]) -> int:
    """How many sources date a day of the run as their news at full weight (not only in an aside, a
    recall, a count or a statement): "Storm Kora, which flooded Thessaly from 5 to 7 September, ...",
    "it had earlier hit Greece on 7 September" recall the storm's past in many sources; few report it."""
    return len({sid for day in run for sid, r in tally.voters[day] if r.news and r.weight >= 1.0})


def _stated_over(tally: _Tally, first: dt.date, last: dt.date) -> bool:
    """A source states a range (or a length) that spans these days: "a two-day visit", "22-24 August"."""
    return any(a <= first and last <= b for a, b in tally.ranges)


def _extends(tally: _Tally, day: dt.date, top: float, need: int) -> bool:
    """A neighbouring day is one of the event's when sources date it nearly as strongly as the event's
    day, and more than one of them (when more than one dates the event): one page's report of each
    day after a flood ("aid arrived on Tuesday", "the UN appealed on Thursday") is the aftermath, day
    by day, not the flood's own days."""
    return tally.votes.get(day, 0) >= RANGE_SHARE * top and len(tally.voters.get(day, ())) >= need


def _extent(tally: _Tally, winner: dt.date) -> tuple[dt.date, dt.date]:
    top = tally.votes[winner]
    need = min(2, len(tally.voters[winner]))
    first = last = winner
    while _extends(tally, first - dt.timedelta(days=1), top, need):
        first -= dt.timedelta(days=1)
    while _extends(tally, last + dt.timedelta(days=1), top, need):
        last += dt.timedelta(days=1)
    stated = [(a, b) for a, b in tally.ranges if a <= winner <= b and (a == winner or b == winner)]
    if stated:
        a, b = max(stated, key=lambda r: (tally.votes.get(r[0], 0) + tally.votes.get(r[1], 0), r))
        first, last = min(first, a), max(last, b)
    return first, last


def _names(sentence: str) -> list[str]:
    """Runs of capitalised words ("Bangladesh Supreme Court"), without leading or trailing small words."""
    out = []
    for m in _NAME.finditer(sentence):
        words = [w.replace("’s", "").replace("'s", "").strip(".") for w in m.group(0).split()]
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        while words and words[-1].lower() in _NOT_NAMES:
            words = words[:-1]
        if words and not (len(words) == 1 and len(words[0]) < 3):
            out.append(" ".join(words))
    return out


def _contains(name: str, part: str) -> bool:
    return f" {part} " in f" {name} "


def _actors_and_place(tally: _Tally, first: dt.date, last: dt.date) -> tuple[tuple[str, ...], str | None]:
    """The names most sources give in the sentences that date the event; a place is one after in/at."""
    by_source: dict[str, set[str]] = defaultdict(set)
    after_in: dict[str, set[str]] = defaultdict(set)
    for day, voters in tally.voters.items():
        if first <= day <= last:
            for sid, r in voters:
                for text in (r.sentence, tally.leads.get(sid, "")):
                    by_source[sid].update(_names(text))
                    after_in[sid] |= {
                        m.group(1) for m in re.finditer(r"\b(?:in|at|to) ([A-Z][a-z]+)\b", text)
                    }
    # a name counts for every source that gives it, alone or inside a longer one ("Supreme Court" in
    # "Bangladesh Supreme Court"); only names some source gives on their own are candidates
    candidates = {n for names in by_source.values() for n in names}
    counts = Counter(
        c for names in by_source.values() for c in candidates if any(_contains(n, c) for n in names)
    )
    need = 2 if len(by_source) > 1 else 1
    chosen: list[str] = []
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0].split()), kv[0])):
        if n < need or len(chosen) > MAX_ACTORS:
            break
        if not any(_contains(name, c) or _contains(c, name) for c in chosen):
            chosen.append(name)
    places = Counter(p for names in after_in.values() for p in names)  # ties: the first name, not set order
    place = max(sorted(p for p in places if p in chosen), key=lambda p: (places[p], counts[p]), default=None)
    return tuple(c for c in chosen if c != place)[:MAX_ACTORS], place


def _why(tally: _Tally, winner: dt.date, n_sources: int) -> tuple[str, ...]:
    lines = []
    voters = tally.voters[winner]
    quote = max(voters, key=lambda v: v[1].weight)
    lines.append(
        f"{_day(winner)}: dated as news by {len(voters)} of {n_sources} sources "
        f'(score {tally.votes[winner]:.1f}), e.g. {quote[0]}: "{_short(quote[1].sentence)}"'
    )
    first, last = _extent(tally, winner)
    others = sorted((d for d in tally.votes if not first <= d <= last), key=lambda d: -tally.votes[d])[:2]
    for d in others:
        vs = tally.voters[d]
        kind = "news" if any(r.news for _, r in vs) else "recalled or planned"
        if d > winner and tally.votes[d] > tally.votes[winner]:
            kind = "news that followed it"
        lines.append(
            f"not {_day(d)}: {_count(len(vs))} dating it, mostly {kind} (score {tally.votes[d]:.1f})"
        )
    return tuple(lines)


def _count(n: int) -> str:
    return f"{n} source" if n == 1 else f"{n} sources"


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def infer_event(sources: list[Source], year_hint: int | None = None) -> Event | None:
    """The event the sources report as news, or None when nothing in them is dated.

    `year_hint`: the year to read days in when the sources give none (see `page_event`)."""
    tally = _tally(sources, year_hint)
    if not tally.votes:
        dates = sorted(d for s in sources if (d := written_on(s)))
        if not dates:
            return _weekday_event(sources) if year_hint is None else None
        mid = dates[len(dates) // 2]
        return Event(
            mid, None, why=(f"no dated action in the sources: the median publication date, {_day(mid)}",)
        )
    return _tallied_event(tally, len(sources))


def _tallied_event(tally: _Tally, n_sources: int) -> Event:
    """The event the votes of a tally elect (see `infer_event`)."""
    # Most votes; a tie within a run of days goes to its first (the start of a multi-day event), a tie
    # between runs to the latest run (a page leads with its news and recalls what came before it).
    best = max(tally.votes.values())
    top = _runs([d for d, v in tally.votes.items() if v == best])[-1][0]
    winner = _what_the_news_follows(tally, top)
    first, last = _extent(tally, winner)
    if winner < top <= last and not _stated_over(tally, winner, top):
        last = top - dt.timedelta(days=1)  # the news that followed is not the event's own days
    rival = _weekday_rival(tally, first, last)
    if rival is not None:
        winner, (first, last) = rival, _extent(tally, rival)
    actors, place = _actors_and_place(tally, first, last)
    why = _why(tally, winner, n_sources)
    if rival is not None:
        why = (
            *why,
            f"{_day(rival)}: the {rival.strftime('%A')} the undated pages' leads name for their news",
        )
    moved = _weekday_year(tally, first, last)
    if moved is not None:
        first, last, note = moved
        why = (*why, note)
    return Event(first, last if last != first else None, actors, place, why)


def _lead(text: str) -> str:
    """A source's opening sentences, which carry its news."""
    return " ".join(x for _, x in _sentences(text[: _OPENING * 2])[:LEAD_SENTENCES])


def _named_weekdays(leads: Iterable[str]) -> Counter[int]:
    """How many of the leads name each weekday for their news ("on Saturday"; not "next Monday")."""
    named: Counter[int] = Counter()
    for lead in leads:
        named.update({r.weekday for r in find_relative_days(lead) if r.weekday is not None and not r.future})
    return named


def _year_shifted(day: dt.date, years: int) -> dt.date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return None


def _leads_weekday(tally: _Tally) -> int | None:
    """The weekday most undated pages' leads name for their news ("passed a resolution on Monday"),
    when most pages are undated (a dated page's weekdays are read against its date) and one weekday
    leads, named by at least two."""
    if 2 * len(tally.undated) <= len(tally.leads):
        return None
    ranked = _named_weekdays(lead for sid, lead in tally.leads.items() if sid in tally.undated).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


RIVAL_SHARE = 0.25  # a day on the leads' weekday, with this share of the top day's votes, is their news


def _weekday_rival(tally: _Tally, first: dt.date, last: dt.date) -> dt.date | None:
    """A later day the sources date, when the elected days fall on no weekday the undated leads name
    for their news and that day does, with a quarter of the top votes or more and long after (the elected
    days are then an older event they recall): pages that open "on Monday" and recall "hostages
    seized on 7 October" report Monday's vote (25 March), not October's attack that more of them
    date. A follow-up days after the event (a Monday's evacuation after a Friday's derailment) is not
    a rival: the news follows its event."""
    weekday = _leads_weekday(tally)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 2)]
    if weekday is None or any(d.weekday() == weekday for d in days):
        return None
    best = max(tally.votes.values())
    rivals = [
        d
        for d, v in tally.votes.items()
        if d.weekday() == weekday and v >= RIVAL_SHARE * best and (d - last).days > RECENT_DAYS
    ]
    return max(rivals, key=lambda d: (tally.votes[d], d), default=None)


def _weekday_year(tally: _Tally, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """The event's days read in the year before or after, when no source gives them with a year (their
    year is the topic's, a guess from the few pages that show a date: most show none) and the weekday
    most undated sources' leads name for their news ("took its seat on Saturday") falls on none of
    them, nor on the day after (a report of the next morning), but does in that year: "9 September"
    guessed in 2024 is a Monday; the summit the sources open on "on Saturday" was 9 September 2023."""
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    weekday = _leads_weekday(tally)
    if weekday is None or any((d.month, d.day) in tally.known for d in days):
        return None  # most pages show their date (their weekdays are read against it), or no weekday leads
    named = _named_weekdays(lead for sid, lead in tally.leads.items() if sid in tally.undated)[weekday]
    if any(d.weekday() == weekday for d in [*days, last + dt.timedelta(days=1)]):
        return None
    for years in (-1, 1):
        moved = [_year_shifted(d, years) for d in days]
        kept = [d for d in moved if d is not None]
        if len(kept) == len(days) and any(d.weekday() == weekday for d in kept):
            name = next(d for d in kept if d.weekday() == weekday).strftime("%A")
            note = f"read in {kept[0].year}: {_count(named)} open on a {name}, which it was then"
            note += f", not in {first.year}"
            return kept[0], kept[-1], note
    return None


def _weekday_day(sources: list[Source], today: dt.date | None = None) -> dt.date | None:
    """A day that sources naming no year write with its weekday ("ruled on Friday, January 26"), in
    its year: a day falls on a given weekday only every few years, and news is read after it is
    written, so it is the latest such year up to today (as a wire dateline's year is read)."""
    from ..sources.cleaning.dates import latest_on_weekday

    for source in sources:
        for d in find_dates(source.text):
            weekday = _weekday_beside(source.text, d) if d.kind == "day" and d.year is None else None
            if weekday is None or d.month is None or d.day is None:
                continue
            day = latest_on_weekday(d.month, d.day, weekday, today)
            if day is not None:
                return day
    return None


def _dateline_days(sources: list[Source]) -> list[DateMention]:
    """The days of the sources' datelines that give no year ("DUBAI, May 20:"), in the text or set
    aside by the reader (a dateline on its own line is page furniture, not the story)."""
    out = []
    for source in sources:
        lines = [d.line for d in source.dropped if d.reason.startswith("dateline")]
        for line in [*lines, *source.text.lstrip()[:_OPENING].splitlines()[:_OPENING_LINES]]:
            m = _DATELINE.match(line.strip() + " ")
            found = [d for d in find_dates(m["date"]) if d.kind == "day"] if m else []
            if found:
                out += [d for d in found[:1] if d.year is None and d.month and d.day]
                break
    return out


def _dateline_weekday_day(sources: list[Source], today: dt.date | None = None) -> dt.date | None:
    """A dateline's day without its year ("DUBAI, May 20:"), in the latest year up to today in which it
    and the day before fall on the two weekdays the sources' leads name most ("reported on Monday",
    "crashed on Sunday"): a report is written on the day of its news or the day after."""
    from ..sources.cleaning.dates import latest_on_weekday

    ranked = _named_weekdays(_lead(s.text) for s in sources).most_common(3)
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] == ranked[1][1]):
        return None
    (a, _), (b, _) = ranked[:2]
    written = a if (a - 1) % 7 == b else b if (b - 1) % 7 == a else None
    if written is None:
        return None
    for d in _dateline_days(sources):
        day = latest_on_weekday(d.month, d.day, written, today) if d.month and d.day else None
        if day is not None:
            return day
    return None


def _weekday_event(sources: list[Source]) -> Event | None:
    """The event of sources that name no year and carry no date of writing, read in the year a day
    written with its weekday gives (`_weekday_day`), else the year a dateline's day falls on the
    weekdays the leads name (`_dateline_weekday_day`).  That day is the latest the news can date as
    done: a day it names later in that year ("the Oct. 7 attacks") is the year before's, not news.
    With no day dated as news in that year, the event is the median of the dates the pages then show,
    else that day."""
    anchor = _weekday_day(sources) or _dateline_weekday_day(sources)
    if anchor is None:
        return None
    tally = _tally(sources, anchor.year)
    latest = anchor + dt.timedelta(days=NEAR_WRITTEN_DAYS)
    tally.votes = Counter({d: v for d, v in tally.votes.items() if d <= latest})
    if tally.votes:
        return _tallied_event(tally, len(sources))
    dates = sorted(d for s in sources if (d := written_on(s, anchor.year)))
    if not dates:  # the day that gave the year (a dateline's, set aside by the reader)
        return Event(
            anchor, None, why=(f"no dated action in the sources: {_day(anchor)}, the day that dates them",)
        )
    mid = dates[len(dates) // 2]
    why = f"no dated action in the sources: the median publication date, {_day(mid)}, read in {anchor.year}"
    return Event(mid, None, why=(why,))


ASSUMED_YEAR = 2000  # a leap year: any day a page names without a year exists in it


def page_event(source: Source) -> Event | None:
    """A page's own event, for placing its points in time.  A page that tells no year of writing
    ("On 23 March, the EU ...; on 13 March, May had ...") still dates its days against each other:
    they are read in the latest year it names, or in an assumed one; only the distances between them
    count (the event's origin says "assumed year": a year the page names is not placed against it)."""
    own = infer_event([source])
    if own is not None:
        return own
    years = [d.year for d in find_dates(source.text) if d.year] if _DIGIT.search(source.text) else []
    assumed = infer_event([source], year_hint=max(years, default=ASSUMED_YEAR))
    return dataclasses.replace(assumed, origin="assumed year") if assumed else None


def infer_event_date(sources: list[Source]) -> tuple[dt.date, dt.date | None] | None:
    """(first day, last day or None) of the inferred event (see `infer_event`)."""
    event = infer_event(sources)
    return (event.start, event.end) if event else None


def event_lines(
    sources: list[Source], start: dt.date | None = None, end: dt.date | None = None, given: bool = False
) -> list[str]:
    """For people: the event a memo is about, and why.  `start`/`end` are the memo's event; `given` says
    topic.yaml set them (when unknown, dates other than the inferred ones must have come from there).
    Shown by `memogen sources` and `memogen build --explain`."""
    inferred = infer_event(sources)
    if start is not None and (given or inferred is None or (inferred.start, inferred.end) != (start, end)):
        lines = [f"event (topic.yaml): {Event(start, end).describe()}"]
        if inferred:
            lines.append(f"  the sources alone suggest: {inferred.describe()}")
        return lines
    if inferred is None:
        return ["event: none inferred (no dated action in the sources); set event_date in topic.yaml"]
    return [f"event (inferred): {inferred.describe()}", *(f"  why: {w}" for w in inferred.why)]
