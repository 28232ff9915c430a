"""Asides: a standing fact told in a comma aside of a chosen report is told apart, in its own section.

Why: news tells the setting inside its reports ("... 75 kilometres from Marrakesh, Morocco's
fourth-largest city, in the Atlas Mountains"; "a movement against Hasina's government, in power
since 2009, ..."). No section of the whole sentence holds both: the report is news (or a reading
of it), the aside is context. Told apart, the aside goes where it belongs and the report reads
shorter; both cite the same source.

Three shapes are split, each after a name (capitalised words) and closed by a comma after which
the sentence goes on in lower case:
- an appositive that describes the name ("Marrakesh, a popular tourist destination,",
  "Marrakesh, Morocco's fourth-largest city,") -> "Marrakesh is Morocco's fourth-largest city.";
- a state held since a time ("Hasina's government, in power since 2009,") -> "... has been in power
  since 2009.";
- a relative clause on it ("the FDIC, which took over the bank,") -> "The FDIC took over the bank."
A description or a state is the setting: Background. A relative clause telling a past action is
news, unless it names a year before the event's (then history, Background). A list ("Japan, which gave $10 million and Chile, which ..."), a person's role
("X, the bank's chief executive,": the memo names people with their roles) and a description with a
clause of its own ("a group of islands that face ...") are not split.
The split is made after the selection (`tell_apart`), on the points the memo took: the memo says
what it chose, each part where it belongs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

import numpy as np

from ..model import MergedPoint, SectionKey
from ..sections.features import PAST_FORMS
from .placement import recalls_the_past
from .salience import Salience
from .selection import REPEATS_CONTENT, REPEATS_WORDING
from .similarity import vectorise

# a name: capitalised words, "of"/"the"/"and" inside ("the Association of Small Island States")
_NAME = r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|the|de|and|for)\s+)*)*[A-Z][\w’'.-]*"
# "a major city", "Morocco's fourth-largest city": a description (no verb of its own, no quotation)
# the aside's words: no clause break, no quotation, no sentence end ("U.S." and "10.5" are no end)
_WORDS = r"(?:[^,;:—()“”\".!?]|\.(?!\s))"
_APPOSITIVE = re.compile(
    r"(?P<head>(?:\b[Tt]he\s+)?"
    + _NAME
    + r"),\s+(?P<aside>(?:a|an|[A-Z][\w-]*[’']s)\s+"
    + _WORDS
    + r"{6,100}?)"
    r",\s+(?=[a-z])(?!(?:and|or|but|which|who|whose)\b)"
)
_RELATIVE = re.compile(
    r"(?P<head>(?:\b[Tt]he\s+)?" + _NAME + r"),\s+(?:which|who)\s+(?P<aside>" + _WORDS + r"{6,100}?)"
    r",\s+(?=[a-z])(?!(?:and|or|but|which|who|whose)\b)"
)
# "Hasina's government, in power since 2009,": a standing state, held up to the report
_STANDING = re.compile(
    r"(?P<head>(?:\b[Tt]he\s+)?"
    + _NAME
    + r"(?:[’']s\s+[a-z]+)?),\s+(?P<aside>in\s+[a-z]+(?:\s+[a-z]+)?\s+since\s+"
    + _WORDS
    + r"{2,40}?),\s+(?=[a-z])(?!(?:and|or|but|which|who|whose)\b)"
)
# what opens a sentence without being part of the name it opens with ("In Marrakesh, ...")
_OPENERS = frozenset(
    [
        "In",
        "At",
        "On",
        "For",
        "From",
        "By",
        "With",
        "As",
        "After",
        "Since",
        "But",
        "And",
        "Per",
        "Under",
        "Near",
        "Against",
        "Amid",
        "During",
        "Through",
        "Across",
        "Following",
        "Despite",
        "Like",
        "Unlike",
        "Beyond",
        "Into",
        "To",
        "Of",
        "About",
        "Over",
        "Before",
        "Within",
        "Without",
        "Toward",
        "Towards",
        "Outside",
        "Inside",
        "Behind",
        "Below",
        "Above",
        "Between",
        "Among",
        "While",
        "When",
        "If",
        "Although",
        "Though",
        "Because",
    ]
)
# a finite verb inside an appositive makes it a clause, not a description
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says|will|would|that|which|who)\b")
# a person's role: the memo introduces people with theirs (`standalone.introduce_people`)
_ROLE = re.compile(
    r"\b(?:president|minister|leader|chief|head|director|chairman|chairwoman|spokesman|spokeswoman|"
    r"spokesperson|secretary|governor|mayor|officer|executive|founder|professor|general|commander|"
    r"ceo|son|daughter|wife|husband|father|mother|brother|sister|cousin)\b",
    re.IGNORECASE,
)
CONTAINED = 0.5  # this share of a part's content (IDF-weighted stems) in one other point: said already
MIN_WORDS = 5  # an aside shorter than this as a sentence says too little to stand alone


def _head(name: str) -> str:
    """The name without a preposition that opens its sentence ("In Marrakesh" -> "Marrakesh")."""
    first, _, rest = name.partition(" ")
    if first in _OPENERS and rest:
        name = rest
    return name[0].upper() + name[1:]


def _sentence(head: str, predicate: str) -> str:
    text = f"{_head(head)} {predicate.strip()}".rstrip(".")
    return text + "."


@dataclass(frozen=True)
class Aside:
    report: str  # the point's text without the aside
    sentence: str  # the aside told as a sentence of its own
    describes: bool  # an appositive description (else a relative clause)
    past: bool  # a relative clause telling a past action ("which took over the bank")


# "previously served", "once ruled": a past before the report's
_BEFORE = re.compile(r"^(?:previously|formerly|once|earlier|long|originally)$")
# "X, a Y, as well as Z" / "X, a Y, among others": the commas were a list's
_LIST_GOES_ON = re.compile(r"\s*(?:as well as|among|along with|plus|including)\b")
# "also", "later", "quickly": an adverb before the clause's verb
_ADVERB = re.compile(r"^(?:also|later|then|now|still|quickly|\w+ly)$")


def _tells_past(clause: str) -> bool:
    """The clause's verb is a simple past ("took over", "announced"); "had ruled" is the past
    before the report's, and "previously served as mayor" names it so: history, the setting."""
    words = clause.lower().split()
    if words and _BEFORE.match(words[0]):
        return False
    verbs = [w for w in words if not _ADVERB.match(w)]
    return bool(verbs) and verbs[0] != "had" and (verbs[0] in PAST_FORMS or verbs[0].endswith("ed"))


def _subject(text: str, m: re.Match[str]) -> bool:
    """The name opens its sentence as its subject ("The FDIC, which ..., has since ..."): no comma
    is left where the aside was.  Within a phrase ("According to the Lab, which ..., images
    showed", "In Marrakesh, a ..., walls fell") the phrase's comma stays."""
    before = text[: m.start("head")].rstrip()
    opens = not before or before[-1] in '.!?”"'
    return opens and _head(m.group("head")) == m.group("head")[0].upper() + m.group("head")[1:]


def split_aside(text: str) -> Aside | None:
    """The text's first aside that tells a fact of its own, or None."""
    for rx, link in ((_APPOSITIVE, "is "), (_STANDING, "has been "), (_RELATIVE, "")):
        describes = bool(link)
        for m in rx.finditer(text):
            aside = m.group("aside")
            if describes and (_VERB.search(aside) or _ROLE.search(aside)):
                continue
            if " and " in m.group("head") or _LIST_GOES_ON.match(text, m.end()):
                continue  # "the Air Force and the Guard, a Navy ship, as well as ...": a list
            if not describes and _ROLE.search(m.group("head")):
                continue
            sentence = _sentence(m.group("head"), link + aside)
            if len(sentence.split()) < MIN_WORDS:
                continue
            cut_from = text.rfind(",", 0, m.start("aside"))
            report = text[:cut_from] + ("" if _subject(text, m) else ",") + text[m.end("aside") + 1 :]
            return Aside(report, sentence, describes, not describes and _tells_past(aside))
    return None


def tell_apart(
    chosen: dict[SectionKey, list[MergedPoint]],
    sal: dict[str, Salience],
    kept: dict[str, str],
    event: dt.date | None,
    room: int,
) -> None:
    """Tells apart the aside of each chosen point that belongs in another section than its report,
    while `room` words last (the aside's name is said again). After the selection, so the memo says
    what it chose, each part where it belongs: splitting before would let a bare aside compete
    with whole reports (a 100-word memo spent words on "X is a ..." and lost a report).

    Each part is held to the selection's repeat bars against the other chosen points: an aside
    another point already says is not said again (the report drops it, when the report itself
    says nothing another point says); a shortened report that now reads as another point's
    repeat keeps its aside where it was."""
    for key in list(chosen):
        for p in list(chosen[key]):
            found = split_aside(p.text)
            if found is None:
                continue
            aside = _aside_point(p, found, event)
            if aside.section == p.section:
                continue
            others = [o.text for ps in chosen.values() for o in ps if o is not p]
            (aside_repeat, aside_inside), (report_repeat, report_inside) = _said_already(
                others, [found.sentence, found.report]
            )
            if report_repeat or report_inside or aside_inside:
                continue  # a part would say again what another point says: the sentence stays whole
            if aside_repeat:  # another point says the aside: the report alone reads as the event
                p.text, p.inlines = found.report, None
                kept[p.id] += "; its aside is said by another chosen point, left out"
                continue
            extra = len(found.report.split()) + len(found.sentence.split()) - len(p.text.split())
            if extra > room:
                continue
            room -= extra
            p.text, p.inlines = found.report, None
            chosen[aside.section].append(aside)
            sal[aside.id] = sal[p.id]
            _pick_before(kept, p.id, aside.id, f"told apart from {p.id}: an aside of its sentence")


def _aside_point(p: MergedPoint, found: Aside, event: dt.date | None) -> MergedPoint:
    """The aside as a point of its own: the setting (Background), or news when it tells an action
    in passing with no earlier year named."""
    aside = dataclasses.replace(
        p,
        id=f"{p.id}-aside",
        text=found.sentence,
        section="background",
        citations=[dataclasses.replace(c) for c in p.citations],
        conflicts=[],
        confidence=1.0,  # placed by its own shape, not by the extractor
        inlines=None,
    )
    if found.past and event is not None and not recalls_the_past(found.sentence, event):
        aside.section = "what_happened"
    return aside


def _said_already(others: list[str], texts: list[str]) -> list[tuple[bool, bool]]:
    """For each of `texts`: whether it repeats one of `others` by the selection's bars (n-gram
    wording or content-stem overlap, fitted on these texts alone), and whether most of its content
    (IDF-weighted stems) is in one of them, or one of them is mostly in it (a short sentence inside
    a longer one says little new, and a reader reads it as said twice)."""
    if not others:
        return [(False, False)] * len(texts)
    vectors = vectorise(others + texts)
    n = len(others)
    vectors.focus(list(range(n + len(texts))))
    rows = np.arange(n)
    out = []
    for i in range(n, n + len(texts)):
        bars = np.maximum(
            vectors.similarity_to(i, rows) / REPEATS_WORDING,
            vectors.overlap_to(i, rows) / REPEATS_CONTENT,
        )
        out.append((bool(bars.max() >= 1.0), vectors.contained_in(i, rows) >= CONTAINED))
    return out


def _pick_before(kept: dict[str, str], report: str, aside: str, why: str) -> None:
    """Records the aside as picked just before its report: the page fit cuts the last picked first,
    so the report goes before its aside, never the aside alone (which would leave its fact unsaid)."""
    order = list(kept.items())
    kept.clear()
    for pid, reason in order:
        if pid == report:
            kept[aside] = why
        kept[pid] = reason
    kept.setdefault(aside, why)
