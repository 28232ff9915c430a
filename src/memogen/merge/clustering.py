"""Greedy single-link clustering of accepted pairs, with cannot-links; the representative sentence."""

from __future__ import annotations

from ..model import Point
from .features import Features
from .pairs import can_anchor, quantities_agree, same_fact, time_span
from .text import FIGURE_WEIGHT, NAME_WEIGHT, clarity_score

MEASURED = ("amount", "number", "percent")  # figures of a fact; dates and years say when

# --------------------------------------------------------------------------- clustering


class UnionFind:
    """Disjoint sets over 0..n-1 that keep each set's members (union by size)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)


def _compatible(uf: UnionFind, a: int, b: int, feats: list[Features], limit: int = 12) -> bool:
    """Would joining the two clusters put disagreeing figures in one fact? (cannot-link check)."""
    ma = uf.members[uf.find(a)][:limit]
    mb = uf.members[uf.find(b)][:limit]
    return all(quantities_agree(feats[i], feats[j]) for i in ma for j in mb)


def _figures_shared(uf: UnionFind, a: int, b: int, feats: list[Features], limit: int = 12) -> bool:
    """No member of either cluster gives a measured figure that no member of the other gives. Why:
    two outlets' words of one action join their facts, and a cluster holds one wording only; a page's
    other sentence joined to one of them ("decided to reduce the quota from 30% to 5%") would take its
    figures out of the memo with it."""
    ma = uf.members[uf.find(a)][:limit]
    mb = uf.members[uf.find(b)][:limit]

    def covered(xs: list[int], ys: list[int]) -> bool:
        theirs = [q for y in ys for q in feats[y].quantities if q.kind in MEASURED]
        return all(
            any(q.same_value(t) for t in theirs)
            for x in xs
            for q in feats[x].quantities
            if q.kind in MEASURED and can_anchor(q) and not time_span(q)
        )

    return covered(ma, mb) and covered(mb, ma)


def cluster_points(
    feats: list[Features],
    rows,
    cols,
    sims,
    idf: dict[str, float] | None = None,
    semantic=None,
    sources: list[str] | None = None,
    distinct=None,
) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Greedy single-link clustering over accepted pairs, best pairs first, with cannot-links.

    sources (each point's source id) lets the semantic signal join only points of two sources;
    distinct is the embedding cosine without the topic's common direction (see same_fact).
    """
    import numpy as np

    uf = UnionFind(len(feats))
    scores: dict[tuple[int, int], float] = {}
    order = np.argsort(-sims, kind="stable")
    for i, j, sim, sem, apart in _in_order(order, rows, cols, sims, semantic, distinct):
        same_source = sources is not None and sources[i] == sources[j]
        verdict = same_fact(sim, feats[i], feats[j], idf, sem, same_source, apart)
        if not verdict.dup:
            continue
        scores[(i, j)] = verdict.score
        if (
            uf.find(i) != uf.find(j)
            and _compatible(uf, i, j, feats)
            and (verdict.rule != "action" or _figures_shared(uf, i, j, feats))
        ):
            uf.union(i, j)
    groups = sorted((sorted(m) for m in uf.members.values()), key=lambda m: m[0])
    return groups, scores


def _in_order(order, *columns, chunk: int = 20_000):
    """(row, col, sim, semantic, distinct) of each pair in `order`, as Python numbers (a numpy scalar
    read per pair cost more than most pairs' rules), a chunk at a time (lists of every pair of a
    2,000-source topic would add ~30 MB at the merge's memory peak). A column that is None gives None."""
    for lo in range(0, len(order), chunk):
        part = order[lo : lo + chunk]
        lists = [c[part].tolist() if c is not None else [None] * len(part) for c in columns]
        yield from zip(*lists, strict=True)


def choose_representative(members: list[int], points: list[Point], feats: list[Features]) -> int:
    """The member stating the fact best (see clarity_score), where names and figures count only
    when another source of the fact gives them too: the memo states what the sources agree on, so
    a wording rich in detail no other source gives ("besides DRUZHBA, AMAN and Arabian Monsoon
    exercises"; "also 1% to tribal communities and 1% to people with disabilities" beside four
    sources' "veterans' quota cut to 5%, 93% on merit") earns no preference over a plainer one."""
    if len(members) == 1:  # most clusters: nothing to choose, no sentence to score
        return members[0]

    def score(i: int) -> float:
        other = [j for j in members if points[j].source_id != points[i].source_id]
        score = clarity_score(points[i].text, feats[i])
        others = {n for j in other for n in feats[j].names}
        if others:
            score -= NAME_WEIGHT * (min(len(feats[i].names), 6) - min(len(feats[i].names & others), 6))
        theirs = [q for j in other for q in feats[j].quantities if q.kind in MEASURED]
        if theirs:  # a date one source alone gives still says when
            mine = [q for q in feats[i].quantities if q.kind in MEASURED]
            shared = sum(1 for q in mine if any(q.same_value(t) for t in theirs))
            score -= FIGURE_WEIGHT * (min(len(mine), 4) - min(shared, 4))
        return score

    return max(members, key=lambda i: (score(i), -i))
