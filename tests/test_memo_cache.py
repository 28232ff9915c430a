"""The memo cache: a hit is the memo the stages compute, and every input that decides it is in the key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import shutil
from pathlib import Path

import pytest

from memogen import memo_cache, pipeline
from memogen.config import TopicConfig
from memogen.memo_cache import installed_distributions, load_memo, memo_key, store_memo
from memogen.model import Memo, MemoHeader, Source, SourceMetadata
from memogen.pipeline import BuildOptions, run_build

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)


def _source(text: str = "The council met on Monday and approved the budget.") -> Source:
    return Source(id="s1", path="s1.txt", kind="text", metadata=SourceMetadata(title="A report"), text=text)


def _key(**change) -> str:
    inputs = {
        "config": TopicConfig(),
        "sources": [_source()],
        "topic": "t",
        "build_date": DAY,
        "labels_file": None,
    }
    inputs.update(change)
    return memo_key(**inputs)


def test_equal_inputs_give_one_key() -> None:
    assert _key() == _key(sources=[_source()], config=TopicConfig())


@pytest.mark.parametrize(
    "change",
    [
        {"config": TopicConfig(word_budget=500)},
        {"config": TopicConfig(page_size="Letter")},
        {"sources": [_source("The council met on Tuesday and approved the budget.")]},
        {"sources": [_source(), dataclasses.replace(_source(), id="s2")]},
        {"topic": "other"},
        {"build_date": DAY + dt.timedelta(days=1)},
    ],
)
def test_each_input_changes_the_key(change: dict) -> None:
    assert _key(**change) != _key()


def test_the_labels_file_is_part_of_the_key(tmp_path: Path) -> None:
    labels = tmp_path / "labels.yaml"
    without = _key(labels_file=labels)  # named but absent: same as none
    labels.write_text("sources: Sources\n", encoding="utf-8")
    first = _key(labels_file=labels)
    labels.write_text("sources: Quellen\n", encoding="utf-8")  # a longer or shorter heading moves page breaks
    assert len({without, first, _key(labels_file=labels)}) == 3
    assert without == _key()


def test_code_and_installed_packages_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _key()
    monkeypatch.setattr(memo_cache, "package_fingerprint", lambda: "edited")
    edited = _key()
    monkeypatch.setattr(memo_cache, "installed_distributions", lambda: ["reportlab-99.0.dist-info"])
    assert len({before, edited, _key()}) == 3


def test_an_input_that_cannot_be_encoded_gives_no_key() -> None:
    odd = _source()
    odd.metadata.origins = {"title": object()}  # type: ignore[dict-item]
    assert _key(sources=[odd]) is None


def test_installed_distributions_lists_versions(tmp_path: Path) -> None:
    (tmp_path / "reportlab-4.2.5.dist-info").mkdir()
    (tmp_path / "old_thing-1.0.egg-info").mkdir()
    (tmp_path / "reportlab").mkdir()
    assert installed_distributions([str(tmp_path), str(tmp_path / "missing")]) == [
        "old_thing-1.0.egg-info",
        "reportlab-4.2.5.dist-info",
    ]


def _memo(sources: list[Source]) -> Memo:
    return Memo(topic="t", header=MemoHeader(title="A memo"), sections=[], sources=sources, build_date=DAY)


def test_store_then_load_gives_the_memo_with_the_given_sources(tmp_path: Path) -> None:
    sources = [_source()]
    memo = _memo(sources)
    store_memo(tmp_path, "k1", memo)
    assert memo.sources is sources  # storing leaves the caller's memo whole
    loaded = load_memo(tmp_path, "k1", sources)
    assert loaded == memo and loaded.sources is sources
    assert load_memo(tmp_path, "k2", sources) is None
    assert load_memo(None, "k1", sources) is None


def test_the_least_recently_used_memo_goes_and_a_broken_entry_is_a_miss(tmp_path: Path) -> None:
    for k in range(memo_cache.KEEP):
        store_memo(tmp_path, f"k{k}", _memo([]))
        stamp = 1_000_000_000 + k  # one second apart, whatever the file system's clock resolution
        os.utime(tmp_path / f"k{k}.memo", (stamp, stamp))
    assert load_memo(tmp_path, "k0", []) is not None  # used again: now the most recent
    store_memo(tmp_path, "new", _memo([]))
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(
        ["k0", "new", *(f"k{k}" for k in range(2, memo_cache.KEEP))]
    )
    (tmp_path / "new.memo").write_bytes(b"not a pickle")
    assert load_memo(tmp_path, "new", []) is None
    (tmp_path / "k3.memo").write_bytes(pickle.dumps(("k3", "not a memo")))
    assert load_memo(tmp_path, "k3", []) is None


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_rebuild_uses_the_memo_and_writes_identical_outputs(tmp_path: Path, monkeypatch) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs/lavrov-2021", inputs / "lavrov-2021")
    options = BuildOptions(topic="lavrov-2021", inputs_dir=inputs, out_dir=tmp_path / "out", quiet=True)
    first = run_build(options)
    folder = tmp_path / "out/lavrov-2021"
    written = _outputs(folder)
    assert len(list((folder / ".cache").glob("*.memo"))) == 1

    composed = []
    real = pipeline.compose_from_sources
    monkeypatch.setattr(pipeline, "compose_from_sources", lambda *a, **k: composed.append(1) or real(*a, **k))
    second = run_build(dataclasses.replace(options, force=True))
    assert composed == []  # nothing that decides the memo changed: the stages did not run
    assert second.memo == first.memo
    assert _outputs(folder) == written  # rendered again from the kept memo, byte for byte

    topic_yaml = inputs / "lavrov-2021/topic.yaml"
    text = topic_yaml.read_text(encoding="utf-8")
    assert "word_budget: 700" in text
    topic_yaml.write_text(text.replace("word_budget: 700", "word_budget: 400"), encoding="utf-8")
    third = run_build(dataclasses.replace(options, force=True))
    assert composed == [1]  # topic.yaml changed: composed anew
    assert sum(len(p.text.split()) for p in third.memo.points) < sum(
        len(p.text.split()) for p in first.memo.points
    )
    assert len(list((folder / ".cache").glob("*.memo"))) == 2  # the first memo too, for a switch back
    topic_yaml.write_text(text, encoding="utf-8")
    fourth = run_build(dataclasses.replace(options, force=True))
    assert composed == [1] and fourth.memo == first.memo  # switched back: the first memo again
    assert _outputs(folder) == written


def test_no_cache_builds_keep_no_memo(tmp_path: Path) -> None:
    options = BuildOptions(
        topic="lavrov-2021", inputs_dir=ROOT / "inputs", out_dir=tmp_path / "out", quiet=True, use_cache=False
    )
    run_build(options)
    assert not list((tmp_path / "out/lavrov-2021").rglob("*.memo"))
