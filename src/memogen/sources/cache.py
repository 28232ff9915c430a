"""Reading many sources: in parallel processes, cached by content, with a late progress bar.

The cache key is the file's SHA-256 plus the memogen version, the cleaning rules'
version, the topic.yaml override and the day of reading, so editing one file re-reads only that file
and upgrading memogen invalidates everything.  The day is part of what a file reads as: a wire
dateline without its year ("HARBOURTON, Feb 12") is dated by its weekday in the latest year up to
today (`cleaning.dates.year_from_weekday`).  Entries are pickles of `Source`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..config import SourceOverride
from ..errors import InputError
from ..model import Source
from .kinds import KINDS, source_id_for

RULES_VERSION = "2"  # bump to drop every cache entry on purpose
_POOL_MIN_BYTES = 512 * 1024  # below this, text sources read faster than a pool starts
_PROGRESS_AFTER = 1.0


@dataclass
class ReadStats:
    """Which files were extracted anew and which came from the cache (tests use this)."""

    extracted: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    parallel: bool = False


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of this package's own code: a changed cleaning rule must not serve stale cache entries."""
    h = hashlib.sha256()
    for file in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(file.read_bytes())
    return h.hexdigest()


def cache_key(data: bytes, path: Path, override: SourceOverride | None, today: dt.date | None = None) -> str:
    """What decides how a file reads: its bytes, the code and rules, the override, and today."""
    settings = json.dumps(override.as_dict() if override else None, sort_keys=True)
    h = hashlib.sha256()
    parts = (
        hashlib.sha256(data).hexdigest(),
        __version__,
        RULES_VERSION,
        code_fingerprint(),
        path.suffix.lower(),
        settings,
        (today or dt.date.today()).isoformat(),  # a yearless weekday dateline reads in today's light
    )
    for part in parts:
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def _load(cache_dir: Path | None, key: str) -> Source | None:
    if cache_dir is None:
        return None
    try:
        with open(cache_dir / f"{key}.pkl", "rb") as fh:
            value = pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return None
    return value if isinstance(value, Source) else None


def _store(cache_dir: Path | None, key: str, source: Source) -> None:
    if cache_dir is None:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{key}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        pickle.dump(source, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache_dir / f"{key}.pkl")


def _read_one(path: Path, source_id: str, override: SourceOverride | None) -> Source | str:
    """Worker: a Source, or the warning text for a file that cannot be used."""
    from .reader import read_source  # only on a cache miss: the readers are the heavy part

    try:
        return read_source(path, source_id, override)
    except InputError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the other sources
        return f"{path}: skipped after an internal error ({type(exc).__name__}: {exc}); please report it"


@dataclass
class _Plan:
    """What a read needs: results known already (cache hits, warnings) and the files to extract."""

    results: dict[int, Source | str] = field(default_factory=dict)
    todo: list[tuple[int, Path, str, SourceOverride | None, str]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    cost: int = 0  # bytes, weighted by how slow the reader is


def unique_ids(paths: list[Path]) -> list[str]:
    """Stem slugs, made unique in input order: 'brief.txt' and 'brief.pdf' -> 'brief', 'brief-pdf'."""
    seen: set[str] = set()
    out = []
    for path in map(Path, paths):
        base = source_id_for(path)
        sid = base if base not in seen else f"{base}-{path.suffix.lower().lstrip('.') or 'file'}"
        n = 2
        while sid in seen:
            sid, n = f"{base}-{n}", n + 1
        seen.add(sid)
        out.append(sid)
    return out


def _plan(
    paths: list[Path], overrides: dict[str, SourceOverride], cache_dir: Path | None, stats: ReadStats
) -> _Plan:
    plan = _Plan()
    ids = unique_ids(paths)
    for i, path in enumerate(map(Path, paths)):
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            plan.results[i] = (
                f"{path}: unsupported file type '{path.suffix or '(none)'}' (use .txt, .md, .html, .pdf, .docx)"
            )
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            plan.results[i] = f"{path}: cannot read: {exc.strerror or exc}"
            continue
        override = overrides.get(path.name)
        key, sid = cache_key(data, path, override), ids[i]
        plan.keys.add(key)
        hit = _load(cache_dir, key)
        if hit is not None:
            hit.id, hit.path = sid, str(path)
            plan.results[i] = hit
            stats.cached.append(sid)
            continue
        plan.todo.append((i, path, sid, override, key))
        plan.cost += len(data) * (1 if kind in ("text", "markdown") else 20)
    return plan


def read_sources(
    paths: list[Path],
    overrides: dict[str, SourceOverride],
    *,
    jobs: int = 0,
    cache_dir: Path | None = None,
    progress: bool = False,
    stats: ReadStats | None = None,
) -> tuple[list[Source], list[str]]:
    """Read every file; return the usable sources in input order and one warning per skipped file.

    `stats` (optional) records which files were extracted and which came from the cache.
    """
    stats = stats if stats is not None else ReadStats()
    plan = _plan(paths, overrides, cache_dir, stats)
    workers = jobs or os.cpu_count() or 1
    stats.parallel = workers > 1 and len(plan.todo) > 1 and plan.cost >= _POOL_MIN_BYTES
    done = _run(plan.todo, workers if stats.parallel else 1, progress)
    for (i, _path, sid, _override, key), value in zip(plan.todo, done, strict=True):
        plan.results[i] = value
        if isinstance(value, Source):
            stats.extracted.append(sid)
            _store(cache_dir, key, value)
    _prune(cache_dir, plan.keys)
    ordered = [v for _, v in sorted(plan.results.items())]
    return [v for v in ordered if isinstance(v, Source)], [v for v in ordered if isinstance(v, str)]


def _prune(cache_dir: Path | None, keep: set[str]) -> None:
    """The cache folder belongs to one topic: entries of files no longer there (or changed) go."""
    if cache_dir is None or not cache_dir.is_dir():
        return
    for entry in cache_dir.glob("*.pkl"):
        if entry.stem not in keep:
            entry.unlink(missing_ok=True)


def _run(todo: list, workers: int, progress: bool) -> list[Source | str]:
    if not todo:
        return []
    start = time.perf_counter()
    bar = _LateBar(len(todo), progress, start)
    if workers <= 1:
        out = []
        for _i, path, sid, override, _key in todo:
            out.append(_read_one(path, sid, override))
            bar.advance()
        bar.close()
        return out
    from concurrent.futures import Future, ProcessPoolExecutor  # ~20 ms: only when a pool runs

    with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
        futures: list[Future] = [pool.submit(_read_one, path, sid, ov) for _i, path, sid, ov, _k in todo]
        pending = set(futures)
        while pending:
            finished = {f for f in pending if f.done()}
            for _ in finished:
                bar.advance()
            pending -= finished
            if pending:
                time.sleep(0.05)
        bar.close()
        return [f.result() for f in futures]


class _LateBar:
    """A rich progress bar that appears only once reading has taken longer than a second."""

    def __init__(self, total: int, enabled: bool, start: float) -> None:
        self.total, self.enabled, self.start, self.done = total, enabled, start, 0
        self.progress = None
        self.task = None

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if (
            self.progress is None
            and time.perf_counter() - self.start > _PROGRESS_AFTER
            and self.done < self.total
        ):
            from rich.progress import Progress

            self.progress = Progress(transient=True)
            self.progress.start()
            self.task = self.progress.add_task("reading sources", total=self.total, completed=self.done)
        elif self.progress is not None:
            self.progress.update(self.task, completed=self.done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
