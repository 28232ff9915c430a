"""The output cache: a hit writes the bytes the renderers gave for the same memo and settings."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from memogen import pipeline
from memogen.output_cache import load_outputs, outputs_key, store_outputs
from memogen.pipeline import BuildOptions, run_build

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["docx", "pdf", "md", "html", "json"]


def test_each_input_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "labels.yaml").write_text("sources: Sources\n", encoding="utf-8")
    reference = tmp_path / "ref.docx"
    reference.write_bytes(b"PK one")
    base = outputs_key("m1", FORMATS, str(templates), str(reference))
    assert base == outputs_key("m1", list(FORMATS), str(templates), str(reference))
    keys = {
        base,
        outputs_key("m2", FORMATS, str(templates), str(reference)),
        outputs_key("m1", ["md"], str(templates), str(reference)),
        outputs_key("m1", FORMATS, None, str(reference)),
        outputs_key("m1", FORMATS, str(templates), None),
    }
    (templates / "memo.md.j2").write_text("{{ memo.title }}\n", encoding="utf-8")  # a template added
    keys.add(outputs_key("m1", FORMATS, str(templates), str(reference)))
    reference.write_bytes(b"PK two")  # the same path, other bytes
    keys.add(outputs_key("m1", FORMATS, str(templates), str(reference)))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    keys.add(outputs_key("m1", FORMATS, str(templates), str(reference)))
    assert len(keys) == 8


def test_store_load_and_damage(tmp_path: Path) -> None:
    rendered = {"md": b"# Memo\n", "json": b"{}"}
    store_outputs(tmp_path, "k1", rendered)
    assert load_outputs(tmp_path, "k1", ["md", "json"]) == rendered
    assert load_outputs(tmp_path, "k1", ["md"]) is None  # other formats asked for
    assert load_outputs(tmp_path, "k2", ["md", "json"]) is None
    key, stored, hashes = pickle.loads((tmp_path / "k1.outputs").read_bytes())
    stored["md"] = b"# Edited\n"
    (tmp_path / "k1.outputs").write_bytes(pickle.dumps((key, stored, hashes)))
    assert load_outputs(tmp_path, "k1", ["md", "json"]) is None  # bytes that are not the ones rendered
    (tmp_path / "k1.outputs").write_bytes(b"not a pickle")
    assert load_outputs(tmp_path, "k1", ["md", "json"]) is None
    for k in range(6):
        store_outputs(tmp_path, f"n{k}", rendered)
    assert len(list(tmp_path.glob("*.outputs"))) == 4


def test_a_rebuild_writes_the_rendered_bytes_without_rendering(tmp_path: Path, monkeypatch) -> None:
    options = BuildOptions(
        topic="lavrov-2021", inputs_dir=ROOT / "inputs", out_dir=tmp_path / "out", quiet=True
    )
    folder = tmp_path / "out/lavrov-2021"
    run_build(options)
    written = {p.name: p.read_bytes() for p in folder.glob("lavrov-2021.*")}
    assert len(written) == 5 and len(list((folder / ".cache").glob("*.outputs"))) == 1

    renders = []
    real = pipeline.render_outputs
    monkeypatch.setattr(pipeline, "render_outputs", lambda *a, **k: renders.append(1) or real(*a, **k))
    (folder / "lavrov-2021.docx").unlink()  # written again, from the kept bytes
    run_build(dataclasses.replace(options, force=True))
    assert renders == []  # memo and outputs from the cache
    assert {p.name: p.read_bytes() for p in folder.glob("lavrov-2021.*")} == written

    for entry in (folder / ".cache").glob("*.outputs"):
        entry.unlink()
    run_build(dataclasses.replace(options, force=True))
    assert renders == [1]  # rendered again from the kept memo: the same bytes the cache gave
    assert {p.name: p.read_bytes() for p in folder.glob("lavrov-2021.*")} == written

    run_build(dataclasses.replace(options, force=True, formats=["md", "json"]))
    assert renders == [1, 1]  # other formats: another entry
    assert {p.name for p in folder.iterdir() if p.is_file()} >= {"lavrov-2021.md", "lavrov-2021.json"}


def test_no_cache_builds_keep_no_outputs(tmp_path: Path) -> None:
    options = BuildOptions(
        topic="lavrov-2021", inputs_dir=ROOT / "inputs", out_dir=tmp_path / "out", quiet=True, use_cache=False
    )
    run_build(options)
    assert not list((tmp_path / "out/lavrov-2021").rglob("*.outputs"))
