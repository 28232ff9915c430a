"""From per-point evidence to one section per point.

Explicit structure first: a point under a heading that names a section gets
that section, always.  Elsewhere each point gets local scores (features.py)
plus a prior from its position in the source (news first, background in the
middle, assessment at the end), and a Viterbi pass over the source keeps
sections in runs: writers move between sections at paragraph breaks, rarely
inside a paragraph.  Forward-backward over the same chain gives each point's
confidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import SECTION_KEYS, SectionKey
from .features import BG, WH, WM, Evidence

POSITION_WEIGHT = 0.5
SWITCH_PARAGRAPH = 1.0  # cost of changing section at a paragraph break
SWITCH_SENTENCE = 2.0  # cost of changing section inside a paragraph
TEMPERATURE = 1.0
UNREPORTED_PENALTY = 0.8  # "what happened" needs a report: a date at the event, a reporting verb, "today"
HEADING_CONFIDENCE = 0.98
NEG = -1e9


@dataclass
class Item:
    """One point as the classifier sees it."""

    evidence: Evidence
    position: float  # 0 = start of the source body, 1 = end
    new_paragraph: bool  # starts a paragraph other than the previous point's
    scope: int  # heading scope id; a change of scope frees the chain
    fixed: SectionKey | None  # section named by the heading above, if any
    forbid_what_happened: bool = False


@dataclass(frozen=True)
class Decision:
    section: SectionKey
    confidence: float
    reason: str


def _clip(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


def position_prior(rel: float) -> dict[SectionKey, float]:
    """Where in a piece each section usually sits (inverted pyramid, then context, then outlook)."""
    return {
        WH: POSITION_WEIGHT * _clip((0.35 - rel) / 0.35 * 0.8, -1.0, 0.8),
        BG: POSITION_WEIGHT * _clip(0.3 * (1 - abs(rel - 0.45) / 0.3), -0.3, 0.3),
        WM: POSITION_WEIGHT * _clip((rel - 0.6) / 0.4 * 0.8, -0.4, 0.8),  # op-eds open on their thesis
    }


def _local(item: Item) -> dict[SectionKey, float]:
    if item.fixed is not None:
        return {k: (0.0 if k == item.fixed else NEG) for k in SECTION_KEYS}
    scores = item.evidence.total()
    prior = position_prior(item.position)
    out = {k: scores[k] + prior[k] for k in SECTION_KEYS}
    if scores[WH] <= 0:
        out[WH] -= UNREPORTED_PENALTY
    if item.forbid_what_happened:
        # written before the event: it can neither report the event nor say what the event
        # means; its forecasts and warnings are the background an analyst cites ("a 2023 audit warned")
        out[WH] = NEG
        out[WM] = NEG
    return out


def _switch_cost(prev: Item, item: Item) -> float:
    if prev.scope != item.scope:
        return 0.0
    return SWITCH_PARAGRAPH if item.new_paragraph else SWITCH_SENTENCE


def _viterbi(local: list[dict[SectionKey, float]], costs: list[float]) -> list[SectionKey]:
    best = [dict(local[0])]
    back: list[dict[SectionKey, SectionKey]] = [{}]
    for i in range(1, len(local)):
        row: dict[SectionKey, float] = {}
        ptr: dict[SectionKey, SectionKey] = {}
        for k in SECTION_KEYS:
            prev_k = max(SECTION_KEYS, key=lambda j: best[-1][j] - (0.0 if j == k else costs[i]))
            row[k] = best[-1][prev_k] - (0.0 if prev_k == k else costs[i]) + local[i][k]
            ptr[k] = prev_k
        best.append(row)
        back.append(ptr)
    path = [max(SECTION_KEYS, key=lambda k: best[-1][k])]
    for i in range(len(local) - 1, 0, -1):
        path.append(back[i][path[-1]])
    return path[::-1]


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _marginals(local: list[dict[SectionKey, float]], costs: list[float]) -> list[dict[SectionKey, float]]:
    """Posterior probability of each section for each point (forward-backward, log space)."""
    t = TEMPERATURE
    n = len(local)
    fwd = [{k: local[0][k] / t for k in SECTION_KEYS}]
    for i in range(1, n):
        fwd.append(
            {
                k: local[i][k] / t
                + _logsumexp([fwd[-1][j] - (0.0 if j == k else costs[i]) / t for j in SECTION_KEYS])
                for k in SECTION_KEYS
            }
        )
    bwd = [dict.fromkeys(SECTION_KEYS, 0.0) for _ in range(n)]
    for i in range(n - 2, -1, -1):
        bwd[i] = {
            k: _logsumexp(
                [
                    bwd[i + 1][j] + local[i + 1][j] / t - (0.0 if j == k else costs[i + 1]) / t
                    for j in SECTION_KEYS
                ]
            )
            for k in SECTION_KEYS
        }
    out = []
    for i in range(n):
        z = _logsumexp([fwd[i][k] + bwd[i][k] for k in SECTION_KEYS])
        out.append({k: math.exp(fwd[i][k] + bwd[i][k] - z) for k in SECTION_KEYS})
    return out


def _reason(item: Item, section: SectionKey, local: dict[SectionKey, float]) -> str:
    if item.fixed is not None:
        return "heading"
    if max(SECTION_KEYS, key=lambda k: local[k]) != section:
        return "position"  # the neighbours decided
    time, cue = item.evidence.time[section], item.evidence.cue[section]
    if time > 0 and time >= cue:
        return "time"
    return "cue" if cue > 0 else "position"


def classify(items: list[Item]) -> list[Decision]:
    """One decision per item, in order (deterministic: no randomness, ties broken by key order)."""
    if not items:
        return []
    local = [_local(it) for it in items]
    costs = [0.0] + [_switch_cost(items[i - 1], items[i]) for i in range(1, len(items))]
    path = _viterbi(local, costs)
    post = _marginals(local, costs)
    out = []
    for item, section, loc, p in zip(items, path, local, post, strict=True):
        conf = HEADING_CONFIDENCE if item.fixed is not None else round(p[section], 3)
        out.append(Decision(section, conf, _reason(item, section, loc)))
    return out
