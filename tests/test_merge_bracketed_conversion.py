"""A figure restated in brackets in another unit ("75 kilometers (44 miles)") is one figure: the
merger builds one disagreement about it, not one per unit."""

from __future__ import annotations

from memo_factory import merge_specs
from memogen.merge.claims import read_claims
from memogen.merge.quantities import extract_quantities
from memogen.model import Point


def _claims(sentence: str) -> list[str]:
    point = Point(sentence, "what_happened", "s", 0, len(sentence))
    quantities = [extract_quantities(sentence)]
    return [c.display for c in read_claims([point], {}, None, quantities)]


def test_a_bracketed_conversion_is_no_claim_of_its_own():
    assert _claims("The epicentre was about 75 kilometers (44 miles) from the city.") == [
        "about 75 kilometers"
    ]
    assert _claims("The quake struck at a depth of 18.5 kilometers (11.5 miles).") == ["18.5 kilometers"]
    assert _claims("The lender raised $10 billion (£8bn) from investors.") == ["$10 billion"]


def test_a_bracketed_figure_that_is_no_conversion_stays_a_claim():
    # 90 miles is 145 km: not 75 km restated
    assert len(_claims("The epicentre was 75 kilometers (90 miles) from the city.")) == 2
    # two figures of one unit: no conversion
    assert len(_claims("The road runs 75 kilometers (and another 12 kilometers of track).")) == 2


def test_one_distance_in_two_units_gives_one_disagreement():
    _, result = merge_specs(
        ("a", ["The quake's epicentre was 75 kilometers (44 miles) from Marrakesh."], "Alpha", None),
        ("b", ["The quake's epicentre was 72 kilometers (45 miles) from Marrakesh."], "Beta", None),
        ("c", ["The quake's epicentre was about 30 miles from Marrakesh."], "Gamma", None),
    )
    statements = [c.statement for m in result.merged for c in m.conflicts]
    about_distance = [s for s in statements if "kilometers" in s or "miles" in s]
    assert len(about_distance) == 1, statements
    assert "44 miles" not in about_distance[0] and "45 miles" not in about_distance[0]
