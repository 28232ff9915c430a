"""README's set-up and 'Using it' commands work as pasted (issue 14)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str) -> str:
    section = README.split(heading, 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def test_setup_has_exactly_two_commands_install_without_e_and_the_ci_test_command():
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = [b.strip() for b in re.findall(r"```sh\n(.*?)```", setup, re.S)]
    assert len(commands) == 2
    assert "pip install -q . &&" in commands[0] and "memogen build --topic lavrov-2021" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")  # CI runs it verbatim


def test_using_it_runs_as_pasted(tmp_path):
    """Each line of the block, in a fresh project folder, with the venv activated as the block says."""
    shutil.copytree(ROOT / "inputs" / "lavrov-2021", tmp_path / "inputs" / "lavrov-2021")
    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "activate").write_text(f'export PATH="{venv_bin}:$PATH"\n', encoding="utf-8")
    (venv_bin / "memogen").write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m memogen "$@"\n', encoding="utf-8"
    )
    (venv_bin / "memogen").chmod(0o755)
    script = _block_after("## Using it")
    assert script.lstrip().startswith(". .venv/bin/activate")
    env = {**os.environ, "MEMOGEN_SMTP_CONFIG": str(tmp_path / "none.yaml")}
    proc = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out" / "my-topic"
    assert (out / "my-topic.published.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "my-topic.eml").is_file()
    assert "attached out/my-topic/my-topic.published.pdf" in proc.stdout
