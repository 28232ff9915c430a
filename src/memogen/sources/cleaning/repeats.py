"""Repetition within the page: the same line twice in a row, the headline printed again,
a pull quote that repeats a sentence of the article."""

from __future__ import annotations

import bisect
import re

from .lines import TERMINAL, Line, bare_key, drop, list_mark


def same_words(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


PULL_QUOTE_REACH = 20_000  # characters either side: a pull quote sits near the passage it repeats


def pull_quotes(items: list[Line], reach: int = PULL_QUOTE_REACH) -> None:
    """A line whose words appear again inside a longer paragraph is a pull quote.

    One joined haystack and bisect; the search looks `reach` characters either side of the
    line (a whole web page, but not a whole long report: searching all of it for every line
    made a 4 MB report's cleaning quadratic).
    """
    kept = [it for it in items if it.kept]
    bares = [bare_key(it.text) for it in kept]
    starts: list[int] = []
    pos = 0
    for b in bares:
        starts.append(pos)
        pos += len(b) + 1
    hay = "\x00".join(bares)
    for k, it in enumerate(kept):
        if not 6 <= it.words <= 80:
            continue
        lo, hi = max(0, starts[k] - reach), starts[k] + len(bares[k]) + reach
        at = hay.find(bares[k], lo, hi)
        while at != -1:
            owner = bisect.bisect_right(starts, at) - 1
            if owner != k and len(bares[owner]) > len(bares[k]):
                drop(it, "pull quote (repeats the article's text)")
                break
            at = hay.find(bares[k], at + 1, hi)


def repeated_title(items: list[Line], title: str | None) -> None:
    """The headline printed again further down (over a picture, before the text) is not the text."""
    if not title:
        return
    for it in items:
        if it.kept and same_words(it.text, title):
            drop(it, "title repeated (→ metadata.title)")


def contents_list(items: list[Line]) -> None:
    """A list of the page's own headings at its top ("1. Assembly passes the port budget",
    "2. Speaker delays ...") is its table of contents: navigation, whose entries come again as
    headings over the text they name. Evidence is that repetition: a run of three or more list
    lines without a closing stop, one or more of which is printed again later as a line of its own
    (the whole run goes: the entries whose stories the page, or its dump, leaves out are navigation
    too).  A numbered list of the text's own points is never printed again line for line."""
    kept = [it for it in items if it.kept]
    last = {bare_key(it.text): n for n, it in enumerate(kept)}  # where each line is printed last
    k = 0
    while k < len(kept):
        run = _entry_run(kept, k)
        end = k + len(run)
        if len(run) >= 3 and any(last.get(bare_key(_entry(it.text)), -1) >= end for it in run):
            for it in run:
                drop(it, "table of contents (its entries are the page's headings)")
        k = end + 1 if run else k + 1


def _entry_run(kept: list[Line], k: int) -> list[Line]:
    """The list lines from k on that read as headings: marked, short, no closing stop."""
    run: list[Line] = []
    for it in kept[k:]:
        if not list_mark(it.text) or it.words > 20 or TERMINAL.search(it.text):
            break
        run.append(it)
    return run


def _entry(text: str) -> str:
    """A list line without its mark: the heading it names."""
    mark = list_mark(text)
    return text[mark.end() :] if mark else text
