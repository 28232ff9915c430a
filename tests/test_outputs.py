"""Edit safety: atomic writes, and an edited output is never overwritten."""

import os

import pytest

from memogen.outputs import OutputFolder, atomic_write, sha256_bytes


def test_write_then_rewrite_unedited(tmp_path):
    folder = OutputFolder(tmp_path)
    w = folder.write("t.md", b"one")
    folder.save_manifest()
    assert w.status == "written" and (tmp_path / "t.md").read_bytes() == b"one"
    again = OutputFolder(tmp_path).write("t.md", b"one")
    assert again.status == "unchanged"
    newer = OutputFolder(tmp_path).write("t.md", b"two")
    assert newer.status == "written" and (tmp_path / "t.md").read_bytes() == b"two"


def test_edited_output_is_kept_and_new_version_goes_beside(tmp_path):
    folder = OutputFolder(tmp_path)
    folder.write("t.docx", b"generated")
    folder.save_manifest()
    (tmp_path / "t.docx").write_bytes(b"user edits")
    folder = OutputFolder(tmp_path)
    w = folder.write("t.docx", b"generated v2")
    folder.save_manifest()
    assert w.status == "kept-edited" and w.path.name == "t.2.docx"
    assert (tmp_path / "t.docx").read_bytes() == b"user edits"
    assert (tmp_path / "t.2.docx").read_bytes() == b"generated v2"
    # A third build reuses t.2.docx (not edited) instead of piling up t.3.docx.
    folder = OutputFolder(tmp_path)
    w = folder.write("t.docx", b"generated v3")
    assert w.path.name == "t.2.docx"
    # --force overwrites the edited file.
    w = folder.write("t.docx", b"forced", force=True)
    assert w.path.name == "t.docx" and (tmp_path / "t.docx").read_bytes() == b"forced"


def test_unknown_existing_file_counts_as_edited(tmp_path):
    (tmp_path / "t.pdf").write_bytes(b"someone else's")
    w = OutputFolder(tmp_path).write("t.pdf", b"mine")
    assert w.path.name == "t.2.pdf"
    assert (tmp_path / "t.pdf").read_bytes() == b"someone else's"


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_bytes(b"old")

    def boom(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_sha256_bytes():
    assert sha256_bytes(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_atomic_write_makes_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "f.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o644
