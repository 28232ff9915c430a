#!/usr/bin/env python3
"""The sources judge (../shared/tools/ingest_eval.py) per publisher and per event, on both halves.

Why: a total can hide a publisher whose pages all fail; the issue asks for figures per half and
per publisher.  Only the judge's summary line is printed for each group, never a page's errors,
so the held half can be reported without being read.

usage (from the project root):  PATH=.venv/bin:$PATH python benchmarks/sources_by_publisher.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_halves import SHARED, in_tune_half  # noqa: E402

GROUPS = {  # file-name prefix of the headed briefs -> publisher
    "gp-": "NIAS Global Politics",
    "ipri-": "NIAS-IPRI Conflict Weekly",
    "illuminem-": "illuminem",
    "glance-": "Glance",
    "lsds-": "LSDS",
}


def _judge(path: Path) -> str:
    env = dict(os.environ)
    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "ingest_eval.py"), str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = run.stdout.strip().splitlines()
    return lines[-1] if lines else (run.stderr.strip().splitlines() or ["no output"])[-1]


def main() -> int:
    gold = json.loads((SHARED / "corpus/sectioned/gold.json").read_text())
    rows: list[tuple[str, str, str]] = []
    for prefix, publisher in GROUPS.items():
        pages = [g for g in gold if g["file"].startswith(prefix)]
        if not pages:
            continue
        with tempfile.TemporaryDirectory(prefix="by-publisher-") as tmp:
            (Path(tmp) / "gold.json").write_text(json.dumps(pages))
            for g in pages:
                (Path(tmp) / g["file"]).symlink_to(SHARED / "corpus/sectioned" / g["file"])
            half = "tune" if in_tune_half(prefix) else "held"
            rows.append((half, f"{publisher} ({len(pages)} pages)", _judge(Path(tmp))))
    for event in sorted((SHARED / "corpus/events").iterdir()):
        if event.is_dir():
            half = "tune" if in_tune_half(event.name) else "held"
            rows.append((half, f"event {event.name}", _judge(event)))
    for half, name, figures in sorted(rows, key=lambda r: (r[0] != "tune", r[1])):
        print(f"{half:5s} {name:48s} {figures}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
