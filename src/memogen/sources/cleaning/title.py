"""The headline of a page: the heading-shaped line nearest above the article, and which line of
a printed block (kicker, headline, standfirst) it is."""

from __future__ import annotations

import re

from .. import metadata as md
from ..places import is_country_name
from .lines import Line, list_mark
from .shape import is_heading_like

_LONG_HEADLINE = 24  # words a headline may run to when it stands alone


def section_heading_shape(it: Line) -> bool:
    """'What happened?', 'In the news', 'Background:': a short heading that opens a section."""
    return it.words <= 6 or (it.words <= 10 and it.text.rstrip().endswith(":"))


def find_title(front: list[Line], opening: str = "") -> int | None:
    """The headline: the heading-shaped line nearest above the article.

    A format's own title (a Markdown '# ', a Word Title style) wins.  Otherwise, walking up
    from the first paragraph: a short section heading right above it is skipped when a
    headline stands above it; a lone name, an outlet's or a country's name is skipped the same way
    (the byline, the outlet or the dateline's place under the headline); a line ending in ':' introduces what follows and is never a headline.
    `opening` (the article's first paragraphs) tells a headline from a series label above it.
    """
    for i, it in enumerate(front):
        if it.hint == "title" and it.kept:
            return i
    kept = [i for i, it in enumerate(front) if it.kept and it.hint != "heading"]
    candidates = [
        i
        for k, i in enumerate(kept)
        if (_headline_shaped(front[i]) or _long_headline(front, kept[:k], i))
        and not names_a_section(front[i])
        and not labels_something_else(front[i].text)
        and not _captioned_below(front, i)
    ]
    if candidates and candidates[-1] == kept[-1] and _opens_a_section(front, kept, candidates):
        candidates.pop()
    for pos, i in enumerate(reversed(candidates)):
        it = front[i]
        higher = candidates[: len(candidates) - pos - 1]
        if (
            ((_names_no_headline(it.text) or _credited_below(front, i)) and higher)
            or it.text.rstrip().endswith(":")
            or _masthead_again(front, it, higher)
        ):
            continue
        return _over_its_deck(front, _head_of_block(front, i, set(candidates), opening), higher, opening)
    return None


def capitals_masthead(text: str) -> bool:
    """'THE HARBOUR SHIMBUN': a publication's name printed in capitals, its masthead (a headline in
    capitals says something: 'SRI LANKA'S STATE OF DEFAULT')."""
    return text.strip().isupper() and is_publication_name(text.strip())


def _names_no_headline(text: str) -> bool:
    """A person, an outlet or a country named alone ('Nina Holm', 'Harbour Times', 'United States'):
    the byline, the outlet or the dateline's place under a headline, never the headline itself."""
    return md.is_name(text) or is_publication_name(text) or is_country_name(text)


def lone_common_word(text: str) -> bool:
    """'Abstract', 'Opinion', 'Summary': one ordinary English word labels a part of the page; a headline
    says something about someone ('Brexit', a name, is no common word)."""
    return common_word(text.strip().strip(".:"), 3.0)


def common_word(word: str, at_least: float) -> bool:
    """One word of letters at least this common in English (Zipf scale: 3 is 'summary', 4.5 'world'):
    a word that labels a part of the page ('Opinion', a breadcrumb's 'World'), not a name."""
    if not word.isalpha():
        return False
    from ..text import english_zipf  # the shipped word table, loaded once

    return english_zipf(word.lower()) >= at_least


# 'Editor: huaxia', 'Source: Xinhua', 'Photo Gallery: Typhoon hits', 'Video: ...': a label naming a person's
# part, a source or a medium, then what it labels — the line is about the page's making, never its headline.
_ROLE_LABEL = re.compile(
    r"(?i)^(?:editor|editors|edited by|author|authors|writer|reporter|source|sources|credit|credits|"
    r"photo(?:graph)?s?|photo gallery|gallery|image|images|picture|pictures|video|videos|watch|listen|audio|"
    r"podcast|slideshow|graphic|illustration)\s*:"
)
_LISTING_LABEL = re.compile(
    r"(?i)^(?:[\w'-]+\s+){0,5}(?:tag|tags|tagged|category|categories|archives?|topics?)\s*:\s*\S"
)
_ALT_TEXT_END = re.compile(r"(?i)\b(?:image|thumbnail)$")
# 'HARBOUR Harbour Logo': a logo's alt text, the brand then 'Logo' (a headline about a logo says more)
_LOGO_ALT = re.compile(r"^(?P<brand>(?:[A-Z][\w&.'’-]*\s+){1,3})Logo$")
_UI_IN_TITLE = 2  # interface words ('Download PDF ... Order a Print Copy'): a row of buttons, not a headline


def labels_something_else(text: str) -> bool:
    """A role or medium label ('Editor: ...', 'Photo Gallery: ...'), a byline ('By ...') or a row of
    buttons: lines shaped like a headline that never are one."""
    from .captions import PHOTO_CREDIT_END
    from .chrome import UI_STRONG

    words = re.findall(r"[\w'-]+", text.lower())
    if not re.search(r"[^\W\d_]", text):
        return True  # '4423', '12:05': a counter or a time, no words to head a story
    if _ROLE_LABEL.match(text.strip()) or re.match(
        r"(?i)^(?:(?:published|posted|written)\s+)?by\s", text.strip()
    ):
        return True  # ('Published by Harbour Staff Verified by 2 May': the page's stamp, not its headline)
    if re.fullmatch(r"[\w'-]+\s?:\s?[\w'-]+(?:\s[\w'-]+)?", text.strip()):
        return True  # 'Format: Chicago', 'Category: World': a field and its value
    if _LISTING_LABEL.match(text.strip()):
        return True  # 'Displaying items by tag: harbour', 'Posts tagged: ferry': a listing page's label
    if len(words) >= 2 and _ALT_TEXT_END.search(text.strip()):
        return True  # 'Site News Article Image', 'Featured thumbnail': a picture's alt text
    if logo_brand(text.strip()):
        return True
    if PHOTO_CREDIT_END.search(text.strip()):
        return True  # 'The new mayor at the count. (CNA photo)': a picture's caption and its credit
    return sum(w in UI_STRONG for w in words) >= _UI_IN_TITLE


def logo_brand(text: str) -> str | None:
    """A brand's name then 'Logo': the alt text of the masthead's image, when the brand is one word
    ('Newsday Logo') or printed twice ('NEWSDAY Newsday Logo'); the brand as last printed. 'Port
    Unveils New Logo' is a headline."""
    m = _LOGO_ALT.match(text.strip())
    if m is None:
        return None
    brand = m.group("brand").split()
    lowered = [w.lower() for w in brand]
    return brand[-1] if len(brand) == 1 or len(set(lowered)) < len(lowered) else None


def _captioned_below(front: list[Line], i: int) -> bool:
    """'Prime Minister X announces ... outside No 10' printed again right under itself with a credit
    ('... Source: AAP / Y'): the caption of a picture, whose credit line repeats it."""
    here = front[i].text.strip()
    below = next((it.text.strip() for it in front[i + 1 : i + 3] if it.text.strip() != here), "")
    return len(here.split()) >= 4 and below.startswith(here) and below != here


def _credited_below(front: list[Line], i: int) -> bool:
    """'Bank headquarters in Santa Clara, California' over 'David Morris/Bloomberg/Getty Images': the
    line a picture's credit follows is the picture's caption when a headline stands above it."""
    from .captions import is_standalone_credit

    below = next((it.text.strip() for it in front[i + 1 :] if it.text.strip()), "")
    return bool(below) and is_standalone_credit(below)


def names_a_section(it: Line) -> bool:
    """'What happened?', 'The News', 'Why it matters': a memo section's heading, never the page's headline."""
    if it.words > 6 or (it.words > 3 and not it.text.rstrip().endswith(("?", ":"))):
        return False
    from ...sections.headings import SECTIONS, heading_meaning  # pure; imported when a headline is sought

    return heading_meaning(it.text) in SECTIONS


def _masthead_again(front: list[Line], it: Line, higher: list[int]) -> bool:
    """'SBS Japanese / I cannot deliver - Truss resigns / SBS Japanese': the site's label printed
    above and below the headline; a title repeated as a heading has no other headline between."""
    same = [i for i in higher if front[i].text.strip() == it.text.strip()]
    return bool(same) and any(i > same[-1] and front[i].text.strip() != it.text.strip() for i in higher)


_MENU_WORDS = 3


def _menu_above(front: list[Line]) -> set[int]:
    """The page's menu over its story: the run of short lines at the top of the page when two or more
    of them are numbered or bulleted items ('1. Home', '2. Politics', '• Directory')."""
    from .chrome import short_runs

    top = [i for i, it in enumerate(front) if it.kept]
    runs = short_runs([front[i] for i in top], lambda it: it.words <= _MENU_WORDS)
    run = [top[k] for k in runs[0]] if runs and runs[0][0] == 0 else []
    if sum(bool(list_mark(front[i].text)) for i in run) < 2:
        return set()
    return set(run)


def _over_its_deck(front: list[Line], chosen: int, higher: list[int], opening: str = "") -> int:
    """'New Zealand quake toll rises' / 'Rescuers trying to reach those still trapped': a headline printed
    first on the page, with only a sentence-case deck under it, is the headline; the deck is not.
    Short lines above it ('Home', '2. Politics', 'Alexa') are the page's menu, not a story's lines."""
    menu = _menu_above(front)
    higher = [i for i in higher if i not in menu]
    if len(higher) != 1 or chosen in higher:
        return chosen
    top = higher[0]
    first_kept = next((i for i, it in enumerate(front) if it.kept and not _dated(it) and i not in menu), None)
    between = [it for it in front[top + 1 : chosen] if it.kept]
    head, deck = front[top], front[chosen]
    rest = re.findall(r"[^\W\d_]+", deck.text)[1:]
    sentence_case = len(rest) >= 4 and sum(w[0].islower() for w in rest) >= 0.6 * len(rest)
    if (
        first_kept == top
        and not between
        and sentence_case
        and head.words >= 3
        and (not _label_shaped(head.text) or _capitals_headline(head.text))
        and not _names_the_series(head, deck, opening)
    ):
        return top
    return chosen


def _capitals_headline(text: str) -> bool:
    """'SRI LANKA'S STATE OF DEFAULT': a headline set in capitals (four words or more, no one's name)."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 4 and all(c.isupper() for c in letters) and not is_publication_name(text)


def _head_of_block(front: list[Line], nearest: int, candidates: set[int], opening: str = "") -> int:
    """'Kicker / Headline / Standfirst' printed together: the headline is the first line of the
    block that is no label (a kicker, a section or site name, a masthead); the lines under it
    are its standfirst.  The block is the run of headline-shaped lines right above `nearest`
    with no blank line, byline name or other line between them."""
    block = [nearest]
    k = nearest - 1
    while k >= 0 and k in candidates and not front[k + 1].gap_before and not md.is_name(front[k].text):
        block.insert(0, k)
        k -= 1
    texts = [front[i].text.strip() for i in block]
    head = next(
        (i for i in block if not _label_shaped(front[i].text) and not _repeats_a_lower(front[i].text, texts)),
        nearest,
    )
    return _over_a_series_label(front, head, [i for i in block if i > head], opening)


def _over_a_series_label(front: list[Line], head: int, below: list[int], opening: str) -> int:
    """'Daily news summaries' / 'Keld dam burst leaves hundreds missing': a short line naming the kind
    of page or series shares no word with the article, while the headline under it does; a short
    headline over its deck ('Dam bursts' / 'Hundreds missing as ...') shares the article's words."""
    return next((i for i in below if _names_the_series(front[head], front[i], opening)), head)


def _names_the_series(upper: Line, lower: Line, opening: str) -> bool:
    """The short upper line shares no word with the article's opening; the lower line shares two."""
    if not opening or upper.words > 4:
        return False
    told = _content_words(opening)
    return not _content_words(upper.text) & told and len(_content_words(lower.text) & told) >= 2


def _content_words(text: str) -> set[str]:
    """Word stems (first five letters) of the words of four letters or more: 'bursts' and 'burst' meet."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text.lower())}


def _repeats_a_lower(text: str, block: list[str]) -> bool:
    """'<headline> | Site' over '<headline>': the page's title, which the story's headline repeats."""
    text = text.strip()
    return any(len(t.split()) >= 3 and text != t and text.startswith(t) for t in block)


# Nouns of an organisation's or a publication's name ('Lendrian Institute for Transport Policy',
# 'The Express Tribune'): a masthead above a headline, not a headline.
# The nouns newspapers are named by ('Harbour Enquirer', 'The Norland Gazette'): a masthead's noun here,
# and a newspaper's name alone on its line under a byline in chrome.paper_names.
PAPER_NOUNS = """enquirer inquirer gazette chronicle observer telegraph examiner courier dispatch sentinel bulletin
    ledger herald tribune times post journal daily standard""".split()  # noqa: SIM905
MASTHEAD_NOUN = re.compile(
    r"(?i)\b(?:institute|institution|cent(?:re|er)|university|college|foundation|council|ministry|academy|"
    r"agency|commission|association|society|observatory|forum|bureau|department|news|"
    r"weekly|review|today|express|guardian|monitor|mail|press|media|tv|radio|magazine|digest|insights|wire|"
    rf"blog|newspaper|shimbun|{'|'.join(PAPER_NOUNS)})\b"
)


# A site's section or listing label ('Press Releases', 'Latest News', 'World Daily News', 'Top Stories'):
# a kind of page, not the name of who published it.
_SECTION_LABEL = re.compile(
    r"(?i)^(?:(?:latest|top|world|local|national|international|breaking|daily|more|all|business|politics)\s+)*"
    r"(?:news|stories|headlines|press releases?|news stor(?:y|ies)|opinion|analysis|features?|videos?|podcasts?|"
    r"blogs?|updates|insights|briefs?|alerts?|reports?|articles?|posts?)$"
)
# More nouns of bodies that issue texts under their own name ('High Court of Norland', 'Reserve Bank').
_BODY_NOUN = re.compile(
    r"(?i)\b(?:court|tribunal|parliament|assembly|senate|government|embassy|consulate|bank|fund|organi[sz]ation|"
    r"union|committee|authority|board|corporation|broadcasting|network|channel)\b"
)
_NAME_SMALL_WORDS = frozenset("of for the and & on in de la du al el".split())  # noqa: SIM905


def is_publication_name(text: str) -> bool:
    """'National Institute of Advanced Studies (NIAS)', 'The Harbour Times', 'BBC': the name of an
    organisation or a publication, as a masthead prints it.

    Evidence of a name, not of a label: at most seven capitalised words (small words aside), an
    organisation's or publication's noun among them or a lone acronym, no digits, no sentence or
    label marks, and not a section label ('Press Releases', 'World Daily News').  A masthead
    that shows none of this (a kicker, another story's headline, a player's label) names no one.
    """
    text = re.sub(r"\s*\([A-Z][A-Za-z&.-]{1,12}\)$", "", text.strip())  # '... (NIAS)'
    words = text.split()
    if not 1 <= len(words) <= 7 or re.search(r"[\d:;!?|/@\"“”]|[.,]$", text):
        return False
    if len(words) == 1 and text.isupper() and 2 <= len(text) <= 6:
        return True
    if any(not w[:1].isupper() and w.lower() not in _NAME_SMALL_WORDS for w in words):
        return False
    noun = MASTHEAD_NOUN.search(text) or _BODY_NOUN.search(text)
    return bool(noun) and not _SECTION_LABEL.match(text)


def _label_shaped(text: str) -> bool:
    """A kicker, section or site name, or masthead: one word, capitals only, a colon, a person's
    name, or a short title-case name holding an organisation's or publication's noun."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    if len(words) <= 1 or (letters and all(c.isupper() for c in letters)) or text.rstrip().endswith(":"):
        return True
    if md.is_name(text):
        return True
    title_case = all(w[:1].isupper() for w in words if len(w) > 3)
    return len(words) <= 7 and title_case and bool(MASTHEAD_NOUN.search(text))


def _opens_a_section(front: list[Line], kept: list[int], candidates: list[int]) -> bool:
    """The heading right above the first paragraph opens a section, not the article, when it
    ends in ':'; when it is shorter than the headline above it and only that headline's byline
    or date stands between them ('Title / By A B / Why it matters', 'Libya: The stalemate /
    In the news'); or when it is a short question under a headline ('What happened?').
    A byline or date *below* it makes it the headline they belong to."""
    it = front[kept[-1]]
    if it.text.rstrip().endswith(":"):
        return True
    if any(_is_meta(x) for x in front[kept[-1] + 1 :]):
        return False
    higher = [i for i in candidates if i < kept[-1] and not md.is_name(front[i].text)]
    if not higher:
        return False
    between = front[higher[-1] + 1 : kept[-1]]
    bylined = any(_is_meta(x) or (x.kept and md.is_name(x.text)) for x in between)
    only_byline = all(_is_meta(x) or not x.kept or md.is_name(x.text) or _is_date_line(x) for x in between)
    shorter = it.words < front[higher[-1]].words
    if (
        section_heading_shape(it)
        and shorter
        and only_byline
        and (bylined or not any(x.kept for x in between))
    ):
        return True
    return it.text.rstrip().endswith("?") and it.words <= 4


def _is_date_line(it: Line) -> bool:
    return it.words <= 14 and bool(md.find_dates(it.text)) and len(md.date_leftover(it.text).split()) < 6


def _is_meta(it: Line) -> bool:
    """A line pass 1 read as the article's metadata (byline, author list, publication or issue line)."""
    return not it.kept and any(
        k in it.reason for k in ("byline", "author list", "publication line", "issue line")
    )


# a sentence's stop at the end, or before a bar and what follows it ('... a year. | Amanda R. Gray/AP'):
# a caption and its credit, or a sentence of the story with the site's name after it
_ENDS_A_SENTENCE = re.compile(r"[.,;…](?:\s+\|\s+[^|]{1,60})?$")


def _long_headline(front: list[Line], kept_above: list[int], i: int) -> bool:
    """A headline of 15-24 words ('Democratic Convention in the US and the formal nominations of
    ...', '115 dead in the August 2023 wildfires - 100 reported safe ...': a number may open it, as
    it opens a short heading), unless it sits right under a shorter headline: then it is that
    headline's standfirst."""
    it = front[i]
    first = it.text.lstrip("'\"‘“")[:1]  # ('‘We will not yield’ ...': a long headline opening with a quote)
    opens = first.isupper() or first.isdigit()
    if not 14 < it.words <= _LONG_HEADLINE or _ENDS_A_SENTENCE.search(it.text) or not opens:
        return False
    if _dated(it):
        return False
    return not (kept_above and kept_above[-1] == i - 1 and _headline_shaped(front[i - 1]))


def _dated(it: Line) -> bool:
    """A date line ('3 May 2025 | Updated ...'); a headline that names a date ('..., Marren Sound,
    2 May 2025') is not one."""
    segmented = re.search(r"\s[|·•]\s", it.text)
    return bool(md.find_dates(it.text)) and bool(segmented or len(md.date_leftover(it.text).split()) < 6)


def _headline_shaped(it: Line) -> bool:
    """Heading-shaped, or a headline opening with a quote ("'I cannot deliver' - Truss resigns");
    never a date line, in any language ('Postado Setembro 22, 2017')."""
    if _dated(it) or (it.words <= 6 and md.parse_loose_date(it.text)):
        return False
    unquoted = it.text.lstrip("'\"‘“")
    if unquoted != it.text and unquoted[:1].isupper():
        it = Line(unquoted, it.lineno)
    return is_heading_like(it) or it.text.endswith(("?", "!"))
