#!/usr/bin/env python3
"""Pair precision and recall of the merger on the corpus events, labelled by their gold (facts.yaml).

Why: hand-written pairs (tests/fixtures/merge/pairs.jsonl) are tidy; real pages are not. This
labels pairs of real points from two different sources with the events' own gold, written by
people for the memo judge, so the labels are not ours to bend:

- dup: both points state the same gold facts (a point states a fact when every regex of the fact
  matches it and its file is among the fact's sources);
- conflict: the two points give the two sides of one gold conflict (its files, each point matching
  one side's regex and not the other's);
- diff: both points state gold facts, none in common, and no conflict between them.
Pairs sharing some facts but not all are left out (a paragraph point may hold several facts).

The merger's decision on a pair is read from a real merge of the whole event (the pipeline's
own sources, sections and merge stages): "same" when both points end in one stated fact (the
same cluster, or one point's figure given by a statement on the other's fact: a disagreement, a
progression, or figures that fit together), "conflict" when one disagreement or progression gives
both points' figures (a conflict pair so stated is not also scored as "same").

The split is the shared one (benchmarks/corpus_halves.py): tune events may be inspected with
--show; held events print figures only, and rules are never changed because of them.

usage:  .venv/bin/python benchmarks/eval_corpus_pairs.py [--half tune|held|both] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_halves import SHARED, in_tune_half  # noqa: E402


@dataclass
class Labelled:
    """One event's points with the gold facts and conflict values each one states."""

    points: list
    facts: list[set[str]]
    sides: list[dict[str, int]]  # conflict id -> the side of the disagreement the point gives
    result: object
    files: dict[str, str]  # source id -> file name


@dataclass
class Tally:
    pairs: dict[str, int] = field(default_factory=lambda: {"dup": 0, "conflict": 0, "diff": 0})
    same_tp: int = 0
    same_fp: int = 0
    conflict_tp: int = 0
    conflict_fp: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in other.pairs.items():
            self.pairs[k] += v
        self.same_tp += other.same_tp
        self.same_fp += other.same_fp
        self.conflict_tp += other.conflict_tp
        self.conflict_fp += other.conflict_fp
        self.errors += other.errors

    def line(self, name: str) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.2f}" if b else "n/a"

        p = self.pairs
        return (
            f"| {name} | {p['dup']} | {p['conflict']} | {p['diff']} | "
            f"{ratio(self.same_tp, self.same_tp + self.same_fp)} | {ratio(self.same_tp, p['dup'])} | "
            f"{ratio(self.conflict_tp, self.conflict_tp + self.conflict_fp)} | "
            f"{ratio(self.conflict_tp, p['conflict'])} |"
        )


def label_event(folder: Path) -> Labelled:
    """Build the event through the pipeline's stages and label each point with the gold."""
    from memogen.merge import merge_points
    from memogen.sections import extract_points, infer_event
    from memogen.sources import agree_on_joins, read_sources

    gold = yaml.safe_load((folder / "facts.yaml").read_text(encoding="utf-8"))
    sources = agree_on_joins(read_sources(sorted(folder.glob("*.txt")), {}, jobs=1)[0])
    inferred = infer_event(sources)  # as the pipeline does without topic.yaml
    start, end = (inferred.start, inferred.end) if inferred else (None, None)
    points = [p for s in sources for p in extract_points(s, start, end)]
    result = merge_points(points, sources, (start, end or start) if start else None)
    files = {s.id: Path(s.path).name for s in sources}
    facts, values = [], []
    for p in points:
        name = files[p.source_id]
        facts.append(
            {
                f["id"]
                for f in gold["facts"]
                if name in f.get("sources", []) and all(re.search(x, p.text, re.I) for x in f["all"])
            }
        )
        sides = {}
        for c in gold.get("conflicts", []):
            hits = [k for k, x in enumerate(c["all"]) if re.search(x, p.text, re.I)]
            if name in (c.get("values") or {}) and len(hits) == 1:
                sides[c["id"]] = hits[0]
        values.append(sides)
    return Labelled(points, facts, values, result, files)


def _decisions(ev: Labelled):
    """Where each point ended (its stated fact), the facts whose statements give its figure, and which
    disagreements (not statements of figures that fit together) give it."""
    host = {c.id: c.absorbed_into or c.id for c in ev.result.clusters}
    fact_of = {key: host.get(cid, cid) for key, cid in ev.result.assignment.items()}
    given_by: dict[tuple[str, str], set[str]] = {}
    in_conflict: dict[tuple[str, str], set[int]] = {}
    for k, cluster in enumerate(ev.result.clusters):
        for j, conflict in enumerate(cluster.conflicts):
            for v in conflict.values:
                given_by.setdefault((v.source_id, v.excerpt), set()).add(host[cluster.id])
                if conflict.change != "agree":
                    in_conflict.setdefault((v.source_id, v.excerpt), set()).add(k * 1000 + j)
    return fact_of, given_by, in_conflict


def score_event(ev: Labelled, show: bool) -> Tally:
    fact_of, given_by, in_conflict = _decisions(ev)
    tally = Tally()
    pts = ev.points
    for i in range(len(pts)):
        for j in range(i + 1, len(pts)):
            a, b = pts[i], pts[j]
            if (
                a.source_id == b.source_id
                or not (ev.facts[i] or ev.sides[i])
                or not (ev.facts[j] or ev.sides[j])
            ):
                continue
            shared = set(ev.sides[i]) & set(ev.sides[j])
            if any(ev.sides[i][c] != ev.sides[j][c] for c in shared):
                label = "conflict"
            elif ev.facts[i] and ev.facts[i] == ev.facts[j]:
                label = "dup"
            elif ev.facts[i] and ev.facts[j] and not ev.facts[i] & ev.facts[j] and not shared:
                label = "diff"
            else:
                continue
            tally.pairs[label] += 1
            fact_a, fact_b = fact_of[(a.source_id, a.start, a.end)], fact_of[(b.source_id, b.start, b.end)]
            same = (
                fact_a == fact_b
                or fact_b in given_by.get((a.source_id, a.text), set())
                or fact_a in given_by.get((b.source_id, b.text), set())
            )
            conflict = bool(
                in_conflict.get((a.source_id, a.text), set()) & in_conflict.get((b.source_id, b.text), set())
            )
            if same and not (label == "conflict" and conflict):  # a disagreement is stated on one fact too
                tally.same_tp += label == "dup"
                tally.same_fp += label != "dup"
            if conflict:
                tally.conflict_tp += label == "conflict"
                tally.conflict_fp += label != "conflict"
            wrong = (same != (label == "dup") and not (label == "conflict" and conflict)) or (
                conflict != (label == "conflict")
            )
            if show and wrong:
                tally.errors.append(
                    f"[{label}: same={same} conflict={conflict}] {sorted(ev.facts[i] | set(ev.sides[i]))} "
                    f"{sorted(ev.facts[j] | set(ev.sides[j]))}\n    A {ev.files[a.source_id]}: {a.text[:220]}"
                    f"\n    B {ev.files[b.source_id]}: {b.text[:220]}"
                )
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", default="both", choices=["tune", "held", "both"])
    ap.add_argument("--show", action="store_true", help="print the wrong pairs (tune half only)")
    args = ap.parse_args()
    events = SHARED / "corpus" / "events"
    if not events.is_dir():
        print(f"no corpus at {events}", file=sys.stderr)
        return 2
    print(
        "| half | dup pairs | conflict pairs | diff pairs | same-fact P | same-fact R | conflict P | conflict R |"
    )
    print("|---|---|---|---|---|---|---|---|")
    halves = ["tune", "held"] if args.half == "both" else [args.half]
    for half in halves:
        total = Tally()
        for folder in sorted(p for p in events.iterdir() if p.is_dir()):
            if in_tune_half(folder.name) != (half == "tune"):
                continue
            tally = score_event(label_event(folder), args.show and half == "tune")
            total.add(tally)
            if half == "tune":
                print(tally.line(folder.name))
        print(total.line(f"**{half}**"))
        for e in total.errors:
            print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
