"""`memogen new` and `memogen add`: create a topic folder, bring files and web pages into it.

topic.yaml is edited as text (an entry appended under `sources:`) so the user's
comments survive; the result is validated and the old text restored on error.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..config import SOURCE_SUFFIXES, TOPIC_FILE, check_topic_name, parse_topic_yaml
from ..errors import InputError, LimitError, MemogenError, display_path, os_error_message
from ..outputs import atomic_write
from .limits import limits_from_env

TEMPLATE = """\
# memogen topic: {topic}
# Put the sources (.txt, .md, .html, .pdf, .docx) in this folder, then run:
#   memogen build --topic {topic}
# Every key is optional; uncomment what you need.

# title: "Memo title"
# subtitle: "One line under the title"
# event_date: 2024-01-31            # or a range: 2024-01-31 .. 2024-02-02
# to: "Desk or person the memo is for"
# from: "Your team"
# subject: "What the memo is about"
# classification: "Unclassified"
# word_budget: 900
# citation_style: chicago-note-bibliography
# notes: short                      # or full: each source's first note in full
# note_per: run                     # or statement: a note after every statement, not one per run
# page_size: A4                     # or Letter
# keywords: [keyword one, keyword two]
# headings:
#   what_happened: "What happened?"
#   background: "What is the background?"
#   what_it_means: "What does it mean?"

# Per-source metadata; anything left out is inferred from the text and shown by
# `memogen sources --topic {topic}`.  What you write here beats the inference.
# `memogen add --topic {topic} FILE_OR_URL` copies a source here and lists it below.
sources: {{}}
#  some-article.txt:
#    title: "Headline"
#    author: "First Last"
#    publisher: "Outlet"
#    date: 2024-01-31
#    url: "https://example.org/article"
"""

_CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


@dataclass
class Added:
    name: str
    origin: str
    url: str | None = None


def new_topic(inputs_dir: Path, topic: str) -> Path:
    """Create inputs/TOPIC/ with a commented topic.yaml; refuse to overwrite one."""
    check_topic_name(topic)
    folder = inputs_dir / topic
    yaml_path = folder / TOPIC_FILE
    if yaml_path.exists():
        raise MemogenError(f"{yaml_path}: already exists; edit it instead")
    atomic_write(yaml_path, TEMPLATE.format(topic=topic).encode("utf-8"))
    return yaml_path


def add_sources(
    inputs_dir: Path,
    topic: str,
    items: list[str],
    timeout: float = 30.0,
    on_added: Callable[[Added], None] | None = None,
) -> list[Added]:
    """Copy files / download URLs into the topic folder and record each in topic.yaml.

    A file whose content is already a source of the topic (same SHA-256) is refused with
    an error naming the existing file: a second copy would double every citation.
    """
    check_topic_name(topic)
    folder = inputs_dir / topic
    if not (folder / TOPIC_FILE).exists():
        new_topic(inputs_dir, topic)
    added = []
    for item in items:
        if re.match(r"(?i)^https?://", item):
            entry = _download(item, folder, timeout)
        else:
            entry = _copy(Path(item), folder)
        record_source(folder / TOPIC_FILE, entry.name, entry.url)
        added.append(entry)
        if on_added is not None:
            on_added(entry)
    return added


def _existing_copy(folder: Path, data: bytes, skip: Path | None = None) -> Path | None:
    """The topic's source file with exactly this content, if there is one."""
    from ..config import candidate_files

    digest = hashlib.sha256(data).hexdigest()
    size = len(data)
    for path in candidate_files(folder):
        if path == skip:
            continue
        try:
            if path.stat().st_size == size and hashlib.sha256(path.read_bytes()).hexdigest() == digest:
                return path
        except OSError:
            continue
    return None


def _refuse_duplicate(item: str, folder: Path, data: bytes, skip: Path | None = None) -> None:
    existing = _existing_copy(folder, data, skip)
    if existing is not None:
        raise InputError(
            f"{item}: same content as {display_path(existing)}, already a source of this topic; not added"
        )


def _copy(path: Path, folder: Path) -> Added:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        raise InputError(f"{path}: unsupported file type '{path.suffix}' (use {', '.join(SOURCE_SUFFIXES)})")
    limit = limits_from_env().max_bytes(path)
    if path.stat().st_size > limit:
        raise LimitError(f"{path}: larger than the {limit / 1e6:g} MB limit for this type; not added")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(os_error_message(exc, path, "read")) from None
    if path.resolve().parent == folder.resolve():
        _refuse_duplicate(str(path), folder, data, skip=path)
        return Added(path.name, str(path))
    _refuse_duplicate(str(path), folder, data)
    target = _free_name(folder, path.stem, path.suffix.lower())
    atomic_write(target, data)
    return Added(target.name, str(path))


def _download(url: str, folder: Path, timeout: float) -> Added:
    import httpx

    from .. import __version__

    limit = limits_from_env().binary_bytes
    try:
        with httpx.stream(
            "GET",
            url,
            follow_redirects=True,
            timeout=timeout,
            headers={"User-Agent": f"memogen/{__version__}"},
        ) as response:
            if response.status_code >= 400:
                raise InputError(f"{url}: download failed: HTTP {response.status_code}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise LimitError(f"{url}: larger than the {limit / 1e6:g} MB limit; not added")
            mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
            final = str(response.url)
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: download failed: {exc}") from None
    content = bytes(body)
    if not content.strip():
        raise InputError(f"{url}: download failed: empty response")
    suffix = _CONTENT_TYPES.get(mime) or Path(urlparse(final).path).suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        raise InputError(f"{url}: unsupported content type '{mime or 'unknown'}'")
    _refuse_duplicate(url, folder, content)
    target = _free_name(folder, _slug_from_url(final), suffix)
    atomic_write(target, content)
    return Added(target.name, url, final)


def _slug_from_url(url: str) -> str:
    parsed = urlparse(url)
    parts = [p for p in parsed.path.split("/") if p]
    stem = Path(parts[-1]).stem if parts else parsed.hostname or "page"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or re.sub(r"[^a-z0-9]+", "-", (parsed.hostname or "page").lower()).strip("-")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """A file name in the folder that does not exist yet: name.txt, name-2.txt, ..."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def record_source(yaml_path: Path, name: str, url: str | None) -> None:
    """Add `name:` (with its url) under `sources:` unless it is listed already."""
    original = yaml_path.read_text(encoding="utf-8") if yaml_path.exists() else ""
    config = parse_topic_yaml(original, str(yaml_path))
    if name in config.sources:
        return
    entry = f"  {json.dumps(name)}:" + (f"\n    url: {json.dumps(url)}" if url else " {}")
    lines = original.splitlines()
    header = next(
        (i for i, ln in enumerate(lines) if re.match(r"^sources:\s*(\{\s*\})?\s*(#.*)?$", ln)), None
    )
    if header is None:
        lines += ["", "sources:", entry]
    else:
        lines[header] = "sources:"
        end = header + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "#", "\t")):
            end += 1
        while end > header + 1 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, entry)
    text = "\n".join(lines) + "\n"
    parse_topic_yaml(text, str(yaml_path))  # raises ConfigError; nothing written then
    atomic_write(yaml_path, text.encode("utf-8"))
