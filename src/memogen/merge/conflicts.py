"""Figures that disagree across sources, grouped into one statement per fact."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Conflict, ConflictValue, Point, Source
from .aliases import Aliases
from .features import Features, features
from .pairs import can_anchor, conflicting_quantities, name_mismatch
from .quantities import Quantity, implied_years, possible_years, time_compatible
from .similarity import Matrices, norm_similarity, pair_similarity

RELATED_THRESHOLD = 0.10  # similarity at which differing figures on a shared subject are a conflict


# --------------------------------------------------------------------------- conflicts


def source_name(source: Source | None, fallback: str) -> str:
    """How a conflict statement names a source: publisher, else its author, else its title in
    quotes (a bare title, "Explainer: why ...", reads as part of the sentence), else its id."""
    if source is None:
        return fallback
    md = source.metadata
    if md.publisher:
        return md.publisher
    if md.authors:
        return md.authors[0] if len(md.authors) == 1 else f"{md.authors[0]} et al."
    if md.title:
        words = md.title.split()
        return "“" + " ".join(words[:12]) + ("…" if len(words) > 12 else "") + "”"
    return source.id


# A figure "in the current financial year" belongs to the source's own year; "later this
# year" (a plan, not a figure's period) does not qualify.


def quantity_pairs(
    feats: list[Features], points: list[Point], by_value: bool, max_bucket: int = 300
) -> list[tuple[int, int]]:
    """Pairs of points of different sources holding a same-kind figure, from an inverted index.

    by_value=False keys on (kind, nearby word): candidates for conflicts;
    by_value=True keys on (kind, value, unit): candidates for shared-figure duplicates.
    """
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if by_value:
            keys = {
                (q.kind, q.value[:1] if q.kind != "date" else q.value[1:], q.unit)
                for q in f.quantities
                if can_anchor(q)
            }
        else:
            keys = {(q.kind, c) for q in f.quantities if q.kind != "year" for c in q.context}
        for key in keys:
            buckets[key].append(i)
    pairs = set()
    for members in buckets.values():
        if len(members) > max_bucket:
            continue  # a word next to every figure in the topic says nothing about which fact
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if points[i].source_id != points[j].source_id:
                    pairs.add((i, j))
    return sorted(pairs)


@dataclass
class _ConflictEdge:
    a: int
    b: int
    qa: Quantity
    qb: Quantity


def related_enough(sim: float, a: Features, b: Features) -> bool:
    """Two sentences are about the same fact enough for differing figures to be a conflict.

    A name only one side has (Senate vs House, Dakar vs Kigali) means two facts, not one
    fact reported two ways.
    """
    return sim >= RELATED_THRESHOLD and name_mismatch(a, b) == 0


def find_conflicts(
    feats: list[Features],
    points: list[Point],
    mats: Matrices,
    sources: dict[str, Source],
    aliases: Aliases | None = None,
) -> list[_ConflictEdge]:
    """Differing figures about the same thing in related points of different sources.

    Relatedness is judged on the two sentences that hold the figures (a point may be a
    whole paragraph), or on the whole points when those are closer.
    """
    import numpy as np

    pairs = quantity_pairs(feats, points, by_value=False)
    span = [possible_years(p, f, sources) for p, f in zip(points, feats, strict=True)]
    found: list[_ConflictEdge] = []
    for i, j in pairs:
        if not time_compatible(span[i], span[j]):
            continue  # cheap: no figure of one can share a year with any figure of the other
        for qa, qb in conflicting_quantities(feats[i], feats[j]):
            if time_compatible(
                implied_years(points[i], feats[i], sources, qa),
                implied_years(points[j], feats[j], sources, qb),
            ):
                found.append(_ConflictEdge(i, j, qa, qb))
    if not found:
        return []
    by_sentence: dict[str, Features] = {}
    for e in found:
        for sent in (e.qa.sentence, e.qb.sentence):
            if sent not in by_sentence:
                by_sentence[sent] = features(sent, aliases)
    sent_sims = norm_similarity(
        mats,
        [by_sentence[e.qa.sentence].norm for e in found],
        [by_sentence[e.qb.sentence].norm for e in found],
    )
    point_sims = pair_similarity(
        mats, np.array([e.a for e in found], dtype=np.int64), np.array([e.b for e in found], dtype=np.int64)
    )
    edges = []
    for e, s_sim, p_sim in zip(found, sent_sims, point_sims, strict=True):
        fa, fb = by_sentence[e.qa.sentence], by_sentence[e.qb.sentence]
        if related_enough(max(float(s_sim), float(p_sim)), fa, fb):
            edges.append(e)
    return edges


def _conflict_statement(values: list[tuple[str, list[str]]], names: dict[str, str]) -> str:
    parts = []
    for display, sids in values:
        who = [names[s] for s in sids]
        subject = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
        verb = "reports" if len(who) == 1 else "report"
        parts.append(f"{subject} {verb} {display}")
    return "Sources differ: " + "; ".join(parts) + "."


_KIND = {"amount": "amount", "percent": "percent", "date": "date", "number": "number"}


def build_conflicts(
    edges: list[_ConflictEdge],
    cluster_of: list[int],
    salience: list[float],
    points: list[Point],
    names: dict[str, str],
) -> dict[int, list[Conflict]]:
    """Group pairwise disagreements into one Conflict per fact, hosted by its most salient cluster."""
    groups: dict[tuple[int, int, str], list[_ConflictEdge]] = defaultdict(list)
    for e in edges:
        ca, cb = cluster_of[e.a], cluster_of[e.b]
        if ca == cb:
            continue
        lo, hi = min(ca, cb), max(ca, cb)
        groups[(lo, hi, e.qa.kind)].append(e)
    # Merge groups sharing a cluster and kind so "A says X, B says Y, C says Z" is one statement.
    uf: dict[tuple[int, str], tuple[int, str]] = {}

    def find(k: tuple[int, str]) -> tuple[int, str]:
        while uf.setdefault(k, k) != k:
            k = uf[k]
        return k

    for lo, hi, kind in groups:
        ra, rb = find((lo, kind)), find((hi, kind))
        if ra != rb:
            uf[rb] = ra
    components: dict[tuple[int, str], list[_ConflictEdge]] = defaultdict(list)
    for (lo, _hi, kind), es in groups.items():
        components[find((lo, kind))].extend(es)
    out: dict[int, list[Conflict]] = defaultdict(list)
    for (_, kind), es in sorted(components.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        clusters = {cluster_of[e.a] for e in es} | {cluster_of[e.b] for e in es}
        host = max(sorted(clusters), key=lambda c: salience[c])
        by_value: dict[str, list[tuple[str, str, Quantity]]] = {}
        mentions = [(e.a, e.qa) for e in es] + [(e.b, e.qb) for e in es]
        mentions.sort(key=lambda m: (cluster_of[m[0]] != host, m[0]))
        for idx, q in mentions:
            key = next((k for k, v in by_value.items() if v[0][2].same_value(q)), None)
            entry = (points[idx].source_id, points[idx].text, q)
            if key is None:
                by_value[q.display] = [entry]
            elif all(e[0] != entry[0] for e in by_value[key]):
                by_value[key].append(entry)
        if len(by_value) < 2:
            continue
        statement = _conflict_statement([(d, [e[0] for e in v]) for d, v in by_value.items()], names)
        values = [
            ConflictValue(source_id=e[0], value=d, excerpt=e[1]) for d, v in by_value.items() for e in v
        ]
        out[host].append(Conflict(kind=_KIND[kind], statement=statement, values=values))  # type: ignore[arg-type]
    return out
