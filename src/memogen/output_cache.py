"""The rendered outputs kept beside the memo they were rendered from, keyed by what decides their bytes.

Why: once the memo comes from the memo cache, rendering it is most of what a rebuild does (~0.35 s
of ~0.9 s of CPU for lavrov-2021: reportlab's and python-docx's imports, the PDF layout, the DOCX).
The renderers are pure functions of the memo and of what the memo key does not cover: the formats
asked for, the topic's own templates and reference DOCX (their bytes), and SOURCE_DATE_EPOCH (the
DOCX's date when a memo has none). Code, fonts (installed packages), labels and the build date are
already in the memo key. A hit writes the bytes the renderers gave for the same key; each is checked
against its SHA-256 when read back, and anything unreadable or stale is a miss, which renders.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from .memo_cache import write_entry

FORMAT = "1"  # bump to drop every entry on purpose
KEEP = 4  # as many as memos are kept per topic
_SUFFIX = ".outputs"  # not .pkl (the source cache prunes those) nor .memo (the memo cache's)


def _file_bytes(path: Path) -> bytes:
    """A file's name and bytes, or every file's below a folder, in a stable order."""
    if path.is_file():
        return path.name.encode() + b"\0" + path.read_bytes()
    parts = []
    for folder, dirs, files in sorted(os.walk(path)):
        dirs[:] = sorted(dirs)
        for name in sorted(files):
            file = Path(folder, name)
            parts.append(
                str(file.relative_to(path)).encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest()
            )
    return b"\n".join(parts)


def outputs_key(
    memo_key: str, formats: list[str], templates: str | None, reference_docx: str | None
) -> str | None:
    """The key of the outputs rendered from the memo under `memo_key` (hex SHA-256); None when a
    template or reference file cannot be read (the outputs are then rendered and not kept)."""
    h = hashlib.sha256()
    try:
        for part in (
            FORMAT.encode(),
            memo_key.encode(),
            ",".join(formats).encode(),
            os.environ.get("SOURCE_DATE_EPOCH", "").encode(),
            _file_bytes(Path(templates)) if templates else b"",
            _file_bytes(Path(reference_docx)) if reference_docx else b"",
        ):
            h.update(hashlib.sha256(part).digest())
    except OSError:
        return None
    return h.hexdigest()


def load_outputs(cache_dir: Path | None, key: str, formats: list[str]) -> dict[str, bytes] | None:
    """The outputs stored under `key`, one per format asked for, each matching its stored hash;
    None when absent, unreadable or damaged."""
    if cache_dir is None:
        return None
    try:
        with open(cache_dir / f"{key}{_SUFFIX}", "rb") as fh:
            stored_key, rendered, hashes = pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if stored_key != key or not isinstance(rendered, dict) or sorted(rendered) != sorted(formats):
        return None
    for fmt, data in rendered.items():
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != hashes.get(fmt):
            return None
    with contextlib.suppress(OSError):
        os.utime(cache_dir / f"{key}{_SUFFIX}")  # used now: the last to be dropped
    return rendered


def store_outputs(cache_dir: Path | None, key: str, rendered: dict[str, bytes]) -> None:
    """Keep `rendered` under `key`; drop all but the KEEP most recently used."""
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        hashes = {fmt: hashlib.sha256(data).hexdigest() for fmt, data in rendered.items()}
        data = pickle.dumps((key, dict(rendered), hashes), protocol=5)
        write_entry(cache_dir, f"{key}{_SUFFIX}", data, KEEP)
    except OSError:  # a read-only or full cache folder costs the next build time, never this one
        return
