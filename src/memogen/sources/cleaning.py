"""From raw lines to the article body: general rules, every cut recorded with its reason.

A page dump is a headline zone (masthead, page date, headline, byline, date), the
article, and a tail (author note, share buttons, lists of other posts).  The rules
look at what a line *is* (a prompt made only of interface words, a "4 hours ago"
stamp, a date and nothing else, a person's name) and *where* it is (above or below
the headline, between article paragraphs, after the last one).  No rule names a
site or a phrase of a particular site.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import DroppedLine, ReferenceAnchor, SourceReference
from . import metadata as md
from .footnotes import CITATION_LIKE, anchors_from_sentinels, find_note_lines, mark_inline, parse_reference
from .text import document_words, normalise_spaces, repair_joins, unescape_markdown, word_count

# Words that make up interface chrome (buttons, menus, prompts) in English page dumps.
_UI_WORDS = frozenset(
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
_UI_STRONG = frozenset(
    """share tweet print comment comments reply top subscribe login register follow menu skip navigation
    nav toggle newsletter advertisement sponsored ads ad cookie cookies whatsapp facebook twitter
    linkedin telegram pinterest reddit instagram mobile bookmark related recent trending popular posts
    stories read next previous prev email e-mail copy listen""".split()  # noqa: SIM905
)
_LIST_HEADING = re.compile(
    r"(?i)^(?:recent|related|latest|more|most (?:read|popular|viewed)|trending|popular|top|also read|read (?:also|more|next)|"
    r"you (?:may|might) (?:also )?like|recommended|editor'?s picks|in (?:this|other) (?:section|news))\b.{0,30}$"
)
_RELATIVE_TIME = re.compile(
    r"(?i)^(?:updated\s+|posted\s+)?(?:(?:\d+|an?|one|few)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago|just now|yesterday|today)\.?$"
)
_CLICK = re.compile(r"(?i)^(?:click|tap|press)\s+(?:here|below|on|the|this|to)\b")
_DISCLAIMER = re.compile(
    r"(?i)(^disclaimer\b|^\(?\s*(?:the\s+)?(?:views?|opinions?)\s+(?:and\s+opinions?\s+)?expressed\b"
    r"|\b(?:author|writer|contributor)s?(?:'s|’s)?\b.{0,80}\bdo(?:es)? not (?:necessarily )?(?:represent|reflect)\b"
    r"|^©|^copyright\b|\ball rights reserved\b)"
)
_SUBSCRIBE = re.compile(
    r"(?i)^(?:subscribe|sign up|join|get|receive|stay|never miss)\b.*\b(?:newsletter|updates|inbox|subscribe|news)\b"
    r"|\bour newsletter\b|\bdelivered to your inbox\b|^subscribe\b"
    r"|^newsletters?\s*[:|–—-]|(?:^|[.!?]\s+)(?:sign up|subscribe)(?: now| here| today)?[.!]?$"
)
# Paywall offers: imperative "Get unlimited access ..." or a price per period next to "subscribe".
_PAYWALL = re.compile(
    r"(?i)^(?:get|enjoy|unlock|gain|try)\s+(?:\w+\s+){0,2}?(?:unlimited|full|unrestricted|digital|instant|premium)\s+access\b"
    r"|^already an? (?:subscriber|member)\b|^(?:start|begin) (?:your|a) free trial\b"
    r"|^(?:subscribe|join)\b.{0,60}[€$£]\s?\d+(?:[.,]\d+)?\s*(?:a|per|/)\s*(?:month|week|year)\b"
)
_CREDIT = re.compile(
    r"(?i)^(?:edited|reviewed|translated|compiled|illustrat\w+|photos?|photographs?|images?|design(?:ed)?)\s+by\b\s*:?\s*(?P<who>.*)$"
)
_SEE_ALSO = re.compile(
    r"(?i)^(?:also read|read also|read more|more on this|see also|related|recommended|watch|listen|must read|don'?t miss)\s*[:|»>–—-]\s*\S"
)
_CAPTION = re.compile(
    r"(?i)^\(?\s*(?:file\s+)?(?:photo|image|picture|illustration|graphic|video)s?\s*(?:credit)?\s*[:/|©]"
    r"|\s[—–]\s*(?:file\s+)?(?:photo|image|picture|screengrab|screenshot)s?\b[^.]*$"
    r"|\bphoto(?:graph)?s?\s+(?:courtesy|credit)\b"
    r"|[.!]\s+(?:photo(?:graph)?|image|picture)s?(?:\s+credit)?\s*:\s*[^.]{1,60}[*_]*$"
    r"|\(\s*(?:photo(?:graph)?|image|picture|illustration)s?(?:\s+credit)?\s*:[^)]{1,60}\)[*_]*$"
    r"|\[[^\]]*(?:\bvia\b|/)\s*(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Anadolu|Xinhua|Handout)[^\]]*\]$"
    r"|^(?:getty images|afp|reuters|ap|epa)(?:\s*/\s*\w+)?\)?$"
)
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_RELEASE_LABEL = re.compile(
    r"(?i)^(?:for immediate release|(?:press|news|media) release|embargoed\b.{0,60}|ends|-\s*ends\s*-)\s*:?$"
)
# Press-release boilerplate after the story: "About <Organisation>", "Notes to editors", "Media contact".
_RELEASE_TAIL = re.compile(
    r"^(?:About\s+(?:the\s+)?[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9&][\w&.'’-]*){0,5}"
    r"|(?i:notes?\s+to\s+editors?|(?:media|press)\s+(?:contacts?|enquiries|inquiries)|for further information))\s*:?$"
)
# A wire or press-release dateline opening the first paragraph: "OSLO, May 3 (Reuters) - ".
_LEAD_DATELINE = re.compile(r"^(?P<head>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*,[^.]{0,50})\s[–—-]{1,2}\s")
_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
_AGENCY = re.compile(r"\((?P<agency>[A-Z][\w&.' ]{1,30})\)")
_SOCIAL = re.compile(
    r"(?i)^(?:like|follow|join|subscribe to|find|connect with)\b.*\b(?:facebook|twitter|instagram|whatsapp|telegram|linkedin|youtube|tiktok)\b"
    r"|\b(?:follow|like|join) us\b"
)
_CONTACT = re.compile(r"(?i)(?:\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?:^|\s)@\w{2,}\b)")
_COOKIES = re.compile(r"(?i)\bcookies?\b.{0,120}\b(?:website|site|browsing|browser|consent|accept|privacy)\b")
# '© 2025 Norland Today. All rights reserved.': the page's owner, the publisher when nothing better names one.
_COPYRIGHT_OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?P<owner>[A-Z][^\W\d_]*(?:[ &'’-]+[^\W\d_]+){0,6}?)\.?(?:\s+\d{4})?\.?(?:\s+all rights reserved\.?)?$",
    re.I,
)
# Consent banners (IAB/GDPR wording) and their buttons, which need not say "cookie".
_CONSENT = re.compile(
    r"(?i)\bwe and our (?:\d+\s+)?(?:partners|vendors)\b|\bstore and(?:/or)? access information on (?:a|your) device\b"
    r"|\bpersonali[sz]ed (?:ads|advertising) and content\b|^we value your privacy\b|^your privacy (?:choices|settings)\b"
    r"|^(?:accept|reject|allow|refuse|decline)(?: all| cookies| and (?:close|continue))?$|^manage (?:preferences|options|consent|cookies|settings)$"
    r"|^(?:cookie|privacy) (?:settings|preferences|policy)$"
)
# A live blog's entry stamp ("14:32 BST", "9.05am") and its labels ("Live", "Key events").
_ENTRY_TIME = re.compile(r"(?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|GMT[+-]\d{1,2}))?$")
_LIVE_LABEL = re.compile(r"(?i)^(?:live|live updates|key events|show key events only|pinned post|breaking)$")
# Newsletter modal: the e-mail field's placeholder and the refusal button.
_MODAL = re.compile(
    r"(?i)^(?:your e-?mail(?: address)?|enter your e-?mail(?: address)?|e-?mail address|no,? thanks|maybe later|sign me up)$"
)
_READING_TIME = re.compile(r"(?i)^(?:reading time:?\s*)?\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read(?:ing)?)?$")
_CONTRIBUTORS = re.compile(
    r"(?i)^(?:(?:additional )?reporting|writing|editing|edited|compiled|translated|fact-checked)\s+by\b"
)
_COMMENTS_HEAD = re.compile(
    r"(?i)^(?:\d+\s+(?:comments?|responses?|replies)|(?:reader )?comments?(?:\s*\(\d+\))?|(?:responses?|replies)\s*\(\d+\))\s*:?$"
    r"|^(?:leave a (?:reply|comment)|join the (?:conversation|discussion)|add (?:a|your) comment)\b"
)
_BIBLIO_HEAD = re.compile(
    r"(?i)^(?:references|bibliography|works cited|sources|notes|endnotes|further reading)\s*:?$"
)
_URL_LINE = re.compile(
    r"(?i)^(?:(?:source|url|link|permalink|short url|original(?: article)?|retrieved from|available at|read online)\s*:?\s*)?"
    r"<?(?P<url>https?://[^\s<>]+?)>?[.]?$"
)
_BULLET = re.compile(r"^\s*[•·▪●◦►»\-–*]\s*")
_PAGE_NUMBER = re.compile(
    r"(?i)^(?:page\s*\d{1,4}|[-–]?\s*\d{1,3}\s*[-–]?)(?:\s*(?:of|/)\s*\d{1,4})?$"
)  # not "2014"
_SENTINELS = re.compile("\ue000[^\ue001]*\ue001")
# Sentence ends in Latin, Cyrillic, Arabic/Urdu (۔ ؟) and CJK (。！？) text.
_TERMINAL = re.compile(r"[.!?…۔؟。！？][\"”’')\]»]*$")
_SENTENCE_INSIDE = re.compile(
    r"(?:[^\W_A-Z][.!?]|[۔؟。！？])[\"”’»]?\s+[^\W\d_a-z]|[a-z0-9)\"”’][.!?][\"”’]?\s+[A-Z\"“‘]"
)


@dataclass
class RawLine:
    """One line as a reader produced it; `hint` is what the format itself said (heading, title)."""

    text: str
    lineno: int
    hint: str | None = None


@dataclass
class Found:
    """Metadata the cleaner recognised in the text, with how sure it is of the date."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: dt.date | None = None
    date_rank: int = 0  # 3 labelled "Published ..." line, 2 dateline under the headline, 1 weaker
    author_bio: list[str] = field(default_factory=list)
    publisher_rank: int = 0  # 3 "Published in X", 1 masthead line
    url: str | None = None

    def offer_publisher(self, publisher: str | None, rank: int) -> None:
        if publisher and rank > self.publisher_rank:
            self.publisher, self.publisher_rank = publisher, rank

    def offer_date(self, date: dt.date | None, rank: int) -> None:
        if date and rank > self.date_rank:
            self.date, self.date_rank = date, rank


@dataclass
class CleanResult:
    text: str
    dropped: list[DroppedLine]
    headings: list[tuple[int, str]]
    found: Found
    references: list[SourceReference]
    anchors: list[ReferenceAnchor]
    repairs: list[str] = field(default_factory=list)  # "repaired join: 'Groupwas' -> 'Group was'"


@dataclass
class _Item:
    text: str
    lineno: int
    hint: str | None = None
    gap_before: bool = False
    after_cut: bool = False
    role: str = "body"  # body / heading / drop
    reason: str = ""

    @property
    def words(self) -> int:
        return word_count(self.text)


# --------------------------------------------------------------------------- line predicates


def _bare(text: str) -> str:
    return re.sub(r"[^\w\s'’-]", " ", _BULLET.sub("", text)).lower()


def is_ui_prompt(text: str) -> bool:
    """A short line made only of interface words ("Share", "Leave a Comment", "Back to top")."""
    words = _bare(text).split()
    return 0 < len(words) <= 6 and all(w in _UI_WORDS for w in words) and any(w in _UI_STRONG for w in words)


def is_pipe_row(text: str) -> bool:
    """'April 2021 | Series # 508' or '2021 | 2020 | 2019': a listing or menu row, not a sentence."""
    parts = [p.strip() for p in re.split(r"\s[|·]\s|(?<=\w)\|(?=\w)", text)]
    return len(parts) >= 2 and all(0 < word_count(p) <= 6 and not p.endswith(".") for p in parts)


def is_teaser(text: str) -> bool:
    """A cut-off excerpt of another article ("The number of passengers…")."""
    return text.rstrip().endswith(("…", "...")) and not text.rstrip().endswith(("”…", '"…'))


def is_prose(item: _Item) -> bool:
    """A real paragraph: long enough and shaped as sentences."""
    text = _SENTINELS.sub("", item.text)
    n = item.words
    if n >= 15 and (_TERMINAL.search(text) or _SENTENCE_INSIDE.search(text)):
        return True
    return n >= 25  # a long unterminated line is text cut by a page break


def is_heading_like(item: _Item) -> bool:
    text = item.text
    first = text[:1]
    starts_like_a_heading = first.isdigit() or (
        first.isalpha() and not first.islower()
    )  # caseless scripts too
    return 0 < item.words <= 14 and not re.search(r"[.,;…۔]$", text) and starts_like_a_heading


def classify_junk(text: str) -> str | None:
    """Reasons that hold for a line wherever it stands."""
    if _RELATIVE_TIME.match(text):
        return "relative timestamp (sidebar)"
    if is_ui_prompt(text):
        return "navigation / share / comment prompt"
    if _CLICK.match(text) and word_count(text) <= 12:
        return "link prompt"
    if _DISCLAIMER.search(text) and word_count(text) <= 45:
        return "disclaimer / copyright notice"
    if (_SUBSCRIBE.search(text) and word_count(text) <= 15) or (
        _PAYWALL.search(text) and word_count(text) <= 25
    ):
        return "subscription prompt"
    if _SEE_ALSO.match(text) and word_count(text) <= 20:
        return "link to another article"
    if _CAPTION.search(text) and word_count(text) <= 40:
        return "image caption / credit"
    if _SOCIAL.search(text) and word_count(text) <= 40:
        return "social media prompt"
    if _CONTACT.search(text) and word_count(text) <= 10:
        return "contact / social handle line"
    if _COOKIES.search(text) and word_count(text) <= 45:
        return "cookie notice"
    if _CONSENT.search(text) and word_count(text) <= 60:
        return "cookie / consent banner"
    if _ENTRY_TIME.match(text):
        return "live-blog entry time"
    if _LIVE_LABEL.match(text) or _MODAL.match(text):
        return "live-blog label / newsletter form"
    if _PAGE_NUMBER.match(text):
        return "page number"
    if _MD_IMAGE.match(text):
        return "image (markdown)"
    if _RELEASE_LABEL.match(text):
        return "press-release label"
    if _READING_TIME.match(text):
        return "reading-time label"
    if _CONTRIBUTORS.match(text) and word_count(text) <= 25:
        return "contributor credit"
    return None


# --------------------------------------------------------------------------- the pipeline of rules


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
        lines, texts = _unwrap(lines, texts)
    references, texts, cut_at = _take_footnotes(lines, texts, dropped)
    items = _items(lines, texts, cut_at)
    found = Found()
    _drop_everywhere(items, known_title, found)
    first = next((i for i, it in enumerate(items) if it.role == "body" and is_prose(it)), len(items))
    _front_matter(items[:first], found)
    if first < len(items):
        _lead_dateline(items[first], found, dropped)
    _notes_and_bios(items, first, found, known_authors or [])
    _sidebars(items, first)
    _end_sections(items, first)
    _release_issuer(items, found)
    _trailing_names(items, first, found)
    _tail(items, found)
    _pull_quotes(items)
    _headings(items)
    _paragraph_numbers(items)
    for it in items:
        if it.role == "drop":
            dropped.append(DroppedLine(line=it.text, reason=it.reason, lineno=it.lineno))
    text, headings, repairs = _assemble(items)
    text, anchors = anchors_from_sentinels(text)
    headings = _heading_offsets(text, [h for _, h in headings])
    dropped.sort(key=lambda d: d.lineno)
    return CleanResult(
        text, dropped, [(o, h) for o, h in headings if o >= 0], found, references, anchors, repairs
    )


def _heading_offsets(text: str, headings: list[str]) -> list[tuple[int, str]]:
    """Offsets of heading paragraphs, in order (a heading used twice gets both places)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for heading in headings:
        m = re.compile(rf"(?:^|\n\n){re.escape(heading)}(?=\n\n|$)").search(text, pos)
        if m:
            start = m.start() + (2 if m.group(0).startswith("\n") else 0)
            out.append((start, heading))
            pos = start + len(heading)
    return out


def _unwrap(lines: list[RawLine], texts: list[str]) -> tuple[list[RawLine], list[str]]:
    """Hard-wrapped text (e-mail, PDF-to-text): join the lines of one paragraph.

    A line joins the one before when that one ran to the wrap width (or the new
    line starts in lower case): a line that stopped short ended its paragraph,
    so "Share" after a paragraph's last line stays a line of its own.
    """
    lengths = sorted(len(t) for t in texts if len(t.split()) >= 5) or [80]
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out_lines: list[RawLine] = []
    out_texts: list[str] = []
    last_raw = ""
    for ln, text in zip(lines, texts, strict=True):
        prev = out_texts[-1] if out_texts else ""
        ran_to_margin = len(last_raw) >= 0.7 * width and not re.match(r"^#{1,6}\s", last_raw)
        joinable = (
            prev
            and text
            and ln.hint is None
            and not _BULLET.match(text)
            and not re.match(r"^#{1,6}\s", text)
            and (ran_to_margin or (text[:1].islower() and not _TERMINAL.search(last_raw)))
            and not (_TERMINAL.search(last_raw) and len(text) < 0.5 * width and text[:1].isupper())
        )
        last_raw = text
        if joinable:
            if prev.endswith("-") and text[:1].islower() and prev[-2:-1].isalpha():
                out_texts[-1] = prev[:-1] + text
            else:
                out_texts[-1] = prev + " " + text
            continue
        out_lines.append(ln)
        out_texts.append(text)
    return out_lines, out_texts


def _take_footnotes(
    lines: list[RawLine], texts: list[str], dropped: list[DroppedLine]
) -> tuple[list[SourceReference], list[str], set[int]]:
    notes = find_note_lines(texts)
    markers = {n.marker for n in notes if n.style != "plain"}
    glued = {n.marker for n in notes if n.style == "plain"}
    references = []
    note_idx = {n.index for n in notes}
    for n in notes:
        ref = parse_reference(n.marker, n.text)
        if not any(r.marker == ref.marker for r in references):
            references.append(ref)
        dropped.append(
            DroppedLine(
                texts[n.index], f"source's own footnote {n.marker} (→ references)", lines[n.index].lineno
            )
        )
    cut_at: set[int] = set()
    out = []
    for i, text in enumerate(texts):
        if i in note_idx:
            out.append("")
            j = i + 1
            while j < len(texts) and (not texts[j].strip() or j in note_idx):
                j += 1
            cut_at.add(j)
        else:
            out.append(mark_inline(text, markers, glued) if notes else text)
    return references, out, cut_at


def _items(lines: list[RawLine], texts: list[str], cut_at: set[int]) -> list[_Item]:
    items: list[_Item] = []
    gap = False
    for i, (ln, text) in enumerate(zip(lines, texts, strict=True)):
        if not text:
            gap = True
            continue
        hint = ln.hint
        heading = re.match(r"^(#{1,6})\s+(.*)$", text)
        if heading:
            level_one_first = len(heading.group(1)) == 1 and not items
            text, hint = heading.group(2).strip(), hint or ("title" if level_one_first else "heading")
        items.append(_Item(text=text, lineno=ln.lineno, hint=hint, gap_before=gap, after_cut=i in cut_at))
        gap = False
    return items


def _drop(item: _Item, reason: str) -> None:
    if item.role != "drop":
        item.role, item.reason = "drop", reason


def _drop_everywhere(items: list[_Item], known_title: str | None, found: Found) -> None:
    prev: _Item | None = None
    for it in items:
        reason = classify_junk(it.text)
        url = _URL_LINE.match(it.text)
        if url:
            found.url = found.url or url.group("url")
            _drop(it, "page address (→ metadata.url)")
        elif reason:
            _drop(it, reason)
            owner = _COPYRIGHT_OWNER.match(it.text)
            if owner:
                found.offer_publisher(owner.group("owner").strip(), 1)
        elif is_pipe_row(it.text) and not md.find_dates(it.text) and md.byline_names(it.text) is None:
            _drop(it, "navigation / listing row")
        elif prev is not None and it.text == prev.text:
            _drop(it, "duplicate line")
        elif known_title and _same(it.text, known_title) and it.hint != "heading":
            _drop(it, "title (→ metadata.title)")
        elif _LIST_HEADING.match(it.text) and not _TERMINAL.search(it.text) and it.words <= 6:
            it.reason = "list-heading"  # decided by the sidebar rule
        prev = it
    _share_bars(items)


def _share_bars(items: list[_Item]) -> None:
    """'Facebook / Count / Twitter / Email / Copy link': a run of tiny lines, mostly buttons."""
    run: list[_Item] = []
    for it in [*items, None]:
        if it is not None and it.words <= 2 and not _TERMINAL.search(it.text) and it.hint is None:
            run.append(it)
            continue
        buttons = sum(
            1
            for x in run
            if x.reason.startswith("navigation") or is_ui_prompt(x.text) or _bare(x.text).strip() in _UI_WORDS
        )
        if len(run) >= 3 and buttons * 2 >= len(run):
            for x in run:
                _drop(x, "share / navigation buttons")
        run = []


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def _front_matter(front: list[_Item], found: Found) -> None:
    """Headline zone: masthead, page date, headline, byline, dateline, affiliation, credits."""
    zone = _HeadlineZone(front, found)
    for i, it in enumerate(front):
        if not zone.step(i, it):
            zone.expect_names = zone.expect_credit = zone.affiliation_open = False


@dataclass
class _HeadlineZone:
    """The lines above the first paragraph, read in order; a byline opens what may follow it."""

    front: list[_Item]
    found: Found
    expect_names: bool = False  # after a bare "By"
    expect_credit: bool = False  # after a bare "Edited by"
    author_seen: bool = False
    affiliation_open: bool = False  # right after the author's name

    def __post_init__(self) -> None:
        self.title_idx = _find_title(self.front)
        self.menu = _menu_runs(self.front[: self.title_idx or 0])

    def step(self, i: int, it: _Item) -> bool:
        """Handle one line; True keeps the expectations a byline or credit opened."""
        if it.role == "drop":
            credit = _CREDIT.match(it.text)
            self.expect_credit = bool(credit) and not credit.group("who").strip()
            return True
        if i == self.title_idx:
            self.found.title = self.found.title or it.text
            _drop(it, "title (→ metadata.title)")
            return True
        note = md.publication_note(it.text)
        if note:
            _take_publication(note, self.found)
            _drop(it, "publication line (→ metadata date/publisher)")
            return False
        return self._people(i, it) or self._other(i, it)

    def _people(self, i: int, it: _Item) -> bool:
        """Bylines, credits, author names and the affiliation lines under them."""
        if self._segmented_byline(it):
            return True
        names = md.byline_names(it.text)
        credit = _CREDIT.match(it.text)
        after_title = self.title_idx is not None and i > self.title_idx
        if names is not None:
            self._add_authors(names)
            self.expect_names, self.affiliation_open = not names, bool(names)
            _dateline(it.text, self.found, _stamp_rank(it.text))
            _drop(it, "byline (→ metadata.authors)")
        elif credit:
            self.expect_credit = not credit.group("who").strip()
            _drop(it, "editor / contributor credit")
        elif self.expect_credit and md.is_name(it.text):
            _drop(it, "editor / contributor credit")
            return False
        elif (self.expect_names or (after_title and not self.author_seen)) and md.split_names(it.text):
            self._add_authors(md.split_names(it.text))
            self.affiliation_open = True
            _drop(it, "byline (→ metadata.authors)")
        elif (
            self.affiliation_open
            and not it.gap_before
            and is_heading_like(it)
            and md.looks_like_affiliation(it.text)
        ):
            self.found.author_bio.append(it.text)
            _drop(it, "author affiliation (→ metadata.author_bio)")
        else:
            return False
        return True

    def _segmented_byline(self, it: _Item) -> bool:
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
        self._add_authors(names)
        for part in parts:
            if md.find_dates(part):
                _dateline(part, self.found, _stamp_rank(part))
        for part, part_names in found:
            if (
                part_names is None
                and not md.find_dates(part)
                and len(part.split()) <= 6
                and part[:1].isupper()
            ):
                self.found.offer_publisher(part, 1)
        _drop(it, "byline (→ metadata.authors)")
        return True

    def _add_authors(self, names: list[str]) -> None:
        """'By Staff Reporter' is a byline without a person: the line goes, no author is recorded."""
        self.found.authors += [n for n in names if n not in self.found.authors and not md.is_role(n)]
        self.author_seen = self.author_seen or bool(names)

    def _other(self, i: int, it: _Item) -> bool:
        """Date lines anywhere in the zone; menus and mastheads above the headline."""
        above_title = self.title_idx is not None and i < self.title_idx
        if it.words <= 14 and (md.find_dates(it.text) or (it.words <= 6 and md.parse_loose_date(it.text))):
            _date_line(it, self.found, above_title)
        elif above_title and not _sentence_like(it.text):
            if i in self.menu:
                _drop(it, "navigation menu")
            else:
                if is_heading_like(it) and not md.is_name(it.text):
                    self.found.offer_publisher(it.text, 1)
                _drop(it, "masthead / site name")
        return False


def _menu_runs(zone: list[_Item]) -> set[int]:
    """Three or more one- or two-word lines in a row above the headline: a site's menu."""
    out: set[int] = set()
    run: list[int] = []
    for i, it in enumerate([*zone, None]):
        if it is not None and it.words <= 2 and is_heading_like(it):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _find_title(front: list[_Item]) -> int | None:
    """The headline: the longest heading-like line before the first byline (or in the whole zone)."""
    for i, it in enumerate(front):
        if it.hint == "title" and it.role != "drop":
            return i
    candidates: list[int] = []
    for i, it in enumerate(front):
        if it.role == "drop" or it.hint == "heading":
            continue
        is_meta = (
            md.byline_names(it.text) is not None or md.publication_note(it.text) or _CREDIT.match(it.text)
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


def _dateline(text: str, found: Found, rank: int) -> None:
    dates = md.find_dates(text)
    found.offer_date(dates[0].date if dates else md.parse_loose_date(text), rank)


def _stamp_rank(text: str) -> int:
    """A date labelled 'Updated'/'Modified' in a byline is the page's last edit: it counts only
    when the page gives no other date (rank 1); an unlabelled byline date is the article's (2)."""
    return 1 if re.search(r"(?i)\b(?:updated|modified|edited)\b", text) else 2


def _lead_dateline(it: _Item, found: Found, dropped: list[DroppedLine]) -> None:
    """'HAVLAND, Norland – 4 May 2025 – ...' or 'OSLO, May 3 (Reuters) - ...' opening the first paragraph.

    The dateline says where and when the story was filed, and by which agency: it goes to
    the metadata (weakest date evidence, used only when the page gives nothing better) and
    leaves the text, so a memo never quotes it and its filing date is not read as the event's.
    """
    m = _LEAD_DATELINE.match(it.text)
    rest = it.text[m.end() :] if m else ""
    if not m or not rest[:1].isupper() and rest[:1] not in "“\"‘'":
        return
    head = m.group("head")
    agency = _AGENCY.search(head)
    if not (md.find_dates(head) or agency or _MONTH_DAY.search(head)):
        return  # 'NATO, the alliance said - ...': a sentence, not a dateline
    if md.find_dates(head):
        _dateline(head, found, 1)
    if agency:
        found.offer_publisher(agency.group("agency").strip(), 2)  # beats a section label above the headline
    dropped.append(
        DroppedLine(
            line=it.text[: m.end()].strip(), reason="dateline of the story (→ metadata)", lineno=it.lineno
        )
    )
    it.text = rest


def _date_line(it: _Item, found: Found, above_title: bool) -> None:
    """A bare weekday date above the headline is the page's "today" stamp, not the article's.

    A bare date above the headline without a weekday may be either; it counts
    only when nothing better (a labelled or a below-headline date) exists.
    """
    if md.is_bare_date_line(it.text) and above_title:
        if md.is_display_stamp(it.text):
            _drop(it, "page display date (not the article's date)")
            return
        _dateline(it.text, found, 1)
        _drop(it, "dateline above the headline (weak → metadata.date)")
        return
    _dateline(it.text, found, 2 if not above_title or md.date_leftover(it.text) else 1)
    _drop(it, "dateline (→ metadata.date)")


def _notes_and_bios(items: list[_Item], first: int, found: Found, known_authors: list[str]) -> None:
    """Publication lines and author bios, wherever they sit after the headline zone.

    Runs before the sidebar rule so that a bio next to the share buttons is
    recorded as a bio, not thrown away with the buttons.
    """
    for it in items[:first]:  # a short author note above the first paragraph, e.g. under an op-ed's title
        if it.role != "drop" and known_authors and md.is_bio(it.text, known_authors):
            found.author_bio.append(it.text)
            _drop(it, "author bio (→ metadata.author_bio)")
    for it in items[first:]:
        if it.role == "drop":
            continue
        note = md.publication_note(it.text)
        if note:
            _take_publication(note, found)
            _drop(it, "publication line (→ metadata date/publisher)")
        elif md.is_bio(it.text, [*found.authors, *known_authors]):
            found.author_bio.append(it.text)
            _drop(it, "author bio (→ metadata.author_bio)")
        elif md.is_bare_date_line(it.text):
            _dateline(it.text, found, 1)
            _drop(it, "date stamp (→ metadata.date if nothing better)")


def _end_sections(items: list[_Item], first: int) -> None:
    """A comments section or a bibliography that starts late in the page runs to the end.

    'Late' means after most of the article's prose, so a "Comments (3)" link
    near the headline never takes the article with it.
    """
    prose = {k for k, it in enumerate(items) if k >= first and it.role != "drop" and is_prose(it)}
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
        if _COMMENTS_HEAD.match(it.text) or (
            it.role == "drop" and it.reason.startswith("navigation") and "comment" in it.text.lower()
        ):
            reason = "comments section"
        elif _BIBLIO_HEAD.match(it.text):
            reason = "the source's bibliography"
        elif _RELEASE_TAIL.match(it.text):
            reason = "press-release boilerplate (about the issuer, contacts)"
        if reason:
            rest = items[k:]
            if reason == "the source's bibliography" and any(_COMMENTS_HEAD.match(x.text) for x in rest[1:]):
                rest = rest[: next(i for i, x in enumerate(rest) if i and _COMMENTS_HEAD.match(x.text))]
            if reason == "the source's bibliography" and not _mostly_citations(rest[1:]):
                continue  # a "Notes" or "Sources" section of the article itself
            for x in rest:
                _drop(x, reason)
            if reason == "comments section":
                return


def _release_issuer(items: list[_Item], found: Found) -> None:
    """A press release's 'About Nordvik Lines' names who issued it: the publisher, when nothing better does."""
    for it in items:
        if it.reason.startswith("press-release boilerplate"):
            m = re.match(r"^About\s+(?:the\s+)?(?P<org>[A-Z0-9].*?)\s*:?$", it.text)
            if m:
                found.offer_publisher(m.group("org"), 1)
            return


def _mostly_citations(entries: list[_Item]) -> bool:
    """Entries with years, URLs or quoted titles: a reference list, not paragraphs of the article."""
    live = [x for x in entries if x.role != "drop"]
    return bool(live) and sum(1 for x in live if CITATION_LIKE.search(x.text)) * 2 >= len(live)


def _take_publication(note: md.PublicationNote, found: Found) -> None:
    found.offer_date(note.date, 1 if note.verb in ("updated", "last updated") else 3)
    found.offer_publisher(note.publisher, 3)
    found.authors += [a for a in note.authors if a not in found.authors]


def _trailing_names(items: list[_Item], first: int, found: Found) -> None:
    """A name on its own line after the article is the author's byline when the page shows it is:
    the name repeats, a bio starting with it follows, or nothing but names follows it."""
    last_prose = max((k for k, it in enumerate(items) if it.role != "drop" and is_prose(it)), default=-1)
    for k, it in enumerate(items[first:], start=first):
        if it.role == "drop" or not md.is_name(it.text):
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        rest = [x for x in items[k + 1 :] if x.role != "drop"]
        only_names_follow = k > last_prose and all(md.is_name(x.text) or x.text == it.text for x in rest)
        if (nxt is not None and nxt.text == it.text) or _later_bio(items, k, it.text) or only_names_follow:
            if it.text not in found.authors:
                found.authors.append(it.text)
            _drop(it, "author name line (→ metadata.authors)")


def _later_bio(items: list[_Item], k: int, name: str) -> bool:
    return any(
        it.text.startswith(name) and (md.is_bio(it.text, [name]) or it.reason.startswith("author bio"))
        for it in items[k + 1 : k + 4]
    )


def _later_prose(items: list[_Item], k: int) -> bool:
    return any(it.role != "drop" and is_prose(it) and not md.is_bio(it.text, []) for it in items[k + 1 :])


def _sidebars(items: list[_Item], first: int) -> None:
    """Runs of short lines carrying 'N hours ago' stamps, teasers, bullets or listing rows."""
    run: list[_Item] = []
    for it in [*items[first:], None]:
        listy = it is not None and (
            it.role == "drop"
            or is_teaser(it.text)
            or not is_prose(it)
            and (it.words <= 14 or is_pipe_row(it.text))
        )
        if listy and it is not None:
            run.append(it)
            continue
        _judge_run(run)
        run = []


def _judge_run(run: list[_Item]) -> None:
    strong = sum(
        1
        for it in run
        if it.reason in ("relative timestamp (sidebar)", "list-heading") or is_pipe_row(it.text)
    )
    weak = sum(
        1
        for it in run
        if is_teaser(it.text)
        or (_BULLET.match(it.text) and it.words <= 3)
        or it.reason == "link prompt"
        or (it.role == "drop" and _LIST_HEADING.match(it.text))  # "Read more" above a teaser headline
    )
    if strong >= 2 or (strong >= 1 and weak >= 1):
        for it in run:
            _drop(it, _sidebar_reason(it))


def _sidebar_reason(it: _Item) -> str:
    if is_teaser(it.text):
        return "sidebar: teaser of another article"
    if is_pipe_row(it.text):
        return "sidebar: listing row"
    if it.reason == "list-heading":
        return "sidebar: list heading"
    if _BULLET.match(it.text):
        return "sidebar: category label"
    return "sidebar: title of another article"


def _tail(items: list[_Item], found: Found) -> None:
    """After the last real paragraph only page furniture remains (short lines, labels)."""
    last = max((i for i, it in enumerate(items) if it.role != "drop" and is_prose(it)), default=None)
    if last is None:
        return  # no paragraph long enough to judge by: a note of short lines keeps them all
    for it in items[last + 1 :]:
        if it.role != "drop" and not is_prose(it) and it.words <= 14 and not _sentence_like(it.text):
            _drop(it, "trailing page furniture (after the last paragraph)")


def _sentence_like(text: str) -> bool:
    """'He declined to comment.': a short sentence of the article, not a label."""
    plain = _SENTINELS.sub("", text)
    words = re.findall(r"[^\W\d_]+", plain)
    has_lowercase_word = any(
        w[0].islower() for w in words[1:]
    )  # "Our Standards: The Trust Principles." is a label
    return (
        len(words) >= 3
        and has_lowercase_word
        and bool(re.search(r"[.!?][\"”’')]*$", plain))
        and not is_teaser(plain)
    )


def _pull_quotes(items: list[_Item]) -> None:
    """A line whose words appear again inside a longer paragraph is a pull quote.

    One joined haystack and bisect keep this linear-ish for long documents.
    """
    kept = [it for it in items if it.role != "drop"]
    bares = [re.sub(r"\s+", " ", _bare(it.text)).strip() for it in kept]
    starts: list[int] = []
    pos = 0
    for bare in bares:
        starts.append(pos)
        pos += len(bare) + 1
    hay = "\x00".join(bares)
    for k, it in enumerate(kept):
        if not 6 <= it.words <= 80:
            continue
        at = hay.find(bares[k])
        while at != -1:
            owner = bisect.bisect_right(starts, at) - 1
            if owner != k and len(bares[owner]) > len(bares[k]):
                _drop(it, "pull quote (repeats the article's text)")
                break
            at = hay.find(bares[k], at + 1)


def _headings(items: list[_Item]) -> None:
    kept = [it for it in items if it.role != "drop"]
    for k, it in enumerate(kept):
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if it.hint == "heading" or (
            is_heading_like(it) and not is_prose(it) and nxt is not None and it.words <= 14
        ):
            it.role = "heading"


_PARA_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+(?=[A-Z“\"‘'])")


def _paragraph_numbers(items: list[_Item]) -> None:
    """'1. The court dismissed ...', '2. The judge found ...': numbered paragraphs (judgments,
    reports) lose their numbers, which are layout, so a memo never quotes '2. The judge'.
    Only a run of three or more paragraphs numbered in sequence counts."""
    body = [it for it in items if it.role == "body"]
    run: list[_Item] = []
    for it in [*body, None]:
        m = _PARA_NUMBER.match(it.text) if it is not None else None
        if m and it is not None and (not run or int(m.group(1)) == _number(run[-1]) + 1):
            run.append(it)
            continue
        if len(run) >= 3:
            for x in run:
                x.text = _PARA_NUMBER.sub("", x.text, count=1)
        run = [it] if m and it is not None else []


def _number(it: _Item) -> int:
    m = _PARA_NUMBER.match(it.text)
    return int(m.group(1)) if m else -1


def _assemble(items: list[_Item]) -> tuple[str, list[tuple[int, str]], list[str]]:
    """Kept lines -> paragraphs; rejoin a sentence cut by a page break or a notes block."""
    paras: list[str] = []
    headings: list[tuple[int, str]] = []
    prev: _Item | None = None
    cut_since_prev = False
    for it in items:
        if it.role == "drop":
            cut_since_prev = True
            continue
        if (
            prev is not None
            and prev.role == "body"
            and it.role == "body"
            and _continues(prev, paras[-1], it, cut_since_prev)
        ):
            paras[-1] = paras[-1] + " " + it.text
        else:
            paras.append(it.text)
            if it.role == "heading":
                headings.append((len(paras) - 1, it.text))
        prev, cut_since_prev = it, False
    words = document_words("\n".join(paras))
    heading_texts = {h for _, h in headings}
    repairs: list[str] = []
    for i, para in enumerate(paras):
        if para not in heading_texts:
            paras[i], fixed = repair_joins(para, words)
            repairs += [f"repaired join: '{r.before}' -> '{r.after}'" for r in fixed]
    return "\n\n".join(paras), headings, repairs


def _continues(prev: _Item, prev_text: str, cur: _Item, cut: bool) -> bool:
    plain = _SENTINELS.sub("", prev_text)
    if _TERMINAL.search(plain) or plain.endswith(":"):
        return False
    if cur.text[:1].islower():
        return True
    return cur.after_cut and word_count(plain) >= 8  # a notes block cut the sentence
