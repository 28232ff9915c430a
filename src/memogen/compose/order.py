"""Order and themes: What happened as a timeline, Background and What it means as arguments.

Why: an analyst reads "What happened?" as a timeline, so it is sorted by the dates the
sentences give (undated sentences keep their place after the last date their source
gave); Background and What it means are read as arguments, so they are grouped by theme
with the most salient point first (one-point paragraphs folded together; a "That law ..."
point kept straight after the sentence it points back to).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from ..merge import extract_quantities, features
from ..merge.quantities import says_figure
from ..model import Conflict, MergedPoint, Paragraph, Source
from ..sections.sentences import sentence_spans
from ..wordlists import COUNT_WORDS, MONTH_ABBR, WEEKDAY_NAME

POINTS_PER_PARAGRAPH = 3  # ... of typical length; a paragraph is measured in words:
PARAGRAPH_WORDS = 140  # a paragraph takes points while it stays within this many words
_THEME_STOP = frozenset(
    [
        "said",
        "says",
        "also",
        "would",
        "could",
        "will",
        "first",
        "last",
        "year",
        "years",
        "new",
        "two",
        "one",
        "visit",
        "time",
        "country",
        "countries",
    ]
)


@lru_cache(maxsize=4096)
def _features(text: str):
    return features(text)


# --------------------------------------------------------------------------- event order


def point_date(text: str, default_year: int | None) -> dt.date | None:
    """The first day a sentence gives, its year the sentence's own, else `default_year`."""
    for q in extract_quantities(text):
        if q.kind == "date" and q.value[1] and q.value[2]:
            year = q.value[0] or default_year
            if year:
                try:
                    return dt.date(year, q.value[1], q.value[2])
                except ValueError:
                    continue
    return None


# 'denied any part in the Friday 3 May 2024 raid', 'since the 9 June floods': a date that names what
# a noun after it is (the raid's day), not the day of what the sentence tells
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][a-z]+day\s+)?$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|at|in|on|of|from|until|when|as|was|is|were|had|has)\b)[a-z]{3,}\b"
)


# 'The toll from a fire at a ferry terminal on 3 May has risen to 41': a date the main verb follows
# closes a subject naming a thing of or from another ('the toll from a fire'): it is that thing's day
# (the fire's); the toll rose on another
_OF_A_THING = re.compile(r"\b(?:from|of)\s+(?:an?|the)\s+[a-z]+")  # 'the toll from a fire ...'
_ENDS_SUBJECT = re.compile(r"\s+(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|un|ne)\b")


def told_date(text: str, default_year: int | None) -> dt.date | None:
    """`point_date` of what the sentence tells: a date naming the thing a noun after it is ('the
    Friday 3 May 2024 raid') is that thing's day, and the sentence (a denial of it, a day later)
    takes its day from its source instead."""
    for q in extract_quantities(text):
        at = text.find(q.display)
        end = at + len(q.display)
        if (
            q.kind == "date"
            and at >= 0
            and (
                (_THE_BEFORE.search(text[:at]) and _NOUN_AFTER.match(text, end))
                or (_ENDS_SUBJECT.match(text, end) and _OF_A_THING.search(text, 0, at))
            )
        ):
            text = text[:at] + " " * len(q.display) + text[end:]
    return point_date(text, default_year)


_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?(?![a-z])", re.I)
_PART_OF_DAY = (
    (re.compile(r"\b(?:early\s+(?:on\s+)?(?:the\s+)?morning|dawn|daybreak)\b", re.I), 6.0),
    (re.compile(r"\bmorning\b", re.I), 9.0),
    (re.compile(r"\b(?:midday|noon|lunchtime)\b", re.I), 12.0),
    (re.compile(r"\bafternoon\b", re.I), 15.0),
    (re.compile(r"\bevening\b", re.I), 19.0),
    (re.compile(r"\b(?:late\s+(?:on|in\s+the\s+day)|night|overnight)\b", re.I), 22.0),
)
MIDDAY = 12.0  # a dated sentence that gives no time of day sits mid-day among its day's events


def time_of_day(text: str) -> float | None:
    """The hour a sentence gives its event ("at around 2am", "late on 24 June", "on the morning of"):
    one day's events in the order they happened, not in the order their sources were published."""
    clock = _CLOCK.search(text)
    if clock:
        hour = int(clock.group(1)) % 12 + (12 if clock.group(3).lower() == "p" else 0)
        return hour + int(clock.group(2) or 0) / 60
    return next((hour for rx, hour in _PART_OF_DAY if rx.search(text)), None)


_UNIT_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0}
_RELATIVE = re.compile(
    r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2})\s+|(?:a\s+few|several|some)\s+)?"
    r"(?P<unit>minute|hour|day|week)s?\s+(?:later|after(?=\s+(?:the|its|his|her|their|that)\b))",
    re.I,
)
_NEXT_DAY = re.compile(r"\bthe\s+(?:next|following)\s+(?:day|morning)\b", re.I)
_SAME_DAY = re.compile(r"\blater\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b", re.I)
SEVERAL = 2  # "hours later", "a few days later": at least two of the unit


def relative_delay(text: str) -> float | None:
    """Hours a sentence says its event came after another ("Less than three hours later, ...", "hours
    after the declaration", "the next day", "later that day"): such a sentence is timed from an event told before it,
    so it must follow that event and come before what happened later. None when it gives no such time."""
    m = _RELATIVE.search(text)
    if m:
        n = m.group("n")
        count = SEVERAL if n is None else int(n) if n.isdigit() else COUNT_WORDS[n.lower()]
        return count * _UNIT_HOURS[m.group("unit").lower()]
    if _NEXT_DAY.search(text):
        return 24.0
    if _SAME_DAY.search(text):
        return SEVERAL
    return None


def _after(when: dt.date, hour: float, delay: float) -> tuple[dt.date, float]:
    """The day and hour `delay` hours after `hour` of `when` (three hours after 10 pm is 1 am next day)."""
    total = hour + delay
    days = int(total // 24)
    return when + dt.timedelta(days=days), total - 24 * days


# "Mr Ravel had declared a state of siege late on Tuesday": the past perfect recalls an earlier event amid the
# report's news; its day is not the day of the sentences after it
# (not in reported speech: "posted a message saying his forces had crossed the border" is that day's news)
_RECALLED = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+ed\b", re.I)
_REPORTING = re.compile(r"\b(?:said|saying|says|told|that|claim\w*|report\w*|announc\w*)\b", re.I)


def recalls_earlier(sentence: str) -> bool:
    """The sentence tells, in the past perfect of its own voice, an event before the report's news."""
    m = _RECALLED.search(sentence)
    return bool(m) and not _REPORTING.search(sentence, 0, m.start())


RECALL_DAYS = 7  # a source that goes back this many days from a day it already told recalls the past


def _steps_back(day: dt.date, told: dt.date | None) -> bool:
    """A source that reported the news of 20 May, then says "the leak began on 6 May", recalls how it
    began: what it tells after that recall is still the news of the 20th, not of the 6th."""
    return told is not None and (told - day).days >= RECALL_DAYS


# 'imposed a curfew ..., then lifted it hours later': a lead that runs to the outcome
_WHOLE_ARC = re.compile(
    r"\bthen\b[^.!?]{0,80}\blater\b|\b(?:minutes|hours|days|weeks)\s+later\b|\bonly to\b|"
    r"\bshortly (?:after|afterwards)\b",
    re.I,
)


_LEADING_SPACE = re.compile(r"\s*")


def summary_lead_end(text: str) -> tuple[int, int]:
    """Where the sentences after a summary lead run in its paragraph (start, end), or (0, 0).

    Why: a page that opens on the whole story in one paragraph ('The council imposed a curfew, then
    lifted it hours later. ... Councillors voted against it.') tells its outcome among the first
    lines; read as the start of its narrative, the vote would come before the steps that
    led to it. Those sentences keep only the dates they give themselves."""
    lead = _LEADING_SPACE.match(text).end()  # (no copy of a long source's text)
    end = text.find("\n\n", lead)
    end = len(text) if end < 0 else end
    first = re.search(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])", text[lead:end])
    if first is None or not _WHOLE_ARC.search(text, lead, lead + first.start()):
        return (0, 0)
    return (lead + first.end(), end)


_DAY_WORD = re.compile(rf"\b(?:{WEEKDAY_NAME}|today|yesterday|tonight|{MONTH_ABBR})", re.I)


def _dates_it(point: MergedPoint, said: str) -> bool:
    """Is the point's day this source's own? A point whose sources differ on its figures may tell one
    source's day with another's figure ('the terminal lay in ruins on Saturday as the toll passed 40',
    an early report's '12 killed' among its figures): an undated early report's narrative does not move
    to Saturday for it unless its own words give a day (a dated page's narrative may)."""
    return not point.conflicts or _DAY_WORD.search(said) is not None


_Time = tuple[dt.date | None, float]  # a day (None: not known) and an hour of it


def _inherited_times(
    points: list[MergedPoint],
    sources: list[Source],
    own: dict[int, dt.date | None],
    clocks: dict[int, float | None] | None = None,
) -> dict[tuple[str, int], _Time]:
    """(source id, id of a point citing it) -> the day and hour that source last gave before the point.

    Each source's own narrative: every point citing it, in the order the source tells them, so an
    undated point inherits the last date *its source* gave before it, whichever source the merged
    point is filed under. A day the source recalls (past perfect, a step back of RECALL_DAYS or
    more) or one only another source's figures give it (`_dates_it`) is no day of its narrative."""
    inherited: dict[tuple[str, int], _Time] = {}
    by_source: dict[str, list[tuple[int, MergedPoint, str]]] = defaultdict(list)
    for p in points:
        for c in p.citations:
            by_source[c.source_id].append((c.start, p, c.excerpt))
    texts = {s.id: s.text for s in sources}
    dated = {s.id for s in sources if s.metadata.date}
    for sid, items in by_source.items():
        last: _Time = (None, MIDDAY)
        recap = summary_lead_end(texts.get(sid, ""))
        for start, p, said in sorted(items, key=lambda t: t[0]):
            if (
                own[id(p)]
                and (sid in dated or _dates_it(p, said))
                and not recalls_earlier(said)
                and not _steps_back(own[id(p)], last[0])
            ):
                last = (own[id(p)], (clocks or {}).get(id(p)) or time_of_day(p.text) or MIDDAY)
            # a summary lead's later sentences are its recap of the whole story: no time of their own
            inherited[(sid, id(p))] = (None, MIDDAY) if recap[0] <= start < recap[1] else last
    return inherited


def event_order(
    points: list[MergedPoint],
    sources: list[Source],
    event_date: dt.date | None,
    event_end: dt.date | None = None,
) -> list[MergedPoint]:
    """Sort by the date the sentence gives; an undated sentence inherits the last date its source gave.

    On the same date the hour the sentence gives comes first ("at 2am", "late on"), then the
    earliest-published source tells first (a first report
    narrates the event; later ones add follow-ups), and a point shared by several
    sources is placed where the earliest of them has it — not by file name.  A
    sentence with no time of its own and none from its source before it follows
    the dated narrative of the event's days: the story opens with what is dated.
    """
    order = sorted(range(len(sources)), key=lambda k: (sources[k].metadata.date or dt.date.max, k))
    rank = {sources[k].id: r for r, k in enumerate(order)}
    default_year = event_date.year if event_date else None
    undated_day = event_end or event_date or dt.date.max
    told = {id(p): told_date(p.text, default_year) for p in points}
    own = dict(told)
    # what the undated pages' sentences say as their pages wrote them (see `_said`), read once
    texts = {s.id: s.text for s in sources}
    said = {id(p): _said(p, texts) for p in _undated(points, sources, own)}
    read = _event_days(said, event_date)
    own |= read
    _closing(said, own, event_date)
    # the hour a sentence gives, else (a day read from its page) the hour its page's words give
    clocks = {
        id(p): time_of_day(p.text) or (time_of_day(said[id(p)]) if id(p) in read else None) for p in points
    }
    inherited = _inherited_times(points, sources, own, clocks)
    opening = min(((own[id(p)], time_of_day(p.text) or MIDDAY) for p in points if own[id(p)]), default=None)
    keyed = []
    for p in points:
        first = min(p.citations, key=lambda c: (rank.get(c.source_id, len(rank)), c.start), default=None)
        # an undated sentence is told at the day and hour its source last gave, after that sentence;
        # an hour of its own ("At 1:20 a.m., the ship struck ...") places it within that day, and
        # with no day from its source, within the event's day
        when, hour = inherited[(first.source_id, id(p))] if first else (None, MIDDAY)
        when = own[id(p)] or when
        if own[id(p)] and not told[id(p)]:  # a day read from its page's words
            words = said.get(id(p), "")
            hour = (
                OPENING_HOUR if _OPENING.search(words) else CLOSING_HOUR if _CLOSING.search(words) else hour
            )
        clock = clocks[id(p)]
        if clock is not None and (when or _CLOCK.search(p.text)):
            hour = clock
            if when is None and undated_day != dt.date.max:
                when = undated_day
        delay = relative_delay(p.text) if own[id(p)] is None and clock is None else None
        if delay is not None and (when or opening):
            # timed from the event before it: its source's last time, else the story's opening
            when, hour = _after(*((when, hour) if when else opening), delay)
        place = (rank.get(first.source_id, len(rank)), first.start) if first else (len(rank), 0)
        keyed.append(((when or undated_day, when is None, hour, *place, 0), p))
    return [p for _, p in sorted(_after_the_start(keyed, own), key=lambda t: t[0])]


# the day of a multi-day event a sentence tells: "on the first day of the summit", "day 1", "the second
# day", "in his opening speech"; and its end: "at the closing ceremony", "the summit concluded"
_NTH_DAY = re.compile(
    r"\b(?:(?P<nth>first|second|third|fourth)\s+day|day\s+(?P<num>[1-4]|one|two|three|four)\b)", re.I
)
_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "one": 0, "two": 1, "three": 2, "four": 3}
_OPENING = re.compile(r"\bopening\s+(?:speech|session|address|remarks|ceremony|day)\b", re.I)
_CLOSING = re.compile(
    r"\b(?:closing\s+(?:speech|session|address|remarks|ceremony|day)|(?:final|last)\s+day|"
    r"(?:summit|meeting|talks|conference|session|forum|visit)\s+(?:\w+\s+)?(?:concluded|closed|ended)|"
    r"came\s+to\s+a\s+close|wrapped\s+up)\b",
    re.I,
)
OPENING_HOUR = 8.0  # an opening session starts the day's events
CLOSING_HOUR = 20.0  # ... a closing ceremony ends them
# a weekday an undated page names is the first on or after the day before the event's first (a report
# dated at its news may tell what happened the evening before: "crashed on Sunday" in Monday's news)
WEEKDAY_REACH = 6


def first_sentence(text: str) -> str:
    """A point's first sentence, which says what the point is (a point may be a whole paragraph)."""
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _said(point: MergedPoint, texts: dict[str, str]) -> str:
    """The first sentence the point's first source wrote (a weekday the composer cut from an undated
    page's sentence, which it could not date, still tells when it happened); a point of several
    sentences is told when its first is ("... a diplomatic victory. Just before his opening speech,
    ..." is no opening)."""
    c = point.citations[0]
    text = texts.get(c.source_id, "")
    return first_sentence(text[c.start : c.end] if c.end > c.start else c.excerpt)


# "on Sunday", "late Monday", "early Tuesday": a weekday that dates what is told ("the Imam of Friday
# Prayer", "Black Friday" name things)
_WHEN_BEFORE = re.compile(r"\b(?:on|late|early|since|until|by|from|last|this)\s+$", re.I)


def _weekday_near(said: str, start: dt.date) -> dt.date | None:
    """The day that falls on the weekday the sentence names for what it tells, from the day before
    the event's first on ("concluded on Sunday": the Saturday summit's next day): an undated report
    tells its news, which does not come days before the event."""
    from ..sections.dates import find_relative_days

    named = [
        r.weekday
        for r in find_relative_days(said)
        if r.weekday is not None and not r.future and _WHEN_BEFORE.search(said, max(0, r.start - 12), r.start)
    ]
    if len(set(named)) != 1:
        return None
    return next(start + dt.timedelta(days=k) for k in range(-1, 6) if (start.weekday() + k) % 7 == named[0])


def _told_day(said: str, start: dt.date) -> dt.date | None:
    """The day of the event a sentence names: the day of it ("the second day"), else the weekday
    its page names (`_weekday_near`)."""
    nth = _NTH_DAY.search(said)
    if nth:
        key = (nth["nth"] or nth["num"]).lower()
        return start + dt.timedelta(days=_NTH[key] if key in _NTH else int(key) - 1)
    return _weekday_near(said, start)


def _undated(points: list[MergedPoint], sources: list[Source], own: dict[int, dt.date | None]) -> list:
    """Points whose words give no date and whose first source shows none: only their page's
    weekdays and the event's days they name can tell when they happened."""
    dated = {s.id for s in sources if s.metadata.date}
    return [p for p in points if p.citations and own[id(p)] is None and p.citations[0].source_id not in dated]


def _event_days(said: dict[int, str], event_date: dt.date | None) -> dict[int, dt.date | None]:
    """The day a sentence of an undated page tells within the event: the weekday its page names
    (cut from the memo's sentence, which could not date it), the day of the event it names ("the
    second day"), the first day for an opening ("the opening speech"). Such pages otherwise keep
    their file order, not the event's. `said`: the undated points' words by id (`_undated`)."""
    if event_date is None:
        return {}
    out: dict[int, dt.date | None] = {}
    for key, words in said.items():
        day = _told_day(words, event_date)
        if day is None and _OPENING.search(words) and not _CLOSING.search(words):
            day = event_date
        if day is not None:
            out[key] = day
    return out


def _closing(said: dict[int, str], own: dict[int, dt.date | None], event_date: dt.date | None) -> None:
    """A closing undated pages name without its day ("the closing ceremony") takes the last day any
    sentence tells within reach of the event's first (in `own`). `said`: as for `_event_days`."""
    if event_date is None:
        return
    told = [d for d in own.values() if d and 0 <= (d - event_date).days <= WEEKDAY_REACH]
    for key, words in said.items() if told else ():
        if own[key] is None and _CLOSING.search(words):
            own[key] = max(told)


# "lost power two hours into its climb": a moment timed from the event's own start
_INTO = re.compile(
    r"\b(?:an?|one|two|three|four|five|six|seven|\d{1,3})\s+(?:minute|hour)s?\b[^.;]{0,40}?\binto\s+"
    r"(?:the|its|their|his|her)\s+[a-z]+",
    re.I,
)


def _after_the_start(
    keyed: list[tuple[tuple, MergedPoint]], own: dict[int, dt.date | None]
) -> list[tuple[tuple, MergedPoint]]:
    """A sentence timed from the start of the event ("... lost power two hours into its climb") told
    straight after the sentence that dates that start (the first dated one of its day), before what
    its sources tell after it (the fault, the rescue): not wherever its own source's narrative puts
    it."""
    out = []
    for key, p in keyed:
        if own[id(p)] is None and _INTO.search(p.text) and not _CLOCK.search(p.text):
            starts = [k for k, q in keyed if own[id(q)] is not None and k[0] == key[0] and q is not p]
            if starts:
                key = (*min(starts)[:-1], 1)
        out.append((key, p))
    return out


# --------------------------------------------------------------------------- themes


def _theme_terms(point: MergedPoint) -> set[str]:
    f = _features(point.text)
    return {w for w in f.content if len(w) >= 4 and not w.isdigit() and w not in _THEME_STOP}


def assign_themes(points: list[MergedPoint]) -> dict[str, list[MergedPoint]]:
    """Group points under the term they share most with others (ignoring topic-wide terms)."""
    terms = {p.id: _theme_terms(p) for p in points}
    df = Counter(t for ts in terms.values() for t in ts)
    limit = max(2, int(0.5 * len(points)))
    groups: dict[str, list[MergedPoint]] = defaultdict(list)
    for p in points:
        shared = [t for t in terms[p.id] if 2 <= df[t] <= limit]
        theme = max(shared, key=lambda t: (df[t], t)) if shared else p.id
        p.theme = theme if shared else None
        groups[theme].append(p)
    return groups


def corroboration(point: MergedPoint) -> float:
    """The plain ranking when no salience is given: most sources, then most confident."""
    return len(point.source_ids) + point.confidence


def themed_paragraphs(
    points: list[MergedPoint],
    rank: Callable[[MergedPoint], float] = corroboration,
) -> list[Paragraph]:
    """Short paragraphs by theme; the theme holding the highest-ranked point comes first.

    No "First," / "Second," leads: a theme is a group of similar points, not one step of an
    argument, and an ordinal over an eyewitness's quote or a country's population misleads."""
    followers = anaphor_anchors(points)
    groups = assign_themes([p for p in points if p.id not in followers])
    ordered = sorted(groups.values(), key=lambda g: -max(rank(p) for p in g))
    chunks: list[list[MergedPoint]] = []
    for group in ordered:
        group = sorted(group, key=lambda p: -rank(p))
        chunks += paragraph_chunks(group)
    paragraphs = [Paragraph(points=ps) for ps in pack_lone_points(chunks)]
    _place_followers(paragraphs, points, followers)
    return paragraphs


_WEAK_ANAPHOR = re.compile(
    r"^(?:This|That|Such)\s+(?!(?:is|was|are|were|has|had|will|would|could|may|might|must|can|means|"
    r"shows|suggests|signals|year|week|month|morning|afternoon|evening|summer|spring|autumn|winter)\b)[a-z]+\b"
)


def anaphor_anchors(points: list[MergedPoint]) -> dict[str, str]:
    """Points opening with "That law ..." / "This rule ..." -> the point just before them in their source.

    Why: such a point names its subject only through the sentence before it, so it must
    be read straight after that sentence, not wherever its theme puts it.
    """
    spans = [(c.source_id, c.start, c.end, p.id) for p in points for c in p.citations]
    out: dict[str, str] = {}
    for p in points:
        if not _WEAK_ANAPHOR.match(p.text) or len(p.citations) != 1:
            continue
        c = p.citations[0]
        before = [s for s in spans if s[0] == c.source_id and s[2] <= c.start and s[3] != p.id]
        if before:
            out[p.id] = max(before, key=lambda s: s[2])[3]
    return out


def _place_followers(
    paragraphs: list[Paragraph], points: list[MergedPoint], followers: dict[str, str]
) -> None:
    """Put each follower right after its anchor (chains follow in source order)."""
    by_id = {p.id: p for p in points}
    for pid, anchor in sorted(followers.items(), key=lambda kv: by_id[kv[0]].citations[0].start):
        for para in paragraphs:
            ids = [q.id for q in para.points]
            if anchor in ids:
                para.points.insert(ids.index(anchor) + 1, by_id[pid])
                break
        else:
            paragraphs.append(Paragraph(points=[by_id[pid]]))


def pack_lone_points(chunks: list[list[MergedPoint]]) -> list[list[MergedPoint]]:
    """Fold a one-point paragraph into its neighbour when both fit in one paragraph.

    Why: points that share no theme each made a one-sentence paragraph, and a section
    of one-line paragraphs reads as a list of snippets, not an argument (and wastes
    page space the two-page limit needs).
    """
    out: list[list[MergedPoint]] = []
    for chunk in chunks:
        last = out[-1] if out else None
        if (
            last is not None
            and (len(chunk) == 1 or len(last) == 1)
            and _words(last + chunk) <= PARAGRAPH_WORDS
        ):
            last.extend(chunk)
        else:
            out.append(list(chunk))
    return out


def timeline_paragraphs(points: list[MergedPoint]) -> list[Paragraph]:
    return [Paragraph(points=chunk) for chunk in paragraph_chunks(points)]


def _words(points: list[MergedPoint]) -> int:
    return sum(len(p.text.split()) + sum(len(c.statement.split()) for c in p.conflicts) for p in points)


def paragraph_chunks(points: list[MergedPoint]) -> list[list[MergedPoint]]:
    """Points in order, cut into paragraphs of about PARAGRAPH_WORDS words (at least one point each).

    Why words, not a count of points: three one-line points made a paragraph of 30 words and three
    long ones one of 150; each paragraph break costs a line of the two pages."""
    out: list[list[MergedPoint]] = []
    for p in points:
        size = _words(out[-1] + [p]) if out else 0
        if out and (size <= PARAGRAPH_WORDS or (_continues(out[-1][-1], p) and size <= 2 * PARAGRAPH_WORDS)):
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _continues(before: MergedPoint, point: MergedPoint) -> bool:
    """`point` is the sentence its source has straight after `before` (a quote and its "he
    added"): a paragraph break between them would part the words from who said them."""
    return any(
        c.source_id == b.source_id and 0 <= c.start - b.end <= 3
        for c in point.citations[:1]
        for b in before.citations
    )


# --------------------------------------------------------------------------- statements

# a sentence that names what it tells of only through the sentence before it: 'They were captured
# ...', 'This law ...', 'Putin claimed they were captured ...'
_LEANS_ON_BEFORE = re.compile(
    r"^(?:He|She|His|Her|They|Their|Them|These|Those|It|Its|This|That|Such|The\s+(?:latter|former))\b"
    r"|\b(?:they|them|their)\b"
)


def leans_on(before: MergedPoint, point: MergedPoint) -> bool:
    """`point` is the sentence its source tells straight after `before`, and leans back on it."""
    return _continues(before, point) and bool(_LEANS_ON_BEFORE.search(point.text))


def _seen_beside(point: MergedPoint, conflict: Conflict, others: list[MergedPoint]) -> bool:
    """An agreement whose other figures the paragraph's other sentences give as they are."""
    rest = [v.value for v in conflict.values if not says_figure(point.text, v.value)]
    return bool(rest) and all(any(says_figure(q.text, value) for q in others) for value in rest)


def _without_statements(point: MergedPoint, gone: list[Conflict]) -> None:
    """Take statements off a point, with the citations the merger added only for their figures."""
    point.conflicts = [c for c in point.conflicts if all(c is not g for g in gone)]
    for_them = {(v.source_id, v.excerpt) for c in gone for v in c.values}
    point.citations = [
        c
        for k, c in enumerate(point.citations)
        if k == 0 or c.score > 0 or (c.source_id, c.excerpt) not in for_them
    ]


def _carry(before: MergedPoint, point: MergedPoint) -> None:
    """Move `before`'s statements to the end of `point`, with the citations of their figures."""
    moved = before.conflicts
    figures_from = {v.source_id for c in moved for v in c.values}
    cited = set(point.source_ids)
    for c in before.citations:
        if c.source_id in figures_from and c.source_id not in cited:
            point.citations.append(c)
            cited.add(c.source_id)
    point.conflicts = moved + point.conflicts
    _without_statements(before, moved)


def place_statements(paragraphs: list[Paragraph]) -> None:
    """Where the merger's statements ("Sources differ ...", "... consistent with ...") are told.

    Why: a statement ends the sentence it was made for, but (1) an agreement between figures the
    paragraph's own sentences give says nothing the reader does not see ("Lai received over 5.5
    million votes. Another report gives over 5.39 million, consistent with this. So far, Lai
    received over 5.39 million votes ..."), and (2) told between a sentence and the next one of its
    source that leans on it ("... arrested four suspects. [statement] Putin claimed they were
    captured ..."), it parts the two: it moves after the sentence that leans on it."""
    for para in paragraphs:
        for point in para.points:
            others = [q for q in para.points if q is not point]
            seen = [c for c in point.conflicts if c.change == "agree" and _seen_beside(point, c, others)]
            if seen:
                _without_statements(point, seen)
        for before, point in zip(para.points, para.points[1:], strict=False):
            if before.conflicts and leans_on(before, point):
                _carry(before, point)
