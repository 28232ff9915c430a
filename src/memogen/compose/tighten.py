"""Tighten: a point's framing phrases go, its facts stay.

Why: a memo of two pages holds about 700 words, and a key fact told in 45 words takes the place
of two told in 20. News sentences often wrap their fact in a circumstantial lead ("Amid the
increasing challenges faced by the global economy, the summit ...") or trail a comment on it
(", marking a new era in ..."). Either goes when it carries no figure, date or name, and what
remains is a whole clause (a finite verb, some length) that does not open with a pronoun.
Only words are removed, never added or reordered: the point still quotes its source.
"""

from __future__ import annotations

import re

from .standalone.shape import has_finite_verb

MIN_WORDS = 8  # what remains must still say something
# Circumstantial leads, by their grammar words: "Amid ...,", "Despite ...," (concession and
# circumstance only; "After ...," and "Following ...," order events, so they stay).
_LEAD = re.compile(
    r"^(?:Amid|Amidst|Despite|In spite of|In light of|Against the backdrop of|Given)\b[^,;:]{3,120},\s+"
)
# A trailing participial comment: ", marking ...", ", raising ..." to the sentence's end.
_TRAIL = re.compile(r",\s+[a-z]+ing\b[^,;:]*[.!]?$")
# An expletive frame around the statement: "It is once again proven that X", "It is clear that X".
_FRAME = re.compile(
    r"^It\s+(?:is|was|has been|had been)\s+(?:(?:once again|now|also|thus|therefore|quite|very|"
    r"increasingly|abundantly)\s+)*(?:clear|evident|obvious|proven|apparent|undeniable|noteworthy|"
    r"worth noting|important to note|no secret|no surprise)\s+that\s+",
)
_SPECIFIC = re.compile(r"\d|(?<=\s)[A-Z][\w-]+|[“\"]")
_PRONOUN_START = re.compile(r"^(?:he|she|it|its|they|their|them|this|that|these|those|his|her)\b", re.I)


# "marking some of the worst violence in over a decade", "the first time since ...": a record set is
# a fact about the event (how it ranks), however plainly it trails the sentence
_RECORD = re.compile(
    r"\b(?:worst|largest|biggest|deadliest|bloodiest|highest|lowest|longest|strongest|heaviest|greatest|"
    r"first time|record|unprecedented)\b",
    re.IGNORECASE,
)


def _carries_facts(phrase: str) -> bool:
    """A figure, a date, a quotation, a capitalised name (after the phrase's first word) or a record."""
    return _SPECIFIC.search(phrase) is not None or _RECORD.search(phrase) is not None


def tighten(text: str) -> str:
    """The text without a circumstantial lead or a trailing comment that carry no facts."""
    out = text
    frame = _FRAME.match(out)
    if frame and _whole(out[frame.end() :]):
        rest = out[frame.end() :]
        out = rest[0].upper() + rest[1:]
    lead = _LEAD.match(out)
    if lead and not _carries_facts(lead.group(0).split(None, 1)[1] if " " in lead.group(0) else ""):
        rest = out[lead.end() :]
        if _whole(rest):
            out = rest[0].upper() + rest[1:]
    trail = _TRAIL.search(out)
    if trail and not _carries_facts(trail.group(0)):
        head = out[: trail.start()].rstrip() + "."
        if _whole(head) and head.count("(") == head.count(")") and head.count("“") == head.count("”"):
            out = head
    return out


def _whole(clause: str) -> bool:
    return len(clause.split()) >= MIN_WORDS and has_finite_verb(clause) and not _PRONOUN_START.match(clause)
