#!/usr/bin/env python3
"""Key-fact coverage of memogen's selection against LexRank, TextRank and a lead baseline, in one run.

Why: a memo that picks the wrong sentences fails its reader however well it is laid out. The
judge is the shared one (../shared/tools/memo_eval.py): a key fact is covered when ONE paragraph
matches all its regexes. Topics: the corpus events (../shared/corpus/events, tune and held halves
reported apart) and lavrov-2021 with our own gold (benchmarks/gold/lavrov-2021.facts.yaml).

Every system gets the same input, memogen's cleaned sources, and the same word budgets (100, 250,
700 words): the baselines take sentences (pysbd) in their own order while the next one fits.
- memogen: `memogen build` with the budget in topic.yaml; its DOCX is judged as the memo judge does.
- LexRank and TextRank: sumy's summarizers over all sources' sentences as one document.
- lead: the first sentence of each source in turn, then the second, ...
A baseline's output is laid out in paragraphs of three sentences, in its own output order.

Extra topics with gold of the same format (e.g. a news-style devset) join as their own group:
`--gold GOLD_DIR SOURCES_DIR` (repeatable) takes GOLD_DIR/facts.yaml, named after GOLD_DIR, with the
sources SOURCES_DIR/*.txt; `--group NAME` names their group (default "devset").

`--lead-gap` adds, per topic and budget, the key facts the lead baseline states and memogen
misses, by where they went in memogen (budget, repeat, not a statement, ...; held topics by
counts only): the lead baseline is the strongest at small budgets on unseen topics, and what it
has that memogen lacks is where selection must improve.

usage (from the project root; sumy comes with the `bench` extra: pip install -e '.[bench]'):
    .venv/bin/python benchmarks/eval_selection.py [--budgets 100,250,700] [--topics a,b] [--missing]
        [--gold GOLD_DIR SOURCES_DIR ...] [--group devset] [--lead-gap]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LAVROV = ROOT / "inputs" / "lavrov-2021"
LAVROV_GOLD = ROOT / "benchmarks" / "gold" / "lavrov-2021.facts.yaml"
TUNE_EVENTS = ("bangladesh-quota-verdict-2024", "cop28-dubai-2023", "pakistan-election-2024")
BUDGETS = (100, 250, 700)
KNOWN_GROUPS = ("tune", "held", "lavrov")
SYSTEMS = ("memogen", "lexrank", "textrank", "lead")
SENTENCES_PER_PARAGRAPH = 3
BUILD_DAY = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


@dataclass
class Topic:
    name: str
    group: str  # tune / held / lavrov / an extra group (--group)
    files: list[Path]
    facts: list[dict]
    topic_yaml: dict = field(default_factory=dict)


@dataclass
class Score:
    covered: set[str]
    total: int
    words: int
    pages: int | None = None
    text: str = ""  # the summary as scored (ROUGE)

    @property
    def share(self) -> float:
        return len(self.covered) / self.total if self.total else 0.0


def load_judge():
    """The shared memo judge, imported from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("memo_eval", SHARED / "tools" / "memo_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extra_topics(pairs: list[list[str]], group: str) -> list[Topic]:
    """Topics given on the command line: (gold folder holding facts.yaml, folder of the sources)."""
    out = []
    for gold_dir, sources_dir in pairs:
        gold, sources = Path(gold_dir), Path(sources_dir)
        facts = yaml.safe_load((gold / "facts.yaml").read_text())["facts"]
        out.append(Topic(gold.name, group, sorted(sources.glob("*.txt")), facts))
    return out


def topics(selected: set[str] | None, extra: list[Topic] = ()) -> list[Topic]:
    out = []
    events = SHARED / "corpus" / "events"
    for folder in sorted(p for p in events.iterdir() if p.is_dir()) if events.is_dir() else []:
        group = "tune" if folder.name in TUNE_EVENTS else "held"
        facts = yaml.safe_load((folder / "facts.yaml").read_text())["facts"]
        out.append(Topic(folder.name, group, sorted(folder.glob("*.txt")), facts))
    lavrov_yaml = yaml.safe_load((LAVROV / "topic.yaml").read_text())
    lavrov_facts = yaml.safe_load(LAVROV_GOLD.read_text())["facts"]
    out.append(Topic("lavrov-2021", "lavrov", sorted(LAVROV.glob("*.txt")), lavrov_facts, lavrov_yaml))
    out += extra
    return [t for t in out if not selected or t.name in selected]


WHERE = {  # a dropped point's reason, by its opening words -> where the fact went
    "says again": "repeat",
    "word budget": "budget",
    "page limit": "page limit",
    "joined into": "joined",
}


def states(text: str, fact: dict) -> bool:
    """The text states the fact as the judge counts it: it matches all the gold's regexes."""
    return all(re.search(rx, text, re.I) for rx in fact["all"])


def where_it_went(fact: dict, memo, stated_in_memo: bool) -> str:
    """Where a key fact the memo misses went (see benchmarks/memo_spending.py for the places)."""
    if stated_in_memo:
        return "in the memo, split"
    for d in memo.dropped_points:
        if states(d.text, fact):
            return next((v for k, v in WHERE.items() if d.reason.startswith(k)), "not a statement")
    if any(states(c.excerpt, fact) for s in memo.sections for p in s.points for c in p.citations):
        return "merged"
    return "never a point"


def covered_facts(paragraphs: list[str], facts: list[dict]) -> set[str]:
    """The judge's rule: a fact is covered when one paragraph matches every one of its regexes."""
    out = set()
    for f in facts:
        rx = [re.compile(x, re.I) for x in f["all"]]
        if any(all(r.search(p) for r in rx) for p in paragraphs):
            out.add(f["id"])
    return out


# --------------------------------------------------------------------------- memogen


def build_topic(topic: Topic, name: str, budget: int | None, work: Path):
    """Build the topic as `name` (DOCX and PDF) at this budget (None: its own); (memo, DOCX path)."""
    from memogen.pipeline import BuildOptions, run_build

    folder = work / "in" / name
    folder.mkdir(parents=True, exist_ok=True)
    for f in topic.files:
        shutil.copy(f, folder / f.name)
    config = dict(topic.topic_yaml, **({"word_budget": budget} if budget else {}))
    (folder / "topic.yaml").write_text(yaml.safe_dump(config, allow_unicode=True))
    options = BuildOptions(
        topic=name,
        inputs_dir=work / "in",
        out_dir=work / "out",
        formats=["docx", "pdf"],
        quiet=True,
        force=True,
        build_date=BUILD_DAY,
    )
    return run_build(options).memo, work / "out" / name / f"{name}.docx"


def build_memogen(topic: Topic, budget: int, work: Path, judge) -> tuple[Score, object]:
    """Build the topic at this budget (DOCX and PDF) and judge the DOCX's section paragraphs;
    (its score, the memo)."""
    memo, docx = build_topic(topic, f"{topic.name}-{budget}", budget, work)
    paras, _ = judge.read_docx(docx)
    sections, _ = judge.sectionize(paras)
    body = [p["text"] for key in ("wh", "bg", "wm") for p in sections[key]]
    pages = judge.pdf_figures(docx.with_suffix(".pdf")).get("pdf_pages")
    words = sum(len(p.split()) for p in body)
    return Score(covered_facts(body, topic.facts), len(topic.facts), words, pages, " ".join(body)), memo


# --------------------------------------------------------------------------- baselines


def source_sentences(sources: list) -> list[list[str]]:
    """Each cleaned source's sentences (pysbd within each paragraph), as every baseline sees them."""
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    out = []
    for s in sources:
        sents = []
        for block in re.split(r"\n\s*\n|\n", s.text):
            block = " ".join(block.split())
            if block:
                sents += [x.strip() for x in seg.segment(block) if x.strip()]
        out.append(sents)
    return out


def fill(ranked: list[tuple[int, str]], budget: int) -> list[tuple[int, str]]:
    """Take sentences in rank order while the next one fits the budget; keep (position, text)."""
    chosen, used = [], 0
    for pos, text in ranked:
        n = len(text.split())
        if used + n <= budget:
            chosen.append((pos, text))
            used += n
    return chosen


def lead_order(per_source: list[list[str]]) -> list[tuple[int, str]]:
    """First sentence of each source in turn, then the second, ... (output in that order)."""
    out, k = [], 0
    while any(k < len(s) for s in per_source):
        out += [(len(out), s[k]) for s in per_source if k < len(s)]
        k += 1
    return out


class _Tokenizer:
    """sumy's tokenizer interface with plain regex words (sumy's own needs NLTK data we cannot fetch)."""

    def to_sentences(self, text: str) -> list[str]:
        return [text]

    def to_words(self, text: str) -> list[str]:
        return re.findall(r"[A-Za-z0-9]+(?:['’][a-z]+)?", text)


def sumy_order(per_source: list[list[str]], kind: str) -> list[tuple[int, str]]:
    """All sentences ranked by sumy's LexRank or TextRank over the sources as one document."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tok = _Tokenizer()
    sents = [x for s in per_source for x in s]
    doc = ObjectDocumentModel([Paragraph([Sentence(x, tok) for x in sents])])
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked: list = []

    def keep_all(infos):  # sumy hands the sentences sorted by rating, best first
        ranked.extend(infos)
        return infos

    summarizer(doc, keep_all)
    return [(info.order, str(info.sentence)) for info in ranked]


def judge_baseline(order: list[tuple[int, str]], budget: int, topic: Topic, sort_output: bool) -> Score:
    chosen = fill(order, budget)
    if sort_output:
        chosen.sort()  # sumy returns its summary in document order
    texts = [t for _, t in chosen]
    paras = [
        " ".join(texts[k : k + SENTENCES_PER_PARAGRAPH])
        for k in range(0, len(texts), SENTENCES_PER_PARAGRAPH)
    ]
    words = sum(len(t.split()) for t in texts)
    return Score(covered_facts(paras, topic.facts), len(topic.facts), words, text=" ".join(texts))


# --------------------------------------------------------------------------- report


@dataclass
class LeadGap:
    """The key facts the lead baseline states and memogen misses, by where they went in memogen."""

    places: dict[str, str]  # fact id -> where it went (see where_it_went)

    @staticmethod
    def of(topic: Topic, memo, memogen: Score, lead: Score) -> LeadGap:
        stated = {f["id"] for s in memo.sections for p in s.points for f in topic.facts if states(p.text, f)}
        missed = [f for f in topic.facts if f["id"] in lead.covered - memogen.covered]
        return LeadGap({f["id"]: where_it_went(f, memo, f["id"] in stated) for f in missed})


def run(topic_list: list[Topic], budgets: list[int], work: Path) -> tuple[dict, dict]:
    """(scores by (topic, budget, system), lead gaps by (topic, budget))."""
    judge = load_judge()
    scores: dict[tuple[str, int, str], Score] = {}
    gaps: dict[tuple[str, int], LeadGap] = {}
    for topic in topic_list:
        orders: dict[str, Callable] = {}
        for budget in budgets:
            score, memo = build_memogen(topic, budget, work, judge)
            scores[(topic.name, budget, "memogen")] = score
            if not orders:
                per_source = source_sentences(memo.sources)
                orders = {
                    "lexrank": sumy_order(per_source, "lexrank"),
                    "textrank": sumy_order(per_source, "textrank"),
                    "lead": lead_order(per_source),
                }
            for system, order in orders.items():
                scores[(topic.name, budget, system)] = judge_baseline(order, budget, topic, system != "lead")
            gaps[(topic.name, budget)] = LeadGap.of(topic, memo, score, scores[(topic.name, budget, "lead")])
        print(f"  built {topic.name}", file=sys.stderr, flush=True)
    return scores, gaps


def print_lead_gaps(topic_list: list[Topic], budgets: list[int], gaps: dict) -> None:
    """Where the facts only the lead baseline states went in memogen; a held topic by counts only
    (its gold stays unread)."""
    print()
    print("key facts the lead baseline states and memogen misses, by where they went in memogen")
    for t in topic_list:
        for b in budgets:
            places = gaps[(t.name, b)].places
            counts = Counter(places.values())
            line = ", ".join(f"{where} {n}" for where, n in counts.most_common()) or "none"
            print(f"  {t.name + ' @' + str(b):40} {line}")
            if t.group != "held":
                for fact, where in places.items():
                    print(f"      {fact:32} {where}")


def report_groups(topic_list: list[Topic]) -> list[tuple[str, list[Topic]]]:
    """The groups the tables average over: each half, all events, lavrov, and any extra group."""
    groups = [("tune events", {"tune"}), ("held events", {"held"}), ("all events", {"tune", "held"})]
    groups.append(("lavrov-2021", {"lavrov"}))
    groups += [(g, {g}) for g in dict.fromkeys(t.group for t in topic_list) if g not in KNOWN_GROUPS]
    out = [(label, [t for t in topic_list if t.group in members]) for label, members in groups]
    return [(label, chosen) for label, chosen in out if chosen]


def print_table(topic_list: list[Topic], budgets: list[int], scores: dict, missing: bool) -> None:
    head = f"{'topic':34} {'budget':>6} " + " ".join(f"{s:>9}" for s in SYSTEMS) + "   words  pages"
    print(head)
    print("-" * len(head))
    for t in topic_list:
        for b in budgets:
            cells = " ".join(
                f"{len(scores[(t.name, b, s)].covered):>4}/{scores[(t.name, b, s)].total:<4}" for s in SYSTEMS
            )
            m = scores[(t.name, b, "memogen")]
            print(f"{t.name + ' (' + t.group + ')':34} {b:>6} {cells}   {m.words:>5}  {m.pages}")
    print()
    print("mean key-fact coverage (share of each topic's facts, averaged over topics)")
    print(f"{'group':34} {'budget':>6} " + " ".join(f"{s:>9}" for s in SYSTEMS) + "   memogen beats all")
    for label, chosen in report_groups(topic_list):
        names = [t.name for t in chosen]
        for b in budgets:
            means = {s: sum(scores[(n, b, s)].share for n in names) / len(names) for s in SYSTEMS}
            wins = all(means["memogen"] > means[s] for s in SYSTEMS[1:])
            cells = " ".join(f"{100 * means[s]:>8.1f}%" for s in SYSTEMS)
            print(f"{label:34} {b:>6} {cells}   {'yes' if wins else 'NO'}")
    if missing:
        print()
        for t in (t for t in topic_list if t.group != "held"):  # held gold stays unread
            for b in budgets:
                gone = [f["id"] for f in t.facts if f["id"] not in scores[(t.name, b, "memogen")].covered]
                print(f"memogen missing {t.name} @{b}: {gone}")


def rouge2_recall(summary: str, reference: str, budget: int) -> float:
    """ROUGE-2 recall (stemmed, as ROUGE-1.5.5 -m -n 2 -l BUDGET) of a summary cut to `budget` words."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    cut = " ".join(summary.split()[:budget])
    return scorer.score(reference, cut)["rouge2"].recall


def print_rouge(topic_list: list[Topic], budgets: list[int], scores: dict) -> None:
    """Mean ROUGE-2 recall against the gold's key facts written out (each fact's `fact:` sentence).

    Why: the issue's news benchmark scores selection by ROUGE-2 recall against human summaries;
    the corpus has no human summaries, but its gold states each key fact in a human-written
    sentence, and those sentences together are a reference summary of what a memo must say. A
    proxy (the reference is a list of facts, not prose), scored the way the published systems are.
    """
    print()
    print("mean ROUGE-2 recall x100 against the gold's fact sentences (a proxy for the news benchmark)")
    print(f"{'group':34} {'budget':>6} " + " ".join(f"{s:>9}" for s in SYSTEMS) + "   memogen beats all")
    for label, chosen in report_groups(topic_list):
        for b in budgets:
            means = {}
            for system in SYSTEMS:
                rs = [
                    rouge2_recall(
                        scores[(t.name, b, system)].text, " ".join(f.get("fact", "") for f in t.facts), b
                    )
                    for t in chosen
                ]
                means[system] = 100 * sum(rs) / len(rs)
            wins = all(means["memogen"] > means[s] for s in SYSTEMS[1:])
            cells = " ".join(f"{means[s]:>9.2f}" for s in SYSTEMS)
            print(f"{label:34} {b:>6} {cells}   {'yes' if wins else 'NO'}")


def add_gold_argument(parser: argparse.ArgumentParser) -> None:
    """`--gold GOLD_DIR SOURCES_DIR` (repeatable): an extra topic with gold of the corpus's format."""
    parser.add_argument(
        "--gold",
        nargs=2,
        action="append",
        default=[],
        metavar=("GOLD_DIR", "SOURCES_DIR"),
        help="an extra topic: GOLD_DIR/facts.yaml judges the sources SOURCES_DIR/*.txt (repeatable)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budgets", default=",".join(map(str, BUDGETS)))
    parser.add_argument("--topics", default="", help="comma-separated topic names (default: all)")
    parser.add_argument(
        "--missing", action="store_true", help="list the facts memogen misses (tune and lavrov only)"
    )
    parser.add_argument(
        "--rouge",
        action="store_true",
        help="also ROUGE-2 recall against the gold's fact sentences (rouge-score)",
    )
    add_gold_argument(parser)
    parser.add_argument("--group", default="devset", help="the group name of the --gold topics")
    parser.add_argument(
        "--lead-gap",
        action="store_true",
        help="where the facts only the lead baseline states went in memogen (held topics: counts only)",
    )
    args = parser.parse_args()
    if not (SHARED / "corpus" / "events").is_dir():
        print(f"no corpus at {SHARED / 'corpus'}", file=sys.stderr)
        return 2
    budgets = [int(b) for b in args.budgets.split(",") if b]
    topic_list = topics({t for t in args.topics.split(",") if t}, extra_topics(args.gold, args.group))
    with tempfile.TemporaryDirectory(prefix="eval-selection-") as tmp:
        scores, gaps = run(topic_list, budgets, Path(tmp))
    print_table(topic_list, budgets, scores, args.missing)
    if args.rouge:
        print_rouge(topic_list, budgets, scores)
    if args.lead_gap:
        print_lead_gaps(topic_list, budgets, gaps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
