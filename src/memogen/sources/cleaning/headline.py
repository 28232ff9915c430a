"""The headline zone: everything above the first paragraph of the article.

It holds a masthead and menus, the page's date, series and issue lines, the headline,
bylines and datelines, the author's affiliation and credits.  Three passes read it:

1. lines that say what they are by their shape (bylines, author lists, credits,
   affiliations, issue lines, publication notes) go to the metadata;
2. the headline is the heading-shaped line nearest above the article (a short section
   heading right above the first paragraph, "What happened?", stays a heading);
3. lines above the headline are the site's (masthead, menu, the edition's own title),
   a name under the headline is the story's byline, dates are read by their position.

A digest page ("The World This Week") prints its summary and its author list above a
story's headline: `body_start` skips such a summary when a byline and a headline follow it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import metadata as md
from .captions import CREDIT, is_picture_agency
from .chrome import menu_runs
from .dates import date_line, read_date, stamp_rank
from .lines import DATE_LABELLED, DATE_LINE, DATE_UPDATED, Found, Line, drop
from .shape import is_heading_like, is_prose, sentence_like
from .title import (
    MASTHEAD_NOUN,
    capitals_masthead,
    common_word,
    find_title,
    is_publication_name,
    logo_brand,
    lone_common_word,
    names_a_section,
    section_heading_shape,
)

_SUMMARY_MAX_WORDS = 150  # a page's summary or standfirst above the byline is short
_TEAM = re.compile(r"(?i)\b(?:team|staff|newsroom)$")  # 'GP Team': a group of people, not a site's name
_ORG = re.compile(
    r"\b(?:Institute|Institution|Cent(?:re|er)|University|College|Foundation|Council|Ministry|Academy|"
    r"Agency|Commission|Association|Society|Observatory|Forum|Bureau|Department)\b|\([A-Z]{2,}\)"
)


def body_start(items: list[Line]) -> int:
    """Index of the article's first paragraph: the first prose line, unless what follows it
    before the next prose is a byline (and a headline): then that prose was the page's summary
    or the story's standfirst, part of the headline zone."""
    prose = [k for k, it in enumerate(items) if it.role == "body" and is_prose(it)]
    if not prose:
        return len(items)
    total = sum(items[k].words for k in prose)
    later = [it.text for it in items[prose[0] :]]
    seen = Counter(later)  # counted once: a long report has tens of thousands of lines
    entry_bylines = {t for t, n in seen.items() if n >= 2}  # a live blog's byline, above each entry
    first, before = prose[0], 0
    for a, b in zip(prose, prose[1:], strict=False):
        before += items[a].words
        if before > _SUMMARY_MAX_WORDS or 2 * before > total:
            break
        if any(_byline_shaped(it) and it.text not in entry_bylines for it in items[a + 1 : b] if it.kept):
            first = b
    return first


def _byline_shaped(it: Line) -> bool:
    """Names after 'By', two names or more, or 'By' and an agency or outlet ('By Coastwire')."""
    names = md.byline_names(it.text)
    if names or len(md.split_names(it.text)) >= 2:
        return True
    return md.is_byline(it.text) and md.byline_credit(it.text) is not None


def read_headline_zone(
    front: list[Line], found: Found, body_found: bool = True, has_title: bool = True, opening: str = ""
) -> None:
    """Read the lines above the article's first paragraph (see the module doc); a listing page
    (`has_title` False) has no headline of its own."""
    zone = _Zone(front, found)
    zone.read_meta_lines()
    title = find_title(front, opening) if has_title else None
    if title is not None and lone_common_word(front[title].text):
        drop(front[title], "label over the article ('Abstract', 'Opinion'): no headline")
    elif title is not None and capitals_masthead(front[title].text):
        # the only heading-shaped line above the story is the masthead: the page prints no headline
        drop(front[title], "masthead over the article: no headline")
    elif title is not None:
        it = front[title]
        headline, site = split_site_name(it.text)
        if site is None:
            headline, site = _site_after_repeated_headline(it.text, front[title + 1 :])
        if site is None:
            headline, site = split_tagline_and_site(headline)
        headline, names = split_byline(headline)
        headline, wire = split_wire_credit(headline)
        if wire:
            found.offer_publisher(wire, 1, it.where("outlet credited after the headline"))
        headline = without_breadcrumb(said_once(headline))
        found.add_authors(names, it.where("byline after the headline"))
        found.title = found.title or headline
        found.origins.setdefault("title", it.where("headline"))
        if site:
            found.offer_publisher(site, 1, it.where("site name after the headline"))
        drop(it, "title (→ metadata.title)")
    zone.read_around_title(title, body_found)


_SITE_SUFFIX = re.compile(r"^(?P<head>.{12,}?)\s+(?P<sep>[|–—-])\s+(?P<site>[^|–—-]{2,40})$")


def split_site_name(line: str) -> tuple[str, str | None]:
    """'Court scales back job quotas | Harbour Times' -> (headline, 'Harbour Times'): a page title
    that names its site after a bar or dash.  The site part must read as a name: after a bar,
    two or more capitalised words or capitals only; after a dash (which also opens subtitles:
    'Ukraine war - Live Updates'), capitals only, 'The ...', or a publication's noun.
    '... | February 2024' keeps its whole line as the headline."""
    m = _SITE_SUFFIX.match(line.strip())
    if not m or len(m.group("head").split()) < 4:
        return line, None
    site = m.group("site").strip()
    words = site.split()
    capitalised = all(w[:1].isupper() for w in words if len(w) > 3) and words[0][:1].isupper()
    acronym = len(words) == 1 and site.isupper() and len(site) >= 2
    if m.group("sep") == "|":
        named = acronym or (len(words) >= 2 and capitalised)
    else:
        named = acronym or (capitalised and (words[0] == "The" or bool(MASTHEAD_NOUN.search(site))))
    if not named or len(words) > 4 or md.find_dates(site) or re.search(r"\d", site):
        return line, None
    return m.group("head").strip(), site


_HEAD_THEN_MORE = re.compile(r"^(?P<head>.+?[a-z]{2}[.!?])\s+(?P<rest>[A-Z].*)$")


def split_tagline_and_site(line: str) -> tuple[str, str | None]:
    """'Mayor says six are dead in wildfires. Follow along for live updates The Harbour Post' ->
    ('Mayor says six are dead in wildfires.', 'The Harbour Post'): a headline sentence, then the
    page's tagline and the site's name run on with no separator.  Only when the line ends in a
    publication's name: a headline of two sentences keeps both."""
    m = _HEAD_THEN_MORE.match(line.strip())
    if not m or len(m.group("head").split()) < 5:
        return line, None
    words = m.group("rest").split()
    for k in range(min(5, len(words) - 1), 0, -1):
        site = " ".join(words[-k:])
        if is_publication_name(site):
            return m.group("head").rstrip("."), site
    return line, None


def _site_after(headline: str, page_title: str) -> str | None:
    """'Ministries act | Pakistan Press Foundation (PPF)' after 'Ministries act' -> 'Pakistan Press
    Foundation': what a page's title adds to the headline, when it reads as a name."""
    headline, text = headline.strip(), page_title.strip()
    if len(headline.split()) < 3 or not text.startswith(headline) or text == headline:
        return None
    site = re.sub(r"\s*\([A-Z][A-Za-z&.-]{1,12}\)$", "", text[len(headline) :].strip(" |–—-:·"))
    words = site.split()
    named = site[:1].isupper() and all(w[:1].isupper() for w in words if len(w) > 3)
    return site if 1 <= len(words) <= 5 and named and not md.find_dates(site) else None


def _site_after_repeated_headline(line: str, below: list[Line]) -> tuple[str, str | None]:
    """'<headline>-Xinhua' printed over '<headline>': the page's title over the story's; the story's
    headline is the lower line and the site is what the upper adds."""
    nxt = next((it for it in below if it.kept), None)
    site = _site_after(nxt.text, line) if nxt is not None else None
    return (nxt.text.strip(), site) if nxt is not None and site else (line, None)


def _name_then_outlet(parts: list[str]) -> list[str]:
    """'Jane Doe, Reuters' (the first part of a dated byline) -> ['Jane Doe', 'Reuters']."""
    head, sep, tail = parts[0].partition(",")
    words = tail.split()
    shaped = sep and md.is_name(head) and 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    if shaped and not md.is_name(tail) and not md.find_dates(tail) and not md.is_role(tail.strip()):
        return [head.strip(), tail.strip()]
    return [parts[0]]


_DURATION = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")


def said_once(line: str) -> str:
    """'Rescue goes on after collapse Rescue goes on after collapse 14:07' -> 'Rescue goes on after
    collapse': a video's title printed twice (its heading and its player's label), then its length."""
    words = _DURATION.sub("", line).split()
    half = len(words) // 2
    if half >= 3 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return line


_CRUMB_SEP = re.compile(r"^[›»>/|]$")


def without_breadcrumb(line: str) -> str:
    """'Home World Saudi Arabia and Iran restore ties' -> 'Saudi Arabia and Iran restore ties': the
    page's breadcrumb ('Home', then its section, one common word) run into the headline."""
    words = line.split()
    if len(words) < 6 or words[0] != "Home":
        return line
    k = 1 + bool(_CRUMB_SEP.match(words[1]))
    section = words[k]
    if not (section[:1].isupper() and common_word(section, 4.5)):
        return line  # 'Home secretary resigns ...': a headline that opens with the word
    k += 1 + bool(_CRUMB_SEP.match(words[k + 1]))
    return " ".join(words[k:]) if words[k][:1].isupper() else line


_TRAILING_BYLINE = re.compile(r"^(?P<head>.{12,}?)\s+by\s+(?P<names>[A-Z][^|]{2,60})$")


def split_byline(line: str) -> tuple[str, list[str]]:
    """'Millions hit by floods in India by Nina Ridge' -> (headline, ['Nina Ridge']): a blog's headline
    with its byline run on.  Only names count ('... backed by Western Powers' keeps its words)."""
    m = _TRAILING_BYLINE.match(line.strip())
    names = md.split_names(m.group("names").strip()) if m else []
    if not m or not names or len(m.group("head").split()) < 3:
        return line, []
    return m.group("head").strip(), names


_TRAILING_CREDIT = re.compile(r"^(?P<head>.{12,}?)\s+By\s+(?P<outlet>[A-Z][\w&.'’ -]{1,40})$")


def split_wire_credit(line: str) -> tuple[str, str | None]:
    """'Court Orders Port Reopened, Stops Short of Fines By Reuters' -> (headline, 'Reuters'): an
    aggregator's headline with the wire or outlet it took the story from run on.  Only an outlet's
    name counts: a wire agency or a name with a masthead noun ('... Struck By Cargo Ship' keeps its
    words)."""
    m = _TRAILING_CREDIT.match(line.strip())
    if not m or len(m.group("head").split()) < 4:
        return line, None
    outlet = m.group("outlet").strip()
    if not (is_picture_agency(outlet) or is_publication_name(outlet)):
        return line, None
    return m.group("head").strip(), outlet


def _date_line_shaped(it: Line) -> bool:
    """'3 May 2025', 'September 22, 2020 11:14 am | Updated ... IST - New Delhi': a line that is mostly a date."""
    if it.words <= 6 and md.parse_loose_date(it.text):
        return True
    if not md.find_dates(it.text):
        return False
    return it.words <= 14 or len(md.date_leftover(it.text).split()) < 6


def take_publication(note: md.PublicationNote, found: Found, origin: str = "") -> None:
    found.offer_date(
        note.date, DATE_UPDATED if note.verb in ("updated", "last updated") else DATE_LABELLED, origin
    )
    found.offer_publisher(note.publisher, 3, origin)
    found.add_authors(note.authors, origin)


@dataclass
class _Zone:
    """The lines above the first paragraph; a byline opens what may follow it (names, affiliation)."""

    front: list[Line]
    found: Found
    expect_names: bool = False  # after a bare "By"
    expect_credit: bool = False  # after a bare "Edited by"
    affiliation_open: bool = False  # right after the author's name
    listed_authors: list[str] = field(default_factory=list)  # an edition's author list, above the headline

    # ------------------------------------------------------------------ pass 1: lines that say what they are
    def read_meta_lines(self) -> None:
        for it in self.front:
            if not self._meta_line(it):
                self.expect_names = self.expect_credit = self.affiliation_open = False

    def _meta_line(self, it: Line) -> bool:
        """Handle one line; True keeps the expectations a byline or credit opened."""
        if not it.kept:
            credit = CREDIT.match(it.text)
            self.expect_credit = bool(credit) and not credit.group("who").strip()
            return True
        note = md.publication_note(it.text)
        if note:
            take_publication(note, self.found, it.where("publication line"))
            drop(it, "publication line (→ metadata date/publisher)")
            return False
        label = md.issue_label(it.text)
        if label:
            self.found.container_title = self.found.container_title or label
            self.found.origins.setdefault("container_title", it.where("issue line"))
            read_date(it.text, self.found, DATE_LINE, it.where("issue line"))
            drop(it, "dateline: issue line (→ metadata date, container title)")
            return False
        bare = re.sub(r"(?i)^by\s+", "", it.text)
        if md.is_group_byline(bare) and (bare != it.text or _TEAM.search(bare)):
            drop(it, "byline of a team, no person named")
            return False
        return self._people(it)

    def _people(self, it: Line) -> bool:
        """Bylines, credits, author lists and the affiliation lines under them."""
        if self._segmented_byline(it):
            return True
        names = md.byline_names(it.text)
        credit = CREDIT.match(it.text)
        if names is not None:
            self._add_authors(names, it)
            self.found.offer_publisher(md.byline_outlet(it.text, names), 1, it.where("byline"))
            self.expect_names, self.affiliation_open = not names, bool(names)
            read_date(it.text, self.found, stamp_rank(it.text), it.where("byline date"))
            drop(it, "byline (→ metadata.authors)")
        elif credit:
            self.expect_credit = not credit.group("who").strip()
            drop(it, "editor / contributor credit")
        elif md.is_byline(it.text) and it.text[:1].isupper():
            credit = md.byline_credit(it.text)
            if credit:
                self.found.add_authors([credit], it.where("byline crediting an agency"))
            drop(it, "byline naming an agency (→ metadata.authors)" if credit else "byline naming no person")
        elif self.expect_credit and md.is_name(it.text):
            drop(it, "editor / contributor credit")
            return False
        elif self.expect_names and md.split_names(it.text):
            self._add_authors(md.split_names(it.text), it)
            self.affiliation_open = True
            drop(it, "byline (→ metadata.authors)")
        elif md.name_with_role(it.text):
            name, role = md.name_with_role(it.text)  # type: ignore[misc]
            self._add_authors([name], it)
            self.found.author_bio.append(role)
            self.affiliation_open = True
            drop(it, "byline with the author's role (→ metadata.authors, author_bio)")
        elif len(md.split_names(it.text)) >= 2:
            self.listed_authors += md.split_names(it.text)
            self.affiliation_open = True
            drop(it, "author list (→ metadata.authors)")
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
        parts = _name_then_outlet(parts) + parts[1:] if len(parts) >= 2 else parts
        found = [(p, md.byline_names(p)) for p in parts] if len(parts) >= 2 else []
        names = next((n for _, n in found if n), None)
        name_leads = len(parts) >= 2 and md.is_name(parts[0])
        dated_or_role = any(md.find_dates(p) for p in parts) if len(parts) >= 3 else md.is_role(parts[-1])
        if not names and name_leads and dated_or_role:
            # 'Marit Solheim · Harbour Review · 6 May 2025', 'Mara Ilves | Political Correspondent':
            # the name leads, without a 'By'
            names = [parts[0]]
            found = [(p, names if k == 0 else None) for k, (p, _) in enumerate(found)]
        if not names:
            return self._byline_of_outlet(it, parts)
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

    def _byline_of_outlet(self, it: Line, parts: list[str]) -> bool:
        """'by · NY Times': an aggregator's byline naming the outlet, no person."""
        if len(parts) != 2 or md.byline_names(parts[0]) != [] or md.is_name(parts[1]):
            return False
        words = parts[1].split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or md.find_dates(parts[1]):
            return False
        self.found.offer_publisher(parts[1], 1, it.where("byline naming the outlet"))
        drop(it, "byline naming the outlet (→ metadata.publisher)")
        return True

    def _add_authors(self, names: list[str], it: Line) -> None:
        """'By Staff Reporter' is a byline without a person: the line goes, no author is recorded."""
        self.found.add_authors([n for n in names if not md.is_role(n)], it.where("byline"))

    # ------------------------------------------------------------------ pass 3: by position
    def read_around_title(self, title: int | None, body_found: bool) -> None:
        """Dates by their place; a name under the headline is its byline; above it, the site's lines."""
        above = title if title is not None else 0
        menu = menu_runs(self.front[:above])
        mastheads: list[Line] = []
        for i, it in enumerate(self.front):
            if not it.kept:
                continue
            above_title = title is not None and i < title
            if _date_line_shaped(it):
                date_line(it, self.found, above_title)
            elif brand := logo_brand(it.text):
                self.found.offer_publisher(brand, 1, it.where("the masthead logo's alt text"))
                drop(it, "masthead logo's alt text (→ metadata.publisher)")
            elif not above_title and md.is_name(it.text) and title is not None:
                self.found.add_authors([it.text], it.where("byline under the headline"))
                drop(it, "byline (→ metadata.authors)")
            elif above_title and not sentence_like(it.text):
                if i in menu:
                    drop(it, "navigation menu")
                else:
                    mastheads.append(it)
                    drop(it, "masthead / site name")
            elif above_title:
                drop(it, "summary of the page above the story's headline")
        if self.listed_authors and not self.found.authors:
            self.found.add_authors(self.listed_authors, "the page's author list")
        below = {it.text.strip() for it in self.front[above + 1 :]} if title is not None else set()
        self._offer_page_title(mastheads)
        self._offer_masthead(mastheads, below)
        self._between_title_and_body(title, body_found)

    def _offer_page_title(self, mastheads: list[Line]) -> None:
        """'<the headline> | Pakistan Press Foundation (PPF)', '<the headline>-Xinhua': the page's own
        title above the story, the headline and then the site that shows it.  It names the page's
        publisher more surely than a source credit or a masthead label."""
        for it in mastheads:
            site = _site_after(self.found.title or "", it.text)
            if site:
                self.found.offer_publisher(site, 2, it.where("site name in the page's title"))
                return

    def _offer_masthead(self, mastheads: list[Line], below: set[str]) -> None:
        """The publisher a masthead names: an organisation's name before a mere label; a label
        printed twice above the headline is the page's series, the story's container; a short
        label printed above the headline and again under it frames it: the site's name."""
        # 'WORLD', 'Politics': one common word over the headline labels the page's section, not its site
        names = [
            it
            for it in mastheads
            if is_heading_like(it) and not md.is_name(it.text) and not lone_common_word(it.text)
        ]
        named = [it for it in names if is_publication_name(it.text)]
        texts = Counter(it.text.strip().lower() for it in names)
        repeated = next((it for it in names if texts[it.text.strip().lower()] >= 2), None)
        if repeated is not None and not self.found.container_title:
            self.found.container_title = repeated.text.strip()
            self.found.origins["container_title"] = repeated.where("series label")
        orgs = [it for it in named if _ORG.search(it.text) and it is not repeated]
        best = orgs[0] if orgs else next((it for it in named if it is not repeated), None)
        framing = [it for it in names if it.text.strip() in below and len(it.text.split()) <= 4]
        best = best or (framing[0] if framing and not repeated else None)
        if best is not None:
            self.found.offer_publisher(_without_prompt(best.text.strip()), 1, best.where("masthead"))

    def _between_title_and_body(self, title: int | None, body_found: bool) -> None:
        """Under the headline, labels and a standfirst without a full stop go; a short sentence
        and a section heading right above the first paragraph stay.  With no paragraph on the
        page at all, the short lines are the text and all stay."""
        if title is None or not body_found:
            return
        rest = [it for it in self.front[title + 1 :] if it.kept]
        for k, it in enumerate(rest):
            last = k == len(rest) - 1
            if is_publication_name(it.text) and not names_a_section(it):
                # 'Associated Press' under the headline: whose story it is, not a heading of it
                self.found.offer_publisher(it.text.strip(), 1, it.where("outlet under the headline"))
                drop(it, "outlet under the headline (→ metadata.publisher)")
            elif not (
                (last and is_heading_like(it) and section_heading_shape(it))
                or sentence_like(it.text)
                or _introduces_a_quote(it)
            ):
                writer = md.standfirst_writer(it.text)
                if writer and not self.found.authors:
                    self.found.add_authors([writer], it.where("standfirst naming its writer"))
                drop(it, "standfirst / label under the headline")


INTRO_MIN_WORDS = 10  # 'Key points:' labels a list; a sentence introducing a quotation is longer


def _introduces_a_quote(it: Line) -> bool:
    """'Governor X told NBC News he could not say whether ...:': a sentence of the story whose colon
    hands over to the quotation under it (a block quote), not a standfirst; without it, the quoted
    words lose their speaker."""
    text = it.text.rstrip()
    return text.endswith(":") and it.words >= INTRO_MIN_WORDS and sentence_like(text[:-1] + ".")


# 'Watch CBS News', 'Listen to Harbour Radio': a link to the outlet's channel, the outlet named after the verb.
_PROMPT_BEFORE_NAME = re.compile(r"^(?:watch|listen to|follow|visit|read)\s+(?=[A-Z0-9])", re.I)


def _without_prompt(name: str) -> str:
    rest = _PROMPT_BEFORE_NAME.sub("", name)
    return rest if rest != name and len(rest.split()) >= 2 else name
