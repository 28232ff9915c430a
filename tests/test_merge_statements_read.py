"""Statements as a reader sees them (issue 12, session 14 QA): no stand-in year printed, two sources
never named alike, a toll's undated updates told as the progression they are, no "at at least"."""

from __future__ import annotations

import datetime as dt

from memo_factory import merge_specs
from memogen.merge.claims import STAND_IN_YEAR, assume_event_years, read_claim
from memogen.merge.quantities import extract_quantities
from memogen.merge.statements import day_text, source_names
from memogen.model import Source, SourceMetadata


def _claim(sentence: str, display: str, source_date: dt.date | None = None):
    q = next(q for q in extract_quantities(sentence) if q.display == display)
    return read_claim(0, "s", q, source_date)


def _statements(result) -> list[str]:
    return [c.statement for m in result.merged for c in m.conflicts]


def test_a_day_told_without_its_year_takes_the_events_year_or_none_never_year_one():
    said = _claim("The death toll rose to 143 on 22 March, officials said.", "143")
    assert said.reported == dt.date(STAND_IN_YEAR, 3, 22)  # the stand-in, until the event is known
    assume_event_years([said], (dt.date(2024, 3, 22), dt.date(2024, 3, 22)))
    assert said.reported == dt.date(2024, 3, 22)
    unknown = _claim("The death toll rose to 143 on 22 March, officials said.", "143")
    assume_event_years([unknown], None)
    assert unknown.reported is None  # no year known: not ordered before the dated reports
    # a one-day count stays of one day, its year known or not
    alone = _claim("Five people were killed on 21 July alone.", "Five people")
    assume_event_years([alone], None)
    assert alone.day is not None and (alone.day.month, alone.day.day) == (7, 21)
    assert day_text(dt.date(STAND_IN_YEAR, 3, 22)) == "22 March"
    assert day_text(dt.date(2024, 3, 22)) == "22 March 2024"


def test_a_day_in_the_subject_of_a_running_total_dates_the_event_not_the_count():
    deep = _claim("The death toll from an attack on a concert hall on 22 March has risen to 143.", "143")
    assert deep.reported is None and deep.day is None
    opening = _claim("On 22 March the death toll rose to 143.", "143", dt.date(2024, 3, 25))
    assert opening.reported == dt.date(2024, 3, 22)
    own_clause = _claim(
        "The hall was a ruin on 23 March as the death toll passed 130.", "130", dt.date(2024, 3, 25)
    )
    assert own_clause.reported == dt.date(2024, 3, 23)


def test_undated_figures_of_a_toll_take_their_place_among_dated_ones_that_rise():
    _, result = merge_specs(
        ("a", ["Gunmen killed at least 93 people at the concert hall."], "Alpha", None),
        ("b", ["The death toll from the concert hall attack reached 130."], "Beta", dt.date(2024, 3, 23)),
        ("c", ["The death toll from the concert hall attack reached 133."], "Gamma", dt.date(2024, 3, 24)),
        (
            "d",
            ["The death toll from the attack on the concert hall on 22 March has risen to 143."],
            "Delta",
            None,
        ),
    )
    (statement,) = _statements(result)
    assert statement.startswith(
        "The death toll rose from at least 93 people (Alpha) to 130 (Beta, 23 March 2024)"
    )
    assert statement.endswith("then to 143 (Delta).")
    assert " 1)" not in statement and "Sources differ" not in statement


def test_a_progression_told_beside_a_sentence_never_says_at_at():
    hall = "the concert hall"
    said = {
        "a": (f"The death toll from {hall} attack reached at least 93.", 22),
        "b": (f"Gunmen killed 130 people at {hall}, officials said.", 23),
    }
    names = {"a": "Alpha", "b": "Beta"}
    _, result = merge_specs(*((k, [t], names[k], dt.date(2024, 3, d)) for k, (t, d) in said.items()))
    (conflict,) = [c for m in result.merged for c in m.conflicts]
    told = conflict.beside["b"]
    assert "at at" not in told
    assert told.startswith("An earlier report gave the death toll as at least 93 (Alpha, 22 March 2024)")


def _source(sid: str, text: str, publisher: str | None = None, title: str | None = None) -> Source:
    md = SourceMetadata(publisher=publisher, title=title)
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=md, text=text)


def test_two_sources_are_never_named_alike_in_a_statement():
    quake = "The death toll from the earthquake in Verna rose to 65 on Wednesday, officials said."
    storm = "The death toll from the storm that hit the coast rose to 12 on Tuesday, officials said."
    names = source_names(
        [
            _source("a", quake),
            _source("b", storm),
            _source("c", "Other words entirely: a lawmaker said so on Monday."),
        ]
    )
    assert names["a"] != names["b"]
    assert names["a"].startswith("“The death toll from the earthquake") and names["a"].endswith("…”")
    assert names["c"] == "“Other words entirely: a…”"  # no clash: named as before
    wires = source_names(
        [
            _source("x", quake, publisher="AP", title="Quake toll rises in Verna"),
            _source("y", storm, publisher="AP", title="Storm hits the coast"),
        ]
    )
    assert wires == {"x": "AP, “Quake…”", "y": "AP, “Storm…”"}


def test_a_range_of_percentages_is_one_figure_and_a_change_is_two():
    for said in (
        "The Fed cut its rate to a range of 4.75% to 5% on Wednesday.",
        "The Fed cut its rate to a new range of 4.75%-5% on Wednesday.",
        "The Fed cut its rate to between 4.75 percent and 5 percent on Wednesday.",
    ):
        (q,) = [q for q in extract_quantities(said) if q.kind == "percent"]
        assert q.value == (4.75, 5.0)
    assert len(extract_quantities("Inflation fell from 5.5% to 5% in May.")) == 2
    assert len(extract_quantities("Shares of 3% and 5% were sold.")) == 2
    statements = [
        s
        for s in _two_sources_say(
            "The Fed lowered the rate to a range of between 4.75 percent and 5 percent.",
            "The Fed lowered the rate to a range of 4.75 to 5%. Rates had been at a range of 5.25% to 5.5%.",
        )
        if s.startswith("Sources differ")
    ]
    assert statements == []  # one range told two ways; the range before the cut is no reading of it


def _two_sources_say(first: str, second: str) -> list[str]:
    day = dt.date(2024, 9, 18)
    _, result = merge_specs(("a", [first], "Alpha", day), ("b", [second], "Beta", day))
    return _statements(result)


def test_a_date_opening_a_span_of_months_is_not_set_against_a_date():
    statements = _two_sources_say(
        "It was the first rate cut since the Fed raised rates from March 2022 to July 2023.",
        "It was the first interest rate cut since March 2020.",
    )
    assert not any("March 2022" in s for s in statements)


def test_an_agreement_beside_its_strongest_figure_gives_only_the_figures_that_fit():
    _, result = merge_specs(
        ("a", ["Lai received over 5.5 million votes in the election."], "Alpha", dt.date(2024, 1, 14)),
        ("b", ["Lai received over 5.39 million votes in the election."], "Beta", dt.date(2024, 1, 14)),
    )
    shown = [(m.text, c.statement) for m in result.merged for c in m.conflicts]
    assert shown
    for text, statement in shown:
        if "5.5 million" in text:
            assert statement == "Another report gives over 5.39 million (Beta), consistent with this."
        else:
            assert statement.startswith("Alpha reports over 5.5 million")


def test_undated_figures_of_a_toll_that_differ_are_listed_lowest_first():
    _, result = merge_specs(
        ("a", ["The earthquake killed 1,037 people across the region."], "Alpha", None),
        ("b", ["The earthquake killed 820 people across the region."], "Beta", None),
    )
    assert _statements(result) == [
        "Sources differ on the death toll: Beta reports 820 people; Alpha reports 1,037 people."
    ]


def test_a_count_whose_sentence_leans_on_the_one_before_is_set_against_no_other_count():
    said = (
        "The fire department in Harbin reported a blaze. The department also said 25 buildings had collapsed."
    )
    statements = _two_sources_say(
        "At least 27 buildings collapsed across the province, officials said.", said
    )
    assert not any("buildings" in s for s in statements)
    # a count said of its own subject still disagrees
    statements = _two_sources_say(
        "At least 27 buildings collapsed across the province, officials said.",
        "Officials said 25 buildings collapsed across the province.",
    )
    assert any(s.startswith("Sources differ") and "25 buildings" in s for s in statements)
