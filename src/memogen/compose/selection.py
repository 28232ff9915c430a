"""Selection: the most salient points that fit the word budget, none saying what another says (MMR).

Why this shape: fixed shares per section left memos short (a section's unused words were lost)
and starved What happened when one source dominated. Here one greedy pass over all sections
takes, at each step, the point with the best salience less its similarity to what is already
chosen (maximal marginal relevance, Carbonell & Goldstein 1998), so the budget follows the
content. What happened comes first: its best point is taken before anything else. A section
still empty earns a bonus, so a long memo has all three parts when the sources give them. Words
are the memo's words: a footnote's page space is the layout's business (see fit.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from ..merge.lexicon import DURATION_STEMS, UNIT_CONVERSIONS
from ..merge.quantities import Quantity, extract_quantities, says_figure
from ..model import SECTION_KEYS, DroppedPoint, MergedPoint, SectionKey
from .salience import DISPUTED, SHORT_MEMO, WEIGHTS, Salience
from .similarity import PointVectors

NOVELTY = 0.3  # weight of the concepts a point adds, against its salience
SINGLE_SOURCE_CONCEPT = 1.0  # what one source alone says still counts, less than what two say
# This similar to a chosen point, it says the same again: n-gram cosine (wording) and the
# merger's content-stem overlap (paraphrase) each have their own bar, as a share of which
# `closest` is kept (1 = a repeat).
REPEATS_WORDING = 0.4
REPEATS_CONTENT = 0.25
# A point past a bar with this share of its content (IDF-weighted stems) in none of the chosen
# points it is like says something else too: it still competes, its gain scaled by PARTLY_SAID
# times that share, so it comes after what is wholly new and before what names and counts nothing.
SAYS_MORE = 0.7
PARTLY_SAID = 0.25
JUST_PAST = 0.6  # ... scaled less the nearer it is to the bar (see `partly_said`)
# ... unless it is this far past a bar: wording that close to a chosen point's is the same
# statement in other words ("suspended the quotas in 2018 ... their reintroduction by the High
# Court" beside "scrapped the quota system in 2018, but the High Court reinstated it"), and its
# stems differ only by synonyms
SAME_STATEMENT = 1.5
# A point past a bar but mostly said still competes when it counts a thing no chosen point counts
# (see `Greedy.counts_anew`), if at least this share of its content is its own
OWN_COUNT_SHARE = 0.5
NOT_QUITE_A_REPEAT = 0.99  # the most a point can be "like" one whose figure is of another thing
ANOTHER_READING = 2.0  # a figure within this factor of a disputed one may be another reading of it
SECTION_PRIOR: dict[str, float] = {"what_happened": 1.0, "background": 0.9, "what_it_means": 0.9}
DISAGREEMENT = 1.0  # a point that says where sources disagree: the memo must say it ...
ROOM_FOR_DISAGREEMENT = 1000  # ... in full from this budget on; a 100-word memo states the event first
EMPTY_SECTION_BONUS = 0.25  # in full from ROOM_FOR_DISAGREEMENT words on: a short memo states the event first
# Background and analysis earn the same bonus until they hold this share of the budget, for a
# point of some salience among its section's own (analysis ranks low on event evidence: lead
# position, figures; a reader still expects a real What-it-means when the sources offer one).
SECTION_FLOOR: dict[str, float] = {"what_happened": 0.0, "background": 0.1, "what_it_means": 0.1}
OPENING_COST = 0.25  # the opening point is charged its length only this much: the event, told in full
STATEMENT_SHARE = 0.15  # a point's disagreement statements may take this share of the budget (a short memo states the facts first)
# All statements together: that share of a short memo, growing steeply to most of one of
# ROOM_FOR_DISAGREEMENT words (a 250-word COP28 memo gave 68 of its words to three disagreements,
# one of them on the attendance).
STATEMENT_GROWTH = 4
EMPTY_SECTION_FLOOR = 0.3  # ... only for a point of some salience (no sidebar teaser fills a section)
COST_EXPONENT = 0.5  # gain per word^COST_EXPONENT: a long point must say more to beat two short ones
TYPICAL_WORDS = 25
SHORTEST = 20  # a point shorter than this is charged as this long: saying little is no merit
POOL = 400  # only the best points by salience compete (keeps selection linear in topic size)
# A source's lead (its page's news) whose outlet the memo does not cite yet earns this bonus in a
# memo with room for a typical point per source, fading out at SHORT_MEMO words (see `lead_room`),
NEW_SOURCE_LEAD = 0.6
CHECKABLE_LEAD = 0.75  # ... when it is checkable: names and figures (salience.specificity) this much


def words(text: str) -> int:
    return len(text.split())


def point_words(point: MergedPoint) -> int:
    """Words a point costs in the budget: its text and its conflict statements."""
    return words(point.text) + sum(words(c.statement) for c in point.conflicts)


@dataclass
class Selection:
    chosen: dict[SectionKey, list[MergedPoint]]
    dropped: list[DroppedPoint] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)  # point id -> why it is in the memo


def section_floors(budget: int) -> dict[str, float]:
    """Words each section earns its floor bonus for: a share of the budget growing with it (a
    100-word memo states the event first), none below one typical point's length."""
    out = {}
    for key, share in SECTION_FLOOR.items():
        floor = share * budget * min(1.0, budget / ROOM_FOR_DISAGREEMENT)
        out[key] = floor if floor >= TYPICAL_WORDS else 0.0
    return out


def shown_salience(point: MergedPoint, salience: dict[str, Salience]) -> float:
    """The point's salience as the memo will state it: a point whose disagreement statements the
    budget leaves out (`conflicts` emptied) earns nothing for them.

    Why: a 100-word memo opened with "COP28 concluded ... chaired by Sultan Al Jaber" for the
    disagreement on its dates, which it then had no room to state.
    """
    s = salience[point.id]
    return s.total - DISPUTED * (s.disputed and not point.conflicts)


def unstated_salience(point: MergedPoint, salience: dict[str, Salience]) -> float:
    """The point's salience were it chosen without its disagreement statements.

    Why: a point competes both with its statements and without them (then their words go to
    facts): once two statements of a summit's shares of the world were found, its 250-word memo
    gave them its words and lost two key facts (BRICS 11 -> 9 of 24); a short memo states the
    facts first. How freely a point goes without them falls steeply with the budget (1 -
    room**STATEMENT_GROWTH, as the statements' share grows): a memo of ROOM_FOR_DISAGREEMENT
    words states every one.
    """
    s = salience[point.id]
    return s.total - DISPUTED * s.disputed


def is_aside(point: MergedPoint, salience: dict[str, Salience]) -> bool:
    """A report far from the event in meaning and without salience to outweigh it: no leftover
    words are worth it ("Hopes and ambitions for exceptional outcomes were high." closed a
    100-word memo). Analysis is exempt: an op-ed's verdict is far from the headlines by nature."""
    far = salience[point.id].off_topic and point.section != "what_it_means"
    return far and shown_salience(point, salience) <= 0


def section_relative(pool: list[MergedPoint], salience: dict[str, Salience]) -> np.ndarray:
    """Each point's salience as a share of the best in its own section."""
    top: dict[str, float] = {}
    for p in pool:
        top[p.section] = max(top.get(p.section, 0.0), shown_salience(p, salience))
    return np.array([max(0.0, shown_salience(p, salience)) / (top[p.section] or 1.0) for p in pool])


def concept_weights(points: list[MergedPoint], concepts: list[frozenset[str]]) -> dict[str, float]:
    """A concept (content stem or figure) weighs as many sources as state it (Gillick & Favre 2009):
    what several outlets report is what the event is."""
    sources: dict[str, set[str]] = {}
    for p, cs in zip(points, concepts, strict=True):
        for c in cs:
            sources.setdefault(c, set()).update(p.source_ids)
    return {c: len(ids) - 1 + SINGLE_SOURCE_CONCEPT for c, ids in sources.items()}


def select(
    points: list[MergedPoint],
    salience: dict[str, Salience],
    vectors: PointVectors,
    row: dict[str, int],
    budget: int,
    never: Callable[[MergedPoint], str | None] | None = None,
) -> Selection:
    """Greedy choice under the word budget; `row` maps a point id to its row in `vectors`.

    Each step takes the point whose gain per word is highest: the weight of the concepts it
    adds to the memo (what is already said adds nothing) plus its salience. `never`: why a point
    may not be chosen, or None (a block quotation's first-person sentence); asked of the pool
    only. Such a point still counts as a candidate (what it says weighs its concepts), and its
    words go to the others.
    """
    ranked = sorted(points, key=lambda p: -salience[p.id].total)
    pool, rest = ranked[:POOL], ranked[POOL:]
    brief = drop_long_statements(pool, budget)
    candidates = Candidates.of(pool, salience, vectors, row, budget, never)
    candidates.rank = {p.id: k + 1 for k, p in enumerate(ranked)}
    greedy = Greedy(candidates, BudgetShares.of(budget), salience, vectors, brief)
    while True:
        repeat = greedy.repeats()
        fits = greedy.fitting(repeat)
        if not fits.any():
            break
        k, gain = greedy.best(fits)
        greedy.take(k, gain)
        greedy.hand_statements(k, greedy.mark_like(k))
    out = greedy.out
    out.dropped.extend(greedy.left_out(repeat))
    out.dropped.extend(below_pool(rest, budget))
    for ps in out.chosen.values():
        for p in ps:
            told_beside_own_figure(p)
    return out


def drop_long_statements(pool: list[MergedPoint], budget: int) -> set[str]:
    """Empties the disagreement statements of each point whose statements alone pass their share
    of the budget; returns those points' ids (a 100-word memo states the event, not every
    source's figure for it)."""
    brief = {p.id for p in pool if point_words(p) - words(p.text) > STATEMENT_SHARE * budget}
    for p in pool:
        if p.id in brief:
            p.conflicts = []
    return brief


@dataclass
class BudgetShares:
    """What the budget's size grants: a short memo states the event before all else."""

    words: int
    room: float  # the budget's share of ROOM_FOR_DISAGREEMENT (at most 1)
    floor: dict[str, float]  # words each section earns its floor bonus for
    section_bonus: float
    statements: int  # words for saying where sources differ: most of a long memo, a share of a short one
    spare: (
        float  # how freely a point goes without its statements: freely in a short memo, never in a long one
    )

    @classmethod
    def of(cls, budget: int) -> BudgetShares:
        room = min(1.0, budget / ROOM_FOR_DISAGREEMENT)
        return cls(
            words=budget,
            room=room,
            floor=section_floors(budget),
            section_bonus=EMPTY_SECTION_BONUS * room,
            statements=int(budget * (STATEMENT_SHARE + (1 - STATEMENT_SHARE) * room**STATEMENT_GROWTH)),
            spare=1 - room**STATEMENT_GROWTH,
        )


@dataclass
class Candidates:
    """The pool's fixed figures: what each point is worth and costs before anything is chosen."""

    points: list[MergedPoint]
    rows: np.ndarray
    concepts: list[frozenset[str]]
    weight: dict[str, float]  # concept -> its weight (`concept_weights`)
    unit: float  # the median point's concept mass: new content is counted in it
    relevance: np.ndarray  # salience as a share of the best, times the section's prior
    bare_relevance: np.ndarray  # ... were the point chosen without its disagreement statements
    in_section: np.ndarray  # salience as a share of the best in its section
    prior: np.ndarray
    cost: np.ndarray  # words, with its statements
    size: np.ndarray  # cost in typical points (no point shorter than SHORTEST)
    bare_size: np.ndarray  # ... without its statements
    stated: np.ndarray  # has disagreement statements
    is_wh: np.ndarray
    lead_gain: np.ndarray  # bonus of a source's lead while its outlet is new to the memo
    day_gain: np.ndarray  # what giving the event's day adds, until a chosen point has given it
    aside: np.ndarray
    bar: list[str | None]  # why each may not be chosen
    quotes: list[set[frozenset[str]]]
    rank: dict[str, int] = field(default_factory=dict)  # point id -> rank by salience among all points

    @classmethod
    def of(
        cls,
        pool: list[MergedPoint],
        salience: dict[str, Salience],
        vectors: PointVectors,
        row: dict[str, int],
        budget: int,
        never: Callable[[MergedPoint], str | None] | None,
    ) -> Candidates:
        top = max((shown_salience(p, salience) for p in pool), default=1.0) or 1.0
        prior = np.array([SECTION_PRIOR[p.section] for p in pool])
        rows = np.array([row[p.id] for p in pool], dtype=np.int64)
        vectors.focus(list(rows))
        concepts = [vectors.concepts(row[p.id]) for p in pool]
        weight = concept_weights(pool, concepts)
        mass = np.array([sum(weight[c] for c in cs) for cs in concepts])
        cost = np.array([point_words(p) for p in pool])
        lead = np.array([news_lead(salience[p.id]) for p in pool])
        dated = np.array([WEIGHTS["dated"] * salience[p.id].dated for p in pool])
        return cls(
            points=pool,
            rows=rows,
            concepts=concepts,
            weight=weight,
            unit=float(np.median(mass)) if pool else 1.0,
            relevance=scaled(pool, salience, shown_salience, top),
            bare_relevance=scaled(pool, salience, unstated_salience, top),
            in_section=section_relative(pool, salience),
            prior=prior,
            cost=cost,
            size=np.maximum(cost, SHORTEST) / TYPICAL_WORDS,
            bare_size=np.maximum(np.array([words(p.text) for p in pool]), SHORTEST) / TYPICAL_WORDS,
            stated=np.array([bool(p.conflicts) for p in pool]),
            is_wh=np.array([p.section == "what_happened" for p in pool]),
            lead_gain=NEW_SOURCE_LEAD * lead_room(pool, budget) * lead,
            day_gain=dated / top * prior,
            aside=np.array([is_aside(p, salience) for p in pool], dtype=bool),
            bar=[never(p) if never else None for p in pool],
            quotes=[quotations(p.text) for p in pool],
        )


def scaled(
    pool: list[MergedPoint],
    salience: dict[str, Salience],
    of: Callable[[MergedPoint, dict[str, Salience]], float],
    top: float,
) -> np.ndarray:
    """Each point's salience (`of`) as a share of the best, times its section's prior."""
    return np.array([max(0.0, of(p, salience)) / top * SECTION_PRIOR[p.section] for p in pool])


@dataclass
class Gain:
    """What the chosen point brought, for the reason the memo keeps it."""

    new: float  # concepts it added, in median points
    bare: bool  # taken without its disagreement statements
    dated_again: bool  # it gives the event's day, which a chosen point gave already


class Greedy:
    """The memo as chosen so far, and how like a chosen point each open point is."""

    def __init__(
        self,
        c: Candidates,
        budget: BudgetShares,
        salience: dict[str, Salience],
        vectors: PointVectors,
        brief: set[str],
    ) -> None:
        n = len(c.points)
        self.c, self.budget, self.salience, self.vectors, self.brief = c, budget, salience, vectors, brief
        self.out = Selection(chosen={k: [] for k in SECTION_KEYS})
        self.left = budget.words
        self.statements_left = budget.statements
        self.handed: set[str] = set()  # repeats whose disagreement statements a chosen point took
        self.section_words: dict[str, int] = dict.fromkeys(SECTION_KEYS, 0)
        self.covered: set[str] = set()
        self.cited: set[str] = set()  # the sources of the points chosen
        self.closest = np.zeros(n)
        self.closest_id: list[str | None] = [None] * n
        self.marked = np.zeros(
            n, dtype=bool
        )  # like a chosen point by its figures or its quotation, not its words
        self.open_ = np.ones(n, dtype=bool)
        self.barred = np.array([b is not None for b in c.bar], dtype=bool)
        self.disputed = c.stated * budget.room
        self.leads_count = bool(c.lead_gain.any())
        self.unsaid = Unsaid(vectors.idf, c.concepts)
        self.taken: list[int] = []
        self.stated: list[list[Quantity]] = []  # the figures the chosen points' statements give
        self._figures: dict[int, tuple[list[Quantity], list[Quantity]]] = {}

    def repeats(self) -> np.ndarray:
        """The open points that say again what the chosen ones say (see `Unsaid.repeats`), but
        for those that count what no chosen point counts (`counts_anew`)."""
        handed = [p.id in self.handed for p in self.c.points]
        repeat = self.unsaid.repeats(self.closest, handed_off=handed)
        maybe = repeat & self.open_ & ~self.marked & (self.closest < SAME_STATEMENT)
        maybe &= self.unsaid.share >= OWN_COUNT_SHARE
        for j in np.flatnonzero(maybe):
            if self.counts_anew(int(j)):
                repeat[j] = False
        return repeat

    def counts_anew(self, j: int) -> bool:
        """Point j gives a count of a thing no chosen point counts (its figure's noun and value
        are in none of theirs, nor in their statements).

        Why: a sentence sharing a chosen one's setting can carry the only count of something
        else ("Over 5,000 candidates ... competed for 266 directly elected seats" beside "held
        its 12th General Election ... in 855 constituencies including 266 ..."): 68 % of its
        content its own, just under SAYS_MORE, it was cut as a repeat and the count went with it.
        """
        counts = self.figures(j)[0]
        if not counts:
            return False
        told = [self.figures(k)[1] for k in self.taken] + self.stated
        units = {t.unit for ts in told for t in ts}
        return any(
            q.unit not in units and not any(q.same_value(t) for ts in told for t in ts) for q in counts
        )

    def figures(self, k: int) -> tuple[list[Quantity], list[Quantity]]:
        """Point k's counts of things (`named_counts`) and all its figures, read once."""
        if k not in self._figures:
            self._figures[k] = figures_of(self.c.points[k].text)
        return self._figures[k]

    def fitting(self, repeat: np.ndarray) -> np.ndarray:
        """The points that may still be chosen: open, within the words left, no repeat, aside or bar."""
        c = self.c
        return self.open_ & (c.cost <= self.left) & ~repeat & ~c.aside & ~self.barred

    def best(self, fits: np.ndarray) -> tuple[int, Gain]:
        """The point to take next: the best account of the event first, then the best gain per word."""
        c = self.c
        opening = not self.out.chosen["what_happened"] and bool((fits & c.is_wh).any())
        if opening:
            fits = fits & c.is_wh  # What happened opens the memo: its best point first
        new = self.new_content()
        worth, dated_again = self.worth()
        score, bare = self.scores(worth, new)
        if opening:  # the memo opens with the event: the most salient account of it that fits
            k = int(np.argmax(np.where(fits, c.relevance / c.size**OPENING_COST, -np.inf)))
        else:
            k = int(np.argmax(np.where(fits, score, -np.inf)))
        return k, Gain(float(new[k]), bool(bare[k]), bool(dated_again and c.day_gain[k]))

    def new_content(self) -> np.ndarray:
        """The weight of the concepts each point would add to the memo, in median points."""
        c = self.c
        new = [sum(c.weight[x] for x in cs if x not in self.covered) for cs in c.concepts]
        return np.array(new) / (c.unit or 1.0)

    def worth(self) -> tuple[np.ndarray, bool]:
        """Each point's salience now, with the bonuses of sections still thin, of disagreements
        and of new outlets' leads, less the day's rank once it is given; and whether it is."""
        c, budget = self.c, self.budget
        empty = np.array([not self.out.chosen[p.section] for p in c.points]) & (
            c.relevance >= EMPTY_SECTION_FLOOR
        )
        thin = np.array([self.section_words[p.section] < budget.floor[p.section] for p in c.points])
        # until a section holds its floor, its points compete by their rank among its own
        thin = thin & (c.in_section >= EMPTY_SECTION_FLOOR)
        ranked_in = np.where(thin, c.in_section * c.prior, c.relevance)
        worth = (
            np.maximum(c.relevance, ranked_in)
            + budget.section_bonus * (empty | thin)
            + DISAGREEMENT * self.disputed
        )
        dated_again = day_told(self.out.chosen, self.salience)
        worth = worth - c.day_gain * dated_again
        if self.leads_count:
            worth = worth + c.lead_gain * new_leads(c.points, self.cited)
        return worth, dated_again

    def scores(self, worth: np.ndarray, new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Gain per word of each point, with its statements or without them (whichever is worth
        more; returned as `bare`), discounted when it is partly said already."""
        c = self.c
        # salience per word^COST_EXPONENT; new content per word (a list of names is long, not dense)
        score = worth / c.size**COST_EXPONENT + NOVELTY * new / c.size
        bare_worth = worth - DISAGREEMENT * self.disputed - (c.relevance - c.bare_relevance)
        bare_score = self.budget.spare * (
            bare_worth / c.bare_size**COST_EXPONENT + NOVELTY * new / c.bare_size
        )
        bare = c.stated & (bare_score > score)  # its statements are worth less than the facts they displace
        score = np.where(bare, bare_score, score)
        partly = score * partly_said(self.closest, self.marked) * self.unsaid.share
        return np.where(self.closest >= 1.0, partly, score), bare

    def take(self, k: int, gain: Gain) -> None:
        """Puts point k in the memo and charges its words (its statements only when they fit)."""
        p = self.c.points[k]
        self.open_[k] = False
        if p.id in self.handed:  # the disagreements it handed on are stated with the point it was like
            before = point_words(p)
            stated = {id(x) for q in self.taken for x in self.c.points[q].conflicts}
            p.conflicts = [x for x in p.conflicts if id(x) not in stated]
            self.left += before - point_words(p)
        self.left -= int(self.c.cost[k])
        said = point_words(p) - words(p.text)
        if (
            said > self.statements_left or gain.bare
        ):  # a short memo states the facts before every count of them
            p.conflicts = []
            self.left += said
            self.brief.add(p.id)
        self.statements_left -= point_words(p) - words(p.text)
        self.covered |= self.c.concepts[k]
        self.taken.append(k)
        self.stated += [figures_of(v.value)[1] for x in p.conflicts for v in x.values]
        self.cited.update(p.source_ids)
        self.out.chosen[p.section].append(p)
        self.section_words[p.section] += int(self.c.cost[k])
        self.out.kept[p.id] = self.why_kept(k, gain)

    def why_kept(self, k: int, gain: Gain) -> str:
        p = self.c.points[k]
        return (
            f"kept: rank {self.c.rank[p.id]} by salience ({self.salience[p.id].describe()}), "
            f"new content {gain.new:.2f}"
            + ("; the event's day was given already: no rank for it" if gain.dated_again else "")
            + ("; where its sources differ is too long for this budget" if p.id in self.brief else "")
            + (
                f"; most similar chosen point {self.closest_id[k]} ({self.closest[k]:.2f} of the repeat bar)"
                if self.closest_id[k]
                else ""
            )
            + (
                f", but {self.unsaid.share[k]:.0%} of its content is said by none of the points it is like"
                if self.closest[k] >= 1.0
                else ""
            )
        )

    def mark_like(self, k: int) -> np.ndarray:
        """Records how like the chosen point k each open point is (by wording, content, the
        figures its statements report, its quotations); returns the points k newly repeats."""
        c, p = self.c, self.c.points[k]
        sims = np.maximum(
            self.vectors.similarity_to(int(c.rows[k]), c.rows) / REPEATS_WORDING,
            self.vectors.overlap_to(int(c.rows[k]), c.rows) / REPEATS_CONTENT,
        )
        told = reported_figures(p)
        if told:  # a point whose figures p's disagreement already reports for its sources says it again
            sims = self.mark(sims, lambda j: figures_told(c.points[j], told))
        if c.quotes[k]:  # a point quoting the words p quotes reports the same statement
            sims = self.mark(sims, lambda j: bool(c.quotes[k] & c.quotes[j]))
        for j in np.flatnonzero(self.open_ & (sims >= 1.0)):
            if c.points[j].conflicts and gives_another_figure(p, c.points[j]):
                sims[j] = min(sims[j], self.closest[j], NOT_QUITE_A_REPEAT)
        self.unsaid.said_beside(c.concepts[k], self.open_ & (sims >= 1.0))
        newly = self.open_ & (sims >= 1.0) & (self.closest < 1.0)
        better = sims > self.closest
        self.closest = np.where(better, sims, self.closest)
        self.closest_id = [p.id if b else x for b, x in zip(better, self.closest_id, strict=True)]
        return newly

    def mark(self, sims: np.ndarray, like: Callable[[int], bool]) -> np.ndarray:
        """Open points `like` the chosen one by a figure or quotation: past the bar, and marked."""
        mark = np.array([bool(self.open_[j] and like(j)) for j in range(len(sims))])
        self.marked = self.marked | mark
        return np.maximum(sims, mark)

    def hand_statements(self, k: int, newly: np.ndarray) -> None:
        """The points k now repeats hand it their disagreements, while the budget has words for them."""
        p = self.c.points[k]
        for j in np.flatnonzero(newly):
            before = point_words(p)
            room = min(
                self.left,
                self.statements_left,
                int(STATEMENT_SHARE * self.budget.words) - (before - words(p.text)),
            )
            if self.c.points[j].conflicts and take_conflicts(p, self.c.points[j], room):
                self.left -= point_words(p) - before
                self.statements_left -= point_words(p) - before
                self.handed.add(self.c.points[j].id)

    def left_out(self, repeat: np.ndarray) -> list[DroppedPoint]:
        """Each pool point not chosen, with why."""
        return [self.dropped(k, repeat) for k in np.flatnonzero(self.open_)]

    def dropped(self, k: int, repeat: np.ndarray) -> DroppedPoint:
        p, c, budget = self.c.points[k], self.c, self.budget.words
        if c.bar[k] is not None:
            reason = c.bar[k]
        elif c.aside[k]:
            reason = f"about something else than the event, and nothing else speaks for it: {self.salience[p.id].describe()}"
        elif repeat[k]:
            reason = (
                f"says again what {self.closest_id[k]} says (similarity {self.closest[k]:.2f} of the bar; "
                f"{self.unsaid.share[k]:.0%} of its content said by none of the points it is like)"
            )
            if p.id in self.handed:
                reason += "; its statement of where sources disagree moved there"
        else:
            reason = f"word budget ({budget} words): rank {c.rank[p.id]}, {self.salience[p.id].describe()}"
        return DroppedPoint(p.text, p.section, p.source_ids, reason)


_IN_A_NAME = re.compile(r"[A-Za-z][-‐–]$")


def figures_of(text: str) -> tuple[list[Quantity], list[Quantity]]:
    """The figures of `text` that count things ("5,000 candidates"), and all its figures: a span
    of time ("in 25 years"), a measure ("50 basis points", "200 km"), the size of what it
    describes ("a 277-page ruling"), a rank ("the third coup") or a figure in a name
    ("COVID-19") counts nothing."""
    figures = [q for q in extract_quantities(text) if q.kind in ("amount", "number", "percent")]
    counts = [
        q
        for q in figures
        if q.kind == "number"
        and q.unit
        and q.unit not in DURATION_STEMS
        and q.unit not in UNIT_CONVERSIONS
        and not q.sized
        and not q.ordinal
        and not in_a_name(text, q.display)
    ]
    return counts, figures


def in_a_name(text: str, display: str) -> bool:
    """The figure is written onto a word before it ("COVID-19", "Su-57")."""
    at = text.find(display)
    return at > 1 and bool(_IN_A_NAME.search(text, 0, at))


def below_pool(rest: list[MergedPoint], budget: int) -> list[DroppedPoint]:
    reason = f"word budget ({budget} words): below the {POOL} most salient points"
    return [DroppedPoint(p.text, p.section, p.source_ids, reason) for p in rest]


def lead_room(pool: list[MergedPoint], budget: int) -> float:
    """How much a source's lead counts for its outlet being new to the memo: in full for a memo with
    room for just one typical point per source, fading out at SHORT_MEMO words; 0 below that room.

    Why: what each outlet puts first is its page's news; a 250-word memo that took several points
    of one report left other reports' leads out (the lead baseline, each source's first sentence
    in turn, stated 13 of a held event's 25 key facts to memogen's 10). A memo too short for a
    point per source states the event's core instead (the bonus there traded its best points for
    coverage: devset 33 -> 25 % at 100 words), and a long one has room for every lead. Measured
    at 250 words (mean key-fact coverage): held 40.8 -> 44.8 %, devset 48 -> 51 %, tune 45.3 %,
    lavrov 47.6 % and every memo at 100 words unchanged.
    """
    sources = {s for p in pool for s in p.source_ids}
    if budget < TYPICAL_WORDS * len(sources):
        return 0.0
    return max(0.0, 1 - budget / SHORT_MEMO)


def news_lead(s: Salience) -> bool:
    """A source's lead that names and counts (salience.specificity): its page's news.

    Why checkable: an analysis brief opens on a framing ("Historical legacies and over-reliance on
    the West had constrained progress"), no news; with every lead counted, lavrov's 250-word memo
    took it and lost the trade figure and the pipeline (47.6 -> 42.9 %)."""
    return s.lead and s.specific >= CHECKABLE_LEAD


def new_leads(pool: list[MergedPoint], cited: set[str]) -> np.ndarray:
    """Whether each point cites none of the sources the memo cites already."""
    return np.array([cited.isdisjoint(p.source_ids) for p in pool])


def partly_said(closest: np.ndarray, marked: np.ndarray) -> np.ndarray:
    """The scale of a partly said point's gain: JUST_PAST at the repeat bar, falling to PARTLY_SAID
    at SAME_STATEMENT; PARTLY_SAID for a point past the bar by its figures or its quotation
    (`marked`: those are said already, whatever the wording).

    Why: a fixed scale made the bar a cliff. Past it by 2% ("The accession papers were signed
    at the opening session ..., as the host's President Amsel announced", 78% of its content its
    own, beside "Amsel presented proposals ...") a point fell from 0.50 to 0.09 of gain, below
    every point the memo still took. Measured: held BRICS key facts 18 -> 20 of 24, pakistan 20 ->
    21, devset niger 17 -> 18 with one repeat fewer; 0.7 and more let repeats in (pakistan).
    """
    past = np.clip((closest - 1.0) / (SAME_STATEMENT - 1.0), 0.0, 1.0)
    return np.where(marked, PARTLY_SAID, PARTLY_SAID + (JUST_PAST - PARTLY_SAID) * (1 - past))


def told_beside_own_figure(point: MergedPoint) -> None:
    """A progression stated after a sentence that gives one of its figures leaves that figure out
    (see merge.statements.progression_beside): the sentence has just said it, and what it measures.

    Why here: the merger attaches the statement to one fact, but which sentence the memo shows beside
    it is known only once the points are chosen (a chosen point may take a repeat's statement)."""
    for k, c in enumerate(point.conflicts):
        if c.change != "progression" or not c.beside:
            continue
        given = [
            v.source_id for v in c.values if v.source_id in c.beside and says_figure(point.text, v.value)
        ]
        if given:
            own = [s for s in given if s in point.source_ids[:1]]
            point.conflicts[k] = replace(c, statement=c.beside[(own or given)[0]])


def day_told(chosen: dict[SectionKey, list[MergedPoint]], salience: dict[str, Salience]) -> bool:
    """A chosen point gives the event's day: another point earns nothing more for giving it.

    Why: every news lead dates the event ("on Friday 10 March", "late on 8 September"), and the
    date weighs about as much as a lead's position; counted at every pick, it ranked a second
    report dated that day above a fact of the event (a 100-word Bangladesh memo told the verdict
    twice, once for its date, and left out its "93% of jobs on merit"). The date is news once.
    """
    return any(salience[p.id].dated for ps in chosen.values() for p in ps)


class Unsaid:
    """How much of each pool point the chosen points it is like leave unsaid.

    Why: the repeat bars compare a point with one chosen point, so a sentence sharing a chosen
    one's words but carrying another statement ("PTI-backed independents and the PML-N both
    claimed victory" beside "the PML-N and the PPP trail with 67 and 52 seats"; "groups linked
    to the ruling party attacked protesters on Tuesday" beside the verdict's account of the
    protests) was cut as a repeat: 8 of the 14 key facts the tune events' and lavrov's memos
    missed. A point is a repeat only when the chosen points it is like already hold most of its
    content; otherwise it competes at a discount.
    """

    def __init__(self, idf: dict[str, float], concepts: list[frozenset[str]]) -> None:
        self.idf = idf
        self.concepts = concepts
        self.hosts: list[frozenset[str]] = [frozenset()] * len(concepts)
        self.own = np.array([self._weight(cs) for cs in concepts])
        self.share = np.ones(len(concepts))

    def _weight(self, stems: frozenset[str]) -> float:
        return sum(self.idf.get(c, 1.0) for c in stems)

    def said_beside(self, chosen: frozenset[str], like: np.ndarray) -> None:
        """A point was chosen; the points `like` it (past a repeat bar) count its content as said."""
        for j in np.flatnonzero(like):
            self.hosts[j] = self.hosts[j] | chosen
            left = self._weight(self.concepts[j] - self.hosts[j])
            self.share[j] = left / self.own[j] if self.own[j] else 0.0

    def repeats(self, closest: np.ndarray, handed_off: list[bool]) -> np.ndarray:
        """Past a bar and mostly said already; or past a bar with its disagreement handed to the
        point kept (stated there, it must not be stated twice)."""
        mostly_said = np.array(handed_off, dtype=bool) | (self.share < SAYS_MORE)
        return (closest >= SAME_STATEMENT) | ((closest >= 1.0) & mostly_said)


def gives_another_figure(host: MergedPoint, other: MergedPoint) -> bool:
    """`host` gives a figure of its own far from every figure `other`'s sources dispute.

    Why: however alike their words, "$129.3 million for the Fund for Least Developed Countries"
    is another fact than "$792 million (or $700 million) for the Loss and Damage Fund": it is
    no repeat, and the statement of where sources differ belongs beside the figures it is
    about. A figure near the disputed ones (71 seats beside 67 and 75) is a third reading of
    the same count, and a point with no figure may say the same in other words: both repeat.
    """
    measured = ("amount", "number", "percent")
    disputed = [
        q
        for c in other.conflicts
        for v in c.values
        for q in extract_quantities(v.value)
        if q.kind in measured
    ]
    own = [q for q in extract_quantities(host.text) if q.kind in measured]
    if not own or not disputed:
        return False
    return not any(q.kind == d.kind and _near(q.value[1], d.value[1]) for q in own for d in disputed)


def _near(a: float, b: float, factor: float = ANOTHER_READING) -> bool:
    return a > 0 and b > 0 and max(a, b) <= factor * min(a, b)


def take_conflicts(host: MergedPoint, repeat: MergedPoint, room: int | None = None) -> bool:
    """The chosen point that says what `repeat` says also states where `repeat`'s sources
    disagree (a conflict on figures the host does not already set out), citing them.

    Why: the merger attaches a disagreement to one of the sentences that state the fact; when
    the memo keeps another sentence of that fact, dropping the repeat must not drop the
    disagreement with it (a fact once, every real disagreement stated). `room`: words the
    budget has left for the statements.
    """
    stated = {(v.source_id, v.value) for c in host.conflicts for v in c.values}
    moved = [c for c in repeat.conflicts if not stated & {(v.source_id, v.value) for v in c.values}]
    if room is not None:  # as many as the words left allow, in the merger's order
        fitting = []
        for c in moved:
            if words(c.statement) <= room:
                fitting.append(c)
                room -= words(c.statement)
        moved = fitting
    if not moved:
        return False
    host.conflicts = [*host.conflicts, *moved]
    cited = set(host.source_ids)
    named = {v.source_id for c in moved for v in c.values}
    host.citations = [
        *host.citations,
        *(c for c in repeat.citations if c.source_id in named and c.source_id not in cited),
    ]
    return True


_QUOTE = re.compile(r"[“\"]([^”\"]{3,80})[”\"]")
_WORD = re.compile(r"[a-z]{4,}")


def quotations(text: str) -> set[frozenset[str]]:
    """The quoted phrases of `text`, each as its longer words ("march for justice" and "march of
    justice" are one quotation).

    Why: two outlets quoting the same words report one statement, however differently they
    frame it ("declared that he was on a 'march for justice'" beside "called on his troops to
    take part in a 'march of justice' on Moscow"); neither bar saw it (0.53 of the nearer), so
    a Wagner memo told the slogan twice. Past the bar by the quote, the point is still kept when
    most of its content is its own (`Unsaid`)."""
    out = set()
    for q in _QUOTE.findall(text):
        ws = frozenset(_WORD.findall(q.lower()))
        if len(ws) >= 2:
            out.add(ws)
    return out


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures(text: str) -> set[str]:
    return {f.replace(",", "").rstrip(".") for f in _FIGURE.findall(text)}


def reported_figures(point: MergedPoint) -> dict[str, set[str]]:
    """Source id -> the figures `point`'s disagreement statements report for that source."""
    out: dict[str, set[str]] = {}
    for c in point.conflicts:
        for v in c.values:
            out.setdefault(v.source_id, set()).update(_figures(v.value))
    return out


def figures_told(candidate: MergedPoint, told: dict[str, set[str]]) -> bool:
    """Every source of `candidate` is reported by the statement, and its figures are the ones the
    statement gives for them ("The conference hosted about 70,000 participants" beside "Sources
    differ: A reports about 70,000 participants; B reports 97,000 people")."""
    own = _figures(candidate.text)
    sources = candidate.source_ids
    return bool(own) and all(s in told for s in sources) and own <= set().union(*(told[s] for s in sources))
