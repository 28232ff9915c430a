"""Giving freed memory back to the system between the merger's array-heavy steps.

Why: glibc's malloc raises its mmap threshold after a large array is freed, so the later
temporaries of the TF-IDF and candidate steps (a few MB each) come from the heap, and what they
leave free between long-lived arrays and objects stays counted in the process's memory. At 2,000
sources that was ~100 MB after vectorising and as much after the candidate pairs, which the merge's
peak (at its end) still carried. `malloc_trim` returns those free pages; it changes no result.
Elsewhere (macOS, musl) there is no such call and nothing is done.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, looked up among the symbols the process has loaded; None elsewhere."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def release_freed_memory() -> None:
    """Return the heap's free pages to the system, where the C library allows it (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
