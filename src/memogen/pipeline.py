"""`memogen build`: config -> sources -> points -> merged points -> memo -> outputs.

This is the only place that wires the stages together and touches the file
system on both sides; each stage is a pure-ish function of its inputs.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import SOURCE_SUFFIXES, TopicConfig, list_source_files, load_topic
from .errors import ConfigError, InputError
from .model import Memo
from .outputs import BuildLock, OutputFolder, Written, remove_stale_temps, sha256_bytes

EXTENSIONS = {"docx": ".docx", "pdf": ".pdf", "md": ".md", "html": ".html", "json": ".json"}


@dataclass
class BuildOptions:
    topic: str
    inputs_dir: Path = Path("inputs")
    out_dir: Path = Path("out")
    formats: list[str] = field(default_factory=lambda: list(EXTENSIONS))
    jobs: int = 0
    force: bool = False
    quiet: bool = False
    use_cache: bool = True
    build_date: dt.datetime | None = None
    templates: Path | None = None  # named on the command line: may lie outside the topic folder
    reference_docx: Path | None = None
    lock_wait: float = 120.0  # seconds to wait while another build of the topic holds the lock


@dataclass
class BuildResult:
    memo: Memo
    written: list[Written]
    warnings: list[str]
    timings: dict[str, float]

    def report_lines(self) -> list[str]:
        n_points = len(self.memo.points)
        lines = [
            f"memo: {len(self.memo.sources)} sources, {n_points} points, "
            f"{sum(1 for p in self.memo.points if len(p.source_ids) > 1)} citing several sources"
        ]
        lines += [w.describe() for w in self.written]
        return lines


def build_date_from_env(now: dt.datetime | None = None) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today at 00:00 UTC.

    Using the day rather than the second keeps two builds on the same day
    byte-identical, while the memo still carries today's date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    return dt.datetime(now.year, now.month, now.day, tzinfo=dt.timezone.utc)


def _resolve_paths(config: TopicConfig, topic_dir: Path, options: BuildOptions) -> TopicConfig:
    """Absolute template and reference-DOCX paths: the command line's, else topic.yaml's.

    topic.yaml may only name files inside the topic folder (a shared topic must not make
    memogen read ~/.ssh or /etc); the command line may name any file the user can read.
    """
    from .sources.limits import check_within_topic

    where = str(topic_dir / "topic.yaml")
    updates = {}
    for key in ("templates", "reference_docx"):
        given: Path | None = getattr(options, key)
        if given is not None:
            if not given.exists():
                raise ConfigError(f"--{key.replace('_', '-')} {given}: no such file or folder")
            updates[key] = str(given.resolve())
        elif getattr(config, key):
            updates[key] = str(check_within_topic(getattr(config, key), topic_dir, key, where))
    return config.replace(**updates)


class PageMeter:
    """Pages of the memo exactly as the PDF renders it; keeps that PDF so a build renders it once.

    Why: the composer keeps the memo within two pages by measuring, not by guessing what
    footnotes take (see compose/fit.py). Each measurement numbers and formats the notes of the
    memo as it stands (a cut can turn a short note into the full first citation), so the last
    measurement is of the memo that is written, and measuring the same memo twice renders once.
    """

    def __init__(self) -> None:
        self.pdf: bytes | None = None
        self.pages = 0
        self.calls = 0
        self._measured: tuple | None = None

    @staticmethod
    def state(memo: Memo) -> tuple:
        return tuple((p.id, p.text) for p in memo.points)

    def holds(self, memo: Memo) -> bool:
        """Whether the kept PDF (and the notes) are of the memo as it now stands."""
        return self.pdf is not None and self._measured == self.state(memo)

    def __call__(self, memo: Memo) -> int:
        from .citations import attach_notes
        from .compose.fit import page_count
        from .render.pdf import render_pdf

        if self.holds(memo):
            return self.pages
        attach_notes(memo)
        self.calls += 1
        self.pdf = render_pdf(memo)
        self.pages = page_count(self.pdf)
        self._measured = self.state(memo)
        return self.pages


def compose_from_sources(
    config: TopicConfig,
    sources: list,
    topic: str,
    build_date: dt.datetime,
    meter: PageMeter | None = None,
) -> Memo:
    """The content core, free of I/O: sources -> points -> merged points -> memo with notes.

    With a `meter`, the memo is kept within two rendered pages.
    """
    from .citations import attach_notes
    from .compose import compose_memo
    from .merge import merge_points
    from .sections import extract_points, forget_sentence_splits, infer_event

    event_date, event_end = config.event_date, config.event_end
    if event_date is None:  # topic.yaml overrides; else the event the sources report as news
        inferred = infer_event(sources)
        if inferred:
            event_date, event_end = inferred.start, inferred.end
    points = [p for s in sources for p in extract_points(s, event_date, event_end)]
    forget_sentence_splits()
    event = (event_date, event_end or event_date) if event_date else None
    result = merge_points(points, sources, event)
    memo = compose_memo(result, sources, config, topic, event_date, build_date, meter, event_end)
    if meter is None or not meter.holds(memo):
        attach_notes(memo)
    return memo


def render_outputs(memo: Memo, formats: list[str], pdf: bytes | None = None) -> dict[str, bytes]:
    """Render every requested format in memory; the JSON record comes last and lists the others' hashes.

    `pdf`: the memo's PDF when it was already rendered (to measure its pages).
    """
    rendered: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "docx":
            rendered[fmt] = render_docx_with_hash(memo)
        elif fmt == "pdf" and pdf is not None:  # the page meter's rendering of this very memo
            rendered[fmt] = pdf
        elif fmt == "pdf":
            from .render.pdf import render_pdf

            rendered[fmt] = render_pdf(memo)
        elif fmt == "md":
            from .render.markdown import render_markdown

            rendered[fmt] = render_markdown(memo).encode("utf-8")
        elif fmt == "html":
            from .render.html import render_html

            rendered[fmt] = render_html(memo).encode("utf-8")
    if "json" in formats:
        from .render.json import render_json

        hashes = {f"{memo.topic}{EXTENSIONS[f]}": sha256_bytes(b) for f, b in rendered.items()}
        rendered["json"] = render_json(memo, output_hashes=hashes).encode("utf-8")
    return rendered


def render_docx_with_hash(memo: Memo) -> bytes:
    """DOCX whose custom properties carry the hash of its own generated body (one rendering)."""
    import json

    from .render.docx import render_docx

    headings = json.dumps({s.key: s.heading for s in memo.sections}, ensure_ascii=False)
    properties = {
        "memogen_topic": memo.topic,
        "memogen_headings": headings,  # lets `memogen publish` map edited headings back to sections
    }
    return render_docx(memo, custom_properties=properties, body_hash_property="memogen_body_sha256")


def run_build(options: BuildOptions, on_wait: Callable[[str], None] | None = None) -> BuildResult:
    """Build one topic end to end; one build per output folder at a time (see `outputs.BuildLock`)."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    topic_dir, config = load_topic(options.inputs_dir, options.topic)
    config = _resolve_paths(config, topic_dir, options)
    out_folder = options.out_dir / options.topic
    with BuildLock(out_folder, wait=options.lock_wait, on_wait=on_wait):
        remove_stale_temps(out_folder)
        warnings: list[str] = []
        files = list_source_files(topic_dir, out_folder, warnings)
        from .sources import agree_on_joins, read_sources

        sources, read_warnings = read_sources(
            files,
            config.sources,
            jobs=options.jobs,
            cache_dir=(out_folder / ".cache") if options.use_cache else None,
            progress=not options.quiet,
        )
        warnings += read_warnings
        sources = agree_on_joins(sources)  # the topic's sources together, once every one is read
        timings["read"] = time.perf_counter() - t0
        if not sources:
            reasons = "; ".join(_short(w) for w in warnings) or ", ".join(SOURCE_SUFFIXES)
            raise InputError(f"{topic_dir}: none of the files is a usable source ({reasons})")
        build_date = options.build_date or build_date_from_env()
        t1 = time.perf_counter()
        meter = PageMeter()
        cache_dir = (out_folder / ".cache") if options.use_cache else None
        memo, memo_key = _composed(config, sources, options.topic, build_date, meter, cache_dir)
        timings["content"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        rendered = _rendered(memo, options.formats, meter, cache_dir, memo_key, config)
        timings["render"] = time.perf_counter() - t2
        folder = OutputFolder(out_folder)
        if folder.problem:
            warnings.append(folder.problem)
        names = {f"{options.topic}{EXTENSIONS[f]}": rendered[f] for f in options.formats}
        written = folder.commit(names, options.force)
    return BuildResult(memo=memo, written=written, warnings=warnings, timings=timings)


def _composed(
    config: TopicConfig,
    sources: list,
    topic: str,
    build_date: dt.datetime,
    meter: PageMeter,
    cache_dir: Path | None,
) -> tuple[Memo, str | None]:
    """The memo of these sources, from the memo cache when nothing that decides it changed, and
    its memo-cache key (None without a cache)."""
    from .memo_cache import load_memo, memo_key, store_memo

    key = None
    if cache_dir is not None:
        labels_file = Path(config.templates) / "labels.yaml" if config.templates else None
        key = memo_key(config, sources, topic, build_date, labels_file)
        memo = load_memo(cache_dir, key, sources) if key is not None else None
        if memo is not None:
            return memo, key
    from .merge.vectors import remembered_vectors

    with remembered_vectors((cache_dir / "vectors.bin") if cache_dir is not None else None):
        memo = compose_from_sources(config, sources, topic, build_date, meter)
    if key is not None:
        store_memo(cache_dir, key, memo)
    return memo, key


def _rendered(
    memo: Memo,
    formats: list[str],
    meter: PageMeter,
    cache_dir: Path | None,
    memo_key: str | None,
    config: TopicConfig,
) -> dict[str, bytes]:
    """The outputs of the memo, from the output cache when the same bytes were rendered before."""
    from .output_cache import load_outputs, outputs_key, store_outputs

    key = None
    if cache_dir is not None and memo_key is not None:
        key = outputs_key(memo_key, formats, config.templates, config.reference_docx)
    rendered = load_outputs(cache_dir, key, formats) if key is not None else None
    if rendered is None:
        rendered = render_outputs(memo, formats, meter.pdf if meter.holds(memo) else None)
        if key is not None:
            store_outputs(cache_dir, key, rendered)
    return rendered


def _short(warning: str) -> str:
    """'inputs/t/a.txt: empty file' -> 'a.txt: empty file' (the folder is named once already)."""
    head, sep, tail = warning.partition(": ")
    return f"{Path(head).name}{sep}{tail}" if sep else warning
