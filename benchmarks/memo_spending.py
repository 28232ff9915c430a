#!/usr/bin/env python3
"""What a memo spends its words on, and where the key facts it misses went (tune events, lavrov).

Why: the two-page limit binds, so coverage comes from choosing better and spending words better,
not from more words. Before changing a rule, see where the words go (per section; per point: its
words, the order selection picked it in, its salience, whether it states a key fact) and where
each unmet key fact sits:
- repeat: its sentence was a point, judged to say again what a chosen point says;
- budget / page limit: a point, cut for the word budget or the two pages;
- not a statement: the standalone stage left it out (heading, fragment, unresolved reference);
- joined: joined into another point that needed it;
- merged: another source's wording of a memo point states it (the merger chose that wording);
- in the memo, split: the memo states it, but not within one paragraph (the judge's unit);
- never a point: no point of the build states it (sectioning, or the fact spans sentences).
A fact "stated" by a text matches all the gold's regexes, as the judge counts it.

The held events are refused: their gold stays unread (`benchmarks/corpus_halves.py` gives their
figures).

usage (from the project root):
    .venv/bin/python benchmarks/memo_spending.py [--topics a,b] [--budget N] [--points]
        [--gold GOLD_DIR SOURCES_DIR ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_selection import (  # noqa: E402
    Topic,
    add_gold_argument,
    build_topic,
    covered_facts,
    extra_topics,
    load_judge,
    states,
    topics,
    where_it_went,
)

_SCORE = re.compile(r"score (-?\d+\.\d+)")


@dataclass
class Spent:
    section: str
    words: int
    pick: int | None  # selection's pick order (None: placed, not picked)
    score: float | None
    facts: list[str]
    text: str


def spending(memo, facts: list[dict]) -> list[Spent]:
    order = {pid: k for k, pid in enumerate(memo.kept_reasons)}
    out = []
    for section in memo.sections:
        for p in section.points:
            score = _SCORE.search(memo.kept_reasons.get(p.id, ""))
            out.append(
                Spent(
                    section.key,
                    len(p.text.split()),
                    order.get(p.id),
                    float(score.group(1)) if score else None,
                    [f["id"] for f in facts if states(p.text, f)],
                    p.text,
                )
            )
    return out


def report(topic: Topic, memo, docx: Path, judge, show_points: bool) -> Counter:
    paras, _ = judge.read_docx(docx)
    sections, _ = judge.sectionize(paras)
    body = [p["text"] for key in ("wh", "bg", "wm") for p in sections[key]]
    covered = covered_facts(body, topic.facts)
    pages = judge.pdf_figures(docx.with_suffix(".pdf")).get("pdf_pages")
    spent = spending(memo, topic.facts)
    total = sum(s.words for s in spent) or 1
    idle = sum(s.words for s in spent if not s.facts)
    print(f"== {topic.name}: {len(covered)}/{len(topic.facts)} key facts, {total} words, {pages} pages")
    for key in dict.fromkeys(s.section for s in spent):
        mine = [s for s in spent if s.section == key]
        words = sum(s.words for s in mine)
        bare = sum(s.words for s in mine if not s.facts)
        print(f"   {key:14} {len(mine):3} points {words:4} words, {bare:4} on points stating no key fact")
    print(f"   {idle} of {total} words ({100 * idle / total:.0f} %) on points stating no key fact")
    if show_points:
        for s in sorted(spent, key=lambda s: (s.pick is None, s.pick or 0)):
            pick = "-" if s.pick is None else s.pick
            score = "  -  " if s.score is None else f"{s.score:5.2f}"
            print(f"     #{pick:<3} {score} {s.words:3}w {','.join(s.facts) or '-':30.30} {s.text[:80]}")
    stated = {f for s in spent for f in s.facts}
    places: Counter = Counter()
    for fact in (f for f in topic.facts if f["id"] not in covered):
        place = where_it_went(fact, memo, fact["id"] in stated)
        places[place] += 1
        print(f"   unmet {fact['id']:30} {place}")
    return places


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--topics", default="", help="comma-separated topic names (default: tune events, lavrov)"
    )
    parser.add_argument("--budget", type=int, default=0, help="word budget (default: the topic's own)")
    parser.add_argument("--points", action="store_true", help="list every point with its pick and salience")
    add_gold_argument(parser)
    args = parser.parse_args()
    chosen = {t for t in args.topics.split(",") if t}
    extra = extra_topics(args.gold, "devset")
    held = [t.name for t in topics(chosen or None, extra) if t.group == "held"]
    if chosen and held:
        print(f"refused: {', '.join(held)}: the held half's gold stays unread", file=sys.stderr)
        return 2
    judge = load_judge()
    places: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="memo-spending-") as tmp:
        for topic in (t for t in topics(chosen or None, extra) if t.group != "held"):
            memo, docx = build_topic(topic, topic.name, args.budget or None, Path(tmp) / topic.name)
            places += report(topic, memo, docx, judge, args.points)
    print("unmet key facts by where they went:", dict(places.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
