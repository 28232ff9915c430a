"""A PDF's contents page lists the headings again with page numbers: navigation, not text."""

from __future__ import annotations

import re

from ..model import DroppedLine

# A table-of-contents entry: a title, dot leaders, a page number ("2 Factual information ..... 3").
_TOC_ENTRY = re.compile(r"^\S.{0,100}?(?:\s?[.·…]){4,}\s*\d{1,4}$")
_TOC_HEAD = re.compile(r"(?i)^(?:table\s+of\s+)?contents$")


def drop_contents(
    page_no: int, kept: list[tuple[int, str]], dropped: list[DroppedLine]
) -> list[tuple[int, str]]:
    """A contents page lists the headings again with page numbers: it is navigation, not text."""
    toc = {k for k, (_, ln) in enumerate(kept) if _TOC_ENTRY.match(ln)} | entries_under_heading(kept)
    if not toc:
        return kept
    toc |= {k for k, (_, ln) in enumerate(kept) if _TOC_HEAD.match(ln)}
    for k in sorted(toc):
        dropped.append(DroppedLine(kept[k][1], f"table of contents (page {page_no})", kept[k][0]))
    return [x for k, x in enumerate(kept) if k not in toc]


_TOC_LINE = re.compile(r"^\S.{0,100}\s\d{1,4}$")


def entries_under_heading(kept: list[tuple[int, str]]) -> set[int]:
    """'Contents' then 'Summary 3' / '2.1 The vessel 4': entries without dot leaders, each
    a short title ending in its page number, in a run of two or more."""
    heads = [k for k, (_, ln) in enumerate(kept) if _TOC_HEAD.match(ln)]
    if not heads:
        return set()
    run: list[int] = []
    for k in range(heads[0] + 1, len(kept)):
        line = kept[k][1]
        if not _TOC_LINE.match(line) or len(line.split()) > 12 or re.search(r"[.!?]\s+\d{1,4}$", line):
            break
        run.append(k)
    return set(run) if len(run) >= 2 else set()
