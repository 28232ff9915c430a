"""Benchmark of segment -> merge -> compose on synthetic topics, and the pair-set evaluation.

Usage:
    .venv/bin/python benchmarks/bench_merge.py                 # sizes 5 50 500 2000
    .venv/bin/python benchmarks/bench_merge.py --sizes 5 50    # some sizes
    .venv/bin/python benchmarks/bench_merge.py --pairs         # precision/recall on the pair set

Each size runs in its own subprocess so peak memory (ru_maxrss) belongs to that size, with the
cycle collector's thresholds the `memogen` command sets for every build (`console.fewer_collections`;
`--default-gc` keeps Python's defaults, as a library caller that sets none: at 2,000 sources the
default thresholds run ~2,600 collections during the merge, re-scanning its long-lived points).
Synthetic sources are article-length (~35 sentences, ~650 words): filler sentences from a
random vocabulary plus planted facts written in several paraphrases (reordered clauses,
"nine" vs "9", "per cent" vs "%"), some with a planted conflicting figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

NUMBER_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 12: "twelve"}
TEMPLATES = [
    (
        "{E} signed a {n1} agreement worth ${a} million with {F} in {y}.",
        "In {y}, {E} and {F} signed a {n1} agreement worth ${a} million.",
        "The {n1} agreement between {E} and {F}, worth US$ {a} million, was signed in {y}, officials said.",
    ),
    (
        "{E} opened its first {n1} plant in {F} in {y}, the first such project in {k} years.",
        "The first {n1} plant of {E} in {F} opened in {y}, the first such project in {kw} years.",
        "In {y} {E} opened a {n1} plant in {F}; it was the first such project there in {k} years.",
    ),
    (
        "{E} {n1} exports to {F} grew by {p} per cent in {y}.",
        "In {y}, {n1} exports from {E} to {F} rose {p}%.",
        "{n1} exports of {E} to {F} increased {p} percent in {y}, according to the ministry.",
    ),
]


def _word(rng: random.Random) -> str:
    syll = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ban", "tor", "pel", "gri", "shu", "zen"]
    return "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))


def make_topic(n_sources: int, seed: int = 7):
    """Sources (text + planted labels per sentence) for one synthetic topic."""
    rng = random.Random(seed)
    vocab = list(dict.fromkeys(_word(rng) for _ in range(6000)))  # ordered: no salted set order
    n_facts = max(6, n_sources * 2)
    facts = []
    for f in range(n_facts):
        facts.append(
            {
                "t": f % len(TEMPLATES),
                "E": _word(rng).capitalize(),
                "F": _word(rng).capitalize(),
                "n1": rng.choice(vocab),
                "a": rng.randint(20, 900),
                "y": rng.randint(1995, 2023),
                "k": rng.choice(list(NUMBER_WORDS)),
                "p": rng.randint(3, 60),
            }
        )
    sources = []
    for _ in range(n_sources):
        sentences: list[tuple[str, str | None]] = []
        chosen = rng.sample(range(n_facts), k=min(6, n_facts))
        for _ in range(29):
            words = [rng.choice(vocab) for _ in range(rng.randint(12, 24))]
            sentences.append((" ".join(words).capitalize() + ".", None))
        for f in chosen:
            fact = dict(facts[f])
            label = f"f{f}"
            if rng.random() < 0.1:  # planted conflict: the same fact with another figure
                fact["a"] = fact["a"] * 2 + 7
                fact["p"] = fact["p"] + 11
                fact["k"] = 12 if fact["k"] != 12 else 5
                label = f"f{f}c"
            fact["kw"] = NUMBER_WORDS[fact["k"]]
            text = rng.choice(TEMPLATES[fact["t"]]).format(**fact)
            text = text[0].upper() + text[1:]  # a sentence starts with a capital (the splitter relies on it)
            sentences.insert(rng.randrange(len(sentences) + 1), (text, label))
        sources.append(sentences)
    return sources


def to_model(raw_sources):
    from memogen.model import Source, SourceMetadata

    sources, spans = [], []
    for k, sentences in enumerate(raw_sources):
        paras, pos, span = [], 0, []
        for j in range(0, len(sentences), 5):
            paras.append(" ".join(t for t, _ in sentences[j : j + 5]))
        text = "\n\n".join(paras)
        for t, label in sentences:
            start = text.index(t, pos)
            span.append((start, start + len(t), label))
            pos = start + len(t)
        sources.append(
            Source(
                id=f"src{k:05d}",
                path=f"src{k:05d}.txt",
                kind="txt",
                metadata=SourceMetadata(
                    title=f"Article {k}", publisher=f"Outlet {k}", date=dt.date(2024, 1, 1)
                ),
                text=text,
            )
        )
        spans.append(span)
    return sources, spans


def segment(sources):
    """The real section extractor when it imports and works, else a sentence splitter.

    As a build does it (pipeline.py): the topic's event is inferred once from all sources, and
    each source is read against it (without it, every source infers its own event: ~40 % more)."""
    try:
        from memogen.sections import extract_points, forget_sentence_splits, infer_event

        event = infer_event(sources)
        start, end = (event.start, event.end) if event else (None, None)
        points = [p for s in sources for p in extract_points(s, start, end)]
        forget_sentence_splits()
        return points, "sections.extract_points"
    except Exception as exc:  # noqa: BLE001 - the benchmark must run while stages are in progress
        import re

        from memogen.model import Point

        pts = []
        for s in sources:
            for k, m in enumerate(re.finditer(r"[^.!?]+[.!?]", s.text)):
                pts.append(Point(m.group().strip(), "background", s.id, m.start(), m.end(), order=k))
        return pts, f"regex splitter ({type(exc).__name__})"


def pair_counts(labels_by_cluster: list[list[str | None]]):
    """Planted-duplicate precision/recall over pairs, from counts (no pair enumeration)."""
    c2 = lambda n: n * (n - 1) // 2  # noqa: E731
    tp = predicted = 0
    truth = Counter()
    for labels in labels_by_cluster:
        planted = [lab for lab in labels if lab]
        predicted += c2(len(labels))
        tp += sum(c2(v) for v in Counter(planted).values())
        truth.update(planted)
    true_pairs = sum(c2(v) for v in truth.values())
    return (tp / predicted if predicted else 1.0), (tp / true_pairs if true_pairs else 1.0)


def conflict_scores(result, sources, spans) -> tuple[float, float]:
    """Planted conflicts (a fact stated with two figures) found, and stated conflicts that were planted.

    A stated conflict counts as planted when its values come from mentions of one fact
    with both the original and the altered figure. A planted conflict is found when it is stated,
    or when the altered mention is flagged as one source's error (other sources agree on the
    original figure, so the merger does not state the altered one: issue 12).
    """
    labels: dict[tuple[str, str], str | None] = {}
    for s, sp in zip(sources, spans, strict=True):
        for a, b, lab in sp:
            labels[(s.id, s.text[a:b])] = lab
    planted = {}
    for sp in spans:
        for _, _, lab in sp:
            if lab:
                planted.setdefault(lab.rstrip("c"), set()).add(lab)
    want = {f for f, variants in planted.items() if len(variants) == 2}
    found, stated, planted_stated = set(), 0, 0
    for m in result.merged:
        for c in m.conflicts:
            stated += 1
            labs = {labels.get((v.source_id, v.excerpt.strip())) for v in c.values}
            facts = {lab.rstrip("c") for lab in labs if lab}
            if len(facts) == 1 and len({lab for lab in labs if lab}) == 2:
                found |= facts & want
                planted_stated += 1
    span_of = {s.id: sp for s, sp in zip(sources, spans, strict=True)}
    for sid, start, _ in getattr(result, "flagged", []):
        for a, b, lab in span_of.get(sid, []):
            if lab and lab.endswith("c") and a <= start < b:
                found |= {lab.rstrip("c")} & want
    recall = len(found) / len(want) if want else 1.0
    return recall, (planted_stated / stated if stated else 1.0)


def run_size(n: int, default_gc: bool = False) -> dict:
    from memogen.compose import compose_memo
    from memogen.config import TopicConfig
    from memogen.merge import merge_points

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if not default_gc:
        from memogen.console import fewer_collections

        fewer_collections()  # as the `memogen` command runs every build (console.main, cli.main)
    sources, spans = to_model(make_topic(n))
    row: dict = {"sources": n, "words": sum(len(s.text.split()) for s in sources)}
    t, c = time.perf_counter(), time.process_time()
    points, how = segment(sources)
    row.update(segment_s=time.perf_counter() - t, segment_mb=rss_mb(), segmenter=how, points=len(points))
    row["segment_cpu"] = time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    result = merge_points(points, sources)
    row.update(merge_s=time.perf_counter() - t, merge_mb=rss_mb(), merge_cpu=time.process_time() - c)
    t, c = time.perf_counter(), time.process_time()
    compose_memo(result, sources, TopicConfig(), "bench", None, dt.datetime(2024, 1, 2))
    row.update(compose_s=time.perf_counter() - t, compose_mb=rss_mb(), compose_cpu=time.process_time() - c)
    span_of = {s.id: sp for s, sp in zip(sources, spans, strict=True)}

    def label(source_id: str, excerpt_start: int):
        for a, b, lab in span_of[source_id]:
            if a <= excerpt_start < b:
                return lab
        return None

    by_cluster = []
    for m in result.merged:
        # members carry no offsets; citations do (one per source), enough for cross-source pairs
        by_cluster.append([label(c.source_id, c.start) for c in m.citations if c.score > 0])
    row["dup_precision"], row["dup_recall"] = pair_counts(by_cluster)
    row["conflicts_stated"] = sum(1 for m in result.merged for c in m.conflicts)
    row["conflict_recall"], row["conflict_precision"] = conflict_scores(result, sources, spans)
    row["total_s"] = row["segment_s"] + row["merge_s"] + row["compose_s"]
    row["digest"] = result_digest(result)
    return row


def result_digest(result) -> str:
    """A hash of everything the merger decided (texts, citations, conflicts), to compare runs."""
    import hashlib

    h = hashlib.sha256()
    for m in result.merged:
        h.update(m.text.encode())
        h.update(repr([(c.source_id, c.start, c.end) for c in m.citations]).encode())
        h.update(repr([c.statement for c in m.conflicts]).encode())
    return h.hexdigest()[:16]


def hashseed_check(n: int) -> None:
    """Same merge for PYTHONHASHSEED 0, 1 and 2 (no salted hash() may decide anything)."""
    import os

    digests = {}
    for seed in ("0", "1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True, env=env
        )
        digests[seed] = json.loads(out.stdout.strip().splitlines()[-1])["digest"]
    same = len(set(digests.values())) == 1
    print(f"{n} sources, PYTHONHASHSEED 0/1/2 digests: {digests} -> {'identical' if same else 'DIFFERENT'}")


def _pr(rs: list[dict], res: list[tuple[bool, bool]], flag: int, want: str) -> tuple[float, float]:
    """Precision and recall of one decision (0: duplicate, 1: conflict) against one label."""
    tp = sum(1 for r, d in zip(rs, res, strict=True) if d[flag] and r["label"] == want)
    pp = sum(1 for d in res if d[flag])
    ap = sum(1 for r in rs if r["label"] == want)
    return (tp / pp if pp else 1.0), (tp / ap if ap else 1.0)


def pairs_report() -> None:
    from memogen.merge import judge_pairs

    path = ROOT / "tests" / "fixtures" / "merge" / "pairs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    print("| split | pairs | dup P | dup R | conflict P | conflict R |")
    print("|---|---|---|---|---|---|")
    for split in ("tune", "heldout", "heldout2", "heldout3"):
        rs = [r for r in rows if r["split"] == split]
        res = judge_pairs([(r["a"], r["b"]) for r in rs])

        (dp, dr), (cp, cr) = _pr(rs, res, 0, "dup"), _pr(rs, res, 1, "conflict")
        print(f"| {split} | {len(rs)} | {dp:.2f} | {dr:.2f} | {cp:.2f} | {cr:.2f} |")


def yardstick() -> float:
    """CPU seconds of one fixed pure-Python workload (regex, sort, counting), best of 3.

    Why: this machine's speed changes about twofold from one hour to the next with nothing else
    running (the 2,000-source run took 35 s at one moment and 73 s twenty minutes later), so a
    figure is read beside the yardstick measured in the same run, as bench_build reads pandoc.
    """
    import re

    rng = random.Random(3)
    text = " ".join(_word(rng) for _ in range(60_000))
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in range(4):
            words = re.findall(r"\b\w+\b", text)
            Counter(words).most_common(50)
            sorted(words)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[5, 50, 500, 2000])
    ap.add_argument("--pairs", action="store_true")
    ap.add_argument(
        "--hashseed", type=int, metavar="N", help="compare merges of N sources under 3 hash seeds"
    )
    ap.add_argument(
        "--default-gc",
        action="store_true",
        help="Python's default collector thresholds (a library caller's), not the memogen command's",
    )
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.default_gc)))
        return
    if args.pairs:
        pairs_report()
        return
    if args.hashseed:
        hashseed_check(args.hashseed)
        return
    rows = []
    before = yardstick()
    for n in args.sizes:
        gc_flag = ["--default-gc"] if args.default_gc else []
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), *gc_flag], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"segmenter: {rows[0]['segmenter']}")
    print(
        "| sources | points | segment s | merge s | compose s | total s | peak MB (seg/merge/compose) "
        "| dup P | dup R | conflicts stated | planted conflicts found | stated that were planted |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['sources']} | {r['points']} | {r['segment_s']:.2f} | {r['merge_s']:.2f} | {r['compose_s']:.2f} | "
            f"{r['total_s']:.2f} | {r['segment_mb']:.0f}/{r['merge_mb']:.0f}/{r['compose_mb']:.0f} | "
            f"{r['dup_precision']:.3f} | {r['dup_recall']:.3f} | {r['conflicts_stated']} | "
            f"{r['conflict_recall']:.2f} | {r['conflict_precision']:.2f} |"
        )
    for r in rows:  # the machine is shared: CPU seconds of this process follow the work, not the load
        cpu = r["segment_cpu"] + r["merge_cpu"] + r["compose_cpu"]
        print(
            f"CPU s, {r['sources']} sources: {cpu:.2f} "
            f"({r['segment_cpu']:.2f} + {r['merge_cpu']:.2f} + {r['compose_cpu']:.2f})"
        )
    print(
        f"yardstick (fixed pure-Python work, CPU s, best of 3): {before:.3f} before, {yardstick():.3f} after"
    )
    by = {r["sources"]: r for r in rows}
    if 500 in by and 2000 in by:
        print(f"ratio 2000/500 total: {by[2000]['total_s'] / by[500]['total_s']:.2f}")
        cpu = {n: by[n]["segment_cpu"] + by[n]["merge_cpu"] + by[n]["compose_cpu"] for n in (500, 2000)}
        print(f"ratio 2000/500 CPU: {cpu[2000] / cpu[500]:.2f}")


if __name__ == "__main__":
    main()
