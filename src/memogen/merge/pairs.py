"""Decisions on one pair of sentences: the same fact? figures that disagree?"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Literal, NamedTuple

from ..model import Point
from .actions import other_actions, same_action
from .features import Features, main_action_of
from .lexicon import DURATION_STEMS, PLACE_STEM_ENDINGS
from .quantities import Quantity, dates_agree, direction, planned

# Tuned on tests/fixtures/merge/pairs.jsonl (split "tune").
DUP_THRESHOLD = 0.51  # combined similarity at or above which two sentences state one fact
CONTAIN_THRESHOLD = 0.8  # share of the shorter sentence's content words found in the longer one
CONTAIN_MIN_SIM = 0.22  # ... and at least this similarity, so short generic sentences do not chain
CONTAIN_PART = 1 / 3  # ... and at least this share of the longer one's words (not one of its several facts)
RELATED_CONTEXT = 0.12  # shared-word score at which two figures measure the same thing
ANCHOR_MIN_SIM = 0.08  # similarity needed when both give the same specific figure on the same thing
NAME_PENALTY = 0.15  # per name found on one side only (when both sides have one): lowers the score
OVERLAP_DICE = 0.6  # IDF-weighted share of content stems two paraphrases have in common
OVERLAP_MIN_SIM = 0.35  # ... with at least this text similarity and no name on one side only
# Tuned on the corpus's tune events and lavrov-2021 (benchmarks/eval_corpus_pairs.py): embeddings of
# one topic's sentences run high (0.6-0.78 for different facts), so the embedding alone decides nothing.
SEMANTIC_DUP = 0.62  # embedding cosine at which two sentences of two sources can state one fact ...
SEMANTIC_DUP_MIN_SIM = 0.27  # ... with this lexical similarity, the same years and no figure on one side only
SEMANTIC_ANCHOR = 0.45  # embedding cosine at which two sentences giving one specific figure (not a date) do
SEMANTIC_MIN_SIM = 0.12  # lexical similarity any semantic match still needs
# The same cosine once the topic's common direction is removed (semantic.semantic_similarities): on
# the tune events, pairs of different facts that pass the name, figure and year checks stay below
# ~0.5 there, paraphrases of one fact ("launch of the Loss and Damage fund on the first day" / "on
# the first day of COP28, the Loss and Damage fund was operationalised") reach 0.54-0.85.
SEMANTIC_DISTINCT_DUP = 0.52  # the same without the common direction (with the same other checks)
RELATED_THRESHOLD = 0.10  # lexical similarity of two sentences needed to compare their figures at all
# One event dated by two sources in their own words ("collapsed on 10 March" / "was shut down by the
# regulator on March 10"): lexical similarity 0.09-0.27, so only the claim (subject, kind of event,
# day) and the embedding see it. Different events of one day and subject stay apart by their kind.
EVENT_SEMANTIC = 0.45  # embedding cosine two sentences dating one event of one kind need at least
EVENT_NAME_SLACK = 1  # names one side has and the other lacks, beside the subject both name
# One page restating a measure it gave already ("reached within 125 miles (200 km) of the capital" /
# "we got to within 200 km of Moscow"): the figure with its unit and the words next to it are the
# claim, and a page's second mention often names what its first called by a common noun ("the
# capital", "the president"), so one name on one side only does not part them when both name one
# subject besides (two facts of one page giving one figure by chance need not: "Mimi opened a plant
# in Shupel, the first in 12 years" / "Ravi opened a plant in Pelsu, the first there in 12 years").
RESTATED_NAME_SLACK = 1
# Two outlets telling one action in their own words and details ("President Ravel on Tuesday declared
# a state of siege, saying ..." / "Mr Ravel had declared a state of siege late on Tuesday, vowing ..."):
# the main clause's action and its object (actions.main_action), the same names, years and figures, and
# an embedding cosine no lower than one event's (EVENT_SEMANTIC).
ACTION_SEMANTIC = 0.45

# --------------------------------------------------------------------------- pair decisions


def name_mismatch(a: Features, b: Features) -> int:
    """Names on one side that the other side does not mention in any spelling we can see."""

    def missing(x: frozenset[str], other: Features) -> int:
        # a whole word, or a word starting with the same 5 letters ("Sergey" meets "Sergei"); a name
        # the other side carries too is shared, however it got there (an alias's holder: "Bazoum"
        # stands for its learned surname on both sides, which neither sentence spells)
        # (a short name in the possessive, "SVB's", "Khan's", is that name: no 5-letter prefix finds it)
        padded = other.padded
        count = 0
        for n in x - other.names:
            for probe in _name_probes(n):
                if probe in padded:
                    break
            else:
                count += 1
        return count

    if not (a.names and b.names):
        return 0  # a side naming no one misses nothing (the check runs on every candidate pair)
    ma = missing(a.names, b)
    return min(ma, missing(b.names, a)) if ma else 0


@lru_cache(maxsize=1 << 14)
def _name_probes(name: str) -> tuple[str, ...]:
    """How another sentence (its padded normal form) may spell a name: the whole word, its first 5
    letters (from 5 letters on), the word before an apostrophe. Kept per name: asked of every pair."""
    prefix = (f" {name[:5]}",) if len(name) >= 5 else ()
    return (f" {name} ", *prefix, *_demonym_probe(name), f" {name}'", f" {name}’")


def _demonym_probe(name: str) -> tuple[str, ...]:
    """A people's adjective names its place ("Chinese" / "China", "Iranian" / "Iran"), which its first
    5 letters do not find when the two part before them: the place's stem (4 letters at least)."""
    for ending in PLACE_STEM_ENDINGS:
        stem_ = name[: -len(ending)]
        if name.endswith(ending) and len(stem_) >= 4:
            return (f" {stem_}",)
    return ()


def quantities_agree(a: Features, b: Features) -> bool:
    """Same fact needs the same figures: each kind (and unit) both sentences mention shares a value.

    A kind only one side mentions is no disagreement (a sentence may add a detail, or a
    starting point: "from 6.25% to 6.75%" vs "to 6.75%"); a kind both mention with no
    common value is ("in 2019" vs "in 2020"). Differing figures about the same thing
    next to a shared one are caught by conflicting_quantities.
    """
    for q in a.quantities:
        same_kind = [r for r in b.quantities if r.kind == q.kind and (q.kind != "number" or r.unit == q.unit)]
        if not same_kind or any(q.same_value(r) for r in same_kind):
            continue
        mine = [x for x in a.quantities if x.kind == q.kind and (q.kind != "number" or x.unit == q.unit)]
        if not any(x.same_value(r) for x in mine for r in same_kind):
            return False
    return not (a.years and b.years and not a.years & b.years)


def containment(a: Features, b: Features) -> float:
    """Share of the shorter sentence's content words that the longer one also has; 0 when the
    shorter is a small part of the longer (under CONTAIN_PART of its words): a long sentence stating
    several facts ("struck a deal on Wednesday that called for a transition away from fossil fuels
    and operationalised a loss-and-damage fund") contains each of them, and joining each to it
    chained the deal and "the fund was operationalised on the first day" into one fact."""
    short, long_ = (a.content, b.content) if len(a.content) <= len(b.content) else (b.content, a.content)
    if len(short) < 4 or len(short) < CONTAIN_PART * len(long_):
        return 0.0
    return len(short & long_) / len(short)


def can_anchor(q: Quantity) -> bool:
    """Years and bare small numbers are shared by too many unrelated sentences to anchor a fact."""
    return q.kind != "year" and not (q.kind == "number" and (not q.unit or q.value[0] < 3))


def shared_anchor(a: Features, b: Features) -> bool:
    """Both sentences give the same specific figure about the same thing ("first visit in 9 years").

    A shared figure with a shared nearby word is strong evidence of one fact even when
    the rest of the two sentences differ, which plain text similarity cannot see.
    """
    for q in a.quantities:
        if not can_anchor(q):
            continue  # "two countries", "one side": determiners more than figures
        for r in b.quantities:
            if (
                r.kind == q.kind
                and r.unit == q.unit
                and q.same_value(r)
                and q.relatedness(r) >= RELATED_CONTEXT
            ):
                return True
    return False


def weighted_overlap(a: Features, b: Features, idf: dict[str, float]) -> float:
    """IDF-weighted Dice of content stems: paraphrases share the topic's rare words even
    when their wording (and so their n-gram cosine) differs."""
    wa = sum(idf.get(w, 1.0) for w in a.content)
    wb = sum(idf.get(w, 1.0) for w in b.content)
    shared = sum(idf.get(w, 1.0) for w in a.content & b.content)
    return 2 * shared / (wa + wb) if wa + wb else 0.0


def content_idf(feats: list[Features]) -> dict[str, float]:
    """IDF of content stems over the topic's points (rare stems say most about which fact)."""
    import math

    df: dict[str, int] = defaultdict(int)
    for f in {id(f): f for f in feats}.values():
        for w in f.content:
            df[w] += 1
    n = len(feats)
    return {w: math.log((n + 1) / (d + 1)) + 1 for w, d in df.items()}


# The rule of `same_fact` that joined a pair ("" when none did)
JoinRule = Literal["", "lexical", "event", "restated", "contained", "anchor", "overlap", "semantic", "action"]


class Verdict(NamedTuple):
    """One pair's decision: one fact?, the adjusted score, and the rule that joined it ("" when none).
    Clustering asks which rule: a pair joined by its main action alone must share its figures."""

    dup: bool
    score: float
    rule: JoinRule = ""


def same_fact(
    sim: float,
    a: Features,
    b: Features,
    idf: dict[str, float] | None = None,
    semantic: float | None = None,
    same_source: bool = False,
    distinct: float | None = None,
) -> Verdict:
    """Decide one candidate pair.

    sim is the lexical similarity; semantic (embedding cosine, when a model is installed)
    accepts paraphrases that share few words, but only across sources (one source does not
    restate itself in other words) and with agreeing figures, names and years; distinct is the
    embedding cosine without the topic's common direction (see semantic_paraphrase).
    """
    if sim < min(ANCHOR_MIN_SIM, CONTAIN_MIN_SIM):
        return Verdict(False, sim)  # cheap exit: most candidate pairs are far below every rule
    mismatch = name_mismatch(a, b)
    score = sim - NAME_PENALTY * mismatch
    event = (
        semantic is not None
        and not same_source
        and semantic >= EVENT_SEMANTIC
        and mismatch <= EVENT_NAME_SLACK
        and same_event(a, b)
        and not other_actions(main_action_of(a), main_action_of(b))
    )
    restated = (
        same_source
        and 0 < mismatch <= RESTATED_NAME_SLACK
        and sim >= ANCHOR_MIN_SIM
        and bool(a.names & b.names)
        and restated_measure(a, b)
    )
    if mismatch and not (event or restated):
        return Verdict(False, score)  # each side names someone or somewhere the other does not: two facts
    if a.future != b.future:
        return Verdict(False, score)  # "will raise prices" and "raised prices" are two events
    if not quantities_agree(a, b) or conflicting_quantities(a, b) or conflicting_quantities(b, a):
        return Verdict(False, score)
    if score >= DUP_THRESHOLD:
        return Verdict(True, score, "lexical")
    joined = max(score, DUP_THRESHOLD)
    if event or restated:
        return Verdict(True, joined, "event" if event else "restated")
    if containment(a, b) >= CONTAIN_THRESHOLD and score >= CONTAIN_MIN_SIM:
        return Verdict(True, joined, "contained")
    if (
        score >= ANCHOR_MIN_SIM
        and shared_anchor(a, b)
        and mismatch == 0
        and (same_source or not _detail_beside_day(a, b))
    ):
        return Verdict(True, joined, "anchor")
    if (
        idf is not None
        and score >= OVERLAP_MIN_SIM
        and mismatch == 0
        and weighted_overlap(a, b, idf) >= OVERLAP_DICE
    ):
        return Verdict(True, joined, "overlap")
    if (
        semantic is not None
        and score >= SEMANTIC_MIN_SIM
        and semantic_paraphrase(score, semantic, a, b, same_source, distinct)
    ):
        return Verdict(True, joined, "semantic")
    # asked last, of pairs no other rule joins (the main action is read lazily, per sentence)
    if (
        semantic is not None
        and not same_source
        and semantic >= ACTION_SEMANTIC
        and mismatch == 0
        and same_action(main_action_of(a), main_action_of(b))
        and (same_years(a, b) or not (a.years and b.years))  # a sentence giving no time tells the news
        and not (_figure_of_its_own(a, b, spans=False) or _figure_of_its_own(b, a, spans=False))
    ):
        return Verdict(True, joined, "action")
    return Verdict(False, score)


def same_event(a: Features, b: Features) -> bool:
    """Both sentences date one event of one kind on one day (see features.event_claims) and name
    its subject (when both name anyone): one claim however each source words it ("Silicon Valley Bank collapsed on 10
    March" / "SVB was closed by the California regulator on March 10, 2023")."""
    if not (a.events and b.events):
        return False
    if a.names and b.names and not (_names_first(a, b) or _names_first(b, a)):
        return False  # another subject ("Eastfield Bank" beside "Northfield Bank"); a side naming no
        # one leaves its subject to the other's ("The top court on Sunday scaled back the quota")
    if _figure_of_its_own(a, b) or _figure_of_its_own(b, a):
        return False  # a figure only one side gives is a detail the merged fact would lose ("the
        # nation's 16th largest bank collapsed on mar. 10"): that sentence stays a fact of its own
    if not (_days_within(a, b) and _days_within(b, a)):
        return False  # one side dates another event too ("declared himself leader on Friday, after ...")
    return any(ka == kb and dates_agree(da, db) for ka, da in a.events for kb, db in b.events)


def restated_measure(a: Features, b: Features) -> bool:
    """Both give one measured figure (an amount, a share, a count of a unit; not a date, a year or a
    bare number: "200 km", "$42 billion", "60%") about the same thing: shared nearby words, the
    nearest one shared. Asked only within one source, where one figure told twice is one fact."""
    return any(
        can_anchor(q)
        and q.kind != "date"
        and r.kind == q.kind
        and r.unit == q.unit
        and q.same_value(r)
        and q.relatedness(r) >= RELATED_CONTEXT
        and nearest_shared(q, r)
        for q in a.quantities
        for r in b.quantities
    )


def _names_first(a: Features, b: Features) -> bool:
    """The name a mentions first (most often its subject) is named by b too, in any spelling."""
    first = min(a.names, key=lambda n: (a.padded.find(f" {n} ") % (len(a.padded) + 1), n))
    return first in b.names or f" {first} " in b.padded or (len(first) >= 5 and f" {first[:5]}" in b.padded)


def _detail_beside_day(a: Features, b: Features) -> bool:
    """Two sentences of two sources that share only a day, one giving a figure the other lacks: two
    facts of one day (the fact with the figure would lose it), not one fact told twice. (Within one
    source the rule does not apply: a page's body restates its lead's figures beside new ones.)"""
    if shared_figure(a, b, dates=False):
        return False
    return _figure_of_its_own(a, b) or _figure_of_its_own(b, a)


def time_span(q: Quantity) -> bool:
    """ "after seven years of hostility", "within two months": how long, a detail of time like a date."""
    return q.kind == "number" and q.unit in DURATION_STEMS


def _figure_of_its_own(a: Features, b: Features, spans: bool = True) -> bool:
    """a gives a figure (not a date, a year or a bare small number; not a span of time unless `spans`)
    that b does not."""
    return any(
        can_anchor(q)
        and q.kind != "date"
        and (spans or not time_span(q))
        and not any(q.same_value(r) for r in b.quantities if r.kind == q.kind)
        for q in a.quantities
    )


def _days_within(a: Features, b: Features) -> bool:
    """Every day a dates an event on, b dates one on too (a year one side leaves out aside)."""
    return all(any(dates_agree(x, y) for _, y in b.events) for _, x in a.events)


def semantic_paraphrase(
    score: float,
    semantic: float,
    a: Features,
    b: Features,
    same_source: bool = False,
    distinct: float | None = None,
) -> bool:
    """One fact in other words: the same specific figure said alike ("consumer prices rose 9%" /
    "inflation reached nine per cent"), or close embeddings of sentences that also share words
    and say nothing the other lacks in time or figures (same years, figures on both sides or none).
    Within one source only the first: a page restates its lead's figure in its body ("shaken by an
    earthquake with a magnitude of 6.9" / "the earthquake with a magnitude of 6.9 occurred at
    23:11"), but close embeddings alone are most often two points of one story. Across sources,
    `distinct` (the cosine without the topic's common direction) can stand for the plain cosine:
    it sees what two sentences of one topic say, not the topic they share."""
    if semantic >= SEMANTIC_ANCHOR and shared_figure(a, b, dates=False):
        return True
    if not same_source and semantic >= SEMANTIC_ANCHOR and same_year_about_same_thing(a, b):
        return True
    if same_source:
        return False
    close = semantic >= SEMANTIC_DUP and score >= SEMANTIC_DUP_MIN_SIM
    close_apart = distinct is not None and distinct >= SEMANTIC_DISTINCT_DUP and score >= SEMANTIC_DUP_MIN_SIM
    if not (close or close_apart) or not same_years(a, b):
        return False
    return _has_figures(a) == _has_figures(b)


def same_year_about_same_thing(a: Features, b: Features) -> bool:
    """Two sources date one action to one past year in their own words ("scrapped the quota system in
    2018" / "had previously suspended the quotas in 2018"): the year is the claim's figure when both
    give the same years, it stands among shared words, and neither gives a figure the other lacks.
    (A year alone anchors nothing: shared_figure leaves years out; the embedding must agree too.)"""
    if not a.years or a.years != b.years or _figure_of_its_own(a, b) or _figure_of_its_own(b, a):
        return False
    return any(
        q.kind == "year" and r.kind == "year" and q.same_value(r) and q.relatedness(r) >= RELATED_CONTEXT
        for q in a.quantities
        for r in b.quantities
    )


def same_years(a: Features, b: Features) -> bool:
    """Both sentences are about the same years. A date one side gives without its year and the
    other with it ("shut down on March 10" / "closed on March 10, 2023") is one day, not a year
    only one side names."""
    if a.years == b.years:
        return True
    return _years_beyond_shared_days(a, b) == _years_beyond_shared_days(b, a)


def _years_beyond_shared_days(a: Features, b: Features) -> frozenset[int]:
    """a's years, less those of a's dates whose day b gives without a year."""
    open_days = {q.value[1:] for q in b.quantities if q.kind == "date" and q.value[0] is None and q.value[2]}
    implied = {
        q.value[0] for q in a.quantities if q.kind == "date" and q.value[0] and q.value[1:] in open_days
    }
    said = {q.value[0] for q in a.quantities if q.kind == "year"}
    return frozenset(y for y in a.years if y not in implied or y in said)


def _has_figures(f: Features) -> bool:
    """Any figure or date but a year or a bare "one"/"two" (which are words more than figures)."""
    return any(q.kind != "year" and not (q.kind == "number" and q.value[0] < 3) for q in f.quantities)


def shared_figure(a: Features, b: Features, dates: bool = True) -> bool:
    """Both give one specific figure (not a year, not a bare small number; not a date unless
    `dates`: the event's date is in half the topic's sentences) of the same kind and unit."""
    return any(
        can_anchor(q)
        and (dates or q.kind != "date")
        and r.kind == q.kind
        and r.unit == q.unit
        and q.same_value(r)
        for q in a.quantities
        for r in b.quantities
    )


NEAR_OTHER = (
    6  # words: the word closest to one figure must be this near the other (or twice its own distance)
)


def nearest_shared(q: Quantity, r: Quantity) -> bool:
    """The word closest to one figure is near the other too: "arrived on" vs "left on" is no conflict;
    nor, for figures, is "85 percent of the deposits were uninsured" vs "its stock fell 60 percent ...
    depositors" (the deposits are a dozen words from the stock's fall). A date's word may sit farther
    ("passed an inspection in March 2024" / "its inspection ... took place in March 2023")."""

    measured = q.kind != "date" and r.kind != "date"  # a date's words sit farther: "took place in March"

    def shared(x: Quantity, y: Quantity) -> bool:
        if not x.context:
            return False
        d = min(x.context.values())
        limit = max(NEAR_OTHER, 2 * d) if measured else float("inf")  # as near to y, or twice as far
        return any(dist == d and w in y.context and y.context[w] <= limit for w, dist in x.context.items())

    return shared(q, r) or shared(r, q)


def conflicting_quantities(a: Features, b: Features) -> list[tuple[Quantity, Quantity]]:
    """Pairs of figures of the same kind, about the same thing (shared nearby words), that differ.

    Years are not conflict values: a different year marks a different fact. A figure
    whose best-matching counterpart has the same value is agreement, not conflict.
    """
    out = []
    if direction(a.norm) * direction(b.norm) < 0:
        return out  # one rose, the other fell: two movements, not one figure reported twice
    for q in a.quantities:
        if q.kind == "year" or (
            q.kind != "date" and any(q.same_value(r) for r in b.quantities if r.kind == q.kind)
        ):
            continue  # the other sentence gives this figure too ("up from 14%" on both sides)
        scored = [
            (q.relatedness(r), r)
            for r in b.quantities
            if r.kind == q.kind and (q.kind != "number" or (q.unit and r.unit == q.unit))
        ]
        scored = [(sc, r) for sc, r in scored if sc >= RELATED_CONTEXT and nearest_shared(q, r)]
        if not scored:
            continue
        best = max(sc for sc, _ in scored)
        if any(q.same_value(r) and sc >= 0.8 * best for sc, r in scored):
            continue
        r = max(scored, key=lambda t: t[0])[1]
        if planned(q) != planned(r):
            continue  # a target ("pledged to double trade to $10 billion") is not a reported figure
        if r.kind == "date" or not any(r.same_value(x) for x in a.quantities if x.kind == r.kind):
            out.append((q, r))
    return out


def related_enough(sim: float, a: Features, b: Features) -> bool:
    """Two sentences are about the same fact enough for differing figures to be a conflict.

    A name only one side has (Senate vs House, Dakar vs Kigali) means two facts, not one
    fact reported two ways.
    """
    return sim >= RELATED_THRESHOLD and name_mismatch(a, b) == 0


def quantity_pairs(
    feats: list[Features], points: list[Point], max_bucket: int = 300
) -> list[tuple[int, int]]:
    """Pairs of points of different sources giving one specific figure (kind, value, unit) or dating
    one kind of event on one day, from an inverted index: candidates for duplicates that share a
    figure or an event but few words."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        keys = {
            (q.kind, q.value[:1] if q.kind != "date" else q.value[1:], q.unit)
            for q in f.quantities
            if can_anchor(q)
        }
        keys |= {("event", kind, day[1:], "") for kind, day in f.events}  # one event, one day (weekdays too)
        for key in keys:
            buckets[key].append(i)
    # a figure every point gives says nothing about which fact; a page restates its own lead's figure
    # in its body too, so pairs of one source are candidates as well
    return cross_source_pairs(
        buckets, [p.source_id for p in points], lambda key: max_bucket, same_source=True
    )


def cross_source_pairs(
    buckets: dict[tuple, list[int]],
    source_of: list[str],
    cap: Callable[[tuple], int],
    same_source: bool = False,
) -> list[tuple[int, int]]:
    """Every pair (i < j) of items of two sources (of any source, with `same_source`) sharing a
    bucket, skipping buckets larger than cap(key): a key that many items share says nothing about
    which fact (keeps the cost linear)."""
    pairs = set()
    for key, members in buckets.items():
        if len(members) > cap(key):
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if same_source or source_of[i] != source_of[j]:
                    pairs.add((i, j))
    return sorted(pairs)
