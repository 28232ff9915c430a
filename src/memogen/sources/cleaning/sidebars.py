"""Sidebars and the page's tail: runs of teasers, "N hours ago" stamps, category labels and
listing rows after the article begins, and the short lines left after its last paragraph."""

from __future__ import annotations

import re
from collections import Counter

from .. import metadata as md
from .chrome import LIST_HEADING, is_pipe_row, is_ui_prompt
from .lines import BULLET, SENTINELS, TERMINAL, Line, drop
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


# why `tail` drops a line; `lists_run_into` gives back a list item dropped for it
_TAIL_REASON = "trailing page furniture"


def tail(items: list[Line]) -> None:
    """After the last real paragraph only page furniture remains (short lines, labels) -
    except a list the article introduces with a colon ('Possible effects:' and its items)."""
    last = max((i for i, it in enumerate(items) if it.kept and _reads_as_text(it, items)), default=None)
    if last is None:
        return  # no paragraph long enough to judge by: a note of short lines keeps them all
    in_list = False
    before = items[last]
    for it in items[last + 1 :]:
        if not it.kept:
            in_list = in_list and not it.gap_before
            continue
        if _continues(before, it):
            before = it  # the rest of a paragraph the page broke mid-sentence, not furniture
            continue
        before = it
        if introduces_list(it):
            in_list = True
            continue
        in_list = in_list and is_list_item(it.text)
        fragment = it.text[:1].islower() and not TERMINAL_OPEN.search(it.text)
        if not in_list and not is_prose(it) and it.words <= 14 and (fragment or not sentence_like(it.text)):
            drop(it, f"{_TAIL_REASON} (after the last paragraph)")
        elif not in_list and _cut_teaser(it, items):
            drop(it, "sidebar: teaser of another article (cut off, after the last paragraph)")


def _continues(before: Line, it: Line) -> bool:
    """'… since they were built, and the' / 'ministry said repairs never started.': a paragraph the
    page broke in mid-sentence (some sites break lines inside paragraphs): its second half starts in
    lower case right after a line that stops without closing its sentence."""
    return (
        before.kept
        and it.text[:1].islower()
        and it.words >= 3
        and bool(re.search(r"[A-Za-z,]$", before.text))
        and before.words >= 8
    )


_TEASER_WORDS = 40  # an excerpt under a related story's link: a sentence or two
_LINK_PROMPT = re.compile(
    r"(?i)^(?:read more|read next|also read|read also|continue reading|see more|more)(?!(?-i:[a-z]))"
)


def _cut_teaser(it: Line, items: list[Line]) -> bool:
    """'The Index for 2025 ranks the United States as the most powerful military globally,' / 'Read More':
    after the article's last paragraph, a sentence cut off mid-way next to a link prompt is the
    excerpt of another story.  Without the prompt it may be the article's own list or its last
    paragraph cut by the copy: those stay."""
    text = SENTINELS.sub("", it.text).rstrip()
    if it.words > _TEASER_WORDS or TERMINAL.search(text):
        return False
    k = items.index(it)
    after = items[k + 1].text.strip() if k + 1 < len(items) else ""
    return bool(_LINK_PROMPT.match(text) or _LINK_PROMPT.match(after))


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


_CONTENT = re.compile(r"[^\W_]{4,}|\d[\d.,]*")
_STRAY_WORDS = (5, 16)  # a headline's length; shorter lines are section headings ("Intense temblor")


def stray_headlines(items: list[Line]) -> None:
    """A headline of another story printed between two paragraphs ("Strong quake hits Norland, damages
    a dozen buildings"): shaped as a headline, it names something the page says nowhere else and shares
    no word with the paragraphs around it.  A section heading introduces the paragraph under it, so it
    shares words with it, or names nothing new; either keeps it."""
    kept = [it for it in items if it.kept]
    prose = [k for k, it in enumerate(kept) if is_prose(it)]
    if len(prose) < 2:
        return
    # after a paragraph cut mid-sentence, the line is its continuation
    candidates = [
        k
        for k in range(prose[0] + 1, prose[-1])
        if _headline_shaped(kept[k]) and TERMINAL.search(SENTINELS.sub("", kept[k - 1].text).rstrip())
    ]
    if not candidates:
        return  # (a long report mostly has none: its words are not read at all)
    words_of = [set(_CONTENT.findall(it.text.lower())) for it in kept]
    lines_with: Counter[str] = Counter(w for words in words_of for w in words)
    for k in candidates:
        it = kept[k]
        own = words_of[k]
        around = words_of[k - 1] | words_of[k + 1]
        # a name is said elsewhere when another line holds it: counted once for the page, not by a
        # union of all the other lines for each candidate (quadratic on a long page of them)
        new_names = {n for n in _names(it.text) if lines_with[n] - (n in own) == 0}
        if new_names and len(own & around) <= 1:
            drop(it, "sidebar: headline of another story inside the article")


RAIL_WINDOW = 3  # lines: another story's headline printed twice, a label at most between the copies
_TEASER_SHARED = 2  # content words the teaser under it shares with that headline


def lists_run_into(items: list[Line]) -> None:
    """'... based on photos of the suspects, including:' then, past another story's rail, '• A B, 21
    years old': the list the paragraph runs into is its end, not furniture after the article. Run once
    the rails are known (the trailing-furniture rule took the rail's teaser for the last paragraph)."""
    for k, it in enumerate(items):
        if not it.kept or not it.text.rstrip().endswith(":") or it.words <= 10:
            continue
        j = k + 1
        while j < len(items) and not items[j].kept and not items[j].reason.startswith(_TAIL_REASON):
            j += 1
        while j < len(items) and items[j].reason.startswith(_TAIL_REASON) and is_list_item(items[j].text):
            items[j].role, items[j].reason = "body", ""
            j += 1


def twice_printed_headlines(items: list[Line]) -> None:
    """'Port Opens Record Dock, Including 2 New Cranes' / 'More on this' / the same line again / 'In
    total, the authority said ...': a rail's item, its headline printed twice (the link's text and its
    card's title) and its teaser under the second copy.  The copies, the label between them and a
    teaser that speaks of the same things as that headline are another story, not this one's."""
    kept = [it for it in items if it.kept]
    first_prose = next((k for k, it in enumerate(kept) if is_prose(it)), len(kept))
    for k, it in enumerate(kept):
        # above the article's first paragraph, a headline printed twice is the page's own (title, h1)
        if k < first_prose or not it.kept or not _headline_shaped(it):
            continue
        again = next(
            (j for j in range(k + 1, min(len(kept), k + RAIL_WINDOW + 1)) if kept[j].text == it.text), None
        )
        if again is None or any(is_prose(x) for x in kept[k + 1 : again]):
            continue
        for x in kept[k : again + 1]:
            drop(x, "sidebar: another story's headline, printed twice (a rail)")
        teaser = kept[again + 1] if again + 1 < len(kept) else None
        head = set(_CONTENT.findall(it.text.lower()))
        if (
            teaser is not None
            and is_prose(teaser)
            and len(head & set(_CONTENT.findall(teaser.text.lower()))) >= _TEASER_SHARED
        ):
            drop(teaser, "sidebar: teaser under another story's headline")


def _names(text: str) -> set[str]:
    """Figures, and the capitalised words inside a sentence-case line (in a Title Case line every
    word has a capital, so only its figures are evidence)."""
    inner = re.findall(r"(?<=\s)[^\W\d_]{4,}", text)
    title_case = len(inner) >= 2 and sum(w[0].isupper() for w in inner) >= 0.6 * len(inner)
    names = set(re.findall(r"\d[\d.,]*\w*", text))
    if not title_case:
        names |= {w.lower() for w in re.findall(r"(?<=\s)[A-Z][\w'’-]+", text)}
    return names


def _headline_shaped(it: Line) -> bool:
    text = SENTINELS.sub("", it.text).rstrip()
    return (
        _STRAY_WORDS[0] <= it.words <= _STRAY_WORDS[1]
        and not TERMINAL.search(text)
        and not text.endswith((":", "?"))
        and text[:1].isupper()
        and not BULLET.match(text)
    )
