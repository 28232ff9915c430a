"""The data every classifier shares: a line as read, a line being judged, what was found, the result."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from ...model import DroppedLine, ReferenceAnchor, SourceReference
from ..text import word_count

BULLET = re.compile(r"^\s*[•·▪●◦►»\-–*]\s*")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")  # "1. ", "12) ": an item of a numbered list


def list_mark(text: str) -> re.Match[str] | None:
    """The mark opening an item of a list, numbered or bulleted."""
    return NUMBERED.match(text) or BULLET.match(text)


SENTINELS = re.compile("\ue000[^\ue001]*\ue001")  # the source's own note markers (see footnotes.py)


class EndPattern:
    """A pattern `[marks][closers]*$` whose `search` looks at the line's end only.

    Why: `re.search` tries such a pattern at every position of the line (asked of every line by
    a dozen rules: ~0.04 s a pass over a 4 MB report). Its one possible match starts at the last
    character before the closers at the end, so the search starts there: the same match object."""

    def __init__(self, marks: str, closers: str) -> None:
        self.marks, self.closers = marks, closers
        self.pattern = re.compile(f"[{re.escape(marks)}][{re.escape(closers)}]*$")

    def search(self, text: str) -> re.Match[str] | None:
        core = text[:-1] if text.endswith("\n") else text  # `$` also matches before a final newline
        stripped = core.rstrip(self.closers)
        if not stripped or stripped[-1] not in self.marks:
            return None
        return self.pattern.search(text, len(stripped) - 1)


# Sentence ends in Latin, Cyrillic, Arabic/Urdu (۔ ؟) and CJK (。！？) text.
TERMINAL = EndPattern(".!?…۔؟。！？", "\"”’')]»")


@dataclass
class RawLine:
    """One line as a reader produced it; `hint` is what the format itself said (heading, title)."""

    text: str
    lineno: int
    hint: str | None = None


# How sure a date is: a labelled "Published ..." date beats a dateline or issue line near the
# headline, which beats a bare stamp; a page's "Updated" stamp counts only when nothing else dates it.
DATE_UPDATED, DATE_WEAK, DATE_LINE, DATE_LABELLED = 0.5, 1.0, 2.0, 3.0


@dataclass
class Found:
    """Metadata the cleaner recognised in the text, how sure it is, and where each value came from.

    Ranks: a date 3 from a labelled "Published ..." line, 2 from a dateline or issue line near the
    headline, 1 weaker; a publisher 3 from "Published in X", 2 from an agency credit, 1 from a masthead.
    `origins` says, for each field found, which line gave it ("line 5: byline").
    """

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: dt.date | None = None
    date_rank: float = 0
    author_bio: list[str] = field(default_factory=list)
    publisher_rank: int = 0
    url: str | None = None
    container_title: str | None = None  # the edition or series a digest's story belongs to
    origins: dict[str, str] = field(default_factory=dict)

    def offer_publisher(self, publisher: str | None, rank: int, origin: str = "") -> None:
        if publisher and rank > self.publisher_rank:
            self.publisher, self.publisher_rank = publisher, rank
            self.origins["publisher"] = origin

    def offer_date(self, date: dt.date | None, rank: float, origin: str = "") -> None:
        if date and rank > self.date_rank:
            self.date, self.date_rank = date, rank
            self.origins["date"] = origin

    def add_authors(self, names: list[str], origin: str = "") -> None:
        new = [n for n in names if n not in self.authors]
        if new and not self.authors:
            self.origins["authors"] = origin
        self.authors += new


@dataclass
class CleanResult:
    text: str
    dropped: list[DroppedLine]
    headings: list[tuple[int, str]]
    found: Found
    references: list[SourceReference]
    anchors: list[ReferenceAnchor]
    repairs: list[tuple[str, str]] = field(default_factory=list)  # ('Groupwas', 'Group was')


@dataclass
class Line:
    """One non-empty line under judgement: kept as body or heading, or dropped with a reason."""

    text: str
    lineno: int
    hint: str | None = None
    gap_before: bool = False
    after_cut: bool = False
    role: str = "body"  # body / heading / drop
    reason: str = ""
    stage: str = ""  # which family of rules dropped it (pipeline.STAGES): a feature of the learned judge

    @property
    def words(self) -> int:
        return _word_count(self.text)

    @property
    def kept(self) -> bool:
        return self.role != "drop"

    def where(self, what: str) -> str:
        """The origin of a metadata value read from this line: 'line 5: byline'."""
        return f"line {self.lineno}: {what}"


@functools.lru_cache(maxsize=1 << 15)
def _word_count(text: str) -> int:
    """Every classifier asks a line's length, many times: counted once per text (the rule families
    each go through all lines in turn, so the cache holds a long report's lines)."""
    return word_count(text)


def drop(line: Line, reason: str) -> None:
    """Drop a line once: the first classifier to name it gives the reason."""
    if line.role != "drop":
        line.role, line.reason = "drop", reason


_NOT_WORDLIKE = re.compile(r"[^\w\s'’-]")


def bare(text: str) -> str:
    """Lower-case words only (bullets and punctuation gone): how prompts and repeats are compared."""
    return _NOT_WORDLIKE.sub(" ", BULLET.sub("", text)).lower()


def lacks_all(text: str, keys: tuple[str, ...]) -> bool:
    """True only when `text` is plain (below) and holds none of the lower-case `keys` in any case.

    Why: a case-blind pattern (?i) is tried at every position of a line (~20 µs a paragraph); when
    each of its branches needs one of `keys` as letters, a plain line without them cannot match,
    and that is a substring test."""
    low = _plain_lower(text)
    return low is not None and not any(k in low for k in keys)


# Besides ASCII, the typographer's quotes, dashes, ellipsis and bullet: caseless, they match no
# letter of a case-blind pattern. Other letters can (Kelvin's K matches k, dotless ı matches i):
# a line holding one is not plain, and goes to the pattern.
_NOT_PLAIN = re.compile("[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022]")


@functools.lru_cache(maxsize=64)
def _plain_lower(text: str) -> str | None:
    """The line lower-cased when it is plain, else None; kept for the few rules that ask of one line."""
    if text.isascii() or not _NOT_PLAIN.search(text):
        return text.lower()
    return None


@functools.lru_cache(maxsize=1 << 15)
def bare_key(text: str) -> str:
    """`bare` with its spaces collapsed: the key under which repeated lines and pull quotes are
    found. Kept per line text: the learned judge and the pull-quote rule each ask of every line.
    (str.split and re's \\s agree on what a space is: both are Py_UNICODE_ISSPACE.)"""
    return " ".join(bare(text).split())
