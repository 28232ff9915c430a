"""Memo defects found in a second reading of real topics never seen before (session 13), each fixed
by a general rule and tested on small texts of our own."""

from __future__ import annotations

from memogen.compose.header import without_label


def test_a_pages_kind_label_leaves_the_memo_title() -> None:
    assert without_label("Live updates: Fires burn through the northern island") == (
        "Fires burn through the northern island"
    )
    assert without_label("Analysis: what the harbour deal means for the coast") == (
        "What the harbour deal means for the coast"
    )


def test_a_place_or_name_before_the_colon_stays() -> None:
    title = "Paris: police clear the camp by the river"
    assert without_label(title, {"Paris"}) == title
    assert without_label("Hong Kong: court orders the developer to wind up") == (
        "Hong Kong: court orders the developer to wind up"
    )
    assert without_label("Update: fires burn") == "Update: fires burn"  # too short to be a headline
