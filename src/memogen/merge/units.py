"""Counted nouns that name one thing: "six countries" and "seven nations" count the same.

Why: a count compares with another only in one unit, and the unit is the counted noun's stem.
Sources of one topic often count one thing with two nouns ("countries" / "nations", "troops" /
"soldiers", "homes" / "houses"): kept apart, the two figures are neither a disagreement nor
one fact's figures, and the merger even joins their sentences as one fact with no word on
the difference. A list of synonyms would hold the nouns of the topics we have seen; the
embedding model knows nouns of any topic. Its word vectors also put related but distinct
nouns close ("days" / "weeks" 0.56, "towns" / "villages" 0.56), so only a close pair counts,
and two forms of one word ("votes" / "voters", 0.61) never do.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .lexicon import UNIT_CONVERSIONS
from .quantities import Quantity

SYNONYM_COSINE = 0.6  # WordLlama cosine: countries/nations 0.68, troops/soldiers 0.66, homes/houses 0.76
_SHARED_PREFIX = 4  # "votes" / "voters": two forms of one word count two things


def unify_counted_nouns(quantities: Iterable[Quantity]) -> None:
    """Give counts whose nouns mean one thing one unit (the first in sorted order), in place.

    Does nothing when the embedding model is not installed."""
    by_unit: dict[str, list[Quantity]] = {}
    word_of: dict[str, str] = {}
    for q in quantities:
        if q.kind != "number" or not q.unit or q.unit in UNIT_CONVERSIONS:
            continue  # units of measure convert by their own table
        by_unit.setdefault(q.unit, []).append(q)
        word = q.display.rsplit(" ", 1)[-1].lower()
        if word.isalpha() and word.startswith(q.unit) and q.unit not in word_of:
            word_of[q.unit] = word
    units = sorted(word_of)
    if len(units) < 2:
        return
    canonical = _synonym_groups(units, [word_of[u] for u in units])
    for unit, target in canonical.items():
        for q in by_unit[unit]:
            q.unit = target


def _synonym_groups(units: list[str], words: list[str], block: int = 1024) -> dict[str, str]:
    """unit -> the first unit (sorted order) of its group of synonyms, for units in a group only."""
    from .clustering import UnionFind
    from .semantic import embed_texts

    vectors = embed_texts(words)
    if vectors is None:
        return {}
    uf = UnionFind(len(units))
    for lo in range(0, len(units), block):
        sims = vectors[lo : lo + block] @ vectors.T
        for i, j in zip(*np.nonzero(sims >= SYNONYM_COSINE), strict=True):
            a, b = lo + int(i), int(j)
            if a < b and words[a][:_SHARED_PREFIX] != words[b][:_SHARED_PREFIX]:
                uf.union(a, b)
    out = {}
    for members in uf.members.values():
        if len(members) > 1:
            first = units[min(members)]
            out.update({units[k]: first for k in members if k != min(members)})
    return out
