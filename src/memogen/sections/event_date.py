"""`infer_event_date`: the event the sources are about, when topic.yaml does not say.

The event is the most-reported dated happening: many sources give "7 April" or
"April 7, 2021" next to "visit", "arrived", "met", "signed".  Each source votes
once per day it mentions (so one long source cannot outvote the rest), votes
near event words count double, and "today"/"yesterday" vote for the day the
source was published.  Days within a few days of the winner with solid support
become the event's range (a two-day visit).  With no day-level date anywhere,
the median publication date stands in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..model import Source
from .dates import find_dates

WINDOW = 80  # characters around a date searched for event words
RANGE_DAYS = 3  # days this close to the winner may extend the event's range
RANGE_SHARE = 3  # ... if they have at least 1/RANGE_SHARE of the winner's votes

_EVENT_WORDS = re.compile(
    r"\b(?:visit\w*|arriv\w*|met|meet\w*|talks|summit|signed|sign\w*|held|hosted|concluded|announc\w*|"
    r"vot\w*|elect\w*|attack\w*|struck|launch\w*|land\w*|protest\w*|ceremony|agreement|deal|decision|"
    r"took place|began|started|ended|passed|approved|declared|opened|killed|collapsed)\b",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\b(?:today|this morning|tonight)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)


def _ref_year(source: Source, years: list[int]) -> int | None:
    if source.metadata.date:
        return source.metadata.date.year
    return Counter(years).most_common(1)[0][0] if years else None


def _source_votes(source: Source) -> dict[dt.date, float]:
    """The days one source mentions, each with its weight (2 if near an event word, else 1)."""
    text = source.text
    mentions = find_dates(text)
    ref = _ref_year(source, [m.year for m in mentions if m.year])
    votes: dict[dt.date, float] = {}
    for m in mentions:
        day = m.resolve(ref)
        if day is None or (source.metadata.date and day > source.metadata.date + dt.timedelta(days=366)):
            continue
        near = text[max(0, m.start - WINDOW) : m.end + WINDOW]
        weight = 2.0 if _EVENT_WORDS.search(near) else 1.0
        votes[day] = max(votes.get(day, 0.0), weight)
    published = source.metadata.date
    if published:
        for rx, shift in ((_TODAY, 0), (_YESTERDAY, 1)):
            for m in rx.finditer(text):
                near = text[max(0, m.start() - WINDOW) : m.end() + WINDOW]
                if _EVENT_WORDS.search(near):
                    day = published - dt.timedelta(days=shift)
                    votes[day] = max(votes.get(day, 0.0), 2.0)
    return votes


def infer_event_date(sources: list[Source]) -> tuple[dt.date, dt.date | None] | None:
    """(first day, last day or None) of the most-reported dated event, or None if nothing is dated."""
    tally: Counter[dt.date] = Counter()
    for source in sources:
        for day, weight in _source_votes(source).items():
            tally[day] += weight
    if not tally:
        dates = sorted(s.metadata.date for s in sources if s.metadata.date)
        return (dates[len(dates) // 2], None) if dates else None
    # Most votes; ties go to the earlier day (the start of a multi-day event).
    winner, top = min(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    near = [
        d
        for d, v in tally.items()
        if abs((d - winner).days) <= RANGE_DAYS and RANGE_SHARE * v >= top and v >= 2.0
    ]
    near.append(winner)
    first, last = min(near), max(near)
    return first, (last if last != first else None)
