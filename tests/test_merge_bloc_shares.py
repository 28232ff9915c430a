"""A bloc's shares of the world, its applicants and its summit's ordinal, as outlets word them (issue 12).
Small texts of our own (an invented "Harbour Pact" of five states); each test has its near miss beside it."""

from __future__ import annotations

import datetime as dt

from memo_factory import merge_specs, source_with_points
from memogen.merge.claims import read_claims
from memogen.merge.quantities import extract_quantities


def _conflicts(*sentences: str) -> list[str]:
    """The conflict statements a merge of one sentence per source gives."""
    specs = [(f"s{k}", [t], f"Outlet {k}", dt.date(2025, 3, 10 + k)) for k, t in enumerate(sentences)]
    _, result = merge_specs(*specs)
    return [c.statement for m in result.merged for c in m.conflicts]


def _claims(sentence: str) -> dict[str, object]:
    src, points = source_with_points("a", [sentence], "A")
    return {c.display: c for c in read_claims(points, {"a": src})}


def test_shares_of_one_whole_of_the_world_are_one_measure_and_of_two_wholes_never():
    """The population shares disagree and so do the output shares; a population share is never set
    against an output share, however alike the sentences."""
    stated = _conflicts(
        "The pact accounts for about 40% of the world's population and a quarter of global GDP.",
        "Together, the five states represent 44% of the world population and 21% of global GDP.",
    )
    assert len(stated) == 2, stated
    population = next(s for s in stated if "44%" in s)
    output = next(s for s in stated if "21%" in s)
    assert "about 40%" in population and "quarter" not in population
    assert "a quarter" in output and "40%" not in output


def test_a_list_of_members_before_a_world_share_is_the_group():
    """ "Avalon, Brill, Corra, Dunmore and East Vale account for 42%": the group's share, not East
    Vale's; one member named alone keeps its own share."""
    claims = _claims("Avalon, Brill, Corra, Dunmore and East Vale account for 42% of the world's population.")
    assert claims["42%"].entity is None
    alone = _claims("East Vale accounts for 18% of the world's population.")
    assert alone["18%"].entity is not None


def test_a_basis_is_the_figure_s_own_not_its_neighbour_s():
    """At purchasing power parity is said of the third, not of the population share before it."""
    claims = _claims(
        "We have more than 40% of the population, about a third of the world's GDP at purchasing power parity."
    )
    assert claims["more than 40%"].basis == frozenset()
    assert claims["about a third"].basis == frozenset({"ppp"})


def test_a_share_spanned_by_a_word_does_not_make_two_figures_one():
    """ "A quarter" (23-27%) fits 23% and 26% alike; 23% and 26% still disagree, and the quarter is
    reported as said."""
    stated = _conflicts(
        "The pact makes up a quarter of global GDP.",
        "The pact makes up 23% of global GDP.",
        "The pact makes up 26% of global GDP.",
    )
    assert len(stated) == 1 and all(v in stated[0] for v in ("a quarter", "23%", "26%")), stated
    assert (
        _conflicts("The pact makes up a quarter of global GDP.", "The pact makes up 24% of global GDP.") == []
    )


def test_an_ordinal_counts_its_noun_past_a_name():
    """ "the fifteenth Harbour summit" and "the 15th Harbour Summit opened" count summits; a capitalised
    ordinal word is a name's ("the Third Way")."""
    spelled = extract_quantities("Avalon hosts the fifteenth Harbour summit this week.")
    digits = extract_quantities("The 15th Harbour Summit opened in Avalon.")
    assert [(q.value[0], q.unit, q.ordinal) for q in spelled] == [(15, "summi", True)]
    assert [(q.value[0], q.unit, q.ordinal) for q in digits] == [(15, "summi", True)]
    assert extract_quantities("He founded the Third Way movement.") == []


def test_a_bare_figure_after_a_count_counts_its_noun():
    """ "40 countries have expressed interest, and 22 have applied": 22 countries; a part said with
    "of whom" stays no count of its own."""
    found = extract_quantities("More than 40 countries have expressed interest, and 22 have applied to join.")
    assert [(q.value[0], q.unit) for q in found] == [(40, "count"), (22, "count")]
    assert (
        "22 countries"
        in _conflicts(
            "More than 40 countries have expressed interest, and 22 have applied to join the pact.",
            "Some 25 countries have applied to join the pact.",
        )[0]
    )


def test_one_action_in_two_phrasal_verbs_is_one_measure():
    """ "took out more than $42 billion" / "pulled out roughly $36 billion": one withdrawal, two readings;
    an amount of another action stays apart."""

    def stated(second: str) -> list[str]:
        lead = "Harbour Bank collapsed on Friday after a run on its deposits."
        specs = [
            (
                "s0",
                [
                    lead,
                    "A filing noted that its customers took out more than $42 billion.",
                ],
                "A",
                dt.date(2025, 3, 10),
            ),
            ("s1", [lead, second], "B", dt.date(2025, 3, 11)),
        ]
        _, result = merge_specs(*specs)
        return [c.statement for m in result.merged for c in m.conflicts]

    withdrawn = stated(
        "Its stock plummeted 60 percent and clients pulled out roughly $36 billion of their money."
    )
    assert len(withdrawn) == 1 and "$42 billion" in withdrawn[0] and "$36 billion" in withdrawn[0], withdrawn
    assert not stated("The bank’s shares lost roughly $36 billion of their market value.")
