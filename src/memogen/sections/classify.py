"""From per-point features to one section per point.

Explicit structure first: a point under a heading that names a section gets that section, always.
Elsewhere each point gets the learned model's log-probabilities (learned.py), and a Viterbi pass over
the source adds the cost of changing section between neighbours — writers move between sections at
paragraph breaks, rarely inside an analyst's long paragraph, and forward (news, then context, then
assessment); a short news paragraph may join a fact and its context, so its points are decided nearly
one by one.  The costs encode that order, not how long sections run (section_model.json, chosen by the
fit).  Forward-backward over the same chain gives each point's confidence.  A source written before the
event can neither report it nor say what it means: its points are background.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import SECTION_KEYS, SectionKey
from .learned import SectionModel, load_model

HEADING_CONFIDENCE = 0.98
NEG = -1e9
RECALLED_PENALTY = 3.0  # a point dated only long before the event recalls the past: hardly the event
_OLD = ("t_day_before", "t_month_before", "t_year_before", "t_year_long_before", "t_decade_before")
_NOW = ("t_day_event", "t_day_recent", "t_month_event", "t_month_after", "t_year_event", "t_rel_near")


@dataclass
class Item:
    """One point as the classifier sees it."""

    features: dict[str, float]
    new_paragraph: bool  # starts a paragraph other than the previous point's
    scope: int  # heading scope id; a change of scope frees the chain
    fixed: SectionKey | None  # section named by the heading above, if any
    forbid_what_happened: bool = False
    paragraph_size: int = 1  # points in this point's paragraph
    part: int | None = (
        None  # a part of a headed brief whose heading names nothing: its points share one section
    )
    opening_view: bool = False  # an opinion piece's thesis before it turns to the news: not the event


@dataclass(frozen=True)
class Decision:
    section: SectionKey
    confidence: float
    reason: str


def _local(item: Item, model: SectionModel) -> dict[SectionKey, float]:
    if item.fixed is not None:
        return {k: (0.0 if k == item.fixed else NEG) for k in SECTION_KEYS}
    out = model.log_probs(item.features)
    if any(k in item.features for k in _OLD) and not any(k in item.features for k in _NOW):
        out["what_happened"] -= RECALLED_PENALTY  # "the ceasefire signed on 10 November 2020"
    if item.opening_view:
        # the writer's reading of the present, stated before the news: what the model took for the
        # event's news is the piece's view of what it means
        out["what_it_means"] = _logsumexp([out["what_it_means"], out["what_happened"]])
        out["what_happened"] = NEG
    if item.forbid_what_happened:
        # written before the event: it can neither report the event nor say what the event
        # means; its forecasts and warnings are the background an analyst cites ("a 2023 audit warned")
        out["what_happened"] = NEG
        out["what_it_means"] = NEG
    return out


def _share_parts(items: list[Item], local: list[dict[SectionKey, float]]) -> list[dict[SectionKey, float]]:
    """A part of a headed brief under a heading whose words name nothing ("Old players, new game") is still
    one part: its points share the section their evidence, taken together, favours."""
    members: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        if it.part is not None and it.fixed is None:
            members.setdefault(it.part, []).append(i)
    for idx in members.values():
        shared = {k: sum(local[i][k] for i in idx) / len(idx) for k in SECTION_KEYS}
        for i in idx:
            local[i] = dict(shared)
    return local


def _transition_kind(prev: Item, item: Item, long_paragraph: int) -> str | None:
    """Which transition odds link two neighbours: none across a heading; else a paragraph break (one that
    opens on a verbless theme, "The purpose of party conventions.", is a heading in disguise: a new
    part begins), a long paragraph (an analyst's, which holds one section) or a short one (a news
    paragraph may join a fact and its context, so its odds are weaker).  How long is long, and how
    weak or strong each is, the fit decides."""
    if prev.scope != item.scope or prev.opening_view or item.opening_view:
        return None  # a heading, or an op-ed's preface: the chain starts afresh after it
    if item.new_paragraph:
        return "theme" if "c_theme_lead" in item.features else "paragraph"
    return "sentence" if item.paragraph_size >= long_paragraph else "short"


def _step(model: SectionModel, kind: str | None, a: SectionKey, b: SectionKey) -> float:
    if kind == "theme" and kind not in model.transitions:
        kind = "paragraph"  # a model fitted before theme breaks had their own odds
    return 0.0 if kind is None or kind not in model.transitions else model.transition(kind, a, b)


Steps = dict[tuple[SectionKey, SectionKey], float]


def _step_tables(model: SectionModel, kinds: list[str | None]) -> list[Steps]:
    """Each link's transition costs, (from, to) -> `_step`, one table per kind of link: looked up
    for every pair of sections at every point of every source (~9 calls of `_step` a point)."""
    tables: dict[str | None, Steps] = {}
    for kind in dict.fromkeys(kinds):
        tables[kind] = {(a, b): _step(model, kind, a, b) for a in SECTION_KEYS for b in SECTION_KEYS}
    return [tables[kind] for kind in kinds]


def _viterbi(
    local: list[dict[SectionKey, float]], kinds: list[str | None], model: SectionModel
) -> list[SectionKey]:
    steps = _step_tables(model, kinds)
    best = [dict(local[0])]
    back: list[dict[SectionKey, SectionKey]] = [{}]
    for i in range(1, len(local)):
        row: dict[SectionKey, float] = {}
        ptr: dict[SectionKey, SectionKey] = {}
        step, last = steps[i], best[-1]
        for k in SECTION_KEYS:
            prev_k = max(SECTION_KEYS, key=lambda j: last[j] + step[(j, k)])  # noqa: B023 - used at once
            row[k] = last[prev_k] + step[(prev_k, k)] + local[i][k]
            ptr[k] = prev_k
        best.append(row)
        back.append(ptr)
    path = [max(SECTION_KEYS, key=lambda k: best[-1][k])]
    for i in range(len(local) - 1, 0, -1):
        path.append(back[i][path[-1]])
    return path[::-1]


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum([math.exp(v - top) for v in values]))  # a list: quicker than a generator


def _marginals(
    local: list[dict[SectionKey, float]], kinds: list[str | None], model: SectionModel
) -> list[dict[SectionKey, float]]:
    """Posterior probability of each section for each point (forward-backward, log space)."""
    n = len(local)
    steps = _step_tables(model, kinds)
    fwd = [dict(local[0])]
    for i in range(1, n):
        last, step, here = fwd[-1], steps[i], local[i]
        fwd.append(
            {k: here[k] + _logsumexp([last[j] + step[(j, k)] for j in SECTION_KEYS]) for k in SECTION_KEYS}
        )
    bwd = [dict.fromkeys(SECTION_KEYS, 0.0) for _ in range(n)]
    for i in range(n - 2, -1, -1):
        after, step, there = bwd[i + 1], steps[i + 1], local[i + 1]
        bwd[i] = {
            k: _logsumexp([after[j] + there[j] + step[(k, j)] for j in SECTION_KEYS]) for k in SECTION_KEYS
        }
    out = []
    for i in range(n):
        z = _logsumexp([fwd[i][k] + bwd[i][k] for k in SECTION_KEYS])
        out.append({k: math.exp(fwd[i][k] + bwd[i][k] - z) for k in SECTION_KEYS})
    return out


def _reason(item: Item, section: SectionKey, local: dict[SectionKey, float], model: SectionModel) -> str:
    """heading / time / cue / position: what put the point in its section."""
    if item.fixed is not None:
        return "heading"
    if max(SECTION_KEYS, key=lambda k: local[k]) != section:
        return "position"  # the neighbours decided
    parts = model.contributions(item.features)

    def margin(group: str) -> float:  # how much this group favours the section over the others
        scores = parts[group]
        return scores[section] - max(v for k, v in scores.items() if k != section)

    return max(("time", "cue", "position"), key=margin)


def classify(items: list[Item], model: SectionModel | None = None) -> list[Decision]:
    """One decision per item, in order (deterministic: no randomness, ties broken by key order)."""
    if not items:
        return []
    model = model or load_model()
    local = _share_parts(items, [_local(it, model) for it in items])
    kinds = [None] + [
        _transition_kind(items[i - 1], items[i], model.long_paragraph) for i in range(1, len(items))
    ]
    path = _viterbi(local, kinds, model)
    post = _marginals(local, kinds, model)
    out = []
    for item, section, loc, p in zip(items, path, local, post, strict=True):
        conf = HEADING_CONFIDENCE if item.fixed is not None else round(p[section], 3)
        out.append(Decision(section, conf, _reason(item, section, loc, model)))
    return out
