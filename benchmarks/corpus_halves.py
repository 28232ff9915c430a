#!/usr/bin/env python3
"""Run the shared corpus judges (`../shared/tools/corpus_eval.sh`) on each half of the corpus.

Why: a figure from pages we tuned on says little about pages we have never seen. The corpus is split
once, by publisher (headed briefs) and by event (event sets), and the split is fixed here so every
stage is tuned on the same half and reported on both:

- tune: headed briefs of NIAS Global Politics and NIAS-IPRI (17 pages); events bangladesh-quota-verdict-2024,
  cop28-dubai-2023, pakistan-election-2024.
- held: headed briefs of illuminem, Glance and LSDS (11 pages, heading schemes we never tuned on); events
  brics-johannesburg-summit-2023, libya-derna-floods-2023. Look at their figures; never at their pages
  while changing rules. The held half prints figures only (no per-page errors, no fact or trap names).

usage (from the project root):  PATH=.venv/bin:$PATH python benchmarks/corpus_halves.py [sources|sections|memos|all]
                                [--half tune|held|both|whole]
(whole: `corpus_eval.sh` on the whole corpus, every per-page or per-fact detail hidden)
Each half is laid out as a copy of ../shared (symlinks) and judged by the unchanged shared scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TUNE_PUBLISHER_PREFIXES = ("gp-", "ipri-")
TUNE_EVENTS = ("bangladesh-quota-verdict-2024", "cop28-dubai-2023", "pakistan-election-2024")


def in_tune_half(name: str) -> bool:
    """A headed brief (file name) or an event set (folder name) belongs to the tuning half."""
    return name.startswith(TUNE_PUBLISHER_PREFIXES) or name in TUNE_EVENTS


def lay_out_half(root: Path, half: str) -> None:
    """Mirror ../shared under root with only the given half's pages (symlinks; gold.json filtered)."""
    keep = in_tune_half if half == "tune" else (lambda n: not in_tune_half(n))
    (root / "tools").mkdir(parents=True)
    for tool in (SHARED / "tools").iterdir():
        (root / "tools" / tool.name).symlink_to(tool)
    (root / "inputs").symlink_to(SHARED / "inputs")
    sectioned = root / "corpus" / "sectioned"
    sectioned.mkdir(parents=True)
    gold = [g for g in json.loads((SHARED / "corpus/sectioned/gold.json").read_text()) if keep(g["file"])]
    (sectioned / "gold.json").write_text(json.dumps(gold))
    for g in gold:
        (sectioned / g["file"]).symlink_to(SHARED / "corpus/sectioned" / g["file"])
    events = root / "corpus" / "events"
    events.mkdir(parents=True)
    for event in sorted((SHARED / "corpus/events").iterdir()):
        if event.is_dir() and keep(event.name):
            (events / event.name).symlink_to(event)


_DETAIL = re.compile(r"^\s*(?:metadata wrong:|unknown conflict statement:)")
_LISTED = re.compile(r"(repeated|misplaced|conflicts missed|traps) \[([^\]]*)\]")


def figures_only(line: str) -> str | None:
    """A held-half line without what would show its pages: which field was wrong and how, which
    facts were repeated, misplaced or missed, which trap was taken, what a stray statement says.
    Counts stay; details go."""
    if _DETAIL.match(line):
        return None
    return _LISTED.sub(lambda m: f"{m.group(1)} {len([x for x in m.group(2).split(',') if x.strip()])}", line)


_WRONG_FIELD = re.compile(r"^metadata wrong: \S+ (\w+): got (.*), want ")


def wrong_fields_by_kind(output: str) -> str:
    """Held-half metadata errors counted by field and by kind (nothing read vs misread): the error kinds a
    closing note reports, without a page's name or text."""
    counts: dict[str, list[int]] = {}
    for line in output.splitlines():
        m = _WRONG_FIELD.match(line)
        if m:
            empty = m.group(2).strip() in ("''", "'None'", '""')
            counts.setdefault(m.group(1), [0, 0])[0 if empty else 1] += 1
    return ", ".join(f"{k} {e}/{w}" for k, (e, w) in sorted(counts.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="?", default="all", choices=["sources", "sections", "memos", "all"])
    parser.add_argument("--half", default="both", choices=["tune", "held", "both", "whole"])
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(f"no corpus at {SHARED / 'corpus'}", file=sys.stderr)
        return 2
    halves = ["tune", "held"] if args.half == "both" else [args.half]
    env = dict(os.environ, PYTHON=os.environ.get("PYTHON", sys.executable))
    if args.half == "whole":  # the shared judge on the whole corpus, its held details hidden
        print("######## whole corpus (figures only)", flush=True)
        run = subprocess.run(
            [str(SHARED / "tools/corpus_eval.sh"), args.what], env=env, capture_output=True, text=True
        )
        shown = (figures_only(line) for line in run.stdout.splitlines())
        print("\n".join(line for line in shown if line is not None), flush=True)
        return 0
    for half in halves:
        with tempfile.TemporaryDirectory(prefix=f"corpus-{half}-") as tmp:
            lay_out_half(Path(tmp), half)
            print(f"######## {half} half", flush=True)
            cmd = [str(Path(tmp) / "tools/corpus_eval.sh"), args.what]
            if half == "tune":
                subprocess.run(cmd, env=env, check=False)
                continue
            run = subprocess.run(cmd, env=env, check=False, capture_output=True, text=True)
            shown = (figures_only(line) for line in run.stdout.splitlines())
            print("\n".join(line for line in shown if line is not None), flush=True)
            if args.what in ("sources", "all"):
                corpus = Path(tmp) / "corpus"
                judge = [
                    env["PYTHON"],
                    str(corpus.parent / "tools/ingest_eval.py"),
                    str(corpus / "sectioned"),
                ]
                ingest = subprocess.run(
                    [*judge, str(corpus / "events")], env=env, capture_output=True, text=True
                )
                kinds = wrong_fields_by_kind(ingest.stdout)
                print("metadata wrong by field (nothing read / misread):", kinds or "none", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
