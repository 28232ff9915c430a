"""`extract_points`: one source's cleaned body -> points with a section, confidence and reason."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Point, SectionKey, Source
from .candidates import memo_candidates
from .classify import Item, classify
from .event import page_event, written_on
from .features import Context, cue_features, merge_counts, position_features, sentence_features
from .headings import heading_section
from .segment import Draft, blocks, draft_points, render

MIN_WORDS = 3  # shorter "points" are debris (bylines, "Share") not statements
SHORT = {"what_happened": "wh", "background": "bg", "what_it_means": "wm"}
_PROSE_END = re.compile(r"[.!?…][\"”’')\]]*$")


@dataclass
class Points:
    """A source's points as drafts (offsets) and as the classifier sees them (items), in order."""

    drafts: list[Draft]
    items: list[Item]
    texts: list[str]


def _is_prose(text: str) -> bool:
    """A statement rather than a masthead, a byline or a teaser: it ends like a sentence or runs long."""
    return bool(_PROSE_END.search(text)) and len(text.split()) >= 4 or len(text.split()) >= 16


def _items(text: str, drafts: list[Draft], rendered: list[str], ctx: Context) -> list[Item]:
    """Features of each point: its sentences' counts plus where it sits among the prose points
    (`rendered`: each draft's text, as `render` gives it)."""
    prose = [_is_prose(t) for t in rendered]
    count = sum(prose)
    paragraph_of: dict[int, int] = {}
    items: list[Item] = []
    rank = 0
    prev_block = -1
    per_block = Counter(d.sentences[0].block for d in drafts)
    themed: dict[int, SectionKey] = {}  # paragraphs whose opening theme names a section
    for d, is_prose in zip(drafts, prose, strict=True):
        first_block = d.sentences[0].block
        if is_prose and first_block not in paragraph_of:
            paragraph_of[first_block] = len(paragraph_of)
        features = merge_counts([sentence_features(text[s.start : s.end], ctx) for s in d.sentences])
        features.update(position_features(rank, count, paragraph_of.get(first_block, len(paragraph_of))))
        if not is_prose:
            features["s_fragment"] = 1.0
            features.pop("p_first", None)  # a masthead or a title before the lead is not the lead
        if d.joined_lead and len(d.sentences) > 1:
            features["c_theme_lead"] = 1.0  # an analyst's theme opens the paragraph, not the news
            named = heading_section(text[d.start : d.sentences[0].end])  # "A brief background to ..."
            if named:
                features[f"c_theme_{SHORT[named]}"] = 1.0
                themed[first_block] = named  # a heading in disguise: it names its paragraph's section
        if d.enum:
            features["c_enum"] = 1.0
        items.append(
            Item(
                features=features,
                new_paragraph=first_block != prev_block,
                scope=d.scope,
                fixed=d.scope_section or themed.get(first_block),
                forbid_what_happened=ctx.pre_event,
                paragraph_size=per_block[first_block],
            )
        )
        rank += is_prose
        prev_block = d.sentences[-1].block
    _add_genre(items, prose)
    _add_news_future(items)
    _mark_opening_views(items, [[text[s.start : s.end] for s in d.sentences] for d in drafts], prose)
    _mark_parts(items, drafts)
    return items


def _mark_parts(items: list[Item], drafts: list[Draft]) -> None:
    """In a headed brief (a heading names a section), each heading that names nothing opens a part whose
    points share one section.  Only there: a news page's subheads and stray title lines are no parts
    (cross-validated on the tuning half's event pages, binding them lost 0.03 of balanced recall)."""
    if not any(d.scope_section is not None for d in drafts):
        return
    for it, d in zip(items, drafts, strict=True):
        if d.scope_unnamed and d.scope >= 0:
            it.part = d.scope


_NEWS = ("t_day_event", "c_on_date_lead", "t_rel_near")
_FUTURE = ("w_will", "w_modal")
_LATER = ("t_rel_future", "t_year_future", "t_month_future", "t_day_future")
_JUDGED = ("c_analysts", "c_verdict", "g_expected")  # "experts believe the steps will prevent contagion"


def _add_news_future(items: list[Item]) -> None:
    """A future told after the news in the same paragraph ("On 30 April the two signed the deal. Ukraine
    will contribute half the fund.") gives the news's terms, not an assessment of it — unless it names
    a later time ("Trade could double next year") or someone's judgement ("experts believe the steps
    will prevent contagion"): that looks ahead."""
    news_before = False
    for it in items:
        if it.new_paragraph:
            news_before = False
        f = it.features
        own_news = any(k in f for k in _NEWS)
        ahead = any(k in f for k in _LATER) or any(k in f for k in _JUDGED)
        if news_before and not own_news and any(k in f for k in _FUTURE) and not ahead:
            f["c_news_future"] = 1.0
        news_before = news_before or own_news


_VIEW_SHAPE = (
    "w_present_be",
    "g_present_perfect",
    "g_no_past",
    "w_eval",
    "w_modal",
    "w_will",
    "g_long_state",
)
_TOLD = ("g_simple_past", "g_past_perfect", "g_reported_perfect", "c_figure", "c_amount", "c_quote")
# "..., which initially began after the collapse of the Soviet Union, ...": an aside on its subject
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose|where|when)\b[^,.;:]*(?:,|(?=[.;:]|$))")


def _tells_something(sentences: list[str], features: dict[str, float]) -> bool:
    """The point names a time, a figure, a quote, or an action in the past (outside an aside on its
    subject): it reports; a point with none of these states a view."""
    if any(k.startswith("t_") for k in features) or any(k in features for k in _TOLD):
        return True
    return any("w_reporting" in cue_features(_RELATIVE_ASIDE.sub(" ", s)) for s in sentences)


def _mark_opening_views(items: list[Item], sentences: list[list[str]], prose: list[bool]) -> None:
    """An opinion piece that opens on its thesis and only then turns to the day's news ("The countries
    are now shifting to a multipolar order. [...] Lavrov arrives today"): its opening points, undated,
    with no figure, quote or past action and the shape of a view (a present state, a present perfect,
    an evaluative word), are the writer's reading of the present, not the event.  Only in a piece that
    assesses more than it reports, and only when the first point that reports after them dates itself
    at the event: a piece that opens on an undated account of its news tells it there."""
    body = [it for it, p in zip(items, prose, strict=True) if p]
    if not body or body[0].features.get("d_opinion", 0.0) <= body[0].features.get("p_lead_report", 1.0):
        return
    views: list[Item] = []
    for it, sents, is_prose in zip(items, sentences, prose, strict=True):
        if not is_prose:
            continue
        if it.fixed is not None or _tells_something(sents, it.features):
            if any(k in it.features for k in _NEWS):
                for view in views:
                    view.opening_view = True
            return
        if not any(k in it.features for k in _VIEW_SHAPE):
            return
        views.append(it)


_OPINION = ("w_modal", "w_eval", "c_verdict", "c_conclusion", "w_first_person", "g_expected")
_REPORT = ("w_reporting", "t_day_event", "t_rel_near", "c_on_date_lead")


def _add_genre(items: list[Item], prose: list[bool]) -> None:
    """What kind of piece the source is: the share of its prose points that assess (an op-ed opens on
    its thesis) and the share that report (a news report opens on the event)."""
    body = [it.features for it, p in zip(items, prose, strict=True) if p]
    if not body:
        return
    opinion = sum(any(k in f for k in _OPINION) for f in body) / len(body)
    report = sum(any(k in f for k in _REPORT) for f in body) / len(body)
    for it in items:
        it.features["d_opinion"] = opinion
        if "p_first_para" in it.features:
            it.features["p_lead_report"] = report


def source_points(source: Source, event_date: dt.date | None, event_end: dt.date | None = None) -> Points:
    """The points of one source and their features (the classifier's input; also used to fit it).

    Without an event date, the source's own event is inferred from it (`page_event`).
    """
    text = source.text
    assumed = False
    if event_date is None:  # a page on its own: the event it reports as news
        own = page_event(source)
        event_date, event_end = (own.start, own.end) if own else (None, None)
        assumed = own is not None and own.origin == "assumed year"
    ctx = Context(
        event_start=event_date, event_end=event_end, source_date=written_on(source), year_assumed=assumed
    )
    parts = blocks(text, frozenset(offset for offset, _ in source.headings))
    rendered = [(d, render(text, d)) for d in draft_points(text, parts)]  # each draft's text, once
    drafts = [d for d, t in rendered if len(t.split()) >= MIN_WORDS]
    texts = [t for _, t in rendered if len(t.split()) >= MIN_WORDS]
    kept = memo_candidates(texts)  # a long report: its lead and each stretch's most specific point
    if len(kept) < len(drafts):
        drafts, texts = [drafts[k] for k in kept], [texts[k] for k in kept]
    return Points(drafts, _items(text, drafts, texts, ctx), texts)


def extract_points(
    source: Source, event_date: dt.date | None, event_end: dt.date | None = None
) -> list[Point]:
    """Split `source.text` into points and put each in a memo section.

    Offsets are into `source.text`; `text` is that span with whitespace collapsed
    (and a dropped leading connective, if any, with the next letter capitalised).
    """
    found = source_points(source, event_date, event_end)
    decisions = classify(found.items)
    return [
        Point(
            text=t,
            section=dec.section,
            source_id=source.id,
            start=d.start,
            end=d.end,
            confidence=dec.confidence,
            reason=dec.reason,
            order=i,
        )
        for i, (d, t, dec) in enumerate(zip(found.drafts, found.texts, decisions, strict=True))
    ]
