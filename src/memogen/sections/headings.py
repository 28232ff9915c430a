"""Headings: recognised by their form, mapped to a memo section by their words.

A heading is a one-line paragraph that reads like a title: short, no final
period, and a question, Title Case, ALL CAPS or a very short phrase.  Which
section it names comes from a list of the usual variants ("Why it matters",
"A brief history of ...", "Outlook"); a heading that names none ("Old players
on a new trajectory") still ends the scope of the heading before it but
assigns nothing: the classifier decides.
"""

from __future__ import annotations

import re

from ..model import SectionKey
from ..wordlists import TITLE_SMALL_WORDS

MAX_WORDS = 14
MAX_LEAD_WORDS = 3
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[A-Ha-h])[.)]\s+")
# Title small words plus the verbs and question words a question heading is made of.
_SMALL_WORDS = TITLE_SMALL_WORDS | frozenset(
    "are be did do does how is it its that this was what when where which who why".split()  # noqa: SIM905
)

# Order matters: the first pattern that matches wins ("What happened next?" is not "What next").
_SECTION_PATTERNS: tuple[tuple[SectionKey, re.Pattern[str]], ...] = (
    (
        "what_happened",
        re.compile(
            r"\b(what (has )?happened|what(?:'s| is) happening|in the news|the news|news in brief|"
            r"the event|the facts|key facts|what we know|the latest|latest developments?|"
            r"what was (said|agreed|decided|announced)|summary|the story|the events?)\b"
        ),
    ),
    (
        "background",
        re.compile(
            r"\b(background|backstory|back story|backdrop|context|history|historical|how we got here|"
            r"issues at large|origins?|the big picture|catch up|flashback|timeline|the road to|"
            r"what led|the roots|roots of|previously)\b"
        ),
    ),
    (
        "what_it_means",
        re.compile(
            r"\b(what (does|did|do) (it|this|that|they) mean|what (it|this|that) means|"
            r"why (it|this|that) matters?|why (does|do) (it|this|that) matter|implications?|"
            r"analysis|assessment|outlook|what(?:'s| is| comes)? next|what to (watch|expect|look for)|"
            r"in perspective|significance|takeaways?|bottom line|looking ahead|road ahead|"
            r"way forward|prospects|between the lines|conclusions?|impacts?|consequences|"
            r"the stakes|what'?s at stake|our view|comment(ary)?|the verdict|scenarios|forecast|"
            r"yes,? but|what should|recommendations?|the upshot)\b"
        ),
    ),
)


def _strip_numbering(line: str) -> str:
    return _NUMBERING.sub("", line, count=1).strip()


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower().strip("\"'“”‘’(") not in _SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w.lstrip("\"'“‘(")[:1].isupper() or w[:1].isdigit())
    return caps / len(content) >= 0.75


def heading_section(line: str) -> SectionKey | None:
    """The section a heading names, or None if its words name no section."""
    text = " ".join(_strip_numbering(line).lower().replace("’", "'").split())
    for key, pattern in _SECTION_PATTERNS:
        m = pattern.search(text)
        # The section words lead the heading ("A brief history of ...", "Economic outlook"); a
        # title that merely contains one ("Ten years of Syrian history in maps") names no section.
        if m and len(text[: m.start()].split()) <= MAX_LEAD_WORDS:
            return key
    return None


def is_heading(paragraph: str) -> bool:
    """True when a paragraph has the form of a heading (why: sources differ in markup, not in form)."""
    line = paragraph.strip()
    if not line or "\n" in line or len(line) > 110:
        return False
    line = _strip_numbering(line) or line
    words = line.split()
    if len(words) > MAX_WORDS or line[-1] in ".,;…" or line.endswith((".”", '."', ".'")):
        return False
    first = line.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if line.endswith("?"):
        return True
    if heading_section(line) is not None and len(words) <= 8:
        return True
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return _is_title_case(words) or len(words) <= 8
