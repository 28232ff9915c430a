"""A sum converted in brackets into the outlet's own currency ("3 billion Kroner ($310 million)") is the
writer's conversion, not a claim: two outlets converting at their rates into their dollars never
disagree; the sums as stated still do. Small texts of our own."""

from __future__ import annotations

from test_merge_role_counts import _conflicts  # one sentence per source, all reported on one day


def test_two_outlets_conversions_of_one_sum_do_not_disagree():
    stated = _conflicts(
        "Norbank agreed to buy rival Ostbank for 3 billion kroner ($310 million) in shares on Sunday.",
        "Norbank will take over Ostbank for 3 billion kroner ($470 million) in a rescue deal on Sunday.",
    )
    assert stated == []


def test_the_sums_as_stated_still_disagree():
    stated = _conflicts(
        "Norbank agreed to buy rival Ostbank for 3 billion kroner ($310 million) in shares on Sunday.",
        "Norbank will take over Ostbank for 4 billion kroner ($620 million) in a rescue deal on Sunday.",
    )
    assert len(stated) == 1 and "3 billion" in stated[0] and "4 billion" in stated[0]
    assert "$310 million" not in stated[0]
