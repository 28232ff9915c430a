"""Composer: event order, one appearance per fact, word budget, header and explain output."""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.compose import compose_memo, point_words
from memogen.config import TopicConfig
from memogen.explain import explain_memo
from memogen.merge import MergeResult
from memogen.model import Citation, Cluster, ClusterMember, Conflict, MergedPoint, Source, SourceMetadata

SOURCES = [
    Source(
        id="a",
        path="a.txt",
        kind="txt",
        metadata=SourceMetadata(title="Minister visits Ruritania", publisher="Alpha"),
        text="x" * 2000,
    ),
    Source(
        id="b",
        path="b.txt",
        kind="txt",
        metadata=SourceMetadata(title="Other piece", publisher="Beta"),
        text="x" * 2000,
    ),
]


def mp(pid: str, text: str, section: str, sources=("a",), start: int = 0, conflicts=()) -> MergedPoint:
    return MergedPoint(
        id=pid,
        text=text,
        section=section,  # type: ignore[arg-type]
        citations=[Citation(source_id=s, excerpt=text, start=start, end=start + len(text)) for s in sources],
        conflicts=list(conflicts),
    )


def result_of(points: list[MergedPoint]) -> MergeResult:
    clusters = [
        Cluster(
            id=p.id,
            section=p.section,
            chosen=p.text,
            members=[ClusterMember(s, p.text, 1.0) for s in p.source_ids],
        )
        for p in points
    ]
    return MergeResult(points, clusters)


@pytest.mark.parametrize(
    ("told", "event_date", "order"),
    [
        # by date; an undated point follows the date its source gave before it
        (
            (
                "On 8 April the delegation signed a trade agreement in the capital.",
                "After the signing, the ministers held a joint press conference.",
                "On 6 April the minister arrived in the capital for a three-day visit.",
            ),
            dt.date(2021, 4, 6),
            ["p3", "p1", "p2"],
        ),
        # one day's events by the hours their sentences give
        (
            (
                "Late on 24 April the ministry announced that the talks had ended.",
                "At around 2am on 24 April the delegation crossed the border.",
                "On the morning of 24 April parliament voted to extend the curfew by a week.",
            ),
            dt.date(2021, 4, 24),
            ["p2", "p3", "p1"],
        ),
        # a sentence with no day of its own follows the one whose day (and hour) it takes; a clock
        # time of its own places it within that day
        (
            (
                "The rescue turned to a recovery effort on the night of 24 April.",
                "The six workers were filling potholes on the span at the time.",
                "At 1:27 a.m. the cargo ship struck a pier of the bridge.",
            ),
            dt.date(2021, 4, 24),
            ["p3", "p1", "p2"],
        ),
    ],
)
def test_what_happened_is_in_event_order(told, event_date, order):
    assert _what_happened_order(_told_in_order(*told), event_date) == order


def _told_in_order(*texts: str) -> list[MergedPoint]:
    """What-happened points p1, p2, ... that one source tells in this order."""
    return [mp(f"p{k}", t, "what_happened", start=10 * k) for k, t in enumerate(texts, start=1)]


def _what_happened_order(pts: list[MergedPoint], event_date: dt.date) -> list[str]:
    memo = compose_memo(result_of(pts), SOURCES, TopicConfig(), "t", event_date, dt.datetime(2021, 5, 1))
    return [p.id for p in memo.section("what_happened").points]


def test_word_budget_is_respected_and_cuts_are_recorded():
    def word(k: int) -> str:  # a made-up word per number: no two facts share content
        return "".join("bdfgklmnprstvz"[k // 14**i % 14] + "aeiou"[(k + i) % 5] for i in range(3))

    pts = [
        mp(f"p{k}", " ".join(word(10 * k + j) for j in range(10)).capitalize() + ".", "background")
        for k in range(40)
    ]
    pts[0].conflicts = [Conflict(kind="number", statement="Sources differ: Alpha reports 1; Beta reports 2.")]
    memo = compose_memo(
        result_of(pts), SOURCES, TopicConfig(word_budget=120), "t", None, dt.datetime(2021, 5, 1)
    )
    used = sum(point_words(p) for p in memo.points)
    assert used <= 120
    assert len(memo.points) + len(memo.dropped_points) == 40
    # every cut says why: the budget, or (made-up words mean nothing) a point far from the event
    # that no salience speaks for; none is a repeat, since no two facts share content
    assert all("budget" in d.reason or "something else" in d.reason for d in memo.dropped_points)
    assert sum("budget" in d.reason for d in memo.dropped_points) > len(memo.dropped_points) / 2
    assert len({p.id for p in memo.points}) == len(memo.points)


def test_corroborated_points_come_first_in_background():
    pts = [
        mp("p1", "The port project on the coast has stalled for lack of money.", "background"),
        mp(
            "p2",
            "The port project on the coast is financed by a loan worth $2 billion.",
            "background",
            ("a", "b"),
        ),
    ]
    memo = compose_memo(result_of(pts), SOURCES, TopicConfig(), "t", None, dt.datetime(2021, 5, 1))
    assert memo.section("background").points[0].id == "p2"


def test_header_from_config_or_inferred_and_settings_copied():
    pts = [mp("p1", "The minister arrived in the capital for a three-day visit.", "what_happened")]
    cfg = TopicConfig(
        memo_date=dt.date(2021, 4, 12),
        templates="/abs/tpl",
        reference_docx="/abs/ref.docx",
        page_size="Letter",
        keywords=["k"],
        note_per="statement",
    )
    memo = compose_memo(result_of(pts), SOURCES, cfg, "t", None, dt.datetime(2021, 5, 1))
    assert memo.header.title == "Minister visits Ruritania"
    assert memo.header.date == "12 April 2021"
    assert memo.settings.template_dir == "/abs/tpl" and memo.settings.reference_docx == "/abs/ref.docx"
    assert memo.settings.page_size == "Letter" and memo.settings.keywords == ["k"]
    assert memo.settings.note_per == "statement"
    memo2 = compose_memo(
        result_of(pts), SOURCES, TopicConfig(title="Given"), "t", None, dt.datetime(2021, 5, 1)
    )
    assert memo2.header.title == "Given" and memo2.header.date == "1 May 2021"


def test_short_fragments_are_dropped_with_reason_and_explain_mentions_everything():
    pts = [
        mp("p1", "Background.", "background"),
        mp("p3", "He said the talks had gone very well for both sides.", "background"),
        mp(
            "p2",
            "The minister arrived in the capital for a three-day visit.",
            "what_happened",
            ("a", "b"),
            conflicts=[
                Conflict(
                    kind="date", statement="Sources differ: Alpha reports 6 April; Beta reports 7 April."
                )
            ],
        ),
    ]
    res = result_of(pts)
    p2 = next(p for p in pts if p.id == "p2")
    next(c for c in res.clusters if c.id == "p2").conflicts = p2.conflicts
    memo = compose_memo(res, SOURCES, TopicConfig(), "t", None, dt.datetime(2021, 5, 1))
    assert [d.text for d in memo.dropped_points] == [
        "Background.",
        "He said the talks had gone very well for both sides.",
    ]
    assert "pronoun" in memo.dropped_points[1].reason
    text = explain_memo(memo)
    assert "Sources differ: Alpha reports 6 April" in text
    assert "Background." in text and "too short" in text
    assert "p2" in text


def test_what_it_means_paragraphs_carry_no_ordinal_leads():
    pts = [
        mp(
            "a",
            "Insurers will press the government for compensation after the floods.",
            "what_it_means",
            ("s",),
            1,
        ),
        mp(
            "b",
            "The dam failure could force a review of every reservoir in the valley.",
            "what_it_means",
            ("s",),
            2,
        ),
        mp(
            "c",
            "Observers expect the election to turn on the handling of the disaster.",
            "what_it_means",
            ("s",),
            3,
        ),
    ]
    from memogen.compose import themed_paragraphs

    paragraphs = themed_paragraphs(pts)
    assert paragraphs and all(p.lead is None for p in paragraphs)
    assert paragraphs[0].points[0].text[:1].isupper()


def test_same_day_points_follow_the_earliest_report_not_the_file_name():
    late = Source(
        id="a-late",
        path="a-late.txt",
        kind="txt",
        metadata=SourceMetadata(title="Follow-up", date=dt.date(2021, 4, 9)),
        text="x" * 2000,
    )
    first = Source(
        id="z-first",
        path="z-first.txt",
        kind="txt",
        metadata=SourceMetadata(title="First report", date=dt.date(2021, 4, 7)),
        text="x" * 2000,
    )
    pts = [
        mp("f1", "Rescue teams reached the stranded families by boat.", "what_happened", ("a-late",), 5),
        mp(
            "s1",
            "The dam gave way before dawn and nine villages were evacuated.",
            "what_happened",
            ("a-late", "z-first"),
            50,
        ),
        mp(
            "s2",
            "The governor declared a state of emergency in the valley.",
            "what_happened",
            ("z-first",),
            90,
        ),
    ]
    for c in pts[1].citations:
        c.start = 400 if c.source_id == "a-late" else 10
    memo = compose_memo(
        result_of(pts), [late, first], TopicConfig(), "t", dt.date(2021, 4, 6), dt.datetime(2021, 5, 1)
    )
    assert [p.id for p in memo.section("what_happened").points] == ["s1", "s2", "f1"]


def test_inferred_title_is_the_headline_of_the_source_reporting_the_event():
    analysis = Source(
        id="analysis",
        path="analysis.pdf",
        kind="pdf",
        metadata=SourceMetadata(title="What the failure tells us", date=dt.date(2021, 4, 9)),
        text="x" * 2000,
    )
    report = Source(
        id="report",
        path="report.html",
        kind="html",
        metadata=SourceMetadata(title="Dam collapses, villages evacuated", date=dt.date(2021, 4, 7)),
        text="x" * 2000,
    )
    pts = [
        mp(
            "a1", "The failure raises questions about every ageing reservoir.", "what_it_means", ("analysis",)
        ),
        mp("a2", "Budgets for dam maintenance have fallen for a decade.", "background", ("analysis",)),
        mp("a3", "Insurers will press for compensation from the authority.", "what_it_means", ("analysis",)),
        mp(
            "r1",
            "The dam gave way before dawn and nine villages were evacuated.",
            "what_happened",
            ("report",),
        ),
        mp("r2", "The governor declared a state of emergency in the valley.", "what_happened", ("report",)),
    ]
    memo = compose_memo(
        result_of(pts), [analysis, report], TopicConfig(), "t", dt.date(2021, 4, 6), dt.datetime(2021, 5, 1)
    )
    assert memo.header.title == "Dam collapses, villages evacuated"


def test_undated_point_inherits_its_own_sources_date_even_when_filed_under_another_source():
    """A shared point filed under an earlier-published source must not pull its source's
    later, undated follow-ups ahead of it."""
    import datetime as dt

    from memogen.compose import event_order
    from memogen.model import Citation, MergedPoint, Source, SourceMetadata

    early = Source(
        id="early", path="e.txt", kind="txt", metadata=SourceMetadata(date=dt.date(2024, 3, 1)), text=""
    )
    late = Source(
        id="late", path="l.txt", kind="txt", metadata=SourceMetadata(date=dt.date(2024, 3, 9)), text=""
    )
    arrival = MergedPoint(
        id="a",
        text="On 3 March the envoy arrived in the capital.",
        section="what_happened",
        citations=[Citation("late", "x", 0, 10), Citation("early", "y", 500, 510)],
    )
    follow_up = MergedPoint(
        id="b",
        text="The envoy also met the prime minister.",
        section="what_happened",
        citations=[Citation("late", "z", 100, 110)],
    )
    ordered = event_order([follow_up, arrival], [early, late], dt.date(2024, 3, 2))
    assert [p.id for p in ordered] == ["a", "b"]


def test_a_sentence_no_date_reaches_follows_the_dated_narrative_of_the_event():
    """A source's opening reflection, with no date of its own and none before it in its source,
    must not open What happened ahead of the sentences that date the event."""
    from memogen.compose import event_order
    from memogen.model import Citation, MergedPoint, Source, SourceMetadata

    essay = Source(
        id="essay", path="e.txt", kind="txt", metadata=SourceMetadata(date=dt.date(2024, 3, 1)), text=""
    )
    report = Source(id="report", path="r.txt", kind="txt", metadata=SourceMetadata(), text="")
    reflection = MergedPoint(
        id="r",
        text="The two countries are now moving towards a closer partnership.",
        section="what_happened",
        citations=[Citation("essay", "x", 0, 10)],
    )
    arrival = MergedPoint(
        id="a",
        text="On 3 March the envoy arrived in the capital for a two-day visit.",
        section="what_happened",
        citations=[Citation("report", "y", 40, 60)],
    )
    departure = MergedPoint(
        id="d",
        text="On 4 March the envoy left for the next stop of the tour.",
        section="what_happened",
        citations=[Citation("report", "z", 90, 110)],
    )
    ordered = event_order(
        [reflection, departure, arrival], [essay, report], dt.date(2024, 3, 3), dt.date(2024, 3, 4)
    )
    assert [p.id for p in ordered] == ["a", "d", "r"]


def test_a_sentence_timed_from_another_event_follows_it_and_precedes_what_came_later():
    """ "Less than three hours later, ..." is timed from the event before it: with no date in its
    source, it must come after the story's opening (10 pm) and before a 4 am statement."""
    from memogen.compose import event_order
    from memogen.compose.order import relative_delay

    live = Source(id="live", path="l.txt", kind="txt", metadata=SourceMetadata(), text="")
    wire = Source(id="wire", path="w.txt", kind="txt", metadata=SourceMetadata(), text="")
    vote = mp(
        "v", "Less than three hours later, the council voted to annul the decree.", "what_happened", ("live",)
    )
    decree = mp("d", "The governor issued the decree late on 3 May.", "what_happened", ("wire",), start=0)
    retreat = mp(
        "r", "At around 4 a.m. the governor said he would withdraw it.", "what_happened", ("live",), 90
    )
    crowds = mp("c", "Crowds gathered in the square early morning of 4 May.", "what_happened", ("wire",), 200)
    ordered = event_order(
        [vote, retreat, crowds, decree], [live, wire], dt.date(2024, 5, 3), dt.date(2024, 5, 4)
    )
    assert [p.id for p in ordered] == ["d", "v", "r", "c"]
    assert relative_delay("The talks resumed the next day.") == 24.0
    assert relative_delay("Hours after the collapse, the mayor spoke.") == 2.0
    assert relative_delay("Later that day, the search began.") == 2.0
    assert relative_delay("He left for talks in the capital.") is None


def test_inferred_title_prefers_a_headline_that_stands_on_its_own_over_a_standfirst():
    """A standfirst that continues its headline ("Rebels also seized ...") names no story by itself,
    even from the source that reports the event most; a real headline of another source wins."""
    from memogen.compose.header import infer_title, stands_alone

    standfirst, headline = (
        Source(id=sid, path=f"{sid}.html", kind="html", metadata=SourceMetadata(title=title), text="")
        for sid, title in (
            ("s", "Rebels also seized the dam near the capital; troops fought the rebels"),
            ("h", "Rebels seize dam as fighting spreads"),
        )
    )
    pts = [
        mp("s1", "Rebels seized the dam near the capital on Monday.", "what_happened", ("s",)),
        mp("s2", "Troops fought the rebels at the dam for hours.", "what_happened", ("s",), 60),
        mp("h1", "Fighting spreads as rebels seize the dam.", "what_happened", ("h",)),
    ]
    assert infer_title([standfirst, headline], result_of(pts)) == "Rebels seize dam as fighting spreads"
    assert not stands_alone("Two states restore ties. Mediator: a third")
    assert stands_alone("At least 19 killed; court scraps the ruling")


def test_a_recalled_day_in_the_past_perfect_is_not_the_day_of_the_news_after_it():
    """ "The governor had declared the curfew late on 3 May" recalls the start amid a report of the next
    day's news: the undated sentence after it is not dated 3 May (but "said ... had" is reported speech)."""
    from memogen.compose import event_order
    from memogen.compose.order import recalls_earlier

    wire = Source(id="wire", path="w.txt", kind="txt", metadata=SourceMetadata(), text="")
    live = Source(id="live", path="l.txt", kind="txt", metadata=SourceMetadata(), text="")
    vote = mp("v", "The council voted at 1 a.m. on 4 May to annul the curfew.", "what_happened", ("wire",))
    recalled = mp("d", "The governor had declared the curfew late on 3 May.", "what_happened", ("live",))
    withdraw = mp("w", "The governor said he would withdraw the curfew.", "what_happened", ("live",), 100)
    ordered = event_order([withdraw, vote, recalled], [wire, live], dt.date(2024, 5, 3), dt.date(2024, 5, 4))
    assert [p.id for p in ordered] == ["d", "v", "w"]
    assert not recalls_earlier("He posted a message saying his forces had crossed the border on 4 May.")
