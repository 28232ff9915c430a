"""A heading the lexicon does not know, read by how close its words are to what each kind of heading means.

Why: publishers keep inventing wordings ("Possible effects", "Why this is important", "Travel advice"),
and a list of phrases only knows the ones someone has seen.  Each meaning is described here in plain
words — what an editor would say the part of a brief is for, never a publisher's heading — and a heading
takes the meaning whose description is nearest in WordLlama's embedding space (the merger's vectors,
merge/semantic.py: in a build, remembered from the last one), when it is clearly nearer than the rest.  A line with an acronym or a
figure in it is a name (a masthead, a programme), not a part of a brief, and is left alone.  Without the
embedding model, an unknown heading names nothing (as before).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .headings import Meaning

MIN_SIMILARITY = 0.5  # cosine to the nearest description: unrelated titles score ~0.1-0.4
MIN_MARGIN = 0.15  # ... and this much nearer than the next meaning's
MAX_WORDS = 8

# What each kind of heading is for, in an editor's plain words.
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "what_happened": (
        "what happened",
        "the news",
        "the event",
        "the facts",
        "the latest developments",
        "recent events",
        "the current state of affairs on the ground",
    ),
    "background": (
        "background",
        "context",
        "history",
        "how it began",
        "the origins",
        "the story so far",
        "the backstory",
    ),
    "what_it_means": (
        "what it means",
        "why it matters",
        "significance",
        "implications",
        "analysis",
        "outlook",
        "what comes next",
        "consequences",
        "the future",
    ),
    "advice": (
        "advice",
        "recommendations for readers",
        "what you should do",
        "precautions",
        "safety tips",
        "measures to take",
    ),
    "free": ("key takeaways", "a quote", "a statistic", "in numbers", "highlights"),
}

_NAME_TOKEN = re.compile(r"\b(?:[A-Z]{2,}|\w*\d\w*)\b")


_MEANINGS: tuple[str, ...] = tuple(m for m, phrases in DESCRIPTIONS.items() for _ in phrases)
_PHRASES: tuple[str, ...] = tuple(p for phrases in DESCRIPTIONS.values() for p in phrases)


def nearest_meanings(heading: str) -> list[tuple[str, float]]:
    """Each meaning with the cosine of its nearest description to the heading, best first.

    Vectors come through the merger's `embed_texts`: in a build, those remembered from the last one
    are used, so a rebuild does not load the model for its headings."""
    from ..merge.semantic import embed_texts

    vectors = embed_texts([*_PHRASES, heading.lower()])
    if vectors is None:
        return []
    sims = vectors[:-1] @ vectors[-1]
    best: dict[str, float] = {}
    for meaning, sim in zip(_MEANINGS, sims.tolist(), strict=True):
        best[meaning] = max(best.get(meaning, -1.0), sim)
    return sorted(best.items(), key=lambda kv: -kv[1])


def meaning_by_similarity(heading: str) -> Meaning | None:
    """The meaning whose description is clearly nearest to the heading, or None."""
    words = heading.split()
    if not words or len(words) > MAX_WORDS or (_NAME_TOKEN.search(heading) and not heading.isupper()):
        return None
    ranked = nearest_meanings(heading)
    if len(ranked) < 2:
        return None
    (meaning, top), (_, second) = ranked[0], ranked[1]
    if top >= MIN_SIMILARITY and top - second >= MIN_MARGIN:
        return meaning  # type: ignore[return-value]
    return None
