"""Claims on topics the merger has never seen: a party named with and without its generic head, a
fund's pledges said as a noun, distances measured from one place. Small texts of our own; each test
has its near miss (what must stay two facts) beside it."""

from __future__ import annotations

import datetime as dt

import pytest

from memo_factory import merge_specs
from memogen.merge.claims import entity_of
from memogen.merge.lexicon import FUTURE


def _conflicts(*sentences: str) -> list[str]:
    """The conflict statements a merge of one sentence per source gives."""
    specs = [(f"s{k}", [t], f"Outlet {k}", dt.date(2025, 3, 10 + k)) for k, t in enumerate(sentences)]
    _, result = merge_specs(*specs)
    return [c.statement for m in result.merged for c in m.conflicts]


def test_a_party_named_without_its_generic_head_is_the_same_party():
    """ "The Harbour Party" and "Harbour" are one owner: their seat counts disagree."""
    stated = _conflicts(
        "The Harbour Party won 174 seats in parliament.", "Harbour secured 180 seats in parliament."
    )
    assert len(stated) == 1 and "174 seats" in stated[0] and "180 seats" in stated[0]


def test_a_party_called_by_its_members_plural_is_the_same_party():
    """ "The Greens" and "the Green Party": one owner, whose vote shares disagree."""
    assert entity_of(["Greens"]).same_as(entity_of(["Green", "Party"]))
    stated = _conflicts(
        "The Greens won 12.4% of the vote, official results showed.",
        "The Green Party took 14 percent of the vote.",
    )
    assert len(stated) == 1 and "12.4%" in stated[0] and "14 percent" in stated[0]


def test_two_names_sharing_only_their_bare_part_are_two_owners():
    harbour_party, harbour_alliance = entity_of(["Harbour", "Party"]), entity_of(["Harbour", "Alliance"])
    assert harbour_party.same_as(entity_of(["Harbour"]))
    assert not harbour_party.same_as(harbour_alliance)
    assert not _conflicts(
        "The Harbour Party won 174 seats in parliament.", "The Harbour Alliance won 180 seats in parliament."
    )


def test_pledges_to_a_fund_are_made_but_pledging_to_double_is_a_plan():
    assert not FUTURE.search("Pledges to the fund reached $655 million.")
    assert not FUTURE.search("Donors pledged to the fund a total of $700 million.")
    assert FUTURE.search("Both sides pledged to double trade by the end of the decade.")
    stated = _conflicts(
        "The fund has received pledges totalling $700 million.", "Pledges to the fund reached $655 million."
    )
    assert len(stated) == 1 and "$700 million" in stated[0] and "$655 million" in stated[0]


def test_distances_of_one_thing_from_one_place_disagree_whatever_else_is_named():
    stated = _conflicts(
        "The epicentre of the earthquake lay near the village of Tarvel, approximately 71.8 km southwest of Ostra.",
        "The earthquake near Kelmet occurred at shallow depth in the Varn Mountains, roughly 75 km southeast of Ostra.",
    )
    assert len(stated) == 1 and "71.8 km" in stated[0] and "75 km" in stated[0]


def test_distances_of_two_things_from_one_place_are_two_facts():
    """Another town's distance from the same city, close in value, is no rival reading."""
    assert not _conflicts(
        "The epicentre of the earthquake lay 72 km southwest of Ostra, near the village of Tarvel.",
        "Dunmere, a town 70 km south of Ostra, was largely destroyed.",
    )


def test_a_length_in_two_units_agrees_within_the_precision_each_source_stated():
    """1.2 miles is 1.93 km: said to a tenth of a mile, it is the "2 km" another source gives; 200
    miles is not 200 km."""
    assert not _conflicts(
        "The new bridge spans 1.2 miles across the bay.", "The bridge, 2 km long, spans the bay."
    )
    # 110 mph is 177 km/h, which a converting source rounds to 180
    assert not _conflicts(
        "The winds reached 180 km/h as the storm made landfall.",
        "Wind speeds of 110 mph were recorded at landfall.",
    )
    stated = _conflicts(
        "The storm made landfall 200 km east of the capital.",
        "The storm made landfall 200 miles east of the capital.",
    )
    assert len(stated) == 1 and "200 km" in stated[0] and "200 miles" in stated[0]


def test_a_magnitude_is_one_measure_however_a_source_words_it():
    """ "7 degrees on the Richter scale", "a magnitude 6.8 earthquake" and "6.9 magnitude" are readings
    of one magnitude, not degrees of temperature nor a count of earthquakes."""
    stated = _conflicts(
        "The earthquake measured 7 degrees on the Richter scale, the national institute said.",
        "A magnitude 6.8 earthquake struck the region, the geological survey said.",
        "The 6.9 magnitude earthquake struck the region, the ministry said.",
    )
    assert len(stated) == 1 and all(v in stated[0] for v in ("7 degrees", "magnitude 6.8", "6.9"))


def test_a_part_of_a_count_said_with_of_whom_is_no_count_of_its_own():
    """ "1,204 injured, 721 of whom are in serious condition": 721 is not a reading of the injured
    (taken for one, it was flagged as one source's error and took the toll's sentence with it)."""
    from memo_factory import source_with_points
    from memogen.merge.claims import read_claims

    src, points = source_with_points(
        "a", ["The toll rose to 1,037 dead and 1,204 injured, 721 of whom are in serious condition."], "A"
    )
    read = [c.display for c in read_claims(points, {"a": src})]
    assert "1,204 injured" in read and not any("721" in d for d in read)


def test_a_figure_stated_with_a_scale_word_is_exact_to_its_last_digit():
    """ "$209 billion" is stated to the billion (its zeros are the scale's): "$212 billion" disagrees.
    "About $175 billion" is a round figure that "$173 billion" fits, and they stay one fact."""
    stated = _conflicts(
        "The bank had $209 billion in assets at the end of 2024.",
        "At the end of last year, the bank held assets of $212 billion.",
    )
    assert len(stated) == 1 and "$209 billion" in stated[0] and "$212 billion" in stated[0]
    specs = [
        ("a", ["The bank had about $175 billion in deposits."], "A", dt.date(2025, 3, 10)),
        ("b", ["Deposits at the bank totalled $173 billion."], "B", dt.date(2025, 3, 11)),
    ]
    _, result = merge_specs(*specs)
    assert len(result.merged) == 1 and not result.merged[0].conflicts


def test_a_capitalised_common_abbreviation_is_no_name():
    """ "announced a coup on national TV": TV names no one, so it cannot set two accounts apart."""
    from memogen.merge import features

    names = features("On 27 July, soldiers in Ostravia staged a coup and took over national TV.").names
    assert "tv" not in names and "ostravia" in names


def test_a_short_name_in_the_possessive_is_that_name():
    """ "the FDIC's bridge bank" mentions the FDIC: no name on one side only."""
    from memogen.merge import features
    from memogen.merge.pairs import name_mismatch

    named = features("The FDIC was named receiver of the bank on Friday.")
    possessive = features("Regulators made the FDIC’s bridge bank the successor of Harbour Valley Bank.")
    assert name_mismatch(named, possessive) == 0
    assert (
        name_mismatch(
            named, features("Regulators made the OCC’s bridge bank the successor of Harbour Valley Bank.")
        )
        == 1
    )


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        # "from" before a figure opens a change only when "to" gives the new figure: here it counts
        # the invited ("Leaders from 67 countries ... invited to the summit")
        (
            "Leaders from 67 countries were invited to the summit in Lima.",
            "Some 69 countries were invited to attend the summit in Lima.",
            ("67 countries", "69 countries"),
        ),
        # millions of people a country is home to are its population, however worded
        (
            "Home to around 22 million people, Tarvia is two-thirds desert and ranks low on the index.",
            "A country of 26 million people with uranium, oil and gold cannot be said to be poor.",
            ("22 million people", "26 million people"),
        ),
    ],
)
def test_unseen_shapes_of_one_measure_disagree(first: str, second: str, values: tuple[str, str]):
    stated = _conflicts(first, second)
    assert len(stated) == 1 and all(v in stated[0] for v in values)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a change's start ("from 62% to 48%") is no rival reading of its end
        (
            "Turnout in Lima fell from 62% to 48% of registered voters.",
            "Turnout in Lima was 48% of registered voters.",
        ),
        # a town's people and a city's are two places
        (
            "The flood reached Dunmere, a town of 60,000 people, on Monday.",
            "Ostra, a city of 90,000 people, was spared the worst of the flood.",
        ),
    ],
)
def test_unseen_shapes_of_two_measures_do_not_disagree(first: str, second: str):
    assert not _conflicts(first, second)


def test_a_disasters_toll_is_the_struck_places_whether_or_not_a_source_names_it():
    """The topic is the place the flood struck (no other name is in most openings): a toll naming it
    and a toll naming no one are one count; a name modifying the measure owns it ("the Vardo death
    toll"), not the subject that revised it."""
    specs = [
        (
            "Heavy flooding in the eastern city of Vardo has killed more than 5,000 people, officials said.",
            12,
        ),
        ("At least 5,300 people are dead and 10,000 missing in Vardo after two dams burst.", 13),
        ("The United Nations revised the Vardo death toll to 3,958 on Sunday.", 17),
    ]
    stated = _conflicts_on_days(specs)
    assert len(stated) == 1
    assert all(v in stated[0] for v in ("5,000", "5,300", "3,958"))


def _conflicts_on_days(specs: list[tuple[str, int]]) -> list[str]:
    dated = [(f"s{k}", [t], f"Outlet {k}", dt.date(2023, 9, day)) for k, (t, day) in enumerate(specs)]
    _, result = merge_specs(*dated)
    return [c.statement for m in result.merged for c in m.conflicts]


def test_a_round_figure_is_the_reading_of_the_exact_one_it_rounds_and_one_measure_beside_both_compares():
    """ "about $209 billion" joins "$209 billion", not "more than $212 billion" (which it also
    rounds to): the exact figures disagree. Two long sentences sharing little else still state one
    measure when the same word sits beside both figures ("... billion in assets")."""
    stated = _conflicts_on_days(
        [
            (
                "Harbor Trust Bank had about $209 billion in total assets and about $175.4 billion in deposits.",
                10,
            ),
            (
                "Though little known, it is among the 20 largest lenders in the country, holding more than $212 "
                "billion in assets as of September 2022, according to data of the Federal Examination Council.",
                11,
            ),
            ("Harbor Trust Bank held $209 billion in assets at the time of its collapse.", 12),
        ]
    )
    assert len(stated) == 1
    assert "$212 billion" in stated[0] and "$209 billion" in stated[0] and "about $209" not in stated[0]


def test_an_undated_sources_figure_is_of_the_events_time_not_of_a_year_another_source_names():
    from memo_factory import source_with_points
    from memogen.merge import merge_points

    specs = [
        ("s0", ["The magnitude 6.8 quake struck the Atlas foothills late on Friday."], "Outlet 0", None),
        (
            "s1",
            ["In 2004, the country saw a significant earthquake with a magnitude of 6.3 near the coast."],
            "Outlet 1",
            dt.date(2023, 9, 9),
        ),
    ]
    made = [source_with_points(*spec) for spec in specs]
    sources, points = [s for s, _ in made], [p for _, ps in made for p in ps]
    event = (dt.date(2023, 9, 8), dt.date(2023, 9, 8))
    assert not [c for m in merge_points(points, sources, event).merged for c in m.conflicts]


def test_the_word_nearest_one_figure_must_be_near_the_other_too():
    from memogen.merge.pairs import nearest_shared
    from memogen.merge.quantities import extract_quantities

    def figure(text: str, display: str):
        return next(q for q in extract_quantities(text) if display in q.display)

    uninsured = figure("Up to 85 percent of the lender's deposits were uninsured, a filing showed.", "85")
    stock = figure(
        "The news spooked the lender's depositors and investors so much that its stock plummeted "
        "roughly 60 percent on Thursday.",
        "60",
    )
    assert not nearest_shared(uninsured, stock)  # deposits: beside one figure, a dozen words from the other
    trade_then = figure("In 2020, trade between the two countries stood at almost USD 350 million.", "350")
    trade_now = figure(
        "The commission's work raised mutual trade to a record high of US$ 790 million.", "790"
    )
    assert nearest_shared(trade_then, trade_now)


def test_a_person_named_with_a_title_is_the_person_named_without_it():
    assert entity_of(["President", "Mbeki's"]).same_as(entity_of(["Mbeki"]))
    assert entity_of(["Prime", "Minister", "Ana", "Ruiz"]).same_as(entity_of(["Ana", "Ruiz"]))
    assert not entity_of(["President", "Mbeki"]).same_as(entity_of(["President", "Ruiz"]))
    stated = _conflicts(
        "Officials announced President Mbeki's re-election with 64.27 percent of the vote.",
        "The election, which Mbeki won with more than 65% of the vote, was annulled.",
    )
    assert len(stated) == 1 and "64.27 percent" in stated[0] and "65%" in stated[0]


def test_a_reported_clause_names_its_own_figures_owner():
    from memogen.merge.claims import figure_entity
    from memogen.merge.quantities import extract_quantities

    sentence = (
        "The run was massive, with a Norland regulatory filing cited by Coastwire noting that Harbor "
        "customers took out more than $42 billion by Thursday."
    )
    q = next(q for q in extract_quantities(sentence) if "42" in q.display)
    assert figure_entity(sentence, q).text == "Harbor"


# Rival readings of one measure, each in a shape the merger learnt this session:
# - "the seventh mutiny" / "the sixth naval mutiny": a rank is a count of the series so far, and the
#   names beside it (the subject, the series' scope) are no other owner;
# - "Tarvel Mutual Bank" / "Tarvel Mutual": one firm with and without its generic head.
RIVAL_READINGS = [
    (
        "Varnland's uprising is the seventh mutiny in the Northern Isles in the past three years.",
        "What happened in Varnland is the sixth naval mutiny across the isles since 2021.",
        ("seventh mutiny", "sixth naval mutiny"),
    ),
    (
        "Tarvel Mutual Bank held $307 billion in assets when it failed in 2008.",
        "Tarvel Mutual had $434 billion in assets when it collapsed in 2008.",
        ("$307 billion", "$434 billion"),
    ),
]


@pytest.mark.parametrize(("first", "second", "values"), RIVAL_READINGS)
def test_rival_readings_of_one_measure_are_stated(first: str, second: str, values: tuple[str, str]):
    stated = _conflicts(first, second)
    assert len(stated) == 1 and all(v in stated[0] for v in values)


def test_an_ordinal_is_no_count_of_another_noun_nor_a_cardinal():
    """A rank of terms is not a rank of mutinies; "three mutinies" is a count, not a rank."""
    assert not _conflicts(
        "The admiral began his seventh term in office after the vote.",
        "It was the sixth naval mutiny across the isles since 2021.",
    )
    assert not _conflicts(
        "Varnland's uprising is the seventh mutiny in the isles in the past three years.",
        "Sailors have staged three mutinies in the isles in the past three years.",
    )


def test_a_firm_named_with_and_without_its_generic_head_is_one_owner():
    """ "Tarvel Mutual Bank" and "Tarvel Mutual": one firm (see RIVAL_READINGS); "Ostra Bank" is
    no name for Ostra (a one-word name keeps its head)."""
    assert entity_of(["Tarvel", "Mutual", "Bank"]).same_as(entity_of(["Tarvel", "Mutual"]))
    assert not entity_of(["Ostra", "Bank"]).same_as(entity_of(["Ostra"]))


def test_a_duration_in_hours_and_minutes_is_read_whole():
    """'one hour and forty-five minutes' against '1 hour and 33 minutes': 105 and 93 minutes, never
    45 minutes against 33."""
    from memogen.merge.quantities import extract_quantities

    [q] = extract_quantities("Contact with the craft was lost 1 hour and 33 minutes into the dive.")
    assert q.value == (93.0, 93.0) and q.display == "1 hour and 33 minutes"
    stated = _conflicts(
        "Contact with the craft was lost one hour and forty-five minutes into its dive.",
        "Contact with the craft was lost 1 hour and 33 minutes into the dive.",
    )
    assert (
        len(stated) == 1
        and "one hour and forty-five minutes" in stated[0]
        and "1 hour and 33 minutes" in stated[0]
    )


def test_two_candidates_ranks_are_two_facts():
    """ "Varga ... was in second place" / "In third place, Oduya ...": each side names a candidate
    the other does not, so the ranks are two facts, not a disagreement about one rank."""
    assert not _conflicts(
        "His closest rival, Mira Varga of the Harbour Party, was in second place with 31.2 percent.",
        "In third place, the Coast Alliance candidate Sam Oduya took 24% of the national vote.",
    )


def test_a_clock_time_is_no_amount():
    """ "as of 9:24 p.m." and "as of 8:30 p.m": times of day, never "24 p" against "30 p"."""
    from memogen.merge.quantities import extract_quantities

    assert extract_quantities("The count stood at that level as of 9:24 p.m. Saturday.") == []
    assert [q.display for q in extract_quantities("At 21:05 the polls closed after 12 hours.")] == [
        "12 hours"
    ]


def test_how_far_a_count_has_got_is_no_disagreement():
    """The share of votes counted (or of stations reporting) is a moment of the count, which each
    report gives at its own hour: 99.97 against 98 percent is no disagreement, the result is."""
    assert not _conflicts(
        "With 99.97 percent of the country's polling stations reporting, Varga had 40.05 percent.",
        "With 98 percent of the votes counted, Varga had won the election.",
    )
    assert not _conflicts(
        "With 99.97 percent of the country's polling stations reporting, Varga had won.",
        "Based on the commission reporting totals from over 98% of polling stations as of 8:30 p.m, Varga won.",
    )
    stated = _conflicts(
        "The Harbour Party won 40.05 percent of the vote, official results showed.",
        "The Harbour Party took 43 percent of the vote.",
    )
    assert len(stated) == 1 and "40.05 percent" in stated[0]


def test_a_share_given_to_fewer_decimals_is_the_other_rounded():
    """ "33%" is "33.49 percent" rounded: one reading; 40.2 against 40.05 percent is not."""
    first = "The Harbour Party won {} of the vote, official results showed."
    second = "The Harbour Party took {} of the vote."
    assert not _conflicts(first.format("33.49 percent"), second.format("33%"))
    stated = _conflicts(first.format("40.05 percent"), second.format("40.2 percent"))
    assert len(stated) == 1 and "40.05 percent" in stated[0]


def test_basis_points_and_percentage_points_are_one_unit_of_a_rate():
    """100 basis points make a percentage point: "50 basis points" and "0.5 percentage points" are
    one cut (no disagreement), "0.25 percentage points" is another figure for it."""
    from memogen.merge.quantities import extract_quantities

    [bp] = extract_quantities("The bank cut its rate by 50 basis points.")
    [pp] = extract_quantities("The bank cut its rate by one percentage point.")
    [score] = extract_quantities("The team scored 50 points.")
    assert (bp.unit, pp.unit, score.unit) == ("bp", "pp", "point")
    same = _conflicts(
        "The Harbour Bank cut its policy rate by 50 basis points on 18 September 2024.",
        "The Harbour Bank cut its policy rate by 0.5 percentage points on 18 September 2024.",
    )
    assert same == []
    differ = _conflicts(
        "The Harbour Bank cut its policy rate by 50 basis points on 18 September 2024.",
        "The Harbour Bank cut its policy rate by 0.25 percentage points on 18 September 2024.",
    )
    assert len(differ) == 1 and "50 basis points" in differ[0] and "0.25 percentage points" in differ[0]
