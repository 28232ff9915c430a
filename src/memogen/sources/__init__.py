"""Sources stage: every common format in, junk out, metadata and the sources' own footnotes kept.

`read_source` reads one file; `read_sources` reads many in parallel with a cache (one file at a
time: what a file reads as never depends on the others, so each is cached alone); `agree_on_joins`
then settles what the topic's sources together show (a name one page split as a lost space).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .agree import agree_on_joins
    from .cache import ReadStats, read_sources
    from .kinds import source_id_for
    from .reader import read_source

__all__ = ["ReadStats", "agree_on_joins", "read_source", "read_sources", "source_id_for"]
_HOMES = {
    "agree_on_joins": "agree",
    "ReadStats": "cache",
    "read_sources": "cache",
    "read_source": "reader",
    "source_id_for": "kinds",
}


def __getattr__(name: str) -> object:
    """Import on first use, so `memogen.sources.text` or a cache hit never loads the readers."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
