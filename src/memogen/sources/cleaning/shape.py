"""Sentence shape: is a line a paragraph of prose, a heading, a short sentence, a teaser?

These predicates look at one line only; the classifiers combine them with position.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from ..text import word_count
from .lines import SENTINELS, TERMINAL, Line

# jusText's thresholds: a paragraph is text when at least this share of its words are stop words.
STOPWORDS_HIGH = 0.32
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """jusText's English stop-word list, read from its package data (its import costs ~0.1 s)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "stoplists" / "English.txt"
    return frozenset(w.lower() for w in path.read_text(encoding="utf-8").split())


def stopword_density(text: str) -> float:
    """Share of the words that are stop words: high in sentences, low in lists of names and topics."""
    words = _WORD.findall(text.lower())
    return sum(w in english_stopwords() for w in words) / len(words) if words else 0.0


def reads_as_list_of_names(text: str) -> bool:
    """'Global gender gap report, Grand Ethiopian Dam talks failure, Maoist attack in India, ...':
    few stop words and many capitalised words: a list of topics or names, not a sentence.

    Both signals are required, so prose in a language without an English stop-word list
    (few English stop words, but few capitals either) still reads as prose.
    """
    words = _WORD.findall(text)
    if len(words) < 8:
        return False
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    return stopword_density(text) < STOPWORDS_HIGH and capitalised >= 0.3


_SENTENCE_INSIDE = re.compile(
    r"(?:[^\W_A-Z][.!?]|[۔؟。！？])[\"”’»]?\s+[^\W\d_a-z]|[a-z0-9)\"”’][.!?][\"”’]?\s+[A-Z\"“‘]"
)


def is_prose(line: Line) -> bool:
    """A real paragraph: long enough and shaped as sentences."""
    return _is_prose_text(line.text)


@functools.lru_cache(maxsize=1 << 15)
def _is_prose_text(line_text: str) -> bool:
    """`is_prose` of a line's text, kept: each rule family asks again of every line (~8 times)."""
    text = SENTINELS.sub("", line_text)
    n = word_count(line_text)  # as Line.words
    if n >= 15 and (TERMINAL.search(text) or _SENTENCE_INSIDE.search(text)):
        return True
    return n >= 25 and not reads_as_list_of_names(text)  # a long unterminated line: text cut by a page break


def is_heading_like(line: Line) -> bool:
    """Short, starting with a capital or a digit, not ending like a sentence or a clause."""
    text = line.text
    first = text[:1]
    starts_like_a_heading = first.isdigit() or (
        first.isalpha() and not first.islower()
    )  # caseless scripts too
    return 0 < line.words <= 14 and not re.search(r"[.,;…۔]$", text) and starts_like_a_heading


def is_teaser(text: str) -> bool:
    """A cut-off excerpt of another article ("The number of passengers…")."""
    return text.rstrip().endswith(("…", "...")) and not text.rstrip().endswith(("”…", '"…'))


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_CLOSERS = "\"”’')"


def sentence_like(text: str) -> bool:
    """'He declined to comment.': a short sentence of the article, not a label."""
    plain = SENTINELS.sub("", text) if "\ue000" in text else text
    if not _ends_like_a_sentence(plain) or is_teaser(plain):  # the cheap tests first: no scan of the line
        return False
    # three words or more, one after the first in lower case ("Our Standards: The Trust Principles."
    # is a label): read word by word up to where both hold, not the whole paragraph
    lowercase = False
    for count, m in enumerate(_LETTER_RUN.finditer(plain), start=1):
        lowercase = lowercase or (count > 1 and m.group()[0].islower())
        if count >= 3 and lowercase:
            return True
    return False


def _ends_like_a_sentence(plain: str) -> bool:
    """re.search(r"[.!?][\"”’')]*$", plain) without its scan of every position of the line."""
    core = plain[:-1] if plain.endswith("\n") else plain  # `$` also matches before a final newline
    return core.rstrip(_CLOSERS)[-1:] in (".", "!", "?")
