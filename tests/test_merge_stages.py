"""The merger's stages one by one (quantities, claims, conflicts, statements, clustering, text,
semantic), on short texts written for these tests. Each test pins one general rule of issue 12."""

from __future__ import annotations

import datetime as dt

import pytest

from memo_factory import merge_specs, source_with_points
from memogen.merge.aliases import learn_kinds
from memogen.merge.claims import read_claim, topic_entity
from memogen.merge.quantities import extract_quantities, figure_years
from memogen.merge.semantic import load_embedder, semantic_similarity
from memogen.merge.statements import measure_subject
from memogen.merge.text import drop_restated_asides
from memogen.model import Point

DAY = dt.date(2025, 5, 2)


def _claim(sentence: str, display: str, source_date: dt.date | None = DAY):
    q = next(q for q in extract_quantities(sentence) if q.display == display)
    return read_claim(0, "s", q, source_date)


def _statements(result) -> list[str]:
    return [c.statement for m in result.merged for c in m.conflicts]


def _two_sources_say(first: str, second: str) -> list[str]:
    """The disagreements stated when source Alpha says `first` and Beta says `second` (same day)."""
    _, result = merge_specs(("a", [first], "Alpha", DAY), ("b", [second], "Beta", DAY))
    return _statements(result)


# --------------------------------------------------------------------------- quantities


def test_shares_said_in_words_are_percentages_but_half_an_hour_is_not():
    shares = {
        q.display: q
        for q in extract_quantities("The bloc holds a quarter of world output and half of its trade.")
    }
    assert shares["a quarter"].kind == "percent" and shares["a quarter"].value == (23.0, 27.0)
    assert shares["half"].kind == "percent"
    assert not [q for q in extract_quantities("The talks lasted half an hour.") if q.kind == "percent"]


def test_the_counted_noun_comes_after_its_modifiers():
    (q,) = extract_quantities("Voting took place in 412 municipal and regional council wards.")
    assert q.unit == "ward" and q.display == "412 municipal and regional council wards"
    assert [q.unit for q in extract_quantities("At least 17 people died and 40 others are missing.")] == [
        "peopl",
        "other",
    ]


def test_an_adverb_before_a_participle_does_not_hide_the_counted_noun():
    (q, _) = extract_quantities("Candidates competed for 266 directly elected seats in the 336-member house.")
    assert q.unit == "seat" and q.display == "266 directly elected seats"


def test_a_span_of_days_is_read_as_its_first_and_last_day():
    for sentence, display in (
        ("The summit ran from 22 to 24 August 2023 in Karlsburg.", "22 to 24 August 2023"),
        ("The summit ran on 22-24 August 2023 in Karlsburg.", "22-24 August 2023"),
        ("The summit ran from August 22-24, 2023 in Karlsburg.", "August 22-24, 2023"),
    ):
        first, last = extract_quantities(sentence)
        assert (first.kind, first.value, first.display) == ("date", (2023, 8, 22), display)
        assert (last.value, last.span_from) == ((2023, 8, 24), (2023, 8, 22)) and first.opens_span
    assert [q.kind for q in extract_quantities("The score was 3-4 in May 2024.")] == ["number", "date"]


def test_exact_counts_differ_by_one_but_round_figures_allow_rounding():
    a, b = extract_quantities("854 wards") + extract_quantities("855 wards")
    assert not a.same_value(b)
    c, d = extract_quantities("350 million") + extract_quantities("351 million")
    assert c.same_value(d)


def test_a_year_the_figure_is_measured_from_does_not_date_it():
    (q,) = [
        q
        for q in extract_quantities("The sinking, which killed 23 people, is the worst since 1998.")
        if q.kind == "number"
    ]
    assert figure_years(q) == set()


# --------------------------------------------------------------------------- claims


def test_casualty_counts_are_one_measure_however_worded():
    units = {
        _claim("The clashes have resulted in at least 133 deaths.", "133 deaths").unit,
        _claim("The unrest has caused the loss of over 150 lives.", "150 lives").unit,
        _claim("More than 100 people were killed in the protests.", "100 people").unit,
        _claim("The death toll reached at least 174.", "174").unit,
    }
    assert units == {"people killed"}
    assert _claim("At least 40 people were injured in the blast.", "40 people").unit == "people injured"


def test_a_toll_said_by_its_subject_or_as_lives_claimed_counts_the_dead():
    exceeded = "The death toll from the storm in Verna has exceeded 1,300 people, officials said."
    assert _claim(exceeded, "1,300 people").unit == "people killed"
    claimed = "The storm has tragically claimed the lives of 2901 individuals."
    assert _claim(claimed, "2901 individuals").unit == "people killed"
    # lives that were changed, and people who live somewhere, are no toll
    assert _claim("The new clinic changed the lives of 2,000 people.", "2,000 people").unit != "people killed"
    assert _claim("About 90,000 people live in Verna.", "90,000 people").unit == "people living"


def test_a_day_in_a_relative_clause_after_the_figure_dates_that_thing_not_the_count():
    total = _claim("At least 2,122 people have died in the storm that hit Verna on Friday.", "2,122 people")
    assert total.day is None
    assert _claim("At least 19 people were killed in Verna on Friday.", "19 people").day is not None


def test_a_page_updated_as_its_toll_grew_reports_its_latest_figure_and_reports_are_dated():
    reports = {  # source -> (day of September it is dated, its sentences)
        "Alpha": (
            9,
            [
                "Early reports said 296 people were killed in the storm.",
                "The death toll from the storm has since exceeded 1,300 people.",
            ],
        ),
        "Beta": (10, ["The storm has killed at least 1,037 people, officials said."]),
        "Gamma": (8, ["At least 1,450 people have died in the storm, the ministry said."]),
    }
    _, result = merge_specs(
        *((name.lower(), texts, name, dt.date(2025, 9, day)) for name, (day, texts) in reports.items())
    )
    (statement,) = _statements(result)
    assert statement.startswith("Sources differ")
    assert "296" not in statement  # Alpha's earlier figure: its latest is 1,300
    order = [
        statement.find(x)
        for x in ("1,450 people (8 September", "1,300 people (9 September", "1,037 people (10 September")
    ]
    assert -1 not in order and order == sorted(order)


def test_an_earlier_lower_toll_is_an_older_report_not_an_error_and_undated_reports_stay_undated():
    _, result = merge_specs(
        (
            "a",
            ["More than 100 people were killed in the unrest."],
            "Alpha",
            dt.date(2025, 7, 21),
        ),
        ("b", ["At least 174 people were killed in the unrest."], "Beta", dt.date(2025, 7, 22)),
        ("c", ["There have been over 200 deaths in the unrest."], "Gamma", None),
    )
    (statement,) = _statements(result)
    # the bounds fit together and were reported on two days: no disagreement, the count as it grew
    assert statement == (
        "The death toll rose from more than 100 people (Alpha, 21 July 2025)"
        " to at least 174 people (Beta, 22 July 2025), then to over 200 deaths (Gamma)."
    )


def test_a_toll_reported_over_several_days_is_one_progression_dated_by_the_reports_cited():
    reports = {  # source -> (day of September it is dated, its sentences)
        "Alpha": (9, ["The storm has killed 1,037 people, officials said."]),
        "Beta": (9, ["The death toll from the storm has exceeded 1,300 people."]),
        "Gamma": (11, ["At least 2,122 people have died in the storm."]),
        # a page dated before its figure was counted: the report its sentence before cites dates it
        "Delta": (
            8,
            [
                "According to the latest report of the ministry (September 12 at 1 pm), 50,000 homes"
                " collapsed. The storm has claimed the lives of 2,901 people."
            ],
        ),
    }
    _, result = merge_specs(
        *((name.lower(), texts, name, dt.date(2025, 9, day)) for name, (day, texts) in reports.items())
    )
    # two figures of 9 September are two updates of that day, the lower first
    assert _statements(result) == [
        "The death toll rose from 1,037 people (Alpha, 9 September 2025) to 1,300 people"
        " (Beta, 9 September 2025), then to at least 2,122 people (Gamma, 11 September 2025), then to"
        " 2,901 people (Delta, 12 September 2025)."
    ]
    # reported on two days only, two figures of one day still disagree
    del reports["Gamma"], reports["Delta"]
    reports["Gamma"] = (11, ["At least 2,122 people have died in the storm."])
    _, result = merge_specs(
        *((name.lower(), texts, name, dt.date(2025, 9, day)) for name, (day, texts) in reports.items())
    )
    (statement,) = _statements(result)
    assert statement.startswith("Sources differ")


def test_the_date_of_a_long_report_lead_dates_the_report_not_a_fact():
    sentence = (
        "According to the latest report published by the Ministry of the Interior of Verna"
        " (September 12 at 1:00 pm), some 50,000 homes collapsed in whole or in part."
    )
    (date,) = [q for q in extract_quantities(sentence) if q.kind == "date"]
    assert read_claim(0, "s", date, DAY) is None
    assert _claim(sentence, "50,000 homes").reported == dt.date(2025, 9, 12)


def test_a_date_its_own_weekday_contradicts_near_the_event_is_a_slip_not_stated():
    from memogen.merge import merge_points

    sources, points = [], []
    for spec in (
        ("a", ["The earthquake struck Verna late on Friday 12 September, officials said."], "Alpha", None),
        ("b", ["The quake hit on the night of Friday, September 13, in the Verna region."], "Beta", None),
        (
            "c",
            ["Rescuers reached the village on Saturday, September 13, a day after the quake."],
            "Gamma",
            None,
        ),
    ):
        src, pts = source_with_points(*spec)
        sources.append(src)
        points += pts
    event = (dt.date(2025, 9, 12), dt.date(2025, 9, 12))
    result = merge_points(points, sources, event)
    assert [sid for sid, _, _ in result.flagged] == ["b"]  # Saturday the 13th is right, and stays
    assert not any("September 13, in" in m.text for m in result.merged)


def test_a_figure_is_stated_with_what_its_noun_is_of_and_a_fraction_in_lower_case():
    assert _two_sources_say(
        "The summit was attended by 40 heads of state and government.",
        "More than 50 heads of state and government attended the summit.",
    ) == [
        "Sources differ: Alpha reports 40 heads of state and government;"
        " Beta reports more than 50 heads of state and government."
    ]
    assert _claim("It killed 300 people of whom 20 were children.", "300 people").display == "300 people"
    assert _two_sources_say(
        "Around 20% of Verna was destroyed by the floods.", "A quarter of Verna was wiped out by the floods."
    ) == ["Sources differ: Alpha reports around 20%; Beta reports a quarter."]


def test_a_population_of_a_named_place_and_a_number_of_missing_are_counts_of_people():
    assert _claim("The population of Verna is estimated at 90,000.", "90,000").headcount
    assert _two_sources_say(
        "Around a quarter of Verna, a city of 100,000, was destroyed.",
        "The population of Verna is estimated at 90,000.",
    ) == ["Sources differ on Verna: Alpha reports 100,000; Beta reports 90,000."]
    assert _claim("The number of missing in Verna stood at 9,000.", "9,000").unit == "people missing"
    assert _two_sources_say(
        "More than 10,000 people are missing in Verna, the Red Crescent said.",
        "The number of missing in Verna stood at 9,000.",
    ) == [
        "Sources differ on the number of people missing: Alpha reports more than 10,000 people; Beta reports 9,000."
    ]


def test_a_places_headcount_said_of_its_common_noun_in_a_relative_clause_is_compared():
    def differ(first: list[str], second: list[str]) -> list[str]:
        return _statements(merge_specs(("a", first, "Alpha", DAY), ("b", second, "Beta", DAY))[1])

    verna = "Verna has a population of around 100,000 people."
    assert differ(
        [verna, "Floods swept through the city of Verna on Sunday."],
        ["The city, which had 90,000 inhabitants, lost entire districts."],
    ) == ["Sources differ: Alpha reports around 100,000 people; Beta reports 90,000 inhabitants."]
    # another place's people, however close the figure
    assert differ([verna], ["The neighbouring town, which had 90,000 inhabitants, was spared."]) == []


def test_figures_measured_on_another_basis_are_another_measure_not_a_disagreement():
    nominal = "The bloc accounts for 26% of global GDP."
    assert (
        _two_sources_say(
            nominal, "Measured by purchasing power parity, the bloc accounts for 31.5% of global GDP."
        )
        == []
    )
    assert _two_sources_say(nominal, "The bloc accounts for 32% of global GDP in PPP terms.") == []
    assert _two_sources_say(nominal, "The bloc accounts for about 31% of global GDP.") == [
        "Sources differ: Alpha reports 26%; Beta reports about 31%."
    ]
    # a party called PPP measures nothing on a basis
    assert _two_sources_say("The PPP won 54 seats.", "The PPP has secured 52 seats.") == [
        "Sources differ on PPP: Alpha reports 54 seats; Beta reports 52 seats."
    ]


def test_a_city_of_so_many_people_is_its_headcount_even_beside_a_toll():
    toll = "Verna's mayor said the death toll could reach 20,000 in the city of 90,000 people."
    assert _claim(toll, "90,000 people").headcount
    assert _two_sources_say(
        "Officials in Verna, whose population is roughly 100,000, said 10,000 people were missing.", toll
    ) == ["Sources differ: Alpha reports roughly 100,000; Beta reports 90,000 people."]


def test_one_figure_in_two_units_of_a_length_is_a_disagreement_when_the_sentences_say_one_thing():
    assert _two_sources_say(
        "The border wall stretches for 200 km.", "The wall runs 200 miles along the border."
    ) == ["Sources differ: Alpha reports 200 km; Beta reports 200 miles."]  # no place measured from
    assert (
        _two_sources_say(
            "The convoy travelled 200 km to reach the border.", "The wall runs 200 miles along the border."
        )
        == []
    )


def test_a_speed_is_not_a_length_and_converts_between_its_units():
    assert _claim("Winds reached 200 km/h.", "200 km").unit == "km/h"
    assert _claim("Winds of 120 miles an hour were recorded.", "120 miles").unit == "km/h"
    assert _claim("The city lies 200 km away.", "200 km").unit == "km"
    assert _two_sources_say("The storm's winds reached 200 km per hour.", "Winds reached 124 mph.") == []
    assert _two_sources_say(
        "The storm's winds reached 200 km per hour.", "Winds of up to 200 miles per hour were recorded."
    ) == ["Sources differ: Alpha reports 200 km per hour; Beta reports up to 200 miles per hour."]


def test_a_name_the_event_acted_on_does_not_own_its_toll():
    toll = "The death toll of the earthquake that struck the Verna province has risen to 1,037."
    assert _claim(toll, "1,037").entity is None
    assert _claim("The ministry said that the PPP won 54 seats.", "54 seats").entity.text == "PPP"


def test_a_running_total_is_dated_by_its_day_not_limited_to_it():
    total = _claim("The death toll rose to 23 on Monday, officials said.", "23", dt.date(2025, 9, 16))
    assert total.day is None and total.reported == dt.date(2025, 9, 15)
    one_day = _claim("At least 19 people were killed on 21 July alone.", "19 people", None)
    assert one_day.day is not None  # a day's count, even when no year is known


def test_owners_of_participles_appositions_and_lists():
    assert _claim("The Green Party came first, winning 88 seats.", "88 seats").entity.text == "Green Party"
    city = _claim("Floods struck Veldt, a port city of 90,000 people, on Sunday.", "90,000 people")
    assert city.entity.text == "Veldt"
    later = _claim("It won 41 seats in the Senate and 12 seats in the House.", "12 seats")
    assert later.entity is None  # "Senate" is a place here, and it belongs to the figure before


def test_a_verb_after_a_bare_figure_is_not_what_it_counts():
    (q,) = [q for q in extract_quantities("Some 22 have formally applied to join.") if q.kind == "number"]
    assert q.unit == "" and _claim("Some 22 have formally applied to join.", q.display) is None


def test_a_bare_figure_after_a_count_of_its_sentence_counts_the_same_noun():
    listed = "More than 40 countries have shown interest in joining, and 22 have formally applied."
    claim = _claim(listed, "22")
    assert claim.unit == "count" and claim.display == "22 countries"
    assert _claim("The party won 75 seats, up from 64 in 2018.", "64").unit == "seat"
    assert _claim("It won 75 seats; turnout rose to 48 from 2 in the city.", "48") is None  # another clause
    _, result = merge_specs(
        ("a", [listed], "Alpha", DAY),
        ("b", ["The host said 23 countries had formally applied to join the bloc."], "Beta", DAY),
    )
    assert _statements(result) == ["Sources differ: Alpha reports 22 countries; Beta reports 23 countries."]


def test_counts_of_one_noun_meet_however_many_other_counts_the_topic_gives():
    filler = [f"The relief teams had opened {k + 3} shelters by then." for k in range(70)]
    _, result = merge_specs(
        ("a", ["Voting was held in 854 national and provincial constituencies.", *filler], "Alpha", DAY),
        ("b", ["The country voted in 855 constituencies."], "Beta", DAY),
    )
    assert any("854" in s and "855" in s for s in _statements(result)), _statements(result)


def test_a_name_inside_the_counted_phrase_is_part_of_the_unit():
    assert _claim("Leaders of five ASEAN countries attended.", "five ASEAN countries").unit == "asean count"
    assert _claim("Leaders of six countries attended.", "six countries").unit == "count"


def test_who_reports_a_figure_does_not_own_it_unless_it_speaks_of_itself():
    assert _claim("The UN said 30,000 people had been displaced.", "30,000 people").entity is None
    assert _claim("Some 38,640 people were displaced, the IOM said.", "38,640 people").entity is None
    assert _claim("The PML-N said it won 75 seats.", "75 seats").entity.text == "PML-N"
    assert _two_sources_say(
        "The UN said 30,000 people had been displaced in Verna.",
        "Some 38,640 people were displaced in the region, the IOM said.",
    ) == [
        "Sources differ on the number of people displaced: Alpha reports 30,000 people; Beta reports some 38,640 people."
    ]


def test_the_day_a_figure_is_reported_does_not_make_it_that_days_count():
    assert _claim("Officials said on Tuesday that 6,000 people had been killed.", "6,000 people").day is None
    assert _claim("Police said 60 people were killed on Tuesday alone.", "60 people").day is not None
    assert _two_sources_say(
        "The death toll has risen to 5,300, officials said on Tuesday.",
        "Officials said on Tuesday that 6,000 people had been killed.",
    ) == ["Sources differ on the death toll: Alpha reports 5,300; Beta reports 6,000 people."]


def test_pending_counts_are_marked():
    assert _claim("Results of 15 seats are yet to be received.", "15 seats").pending
    assert not _claim("The party won 15 seats.", "15 seats").pending
    assert not _claim("Some 10,000 people are still missing.", "10,000 people").pending  # a casualty count


def test_a_kind_is_read_after_the_word_the_only():
    # "the" opens the text or follows a non-word character; "lathe"/"bathe" hold no "the"
    assert learn_kinds(["the harbour town of Veldt."]) == {"veldt": frozenset({"town"})}
    assert learn_kinds(["(the harbour town of Veldt)"]) == {"veldt": frozenset({"town"})}
    assert learn_kinds(["A lathe town of Veldt. We bathe city of Ostra."]) == {}


def test_kinds_and_topic_entity_are_learned_from_the_sources():
    kinds = learn_kinds(["Floods hit the port city of Veldt. Ostra, a coastal town, was spared."])
    assert kinds["veldt"] == frozenset({"city"}) and kinds["ostra"] == frozenset({"town"})
    points = [
        Point(
            text=f"The Norland Alliance met in Oslo {k}.",
            section="what_happened",
            source_id=f"s{k}",
            start=0,
            end=9,
        )
        for k in range(3)
    ]
    assert topic_entity(points).text == "norland alliance"


# --------------------------------------------------------------------------- conflicts and statements


def test_a_count_reported_as_it_grew_is_one_progression():
    _, result = merge_specs(
        ("a", ["At least 12 people died when the dam failed, rescuers said."], "Alpha", dt.date(2025, 3, 15)),
        (
            "b",
            ["The death toll from the dam failure reached 17, officials said."],
            "Beta",
            dt.date(2025, 3, 16),
        ),
    )
    (statement,) = _statements(result)
    assert statement.startswith("The death toll rose from at least 12 people (Alpha, 15 March 2025) to")
    assert "17 (Beta, 16 March 2025)" in statement
    assert len([m for m in result.merged if m.conflicts]) == 1


def test_a_lower_later_figure_or_a_headcount_of_a_place_is_a_disagreement_not_a_progression():
    larger = "Floods swept through Verna, a port city of 100,000 people, on Sunday."
    smaller = "The city of Verna, home to about 90,000 people, was hit hardest."
    for first, second in ((larger, smaller), (smaller, larger)):
        _, result = merge_specs(
            ("a", [first], "Alpha", dt.date(2025, 9, 12)), ("b", [second], "Beta", dt.date(2025, 9, 13))
        )
        (statement,) = _statements(result)
        assert statement.startswith("Sources differ") and "over time" not in statement
        assert "100,000 people" in statement and "about 90,000 people" in statement


def test_people_who_lived_in_a_place_are_its_population():
    assert _claim("About 90,000 people lived in Verna before the storm.", "90,000 people").headcount
    statements = _two_sources_say(
        "Floods swept through Verna, a port city of 100,000 people, on Sunday.",
        "About 90,000 people lived in Verna before the storm.",
    )
    assert len(statements) == 1 and "100,000" in statements[0] and "90,000" in statements[0]


def test_a_population_estimated_or_given_in_brackets_is_a_headcount():
    for sentence, display in (
        ("Verna's population is estimated at 100,000.", "100,000"),
        ("Verna (population 100,000) was hit hardest.", "100,000"),
        ("Verna, population 100,000, was hit hardest.", "100,000"),
    ):
        assert _claim(sentence, display).headcount, sentence


def test_a_places_population_is_one_measure_however_it_is_worded():
    claim = _claim("The floods hit Verna, which has a population of 90,000, after the dams burst.", "90,000")
    assert claim.unit == "people living" and claim.entity.text == "Verna"
    claim = _claim(
        "Floods devastated Verna, a city of around 100,000 people, after two dams burst.", "100,000 people"
    )
    assert claim.entity.text == "Verna"  # the name beside the apposition, not the sentence's first word
    _, result = merge_specs(
        ("b", ["Verna, home to about 100,000 people, was hit hardest when the dams collapsed."], "Beta", DAY),
        (
            "c",
            ["The floods hit Verna, which has a population of 90,000, after the dams collapsed."],
            "Gamma",
            DAY,
        ),
    )
    assert _statements(result) == [
        "Sources differ on Verna: Beta reports about 100,000 people; Gamma reports 90,000."
    ]


def test_a_places_headcount_is_one_measure_with_or_without_its_noun():
    assert _claim("Some 90,000 people live in Verna.", "90,000 people").unit == "people living"
    assert _claim("The flood killed 150 people in Verna.", "150 people").unit == "people killed"
    assert _claim("It cost 150 lives.", "150 lives").unit == "people killed"
    for first, second in (
        (
            "Verna, a coastal city of about 100,000, was devastated.",
            "The floods hit Verna, whose population is around 90,000.",
        ),
        ("The city of Verna has about 100,000 inhabitants.", "Some 90,000 people live in Verna."),
        (
            "In Verna, a city of 100,000 people, whole streets were swept away.",
            "Whole districts of Verna, a city of 120,000, were swept away.",
        ),
    ):
        _, result = merge_specs(("a", [first], "Alpha", DAY), ("b", [second], "Beta", DAY))
        (statement,) = _statements(result)
        assert statement.startswith("Sources differ") and "100,000" in statement, statement


def test_the_same_number_in_two_units_is_a_disagreement():
    assert _two_sources_say(
        "The storm made landfall 200 km east of Port Lira on Sunday.",
        "The storm made landfall 200 miles east of Port Lira on Sunday.",
    ) == ["Sources differ on the distance from Port Lira: Alpha reports 200 km; Beta reports 200 miles."]
    assert (
        _two_sources_say(
            "The storm made landfall 322 km east of Port Lira on Sunday.",
            "The storm made landfall 200 miles east of Port Lira on Sunday.",
        )
        == []
    )


def test_spellings_of_one_unit_are_one_unit_and_lengths_convert():
    a, b = extract_quantities("a wave 7 metres high") + extract_quantities("a wave 10 meters high")
    assert a.unit == b.unit == "metre"
    assert _two_sources_say(
        "The storm surge was 7 metres high, officials said.",
        "Officials said the storm surge reached 10 meters.",
    ) == ["Sources differ: Alpha reports 7 metres; Beta reports 10 meters."]
    feet, metres = (
        _claim("The wall is 30 feet tall.", "30 feet"),
        _claim("The wall is 9.1 metres tall.", "9.1 metres"),
    )
    assert feet.unit == metres.unit == "km" and feet.same_reading(metres)


def test_counts_of_one_thing_in_two_nouns_disagree_but_two_forms_of_one_word_do_not_meet():
    if load_embedder() is None:
        pytest.skip("wordllama is not installed")
    assert _two_sources_say(
        "Six countries were invited to join the bloc at the summit.",
        "Seven nations were invited to join the bloc at the summit.",
    ) == ["Sources differ: Alpha reports six countries; Beta reports seven nations."]  # mid-sentence
    assert (
        _two_sources_say(
            "The party got 3,000 votes in the district.",
            "The district has 3,400 voters registered for the party.",
        )
        == []
    )


def test_two_spans_that_start_on_one_day_and_end_on_two_disagree_on_the_end():
    assert _two_sources_say(
        "The bloc's summit was held in Karlsburg from 22 to 24 August.",
        "Leaders met in Karlsburg from 22 to 25 August for the bloc's summit.",
    ) == ["Sources differ: Alpha reports 22 to 24 August; Beta reports 22 to 25 August."]
    # each sentence names what the other does not: the shared first day still makes it one span
    _, result = merge_specs(
        (
            "a",
            [
                "The 30th session of the Assembly (UNA30) concluded from November 30 to December 13, 2024, in Lira."
            ],
            "Alpha",
            DAY,
        ),
        (
            "b",
            ["Hosted in Port Lira, Verna, from November 30th to December 12th, the stocktake was shown."],
            "Beta",
            DAY,
        ),
    )
    assert _statements(result) == [  # each date in one form, whoever wrote it
        "Sources differ: Alpha reports 30 November to 13 December; Beta reports 30 November to 12 December."
    ]


def test_the_start_or_end_of_one_event_said_with_other_verbs_or_as_a_span_is_one_date():
    assert _two_sources_say(
        "The bloc's summit opened in Karlsburg on 22 August.", "The Karlsburg summit began on August 23."
    ) == ["Sources differ: Alpha reports 22 August; Beta reports 23 August."]
    assert _two_sources_say(
        "The summit closed on 24 August with a joint declaration.",
        "The summit concluded on August 25 with a declaration.",
    ) == ["Sources differ: Alpha reports 24 August; Beta reports 25 August."]
    assert _two_sources_say("The army launched its offensive on 3 May.", "The offensive began on May 4.") == [
        "Sources differ: Alpha reports 3 May; Beta reports 4 May."
    ]
    # the first day of a span of days is the event's start, however the span is said
    assert _two_sources_say(
        "The summit was held in Karlsburg from 22 to 24 August.",
        "The summit took place in Karlsburg from 23 to 24 August.",
    ) == ["Sources differ: Alpha reports 22 to 24 August; Beta reports 23 to 24 August."]
    assert _two_sources_say(
        "The three-day summit was held in Karlsburg from 22 to 24 August.",
        "The summit opened on 23 August in Karlsburg.",
    ) == ["Sources differ: Alpha reports 22 to 24 August; Beta reports 23 August."]
    assert (
        _two_sources_say(
            "The summit was held in Karlsburg from 22 to 24 August.",
            "The summit opened in Karlsburg on 22 August.",
        )
        == []
    )
    # a start is not an end, and what starts must be the same thing
    for first, second in (
        ("The bloc's summit opened in Karlsburg on 22 August.", "The Karlsburg summit ended on August 24."),
        (
            "Talks between ministers began on 20 August in Karlsburg.",
            "The Karlsburg summit opened on August 22.",
        ),
        (  # a word both share, but far from the dates: not what opened
            "Talks between the two foreign ministers of the region began on 20 August after a long delay.",
            "The summit opened on 22 August with a speech by the host, attended by foreign ministers.",
        ),
    ):
        assert _two_sources_say(first, second) == [], (first, second)


def test_an_amount_said_before_its_owner_and_one_for_the_owners_common_noun_are_compared():
    _, result = merge_specs(
        ("a", ["In total, approximately $700 million was mobilised towards this fund."], "Alpha", DAY),
        (
            "b",
            [
                "The organisers highlighted the US$792 million allocated to the Relief Fund, and US$3 billion more."
            ],
            "Beta",
            DAY,
        ),
    )
    assert _statements(result) == [
        "Sources differ: Alpha reports approximately $700 million; Beta reports US$792 million."
    ]


def test_a_figures_words_stop_where_another_figures_phrase_begins():
    from memogen.merge.quantities import context_of

    sentence = "The bloc holds 42% of the world's population and 23% of global output."
    assert "popul" in context_of(sentence, "42%") and "popul" not in context_of(sentence, "23%")
    assert "bloc" in context_of(sentence, "23%")  # the subject before both is both figures'
    assert "glob" not in context_of(sentence, "42%")
    assert "arriv" in context_of("On 12 June, the envoy arrived for a three-day visit.", "12 June")


def test_shares_of_two_wholes_are_not_set_against_each_other():
    _, result = merge_specs(
        (
            "a",
            ["The Meridian bloc accounts for about 42% of the world's population and 23% of global GDP."],
            "Alpha",
            DAY,
        ),
        (
            "b",
            [
                "Together, the Meridian members make up 40% of the world's population and a quarter of the global economy."
            ],
            "Beta",
            DAY,
        ),
    )
    assert _statements(result) == ["Sources differ on Meridian: Alpha reports about 42%; Beta reports 40%."]


def test_shares_reported_on_two_days_differ_they_do_not_progress():
    _, result = merge_specs(
        ("a", ["The bloc holds 23% of global GDP, officials said."], "Alpha", dt.date(2023, 8, 22)),
        ("b", ["The bloc, which holds 26% of global GDP, met on Thursday."], "Beta", dt.date(2023, 8, 24)),
    )
    (statement,) = _statements(result)
    assert statement.startswith("Sources differ") and "23%" in statement and "26%" in statement


def test_an_opinion_that_repeats_a_figure_is_not_folded_into_it():
    _, result = merge_specs(
        ("a", ["At least 12 people died when the dam failed, rescuers said."], "Alpha", dt.date(2025, 3, 15)),
        (
            "b",
            ["The deaths of 17 people should force a debate on who maintains the country's ageing dams."],
            "Beta",
            dt.date(2025, 3, 18),
        ),
    )
    assert any("should force a debate" in m.text for m in result.merged)


def test_same_day_figures_that_differ_are_stated_with_the_owner():
    assert _two_sources_say(
        "The Green Party won 67 seats, according to results.",
        "The Green Party has secured 71 seats, results showed.",
    ) == ["Sources differ on Green Party: Alpha reports 67 seats; Beta reports 71 seats."]


def test_a_group_named_by_its_tie_to_a_party_owns_a_figure_that_names_only_the_group():
    assert learn_kinds(["Kesh-backed independents won most seats."])["kesh-backed"] == frozenset(
        {"independents"}
    )
    _, result = merge_specs(
        ("a", ["Kesh-backed independents have secured a majority with 92 seats."], "Alpha", DAY),
        ("b", ["In the assembly, independents won 101 seats, according to the results."], "Beta", DAY),
        ("c", ["In the assembly, the Green Party won 75 seats, according to the results."], "Gamma", DAY),
    )
    (statement,) = _statements(result)
    assert "92 seats" in statement and "101 seats" in statement and "75" not in statement


def test_pending_counts_of_one_day_and_parts_of_a_breakdown_are_no_disagreement():
    _, result = merge_specs(
        ("a", ["Results of 15 seats are yet to be received, the commission said."], "Alpha", DAY),
        ("b", ["Results of 10 seats are still pending, the commission said."], "Beta", DAY),
        ("c", ["The verdict keeps 93% of jobs for merit and 5% for veterans."], "Gamma", DAY),
        ("d", ["The ruling leaves 7% of jobs for quotas, with 93% on merit."], "Delta", DAY),
    )
    assert _statements(result) == []


def test_one_sources_figure_far_from_what_others_agree_on_is_flagged_not_stated():
    _, result = merge_specs(
        ("a", ["The Green Party has secured 17 seats in the assembly."], "Alpha", DAY),
        ("b", ["The Green Party won 17 seats, results showed."], "Beta", DAY),
        ("c", ["The Green Party is in third place with 45 seats."], "Gamma", DAY),
        ("d", ["The Green Party got 15 seats in early results."], "Delta", DAY),
    )
    flags = [f for c in result.clusters for f in c.flags]
    assert any(f.startswith("c: 45 seats") for f in flags)
    assert not any("45 seats" in m.text for m in result.merged)


def test_a_weekday_only_witnesses_a_date_and_a_single_pages_wrong_date_is_not_stated():
    from memo_factory import source_with_points
    from memogen.merge import merge_points

    specs = [
        (
            "a",
            "On Sunday, the court cut the quota for civil service jobs to 5 percent.",
            dt.date(2024, 7, 21),
        ),
        ("b", "The court cut the quota for civil service jobs to 5 percent on Sunday.", dt.date(2024, 7, 22)),
        ("c", "In a ruling on August 7, the court cut the quota for civil service jobs to 5 percent.", None),
    ]
    sources, points = [], []
    for sid, text, day in specs:
        s, p = (
            source_with_points(sid, [text], sid.upper(), day)
            if day
            else source_with_points(sid, [text], sid.upper())
        )
        sources.append(s)
        points += p
    result = merge_points(points, sources, (dt.date(2024, 7, 21), dt.date(2024, 7, 21)))
    assert not any("August" in m.text for m in result.merged)
    assert any("August 7" in f for c in result.clusters for f in c.flags)
    assert _statements(result) == []  # "Sunday" and "Sunday" are no values of their own


def test_a_days_count_is_not_set_against_the_running_total():
    assert (
        _two_sources_say(
            "More than 100 people were killed in the unrest over the past week.",
            "At least 19 people were killed on 21 July alone.",
        )
        == []
    )


# --------------------------------------------------------------------------- clustering and text


def test_a_restated_figure_in_an_aside_is_dropped_when_another_fact_states_it():
    def stated_in(sentence: str):
        given = extract_quantities(sentence)
        return lambda q: any(q.kind == r.kind and q.unit == r.unit and q.same_value(r) for r in given)

    text = "The Star, which was carrying 412 passengers on Sunday, was one of the exempted ships."
    assert drop_restated_asides(text, stated_in("The ferry carried 412 passengers.")) == (
        "The Star was one of the exempted ships."
    )
    assert drop_restated_asides(text, stated_in("It carried 300 passengers.")) == text


def test_an_aside_whose_year_another_fact_states_with_its_words_is_dropped():
    """ "Varga, 61, who took over from his father Ostin in 2009, was detained": the succession is
    another fact's main statement; an aside sharing only the year says something else, and stays."""
    from memogen.merge import _drop_restated_asides
    from memogen.model import MergedPoint

    def memo(*texts: str) -> list[MergedPoint]:
        return [
            MergedPoint(id=f"p{k}", text=t, section="background", citations=[]) for k, t in enumerate(texts)
        ]

    told = memo(
        "Varga, 61, who took over from his father Ostin in 2009, was detained with his family on Monday.",
        "In 2009, Varga took over after the death of his father, Ostin Varga, who had ruled since 1967.",
    )
    _drop_restated_asides(told)
    assert told[0].text.startswith("Varga, 61, was detained")
    other = memo(
        "Varga, 61, who was elected mayor of Tarvel in 2009, was detained with his family on Monday.",
        "In 2009, Varga took over after the death of his father, Ostin Varga, who had ruled since 1967.",
    )
    _drop_restated_asides(other)
    assert "elected mayor" in other[0].text


def test_the_wording_chosen_is_the_one_other_sources_back_not_the_richest_in_unshared_names():
    from memogen.merge.clustering import choose_representative
    from memogen.merge.features import features

    texts = {
        "a": "Veldt said Norland was ready to provide counter-terrorism equipment to Ostra, officials said.",
        "b": "Veldt not only acknowledged but also praised Ostra's long record of successes in counter-terrorism, "
        "stated that Norland stood ready to boost that capacity and even offered special counter-terrorism "
        "equipment to this end, and added that besides the KARAS, TULEN and Arva Sea drills both sides would "
        "further deepen their military and strategic cooperation in the coming years.",
    }
    points = [
        Point(text=t, section="what_happened", source_id=s, start=0, end=len(t)) for s, t in texts.items()
    ]
    feats = [features(p.text) for p in points]
    assert choose_representative([0, 1], points, feats) == 0
    assert choose_representative([1], points, feats) == 1


# --------------------------------------------------------------------------- semantic


@pytest.mark.skipif(load_embedder() is None, reason="wordllama is not installed")
def test_semantic_similarity_ranks_a_paraphrase_above_an_unrelated_sentence():
    sims = semantic_similarity(
        ["Consumer prices rose 9 percent in May.", "Consumer prices rose 9 percent in May."],
        ["Annual inflation reached nine per cent in May.", "The football club signed a new goalkeeper."],
    )
    assert sims[0] > sims[1] + 0.2


def test_a_source_does_not_restate_itself_in_other_words(monkeypatch):
    _, result = merge_specs(
        (
            "a",
            [
                "The visit marks a new era in relations between Norland and Ostra.",
                "Ties between Ostra and Norland have entered a new phase with this visit.",
            ],
            "Alpha",
        ),
    )
    assert len(result.merged) == 2


def test_the_whole_a_share_is_of_does_not_own_it():
    share = _claim(
        "The bloc accounts for 40% of the world's people and a quarter of global GDP.", "a quarter"
    )
    assert share.entity is None  # GDP is what the quarter is of, not whose it is
    assert _two_sources_say(
        "The Norland bloc accounts for about 40% of the world's population and a quarter of global GDP.",
        "The bloc's members make up 42% of the world population and 23% of global output.",
    ) == ["Sources differ: Alpha reports about 40%; Beta reports 42%."]


def test_a_name_does_not_run_on_into_the_next_line():
    from memogen.merge.aliases import learn_aliases

    aliases = learn_aliases(
        ["Supporters rallied for President Mohamed Bazoum\nNigeriens gather in the capital."]
    )
    assert aliases.given.get("mohamed") == "bazoum" and "bazoum" not in aliases.given


def test_a_name_both_sides_carry_is_shared_even_when_neither_spells_it():
    from memogen.merge.features import Features
    from memogen.merge.pairs import name_mismatch

    def sentence(text: str, names: set[str]) -> Features:
        return Features(text, frozenset(), [], frozenset(names), frozenset(), f" {text} ")

    # a learned alias can stand a surname for a given name on both sides, which neither text spells
    held = sentence("president bazoum is being held by the guard", {"bazoum", "halima"})
    detained = sentence("the guard detained president bazoum", {"bazoum", "halima"})
    assert name_mismatch(held, detained) == 0
    other = sentence("the guard detained president tandja", {"tandja"})
    assert name_mismatch(held, other) == 1


def test_a_page_that_restates_its_leads_figure_in_its_body_states_it_once():
    from memogen.merge.features import features
    from memogen.merge.pairs import quantity_pairs, same_fact

    _, points = source_with_points(
        "a",
        [
            "Late on Friday evening, September 8, Verna was shaken by a powerful 6.9 magnitude earthquake.",
            "Rescue teams reached the hill villages as aftershocks shook the valley.",
            "According to the national institute, the 6.9 magnitude tremor struck late on September 8.",
        ],
    )
    feats = [features(p.text) for p in points]
    assert (0, 2) in quantity_pairs(feats, points)  # one page's lead and body share a figure: compared
    lead, rescue, body = feats
    # within one page, close embeddings merge only sentences sharing a specific figure
    assert same_fact(0.2, lead, body, semantic=0.6, same_source=True)[0]
    assert not same_fact(0.3, lead, rescue, semantic=0.7, same_source=True)[0]


def test_one_past_year_said_of_one_action_in_two_wordings_is_one_fact():
    from memogen.merge.features import features
    from memogen.merge.pairs import same_fact

    scrapped = features("The ministry abolished the fuel subsidy in 2019, but a tribunal restored it in May.")
    suspended = features(
        "The ministry had earlier suspended the fuel subsidies in 2019, before the tribunal brought them back."
    )
    later = features("The ministry abolished the fuel subsidy in 2021 after a tribunal ruling.")
    priced = features("The ministry abolished the fuel subsidy in 2019, saving $4 billion a year.")
    # across two sources, close meaning and one year said among shared words: one claim
    assert same_fact(0.2, scrapped, suspended, semantic=0.55)[0]
    assert not same_fact(0.2, scrapped, suspended, semantic=0.55, same_source=True)[0]
    assert not same_fact(0.2, scrapped, suspended, semantic=0.3)[0]  # the meaning must agree too
    assert not same_fact(0.2, scrapped, later, semantic=0.7)[0]  # another year: another fact
    assert not same_fact(0.2, suspended, priced, semantic=0.55)[0]  # a figure one side alone gives


def test_one_of_several_facts_of_a_long_sentence_is_not_contained_in_it():
    from memogen.merge.features import features
    from memogen.merge.pairs import containment

    long_ = features(
        "Delegates from nearly forty nations meeting in Orsa signed a harbour treaty on Friday that, for"
        " the first time, bans coal barges from the strait and opens a rescue fund to help island towns"
        " rebuild after storms."
    )
    part = features("A rescue fund opens to help island towns rebuild.")  # every word of it in the long one
    lead = features(
        "Delegates from nearly forty nations in Orsa signed a harbour treaty on Friday banning coal barges."
    )
    assert containment(part, long_) == 0.0  # one of its facts: joined to it, it chained the others in
    assert containment(lead, long_) >= 0.8  # most of what it says: the same statement, shorter


def test_merging_works_without_the_embedding_model(monkeypatch):
    import memogen.merge as merge_module
    import memogen.merge.conflicts as conflicts_module

    monkeypatch.setattr(merge_module, "semantic_similarity", lambda a, b: None)
    monkeypatch.setattr(merge_module, "semantic_similarities", lambda a, b, topic=None: None)
    monkeypatch.setattr(conflicts_module, "semantic_similarity", lambda a, b: None)
    _, result = merge_specs(
        ("a", ["The Green Party won 67 seats, according to results."], "Alpha", DAY),
        ("b", ["The Green Party has secured 71 seats, results showed."], "Beta", DAY),
    )
    assert len(_statements(result)) == 1


@pytest.mark.skipif(load_embedder() is None, reason="wordllama is not installed")
def test_one_sources_other_day_for_the_events_own_action_is_not_stated_but_a_follow_up_is():
    from memogen.merge import merge_points
    from memogen.model import Source, SourceMetadata

    texts = {
        "a": "Norland's Supreme Court on Sunday cut the civil service job quota for veterans' relatives "
        "after weeks of student protests, but stopped short of abolishing it.",
        "b": "In a landmark ruling on August 7, Norland's Supreme Court decided to cut the job quota for "
        "the relatives of war veterans from 30% to 5% after student protests.",
        "c": "On 23 July, the cabinet published a gazette notice putting the new job rules into force.",
    }
    day = dt.date(2024, 7, 22)  # a Monday: "on Sunday" is 21 July
    sources = [
        Source(id=k, path=f"{k}.txt", kind="txt", metadata=SourceMetadata(date=day), text=t)
        for k, t in texts.items()
    ]
    points = [
        Point(text=t, section="what_happened", source_id=k, start=0, end=len(t)) for k, t in texts.items()
    ]
    result = merge_points(points, sources, (dt.date(2024, 7, 21), dt.date(2024, 7, 21)))
    stated = " ".join(m.text for m in result.merged)
    assert "August 7" not in stated  # b's day for the ruling: b's error
    assert [sid for sid, _, _ in result.flagged] == ["b"]
    assert "gazette notice" in stated  # a later step of the story stays


def test_magnitudes_written_three_ways_are_one_measure():
    _, result = merge_specs(
        ("b", ["The 6.8 magnitude earthquake struck the hill villages of Norland."], "Beta", DAY),
        (
            "c",
            ["The earthquake with a magnitude of 6.9 occurred in the hill villages of Norland."],
            "Gamma",
            DAY,
        ),
        ("d", ["The 7-magnitude earthquake struck the hill villages of Norland."], "Delta", DAY),
    )
    statements = _statements(result)
    assert len(statements) == 1 and all(x in statements[0] for x in ("6.8", "6.9", "7"))


def test_a_place_near_a_figure_or_the_scale_it_is_on_does_not_own_it():
    near = _claim("The 6.8 magnitude earthquake near Norland struck at night.", "6.8 magnitude")
    scale = _claim("It was a 6.8 magnitude earthquake on the Richter scale.", "6.8 magnitude")
    assert near.entity is None and scale.entity is None
    said = {
        "Alpha": "Verna was shaken by a powerful earthquake with a magnitude of 6.9.",
        "Beta": "According to the Geological Survey, the 6.8 magnitude earthquake near Norland struck Verna at night.",
        "Gamma": "It was a 7-magnitude earthquake on the Richter scale that struck Verna.",
    }
    _, result = merge_specs(*((name.lower(), [text], name, DAY) for name, text in said.items()))
    (statement,) = _statements(result)
    assert all(x in statement for x in ("6.8", "6.9", "7"))


def test_an_aside_ends_at_its_own_comma_not_at_a_dates():
    from memogen.merge.text import drop_restated_asides

    text = (
        "There was a run on the harbour bank, which led to its closure on March 10, 2023 by the state "
        "regulator of Norland."
    )
    assert drop_restated_asides(text, lambda q: True) == text
    aside = "The Solvik, which was carrying 412 passengers, sank off Cape Harlin."
    assert drop_restated_asides(aside, lambda q: True) == "The Solvik sank off Cape Harlin."


def test_lower_bounds_that_fit_together_are_stated_once_not_as_a_disagreement():
    _, result = merge_specs(
        (
            "a",
            ["The earthquake killed at least 10,000 people across the region, officials said."],
            "Alpha",
            DAY,
        ),
        (
            "b",
            ["The earthquake killed more than 9,000 people across the region, rescuers said."],
            "Beta",
            DAY,
        ),
    )
    # told after Alpha's sentence, which has just given the strongest figure: only the figure that fits
    assert _statements(result) == [
        "Another report gives more than 9,000 people (Beta), consistent with this."
    ]
    (conflict,) = result.clusters[0].conflicts
    assert conflict.statement == (
        "Alpha reports at least 10,000 people, consistent with more than 9,000 people (Beta)."
    )
    assert len(result.merged) == 1 and {c.source_id for c in result.merged[0].citations} == {"a", "b"}


def test_a_figure_below_another_sources_lower_bound_is_a_disagreement():
    assert _two_sources_say(
        "The earthquake killed 8,000 people across the region, officials said.",
        "The earthquake killed more than 9,000 people across the region, rescuers said.",
    ) == [
        "Sources differ on the death toll: Alpha reports 8,000 people; Beta reports more than 9,000 people."
    ]


def _said_two_days_apart(first: str, later: str) -> str:
    """The one statement made when Alpha says `first` on 15 March and Beta says `later` on 17 March."""
    _, result = merge_specs(
        ("a", [first], "Alpha", dt.date(2025, 3, 15)), ("b", [later], "Beta", dt.date(2025, 3, 17))
    )
    (statement,) = _statements(result)
    return statement


def test_a_fixed_fact_reported_on_two_days_is_a_disagreement_not_a_progression():
    statement = _said_two_days_apart(
        "Forty heads of state attended the Verna summit, the hosts said.",
        "Around 50 heads of state attended the Verna summit, the hosts said.",
    )
    assert statement.startswith("Sources differ") and "over time" not in statement, statement
    assert "reports forty heads" in statement and "around 50 heads" in statement  # mid-sentence


def test_a_figure_said_to_have_risen_is_a_running_count():
    statement = _said_two_days_apart(
        "The number of votes counted in Verna stood at 5,200, officials said.",
        "The number of votes counted in Verna rose to 6,500, officials said.",
    )
    assert "rose from 5,200 (Alpha, 15 March 2025) to 6,500" in statement, statement


def test_a_count_its_first_report_calls_incomplete_is_a_progression_not_a_disagreement():
    first = "Results received so far show the Verna Party has won 15 seats in the assembly."
    later = "The Verna Party has won 17 seats in the assembly, the commission said."
    statement = _said_two_days_apart(first, later)
    assert "rose from 15 seats" in statement and "Sources differ" not in statement, statement
    # the same seats, neither report calling its count incomplete: a fixed figure told two ways
    statement = _said_two_days_apart(first.replace("Results received so far show the", "The"), later)
    assert statement.startswith("Sources differ"), statement


@pytest.mark.skipif(load_embedder() is None, reason="wordllama is not installed")
def test_without_the_topics_common_direction_two_facts_of_one_topic_score_lower():
    from memogen.merge.semantic import semantic_similarities

    topic = [
        "The Verna dam collapsed after the storm, flooding the lower town.",
        "Rescue teams in Verna searched the flooded town for survivors.",
        "The storm over Verna brought a month's rain in one day.",
        "Officials in Verna said the dam had not been repaired for years.",
        "Aid convoys reached Verna two days after the flood.",
    ]
    raw, distinct = semantic_similarities(
        [topic[1], topic[1]],
        ["Teams searching the flooded Verna town looked for people alive.", topic[4]],
        topic,
    )
    assert distinct[0] > distinct[1]  # a paraphrase stays close ...
    assert distinct[1] < raw[1]  # ... while another fact of the topic loses what the topic shares


def test_a_date_one_side_gives_without_its_year_is_the_same_day():
    from memogen.merge.features import features
    from memogen.merge.pairs import same_years

    closed = features("Regulators closed the bank on March 10, 2023.")
    shut = features("The bank was shut down by the regulator on March 10.")
    assert same_years(closed, shut) and same_years(shut, closed)
    other_year = features("Regulators closed the bank on March 10, 2022, a year before.")
    assert not same_years(closed, other_year)
    said = features("In 2023 the bank was shut down by the regulator on March 10.")
    assert same_years(closed, said)
    assert not same_years(features("The bank was shut down by the regulator in 2021."), shut)


def test_dates_that_differ_are_stated_in_one_form_whoever_wrote_them():
    assert _two_sources_say(
        "The court ruled on April 6, 2021 that the law stood.",
        "On 7 April the court ruled that the law stood.",
    ) == ["Sources differ: Alpha reports 6 April; Beta reports 7 April."]


def test_a_toll_stated_as_it_grew_is_said_once_and_a_page_dated_before_its_figure_is_undated():
    day = lambda d: dt.date(2025, 9, d)  # noqa: E731
    _, result = merge_specs(
        ("a", ["The storm killed 11,300 people in Verna, the UN said."], "Alpha", day(9)),
        ("b", ["Floods killed at least 2,000 people in the port of Verna, officials said."], "Beta", day(11)),
        ("c", ["The death toll in Verna has risen to 5,300, the interior ministry said."], "Gamma", day(12)),
        ("d", ["The mayor of Verna said the death toll could reach 20,000."], "Delta", day(12)),
    )
    # Alpha's page is dated before every other report, yet gives a toll above them all: its date is
    # not when it was counted, so the figure takes its place in the count, undated
    assert _statements(result) == [
        "The death toll rose from at least 2,000 people (Beta, 11 September 2025) "
        "to 5,300 (Gamma, 12 September 2025), then to 11,300 people (Alpha)."
    ]  # a projection ("could reach 20,000") is no count
    # the ministry's sentence says nothing but its figure and what it measures: the statement gives it
    assert not any(m.text.startswith("The death toll in Verna has risen") for m in result.merged)
    assert any("could reach 20,000" in m.text for m in result.merged)
    _, lower_later = merge_specs(
        ("a", ["The storm killed 3,800 people in Verna, the UN said."], "Alpha", day(10)),
        ("b", ["Floods killed at least 2,000 people in the port of Verna, officials said."], "Beta", day(11)),
        ("c", ["The death toll in Verna has risen to 5,300, the interior ministry said."], "Gamma", day(12)),
    )
    assert _statements(lower_later)[0].startswith("Sources differ")  # 3,800 is not above every later one


def test_two_unowned_counts_far_apart_of_one_measure_disagree_but_a_part_and_its_whole_do_not():
    assert _two_sources_say(
        "Some 23 countries have formally applied to join the bloc.",
        "As many as 40 countries have formally applied to join the bloc.",
    ) == ["Sources differ: Alpha reports some 23 countries; Beta reports as many as 40 countries."]
    # "93 of 264 seats": a part and its whole, neither a rival of another count of seats
    assert (
        _two_sources_say(
            "Independent candidates took 93 of 264 seats.", "Independent candidates took 150 seats."
        )
        == []
    )


def test_the_wording_chosen_gives_the_figures_other_sources_give_not_a_side_detail_of_one():
    from memogen.merge.clustering import choose_representative
    from memogen.merge.features import features

    texts = {
        "a": "The court cut the veterans' share of posts to 5 percent, leaving 93 percent to merit.",
        "b": "The court's order also gave 1% of posts to island residents and 1% to disabled people, so 93% "
        "of posts are now filled on merit.",
        "c": "Under the ruling, 93% of posts will be filled on merit, with 5% for veterans' families.",
    }
    points = [
        Point(text=t, section="what_happened", source_id=s, start=0, end=len(t)) for s, t in texts.items()
    ]
    feats = [features(p.text) for p in points]
    assert choose_representative([0, 1, 2], points, feats) in (0, 2)  # not b: its two 1% are its own
    # with nothing to compare, a figure still makes a sentence clearer
    assert choose_representative([1], points, feats) == 1


def test_the_future_look_ahead_names_the_first_letter_of_every_alternative():
    from memogen.merge.lexicon import FUTURE

    saids = [
        "will", "shall", "plans to", "planning to", "aims to", "aiming to", "pledged to", "pledges to",
        "intends to", "expect", "expected to", "forecasts", "predicts", "anticipates", "likely to",
        "due to be", "is to", "are to", "scheduled", "set to", "upcoming", "next week", "by 2030",
        "could reach", "may rise", "might be as high as", "could well exceed",
    ]  # fmt: skip
    for said in saids:
        assert FUTURE.search(f"Then the toll {said} 20,000"), said
        assert FUTURE.search(f"Then the toll {said.upper()} 20,000"), said


def test_the_future_guard_finds_what_the_pattern_finds():
    """`states_future` rules a sentence out by substrings first: each alternative of FUTURE must
    hold one of them, in any case and beside any letters the pattern's case-folding pairs."""
    from memogen.merge.lexicon import FUTURE, states_future

    saids = [
        "will", "shall", "plans to", "planning to", "aims to", "aiming to", "pledged to", "pledges to",
        "intends to", "expect", "expected to", "forecasts", "predicts", "anticipates", "likely to",
        "due to be", "is to", "are to", "scheduled", "set to", "upcoming", "next week", "by 2030",
        "could reach", "may rise", "might be as high as", "could well exceed", "ſhall", "İs to",
    ]  # fmt: skip
    for said in saids:
        for text in (f"Then the toll {said} 20,000", f"Then the toll {said.upper()} 20,000"):
            assert states_future(text) == bool(FUTURE.search(text)), text
    assert not states_future("The toll rose to 20,000 on Monday.")
    assert states_future("The toll Will Rise.") == bool(FUTURE.search("The toll Will Rise."))


# --------------------------------------------------------------------------- one event, many wordings


def test_a_dated_sentence_names_the_kind_of_event_on_its_day():
    from memogen.merge.features import features

    assert ("fall", (None, 4, 14)) in features("On 14 April, Northfield Bank collapsed.").events
    assert ("fall", (2025, 4, 14)) in features("On April 14, 2025, Northfield Bank was shut down.").events
    assert features("Northfield Bank opened a branch in Easton on 14 April.").events == (
        ("start", (None, 4, 14)),
    )
    assert features("Northfield Bank collapsed in April.").events == ()  # a month is no day


def test_one_event_dated_by_each_source_in_its_own_words_is_one_fact():
    if load_embedder() is None:
        pytest.skip("wordllama is not installed")
    _, result = merge_specs(
        (
            "a",
            [
                "Northfield Bank, a lender to farm cooperatives, collapsed on 14 April after a run on "
                "deposits triggered intervention by the Federal Deposit Agency."
            ],
            "Alpha",
            DAY,
        ),
        (
            "b",
            [
                "On April 14, 2025, Northfield Bank (NFB) was closed by the Ohio Department of Banking, "
                "representing the third-largest failure of a regional lender in US history."
            ],
            "Beta",
            DAY,
        ),
        (
            "c",
            [
                "Northfield Bank, a major lender for family farms, was shut down by Ohio's banking "
                "watchdog on April 14, marking the first insured bank to fail in 2025."
            ],
            "Gamma",
            DAY,
        ),
    )
    assert len(result.merged) == 1
    assert len(result.merged[0].citations) == 3


def test_another_kind_of_event_or_another_day_of_one_subject_stays_a_fact_of_its_own():
    if load_embedder() is None:
        pytest.skip("wordllama is not installed")
    _, other_kind = merge_specs(
        ("a", ["Northfield Bank collapsed on 14 April after depositors pulled their savings."], "Alpha", DAY),
        ("b", ["On April 14, Northfield Bank opened a new branch in the city of Easton."], "Beta", DAY),
    )
    _, other_day = merge_specs(
        ("a", ["Northfield Bank collapsed on 14 April after depositors pulled their savings."], "Alpha", DAY),
        ("b", ["Eastfield Bank, its partner, was shut down by the state regulator on April 2."], "Beta", DAY),
    )
    assert len(other_kind.merged) == 2
    assert len(other_day.merged) == 2


def test_a_weekday_alone_dates_an_event_in_the_week_of_its_source():
    from memogen.merge.features import weekday_events

    friday = dt.date(2025, 4, 18)
    on_friday = weekday_events("Northfield Bank collapsed Friday morning after a run.", lambda name: friday)
    assert on_friday == (("fall", (2025, 4, 18)),)
    # a weekday before a date is that date's (read with it), not a day of its own
    assert weekday_events("Northfield Bank collapsed on Friday, April 18.", lambda name: friday) == ()


def test_an_event_told_by_weekday_in_the_news_and_by_date_elsewhere_is_one_fact():
    if load_embedder() is None:
        pytest.skip("wordllama is not installed")
    friday = dt.date(2025, 4, 18)  # the news report's date, a Friday
    lead = "Northfield Bank collapsed Friday morning after depositors rushed to pull their savings."
    dated = "Northfield Bank was shut down by the state regulator on 18 April as depositors rushed to withdraw their money."
    _, same_week = merge_specs(("a", [lead], "Alpha", friday), ("b", [dated], "Beta", None))
    _, week_after = merge_specs(
        ("a", [lead], "Alpha", friday + dt.timedelta(days=7)), ("b", [dated], "Beta", None)
    )
    assert len(same_week.merged) == 1
    assert len(week_after.merged) == 2  # a Friday a week later is another day


def test_a_sentence_dating_a_second_event_on_another_day_is_not_a_restatement_of_the_first():
    from memogen.merge.features import features
    from memogen.merge.pairs import same_event

    detained = features("Soldiers of the palace guard detained President Ana Ruiz on 26 July.")
    again = features("President Ana Ruiz was arrested by her own guard on July 26, 2025.")
    more = features(
        "General Tomas Vela declared himself head of a transitional government on 28 July, after "
        "his soldiers detained President Ana Ruiz on 26 July."
    )
    assert same_event(detained, again)
    assert same_event(
        features("The top court on 21 July scaled back the quota."),
        features("Veloria's Supreme Court on 21 July reduced the civil service quota."),
    )
    assert not same_event(
        features("On 14 April, Northfield Bank collapsed."),
        features("On April 14, Eastfield Bank, its partner, was shut down."),
    )
    assert not same_event(detained, more)
    assert not same_event(more, detained)


def test_a_bare_figure_measures_what_its_clause_names_before_the_verb():
    said_after = _claim(
        "According to the survey, the preliminary magnitude of the earthquake was 6.8.", "6.8"
    )
    said_before = _claim("The earthquake had a magnitude of 6.9.", "6.9")
    assert said_after is not None and said_before is not None
    assert said_after.unit == said_before.unit
    assert _claim("The rest of the team arrived with 12.", "12") is None  # no measure named before a verb


def test_a_months_abbreviation_with_its_full_stop_dates_a_day_but_a_sentence_end_does_not():
    def dates(sentence: str) -> list[tuple]:
        return [q.value for q in extract_quantities(sentence) if q.kind == "date"]

    assert dates("The vote was held Sept. 5, 2023, in Lagos.") == [(2023, 9, 5)]
    assert dates("The lender collapsed on mar. 10 as depositors rushed out.") == [(None, 3, 10)]
    assert dates("Talks ended in June. 5 people were hurt.") == []


def test_a_sentence_with_a_figure_of_its_own_is_not_one_fact_with_a_sentence_sharing_only_its_day():
    from memogen.merge.features import features
    from memogen.merge.pairs import same_event, same_fact

    ranked = features(
        "On 14 April, Northfield Bank, the state's 16th largest lender, collapsed as savers fled."
    )
    plain = features("On April 14, Northfield Bank was shut down by the state regulator as savers fled.")
    assert not same_event(ranked, plain)  # "16th largest" would be lost in the merged fact
    assert not same_fact(0.3, ranked, plain)[0]  # nor does the shared day alone make them one


def test_a_count_of_missing_that_falls_over_dated_reports_is_said_to_fall():
    statement = _said_two_days_apart(
        "Some 10,000 people are missing after the Verna floods, officials said.",
        "About 9,000 people are missing after the Verna floods, officials said.",
    )
    assert statement.startswith("The number of people missing fell from some 10,000 people (Alpha, 15"), (
        statement
    )
    assert "to about 9,000 people (Beta, 17 March 2025)" in statement and "rose" not in statement
    # near miss: the later report undated - which figure came later is unknown, so no trend
    _, result = merge_specs(
        ("a", ["Some 10,000 people are missing after the Verna floods, officials said."], "Alpha", None),
        (
            "b",
            ["About 9,000 people are missing after the Verna floods, officials said."],
            "Beta",
            dt.date(2025, 3, 17),
        ),
    )
    (statement,) = _statements(result)
    assert statement.startswith("Sources differ on the number of people missing:"), statement
    assert "rose" not in statement and "fell" not in statement


def test_a_death_toll_lower_in_the_later_report_is_a_disagreement_never_a_trend():
    statement = _said_two_days_apart(
        "The floods killed 10,000 people in Verna, officials said.",
        "The floods killed 9,000 people in Verna, officials said.",
    )
    # a toll does not fall, and one dated figure cannot say which of the two came later
    assert statement.startswith("Sources differ on the death toll"), statement
    assert "rose" not in statement and "fell" not in statement
    # near miss: the same toll rising over the two reports is its progression, the way it went
    statement = _said_two_days_apart(
        "The floods killed 9,000 people in Verna, officials said.",
        "The floods killed 10,000 people in Verna, officials said.",
    )
    assert statement == (
        "The death toll rose from 9,000 people (Alpha, 15 March 2025) to 10,000 people (Beta, 17 March 2025)."
    )


def test_a_distance_disagreement_names_the_place_it_is_measured_from():
    statement = _said_two_days_apart(
        "The epicentre of the quake was roughly 75 km southwest of Verna, the institute said.",
        "The epicentre of the quake lay approximately 71.8 km southwest of Verna, the survey said.",
    )
    assert statement.startswith("Sources differ on the distance from Verna: Alpha reports roughly 75 km"), (
        statement
    )
    verna = _claim("The epicentre was roughly 75 km southwest of Verna.", "75 km")
    assert measure_subject([verna, verna]) == "the distance from Verna"
    # near miss: distances measured from two places, or from none, name no place
    lira = _claim("The epicentre lay approximately 71.8 km southwest of Lira.", "71.8 km")
    assert measure_subject([verna, lira]) == ""
    bare = _claim("The wall runs 200 miles along the border.", "200 miles")
    assert measure_subject([verna, bare]) == ""


def test_a_page_that_restates_a_measure_names_its_place_once_by_a_common_noun():
    from memogen.merge.features import features
    from memogen.merge.pairs import name_mismatch, same_fact

    first = features(
        "The rebels' commander, Tarvo Menk, a former Dovlan ally, said his men got within 90 miles (145 km)"
        " of the capital."
    )
    again = features("In one day we got to within 145 km of Ostrava, Menk, in full uniform, said in a video.")
    other = features(
        "The convoy had covered 145 km of road before dawn near Ostrava, Menk, in full uniform, said in a video."
    )
    chance = features("Lida opened a salt mine in Verno, the first such project in 12 years.")
    chance2 = features(
        "In 2003 Ravi opened a copper plant in Pelsu; it was the first such project there in 12 years."
    )
    assert name_mismatch(first, again) == 1  # "the capital" is not known to be Ostrava
    # one page, one measure with its unit and the words beside it, one subject named on both sides
    assert same_fact(0.13, first, again, same_source=True)[0]
    assert not same_fact(0.13, first, again)[0]  # two sources: the name still parts them
    assert not same_fact(0.13, first, other, same_source=True)[0]  # 145 km of another thing
    assert not same_fact(0.13, chance, chance2, same_source=True)[0]  # no subject in common


def test_one_persons_name_spelt_two_ways_by_two_outlets_is_one_name():
    from memogen.merge.aliases import learn_aliases, learn_spellings
    from memogen.merge.features import features
    from memogen.merge.pairs import name_mismatch

    texts = [
        "Palace spokesman Dmitry Valkov said the talks would resume. Valkov gave no date.",
        "Palace spokesperson Dmytro Valkov said the envoys had met. President Lee Sook-hyun spoke.",
        "Opposition leader Lee Suk Hyun called the talks a farce.",
    ]
    assert learn_spellings(texts) == {"dmytro": "dmitry", "suk": "sook"}
    aliases = learn_aliases(texts)
    a = features("Dmitry Valkov announced that the border would reopen on Monday.", aliases)
    b = features("The border will reopen on Monday, as announced by Dmytro Valkov.", aliases)
    assert name_mismatch(a, b) == 0


def test_two_people_of_one_family_are_not_one_name():
    from memogen.merge.aliases import learn_spellings

    # different first letters; two spellings one outlet uses side by side; a people's adjective
    assert learn_spellings(["Omar Bongo ruled for decades.", "Ali Bongo won the vote."]) == {}
    assert (
        learn_spellings(["Aleksandr Varga and Aleksandar Varga, brothers, spoke.", "Aleksandar Varga spoke."])
        == {}
    )
    assert learn_spellings(["The Norland Army marched.", "The Norlandi Army marched."]) == {}


def test_an_outcome_is_told_beside_the_plan_it_changed_and_never_as_a_disagreement():
    planned = "At the summit, leaders are expected to sign 14 agreements on trade."
    done = "The Norland summit ended with the signing of 15 agreements on trade."
    statements = _two_sources_say(planned, done)
    assert len(statements) == 1
    assert not statements[0].startswith("Sources differ")
    assert "14 agreements" in statements[0] and "15 agreements" in statements[0]
    assert statements[0].index("14 agreements") < statements[0].index(
        "15 agreements"
    )  # the plan, then what came of it
    met = "The Norland summit ended with the signing of 14 agreements on trade."
    assert _two_sources_say(planned, met) == []  # a plan met is no news


def test_an_elided_count_reads_its_noun_from_the_count_before_it_not_from_a_year():
    (q,) = [
        q
        for q in extract_quantities(
            "On February 8, 2024, 132 seats were reserved for women and 24 for minorities."
        )
        if q.display == "24"
    ]
    assert q.elided == "seats"
    claim = _claim("On February 8, 2024, 132 seats were reserved for women and 24 for minorities.", "24")
    assert claim is not None and claim.display == "24 seats"
