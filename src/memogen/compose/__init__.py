"""Composer: merged facts -> a memo that reads as one, in five visible stages.

1. standalone/  each point made to stand on its own from its source's text (or left out: headings,
                fragments, a pronoun or a relative date its source cannot resolve);
2. salience.py  how much each point belongs: centrality, lead position, support, the event;
3. selection.py   the best points within the word budget, none repeating another (MMR), What
                happened first; every point kept or cut says why (`memogen build --explain`);
4. order.py     What happened as a timeline, Background and What it means by theme;
5. standalone/  each person's first mention carries name and role (after ordering, since "first"
                is the memo's order); header.py gives the title and header.
The two-page limit is kept by measuring the rendered page (fit.py), not by charging words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..config import TopicConfig
from ..merge import MergeResult
from ..model import (
    SECTION_KEYS,
    Citation,
    Conflict,
    DroppedPoint,
    Memo,
    MemoSection,
    MergedPoint,
    SectionKey,
    Source,
)
from .fit import fit_pages
from .header import build_header, display_date, infer_title, render_settings
from .order import (
    anaphor_anchors,
    event_order,
    pack_lone_points,
    place_statements,
    themed_paragraphs,
    timeline_paragraphs,
)
from .placement import fill_empty_background, fill_empty_meaning, place_definitions, place_event_reports
from .salience import Salience, score_points, shortlist
from .selection import EMPTY_SECTION_FLOOR, Selection, point_words, select, words
from .similarity import vectorise
from .standalone import BLOCK_QUOTE_REASON, People, block_quoted, introduce_people, stand_alone
from .standalone.shape import QUESTION_REASON, asks
from .tighten import tighten

__all__ = [
    "anaphor_anchors",
    "compose_memo",
    "display_date",
    "event_order",
    "infer_title",
    "pack_lone_points",
    "point_words",
    "select_within_budget",
    "themed_paragraphs",
]

MIN_WORDS = 6  # shorter "points" are headings or fragments, not statements
SHORTLIST = 1500  # points that go on to be made standalone and ranked (a large topic stays fast)


def _copy(point: MergedPoint) -> MergedPoint:
    """A point the composer may rewrite without touching the merger's record."""
    return dataclasses.replace(point, citations=[dataclasses.replace(c) for c in point.citations])


def _ensure_what_happened(points: list[MergedPoint], sal: dict[str, Salience], event: dt.date | None) -> None:
    """A point that gives the event's own day is news of the event, whatever section the
    extractor guessed ("On 7 April, the minister arrived ..." filed under Background): it moves
    to What happened. When the sources report an event but no point was filed there, the point
    closest to the event opens the memo there."""
    if event is None or not points:
        return
    place_event_reports(points, event)
    place_definitions(points, event)
    for p in points:
        if p.section == "background" and sal[p.id].dated:
            p.section = "what_happened"
    fill_empty_background(points, sal, EMPTY_SECTION_FLOOR)
    fill_empty_meaning(points, sal, event)
    if any(p.section == "what_happened" for p in points):
        return
    best = max(points, key=lambda p: (sal[p.id].dated, sal[p.id].event + sal[p.id].position))
    best.section = "what_happened"


def select_within_budget(
    points: list[MergedPoint],
    budget: int,
    sources: list[Source] | None = None,
    event: tuple[dt.date | None, dt.date | None] = (None, None),
) -> tuple[dict[SectionKey, list[MergedPoint]], list[DroppedPoint]]:
    """Stages 1-3 for callers that want the choice only: (chosen per section, cut with reasons)."""
    selection, dropped, _, _ = _choose(points, sources or [], budget, event)
    return selection.chosen, dropped + selection.dropped


def _choose(
    points: list[MergedPoint],
    sources: list[Source],
    budget: int,
    event: tuple[dt.date | None, dt.date | None],
) -> tuple[Selection, list[DroppedPoint], dict[str, Salience], People]:
    short = {id(p) for p in points if words(p.text) < MIN_WORDS}
    dropped = [
        DroppedPoint(p.text, p.section, p.source_ids, "too short to be a statement")
        for p in points
        if id(p) in short
    ]
    hopeful, unlikely = shortlist([p for p in points if id(p) not in short], SHORTLIST)
    dropped += [
        DroppedPoint(
            p.text, p.section, p.source_ids, f"word budget: below the {SHORTLIST} most promising points"
        )
        for p in unlikely
    ]
    candidates, cut, people = stand_alone([_copy(p) for p in hopeful], sources, event[0], event[1])
    dropped += cut
    for p in candidates:
        tight = tighten(p.text)
        if tight != p.text:
            p.text, p.inlines = tight, None
    if not candidates:
        return Selection(chosen={k: [] for k in SECTION_KEYS}), dropped, {}, people
    vectors = vectorise([p.text for p in candidates])
    sal = score_points(candidates, sources, vectors, event, layout=points, budget=budget)
    filed = {p.id: p.section for p in candidates}
    _ensure_what_happened(candidates, sal, event[0])
    row = {p.id: k for k, p in enumerate(candidates)}
    by_id = {s.id: s for s in sources}
    selection = select(
        candidates,
        sal,
        vectors,
        row,
        budget,
        lambda p: BLOCK_QUOTE_REASON if block_quoted(p, by_id) else QUESTION_REASON if asks(p.text) else None,
    )
    for p in candidates:  # --explain says where a point was filed and where it went
        if p.id in selection.kept and filed[p.id] != p.section:
            selection.kept[p.id] += f"; filed under {filed[p.id]} by the extractor, placed under {p.section}"
    return selection, dropped, sal, people


@dataclass
class _Layout:
    """Lays a choice of points out as sections, people introduced; re-runnable (texts restored)."""

    sources: list[Source]
    event_date: dt.date | None
    event_end: dt.date | None
    headings: dict[str, str]
    sal: dict[str, Salience]
    people: People
    texts: dict[str, str] = field(default_factory=dict)
    statements: dict[str, tuple[list[Conflict], list[Citation]]] = field(default_factory=dict)

    def __call__(self, chosen: dict[SectionKey, list[MergedPoint]]) -> list[MemoSection]:
        for p in (p for ps in chosen.values() for p in ps):
            p.text = self.texts.setdefault(p.id, p.text)  # undo the last layout's leads and names
            conflicts, citations = self.statements.setdefault(p.id, (p.conflicts, p.citations))
            p.conflicts, p.citations = list(conflicts), list(citations)  # ... and statements moved
        sections = []
        for key in SECTION_KEYS:
            if key == "what_happened":
                paragraphs = timeline_paragraphs(
                    event_order(chosen[key], self.sources, self.event_date, self.event_end)
                )
            else:
                paragraphs = themed_paragraphs(chosen[key], rank=lambda p: self.sal[p.id].total)
            sections.append(MemoSection(key=key, heading=self.headings[key], paragraphs=paragraphs))
        introduce_people([p for s in sections for p in s.points], self.sources, self.people)
        for section in sections:
            place_statements(section.paragraphs)
        return sections


def _within_budget(selection: Selection, lay_out: _Layout, budget: int) -> list[MemoSection]:
    """Lay out the choice; if naming people in full took the memo past its budget, the least
    salient points make room."""
    while True:
        sections = lay_out(selection.chosen)
        used = sum(point_words(p) for s in sections for p in s.points)
        points = [p for ps in selection.chosen.values() for p in ps]
        if used <= budget or len(points) <= 1:
            return sections
        worst = min(points, key=lambda p: lay_out.sal[p.id].total)
        selection.chosen = {k: [p for p in ps if p is not worst] for k, ps in selection.chosen.items()}
        reason = (
            f"word budget ({budget} words, once people are named in full): {lay_out.sal[worst.id].describe()}"
        )
        selection.dropped.append(DroppedPoint(worst.text, worst.section, worst.source_ids, reason))
        selection.kept.pop(worst.id, None)


def compose_memo(
    result: MergeResult,
    sources: list[Source],
    config: TopicConfig,
    topic: str,
    event_date: dt.date | None,
    build_date: dt.datetime,
    measure: Callable[[Memo], int] | None = None,
    event_end: dt.date | None = None,
) -> Memo:
    """Arrange merged facts into the three sections within the word budget, with a header.

    `measure` (pages of the rendered memo), when given, keeps the memo within two pages.
    """
    event_date = config.event_date or event_date
    event_end = config.event_end or event_end
    budget = config.word_budget
    selection, dropped, sal, people = _choose(result.merged, sources, budget, (event_date, event_end))
    lay_out = _Layout(
        sources,
        event_date,
        event_end,
        config.headings.as_dict(),
        sal,
        people,
    )
    memo = Memo(
        topic=topic,
        header=build_header(config, topic, sources, result, event_date, build_date),
        sections=_within_budget(selection, lay_out, budget),
        sources=sources,
        settings=render_settings(config),
        build_date=build_date,
        clusters=result.clusters,
        dropped_points=dropped + selection.dropped,
        kept_reasons=selection.kept,
    )
    if memo.header.event_end is None:
        memo.header.event_end = event_end
    if measure is not None:
        fit_pages(memo, selection.chosen, list(selection.kept), lay_out, measure)
    return memo
