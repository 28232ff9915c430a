"""Text the merger compares: one normal form for numbers, currencies, titles and aliases;
and the wording the memo states a fact in (light compression, clarity)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import (
    CAPS_ABBR,
    DOTTED_ABBR,
    FIRST_PERSON,
    LEADING_FILLER,
    SUPERSCRIPTS,
    TERMINAL,
    has_note_marks,
)
from .quantities import Quantity, extract_quantities, number_word_parts, parse_digits, read_number, tokenize

if TYPE_CHECKING:
    from .aliases import Aliases
    from .features import Features


def normalise(
    text: str, aliases: Aliases | None = None, tokens: list[tuple[str, int, int]] | None = None
) -> str:
    """Lower-case text with numbers, currencies, percent signs, title abbreviations and the
    topic's own aliases written one way (hyphenated words split, so "Nord-Link" meets
    "Nord Link").

    `tokens`: tokenize(text), when the caller has it (the merger's features need both); used
    when the text has no note marks, which are dropped before tokenising otherwise."""
    if tokens is None or has_note_marks(text):
        tokens = tokenize(SUPERSCRIPTS.sub("", text))
    toks = tokens
    quick = plain_normal_form([t for t, _, _ in toks], aliases)
    if quick is not None:
        return quick
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i][0]
        plain = _plain_word(tok)
        if plain is not None:
            if plain:
                out.append(plain)
            i += 1
            continue
        low = tok.lower().replace("\\", "").replace(" ", "")
        if number_word_parts(tok):
            num = read_number(toks, i)
            if num:
                out.append(f"{num[0]:g}")
                i = num[2]
                continue
        if tok in CAPS_ABBR:
            out += CAPS_ABBR[tok].split()
        elif tok[:1].isupper() and low in DOTTED_ABBR and i + 1 < len(toks) and toks[i + 1][0] == ".":
            out += DOTTED_ABBR[low].split()
            i += 1
        elif low in ("us$", "usd", "$", "us"):
            out.append("usd" if low != "us" else "us")
        elif low in ("%", "percent"):
            out.append("percent")
        elif low == "per" and i + 1 < len(toks) and toks[i + 1][0].lower() == "cent":
            out.append("percent")
            i += 1
        elif tok[:1].isdigit():
            value = parse_digits(tok)
            out.append(f"{value:g}" if value is not None else tok)
        elif tok.isalnum() or "'" in tok or "’" in tok:
            out.append(low)
        elif "-" in tok:
            out += [p for p in low.split("-") if p]
        i += 1
    return " ".join(aliases.apply(out) if aliases is not None else out)


def plain_normal_form(words: list[str], aliases: Aliases | None = None) -> str | None:
    """`normalise`'s result for tokens that are all ordinary words (most sentences of a topic), in
    one pass; None when one needs a closer look (a number, an abbreviation, a currency, a hyphen)."""
    plains = list(map(_plain_word, words))  # (map: no per-word bytecode around the cached call)
    if None in plains:
        return None
    kept: list[str] = [p for p in plains if p]  # type: ignore[misc]  # "": punctuation, dropped
    return " ".join(aliases.apply(kept) if aliases is not None else kept)


@lru_cache(maxsize=1 << 15)  # a topic's words (a smaller cache thrashed: ~13 % misses at 500 sources)
def _plain_word(tok: str) -> str | None:
    """The normal form of an ordinary word (most tokens: `normalise`'s last branches, decided by the
    token alone), "" for a token it drops (punctuation), or None when `normalise` must look closer:
    a number, an abbreviation, a currency, a percent, a hyphenated word. Kept per token: a topic's
    sentences repeat the same words."""
    low = tok.lower().replace("\\", "").replace(" ", "")
    if number_word_parts(tok) or tok in CAPS_ABBR or (tok[:1].isupper() and low in DOTTED_ABBR):
        return None
    if low in ("us$", "usd", "$", "us", "%", "percent", "per") or tok[:1].isdigit():
        return None
    if tok.isalnum() or "'" in tok or "’" in tok:
        return low
    return None if "-" in tok else ""


def forget_word_caches() -> None:
    """Let the per-word tables of a topic go (normal forms, figure contexts, name spellings) once its
    pairs are judged: at 2,000 sources they hold some tens of thousands of words, ~5-10 MB at the
    merge's memory peak, and the next topic has other words. So too the figures read per sentence
    for the conflicts."""
    from .conflicts import _figures_in
    from .pairs import _name_probes
    from .quantities import _context_stem

    for cached in (_plain_word, _context_stem, _name_probes, _figures_in):
        cached.cache_clear()


# --------------------------------------------------------------------------- representative text


_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(
    r"[^\S ]"
)  # white space other than a plain space: a tab, a line break, a no-break space


def uneven_spaces(text: str) -> bool:
    """The text has a run of white space other than one plain space (what `_SPACES` would rewrite).
    Why not one pattern (`\\s{2,}|[^\\S ]`): the alternation tries both branches at every character,
    ~4x the time of a substring test and one character class; most texts have single spaces only,
    and the merge asks it of every point (~0.8 s at 2,000 sources with the substitution it spares)."""
    return "  " in text or _ODD_SPACE.search(text) is not None


def compress(text: str) -> str:
    """Light compression that keeps a faithful subset of the sentence: no note marks, no leading connective."""
    out = (SUPERSCRIPTS.sub("", text) if has_note_marks(text) else text).strip()
    if uneven_spaces(out):
        out = _SPACES.sub(" ", out)
    stripped = LEADING_FILLER.sub("", out)
    if stripped != out and stripped[:1].isalpha():
        out = stripped[0].upper() + stripped[1:]
    if out and out[-1] not in TERMINAL:
        out += "."
    return out


NAME_WEIGHT = 0.5  # what one name adds to a sentence's clarity score
FIGURE_WEIGHT = 1.2  # what one figure adds


def clarity_score(text: str, feats: Features) -> float:
    """How good a sentence is as the memo's wording of a fact: specific, complete, plain."""
    words = len(text.split())
    score = 0.0
    score += FIGURE_WEIGHT * min(len(feats.quantities), 4)
    score += NAME_WEIGHT * min(len(feats.names), 6)
    score += 1.0 - abs(min(words, 60) - 28) / 28  # full sentences of normal length
    if FIRST_PERSON.search(text):
        score -= 3
    if "?" in text or "!" in text:
        score -= 2
    if text[:1] in "\"“'‘" or text[:1].islower():
        score -= 2.5  # a quote fragment or a broken-off clause
    if text.count("“") + text.count('"') >= 2 and words < 15:
        score -= 1.5
    if words < 6:
        score -= 3
    if text.rstrip()[-1:] not in TERMINAL:
        score -= 1
    if LEADING_FILLER.match(text):
        score -= 0.5
    return score


# A non-restrictive clause set off by commas: ", which was carrying 412 passengers on Sunday,".
# a comma-set "which"/"who" clause; the comma of a date ("on March 10, 2023") closes none
_ASIDE = re.compile(r",\s+(?:which|who)\s+(?:[^,;:()]|,(?=\s*\d{4}\b))+?,\s+(?!\d{4}\b)")


_OPEN_APPOSITION = re.compile(r"^[^,;:]{1,40},\s*[^,;:]{1,20}$")


def without_asides(text: str) -> str:
    """The sentence with its comma-set "which"/"who" clauses taken out (its main statement)."""
    return _ASIDE.sub(", ", text)


def drop_restated_asides(
    text: str, stated: Callable[[Quantity], bool], told: Callable[[str, Quantity], bool] | None = None
) -> str:
    """The sentence without asides whose every figure another fact of the memo states (`stated`),
    or whose years another fact states with the aside's words (`told`: "Bongo, 64, who took over
    from his father Omar in 2009, was placed under house arrest" beside "In 2009, he took over
    after the death of his father").

    Why: "The Northern Star, which was carrying 412 passengers, was one of the ships exempted"
    says something new, but its aside repeats a figure the memo gives elsewhere. (A year alone
    is no sign: "who was elected in 2018" beside another fact of 2018 says something else.)
    """
    out = text
    for m in reversed(list(_ASIDE.finditer(text))):
        found = extract_quantities(m.group())
        figures = [q for q in found if q.kind != "year"]
        years = [q for q in found if q.kind == "year"]
        restated = bool(figures) and all(stated(q) for q in figures)
        if not figures and years and told is not None:
            restated = all(told(m.group(), q) for q in years)
        if restated:
            # "Bongo, 64, who ..., was": the apposition before the aside closes with its comma
            joint = ", " if _OPEN_APPOSITION.search(out, 0, m.start()) else " "
            out = out[: m.start()] + joint + out[m.end() :]
    return out if len(out.split()) >= 6 else text


def has_aside(text: str) -> bool:
    return _ASIDE.search(text) is not None
