"""What a format reader hands to the cleaner: lines plus whatever metadata the format carried."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import SourceMetadata, SourceReference
from .cleaning import RawLine


@dataclass
class RawDoc:
    kind: str
    lines: list[RawLine]
    meta: SourceMetadata = field(default_factory=SourceMetadata)
    references: list[SourceReference] = field(default_factory=list)
    unwrap: bool = False
    dropped: list = field(default_factory=list)  # DroppedLine the reader itself removed (PDF headers, ...)
    warnings: list[str] = field(default_factory=list)
    title_fallback: str | None = None  # used when the text shows no headline
    meta_origin: str = "file properties"  # where `meta` came from, as `memogen sources` names it
