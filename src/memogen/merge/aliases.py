"""Other names the topic's own sources give for things (acronyms, "also known as", titles)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import (
    ACRONYM,
    AKA,
    CAP_WORD,
    CAPS_ABBR,
    DEMONYM_ENDINGS,
    DOTTED_ABBR,
    JOINERS,
    LOWER_WORD,
    MONTHS,
    PERSON_NOUNS,
    STOP,
    TITLE_HEADS,
    WORD,
)
from .text import normalise


@dataclass(frozen=True)
class Aliases:
    """What one topic's own sources say about other names for things.

    phrases: token sequence -> one canonical token ("chief of army staff" and "coas" -> "coas");
    titles: unambiguous title token sequence -> the surname of the one person holding it;
    given: a token of a person's full name -> that person's surname ("imran" -> "khan").
    """

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    initial_names: frozenset[str] = frozenset()  # sentence-opening words that are names here
    # a name -> the common nouns the sources call it by ("the city of Derna", "Derna, a port city")
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    def apply(self, tokens: list[str]) -> list[str]:
        return apply_aliases(tokens, self)

    # Looked up for every sentence of a topic: worked out once (the tables never change).
    @cached_property
    def phrase_index(self) -> _PhraseIndex:
        return _PhraseIndex.of(self.phrases)

    @cached_property
    def title_index(self) -> _PhraseIndex:
        return _PhraseIndex.of(self.titles)

    @cached_property
    def phrase_words(self) -> frozenset[str]:
        return frozenset(w for key in self.phrases for w in key)

    @cached_property
    def canonical_tokens(self) -> frozenset[str]:
        return frozenset(self.phrases.values())


@dataclass(frozen=True)
class _PhraseIndex:
    """A phrase table with what a longest-match scan needs: the words phrases start with, the
    longest phrase. A token no phrase starts with is passed over with one set look-up."""

    table: dict[tuple[str, ...], str]
    starts: frozenset[str]
    longest: int

    @classmethod
    def of(cls, table: dict[tuple[str, ...], str]) -> _PhraseIndex:
        return cls(table, frozenset(k[0] for k in table if k), max((len(k) for k in table), default=0))

    def match(self, tokens: list[str], i: int) -> tuple[int, str] | None:
        """(length, value) of the longest phrase starting at tokens[i], if any."""
        if tokens[i] not in self.starts:
            return None
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            value = self.table.get(tuple(tokens[i : i + n]))
            if value is not None:
                return n, value
        return None


def _parts(words: list[str]) -> list[str]:
    return [p.lower() for w in words for p in w.split("-") if p]


def _acronym_long_form(before: list[str], acro: str) -> list[str] | None:
    """The shortest run of words ending just before "(ACR)" whose initials spell ACR."""
    target = acro.lower()
    for k in range(1, min(len(before), 10) + 1):
        run = before[-k:]
        if run[0].lower() in JOINERS:
            continue
        content = [w for w in run if w.lower() not in JOINERS]
        for initials in (
            "".join(p[0] for p in _parts(content)),
            "".join(w[0].lower() for w in content),
            "".join(p[0] for p in _parts(run)),
        ):
            if initials == target:
                return run
    return None


def _capitalised_tail(words: list[str]) -> tuple[list[str], str]:
    """The run of capitalised words (with joiners inside) ending the list, and one lowercase head after it."""
    tail = ""
    if words and words[-1][:1].islower() and words[-1].lower() not in JOINERS:
        tail, words = words[-1].lower(), words[:-1]
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (w.lower() in JOINERS and run):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in JOINERS:
        run.pop(0)
    return run, tail


def _learn_phrases(text: str, phrases: dict[tuple[str, ...], str]) -> None:
    for m in ACRONYM.finditer(text):
        acro = m.group(1)
        before = WORD.findall(text[max(0, m.start() - 200) : m.start()])
        long_form = _acronym_long_form(before, acro)
        if long_form:
            canon = acro.lower()
            phrases.setdefault(tuple(_parts(long_form)), canon)
            phrases.setdefault((canon,), canon)
    for m in AKA.finditer(text):
        run, tail = _capitalised_tail(WORD.findall(text[max(0, m.start() - 200) : m.start()]))
        other = WORD.findall(m.group(1))
        if other and tail and other[-1].lower() == tail:
            other = other[:-1]
        if run and other:
            canon = "_".join(_parts(other))
            phrases.setdefault(tuple(_parts(run)), canon)
            phrases.setdefault(tuple(_parts(other)), canon)


def _replace_phrases(tokens: list[str], phrases: dict[tuple[str, ...], str] | _PhraseIndex) -> list[str]:
    """Longest-match replacement of known phrases by their canonical token."""
    index = phrases if isinstance(phrases, _PhraseIndex) else _PhraseIndex.of(phrases)
    if not index.table:
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        found = index.match(tokens, i)
        if found is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(found[1])
            i += found[0]
    return out


def _title_person(words: list[str]) -> tuple[list[str], list[str]] | None:
    """Split a capitalised run into (title, person name) when it reads "Title Name"."""
    heads = [k for k, w in enumerate(words) if w.lower() in TITLE_HEADS or w.lower() in DOTTED_ABBR]
    if not heads:
        return None
    end = heads[-1] + 1
    rest = words[end:]
    if len(rest) >= 4 and rest[0].lower() == "of":  # "Foreign Minister of Chile Ana Ruiz"
        end, rest = end + 2, rest[2:]
    if not 1 <= len(rest) <= 3 or any(w.lower() in JOINERS or w.isupper() for w in rest):
        return None
    return words[:end], rest


# (within one line: a caption's "President Mohamed Bazoum" above a paragraph opening "Nigeriens gather"
# is no four-word name)
_CAP_RUN = re.compile(r"[A-Z][A-Za-z'’-]*(?:[^\S\n]+(?:of[^\S\n]+)?[A-Z][A-Za-z'’-]*)+")


def _learn_titles(texts: list[str], phrases: dict[tuple[str, ...], str]) -> tuple[dict, dict]:
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in _CAP_RUN.finditer(text):
            run = [re.sub(r"['’]s$", "", w) for w in m.group().split()]
            while run and (run[0].lower() in STOP or run[0].lower() in MONTHS):
                run.pop(0)
            split = _title_person(run) if len(run) >= 2 and all(w.isalpha() for w in run) else None
            if split is None:
                continue
            title, name = split
            surname = name[-1].lower()
            for g in name[:-1]:
                given[g.lower()].add(surname)
            toks = _replace_phrases(normalise(" ".join(title)).split(), phrases)
            for a in range(len(toks)):
                for b in range(a + 1, len(toks) + 1):
                    key = tuple(toks[a:b])
                    if key[0] in JOINERS or key[-1] in JOINERS:
                        continue
                    if len(key) >= 2 or key[0] in phrases.values():
                        holders[key].add(surname)
    titles = {k: next(iter(v)) for k, v in holders.items() if len(v) == 1}
    return titles, {g: next(iter(s)) for g, s in given.items() if len(s) == 1}


def learn_aliases(texts: list[str]) -> Aliases:
    """Other names the topic's own sources give for things: "Chief of Army Staff (COAS)",
    "X (also known as Y)", and titles that name one person ("Prime Minister Ana Ruiz").

    Why: sources of one event name the same person or project differently, and no
    generic word list knows that this topic's CNO is its Admiral Sato.
    """
    phrases: dict[tuple[str, ...], str] = {}
    for text in texts:
        _learn_phrases(text, phrases)
    titles, given = _learn_titles(texts, phrases)
    for variant, canon in learn_spellings(texts).items():
        phrases.setdefault((variant,), canon)
    return Aliases(phrases, titles, given, _initial_names(texts), learn_kinds(texts))


# A word of a name spelt two ways (transliterations: "Dmitry"/"Dmytro", "Suk"/"Seok"): the same first
# letter, lengths within one, at most SPELLING_EDITS edits, and at most one edit per SPELLING_LETTERS
# letters of the longer unless two other words of the name agree ("Yoon Suk Yeol"/"Yoon Seok-yeol").
SPELLING_EDITS = 2
SPELLING_LETTERS = 3
SPELLING_RARE = 4.0  # english_zipf below which a word is a name's own (never "York"/"Yorker")


def learn_spellings(texts: list[str]) -> dict[str, str]:
    """Words of one person's name that the topic's sources spell differently -> one spelling (the
    most used), so "Dmitry Peskov" in one outlet and "Dmytro Peskov" in another are one person.

    Why only across sources: an outlet keeps to one transliteration, so two spellings in one text
    are two people ("Jon"/"Jim" of one family), and two names differing in a word's first letter
    ("Omar Bongo"/"Ali Bongo") are never one."""
    runs, seen_in, counts = _name_runs(texts)
    pairs: set[tuple[str, str]] = set()
    by_shape: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)
    for run in sorted(runs):
        for k in range(len(run)):
            by_shape[(len(run), k, run[:k] + run[k + 1 :])].append(run)
    for (_, k, rest), group in by_shape.items():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _spelt_alike(a[k], b[k], len(rest) >= 2) and not (seen_in[a[k]] & seen_in[b[k]]):
                    pairs.add((a[k], b[k]))
    return _spelling_canon(pairs, counts)


def _name_runs(texts: list[str]) -> tuple[set[tuple[str, ...]], dict[str, set[int]], dict[str, int]]:
    """Capitalised runs of 2-4 words (a title's words dropped) as lower-case parts, with the texts
    each word of a run appears in and how often."""
    runs: set[tuple[str, ...]] = set()
    seen_in: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for t, text in enumerate(texts):
        for m in _CAP_RUN.finditer(text):
            words = [re.sub(r"['’]s$", "", w) for w in m.group().split()]
            parts = [p for p in _parts(words) if p.isalpha()]
            heads = [k for k, p in enumerate(parts) if p in TITLE_HEADS]
            parts = parts[heads[-1] + 1 :] if heads else parts  # "South Korean President Yoon ..."
            while parts and (parts[0] in STOP or parts[0] in MONTHS):
                parts.pop(0)
            if not 2 <= len(parts) <= 4 or any(p in STOP for p in parts):
                continue
            runs.add(tuple(parts))
            for p in parts:
                seen_in[p].add(t)
                counts[p] += 1
    return runs, seen_in, counts


def _spelt_alike(a: str, b: str, agreed: bool) -> bool:
    from ..sources.text import english_zipf

    if a[0] != b[0] or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short[:-1]) and long_.endswith(DEMONYM_ENDINGS):
        return False  # a people's adjective ("Morocco"/"Moroccan"), not a spelling
    edits = _edits(a, b)
    if edits > SPELLING_EDITS or (edits * SPELLING_LETTERS > max(len(a), len(b)) and not agreed):
        return False
    return english_zipf(a) < SPELLING_RARE and english_zipf(b) < SPELLING_RARE


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the plain table)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _spelling_canon(pairs: set[tuple[str, str]], counts: dict[str, int]) -> dict[str, str]:
    """Each spelling -> its group's most used spelling (ties: the first in alphabetical order)."""
    group: dict[str, set[str]] = {}
    for a, b in sorted(pairs):
        merged = group.get(a, {a}) | group.get(b, {b})
        for w in merged:
            group[w] = merged
    out = {}
    for w, g in group.items():
        canon = min(g, key=lambda x: (-counts[x], x))
        if w != canon:
            out[w] = canon
    return out


# "the (port) city of Derna"; "Derna, a coastal city" / "BRICS, a grouping of ...": what a name is.
# (`the(?<!\wthe)` is `\bthe`, written so the regex engine looks for "the" before trying a match.)
_KIND_OF = re.compile(r"the(?<!\wthe)\s+(?:[a-z]+\s+){0,2}?([a-z]{3,})\s+of\s+((?:[A-Z][\w’'-]*\s?){1,4})")
_APPOSITION = re.compile(
    r"((?:[A-Z][\w’'-]*\s?){1,4}),\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,})\b(?=\s+(?:of|in|on|with|that|which|where|home)\b|[,.])"
)
# "PTI-backed independents", "Saudi-led coalition": a group named by its tie to a name (the whole
# hyphened word is the name a figure's owner is read as: "PTI-backed").
_TIED_GROUP = re.compile(r"([A-Z](?<![\w-][A-Z])[\w’']*-[a-z]+ed)\s+([a-z]{4,})\b")  # (see CAP_WORD)


def learn_kinds(texts: list[str]) -> dict[str, frozenset[str]]:
    """The common nouns the topic's sources use for a name, so "the city" can stand for Derna,
    "the bloc" for BRICS and "independents" for the "PTI-backed" ones when a figure names no owner. Nouns the sources use for two names are left
    out (then "the city" could be either)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in _KIND_OF.finditer(text):
            kinds[m.group(2).strip().lower()].add(m.group(1))
        for m in _APPOSITION.finditer(text):
            kinds[m.group(1).strip().lower()].add(m.group(2))
        for m in _TIED_GROUP.finditer(text):
            kinds[m.group(1).lower()].add(m.group(2))
    owners: dict[str, set[str]] = defaultdict(set)
    for name, nouns in kinds.items():
        for noun in nouns:
            owners[noun].add(name)
    return {
        name: frozenset(n for n in nouns if len(owners[n]) == 1 and n not in STOP and n not in PERSON_NOUNS)
        for name, nouns in sorted(kinds.items())
        if any(len(owners[n]) == 1 for n in nouns)
    }


def _initial_names(texts: list[str]) -> frozenset[str]:
    """Sentence-opening words that are names in this topic: never written in lower case,
    and either capitalised inside a sentence somewhere or rare in English (word frequencies)."""
    from ..sources.text import english_zipf

    lower: set[str] = set()
    inner: set[str] = set()
    initial: set[str] = set()
    for text in texts:
        lower.update(LOWER_WORD.findall(text))
        for m in CAP_WORD.finditer(text):
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"“‘'(")
            (initial if not before or before[-1] in ".!?:\n" else inner).add(m.group().lower())
    return frozenset(
        w for w in initial if w not in lower and w not in STOP and (w in inner or english_zipf(w) < 4.5)
    )


_CAPS = frozenset(a.lower() for a in CAPS_ABBR)


def alias_names(names: frozenset[str], norm: str, aliases: Aliases) -> frozenset[str]:
    """Names as the aliases see them: a title or "FM" is no name, a given name stands for
    its holder's surname, and a phrase with a learned alias counts once, as its canonical token."""
    phrase_words = aliases.phrase_words
    out = set()
    for n in names:
        for part in n.split("-"):
            if part and part not in TITLE_HEADS and part not in _CAPS and part not in phrase_words:
                out.add(aliases.given.get(part, part))
    canon = aliases.canonical_tokens
    if canon:
        out |= {t for t in norm.split() if t in canon}
    return frozenset(out)


def apply_aliases(tokens: list[str], aliases: Aliases | None) -> list[str]:
    """Canonical phrases, and the holder's surname after a title that names one person."""
    if aliases is None:
        return tokens
    tokens = _replace_phrases(tokens, aliases.phrase_index)
    titles = aliases.title_index
    if not titles.table:
        return tokens
    present = set(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        found = titles.match(tokens, i)
        if found is None:
            out.append(tokens[i])
            i += 1
            continue
        n, surname = found
        out += tokens[i : i + n]
        if surname not in present:
            out.append(surname)
            present.add(surname)
        i += n
    return out
