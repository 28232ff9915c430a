"""The order of the rules: from raw lines to the article body, every cut recorded with its reason.

The rules run first, in families (`STAGES`); each line a family drops remembers the family.  The
learned judge (`learned.py`) then weighs every line once more, with the rules' verdicts among its
evidence, and has the last word on what stays in the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import DroppedLine, SourceReference
from ..footnotes import anchors_from_sentinels
from ..text import normalise_spaces, unescape_markdown
from . import captions, chrome, endmatter, layout, learned, repeats, sidebars, stamps
from .dates import (
    agency_dateline,
    date_prefix,
    headline_date_run,
    headline_stamp,
    lead_dateline,
    opening_credit,
)
from .headline import body_start, read_headline_zone
from .junk import drop_everywhere
from .lines import CleanResult, Found, Line, RawLine
from .shape import is_prose


@dataclass
class Judged:
    """The lines of one source after the rules: each kept or dropped, with what was found."""

    items: list[Line]
    found: Found
    references: list[SourceReference]
    dropped: list[DroppedLine]  # parts of lines cut before judging (date prefixes, credits, notes)
    first: int  # index of the article's first paragraph (len(items) when none)


def _staged(items: list[Line], stage: str, step: Callable[[], object]) -> None:
    """Run one family of rules and tag the lines it dropped with the family's name."""
    step()
    for it in items:
        if not it.kept and not it.stage:
            it.stage = stage


def judge_by_rules(
    lines: list[RawLine],
    known_title: str | None = None,
    unwrap: bool = False,
    known_authors: list[str] | None = None,
) -> Judged:
    """Every rule in order; metadata is read as the lines go."""
    dropped: list[DroppedLine] = []
    texts = [normalise_spaces(unescape_markdown(ln.text)) for ln in lines]
    if unwrap:
        lines, texts = layout.unwrap(lines, texts)
    references, texts, cut_at = layout.take_footnotes(lines, texts, dropped)
    items = layout.join_broken(layout.to_lines(lines, texts, cut_at))
    found = Found()
    if items:
        date_prefix(items[0], found, dropped)
        headline_date_run(items[0], found, dropped)
        for it in items[:6]:  # the headline sits in the first lines of a page
            headline_stamp(it, found, dropped)
    for it in items:
        if it.text[:1].isdigit() or it.text[:1] in "UuPpEe":  # (most lines start otherwise: no scan)
            stamps.entry_prefix(it, dropped)

    def shape() -> None:
        drop_everywhere(items, known_title, found)
        captions.video_rails(items)
        chrome.breadcrumb_trails(items)
        chrome.paper_names(items, found)
        endmatter.source_credits(items, found)

    _staged(items, "shape", shape)
    is_listing = sidebars.listing(items)
    first = body_start(items)

    def headline() -> None:
        # the first paragraphs without an inline heading ('Driving the news: ...'): what the article says
        opening = " ".join(
            re.sub(r"^[^.!?:]{1,50}:\s", "", it.text) for it in items[first : first + 3] if it.kept
        )
        read_headline_zone(items[:first], found, first < len(items), not is_listing, opening)
        if first < len(items) and not is_listing:
            opening_credit(items[first], found, dropped)
            chrome.lead_invitation(items[first], dropped)
            lead_dateline(items[first], found, dropped)

    def end() -> None:
        endmatter.notes_and_bios(items, first, found, known_authors or [])
        endmatter.entry_bylines(items, first, found)

    _staged(items, "headline", headline)
    _staged(items, "endmatter", end)
    _staged(items, "repeats", lambda: repeats.repeated_title(items, found.title))
    _staged(items, "repeats", lambda: repeats.contents_list(items))
    _staged(items, "sidebars", lambda: sidebars.sidebars(items, first))

    def closing() -> None:
        captions.present_tense_captions(items)
        captions.captions_beside_captions(items)
        endmatter.end_sections(items, first)
        endmatter.after_rights_notice(items, first)
        endmatter.release_issuer(items, found)
        endmatter.trailing_names(items, first, found)

    _staged(items, "endmatter", closing)
    _staged(items, "sidebars", lambda: sidebars.tail(items))
    _staged(items, "repeats", lambda: repeats.pull_quotes(items))
    _late_dateline(items, first, found, dropped, is_listing)
    return Judged(items, found, references, dropped, first)


def _late_dateline(
    items: list[Line], first: int, found: Found, dropped: list[DroppedLine], listing: bool
) -> None:
    """The dateline of a story whose first paragraph the rules found only after the headline was read
    ('July 12 (UPI) -- ...' under a caption taken then for the body's start): read and cut there too."""
    if listing or first >= len(items) or items[first].kept:
        return
    for it in [it for it in items[first + 1 :] if it.kept and is_prose(it)][:LATE_DATELINE_REACH]:
        if agency_dateline(it.text):
            lead_dateline(it, found, dropped)
            return


LATE_DATELINE_REACH = 2  # a caption or a picture's counter may still stand above the first paragraph


def clean_lines(
    lines: list[RawLine],
    known_title: str | None = None,
    unwrap: bool = False,
    known_authors: list[str] | None = None,
) -> CleanResult:
    """Lines of one source -> cleaned body, dropped lines, recognised metadata, own footnotes.

    `known_authors` come from the file's own properties (a Word or PDF author field):
    a line "<author> is a former ..." is then the author note even without a byline.
    """
    judged = judge_by_rules(lines, known_title, unwrap, known_authors)
    items = judged.items
    learned.judge(items, judged.found)
    sidebars.lists_share_a_fate(items)
    sidebars.twice_printed_headlines(items)
    sidebars.lists_run_into(items)
    sidebars.stray_headlines(items)
    layout.mark_headings(items)
    layout.strip_paragraph_numbers(items)
    layout.strip_run_in_headings(items)
    layout.attribute_pull_quotes(items)
    dropped = judged.dropped + [
        DroppedLine(line=it.text, reason=it.reason, lineno=it.lineno) for it in items if not it.kept
    ]
    text, headings, repairs = layout.assemble(items)
    text, anchors = anchors_from_sentinels(text)
    offsets = layout.heading_offsets(text, [h for _, h in headings])
    dropped.sort(key=lambda d: d.lineno)
    return CleanResult(
        text,
        dropped,
        [(o, h) for o, h in offsets if o >= 0],
        judged.found,
        judged.references,
        anchors,
        repairs,
    )


def clean_text(text: str) -> CleanResult:
    """`clean_lines` on a plain string, one line per line (tests, benchmarks, quick checks)."""
    return clean_lines([RawLine(t, i + 1) for i, t in enumerate(text.split("\n"))])
