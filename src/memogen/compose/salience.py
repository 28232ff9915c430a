"""Salience: how much a point belongs in the memo, from evidence any news summariser would weigh.

- centrality: LexRank over the topic's similarity graph; a point that many others echo is the
  story, a sidebar teaser ("Read more: ...") echoes nothing. The graph links meanings (sentence
  embeddings, the topic's common direction removed) when the embedding model is installed, else
  wordings (n-gram TF-IDF);
- position: news writes the most important first, so a source's lead sentences rank high;
- support: how many sources state it (the merger cites them all);
- event: how close it is to the event the sources report (their headlines and leads), and whether
  it gives the event's own date;
- specific: names and figures (a checkable statement);
- disputed: it carries a statement that sources disagree (a memo must say so);
- penalty: a rhetorical question or the author's own voice ("we expected") is weak memo material;
- off_topic: a sentence whose meaning (embedding) is far from the event's headlines and leads is a
  sidebar's or another story's (scored with the merger's offline embedding model, when installed),
  unless it stands between two of its source's sentences that are about the event;
Each part lies in 0..1, so `describe()` can say which one kept or cut a point.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..merge import extract_quantities
from ..model import MergedPoint, Source
from ..wordlists import FIRST_PERSON, QUOTED_SPAN
from .similarity import PointVectors

# Fitted (logistic regression, rounded) on which points state a key fact in the tune events and
# lavrov-2021: held-out AUC 0.68-0.83 per topic; the event term adds little beside the others.
WEIGHTS = {"centrality": 1.0, "position": 1.3, "support": 0.6, "event": 0.2, "dated": 1.0, "specific": 1.2}
DISPUTED = 1.0  # where sources disagree, the memo must say so: the point that states it ranks high
LEAD_HALF_LIFE = 3.0  # a source's 4th point counts half its lead
LEAD_POSITION = 0.99  # a position this high is a source's lead (1.0; its second point has 0.79)
OFF_TOPIC = 0.15  # embedding cosine with the event below which a point is about something else
OFF_TOPIC_PENALTY = 1.0
VOICE_PENALTY = 0.5  # a rhetorical question or the author's own voice
COMMON_NAME_SHARE = 0.15  # a name in this share of the points is the topic's, not a fact's
DAMPING = 0.85  # LexRank's random-jump share is 1 - DAMPING
# Embedding cosine (the topic's common direction removed) from which two points are linked in
# the centrality graph: unrelated pairs score ~0; of 0.3-0.5, the one that keeps every lavrov test
SEMANTIC_LINK = 0.45
# A short memo's graph links looser kin too (see `semantic_centrality`): from this cosine, in
# full for a 100-word memo, fading out at SHORT_MEMO words (a long memo's choice is unchanged)
CORE_LINK = 0.25
SHORT_MEMO = 700
# A capitalised word after a lower-case word or a comma (not a sentence's first), and a figure not
# inside a name ("COP28"). Each opens on the character it matches and looks behind only there: a
# pattern that opens on a look-behind is tried at every character (~2x the time; every point's
# specificity is read for the shortlist, ~60,000 at 2,000 sources).
_NAME = re.compile(r"[A-Z](?<=[a-z,;:] [A-Z])[\w-]+")
_NUMBER = re.compile(r"\d(?<![A-Za-z]\d)\d*(?:[.,]\d+)*(?![A-Za-z]*\d)")


@dataclass(frozen=True)
class Salience:
    centrality: float
    position: float
    support: float
    event: float
    dated: bool
    specific: float
    penalty: float
    disputed: bool = False
    off_topic: bool = False  # its meaning is far from the event's headlines and leads

    @property
    def lead(self) -> bool:
        """The point is the first its source tells (in one of its sources)."""
        return self.position >= LEAD_POSITION

    @property
    def total(self) -> float:
        return (
            WEIGHTS["centrality"] * self.centrality
            + WEIGHTS["position"] * self.position
            + WEIGHTS["support"] * self.support
            + WEIGHTS["event"] * self.event
            + WEIGHTS["dated"] * self.dated
            + WEIGHTS["specific"] * self.specific
            + DISPUTED * self.disputed
            - self.penalty
            - OFF_TOPIC_PENALTY * self.off_topic
        )

    def describe(self) -> str:
        parts = [f"score {self.total:.2f}: centrality {self.centrality:.2f}"]
        parts.append("a source's lead" if self.lead else f"position {self.position:.2f}")
        parts.append(f"support {self.support:.2f}")
        parts.append(f"event {self.event:.2f}" + (", gives the event's date" if self.dated else ""))
        parts.append(f"specific {self.specific:.2f}")
        if self.disputed:
            parts.append("states where sources disagree")
        if self.penalty:
            parts.append(f"penalty {self.penalty:.1f} (question or the author's own voice)")
        if self.off_topic:
            parts.append("about something else than the event (far from its headlines and leads)")
        return ", ".join(parts)


def lexrank(n: int, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray, steps: int = 50) -> np.ndarray:
    """Continuous LexRank (Erkan & Radev 2004) on a sparse symmetric graph, scaled to max 1.

    The graph stays an edge list: one power-iteration step spreads each node's score along its
    edges with a weighted bincount, so the cost is linear in the edges (numpy alone: no scipy
    import on the build path).
    """
    if n == 0:
        return np.zeros(0)
    src = np.r_[rows, cols].astype(np.int64)
    dst = np.r_[cols, rows].astype(np.int64)
    weight = np.r_[sims, sims].astype(np.float64)
    degree = np.bincount(src, weights=weight, minlength=n)
    safe = np.where(degree > 0, degree, 1.0)
    share = weight / safe[src]  # the walk's row-stochastic step, per edge
    dangling = degree == 0
    score = np.full(n, 1.0 / n)
    for _ in range(steps):
        spread = np.bincount(dst, weights=share * score[src], minlength=n) + score[dangling].sum() / n
        new = (1 - DAMPING) / n + DAMPING * spread
        if np.abs(new - score).sum() < 1e-9:
            score = new
            break
        score = new
    return score / score.max()


def semantic_centrality(points: list[MergedPoint], budget: int | None = None) -> np.ndarray | None:
    """LexRank over the points' meanings: two points are linked when their embeddings, with the
    topic's common direction removed (as the merger compares meanings), are close; None without
    the embedding model (the n-gram graph serves then).

    Why meaning, not wording: outlets tell a strand of the story (the toll, the dams, the aid) in
    their own words, so the n-gram graph left most points of a topic unlinked (centrality at its
    floor for 9 of the 20 most salient points of a held corpus event) and a lead stating five key
    facts ranked as central as a teaser. The common direction is the topic itself: without it,
    what links two points is the strand they share, and a strand many points tell is central.
    Measured at 100/250 words (eval_selection, mean key-fact coverage): tune 23.3/43.8 ->
    23.3/43.9 %, held 18.3/38.9 -> 24.6/40.9 %, lavrov 28.6/52.4 -> 28.6/42.9 %; default budget
    104 -> 106 of 122 key facts.

    A short memo (`budget` below SHORT_MEMO words) blends in the graph at CORE_LINK. Why: at
    SEMANTIC_LINK most points of a six-source topic have no link at all, so centrality was one
    of two values (floor or top) and could not tell the story's core from a sidebar; a 100-word
    memo has room for the core only, and the looser graph grades it (points retelling what many
    others tell rank first, as in LexRank). A long memo needs the strands' breadth and keeps the
    strict graph. Measured at 100/250 words (mean key-fact coverage): devset 26.2/45.0 ->
    31.2/50.0 %, tune 24.7/42.5 -> 23.3/43.9 %, lavrov 28.6/42.9 -> 28.6/47.6 %.
    """
    from ..merge.semantic import distinct_vectors

    if len(points) < 2:
        return None
    vectors = distinct_vectors([p.text for p in points])
    if vectors is None:
        return None
    sims = vectors @ vectors.T
    central = _linked_rank(sims, SEMANTIC_LINK)
    core = max(0.0, 1 - budget / SHORT_MEMO) if budget else 0.0
    if core > 0:
        central = (1 - core) * central + core * _linked_rank(sims, CORE_LINK)
    return central


def _linked_rank(sims: np.ndarray, link: float) -> np.ndarray:
    """LexRank over the graph of the pairs at least `link` alike, weighted by their likeness."""
    rows, cols = np.nonzero(np.triu(sims >= link, k=1))
    return lexrank(len(sims), rows, cols, sims[rows, cols])


def disputed(point: MergedPoint) -> bool:
    """Sources disagree on its figure, or the figure moved: the memo must say so.  Figures that fit
    together ("at least 10,000" / "more than 9,000") are no disagreement and earn nothing."""
    return any(c.change != "agree" for c in point.conflicts)


def source_positions(points: list[MergedPoint]) -> dict[str, float]:
    """Each point's best position in any source it cites: 1 for a lead, halving every few points."""
    per_source: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for p in points:
        for c in p.citations:
            per_source[c.source_id].append((c.start, p.id))
    best: dict[str, float] = defaultdict(float)
    # each rank's weight computed once, not per cited passage (two passes over every point's citations)
    decay = [0.5 ** (rank / LEAD_HALF_LIFE) for rank in range(max(map(len, per_source.values()), default=0))]
    for items in per_source.values():
        for (_, pid), weight in zip(sorted(items), decay, strict=False):
            if weight > best[pid]:
                best[pid] = weight
    return best


def specificity(text: str, common: frozenset[str] = frozenset()) -> float:
    """Names and figures make a statement checkable: 0 for "there is no permanent ally", 1 for a
    sentence with a few names and a figure. A name most of the topic's points carry (the
    country, the summit) tells nothing about which fact this is, and a figure inside a name
    ("COP28") is no figure."""
    names = [m for m in _NAME.findall(text) if m not in common]
    return min(1.0, (min(len(_NUMBER.findall(text)), 2) + min(len(names), 3)) / 4)


def common_names(points: list[MergedPoint]) -> frozenset[str]:
    """Names in at least COMMON_NAME_SHARE of the points: the topic's own name, not a fact's."""
    counts: dict[str, int] = defaultdict(int)
    for p in points:
        for name in set(_NAME.findall(p.text)):
            counts[name] += 1
    floor = max(2, COMMON_NAME_SHARE * len(points))
    return frozenset(name for name, k in counts.items() if k >= floor)


def shortlist(points: list[MergedPoint], size: int) -> tuple[list[MergedPoint], list[MergedPoint]]:
    """(the `size` most promising points in their order, the rest) by the cheap parts of salience:
    position in their sources, support and specificity.

    Why: a memo takes a few dozen points; at 500 sources there are 16,000, and making each one
    standalone and placing it in the similarity graph is most of the composer's time. A
    source's 40th sentence told by no other source does not reach a two-page memo.
    """
    if len(points) <= size:
        return points, []
    position = source_positions(points)
    promise = [
        WEIGHTS["position"] * position.get(p.id, 0.0)
        + WEIGHTS["support"] * min(1.0, (len(p.source_ids) - 1) / 2)
        + WEIGHTS["specific"] * specificity(p.text)
        + DISPUTED * disputed(p)
        for p in points
    ]
    order = sorted(range(len(points)), key=lambda k: -promise[k])
    keep = set(order[:size])
    return [p for k, p in enumerate(points) if k in keep], [p for k, p in enumerate(points) if k not in keep]


def _mentions_event_day(text: str, start: dt.date | None, end: dt.date | None) -> bool:
    if start is None:
        return False
    last = (end or start) + dt.timedelta(days=1)
    first = start - dt.timedelta(days=1)
    for q in extract_quantities(text):
        if q.kind == "date" and q.value[1] and q.value[2]:
            try:
                day = dt.date(q.value[0] or start.year, q.value[1], q.value[2])
            except ValueError:
                continue
            if first <= day <= last:
                return True
    return False


def event_profile(points: list[MergedPoint], sources: list[Source]) -> list[str]:
    """What the sources say the event is: their headlines and each source's lead point."""
    leads: dict[str, tuple[int, str]] = {}
    for p in points:
        for c in p.citations:
            if c.source_id not in leads or c.start < leads[c.source_id][0]:
                leads[c.source_id] = (c.start, p.text)
    titles = [s.metadata.title for s in sources if s.metadata.title]
    return titles + [text for _, text in leads.values()]


def topic_closeness(points: list[MergedPoint], profile: list[str]) -> np.ndarray | None:
    """Cosine of each point's sentence embedding with the centroid of the event's headlines and
    leads; None without the embedding model.

    Why meaning, not words: "The order was passed by a seven-member bench" shares no word with
    "Court scales back job quotas" yet is about it, while a sidebar's "Senior Congress leader
    was hospitalised" is about something else; the TF-IDF event term scores both near 0.
    """
    from ..merge.semantic import embed_texts

    if not points or not profile:
        return None
    vectors = embed_texts([p.text for p in points] + profile)
    if vectors is None:
        return None
    centre = vectors[len(points) :].sum(axis=0)
    norm = float(np.linalg.norm(centre))
    return vectors[: len(points)] @ (centre / norm) if norm else None


def within_report(points: list[MergedPoint], closeness: np.ndarray) -> np.ndarray:
    """Whether each point stands between two points of one of its sources that are close to the
    event: it is a line of that report, however generic its own wording.

    Why: a short statement of the event names neither its place nor its actors ("State
    authorities announced three days of national mourning.", "The first joint military
    exercise between the two countries was held in 2016."), so its embedding is far from the
    headlines and it was cut as another story's. Sidebars and teasers come in blocks or at a
    page's end, where at least one neighbour is off the event too.
    """
    per_source: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, p in enumerate(points):
        for c in p.citations:
            per_source[c.source_id].append((c.start, k))
    inside = np.zeros(len(points), dtype=bool)
    for items in per_source.values():
        order = [k for _, k in sorted(items)]
        for before, k, after in zip(order, order[1:], order[2:], strict=False):
            if closeness[before] >= OFF_TOPIC and closeness[after] >= OFF_TOPIC:
                inside[k] = True
    return inside


def score_points(
    points: list[MergedPoint],
    sources: list[Source],
    vectors: PointVectors,
    event: tuple[dt.date | None, dt.date | None] = (None, None),
    layout: list[MergedPoint] | None = None,
    budget: int | None = None,
) -> dict[str, Salience]:
    """Salience of every point (vectors: one row per point, in the same order).

    `layout`: every point the sources gave, left out or not, so that a source's lead is its
    first sentence even when that sentence could not stand alone. `budget`: the memo's words
    (a short memo ranks by the story's core, see `semantic_centrality`).
    """
    n = len(points)
    central = semantic_centrality(points, budget)
    if central is None:
        central = lexrank(n, *vectors.graph())
    position = source_positions(layout or points)
    near = vectors.profile_similarity(event_profile(layout or points, sources))
    near = near / near.max() if n and near.max() > 0 else near
    n_sources = max(1, len(sources))
    common = common_names(points)
    topical = topic_closeness(points, event_profile(layout or points, sources))
    far = (
        np.zeros(n, dtype=bool)
        if topical is None
        else (topical < OFF_TOPIC) & ~within_report(points, topical)
    )
    out: dict[str, Salience] = {}
    for k, p in enumerate(points):
        own_voice = FIRST_PERSON.search(QUOTED_SPAN.sub("", p.text)) is not None
        out[p.id] = Salience(
            centrality=float(central[k]),
            position=position.get(p.id, 0.0),
            support=min(1.0, (len(p.source_ids) - 1) / max(1, min(2, n_sources - 1))),
            event=float(near[k]),
            dated=_mentions_event_day(p.text, *event),
            specific=specificity(p.text, common),
            penalty=VOICE_PENALTY * (own_voice or "?" in p.text or "!" in p.text),
            disputed=disputed(p),
            off_topic=bool(far[k]),
        )
    return out
