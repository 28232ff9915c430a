"""Deflate streams of the DOCX's big fixed parts, made once and kept in the user's cache.

Why: every DOCX carries the same ~1.1 MB of embedded fonts and ~0.8 MB of Word's style lists;
compressing them took ~45 ms of each rendering, for the same bytes every time. A stream is
kept under the SHA-256 of the bytes it compresses (and the level and zlib version), checked by
decompressing it before use (~4 ms), and handed to zipfile in place of compressing again: the
zip is byte for byte what zipfile writes itself.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path


def cache_dir() -> Path:
    """The user's cache (MEMOGEN_DEFLATE_CACHE overrides, e.g. in CI)."""
    override = os.environ.get("MEMOGEN_DEFLATE_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("memogen")) / "deflate"


def deflate(data: bytes, level: int) -> bytes:
    """A raw deflate stream of `data`, as zipfile makes it at this level."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@lru_cache(maxsize=32)
def _kept(digest: str, level: int, folder: Path) -> bytes | None:
    try:
        return (folder / _name(digest, level)).read_bytes()
    except OSError:
        return None


def _name(digest: str, level: int) -> str:
    return f"{digest}-{level}-{zlib.ZLIB_RUNTIME_VERSION}.deflate"


def cached_deflate(data: bytes, level: int, folder: Path | None = None) -> bytes:
    """`deflate(data, level)`, from the cache when a stream there gives back exactly `data`."""
    folder = folder or cache_dir()
    digest = hashlib.sha256(data).hexdigest()
    stream = _kept(digest, level, folder)
    if stream is not None and _inflates_to(stream, data):
        return stream
    stream = deflate(data, level)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{_name(digest, level)}.{os.getpid()}.tmp"
        tmp.write_bytes(stream)
        os.replace(tmp, folder / _name(digest, level))
        _kept.cache_clear()
    except OSError:  # a read-only cache costs time, never the output
        pass
    return stream


def _inflates_to(stream: bytes, data: bytes) -> bool:
    try:
        return zlib.decompress(stream, -15) == data
    except zlib.error:
        return False


class _Replay:
    """A compressor for zipfile that hands back a stream made earlier for the same bytes."""

    def __init__(self, stream: bytes) -> None:
        self.stream = stream

    def compress(self, _data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self.stream


def write_deflated(zf: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, level: int) -> None:
    """`zf.writestr(info, data, compresslevel=level)` (DEFLATED), with the stream from the cache."""
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = level  # what writestr sets (it decides nothing once the stream is given)
    info.file_size = len(data)
    with zf.open(info, mode="w") as dest:
        if not hasattr(dest, "_compressor"):  # another zipfile than CPython 3.8-3.13's
            dest.write(data)
            return
        dest._compressor = _Replay(cached_deflate(data, level))
        dest.write(data)  # counts the size and CRC; the stream is written on close
