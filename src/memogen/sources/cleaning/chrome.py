"""Interface chrome: buttons, prompts, menus, share bars and listing rows.

A line of chrome is made of interface words ("Share", "Leave a Comment", "Back to top") or
of short segments between separators ("2021 | 2020 | 2019"); a run of one-word lines that
are mostly buttons is a share bar; three or more one- or two-word lines above the headline
are a menu.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import DroppedLine
from ..metadata import NAME_PARTICLES
from ..text import word_count
from .lines import TERMINAL, Found, Line, bare, bare_key, drop, lacks_all
from .shape import is_heading_like
from .title import PAPER_NOUNS

# Words that make up interface chrome (buttons, menus, prompts) in English page dumps.
UI_WORDS = frozenset(
    """share shares sharing tweet email e-mail print comment comments leave a an reply replies back to top
    exit mobile version read more subscribe subscription unsubscribe sign in up out log login logout
    register follow us on facebook twitter x whatsapp linkedin telegram pinterest reddit instagram
    youtube copy link links menu search home skip content main navigation nav toggle next previous prev
    post posts article articles related recent stories story newsletter advertisement advertisements
    sponsored ad ads load show hide cookie cookies accept close view all see also like you may the and
    of for your this here click tap continue reading download pdf app open latest trending popular most
    viewed tags tag categories category filed under listen audio font size send bookmark save join now
    free trial donate support page go story continues below after""".split()  # noqa: SIM905
)
UI_STRONG = frozenset(
    """share tweet print comment comments reply top subscribe login register follow menu skip navigation
    nav toggle newsletter advertisement sponsored ads ad cookie cookies whatsapp facebook twitter
    linkedin telegram pinterest reddit instagram mobile bookmark related recent trending popular posts
    stories read next previous prev email e-mail copy listen audio download""".split()  # noqa: SIM905
)
LIST_HEADING = re.compile(
    r"(?i)^(?:recent|related|latest|more|most (?:read|popular|viewed)|trending|popular|top|also read|read (?:also|more|next)|"
    r"you (?:may|might) (?:also )?like|recommended|editor'?s picks|in (?:this|other) (?:section|news))\b.{0,30}$"
)
CLICK = re.compile(r"(?i)^(?:click|tap|press)\s+(?:here|below|on|the|this|to)\b")
_SEE_ALSO = re.compile(
    r"(?i)^(?:also read|read also|read more|more on this|see also|related|recommended|watch|listen|must read|don'?t miss|"
    r"in pictures|in photos|photos|gallery|videos?)\s*[:|»>–—-]\s*\S"
    r"|^(?:more|latest|related)\s+(?:from|on|in)\s+\S|^(?:more|latest|related)\s+(?:stories|articles|videos?|coverage)$"
)
# 'For more in-depth analysis on this topic, seek further information here.': a link, not a sentence of the story.
_HERE_LINK = re.compile(r"(?i)\b(?:more|further|full|details|information)\b.{0,80}\bhere\s*[.!:]?$")
# A page widget's own words: 'Text size Aa Aa', a script's 'undefined'.
_WIDGET = re.compile(r"(?i)^(?:(?:text|font)\s+size\b.{0,20}|undefined|null|nan|loading\.*)$")
_SOCIAL = re.compile(
    r"(?i)^(?:like|follow|join|subscribe to|find|connect with)\b.*\b(?:facebook|twitter|instagram|whatsapp|telegram|linkedin|youtube|tiktok)\b"
    r"|\b(?:follow|like|join|connect with) us\b"
)
_LIVE_LABEL = re.compile(
    r"(?i)^(?:live|live updates|key events|show key events only|pinned post|breaking"
    # a link to the outlet's live stream ('WATCH TV LIVE', 'Watch live'): no masthead, no text
    r"|watch\s+(?:\w+\s+){0,2}live|watch\s+live(?:\s+\w+){0,2}|live\s+(?:tv|stream|video))$"
)
_PAGE_NUMBER = re.compile(
    r"(?i)^(?:page\s*\d{1,4}|[-–]?\s*\d{1,3}\s*[-–]?)(?:\s*(?:of|/)\s*\d{1,4})?$"
)  # not "2014"


def is_ui_prompt(text: str) -> bool:
    """A short line made only of interface words ("Share", "Leave a Comment", "Back to top")."""
    words = bare_key(text).split()  # (kept per line: the learned judge and pull quotes ask it too)
    return 0 < len(words) <= 6 and all(w in UI_WORDS for w in words) and any(w in UI_STRONG for w in words)


_ROW_SPLIT = re.compile(r"\s[|·»›]\s|\s>\s|(?<=\w)\|(?=\w)")
_ROW_MARKS = ("|", "·", "»", "›", ">")  # every split of _ROW_SPLIT is at one of these
_SOCIAL_KEYS = (
    "facebook",
    "twitter",
    "instagram",
    "whatsapp",
    "telegram",
    "linkedin",
    "youtube",
    "tiktok",
    " us",
)


def is_pipe_row(text: str) -> bool:
    """'April 2021 | Series # 508', '2021 | 2020 | 2019', 'Home » World » Europe': a listing,
    menu or breadcrumb row, not a sentence."""
    if not any(mark in text for mark in _ROW_MARKS):
        return False  # nothing to split at: one part
    parts = [p.strip() for p in _ROW_SPLIT.split(text)]
    return len(parts) >= 2 and all(0 < word_count(p) <= 6 and not p.endswith(".") for p in parts)


# The page speaking of itself to its reader: a trust badge ('Why you can trust SCMP'), the language
# menu's prompt ('Read this article in French German Italian'), an explainer of how the site works.
_ABOUT_THE_PAGE = re.compile(
    r"(?i)^(?:why (?:you can|to|should you) trust\b|read (?:this|the) (?:article|story|page) in\b|"
    r"(?:available|also available|read|this article is available) in (?:other languages|\w+ and \w+$)|"
    r"how we (?:report|verify|fact-check|work)\b)"
)
# A row naming three languages or more: the page's language menu ('English | Français | Deutsch').
_LANGUAGES_TEXT = (
    "english french german italian portuguese spanish arabic chinese russian japanese korean turkish "
    "hindi urdu persian farsi dutch polish ukrainian indonesian vietnamese français deutsch italiano "
    "español português русский 中文 العربية"
)
_LANGUAGES = frozenset(_LANGUAGES_TEXT.split())
_ABOUT_PAGE_WORDS = 14


def about_the_page(text: str) -> str | None:
    """A line where the page tells its reader about itself (a trust badge, a language menu): it is
    never the story, nor its headline."""
    if word_count(text) > _ABOUT_PAGE_WORDS:
        return None
    if _ABOUT_THE_PAGE.match(text.strip()):
        return "note to the reader about the page"
    words = re.findall(r"[^\W\d_]+", text.lower())
    if sum(w in _LANGUAGES for w in words) >= 3 and len(words) - sum(w in _LANGUAGES for w in words) <= 4:
        return "language menu"
    return None


# The page inviting its reader to follow it ('Follow along for live updates of ...', 'Stay tuned for the
# latest on ...'): an imperative to the reader, then what the page offers
_INVITATION = re.compile(
    r"^(?:Follow (?:along|us|our|this)|Stay (?:tuned|with us)|Check back|Keep (?:up|checking|reading)|"
    r"Read on|Scroll down|Refresh (?:this|the) page|Get the latest)\b[^.!?]{0,300}?"
    r"\b(?:updates?|coverage|latest|live|blog|page)\b[^.!?]*[.!?]\s+(?=\S)"
)


def lead_invitation(it: Line, dropped: list[DroppedLine]) -> None:
    """A live blog's first paragraph opening with its invitation to follow the page: the sentence
    speaks to the reader about the page, never the story (the facts it names are told after it)."""
    m = _INVITATION.match(it.text)
    if m:
        dropped.append(DroppedLine(m.group().strip(), "note to the reader about the page", it.lineno))
        it.text = it.text[m.end() :]


def ui_prompt(text: str) -> str | None:
    return "navigation / share / comment prompt" if is_ui_prompt(text) else None


def link_prompt(text: str) -> str | None:
    n = word_count(text)
    if (n <= 12 and CLICK.match(text)) or (n <= 20 and _HERE_LINK.search(text)):
        return "link prompt"
    return "page widget" if _WIDGET.match(text) else None


# 'Mara Ilves See also Talks resume in Oslo Political correspondent ...': an author box (a name with no
# sentence of its own) into which the page spliced a link label and its teaser. A capitalised label
# cannot follow a word inside a sentence of prose, so the line is widget text, not the story.
_SPLICED_LABEL = re.compile(
    r"^(?P<stub>[^.!?:;]{1,60}?)\s(?:See also|Read also|Also read|Read more|More from)\s+\S"
)
STUB_WORDS = 5  # the words before the spliced label: a name or a kicker, no sentence


def see_also(text: str) -> str | None:
    if _SEE_ALSO.match(text) and word_count(text) <= 20:
        return "link to another article"
    m = _SPLICED_LABEL.match(text)
    if m and _is_name_stub(m["stub"]) and word_count(text) <= 60:
        return "link to another article (spliced into an author box)"
    return None


def _is_name_stub(stub: str) -> bool:
    """A few capitalised words and nothing else ('Mara Ilves', 'Ana de la Cruz'): a name, not a clause."""
    words = stub.split()
    return 0 < len(words) <= STUB_WORDS and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


def social_prompt(text: str) -> str | None:
    if word_count(text) > 40 or lacks_all(text, _SOCIAL_KEYS):
        return None
    return "social media prompt" if _SOCIAL.search(text) else None


def live_label(text: str) -> bool:
    return bool(_LIVE_LABEL.match(text))


def page_number(text: str) -> str | None:
    return "page number" if _PAGE_NUMBER.match(text) else None


def share_bars(lines: list[Line]) -> None:
    """'Facebook / Count / Twitter / Email / Copy link': a run of tiny lines, mostly buttons."""
    run: list[Line] = []
    for it in [*lines, None]:
        if it is not None and it.words <= 2 and not TERMINAL.search(it.text) and it.hint is None:
            run.append(it)
            continue
        buttons = sum(
            1
            for x in run
            if x.reason.startswith("navigation") or is_ui_prompt(x.text) or bare(x.text).strip() in UI_WORDS
        )
        if len(run) >= 3 and buttons * 2 >= len(run):
            for x in run:
                drop(x, "share / navigation buttons")
        run = []


def menu_runs(zone: list[Line]) -> set[int]:
    """Three or more one- or two-word lines in a row above the headline: a site's menu."""
    runs = short_runs(zone, lambda it: it.words <= 2 and is_heading_like(it))
    return {i for run in runs if len(run) >= 3 for i in run}


def short_runs(lines: list[Line], fits: Callable[[Line], bool]) -> list[list[int]]:
    """The indices of each run of consecutive lines that `fits` (a menu's items are short lines in a
    row: 'Home' / 'World' / 'Sport'), in page order."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, it in enumerate([*lines, None]):
        if it is not None and fits(it):
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = []
    return runs


# 'Home › World › Harbour bank cuts ...', 'HomeWorldHarbour bank cuts its rate...': the trail of links
# from the site's front page, 'Home' then the section, then the headline, often cut short
_TRAIL = re.compile(r"^Home\s*(?:[›»>/|]\s*)?(?P<section>[A-Z][a-z]+)\s*(?:[›»>/|]\s*)?(?P<rest>.*)$")
TRAIL_REACH = 4  # the headline the trail repeats stands within a few lines under it


TRAIL_WORDS = 5  # the trail's last step and the headline share their first words


def _opening_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text)[:TRAIL_WORDS]).lower()


def breadcrumb_trails(items: list[Line]) -> None:
    """A trail of links whose last step is the headline below it ('HomeIndia‘Harbour bank cuts its
    rate...’' over '‘Harbour bank cuts its rate’ ...') is navigation; a bare date right above it is the
    site's header clock (today's date when the page was saved), never the article's date."""
    from .. import metadata as md  # (metadata imports the cleaning rules' helpers)

    for k, it in enumerate(items[:8]):
        m = _TRAIL.match(it.text) if it.kept else None
        opening = _opening_of(m["rest"]) if m else ""
        if len(opening.split()) < TRAIL_WORDS:
            continue
        below = items[k + 1 : k + 1 + TRAIL_REACH]
        if not any(x.kept and _opening_of(x.text) == opening for x in below):
            continue
        drop(it, "navigation (breadcrumb trail)")
        before = items[k - 1] if k > 0 else None
        if before is not None and before.kept and md.is_bare_date_line(before.text):
            drop(before, "page display date (the site's header, over its breadcrumb)")


# 'Harbour Enquirer', 'The Norland Gazette': a newspaper's name alone on its line (the nouns papers are named by)
_PAPER_NAME = re.compile(
    rf"^(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){{1,3}}(?:{'|'.join(n.capitalize() for n in PAPER_NOUNS)})$"
)
PAPER_LINES = 8  # it stands with the byline, under the headline


def paper_names(items: list[Line], found: Found) -> None:
    """A newspaper's name alone on a line above the story's first paragraph (under a byline: 'Ada
    Brenner' / 'Harbour Enquirer') is the outlet that published it, not a second writer or a sentence."""
    from .shape import is_prose

    for it in items[:PAPER_LINES]:
        if it.kept and is_prose(it):
            return
        if it.kept and _PAPER_NAME.match(it.text.strip()):
            found.offer_publisher(it.text.strip(), 1, it.where("newspaper's name above the story"))
            drop(it, "masthead / site name")
