"""Killed, concurrent and interrupted builds, and corrupt state: no file lost, none half-written,
and memogen's own outputs never mistaken for the user's edits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_helpers import OUTPUTS, make_topic, memogen, one_line_error, output_names
from memogen.outputs import MANIFEST, sha256_file

EXPECTED = sorted(f"t.{e}" for e in OUTPUTS)
QUICK = ("--format", "md,html,json")  # no PDF or DOCX rendering: these tests are about the commit
QUICK_EXPECTED = ["t.html", "t.json", "t.md"]

# A build that dies (os._exit: no cleanup, like kill -9) just before its Nth rename.
CRASH_AT_RENAME = """
import os, sys
from memogen import cli, outputs
limit = int(sys.argv[1])
real = outputs.replace_into
calls = []
def dying(tmp, path):
    calls.append(path)
    if len(calls) == limit:
        os._exit(9)
    real(tmp, path)
outputs.replace_into = dying
cli.main(["build", "--topic", "t", "--quiet", "--format", "md,html,json"])
"""


def _consistent(folder: Path, expected: list[str] = QUICK_EXPECTED) -> None:
    """Every output is recorded with its true hash, nothing pending, no temp file, no diverted copy."""
    assert output_names(folder) == expected
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert "pending" not in manifest
    assert {n: sha256_file(folder / n) for n in expected} == manifest["files"]
    assert not [p.name for p in folder.rglob("*.tmp")]


def _edit_source(topic_dir: Path, n: int) -> None:
    with open(topic_dir / "wire.txt", "a", encoding="utf-8") as fh:
        fh.write(f"\nOn day {n} of the talks, port officials said {n + 2} ships had left.\n")


@pytest.mark.parametrize("die_at", [1, 2, 3, 5])  # pending manifest, md, html, final manifest
def test_build_killed_at_any_rename_never_makes_own_outputs_look_edited(tmp_path, die_at):
    topic_dir = make_topic(tmp_path)
    assert memogen("build", "--topic", "t", "--quiet", *QUICK, cwd=tmp_path).returncode == 0
    _edit_source(topic_dir, die_at)
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_AT_RENAME, str(die_at)], cwd=tmp_path, capture_output=True, timeout=300
    )
    assert crashed.returncode == 9, crashed.stderr
    proc = memogen("build", "--topic", "t", *QUICK, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "was edited" not in proc.stdout
    _consistent(tmp_path / "out" / "t")


def _kill_when(proc: subprocess.Popen, ready, limit: float = 120) -> None:
    """SIGKILL `proc` the moment `ready()` holds (polled every millisecond), or when it ends."""
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    proc.wait(timeout=60)


def test_build_killed_with_sigkill_mid_way_leaves_no_trace(tmp_path):
    """kill -9 as soon as the build has written a temp file, then as soon as it has replaced an output."""
    topic_dir = make_topic(tmp_path)
    out = tmp_path / "out" / "t"
    assert memogen("build", "--topic", "t", "--quiet", cwd=tmp_path).returncode == 0
    before = {n: sha256_file(out / n) for n in EXPECTED}

    def temp_written() -> bool:
        return any(p.name.endswith(".tmp") and not p.name.startswith(".memogen") for p in out.iterdir())

    def output_replaced() -> bool:
        return any((out / n).stat().st_mtime_ns != mtimes[n] for n in EXPECTED)

    for round_no, ready in enumerate((temp_written, output_replaced)):
        _edit_source(topic_dir, round_no)
        mtimes = {n: (out / n).stat().st_mtime_ns for n in EXPECTED}
        victim = subprocess.Popen(
            [sys.executable, "-m", "memogen", "build", "--topic", "t", "--quiet"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _kill_when(victim, ready)
        assert victim.returncode == -signal.SIGKILL  # it really died mid-build
        proc = memogen("build", "--topic", "t", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "was edited" not in proc.stdout
        _consistent(out, EXPECTED)
    assert {n: sha256_file(out / n) for n in EXPECTED} != before


def test_an_edited_draft_survives_a_killed_build(tmp_path):
    import docx

    topic_dir = make_topic(tmp_path)
    assert memogen("build", "--topic", "t", "--quiet", "--format", "docx,json", cwd=tmp_path).returncode == 0
    draft = tmp_path / "out" / "t" / "t.docx"
    document = docx.Document(str(draft))
    document.add_paragraph("My own closing remark.")
    document.save(str(draft))
    edited = draft.read_bytes()
    _edit_source(topic_dir, 1)
    script = CRASH_AT_RENAME.replace('"--format", "md,html,json"', '"--format", "docx,json"')
    subprocess.run([sys.executable, "-c", script, "3"], cwd=tmp_path, capture_output=True, timeout=300)
    proc = memogen("build", "--topic", "t", "--format", "docx,json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert draft.read_bytes() == edited
    assert (tmp_path / "out" / "t" / "t.2.docx").is_file()


def test_concurrent_builds_take_turns(tmp_path):
    topic_dir = make_topic(tmp_path)
    for round_no in range(2):
        _edit_source(topic_dir, round_no)
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "memogen", "build", "--topic", "t", "--quiet", *QUICK],
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        results = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], results
        _consistent(tmp_path / "out" / "t")


def test_a_second_build_says_who_holds_the_lock(tmp_path):
    from memogen.outputs import BuildLock

    make_topic(tmp_path)
    with BuildLock(tmp_path / "out" / "t", wait=0):
        line = one_line_error(memogen("build", "--topic", "t", "--wait", "0", cwd=tmp_path))
        assert "another build of this topic is running" in line and f"pid {os.getpid()}" in line
        proc = memogen("build", "--topic", "t", "--wait", "1", cwd=tmp_path)
        assert proc.returncode == 2 and proc.stderr.startswith("waiting: ")
    assert memogen("build", "--topic", "t", "--wait", "0", "--quiet", *QUICK, cwd=tmp_path).returncode == 0


def test_stale_temp_files_of_dead_builds_are_removed(tmp_path):
    make_topic(tmp_path)
    out = tmp_path / "out" / "t"
    (out / ".cache").mkdir(parents=True)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = [
        out / ".t.pdf.x8y2k1lq.tmp",  # an older memogen's temp name: no process id
        out / f".t.docx.{dead.stdout.strip()}.a1b2c3.tmp",
        out / ".cache" / f".abc.{dead.stdout.strip()}.tmp",
    ]
    alive = out / f".t.md.{os.getpid()}.zz9abc.tmp"
    users = out / ".my-notes.tmp"  # not memogen's: never touched
    for path in [*stale, alive, users]:
        path.write_bytes(b"half")
    assert memogen("build", "--topic", "t", "--quiet", *QUICK, cwd=tmp_path).returncode == 0
    assert not any(p.exists() for p in stale)
    assert alive.exists() and users.exists()  # a live process's temp file is never touched


@pytest.mark.parametrize(
    "content", [b"\x00\xffgarbage", b"[1, 2]", b'{"files": []}', b'{"files": {"t.pdf": 5}}', b""]
)
def test_corrupt_manifest_is_one_warning_and_no_diverted_copies(tmp_path, content):
    make_topic(tmp_path)
    assert memogen("build", "--topic", "t", "--quiet", *QUICK, cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "t" / MANIFEST).write_bytes(content)
    proc = memogen("build", "--topic", "t", *QUICK, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 1
    if proc.stderr.strip():
        assert MANIFEST in proc.stderr
    _consistent(tmp_path / "out" / "t")


def test_missing_manifest_recognises_memogens_outputs_by_content(tmp_path):
    make_topic(tmp_path)
    assert memogen("build", "--topic", "t", "--quiet", cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "t" / MANIFEST).unlink()
    (tmp_path / "out" / "t" / "t.md").write_text("my own notes\n", encoding="utf-8")
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    names = output_names(tmp_path / "out" / "t")
    assert names == sorted([*EXPECTED, "t.2.md"])  # only the file someone really changed is kept aside
    assert (tmp_path / "out" / "t" / "t.md").read_text(encoding="utf-8") == "my own notes\n"
