"""A figure told twice: a sentence that only restates what another fact tells goes.

Why: sources of one event tell its ordinal ("the 15th summit", "a third term") or a count ("22
countries have applied") in many sentences, each beside other details, so the merger keeps them
apart as facts of their own (rightly: each says something the other lacks) and the memo told the
figure twice or three times. A sentence whose specific figures another fact gives too, and whose
words are mostly that fact's, adds nothing a reader would miss: it is dropped from its fact, and a
fact of that sentence alone goes, its sources cited by the fact that tells it. The shared figure is
the evidence; the words make sure the sentence is about what that fact says ("the eighth coup in
the region" beside "Gabon's is the eighth military coup in West Africa"), not another thing of the
same count ("six countries invited" beside "six countries signed"). A sentence that joins such a
restating clause to one of its own ("..., while ...") keeps that other clause alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import Citation, MergedPoint
from .features import features
from .lexicon import STOP
from .pairs import can_anchor
from .quantities import Quantity, split_sentences

RESTATED_SHARE = 0.4  # of a sentence's content words (figures aside) the fact telling its figure must say
# facts giving one figure beyond which it says nothing about which fact (a round amount, a common
# count): not read as restatements (and the cost stays linear in the number of facts)
MAX_STATING = 8


@dataclass
class _Fact:
    """A merged fact as the step reads it: its sentences, each with its figures and words."""

    point: MergedPoint
    sentences: list[str]
    figures: list[list[Quantity]]
    words: list[frozenset[str]]
    names: list[frozenset[str]]

    def all_figures(self) -> list[Quantity]:
        return [q for fs in self.figures for q in fs]

    def all_words(self) -> frozenset[str]:
        return frozenset().union(*self.words) if self.words else frozenset()

    def evidence(self, rare: frozenset[str]) -> set[tuple]:
        return {
            key
            for k in range(len(self.sentences))
            for key in _sentence_evidence(self.figures[k], self.names[k], rare)
        }

    def padded(self) -> str:
        return _padded(" ".join(self.sentences))


def drop_restated_sentences(
    merged: list[MergedPoint],
    figures_of: dict[str, list[Quantity]],
    names_of: dict[str, frozenset[str]] | None = None,
) -> dict[str, str]:
    """Drop, in place, sentences that restate another fact's figure in mostly its words (see module).

    figures_of, names_of: each fact's figures and names as the merger read them (its chosen point's),
    to find the few facts sharing a specific figure, or two names few facts give, without reading
    every fact again. Returns the facts dropped whole -> the fact that tells them. Less cited facts
    give way first; a fact carrying a disagreement's statement keeps its sentences (the statement is
    about them)."""
    keys: dict[tuple, list[str]] = defaultdict(list)
    for m in merged:
        for key in {_key(q) for q in figures_of.get(m.id, ()) if _evidence(q)}:
            keys[key].append(m.id)
        for name in (names_of or {}).get(m.id, ()):
            keys[("name", name)].append(m.id)
    rare = frozenset(key[1] for key, ids in keys.items() if key[0] == "name" and len(ids) <= MAX_STATING)
    shared = {
        fid for key, ids in keys.items() if key[0] != "name" and 1 < len(ids) <= MAX_STATING for fid in ids
    }
    shared |= _sharing_names(keys, rare)
    shared |= {m.id for m in merged if _told_twice(figures_of.get(m.id, ()))}
    if not shared:
        return {}
    facts = {m.id: _read(m) for m in merged if m.id in shared}
    rank = {m.id: k for k, m in enumerate(merged)}
    stating: dict[tuple, set[str]] = defaultdict(
        set
    )  # figure or rare name -> the facts giving it (as read now)
    for fid, fact in facts.items():
        for key in fact.evidence(rare):
            stating[key].add(fid)
    order = sorted(facts, key=lambda fid: (len(facts[fid].point.citations), -rank[fid]))
    gone: dict[str, str] = {}
    for fid in order:
        fact = facts[fid]
        if fact.point.conflicts:
            continue
        told: list[_Fact | None] = []
        for k in range(len(fact.sentences)):
            before = [j for j in range(k) if told[j] is None]  # its own sentences before it, kept
            own = _Fact(fact.point, *([[getattr(fact, a)[j] for j in before] for a in _PARTS]))
            mine = _sentence_evidence(fact.figures[k], fact.names[k], rare)
            near = (
                {h for key in mine if len(stating[key]) <= MAX_STATING for h in stating[key]}
                - {fid}
                - gone.keys()
            )
            hosts = [facts[h] for h in sorted(near, key=rank.__getitem__)]
            if _leans_back(fact.sentences[k]):
                told.append(None)  # "This is the analysts' opinion": it says whose the sentence before is
                continue
            needs_figure = any(mark in fact.sentences[k] for mark in _QUOTES) or _introduces_acronym(
                fact.sentences[k], hosts
            )
            host = _telling(
                fact.figures[k], fact.words[k], fact.names[k], [own, *hosts], rare, needs_figure, fact
            )
            if host is None and mine:
                _drop_told_clause(fact, k, [own, *hosts], rare)
            told.append(host)
        if all(told) and all(t is not None and t.point is not fact.point for t in told):
            gone[fid] = told[0].point.id  # type: ignore[union-attr]  # nothing of its own: it goes whole
            _cite_too(told[0].point, fact.point.citations)  # type: ignore[union-attr]
            continue
        kept = [k for k, host in enumerate(told) if host is None or _leaned_on(fact.sentences, k)]
        if len(kept) < len(fact.sentences):
            _keep_only(fact, kept)
    if gone:
        merged[:] = [m for m in merged if m.id not in gone]
    return gone


_PARTS = ("sentences", "figures", "words", "names")

# where one sentence joins two clauses, each with its own subject ("Borsk became the tenth member, while
# Cemra chose to stay an observer"; "..., whereas ..."; "...; ...")
_CLAUSE_JOIN = re.compile(r",?\s+(?:while|whereas)\s+|;\s+")
MIN_CLAUSE_WORDS = 4  # the clause kept must say something on its own


def _drop_told_clause(fact: _Fact, k: int, hosts: list[_Fact], rare: frozenset[str]) -> None:
    """Sentence k joins two clauses and one restates a fact's figure in mostly its words (see
    `_telling`) while the other says something of its own: the sentence keeps that other clause alone
    ("Borsk became the tenth member of the bloc, while Cemra chose to stay an observer" beside "The
    bloc admitted Borsk as its tenth member": "Cemra chose to stay an observer."). Why: whole sentences
    go only when all they say is told; a figure told inside a sentence that carries another fact was
    told twice in the memo."""
    sentence = fact.sentences[k]
    joins = list(_CLAUSE_JOIN.finditer(sentence))
    if len(joins) != 1 or any(mark in sentence for mark in _QUOTES):
        return  # one join only; someone's own words are not cut
    join = joins[0]
    head, tail = sentence[: join.start()], sentence[join.end() :]
    for told, kept, last in ((head, tail, True), (tail, head, False)):
        feats = features(told)
        figures = [q for q in feats.quantities if _told(q)]
        if not any(_evidence(q) for q in figures) or not _standalone(kept):
            continue
        words = frozenset(w for w in feats.content if not w[:1].isdigit())
        if _telling(figures, words, _names(told), hosts, rare, False, fact) is None:
            continue
        text = kept[:1].upper() + kept[1:]
        if not last:
            text = text.rstrip(" ,") + sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in ".!?" else text
        rest = features(text)
        fact.sentences[k] = text
        fact.figures[k] = [q for q in rest.quantities if _told(q)]
        fact.words[k] = frozenset(w for w in rest.content if not w[:1].isdigit())
        fact.names[k] = _names(text)
        fact.point.text = " ".join(fact.sentences)
        return


def _standalone(clause: str) -> bool:
    """A clause that reads as a sentence: enough words, opening on no word that points back."""
    first = clause.split(maxsplit=1)[0] if clause.strip() else ""
    opens = first[:1].isupper() or first.lower() in _DETERMINERS
    return len(clause.split()) >= MIN_CLAUSE_WORDS and opens and not _leans_back(clause)


_DETERMINERS = frozenset(
    ["the", "a", "an", "some", "many", "most", "several", "other", "others", "both", "all"]
)

# a sentence that leans on the one before for its subject ("He said ...", "This is ..."): that one stays
_LEANING = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "there",
        "such",
    ]
)


def _leaned_on(sentences: list[str], k: int) -> bool:
    """The sentence after sentence k opens with a word that points back to it."""
    return k + 1 < len(sentences) and _leans_back(sentences[k + 1])


def _leans_back(sentence: str) -> bool:
    """The sentence opens with a word that points back to the one before ("He said", "This is")."""
    words = sentence.split(maxsplit=1)
    return bool(words) and words[0].strip("\"“‘'(").lower() in _LEANING


_QUOTES = ('"', "“", "”")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.-]*[A-Z0-9])\s*\)")


def _introduces_acronym(sentence: str, hosts: list[_Fact]) -> bool:
    """The sentence spells out a name its acronym stands for ("the global stocktake of the Paris
    Agreement (GST)") where no fact it might be told by does: the memo needs what the letters mean,
    so names alone do not tell it (as with someone's own words)."""
    said = _ACRONYM.findall(sentence)
    return bool(said) and not any(f"({a})" in " ".join(h.sentences) for a in said for h in hosts)


def _told_twice(figures: Iterable[Quantity]) -> bool:
    """One specific figure in two sentences of one point (a page's lead restated in its body)."""
    where: dict[tuple, set[str]] = defaultdict(set)
    for q in figures:
        if _evidence(q):
            where[_key(q)].add(q.sentence)
    return any(len(sentences) > 1 for sentences in where.values())


def _read(m: MergedPoint) -> _Fact:
    sentences = split_sentences(m.text)
    feats = [features(s) for s in sentences]
    figures = [[q for q in f.quantities if _told(q)] for f in feats]
    words = [frozenset(w for w in f.content if not w[:1].isdigit()) for f in feats]
    return _Fact(m, sentences, figures, words, [_names(s) for s in sentences])


def _telling(
    figures: list[Quantity],
    words: frozenset[str],
    names: frozenset[str],
    hosts: list[_Fact],
    rare: frozenset[str] = frozenset(),
    needs_figure: bool = False,
    of: _Fact | None = None,
) -> _Fact | None:
    """The first fact that gives every figure of a sentence, names whom it names and says most of its
    words, when the sentence has evidence of one fact (a specific figure, or two names few facts
    give: "Once Alvania and Borsk withdrew their bids, Cemra was the lone candidate"); None when none
    does. (Names matter: "Kalo pledged $300 million" and "Teno pledged $300 million" are two pledges
    however alike their words.) Someone's own words, or a name spelt out for its acronym
    (`needs_figure`), need a figure: names and words alike do not tell one quote from another of one
    speaker, and the fact telling it may use the letters alone."""
    if not words or not _sentence_evidence(figures, names, rare):
        return None
    figured = any(_evidence(q) for q in figures)
    if needs_figure and not figured:
        return None
    for host in hosts:
        given = host.all_figures()
        if not all(
            any(g.kind == q.kind and _one_noun(g, q) and g.same_value(q) for g in given) for q in figures
        ):
            continue
        if len(words & host.all_words()) < RESTATED_SHARE * len(words):
            continue
        if not figured and (
            not _says_more_than_names(words, names, host) or (of is not None and _one_source(of, host))
        ):
            continue
        padded = host.padded()
        if all(_named(n, padded) for run in _runs(names) for n in run):
            return host
    return None


NAME_EVIDENCE = 2  # rare names a sentence with no specific figure must share with the fact telling it
# ... and the share of its other words the host must say too: a list of names one fact shares with
# another ("the bloc includes Arvia, Borsk, Cemra ..., and observers" / "the bloc now has ten members:
# Arvia, Borsk, Cemra ...") fills most of its words, and alone says nothing of what is told of them
NAME_WORD_SHARE = 0.15


def _one_source(a: _Fact, b: _Fact) -> bool:
    """The two facts share a source: one page does not restate itself in other words ("marks a new era
    in relations between Norland and Ostra" / "ties between Ostra and Norland entered a new phase"
    are two points of its story); only its figure, told twice, is one fact (see pairs.restated_measure)."""
    return bool({c.source_id for c in a.point.citations} & {c.source_id for c in b.point.citations})


def _says_more_than_names(words: frozenset[str], names: frozenset[str], host: _Fact) -> bool:
    """Beyond the names, the sentence's own words are partly the host's (NAME_WORD_SHARE)."""
    named = {w for run in _runs(names) for w in run}
    own = {w for w in words if not any(n.startswith(w) for n in named)}
    return bool(own) and len(own & host.all_words()) >= NAME_WORD_SHARE * len(own)


def _sentence_evidence(figures: list[Quantity], names: frozenset[str], rare: frozenset[str]) -> set[tuple]:
    """What says which fact a sentence tells: its specific figures; its rare names when two names or
    more hold them (a name of several words, "United Nations", is one name)."""
    out: set[tuple] = {_key(q) for q in figures if _evidence(q)}
    few = [run for run in _runs(names) if rare.intersection(run)]
    if len(few) >= NAME_EVIDENCE:
        out |= {("name", n) for run in few for n in run if n in rare}
    return out


def _runs(names: frozenset[str]) -> list[tuple[str, ...]]:
    """A sentence's names (see _names: runs of capitalised words, joined by spaces) as word tuples."""
    return [tuple(run.split()) for run in sorted(names)]


def _sharing_names(keys: dict[tuple, list[str]], rare: frozenset[str]) -> set[str]:
    """Facts sharing two rare names or more with another fact."""
    together: dict[tuple[str, str], int] = defaultdict(int)
    for name in sorted(rare):
        ids = keys[("name", name)]
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                together[(ids[x], ids[y])] += 1
    return {fid for pair, n in together.items() if n >= NAME_EVIDENCE for fid in pair}


def _names(sentence: str) -> frozenset[str]:
    """The names of a sentence: runs of capitalised words but common ones ("The", "In"), lower-cased
    and joined by spaces ("united nations"); its first word too ("Tenovar pledged ..." names
    Tenovar); a name's possessive is the name."""
    runs: list[list[str]] = []
    last = -2
    for m in _WORD.finditer(sentence):
        w = m.group()
        if not w[:1].isupper() or w.lower() in STOP:
            continue
        word = _POSSESSIVE.sub("", w.lower())
        if runs and sentence[last : m.start()].strip() == "":
            runs[-1].append(word)
        else:
            runs.append([word])
        last = m.end()
    return frozenset(" ".join(run) for run in runs)


def _padded(text: str) -> str:
    """The text's words, lower-cased, between single spaces (to find a name as a word or a prefix)."""
    return f" {' '.join(_POSSESSIVE.sub('', w) for w in _WORD.findall(text.lower()))} "


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _named(name: str, padded: str) -> bool:
    """A name is said in a text's normal form (padded with spaces): the word, or its first 5 letters."""
    return f" {name} " in padded or (len(name) >= 5 and f" {name[:5]}" in padded)


def _keep_only(fact: _Fact, kept: list[int]) -> None:
    fact.sentences = [fact.sentences[k] for k in kept]
    fact.figures = [fact.figures[k] for k in kept]
    fact.words = [fact.words[k] for k in kept]
    fact.names = [fact.names[k] for k in kept]
    fact.point.text = " ".join(fact.sentences)


def _cite_too(host: MergedPoint, citations: list[Citation]) -> None:
    """The sources of a fact dropped whole state the host's figure too: the host cites them."""
    cited = {c.source_id for c in host.citations}
    for c in citations:
        if c.source_id not in cited:
            cited.add(c.source_id)
            host.citations.append(replace(c, score=0.0))  # a witness of the figure, not of the host's words


def _key(q: Quantity) -> tuple:
    # an ordinal's noun is read from the words after it ("the tenth member state" / "its 10th full
    # member"): its rank alone finds the facts that might tell it, `_one_noun` decides
    return (q.kind, "ordinal" if q.ordinal else q.unit, tuple(float(v) for v in q.value[:1]))


def _one_noun(a: Quantity, b: Quantity) -> bool:
    """The two figures count one thing: the same unit, or (ranks) one's noun among the other's words
    ("the tenth member state" and "its 10th full member": a member)."""
    if a.unit == b.unit:
        return True
    if not (a.ordinal and b.ordinal and a.unit and b.unit):
        return False
    words_a = [w.lower() for w in a.display.split()[1:]]
    words_b = [w.lower() for w in b.display.split()[1:]]
    return any(w.startswith(b.unit) for w in words_a) or any(w.startswith(a.unit) for w in words_b)


def _evidence(q: Quantity) -> bool:
    """A figure specific enough to say which fact (not a year, a date or a bare small number)."""
    return can_anchor(q) and q.kind != "date"


def _told(q: Quantity) -> bool:
    """A figure the fact telling a sentence must give too: any but a bare "two" (a year among them:
    "grew by 12 per cent in 2022" is not told by "grew by 12 per cent in 2021")."""
    return not (q.kind == "number" and not q.unit)
