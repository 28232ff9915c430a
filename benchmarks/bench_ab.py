"""Two (or more) installs of memogen side by side: the cached lavrov build and `--help`, alternated.

Usage: .venv/bin/python benchmarks/bench_ab.py VENV_A VENV_B [--runs 9] [--topic lavrov-2021]

Why: on a shared machine the load moves wall time by ±50 % from one minute to the next, so two
installs are compared in one run, one build of each in turn, by the CPU seconds (user + sys) of
the memogen process as well as wall time. Make each VENV with `python -m venv V && V/bin/pip
install CHECKOUT` (a wheel install compiles the bytecode, as users get it). Each install builds
into its own scratch folder, twice first (source cache and memo cache filled), so the timed builds
are cache hits; the outputs' hashes are printed to check that the installs wrote the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("venvs", nargs="+", type=Path)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--topic", default="lavrov-2021")
    args = ap.parse_args()
    inputs = ROOT / "inputs"
    scratch = {v: Path(tempfile.mkdtemp(prefix="memogen-ab-")) for v in args.venvs}

    def build(v: Path) -> list[str]:
        out = scratch[v] / "out"
        return [
            str(v / "bin" / "memogen"),
            "build",
            "--topic",
            args.topic,
            "--inputs",
            str(inputs),
            "--out",
            str(out),
        ]

    for v in args.venvs:
        for cmd in (build(v), build(v), [str(v / "bin" / "memogen"), "--help"]):
            timed(cmd, scratch[v])
    results: dict[Path, dict[str, list[tuple[float, float]]]] = {
        v: {"build": [], "help": []} for v in args.venvs
    }
    for _ in range(args.runs):
        for v in args.venvs:
            results[v]["build"].append(timed(build(v), scratch[v]))
            results[v]["help"].append(timed([str(v / "bin" / "memogen"), "--help"], scratch[v]))
    print("| install | what | wall median (min) | CPU median (min) |")
    print("|---|---|---|---|")
    for v in args.venvs:
        for what, runs in results[v].items():
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(
                f"| {v} | {what} | {statistics.median(walls):.3f} ({min(walls):.3f}) "
                f"| {statistics.median(cpus):.3f} ({min(cpus):.3f}) |"
            )
    for v in args.venvs:
        folder = scratch[v] / "out" / args.topic
        digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.glob(f"{args.topic}.*"))))
        print(f"{v}: outputs sha256 {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
