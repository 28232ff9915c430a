#!/usr/bin/env python3
"""Write the word tables the run-together-word splitter ships with (src/memogen/sources/data/).

Why: splitting run-together words ("Groupwas") asks, for almost every token, "is this a common
word?", and for a rare token that splits into common words, "how rare is it?".  Loading
wordfreq's whole English list for that costs ~0.2-0.4 s per process.  Two small tables answer
the same questions for the splitter's default thresholds:

- common_words_en.tsv.gz: every word of zipf >= 3.0 (no piece of a split is rarer), ~28,000;
- rare_words_en.tsv.gz: the rarer words the splitter ever looks up: every known word (zipf >= 1.0)
  it could cut into common words ("factoring", "youtube"), and every word of zipf >= 2.0 (the
  halves of camel-case joins are compared with 2.0), ~100,000.

A token in neither table is rarer than every threshold it is compared with, and reads as 0.
Only non-default thresholds, and a camel join whose whole splits into no common words
("GeneralRaheel", "ExxonMobil"), still load the full list.

usage (from the project root): .venv/bin/python scripts/make_common_words.py   (~20 s)
"""

from __future__ import annotations

import gzip
import math
from importlib.metadata import version
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "memogen" / "sources" / "data"


def _write(name: str, rows: dict[str, float], note: str) -> None:
    by_zipf: dict[str, list[str]] = {}
    for word, zipf in sorted(rows.items()):
        by_zipf.setdefault(f"{zipf:.2f}", []).append(word)
    text = f"# wordfreq {version('wordfreq')} en: {note}\n"  # then one line per zipf value: its words
    text += "".join(f"{z}\t{' '.join(ws)}\n" for z, ws in sorted(by_zipf.items(), reverse=True))
    path = DATA / name
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{path}: {len(rows)} words, {path.stat().st_size} bytes")


def main() -> None:
    import wordfreq

    from memogen.sources.text import COMMON_MIN, JoinSettings, Lexicon, best_split, split_thresholds

    words = {
        w: round(math.log10(f) + 9, 2)
        for w, f in wordfreq.get_frequency_dict("en").items()
        if w.isascii() and w.isalpha()
    }
    common = {w: z for w, z in words.items() if z >= COMMON_MIN}
    DATA.mkdir(parents=True, exist_ok=True)
    _write("common_words_en.tsv.gz", common, f"zipf >= {COMMON_MIN}")
    lex = Lexicon(common, {})
    settings = JoinSettings()
    rare = {
        w: z
        for w, z in words.items()
        if 1.0 <= z < COMMON_MIN
        and (z >= settings.camel_half_min or (len(w) >= 3 and best_split(w, lex, settings) is not None))
    }
    _write("rare_words_en.tsv.gz", rare, f"rarer words the splitter looks up; {split_thresholds(settings)}")


if __name__ == "__main__":
    main()
