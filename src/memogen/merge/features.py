"""What the merger needs to know about one sentence: normal form, content stems, figures, names."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from ..wordlists import HONORIFICS
from .actions import main_action
from .aliases import Aliases, alias_names
from .lexicon import (
    COMMON_ABBREVIATIONS,
    CURRENCY_WORDS,
    EVENT_KINDS,
    MONTHS,
    REPORTING_VERBS,
    SCALES,
    SELF_REFERENCE,
    STOP,
    TOKEN,
    WEEKDAYS,
    has_note_marks,
    states_future,
    stem,
)
from .quantities import Quantity, context_of, extract_quantities, may_start_quantity, tokenize
from .text import normalise, plain_normal_form


@dataclass(slots=True)
class Features:
    """What the merger needs to know about one point's sentence."""

    norm: str
    content: frozenset[str]
    quantities: list[Quantity]
    names: frozenset[str]
    years: frozenset[int]
    padded: str = ""  # " norm ", for fast whole-word and word-prefix look-ups of names
    future: bool = False  # a plan, pledge or forecast ("will", "aims to"), not a reported fact
    events: tuple[tuple[str, tuple], ...] = ()  # (kind of event, its day) the sentence dates: event_claims
    text: str = ""  # the sentence itself (the point's own string): its action is read from it when asked
    action_read: bool = False  # `action` holds the reading (see `main_action_of`)
    action: tuple[str, frozenset[str]] | None = None  # its main action and object: actions.main_action


def _names(
    text: str,
    tokens: list[tuple[str, int, int]] | None = None,
    initial_names: frozenset[str] | None = None,
    words: list[str] | None = None,
) -> frozenset[str]:
    """Capitalised words: a cheap stand-in for named entities.

    A sentence's first word counts only when the topic's sources show it is a name
    (`initial_names`: "Ghana will borrow…" vs "Zambia will borrow…"), so "According",
    "Public" or "Officials" opening a sentence are not taken for names.
    """
    if words is not None:
        toks = words  # the tokens' strings, when the caller has them
    else:
        toks = [t for t, _, _ in (tokens if tokens is not None else tokenize(text))]
    found: list[tuple[int, str]] = []
    for k in [k for k, t in enumerate(toks) if t[:1].isupper()]:
        t = toks[k]
        low = t.lower()
        if not t.replace("-", "").isalpha():
            continue
        if low in STOP or low in MONTHS or low in WEEKDAYS or low in SCALES or low in CURRENCY_WORDS:
            continue
        if low in COMMON_ABBREVIATIONS or low in HONORIFICS:
            continue
        initial = k == 0 or toks[k - 1] in (".", "“", '"', ":")
        if initial and (initial_names is None or low not in initial_names):
            continue
        found.append((k, low))
    if not found:
        return frozenset()  # most sentences: whom they quote need not be read
    quoted = _attribution_tokens(toks)
    return frozenset(low for k, low in found if k not in quoted)


# "according to the Free and Fair Election Network, ...", "as per the report by the Hindustan Times":
# whom a sentence quotes, up to the end of its clause; "told AFP that ...": the name after the verb.
_CLAUSE_ATTRIBUTION = (("according", "to"), ("as", "per"))
_NAME_ATTRIBUTION = frozenset(["told"])
_BY_ATTRIBUTION = frozenset(["reported", "report", "quoted", "cited", "published"])
_CLAUSE_END = frozenset([",", ";", ".", ":", "that", "—", "–", "(", ")"])
_ATTRIBUTION_SPAN = 10


def _attribution_tokens(toks: list[str]) -> set[int]:
    """Tokens naming whom a sentence quotes or cites: a source, not something the fact is about, so
    "..., as per the Hindustan Times" and "Bangladesh's Supreme Court on Sunday ..." can be one fact."""
    out: set[int] = set()
    low = [t.lower() for t in toks]
    for k in range(len(toks)):
        if k >= 1 and (low[k - 1], low[k]) in _CLAUSE_ATTRIBUTION:
            for j in range(k + 1, min(len(toks), k + 1 + _ATTRIBUTION_SPAN)):
                if low[j] in _CLAUSE_END:
                    break
                out.add(j)
        elif low[k] in _NAME_ATTRIBUTION or (low[k] == "by" and k >= 1 and low[k - 1] in _BY_ATTRIBUTION):
            j = k + 1 + (k + 1 < len(toks) and low[k + 1] == "the")
            while j < len(toks) and toks[j][:1].isupper():
                out.add(j)
                j += 1
        elif low[k] in REPORTING_VERBS and not _about_itself(low, k + 1):
            j = k - 1  # "the IOM said", "the UN said 30,000 ...": the name before the verb
            while j >= 0 and toks[j][:1].isupper():
                out.add(j)
                j -= 1
    return out


def _about_itself(low: list[str], k: int) -> bool:
    """ "... said (that) it won": a speaker's words about itself (it owns what follows)."""
    k += k < len(low) and low[k] == "that"
    return k < len(low) and low[k] in SELF_REFERENCE


def content_stems(norm: str) -> frozenset[str]:
    """The stems of a normal form's content words (each distinct word stemmed once)."""
    return compact_frozenset(set(map(stem, {w for w in norm.split() if len(w) > 1} - STOP)))


NO_WORDS: frozenset = frozenset()  # one empty set for every sentence with no names or years


def _table_sizes(most: int = 96) -> tuple[bool, ...]:
    """For each size n, whether a frozenset filled one item at a time is smaller than one copied from
    a set (CPython sizes a copied table for twice its items, a growing one for four times its items
    at each step: which is smaller depends on n). Measured, not assumed: only memory depends on it."""
    return tuple(
        sys.getsizeof(frozenset(iter(set(range(n))))) < sys.getsizeof(frozenset(set(range(n))))
        for n in range(most)
    )


_GROWN_SMALLER = _table_sizes()


def compact_frozenset(items: set) -> frozenset:
    """`frozenset(items)` in the smaller of its two table sizes, and one shared empty set. Why: the
    content stems of ~64,000 sentences were the largest part of the merge's memory at 2,000 sources
    (~80 MB; a sentence's 19-31 stems took a table of 128 slots where 64 hold them), carried to its
    peak. The set's items are the same either way, so no rule sees a difference."""
    n = len(items)
    if n == 0:
        return NO_WORDS
    if n < len(_GROWN_SMALLER) and _GROWN_SMALLER[n]:
        return frozenset(iter(items))
    return frozenset(items)


def features(text: str, aliases: Aliases | None = None) -> Features:
    """Why the tokens' offsets are read only when needed: most sentences of a topic hold ordinary
    words only, whose normal form and names the words alone give (~15 % of the merge's per-point
    work at 2,000 sources went to (token, start, end) tuples nothing read)."""
    words = TOKEN.findall(text)  # tokenize's tokens, without offsets
    toks: list[tuple[str, int, int]] | None = None
    norm = None if has_note_marks(text) else plain_normal_form(words, aliases)
    if norm is None:
        toks = tokenize(text)
        norm = normalise(text, aliases, toks)
    content = content_stems(norm)
    if any(map(may_start_quantity, words)):
        quantities = extract_quantities(text, toks if toks is not None else tokenize(text))
    else:
        quantities = []
    years = {q.value[0] for q in quantities if q.kind in ("year", "date") and q.value[0]}
    names = _names(text, None, aliases.initial_names if aliases is not None else None, words)
    if aliases is not None:
        names = alias_names(names, norm, aliases)
    future = states_future(text)
    events = event_claims(quantities)
    years = frozenset(years) if years else NO_WORDS
    return Features(norm, content, quantities, names or NO_WORDS, years, f" {norm} ", future, events, text)


def main_action_of(f: Features) -> tuple[str, frozenset[str]] | None:
    """The sentence's main action (actions.main_action), read once and only when a pair asks: most
    sentences of a large topic are never in a pair that needs it (~12 µs a sentence, ~0.7 s of the
    merge at 2,000 sources when read for all)."""
    if not f.action_read:
        f.action = main_action(TOKEN.findall(f.text)) if f.text else None
        f.action_read = True
    return f.action


EVENT_REACH = 8  # words from a date within which the verb saying what happened on it stands


def event_claims(quantities: list[Quantity]) -> tuple[tuple[str, tuple], ...]:
    """(kind of event, day) for each day the sentence dates an event of a known kind on
    ("collapsed on 10 March" -> ("fall", (None, 3, 10))): how sources that word one event
    differently still state one claim (see pairs.same_event)."""
    out = []
    for q in quantities:
        if q.kind != "date" or q.value[2] is None:
            continue
        for word, dist in q.context.items():
            if dist <= EVENT_REACH:
                out += [(kind, q.value) for kind in EVENT_KINDS.get(word, ())]
    return tuple(dict.fromkeys(out))


# "collapsed Friday morning", "said on Wednesday": a day named by its weekday alone (a weekday before
# a date, "Wednesday 26 July", is that date's, read with it)
_WEEKDAY_ALONE = re.compile(
    r"\b(" + "|".join(sorted(w.capitalize() for w in WEEKDAYS)) + r")\b(?!,?\s+(?:\d|[A-Z][a-z]+\.?\s+\d))"
)


def weekday_events(text: str, day_of: Callable[[str], dt.date | None]) -> tuple[tuple[str, tuple], ...]:
    """The events a sentence dates by a weekday alone (news style: "Silicon Valley Bank collapsed
    Friday morning"), on the day `day_of` reads the weekday as (the source's date tells which week)."""
    out: list[tuple[str, tuple]] = []
    for m in _WEEKDAY_ALONE.finditer(text):
        day = day_of(m.group(1).lower())
        if day is None:
            continue
        q = Quantity("date", (day.year, day.month, day.day), m.group(0), context=context_of(text, m.group(0)))
        out += event_claims([q])
    return tuple(dict.fromkeys(out))
