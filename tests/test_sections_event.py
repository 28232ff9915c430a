"""The event a memo is about: the most recent specific action the sources report as news.

The sources below are of our own writing: every one of them recalls an old event (a ceasefire of
November 2020, more often dated than anything else) and reports a new one (a decree, dated by
"on Tuesday", by a dateline or by its day).  The memo must be about the new one.  The corpus events
of the tuning half (../shared/corpus/events, skipped when absent) check the same on real pages: each
inferred event date falls within the event_dates of its facts.yaml.  The held half is only counted, by
benchmarks/eval_sections.py, never asserted on here (its pages and errors are not to be looked at).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from memogen.model import Source, SourceMetadata
from memogen.pipeline import BuildOptions, run_build
from memogen.sections import infer_event, written_on
from memogen.sections.dates import find_dates
from memogen.sections.event import known_days, named_days, source_reports
from memogen.sources import read_sources
from memogen.sources.inspect import extract_record

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "events"

RECALL_AND_REPORT = {
    "wire-decree.txt": (
        "September 20, 2023 10:14 AM GMT\n\n"
        "KORVAN, Sept 20 (Wire) - President Elin Sarv on Tuesday signed a decree dissolving the Upper Valley "
        "authority, ending three years of joint rule over the district.\n\n"
        "The decree orders the authority's offices to close by the end of the year and hands its budget to the "
        "national treasury.\n\n"
        "The ceasefire signed on 10 November 2020 ended six weeks of fighting over the valley. Under the "
        "ceasefire of 10 November 2020, the authority was created to run the district jointly.\n\n"
        "Analysts said the move could anger the valley's farmers, who depend on the authority's grants.\n"
    ),
    "daily-decree.md": (
        "# Sarv dissolves valley authority\n\n"
        "Published 21 September 2023\n\n"
        "President Elin Sarv dissolved the Upper Valley authority on 19 September 2023, her office said, in a "
        "decree published in the official gazette.\n\n"
        "The authority had been set up after the ceasefire of 10 November 2020, which every party still "
        "describes as the basis of peace in the valley. Since the ceasefire of 10 November 2020, the district "
        "has been governed jointly.\n\n"
        "Opposition leaders warned that the decree would leave thousands of civil servants without pay.\n"
    ),
    "institute-brief.txt": (
        "Valley authority dissolved\n\n"
        "On 19 September, President Elin Sarv signed a decree dissolving the Upper Valley authority. The decree "
        "takes effect on 1 January 2024.\n\n"
        "The authority was a product of the ceasefire agreement signed on 10 November 2020. The ceasefire of "
        "10 November 2020 was brokered by neighbouring states after six weeks of war.\n\n"
        "The dissolution is likely to test the ceasefire's guarantees and may prompt the guarantors to "
        "intervene.\n"
    ),
}
DECREE_DAY = dt.date(2023, 9, 19)


def _source(sid: str, text: str, date: dt.date | None) -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(date=date), text=text)


def _undated(texts: list[str]) -> list[Source]:
    """Sources without a date of writing, one per text."""
    return [_source(f"s{k}", text, None) for k, text in enumerate(texts)]


def _build(topic_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    options = BuildOptions(
        topic=topic_dir.name,
        inputs_dir=topic_dir.parent,
        out_dir=tmp_path / "out",
        formats=["json"],
        quiet=True,
    )
    return run_build(options)


@pytest.fixture()
def topic_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / "valley-decree"
    folder.mkdir(parents=True)
    for name, text in RECALL_AND_REPORT.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_sources_that_recall_an_old_event_are_about_the_new_one(topic_dir: Path) -> None:
    sources, _ = read_sources(sorted(topic_dir.iterdir()), {}, progress=False)
    mentions_2020 = sum(s.text.count("10 November 2020") for s in sources)
    mentions_decree = sum(s.text.count("19 September") for s in sources)
    assert mentions_2020 > mentions_decree  # the old date is the one most mentioned
    event = infer_event(sources)
    assert event is not None
    assert event.start == DECREE_DAY and event.end is None
    assert "Elin Sarv" in event.actors or "Upper Valley" in event.actors
    assert event.why and "19 September 2023" in event.why[0]


def test_the_memo_reports_the_decree_and_recalls_the_ceasefire(topic_dir: Path, tmp_path: Path) -> None:
    result = _build(topic_dir, tmp_path)
    memo = result.memo
    assert memo.header.event_date == DECREE_DAY
    happened = " ".join(p.text for p in memo.section("what_happened").points)
    background = " ".join(p.text for p in memo.section("background").points)
    assert "decree" in happened
    assert "November 2020" not in happened
    assert "November 2020" in background


def test_a_date_line_and_on_tuesday_date_a_page_of_its_own() -> None:
    source = _source("w", RECALL_AND_REPORT["wire-decree.txt"], None)
    assert written_on(source) == dt.date(2023, 9, 20)  # "September 20, 2023 10:14 AM GMT"
    event = infer_event([source])
    assert event is not None and event.start == DECREE_DAY  # "on Tuesday" before Wednesday 20 September


def test_a_dateline_without_its_year_takes_the_topic_s_year() -> None:
    wire = RECALL_AND_REPORT["wire-decree.txt"].split("\n\n", 1)[1]
    assert written_on(_source("w", wire, None), year_hint=2023) == dt.date(2023, 9, 20)


def test_extract_shows_the_page_s_own_event(topic_dir: Path) -> None:
    record = extract_record(topic_dir / "institute-brief.txt")
    assert record["event"]["start"] == DECREE_DAY.isoformat()
    assert record["event"]["origin"] == "inferred" and record["event"]["why"]
    given = extract_record(topic_dir / "institute-brief.txt", dt.date(2020, 11, 10))
    assert given["event"] == {"start": "2020-11-10", "end": None, "origin": "--event-date"}
    json.dumps(record)  # the record stays JSON


def test_topic_yaml_overrides_the_inferred_event(topic_dir: Path, tmp_path: Path) -> None:
    (topic_dir / "topic.yaml").write_text("event_date: 2020-11-10\n", encoding="utf-8")
    result = _build(topic_dir, tmp_path)
    assert result.memo.header.event_date == dt.date(2020, 11, 10)
    from memogen.explain import explain_memo

    text = explain_memo(result.memo)
    assert "event (topic.yaml): 10 November 2020" in text
    assert "the sources alone suggest: 19 September 2023" in text


@pytest.mark.parametrize(
    "text, written, day",
    [  # a weekday is dated from the source, a page date is no action
        (
            "The court on Sunday scaled back the quotas. The page was published on 1 August 2024.",
            dt.date(2024, 7, 22),
            dt.date(2024, 7, 21),
        ),
        (  # a planned or a recalled date loses to the reported one
            "Talks will be held on 30 March. The two sides had met on 2 March. The ministers met on 12 March.",
            dt.date(2023, 3, 13),
            dt.date(2023, 3, 12),
        ),
    ],
)
def test_the_reported_day_wins(text: str, written: dt.date, day: dt.date) -> None:
    event = infer_event([_source("s", text, written)])
    assert event is not None and event.start == day


def test_a_stated_range_gives_the_event_its_days() -> None:
    a = _source("a", "The conference opened on 30 November 2023 in Dubai.", dt.date(2023, 11, 30))
    b = _source("b", "The talks, held from 30 November to 13 December 2023, ended with a deal.", None)
    c = _source("c", "Delegates arrived on 30 November 2023.", None)
    event = infer_event([a, b, c])
    assert event is not None and (event.start, event.end) == (dt.date(2023, 11, 30), dt.date(2023, 12, 13))


# A disaster: the storm struck on Sunday 10 September and the dams burst on Monday; for days after,
# every report leads with the latest toll or statement ("rose to 5,300 on Tuesday", "officials said on
# Tuesday").  The event is the storm and the flood, not the days its dead were counted.
FLOOD = [
    (
        "a",
        "The death toll in Varna rose to 5,300 on Tuesday, the health minister said, as rescuers searched "
        "the mud.\n\nStorm Kora hit the coast on Sunday. Two dams above the city burst on Monday, "
        "sweeping whole districts into the sea.",
        dt.date(2023, 9, 13),
    ),
    (
        "b",
        "More than 2,000 people were killed, officials said on Tuesday, after two dams burst in Varna.\n\n"
        "The dams gave way early on Monday as Storm Kora dumped torrential rain on the region.",
        dt.date(2023, 9, 12),
    ),
    (
        "c",
        "Aid teams reached Varna as the toll climbed to 6,000, the interior ministry said on Wednesday.\n\n"
        "The city was struck on Sunday night when Storm Kora hit the coast and the dams collapsed.",
        dt.date(2023, 9, 14),
    ),
    (
        "d",
        "The number of dead rose to 3,000 on Tuesday, the regional government said.\n\n"
        "Floods swept through Varna on Monday after two dams collapsed under the rain of Storm Kora.",
        dt.date(2023, 9, 12),
    ),
    (
        "e",
        "On Thursday the Red Crescent said the toll had passed 11,000.\n\n"
        "Storm Kora hit the coast on 10 September. The dams burst overnight, destroying a quarter of the city.",
        dt.date(2023, 9, 15),
    ),
]


def test_a_disaster_is_the_days_it_struck_not_the_days_its_toll_was_reported() -> None:
    event = infer_event([_source(sid, text, written) for sid, text, written in FLOOD])
    assert event is not None
    assert event.start == dt.date(2023, 9, 10)
    assert event.end in (None, dt.date(2023, 9, 11))


def test_the_storm_s_own_past_in_an_aside_is_not_the_event() -> None:
    """Undated pages recall, in an aside, the day the storm formed more often than they date the flood."""
    pages = [
        "Storm Kora, which formed over the sea on 4 September 2023, hit Varna on 10 September 2023.",
        "Floods swept through Varna after Storm Kora, which formed on 4 September 2023, hit the coast.",
        "Storm Kora (formed on 4 September 2023) brought a year's rain in a day to Varna.",
        "The two dams above Varna burst on 10 September 2023, sweeping whole districts into the sea.",
    ]
    event = infer_event([_source(f"s{k}", text, None) for k, text in enumerate(pages)])
    assert event is not None and event.start == dt.date(2023, 9, 10)


# Pages written, or updated, a week and more after the flood still recap it as "on Sunday night": the
# Sunday they mean is the one another page dates in full, not the one before their own date.
LATE_RECAPS = [  # (day of September 2023 the page was written, its text)
    (17, "A week on, rescuers were still digging.\n\nStorm Kora hit the coast on Sunday night."),
    (18, "Survivors buried their dead on Monday.\n\nThe dams collapsed on Sunday night."),
    (17, "Floods swept through Varna late on Sunday after two dams burst."),
    (15, "Storm Kora hit Varna on 10 September. The dams burst overnight."),
]


def _the_flood_of(dated_pages: list[tuple[int, str]]) -> bool:
    """The event pages of September 2023 (day written, text) report is the flood of 10 (and 11) September."""
    event = infer_event(
        [_source(f"p{k}", text, dt.date(2023, 9, day)) for k, (day, text) in enumerate(dated_pages)]
    )
    return (
        event is not None
        and event.start == dt.date(2023, 9, 10)
        and event.end in (None, dt.date(2023, 9, 11))
    )


def test_a_weekday_in_a_late_recap_is_the_day_the_sources_date_in_full() -> None:
    assert _the_flood_of(LATE_RECAPS)


def test_a_weekday_no_page_dates_earlier_is_the_latest_one() -> None:
    """Without a day dated in full a week before, "on Sunday" is the Sunday just past."""
    pages = [("a", "Storm Kora hit the coast on Sunday night.", dt.date(2023, 9, 18))]
    event = infer_event([_source(sid, text, written) for sid, text, written in pages])
    assert event is not None and event.start == dt.date(2023, 9, 17)


# Two days after the flood, every page leads with that day's rescue, aid or mourning and recaps the night
# the dams burst: the later day is the news that follows, the flood is the event.
AFTERMATH = [
    ("a", "Rescuers recovered hundreds of bodies in Varna on Tuesday.\n\nTwo dams burst on Sunday night."),
    ("b", "Aid convoys reached Varna on Tuesday.\n\nThe floods hit the city late on Sunday."),
    ("c", "Authorities sealed off Varna on Tuesday.\n\nFloods swept the city on 10 September."),
    ("d", "Teams from five countries joined the search on Tuesday.\n\nThe dams collapsed on Sunday."),
    ("e", "The government declared three days of mourning on Tuesday.\n\nStorm Kora hit on Sunday."),
    ("f", "Survivors searched the rubble of Varna on Tuesday, two days after the storm hit."),
]


def test_the_aftermath_every_page_leads_with_follows_the_event() -> None:
    event = infer_event([_source(sid, text, dt.date(2023, 9, 13)) for sid, text in AFTERMATH])
    assert event is not None and event.start == dt.date(2023, 9, 10) and event.end is None
    assert any("followed" in line for line in event.why)


def test_a_strike_over_two_days_is_the_event_and_the_day_after_only_follows_it() -> None:
    """The storm hits on Sunday, the dams burst early on Monday: the two days are the event, together
    dated nearly as often as Tuesday's rescue that every page leads with; Tuesday is not in it."""
    recaps = [
        "Storm Kora hit on Sunday.",
        "Two dams burst early on Monday.",
        "The dams burst on 11 September.",
    ]
    leads = [text.split("\n\n")[0] for _, text in AFTERMATH]
    pages = [f"{lead}\n\n{recaps[k % 3]}" for k, lead in enumerate(leads[:5])] + leads[5:]
    event = infer_event([_source(f"p{k}", text, dt.date(2023, 9, 13)) for k, text in enumerate(pages)])
    assert event is not None and (event.start, event.end) == (dt.date(2023, 9, 10), dt.date(2023, 9, 11))


TUNE_EVENTS = ("bangladesh-quota-verdict-2024", "cop28-dubai-2023", "pakistan-election-2024")


def _corpus_events() -> list[Path]:
    return [CORPUS / name for name in TUNE_EVENTS if (CORPUS / name / "facts.yaml").exists()]


@pytest.mark.skipif(not _corpus_events(), reason="no ../shared/corpus/events")
@pytest.mark.parametrize("folder", _corpus_events(), ids=lambda p: p.name)
def test_corpus_event_dates_fall_within_the_gold_event_dates(folder: Path) -> None:
    dates = [
        dt.date.fromisoformat(d) for d in yaml.safe_load((folder / "facts.yaml").read_text())["event_dates"]
    ]
    sources, _ = read_sources(sorted(folder.glob("*.txt")), {}, progress=False)
    event = infer_event(sources)
    assert event is not None
    lo, hi = min(dates), max(dates)
    assert lo <= event.start <= hi
    assert event.end is None or lo <= event.end <= hi


def test_lavrov_without_topic_yaml_is_the_6_7_april_visit_and_gp_keeps_its_sections(lavrov_dir: Path) -> None:
    sources, _ = read_sources(sorted(lavrov_dir.glob("*.txt")), {}, progress=False)
    event = infer_event(sources)
    assert event is not None and (event.start, event.end) == (dt.date(2021, 4, 6), dt.date(2021, 4, 7))
    gp = next(s for s in sources if s.id == "gp-insights-new-era")
    from memogen.sections import extract_points

    points = extract_points(gp, event.start, event.end)
    headed = [p for p in points if p.reason == "heading"]
    assert {p.section for p in headed} == {"what_happened", "background", "what_it_means"}
    first = {key: next(p.text for p in headed if p.section == key) for key in ("what_happened", "background")}
    assert first["what_happened"].startswith("On 7 April, the Foreign Minister of Russia")
    assert "Russia-Pakistan relations" in first["background"]


def test_a_day_named_without_its_year_takes_the_year_the_sources_give_it() -> None:
    """Pages stamped a year on (a crawl or an update date) say "on 10 September"; a source that gives the
    day in full ("10 September 2023") tells which September that was."""
    updated = dt.date(2024, 9, 12)
    a = _source("a", "Two dams above Darn burst on 10 September after Storm Vell, the mayor said.", updated)
    b = _source("b", "On 10 September, floodwater swept through Darn, officials said.", updated)
    c = _source(
        "c", "Storm Vell reached the coast in September 2023; the dams burst on 10 September 2023.", None
    )
    event = infer_event([a, b, c])
    assert event is not None and event.start == dt.date(2023, 9, 10)
    alone = infer_event([a])  # nothing else names the year: the page's own year stands
    assert alone is not None and alone.start == dt.date(2024, 9, 10)


def test_a_weekday_beside_a_day_without_its_year_tells_the_year() -> None:
    """A page stamped a year on says "on Sunday, 10 September": 10 September was a Sunday in 2023."""
    page = _source(
        "p", "Two dams above Darn burst on Sunday, 10 September, the mayor said.", dt.date(2024, 9, 12)
    )
    event = infer_event([page])
    assert event is not None and event.start == dt.date(2023, 9, 10)
    plain = _source("q", "Two dams above Darn burst on 10 September, the mayor said.", dt.date(2024, 9, 12))
    event = infer_event([plain])
    assert event is not None and event.start == dt.date(2024, 9, 10)


def test_a_day_without_its_year_after_the_writing_date_is_last_year_s() -> None:
    """A report written in January says "on 10 September": that is the September before it; a plan
    ("will be held on 2 March") written in December is next year's March."""
    january = _source(
        "j",
        "Two dams above Darn burst on 10 September after Storm Vell, the mayor said.",
        dt.date(2024, 1, 15),
    )
    event = infer_event([january])
    assert event is not None and event.start == dt.date(2023, 9, 10)
    plan = _source(
        "p",
        "The council met on 18 December. The vote on the new charter will be held on 2 March.",
        dt.date(2023, 12, 20),
    )
    from memogen.sections.event import source_reports

    days = {r.day for r in source_reports(plan)}
    assert days == {dt.date(2023, 12, 18), dt.date(2024, 3, 2)}


def test_an_undated_page_s_year_is_not_the_year_it_counts_from() -> None:
    """'The fourth election since 2001' names where a count starts, not when the page was written; an
    undated page whose only year is that one gets no year of its own, and a source dated days later
    gives it."""
    undated = _source(
        "u",
        "On 28 September, voters chose a president in the fourth election since 2001, officials said.",
        None,
    )
    alone = infer_event([undated])
    assert alone is None or alone.start.year != 2001
    dated = _source("d", "Counting began on 29 September, the commission said.", dt.date(2019, 9, 30))
    event = infer_event([undated, dated])
    assert event is not None and event.start == dt.date(2019, 9, 28)


def test_a_page_that_names_no_year_still_dates_its_days_against_each_other() -> None:
    """No year anywhere: the page's own event is still its news day, so a day a month before it reads as
    earlier history and its lead as the news."""
    from memogen.sections.event import page_event
    from memogen.sections.extract import source_points

    page = _source(
        "y",
        "On 23 March, the council handed the mayor a two-week extension to present a new budget.\n\n"
        "On 14 February, the mayor had asked for six months, and the council had refused.\n\n"
        "The budget rules have not changed since 2011.\n",
        None,
    )
    assert infer_event([page]) is None  # no year of writing: no event to show a user
    own = page_event(page)
    assert own is not None and (own.start.month, own.start.day) == (3, 23) and own.origin == "assumed year"
    lead, earlier, rules = source_points(page, None).items
    assert "t_day_event" in lead.features and "t_day_before" in earlier.features
    # the year the page names is not set against a stand-in year of the event: it is just a year
    assert "t_year_any" in rules.features and "t_year_event" not in rules.features


# The storm crossed another country days before it reached the flooded city: many pages recall that
# passage, as a span of days, in an aside or in a past perfect; few report it as their news.
STORM_PASSAGE = [  # (day of September 2023 the page was written, or None, its text)
    (12, "Storm Kora, which caused deadly floods in Thessaly from 5 to 7 September, struck the coast of "
         "Varnia on Sunday, and two dams above the city of Derva burst overnight."),
    (13, "The death toll in Derva rose to 5,300 on Tuesday, officials said. Storm Kora battered Thessaly "
         "from 5 to 7 September before crossing the sea."),
    (14, "Floods devastated Derva on 10 September after two dams collapsed. Storm Kora had earlier hit "
         "Greece, where floods from 4 to 7 September killed 17 people."),
    (None, "Storm Kora made landfall in Varnia on 10 September 2023. It had formed on 4 September and "
           "flooded central Greece from 5 to 7 September."),
    (16, "Rescue teams from Italy and Turkey arrived in Derva on Wednesday. The UN launched a flash appeal "
         "on Thursday for 71 million dollars."),
    (18, "A week after the floods, survivors protested in front of the mosque, demanding accountability "
         "for the collapse of the dams on 11 September."),
]  # fmt: skip


def test_the_storm_s_earlier_passage_elsewhere_is_not_the_event() -> None:
    """'On Thursday' on a page of the 16th is the 14th, not the last day of the storm's span in another
    country; that span, recalled by many, reported by one, is not the event either."""
    pages = [
        _source(f"s{k}", text, dt.date(2023, 9, day) if day else None)
        for k, (day, text) in enumerate(STORM_PASSAGE)
    ]
    event = infer_event(pages)
    assert event is not None and event.start == dt.date(2023, 9, 10)
    assert event.end in (None, dt.date(2023, 9, 11))


# Each page a few days on reports its own day's aid, appeal or recovery: the aftermath, one page a day.
AFTERMATH_DAY_BY_DAY = [
    (13, "International aid arrived in Derva on Tuesday, two days after the dams burst."),
    (14, "The UN appealed for 71 million dollars on Thursday. Egypt sent rescue teams on Wednesday."),
    (15, "The government declared three days of mourning on Monday. The dams burst on the night of 10 September."),
    (16, "Rescuers recovered 400 bodies from the sea on Friday. The toll rose to 11,300 on Thursday, officials said."),
    (12, "Floods swept away a quarter of Derva on Sunday night after two dams burst."),
]  # fmt: skip


def test_one_page_s_news_of_each_day_after_does_not_stretch_the_event() -> None:
    pages = [
        _source(f"s{k}", text, dt.date(2023, 9, day)) for k, (day, text) in enumerate(AFTERMATH_DAY_BY_DAY)
    ]
    event = infer_event(pages)
    assert event is not None and event.start == dt.date(2023, 9, 10)
    assert event.end in (None, dt.date(2023, 9, 11))


# Pages a week and more after the flood tell the storm's story in order: it formed, crossed the islands
# (where it killed people on 7 September, reported as plainly as the flood), then struck the city on 10
# September; the later days are the toll and the anger.  The storm's prelude is told first, the flood after.
STORY_IN_ORDER = [  # (day of September 2023 the page was written, its text)
    (18, "A week after two dams burst in Derva, anger is growing. The toll stood at 11,300 on Monday, the "
         "Red Crescent said. Storm Kora killed 17 people on the islands on 7 September before it crossed the "
         "sea. On Sunday night, 10 September, the dams gave way."),
    (19, "Storm Kora formed on 4 September and hit the islands on 5 September, causing floods there until 7 "
         "September. It reached the coast on 10 September. The dams burst shortly after midnight on 11 September."),
    (21, "Aid agencies said on Wednesday that clean water was running out in Derva. The city was hit on "
         "Sunday, 10 September, when the dams collapsed. On 7 September the storm had flooded the islands."),
    (25, "Engineers warned in 2021 that the dams were cracking. When Storm Kora struck on 10 September, the "
         "upper dam failed. The authorities arrested eight officials on 25 September."),
]  # fmt: skip


def test_a_storm_s_prelude_told_before_the_flood_is_not_the_event() -> None:
    assert _the_flood_of(STORY_IN_ORDER)


def test_the_end_of_a_between_span_is_no_day_a_weekday_recaps() -> None:
    """'Between 5 and 7 September' ends a span, as "from 5 to 7 September" does: no day a later "on
    Thursday" may recap (on a page of Saturday the 16th that Thursday is the 14th)."""
    texts = [
        "Storm Kora killed 17 people on the islands between 5 and 7 September 2023.",
        "Aid convoys reached Derva on Thursday, days after the floods.",
    ]
    mentions = [find_dates(t) for t in texts]
    assert dt.date(2023, 9, 7) not in named_days(mentions, known_days(mentions), 2023, texts)
    aid = source_reports(_source("b", texts[1], dt.date(2023, 9, 16)), 2023, named=set())
    assert [r.day for r in aid] == [dt.date(2023, 9, 14)]


def test_each_sentence_of_a_paragraph_has_its_own_place() -> None:
    """Only the opening sentences are a report's lead: the fifth sentence of a long first paragraph is not."""
    text = " ".join(f"Rescuers reached village {k} on {k + 1} September 2023." for k in range(6))
    reports = source_reports(_source("a", text, dt.date(2023, 9, 12)), 2023)
    assert [r.index for r in reports] == list(range(6))
    assert reports[0].weight > reports[5].weight


def test_a_year_a_page_forecasts_is_after_its_writing() -> None:
    """No page is dated and none gives the flood's year: the latest year they name is one a page
    forecasts ("is expected to last into 2024"), so they were written before it, not in it; the
    year before is the flood's, not the forecast's."""
    pages = [
        _source(
            "a",
            "Floodwaters swept through the valley town of Korvan on 10 September, killing hundreds.",
            None,
        ),
        _source(
            "b",
            "The dam, built in 2011, gave way in the night. Rebuilding is expected to last into 2024, "
            "engineers cautioned.",
            None,
        ),
    ]
    event = infer_event(pages)
    assert event is not None and event.start == dt.date(2023, 9, 10)


def test_a_day_in_a_trailing_as_clause_dates_the_aftermath_not_the_quake() -> None:
    """The lead reports the quake undated and dates only what went on around it ("as rescuers struggled
    Saturday"); the next sentence dates the quake itself: the event is that one day, not two."""
    page = _source(
        "w",
        "A powerful earthquake struck the mountain province, killing hundreds, as rescuers struggled "
        "Saturday to reach remote villages.\n\nThe quake hit late Friday, sending people fleeing their homes.",
        dt.date(2023, 9, 9),
    )
    event = infer_event([page])
    assert event is not None and (event.start, event.end) == (dt.date(2023, 9, 8), None)


def test_a_far_target_a_page_forecasts_does_not_date_it() -> None:
    """'will triple capacity by 2030' is a target, not a clue to the year of writing: an undated page
    that tells of 2022 in the past and forecasts 2030 was written in 2022 (or soon after), not 2029."""
    from memogen.sections.event import _main_year

    text = (
        "The summit opened after a year of record heat in 2022. Delegates will triple renewable capacity "
        "by 2030, the draft says."
    )
    assert _main_year(text) == 2022
    assert _main_year("The dam was built in 2021. Repairs are expected to last into 2024.") == 2023


def test_sources_naming_no_year_take_it_from_a_day_written_with_its_weekday() -> None:
    """No year, no publication date: "Friday, January 26" fell on a Friday in 2024 (and 2018), so
    the ruling is that day of the latest such year; the "Oct. 7 attack" it follows is no later news."""
    ruling = _source(
        "a",
        "The tribunal issued its ruling on Friday, January 26, ordering Korvania to open the border. "
        "The case followed the Oct. 7 attack on the border post, officials said.",
        None,
    )
    recap = _source("b", "The Oct. 7 attack on the border post killed 12 guards, the ministry said.", None)
    event = infer_event([ruling, recap])
    assert event is not None
    assert (event.start.month, event.start.day) == (1, 26)
    assert event.start.weekday() == 4 and event.start <= dt.date.today()
    assert infer_event([recap]) is None  # no weekday: no year to read the day in


def test_a_weekday_with_its_part_of_the_day_still_tells_the_year() -> None:
    """A part of the day between weekday and date ("On Sunday evening, February 5") changes nothing:
    5 February fell on a Sunday in 2023 (and 2017), so the report is of that day of the latest such year."""
    report = _source(
        "a",
        "On February 3, a freight train derailed near the river town. On Sunday evening, February 5, "
        "residents were urged to leave their homes, officials said.",
        None,
    )
    event = infer_event([report])
    assert event is not None and event.start.year == 2023
    assert (event.start.month, event.start.day) in ((2, 3), (2, 5))


def test_a_day_without_its_year_is_read_in_the_year_its_weekday_fits() -> None:
    """One page shows a date (a later crawl: 1 October 2031); the others name the day without a year
    and open on the weekday of their news.  14 September fell on a Saturday in 2030, not in 2031: the
    summit was 14 September 2030.  Where the weekday fits the guessed year, or a source gives the day
    in full, nothing moves."""
    crawled = _source(
        "a", "Leaders met at the harbour summit, which opened on 14 September.", dt.date(2031, 10, 1)
    )
    others = [
        _source("b", "The council admitted the island league as a member on Saturday, officials said.", None),
        _source("c", "Delegates adopted the harbour declaration on Saturday after talks ran late.", None),
        _source(
            "d", "The summit adopted its declaration on the first day, 14 September, diplomats said.", None
        ),
    ]
    event = infer_event([crawled, *others])
    assert event is not None and event.start == dt.date(2030, 9, 14)
    assert any("read in 2030" in line for line in event.why)
    in_full = _source("e", "The summit of 14 September 2031 was postponed, the ministry said.", None)
    fixed = infer_event([crawled, *others, in_full])
    assert fixed is not None and fixed.start.year == 2031
    fits = [_source(x.id, x.text.replace("Saturday", "Sunday"), None) for x in others]
    assert infer_event([crawled, *fits]).start == dt.date(2031, 9, 14)  # type: ignore[union-attr]


def test_a_dateline_without_its_year_is_read_in_the_year_the_leads_weekdays_fit() -> None:
    """No year anywhere, no page date but a dateline "Harbourton, May 20:"; the leads report the news
    "on Monday" and recall the crash "on Sunday": a report is written on its news's day or the next,
    so May 20 is read in the latest year it fell on a Monday.  Weekdays that are no such pair say nothing."""
    dateline = "Harbourton, May 20: All passengers of the ferry are feared dead, the coast guard announced."
    weekdays = [
        "State media reported on Monday that the ferry sank on Sunday in heavy fog.",
        "The wreck, which sank on Sunday, was found early Monday after a night's search.",
        "Rescuers reached the wreck on Monday, officials said.",
    ]
    event = infer_event(_undated([dateline, *weekdays]))
    assert event is not None and (event.start.month, event.start.day) == (5, 20)
    assert event.start.weekday() == 0 and event.start <= dt.date.today()
    assert infer_event(_undated([dateline, *(w.replace("Sunday", "Thursday") for w in weekdays)])) is None


def test_a_day_told_ahead_or_as_a_limit_is_not_the_page_s_news() -> None:
    """An undated brief: its news is the day it reports done, not the deadline it sets ("remains a
    member until 22 May") nor a day it looks ahead to ("On 1 August, it will be the tenth day")."""
    from memogen.sections.event import page_event

    text = (
        "The council on 23 March gave the prime minister two more weeks to find a plan.\n\n"
        "On 13 March, the prime minister addressed the council, which failed to agree.\n\n"
        "On 1 May, it will be the last day of the talks.\n\n"
        "The extension does not alter the fact that the country remains a member until 22 May."
    )
    event = page_event(_source("brief", text, None))
    assert event is not None and (event.start.month, event.start.day) == (3, 23)


def test_a_day_reported_done_keeps_its_weight_beside_a_later_plan() -> None:
    """'ruled on 3 May that the quota will be cut': the day is the ruling's, the future is the ruling's
    content; 'On 3 May, it will be the last day of the talks' looks ahead to the day."""
    written = dt.date(2024, 5, 4)
    ruled = source_reports(_source("a", "The court ruled on 3 May 2024 that the quota will be cut.", written))
    done = source_reports(_source("b", "On 3 May 2024, it was the last day of the talks.", written))
    ahead = source_reports(_source("c", "On 3 May 2024, it will be the last day of the talks.", written))
    assert ruled[0].weight == done[0].weight > 4 * ahead[0].weight
