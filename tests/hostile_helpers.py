"""Shared set-up for the hostile tests: a small topic of our own writing and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

WIRE = """Harbour workers end strike after pay deal

By Lena Brandt

Port of Velden, 3 May 2024 - Dock workers at the Port of Velden ended a nine-day strike on Friday after \
the port authority agreed to raise wages by 7 percent over two years.

The strike had stopped container traffic at the country's second-largest port and left more than 40 \
ships waiting offshore.

The union said the agreement also limits night shifts to four a week. The port authority said \
operations would return to normal by Monday.

Analysts said the deal could set a benchmark for wage talks at other ports, where contracts expire \
later this year.
"""

DAILY = """Velden port reopens as strike ends

The Velden Daily, 4 May 2024

The nine-day dock strike at the Port of Velden ended on Friday, 3 May, when workers accepted a 7 \
percent pay rise spread over two years.

The port handles about a fifth of the country's container trade. Its last major strike, in 2016, \
lasted three weeks.

Shipping lines warned that clearing the backlog of waiting vessels could take until the end of the month.

Economists said the settlement eases pressure on supply chains but may raise costs for importers.
"""

OUTPUTS = ("docx", "pdf", "md", "html", "json")


def make_topic(root: Path, name: str = "t") -> Path:
    """inputs/NAME/ with two short news reports; returns the topic folder."""
    folder = root / "inputs" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "daily.txt").write_text(DAILY, encoding="utf-8")
    return folder


def memogen(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300):
    """Run the installed CLI as a user would (a fresh process), capturing its output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "memogen", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )


def one_line_error(proc, code: int = 2) -> str:
    """Assert the process failed with `code`, one stderr line and no traceback; return that line."""
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "click" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def zip_bomb(path: Path, inflated_mb: int, part: str = "word/document.xml") -> Path:
    """A small DOCX-shaped zip whose one part inflates to `inflated_mb` MB of zeros."""
    chunk = b"\0" * 1_000_000
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open(part, "w", force_zip64=True) as fh:
            for _ in range(inflated_mb):
                fh.write(chunk)
    return path


def output_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
