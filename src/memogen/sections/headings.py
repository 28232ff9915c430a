"""Headings: recognised by their form, mapped to a memo section by what they ask or name.

A heading is a short line that reads like a title (no final full stop; a question, a label ending in a
colon, Title Case, ALL CAPS or a very short phrase), or such a label at the start of its paragraph
("What happened? The EU on 23 March ...", "The context: ...").  Publishers name the same three parts in
many ways, so a heading is read for its *meaning*, not matched against any site's wording:

- the event: it asks what happened, or names the news, the events, the latest facts, the situation;
- the background: it names context, history, origins, the backstory or the issues at large;
- what it means: it asks why (why it matters) or names significance, implications, consequences, the
  outlook, what lies between the lines, beyond or behind the headlines, or what comes next.

Two more kinds name none of the three.  Advice to the reader (precautions, tips, measures to take) is
not part of a memo: its points are left out.  A summary of the whole piece ("Key takeaways") or a pull
quote or figure ("Quote of the day") is free: the classifier decides each of its points.  A heading
whose words name nothing ("Old players on a new trajectory") is free as well; every heading ends the
scope of the one before it.

The lexicon below holds the common wordings; a heading it does not know is read by the similarity of
its words to a plain description of each meaning (heading_similarity.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model import SectionKey
from ..wordlists import TITLE_SMALL_WORDS

MAX_WORDS = 14
MAX_LABEL_WORDS = 8  # a heading at the start of its paragraph is at most this long
MAX_LEAD_WORDS = 3  # words allowed before the word that names the section ("A brief history of")

Meaning = Literal["what_happened", "background", "what_it_means", "advice", "free"]
SECTIONS: frozenset[str] = frozenset(("what_happened", "background", "what_it_means"))

_LEAD_IN = re.compile(
    r"^(?:here|these|those|this|below|following|there)\s+(?:is|are|was|were)\b", re.IGNORECASE
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[A-Ha-h])[.)]\s+")
# Pictographs, arrows, bullets and dashes some publishers put before a heading ("🗞️ Driving the news:").
_DECORATION = re.compile(r"^[^\w\"'“‘(]+")
# Title small words plus the verbs and question words a question heading is made of.
_SMALL_WORDS = TITLE_SMALL_WORDS | frozenset(
    "are be did do does how is it its that this was what when where which who why".split()  # noqa: SIM905
)

# What each kind of heading asks or names. Order decides only between matches at the same word.
_MEANINGS: tuple[tuple[Meaning, re.Pattern[str]], ...] = (
    # what the reader should do: precautions, tips, measures to take
    (
        "advice",
        re.compile(
            r"\b(?:advice|advisory|tips?|precautions?|safety measures|what (?:you|to) (?:can |should )?do|"
            r"how to (?:stay|protect|prepare|avoid)|(?:measures|steps|actions?) to (?:take|follow))\b"
        ),
    ),
    # a summary of the whole piece, a pull quote or a figure: no one section
    (
        "free",
        re.compile(
            r"\b(?:(?:key )?takeaways?|highlights|key points|at a glance|tl;?dr|in brief|quote of|"
            r"by the numbers|in numbers|(?:key )?(?:quotes?|stats?|statistics|figures?|numbers?)$)\b"
        ),
    ),
    # the event
    (
        "what_happened",
        re.compile(
            r"\b(?:what(?:'s| is| has| was)? happen(?:ed|ing)|(?:the )?(?:news|headlines?)$|news in brief|"
            r"the events?|(?:the |key )?facts|what we know|(?:the )?latest|(?:key |latest |recent )?developments?|"
            r"updates?|what was (?:said|agreed|decided|announced)|summary|the story$|the incident|recap|"
            r"(?:the |key |main |final )?results?|(?:the |current )?situation(?: (?:report|update|now|today))?$|"
            r"state of play|where things stand|what'?s new)\b"
        ),
    ),
    # the past and the setting
    (
        "background",
        re.compile(
            r"\b(?:background|backstory|back story|backdrop|context|contexts|history|historical|how we got here|"
            r"issues? at large|(?:the )?issues|origins?|roots?|the big picture|catch up|flashback|timeline|"
            r"the road to|what led|previously|(?:the story )?so far|how it (?:began|started)|explainer)\b"
        ),
    ),
    # why it matters, what it means, what comes next
    (
        "what_it_means",
        re.compile(
            r"\b(?:why\b|what (?:does|did|do|will|would) (?:it|this|that|they|these) mean|what (?:it|this|that) means|"
            r"matters?|mean(?:s|ing)?|significan(?:t|ce)|implications?|analysis|assessment|"
            r"outlook|what (?:comes|happens) next|next steps?|what to (?:watch|expect|look for)|"
            r"(?:in )?perspective|takeaway|bottom line|looking ahead|(?:the )?road ahead|way forward|ahead|"
            r"prospects?|conclusions?|impacts?|consequences?|stakes|what'?s at stake|our view|opinion|"
            r"comment(?:ary)?|the verdict|scenarios?|forecasts?|yes,? but|what should|recommendations?|"
            r"the upshot|future|lessons?|what happens (?:next|now)|between the lines|"
            r"(?:beyond|behind|beneath|past) the (?:headlines?|news|numbers|figures|facts))\b"
        ),
    ),
)


@dataclass(frozen=True)
class InlineHeading:
    """A heading at the start of a paragraph: its end offset in the paragraph, and its meaning."""

    end: int
    body_start: int
    meaning: Meaning


def _normalise_case(line: str) -> str:
    """The heading's words as written (case kept: an acronym tells a name), without decoration."""
    line = _DECORATION.sub("", line.strip())
    line = _NUMBERING.sub("", line, count=1).strip()
    return " ".join(line.replace("’", "'").split()).rstrip(":?!.—– ")


def _normalise(line: str) -> str:
    return _normalise_case(line).lower()


def heading_meaning(line: str, by_similarity: bool = False) -> Meaning | None:
    """What a heading asks or names (see the module docstring), or None when its words name nothing.

    The lexicon below names the common wordings; `by_similarity` (for a line already known to be a
    heading) also reads one it does not know by how close its words are to each meaning
    (heading_similarity.py: "Possible repercussions" is near "consequences")."""
    text = _normalise(line).rstrip(":?!.—– ")
    if _LEAD_IN.match(text):
        return None  # "Here are the key developments:" introduces what follows, even set as a heading
    named = _named_meaning(text)
    if named is None and by_similarity:
        from .heading_similarity import meaning_by_similarity

        return meaning_by_similarity(_normalise_case(line))
    return named


def _named_meaning(text: str) -> Meaning | None:
    best: tuple[int, int, Meaning] | None = None
    for rank, (meaning, pattern) in enumerate(_MEANINGS):
        m = pattern.search(text)
        # The naming words lead the heading ("A brief history of ...", "Economic outlook"); a title
        # that merely contains one ("Ten years of Syrian history in maps") names nothing.
        if m is None or len(text[: m.start()].split()) > MAX_LEAD_WORDS:
            continue
        key = (len(text[: m.start()].split()), rank, meaning)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def heading_section(line: str, by_similarity: bool = False) -> SectionKey | None:
    """The memo section a heading names, or None if it names none (advice, free or nothing)."""
    meaning = heading_meaning(line, by_similarity)
    return meaning if meaning in SECTIONS else None  # type: ignore[return-value]


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower().strip("\"'“”‘’(") not in _SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w.lstrip("\"'“‘(")[:1].isupper() or w[:1].isdigit())
    return caps / len(content) >= 0.75


def is_heading(paragraph: str) -> bool:
    """True when a paragraph has the form of a heading (why: sources differ in markup, not in form)."""
    line = paragraph.strip()
    if not line or "\n" in line or len(line) > 110:
        return False
    line = _DECORATION.sub("", line)
    line = _NUMBERING.sub("", line, count=1).strip() or line
    words = line.split()
    if not words or len(words) > MAX_WORDS or line[-1] in ".,;…" or line.endswith((".”", '."', ".'")):
        return False
    first = line.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _LEAD_IN.match(line):
        return False  # "Here are the key developments:" introduces what follows; it names no part
    if line.endswith("?"):
        return True
    if heading_meaning(line) is not None and len(words) <= MAX_LABEL_WORDS:
        return True
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return _is_title_case(words) or len(words) <= 8


_INLINE = re.compile(r"^(?P<label>[^\n:?]{2,80}?)(?P<mark>[:?])[ \t]+(?=\S)")


def inline_heading(paragraph: str) -> InlineHeading | None:
    """A heading that opens its paragraph ("What happened? The EU ...", "🔭 The context: ...").

    Only a short label whose words name a kind of heading counts: "He said: ..." and "Why? Because
    ..." name none and stay prose.
    """
    m = _INLINE.match(paragraph)
    if m is None:
        return None
    label = _DECORATION.sub("", m["label"]).strip()
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or not label[:1].isupper():
        return None
    if m["mark"] == "?" and len(words) < 2:
        return None  # "Why? Because ...": a rhetorical question, not a heading
    if _LEAD_IN.match(label):
        return None
    meaning = heading_meaning(label, by_similarity=True)
    if meaning is None:
        return None
    return InlineHeading(end=m.end("mark"), body_start=m.end(), meaning=meaning)
