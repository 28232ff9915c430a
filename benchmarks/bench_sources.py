"""Source-stage timings: per-file read of a topic, serial vs parallel, cold vs warm cache.

Usage: .venv/bin/python benchmarks/bench_sources.py [--topic lavrov-2021] [--copies 8]
Prints seconds; the synthetic set is the topic's files copied N times with a
changed first line (so every copy has its own hash) plus N generated PDFs.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from memogen.config import load_topic
from memogen.sources import ReadStats, read_source, read_sources, source_id_for

ROOT = Path(__file__).resolve().parents[1]


def _pdf(path: Path, n: int) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph(f"Report {n}", styles["Title"])]
    for i in range(60):
        story.append(
            Paragraph(
                f"Paragraph {i} of report {n}: the agency reviewed costs in district {i}. " * 3,
                styles["BodyText"],
            )
        )
    SimpleDocTemplate(str(path)).build(story)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--topic", default="lavrov-2021")
    ap.add_argument("--copies", type=int, default=8)
    args = ap.parse_args()
    topic_dir, config = load_topic(ROOT / "inputs", args.topic)
    files = [p for p in sorted(topic_dir.iterdir()) if p.suffix in (".txt", ".md", ".html", ".pdf", ".docx")]
    read_source(files[0], "warm-up")  # imports out of the way
    print(f"per-source read ({args.topic}, warm imports):")
    for path in files:
        t = time.perf_counter()
        src = read_source(path, source_id_for(path), config.sources.get(path.name))
        print(
            f"  {path.name:40s} {1000 * (time.perf_counter() - t):7.1f} ms  {len(src.text.split()):5d} words  {len(src.dropped):3d} dropped"
        )

    long_doc = "\n\n".join(
        f"Paragraph {i}: the ministry said on Monday that talks on the port, the pipeline and trade would resume "
        f"next month, after a pause of {i % 12 + 1} weeks caused by the dispute over tariffs."
        + ("\n\nA heading" if i % 40 == 0 else "")
        for i in range(1500)
    )
    from memogen.sources.cleaning import RawLine, clean_lines

    t = time.perf_counter()
    clean_lines([RawLine(line, n + 1) for n, line in enumerate(long_doc.split("\n"))])
    print(f"long text dump, 1500 paragraphs ({len(long_doc.split())} words): {time.perf_counter() - t:.2f} s")

    tmp = Path(tempfile.mkdtemp(prefix="memogen-bench-sources-"))
    try:
        paths = []
        for c in range(args.copies):
            for path in files:
                target = tmp / f"{path.stem}-{c}{path.suffix}"
                target.write_bytes(f"Copy {c}\n".encode() + path.read_bytes())
                paths.append(target)
            _pdf(tmp / f"report-{c}.pdf", c)
            paths.append(tmp / f"report-{c}.pdf")
        size = sum(p.stat().st_size for p in paths)
        print(f"synthetic set: {len(paths)} files, {size / 1024:.0f} KiB")
        for jobs in (1, 0):
            stats = ReadStats()
            t = time.perf_counter()
            read_sources(paths, {}, jobs=jobs, stats=stats)
            print(
                f"  cold, jobs={jobs or 'cores'}: {time.perf_counter() - t:6.2f} s (parallel={stats.parallel})"
            )
        cache = tmp / ".cache"
        read_sources(paths, {}, cache_dir=cache)
        t = time.perf_counter()
        stats = ReadStats()
        read_sources(paths, {}, cache_dir=cache, stats=stats)
        print(
            f"  warm cache: {time.perf_counter() - t:6.2f} s ({len(stats.cached)} hits, {len(stats.extracted)} re-read)"
        )
        paths[0].write_bytes(paths[0].read_bytes() + b"\nOne more line of text at the end.\n")
        t = time.perf_counter()
        stats = ReadStats()
        read_sources(paths, {}, cache_dir=cache, stats=stats)
        print(f"  one file changed: {time.perf_counter() - t:6.2f} s (re-read {stats.extracted})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
