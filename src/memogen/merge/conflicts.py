"""Conflicts: figures of the same claim that sources give differently, stated once per fact.

Why claims and not sentences: sentences of one topic are all similar, so sentence
similarity sets different things against each other. Two figures are compared only when
they are claims about the same measure of the same entity at the same time (see claims.py),
from two sources (a source is never set against itself). Comparable claims form a group;
a group whose figures differ becomes:

- a progression, when every figure carries a report date and the figures move one way
  over those dates ("rose over time: 67 seats (A, 9 February); 75 seats (B, 12 February)");
- "Sources differ: A reports X; B reports Y." otherwise;
- a flag, not a statement, for a date only one source gives while another source and the
  event's own date agree on a different one (one source's error is not stated as fact).

Every point of a group is absorbed into the group's host fact, so the memo states the fact
once, with the disagreement, citing every source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..model import Conflict, ConflictValue, Point, Source
from .claims import Claim, weekday_date
from .features import Features, features
from .lexicon import GENERIC, STOP, WEEKDAYS
from .pairs import can_anchor, name_mismatch, nearest_shared
from .quantities import Quantity, context_of, direction, extract_quantities, figure_clause, split_sentences
from .semantic import semantic_similarity
from .similarity import Matrices, norm_similarity
from .text import normalise

RELATED_THRESHOLD = 0.10  # lexical similarity of two figures' sentences needed to compare them at all
RELATED_CONTEXT = 0.12  # shared-word score at which two figures measure the same thing
MEASURE_SIM = 0.55  # semantic cosine of the words around two figures at which they measure one thing
SEMANTIC_RELATED = 0.45  # semantic cosine of two sentences that can stand for the lexical minimum
MAX_LOG_RATIO = 2.3  # figures more than ten times apart measure different things
MAX_BUCKET = 300  # a key shared by more claims than this says nothing about which fact (keeps cost linear)


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


def related_enough(sim: float, a: Features, b: Features) -> bool:
    """Two sentences are about the same fact enough for differing figures to be a conflict.

    A name only one side has (Senate vs House, Dakar vs Kigali) means two facts, not one
    fact reported two ways.
    """
    return sim >= RELATED_THRESHOLD and name_mismatch(a, b) == 0


@dataclass
class ConflictFindings:
    """What the conflict stage decided, by cluster."""

    conflicts: dict[int, list[Conflict]] = field(default_factory=dict)  # host cluster -> statements
    absorbed: dict[int, int] = field(default_factory=dict)  # cluster -> the host cluster stating it
    flagged: dict[int, list[str]] = field(default_factory=dict)  # point -> why it is not stated as fact


def find_conflicts(
    claims: list[Claim],
    points: list[Point],
    feats: list[Features],
    mats: Matrices,
    cluster_of: list[int],
    salience: list[float],
    names: dict[str, str],
    event: tuple[dt.date, dt.date] | None = None,
) -> ConflictFindings:
    """Group comparable claims across sources and turn each group that disagrees into a finding."""
    out = ConflictFindings()
    groups = claim_groups(claims, points, feats, mats, out.flagged)
    hosts = _UnionFind()
    pending: list[tuple[list[Claim], Conflict]] = []
    for group in groups:
        group = _drop_lone_dates(group, event, out, points)
        conflict = describe_group(group, names, points)
        if conflict is None:
            continue
        pending.append((group, conflict))
        clusters = sorted({cluster_of[c.point] for c in group})
        for c in clusters[1:]:
            hosts.union(clusters[0], c)
    by_root: dict[int, list[int]] = defaultdict(list)
    for group, _ in pending:
        for c in {cluster_of[x.point] for x in group}:
            by_root[hosts.find(c)].append(c)
    host_of = {}
    for members in by_root.values():
        members = sorted(set(members))
        host = max(members, key=lambda c: (salience[c], -c))
        for c in members:
            host_of[c] = host
            if c != host:
                out.absorbed[c] = host
    for group, conflict in pending:
        host = host_of[cluster_of[group[0].point]]
        out.conflicts.setdefault(host, []).append(conflict)
    return out


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# --------------------------------------------------------------------------- which claims compare


def claim_groups(
    claims: list[Claim],
    points: list[Point],
    feats: list[Features],
    mats: Matrices,
    flagged: dict[int, list[str]] | None = None,
) -> list[list[Claim]]:
    """Connected groups of comparable claims (two sources or more), in a stable order."""
    flagged = flagged if flagged is not None else {}
    pairs = _candidate_pairs(claims)
    if not pairs:
        return []
    _mark_previous_values(claims)
    cheap = [(i, j) for i, j in pairs if _may_compare(claims[i], claims[j])]
    if not cheap:
        return []
    sent_a = [claims[i].quantity.sentence for i, _ in cheap]
    sent_b = [claims[j].quantity.sentence for _, j in cheap]
    lexical = norm_similarity(mats, [normalise(t) for t in sent_a], [normalise(t) for t in sent_b])
    semantic = semantic_similarity(sent_a, sent_b)
    measures = semantic_similarity(
        [measure_phrase(claims[i]) for i, _ in cheap], [measure_phrase(claims[j]) for _, j in cheap]
    )
    scored: list[tuple[int, int, float]] = []
    for k, (i, j) in enumerate(cheap):
        a, b = claims[i], claims[j]
        sem = float(semantic[k]) if semantic is not None else 0.0
        measure = float(measures[k]) if measures is not None else 0.0
        if _same_claim(a, b, float(lexical[k]), sem, measure, feats):
            scored.append((i, j, a.quantity.relatedness(b.quantity) + 0.1 * measure - 0.5 * _distance(a, b)))
    outliers = _outliers(scored, claims)
    for i in sorted(outliers):
        flagged.setdefault(claims[i].point, []).append(
            f"{claims[i].display}: given by this source only; other sources agree on figures far from it"
        )
    scored = [(i, j, sc) for i, j, sc in scored if i not in outliers and j not in outliers]
    uf = _UnionFind()
    for i, j in _mutual_best(scored, claims):
        uf.union(i, j)
    comps: dict[int, list[Claim]] = defaultdict(list)
    for i in sorted(uf.parent):
        comps[uf.find(i)].append(claims[i])
    return [g for _, g in sorted(comps.items()) if len({c.source_id for c in g}) >= 2]


OUTLIER_RATIO = 1.5  # a figure this far from every other source's (which agree within it) is an outlier


def _distance(a: Claim, b: Claim) -> float:
    """How far apart two values are (log ratio); 0 for dates, which are equal or not."""
    if a.kind == "date":
        return 0.0
    va, vb = abs(a.value[1]) + 1e-9, abs(b.value[1]) + 1e-9
    return abs(float(np.log(va / vb)))


def _outliers(scored: list[tuple[int, int, float]], claims: list[Claim]) -> set[int]:
    """Figures only one source gives that two or more other sources, agreeing roughly among
    themselves, contradict ("227 seats" of two assemblies against 67-75 seats of one): flagged."""
    others: dict[int, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for i, j, _ in scored:
        others[i][claims[j].source_id].append(claims[j])
        others[j][claims[i].source_id].append(claims[i])
    limit = float(np.log(OUTLIER_RATIO))
    out = set()
    for i, by_source in others.items():
        a = claims[i]
        if a.kind == "date" or len(by_source) < 2:
            continue
        near = [min(_distance(a, c) for c in cs) for cs in by_source.values()]
        values = [c for cs in by_source.values() for c in cs]
        spread = max(_distance(x, y) for x in values for y in values)
        if min(near) > limit and spread <= limit:
            out.add(i)
    return out


def _mutual_best(scored: list[tuple[int, int, float]], claims: list[Claim]) -> list[tuple[int, int]]:
    """Keep a pair only when each claim is the other's best match in that source: a sentence giving
    an arrival and a departure date pairs the arrival with the other's arrival, not both."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, j, score in scored:
        for x, y in ((i, j), (j, i)):
            key = (x, claims[y].source_id)
            if key not in best or (score, -y) > (best[key][0], -best[key][1]):
                best[key] = (score, y)
    return [
        (i, j)
        for i, j, _ in scored
        if best[(i, claims[j].source_id)][1] == j and best[(j, claims[i].source_id)][1] == i
    ]


def _mark_previous_values(claims: list[Claim]) -> None:
    """A value some source gives as the starting point of a change ("from 30% to 5%") is the old
    value wherever it is stated: "a quota that reserved 30 percent" is no rival of the new 5%."""
    old = {(c.kind, c.unit, c.value) for c in claims if c.previous}
    for c in claims:
        if (c.kind, c.unit, c.value) in old:
            c.previous = True


def _candidate_pairs(claims: list[Claim]) -> list[tuple[int, int]]:
    """Pairs of claims of different sources sharing a unit and an entity or a nearby word."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        unit = c.unit if c.kind != "number" else ""
        keys = {(c.kind, unit, "w", w) for w, d in c.quantity.context.items() if d <= 10}
        keys.add((c.kind, unit, "u", ""))  # small topics: every pair of a unit (capped below)
        if c.entity is not None:
            keys |= {(c.kind, unit, "e", k) for k in c.entity.keys}
        for key in keys:
            buckets[key].append(i)
    pairs = set()
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if claims[i].source_id != claims[j].source_id:
                    pairs.add((i, j))
    return sorted(pairs)


def _may_compare(a: Claim, b: Claim) -> bool:
    """The cheap half of the test: unit, plan, previous value, day, year, entity."""
    if a.kind != b.kind or a.planned or b.planned or a.previous != b.previous:
        return False
    if a.unit != b.unit and (a.kind != "number" or (a.unit and b.unit)):
        return False  # another currency or unit: never a disagreement (currencies are not converted)
    if a.day != b.day:
        return False  # one day's count is not the running total, nor another day's
    if a.years and b.years and not a.years & b.years:
        return False  # a figure of another year
    if _distance(a, b) > MAX_LOG_RATIO:
        return False  # another order of magnitude: one country's pledge is not the fund's total
    if a.kind == "date":
        return True
    if (a.entity is None) != (b.entity is None):
        return False
    return a.entity is None or a.entity.same_as(b.entity)


def _same_claim(
    a: Claim, b: Claim, lexical: float, semantic: float, measure: float, feats: list[Features]
) -> bool:
    """Do two figures measure the same thing (of the same entity, at the same time)?"""
    qa, qb = a.quantity, b.quantity
    if direction(normalise(qa.sentence)) * direction(normalise(qb.sentence)) < 0:
        return False  # one rose, the other fell: two movements
    lexical_measure = qa.relatedness(qb) >= RELATED_CONTEXT and nearest_shared(qa, qb)
    if not (lexical_measure or measure >= MEASURE_SIM):
        return False
    if lexical < RELATED_THRESHOLD and semantic < SEMANTIC_RELATED:
        return False
    if a.kind == "date":
        return name_mismatch(features(qa.sentence), features(qb.sentence)) == 0
    if a.entity is None and a.kind == "number" and not (lexical_measure and measure >= MEASURE_SIM):
        return False  # a count with no owner named on either side: both signals must say it is one figure
    return a.agrees_with(b) or not _breakdown(a, b)


def _breakdown(a: Claim, b: Claim) -> bool:
    """Both sentences agree on another figure of the kind ("93% on merit"): the differing ones are
    other parts of a breakdown (93/5/2 vs 93/7), not two readings of one figure."""
    qa = [
        q
        for q in extract_quantities(a.quantity.sentence)
        if q.kind == a.kind and q.display != a.quantity.display
    ]
    qb = [
        q
        for q in extract_quantities(b.quantity.sentence)
        if q.kind == b.kind and q.display != b.quantity.display
    ]
    return any(x.same_value(y) for x in qa for y in qb)


_PHRASE_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'-]+")


def measure_phrase(c: Claim) -> str:
    """The words that say what a figure measures: its unit and the nearest content words of its clause."""
    clause = figure_clause(c.quantity)
    pos = clause.find(c.quantity.display)
    words = []
    for m in _PHRASE_WORD.finditer(clause):
        w = m.group()
        if w in STOP or w in GENERIC or w in WEEKDAYS:
            continue
        distance = abs(m.start() - pos) if m.start() < pos else abs(m.start() - pos - len(c.quantity.display))
        words.append((distance, m.start(), w))
    near = sorted(words)[:4]
    return " ".join(w for _, _, w in sorted(near, key=lambda t: t[1]))


# --------------------------------------------------------------------------- what a group says


def _drop_lone_dates(
    group: list[Claim], event: tuple[dt.date, dt.date] | None, out: ConflictFindings, points: list[Point]
) -> list[Claim]:
    """A date only one source gives, while another source gives the event's own date: flagged.

    Why: a single page's wrong date (a ruling dated weeks after it happened) must not reach
    the memo as fact, nor as a disagreement that lends it weight.
    """
    if event is None or not group or group[0].kind != "date":
        return group
    lo, hi = event[0] - dt.timedelta(days=1), event[1] + dt.timedelta(days=1)

    def on_event(c: Claim) -> bool:
        day = _claim_day(c, event[0].year)
        return day is not None and lo <= day <= hi

    witnesses = {c.source_id for c in group if on_event(c)}
    keep = []
    for c in group:
        same = {x.source_id for x in group if x.agrees_with(c)}
        if not on_event(c) and same == {c.source_id} and witnesses - {c.source_id}:
            out.flagged.setdefault(c.point, []).append(
                f"{c.display}: given by this source only; others date it {_day_text(event[0])}"
            )
        else:
            keep.append(c)
    return keep


def _claim_day(c: Claim, default_year: int) -> dt.date | None:
    y, m, d = c.value
    try:
        return dt.date(y or default_year, m, d) if m and d else None
    except ValueError:
        return None


def describe_group(group: list[Claim], names: dict[str, str], points: list[Point]) -> Conflict | None:
    """A statement for a group whose sources disagree; None when they agree or a source contradicts itself."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in group:
        by_source[c.source_id].append(c)
    if len(by_source) < 2:
        return None
    for cs in by_source.values():
        if any(not x.agrees_with(y) for x in cs for y in cs):
            return None  # a source with two readings of one claim: the claim is not read right
    classes: list[list[Claim]] = []
    for sid in sorted(by_source, key=lambda s: min(c.point for c in by_source[s])):
        c = by_source[sid][0]
        home = next((cl for cl in classes if cl[0].quantity.same_value(c.quantity)), None)
        if home is None:
            classes.append([c])
        else:
            home.append(c)
    if all(x[0].agrees_with(y[0]) for x in classes for y in classes):
        return None  # the same figure, or bounds that hold together ("more than 100" and 133)
    values = [
        ConflictValue(source_id=c.source_id, value=c.display, excerpt=points[c.point].text)
        for cl in classes
        for c in cl
    ]
    progression = _progression(classes)
    if progression is not None:
        statement = progression_statement(progression, names)
        return Conflict(kind=_KIND[group[0].kind], statement=statement, values=values, change="progression")  # type: ignore[arg-type]
    parts = [(cl[0].display, [c.source_id for c in cl]) for cl in classes]
    return Conflict(kind=_KIND[group[0].kind], statement=differ_statement(parts, names), values=values)  # type: ignore[arg-type]


def _progression(classes: list[list[Claim]]) -> list[tuple[dt.date, list[Claim]]] | None:
    """Figures that move one way as their report dates advance: a count updated over time."""
    claims = [c for cl in classes for c in cl]
    if claims[0].kind == "date" or any(c.reported is None or c.dated or c.day for c in claims):
        return None
    by_day: dict[dt.date, list[Claim]] = defaultdict(list)
    for c in claims:
        by_day[c.reported].append(c)  # type: ignore[index]
    if len(by_day) < 2:
        return None
    days = sorted(by_day)
    lows = [min(c.value[0] for c in by_day[d]) for d in days]
    highs = [max(c.value[1] for c in by_day[d]) for d in days]
    rising = all(highs[k] <= lows[k + 1] for k in range(len(days) - 1))
    falling = all(lows[k] >= highs[k + 1] for k in range(len(days) - 1))
    if not (rising or falling) or lows[0] == highs[-1]:
        return None
    return [(d, sorted(by_day[d], key=lambda c: c.value[0])) for d in days]


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _who(sids: list[str], names: dict[str, str]) -> str:
    who = list(dict.fromkeys(names.get(s, s) for s in sids))
    return who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]


def progression_statement(steps: list[tuple[dt.date, list[Claim]]], names: dict[str, str]) -> str:
    rising = steps[-1][1][0].value[0] > steps[0][1][0].value[0]
    parts = []
    for day, cs in steps:
        values = " and ".join(dict.fromkeys(c.display for c in cs))
        parts.append(f"{values} ({_who([c.source_id for c in cs], names)}, {_day_text(day)})")
    verb = "rose" if rising else "fell"
    return f"The reported figure {verb} over time: " + "; ".join(parts) + "."


def differ_statement(values: list[tuple[str, list[str]]], names: dict[str, str]) -> str:
    parts = []
    for display, sids in values:
        who = list(dict.fromkeys(names.get(s, s) for s in sids))
        verb = "reports" if len(who) == 1 else "report"
        parts.append(f"{_who(sids, names)} {verb} {display}")
    return "Sources differ: " + "; ".join(parts) + "."


_KIND = {"amount": "amount", "percent": "percent", "date": "date", "number": "number"}


def weekday_claims(points: list[Point], sources: dict[str, Source]) -> list[Claim]:
    """ "on Sunday" in a dated source is a date too: a witness for the date of what happened that day."""
    out = []
    rx = re.compile(r"\bon\s+(" + "|".join(sorted(WEEKDAYS)) + r")\b", re.I)
    for k, p in enumerate(points):
        src = sources.get(p.source_id)
        if src is None or src.metadata.date is None:
            continue
        for m in rx.finditer(p.text):
            day = weekday_date(m.group(1), src.metadata.date)
            sentence = next((s for s in _sentences(p.text) if m.group(0) in s), p.text)
            q = Quantity("date", (day.year, day.month, day.day), m.group(0), sentence=sentence)
            q.context = context_of(sentence, m.group(0))
            out.append(Claim(k, p.source_id, q, q.value, "date", None, f"{m.group(1)} ({_day_text(day)})"))
    return out


def _sentences(text: str) -> list[str]:
    return split_sentences(text)
