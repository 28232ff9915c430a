"""String-level repairs shared by every reader: words run together, markdown escapes, spacing.

Text dumps lose the space at line joins ("ties.As an outcome", "General Raheel" as
"GeneralRaheel", "2016was").  A dictionary would split more, but it would also split
names and brands it does not know, and it ties us to one language; so these rules
only fire where the characters themselves show the join (a sentence period glued to a
capital, a year glued to a word, an ordinal glued to a word).  Camel-case joins are
split only when the document itself uses one of the halves as a word of its own, so
"iPhone", "McDonald", "YouTube" or a brand used once stay intact.
"""

from __future__ import annotations

import re

_URLISH = re.compile(
    r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.|@|[a-z]\.(?:com|org|net|gov|edu|int|io|pk|ru|uk|in)\b|/)"
)
_SENTENCE_JOIN = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_COMMA_JOIN = re.compile(r"(?<=[a-z]{2},)(?=[a-z]{2})")
_PAREN_JOIN = re.compile(r"(?<=[a-z][)\]])(?=[A-Z][a-z])")
_QUOTE_AFTER_DIGIT = re.compile(r"(?<=\d[’'])(?=[a-z]{2,})")
_YEAR_JOIN = re.compile(r"\b((?:1[5-9]|20)\d\d)([a-z]{2,})\b")
_ORDINAL_JOIN = re.compile(r"\b(\d{1,4})(st|nd|rd|th)([A-Za-z]{3,})\b")
_CAMEL = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,}(?:-[A-Za-z]+)*)\b")
_ALLCAPS_HYPHEN = re.compile(r"(?<=[A-Z]{2})- (?=[A-Z]{2})")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$%&|~<>])")
_UNITS = frozenset(
    """km kg mg mm cm ml mw kw kwh gw gwh mph kmh bn mn mln tn pc ft lb lbs am pm gb mb tb hz khz mhz ghz
    px pt bc ad ce bce""".split()  # noqa: SIM905
)


def ordinal_suffix(n: int) -> str:
    """The English ordinal suffix of n (1st, 2nd, 3rd, 4th, 11th, 21st)."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _fix_ordinal(m: re.Match[str]) -> str:
    number, suffix, rest = m.group(1), m.group(2), m.group(3)
    if ordinal_suffix(int(number)) != suffix:
        return m.group(0)
    # "10thousand", "5three": a word may itself begin with th + vowel/r/w/y; leave those.
    if suffix == "th" and rest[0].islower() and rest[0] in "aeiouyrw":
        return m.group(0)
    return f"{number}{suffix} {rest}"


def _fix_year(m: re.Match[str]) -> str:
    year, rest = m.group(1), m.group(2)
    if rest.lower() in _UNITS or rest in ("s", "th"):
        return m.group(0)
    return f"{year} {rest}"


def split_joined_words(text: str, vocabulary: set[str] | None = None) -> str:
    """Insert the missing space at joins the characters prove (see the module doc)."""
    vocab = vocabulary if vocabulary is not None else document_vocabulary(text)
    out = []
    for token in re.split(r"(\s+)", text):
        if not token or token.isspace() or _URLISH.search(token):
            out.append(token)
            continue
        token = _SENTENCE_JOIN.sub(" ", token)
        token = _COMMA_JOIN.sub(" ", token)
        token = _PAREN_JOIN.sub(" ", token)
        token = _QUOTE_AFTER_DIGIT.sub(" ", token)
        token = _YEAR_JOIN.sub(_fix_year, token)
        token = _ORDINAL_JOIN.sub(_fix_ordinal, token)
        token = _CAMEL.sub(lambda m: _fix_camel(m, vocab), token)
        out.append(token)
    return _ALLCAPS_HYPHEN.sub("-", "".join(out))


def fix_broken_hyphens(text: str) -> str:
    """'PAKISTAN- RUSSIAN' -> 'PAKISTAN-RUSSIAN' (a compound split at a line end, in capitals)."""
    return _ALLCAPS_HYPHEN.sub("-", text)


def _fix_camel(m: re.Match[str], vocab: set[str]) -> str:
    left, right = m.group(1), m.group(2)
    head = right.split("-")[0]
    if left in vocab or (len(head) >= 4 and head in vocab):
        return f"{left} {right}"
    return m.group(0)


def document_vocabulary(text: str) -> set[str]:
    """Words that occur on their own in the document (the evidence camel splits need)."""
    return {w for w in re.findall(r"(?<![A-Za-z])[A-Z]?[a-z]+(?![A-Za-z])", text)}


def unescape_markdown(text: str) -> str:
    """`US\\$ 790` -> `US$ 790`: dumps made via markdown keep backslash escapes."""
    return _MD_ESCAPE.sub(r"\1", text)


_EMPHASIS = re.compile(r"(?<![\w*])([*_]{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def strip_emphasis(text: str) -> str:
    """`*Gulf News*` -> `Gulf News` (markdown emphasis is formatting, not words)."""
    return _EMPHASIS.sub(r"\2", text)


def normalise_spaces(line: str) -> str:
    """Non-breaking and odd spaces to plain spaces; trim; collapse runs."""
    line = line.replace("\u00a0", " ").replace("\u2009", " ").replace("\u200b", "").replace("\t", " ")
    return re.sub(r" {2,}", " ", line).strip()


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))
