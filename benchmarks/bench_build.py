"""Whole-process timings of `memogen build` (what a user waits for), median of N runs.

Usage: .venv/bin/python benchmarks/bench_build.py [--topic lavrov-2021] [--runs 5] [--no-cache]
Prints each run's wall time and the median; the cache is cleared before each
run when --no-cache is given (a cold build), else runs 2..N hit the cache.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--topic", default="lavrov-2021")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="memogen-bench-"))
    cmd = [
        sys.executable,
        "-m",
        "memogen",
        "build",
        "--topic",
        args.topic,
        "--inputs",
        str(ROOT / "inputs"),
        "--out",
        str(out),
        "--quiet",
        "--force",
    ]
    if args.no_cache:
        cmd.append("--no-cache")
    times = []
    for i in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        print(f"run {i + 1}: {times[-1]:.2f} s")
    print(
        f"median of {args.runs} whole-process builds ({args.topic}{', no cache' if args.no_cache else ''}): "
        f"{statistics.median(times):.2f} s"
    )
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
