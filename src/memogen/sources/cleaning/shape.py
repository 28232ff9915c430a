"""Sentence shape: is a line a paragraph of prose, a heading, a short sentence, a teaser?

These predicates look at one line only; the classifiers combine them with position.
"""

from __future__ import annotations

import re

from .lines import SENTINELS, TERMINAL, Line

_SENTENCE_INSIDE = re.compile(
    r"(?:[^\W_A-Z][.!?]|[۔؟。！？])[\"”’»]?\s+[^\W\d_a-z]|[a-z0-9)\"”’][.!?][\"”’]?\s+[A-Z\"“‘]"
)


def is_prose(line: Line) -> bool:
    """A real paragraph: long enough and shaped as sentences."""
    text = SENTINELS.sub("", line.text)
    n = line.words
    if n >= 15 and (TERMINAL.search(text) or _SENTENCE_INSIDE.search(text)):
        return True
    return n >= 25  # a long unterminated line is text cut by a page break


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


def sentence_like(text: str) -> bool:
    """'He declined to comment.': a short sentence of the article, not a label."""
    plain = SENTINELS.sub("", text)
    words = re.findall(r"[^\W\d_]+", plain)
    has_lowercase_word = any(
        w[0].islower() for w in words[1:]
    )  # "Our Standards: The Trust Principles." is a label
    return (
        len(words) >= 3
        and has_lowercase_word
        and bool(re.search(r"[.!?][\"”’')]*$", plain))
        and not is_teaser(plain)
    )
