"""Topic folders and their optional `topic.yaml`, validated strictly.

A topic is a folder `inputs/<topic>/` of source files plus an optional
`topic.yaml`.  Every problem with it becomes a `ConfigError` whose message is
one line naming the file and the field, so the CLI can print it and exit 2.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Literal

import msgspec
import yaml

from .errors import ConfigError
from .model import DEFAULT_HEADINGS

TOPIC_FILE = "topic.yaml"
SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
MAX_TOPIC_FILE = 1_000_000  # bytes of topic.yaml
MAX_TOPIC_NAME = 100  # TOPIC.published.pdf and temp names must stay under the 255-byte file name limit
_TOPIC_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class _Strict(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A topic.yaml mapping: unknown keys are refused (a typo must not pass silently).

    msgspec validates in C and imports in a few ms, where pydantic took ~0.1 s of every build.
    """

    def as_dict(self) -> dict:
        """Plain JSON-ready values (dates as ISO text), keys as topic.yaml spells them."""
        return msgspec.to_builtins(self)

    def replace(self, **changes: object) -> _Strict:
        return msgspec.structs.replace(self, **changes)


class SourceOverride(_Strict):
    """Per-source metadata that beats anything memogen infers."""

    title: str | None = None
    author: str | list[str] | None = None
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None

    @property
    def authors(self) -> list[str] | None:
        if self.author is None:
            return None
        return [self.author] if isinstance(self.author, str) else list(self.author)


class Headings(_Strict):
    what_happened: str = DEFAULT_HEADINGS["what_happened"]
    background: str = DEFAULT_HEADINGS["background"]
    what_it_means: str = DEFAULT_HEADINGS["what_it_means"]


class TopicConfig(_Strict):
    """Everything `topic.yaml` may say.  Every key is optional."""

    title: str | None = None
    subtitle: str | None = None
    event_date: dt.date | None = None
    event_end: dt.date | None = None
    to: str | None = None
    from_: str | None = msgspec.field(default=None, name="from")
    subject: str | None = None
    classification: str | None = None
    memo_date: dt.date | None = None
    # the default fills two pages: the composer chooses up to this many words, and the page fit
    # (compose/fit.py) cuts the last-chosen points while the rendered memo runs past two pages
    word_budget: Annotated[int, msgspec.Meta(ge=100, le=10000)] = 900
    citation_style: str = "chicago-note-bibliography"
    # "short": every note short (author, short title), pointing at the full entry in the memo's
    # Sources list (CMOS 14.19), for room on two pages; "full": each source's first note in full
    notes: Literal["short", "full"] = "full"
    # "run": statements in a row of one paragraph that cite the same sources share one note, after
    # the last of them (CMOS 14.34: no string of notes to one source); "statement": one note each
    note_per: Literal["run", "statement"] = "run"
    page_size: Literal["A4", "Letter"] = "A4"
    headings: Headings = msgspec.field(default_factory=Headings)
    templates: str | None = None
    reference_docx: str | None = None
    keywords: list[str] = msgspec.field(default_factory=list)
    sources: dict[str, SourceOverride] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.event_end and self.event_date and self.event_end < self.event_date:
            raise ValueError("event_end is before event_date")


def _normalise(raw: dict) -> dict:
    """Strip spaces around every text value; accept `event_date: 2021-04-06 .. 2021-04-07`."""
    raw = _stripped(raw)
    value = raw.get("event_date")
    if isinstance(value, str) and ".." in value:
        start, _, end = value.partition("..")
        raw = dict(raw, event_date=start.strip(), event_end=end.strip())
    return raw


def _stripped(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _stripped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stripped(v) for v in value]
    return value


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<name>[^`]*)`$")


def _validate(raw: dict, path: str) -> TopicConfig:
    """topic.yaml's mapping as a TopicConfig; the first problem as one line naming the field."""
    sources = raw.get("sources")
    if isinstance(sources, dict):  # checked one by one, so an error names the file it is about
        for name, override in sources.items():
            _convert(override, SourceOverride, path, f"sources.{name}")
    return _convert(raw, TopicConfig, path, "")


def _convert(raw: object, kind: type, path: str, prefix: str):  # noqa: ANN202 - returns a `kind`
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as exc:
        m = _AT.match(str(exc))
        message, where = m.group("msg"), (m.group("path") or "").lstrip(".")
        message = message.replace("Invalid RFC3339 encoded date", "not a date (write YYYY-MM-DD)")
        where = re.sub(r"\[(?:\d+|\.\.\.)\]", "", where)
        field_name = ".".join(p for p in (prefix, where) if p)
        unknown = _UNKNOWN.match(message)
        if unknown:
            key = ".".join(p for p in (field_name, unknown.group("name")) if p)
            raise ConfigError(f"{path}: unknown key '{key}'") from None
        if not field_name:
            raise ConfigError(f"{path}: {message}") from None
        raise ConfigError(f"{path}: field '{field_name}': {message}") from None


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so the validator reads them and names the field.

    Aliases (`*name`) are refused: a few lines of nested aliases expand to billions of
    values ("billion laughs"), and a topic file has no use for them.
    """

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in topic.yaml", event.start_mark
            )
        return super().compose_node(parent, index)


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_topic_yaml(text: str, path: str = TOPIC_FILE) -> TopicConfig:
    """Parse and validate topic.yaml text; errors name the file and the field."""
    try:
        raw = yaml.load(text, Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{where}: {problem}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of keys, got {type(raw).__name__}")
    return _validate(_normalise(raw), path)


def check_topic_name(name: str) -> str:
    """Reject names that could escape the inputs/out folders."""
    if not name or "/" in name or "\\" in name or ".." in name or Path(name).is_absolute():
        raise ConfigError(f"--topic {name!r}: a topic is a plain folder name (no '/', '..' or absolute path)")
    if len(name) > MAX_TOPIC_NAME:
        raise ConfigError(f"--topic {name[:20]}...: a topic name has at most {MAX_TOPIC_NAME} characters")
    if not _TOPIC_NAME.match(name):
        raise ConfigError(f"--topic {name!r}: use letters, digits, '.', '_' and '-' only")
    return name


def candidate_files(topic_dir: Path) -> list[Path]:
    """Every file of a topic folder that could be a source, in a stable (sorted) order."""
    return [
        p
        for p in sorted(topic_dir.iterdir())
        if p.is_file() and p.name != TOPIC_FILE and not p.name.startswith((".", "~$"))
    ]


def list_source_files(
    topic_dir: Path, out_folder: Path | None = None, warnings: list[str] | None = None
) -> list[Path]:
    """The files a build reads: candidates minus links out of the folder, oversized files,
    undecodable names and memogen's own outputs (see `sources.limits`); why each was left
    out goes to `warnings` when given."""
    from .sources.limits import screen_source_files

    kept, refused = screen_source_files(candidate_files(topic_dir), topic_dir, out_folder)
    if warnings is not None:
        warnings.extend(refused)
    return kept


def load_topic(inputs_dir: Path, topic: str) -> tuple[Path, TopicConfig]:
    """Find `inputs_dir/topic`, read its topic.yaml if any, check listed files exist."""
    check_topic_name(topic)
    topic_dir = inputs_dir / topic
    if not topic_dir.is_dir():
        raise ConfigError(f"{topic_dir}: no such topic folder (create it with `memogen new --topic {topic}`)")
    yaml_path = topic_dir / TOPIC_FILE
    config = TopicConfig()
    if yaml_path.exists():
        if yaml_path.is_file() and yaml_path.stat().st_size > MAX_TOPIC_FILE:
            raise ConfigError(f"{yaml_path}: larger than {MAX_TOPIC_FILE // 1_000_000} MB; not a topic file")
        try:
            text = yaml_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{yaml_path}: cannot read: {exc}") from None
        config = parse_topic_yaml(text, str(yaml_path))
    for name in config.sources:
        if Path(name).name != name or name in (".", ".."):
            raise ConfigError(
                f"{yaml_path}: field 'sources.{name}': name a file of the topic folder, not a path"
            )
        if not (topic_dir / name).is_file():
            raise ConfigError(f"{yaml_path}: field 'sources.{name}': listed file is missing")
    for key in ("reference_docx", "templates"):
        value = getattr(config, key)
        if value and not (topic_dir / value).exists():
            raise ConfigError(f"{yaml_path}: field '{key}': {value} does not exist")
    if not any(p.suffix.lower() in SOURCE_SUFFIXES for p in candidate_files(topic_dir)):
        raise ConfigError(f"{topic_dir}: no source files (.txt, .md, .html, .pdf, .docx)")
    return topic_dir, config
