"""Compiled templates kept between runs: used when the text is the same, never when it changed."""

from __future__ import annotations

from memo_factory import sample_memo
from memogen.render.markdown import render_markdown


def test_compiled_templates_are_kept_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMOGEN_TEMPLATE_CACHE", str(tmp_path / "cache"))
    memo = sample_memo()
    first = render_markdown(memo)
    kept = sorted((tmp_path / "cache").rglob("*.cache"))
    assert kept, "the compiled template was not kept"
    stamps = [p.stat().st_mtime_ns for p in kept]
    assert render_markdown(memo) == first
    assert [p.stat().st_mtime_ns for p in kept] == stamps  # read back, not compiled and written again


def test_an_edited_template_is_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMOGEN_TEMPLATE_CACHE", str(tmp_path / "cache"))
    memo = sample_memo()
    memo.settings.template_dir = str(tmp_path / "mine")
    (tmp_path / "mine").mkdir()
    template = tmp_path / "mine" / "memo.md.j2"
    template.write_text("first {{ view.title }}\n", encoding="utf-8")
    assert render_markdown(memo).startswith("first ")
    template.write_text("second {{ view.title }}\n", encoding="utf-8")
    assert render_markdown(memo).startswith("second ")


def test_an_unwritable_cache_costs_speed_not_the_memo(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MEMOGEN_TEMPLATE_CACHE", str(blocked / "cache"))
    assert "#" in render_markdown(sample_memo())
