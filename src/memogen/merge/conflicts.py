"""Conflicts: figures of the same claim that sources give differently, stated once per fact.

Why claims and not sentences: sentences of one topic are all similar, so sentence
similarity sets different things against each other. Two figures are compared only when
they are claims about the same measure of the same entity at the same time (see claims.py),
from two sources (a source is never set against itself). Comparable claims form a group; a
group whose figures differ is stated by statements.py, on the most salient fact it touches
(its host); so is a group of bounds that fit together across facts (stated once, not as a
disagreement). Another fact of the group is folded into the host only when the statement and the
host give every figure it has: a fact is stated once, and no figure is lost with it.

One source's error is flagged, not stated: a figure one source gives far from what several
other sources agree on, or a date only one source gives while others (and the event's own
dates) agree on another.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..model import Conflict, Point, Source
from .aliases import Aliases
from .claims import MEASURED_UNITS, Claim, Entity, reference_span, weekday_date
from .clustering import UnionFind
from .features import Features, features
from .lexicon import (
    EVENT_PHASES,
    FIRST_PERSON,
    GENERIC,
    PHRASAL_SENSES,
    REPORTING_VERBS,
    STOP,
    TELLING,
    WEEKDAYS,
    stem,
)
from .pairs import cross_source_pairs, name_mismatch, nearest_shared
from .quantities import (
    Quantity,
    context_of,
    dates_agree,
    direction,
    extract_quantities,
    figure_clause,
    own_clause,
    split_sentences,
)
from .semantic import semantic_similarity
from .similarity import Matrices, norm_similarity, pair_similarity
from .statements import day_text, describe_group
from .text import normalise

RELATED_THRESHOLD = 0.10  # lexical similarity of two figures' sentences needed to compare them at all
RELATED_CONTEXT = 0.12  # shared-word score at which two figures measure the same thing
MEASURE_SIM = 0.55  # semantic cosine of the words around two figures at which they measure one thing
SAME_MEASURE_SIM = 0.85  # ... and at which two unowned counts far apart measure one thing (see _same_claim)
FAR_MEASURE_SIM = 0.45  # ... which figures farther apart than CLOSE_LOG_RATIO need besides shared words
SEMANTIC_RELATED = 0.45  # semantic cosine of two sentences that can stand for the lexical minimum
MAX_LOG_RATIO = 2.3  # figures more than ten times apart measure different things
NEAR_LOG_RATIO = float(np.log(1.1))  # figures this close need only words in common near them ...
NEAR_CONTEXT = 0.3  # ... this much (shared-word score)
CLOSE_LOG_RATIO = float(np.log(1.5))  # figures this close need one sign of one measure; farther, two
MAX_BUCKET = 100  # a key shared by more claims than this says nothing about which fact (keeps cost linear)
MAX_UNIT_BUCKET = 60  # every pair of one unit is a candidate in small topics only
FOLD_MIN_SIM = 0.15  # lexical similarity of a fact to the host it is folded into (else it says more) ...
FOLD_NEW_WORDS = 3  # ... unless it has at most this many content words the host lacks
OUTLIER_RATIO = 1.5  # a figure this far from every other source's (which agree within it) is an outlier


@dataclass
class ConflictFindings:
    """What the conflict stage decided, by cluster."""

    conflicts: dict[int, list[Conflict]] = field(default_factory=dict)  # host cluster -> statements
    absorbed: dict[int, int] = field(default_factory=dict)  # cluster -> the host cluster stating it
    flagged: dict[int, list[str]] = field(default_factory=dict)  # point -> why it is not stated as fact


@dataclass
class _Stated:
    group: list[Claim]
    conflict: Conflict
    host: int


def find_conflicts(
    claims: list[Claim],
    points: list[Point],
    feats: list[Features],
    mats: Matrices,
    cluster_of: list[int],
    salience: list[float],
    names: dict[str, str],
    event: tuple[dt.date, dt.date] | None = None,
    topic: Entity | None = None,
    aliases: Aliases | None = None,
) -> ConflictFindings:
    """Group comparable claims across sources and turn each group that disagrees into a finding."""
    out = ConflictFindings()
    found: list[tuple[list[Claim], Conflict]] = []
    for group in claim_groups(claims, points, feats, mats, out.flagged, topic, aliases):
        group = _drop_lone_dates(group, event, out)
        group = [c for c in group if not c.weekday]  # "on Sunday" witnesses a date, it is no value
        group = _outcomes_told(group)
        conflict = describe_group(group, names, points)
        if (
            conflict is not None
            and conflict.change == "agree"
            and len({cluster_of[c.point] for c in group}) < 2
        ):
            continue  # figures that fit together in one fact: it already cites every source
        if conflict is not None:
            found.append((group, conflict))
    figures = _cluster_figures(feats, cluster_of)
    given: dict[int, list[Quantity]] = defaultdict(list)  # cluster -> figures statements give
    for group, _ in found:
        for c in {cluster_of[x.point] for x in group}:
            given[c] += [x.quantity for x in group]
    stated = []
    for group, conflict in found:
        clusters = sorted({cluster_of[c.point] for c in group})
        # the host is a report, not someone's words in the first person ("We are really great, we have
        # more than 40% of the population"): a fact that says more than the figures (so it stays), the
        # most salient of them
        voiced = {
            c: any(FIRST_PERSON.search(x.quantity.sentence) for x in group if cluster_of[x.point] == c)
            for c in clusters
        }
        # (a plan's statement is told beside its outcome: the memo tells what came of it)
        done = {c: any(not x.planned for x in group if cluster_of[x.point] == c) for c in clusters}
        host = max(
            clusters,
            key=lambda c: (not voiced[c], done[c], not _all_given(figures[c], given[c]), salience[c]),
        )
        out.conflicts.setdefault(host, []).append(conflict)
        stated.append(_Stated(group, conflict, host))
    hosts = {s.host for s in stated}
    members: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(cluster_of):
        members[c].append(i)
    for s in stated:
        words_of: dict[str, set[int]] | None = None  # word -> the group's clusters whose sentences say it
        for c in sorted({cluster_of[x.point] for x in s.group}):
            if c in hosts or c in out.absorbed or not _all_given(figures[c], given[c] + figures[s.host]):
                continue
            if words_of is None:
                words_of = _words_by_cluster(s.group, feats, cluster_of)
            # the statement gives the figures of every sentence of its group, so the words those
            # sentences share (what is measured, "death toll", "killed") are said by it too; and a
            # report of a figure ("..., the ministry said") says what it counts and who counted it,
            # while a comment on it ("the deaths of 23 should force a debate") says more
            said = {w for w, where in words_of.items() if where - {c}} | {
                stem(w)
                for x in s.group
                if cluster_of[x.point] == c and _REPORTED.search(x.quantity.sentence)
                for w in measure_phrase(x).split()
            }
            if _restates(members[c], members[s.host], mats, feats, said):  # nothing new beyond its figures
                out.absorbed[c] = s.host  # the statement and its host give every figure it has
    return out


def _outcomes_told(group: list[Claim]) -> list[Claim]:
    """A group's outcomes alone when two sources or more give them: they tell their own agreement,
    disagreement or progression, and a plan beside them ("could reach 20,000") is no step of it (nor
    would its sentence, left out of the statement, be absorbed by it). One outcome keeps its plans:
    see statements.plan_and_outcome."""
    outcomes = [c for c in group if not c.planned]
    if len(outcomes) < len(group) and len({c.source_id for c in outcomes}) >= 2:
        return outcomes
    return group


def _one_reference_point(a: Claim, b: Claim, cache: _Sentences) -> bool:
    """Two distances within a tenth of each other, measured from one named place, of one thing
    ("the epicenter of the earthquake ..., approximately 71.8 km southwest of Marrakech" / "the
    earthquake near Oukaïmedene ..., roughly 75 km southeast of Marrakech"): one measure, whatever
    else each sentence names (the epicentre's village, the mountain range). The thing located must be
    said on both sides (a word both share beyond the distance itself): "Amizmiz, a town 70 km south of
    Marrakech" locates another thing. (Farther apart, two places' distances from one city are more
    often two facts.)"""
    if a.unit != "km" or b.unit != "km" or _distance(a, b) > NEAR_LOG_RATIO:
        return False
    spans = [reference_span(c) for c in (a, b)]
    if not (spans[0] and spans[1]) or spans[0][0].lower() != spans[1][0].lower():
        return False
    phrase = {stem(w) for _, words in spans for w in re.findall(r"[\w'’-]+", words.lower())}
    shared = cache.features(a.quantity.sentence).content & cache.features(b.quantity.sentence).content
    return bool(shared - phrase)


def _words_by_cluster(
    group: list[Claim], feats: list[Features], cluster_of: list[int]
) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for i in {x.point for x in group}:
        for w in feats[i].content:
            out[w].add(cluster_of[i])
    return out


_REPORTED = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r"|according to|as per)\b", re.I)


def _restates(
    mine: list[int],
    theirs: list[int],
    mats: Matrices,
    feats: list[Features],
    said: set[str] = frozenset(),
) -> bool:
    """A fact says what its host says besides the figures: their points are worded alike, or it has
    hardly a word they lack, nor the statement (`said`) ("In total, $700 million was mobilised
    towards this fund"). "The deaths of 23 people should force a debate" gives the toll but says
    more: it stays."""
    new = set().union(*(feats[i].content for i in mine)) - set().union(*(feats[j].content for j in theirs))
    new -= said  # words the statement says too (see find_conflicts)
    if len({w for w in new if not w[:1].isdigit()}) <= FOLD_NEW_WORDS:
        return True
    rows = np.array([i for i in mine for _ in theirs], dtype=np.int64)
    cols = np.array([j for _ in mine for j in theirs], dtype=np.int64)
    return bool(len(rows)) and float(pair_similarity(mats, rows, cols).max()) >= FOLD_MIN_SIM


def _cluster_figures(feats: list[Features], cluster_of: list[int]) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = defaultdict(list)
    for i, c in enumerate(cluster_of):
        out[c] += [q for q in feats[i].quantities if _stated_figure(q)]
    return out


def _all_given(figures: list[Quantity], given: list[Quantity]) -> bool:
    return all(any(v.kind == q.kind and v.same_value(q) for v in given) for q in figures)


def _stated_figure(q: Quantity) -> bool:
    """A figure a reader would miss if its sentence went: not a year, not a bare "two"."""
    return q.kind != "year" and not (q.kind == "number" and not q.unit)


# --------------------------------------------------------------------------- which claims compare


def claim_groups(
    claims: list[Claim],
    points: list[Point],
    feats: list[Features],
    mats: Matrices,
    flagged: dict[int, list[str]] | None = None,
    topic: Entity | None = None,
    aliases: Aliases | None = None,
) -> list[list[Claim]]:
    """Connected groups of comparable claims (two sources or more), in a stable order."""
    flagged = flagged if flagged is not None else {}
    pairs = _candidate_pairs(claims)
    if not pairs:
        return []
    _mark_previous_values(claims)
    owners = Owners(frozenset(_sole_owners(claims)), topic)
    cheap = [(i, j) for i, j in pairs if _may_compare(claims[i], claims[j], owners)]
    if not cheap:
        return []
    sent_a = [claims[i].quantity.sentence for i, _ in cheap]
    sent_b = [claims[j].quantity.sentence for _, j in cheap]
    cache = _Sentences(aliases)
    lexical = norm_similarity(mats, [cache.norm(t) for t in sent_a], [cache.norm(t) for t in sent_b])
    semantic = semantic_similarity(sent_a, sent_b)
    phrase = {k: measure_phrase(claims[k]) for k in sorted({x for pair in cheap for x in pair})}
    measures = semantic_similarity([phrase[i] for i, _ in cheap], [phrase[j] for _, j in cheap])
    scored: list[tuple[int, int, float]] = []
    for k, (i, j) in enumerate(cheap):
        a, b = claims[i], claims[j]
        sem = float(semantic[k]) if semantic is not None else 0.0
        measure = float(measures[k]) if measures is not None else 0.0
        if _same_claim(a, b, float(lexical[k]), sem, measure, cache):
            scored.append((i, j, a.quantity.relatedness(b.quantity) + 0.1 * measure - 0.5 * _distance(a, b)))
    # (a plan far from its outcome is no sign that either is one source's error)
    alike = [(i, j, sc) for i, j, sc in scored if claims[i].planned == claims[j].planned]
    outliers = _outliers(alike, claims) | _against_consensus(claims, owners)
    for i in sorted(outliers):
        flagged.setdefault(claims[i].point, []).append(
            f"{claims[i].display}: given by this source only; other sources agree on figures far from it"
        )
    scored = [(i, j, sc) for i, j, sc in scored if i not in outliers and j not in outliers]
    uf = UnionFind(len(claims))
    for i, j in _mutual_best(scored, claims):
        uf.union(i, j)
    beside = _siblings(claims)
    groups = []
    for members in sorted(sorted(m) for m in uf.members.values() if len(m) > 1):
        far = _group_outliers(members, claims)
        for i in far:
            flagged.setdefault(claims[i].point, []).append(
                f"{claims[i].display}: given by this source only; other sources agree on figures far from it"
            )
        group = [claims[i] for i in members if i not in far]
        if len({c.source_id for c in group}) >= 2 and not _parts_of_breakdown(group, beside):
            groups.append(group)
    return groups


def _siblings(claims: list[Claim]) -> dict[tuple, set[tuple]]:
    """For each figure (kind, unit, value): the other figures of its kind its sentences give (exactly:
    "a quarter", 23-27%, is not "23%")."""
    out: dict[tuple, set[tuple]] = defaultdict(set)
    for c in claims:
        if c.kind == "percent":
            others = {
                value
                for kind, display, value in _figures_in(c.quantity.sentence)
                if kind == c.kind and display != c.quantity.display
            }
            out[(c.kind, c.unit, c.value)] |= others
    return out


def _parts_of_breakdown(group: list[Claim], beside: dict[tuple, set[tuple]]) -> bool:
    """Two differing figures that each stand beside one same figure somewhere in the topic ("93%
    on merit, 7% for quotas" / "5% for veterans, 93% on merit"): parts of one breakdown told two
    ways (93/5/2 and 93/7), not rival readings of one figure."""
    for k, a in enumerate(group):
        for b in group[k + 1 :]:
            if a.source_id == b.source_id or a.agrees_with(b):
                continue
            if _breakdown(a, b) or beside.get((a.kind, a.unit, a.value), set()) & beside.get(
                (b.kind, b.unit, b.value), set()
            ):
                return True
    return False


def _group_outliers(members: list[int], claims: list[Claim]) -> set[int]:
    """In a group, a figure far from every other source's while those agree roughly (the group
    holds it through one link only: "160 seats" of two assemblies beside 52 and 54)."""
    if claims[members[0]].kind == "date":
        return set()
    limit = float(np.log(OUTLIER_RATIO))
    out = set()
    for i in members:
        others = [
            claims[j]
            for j in members
            if claims[j].source_id != claims[i].source_id and claims[j].planned == claims[i].planned
        ]
        if len({c.source_id for c in others}) < 2:
            continue
        near = min(_distance(claims[i], c) for c in others)
        spread = _spread(others)
        fits = _fits_growth(claims[i], others) or _bound_below(claims[i], others)
        if near > limit and spread <= limit and not fits:
            out.add(i)
    return out


def _fits_growth(a: Claim, others: list[Claim]) -> bool:
    """A toll reported before every other dated report and below them all (or after and above them
    all): an earlier (later) count of a number that grows, not one source's error."""
    days = [c.reported for c in others if c.reported is not None]
    if not a.casualty or a.dated or a.day or a.reported is None or not days:
        return False
    low, high = min(c.value[0] for c in others), max(c.value[1] for c in others)
    return (a.value[1] < low and a.reported < min(days)) or (a.value[0] > high and a.reported > max(days))


def _bound_below(a: Claim, others: list[Claim]) -> bool:
    """A lower bound under every other figure ("at least 2,000" beside 3,800 and 5,300) fits them
    all: it contradicts none, so it is no source's error."""
    return a.lower_bound and all(a.value[0] <= c.value[1] for c in others)


def _candidate_pairs(claims: list[Claim]) -> list[tuple[int, int]]:
    """Pairs of claims of different sources sharing a unit and an entity or a nearby word."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        unit = c.unit  # counts compare only within one counted noun (see _may_compare)
        keys = {(c.kind, unit, "w", w) for w, d in c.quantity.context.items() if d <= 10}
        keys.add((c.kind, unit, "u", ""))  # small topics: every pair of a unit (capped below)
        if c.entity is not None:
            keys |= {(c.kind, unit, "e", k) for k in c.entity.keys | {c.entity.bare} if k}
        for key in keys:
            buckets[key].append(i)
    sources = [c.source_id for c in claims]
    return cross_source_pairs(buckets, sources, lambda key: MAX_UNIT_BUCKET if key[2] == "u" else MAX_BUCKET)


def _mark_previous_values(claims: list[Claim]) -> None:
    """A value some source gives as the starting point of a change ("from 30% to 5%") is the old
    value wherever it is stated: "a quota that reserved 30 percent" is no rival of the new 5%."""
    old = {(c.kind, c.unit, c.value) for c in claims if c.previous}
    for c in claims:
        if (c.kind, c.unit, c.value) in old:
            c.previous = True


@dataclass(frozen=True)
class Owners:
    """Whose a figure that names no owner can be: the topic's own subject, or the one entity the
    topic gives figures of that kind and unit for."""

    sole: frozenset[tuple[str, str]] = frozenset()
    topic: Entity | None = None


def _sole_owners(claims: list[Claim]) -> set[tuple[str, str]]:
    """Kinds and units whose figures the topic gives for one entity only: there, a figure with no
    owner named ("17 people died") can only be that entity's ("the Northern Star ... 23 killed")."""
    owners: dict[tuple[str, str], list] = defaultdict(list)
    for c in claims:
        if c.entity is not None and c.kind != "date":
            owners[(c.kind, c.unit)].append(c.entity)
    return {key for key, es in owners.items() if all(e.same_as(es[0]) for e in es)}


# A plan and its outcome of one count or amount ("the board is expected to approve 12 projects" / "the
# meeting ended with the approval of 14 projects") are compared: not to set them against each other,
# but to tell the outcome beside the plan it changed (statements.plan_and_outcome).
PLANNED_KINDS = ("number", "amount")


def _may_compare(
    a: Claim,
    b: Claim,
    owners: Owners = Owners(),
    any_distance: bool = False,
) -> bool:
    """The cheap half of the test: unit, plan, previous value, day, year, entity (and, unless
    any_distance, an order of magnitude at most between the values)."""
    if a.kind != b.kind or a.quantity.ordinal != b.quantity.ordinal:
        return False
    if a.planned != b.planned and a.kind not in PLANNED_KINDS:
        return False  # a target date is not the day it happened; two targets may disagree
    if a.previous != b.previous and not _span_opening(a, b):
        return False  # the starting value of a change is not its outcome
    if a.unit != b.unit and (a.kind != "number" or (a.unit and b.unit)):
        return False  # another currency or unit: never a disagreement (currencies are not converted)
    if a.day != b.day and not (_told_that_day(a, b) or _told_that_day(b, a)):
        return False  # one day's count is not the running total, nor another day's
    if a.basis != b.basis:
        return False  # at purchasing power parity, per head, in real terms: another measure
    if a.whole != b.whole and a.whole and b.whole:
        return False  # "42% of the world's population" / "23% of global GDP": shares of two wholes
    if _size_against_count(a, b) or _size_against_count(b, a):
        return False  # "the 300-seat parliament" is the whole's size, not the seats a party holds
    if a.years and b.years and not a.years & b.years:
        return False  # a figure of another year
    if _distance(a, b) > MAX_LOG_RATIO and not any_distance:
        return False  # another order of magnitude: one country's pledge is not the fund's total
    if a.kind == "date":
        return True
    if a.entity is not None and b.entity is not None:
        return a.entity.same_as(b.entity)
    if a.entity is None and b.entity is None:
        return not (_scope_before(a) or _scope_before(b))
    named, bare = (a, b) if a.entity is not None else (b, a)
    if owners.topic is not None and named.entity.same_as(owners.topic):  # type: ignore[union-attr]
        return True  # in a topic about BRICS, "47% of the world's population" with no owner is BRICS's
    return (named.kind, named.unit) in owners.sole or _named_by_head(named, bare)


def _told_that_day(dated: Claim, bare: Claim) -> bool:
    """A fixed count of what was done on a day ("invited six countries on Thursday") and the same
    count with no day, reported that day or the next morning ("said five countries had been
    invited"): one day's doing told twice, not a day's part of a running total (a count that grows
    -- a toll, a figure that rose -- or one said of that day alone keeps its day; a report of days
    later may count what came after)."""
    return (
        dated.day is not None
        and bare.day is None
        and bare.reported is not None
        and 0 <= (bare.reported - dated.day).days <= REPORTED_NEXT_DAY
        and dated.kind == "number"
        and not dated.accrues
        and not bare.accrues
        and not _DAY_ALONE.search(dated.quantity.sentence)
    )


REPORTED_NEXT_DAY = 1  # days after a doing a report with no day of its own may still be telling it
_DAY_ALONE = re.compile(r"\b(?:alone|that day|daily|a day|per day|each day|so far)\b", re.I)


# A sentence whose subject is the sentence before's ("The department also said 25 buildings had
# collapsed", "It also reported ..."): what its figure counts is of the place or body that sentence
# names (the city's fire department: the city's buildings), not of the whole the topic is about
_ALSO_SAID = re.compile(r"\W*(?:(?:it|they|he|she)|the\s+[a-z]+)\s+(?:also|further)\s+[a-z]+", re.I)


def _scope_before(c: Claim) -> bool:
    """A count other than the event's casualties, said in a sentence that leans on the one before for
    its subject: of a scope this sentence does not say, so set against no other source's count."""
    return not c.casualty and c.kind == "number" and bool(_ALSO_SAID.match(c.quantity.sentence))


def _size_against_count(a: Claim, b: Claim) -> bool:
    """a is a count joined to its noun as a modifier ("the 300-seat National Assembly", "a 12-member
    panel"): the size of the thing it describes; b counts those things in its own words ("holding a
    majority of 170 seats"), most often a part someone holds. (A duration is the length of the thing
    either way: "a two-day summit" / "the summit lasted three days".)"""
    return (
        a.kind == "number"
        and a.quantity.sized
        and not b.quantity.sized
        and bool(b.quantity.unit)
        and not a.is_duration
    )


def _named_by_head(named: Claim, bare: Claim) -> bool:
    """The unnamed side calls the entity by its common noun: "the Loss and Damage Fund" / "this
    fund"; "the city of Derna" (learned from the topic's sources) / "the city's population";
    "PTI-backed independents" / "independents won 101 seats"."""
    if named.entity is None:
        return False
    head = re.sub(r"[’']s?$", "", named.entity.text.split()[-1].lower())
    nouns = {n for n in {head, *named.entity.nouns} if len(n) >= 3 and n.isalpha()}
    clause = figure_clause(bare.quantity)
    if any(re.search(rf"\b(?:the|this|that|its) {n}\b", clause) for n in sorted(nouns)):
        return True
    # a relative clause's figure is its head's: "The city, which had 90,000 inhabitants, ..."
    q = bare.quantity
    hung = _HUNG_ON.search(q.sentence[: max(0, q.sentence.find(q.display))])
    if hung and any(re.search(rf"\b(?:the|this|that|its) {n}$", hung.group(1), re.I) for n in sorted(nouns)):
        return True
    # the bare figure's clause opens on a noun the sources use for the name: "independents won 101 seats"
    subject = clause[: max(0, clause.find(bare.quantity.display))]
    return any(re.match(rf"\W*(?:the\s+)?{n}\b", subject) for n in sorted(named.entity.nouns))


_HUNG_ON = re.compile(r"(\b[A-Za-z]+ [a-z]+),\s*(?:which|that|where|whose)\b[^,;]*$")


def _spread(claims: list[Claim]) -> float:
    """The largest distance between the values (log of the largest over the smallest): linear time."""
    sizes = [abs(c.value[1]) + 1e-9 for c in claims]
    return float(np.log(max(sizes) / min(sizes)))


def _distance(a: Claim, b: Claim) -> float:
    """How far apart two values are (log ratio); 0 for dates, which are equal or not."""
    if a.kind == "date":
        return 0.0
    va, vb = abs(a.value[1]) + 1e-9, abs(b.value[1]) + 1e-9
    return abs(float(np.log(va / vb)))


@dataclass
class _Sentences:
    """Normal forms and features of the sentences claims come from, each computed once."""

    aliases: Aliases | None = None
    norms: dict[str, str] = field(default_factory=dict)
    feats: dict[str, Features] = field(default_factory=dict)

    def norm(self, sentence: str) -> str:
        if sentence not in self.norms:
            self.norms[sentence] = normalise(sentence)
        return self.norms[sentence]

    def features(self, sentence: str) -> Features:
        if sentence not in self.feats:
            self.feats[sentence] = features(sentence, self.aliases)
        return self.feats[sentence]


def _same_claim(
    a: Claim, b: Claim, lexical: float, semantic: float, measure: float, cache: _Sentences | None = None
) -> bool:
    """Do two figures measure the same thing (of the same entity, at the same time)?

    Figures close in value (within half again) need one sign that they measure one thing: shared
    nearby words, or words that mean the same; figures farther apart need both (and counts, one
    owner named on both sides), because a figure far from another is far more often another
    thing than a disagreement.
    """
    cache = cache if cache is not None else _Sentences()
    if _opposite_movements(a, b, cache):
        return False
    if _shares_of_one_world_whole(a, b):
        return a.agrees_with(b) or not _breakdown(a, b)
    toll = _one_toll(a, b)
    beside = _one_figure_beside(a, b, measure)
    if not _related_sentences(a, b, lexical, semantic, toll or beside):
        return False
    if a.quantity.ordinal:
        return _one_rank(a, b, cache)
    if a.kind == "date":
        return _one_day_of_one_event(a, b, cache)
    if _unowned_naming_others(a, b, semantic, beside, cache):
        return False
    return _one_measure(a, b, measure, semantic, toll) and (a.agrees_with(b) or not _breakdown(a, b))


def _opposite_movements(a: Claim, b: Claim, cache: _Sentences) -> bool:
    """One rose, the other fell: two movements, not one figure told twice."""
    return direction(cache.norm(a.quantity.sentence)) * direction(cache.norm(b.quantity.sentence)) < 0


def _one_toll(a: Claim, b: Claim) -> bool:
    """The topic's dead (injured, ...) on both sides: one count, however far apart."""
    return bool(a.casualty) and a.casualty == b.casualty


def _one_population(a: Claim, b: Claim) -> bool:
    """A named place's people, said of it on both sides (its name, or the noun its sources call it by:
    "Verna has 100,000 people" / "the city, which had 90,000 inhabitants"): one measure however said."""
    return a.headcount and b.headcount and (_one_owner_named(a, b) or _unnamed_places_people(a, b))


def _one_figure_beside(a: Claim, b: Claim, measure: float) -> bool:
    """An amount or share within a tenth of the other, the same word right beside both and the words
    around them saying one measure ("holding more than $212 billion in assets" / "SVB held $209
    billion in assets"): however little else two long sentences share, one figure read twice."""
    return (
        a.kind in ("amount", "percent")
        and _distance(a, b) <= NEAR_LOG_RATIO
        and measure >= MEASURE_SIM
        and nearest_shared(a.quantity, b.quantity)
    )


def _shares_of_one_world_whole(a: Claim, b: Claim) -> bool:
    """Two shares of one whole of the world's ("about 40% of the world's population" / "41% of the
    global population"), of one owner (see _may_compare): one measure, however the sentences go on."""
    return bool(a.whole) and a.whole == b.whole and _distance(a, b) <= CLOSE_LOG_RATIO


def _related_sentences(a: Claim, b: Claim, lexical: float, semantic: float, one_measure: bool) -> bool:
    """The two sentences are about one thing (in words or in meaning), or the figures alone say they
    measure one thing (one toll, one place's people, one amount read beside the same word)."""
    return (
        lexical >= RELATED_THRESHOLD or semantic >= SEMANTIC_RELATED or one_measure or _one_population(a, b)
    )


def _one_rank(a: Claim, b: Claim, cache: _Sentences) -> bool:
    """ "the eighth military coup" / "the ninth successful coup": the counted noun is said on both sides,
    so one unit close in value is one count (the names beside an ordinal are its subject or the series'
    scope, not another owner) -- unless each side names someone the other does not: "Varga ... was in
    second place" / "In third place, Oduya ..." are two candidates' ranks."""
    return _distance(a, b) <= CLOSE_LOG_RATIO and not _names_apart(a, b, cache)


def _names_apart(a: Claim, b: Claim, cache: _Sentences) -> bool:
    """Each sentence names someone or somewhere the other does not."""
    return bool(name_mismatch(cache.features(a.quantity.sentence), cache.features(b.quantity.sentence)))


def _one_day_of_one_event(a: Claim, b: Claim, cache: _Sentences) -> bool:
    """Two dates of one event: one span told two ways, the start of one event, or a day the same
    words stand beside, in sentences that name no one the other does not."""
    qa, qb = a.quantity, b.quantity
    if _one_span(a, b):
        return True  # "from 30 November to 12 December" / "from November 30 to December 13": its end
    if a.previous != b.previous:
        # the first day of a span and the day something opened: the start of one event?
        return _same_phase(qa, qb) and not _names_apart(a, b, cache)
    # what happened on the day: the word nearest one date is near the other ("inspected");
    # a weekday, a loose witness, must share the nearest words themselves
    same_event = (
        bool(_date_words(qa) & _date_words(qb)) if a.weekday or b.weekday else nearest_shared(qa, qb)
    ) or _same_phase(qa, qb)
    return same_event and not _names_apart(a, b, cache)


def _unowned_naming_others(a: Claim, b: Claim, semantic: float, beside: bool, cache: _Sentences) -> bool:
    """No owner said on one side, and each sentence names someone the other does not: two facts
    (unless the figures are one amount read beside the same word, or two distances from one place)."""
    if a.entity is not None and b.entity is not None:
        return False
    if beside or (semantic >= SEMANTIC_RELATED and _one_reference_point(a, b, cache)):
        return False
    return _names_apart(a, b, cache)


def _one_measure(a: Claim, b: Claim, measure: float, semantic: float, toll: bool) -> bool:
    """The words around the figures say one measure; the farther apart the values, the more it
    takes (see the bands below)."""
    if toll:
        return True  # people killed (injured, missing, ...) by one owner: one toll, however far apart
    if _distance(a, b) <= NEAR_LOG_RATIO:
        # within a tenth of each other: shared words nearby are enough ("$700 million ... towards this
        # fund" / "committed to the fund, with $725 million pledged")
        return a.quantity.relatedness(b.quantity) >= NEAR_CONTEXT or measure >= MEASURE_SIM or a.headcount
    if _distance(a, b) <= CLOSE_LOG_RATIO:
        return _close_values_one_measure(a, b, measure)
    return _far_values_one_measure(a, b, measure, semantic)


def _lexical_measure(a: Claim, b: Claim) -> bool:
    """Shared words near both figures, the nearest one shared."""
    qa, qb = a.quantity, b.quantity
    return qa.relatedness(qb) >= RELATED_CONTEXT and nearest_shared(qa, qb)


def _close_values_one_measure(a: Claim, b: Claim, measure: float) -> bool:
    """Within half again: one sign of one measure. One owner named on both sides ("allocated to the Loss
    and Damage Fund" / "mobilised towards this fund") is a sign too: an owner's figures in one unit,
    close in value, are one measure (counts also need words that do not say another thing: "won 75
    seats" / "contested 100 seats"); a named place's plain headcount ("Derna, home to 100,000 people" /
    "Derna, which has a population of 90,000", "a city of 100,000" / "90,000 people live there") is its
    population however worded."""
    owner = _one_owner_named(a, b) and (
        a.kind == "amount" or a.unit == "people" or measure >= FAR_MEASURE_SIM
    )
    return _lexical_measure(a, b) or measure >= MEASURE_SIM or owner or a.headcount


def _far_values_one_measure(a: Claim, b: Claim, measure: float, semantic: float) -> bool:
    """Farther apart: a count far from another is most often a part against a whole ("93 of 264
    seats"), so both signs, and an owner; or one figure in two units one source got wrong."""
    measured = _lexical_measure(a, b) and measure >= FAR_MEASURE_SIM and _owned_alike(a, b, measure)
    # one figure in two units of one dimension ("stretches for 200 km" / "runs 200 miles"): a unit one
    # source got wrong, in sentences that read as one fact
    return measured or (semantic >= SEMANTIC_RELATED and _unit_slip(a, b))


def _owned_alike(a: Claim, b: Claim, measure: float) -> bool:
    """Far-apart figures may be rival readings: amounts, shares and measured lengths ("200 km" against
    "200 miles"); counts with an owner named on both sides; or, with no owner on either side, words
    around both that say one thing and neither a part nor a whole of another count ("23 countries have
    applied" / "40 countries have applied")."""
    if a.kind != "number" or a.unit in MEASURED_UNITS or (a.entity is not None and b.entity is not None):
        return True
    return (
        a.entity is None
        and b.entity is None
        and measure >= SAME_MEASURE_SIM
        and not _part_or_whole(a)
        and not _part_or_whole(b)
    )


def _unit_slip(a: Claim, b: Claim) -> bool:
    """The same number given in two convertible units of measure ("200 km" / "200 miles")."""
    qa, qb = a.quantity, b.quantity
    return (
        a.unit in MEASURED_UNITS
        and qa.unit != qb.unit
        and qa.value == qb.value
        and qa.relatedness(qb) >= RELATED_CONTEXT
    )


def _part_or_whole(c: Claim) -> bool:
    """The figure's sentence sets it beside another figure as a part of a whole ("93 of 264 seats",
    "255 of the 266 seats", "out of 265")."""
    q = c.quantity
    at = q.sentence.find(q.display)
    if at < 0:
        return False
    before, after = (
        q.sentence[max(0, at - 40) : at],
        q.sentence[at + len(q.display) : at + len(q.display) + 40],
    )
    return bool(_PART_AFTER.match(after) or _PART_BEFORE.search(before))


_PART_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:of|out of)\s+(?:the\s+|a\s+|an\s+)?\d")
_PART_BEFORE = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+)?(?:of|out of)\s+(?:the\s+|a\s+|an\s+)?$")


def _one_span(a: Claim, b: Claim) -> bool:
    """Both dates end a span that starts on one day: the end of one period (a summit, a visit)."""
    return a.span_start is not None and b.span_start is not None and dates_agree(a.span_start, b.span_start)


def _one_owner_named(a: Claim, b: Claim) -> bool:
    """Both sides name the figure's owner: the same name, or (for amounts and a place's headcount) a
    name and its common noun ("this fund", "the city"). Other counts need the name itself on both
    sides: "the PML-N got 75 seats" / "the PML-N has secured 71 seats"."""
    if a.entity is not None and b.entity is not None:
        return a.entity.same_as(b.entity)
    if not (a.kind == "amount" or a.headcount) or (a.entity is None and b.entity is None):
        return False
    named, bare = (a, b) if a.entity is not None else (b, a)
    return _named_by_head(named, bare)


def _unnamed_places_people(a: Claim, b: Claim) -> bool:
    """Two headcounts naming no place, close in value, of no two kinds of place ("Home to around 22
    million people, ..." / "A country of 26 million people ..."): the topic's place, counted twice
    (a town of 5,000 and a city of 90,000 are two places)."""
    if a.entity is not None or b.entity is not None or _distance(a, b) > CLOSE_LOG_RATIO:
        return False
    kinds = [set(_PLACE_KIND.findall(x.quantity.sentence.lower())) for x in (a, b)]
    return not (kinds[0] and kinds[1] and not kinds[0] & kinds[1])


_PLACE_KIND = re.compile(r"\b(city|town|village|country|nation|island|district|region|province|capital)\b")


def _date_words(q: Quantity) -> set[str]:
    """The words nearest a date (the two nearest distances): what happened on it ("arrived on",
    "inspected on"). Two dates are one claim only when these meet."""
    if not q.context:
        return set()
    near = sorted(set(q.context.values()))[:2]
    return {w for w, d in q.context.items() if d in near}


def _span_opening(a: Claim, b: Claim) -> bool:
    """One date opens a span of days ("from 22 to 24 August"), the other is a single day: both may
    be the start of one event ("the summit opened on 23 August")."""
    return a.kind == "date" and (a.quantity.opens_span if a.previous else b.quantity.opens_span)


def _phase(q: Quantity) -> str | None:
    """The phase of an event the verb nearest a date says ("opened", "began": its start; "closed",
    "ended": its end), or None. The first day of a span of days is a start, however said."""
    if q.opens_span:
        return "start"
    phased = [(d, w) for w, d in q.context.items() if w in EVENT_PHASES and w in _date_words(q)]
    return EVENT_PHASES[min(phased)[1]] if phased else None


def _same_phase(qa: Quantity, qb: Quantity) -> bool:
    """Two dates of one phase of one event in other verbs: "the summit opened on 22 August" / "the
    summit began on August 23". What starts must be said on both sides too ("talks began on 20
    August" / "the summit opened on 22 August" are two things)."""
    phase = _phase(qa)
    if phase is None or phase != _phase(qb):
        return False
    near = PHASE_SUBJECT_REACH
    return any(
        w not in EVENT_PHASES and qa.context[w] <= near and qb.context[w] <= near
        for w in qa.context.keys() & qb.context.keys()
    )


PHASE_SUBJECT_REACH = 8  # words from a date within which what opened (ended) is said


def _breakdown(a: Claim, b: Claim) -> bool:
    """Both sentences agree on another share ("93% on merit"): the differing ones are other parts
    of a breakdown (93/5/2 vs 93/7), not two readings of one figure. Shares only: two lists of
    seats that agree on a small party's 3 say nothing about a large party's 67 and 71."""
    if a.kind != "percent":
        return False
    qa = [v for k, d, v in _figures_in(a.quantity.sentence) if k == a.kind and d != a.quantity.display]
    qb = [v for k, d, v in _figures_in(b.quantity.sentence) if k == b.kind and d != b.quantity.display]
    return any(x == y for x in qa for y in qb)  # parts of a breakdown are said exactly


@lru_cache(maxsize=4096)
def _figures_in(sentence: str) -> tuple[tuple[str, str, tuple], ...]:
    """(kind, display, value) of a sentence's figures, read once: `_siblings` and `_breakdown` ask
    it of the same sentences again and again (at 2,000 sources ~6,300 calls for ~3,000 sentences)."""
    return tuple((q.kind, q.display, q.value) for q in extract_quantities(sentence))


_PHRASE_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'-]+")


def measure_phrase(c: Claim) -> str:
    """The words that say what a figure measures: the nearest content words of its own clause (no
    teller's words, no other figure's clause before "and"; else of its whole clause, else of its
    sentence when that is too short to say: "which resulted in a record high of $790 million")."""
    near = _nearest_words(_one_word_actions(own_clause(c.quantity)), c.quantity.display)
    for wider in (figure_clause(c.quantity), c.quantity.sentence):
        if len(near) < 2:
            near = _nearest_words(_one_word_actions(wider), c.quantity.display)
    return " ".join(w for _, _, w in sorted(near, key=lambda t: t[1]))


def _one_word_actions(text: str) -> str:
    """The text with its phrasal verbs said in one word ("took out" -> "withdrew"; PHRASAL_SENSES)."""
    if " out" not in text and " back" not in text:
        return text  # (no particle: most clauses)
    for sense, rx in PHRASAL_SENSES.items():
        text = rx.sub(sense, text)
    return text


# words that say how exact a figure is ("as many as 40", "some 23"), not what it measures
_QUANTIFIERS = frozenset(
    ["many", "much", "least", "more", "less", "fewer", "than", "some", "about", "around", "nearly"]
)


def _nearest_words(text: str, display: str, limit: int = 4) -> list[tuple[int, int, str]]:
    pos = text.find(display)
    words = []
    for m in _PHRASE_WORD.finditer(text):
        w = m.group()
        if w in STOP or w in GENERIC or w in TELLING or w in WEEKDAYS or w in _QUANTIFIERS:
            continue
        distance = abs(m.start() - pos) if m.start() < pos else abs(m.start() - pos - len(display))
        words.append((distance, m.start(), w))
    return sorted(words)[:limit]


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
        spread = _spread(values)
        if (
            min(near) > limit
            and spread <= limit
            and not _fits_growth(a, values)
            and not _bound_below(a, values)
        ):
            out.add(i)
    return out


def _against_consensus(claims: list[Claim], owners: Owners) -> set[int]:
    """A named owner's figure that one source gives far from what two or more other sources agree
    on for that owner ("MQM-P ... 45 seats" beside 15, 17 and 17), however it is worded."""
    by_owner: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.entity is not None and c.kind in ("number", "amount") and not c.planned and not c.previous:
            by_owner[(c.kind, c.unit)].append(i)
    limit = float(np.log(OUTLIER_RATIO))
    out = set()
    for members in by_owner.values():
        if len(members) > MAX_BUCKET:
            continue  # a unit every figure of a large topic has: no consensus to read (keeps cost linear)
        for i in members:
            a = claims[i]
            others = [
                claims[j]
                for j in members
                if claims[j].source_id != a.source_id
                and claims[j].entity.same_as(a.entity)  # type: ignore[union-attr]
                and _may_compare(a, claims[j], owners, any_distance=True)
            ]
            if len({c.source_id for c in others}) < 2:
                continue
            near = min(_distance(a, c) for c in others)
            spread = _spread(others)
            if near > limit and spread <= limit and not _bound_below(a, others):
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


# --------------------------------------------------------------------------- one source's wrong date


def _drop_lone_dates(
    group: list[Claim], event: tuple[dt.date, dt.date] | None, out: ConflictFindings
) -> list[Claim]:
    """A date only one source gives, while another source gives the event's own date: flagged.

    Why: a single page's wrong date (a ruling dated weeks after it happened) must not reach
    the memo as fact, nor as a disagreement that lends it weight.
    """
    if event is None or not group or group[0].kind != "date":
        return group
    witnesses = {c.source_id for c in group if _on_event(c, event)}
    keep = []
    for c in group:
        same = {x.source_id for x in group if x.agrees_with(c)}
        if not c.weekday and not _on_event(c, event) and same == {c.source_id} and witnesses - {c.source_id}:
            out.flagged.setdefault(c.point, []).append(
                f"{c.display}: given by this source only; others date it {day_text(event[0])}"
            )
        else:
            keep.append(c)
    return keep


def _on_event(c: Claim, event: tuple[dt.date, dt.date]) -> bool:
    lo, hi = event[0] - dt.timedelta(days=1), event[1] + dt.timedelta(days=1)
    day = claim_day(c, event[0].year)
    return day is not None and lo <= day <= hi


def claim_day(c: Claim, default_year: int) -> dt.date | None:
    y, m, d = c.value
    try:
        return dt.date(y or default_year, m, d) if m and d else None
    except ValueError:
        return None


def lone_dates_in_clusters(
    groups: list[list[int]], claims: list[Claim], event: tuple[dt.date, dt.date] | None
) -> dict[int, list[str]]:
    """Points of a fact several sources state that give it a day off the event's dates, while
    another of those sources dates it within them: that source's error, not stated.

    Why: sources that state one fact rarely word its date alike ("a ruling on August 7" / "the
    court on Sunday scaled back"), so their dates are not paired as claims; the fact is.
    """
    if event is None:
        return {}
    days: dict[int, list[tuple[str, Claim]]] = defaultdict(list)  # point -> (source, date claim)
    for c in claims:
        if c.kind == "date" and not c.previous and not c.planned and claim_day(c, event[0].year):
            days[c.point].append((c.source_id, c))
    flagged: dict[int, list[str]] = {}
    for members in groups:
        dated = [(i, sid, c) for i in members for sid, c in days.get(i, [])]
        for i, sid, c in dated:
            if c.weekday:
                continue  # "on Sunday" only witnesses
            witnesses = [x for _, s, x in dated if s != sid and _on_event(x, event)]
            if (
                witnesses
                and not _on_event(c, event)
                and not any(x.agrees_with(c) for _, s, x in dated if s != sid)
            ):
                flagged.setdefault(i, []).append(
                    f"{c.display}: given by this source only; others date the same fact "
                    f"{witnesses[0].display}"
                )
    return flagged


LONE_DATE_LIKENESS = 0.55  # WordLlama cosine: one action told twice 0.59; follow-ups on later days 0.13–0.46


def lone_dates_near_event(
    points: list[Point], claims: list[Claim], event: tuple[dt.date, dt.date] | None
) -> dict[int, list[str]]:
    """A point that dates an action off the event's days, worded like another source's account of
    the event dated on them, with no other source giving its day: that source's error, not stated.

    Why: clustering may keep the two accounts apart ("In a significant ruling on August 7, the
    court decided to reduce the quota" / "the court on Sunday reduced the quota system"), and then
    `lone_dates_in_clusters` never sees them side by side.  A follow-up on a later day reads
    differently from the event's own account, so it stays.
    """
    if event is None:
        return {}
    dated: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "date" and not c.previous and not c.planned and claim_day(c, event[0].year):
            dated[c.point].append(c)
    on = [i for i, cs in dated.items() if any(_on_event(c, event) for c in cs)]
    off = [
        (i, c)
        for i, cs in dated.items()
        if not any(_on_event(x, event) for x in cs)
        for c in cs
        if not c.weekday
    ]
    if not on or not off:
        return {}
    from .semantic import embed_texts

    vectors = embed_texts([points[i].text for i, _ in off] + [points[j].text for j in on])
    if vectors is None:
        return {}
    likeness = vectors[: len(off)] @ vectors[len(off) :].T
    flagged: dict[int, list[str]] = {}
    for k, (i, c) in enumerate(off):
        sid = points[i].source_id
        others = [(n, j) for n, j in enumerate(on) if points[j].source_id != sid]
        agreed = any(x.agrees_with(c) for j, xs in dated.items() if points[j].source_id != sid for x in xs)
        if not others or agreed:
            continue
        n, j = max(others, key=lambda t: likeness[k, t[0]])
        if likeness[k, n] >= LONE_DATE_LIKENESS:
            witness = next(x for x in dated[j] if _on_event(x, event))
            flagged.setdefault(i, []).append(
                f"{c.display}: given by this source only; another source dates the same action "
                f"{witness.display}"
            )
    return flagged


_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS)) + r")\W{0,3}$", re.I)
WEEKDAY_REACH = 3  # days between a date and the day its weekday names, within which one is a slip


def misdated_weekdays(claims: list[Claim], event: tuple[dt.date, dt.date] | None) -> dict[int, list[str]]:
    """A date its own weekday contradicts ("Friday, September 9" in a year when the 9th was a
    Saturday) when the weekday names a day of the event: the day is that source's slip, not stated.

    Why: the event's dates allow a day either side (time zones, reports the morning after), so a
    slip by one day is never a lone date; its weekday says which half of it is wrong.
    """
    if event is None:
        return {}
    flagged: dict[int, list[str]] = {}
    for c in claims:
        if c.kind != "date" or c.weekday or c.previous or not c.value[1] or not c.value[2]:
            continue
        q = c.quantity
        at = q.sentence.find(q.display)
        named = _WEEKDAY_BEFORE.search(q.sentence[max(0, at - 14) : max(at, 0)]) if at >= 0 else None
        day = claim_day(c, event[0].year)
        if named is None or day is None:
            continue
        wanted = _WEEKDAY_ORDER.index(named.group(1).lower())
        if day.weekday() == wanted:
            continue
        near = [day + dt.timedelta(days=k) for k in range(-WEEKDAY_REACH, WEEKDAY_REACH + 1)]
        meant = next((d for d in near if d.weekday() == wanted), None)
        if meant is not None and event[0] <= meant <= event[1] and not event[0] <= day <= event[1]:
            flagged.setdefault(c.point, []).append(
                f"{named.group(1)}, {c.display}: that {named.group(1)} is {day_text(meant)}, the event's day"
            )
    return flagged


_WEEKDAY_ORDER = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def weekday_claims(
    points: list[Point], sources: dict[str, Source], event: tuple[dt.date, dt.date] | None = None
) -> list[Claim]:
    """ "on Sunday" is a date too: a witness for the date of what happened that day. Read against
    the source's date; in an undated source, against the event's, when that names an event day."""
    out = []
    rx = re.compile(r"\bon\s+(" + "|".join(sorted(WEEKDAYS)) + r")\b", re.I)
    for k, p in enumerate(points):
        src = sources.get(p.source_id)
        for m in rx.finditer(p.text):
            day = weekday_day(m.group(1), src.metadata.date if src is not None else None, event)
            if day is None:
                continue
            sentence = next((s for s in split_sentences(p.text) if m.group(0) in s), p.text)
            q = Quantity("date", (day.year, day.month, day.day), m.group(0), sentence=sentence)
            q.context = context_of(sentence, m.group(0))
            label = f"{m.group(1)} ({day_text(day)})"
            out.append(Claim(k, p.source_id, q, q.value, "date", None, label, weekday=True))
    return out


def weekday_day(name: str, dated: dt.date | None, event: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """The day a weekday names: the last one on or before the source's date; in an undated source,
    within the event's days."""
    if dated is not None:
        return weekday_date(name, dated)
    if event is None:
        return None
    day = weekday_date(name, event[1])
    return day if day >= event[0] else None
