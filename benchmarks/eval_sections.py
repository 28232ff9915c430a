"""Section extractor: accuracy on the labelled briefs and speed on the lavrov sources.

Run from the repo root:  .venv/bin/python benchmarks/eval_sections.py [--errors] [--split tune|held|all]

Accuracy: every labelled brief (tests/fixtures/sections/{tune,held}/ plus the headed GP
source of inputs/lavrov-2021, converted here) is run twice: with its headings (every
sentence must get its heading's section) and with section headings stripped (the
classifier alone).  Sentence-level accuracy and per-section F1 are printed per split.
The briefs were written for the project; the learned model is fitted on the tune/ ones (and on real
pages, benchmarks/fit_sections.py --fixtures), never on held/, which stays held out from it.  Corpus events: whether the event inferred from each set of
../shared/corpus/events falls within its gold event_dates (a yes/no per set, nothing else printed).
Speed: extraction of the five lavrov sources, after imports and one warm-up run, and of one 4 MB
source (sectioning must stay near-linear in the size of a source).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

from memogen.model import SECTION_KEYS, Source
from memogen.sections import extract_points, infer_event, infer_event_date
from memogen.sections.evaluate import Labelled, Score, evaluate, parse_labelled

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "sections"
LAVROV = ROOT / "inputs" / "lavrov-2021"
LAVROV_EVENT = (dt.date(2021, 4, 6), dt.date(2021, 4, 7))  # as in its topic.yaml
GP_HEADINGS = {
    "What happened?": "what_happened",
    "What is the background?": "background",
    "What does it mean?": "what_it_means",
}


def gp_labelled() -> Labelled:
    """The headed GP lavrov source as a labelled brief (its three question headings are the labels)."""
    lines = [" ".join(x.split()) for x in (LAVROV / "gp-insights-new-era.txt").read_text().splitlines()]
    start = lines.index("What happened?")
    end = next(i for i, x in enumerate(lines) if re.match(r"^\w+ \d{4} \| GP Insights", x))
    body = [f"# {GP_HEADINGS[x]} | {x}" if x in GP_HEADINGS else x for x in lines[start:end] if x]
    head = "published: 2021-04-11\nevent_date: 2021-04-06\nevent_end: 2021-04-07\n---\n"
    return parse_labelled("gp-insights-new-era", head + "\n\n".join(body))


def shuffle_sections(raw: str, seed: int) -> str:
    """The same brief with its headed sections in another (seeded) order: is position doing all the work?"""
    import random

    head, body = raw.split("\n---\n", 1)
    title, *sections = re.split(r"(?m)^(?=# )", body)
    random.Random(seed).shuffle(sections)
    return head + "\n---\n" + title + "".join(s if s.endswith("\n\n") else s + "\n\n" for s in sections)


def load_shuffled(split: str, seed: int = 1) -> list[Labelled]:
    paths = sorted((FIXTURES / split).glob("*.txt"))
    return [parse_labelled(p.stem, shuffle_sections(p.read_text(), seed)) for p in paths]


def load(split: str) -> list[Labelled]:
    docs = [parse_labelled(p.stem, p.read_text()) for p in sorted((FIXTURES / split).glob("*.txt"))]
    return [gp_labelled(), *docs] if split == "tune" else docs


def report(split: str, docs: list[Labelled], show_errors: bool) -> None:
    for stripped in (False, True):
        score = Score()
        for doc in docs:
            gold, pred, points = evaluate(doc, stripped)
            score.add(gold, pred)
            if show_errors and stripped:
                text = doc.stripped
                for g, p, gs in zip(gold, pred, doc.gold_stripped, strict=True):
                    if g != p:
                        print(f"  [{doc.name}] gold={g:13} pred={p:13} {text[gs.start : gs.end][:110]}")
        mode = "headings stripped" if stripped else "headings kept    "
        f1 = "  ".join(f"{k}={score.f1(k):.3f}" for k in SECTION_KEYS)
        print(
            f"{split:5} {mode}: {len(docs):2} docs {score.n:3} sentences  accuracy={score.accuracy:.3f}  F1 {f1}"
        )
        if stripped:
            print(f"        ablation, the learned model alone (no transitions): {features_only(docs):.3f}")
            rows = [*SECTION_KEYS, "none"]
            print("        confusion (gold rows x predicted cols): " + " ".join(f"{r[:6]:>6}" for r in rows))
            for g in SECTION_KEYS:
                print(f"        {g:>13}: " + " ".join(f"{score.confusion.get((g, p), 0):>6}" for p in rows))


def features_only(docs: list[Labelled]) -> float:
    """Ablation: each point by the learned model alone (no transitions between neighbours)."""
    from memogen.sections.classify import classify
    from memogen.sections.extract import source_points
    from memogen.sections.learned import load_model

    model = load_model()
    flat = type(model)(
        model.bias,
        model.weights,
        {k: {a: dict.fromkeys(t, 0.0) for a, t in v.items()} for k, v in model.transitions.items()},
    )
    right = total = 0
    for doc in docs:
        found = source_points(doc.source(True), doc.date("event_date"), doc.date("event_end"))
        for g in doc.gold_stripped:
            mid = (g.start + g.end) // 2
            hit = [i for i, d in enumerate(found.drafts) if d.start <= mid < d.end]
            if hit:
                right += classify([found.items[hit[0]]], flat)[0].section == g.label
            total += 1
    return right / total if total else 0.0


def corpus_events() -> None:
    """Inferred event of each corpus event set against its gold event_dates (held sets: the verdict only)."""
    import yaml

    from memogen.sources import agree_on_joins, read_sources

    folder = ROOT.parent / "shared" / "corpus" / "events"
    if not folder.is_dir():
        return
    for event in sorted(p for p in folder.iterdir() if (p / "facts.yaml").exists()):
        gold = [
            dt.date.fromisoformat(d)
            for d in yaml.safe_load((event / "facts.yaml").read_text())["event_dates"]
        ]
        sources = agree_on_joins(read_sources(sorted(event.glob("*.txt")), {}, progress=False)[0])
        found = infer_event(sources)
        inside = found is not None and all(
            d is None or min(gold) <= d <= max(gold) for d in (found.start, found.end)
        )
        print(f"event {event.name}: inferred date within the gold event_dates: {'yes' if inside else 'NO'}")


def lavrov_sources() -> list[Source]:
    """The five development sources through the real reader (topic.yaml overrides applied)."""
    from memogen.config import load_topic
    from memogen.sources import read_source, source_id_for

    _, config = load_topic(ROOT / "inputs", "lavrov-2021")
    paths = sorted(LAVROV.glob("*.txt"))
    return [read_source(p, source_id_for(p), config.sources.get(p.name)) for p in paths]


def speed() -> None:
    sources = lavrov_sources()
    start, end = LAVROV_EVENT
    for s in sources:  # warm-up: pysbd's compiled rules, regex caches
        extract_points(s, start, end)
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        points = [p for s in sources for p in extract_points(s, start, end)]
        runs.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    inferred = infer_event_date(sources)
    t_infer = time.perf_counter() - t0
    chars = sum(len(s.text) for s in sources)
    print(
        f"speed: 5 lavrov sources ({chars} chars) -> {len(points)} points in "
        f"{min(runs):.3f} s best / {sorted(runs)[2]:.3f} s median of 5 (target < 0.5 s)"
    )
    print(
        f"infer_event_date(lavrov sources) = {inferred} in {t_infer:.3f} s (topic.yaml says {start} .. {end})"
    )
    text = "\n\n".join(s.text for s in sources)
    big = Source(
        id="big",
        path="big.txt",
        kind="txt",
        metadata=sources[0].metadata,
        text=text * (4_000_000 // len(text)),
    )
    t0 = time.perf_counter()
    n = len(extract_points(big, start, end))
    print(f"one {len(big.text) / 1e6:.1f} MB source: {n} points in {time.perf_counter() - t0:.1f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print every misclassified sentence")
    ap.add_argument("--split", choices=("tune", "held", "all"), default="all")
    args = ap.parse_args(argv)
    for split in ("tune", "held"):
        if args.split in (split, "all"):
            report(split, load(split), args.errors)
            shuffled = Score()
            for doc in load_shuffled(split):
                gold, pred, _ = evaluate(doc, True)
                shuffled.add(gold, pred)
            f1 = "  ".join(f"{k}={shuffled.f1(k):.3f}" for k in SECTION_KEYS)
            print(
                f"{split:5} stripped, sections shuffled (stress): accuracy={shuffled.accuracy:.3f}  F1 {f1}"
            )
    corpus_events()
    speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
