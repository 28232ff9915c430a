"""Sentence splitting: memogen's rule splitter (pysbd only where unsure) against pysbd on real pages.

Run from the repo root:  .venv/bin/python benchmarks/bench_sentences.py [--show N]

Pages: every text of ../shared/corpus (sectioned and events) and inputs/. Each paragraph, as the section
extractor cuts it, is split by both; printed are how many paragraphs go to pysbd, how many sentence
boundaries agree, and the speed of each (characters a second) — and the time to section a 4 MB source.
`--show N` prints N disagreements from the tuning half only (gp-*, ipri-* briefs; tune events; inputs),
so they can be judged by eye; the held half is only counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from memogen.sections.segment import blocks
from memogen.sections.sentences import _pysbd_spans, _rule_spans, sentence_spans

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_halves import in_tune_half  # noqa: E402


def pages() -> list[tuple[Path, bool]]:
    """(path, in the tuning half) for every page."""
    out = [(p, in_tune_half(p.name)) for p in sorted((CORPUS / "sectioned").glob("*.txt"))]
    for event in sorted((CORPUS / "events").iterdir()) if (CORPUS / "events").is_dir() else []:
        out += [(p, in_tune_half(event.name)) for p in sorted(event.glob("*.txt"))]
    out += [(p, True) for p in sorted((ROOT / "inputs").rglob("*.txt"))]
    return out


def paragraphs(text: str) -> list[str]:
    return [text[b.start : b.end] for b in blocks(text) if not b.heading]


def bounds(spans: list[tuple[int, int]]) -> set[int]:
    return {end for _, end in spans[:-1]}


def rate(fn, paras: list[str], repeat: int = 3) -> float:
    """Characters a second (best of `repeat` runs)."""
    size = sum(map(len, paras))
    best = min(_timed(fn, paras) for _ in range(repeat))
    return size / best


def _timed(fn, paras: list[str]) -> float:
    t0 = time.perf_counter()
    for p in paras:
        fn(p)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--mb", type=float, default=4.0, help="size of the long source to section (0: skip)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}")
        return 2
    items = [(para, tune) for path, tune in pages() for para in paragraphs(path.read_text(errors="replace"))]
    paras = [p for p, _ in items]
    unsure = sum(_rule_spans(p) is None for p in paras)
    agree = total = 0
    shown = 0
    for para, tune in items:
        ours, ref = bounds(sentence_spans(para)), bounds(_pysbd_spans(para))
        agree += len(ours & ref)
        total += len(ours | ref)
        if ours != ref and tune and shown < args.show:
            shown += 1
            print("--- ours:", [para[a:b][-40:] for a, b in sentence_spans(para)])
            print("    pysbd:", [para[a:b][-40:] for a, b in _pysbd_spans(para)])
    print(f"paragraphs {len(paras)}, characters {sum(map(len, paras))}, sent to pysbd {unsure}")
    print(f"boundaries: agree {agree} of {total} (Jaccard {agree / max(total, 1):.3f})")
    fast, slow = rate(sentence_spans, paras), rate(_pysbd_spans, paras)
    print(f"speed: memogen {fast / 1e3:.0f}k chars/s, pysbd {slow / 1e3:.0f}k chars/s ({fast / slow:.0f}x)")
    if args.mb <= 0:
        return 0
    big = "\n\n".join(paras) * max(1, int(args.mb * 1e6) // sum(map(len, paras)))
    t0 = time.perf_counter()
    from memogen.model import Source, SourceMetadata
    from memogen.sections import extract_points

    src = Source(id="big", path="big.txt", kind="txt", metadata=SourceMetadata(), text=big)
    n = len(extract_points(src, None))
    print(f"sectioning one {len(big) / 1e6:.1f} MB source: {time.perf_counter() - t0:.1f} s ({n} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
