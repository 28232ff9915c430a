"""Hostile use of the command line: every failure is one line, the right exit code, never a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from hostile_helpers import OUTPUTS, make_topic, memogen, one_line_error, output_names
from memogen import cli


@pytest.mark.parametrize(
    "args",
    [
        ["build"],
        ["bulid", "--topic", "x"],
        ["build", "--topic"],
        ["build", "--topic", "t", "--no-such-flag"],
        ["build", "--topic", "t", "--jobs", "many"],
        ["email", "--topic", "t"],
    ],
)
def test_usage_errors_exit_2_with_typers_message_and_no_traceback(tmp_path, args):
    proc = memogen(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "ModuleNotFoundError" not in proc.stderr
    assert "Error:" in proc.stderr


def test_unexpected_fault_is_one_line_naming_it_exit_1(tmp_path, monkeypatch, capsys):
    make_topic(tmp_path)
    monkeypatch.chdir(tmp_path)

    def broken(*_args, **_kwargs):
        raise RuntimeError("the merger fell over")

    monkeypatch.setattr("memogen.pipeline.compose_from_sources", broken)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["build", "--topic", "t", "--quiet"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("internal error: RuntimeError: the merger fell over at ")
    assert "--debug" in err[0]


def test_debug_shows_the_traceback(tmp_path, monkeypatch):
    make_topic(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("memogen.pipeline.compose_from_sources", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        cli.main(["--debug", "build", "--topic", "t", "--quiet"])


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.ENOSPC, "no space left"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_write_failures_are_one_line_naming_the_path_and_keep_old_outputs(
    tmp_path, monkeypatch, capsys, err, words
):
    """Disk full, read-only, no permission (tests run as root: the failure is injected)."""
    make_topic(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as first:
        cli.main(["build", "--topic", "t", "--quiet"])
    assert first.value.code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out" / "t").iterdir() if p.is_file()}
    (tmp_path / "inputs" / "t" / "wire.txt").write_text("Changed.\n\n" + "The port reopened.\n", "utf-8")
    capsys.readouterr()

    def fail_fsync(_fd):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "fsync", fail_fsync)
    with pytest.raises(SystemExit) as second:
        cli.main(["build", "--topic", "t", "--quiet"])
    assert second.value.code == 2
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and line.startswith("error: ") and words in line
    assert str(tmp_path / "out" / "t") in line or "out/t/" in line
    after = {p.name: p.read_bytes() for p in (tmp_path / "out" / "t").iterdir() if p.is_file()}
    assert after == before  # nothing half-written, no temp file left behind


@pytest.mark.parametrize("blocked", ["out", "out/t"])
def test_output_folder_that_is_a_file(tmp_path, blocked):
    make_topic(tmp_path)
    (tmp_path / blocked).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / blocked).write_text("not a folder")
    line = one_line_error(memogen("build", "--topic", "t", "--quiet", cwd=tmp_path))
    assert line == f"error: {blocked}: is a file, not a folder; choose another output folder (--out)"


def test_output_name_taken_by_a_folder_is_kept_and_the_pdf_goes_beside(tmp_path):
    make_topic(tmp_path)
    (tmp_path / "out" / "t" / "t.pdf").mkdir(parents=True)
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "t" / "t.pdf").is_dir()
    assert (tmp_path / "out" / "t" / "t.2.pdf").read_bytes().startswith(b"%PDF")


def test_over_long_topic_name(tmp_path):
    line = one_line_error(memogen("build", "--topic", "x" * 300, cwd=tmp_path))
    assert "at most" in line


def test_unwritable_font_cache_still_builds(tmp_path):
    make_topic(tmp_path)
    (tmp_path / "a-file").write_text("x")
    proc = memogen(
        "build",
        "--topic",
        "t",
        "--quiet",
        cwd=tmp_path,
        env={"MEMOGEN_FONT_CACHE": str(tmp_path / "a-file" / "f")},
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "t" / "t.pdf").read_bytes().startswith(b"%PDF")


def test_source_name_that_is_not_utf8_is_skipped_with_a_printable_warning(tmp_path):
    folder = make_topic(tmp_path)
    name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(b"A third report on the strike in Velden, 3 May 2024.\n")
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "caf\\xe9.txt" in proc.stderr and "UTF-8" in proc.stderr
    assert output_names(tmp_path / "out" / "t") == sorted(f"t.{e}" for e in OUTPUTS)


def test_broken_user_labels_and_templates_are_exit_2_naming_the_file(tmp_path):
    folder = make_topic(tmp_path)
    (folder / "tpl").mkdir()
    (folder / "topic.yaml").write_text("templates: tpl\n", encoding="utf-8")
    (folder / "tpl" / "labels.yaml").write_text("sources: [unclosed\n", encoding="utf-8")
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "labels.yaml" in line
    (folder / "tpl" / "labels.yaml").write_text("sources: Works cited\n", encoding="utf-8")
    (folder / "tpl" / "memo.md.j2").write_text("{{ memo.nope.deeper }}\n", encoding="utf-8")
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "memo.md.j2" in line and "template error" in line


def test_user_template_cannot_reach_python_internals(tmp_path):
    folder = make_topic(tmp_path)
    (folder / "tpl").mkdir()
    (folder / "topic.yaml").write_text("templates: tpl\n", encoding="utf-8")
    (folder / "tpl" / "memo.md.j2").write_text(
        "{{ memo.__class__.__init__.__globals__['os'].system('echo pwned > pwned.txt') }}\n", encoding="utf-8"
    )
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "memo.md.j2" in line
    assert not (tmp_path / "pwned.txt").exists()


def test_broken_pdf_source_says_one_thing_not_pypdfs_chatter(tmp_path):
    folder = make_topic(tmp_path)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n")
    proc = memogen("build", "--topic", "t", "--jobs", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "EOF marker" not in proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(warnings) == 1 and "broken.pdf" in warnings[0]
    debug = memogen("--debug", "build", "--topic", "t", "--jobs", "1", "--no-cache", cwd=tmp_path)
    assert "EOF marker" in debug.stderr


def test_cli_import_stays_light():
    """`memogen --help` must start fast: no renderer, parser or ML library at CLI import time."""
    code = (
        "import sys, memogen.cli; heavy = {'reportlab', 'docx', 'pypdf', 'sklearn', 'jinja2', 'lxml', "
        "'trafilatura', 'fontTools', 'numpy', 'pydantic', 'yaml'}; "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
