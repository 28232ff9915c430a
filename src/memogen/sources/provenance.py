"""One source's metadata from three places, each value remembering where it came from.

The format's own metadata (Word or PDF properties, HTML meta tags, YAML front matter),
what the text says (a byline, a dateline, an issue line), and topic.yaml on top.
`memogen sources` shows the origin of every field, so a user can see which ones to check.
"""

from __future__ import annotations

import re

from ..config import SourceOverride
from ..model import SourceMetadata
from .cleaning import CleanResult
from .metadata import smart_title
from .text import fix_broken_hyphens

_FIELDS = ("title", "publisher", "date", "url")


def merge_metadata(
    meta: SourceMetadata,
    result: CleanResult,
    override: SourceOverride | None,
    raw_title: str | None = None,
    format_origin: str = "file properties",
) -> SourceMetadata:
    """Format metadata, then what the text says, then topic.yaml on top; record what was inferred.

    A labelled line in the text ("Published in X, <date>") beats a format's date,
    because page metadata is often the crawl or last-modified date.
    """
    found = result.found
    origins: dict[str, str] = {}

    def pick(name: str, from_format: object, from_text: object, text_wins: bool = False) -> object:
        if from_text and (text_wins or not from_format):
            origins[name] = f"page {found.origins.get(name, 'text')}"
            return from_text
        if from_format:
            origins[name] = meta.origins.get(name, format_origin)
        return from_format

    date = pick("date", meta.date, found.date, text_wins=found.date_rank >= 3)
    url = pick("url", meta.url, found.url)
    publisher = _heading_name(pick("publisher", meta.publisher, found.publisher), result.text)  # type: ignore[arg-type]
    if not publisher and (override is None or override.publisher is None):
        publisher = host_name(str((override.url if override else None) or url or ""))
        if publisher:
            origins["publisher"] = "inferred from the page's address"
    title_text = pick("title", meta.title, found.title)
    if not title_text and raw_title:
        title_text, origins["title"] = raw_title, f"{format_origin} (title field)"
    inferred = SourceMetadata(
        title=smart_title(fix_broken_hyphens(str(title_text or "")), result.text) or None,
        # the byline printed on the page names the writer; a file's author property often names
        # whoever last saved it
        authors=list(pick("authors", meta.authors, found.authors, text_wins=True) or []),  # type: ignore[arg-type]
        publisher=publisher,
        date=date,  # type: ignore[arg-type]
        url=url,  # type: ignore[arg-type]
        author_bio=meta.author_bio or (_join_bio(found.author_bio) or None),
        container_title=pick("container_title", meta.container_title, found.container_title),  # type: ignore[arg-type]
    )
    out = SourceMetadata(author_bio=inferred.author_bio, container_title=inferred.container_title)
    ov = override or SourceOverride()
    for name in _FIELDS:
        value = getattr(ov, name)
        if value is not None:
            setattr(out, name, value)
            origins[name] = "topic.yaml"
        elif getattr(inferred, name):
            setattr(out, name, getattr(inferred, name))
            out.inferred.append(name)
    if ov.authors is not None:
        out.authors = ov.authors
        origins["authors"] = "topic.yaml"
    elif inferred.authors:
        out.authors = inferred.authors
        out.inferred.append("authors")
    if inferred.author_bio:
        out.inferred.append("author_bio")
    if inferred.container_title:
        out.inferred.append("container_title")
    out.origins = {k: v for k, v in origins.items() if getattr(out, k, None)}
    return out


def host_name(url: str) -> str | None:
    """'https://www.harbourtimes.no/news/x' -> 'harbourtimes.no': who shows a page that names no
    outlet of its own, as a reader would cite it."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "") if "//" in url else ""
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
    return host if "." in host else None


def _heading_name(name: str | None, body: str) -> str | None:
    """'IN THE HIGH COURT OF NORLAND' -> 'High Court of Norland': a court's or body's printed heading.

    Only long capitalised headings are recased: a short one ('BBC NEWS') is more likely a brand.
    """
    if not name:
        return name
    if len(name.split()) >= 4 and name.isupper():
        name = smart_title(re.sub(r"(?i)^in\s+the\s+", "", name), body)
    return name


def _join_bio(parts: list[str]) -> str:
    """Affiliation lines ("Research Associate", "Centre for ...") read as one phrase."""
    out = ""
    for part in parts:
        if out:
            out += " " if out.endswith((".", ",", ";", ":")) else ", "
        out += part
    return out
