"""The console script prints `memogen --help` from a kept copy, byte for byte what typer prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the console script's main in a fresh interpreter and says on stderr whether typer was imported.
SNIPPET = """
import sys
sys.argv = ["memogen", *sys.argv[1:]]
from memogen.console import main
try:
    main()
finally:
    print("typer imported:", "typer" in sys.modules, file=sys.stderr)
"""


def _run(args: list[str], cache: Path, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-c", SNIPPET, *args], capture_output=True, text=True, env=env, check=False
    )


def _typer_help(columns: int = 80) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    code = "import sys; from memogen.cli import main; main(['--help'])"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout


def test_help_is_typers_text_and_the_second_run_skips_typer(tmp_path):
    expected = _typer_help()
    first = _run(["--help"], tmp_path)
    assert first.returncode == 0
    assert first.stdout == expected
    assert "typer imported: True" in first.stderr  # nothing kept yet: typer renders it
    kept = list((tmp_path / "memogen" / "help").glob("help-*.txt"))
    assert len(kept) == 1
    second = _run(["--help"], tmp_path)
    assert second.returncode == 0
    assert second.stdout == expected
    assert "typer imported: False" in second.stderr


def test_the_kept_text_follows_the_terminal_width(tmp_path):
    narrow = _run(["--help"], tmp_path, columns=60)
    assert narrow.stdout == _typer_help(columns=60)
    assert _run(["--help"], tmp_path, columns=60).stdout == narrow.stdout
    wide = _run(["--help"], tmp_path, columns=80)
    assert wide.stdout == _typer_help(columns=80) != narrow.stdout
    assert len(list((tmp_path / "memogen" / "help").glob("help-*.txt"))) == 2


def test_an_empty_kept_file_or_an_unwritable_cache_still_prints_the_help(tmp_path):
    _run(["--help"], tmp_path)
    (kept,) = (tmp_path / "memogen" / "help").glob("help-*.txt")
    kept.write_text("")
    again = _run(["--help"], tmp_path)
    assert again.stdout == _typer_help() and kept.read_text() == again.stdout
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    run = _run(["--help"], blocked)
    assert run.returncode == 0 and run.stdout == _typer_help()


@pytest.mark.parametrize("args", [["--version"], ["build", "--help"]])
def test_other_arguments_go_to_the_typer_cli(tmp_path, args):
    run = _run(args, tmp_path)
    assert run.returncode == 0
    assert "typer imported: True" in run.stderr
    assert run.stdout.startswith("memogen ") if args == ["--version"] else "--topic" in run.stdout
    assert not (tmp_path / "memogen" / "help").exists()
