"""Hostile topic folders: nothing is read from outside the topic, and nothing unbounded is read at all."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from hostile_helpers import make_topic, memogen, one_line_error, zip_bomb
from memogen.sources.encoding import decode_bytes


def _source_files(tmp_path: Path, topic: str = "t") -> list[str]:
    record = json.loads((tmp_path / "out" / topic / f"{topic}.json").read_text(encoding="utf-8"))
    return sorted(Path(s["file"]).name for s in record["sources"])


def test_symlink_to_a_file_outside_the_topic_is_not_read(tmp_path):
    folder = make_topic(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nThe password is swordfish.\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "etc.txt").symlink_to("/etc/passwd")
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "passwd.txt: a link to a file outside the topic folder" in proc.stderr
    assert "etc.txt: a link to a file outside the topic folder" in proc.stderr
    out = tmp_path / "out" / "t"
    for name in ("t.md", "t.json", "t.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert "swordfish" not in text and "root:x:0:0" not in text
    assert _source_files(tmp_path) == ["daily.txt", "wire.txt"]


def test_symlink_inside_the_topic_is_read(tmp_path):
    from memogen.sources.limits import screen_source_files

    folder = make_topic(tmp_path)
    (folder / "sub").mkdir()
    (folder / "daily.txt").rename(folder / "sub" / "daily.txt")
    (folder / "daily-link.txt").symlink_to(folder / "sub" / "daily.txt")
    kept, refused = screen_source_files(sorted(folder.glob("*.txt")), folder)
    assert [p.name for p in kept] == ["daily-link.txt", "wire.txt"] and refused == []


def test_topic_that_is_only_a_link_out_says_why(tmp_path):
    folder = tmp_path / "inputs" / "t"
    folder.mkdir(parents=True)
    (folder / "etc.txt").symlink_to("/etc/passwd")
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "etc.txt: a link to a file outside the topic folder" in line


@pytest.mark.parametrize("key", ["templates", "reference_docx"])
def test_topic_yaml_paths_outside_the_topic_are_refused(tmp_path, key):
    folder = make_topic(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "labels.yaml").write_text("sources: Stolen\n", encoding="utf-8")
    (outside / "style.docx").write_bytes(b"PK")
    value = "../../elsewhere" if key == "templates" else "../../elsewhere/style.docx"
    (folder / "topic.yaml").write_text(f"{key}: {value}\n", encoding="utf-8")
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "topic.yaml" in line and key in line and "outside the topic folder" in line


def test_templates_named_on_the_command_line_may_lie_anywhere(tmp_path):
    make_topic(tmp_path)
    outside = tmp_path / "house-templates"
    outside.mkdir()
    (outside / "labels.yaml").write_text("sources: Works cited\n", encoding="utf-8")
    proc = memogen("build", "--topic", "t", "--templates", str(outside), "--format", "md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "## Works cited" in (tmp_path / "out" / "t" / "t.md").read_text(encoding="utf-8")


def test_sources_key_with_a_path_is_refused(tmp_path):
    folder = make_topic(tmp_path)
    (folder / "topic.yaml").write_text("sources:\n  ../../../etc/passwd:\n    title: x\n", encoding="utf-8")
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "sources." in line and "not a path" in line


def test_outputs_written_into_the_topic_folder_are_never_read_back(tmp_path):
    make_topic(tmp_path)
    for _ in range(2):
        proc = memogen("build", "--topic", "t", "--inputs", "inputs", "--out", "inputs", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "inputs" / "t" / "t.md").is_file()
    record = json.loads((tmp_path / "inputs" / "t" / "t.json").read_text(encoding="utf-8"))
    assert sorted(Path(s["file"]).name for s in record["sources"]) == ["daily.txt", "wire.txt"]
    assert not list((tmp_path / "inputs" / "t").glob("t.2.*"))


def test_text_source_over_the_size_limit_is_refused_unread(tmp_path):
    folder = make_topic(tmp_path)
    with open(folder / "huge.txt", "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50_000_000)
    started = time.monotonic()
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 120
    assert "huge.txt: 50.0 MB is over the 20 MB limit" in proc.stderr
    assert _source_files(tmp_path) == ["daily.txt", "wire.txt"]


def test_size_limit_is_configurable(tmp_path):
    folder = make_topic(tmp_path)
    (folder / "long.txt").write_text("The strike ended on 3 May 2024. " * 100, encoding="utf-8")
    proc = memogen("build", "--topic", "t", cwd=tmp_path, env={"MEMOGEN_MAX_SOURCE_MB": "0.001"})
    assert "long.txt" in proc.stderr and "MEMOGEN_MAX_SOURCE_MB" in proc.stderr
    bad = memogen("build", "--topic", "t", cwd=tmp_path, env={"MEMOGEN_MAX_SOURCE_MB": "lots"})
    assert "MEMOGEN_MAX_SOURCE_MB" in one_line_error(bad)


def test_docx_zip_bomb_source_is_refused_without_inflating_it(tmp_path):
    folder = make_topic(tmp_path)
    zip_bomb(folder / "bomb.docx", inflated_mb=300)
    assert (folder / "bomb.docx").stat().st_size < 2_000_000
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "bomb.docx" in proc.stderr and "zip bomb" in proc.stderr
    assert _source_files(tmp_path) == ["daily.txt", "wire.txt"]


def test_docx_zip_bomb_is_refused_by_publish(tmp_path):
    zip_bomb(tmp_path / "draft.docx", inflated_mb=300)
    line = one_line_error(memogen("publish", "draft.docx", cwd=tmp_path))
    assert "draft.docx" in line and "zip bomb" in line
    assert not (tmp_path / "draft.published.pdf").exists()


def test_zip_check_counts_what_really_inflates():
    import io
    import zipfile

    from memogen.errors import LimitError
    from memogen.sources.limits import ZipLimits, check_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w/>" * 3_000_000)  # 12 MB, ratio in the thousands
    with pytest.raises(LimitError, match="times its size"):
        check_zip(buf.getvalue(), "x.docx", ZipLimits())
    check_zip(buf.getvalue(), "x.docx", ZipLimits(max_ratio=1e9))  # within limits: no complaint
    check_zip(b"not a zip at all", "x.docx")  # not a zip: the reader says so, not the guard


def test_a_read_that_runs_too_long_is_abandoned():
    from memogen.errors import LimitError
    from memogen.sources.limits import parse_deadline

    started = time.monotonic()
    with (
        pytest.raises(LimitError, match=r"slow\.txt: reading took longer than 0\.2 s"),
        parse_deadline("slow.txt", 0.2),
    ):
        while True:
            pass
    assert time.monotonic() - started < 5


def test_slow_source_is_skipped_and_the_rest_builds(tmp_path, monkeypatch, capsys):
    from memogen import cli
    from memogen.sources import reader

    folder = make_topic(tmp_path)
    (folder / "slow.txt").write_text("A report that takes for ever to clean.\n", encoding="utf-8")
    real_clean = reader.clean_lines

    def clean(lines, **kwargs):
        if any("for ever" in ln.text for ln in lines):
            time.sleep(30)  # stands in for a pathological file
        return real_clean(lines, **kwargs)

    monkeypatch.setattr(reader, "clean_lines", clean)
    monkeypatch.setenv("MEMOGEN_PARSE_SECONDS", "1")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    with pytest.raises(SystemExit) as done:
        cli.main(["build", "--topic", "t", "--jobs", "1", "--no-cache", "--quiet"])
    assert done.value.code == 0
    assert time.monotonic() - started < 20
    assert "slow.txt: reading took longer than 1 s" in capsys.readouterr().err
    assert _source_files(tmp_path) == ["daily.txt", "wire.txt"]


def test_limits_from_defaults():
    from memogen.sources.limits import Limits

    limits = Limits()
    assert limits.max_bytes(Path("a.txt")) == 20_000_000
    assert limits.max_bytes(Path("a.pdf")) == 100_000_000


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "The port reopened on 3 May 2024.\nShips began to move.\n",
        "Порт открылся 3 мая 2024 года.\nСуда начали движение.\n",
        "港口于2024年5月3日重新开放。\n船只开始移动。\n",
    ],
)
def test_utf16_without_bom_is_read(codec, text):
    assert decode_bytes(text.encode(codec), "x.txt") == text


def test_utf16_source_without_bom_builds(tmp_path):
    folder = make_topic(tmp_path)
    (folder / "daily.txt").write_bytes((folder / "daily.txt").read_text(encoding="utf-8").encode("utf-16-le"))
    proc = memogen("build", "--topic", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "daily.txt" not in proc.stderr
    assert _source_files(tmp_path) == ["daily.txt", "wire.txt"]


def test_yaml_alias_bomb_in_topic_yaml_is_refused(tmp_path):
    folder = make_topic(tmp_path)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    (folder / "topic.yaml").write_text("\n".join([*lines, "keywords: *a8", ""]), encoding="utf-8")
    started = time.monotonic()
    line = one_line_error(memogen("build", "--topic", "t", cwd=tmp_path))
    assert "topic.yaml" in line and "aliases" in line
    assert time.monotonic() - started < 60


def test_extract_refuses_an_oversized_file(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(30_000_000)
    line = one_line_error(memogen("extract", "huge.txt", cwd=tmp_path))
    assert "huge.txt" in line and "limit" in line
