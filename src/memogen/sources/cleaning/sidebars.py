"""Sidebars and the page's tail: runs of teasers, "N hours ago" stamps, category labels and
listing rows after the article begins, and the short lines left after its last paragraph."""

from __future__ import annotations

import re

from .. import metadata as md
from .chrome import LIST_HEADING, is_pipe_row, is_ui_prompt
from .lines import BULLET, TERMINAL, Line, drop
from .shape import STOPWORDS_HIGH, is_heading_like, is_prose, is_teaser, sentence_like, stopword_density
from .stamps import RELATIVE_TIME_REASON


def _stamp(it: Line) -> bool:
    """'Feb. 29, 2024 13:18 PM EST', 'September 08, 2017 - 2:06 am': a date and time, nothing else."""
    return it.words <= 10 and bool(md.find_dates(it.text)) and len(md.date_leftover(it.text).split()) <= 2


def listing(items: list[Line]) -> bool:
    """A tag, category or search page: three or more date stamps, each under another story's headline
    or caption.  Such a page has no headline or date of its own; its stamps and headlines go."""
    stamped = [
        k
        for k, it in enumerate(items)
        if it.kept and _stamp(it) and k > 0 and (not items[k - 1].kept or not is_prose(items[k - 1]))
    ]
    if len(stamped) < 3:
        return False
    for k in stamped:
        drop(items[k], "listing: date stamp of another story")
        if items[k - 1].kept and (is_heading_like(items[k - 1]) or not sentence_like(items[k - 1].text)):
            drop(items[k - 1], "listing: headline of another story")
    for it in items[: stamped[0]]:
        if it.kept and is_heading_like(it):
            drop(it, "listing: the page's label")
    return True


def sidebars(items: list[Line], first: int) -> None:
    """Runs of short lines carrying 'N hours ago' stamps, teasers, bullets or listing rows."""
    run: list[Line] = []
    for it in [*items[first:], None]:
        listy = it is not None and (
            not it.kept or is_teaser(it.text) or not is_prose(it) and (it.words <= 14 or is_pipe_row(it.text))
        )
        if listy and it is not None:
            run.append(it)
            continue
        _judge_run(run)
        run = []


def _judge_run(run: list[Line]) -> None:
    strong = sum(
        1 for it in run if it.reason in (RELATIVE_TIME_REASON, "list-heading") or is_pipe_row(it.text)
    )
    weak = sum(
        1
        for it in run
        if is_teaser(it.text)
        or (BULLET.match(it.text) and it.words <= 3)
        or it.reason == "link prompt"
        or (not it.kept and LIST_HEADING.match(it.text))  # "Read more" above a teaser headline
    )
    if strong >= 2 or (strong >= 1 and weak >= 1):
        for it in run:
            drop(it, _sidebar_reason(it))


def _sidebar_reason(it: Line) -> str:
    if is_teaser(it.text):
        return "sidebar: teaser of another article"
    if is_pipe_row(it.text):
        return "sidebar: listing row"
    if it.reason == "list-heading":
        return "sidebar: list heading"
    if BULLET.match(it.text):
        return "sidebar: category label"
    return "sidebar: title of another article"


def tail(items: list[Line]) -> None:
    """After the last real paragraph only page furniture remains (short lines, labels) -
    except a list the article introduces with a colon ('Possible effects:' and its items)."""
    last = max((i for i, it in enumerate(items) if it.kept and _reads_as_text(it, items)), default=None)
    if last is None:
        return  # no paragraph long enough to judge by: a note of short lines keeps them all
    in_list = False
    for it in items[last + 1 :]:
        if not it.kept:
            in_list = in_list and not it.gap_before
            continue
        if introduces_list(it):
            in_list = True
            continue
        in_list = in_list and is_list_item(it.text)
        fragment = it.text[:1].islower() and not TERMINAL_OPEN.search(it.text)
        if not in_list and not is_prose(it) and it.words <= 14 and (fragment or not sentence_like(it.text)):
            drop(it, "trailing page furniture (after the last paragraph)")


TERMINAL_OPEN = re.compile(r"^[a-z]\)|^[ivx]+[.)]\s")  # 'a) first point', 'ii. second': list items


def _reads_as_text(it: Line, items: list[Line]) -> bool:
    """A paragraph, or the page's last line cut off mid-sentence by the copy (a long run of words)."""
    return is_prose(it) or (
        it is items[-1] and it.words >= 16 and stopword_density(it.text) >= STOPWORDS_HIGH
    )


def introduces_list(it: Line) -> bool:
    """'Possible effects:', 'Key measures:': a short line ending in a colon that is no widget label."""
    text = it.text.rstrip()
    return (
        text.endswith(":")
        and 1 <= it.words <= 10
        and text[:1].isupper()
        and not LIST_HEADING.match(text)
        and not is_ui_prompt(text.rstrip(":"))
    )


def is_list_item(text: str) -> bool:
    """'Closure of shops and offices', '- Avoid the centre': a phrase that reads as words, not a label."""
    words = re.findall(r"[^\W\d_]+", BULLET.sub("", text))
    return 2 <= len(words) <= 30 and any(w.islower() for w in words[1:])


def lists_share_a_fate(items: list[Line]) -> None:
    """The items of one bulleted list are one thing: when most of a run of three or more bullets
    are page furniture (a "related links" list), the few left are too - unless they read as
    sentences (ending in a full stop), which a list of headlines never does."""
    for run in _bullet_runs(items):
        dropped = sum(1 for it in run if not it.kept)
        if len(run) < 3 or 2 * dropped <= len(run):
            continue
        rest = [it for it in run if it.kept]
        if any(TERMINAL.search(it.text) for it in rest):
            continue
        for it in rest:
            drop(it, "sidebar: rest of a list of links")


def _bullet_runs(items: list[Line]) -> list[list[Line]]:
    """Maximal runs of consecutive bulleted lines (a blank line ends a run)."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    for it in items:
        if BULLET.match(it.text) and it.words >= 2 and (run and not it.gap_before or not run):
            run.append(it)
            continue
        if run:
            runs.append(run)
        run = [it] if BULLET.match(it.text) and it.words >= 2 else []
    if run:
        runs.append(run)
    return runs
