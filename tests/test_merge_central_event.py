"""Facts of fresh real topics, in texts of our own (issue 12): a body's size is not a party's seats, and
one central action told by several outlets in their own words is one fact."""

from __future__ import annotations

import datetime as dt

from memo_factory import merge_specs
from memogen.merge.quantities import extract_quantities


def _conflicts(*sentences: str) -> list[str]:
    """The conflict statements a merge of one sentence per source gives."""
    specs = [(f"s{k}", [t], f"Outlet {k}", dt.date(2025, 3, 10 + k)) for k, t in enumerate(sentences)]
    _, result = merge_specs(*specs)
    return [c.statement for m in result.merged for c in m.conflicts]


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
