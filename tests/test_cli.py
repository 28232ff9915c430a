"""The command line as a user meets it: exit codes, one-line errors, --help as the manual."""

import subprocess
import sys

import pytest

from memogen import __version__


def memogen(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "memogen", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_version():
    r = memogen("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"memogen {__version__}"


def test_help_is_a_manual():
    r = memogen("--help")
    assert r.returncode == 0
    assert "build" in r.stdout and "What happened?" in r.stdout
    r = memogen("build", "--help")
    assert r.returncode == 0
    for option in ("--topic", "--inputs", "--out", "--format", "--force"):
        assert option in r.stdout


def test_unknown_topic_is_one_line_exit_2(tmp_path):
    (tmp_path / "inputs").mkdir()
    r = memogen("build", "--topic", "nope", cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope" in lines[0] and "Traceback" not in r.stderr


@pytest.mark.parametrize("topic", ["../x", "a/b", "/etc"])
def test_topic_path_escapes_rejected(tmp_path, topic):
    r = memogen("build", "--topic", topic, cwd=tmp_path)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1


def test_misspelt_key_names_key_and_file(tmp_path):
    topic = tmp_path / "inputs" / "t"
    topic.mkdir(parents=True)
    (topic / "a.txt").write_text("The minister visited on 7 April 2021.", encoding="utf-8")
    (topic / "topic.yaml").write_text("titel: Oops\n", encoding="utf-8")
    r = memogen("build", "--topic", "t", cwd=tmp_path)
    assert r.returncode == 2
    assert "topic.yaml" in r.stderr and "titel" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_bad_format_option(tmp_path):
    r = memogen("build", "--topic", "t", "--format", "docx,odt", cwd=tmp_path)
    assert r.returncode == 2 and "odt" in r.stderr


def test_topic_with_only_unusable_files_says_why_in_one_line(tmp_path):
    topic = tmp_path / "inputs" / "t"
    topic.mkdir(parents=True)
    (topic / "empty.txt").write_bytes(b"")
    (topic / "noise.txt").write_bytes(bytes(range(256)) * 8)
    r = memogen("build", "--topic", "t", cwd=tmp_path)
    assert r.returncode == 2
    error = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(error) == 1
    assert "empty.txt: empty file" in error[0] and "noise.txt" in error[0]
    assert not (tmp_path / "out" / "t").exists() or not any((tmp_path / "out" / "t").glob("t.*"))
