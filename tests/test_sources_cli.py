"""`memogen new`, `add` (file and URL from a local HTTP server), `sources`, `extract`."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from memogen.cli import app
from memogen.config import load_topic
from memogen.sources import read_source

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
runner = CliRunner()


@pytest.fixture()
def server() -> Iterator[str]:
    """Serve tests/fixtures/sources over HTTP on a free local port."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_new_creates_a_commented_valid_topic(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "--topic", "floods", "--inputs", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "floods" / "topic.yaml").read_text()
    assert "# title:" in text and "memogen build --topic floods" in text
    assert yaml.safe_load(text) == {"sources": {}}
    again = runner.invoke(app, ["new", "--topic", "floods", "--inputs", str(tmp_path)])
    assert again.exit_code != 0 and "already exists" in str(again.exception)


def test_add_url_downloads_page_and_records_url(tmp_path: Path, server: str) -> None:
    url = f"{server}/page-with-chrome.html"
    result = runner.invoke(app, ["add", "--topic", "harbour", "--inputs", str(tmp_path), url])
    assert result.exit_code == 0, result.output
    saved = tmp_path / "harbour" / "page-with-chrome.html"
    assert saved.read_bytes() == (FIXTURES / "page-with-chrome.html").read_bytes()
    yaml_text = (tmp_path / "harbour" / "topic.yaml").read_text()
    assert "# title:" in yaml_text  # the user's comments survive
    _, config = load_topic(tmp_path, "harbour")
    assert config.sources["page-with-chrome.html"].url == url
    src = read_source(saved, "page", config.sources["page-with-chrome.html"])
    assert src.metadata.url == url and "url" not in src.metadata.inferred
    assert "single berth fee" in src.text


def test_add_same_content_twice_is_refused_naming_the_existing_source(tmp_path: Path, server: str) -> None:
    url = f"{server}/page-with-chrome.html"
    runner.invoke(app, ["add", "--topic", "t", "--inputs", str(tmp_path), url])
    result = runner.invoke(app, ["add", "--topic", "t", "--inputs", str(tmp_path), url])
    assert result.exit_code != 0
    assert "same content as" in str(result.exception) and "page-with-chrome.html" in str(result.exception)
    copy = tmp_path / "elsewhere" / "renamed.html"
    copy.parent.mkdir()
    copy.write_bytes((tmp_path / "t" / "page-with-chrome.html").read_bytes())
    result = runner.invoke(app, ["add", "--topic", "t", "--inputs", str(tmp_path), str(copy)])
    assert result.exit_code != 0 and "page-with-chrome.html" in str(result.exception)
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["page-with-chrome.html", "topic.yaml"]
    _, config = load_topic(tmp_path, "t")
    assert set(config.sources) == {"page-with-chrome.html"}


def test_add_other_content_under_a_taken_name_gets_a_free_name(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "techwire-dump.txt", tmp_path / "b" / "techwire-dump.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_bytes((FIXTURES / "techwire-dump.txt").read_bytes())
    second.write_text("A different report about the port strike, filed on 3 May 2024.", encoding="utf-8")
    result = runner.invoke(app, ["add", "--topic", "t", "--inputs", str(tmp_path), str(first), str(second)])
    assert result.exit_code == 0, result.output
    _, config = load_topic(tmp_path, "t")
    assert set(config.sources) == {"techwire-dump.txt", "techwire-dump-2.txt"}
    assert (tmp_path / "t" / "techwire-dump.txt").read_bytes() == first.read_bytes()
    assert (tmp_path / "t" / "techwire-dump-2.txt").read_bytes() == second.read_bytes()


def test_add_reports_http_errors_and_missing_files(tmp_path: Path, server: str) -> None:
    result = runner.invoke(
        app, ["add", "--topic", "t", "--inputs", str(tmp_path), f"{server}/nothing-here.html"]
    )
    assert result.exit_code != 0 and "HTTP 404" in str(result.exception)
    result = runner.invoke(
        app, ["add", "--topic", "t", "--inputs", str(tmp_path), str(tmp_path / "nope.txt")]
    )
    assert result.exit_code != 0 and "no such file" in str(result.exception)


def test_add_keeps_existing_yaml_entries(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "topic.yaml").write_text(
        "# mine\ntitle: Floods\nsources:\n  old.txt:\n    publisher: Ledger\nword_budget: 500\n"
    )
    (folder / "old.txt").write_text("x")
    result = runner.invoke(
        app, ["add", "--topic", "t", "--inputs", str(tmp_path), str(FIXTURES / "techwire-dump.txt")]
    )
    assert result.exit_code == 0, result.output
    text = (folder / "topic.yaml").read_text()
    assert text.startswith("# mine\n")
    data = yaml.safe_load(text)
    assert data["sources"]["old.txt"] == {"publisher": "Ledger"} and "techwire-dump.txt" in data["sources"]
    assert data["word_budget"] == 500


def test_extract_prints_the_record(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(FIXTURES / "techwire-dump.txt"), "--json", "--event-date", "2022-06-13"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) >= {"metadata", "body", "dropped", "footnotes", "points"}
    assert record["metadata"]["date"] == "2022-06-14"
    assert record["body"].startswith("The company opened")
    assert {"line": "2 days ago", "reason": "relative timestamp (sidebar)", "lineno": 27} in record["dropped"]
    assert record["footnotes"][0]["label"] == "Nordic Energy Wire"
    origins = record["metadata"]["origins"]
    assert origins["title"] == "page line 5: headline (inferred)"
    assert origins["authors"] == "page line 6: byline (inferred)"
    assert record["footnotes"][0]["cited_by"][0]["text"].startswith("The company opened")
    for point in record["points"]:
        assert record["body"][point["start"] : point["end"]]


def test_extract_bad_event_date() -> None:
    result = runner.invoke(
        app, ["extract", str(FIXTURES / "techwire-dump.txt"), "--event-date", "13/06/2022"]
    )
    assert result.exit_code != 0 and "YYYY-MM-DD" in str(result.exception)


def test_sources_table_lists_files_and_dropped_lines(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "topic.yaml").write_text("sources:\n  techwire-dump.txt:\n    publisher: TechWire\n")
    (folder / "techwire-dump.txt").write_bytes((FIXTURES / "techwire-dump.txt").read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    result = runner.invoke(app, ["sources", "--topic", "t", "--inputs", str(tmp_path), "--show-dropped"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "techwire-dump.txt" in out and "Battery plant opens in Lund" in out
    assert "page line 5: headline (inferred)" in out  # where the title came from
    assert "TechWire" in out and "topic.yaml" in out  # the publisher topic.yaml gave
    assert "2022-06-14" in out and "page line 7: publication line (inferred)" in out
    assert "warning:" in out and "broken.txt" in out and "empty file" in out
    assert "[relative timestamp (sidebar)]  2 days ago" in out
