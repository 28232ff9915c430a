"""Facts of fresh real topics, in texts of our own (issue 12): a body's size is not a party's seats, and
one central action told by several outlets in their own words is one fact."""

from __future__ import annotations

import datetime as dt

from memo_factory import merge_specs
from memogen.merge.quantities import extract_quantities


def _merge(*sentences: str, day: dt.date | None = None):
    """A merge of one sentence per source (s1, s2, ...), dated `day` (else a day apart each)."""
    specs = [
        (f"s{k}", [t], f"Outlet {k}", day or dt.date(2025, 3, 10 + k))
        for k, t in enumerate(sentences, start=1)
    ]
    return merge_specs(*specs)[1]


def _conflicts(*sentences: str) -> list[str]:
    """The conflict statements a merge of one sentence per source gives."""
    return [c.statement for m in _merge(*sentences).merged for c in m.conflicts]


def test_a_count_joined_to_its_noun_is_a_size():
    (q,) = extract_quantities("The Unity Bloc holds a majority in the 250-seat chamber.")
    assert q.sized and q.unit == "seat"
    (q,) = extract_quantities("The Unity Bloc holds 140 seats.")
    assert not q.sized


def test_a_body_s_size_is_never_set_against_the_seats_a_party_holds():
    """ "the 250-seat chamber" is the whole; "140 seats" the bloc's part: no disagreement. Two sizes of
    the chamber still disagree."""
    assert not _conflicts(
        "The Marlow Assembly has 250 seats, with the Unity Bloc holding a majority of 140 seats.",
        "Ada Venn, leader of the Unity Bloc, which holds the majority in the 250-seat chamber, spoke.",
    )
    assert _conflicts(
        "Ada Venn, leader of the Unity Bloc, which holds the majority in the 250-seat chamber, spoke.",
        "Ada Venn, leader of the Unity Bloc, which holds the majority in the 260-seat chamber, spoke.",
    )


def _action(sentence: str):
    from memogen.merge.actions import main_action
    from memogen.merge.lexicon import TOKEN

    return main_action(TOKEN.findall(sentence))


def test_the_main_action_is_the_main_clause_s_verb():
    """A leading phrase, an apposition, a relative or a subordinate clause hold no main action; a light
    verb carries its noun; "decided to" carries the verb after it; someone's words are not read."""
    assert (
        _action("Chancellor Ilse Marr on Tuesday declared a state of emergency, citing unrest.")[0] == "decla"
    )
    assert (
        _action("In an earlier speech declaring a state of emergency, Marr described the unions as rebels.")[
            0
        ]
        == "descr"
    )
    assert (
        _action(
            "On 3 May 2025, the Honourable Madam Justice Ota made a winding-up order against Belmar Homes."
        )[0]
        == "order"
    )
    assert _action(
        "Justice Ota, of the Port Ferrin High Court, decided on Monday to liquidate Belmar Homes."
    )[0] == ("liqui")
    assert (
        _action("General Ruud had banned all rallies after Marr declared a state of emergency.")[0] == "bann"
    )
    assert _action("Then when the storm passed to the south, that was the worst of it.") is None
    assert _action("The unions said the decree was unlawful.") is None


def test_one_action_told_by_two_outlets_is_one_fact_and_two_actions_stay_two():
    """The declaration in two outlets' words (a title, another detail of the night) is one fact; the
    ban the army ordered after it is another, however near its words."""
    result = _merge(
        "Terran Chancellor Ilse Marr on Tuesday declared a state of emergency, saying the unions threatened order.",
        "Ms Marr had declared a state of emergency late on Tuesday, vowing to crush the strikes of the unions.",
        "General Ruud had banned all rallies after Marr declared a state of emergency on Tuesday night.",
        day=dt.date(2025, 3, 11),
    )
    facts = {frozenset(c.source_id for c in m.citations) for m in result.merged}
    assert frozenset({"s1", "s2"}) in facts, facts
    assert frozenset({"s3"}) in facts, facts


def test_a_people_s_adjective_names_its_place_and_a_title_names_no_one():
    from memogen.merge.features import features
    from memogen.merge.pairs import name_mismatch

    a = features("A court in Port Ferrin has ordered the liquidation of Chinese developer Belmar.")
    b = features("A court in Port Ferrin has ordered the liquidation of China's Belmar.")
    assert name_mismatch(a, b) == 0
    assert "mr" not in features("Mr Ota made the order.").names


def test_a_sentence_of_two_claims_has_no_one_action():
    assert _action("The vote was held on Thursday, but the results were delayed for days.") is None
    assert _action("The vote was held on Thursday in a tense mood.")[0] == "held"


def test_a_report_s_that_clause_holds_its_action():
    assert _action("Avalon and Brill announced on Friday that they had agreed to restore ties.")[0] == "resto"
    assert _action("Avalon and Brill said the talks failed.") is None


def test_a_span_of_time_one_side_gives_does_not_part_one_action():
    """ "after seven years of hostility" and "within two months" are details of time, like a date; a
    count of its own ("reopen 4 embassies") still keeps the sentence a fact of its own."""
    two_months = (
        "During talks in Ferrin on Friday, Avalon and Brill agreed to restore diplomatic ties and reopen their "
        "embassies within two months."
    )
    result = _merge(
        "Avalon and Brill have agreed to restore diplomatic ties and reopen embassies after seven years of hostility.",
        two_months,
        day=dt.date(2025, 3, 11),
    )
    assert len(result.merged) == 1, [m.text for m in result.merged]
    from memogen.merge.features import features
    from memogen.merge.pairs import _figure_of_its_own

    plain = features("Avalon and Brill agreed to restore diplomatic ties.")
    assert not _figure_of_its_own(features(two_months), plain, spans=False)
    counted = features("Avalon and Brill agreed to restore diplomatic ties and reopen 14 consulates.")
    assert _figure_of_its_own(counted, plain, spans=False)
