"""Cleaned body -> paragraphs -> sentences -> points.

A point is the smallest piece of a source that can stand in a memo on its own.
A sentence that leans on the one before it ("He said: ...", "This means ...",
"On his arrival, he met ...") is joined to it; a connective that only links it
to its neighbour ("However,", "Moreover,") is dropped when the sentence starts
a point, because in the memo its neighbour is gone.  An enumeration ("First,
..., Second, ...") gives one point per item; a verbless lead ("First, the
warming up of relations.") is a heading in disguise and is joined to the
sentence after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from ..model import SectionKey
from ..wordlists import AUXILIARIES, DETERMINERS, IRREGULAR_PAST, TITLE_SMALL_WORDS
from .headings import SECTIONS, Meaning, heading_meaning, inline_heading, is_heading
from .sentences import sentence_spans

_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_ORDINALS = r"(?:First(?:ly)?(?: and foremost)?|Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Fifth(?:ly)?|Finally|Lastly|Last but not least)"
_CONNECTIVES = (
    r"(?:Moreover|However|Further(?:more)?|Conversely|Thus|Hence|Therefore|Additionally|In addition|"
    r"Besides|Also|Meanwhile|Nevertheless|Nonetheless|Consequently|As a result|Accordingly|"
    r"On the other hand|By contrast|In contrast|In fact|Indeed|Similarly|Likewise|Still|Yet|"
    r"Interestingly|Notably|Importantly|In a nutshell|In short|In sum|In summary|Overall|In conclusion|"
    r"To conclude|Afterwards?|Later|Then|Instead|Again|Of course|For example|For instance|"
    r"In other words|That said|Even so|As such|Above all|In turn|At the same time|Surprisingly|"
    r"Ultimately|Crucially|Simply put|Put simply|In particular|Specifically|Alternatively|Subsequently|"
    r"Admittedly|Clearly|Evidently|Equally|Rather|To be sure|On balance|Significantly|Tellingly|"
    r"Unfortunately|Fortunately|Now|"
    # linking phrases that point back but carry no content of their own
    r"(?:Despite|Given|Because of|Beyond|Besides|After|Following) (?:this|that|these|those)|"
    r"In (?:this|that) (?:view|regard|respect|context|sense|light|case)|To this end|On this basis|"
    r"Against this (?:backdrop|background)|As a result of (?:this|that)|In light of (?:this|that)|"
    r"With this in mind|That being said|Having said that)"
)
_ENUM_RX = re.compile(rf"^{_ORDINALS}\s*,\s*")
# "So" links only as a conjunction: "So far, 5.39 million votes were counted" opens with an adverb
_CONN_RX = re.compile(
    rf"^{_CONNECTIVES}\s*,\s*|^(?:And|But|So(?!\s+(?:far|much|many|few|little|long|too)\b)|Yet|Or|Plus)\s+(?=\S)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_STRONG = frozenset(
    ["he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "hers", "theirs"]
)
_DEMONSTRATIVE = frozenset(["this", "that", "these", "those", "such"])
_VERBISH = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "does",
        "did",
        "means",
        "meant",
        "marks",
        "marked",
        "shows",
        "showed",
        "signals",
        "suggests",
        "indicates",
        "reflects",
        "represents",
        "makes",
        "made",
        "comes",
        "came",
        "led",
        "leads",
        "gives",
        "gave",
        "puts",
        "put",
        "raises",
        "raised",
        "also",
        "not",
        "however",
        "further",
        "highlights",
        "underscores",
        "implies",
        "demonstrates",
        "allows",
        "helps",
        "remains",
        "became",
        "becomes",
        "seems",
        "appears",
        "says",
        "said",
        "includes",
        "included",
        "followed",
        "follows",
        "of",
        "in",
        "on",
        "at",
        "is,",
        "was,",
        "too",
    ]
)
_AUX = AUXILIARIES
_IRREGULAR_PAST = IRREGULAR_PAST
_PARTICIPLE_OK = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "more",
        "most",
        "very",
        "well",
        "newly",
        "highly",
        "less",
        "when",
        "if",
        "as",
        "once",
        "than",
        "long-awaited",
    ]
)
_EXPLETIVE_IT = re.compile(
    r"^It\s+(?:is|was|has been|had been|seems|seemed|appears|appeared|remains|remained|would be|will be|"
    r"could be|may be|might be)\s+(?:\w+\s+){0,2}?(?:clear|likely|unlikely|important|proven|expected|believed|"
    r"reported|said|estimated|hoped|feared|thought|possible|impossible|necessary|essential|crucial|vital|"
    r"natural|true|evident|obvious|time|worth|hard|difficult|easy|unclear|uncertain|notable|noteworthy|"
    r"significant|interesting|surprising|understood|known|argued|noted)\b"
    r"|^It\s+(?:is|was|has been|had been)\s+(?:more than |nearly |almost |over |about |some |only )?\S+\s+"
    r"(?:years|months|weeks|days|decades)\s+(?:since|ago)\b"
    r"|^It\s+(?:is|was|has been)\s+\w+(?:ed|ing)\s+that\b"  # "It is hoped that", "It was agreed that"
)
_ANAPHORIC_TIME = re.compile(
    r"^(?:(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\s+later|(?:the\s+)?(?:next|following|same)\s+"
    r"(?:day|week|month|year|morning|evening|night)|that\s+(?:day|evening|night|week|month|year))\b",
    re.IGNORECASE,
)
_ANAPHORIC_NP = re.compile(r"\b(?:the (?:latter|former|same)|the two)\b", re.IGNORECASE)

Dangling = Literal["strong", "weak"] | None


@dataclass
class Sentence:
    start: int
    end: int
    block: int


@dataclass
class Block:
    """A paragraph of the cleaned body; `heading` paragraphs carry no points."""

    start: int
    end: int
    heading: bool
    meaning: Meaning | None = None  # what a heading names (headings.py); None for prose

    @property
    def section(self) -> SectionKey | None:
        return self.meaning if self.meaning in SECTIONS else None  # type: ignore[return-value]


@dataclass
class Draft:
    """A point under construction: where it starts after dropped words, and what it holds."""

    start: int
    end: int
    sentences: list[Sentence]
    scope: int  # index of the heading whose scope holds the point (-1 before any heading)
    scope_section: SectionKey | None
    scope_unnamed: bool = False  # under a heading whose words name nothing (neither a section nor "free")
    capitalise: bool = False
    joined_lead: bool = False  # opens with a verbless theme phrase ("First, the purpose of conventions.")
    enum: bool = False  # opens an enumeration ("First, ...", "Second, ...")
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Opening:
    """What the start of a sentence says about its dependence on the sentence before."""

    drop: int  # characters of ordinal/connective to drop when the sentence starts a point
    enum: bool
    dangling: Dangling
    verbless_lead: bool


def blocks(text: str, known_headings: frozenset[int] = frozenset()) -> list[Block]:
    """Paragraphs of `text` with offsets; heading paragraphs marked with the section they name.

    `known_headings` are offsets of paragraphs the reader already knows are headings (an HTML
    <h2>, a DOCX heading style): they count as headings whatever their form.
    """
    out: list[Block] = []
    pos = 0
    for m in [*_PARA_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        start, stop = pos + lead, pos + len(chunk.rstrip())
        if stop > start and start in known_headings:
            out.append(Block(start, stop, True, heading_meaning(text[start:stop], by_similarity=True)))
        elif stop > start:
            out.extend(_split_block(text, start, stop))
        pos = m.end() if m else len(text)
    return out


def _split_block(text: str, start: int, stop: int) -> list[Block]:
    """One paragraph; a heading line glued to the paragraph under it, or a heading that opens the
    paragraph's first line ("What happened? The EU ..."), becomes a block of its own (same meaning)."""
    para = text[start:stop]
    if is_heading(para):
        return [Block(start, stop, True, heading_meaning(para, by_similarity=True))]
    newline = para.find("\n")
    first = para[:newline].strip() if newline > 0 else ""
    if first and is_heading(first):
        head = Block(
            start, start + len(para[:newline].rstrip()), True, heading_meaning(first, by_similarity=True)
        )
        return [head, *_split_block(text, _skip_space(text, start + newline + 1, stop), stop)]
    inline = inline_heading(para)
    if inline is not None:
        head = Block(start, start + inline.end, True, inline.meaning)
        return [head, *_split_block(text, _skip_space(text, start + inline.body_start, stop), stop)]
    return [Block(start, stop, False)]


def _skip_space(text: str, pos: int, stop: int) -> int:
    return pos + len(text[pos:stop]) - len(text[pos:stop].lstrip())


def sentences(text: str, block: Block, index: int) -> list[Sentence]:
    """Sentences of one paragraph, as offsets into `text` (sentences.py knows "Gen.", "U.S.", quotes)."""
    para = text[block.start : block.end]
    return [Sentence(block.start + a, block.start + b, index) for a, b in sentence_spans(para)]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _named_subject_verb(raw: list[str]) -> bool:
    """A name followed by a present-tense verb and its object ("Reuters quotes eyewitness accounts"):
    a lower-case -s word after a capitalised, non-possessive word, with a content word after it, is a
    verb; a plural noun after a name ends a theme or leads into a preposition ("Pak-Russia relations in
    2021")."""
    for i in range(1, len(raw) - 1):
        name, word, nxt = raw[i - 1], raw[i], raw[i + 1]
        if not name[:1].isupper() or name.lower() in DETERMINERS or name.endswith(("'s", "’s")):
            continue
        verb = word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
        if verb and (nxt.lower() in DETERMINERS or (nxt.islower() and nxt not in TITLE_SMALL_WORDS)):
            return True
    return False


def is_verbless(text: str) -> bool:
    """A short phrase without a finite verb: "the warming up of relations"."""
    raw = _words(text)
    words = [w.lower() for w in raw]
    if not words or len(words) > 14 or _named_subject_verb(raw):
        return False
    for i, w in enumerate(words):
        if w in _AUX or w in _IRREGULAR_PAST:
            return False
        if w.endswith("ed") and i > 0 and words[i - 1] not in _PARTICIPLE_OK:
            return False
    return True


def is_expletive_it(sentence: str) -> bool:
    """ "It is hard to ...", "It was reported that ...": an "It" that points at nothing before it.

    Public so the composer, which drops points opening with a pronoun, keeps these.
    """
    return _EXPLETIVE_IT.match(sentence) is not None


def _dangling(rest: str) -> Dangling:
    """How badly a sentence needs the one before it once its connective is gone."""
    words = [m.group() for m in islice(_WORD.finditer(rest), 2)]  # only its first two words count
    if not words:
        return None
    first = words[0].lower()
    if first == "it" and is_expletive_it(rest[:1].upper() + rest[1:]):  # "Despite this, it is hoped that"
        return None
    if first in _STRONG:
        return "strong"
    if first in _DEMONSTRATIVE:
        nxt = words[1].lower() if len(words) > 1 else ""
        if not nxt or nxt in _VERBISH or nxt.endswith("ly") or nxt.endswith("ed"):
            return "strong"
        if first in ("this", "that") and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is")):
            return "strong"
        return "weak"
    comma = rest.find(",")
    intro = _words(rest[:comma]) if comma > 0 else []
    if comma > 0 and len(intro) <= 6:
        if any(w.lower() in _STRONG or w.lower() in _DEMONSTRATIVE for w in intro):
            return "strong"
        after = _WORD.search(rest, comma)  # the first word after the comma
        if after and after.group().lower() in _STRONG:
            return "strong"
    if _ANAPHORIC_TIME.match(rest) or _ANAPHORIC_NP.search(rest[:40]):
        return "weak"
    return None


def opening(sentence: str) -> Opening:
    """Classify the start of one sentence: ordinal, connective, dependence, verbless lead."""
    drop = 0
    enum = False
    m = _ENUM_RX.match(sentence)
    if m:
        drop, enum = m.end(), True
    else:
        m = _CONN_RX.match(sentence)
        if m:
            drop = m.end()
    rest = sentence[drop:]
    body = rest.rstrip(".!?:;")
    verbless = enum and is_verbless(body)
    return Opening(drop, enum, None if verbless else _dangling(rest), verbless)


def draft_points(text: str, parts: list[Block] | None = None) -> list[Draft]:
    """Group the sentences of `text` into points (see the module docstring for the rules)."""
    parts = blocks(text) if parts is None else parts
    drafts: list[Draft] = []
    scope, scope_section, advice, unnamed = -1, None, False, False
    lead_open = False
    for index, block in enumerate(parts):
        if block.heading:
            scope, scope_section, lead_open = index, block.section, False
            unnamed = block.meaning is None
            advice = block.meaning == "advice"
            continue
        if advice:
            continue  # advice to the reader ("Precautions") is no statement about the event
        in_block = sentences(text, block, index)
        for position, sent in enumerate(in_block):
            op = opening(text[sent.start : sent.end])
            # a short verbless phrase opening a paragraph of several sentences is its theme, a heading
            # in disguise ("The purpose of party conventions."), with or without an ordinal before it
            theme = op.verbless_lead or (
                position == 0
                and len(in_block) > 1
                and is_verbless(text[sent.start + op.drop : sent.end].rstrip(".!?:;"))
            )
            prev = drafts[-1] if drafts and drafts[-1].scope == scope else None
            same_para = prev is not None and prev.sentences[-1].block == index
            join = prev is not None and not op.enum
            join = join and (
                (lead_open and same_para) or op.dangling == "strong" or (op.dangling == "weak" and same_para)
            )
            if prev is not None and join:
                prev.sentences.append(sent)
                prev.end = sent.end
                lead_open = False
            elif op.dangling == "strong" and not op.enum:
                continue  # nothing to lean on (first sentence under a heading): a lone "He said" is noise
            else:
                drafts.append(
                    Draft(
                        sent.start + op.drop,
                        sent.end,
                        [sent],
                        scope,
                        scope_section,
                        scope_unnamed=unnamed,
                        capitalise=op.drop > 0,
                        joined_lead=theme,
                        enum=op.enum,
                    )
                )
                lead_open = theme
    return drafts


# a paragraph break inside a point whose paragraph before ends on no stop (a page's standfirst):
# the break was the sentence's end ("... the Ministry of Defense\n\nThis is the opinion of ...")
_UNSTOPPED_BREAK = re.compile(r"(?<=[\w%)])[ \t]*\n[ \t\r\f\v]*\n\s*(?=[“\"‘(]?[A-Z])")


def render(text: str, draft: Draft) -> str:
    """The point's words: its span with whitespace runs collapsed, first letter capitalised if cut."""
    out = " ".join(_UNSTOPPED_BREAK.sub(". ", text[draft.start : draft.end]).split())
    if draft.capitalise and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out
