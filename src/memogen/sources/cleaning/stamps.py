"""Stamps and labels: "4 hours ago", a live blog's "14:32 BST", "5 min read", "Press release", "Live".

They say when or how to read the page, never what happened.
"""

from __future__ import annotations

import re

from ...model import DroppedLine
from .lines import TERMINAL, Line

_RELATIVE_TIME = re.compile(
    r"(?i)^(?:updated\s+|posted\s+)?(?:(?:\d+|an?|one|few)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago|just now|yesterday|today)\.?$"
)
# A live blog's entry stamp ("14:32 BST", "9.05am", "UPDATE 4 P.M.:").
_CLOCK = (
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+(?:[A-Z]{2,4}|GMT[+-]\d{1,2})\b)?"
)
_UPDATE_LABEL = r"(?:update[ds]?|posted|edited)\s*[:,-]?\s*"
_ENTRY_TIME = re.compile(rf"(?i)^(?:{_UPDATE_LABEL})?{_CLOCK}\s*:?$")
# ... and one opening its entry's first sentence: "UPDATE 10:22 P.M.: Maui County confirms ...". A bare
# clock needs its colon ("10:22 p.m.: The county ..."); after the label a dash will do.
ENTRY_PREFIX = re.compile(
    rf"(?i)^(?:{_UPDATE_LABEL}{_CLOCK}\s*(?::|\s[–—-])|{_CLOCK}\s*:)\s+(?=(?-i:[A-Z])|[“\"‘'])"
)
_READING_TIME = re.compile(r"(?i)^(?:reading time:?\s*)?\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read(?:ing)?)?$")
_RELEASE_LABEL = re.compile(
    r"(?i)^(?:for immediate release|(?:press|news|media) release|embargoed\b.{0,60}|ends|-\s*ends\s*-)\s*:?$"
)

# A page-view counter ('(Visited 26 times, 1 visits today)') and an empty post stamp ('Posted on by').
_COUNTER = re.compile(
    r"(?i)^\(?\s*(?:visited|viewed|read)\s+[\d,]+\s+times?\b.{0,30}$|^\d[\d,]*\s+(?:views|reads)$"
)
_EMPTY_POST_STAMP = re.compile(r"(?i)^posted\s+(?:on|in)?\s*(?:by)?\s*$")

RELATIVE_TIME_REASON = "relative timestamp (sidebar)"


def relative_time(text: str) -> str | None:
    return RELATIVE_TIME_REASON if _RELATIVE_TIME.match(text) else None


def entry_time(text: str) -> str | None:
    return "live-blog entry time" if _ENTRY_TIME.match(text) else None


def counter(text: str) -> str | None:
    if _COUNTER.match(text) or _EMPTY_POST_STAMP.match(text):
        return "page-view counter / empty post stamp"
    return None


def reading_time(text: str) -> str | None:
    return "reading-time label" if _READING_TIME.match(text) else None


def release_label(text: str) -> str | None:
    return "press-release label" if _RELEASE_LABEL.match(text) else None


def entry_prefix(it: Line, dropped: list[DroppedLine]) -> None:
    """'UPDATE 10:22 P.M.: Maui County confirms ...': a live blog's entry stamp opening the entry's first
    sentence says when the page was written, not what happened; the sentence stays without it (a memo
    would quote the stamp, or take it for the source's title)."""
    m = ENTRY_PREFIX.match(it.text)
    if m is None or not TERMINAL.search(it.text[m.end() :]):
        return
    dropped.append(DroppedLine(it.text[: m.end()].strip(), "live-blog entry time", it.lineno))
    it.text = it.text[m.end() :]
