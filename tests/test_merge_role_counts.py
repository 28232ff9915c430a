"""Counts of one role (countries invited, applied, admitted) told by two outlets: different counts of
the same role on the same day are a disagreement; a count said of a day and the same count with no
day, reported that day, are one day's doing; other roles, and a day's part of a growing count, never.
Small texts of our own."""

from __future__ import annotations

import datetime as dt

from memo_factory import merge_specs

DAY = dt.date(2025, 6, 12)  # a Thursday


def _conflicts(*sentences: str, day: dt.date = DAY) -> list[str]:
    """The conflict statements a merge of one sentence per source, all reported on `day`, gives."""
    specs = [(f"s{k}", [t], f"Outlet {k}", day) for k, t in enumerate(sentences)]
    _, result = merge_specs(*specs)
    return [c.statement for m in result.merged for c in m.conflicts]


def test_a_count_done_on_a_day_and_the_same_count_reported_that_day_disagree():
    stated = _conflicts(
        "Leaders of the Orvel bloc on Thursday invited six countries to join the group.",
        "The Orvel bloc's chair said five countries had been invited to join the group.",
    )
    assert len(stated) == 1 and "six countries" in stated[0] and "five countries" in stated[0]


def _reported_later(days: int) -> list[str]:
    """The statements for a count done on DAY against the same count reported `days` later."""
    specs = [
        ("s0", ["Leaders of the Orvel bloc on Thursday invited six countries to join the group."], "A", DAY),
        (
            "s1",
            ["The Orvel bloc's chair said five countries had been invited to join the group."],
            "B",
            DAY + dt.timedelta(days=days),
        ),
    ]
    _, result = merge_specs(*specs)
    return [c.statement for m in result.merged for c in m.conflicts]


def test_a_report_of_the_next_morning_still_tells_that_days_doing():
    stated = _reported_later(1)
    assert len(stated) == 1 and "six countries" in stated[0] and "five countries" in stated[0]


def test_the_same_count_reported_a_week_later_keeps_its_day():
    """Only a report of that day (or the next morning) is about that day's doing: a later one may count more."""
    assert not _reported_later(7)


def test_counts_of_two_roles_on_one_day_do_not_disagree():
    assert not _conflicts(
        "Leaders of the Orvel bloc on Thursday invited six countries to join the group.",
        "Some 22 countries have applied to join the Orvel bloc, its chair said.",
    )


def test_a_days_part_of_a_running_count_is_no_disagreement_with_the_total():
    assert not _conflicts(
        "On Thursday alone, 40 people were rescued from the flooded district of Orvel.",
        "Rescuers have pulled 130 people from the flooded district of Orvel, officials said.",
    )
