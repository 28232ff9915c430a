"""Sentence vectors remembered between builds, so a rebuild never loads the embedding model.

Why: loading WordLlama's table and tokenizer costs ~0.15 s, more than the rest of a cached
rebuild's merge. A text's vector depends on nothing but the text, so the vectors of the last
build are kept in the topic's cache folder (`out/TOPIC/.cache/vectors.bin`), keyed by a hash
of the text. The pipeline opens the store around the content stages (`remembered_vectors`);
the merger asks `known_vectors` first and the model only for texts it has not seen. Without an
open store (tests, library use) nothing is read or written.

File layout: b"MGV1", count and width (two little-endian uint32), `count` 16-byte keys, then
`count x width` float32 values. Only the vectors a build used are written back, so the file
follows the topic instead of growing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

_MAGIC = b"MGV1"
_KEY = 16


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=_KEY).digest()


@dataclass
class VectorStore:
    """Vectors read from the last build, and those this build used (written back on close)."""

    known: dict[bytes, np.ndarray] = field(default_factory=dict)
    used: dict[bytes, np.ndarray] = field(default_factory=dict)
    changed: bool = False

    def get(self, text: str) -> np.ndarray | None:
        key = text_key(text)
        vec = self.used.get(key)
        if vec is None:
            vec = self.known.get(key)
            if vec is not None:
                self.used[key] = vec
        return vec

    def put(self, text: str, vec: np.ndarray) -> None:
        self.used[text_key(text)] = vec
        self.changed = True


_STORE: ContextVar[VectorStore | None] = ContextVar("memogen_vector_store", default=None)


def open_store() -> VectorStore | None:
    """The store of the build in progress, if the pipeline opened one."""
    return _STORE.get()


def read_store(path: Path) -> VectorStore:
    """The vectors kept at `path`; an empty store when the file is missing or not ours."""
    try:
        blob = path.read_bytes()
    except OSError:
        return VectorStore()
    if len(blob) < 12 or blob[:4] != _MAGIC:
        return VectorStore()
    count = int.from_bytes(blob[4:8], "little")
    width = int.from_bytes(blob[8:12], "little")
    keys_end = 12 + count * _KEY
    if len(blob) != keys_end + count * width * 4:
        return VectorStore()  # cut short or written by another version: start afresh
    values = np.frombuffer(blob, dtype="<f4", offset=keys_end).reshape(count, width)
    keys = [blob[12 + k * _KEY : 12 + (k + 1) * _KEY] for k in range(count)]
    return VectorStore(known=dict(zip(keys, values, strict=True)))


def write_store(store: VectorStore, path: Path) -> None:
    """Write the vectors this build used, atomically (a temp file, then rename)."""
    keys = sorted(store.used)
    width = len(store.used[keys[0]]) if keys else 0
    body = b"".join(keys) + b"".join(np.asarray(store.used[k], dtype="<f4").tobytes() for k in keys)
    data = _MAGIC + len(keys).to_bytes(4, "little") + width.to_bytes(4, "little") + body
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@contextlib.contextmanager
def remembered_vectors(path: Path | None) -> Iterator[VectorStore | None]:
    """Open the vector store at `path` for the stages run inside; save it if it changed.

    A cache that cannot be written (read-only folder, full disk) costs speed, never the build.
    """
    if path is None:
        yield None
        return
    store = read_store(path)
    token = _STORE.set(store)
    try:
        yield store
    finally:
        _STORE.reset(token)
    if store.changed or len(store.used) != len(store.known):
        with contextlib.suppress(OSError):
            write_store(store, path)
