"""Hand-built memos for renderer tests: no reader, extractor or merger involved."""

from __future__ import annotations

import datetime as dt

from memogen.model import (
    DEFAULT_HEADINGS,
    SECTION_KEYS,
    Citation,
    Conflict,
    ConflictValue,
    Memo,
    MemoHeader,
    MemoSection,
    MergedPoint,
    Paragraph,
    Point,
    ReferenceAnchor,
    RenderSettings,
    Source,
    SourceMetadata,
    SourceReference,
)


def sample_sources() -> list[Source]:
    a = Source(
        id="alpha-news",
        path="alpha-news.txt",
        kind="txt",
        metadata=SourceMetadata(
            title="Minister visits Ruritania",
            authors=["Jane Doe"],
            publisher="Alpha News",
            date=dt.date(2021, 4, 7),
            url="https://example.org/alpha?id=1&lang=en",
        ),
        text="The minister arrived on 6 April. Trade reached $350 million in 2020.",
    )
    b = Source(
        id="beta-institute",
        path="beta-institute.txt",
        kind="txt",
        metadata=SourceMetadata(
            title="Сергей Лавров: a new era <b>R&D</b> &amp; more",
            authors=["Иван Петров", "Ali Khan"],
            publisher="Beta Institute",
            date=dt.date(2021, 4, 22),
        ),
        text="The minister arrived on 7 April. Trade reached US$ 790 million.",
        references=[
            SourceReference(
                marker="1",
                text='Sana Jamal, "Ties", Gulf News, 2021.',
                label="Gulf News",
                url="https://gulfnews.example/a",
            ),
        ],
        anchors=[ReferenceAnchor(marker="1", start=33, end=64)],
    )
    return [a, b]


def sample_memo(points_per_section: int = 2, long_text: bool = False) -> Memo:
    """A memo with every feature a renderer must handle (conflicts, via, Unicode, markup chars)."""
    sources = sample_sources()
    sections = []
    n = 0
    for key in SECTION_KEYS:
        paragraphs = []
        for i in range(points_per_section):
            n += 1
            text = f"Point {n} of {key}: the visit was the first in nine years & <b>not</b> markup."
            if long_text:
                text += " " + " ".join(["This sentence pads the paragraph to force page breaks."] * 12)
            cites = [Citation(source_id="alpha-news", excerpt="The minister arrived on 6 April.")]
            if i % 2 == 0:
                cites.append(
                    Citation(
                        source_id="beta-institute",
                        excerpt="Trade reached US$ 790 million.",
                        via=["Gulf News"],
                    )
                )
            conflicts = []
            if n == 1:
                conflicts.append(
                    Conflict(
                        kind="date",
                        statement="Sources differ: Alpha News reports 6 April; Beta Institute reports 7 April.",
                        values=[
                            ConflictValue("alpha-news", "6 April", "arrived on 6 April"),
                            ConflictValue("beta-institute", "7 April", "arrived on 7 April"),
                        ],
                    )
                )
            paragraphs.append(
                Paragraph(
                    points=[
                        MergedPoint(id=f"p{n}", text=text, section=key, citations=cites, conflicts=conflicts)
                    ]
                )
            )
        sections.append(MemoSection(key=key, heading=DEFAULT_HEADINGS[key], paragraphs=paragraphs))
    return Memo(
        topic="sample",
        header=MemoHeader(
            title="Ruritania: a new era with Сербия — Łódź",
            subtitle="Briefing memo",
            to="Desk",
            from_="memogen",
            date="23 November 2026",
            subject="Visit",
            classification="Unclassified",
            event_date=dt.date(2021, 4, 6),
        ),
        sections=sections,
        sources=sources,
        settings=RenderSettings(author="memogen", keywords=["test"]),
        build_date=dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc),
    )


def source_with_points(
    sid: str, sentences: list[str], publisher: str | None = None, date: dt.date | None = None
) -> tuple[Source, list[Point]]:
    """A source whose body is `sentences` (one per paragraph), each one a background point."""
    text = "\n\n".join(sentences)
    src = Source(
        id=sid,
        path=f"{sid}.txt",
        kind="txt",
        metadata=SourceMetadata(publisher=publisher, date=date),
        text=text,
    )
    points, pos = [], 0
    for k, sentence in enumerate(sentences):
        start = text.index(sentence, pos)
        points.append(
            Point(
                text=sentence,
                section="background",
                source_id=sid,
                start=start,
                end=start + len(sentence),
                order=k,
            )
        )
        pos = start + len(sentence)
    return src, points


def merge_specs(*specs):
    """Merge the points of sources given as `source_with_points` argument tuples."""
    from memogen.merge import merge_points

    sources, points = [], []
    for spec in specs:
        src, pts = source_with_points(*spec)
        sources.append(src)
        points += pts
    return sources, merge_points(points, sources)
