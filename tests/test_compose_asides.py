"""Asides told apart: a description or standing state in a comma aside becomes a point of its own."""

from __future__ import annotations

import datetime as dt

from memogen.compose.asides import split_aside, tell_apart
from memogen.compose.salience import Salience
from memogen.model import MergedPoint

EVENT = dt.date(2031, 3, 4)


def _point(text: str, section: str = "what_happened", confidence: float = 0.9) -> MergedPoint:
    return MergedPoint(id="p1", text=text, section=section, citations=[], confidence=confidence)  # type: ignore[arg-type]


def test_a_description_of_a_place_becomes_a_sentence_and_leaves_the_report_whole() -> None:
    found = split_aside(
        "The quake struck 70 km from Ostrava, the region's second-largest town, in the hills."
    )
    assert found is None  # "the ..." after a name is a role or a title: the memo names those itself
    found = split_aside("The quake struck 70 km from Ostrava, Moravia's second-largest town, in the hills.")
    assert found is not None
    assert found.sentence == "Ostrava is Moravia's second-largest town."
    assert found.report == "The quake struck 70 km from Ostrava, in the hills."
    assert found.describes and not found.past


def test_a_relative_clause_on_the_subject_leaves_no_comma_behind() -> None:
    found = split_aside("The Harbour Authority, which took over the port, has since been selling its cranes.")
    assert found is not None
    assert found.report == "The Harbour Authority has since been selling its cranes."
    assert found.sentence == "The Harbour Authority took over the port."
    assert found.past  # a past action: placement reads it as a report
    found = split_aside("Per the Delta Survey Lab, which maps open data on rivers, the dykes failed in May.")
    assert found is not None
    assert found.report == "Per the Delta Survey Lab, the dykes failed in May."  # the phrase's comma stays
    assert not found.past


def test_a_state_held_since_a_year_is_told_with_has_been() -> None:
    found = split_aside("Crowds marched against Varga's cabinet, in office since 2014, blocking the bridges.")
    assert found is not None
    assert found.sentence == "Varga's cabinet has been in office since 2014."
    assert found.report == "Crowds marched against Varga's cabinet, blocking the bridges."


def test_lists_roles_and_sentence_ends_are_not_asides() -> None:
    for text in [
        "Aid came from the Coast Guard and the Navy Reserve, a hospital ship, as well as fishing boats.",
        "Funds came from Norway, which gave $10 million and Chile, which gave $5 million.",
        "Ana Lind, the bank's chief executive, sold shares before the run.",
        "He succeeded his father, Omar Dale, who had ruled since 1967. However, the family lost.",
        "Ostrava, a town that lies in the hills, was hit hardest by the quake on Friday.",
    ]:
        assert split_aside(text) is None, text


def _sal() -> Salience:
    return Salience(
        centrality=0.5, position=0.5, support=0.5, event=0.5, dated=False, specific=0.5, penalty=0.0
    )


def test_a_chosen_reports_description_goes_to_background_while_room_lasts() -> None:
    text = "The quake struck 70 km from Ostrava, Moravia's second-largest town, in the hills."
    report = _point(text)
    chosen = {"what_happened": [report], "background": [], "what_it_means": []}
    sal, kept = {report.id: _sal()}, {report.id: "kept"}
    tell_apart(chosen, sal, kept, EVENT, room=1)  # "Ostrava is" costs two words more
    assert report.text == text and not chosen["background"]
    tell_apart(chosen, sal, kept, EVENT, room=2)
    assert report.text == "The quake struck 70 km from Ostrava, in the hills."
    assert [p.text for p in chosen["background"]] == ["Ostrava is Moravia's second-largest town."]
    assert "told apart from p1" in kept["p1-aside"]


def test_a_past_action_is_placed_by_its_own_words() -> None:
    """Under a reading of the aftermath, "which took over the port" is news; under news it stays;
    "which won the 2019 vote" is history."""
    text = "The Harbour Authority, which took over the port, has since been selling its cranes."
    meaning = _point(text, "what_it_means", 0.52)
    chosen = {"what_happened": [], "background": [], "what_it_means": [meaning]}
    tell_apart(chosen, {meaning.id: _sal()}, {}, EVENT, room=10)
    assert [p.text for p in chosen["what_happened"]] == ["The Harbour Authority took over the port."]
    news = _point(text, "what_happened", 0.9)
    chosen = {"what_happened": [news], "background": [], "what_it_means": []}
    tell_apart(chosen, {news.id: _sal()}, {}, EVENT, room=10)
    assert news.text == text  # the same section as its report: nothing to tell apart
    old = _point("The Harbour Party, which won the 2019 vote, now trails in the polls.", "what_happened")
    chosen = {"what_happened": [old], "background": [], "what_it_means": []}
    tell_apart(chosen, {old.id: _sal()}, {}, EVENT, room=10)
    assert [p.text for p in chosen["background"]] == ["The Harbour Party won the 2019 vote."]


def test_an_aside_another_chosen_point_says_stays_in_its_sentence() -> None:
    """The repeat guard: a Background sentence holding the aside's words already, the aside is not
    told again (the memo judge would count the two as one fact said twice)."""
    text = "The quake struck 70 km from Ostrava, Moravia's second-largest town, in the hills."
    report = _point(text)
    said = MergedPoint(
        id="p2",
        text="Ostrava, Moravia's second-largest town, has long drawn miners to its hills.",
        section="background",
        citations=[],
        confidence=0.9,
    )  # type: ignore[arg-type]
    chosen = {"what_happened": [report], "background": [said], "what_it_means": []}
    tell_apart(chosen, {report.id: _sal(), said.id: _sal()}, {report.id: "kept"}, EVENT, room=10)
    assert report.text == text
    assert [p.id for p in chosen["background"]] == ["p2"]
