"""The headline zone: everything above the first paragraph of the article.

It holds a masthead and menus, the page's date, the headline, bylines and datelines,
the author's affiliation and credits.  The headline is found first; lines above it
are the site's, lines below it describe the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import metadata as md
from .captions import CREDIT
from .chrome import menu_runs
from .dates import date_line, read_date, stamp_rank
from .lines import Found, Line, drop
from .shape import is_heading_like, sentence_like


def read_headline_zone(front: list[Line], found: Found) -> None:
    """Headline zone: masthead, page date, headline, byline, dateline, affiliation, credits."""
    zone = HeadlineZone(front, found)
    for i, it in enumerate(front):
        if not zone.step(i, it):
            zone.expect_names = zone.expect_credit = zone.affiliation_open = False


def take_publication(note: md.PublicationNote, found: Found, origin: str = "") -> None:
    found.offer_date(note.date, 1 if note.verb in ("updated", "last updated") else 3, origin)
    found.offer_publisher(note.publisher, 3, origin)
    found.add_authors(note.authors, origin)


@dataclass
class HeadlineZone:
    """The lines above the first paragraph, read in order; a byline opens what may follow it."""

    front: list[Line]
    found: Found
    expect_names: bool = False  # after a bare "By"
    expect_credit: bool = False  # after a bare "Edited by"
    author_seen: bool = False
    affiliation_open: bool = False  # right after the author's name

    def __post_init__(self) -> None:
        self.title_idx = find_title(self.front)
        self.menu = menu_runs(self.front[: self.title_idx or 0])

    def step(self, i: int, it: Line) -> bool:
        """Handle one line; True keeps the expectations a byline or credit opened."""
        if not it.kept:
            credit = CREDIT.match(it.text)
            self.expect_credit = bool(credit) and not credit.group("who").strip()
            return True
        if i == self.title_idx:
            if not self.found.title:
                self.found.title = it.text
                self.found.origins["title"] = it.where("headline")
            drop(it, "title (→ metadata.title)")
            return True
        note = md.publication_note(it.text)
        if note:
            take_publication(note, self.found, it.where("publication line"))
            drop(it, "publication line (→ metadata date/publisher)")
            return False
        return self._people(i, it) or self._other(i, it)

    def _people(self, i: int, it: Line) -> bool:
        """Bylines, credits, author names and the affiliation lines under them."""
        if self._segmented_byline(it):
            return True
        names = md.byline_names(it.text)
        credit = CREDIT.match(it.text)
        after_title = self.title_idx is not None and i > self.title_idx
        if names is not None:
            self._add_authors(names, it)
            self.expect_names, self.affiliation_open = not names, bool(names)
            read_date(it.text, self.found, stamp_rank(it.text), it.where("byline date"))
            drop(it, "byline (→ metadata.authors)")
        elif credit:
            self.expect_credit = not credit.group("who").strip()
            drop(it, "editor / contributor credit")
        elif self.expect_credit and md.is_name(it.text):
            drop(it, "editor / contributor credit")
            return False
        elif (self.expect_names or (after_title and not self.author_seen)) and md.split_names(it.text):
            self._add_authors(md.split_names(it.text), it)
            self.affiliation_open = True
            drop(it, "byline (→ metadata.authors)")
        elif (
            self.affiliation_open
            and not it.gap_before
            and is_heading_like(it)
            and md.looks_like_affiliation(it.text)
        ):
            self.found.author_bio.append(it.text)
            drop(it, "author affiliation (→ metadata.author_bio)")
        else:
            return False
        return True

    def _segmented_byline(self, it: Line) -> bool:
        """'Outlet | 12 June 2025 | By A B': a byline among other parts, each part read for what it is."""
        parts = [p.strip().strip("*_").strip() for p in re.split(r"\s[|·•]\s", it.text) if p.strip()]
        found = [(p, md.byline_names(p)) for p in parts] if len(parts) >= 2 else []
        names = next((n for _, n in found if n), None)
        if not names and len(parts) >= 3 and any(md.find_dates(p) for p in parts) and md.is_name(parts[0]):
            # 'Marit Solheim · Harbour Review · 6 May 2025': the name leads, without a 'By'
            names = [parts[0]]
            found = [(p, names if k == 0 else None) for k, (p, _) in enumerate(found)]
        if not names:
            return False
        self._add_authors(names, it)
        for part in parts:
            if md.find_dates(part):
                read_date(part, self.found, stamp_rank(part), it.where("byline date"))
        for part, part_names in found:
            if (
                part_names is None
                and not md.find_dates(part)
                and len(part.split()) <= 6
                and part[:1].isupper()
            ):
                self.found.offer_publisher(part, 1, it.where("byline"))
        drop(it, "byline (→ metadata.authors)")
        return True

    def _add_authors(self, names: list[str], it: Line) -> None:
        """'By Staff Reporter' is a byline without a person: the line goes, no author is recorded."""
        self.found.add_authors([n for n in names if not md.is_role(n)], it.where("byline"))
        self.author_seen = self.author_seen or bool(names)

    def _other(self, i: int, it: Line) -> bool:
        """Date lines anywhere in the zone; menus and mastheads above the headline."""
        above_title = self.title_idx is not None and i < self.title_idx
        if it.words <= 14 and (md.find_dates(it.text) or (it.words <= 6 and md.parse_loose_date(it.text))):
            date_line(it, self.found, above_title)
        elif above_title and not sentence_like(it.text):
            if i in self.menu:
                drop(it, "navigation menu")
            else:
                if is_heading_like(it) and not md.is_name(it.text):
                    self.found.offer_publisher(it.text, 1, it.where("masthead"))
                drop(it, "masthead / site name")
        return False


def find_title(front: list[Line]) -> int | None:
    """The headline: the longest heading-like line before the first byline (or in the whole zone)."""
    for i, it in enumerate(front):
        if it.hint == "title" and it.kept:
            return i
    candidates: list[int] = []
    for i, it in enumerate(front):
        if not it.kept or it.hint == "heading":
            continue
        is_meta = (
            md.byline_names(it.text) is not None or md.publication_note(it.text) or CREDIT.match(it.text)
        )
        if is_meta or (candidates and md.split_names(it.text)):
            if candidates:
                break
            continue
        segmented = re.search(r"\s[|·•]\s", it.text)
        dated = md.find_dates(it.text) and (segmented or len(md.date_leftover(it.text).split()) < 6)
        if dated or not is_heading_like(it) and not it.text.endswith(("?", "!")):
            continue  # a date line; a headline that names a date ('..., Marren Sound, 2 May 2025') stays
        candidates.append(i)
    if not candidates:
        return None
    return max(candidates, key=lambda i: (front[i].words, -i))
