"""Whole-process timings of what a user waits for (issue 15), medians of N runs, printed as a table.

Usage: .venv/bin/python benchmarks/bench_build.py [--topic lavrov-2021] [--runs 7] [--skip-long] [--wheel]

`--wheel` measures memogen as users install it (README: `pip install .` into a fresh venv, which also
compiles the bytecode); without it, the memogen of this venv (an editable install under
PYTHONDONTWRITEBYTECODE=1 recompiles every module of src/ on every run, ~0.3 s that users never pay).

- build: `memogen build --topic T` from the source cache (and the memo cache: nothing changed since the
  last build), all five outputs rendered and written, measured alternately with
  `pandoc -o x.docx out/T/T.md` (the same memo's Markdown to DOCX) so both see the same machine load;
  the ratio of the medians is the figure of merit (pandoc from apt: `apt-get install pandoc`).
- recomposed: the same build with a new build date each run (SOURCE_DATE_EPOCH), so the memo is
  composed again from the cached sources, as after an edit of topic.yaml.
- cold: the same build with `--no-cache` (every source read again).
- help: `memogen --help`.
- CPU: user + sys seconds of the child process (the machine is shared: wall time follows the load).
- long: one generated text source of 4 MB and of 8 MB (a long report: the topic's own paragraphs repeated
  with their figures and years shifted, so no two paragraphs are identical), built cold; the 8/4 ratio
  shows whether cost is near-linear in the size of a single source.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEMOGEN = [str(Path(sys.executable).with_name("memogen"))]


def wheel_memogen(scratch: Path) -> str:
    """memogen installed from a wheel of this checkout into a fresh venv (as README installs it)."""
    venv = scratch / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(ROOT)], check=True)
    return str(venv / "bin" / "memogen")


def timed(cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> float:
    """Wall seconds of one run; its CPU seconds (user + sys, children) go to `last_cpu`."""
    global last_cpu
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    last_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall


last_cpu = 0.0


def timed_into(
    times: list[float], cpus: list[float], cmd: list[str], env: dict[str, str] | None = None
) -> None:
    times.append(timed(cmd, env=env))
    cpus.append(last_cpu)


def build_cmd(topic: str, inputs: Path, out: Path, *extra: str) -> list[str]:
    return [
        MEMOGEN[0],
        "build",
        "--topic",
        topic,
        "--inputs",
        str(inputs),
        "--out",
        str(out),
        "-q",
        "--force",
        *extra,
    ]


def median_line(label: str, times: list[float], cpus: list[float] | None = None) -> str:
    cpu = f"{statistics.median(cpus):.3f}" if cpus else ""
    return (
        f"| {label} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} | {cpu} "
        f"| {len(times)} |"
    )


def long_report(seed_texts: list[str], size: int) -> str:
    """A long single source: the seed paragraphs over and over, each copy's numbers shifted."""
    paragraphs = [p.strip() for t in seed_texts for p in t.split("\n\n") if len(p.split()) >= 25]
    out: list[str] = []
    total, k = 0, 0
    while total < size:
        para = paragraphs[k % len(paragraphs)]
        shift = k // len(paragraphs) + 1
        para = re.sub(r"\d+", lambda m, s=shift: str(int(m.group()) + s), para)
        out.append(para)
        total += len(para) + 2
        k += 1
    return "\n\n".join(out) + "\n"


def bench_long(topic: str, sizes: list[int]) -> list[str]:
    seeds = [p.read_text(errors="replace") for p in sorted((ROOT / "inputs" / topic).glob("*.txt"))]
    rows, times = [], {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="memogen-long-") as tmp:
            inputs = Path(tmp) / "in"
            (inputs / "long").mkdir(parents=True)
            (inputs / "long" / "report.txt").write_text(long_report(seeds, size))
            # the benchmark times the build, not the guard that abandons one source's reading after 60 s
            env = dict(os.environ, MEMOGEN_PARSE_SECONDS="0")
            times[size] = timed(build_cmd("long", inputs, Path(tmp) / "out", "--no-cache"), env=env)
            rows.append(
                f"| long source {size / 1e6:.0f} MB (cold, 1 run) | {times[size]:.2f} | | | {last_cpu:.2f} | 1 |"
            )
    if len(sizes) == 2:
        rows.append(
            f"| ratio {sizes[1] / 1e6:.0f} MB / {sizes[0] / 1e6:.0f} MB | {times[sizes[1]] / times[sizes[0]]:.2f} | | | | |"
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topic", default="lavrov-2021")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--skip-long", action="store_true")
    ap.add_argument("--only-long", action="store_true", help="only the long-source rows")
    ap.add_argument("--wheel", action="store_true", help="measure a wheel install in a fresh venv")
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="memogen-bench-"))
    if args.wheel:
        MEMOGEN[0] = wheel_memogen(out)
    print(f"memogen: {MEMOGEN[0]}")
    inputs = ROOT / "inputs"
    warm = build_cmd(args.topic, inputs, out)
    timed(warm)  # fills the source cache and the font cache
    if args.only_long:
        print("\n".join(bench_long(args.topic, [4_000_000, 8_000_000])))
        return
    md = out / args.topic / f"{args.topic}.md"
    pandoc = shutil.which("pandoc")
    runs = {k: ([], []) for k in ("build", "pandoc", "recomposed", "cold", "help")}
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1795392000"))
    for k in range(args.runs):
        timed_into(*runs["build"], warm)
        if pandoc:
            timed_into(*runs["pandoc"], [pandoc, "-o", str(out / "pandoc.docx"), str(md)])
        timed_into(*runs["help"], [MEMOGEN[0], "--help"])
        # a new build date each run: the memo is composed again (as after a topic.yaml edit)
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch + 86400 * (k + 1)))
        timed_into(*runs["recomposed"], warm, env=env)
    for _ in range(args.runs):
        timed_into(*runs["cold"], build_cmd(args.topic, inputs, out, "--no-cache"))
    print("| what | median s | min s | max s | median CPU s | runs |\n|---|---|---|---|---|---|")
    print(
        median_line(f"memogen build --topic {args.topic} (source and memo cache, 5 outputs)", *runs["build"])
    )
    if pandoc:
        print(median_line("pandoc -o x.docx memo.md (alternating with the build)", *runs["pandoc"]))
        ratio = statistics.median(runs["build"][0]) / statistics.median(runs["pandoc"][0])
        print(f"| ratio build / pandoc | {ratio:.2f} | | | | |")
    else:
        print("| pandoc | not installed | | | | |")
    print(median_line("same, memo composed again (new build date: source cache only)", *runs["recomposed"]))
    print(median_line(f"memogen build --topic {args.topic} --no-cache", *runs["cold"]))
    print(median_line("memogen --help", *runs["help"]))
    if not args.skip_long:
        for row in bench_long(args.topic, [4_000_000, 8_000_000]):
            print(row)
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
