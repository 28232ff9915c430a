"""The order of the rules: from raw lines to the article body, every cut recorded with its reason."""

from __future__ import annotations

from ...model import DroppedLine
from ..footnotes import anchors_from_sentinels
from ..text import normalise_spaces, unescape_markdown
from . import endmatter, layout, repeats, sidebars
from .dates import date_prefix, lead_dateline, opening_credit
from .headline import body_start, read_headline_zone
from .junk import drop_everywhere
from .lines import CleanResult, Found, RawLine


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
    dropped: list[DroppedLine] = []
    texts = [normalise_spaces(unescape_markdown(ln.text)) for ln in lines]
    if unwrap:
        lines, texts = layout.unwrap(lines, texts)
    references, texts, cut_at = layout.take_footnotes(lines, texts, dropped)
    items = layout.to_lines(lines, texts, cut_at)
    found = Found()
    if items:
        date_prefix(items[0], found, dropped)
    drop_everywhere(items, known_title, found)
    endmatter.source_credits(items, found)
    is_listing = sidebars.listing(items)
    first = body_start(items)
    read_headline_zone(items[:first], found, body_found=first < len(items), has_title=not is_listing)
    if first < len(items) and not is_listing:
        opening_credit(items[first], found, dropped)
        lead_dateline(items[first], found, dropped)
    endmatter.notes_and_bios(items, first, found, known_authors or [])
    endmatter.entry_bylines(items, first, found)
    repeats.repeated_title(items, found.title)
    sidebars.sidebars(items, first)
    endmatter.end_sections(items, first)
    endmatter.release_issuer(items, found)
    endmatter.trailing_names(items, first, found)
    sidebars.tail(items)
    repeats.pull_quotes(items)
    layout.mark_headings(items)
    layout.strip_paragraph_numbers(items)
    dropped += [DroppedLine(line=it.text, reason=it.reason, lineno=it.lineno) for it in items if not it.kept]
    text, headings, repairs = layout.assemble(items)
    text, anchors = anchors_from_sentinels(text)
    offsets = layout.heading_offsets(text, [h for _, h in headings])
    dropped.sort(key=lambda d: d.lineno)
    return CleanResult(
        text, dropped, [(o, h) for o, h in offsets if o >= 0], found, references, anchors, repairs
    )


def clean_text(text: str) -> CleanResult:
    """`clean_lines` on a plain string, one line per line (tests, benchmarks, quick checks)."""
    return clean_lines([RawLine(t, i + 1) for i, t in enumerate(text.split("\n"))])
