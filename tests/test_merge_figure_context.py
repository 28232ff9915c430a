"""The words a figure's measure is read from are its own clause's: not the teller's ("a filing cited
by a broadcaster noting that ..."), not another figure's clause before "and". Small texts of our own."""

from __future__ import annotations

from memogen.merge.quantities import extract_quantities, own_clause


def _figure(sentence: str, display_part: str):
    return next(q for q in extract_quantities(sentence) if display_part in q.display)


TOLD = (
    "Savers rushed to the tellers, with a state filing cited by a broadcaster noting that depositors "
    "moved more than $9 billion by Friday."
)
JOINED = "On Friday its shares sank roughly 40 percent and savers moved about $8 billion of their money."


def test_a_tellers_words_are_not_the_figures_context():
    q = _figure(TOLD, "billion")
    assert {"moved", "depos"} <= set(q.context)
    assert not {"cited", "notin", "filin", "broad", "telle"} & set(q.context)
    assert own_clause(q).strip().startswith("depositors moved")


def test_another_figures_clause_before_and_is_not_the_figures_context():
    q = _figure(JOINED, "billion")
    assert {"moved", "saver", "money"} <= set(q.context)
    assert not {"sank", "shar"} & set(q.context)
    assert own_clause(q).strip().startswith("savers moved")


def test_a_common_subject_before_two_bare_figures_is_kept():
    """ "exports made up 42% of output and 23% of jobs": nothing of its own between "and" and the
    second share, so the words before both are still its subject."""
    q = _figure("Exports made up 42% of output and 23% of jobs.", "23")
    assert {"made", "expor", "jobs"} <= set(q.context)


def test_a_telling_word_is_no_boundary_without_that():
    """ "an estimated 300 people" keeps the verb before it: only "noting that" ends a teller's words."""
    q = _figure("The storm killed an estimated 300 people in the valley.", "300")
    assert "kill" in q.context
