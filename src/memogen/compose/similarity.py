"""How alike two memo points are, measured with the merger's ruler (adapter).

Why an adapter: centrality and redundancy must use the similarity the merger uses to decide
that two sentences state one fact (word 1-2-gram and character 4-gram TF-IDF fitted on the
topic), or the composer would keep two sentences the merger calls different and vice versa.
The merger's vectors are reached here only, so when it exposes its own sentence-pair
similarity, this file is all that changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MIN_SHARED = 3  # content stems two points must share before their overlap counts
GRAPH_MIN = 0.1  # weaker links than this are noise in the centrality graph


@dataclass
class PointVectors:
    """TF-IDF rows of the points' texts, fitted on them (one topic); content stems on demand.

    Stems (the merger's Features) are costly, and only the points that compete for a place
    need them: `focus()` names those, so large topics stay linear.
    """

    mats: object  # the merger's fitted word and character matrices
    texts: list[str] = field(default_factory=list)
    feats: dict[int, object] = field(default_factory=dict)  # row -> the merger's Features
    idf: dict[str, float] = field(default_factory=dict)  # IDF of content stems over the focus rows

    def focus(self, rows: list[int]) -> None:
        from ..merge import content_idf, features

        for i in rows:
            if i not in self.feats:
                self.feats[i] = features(self.texts[i])
        self.idf = content_idf([self.feats[i] for i in rows])

    def _feat(self, i: int):
        if i not in self.feats:
            from ..merge import features

            self.feats[i] = features(self.texts[i])
        return self.feats[i]

    def overlap_to(self, i: int, others: np.ndarray) -> np.ndarray:
        """How much of point i's content other points repeat: IDF-weighted Dice of content stems,
        the merger's paraphrase measure (n-gram cosine misses "scrapped" / "suspended")."""
        from ..merge import weighted_overlap

        a = self._feat(i)
        mine = self.days(i)

        def overlap(j: int) -> float:
            b = self._feat(j)
            if mine and self.days(j) and not days_meet(mine, self.days(j)):
                return 0.0  # different days: different events
            if len(a.content & b.content) < MIN_SHARED:
                return 0.0  # a word or two in common is chance, not the same statement
            return weighted_overlap(a, b, self.idf)

        return np.array([overlap(j) for j in others], dtype=np.float32)

    def days(self, i: int) -> frozenset[tuple]:
        """The days and years point i gives: two points that both give dates and share none
        tell of different days ("On 6 April ... arrived" / "On 8 April ... signed"), however
        many words they share. (Counts that differ are the merger's business: one measure
        counted twice is a conflict or an update, not two facts.)"""
        return frozenset(q.value for q in self._feat(i).quantities if q.kind in ("date", "year"))

    def concepts(self, i: int) -> frozenset[str]:
        """What point i says, as concepts: its content stems. Figures are not concepts: sources
        counting the same seats or deaths differently state one fact, not two."""
        return frozenset(w for w in self._feat(i).content if not any(ch.isdigit() for ch in w))

    def similarity_to(self, i: int, others: np.ndarray) -> np.ndarray:
        """Similarity of point i to each point in `others` (indices)."""
        from ..merge import pair_similarity

        if len(others) == 0:
            return np.zeros(0, dtype=np.float32)
        return pair_similarity(self.mats, np.full(len(others), i, dtype=np.int64), others.astype(np.int64))

    def graph(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Edges (i, j, similarity) of the topic's similarity graph, found without an all-pairs product."""
        from ..merge import candidate_pairs, pair_similarity

        rows, cols = candidate_pairs(self.mats)
        sims = pair_similarity(self.mats, rows, cols)
        keep = sims >= GRAPH_MIN
        return rows[keep], cols[keep], sims[keep]

    def profile_similarity(self, texts: list[str]) -> np.ndarray:
        """Cosine of every point with the centroid of `texts` (e.g. headlines and leads)."""
        from ..merge import normalise

        if not texts:
            return np.zeros(self.mats.word.shape[0], dtype=np.float32)
        norms = [normalise(t) for t in texts]
        out = np.zeros(self.mats.word.shape[0], dtype=np.float32)
        for rows, vec in ((self.mats.word, self.mats.word_vec), (self.mats.char, self.mats.char_vec)):
            centre = np.asarray(vec.transform(norms).sum(axis=0)).ravel()
            size = float(np.linalg.norm(centre)) or 1.0
            out += 0.5 * np.asarray(rows @ (centre / size)).ravel()
        return out


def days_meet(a: frozenset[tuple], b: frozenset[tuple]) -> bool:
    """Some day of `a` may be one of `b`: the merger's `dates_agree` (equal wherever both say a
    part) for two mentions that give one part at least in common ("on Tuesday (December 3)" and
    "on 3 December 2024" are one day: a source that leaves out the year does not tell of another)."""
    if a & b:
        return True
    from ..merge.quantities import dates_agree

    return any(
        dates_agree(p, q) and any(x is not None and y is not None for x, y in zip(p, q, strict=True))
        for p in a
        for q in b
    )


def vectorise(texts: list[str]) -> PointVectors:
    from ..merge import normalise
    from ..merge import vectorise as merger_vectorise

    return PointVectors(merger_vectorise([normalise(t) for t in texts]), texts)
