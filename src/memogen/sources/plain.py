"""Plain text and Markdown sources: decode, split into lines, detect hard wrapping."""

from __future__ import annotations

from .cleaning import RawLine
from .encoding import decode_bytes
from .rawdoc import RawDoc


def read_plain(data: bytes, name: str, kind: str) -> RawDoc:
    text = decode_bytes(data, name)
    lines = [RawLine(t, i + 1) for i, t in enumerate(text.split("\n"))]
    return RawDoc(kind=kind, lines=lines, unwrap=is_hard_wrapped([ln.text for ln in lines]))


def is_hard_wrapped(lines: list[str]) -> bool:
    """Paragraphs broken into ~70-character lines (mail, exported notes), not one line each."""
    long_lines = [i for i, t in enumerate(lines) if len(t.split()) >= 5]
    if len(long_lines) < 5:
        return False
    lengths = sorted(len(lines[i].rstrip()) for i in long_lines)
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    followed = sum(1 for i in long_lines if i + 1 < len(lines) and lines[i + 1].strip())
    return p90 <= 100 and followed >= 0.3 * len(long_lines)
