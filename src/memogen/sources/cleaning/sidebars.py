"""Sidebars and the page's tail: runs of teasers, "N hours ago" stamps, category labels and
listing rows after the article begins, and the short lines left after its last paragraph."""

from __future__ import annotations

import re

from .chrome import LIST_HEADING, is_pipe_row, is_ui_prompt
from .lines import BULLET, Line, drop
from .shape import is_prose, is_teaser, sentence_like
from .stamps import RELATIVE_TIME_REASON


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
    last = max((i for i, it in enumerate(items) if it.kept and is_prose(it)), default=None)
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
        if not in_list and not is_prose(it) and it.words <= 14 and not sentence_like(it.text):
            drop(it, "trailing page furniture (after the last paragraph)")


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
