"""Lines that are furniture wherever they stand: each kind's classifier, asked in a fixed order.

The first classifier that recognises a line names the reason it is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import metadata as md
from . import captions, chrome, notices, stamps
from .lines import TERMINAL, Found, Line, drop
from .repeats import same_words


def _live_or_form(text: str) -> str | None:
    if chrome.live_label(text) or notices.newsletter_form(text):
        return "live-blog label / newsletter form"
    return None


def no_words(text: str) -> str | None:
    """'|', '* * *', '![]() |': a separator or an empty widget, nothing to read."""
    return None if re.search(r"\w", text) else "separator / empty widget (no words)"


CLASSIFIERS: tuple[Callable[[str], str | None], ...] = (
    no_words,
    stamps.relative_time,
    chrome.ui_prompt,
    chrome.about_the_page,
    chrome.link_prompt,
    notices.disclaimer,
    notices.citation_entry,
    notices.editors_note,
    notices.subscription,
    chrome.see_also,
    captions.caption,
    chrome.social_prompt,
    notices.contact,
    notices.cookies,
    stamps.entry_time,
    _live_or_form,
    chrome.page_number,
    captions.markdown_image,
    stamps.release_label,
    stamps.reading_time,
    stamps.counter,
    captions.contributor_credit,
)


def classify_junk(text: str) -> str | None:
    """The reason a line is furniture wherever it stands, or None."""
    for classify in CLASSIFIERS:
        reason = classify(text)
        if reason:
            return reason
    return None


# A blog's footer: 'This entry was posted in World, Asia by Grant Montgomery.' (its author).
POSTED_BY = re.compile(
    r"(?i)^(?:this (?:entry|post|article) was )?posted\b(?:\s+(?:on|in)\b[^.]{0,80}?)?\s+by\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\.?$"
)
_URL_LINE = re.compile(
    r"(?i)^(?:(?:source|url|link|permalink|short url|original(?: article)?|retrieved from|available at|read online)\s*:?\s*)?"
    r"<?(?P<url>https?://[^\s<>]+?)>?[.]?$"
)


def _names_a_writer(text: str) -> bool:
    """'By A B | Outlet', 'Mara Ilves | Political Correspondent', 'by · Outlet': a byline set as a row,
    not a menu."""
    parts = [p.strip() for p in re.split(r"\s[|·•]\s", text)]
    if re.match(r"(?i)^by\s+[|·•]\s", text):
        return True
    return md.byline_names(text) is not None or (
        md.is_name(parts[0]) and any(md.is_role(p) for p in parts[1:])
    )


def _headline_and_site(text: str) -> bool:
    """'Ferries halted after inspection | Harbour Times': a page title, two parts, the first a phrase."""
    parts = [p.strip() for p in re.split(r"\s\|\s", text)]
    words = parts[0].split()
    return len(parts) == 2 and len(words) >= 4 and any(w[:1].islower() for w in words[1:])


def drop_everywhere(items: list[Line], known_title: str | None, found: Found) -> None:
    """Furniture by shape alone, wherever it stands; the page address and a copyright owner are kept as metadata."""
    prev: Line | None = None
    for it in items:
        reason = classify_junk(it.text)
        url = _URL_LINE.match(it.text)
        posted = POSTED_BY.match(it.text)
        if posted and re.match(r"(?i)^this\b", it.text):
            found.add_authors([posted.group("name").rstrip(".")], it.where("post footer"))
            drop(it, "post footer (→ metadata.authors)")
        elif url:
            if not found.url:
                found.url = url.group("url")
                found.origins["url"] = it.where("page address")
            drop(it, "page address (→ metadata.url)")
        elif reason:
            drop(it, reason)
            owner = notices.COPYRIGHT_OWNER.match(it.text)
            if owner:
                found.offer_publisher(owner.group("owner").strip(), 1, it.where("copyright line"))
        elif (
            chrome.is_pipe_row(it.text)
            and not md.find_dates(it.text)
            and not _names_a_writer(it.text)
            and not _headline_and_site(it.text)
        ):
            drop(it, "navigation / listing row")
        elif prev is not None and it.text == prev.text:
            drop(it, "duplicate line")
        elif known_title and same_words(it.text, known_title) and it.hint != "heading":
            drop(it, "title (→ metadata.title)")
        elif chrome.LIST_HEADING.match(it.text) and not TERMINAL.search(it.text) and it.words <= 6:
            it.reason = "list-heading"  # decided by the sidebar rule
        prev = it
    chrome.share_bars(items)
