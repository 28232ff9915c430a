"""Fit the section classifier (src/memogen/sections/section_model.json) on real text, and report how well
it carries over to publishers and events it was not fitted on.

Run from the repo root (scikit-learn is needed here only, never at run time):
    .venv/bin/python benchmarks/fit_sections.py                 # fit on the tuning half, print CV, do not write
    .venv/bin/python benchmarks/fit_sections.py --write         # ... and write the model file
    .venv/bin/python benchmarks/fit_sections.py --train all --write   # final weights: both halves

Labelled points come from
- the headed briefs of ../shared/corpus/sectioned, with their headings stripped as the judge strips
  them (sections_eval.py); a point's label is the section of the gold line it overlaps most (>= 0.8);
- the event sets of ../shared/corpus/events: a point of a file that matches every pattern of a key
  fact stated by that file takes the fact's section (points matching facts of two sections are left out);
- the headed GP source of inputs/lavrov-2021 (its own headings are the labels).
Each point is seen exactly as `memogen extract` / `memogen build` see it (same reader, same event
inference, same features).  The tuning half is gp-*/ipri-* briefs and the events bangladesh, cop28,
pakistan (benchmarks/corpus_halves.py); `--train tune` never reads the held half, so the held figures
of the judge after such a fit are an honest held-out measure.

Model: multinomial logistic regression (L2, classes balanced, points weighted by their sentences, as the
judge counts them) over the counted features; transition log-odds between neighbouring points' sections
(paragraph break / same paragraph) from the same labels.  C and the transition weight are chosen by
leave-one-group-out cross-validation (groups: GP, IPRI, each event; with --train all also each held
publisher and event) on sentence accuracy; per-group accuracy, per-section F1 and the confusion matrix
of that cross-validation are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from memogen.model import SECTION_KEYS
from memogen.sections.classify import Item, classify
from memogen.sections.event import infer_event
from memogen.sections.extract import source_points
from memogen.sections.learned import MODEL_FILE, SectionModel
from memogen.sources import read_source, read_sources, source_id_for

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SECTIONED = SHARED / "corpus" / "sectioned"
EVENTS = SHARED / "corpus" / "events"
MODEL_PATH = ROOT / "src" / "memogen" / "sections" / MODEL_FILE
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_halves import in_tune_half  # noqa: E402

SHORT = {"what_happened": "wh", "background": "bg", "what_it_means": "wm"}
FACT_SECTION = {"wh": "what_happened", "bg": "background", "wm": "what_it_means"}


@dataclass
class Doc:
    """One source as the classifier sees it, with the gold section (or None) of each point."""

    name: str
    group: str
    kind: str  # "brief" (headings stripped) or "event"
    items: list[Item]
    labels: list[str | None]
    weights: list[float]  # sentences per point, as the judge counts them
    texts: list[str]


# --------------------------------------------------------------------------- labelled data


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _label_of(text: str, gold: dict[str, list[str]]) -> str | None:
    """The judge's rule: the gold section of the line sharing >= 80 % of the point's words."""
    ws = _words(text)
    if len(ws) < 4:
        return None
    best, key = 0.0, None
    for k, paras in gold.items():
        for p in paras:
            pw = set(_words(p))
            score = sum(w in pw for w in ws) / len(ws)
            if score > best:
                best, key = score, k
    return key if best >= 0.8 else None


def _sentences(text: str) -> float:
    return float(max(1, len(re.findall(r"[.!?](\s|$)", text))))


def _strip_headings(text: str, heads: list[str], inline: list[str]) -> str:
    """The judge's stripping: heading lines removed, inline heading prefixes cut."""
    hs = {h.strip() for h in heads}
    out = []
    for line in text.splitlines():
        if line.strip() in hs:
            continue
        for h in inline:
            if h and line.lstrip().startswith(h.strip()):
                line = line.lstrip()[len(h.strip()) :].lstrip(" :")
                break
        out.append(line)
    return "\n".join(out) + "\n"


def _doc(name: str, group: str, kind: str, source, event, gold_of) -> Doc:  # type: ignore[no-untyped-def]
    found = source_points(source, *(event or (None, None)))
    labels = [gold_of(t) for t in found.texts]
    return Doc(name, group, kind, found.items, labels, [_sentences(t) for t in found.texts], found.texts)


def brief_docs(keep, tmp: Path) -> list[Doc]:  # type: ignore[no-untyped-def]
    docs = []
    for g in json.loads((SECTIONED / "gold.json").read_text()):
        if not keep(g["file"]):
            continue
        heads = list(g["heading_lines"])
        inline = [h for h in g.get("headings", []) if h not in heads] if g.get("inline_headings") else []
        path = tmp / g["file"]
        path.write_text(_strip_headings((SECTIONED / g["file"]).read_text(), heads, inline))
        source = read_source(path, source_id_for(path), None)
        group = g["file"].split("-")[0]
        docs.append(
            _doc(g["file"], group, "brief", source, None, lambda t, gold=g["sections"]: _label_of(t, gold))
        )
    return docs


def _fact_labeller(facts: list[dict], file: str):  # type: ignore[no-untyped-def]
    mine = [
        (FACT_SECTION[f["section"]], [re.compile(x, re.I) for x in f["all"]])
        for f in facts
        if file in f["sources"]
    ]

    def label(text: str) -> str | None:
        hits = {sec for sec, rx in mine if all(r.search(text) for r in rx)}
        return hits.pop() if len(hits) == 1 else None

    return label


def event_docs(keep) -> list[Doc]:  # type: ignore[no-untyped-def]
    docs = []
    for folder in sorted(p for p in EVENTS.iterdir() if p.is_dir() and keep(p.name)):
        facts = yaml.safe_load((folder / "facts.yaml").read_text())["facts"]
        sources, _ = read_sources(sorted(folder.glob("*.txt")), {}, progress=False)
        event = infer_event(sources)
        span = (event.start, event.end) if event else None
        for s in sources:
            docs.append(_doc(s.id, folder.name, "event", s, span, _fact_labeller(facts, Path(s.path).name)))
    return docs


def lavrov_doc(tmp: Path) -> Doc:
    """The GP Insights lavrov source, its three question headings as labels (stripped like a brief)."""
    path = ROOT / "inputs" / "lavrov-2021" / "gp-insights-new-era.txt"
    heads = {
        "What happened?": "what_happened",
        "What is the background?": "background",
        "What does it mean?": "what_it_means",
    }
    gold: dict[str, list[str]] = defaultdict(list)
    current = None
    for line in path.read_text().splitlines():
        if line.strip() in heads:
            current = heads[line.strip()]
        elif current and len(line.strip()) >= 40:
            gold[current].append(line.strip())
        elif re.match(r"^\w+ \d{4} \| GP Insights", line.strip()):
            current = None
    stripped = tmp / path.name
    stripped.write_text(_strip_headings(path.read_text(), list(heads), []))
    source = read_source(stripped, source_id_for(stripped), None)
    return _doc(
        "gp-insights-lavrov-2021",
        "gp",
        "brief",
        source,
        (dt.date(2021, 4, 6), dt.date(2021, 4, 7)),
        lambda t: _label_of(t, gold),
    )


def load_docs(train: str) -> list[Doc]:
    keep = in_tune_half if train == "tune" else (lambda name: True)
    with tempfile.TemporaryDirectory() as tmp:
        return [*brief_docs(keep, Path(tmp)), lavrov_doc(Path(tmp)), *event_docs(keep)]


# --------------------------------------------------------------------------- fitting


# What an analyst expects each feature to say before seeing any data: (what happened, background, what it
# means).  The issue's own rules of thumb — the lead of a report is the event, history and context follow,
# could/would/will and analysts' verdicts are what it means — and the time of a sentence relative to the
# event.  The fit starts here and moves each weight only as far as the labelled points ask (the penalty
# is on the distance from these values), so a feature the few labels never show keeps its expected sense.
PRIOR: dict[str, tuple[float, float, float]] = {
    "t_day_event": (2.2, 0, 0), "t_day_recent": (0.6, 0.4, 0), "t_day_before": (0, 2.0, 0),
    "t_day_future": (0, 0, 1.5), "t_day_any": (0.5, 0, 0),
    "t_month_event": (0.8, 0, 0), "t_month_before": (0, 1.6, 0), "t_month_future": (0, 0, 1.2),
    "t_month_after": (0.5, 0, 0), "t_year_before": (0, 1.6, 0), "t_year_long_before": (0, 2.2, 0),
    "t_year_future": (0, 0, 1.4), "t_year_any": (0, 0.5, 0), "t_decade_before": (0, 2.0, 0),
    "t_since": (0, 1.5, 0), "t_rel_near": (1.2, 0, 0), "t_rel_past": (0, 1.4, 0), "t_rel_future": (0, 0, 1.6),
    "c_record": (0.3, 0, 0),
    "g_past_perfect": (0, 1.1, 0), "g_present_perfect": (0.3, 0.3, 0), "g_long_state": (0, 1.0, 0),
    "g_simple_past": (0.3, 0, 0), "g_expected": (0, 0, 1.0),
    "w_will": (0, 0, 0.8), "w_modal": (0, 0, 0.8), "w_reporting": (0.8, 0, 0), "w_eval": (0, 0, 0.45),
    "w_history": (0, 0.6, 0), "w_present_be": (0, 0.2, 0.2), "w_first_person": (0, 0, 0.5),
    "w_casualty": (0.5, 0, 0), "w_contrast": (0, 0, 0.2),
    "c_verdict": (0, 0, 2.0), "c_conclusion": (0, 0, 1.0), "c_analysts": (0, 0, 0.8),
    "c_on_date_lead": (1.0, 0, 0), "c_quote": (0.2, 0, 0.2), "c_figure": (0.3, 0, 0), "c_amount": (0.2, 0, 0),
    "c_question": (0, 0, 0.5), "c_theme_lead": (-1.0, 0.5, 0.5), "c_enum": (-0.5, 0.25, 0.25),
    "c_nth": (0, 0.5, 0), "g_copula_np": (0, 0.3, 0.2), "g_no_past": (-0.8, 0.4, 0.4),
    "c_theme_wh": (1.5, 0, 0), "c_theme_bg": (0, 1.5, 0), "c_theme_wm": (0, 0, 1.5),
    "p_rel": (-1.0, 0, 1.0), "p_first": (0.5, 0, 0), "p_first_para": (0.5, 0, 0), "p_second_para": (0.4, 0, 0),
    "p_para_log": (0, 0.2, 0), "p_last": (0, 0, 0.5), "d_opinion": (-0.5, 0, 0.5), "p_lead_report": (2.0, 0, 0),

}  # fmt: skip


def fit(docs: list[Doc], c: float, lam: tuple[float, float], balance_power: float = 0.0) -> SectionModel:
    """Weights = PRIOR + a learned shift, the shift's squared size penalised by 1/(2C) (biases free)."""
    import numpy as np
    from scipy.optimize import minimize

    rows, ys, ws = [], [], []
    for d in docs:
        for item, label, w in zip(d.items, d.labels, d.weights, strict=True):
            if label is not None and item.fixed is None:
                rows.append(item.features)
                ys.append(SECTION_KEYS.index(label))
                ws.append(w)
    names = sorted({n for r in rows for n in r} | set(PRIOR))
    index = {n: j for j, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for n, v in r.items():
            x[i, index[n]] = v
    y = np.array(ys)
    counts = np.bincount(y, minlength=3).astype(float)
    balance = (len(y) / (3 * np.maximum(counts, 1))) ** balance_power  # rare sections count more, not fully
    sw = np.array(ws) * balance[y]
    prior = np.array([PRIOR.get(n, (0.0, 0.0, 0.0)) for n in names])  # features x 3
    onehot = np.eye(3)[y]
    k = len(names)

    def loss(theta):  # type: ignore[no-untyped-def]
        delta, bias = theta[: 3 * k].reshape(k, 3), theta[3 * k :]
        z = x @ (prior + delta) + bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        nll = -(sw * np.log(np.clip((p * onehot).sum(axis=1), 1e-12, None))).sum()
        grad_z = (p - onehot) * sw[:, None]
        grad = np.concatenate([(x.T @ grad_z + delta / c).ravel(), grad_z.sum(axis=0)])
        return nll + (delta**2).sum() / (2 * c), grad

    result = minimize(loss, np.zeros(3 * k + 3), jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    delta, bias = result.x[: 3 * k].reshape(k, 3), result.x[3 * k :]
    w = prior + delta
    w -= w.mean(axis=1, keepdims=True)  # only differences between sections matter
    weights = {n: {key: float(w[j, i]) for i, key in enumerate(SECTION_KEYS)} for n, j in index.items()}
    bias_map = {key: float(bias[i] - bias.mean()) for i, key in enumerate(SECTION_KEYS)}
    return SectionModel(bias_map, weights, transitions(docs, *lam))


def transitions(docs: list[Doc], lam_para: float, lam_sent: float) -> dict[str, dict[str, dict[str, float]]]:
    """log P(next | prev) - log P(next) for neighbouring labelled points, at a paragraph break or inside
    a paragraph (add-one), times the weight cross-validation chose for each."""
    pairs: dict[str, Counter[tuple[str, str]]] = {"paragraph": Counter(), "sentence": Counter()}
    for d in docs:
        for i in range(1, len(d.items)):
            a, b = d.labels[i - 1], d.labels[i]
            if a is None or b is None or d.items[i].scope != d.items[i - 1].scope:
                continue
            pairs["paragraph" if d.items[i].new_paragraph else "sentence"][(a, b)] += 1
    out = {}
    for kind, counter in pairs.items():
        total = sum(counter.values()) + 9
        nxt = {b: (sum(counter[(a, b)] for a in SECTION_KEYS) + 3) / total for b in SECTION_KEYS}
        table = {}
        for a in SECTION_KEYS:
            row = sum(counter[(a, b)] for b in SECTION_KEYS) + 3
            scale = lam_para if kind == "paragraph" else lam_sent
            table[a] = {
                b: scale * (math.log((counter[(a, b)] + 1) / row) - math.log(nxt[b])) for b in SECTION_KEYS
            }
        out[kind] = table
    return out


# --------------------------------------------------------------------------- measuring


@dataclass
class Tally:
    right: float = 0.0
    total: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def score(model: SectionModel, docs: list[Doc], confusion: Counter[tuple[str, str]] | None = None) -> Tally:
    """Sentence-weighted accuracy of decoded sections on the labelled points."""
    t = Tally()
    for d in docs:
        for dec, label, w in zip(classify(d.items, model), d.labels, d.weights, strict=True):
            if label is None:
                continue
            t.total += w
            t.right += w * (dec.section == label)
            if confusion is not None:
                confusion[(label, dec.section)] += w
    return t


def show_errors(model: SectionModel, docs: list[Doc]) -> None:
    """Every labelled point of the (tuning-half) docs with its decision, wrong ones marked."""
    for d in docs:
        print(f"=== {d.name}")
        for dec, label, text in zip(classify(d.items, model), d.labels, d.texts, strict=True):
            if label is not None:
                mark = "  " if dec.section == label else "XX"
                print(
                    f"  {mark} gold {SHORT[label]} got {SHORT[dec.section]} {dec.confidence:.2f} {dec.reason[:5]:5} {text[:110]}"
                )


def cross_validate(docs: list[Doc], c: float, lam: tuple[float, float], verbose: bool | str = False) -> float:
    """Leave one group out: mean over groups of sentence accuracy, briefs and events weighed alike."""
    groups = sorted({d.group for d in docs})
    confusion: Counter[tuple[str, str]] = Counter()
    per_group = {}
    for g in groups:
        model = fit([d for d in docs if d.group != g], c, lam)
        per_group[g] = score(model, [d for d in docs if d.group == g], confusion)
        if verbose == "errors" and all(
            in_tune_half(d.group if d.kind == "event" else d.name) for d in docs if d.group == g
        ):
            show_errors(model, [d for d in docs if d.group == g])
    mean = sum(t.accuracy for t in per_group.values()) / len(per_group)
    if verbose:
        for g, t in per_group.items():
            print(f"  held-out group {g:32} accuracy {t.accuracy:.2f} ({t.total:.0f} sentences)")
        print_confusion(confusion)
    return mean


def print_confusion(confusion: Counter[tuple[str, str]]) -> None:
    print("  confusion (sentences; gold rows x predicted columns):   wh     bg     wm")
    for g in SECTION_KEYS:
        print(f"    {SHORT[g]:>4} " + " ".join(f"{confusion[(g, p)]:6.0f}" for p in SECTION_KEYS))
    for k in SECTION_KEYS:
        tp = confusion[(k, k)]
        fp = sum(confusion[(g, k)] for g in SECTION_KEYS if g != k)
        fn = sum(confusion[(k, p)] for p in SECTION_KEYS if p != k)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(f"    F1 {SHORT[k]} {f1:.2f} (tp {tp:.0f}, fp {fp:.0f}, fn {fn:.0f})")
    right = sum(confusion[(k, k)] for k in SECTION_KEYS)
    total = sum(confusion.values())
    print(f"    accuracy {right / total if total else 0:.3f} over {total:.0f} sentences")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", choices=["tune", "all"], default="tune")
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.relative_to(ROOT)}")
    # defaults: what the tuning-half grid chose (C 0.01/0.03/0.1 x paragraph 0.6/1/1.5 x long paragraph
    # 2/3/4: best 0.812); pass several values to search again
    parser.add_argument("--c", type=float, nargs="*", default=[0.03])
    parser.add_argument(
        "--para", type=float, nargs="*", default=[1.0], help="paragraph-break transition weights"
    )
    parser.add_argument(
        "--sent", type=float, nargs="*", default=[3.0], help="long-paragraph transition weights"
    )
    parser.add_argument(
        "--errors", action="store_true", help="print the tuning half's points as cross-validated"
    )
    args = parser.parse_args()
    if not SECTIONED.is_dir():
        print(f"no corpus at {SECTIONED}")
        return 2
    docs = load_docs(args.train)
    labelled = Counter(label for d in docs for label in d.labels if label)
    print(f"training data ({args.train} half): {len(docs)} sources, labelled points {dict(labelled)}")
    grid = {
        (c, (p, s)): cross_validate(docs, c, (p, s)) for c in args.c for p in args.para for s in args.sent
    }
    for (c, (p, s)), acc in sorted(grid.items()):
        print(f"  C={c:<5} transitions x{p:<4} (paragraph) x{s:<4} (long paragraph): mean accuracy {acc:.3f}")
    c, lam = max(grid, key=lambda k: (grid[k], -k[0]))
    print(f"chosen C={c}, transition weights {lam}; leave-one-group-out detail:")
    cross_validate(docs, c, lam, verbose="errors" if args.errors else True)
    model = fit(docs, c, lam)
    for kind in ("brief", "event"):
        confusion: Counter[tuple[str, str]] = Counter()
        t = score(model, [d for d in docs if d.kind == kind], confusion)
        print(
            f"fit on all its training data, {kind} sources: accuracy {t.accuracy:.3f} ({t.total:.0f} sentences)"
        )
    if args.write:
        meta = {
            "fitted_on": f"{args.train} half",
            "C": c,
            "transition_weights": list(lam),
            "cv_mean_accuracy": round(grid[(c, lam)], 4),
        }
        MODEL_PATH.write_text(model.to_json(meta), encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
