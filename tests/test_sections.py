"""Section extractor: headings, points, classification rules, offsets, determinism."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from memogen.model import Source, SourceMetadata
from memogen.sections import extract_points, infer_event_date
from memogen.sections.dates import find_dates
from memogen.sections.evaluate import evaluate, parse_labelled
from memogen.sections.extract import source_points
from memogen.sections.headings import heading_section, is_heading
from memogen.sections.segment import opening

FIXTURES = Path(__file__).parent / "fixtures" / "sections"
EVENT = dt.date(2023, 3, 7)
DANGLING = re.compile(
    r"^(?:He|She|They|His|Her|Its|Their|Them|This|That|These|Those|Such)\b"
    r"|^It\b(?! (?:is|was|has been) (?:[\w ]+ )?(?:that|since|clear|likely)\b)"
    r"|^(?:Moreover|However|Further|Furthermore|Conversely|Thus|Hence|Therefore|Additionally|Also|Meanwhile|"
    r"Nevertheless|Besides|First|Second|Third|Finally|In addition|In fact|Despite this|Yet|But|And),"
    r"|^(?:But|And|So) "
)


def make_source(text: str, published: dt.date | None = dt.date(2023, 3, 10), sid: str = "s") -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(date=published), text=text)


def points_of(text: str, published: dt.date | None = dt.date(2023, 3, 10)):
    return extract_points(make_source(text, published), EVENT, None)


# --------------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    "line, section",
    [
        ("What happened?", "what_happened"),
        ("What is the background?", "background"),
        ("What does it mean?", "what_it_means"),
        ("Why it matters", "what_it_means"),
        ("A brief history of Franco-German relations", "background"),
        ("Context", "background"),
        ("Issues at large", "background"),
        ("In the news", "what_happened"),
        ("In perspective", "what_it_means"),
        ("Outlook", "what_it_means"),
        ("2. Implications for the region", "what_it_means"),
        ("What's next", "what_it_means"),
        ("Old players on a new trajectory", None),
        ("MM News TV", None),
    ],
)
def test_heading_recognised_by_form_and_mapped(line: str, section: str | None) -> None:
    assert is_heading(line)
    assert heading_section(line, by_similarity=True) == section


@pytest.mark.parametrize(
    "line",
    [
        "The talks ended on Tuesday.",
        "In the context of regional security and stability, both countries share some common interests in the endgame",
        "analysis of the vote",
        "What happened?\nThe minister arrived.",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert not is_heading(line)


def test_heading_assignment_always_wins() -> None:
    # Every sentence below carries strong cues for another section; the heading decides anyway.
    text = (
        "What does it mean?\n\nOn 7 March, the minister arrived in the capital and said the talks went well.\n\n"
        "Background\n\nThe deal is likely to signal a shift that could reshape the region next year.\n\n"
        "What happened?\n\nThe two countries had fought a war in 1971, which has shaped ties since 1972."
    )
    points = points_of(text)
    assert [p.section for p in points] == ["what_it_means", "background", "what_happened"]
    assert all(p.reason == "heading" for p in points)


def test_heading_wins_even_in_a_pre_event_source() -> None:
    points = points_of("What happened?\n\nThe minister arrived on 7 March.", published=dt.date(2023, 1, 1))
    assert [p.section for p in points] == ["what_happened"]


def test_non_section_heading_ends_the_scope_and_assigns_nothing() -> None:
    text = (
        "What happened?\n\nOn 7 March, the minister arrived and said the talks went well.\n\n"
        "Old players on a new trajectory\n\n"
        "In 1998 and 2003, the two countries fought border skirmishes that had poisoned relations for decades."
    )
    points = points_of(text)
    assert points[0].reason == "heading"
    assert points[1].reason != "heading"
    assert points[1].section == "background"


def test_reader_headings_count_even_without_heading_form() -> None:
    text = "Some words about what we learnt from it all.\n\nThe minister will visit again next year."
    source = make_source(text)
    source.headings = [(0, "Some words about what we learnt from it all.")]
    points = extract_points(source, EVENT)
    assert len(points) == 1 and points[0].text.startswith("The minister")


# --------------------------------------------------------------------------- points


def test_no_point_starts_with_a_dangling_pronoun_or_connective() -> None:
    text = (
        'On 7 March, the minister arrived in Rome. He said: "We are here to stay." This surprised many.\n\n'
        "Moreover, the talks covered trade. However, no deal was signed. Further, the ministers met again.\n\n"
        "Conversely, exports fell. Thus, the outlook is uncertain. It was the largest fall in years.\n\n"
        "They agreed to meet again. Despite this, tensions remain. On his arrival, he met the mayor."
    )
    points = points_of(text)
    assert points
    for p in points:
        assert not DANGLING.match(p.text), p.text


def test_no_lavrov_point_starts_dangling(lavrov_dir: Path) -> None:
    from memogen.config import load_topic
    from memogen.sources import read_source, source_id_for

    _, config = load_topic(lavrov_dir.parent, lavrov_dir.name)
    paths = sorted(lavrov_dir.glob("*.txt"))
    sources = [read_source(p, source_id_for(p), config.sources.get(p.name)) for p in paths]
    points = [p for s in sources for p in extract_points(s, config.event_date, config.event_end)]
    assert len(points) > 60
    bad = [p.text[:80] for p in points if DANGLING.match(p.text) or not p.text[:1].isupper()]
    assert bad == []


def test_connective_dropped_and_capitalised_when_the_sentence_stands_alone() -> None:
    text = "The minister arrived in Rome on 7 March.\n\nHowever, no agreement was signed on trade."
    points = points_of(text)
    assert points[1].text == "No agreement was signed on trade."
    source_text = make_source(text).text
    assert source_text[points[1].start : points[1].end] == "no agreement was signed on trade."


def test_speaker_sentence_keeps_its_quote() -> None:
    text = 'The minister met his counterpart on 7 March. He said: "This is a new era." Trade was discussed.'
    points = points_of(text)
    assert points[0].text == 'The minister met his counterpart on 7 March. He said: "This is a new era."'
    assert points[1].text == "Trade was discussed."


def test_enumeration_items_are_separate_points() -> None:
    text = "First, exports rose by a third. Second, imports fell sharply. Third, the currency gained ground."
    points = points_of(text)
    assert [p.text for p in points] == [
        "Exports rose by a third.",
        "Imports fell sharply.",
        "The currency gained ground.",
    ]


def test_verbless_enumeration_lead_is_joined_to_its_sentence() -> None:
    text = (
        "First, the warming up of relations. The visit was the first in nine years. Both sides gained.\n\n"
        "Second, the multifaceted expansion of trade. Trade rose 45 per cent in 2020."
    )
    points = points_of(text)
    assert points[0].text == "The warming up of relations. The visit was the first in nine years."
    assert points[1].text == "Both sides gained."
    assert points[2].text == "The multifaceted expansion of trade. Trade rose 45 per cent in 2020."


def test_abbreviations_do_not_split_sentences() -> None:
    text = "Gen. Smith met Mr. Jones of the U.S. delegation at No. 10 on 7 March. The talks lasted two hours."
    points = points_of(text)
    assert len(points) == 2
    assert points[0].text.startswith("Gen. Smith met Mr. Jones of the U.S. delegation at No. 10")


@pytest.mark.parametrize(
    "sentence, dangling",
    [
        ("He said the talks went well.", "strong"),
        ("This means the deal is off.", "strong"),
        ("This visit was the first in years.", "weak"),
        ("It is clear that the deal is off.", None),
        ("It has been more than 20 years since the war.", None),
        ("On his arrival, the minister met the mayor.", "strong"),
        ("The minister met the mayor.", None),
    ],
)
def test_opening_dependence(sentence: str, dangling: str | None) -> None:
    assert opening(sentence).dangling == dangling


def test_offsets_are_valid_and_text_renders_the_span() -> None:
    text = (FIXTURES / "tune" / "sweden-nato.txt").read_text().split("---\n", 1)[1]
    text = re.sub(r"^# [a-z_-]+ \| ", "", text, flags=re.M)
    source = make_source(text, dt.date(2024, 3, 10))
    points = extract_points(source, dt.date(2024, 3, 7))
    assert len(points) > 10
    for p in points:
        assert 0 <= p.start < p.end <= len(text)
        span = " ".join(text[p.start : p.end].split())
        assert p.text[1:] == span[1:] and p.text[0] == span[0].upper()
        assert 0.0 <= p.confidence <= 1.0
        assert p.reason in {"heading", "time", "cue", "model", "position"}
    assert [p.order for p in points] == list(range(len(points)))
    assert all(a.end <= b.start for a, b in zip(points, points[1:], strict=False))


def test_extraction_is_deterministic() -> None:
    doc = parse_labelled("chile", (FIXTURES / "tune" / "chile-constitution.txt").read_text())
    first = evaluate(doc, stripped=True)[2]
    second = evaluate(doc, stripped=True)[2]
    assert first == second


# --------------------------------------------------------------------------- classification


def test_pre_event_source_never_gives_what_happened() -> None:
    text = (
        "On 7 March, the minister arrived in Rome and said the talks went well. Delegations met today.\n\n"
        "The two sides signed a trade deal and announced a joint statement on 8 March."
    )
    points = points_of(text, published=dt.date(2023, 2, 1))
    assert points and all(p.section != "what_happened" for p in points)
    assert {p.section for p in points_of(text)} == {"what_happened"}  # the same text after the event


def test_years_well_before_the_event_are_background() -> None:
    text = (
        "On 7 March, the minister arrived in Rome and said the talks went well.\n\n"
        "The two countries fought a war in 1971 and had no diplomatic ties until 1994.\n\n"
        "The visit is likely to signal a shift, and could reshape trade in the coming years."
    )
    points = points_of(text)
    assert [p.section for p in points] == ["what_happened", "background", "what_it_means"]
    assert points[1].reason == "time"
    assert points[2].reason == "cue"


def test_points_under_headings_have_full_confidence_and_others_less() -> None:
    text = "What happened?\n\nThe minister arrived on 7 March.\n\nOld players\n\nTrade could grow next year."
    points = points_of(text)
    assert points[0].confidence > 0.95
    assert points[1].confidence < points[0].confidence


def test_all_labelled_briefs_are_perfect_when_headings_are_kept() -> None:
    for path in sorted(FIXTURES.glob("*/*.txt")):
        doc = parse_labelled(path.stem, path.read_text())
        gold, pred, _ = evaluate(doc, stripped=False)
        assert len(gold) > 8
        assert gold == pred, path.name


# --------------------------------------------------------------------------- dates


def test_find_dates_forms() -> None:
    found = find_dates(
        "On 7 April, then April 7, 2021, 27thFebruary, March 17th 2019, June 2015, 2003, the 1980s."
    )
    kinds = [(d.kind, d.year, d.month, d.day) for d in found]
    assert kinds == [
        ("day", None, 4, 7),
        ("day", 2021, 4, 7),
        ("day", None, 2, 27),
        ("day", 2019, 3, 17),
        ("month", 2015, 6, None),
        ("year", 2003, None, None),
        ("decade", 1980, None, None),
    ]
    assert find_dates("you may 5 times, 2,500 people, 45 per cent") == []


def test_infer_event_date_takes_the_most_reported_day_and_its_range() -> None:
    a = make_source(
        "The president arrived on 6 May 2022 for a two-day visit. In 2019 trade fell.",
        dt.date(2022, 5, 9),
        "a",
    )
    b = make_source(
        "On May 7, the president concluded his visit after arriving on May 6.", dt.date(2022, 5, 8), "b"
    )
    c = make_source("Leaders met on 6 May, a report said on 1 March.", dt.date(2022, 5, 10), "c")
    assert infer_event_date([a, b, c]) == (dt.date(2022, 5, 6), dt.date(2022, 5, 7))


def test_infer_event_date_counts_today_and_falls_back_to_publication_dates() -> None:
    today = make_source("The minister is arriving today for talks.", dt.date(2022, 5, 6), "t")
    assert infer_event_date([today]) == (dt.date(2022, 5, 6), None)
    undated = [
        make_source("No dates here at all.", d, str(i))
        for i, d in enumerate([dt.date(2022, 1, 3), dt.date(2022, 1, 9), None])
    ]
    assert infer_event_date(undated) == (dt.date(2022, 1, 9), None)
    assert infer_event_date([make_source("Nothing.", None)]) is None


def test_no_event_date_and_empty_sources_are_handled() -> None:
    assert extract_points(make_source(""), None) == []
    assert extract_points(make_source("What happened?\n\nOutlook"), None) == []
    points = extract_points(
        make_source("The minister arrived today. Trade could double next year.", None), None
    )
    assert [p.section for p in points] == ["what_happened", "what_it_means"]


def test_pre_event_forecasts_are_background_not_what_it_means() -> None:
    text = (
        "The audit found seepage through the embankment in 2022.\n\n"
        "The audit warned that a failure of the dam would flood the villages within two hours, "
        "and the works are likely to be deferred to the 2026 budget."
    )
    points = points_of(text, published=dt.date(2022, 12, 1))
    assert points and {p.section for p in points} == {"background"}
    assert "what_it_means" in {p.section for p in points_of(text)}  # the same text after the event


@pytest.mark.parametrize(
    "sentence",
    [
        "On 7 March the central bank raised its rate to 6.75%, its largest increase since 2008.",
        "On 7 March the bank raised rates at the fastest pace in more than a decade.",
    ],
)
def test_a_record_measured_against_a_past_year_is_still_what_happened(sentence: str) -> None:
    assert [p.section for p in points_of(sentence)] == ["what_happened"]


def test_a_future_told_after_the_news_is_its_terms_unless_it_looks_ahead() -> None:
    text = (
        "On 7 March the two ministers signed the fund agreement in Varo. Under the agreement, Tessa will "
        "contribute half of the fund's capital.\n\n"
        "The fund could double the region's trade in the long run."
    )
    points = points_of(text)
    assert [p.section for p in points] == ["what_happened", "what_happened", "what_it_means"]
    found = source_points(make_source(text, dt.date(2023, 3, 10)), EVENT)
    assert [("c_news_future" in it.features) for it in found.items] == [False, True, False]
    judged = (
        "On 7 March the two ministers signed the fund agreement in Varo. Analysts believe the fund "
        "will steady the region's currencies."
    )
    found = source_points(make_source(judged, dt.date(2023, 3, 10)), EVENT)
    assert [("c_news_future" in it.features) for it in found.items] == [False, False]  # a judgement
