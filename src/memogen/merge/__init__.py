"""Merger: points from every source -> one set of facts, each citing every source that states it.

Why this shape: cheap lexical similarity (word and character TF-IDF) finds paraphrases
well, but its errors are same-topic sentences with a different year, figure or name
(see FIELD-NOTES). So a pair is a duplicate only when the text is similar *and* the
numbers, dates and names agree. A shared specific figure about the same thing ("the
first visit in 9 years") also links sentences that share few other words. The same
machinery, run on looser "related" pairs, reports figures that disagree across sources
as conflicts instead of hiding them. Candidate pairs come from a sparse product
restricted to features that are rare in the topic, plus inverted indexes on figures,
so the cost grows with the number of points, not its square. Before vectorising, text is
normalised with aliases the topic's own sources give ("Chief of Naval Operations (CNO)", "X (also
known as Y)", "Prime Minister Ana Ruiz") and a small table of title abbreviations, so
"FM Ruiz met the CNO" and "the Foreign Minister met Admiral Sato" can meet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..model import (
    Citation,
    Cluster,
    ClusterMember,
    MergedPoint,
    Point,
    SectionKey,
    Source,
)
from ..sections.candidates import read_texts
from .aliases import Aliases, learn_aliases
from .claims import assume_event_years, read_claims, topic_entity
from .clustering import choose_representative, cluster_points
from .conflicts import (
    find_conflicts,
    lone_dates_in_clusters,
    lone_dates_near_event,
    misdated_weekdays,
    weekday_claims,
    weekday_day,
)
from .features import Features, content_stems, features, weekday_events
from .labels import lone_labels, lone_name_variants
from .memory import release_freed_memory
from .pairs import (
    ANCHOR_MIN_SIM,
    CONTAIN_MIN_SIM,
    DUP_THRESHOLD,
    SEMANTIC_MIN_SIM,
    conflicting_quantities,
    content_idf,
    quantity_pairs,
    related_enough,
    same_fact,
    weighted_overlap,
)
from .quantities import extract_quantities, figure_years, time_compatible
from .restated import drop_restated_sentences
from .semantic import semantic_similarities, semantic_similarity
from .similarity import Matrices, candidate_pairs, nearest_pairs, pair_similarity, vectorise
from .statements import source_name, source_names, told_at
from .text import (
    compress,
    drop_restated_asides,
    forget_word_caches,
    has_aside,
    normalise,
    uneven_spaces,
    without_asides,
)
from .units import unify_counted_nouns

# --------------------------------------------------------------------------- public entry


__all__ = [
    "MergeResult",
    "candidate_pairs",
    "compress",
    "content_idf",
    "extract_quantities",
    "features",
    "figure_years",
    "judge_pairs",
    "learn_aliases",
    "merge_points",
    "normalise",
    "pair_similarity",
    "semantic_similarity",
    "source_name",
    "vectorise",
    "weighted_overlap",
]


@dataclass
class MergeResult:
    merged: list[MergedPoint]
    clusters: list[Cluster]
    stats: dict[str, float] = field(default_factory=dict)
    # (source id, start, end) of every point -> the id of the cluster holding it (for evaluation)
    assignment: dict[tuple[str, int, int], str] = field(default_factory=dict)
    flagged: list[tuple[str, int, int]] = field(default_factory=list)  # points not stated: one source's error


def _section_vote(members: list[int], points: list[Point]) -> SectionKey:
    votes: dict[str, float] = defaultdict(float)
    for i in members:
        votes[points[i].section] += points[i].confidence or 0.1
    order = {"what_happened": 0, "background": 1, "what_it_means": 2}
    return max(votes, key=lambda s: (votes[s], -order.get(s, 3)))  # type: ignore[return-value]


TOPIC_SAMPLE = 2000  # points, evenly spread, whose embeddings give the topic's common direction

_UNEVEN_SPACE = re.compile(r"\s{2,}|[^\S ]")  # what _excerpt rewrites: runs of spaces, tabs, newlines


def _excerpt(text: str, limit: int = 300) -> str:
    # a text with single spaces only is kept as the same object: at 2,000 sources, a copy of every
    # member's sentence cost ~13 MB at the merge's memory peak
    text = (_UNEVEN_SPACE.sub(" ", text) if uneven_spaces(text) else text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _via(source: Source | None, start: int, end: int) -> list[str]:
    if source is None:
        return []
    labels = []
    for ref in source.references_in(start, end):
        label = ref.label or _excerpt(ref.text, 60)
        if label not in labels:
            labels.append(label)
    return labels


def _scored_candidates(mats: Matrices, feats: list[Features], points: list[Point]):
    """Candidate pairs with their similarity, dropping those no rule could accept.

    Lexical candidates need the containment rule's similarity at least; pairs sharing
    a figure (from the quantity index) only the anchor rule's.
    """
    import numpy as np

    rows, cols = candidate_pairs(mats)
    sims = pair_similarity(mats, rows, cols)
    keep = sims >= min(CONTAIN_MIN_SIM, DUP_THRESHOLD, SEMANTIC_MIN_SIM)
    rows, cols, sims = nearest_pairs(rows[keep], cols[keep], sims[keep])
    extra = quantity_pairs(feats, points)
    if extra:
        er = np.array([p[0] for p in extra], dtype=np.int64)
        ec = np.array([p[1] for p in extra], dtype=np.int64)
        es = pair_similarity(mats, er, ec)
        ok = es >= ANCHOR_MIN_SIM
        rows = np.concatenate([rows, er[ok]])
        cols = np.concatenate([cols, ec[ok]])
        sims = np.concatenate([sims, es[ok]])
        both, idx = np.unique(np.stack([rows, cols], 1), axis=0, return_index=True)
        rows, cols, sims = both[:, 0], both[:, 1], sims[idx]
    return rows, cols, sims


def merge_points(
    points: list[Point], sources: list[Source], event_dates: tuple[dt.date, dt.date] | None = None
) -> MergeResult:
    """Points from all sources -> merged facts (each citing every source stating it) and conflicts.

    event_dates (first and last day of the event, when known) let a date only one source
    gives be recognised as that source's error rather than stated as a disagreement.
    """
    result = _merge(points, sources, event_dates)
    release_freed_memory()  # what the merge's own tables left free in the heap: compose need not carry it
    return result


def _merge(
    points: list[Point], sources: list[Source], event_dates: tuple[dt.date, dt.date] | None
) -> MergeResult:
    by_id = {s.id: s for s in sources}
    source_rank = {s.id: k for k, s in enumerate(sources)}
    points = sorted(points, key=lambda p: (source_rank.get(p.source_id, len(sources)), p.order, p.start))
    if not points:
        return MergeResult([], [])
    texts = read_texts(sources, points)  # a long report is read as its candidate points
    aliases = learn_aliases(texts)
    feats = _point_features(points, aliases)
    _add_weekday_events(points, feats, by_id, event_dates)
    unify_counted_nouns(q for f in {id(f): f for f in feats}.values() for q in f.quantities)
    mats = vectorise([f.norm for f in feats])
    release_freed_memory()  # the array steps' temporaries: not carried to the merge's peak
    groups, scores, n_pairs = _clusters(points, feats, mats)
    cluster_of = [0] * len(points)
    for c, members in enumerate(groups):
        for i in members:
            cluster_of[i] = c
    found = _conflicts(points, sources, texts, feats, mats, groups, cluster_of, aliases, event_dates)
    forget_word_caches()  # the per-word tables served the pairs: not carried to the memory peak below
    reps = [
        choose_representative([i for i in m if i not in found.flagged] or m, points, feats) for m in groups
    ]
    _score_member_pairs(scores, groups, reps, mats)
    told = [(feats[r].quantities, feats[r].names) for r in reps]  # what drop_restated_sentences reads
    # the features (~110 MB at 2,000 sources) and TF-IDF rows (~85 MB) end before the result is built:
    # it was the merge's memory peak, and what they leave free in the heap is given back for compose's
    del mats, feats
    release_freed_memory()

    at = {(p.source_id, p.text): k for k, p in enumerate(points)}  # to cite the points a statement gives
    merged: list[MergedPoint] = []
    clusters: list[Cluster] = []
    pid = [f"p{c + 1:04d}" for c in range(len(groups))]
    figures_of: dict[str, list] = {}  # fact -> its chosen point's figures (see drop_restated_sentences)
    names_of: dict[str, frozenset[str]] = {}  # ... and names
    for c, members in enumerate(groups):
        stated = [i for i in members if i not in found.flagged]
        flags = [f"{points[i].source_id}: {why}" for i in members for why in found.flagged.get(i, [])]
        rep = reps[c]
        text = compress(points[rep].text)
        section = _section_vote(members, points)
        member_scores = {i: (1.0 if i == rep else float(scores[_key(i, rep)])) for i in members}
        cluster_conflicts = found.conflicts.get(c, [])
        clusters.append(
            Cluster(
                id=pid[c],
                section=section,
                chosen=text,
                members=[
                    ClusterMember(points[i].source_id, _excerpt(points[i].text), round(member_scores[i], 3))
                    for i in members
                ],
                conflicts=cluster_conflicts,
                flags=flags,
                absorbed_into=pid[found.absorbed[c]] if c in found.absorbed else None,
            )
        )
        if c in found.absorbed or not stated:
            continue  # stated by its host fact, or only a figure no other source backs
        figures_of[pid[c]], names_of[pid[c]] = told[c]
        citations = _citations(stated, rep, member_scores, points, by_id)
        cited = {ct.source_id for ct in citations}
        extra = [
            at[(v.source_id, v.excerpt)]
            for x in cluster_conflicts
            for v in x.values
            if (v.source_id, v.excerpt) in at
        ]
        for k in extra:
            if points[k].source_id not in cited:
                cited.add(points[k].source_id)
                citations.append(_citation(points[k], by_id.get(points[k].source_id), 0.0))
        merged.append(
            MergedPoint(
                id=pid[c],
                text=text,
                section=section,
                citations=citations,
                conflicts=told_at(cluster_conflicts, text, points[rep].source_id),
                confidence=_mean_confidence(members, points),
            )
        )
    stats = {"points": len(points), "candidate_pairs": n_pairs, "clusters": len(groups)}
    _drop_restated_asides(merged)
    for c, host in drop_restated_sentences(merged, figures_of, names_of).items():
        clusters[int(c[1:]) - 1].absorbed_into = host  # told by its host fact: --explain counts it there
    assignment = {(p.source_id, p.start, p.end): pid[cluster_of[i]] for i, p in enumerate(points)}
    flagged = [(points[i].source_id, points[i].start, points[i].end) for i in sorted(found.flagged)]
    return MergeResult(merged, clusters, stats, assignment, flagged)


def _mean_confidence(members: list[int], points: list[Point]) -> float:
    """The members' mean confidence; one member's own value without numpy's ~10 µs per call (most
    clusters have one member: ~0.5 s at 2,000 sources)."""
    if len(members) == 1:
        return float(points[members[0]].confidence)
    import numpy as np

    return float(np.mean([points[i].confidence for i in members]))


def _clusters(points: list[Point], feats: list[Features], mats: Matrices):
    """Groups of points stating one fact, the pair scores, and how many candidate pairs were
    judged. The pair arrays end here, before the merge builds its result (its memory peak)."""
    rows, cols, sims = _scored_candidates(mats, feats, points)
    release_freed_memory()
    sample = points[:: max(1, len(points) // TOPIC_SAMPLE)]  # enough to find the topic's direction
    both = semantic_similarities(
        [points[i].text for i in rows], [points[j].text for j in cols], [p.text for p in sample]
    )
    semantic, distinct = both if both is not None else (None, None)
    release_freed_memory()
    groups, scores = cluster_points(
        feats, rows, cols, sims, content_idf(feats), semantic, [p.source_id for p in points], distinct
    )
    return groups, scores, len(rows)


def _conflicts(
    points: list[Point],
    sources: list[Source],
    texts: list[str],
    feats: list[Features],
    mats: Matrices,
    groups: list[list[int]],
    cluster_of: list[int],
    aliases: Aliases,
    event_dates: tuple[dt.date, dt.date] | None,
):
    """Disagreements between sources, and the points flagged as one source's error. The claims
    read for them end here, before the merge builds its result (its memory peak)."""
    by_id = {s.id: s for s in sources}
    salience = [len({points[i].source_id for i in m}) + 0.01 * len(m) for m in groups]
    names = source_names(sources)
    for p in points:
        names.setdefault(p.source_id, p.source_id)
    figures = [f.quantities for f in feats]
    claims = read_claims(points, by_id, aliases, figures) + weekday_claims(points, by_id, event_dates)
    assume_event_years(claims, event_dates)
    topic = topic_entity(points, aliases)
    found = find_conflicts(
        claims, points, feats, mats, cluster_of, salience, names, event_dates, topic, aliases
    )
    for i, why in lone_dates_in_clusters(groups, claims, event_dates).items():
        found.flagged.setdefault(i, []).extend(why)
    for i, why in lone_dates_near_event(points, claims, event_dates).items():
        if i not in found.flagged:
            found.flagged[i] = why
    for i, why in misdated_weekdays(claims, event_dates).items():
        found.flagged.setdefault(i, []).extend(why)
    by_source = dict(zip((s.id for s in sources), texts, strict=True))
    for i, why in lone_labels(points, by_source).items():
        found.flagged.setdefault(i, []).extend(why)
    for i, why in lone_name_variants(points, by_source).items():
        found.flagged.setdefault(i, []).extend(why)
    return found


def _point_features(points: list[Point], aliases: Aliases) -> list[Features]:
    """Features of every point, computed once per distinct sentence (the cache is let go after)."""
    cache: dict[str, Features] = {}
    return [
        cache[p.text] if p.text in cache else cache.setdefault(p.text, features(p.text, aliases))
        for p in points
    ]


def _add_weekday_events(
    points: list[Point],
    feats: list[Features],
    by_id: dict[str, Source],
    event_dates: tuple[dt.date, dt.date] | None,
) -> None:
    """Events a point dates by a weekday alone, read against its source's date (features are shared
    by every point of one text, so a point given more gets features of its own)."""
    for k, p in enumerate(points):
        if not any(day in p.text for day in _WEEKDAY_NAMES):
            continue
        src = by_id.get(p.source_id)
        dated = src.metadata.date if src is not None else None
        more = weekday_events(p.text, lambda name, dated=dated: weekday_day(name, dated, event_dates))
        if more:
            feats[k] = replace(feats[k], events=tuple(dict.fromkeys(feats[k].events + more)))


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _drop_restated_asides(merged: list[MergedPoint]) -> None:
    """A figure a fact states in its main clause is not repeated in another fact's aside."""
    if not any(has_aside(m.text) for m in merged):
        return
    stating: dict[tuple, set[str]] = defaultdict(set)  # (kind, unit, value) -> facts giving it
    words: dict[str, frozenset[str]] = {}  # fact -> the content words of its main statement
    for m in merged:
        main = without_asides(m.text)
        for q in extract_quantities(main):
            stating[(q.kind, q.unit, q.value)].add(m.id)
            if q.kind == "year":
                words.setdefault(m.id, content_stems(normalise(main)))
    for m in merged:
        if has_aside(m.text):
            m.text = drop_restated_asides(
                m.text,
                lambda q, me=m.id: q.kind != "year" and bool(stating[(q.kind, q.unit, q.value)] - {me}),
                lambda aside, q, me=m.id: _told_by_any(
                    content_stems(normalise(aside)),
                    (words[f] for f in stating[(q.kind, q.unit, q.value)] - {me}),
                ),
            )


def _told_by_any(aside: frozenset[str], facts: Iterable[frozenset[str]]) -> bool:
    """The aside's content words (read once) are mostly within one of the facts' words."""
    return any(_mostly_within(aside, told) for told in facts)


ASIDE_TOLD_SHARE = 0.5  # of an aside's content words another fact stating its year must say


def _mostly_within(aside: frozenset[str], fact: frozenset[str]) -> bool:
    return bool(aside) and len(aside & fact) >= ASIDE_TOLD_SHARE * len(aside)


def _key(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def _score_member_pairs(
    scores: dict[tuple[int, int], float], groups: list[list[int]], reps: list[int], mats: Matrices
) -> None:
    """Adds to `scores` each member's lexical similarity to its cluster's representative where the
    clustering judged no such pair, all in one vectorised call: then the TF-IDF rows can end before
    the merge builds its result (its memory peak). Each pair's value is the one a call of its own
    gives (rows are scored one by one)."""
    import numpy as np

    todo = list(
        dict.fromkeys(
            _key(i, rep) for m, rep in zip(groups, reps, strict=True) if len(m) > 1 for i in m if i != rep
        )
    )
    todo = [k for k in todo if k not in scores]
    if not todo:
        return
    rows = np.fromiter((a for a, _ in todo), dtype=np.int64, count=len(todo))
    cols = np.fromiter((b for _, b in todo), dtype=np.int64, count=len(todo))
    scores.update(zip(todo, pair_similarity(mats, rows, cols).tolist(), strict=True))


def _citations(
    members: list[int],
    rep: int,
    member_scores: dict[int, float],
    points: list[Point],
    by_id: dict[str, Source],
) -> list[Citation]:
    """One citation per source (its best-matching passage), the chosen sentence's source first."""
    best: dict[str, int] = {}
    for i in members:
        sid = points[i].source_id
        if sid not in best or member_scores[i] > member_scores[best[sid]]:
            best[sid] = i
    ordered = sorted(best.values(), key=lambda i: (i != rep, members.index(i)))
    return [_citation(points[i], by_id.get(points[i].source_id), member_scores[i]) for i in ordered]


def _citation(p: Point, source: Source | None, score: float) -> Citation:
    """A citation whose excerpt is exactly the cited span of the source (checkable by offsets)."""
    exact = source.text[p.start : p.end] if source is not None else ""
    if exact == p.text:
        exact = p.text  # one string for both (the common case): less memory at the merge's peak
    return Citation(
        source_id=p.source_id,
        excerpt=exact or p.text,
        start=p.start,
        end=p.end,
        score=round(score, 3),
        via=_via(source, p.start, p.end),
    )


def judge_pairs(pairs: list[tuple[str, str]]) -> list[tuple[bool, bool]]:
    """For sentence pairs: (same fact?, conflicting figures?) with the merger's own rules.

    Used by the pair-set evaluation (benchmarks/bench_merge.py, tests): IDF is fitted on
    the pair sentences themselves, as the merger fits it on one topic's points.
    """
    import numpy as np

    texts = [t for pair in pairs for t in pair]
    aliases = learn_aliases(texts)
    feats = [features(t, aliases) for t in texts]
    idf = content_idf(feats)
    mats = vectorise([f.norm for f in feats])
    rows = np.arange(0, len(texts), 2, dtype=np.int64)
    sims = pair_similarity(mats, rows, rows + 1)
    out = []
    for k, sim in zip(rows, sims, strict=True):
        a, b = feats[k], feats[k + 1]
        dup = same_fact(float(sim), a, b, idf).dup
        edges = conflicting_quantities(a, b) + [(y, x) for x, y in conflicting_quantities(b, a)]
        timed = [
            (x, y) for x, y in edges if time_compatible(figure_years(x) or None, figure_years(y) or None)
        ]
        conflict = bool(not dup and related_enough(float(sim), a, b) and timed)
        out.append((dup, conflict))
    return out
