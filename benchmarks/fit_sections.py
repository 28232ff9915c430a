"""Fit the section classifier (src/memogen/sections/section_model.json) on real text, and report how well
it carries over to publishers and events it was not fitted on.

Run from the repo root (numpy/scipy are needed here only, never at run time):
    .venv/bin/python benchmarks/fit_sections.py --fixtures            # fit on the tuning half, print CV
    .venv/bin/python benchmarks/fit_sections.py --fixtures --write    # ... and write the model file (shipped)
    .venv/bin/python benchmarks/fit_sections.py --fixtures --train all   # both halves: CV per publisher
    .venv/bin/python benchmarks/fit_sections.py --check   # refit with the shipped file's own options: exit 1
                                                          # unless that re-creates it byte for byte
The model file records the options it was fitted with (`fit_options`, and `fit_command`: the command that
re-creates it, grid search included); the fit is deterministic (one BLAS thread, the optimiser run to
convergence), so the same code, corpus and options give the same bytes.  A change to the features, the
segmentation or the labelled data changes the fit: refit with `fit_command` and commit the new file
(tests/test_sections_model_refit.py fails until then).
The shipped weights are the tuning-half fit, so the judge's held figures are honest held-out figures (a
both-halves fit was measured and did no better on the held half).

Labelled points come from
- the headed briefs of ../shared/corpus/sectioned, with their headings stripped as the judge strips
  them (sections_eval.py); a point's label is the section of the gold line it overlaps most (>= 0.8);
- the event sets of ../shared/corpus/events: a point of a file that matches every pattern of a key
  fact stated by that file takes the fact's section (points matching facts of two sections are left out);
- the headed GP source of inputs/lavrov-2021 (its own headings are the labels);
- with --fixtures, the project's own briefs in tests/fixtures/sections/tune (headings stripped).  Their
  held/ briefs are never fitted on: every cross-validation prints how the model does on them.
Each point is seen exactly as `memogen extract` / `memogen build` see it (same reader, same event
inference, same features).  The tuning half is gp-*/ipri-* briefs and the events bangladesh, cop28,
pakistan (benchmarks/corpus_halves.py); `--train tune` never reads the held half, so the held figures
of the judge after such a fit are an honest held-out measure.

Model: multinomial logistic regression (L2 towards an analyst's prior, points weighted by their sentences,
as the judge counts them) over the counted features.  Two choices keep the tuning half's *mix* of sections
out of the model, because pages differ in it far more than in how a section reads (the tuning half is
mostly event reports, headed briefs elsewhere are half assessment):
- the sections are balanced in the fit (`--balance 1`: each section weighs the same in total), so the
  bias is not the training half's share of each section;
- the transitions between neighbours encode only the order writers follow (event, context, meaning):
  staying costs nothing, moving on a little, going back more, at a paragraph break, inside a long
  paragraph and inside a short one — not learned odds, which would carry the lengths of one half's
  sections (long news sections, rare assessment) into every page.  A paragraph that opens on a verbless
  theme ("The purpose of party conventions.") is a heading in disguise: there moving on by one section
  is favoured (its "cost" is negative; `--theme BONUS,BACK`), skipping one (from the event straight to
  its meaning) costs what it costs at a plain paragraph break.
C, the balance, the costs and the length of a long paragraph are chosen by leave-one-group-out
cross-validation (groups: GP, IPRI, each event; with --train all also each held publisher and event)
on the balanced recall (the mean recall of the three sections, which no page's mix of sections can
inflate); per-group accuracy, per-section F1 and the confusion matrix of that cross-validation are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from memogen.model import SECTION_KEYS
from memogen.sections.classify import Item, classify
from memogen.sections.evaluate import parse_labelled
from memogen.sections.event import infer_event
from memogen.sections.extract import source_points
from memogen.sections.learned import MODEL_FILE, SectionModel
from memogen.sources import agree_on_joins, read_source, read_sources, source_id_for

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SECTIONED = SHARED / "corpus" / "sectioned"
EVENTS = SHARED / "corpus" / "events"
MODEL_PATH = ROOT / "src" / "memogen" / "sections" / MODEL_FILE
FIXTURES = ROOT / "tests" / "fixtures" / "sections"
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_halves import in_tune_half  # noqa: E402

SHORT = {"what_happened": "wh", "background": "bg", "what_it_means": "wm"}
FACT_SECTION = {"wh": "what_happened", "bg": "background", "wm": "what_it_means"}


def one_blas_thread() -> None:
    """One BLAS thread: a multi-threaded sum may add in another order from run to run, and the shipped
    file must be re-created byte for byte.  Takes effect only before numpy is imported (in `fit`;
    memogen's modules above do not), so `main` calls it first; importing this module changes nothing."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"


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


def event_docs(keep, root: Path = EVENTS, prefix: str = "") -> list[Doc]:  # type: ignore[no-untyped-def]
    """Each event set's sources, points labelled by the key facts they state.  `root` holds one folder per
    event with its facts.yaml, the pages beside it (../shared/corpus/events) or under inputs/<event>/
    (the devset's layout); `prefix` marks the groups (the devset's are never fitted on)."""
    docs = []
    for folder in sorted(p for p in root.iterdir() if (p / "facts.yaml").is_file() and keep(p.name)):
        facts = yaml.safe_load((folder / "facts.yaml").read_text())["facts"]
        pages = folder / "inputs" / folder.name if (folder / "inputs").is_dir() else folder
        sources = agree_on_joins(read_sources(sorted(pages.glob("*.txt")), {}, progress=False)[0])
        event = infer_event(sources)
        span = (event.start, event.end) if event else None
        for s in sources:
            label = _fact_labeller(facts, Path(s.path).name)
            docs.append(_doc(s.id, prefix + folder.name, "event", s, span, label))
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


def fixture_docs(split: str) -> list[Doc]:
    """The project's own labelled briefs (tests/fixtures/sections/<split>), headings stripped, each
    point labelled by the gold sentences it holds (points holding two sections are left out)."""
    docs = []
    for path in sorted((FIXTURES / split).glob("*.txt")):
        brief = parse_labelled(path.stem, path.read_text(encoding="utf-8"))
        found = source_points(brief.source(stripped=True), None)
        labels = []
        for d in found.drafts:
            held = {g.label for g in brief.gold_stripped if d.start <= (g.start + g.end) // 2 < d.end}
            labels.append(held.pop() if len(held) == 1 else None)
        weights = [_sentences(t) for t in found.texts]
        docs.append(Doc(path.stem, f"project-{split}", "brief", found.items, labels, weights, found.texts))
    return docs


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
    "c_record": (0.3, 0, 0), "c_aside_date": (0, 0, 0), "c_reported_future": (0.5, 0, -0.5),
    "g_past_perfect": (0, 1.1, 0), "g_present_perfect": (0.3, 0.3, 0), "g_long_state": (0, 1.0, 0),
    "g_simple_past": (0.3, 0, 0), "g_expected": (0, 0, 1.0),
    "w_will": (0, 0, 0.8), "w_modal": (0, 0, 0.8), "w_reporting": (0.8, 0, 0), "w_eval": (0, 0, 0.45),
    "w_history": (0, 0.6, 0), "w_present_be": (0, 0.2, 0.2), "w_first_person": (0, 0, 0.5),
    "w_casualty": (0.5, 0, 0), "w_contrast": (0, 0, 0.2),
    "c_verdict": (0, 0, 2.0), "c_conclusion": (0, 0, 1.0), "c_analysts": (0, 0, 0.8),
    "c_on_date_lead": (1.0, 0, 0), "c_news_future": (0.8, 0, -0.8), "c_quote": (0.2, 0, 0.2), "c_figure": (0.3, 0, 0), "c_amount": (0.2, 0, 0),
    "c_question": (0, 0, 0.5), "c_theme_lead": (-1.0, 0.5, 0.5), "c_enum": (-0.5, 0.25, 0.25),
    "c_nth": (0, 0.5, 0), "g_copula_np": (0, 0.3, 0.2), "g_no_past": (-0.8, 0.4, 0.4),
    "c_theme_wh": (1.5, 0, 0), "c_theme_bg": (0, 1.5, 0), "c_theme_wm": (0, 0, 1.5),
    "p_rel": (-1.0, 0, 1.0), "p_first": (0.5, 0, 0), "p_first_para": (0.5, 0, 0), "p_second_para": (0.4, 0, 0),
    "p_para_log": (0, 0.2, 0), "p_last": (0, 0, 0.5), "d_opinion": (-0.5, 0, 0.5), "p_lead_report": (2.0, 0, 0),
    "c_definition": (0, 1.0, 0), "g_reported_perfect": (0.3, 0, 0), "g_perfect_be": (0, 0.8, 0),

}  # fmt: skip


Costs = tuple[float, float]  # (moving on to a later section, going back to an earlier one)


@dataclass(frozen=True)
class Settings:
    """What cross-validation chooses: the penalty C; how far the sections are balanced (0: as the
    training half has them, 1: all alike); the cost of changing section at a paragraph break, inside a
    long paragraph and inside a short one; from how many points on a paragraph is long."""

    c: float = 0.01
    balance: float = 1.0
    paragraph: Costs = (0.75, 1.5)
    long: Costs = (3.0, 6.0)
    short: Costs = (0.25, 0.5)
    long_paragraph: int = 5
    theme: Costs = (-1.5, 1.5)  # a paragraph opening on a theme: moving on is favoured (a negative cost)

    def __str__(self) -> str:
        return (
            f"C={self.c:<5} balance {self.balance:<4} change of section costs (on, back): paragraph "
            f"{self.paragraph}, theme-led paragraph {self.theme}, long paragraph {self.long}, short "
            f"{self.short}; long from {self.long_paragraph}"
        )


def fit(docs: list[Doc], settings: Settings) -> SectionModel:
    """Weights = PRIOR + a learned shift, the shift's squared size penalised by 1/(2C) (biases free).

    Sections are weighted towards balance (`settings.balance`): the tuning half is mostly event
    reports, other pages are mostly assessment, so the bias must not copy one half's mix."""
    c, balance_power = settings.c, settings.balance
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

    # run to convergence (no early stop on a small relative step): the weights, stored to five decimals,
    # then do not hang on where the optimiser happened to stop
    options = {"maxiter": 10000, "gtol": 1e-12, "ftol": 0.0}
    result = minimize(loss, np.zeros(3 * k + 3), jac=True, method="L-BFGS-B", options=options)
    delta, bias = result.x[: 3 * k].reshape(k, 3), result.x[3 * k :]
    w = prior + delta
    w -= w.mean(axis=1, keepdims=True)  # only differences between sections matter
    weights = {n: {key: float(w[j, i]) for i, key in enumerate(SECTION_KEYS)} for n, j in index.items()}
    bias_map = {key: float(bias[i] - bias.mean()) for i, key in enumerate(SECTION_KEYS)}
    return SectionModel(bias_map, weights, transitions(settings), settings.long_paragraph)


def transitions(settings: Settings) -> dict[str, dict[str, dict[str, float]]]:
    """The log-odds of a point's section given its neighbour's: staying costs nothing, moving on to a
    later section (event -> context -> meaning) a little, going back more.  Only the order is encoded,
    not how long sections run: lengths learned from one half (long news sections, short assessments)
    would carry its mix of sections into pages with another."""

    def table(costs: Costs, skip: float | None = None) -> dict[str, dict[str, float]]:
        """`skip`: the cost of skipping a section (event straight to meaning), when not `on`."""
        on, back = costs

        def cost(i: int, j: int) -> float:
            if i == j:
                return 0.0
            if j < i:
                return back
            return on if j == i + 1 or skip is None else skip

        return {a: {b: -cost(i, j) for j, b in enumerate(SECTION_KEYS)} for i, a in enumerate(SECTION_KEYS)}

    return {
        "paragraph": table(settings.paragraph),
        "theme": table(settings.theme, skip=settings.paragraph[0]),
        "sentence": table(settings.long),
        "short": table(settings.short),
    }


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


@dataclass
class Result:
    """A cross-validation: each left-out group's tally and the pooled confusion."""

    per_group: dict[str, Tally]
    confusion: Counter[tuple[str, str]]  # real pages only: what the choice of settings is made on
    project: Tally | None = None  # the project's own held-out briefs, shown beside it

    @property
    def mean_accuracy(self) -> float:
        return sum(t.accuracy for t in self.per_group.values()) / len(self.per_group)

    @property
    def balanced(self) -> float:
        """Mean recall of the three sections: what the model gets right whatever a page's mix of them."""
        recalls = []
        for k in SECTION_KEYS:
            total = sum(self.confusion[(k, p)] for p in SECTION_KEYS)
            recalls.append(self.confusion[(k, k)] / total if total else 0.0)
        return sum(recalls) / len(recalls)


def cross_validate(
    docs: list[Doc], settings: Settings, errors: bool = False, also: list[Doc] | None = None
) -> Result:
    """Leave one group (publisher, event) out; `also` (project briefs never fitted on) is scored by
    every fold's model, as one more group."""
    groups = sorted({d.group for d in docs if not d.group.startswith("project-")})
    confusion: Counter[tuple[str, str]] = Counter()
    per_group = {}
    for g in groups:
        model = fit([d for d in docs if d.group != g], settings)
        per_group[g] = score(model, [d for d in docs if d.group == g], confusion)
        if errors and all(
            in_tune_half(d.group if d.kind == "event" else d.name) for d in docs if d.group == g
        ):
            show_errors(model, [d for d in docs if d.group == g])
    project = score(fit(docs, settings), also) if also else None
    return Result(per_group, confusion, project)


def show_result(result: Result) -> None:
    for g, t in result.per_group.items():
        print(f"  left-out group {g:32} accuracy {t.accuracy:.2f} ({t.total:.0f} sentences)")
    if result.project:
        print(f"  the project's held-out briefs          accuracy {result.project.accuracy:.2f}")
    print_confusion(result.confusion)


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


def show_devset(model: SectionModel, root: Path) -> None:
    """The fitted model on event sets it never saw (their pages' key-fact points): accuracy per event and the
    pooled confusion.  Their gold files some responses under What it means where the tuning half's files
    them under What happened, so this is a check on unseen outlets, not a figure to fit."""
    if not root.is_dir():
        print(f"no devset at {root}")
        return
    docs = event_docs(lambda name: True, root, prefix="dev:")
    confusion: Counter[tuple[str, str]] = Counter()
    print("devset (never fitted on):")
    for group in sorted({d.group for d in docs}):
        t = score(model, [d for d in docs if d.group == group], confusion)
        print(f"  {group:40} accuracy {t.accuracy:.2f} ({t.total:.0f} sentences)")
    print_confusion(confusion)


def _costs(text: str) -> Costs:
    on, back = (float(x) for x in text.split(","))
    return on, back


def _bonus_costs(text: str) -> Costs:
    bonus, back = _costs(text)
    return -bonus, back


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", choices=["tune", "all"], default="tune")
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.relative_to(ROOT)}")
    parser.add_argument(
        "--check",
        action="store_true",
        help="refit with the options recorded in the shipped model file; exit 1 unless it is re-created byte for byte",
    )
    # defaults: what the tuning-half grid chose (see the module docstring); pass several values to search
    defaults = Settings()
    parser.add_argument("--c", type=float, nargs="*", default=[defaults.c])
    parser.add_argument("--balance", type=float, nargs="*", default=[defaults.balance])
    parser.add_argument("--paragraph", type=_costs, nargs="*", default=[defaults.paragraph], help="ON,BACK")
    parser.add_argument("--long", type=_costs, nargs="*", default=[defaults.long], help="ON,BACK")
    parser.add_argument("--short", type=_costs, nargs="*", default=[defaults.short], help="ON,BACK")
    parser.add_argument("--long-from", type=int, nargs="*", default=[defaults.long_paragraph])
    parser.add_argument(
        "--theme",
        type=_bonus_costs,
        nargs="*",
        default=[defaults.theme],
        help="BONUS,BACK: at a theme-led paragraph, how much moving on is favoured, and going back costs",
    )
    parser.add_argument("--fixtures", action="store_true", help="fit on the project's tune/ briefs as well")
    parser.add_argument(
        "--errors", action="store_true", help="print the tuning half's points as cross-validated"
    )
    parser.add_argument(
        "--devset",
        type=Path,
        default=None,
        help="also score the chosen fit on the key-fact points of these event sets (e.g. ../devset): "
        "pages of other outlets, never fitted on; decides nothing",
    )
    return parser


def _pair(costs: Costs, sign: float = 1.0) -> str:
    return f"{sign * costs[0]:g},{costs[1]:g}"


def fit_argv(args: argparse.Namespace) -> list[str]:
    """The options that decide the fit, as a command line (`--write`, `--check`, `--errors` decide
    nothing): recorded in the model file, so the same command re-creates it."""
    argv = ["--train", args.train, *(["--fixtures"] if args.fixtures else [])]
    argv += ["--c", *(f"{c:g}" for c in args.c), "--balance", *(f"{b:g}" for b in args.balance)]
    for flag, values, sign in (
        ("--paragraph", args.paragraph, 1.0),
        ("--long", args.long, 1.0),
        ("--short", args.short, 1.0),
        ("--theme", args.theme, -1.0),  # typed as BONUS,BACK
    ):
        argv += [flag, *(_pair(v, sign) for v in values)]
    return [*argv, "--long-from", *(str(n) for n in args.long_from)]


def settings_grid(args: argparse.Namespace) -> list[Settings]:
    return [
        Settings(c, b, p, lg, sh, n, th)
        for c in args.c
        for b in args.balance
        for p in args.paragraph
        for lg in args.long
        for sh in args.short
        for n in args.long_from
        for th in args.theme
    ]


def run(args: argparse.Namespace) -> str:
    """Cross-validate every setting of the grid, fit the chosen one on all the training data, and
    return the model file's text (deterministic: same code, corpus and options, same bytes)."""
    argv = fit_argv(args)
    print("fit options: " + " ".join(argv))
    docs = load_docs(args.train) + (fixture_docs("tune") if args.fixtures else [])
    project_held = fixture_docs("held")
    labelled = Counter(label for d in docs for label in d.labels if label)
    print(f"training data ({args.train} half): {len(docs)} sources, labelled points {dict(labelled)}")
    grid = {st: cross_validate(docs, st, also=project_held) for st in settings_grid(args)}
    for st, res in grid.items():
        project = f", project briefs {res.project.accuracy:.3f}" if res.project else ""
        print(
            f"  {st}: balanced {res.balanced:.3f}, mean accuracy of groups {res.mean_accuracy:.3f}{project}"
        )
    chosen = max(grid, key=lambda st: (round(grid[st].balanced, 3), grid[st].mean_accuracy, -st.c))
    print(f"chosen {chosen}; leave-one-group-out detail:")
    show_result(cross_validate(docs, chosen, errors=args.errors, also=project_held))
    model = fit(docs, chosen)
    for kind in ("brief", "event"):
        confusion: Counter[tuple[str, str]] = Counter()
        t = score(model, [d for d in docs if d.kind == kind], confusion)
        print(
            f"fit on all its training data, {kind} sources: accuracy {t.accuracy:.3f} ({t.total:.0f} sentences)"
        )
    if args.devset:
        show_devset(model, args.devset)
    meta = {
        "fitted_on": ("both halves" if args.train == "all" else "the tuning half")
        + (" and the project's tune/ briefs" if args.fixtures else ""),
        "fit_command": "benchmarks/fit_sections.py " + " ".join(argv) + " --write",
        "fit_options": argv,
        "settings_tried": len(grid),
        "C": chosen.c,
        "change_costs": {
            "paragraph": chosen.paragraph,
            "theme": chosen.theme,
            "long": chosen.long,
            "short": chosen.short,
        },
        "balance": chosen.balance,
        "cv_balanced_recall": round(grid[chosen].balanced, 4),
        "cv_mean_accuracy": round(grid[chosen].mean_accuracy, 4),
    }
    return model.to_json(meta)


def recorded_options(path: Path = MODEL_PATH) -> list[str]:
    """The fit options a model file was written with (`fit_options`)."""
    return list(json.loads(path.read_text(encoding="utf-8"))["fit_options"])


def check(parser: argparse.ArgumentParser) -> int:
    """Refit with the shipped file's own options: 0 if that re-creates the file byte for byte."""
    shipped = MODEL_PATH.read_text(encoding="utf-8")
    text = run(parser.parse_args(recorded_options()))
    if text == shipped:
        print(f"{MODEL_PATH.relative_to(ROOT)} re-created byte for byte by its recorded options")
        return 0
    old, new = shipped.splitlines(), text.splitlines()
    differ = [i for i in range(max(len(old), len(new))) if old[i : i + 1] != new[i : i + 1]]
    print(
        f"{MODEL_PATH.relative_to(ROOT)} is NOT what its recorded options refit: {len(differ)} lines differ"
    )
    for i in differ[:10]:
        print(f"  line {i + 1}: shipped {old[i : i + 1]} refit {new[i : i + 1]}")
    return 1


def main() -> int:
    one_blas_thread()
    parser = _parser()
    args = parser.parse_args()
    if not SECTIONED.is_dir():
        print(f"no corpus at {SECTIONED}")
        return 2
    if args.check:
        return check(parser)
    text = run(args)
    if args.write:
        MODEL_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
