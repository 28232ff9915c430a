"""Labels one source alone gives: a name a page marks as its own ("the so-called “Global Balance”").

Why: a name the writer keeps at a distance ("the so-called “…”", in quotes) is often a translation
or a coinage of that page; when no other source of the topic uses it, the memo would state the
page's label as the thing's name. (A name merely introduced — "dubbed", "known as" — is the
thing's name, and stays.) Like a date only one source gives, it is
that source's reading, not a fact the sources back: the point is flagged, not stated (another
source's statement of the same fact still is).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Point
from .lexicon import STOP

_LABEL = re.compile(
    r"\bso[- ]called\s+[“\"‘']"
    r"(?P<label>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5})[”\"’']",
)


def labels(text: str) -> list[str]:
    """Quoted names a sentence marks as labels, Title Case first word."""
    if "called" not in text:  # in every match: one quick scan instead of the pattern's (`\b` leads it)
        return []
    return [m.group("label") for m in _LABEL.finditer(text)]


def lone_labels(points: list[Point], source_texts: dict[str, str]) -> dict[int, list[str]]:
    """Points giving a marked label no other source's text uses (in any letter case): point -> why."""
    flagged: dict[int, list[str]] = {}
    lowered: dict[str, str] = {}  # every source's text, lower-cased once the first label is met
    for k, p in enumerate(points):
        for label in labels(p.text):
            lowered = lowered or {
                sid: re.sub(r"\s+", " ", text.lower()) for sid, text in source_texts.items()
            }
            needle = re.sub(r"\s+", " ", label.lower())
            if not any(needle in text for sid, text in lowered.items() if sid != p.source_id):
                flagged.setdefault(k, []).append(f"“{label}”: a label only this source uses")
    return flagged


# --------------------------------------------------------------------------- names one source misspells

# A run of capitalised words (a name), hyphenated parts split: "Brice Oligui-Nguema" is three words.
_NAME_RUN = re.compile(r"[A-Z][\w’']*(?:(?:[^\S\n]+|-)[A-Z][\w’']*)+")
NAME_BACKERS = 2  # other sources writing the name the usual way: what makes one source's variant an error
NAME_BUCKET = 100  # names holding one word, past which the word finds no rivals (see _rivals)


def _name_runs(text: str) -> set[tuple[str, ...]]:
    """Every name a text writes, as its words (a sentence's opening "The" or "In" is no part of it)."""
    out = set()
    for m in _NAME_RUN.finditer(text):
        words = re.split(r"[^\S\n]+|-", m.group())
        while words and words[0].lower() in STOP:
            words.pop(0)
        out.add(tuple(words))
    return out - {()}


_POSSESSIVE = re.compile(r"[’']s?$")
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’']*")


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word.lower())


def _alike(a: str, b: str) -> bool:
    """One word, however spelled: equal, or (long words) one letter added, dropped or changed."""
    a, b = _key(a), _key(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


def _variant_word(mine: tuple[str, ...], usual: tuple[str, ...]) -> str | None:
    """The word `mine` has where `usual` has another (or none): one word replaced ("Federal Deposit
    Insurance Company" / "... Corporation") or put inside it ("Brice Clothier Oligui Ngema" / "Brice
    Oligui Nguema"), every other word alike, `usual` lying within `mine` around that word. None if
    the two names differ otherwise (a longer name that adds a first or last part is no error)."""
    n, m = len(mine), len(usual)
    if m < 3:
        return None  # "Pakistan Party" is too short a name to tell a slip from another name
    for start in range(n - m + 1):  # one word replaced (two others alike at least)
        window = mine[start : start + m]
        odd = [k for k in range(m) if not _alike(window[k], usual[k])]
        if len(odd) == 1 and window[odd[0]][:2].lower() == usual[odd[0]][:2].lower():
            return window[odd[0]]
    for k in range(1, n - 1):  # one word put inside
        rest = mine[:k] + mine[k + 1 :]
        for start in range(max(0, k - m + 1), min(k - 1, n - 1 - m) + 1):
            if all(_alike(x, y) for x, y in zip(rest[start : start + m], usual, strict=True)):
                return mine[k]
    return None


def _rivals(
    mine: tuple[str, ...], lone: set[str], by_word: dict[str, set[tuple[str, ...]]]
) -> list[tuple[str, ...]]:
    """Names that may be the usual form of `mine`: no longer, sharing two of its other words. A word
    in more than NAME_BUCKET names ("President", "Bank") picks none: it would make the search
    quadratic in a large topic, and the rarer words of the name find its rivals."""
    shared: dict[tuple[str, ...], int] = defaultdict(int)
    for key in {_key(w) for w in mine if w not in lone}:
        names = by_word.get(key, ())
        if len(names) <= NAME_BUCKET:
            for name in names:
                shared[name] += 1
    return sorted(n for n, k in shared.items() if k >= 2 and 3 <= len(n) <= len(mine) and n != mine)


def lone_name_variants(points: list[Point], source_texts: dict[str, str]) -> dict[int, list[str]]:
    """Points writing a name in a way no other source does, where other sources agree on another
    form that differs by one word ("the Federal Deposit Insurance Company", four others writing
    "Corporation"; "General Brice Clothier Oligui-Ngema", a translation's slip, against "Brice Oligui
    Nguema"): point -> why. Like a figure one source alone gives that others contradict, the name is
    that source's slip: the point is flagged, not stated (other sources' statements of the fact are).
    The odd word must be one no other source writes as a name (capitalised), so a fuller name others
    know is no slip ("the company" in lower case is no such use)."""
    runs = {sid: _name_runs(text) for sid, text in source_texts.items()}
    writers: dict[str, set[str]] = defaultdict(set)  # capitalised word -> the sources writing it
    for sid, text in source_texts.items():
        for w in set(_CAPITALISED.findall(text)):
            writers[w].add(sid)
    usual_of: dict[tuple[str, ...], set[str]] = defaultdict(set)  # name -> the sources writing it
    by_word: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # word -> names holding it
    for sid, names in runs.items():
        for name in names:
            if len(name) >= 3:
                usual_of[name].add(sid)
                for w in name:
                    by_word[_key(w)].add(name)
    slips: dict[str, dict[str, str]] = {}  # source -> odd word -> why
    for sid, names in runs.items():
        for mine in sorted(names):
            # only a word no other source writes can be a slip: most names have none, and stop here
            lone = {w for w in mine if writers[w] == {sid} and w.isalpha()}
            if len(mine) < 3 or not lone:
                continue
            backers: dict[str, set[str]] = defaultdict(set)  # odd word -> sources of the usual form
            for usual in _rivals(mine, lone, by_word):
                odd = _variant_word(mine, usual)
                if odd in lone:
                    backers[odd] |= usual_of[usual] - {sid}
            for odd, who in sorted(backers.items()):
                if len(who) >= NAME_BACKERS:
                    why = f"“{' '.join(mine)}”: “{odd}” is a name only this source writes"
                    slips.setdefault(sid, {})[odd] = why
    flagged: dict[int, list[str]] = {}
    for k, p in enumerate(points):
        for odd, why in slips.get(p.source_id, {}).items():
            if re.search(rf"(?<![\w’']){re.escape(odd)}(?![\w’'])", p.text):
                flagged.setdefault(k, []).append(why)
    return flagged
