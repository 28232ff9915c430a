"""Sources stage: every common format in, junk out, metadata and the sources' own footnotes kept.

`read_source` reads one file; `read_sources` reads many in parallel with a cache.
"""

from __future__ import annotations

from .cache import ReadStats, read_sources
from .reader import read_source, source_id_for

__all__ = ["ReadStats", "read_source", "read_sources", "source_id_for"]
