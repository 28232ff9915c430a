"""People named in the sources: who "Khan" is, and how each source introduces them.

Why: a memo lifts sentences out of their pages, so "Khan reiterated ..." leaves the reader to
guess which Khan (often the cited author of that name). A person is found where a source names
them with a title ("Prime Minister Imran Khan", "jailed former prime minister Imran Khan",
"Mr. Lavrov"); every later "Khan" or "Imran Khan" in the topic is that person. The memo's first
mention of each person then carries the name and the role their source gives, and a "He said"
borrows the one person the sentence before names.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ...model import Source
from ...wordlists import HONORIFICS, PERSON_TITLE_HEADS, SPEAKER_VERB

_CAP = r"[A-Z][A-Za-zÀ-ÿ'’-]*"
_WORD = (
    rf"(?:[A-Z][a-z]{{0,2}}\.|{_CAP})"  # "Mr." / "Gen." keep their stop; a sentence's full stop ends a run
)
# A run of capitalised words on one line, "of"/"the"/"and" allowed inside ("Chief of Army Staff General Qamar Bajwa").
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:(?:of|the|for|and)[ \t]+)?{_WORD})*")
_LOWER_ROLE = re.compile(r"((?:\b[a-z][a-z-]+\s+){0,3})$")
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_NAME = frozenset(["the", "of", "and", "for"])


@dataclass
class Mention:
    """One place a source names a person in full."""

    source_id: str
    start: int  # offset of the name (without the role) in the source text
    name: str  # "Imran Khan"
    role: str  # "Prime Minister", "former prime minister", or ""


@dataclass
class People:
    """The persons of one topic, by surname; each with every mention of their full name."""

    by_surname: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    # full names the sources print without a title ("with Wang Yi, the top Chinese diplomat"), by each
    # of their first and last words: a memo's bare "Wang reportedly said" is then named
    untitled: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def person(self, surname: str, source_id: str | None = None, before: int | None = None) -> list[Mention]:
        """Mentions of the one person a bare `surname` names here, or [] when it is not clear.

        In its own source, the nearest full mention before the sentence decides; elsewhere
        the surname must name only one person in the whole topic.
        """
        mentions = self.by_surname.get(surname, [])
        names = {m.name for m in mentions}
        if not mentions:
            return []
        own = [m for m in mentions if m.source_id == source_id and (before is None or m.start < before)]
        chosen = own[-1].name if own else None
        if chosen is None:
            full = {n for n in names if len(n.split()) > 1}
            if len({n.split()[0] for n in full}) > 1 and not _variants(full):
                return []
            chosen = max(names, key=lambda n: (len(n.split()), sum(m.name == n for m in mentions)))
        return [m for m in mentions if _same_person(m.name, chosen)]

    def surnames(self) -> frozenset[str]:
        return frozenset(self.by_surname)


def _variants(names: set[str]) -> bool:
    """ "Sergey Lavrov" / "Sergei Lavrov": spellings of one given name, not two people."""
    firsts = [n.split()[0] for n in names]
    return all(a[:4] == firsts[0][:4] for a in firsts)


def _same_person(a: str, b: str) -> bool:
    return a.split()[-1] == b.split()[-1] and (
        len(a.split()) == 1 or len(b.split()) == 1 or _variants({a, b})
    )


def _split_title(words: list[str]) -> tuple[list[str], list[str]] | None:
    """ "Foreign Minister of Russia Sergey Lavrov" -> (role words, name words), else None."""
    heads = [k for k, w in enumerate(words) if w.lower().rstrip(".") in PERSON_TITLE_HEADS | HONORIFICS]
    if not heads:
        return None
    end = heads[-1] + 1
    rest = words[end:]
    if rest and rest[0] == "of":  # "Foreign Minister of Russia Sergey Lavrov", not "Chief of Army Staff"
        end, rest = end + 2, rest[2:]
        if len(rest) < 2:
            return None
    if not 1 <= len(rest) <= 4 or any(w in _NOT_NAME for w in rest):
        return None
    if any(w.isupper() and len(w) > 3 for w in rest):  # "Minister FATA" is an office, not a name
        return None
    joiners = [k for k in range(end) if words[k] in ("and", "the")]
    role = words[joiners[-1] + 1 if joiners else 0 : end]  # "Imran Khan and General Bajwa": "General"
    if role and role[-1].lower().rstrip(".") in HONORIFICS:
        role = role[:-1]
    return role, rest


def _up_to_possessive(words: list[str]) -> list[str]:
    """ "Minister's Pakistan Visit" -> "Minister": nothing after a possessive belongs to its name."""
    for k, w in enumerate(words):
        if _POSSESSIVE.search(w):
            return [*words[:k], _POSSESSIVE.sub("", w)]
    return words


_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
# words that open a sentence before a name and are never part of a title
_OPENERS = frozenset(
    ["but", "and", "now", "then", "so", "yet", "also", "still", "meanwhile", "however", "when", "while",
     "as", "if", "after", "before", "since", "today", "yesterday", "on", "in", "at", "for", "with", "later",
     "earlier"]
)  # fmt: skip


@lru_cache(maxsize=1 << 14)
def _titled_name(run: str) -> tuple[list[str], list[str]] | None:
    """`_split_title` of a run of capitalised words, kept: a long report repeats its titled names
    thousands of times (its callers only read the lists)."""
    words = _up_to_possessive(run.split())
    return _split_title(words) if len(words) >= 2 else None


def find_people(sources: list[Source]) -> People:
    """Every person a source names with a title, and every full-name mention of them."""
    people = People()
    titled: set[str] = set()
    lower_words = set().union(*(_LOWER_WORD.findall(s.text) for s in sources))
    for s in sources:
        for m in _RUN.finditer(s.text):
            if _IN_A_SENTENCE.match(s.text, m.end()):
                _offer_untitled(people, _name_shaped(m.group()), lower_words)
            split = _titled_name(m.group())
            if split is None or any(w.lower() in lower_words for w in split[1]):
                continue
            role_words, name_words = split
            while role_words and role_words[0].lower() in _OPENERS:  # "Now Mr Lukashenko": no title "Now"
                role_words = role_words[1:]
            lower = _LOWER_ROLE.search(s.text[max(0, m.start() - 60) : m.start()])
            role = " ".join(role_words)
            if not role and lower and lower.group(1).split():
                tail = lower.group(1).split()
                if tail[-1] in PERSON_TITLE_HEADS:
                    role = " ".join(tail)
            name = " ".join(name_words)
            offset = m.start() + m.group().rfind(name_words[0])
            people.by_surname[name_words[-1]].append(Mention(s.id, offset, name, role))
            titled.add(name_words[-1])
    _add_untitled_mentions(people, sources, titled)
    return people


_TITLES = PERSON_TITLE_HEADS | HONORIFICS  # 'Mr Kim' is a title and a name, not a full name
_IN_A_SENTENCE = re.compile(r",|[ \t]+[a-z]")  # a name goes on with a comma or a lower-case word
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")  # 'Wang', 'Ka', 'Seung-lae': a personal name's word


@lru_cache(maxsize=1 << 14)
def _name_shaped(run: str) -> tuple[tuple[str, ...], ...]:
    """The parts of a run of capitalised words shaped like a full name: two or three words, each a
    capital and lower-case letters; "Tiffany Wong and Edward Middleton" holds two (kept: a long report
    repeats its runs thousands of times)."""
    parts = (part.split() for part in re.split(r"\s+(?:and|of|the|for)\s+", run))
    return tuple(
        tuple(words)
        for words in parts
        if 2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(w.lower() in _CALENDAR or w.lower() in _TITLES for w in words)
    )


def _offer_untitled(people: People, names: tuple[tuple[str, ...], ...], lower_words: set[str]) -> None:
    """A person's full name printed without a title, standing between lower-case words, none of its
    words ever written in lower case in the topic (so no 'Foreign', 'Court' or 'Party'). Kept by its
    first and last word, as a family name may come first ("Wang Yi", "Hui Ka Yan") or last ("Tiffany
    Wong"): a memo's bare "Wang reportedly said" is then named."""
    for words in names:
        if any(w.lower() in lower_words for w in words):
            continue
        name = " ".join(words)
        people.untitled[words[0]].add(name)
        people.untitled[words[-1]].add(name)


def _add_untitled_mentions(people: People, sources: list[Source], surnames: set[str]) -> None:
    """ "met Imran Khan": a titled person's given and family name, without the title, is a mention too."""
    if not surnames:
        return
    given = {k: {w for m in ms for w in m.name.split()[:-1]} for k, ms in people.by_surname.items()}
    rx = re.compile(rf"\b((?:{_CAP}[ \t]+){{1,2}})({'|'.join(map(re.escape, sorted(surnames)))})\b")
    seen = {(m.source_id, m.start) for ms in people.by_surname.values() for m in ms}
    for s in sources:
        for m in rx.finditer(s.text):
            words = m.group(1).split()
            while words and words[0] not in given[m.group(2)]:
                words.pop(0)
            start = m.start(2) - len(" ".join(words)) - 1 if words else m.start(2)
            if not words or (s.id, start) in seen:
                continue
            name = " ".join([*words, m.group(2)])
            people.by_surname[m.group(2)].append(Mention(s.id, start, name, ""))
    for ms in people.by_surname.values():
        ms.sort(key=lambda x: (x.source_id, x.start))


def best_role(mentions: list[Mention], source_id: str) -> str:
    """The role the person's own source gives with their full name (the fullest, if several);
    else the one role the other sources agree on."""
    own = [m for m in mentions if m.source_id == source_id and m.role]
    if own:
        return max(own, key=lambda m: (len(m.name.split()), len(m.role))).role
    roles = {m.role for m in mentions if m.role}
    return roles.pop() if len(roles) == 1 else ""


def best_name(mentions: list[Mention], source_id: str) -> str:
    """The fullest name, as the person's own source spells it when it gives one."""
    own = [m.name for m in mentions if m.source_id == source_id]
    pool = own if any(len(n.split()) > 1 for n in own) else [m.name for m in mentions]
    counts = Counter(pool)  # counted once: a long report names one person thousands of times
    return max(pool, key=lambda n: (len(n.split()), counts[n]))


def named_in(text: str, people: People) -> list[str]:
    """Surnames of the persons a text names, in order (a name inside a longer proper noun is none)."""
    out: list[str] = []
    for m in re.finditer(rf"\b{_CAP}\b", text):
        word = _POSSESSIVE.sub("", m.group())
        if word in people.by_surname and not re.match(r"\s+[A-Z]", text[m.end() :]) and word not in out:
            out.append(word)
    return out


def _role_before(text: str, role: str) -> bool:
    """The words just before a name already give a title: "General ", "former prime minister ",
    "Mr. ", or the very role the memo would add ("Foreign Minister of Russia ")."""
    words = text.split()
    if not words:
        return False
    last = words[-1].lower().rstrip(".,")
    parts = last.split("-")  # 'Colonel-Major', 'Lieutenant-General': a hyphenated rank is a title
    if any(w in PERSON_TITLE_HEADS or w in HONORIFICS for w in (last, *parts)):
        return True
    if role and text.rstrip().lower().endswith(role.lower()):
        return True
    run = []  # "Minister of Russia": the capitalised title run right before the name
    for w in reversed(words[-4:]):
        if w.endswith((",", ";", ":")) or not (w[:1].isupper() or w == "of"):
            break
        run.append(w.lower().rstrip("."))
    return any(w in PERSON_TITLE_HEADS for w in run)


def _given_before(head: str, given: set[str]) -> int:
    """Characters of the person's given names or initials written just before their surname
    ("Imran ", "S M "); a place in a title ("of Russia ") is not one."""
    size = 0
    words = head.split(" ")[:-1] if head.endswith(" ") else []
    for w in reversed(words[-3:]):
        initial = len(w.rstrip(".")) == 1 and w[:1].isupper()
        if not (initial or w in given):
            break
        size += len(w) + 1
    return size


# a capitalised word after a word, a comma or a title's abbreviation ("Gov. West "), not after a full stop
_WORD_BEFORE = re.compile(r"(?:[A-Za-z,;:]|\b[A-Z][a-z]{1,3}\.) ([A-Z][a-z]+) $")
_CALENDAR = frozenset(n.lower() for n in [*calendar.day_name, *calendar.month_name[1:]])


def _other_given_name(head: str, mentions: list[Mention]) -> bool:
    """ "Gov. West Moore": a capitalised word inside the sentence just before the surname, neither a
    given name the topic knows for this person, a title nor a day, is a given name of the page's
    own (a misspelling, or another person of that surname): the mention is named already, and
    putting the topic's full name after it would double the name ("Gov. West Maryland Governor Wes
    Moore")."""
    m = _WORD_BEFORE.search(head)
    if m is None:
        return False
    word = m.group(1)
    lowered = word.lower()
    if lowered in PERSON_TITLE_HEADS or lowered in HONORIFICS or lowered in _CALENDAR:
        return False
    known = {w for x in mentions for w in [*x.name.split()[:-1], *x.role.split()]}
    return word not in known


# what a bare name says or does in a memo sentence: it names a person ("Wang reportedly said")
_ACTS = re.compile(rf"\s+(?:(?:also|reportedly|later|then|earlier|further|had|has|have)\s+)?{SPEAKER_VERB}\b")


def _untitled_full_name(text: str, m: re.Match[str], people: People, introduced: set[str]) -> str | None:
    """The one full name the sources give for a bare name that speaks ("Wang said" -> "Wang Yi"),
    when this person is not named yet; None otherwise."""
    word = m.group()
    names = people.untitled.get(word)
    if not names or len(names) != 1 or not _ACTS.match(text, m.end()):
        return None
    if re.search(r"[A-Z][\w.'’-]*\s+$", text[: m.start()]):  # 'Tiffany Wong said': named already
        return None
    name = next(iter(names))
    return None if any(word in n.split() for n in introduced) else name


def introduce(text: str, source_id: str, before: int, people: People, introduced: set[str]) -> str:
    """Give each person's first mention in the memo their full name and role, as their source does.

    `introduced` holds the persons the memo has named so far (updated); later mentions stay
    as written ("Khan"), as in any edited text.
    """
    out: list[str] = []
    cursor = 0
    for m in re.finditer(rf"\b{_CAP}\b", text):
        surname = _POSSESSIVE.sub("", m.group())
        if surname not in people.by_surname and not re.match(r"\s+[A-Z]", text[m.end() :]):
            full = _untitled_full_name(text, m, people, introduced)
            if full:
                introduced.add(full)
                out.extend([text[cursor : m.start()], full])
                cursor = m.end()
            continue
        if surname not in people.by_surname or re.match(r"\s+[A-Z]", text[m.end() :]):
            continue
        mentions = people.person(surname, source_id, before)
        if not mentions:
            continue
        name = best_name(mentions, source_id)
        named = any(surname in n.split() for n in introduced)  # under another spelling of the name
        if len(name.split()) == 1 and len(people.untitled.get(surname, ())) == 1 and not named:
            name = next(iter(people.untitled[surname]))  # 'Mr Lee' and, untitled, 'Lee Jae-myung'
        written_before = text[: m.start()].split()[-1:]  # 'Yevgeny Prigozhin': the full name's own given name
        own_given = bool(written_before) and written_before[0] in name.split()[:-1]
        if name in introduced or (_other_given_name(text[: m.start()], mentions) and not own_given):
            continue
        introduced.add(name)
        known = {w for x in mentions for w in x.name.split()[:-1]} | set(name.split()[:-1])
        span_start = m.start() - _given_before(text[: m.start()], known)
        written = text[span_start : m.start()].split()
        if any(len(w.rstrip(".")) > 1 for w in written):  # the text names them in full already
            name = " ".join([*written, surname])
        role = best_role(mentions, source_id)
        if _role_before(text[max(0, span_start - 60) : span_start], role):
            role = ""
        new = " ".join(x for x in (role, name) if x) + m.group()[len(surname) :]
        if span_start == 0 and new[:1].islower():
            new = new[0].upper() + new[1:]
        out.append(text[cursor:span_start])
        out.append(new)
        cursor = m.end()
    out.append(text[cursor:])
    return "".join(out)


# a speaker named by one word: 'Yun said', 'Yun told reporters'
_SPEAKER = re.compile(rf"\b(?P<name>[A-Z][a-z]{{1,12}})(?=\s+{SPEAKER_VERB}\b)")


def speakers_in(text: str) -> set[str]:
    """The one-word names a text gives a speech verb to ('... , Veda announced'): its speakers."""
    return {m.group("name") for m in _SPEAKER.finditer(text)}


def _skeleton(word: str) -> str:
    """The consonants of a name: romanisations of one name differ in their vowels ('Yun', 'Yoon')."""
    return re.sub(r"[aeiouy]", "", word[1:].lower())


def respelled(text: str, people: People) -> str:
    """'Yun said' -> 'Yoon said': a speaker named by a word the sources give no one in full, spelled as
    the one person's surname the topic's sources do name is spelled but for its vowels (the same first
    letter, the same consonants after it (one at least), at most one letter longer or shorter). Read alone, the memo would
    otherwise speak of two persons."""

    def one(m: re.Match[str]) -> str:
        word = m.group("name")
        if word in people.by_surname or word in people.untitled or not _skeleton(word):
            return word  # ('Wu' and 'Woo', 'Li' and 'Lee': no consonant after the first to go by)
        close = {
            k
            for k in people.by_surname
            if k[0] == word[0]
            and k != word
            and abs(len(k) - len(word)) <= 1
            and _skeleton(k) == _skeleton(word)
        }
        return close.pop() if len(close) == 1 else word

    return _SPEAKER.sub(one, text)
