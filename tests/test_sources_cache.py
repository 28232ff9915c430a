"""read_sources: input order, warnings for unusable files, cache hits, parallel workers."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import memogen.sources.cache as cache_mod
from memogen.config import SourceOverride
from memogen.sources import ReadStats, read_sources, source_id_for

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
PARA = "The committee met on Tuesday and agreed on a plan for the river banks, which flood every spring.\n"


def _topic(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "topic"
    folder.mkdir()
    paths = []
    for i, name in enumerate(["b-second.txt", "a-first.txt", "c-third.md"]):
        path = folder / name
        path.write_text(f"Headline number {i}\n\n{PARA * (i + 1)}", encoding="utf-8")
        paths.append(path)
    shutil.copy(FIXTURES / "page-with-chrome.html", folder / "page.html")
    paths.append(folder / "page.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    return paths + [folder / "empty.txt", folder / "sheet.xlsx"]


def test_sources_in_input_order_with_warnings(tmp_path: Path) -> None:
    paths = _topic(tmp_path)
    sources, warnings = read_sources(paths, {}, jobs=1)
    assert [s.id for s in sources] == ["b-second", "a-first", "c-third", "page"]
    assert len(warnings) == 2
    assert warnings[0].startswith(str(paths[4])) and "empty" in warnings[0]
    assert warnings[1].startswith(str(paths[5])) and "unsupported" in warnings[1]


def test_override_applies_by_file_name(tmp_path: Path) -> None:
    paths = _topic(tmp_path)[:1]
    sources, _ = read_sources(paths, {"b-second.txt": SourceOverride(title="Set in YAML", author="Ann Lee")})
    meta = sources[0].metadata
    assert meta.title == "Set in YAML" and meta.authors == ["Ann Lee"]
    assert "title" not in meta.inferred and "authors" not in meta.inferred


def test_rebuild_with_one_changed_source_rereads_only_that_one(tmp_path: Path) -> None:
    paths = _topic(tmp_path)[:4]
    cache = tmp_path / "out" / ".cache"
    first = ReadStats()
    read_sources(paths, {}, cache_dir=cache, jobs=1, stats=first)
    assert sorted(first.extracted) == ["a-first", "b-second", "c-third", "page"] and first.cached == []

    again = ReadStats()
    sources, _ = read_sources(paths, {}, cache_dir=cache, jobs=1, stats=again)
    assert again.extracted == [] and sorted(again.cached) == ["a-first", "b-second", "c-third", "page"]
    assert [s.id for s in sources] == ["b-second", "a-first", "c-third", "page"]

    paths[1].write_text("Headline changed\n\n" + PARA.replace("Tuesday", "Friday"), encoding="utf-8")
    third = ReadStats()
    sources, _ = read_sources(paths, {}, cache_dir=cache, jobs=1, stats=third)
    assert third.extracted == ["a-first"]
    assert sorted(third.cached) == ["b-second", "c-third", "page"]
    assert "Friday" in sources[1].text


def test_override_change_invalidates_that_entry(tmp_path: Path) -> None:
    paths = _topic(tmp_path)[:2]
    cache = tmp_path / ".cache"
    read_sources(paths, {}, cache_dir=cache, jobs=1)
    stats = ReadStats()
    read_sources(
        paths, {"a-first.txt": SourceOverride(publisher="Ledger")}, cache_dir=cache, jobs=1, stats=stats
    )
    assert stats.extracted == ["a-first"] and stats.cached == ["b-second"]


def test_cached_copy_of_a_renamed_file_gets_its_new_id(tmp_path: Path) -> None:
    paths = _topic(tmp_path)[:1]
    cache = tmp_path / ".cache"
    read_sources(paths, {}, cache_dir=cache)
    renamed = paths[0].with_name("Renamed File.txt")
    paths[0].rename(renamed)
    stats = ReadStats()
    sources, _ = read_sources([renamed], {}, cache_dir=cache, stats=stats)
    assert (
        stats.cached == ["renamed-file"]
        and sources[0].id == "renamed-file"
        and sources[0].path == str(renamed)
    )


def test_parallel_workers_give_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _topic(tmp_path)
    serial, serial_warnings = read_sources(paths, {}, jobs=1)
    monkeypatch.setattr(cache_mod, "_POOL_MIN_BYTES", 0)
    stats = ReadStats()
    parallel, parallel_warnings = read_sources(paths, {}, jobs=2, stats=stats)
    assert stats.parallel
    assert [(s.id, s.text, s.metadata) for s in parallel] == [(s.id, s.text, s.metadata) for s in serial]
    assert parallel_warnings == serial_warnings


def test_tiny_inputs_skip_the_process_pool(tmp_path: Path) -> None:
    stats = ReadStats()
    read_sources(_topic(tmp_path)[:3], {}, jobs=4, stats=stats)
    assert not stats.parallel


def test_source_id_for() -> None:
    assert source_id_for(Path("x/Daily Times — Relations (2019).TXT")) == "daily-times-relations-2019"
    assert source_id_for(Path("ü.txt")) == "u"


def test_cache_keeps_only_entries_of_current_files(tmp_path: Path) -> None:
    paths = _topic(tmp_path)[:3]
    cache = tmp_path / ".cache"
    read_sources(paths, {}, cache_dir=cache)
    assert len(list(cache.glob("*.pkl"))) == 3
    paths[0].write_text("Headline\n\n" + PARA.replace("Tuesday", "Sunday"), encoding="utf-8")
    read_sources(paths[:2], {}, cache_dir=cache)
    assert len(list(cache.glob("*.pkl"))) == 2  # the old version of file 0 and the dropped file 2 are gone


def test_corrupt_cache_entry_is_reread(tmp_path: Path) -> None:
    paths = _topic(tmp_path)[:1]
    cache = tmp_path / ".cache"
    read_sources(paths, {}, cache_dir=cache)
    for entry in cache.glob("*.pkl"):
        entry.write_bytes(b"not a pickle")
    stats = ReadStats()
    sources, _ = read_sources(paths, {}, cache_dir=cache, stats=stats)
    assert stats.extracted == ["b-second"] and sources[0].text.startswith("The committee met")


def test_progress_bar_appears_only_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    quiet = cache_mod._LateBar(3, enabled=True, start=time.perf_counter())
    quiet.advance()
    assert quiet.progress is None  # well under a second: no bar
    monkeypatch.setattr(cache_mod, "_PROGRESS_AFTER", -1.0)
    late = cache_mod._LateBar(3, enabled=True, start=0.0)
    late.advance()
    assert late.progress is not None
    late.advance()
    late.close()
    off = cache_mod._LateBar(3, enabled=False, start=0.0)
    off.advance()
    assert off.progress is None


def test_same_stem_in_two_formats_gets_distinct_ids(tmp_path: Path) -> None:
    a = tmp_path / "brief.txt"
    a.write_text("Headline\n\n" + PARA, encoding="utf-8")
    b = tmp_path / "brief.md"
    b.write_text("# Headline\n\n" + PARA.replace("Tuesday", "Friday"), encoding="utf-8")
    sources, _ = read_sources([a, b], {})
    assert [s.id for s in sources] == ["brief", "brief-md"]
