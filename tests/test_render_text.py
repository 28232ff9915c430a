"""Markdown, HTML and JSON writers on a hand-built memo: escaping, footnotes, determinism."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from memo_factory import sample_memo
from memogen.errors import UserTemplateError
from memogen.model import Inline, Note
from memogen.render.json import render_json
from memogen.render.markdown import md_escape, render_html, render_markdown

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def memo():
    m = sample_memo()
    for n, p in enumerate(m.points, 1):
        p.note = Note(
            n,
            [
                Inline("Doe, "),
                Inline("Title", italic=True),
                Inline(", "),
                Inline("https://x.org/a?b=1&c=2", url="https://x.org/a?b=1&c=2"),
            ],
        )
    m.bibliography = [[Inline("Doe, Jane. "), Inline("Minister visits", italic=True), Inline(".")]]
    return m


def test_markdown_footnotes_match_marks(memo):
    md = render_markdown(memo)
    marks = re.findall(r"\[\^(\d+)\](?!:)", md)
    notes = re.findall(r"^\[\^(\d+)\]: ", md, re.M)
    assert marks == notes == [str(i) for i in range(1, 7)]
    assert "\\<b\\>not\\</b\\>" in md  # source markup is text, not markup
    assert "Sources differ: Alpha News reports 6 April" in md
    assert (
        md.index("## What happened?")
        < md.index("## What is the background?")
        < md.index("## What does it mean?")
    )


def test_md_escape_drops_control_characters():
    assert md_escape("a\x07b*c") == "ab\\*c"


def test_html_is_well_formed_and_escaped(memo):
    html = render_html(memo)
    assert "&lt;b&gt;not&lt;/b&gt;" in html and "<b>not</b>" not in html
    assert 'href="https://x.org/a?b=1&amp;c=2"' in html
    tags = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "link"):
                tags.append(tag)

        def handle_endtag(self, tag):
            assert tags.pop() == tag

    Checker().feed(html)
    assert tags == []
    assert html.count('class="fn"') == 6 and html.count('<li id="fn') == 6


def test_json_is_deterministic_and_complete(memo):
    a, b = render_json(memo, {"x.pdf": "0" * 64}), render_json(memo, {"x.pdf": "0" * 64})
    assert a == b
    record = json.loads(a)
    assert record["sources"][1]["author"] == "Иван Петров, Ali Khan"
    assert record["sections"][0]["points"][0]["conflicts"][0]["kind"] == "date"
    assert record["sections"][0]["points"][0]["note"]["number"] == 1


def test_topic_templates_override_and_template_errors_name_file_and_line(memo, tmp_path):
    (tmp_path / "labels.yaml").write_text("sources: Works cited\n", encoding="utf-8")
    memo.settings.template_dir = str(tmp_path)
    assert "## Works cited" in render_markdown(memo)
    (tmp_path / "memo.md.j2").write_text("# {{ view.title }}\n{% if %}\n", encoding="utf-8")
    with pytest.raises(UserTemplateError, match=r"memo\.md\.j2:2: template error") as caught:
        render_markdown(memo)
    assert caught.value.exit_code == 2  # the user's own template: their fix, not an internal error
