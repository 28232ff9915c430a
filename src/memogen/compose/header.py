"""Memo header: the title a reader expects (the headline of the report of the event), dates, settings."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..config import TopicConfig
from ..merge import MergeResult
from ..model import MemoHeader, RenderSettings, Source
from ..wordlists import MONTHS


def infer_title(
    sources: list[Source], result: MergeResult, topic: str = "", event_date: dt.date | None = None
) -> str:
    """The headline that best names the event; else a neutral default.

    First, how many of the words the sources use to tell what happened the headline shares (a
    section heading taken for a page's headline, "Loss and Damage fund", names a part of the story;
    "COP28 talks open in Dubai with breakthrough deal on loss and damage fund" names the event);
    then the source that reports the event most ("most citations in What happened?"), most
    citations, the earliest published: a news report's headline names the event, while an
    analysis piece or op-ed cited as often is titled with its argument.  Before all, a headline that
    stands on its own (`stands_alone`) over a page's standfirst that continues its headline.
    """
    cites = Counter(c.source_id for p in result.merged for c in p.citations)
    reports = Counter(c.source_id for p in result.merged if p.section == "what_happened" for c in p.citations)
    # a "title" that shares no words with what the sources tell is page furniture taken for a headline
    # ("POLITICO Politico Logo"), never the memo's name
    said: set[str] = set()
    for p in result.merged:  # one point's stems at a time: all at once held ~60 MB at 2,000 sources
        said |= _stems(p.text)
    titled = [
        (k, s)
        for k, s in enumerate(sources)
        if s.metadata.title and len(_stems(s.metadata.title) & said) >= TITLE_MIN_SHARED
    ]
    # a page written before the event names an earlier moment of the story: it names the memo only
    # when no page of the event's time has a headline (a real headline beats the topic's folder name)
    titled = [t for t in titled if not written_before(t[1].text, event_date)] or titled
    if not titled:
        return topic_title(topic, sources) or "Briefing memo"
    told = _content_words(" ".join(p.text for p in result.merged if p.section == "what_happened"))
    _, best = max(
        titled,
        key=lambda t: (
            stands_alone(t[1].metadata.title or ""),
            min(len(_content_words(t[1].metadata.title or "") & told), TITLE_WORDS_SHARED),
            reports[t[1].id],
            cites[t[1].id],
            -(t[1].metadata.date or dt.date.max).toordinal(),
            -t[0],
        ),
    )
    named = set(_MID_SENTENCE_CAPITAL.findall(" ".join(p.text for p in result.merged)))
    return without_label(re.sub(r"\s+", " ", best.metadata.title or "").strip(), named)


# 'must submit its plans before July 2024', 'will decide by March 2024': a deadline the page still awaits
_DEADLINE = re.compile(
    r"\b(?:must|will|shall|should|has to|have to|is due to|are due to|is to|are to|is expected to|are expected to)\b"
    r"[^.!?]{0,120}?\b(?:before|by|until|no later than)\s+(?:the\s+end\s+of\s+)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<year>(?:19|20)\d\d)\b"
)


def written_before(text: str, event_date: dt.date | None) -> bool:
    """Was the page written before the event? It awaits a deadline that falls before the event's day
    ('must submit a presentation before July 2024', the event in December 2024): its headline names an
    earlier moment of the story (a bid, a candidacy), not the event the memo is about."""
    if event_date is None:
        return False
    for m in _DEADLINE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        if dt.date(int(m.group("year")), month, 1) < event_date.replace(day=1):
            return True
    return False


# a word that points back to something said before ("RSF also controlled ...", "Meanwhile, ...")
_CONTINUATION = re.compile(r"\b(?:also|too|meanwhile|however|moreover|furthermore|besides)\b", re.I)
# two sentences strung together: "... restore diplomatic ties. Mediator: China" (a semicolon alone is
# headline style: "At least 19 killed; court scraps the ruling" is a headline)
_CLAUSE_JOINT = re.compile(r"(?<=[a-z]{2})\.\s+[A-Z]")


def stands_alone(title: str) -> bool:
    """A headline names the story by itself, in one clause; a standfirst or a caption taken for the title
    ("RSF also controlled the airport in Khartoum, the country's capital; group clashed with the army")
    continues a headline said before it ("also", "meanwhile") or strings two sentences together."""
    return not (_CONTINUATION.search(title) or _CLAUSE_JOINT.search(title))


def topic_title(topic: str, sources: list[Source]) -> str:
    """'aukus-2023' -> 'AUKUS 2023': when no source has a headline, the topic's folder name, which its
    user chose to name the event, each word spelled as the sources spell it most ('Korea martial law
    2024'; a word they never use as the folder writes it). Empty when the sources use none of its words
    (a folder named 'run-3' names no event)."""
    words = [w for w in re.split(r"[-_\s]+", topic) if w]
    if not words:
        return ""
    text = " ".join(s.text for s in sources)
    spelled, found = [], 0
    for word in words:
        if word.isdigit():
            spelled.append(word)
            continue
        seen = Counter(re.findall(rf"\b{re.escape(word)}\b", text, re.I))
        spelled.append(max(seen, key=lambda w: (seen[w], w)) if seen else word)
        found += bool(seen)
    if not found:
        return ""
    title = " ".join(spelled)
    return title[:1].upper() + title[1:]


# 'Live updates: ...', 'Analysis: ...': one or two words and a colon before the headline proper
_LABEL = re.compile(r"^(?P<label>[A-Z][a-z]+(?: [a-z]+)?):\s+(?P<rest>\S.*)$")


_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")


def without_label(title: str, named: set[str] = frozenset()) -> str:
    """'Live updates: Wildfires burn through the island' -> 'Wildfires burn through the island': a label of
    the kind of page (a live blog, an analysis) names no event; the memo is not that page.  The label's
    words are common English words, and no country or name the sources write in capitals mid-sentence
    (`named`: 'Turkey: ...', 'Paris: ...' say where the story is)."""
    from ..sources.places import is_country_name
    from ..sources.text import english_zipf

    m = _LABEL.match(title)
    if not m or len(m.group("rest").split()) < 4 or is_country_name(m.group("label")):
        return title
    if any(english_zipf(w.lower()) < LABEL_WORD_MIN or w in named for w in m.group("label").split()):
        return title
    rest = m.group("rest")
    return rest[:1].upper() + rest[1:]


LABEL_WORD_MIN = 4.0  # 'live', 'updates', 'analysis', 'opinion' are this common; names are not


TITLE_WORDS_SHARED = 5  # past this many words of the event's account, a longer headline is no better
TITLE_MIN_SHARED = 2  # a headline names the story in at least this many of the words the sources use


def _stems(text: str) -> set[str]:
    """Content words cut to their first five letters ("visits" and "visit" are one word here)."""
    return {w[:5] for w in _content_words(text)}


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]{4,}", text.lower()) if not w.isdigit()}


def display_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def build_header(
    config: TopicConfig,
    topic: str,
    sources: list[Source],
    result: MergeResult,
    event_date: dt.date | None,
    build_date: dt.datetime,
) -> MemoHeader:
    memo_day = config.memo_date or build_date.date()
    return MemoHeader(
        title=config.title or infer_title(sources, result, topic, config.event_date or event_date),
        subtitle=config.subtitle,
        to=config.to,
        from_=config.from_,
        date=display_date(memo_day),
        subject=config.subject,
        classification=config.classification,
        event_date=config.event_date or event_date,
        event_end=config.event_end,
    )


def render_settings(config: TopicConfig) -> RenderSettings:
    return RenderSettings(
        citation_style=config.citation_style,
        notes=config.notes,
        note_per=config.note_per,
        page_size=config.page_size,
        template_dir=config.templates,
        reference_docx=config.reference_docx,
        author=config.from_,
        keywords=list(config.keywords),
    )
