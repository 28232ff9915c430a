"""The composed memo kept between builds, keyed by the hash of everything that decides it.

Why: a rebuild from the source cache spent ~0.9 s of ~1.4 s on the content stages (sectioning,
merge, compose and the page fit, which renders the PDF to measure it) to produce the memo it
produced last time. The memo is a pure function of the sources (as read), topic.yaml, the topic
name, the build date, the labels the PDF prints (they decide where a page breaks) and the code:
memogen's own files (all of them, data included) and the installed distributions (a new
reportlab, font package or citation style changes the page fit or the notes). The key hashes
all of these, so a hit is the memo the stages would compute; anything else is a miss and the
stages run. The outputs rendered from it are kept under a key built on this one (`output_cache`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

from . import __version__
from .model import Memo, Source

FORMAT = "1"  # bump to drop every entry on purpose
KEEP = 4  # memos kept per topic, the least recently used dropped (switching between two topic.yaml
# settings, or build dates, keeps both)
_SUFFIX = ".memo"  # not .pkl: the source cache prunes every .pkl that is not a source of the topic


@functools.lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """Hash of every file of the installed memogen package (code, templates, word tables)."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(folder, name)
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def installed_distributions(path: list[str] | None = None) -> list[str]:
    """Names of the installed distributions with their versions ("reportlab-4.2.5.dist-info", ...)."""
    names = []
    for entry in sys.path if path is None else path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:  # zip files, missing folders
            continue
        names += [n for n in listing if n.endswith((".dist-info", ".egg-info"))]
    return sorted(names)


def memo_key(
    config: object,
    sources: list[Source],
    topic: str,
    build_date: object,
    labels_file: Path | None,
) -> str | None:
    """The cache key of the memo these inputs compose (hex SHA-256); None when one of them cannot
    be read or encoded, and then the build runs every stage."""
    import msgspec

    try:
        labels = labels_file.read_bytes() if labels_file is not None and labels_file.is_file() else b""
        parts = (
            FORMAT.encode(),
            __version__.encode(),
            sys.version.encode(),
            package_fingerprint().encode(),
            "\n".join(installed_distributions()).encode(),
            msgspec.json.encode(config),
            msgspec.json.encode(sources),
            topic.encode(),
            repr(build_date).encode(),
            labels,
        )
    except (OSError, TypeError, ValueError, msgspec.EncodeError):
        return None
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def load_memo(cache_dir: Path | None, key: str, sources: list[Source]) -> Memo | None:
    """The memo stored under `key`, its sources the given ones; None when absent or unreadable."""
    if cache_dir is None:
        return None
    try:
        with open(cache_dir / f"{key}{_SUFFIX}", "rb") as fh:
            stored_key, memo = pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if stored_key != key or not isinstance(memo, Memo):
        return None
    with contextlib.suppress(OSError):
        os.utime(cache_dir / f"{key}{_SUFFIX}")  # used now: the last to be dropped
    memo.sources = sources
    return memo


def store_memo(cache_dir: Path | None, key: str, memo: Memo) -> None:
    """Keep `memo` under `key` (without its sources, which the source cache keeps); drop all but the
    KEEP most recently used."""
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        kept = memo.sources
        memo.sources = []
        try:
            data = pickle.dumps((key, memo), protocol=5)
        finally:
            memo.sources = kept
        write_entry(cache_dir, f"{key}{_SUFFIX}", data, KEEP)
    except OSError:  # a read-only or full cache folder costs the next build time, never this one
        return


def write_entry(cache_dir: Path, name: str, data: bytes, keep: int) -> None:
    """Write one cache entry atomically (a build reading it meanwhile sees the old or the new one),
    then drop all but the `keep` most recently used entries of its suffix. Raises OSError."""
    target = cache_dir / name
    tmp = cache_dir / f".{name}.{os.getpid()}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, target)
    entries = sorted(cache_dir.glob(f"*{target.suffix}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[keep:]:
        if old != target:
            old.unlink(missing_ok=True)
