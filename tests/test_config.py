"""topic.yaml validation: every error is one line naming the file and the field."""

import datetime as dt

import pytest

from memogen.config import check_topic_name, load_topic, parse_topic_yaml
from memogen.errors import ConfigError


def test_full_config_parses_with_date_range():
    cfg = parse_topic_yaml(
        "title: T\nevent_date: 2021-04-06 .. 2021-04-07\nfrom: Desk\nheadings:\n  background: Context\n"
        "sources:\n  a.txt:\n    author: [A, B]\n    date: 2021-01-02\n"
    )
    assert cfg.event_date == dt.date(2021, 4, 6)
    assert cfg.event_end == dt.date(2021, 4, 7)
    assert cfg.from_ == "Desk"
    assert cfg.headings.background == "Context"
    assert cfg.headings.what_happened == "What happened?"
    assert cfg.sources["a.txt"].authors == ["A", "B"]


def test_empty_yaml_gives_defaults():
    cfg = parse_topic_yaml("")
    assert cfg.title is None and cfg.word_budget == 900


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("titel: X\n", "unknown key 'titel'"),
        ("sources:\n  a.txt:\n    auhtor: X\n", "unknown key 'sources.a.txt.auhtor'"),
        ("event_date: 2021-13-45\n", "field 'event_date'"),
        ("word_budget: lots\n", "field 'word_budget'"),
        ("page_size: A5\n", "field 'page_size'"),
        ("event_date: 2021-04-07\nevent_end: 2021-04-01\n", "event_end is before event_date"),
        ("- a\n- b\n", "expected a mapping"),
        ("title: [unclosed\n", "line"),
    ],
)
def test_bad_config_names_file_and_field(text, expected):
    with pytest.raises(ConfigError) as info:
        parse_topic_yaml(text, "inputs/x/topic.yaml")
    message = str(info.value)
    assert message.startswith("inputs/x/topic.yaml:")
    assert expected in message
    assert "\n" not in message


def test_listed_file_missing(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "t" / "topic.yaml").write_text("sources:\n  b.txt:\n    title: B\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"topic\.yaml: field 'sources\.b\.txt': listed file is missing"):
        load_topic(tmp_path, "t")


def test_missing_topic_and_empty_topic(tmp_path):
    with pytest.raises(ConfigError, match="no such topic folder"):
        load_topic(tmp_path, "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="no source files"):
        load_topic(tmp_path, "empty")


@pytest.mark.parametrize("name", ["../etc", "a/b", "/abs", "..", "", "a\\b"])
def test_topic_names_that_escape_are_rejected(name):
    with pytest.raises(ConfigError):
        check_topic_name(name)


def test_lavrov_topic_yaml_is_valid(lavrov_dir):
    topic_dir, cfg = load_topic(lavrov_dir.parent, "lavrov-2021")
    assert cfg.title and cfg.event_date == dt.date(2021, 4, 6)
    assert all((topic_dir / name).is_file() for name in cfg.sources)
