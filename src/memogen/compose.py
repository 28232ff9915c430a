"""Composer: merged facts -> a memo that reads as one (order, themes, word budget, header).

Why this shape: an analyst reads "What happened?" as a timeline, so it is sorted by
the dates the sentences give (undated sentences keep their place after the last date
their source gave); Background and What it means are read as arguments, so they are
grouped by theme with the most corroborated facts first (one-point paragraphs folded
together; a "That law ..." point kept straight after the sentence it points back to).
The word budget keeps the memo to two pages: each point also pays for its footnote, and a
fact whose figures the section already gives yields to new information. Whatever is cut
is recorded, never silently lost.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from functools import lru_cache

from .config import TopicConfig
from .merge import MergeResult, extract_quantities, features
from .model import (
    SECTION_KEYS,
    DroppedPoint,
    Memo,
    MemoHeader,
    MemoSection,
    MergedPoint,
    Paragraph,
    RenderSettings,
    SectionKey,
    Source,
)
from .sections.segment import is_expletive_it

SECTION_SHARE = {"what_happened": 0.34, "background": 0.36, "what_it_means": 0.30}
MIN_WORDS = 6  # shorter "points" are headings or fragments, not statements
POINTS_PER_PARAGRAPH = 3
# Each point brings a footnote, which takes page space the word count does not see: many
# short points overflow two pages at the same word count. A budget of N words assumes one
# note per WORDS_PER_NOTE words; a point costs NOTE_WORDS more against that page allowance.
NOTE_WORDS = 8
WORDS_PER_NOTE = 35
LEADS = ("First,", "Second,", "Third,", "Fourth,")  # more paragraphs read better without ordinals
_ORDINARY_STARTS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "both",
        "each",
        "all",
        "some",
        "many",
        "most",
        "several",
        "one",
        "two",
        "its",
        "its",
        "according",
        "although",
        "though",
        "while",
        "when",
        "as",
        "if",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "after",
        "before",
        "during",
        "since",
        "despite",
        "however",
        "moreover",
        "further",
        "furthermore",
        "thus",
        "hence",
        "therefore",
        "also",
        "such",
        "given",
    ]
)
_THEME_STOP = frozenset(
    [
        "said",
        "says",
        "also",
        "would",
        "could",
        "will",
        "first",
        "last",
        "year",
        "years",
        "new",
        "two",
        "one",
        "visit",
        "time",
        "country",
        "countries",
    ]
)


def words(text: str) -> int:
    return len(text.split())


def point_words(point: MergedPoint) -> int:
    """Words a point costs in the budget: its text and its conflict statements."""
    return words(point.text) + sum(words(c.statement) for c in point.conflicts)


@lru_cache(maxsize=4096)
def _features(text: str):
    return features(text)


_DANGLING = re.compile(r"^(?:He|She|It|They|His|Her|Its|Their|These|Those)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")
# Counts and amounts of two digits or more ("412", "7.24"); not years, which many facts share.
_FIGURE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d{2,}(?:[.,]\d+)*\b")
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w-]+")


def salience(point: MergedPoint) -> float:
    """Most corroborated, then most specific, then most confident.

    Specificity is counted with two regexes (figures, mid-sentence capitals) rather
    than the merger's full features: it runs on every merged point of large topics.
    """
    figures = len(re.findall(r"\d+(?:[.,]\d+)*", point.text))
    names = len(_NAME.findall(point.text))
    specific = min(figures, 3) * 0.3 + min(names, 5) * 0.1
    if "?" in point.text or _FIRST_PERSON.search(point.text):
        specific -= 1.5  # rhetorical questions and the author's own voice are weak memo statements
    return 2.0 * len(point.source_ids) + specific + point.confidence + 0.5 * bool(point.conflicts)


# --------------------------------------------------------------------------- event order


def _point_date(text: str, default_year: int | None) -> dt.date | None:
    for q in extract_quantities(text):
        if q.kind == "date" and q.value[1] and q.value[2]:
            year = q.value[0] or default_year
            if year:
                try:
                    return dt.date(year, q.value[1], q.value[2])
                except ValueError:
                    continue
    return None


def event_order(
    points: list[MergedPoint], sources: list[Source], event_date: dt.date | None
) -> list[MergedPoint]:
    """Sort by the date the sentence gives; an undated sentence inherits the last date its source gave.

    On the same date the earliest-published source tells first (a first report
    narrates the event; later ones add follow-ups), and a point shared by several
    sources is placed where the earliest of them has it — not by file name.
    """
    order = sorted(range(len(sources)), key=lambda k: (sources[k].metadata.date or dt.date.max, k))
    rank = {sources[k].id: r for r, k in enumerate(order)}
    default_year = event_date.year if event_date else None
    own = {id(p): _point_date(p.text, default_year) for p in points}
    # Each source's own narrative: every point citing it, in the order the source tells them,
    # so an undated point inherits the last date *its source* gave before it, whichever
    # source the merged point is filed under.
    inherited: dict[tuple[str, int], dt.date] = {}
    by_source: dict[str, list[tuple[int, MergedPoint]]] = defaultdict(list)
    for p in points:
        for c in p.citations:
            by_source[c.source_id].append((c.start, p))
    for sid, items in by_source.items():
        last = event_date or dt.date.max
        for _, p in sorted(items, key=lambda t: t[0]):
            last = own[id(p)] or last
            inherited[(sid, id(p))] = last
    keyed = []
    for p in points:
        first = min(p.citations, key=lambda c: (rank.get(c.source_id, len(rank)), c.start), default=None)
        if first is None:
            keyed.append(((own[id(p)] or event_date or dt.date.max, len(rank), 0), p))
            continue
        when = own[id(p)] or inherited[(first.source_id, id(p))]
        keyed.append(((when, rank.get(first.source_id, len(rank)), first.start), p))
    return [p for _, p in sorted(keyed, key=lambda t: t[0])]


# --------------------------------------------------------------------------- themes


def _theme_terms(point: MergedPoint) -> set[str]:
    f = _features(point.text)
    return {w for w in f.content if len(w) >= 4 and not w.isdigit() and w not in _THEME_STOP}


def assign_themes(points: list[MergedPoint]) -> dict[str, list[MergedPoint]]:
    """Group points under the term they share most with others (ignoring topic-wide terms)."""
    terms = {p.id: _theme_terms(p) for p in points}
    df = Counter(t for ts in terms.values() for t in ts)
    limit = max(2, int(0.5 * len(points)))
    groups: dict[str, list[MergedPoint]] = defaultdict(list)
    for p in points:
        shared = [t for t in terms[p.id] if 2 <= df[t] <= limit]
        theme = max(shared, key=lambda t: (df[t], t)) if shared else p.id
        p.theme = theme if shared else None
        groups[theme].append(p)
    return groups


def themed_paragraphs(
    points: list[MergedPoint], leads: bool, names: frozenset[str] = frozenset()
) -> list[Paragraph]:
    """Short paragraphs by theme; the theme holding the most salient point comes first."""
    followers = anaphor_anchors(points)
    groups = assign_themes([p for p in points if p.id not in followers])
    ordered = sorted(groups.values(), key=lambda g: -max(salience(p) for p in g))
    chunks: list[list[MergedPoint]] = []
    for group in ordered:
        group = sorted(group, key=lambda p: -salience(p))
        chunks += [group[k : k + POINTS_PER_PARAGRAPH] for k in range(0, len(group), POINTS_PER_PARAGRAPH)]
    paragraphs = [Paragraph(points=ps) for ps in pack_lone_points(chunks)]
    _place_followers(paragraphs, points, followers)
    if leads and 2 <= len(paragraphs) <= len(LEADS):
        for para, lead in zip(paragraphs, LEADS, strict=False):
            para.lead = lead
            para.points[0].text = after_lead(para.points[0].text, names)
    return paragraphs


_WEAK_ANAPHOR = re.compile(
    r"^(?:This|That|Such)\s+(?!(?:is|was|are|were|has|had|will|would|could|may|might|must|can|means|"
    r"shows|suggests|signals|year|week|month|morning|afternoon|evening|summer|spring|autumn|winter)\b)[a-z]+\b"
)


def anaphor_anchors(points: list[MergedPoint]) -> dict[str, str]:
    """Points opening with "That law ..." / "This rule ..." -> the point just before them in their source.

    Why: such a point names its subject only through the sentence before it, so it must
    be read straight after that sentence, not wherever its theme puts it.
    """
    spans = [(c.source_id, c.start, c.end, p.id) for p in points for c in p.citations]
    out: dict[str, str] = {}
    for p in points:
        if not _WEAK_ANAPHOR.match(p.text) or len(p.citations) != 1:
            continue
        c = p.citations[0]
        before = [s for s in spans if s[0] == c.source_id and s[2] <= c.start and s[3] != p.id]
        if before:
            out[p.id] = max(before, key=lambda s: s[2])[3]
    return out


def _place_followers(
    paragraphs: list[Paragraph], points: list[MergedPoint], followers: dict[str, str]
) -> None:
    """Put each follower right after its anchor (chains follow in source order)."""
    by_id = {p.id: p for p in points}
    for pid, anchor in sorted(followers.items(), key=lambda kv: by_id[kv[0]].citations[0].start):
        for para in paragraphs:
            ids = [q.id for q in para.points]
            if anchor in ids:
                para.points.insert(ids.index(anchor) + 1, by_id[pid])
                break
        else:
            paragraphs.append(Paragraph(points=[by_id[pid]]))


def pack_lone_points(chunks: list[list[MergedPoint]]) -> list[list[MergedPoint]]:
    """Fold a one-point paragraph into its neighbour when both fit in one paragraph.

    Why: points that share no theme each made a one-sentence paragraph, and a section
    of one-line paragraphs reads as a list of snippets, not an argument (and wastes
    page space the two-page limit needs).
    """
    out: list[list[MergedPoint]] = []
    for chunk in chunks:
        last = out[-1] if out else None
        if (
            last is not None
            and (len(chunk) == 1 or len(last) == 1)
            and len(last) + len(chunk) <= POINTS_PER_PARAGRAPH
        ):
            last.extend(chunk)
        else:
            out.append(list(chunk))
    return out


def after_lead(text: str, names: frozenset[str] = frozenset()) -> str:
    """ "First, the ..." not "First, The ...": lower-case an ordinary first word, never a name.

    Besides the function words, a common English word ("Insurers", "Unless") is
    lower-cased too, unless the memo capitalises it mid-sentence elsewhere (`names`:
    "Russia") or the next word is capitalised ("Prime Minister", "Governor Ana").
    """
    first, _, rest = text.partition(" ")
    title_case = first[:1].isupper() and (len(first) == 1 or first[1:].islower())
    if not (first.isalpha() and title_case):
        return text
    if first.lower() in _ORDINARY_STARTS or (
        first not in names and not rest[:1].isupper() and _common_word(first.lower())
    ):
        return first.lower() + text[len(first) :]
    return text


def _common_word(word: str) -> bool:
    """In wordfreq's English list often enough to be a word, not a rare surname."""
    import wordfreq

    return wordfreq.zipf_frequency(word, "en") >= 3.0


_MID_CAPITAL = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+\b")


def mid_sentence_capitals(points: list[MergedPoint]) -> frozenset[str]:
    """Words the memo capitalises inside sentences: names, which a lead must not lower-case."""
    return frozenset(m.group(0) for p in points for m in _MID_CAPITAL.finditer(p.text))


def timeline_paragraphs(points: list[MergedPoint]) -> list[Paragraph]:
    return [
        Paragraph(points=points[k : k + POINTS_PER_PARAGRAPH])
        for k in range(0, len(points), POINTS_PER_PARAGRAPH)
    ]


# --------------------------------------------------------------------------- budget


def select_within_budget(
    points: list[MergedPoint], budget: int
) -> tuple[dict[SectionKey, list[MergedPoint]], list[DroppedPoint]]:
    """Each section fills its share of the budget by salience; leftover words go to the best of the rest."""
    dropped: list[DroppedPoint] = []
    candidates: dict[str, list[MergedPoint]] = defaultdict(list)
    for p in points:
        if words(p.text) < MIN_WORDS:
            dropped.append(DroppedPoint(p.text, p.section, p.source_ids, "too short to be a statement"))
        elif _DANGLING.match(p.text) and not is_expletive_it(p.text):
            reason = "starts with a pronoun that needs the sentence before it"
            dropped.append(DroppedPoint(p.text, p.section, p.source_ids, reason))
        else:
            candidates[p.section].append(p)
    rank = {p.id: salience(p) for ps in candidates.values() for p in ps}
    chosen: dict[SectionKey, list[MergedPoint]] = {k: [] for k in SECTION_KEYS}
    page = budget + NOTE_WORDS * budget // WORDS_PER_NOTE
    used = used_page = 0
    rest: list[MergedPoint] = []
    for key in SECTION_KEYS:
        quota, quota_page = int(budget * SECTION_SHARE[key]), int(page * SECTION_SHARE[key])
        spent = spent_page = 0
        given: set[str] = set()
        for p in sorted(candidates[key], key=lambda p: -rank[p.id]):
            cost = point_words(p)
            # In an assessment a figure is incidental ("the deaths of 23 should force a debate").
            figures = set(_FIGURE.findall(p.text)) if key != "what_it_means" else set()
            if figures and figures <= given:
                rest.append(p)  # its figures are in the memo already: only leftover words may take it
            elif spent + cost <= quota and spent_page + cost + NOTE_WORDS <= quota_page:
                given |= figures
                chosen[key].append(p)
                spent, spent_page = spent + cost, spent_page + cost + NOTE_WORDS
            else:
                rest.append(p)
        used, used_page = used + spent, used_page + spent_page
    for p in sorted(rest, key=lambda p: -rank[p.id]):
        cost = point_words(p)
        if used + cost <= budget and used_page + cost + NOTE_WORDS <= page:
            chosen[p.section].append(p)
            used, used_page = used + cost, used_page + cost + NOTE_WORDS
        else:
            dropped.append(DroppedPoint(p.text, p.section, p.source_ids, f"word budget ({budget} words)"))
    return chosen, dropped


# --------------------------------------------------------------------------- header


def infer_title(sources: list[Source], result: MergeResult) -> str:
    """The headline of the source that reports the event; else a neutral default.

    "Reports the event" = most citations in What happened?, then most citations,
    then the earliest published: a news report's headline names the event, while an
    analysis piece or op-ed cited as often is titled with its argument.
    """
    cites = Counter(c.source_id for p in result.merged for c in p.citations)
    reports = Counter(c.source_id for p in result.merged if p.section == "what_happened" for c in p.citations)
    titled = [(k, s) for k, s in enumerate(sources) if s.metadata.title]
    if not titled:
        return "Briefing memo"
    _, best = max(
        titled,
        key=lambda t: (
            reports[t[1].id],
            cites[t[1].id],
            -(t[1].metadata.date or dt.date.max).toordinal(),
            -t[0],
        ),
    )
    return re.sub(r"\s+", " ", best.metadata.title or "").strip()


def display_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def build_header(
    config: TopicConfig,
    sources: list[Source],
    result: MergeResult,
    event_date: dt.date | None,
    build_date: dt.datetime,
) -> MemoHeader:
    memo_day = config.memo_date or build_date.date()
    return MemoHeader(
        title=config.title or infer_title(sources, result),
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
        page_size=config.page_size,
        template_dir=config.templates,
        reference_docx=config.reference_docx,
        author=config.from_,
        keywords=list(config.keywords),
    )


# --------------------------------------------------------------------------- entry


def compose_memo(
    result: MergeResult,
    sources: list[Source],
    config: TopicConfig,
    topic: str,
    event_date: dt.date | None,
    build_date: dt.datetime,
) -> Memo:
    """Arrange merged facts into the three sections within the word budget, with a header."""
    event_date = config.event_date or event_date
    chosen, dropped = select_within_budget(result.merged, config.word_budget)
    headings = config.headings.model_dump()
    names = mid_sentence_capitals(result.merged)
    sections = []
    for key in SECTION_KEYS:
        if key == "what_happened":
            paragraphs = timeline_paragraphs(event_order(chosen[key], sources, event_date))
        else:
            # Ordinal leads suit the implications an analyst lists, not the history
            # ("First, in 2009, the government ..." reads as a count, not a background).
            paragraphs = themed_paragraphs(chosen[key], leads=key == "what_it_means", names=names)
        sections.append(MemoSection(key=key, heading=headings[key], paragraphs=paragraphs))
    return Memo(
        topic=topic,
        header=build_header(config, sources, result, event_date, build_date),
        sections=sections,
        sources=sources,
        settings=render_settings(config),
        build_date=build_date,
        clusters=result.clusters,
        dropped_points=dropped,
    )
