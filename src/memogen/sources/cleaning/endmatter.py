"""What follows the article: publication notes, author bios and names, comments,
a bibliography, a press release's boilerplate.

Position decides here too: a "Comments" heading only ends the article once most of
its prose has been read, so a "Comments (3)" link near the headline takes nothing with it.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import metadata as md
from ..footnotes import CITATION_LIKE
from .dates import read_date
from .headline import take_publication
from .lines import DATE_WEAK, Found, Line, drop
from .shape import is_prose

_RELEASE_TAIL = re.compile(
    r"^(?:About\s+(?:the\s+)?[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9&][\w&.'’-]*){0,5}"
    r"|(?i:notes?\s+to\s+editors?|(?:media|press)\s+(?:contacts?|enquiries|inquiries)|for further information))\s*:?$"
)
COMMENTS_HEAD = re.compile(
    r"(?i)^(?:\d+\s+(?:comments?|responses?|replies)|(?:reader )?comments?(?:\s*\(\d+\))?|(?:responses?|replies)\s*\(\d+\))\s*:?$"
    r"|^(?:leave a (?:reply|comment)|join the (?:conversation|discussion)|add (?:a|your) comment)\b"
)
# 'Source: Al Jazeera', 'Source BBC': whose text the page carries.
_SOURCE_CREDIT = re.compile(r"^(?i:source)\s*:?\s+(?P<who>[A-Z][\w&'’.-]*(?:\s+[\w&'’.()-]+){0,6})\.?$")
_BIBLIO_HEAD = re.compile(
    r"(?i)^(?:references|bibliography|works cited|sources|notes|endnotes|further reading)\s*:?$"
)


def notes_and_bios(items: list[Line], first: int, found: Found, known_authors: list[str]) -> None:
    """Publication lines and author bios, wherever they sit after the headline zone.

    Runs before the sidebar rule so that a bio next to the share buttons is
    recorded as a bio, not thrown away with the buttons.
    """
    for it in items[:first]:  # a short author note above the first paragraph, e.g. under an op-ed's title
        if it.kept and known_authors and md.is_bio(it.text, known_authors):
            found.author_bio.append(it.text)
            drop(it, "author bio (→ metadata.author_bio)")
    for it in items[first:]:
        if not it.kept:
            continue
        note = md.publication_note(it.text)
        if note:
            take_publication(note, found, it.where("publication line"))
            drop(it, "publication line (→ metadata date/publisher)")
        elif md.is_bio(it.text, [*found.authors, *known_authors]):
            found.author_bio.append(it.text)
            drop(it, "author bio (→ metadata.author_bio)")
        elif md.is_bare_date_line(it.text):
            read_date(it.text, found, DATE_WEAK, it.where("date stamp"))
            drop(it, "date stamp (→ metadata.date if nothing better)")


def end_sections(items: list[Line], first: int) -> None:
    """A comments section or a bibliography that starts late in the page runs to the end.

    'Late' means after most of the article's prose, so a "Comments (3)" link
    near the headline never takes the article with it.
    """
    prose = {k for k, it in enumerate(items) if k >= first and it.kept and is_prose(it)}
    if not prose:
        return
    total = sum(items[k].words for k in prose)
    seen = 0
    for k, it in enumerate(items):
        if k in prose:
            seen += it.words
        if k < first or seen < 0.6 * total or it.words > 6:
            continue
        reason = None
        if COMMENTS_HEAD.match(it.text) or (
            not it.kept and it.reason.startswith("navigation") and "comment" in it.text.lower()
        ):
            reason = "comments section"
        elif _BIBLIO_HEAD.match(it.text):
            reason = "the source's bibliography"
        elif _RELEASE_TAIL.match(it.text):
            reason = "press-release boilerplate (about the issuer, contacts)"
        if reason:
            rest = items[k:]
            if reason == "the source's bibliography" and any(COMMENTS_HEAD.match(x.text) for x in rest[1:]):
                rest = rest[: next(i for i, x in enumerate(rest) if i and COMMENTS_HEAD.match(x.text))]
            if reason == "the source's bibliography" and not _mostly_citations(rest[1:]):
                continue  # a "Notes" or "Sources" section of the article itself
            for x in rest:
                drop(x, reason)
            if reason == "comments section":
                return


_RIGHTS_RESERVED = re.compile(r"(?i)\ball rights reserved\b")


def after_rights_notice(items: list[Line], first: int) -> None:
    """'All rights reserved. This material may not be reproduced ...' closes the article: the page's
    offers and prompts after it ('Follow us on ...', an advert) go with it. Only when most of the
    page's prose stands before it, so a notice under the headline takes no article with it."""
    prose = [k for k, it in enumerate(items) if k >= first and it.kept and is_prose(it)]
    total = sum(items[k].words for k in prose)
    for k, it in enumerate(items):
        if k <= first or not it.reason.startswith("disclaimer") or not _RIGHTS_RESERVED.search(it.text):
            continue
        if sum(items[j].words for j in prose if j < k) * 2 > total:
            for x in items[k + 1 :]:
                drop(x, "after the copyright notice (the page's furniture)")
        return


def release_issuer(items: list[Line], found: Found) -> None:
    """A press release's 'About Nordvik Lines' names who issued it: the publisher, when nothing better does."""
    for it in items:
        if it.reason.startswith("press-release boilerplate"):
            m = re.match(r"^About\s+(?:the\s+)?(?P<org>[A-Z0-9].*?)\s*:?$", it.text)
            if m:
                found.offer_publisher(m.group("org"), 1, it.where("'About' section of a press release"))
            return


def _mostly_citations(entries: list[Line]) -> bool:
    """Entries with years, URLs or quoted titles: a reference list, not paragraphs of the article."""
    live = [x for x in entries if x.kept]
    return bool(live) and sum(1 for x in live if CITATION_LIKE.search(x.text)) * 2 >= len(live)


def trailing_names(items: list[Line], first: int, found: Found) -> None:
    """A name on its own line after the article is the author's byline when the page shows it is:
    the name repeats, a bio starting with it follows, or nothing but names follows it."""
    last_prose = max((k for k, it in enumerate(items) if it.kept and is_prose(it)), default=-1)
    for k, it in enumerate(items[first:], start=first):
        if not it.kept or not md.is_name(it.text):
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        # read only after the last paragraph: a list of the rest for every name line was quadratic
        only_names_follow = k > last_prose and all(
            md.is_name(x.text) or x.text == it.text for x in items[k + 1 :] if x.kept
        )
        if (nxt is not None and nxt.text == it.text) or _later_bio(items, k, it.text) or only_names_follow:
            found.add_authors([it.text], it.where("author name after the article"))
            drop(it, "author name line (→ metadata.authors)")
            _their_bio(items[k + 1 : k + 4], it.text, found)


def _their_bio(after: list[Line], name: str, found: Found) -> None:
    """'Ada Brenner has been writing about ports for a decade.' under her name after the article: her
    bio, known for one only once the name is known as the author's (the bio rule ran before)."""
    for x in after:
        if x.kept and x.text != name and md.is_bio(x.text, [name]):
            found.author_bio.append(x.text)
            drop(x, "author bio (→ metadata.author_bio)")


def _later_bio(items: list[Line], k: int, name: str) -> bool:
    return any(
        it.text.startswith(name) and (md.is_bio(it.text, [name]) or it.reason.startswith("author bio"))
        for it in items[k + 1 : k + 4]
    )


def source_credits(items: list[Line], found: Found) -> None:
    """'Source: Al Jazeera' is a credit, not a sentence.  After the article's last paragraph it names whose
    text the page is (the publisher when nothing better does); under a chart or a quote it names only that."""
    last = max((k for k, it in enumerate(items) if it.kept and is_prose(it)), default=-1)
    for k, it in enumerate(items):
        m = _SOURCE_CREDIT.match(it.text) if it.kept else None
        if m:
            who = re.sub(r"(?i)\s*(?:and|with|&|/|,)\s*(?:news\s+)?agencies$", "", m.group("who").strip())
            if k > last and who:
                found.offer_publisher(who, 1, it.where("source credit after the article"))
            drop(it, "source credit")


def entry_bylines(items: list[Line], first: int, found: Found) -> None:
    """'By A B' printed again and again down the page: each entry's byline in a live blog."""
    texts = Counter(it.text for it in items)
    for it in items[first:]:
        names = md.byline_names(it.text) if it.kept and texts[it.text] >= 2 else None
        if names:
            found.add_authors(names, it.where("byline of a live-blog entry"))
            drop(it, "byline of an entry (→ metadata.authors)")
