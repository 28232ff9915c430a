"""A sentence's names and a clause's days are read once for all its figures; each figure still
gets its own owner and day."""

from __future__ import annotations

import datetime as dt

from memogen.merge.claims import _clause_day, _days_in, _name_spans, figure_entity
from memogen.merge.quantities import extract_quantities

SENTENCE = "The PML-N won 75 seats on 9 February while the PPP got 54 seats."


def _figures() -> list:
    return [q for q in extract_quantities(SENTENCE) if q.kind != "year"]


def test_each_figure_keeps_its_own_owner_when_the_names_are_read_once():
    _name_spans.cache_clear()
    owners = [figure_entity(SENTENCE, q) for q in _figures()]
    assert [o.text if o else None for o in owners] == ["PML-N", None, "PPP"]
    assert _name_spans.cache_info().misses == 1  # one reading of the sentence's names
    assert _name_spans.cache_info().hits >= 1


def test_each_figure_keeps_its_own_day_when_the_clause_is_read_once():
    _days_in.cache_clear()
    days = [_clause_day(q, dt.date(2024, 2, 10)) for q in _figures()]
    assert days == [dt.date(2024, 2, 9), None, None]  # a date is no claim's day; the PPP's clause has none
    again = [_clause_day(q, dt.date(2024, 2, 10)) for q in _figures()]
    assert again == days
    assert _days_in.cache_info().hits >= 1


def test_names_read_once_are_not_a_list_a_caller_could_change():
    assert isinstance(_name_spans(SENTENCE, frozenset()), tuple)
