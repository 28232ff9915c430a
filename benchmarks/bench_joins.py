"""Run-together-word splitter: cost of the word lists, time per document, fixture scores.

Usage: .venv/bin/python benchmarks/bench_joins.py [--topic lavrov-2021]
Prints the load time of the shipped word tables and of wordfreq's full list (paid once
per worker process, and only by documents that need it), the splitter's time on each
source of a topic (and whether it needed the full list), and precision/recall on both halves of
tests/fixtures/sources/joins.txt (cases 0-1 of every four tune, 2-3 are held out).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "sources" / "joins.txt"


def _load_cost() -> None:
    from memogen.sources.text import _full_list, english_lexicon

    t0 = time.perf_counter()
    english_lexicon()
    t1 = time.perf_counter()
    _full_list()
    t2 = time.perf_counter()
    _full_list.cache_clear()
    print(f"shipped word tables  {t1 - t0:.3f} s (once per process)")
    print(
        f"wordfreq full list   {t2 - t1:.3f} s (only for a camel join whose whole splits into no common words)"
    )


def _per_source(topic: str) -> None:
    from memogen.sources.text import _full_list, document_words, repair_joins

    for path in sorted((ROOT / "inputs" / topic).glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        _full_list.cache_clear()
        t0 = time.perf_counter()
        words = document_words(text)
        _, repairs = repair_joins(text, words)
        full = "full list loaded" if _full_list.cache_info().currsize else ""
        print(f"{path.name:40s} {time.perf_counter() - t0:.4f} s  {len(repairs)} repairs  {full}")


def _scores() -> None:
    from memogen.sources.text import split_joined_words

    lines = [
        ln for ln in FIXTURE.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    for name, held in (("tune", False), ("held-out", True)):
        tp = fp = fn = 0
        for i, marked in enumerate(lines):
            if (i % 4 >= 2) is not held:
                continue
            given, expected = marked.replace("|", ""), marked.replace("|", " ")
            out = split_joined_words(given)
            if "|" in marked and out == expected:
                tp += 1
                continue
            fp += out != given
            fn += "|" in marked
        print(
            f"{name:9s} precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  ({tp} tp, {fp} fp, {fn} fn)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topic", default="lavrov-2021")
    args = parser.parse_args()
    _load_cost()
    _per_source(args.topic)
    _scores()


if __name__ == "__main__":
    main()
