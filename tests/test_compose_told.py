"""A sentence whose figures a chosen statement already reports is not said again."""

from memogen.compose.told import drop_told_sentences
from memogen.model import Citation, Conflict, ConflictValue, MergedPoint


def _point(pid: str, text: str, sources: list[str], conflicts: list[Conflict] | None = None) -> MergedPoint:
    cites = [Citation(source_id=s, excerpt=text) for s in sources]
    return MergedPoint(id=pid, text=text, section="what_happened", citations=cites, conflicts=conflicts or [])


def _toll() -> Conflict:
    values = [
        ConflictValue("a", "more than 40 people", "more than 40 people died"),
        ConflictValue("b", "at least 65 deaths", "at least 65 deaths"),
    ]
    statement = "The death toll rose from more than 40 people (A, 3 May) to at least 65 deaths (B, 5 May)."
    return Conflict(kind="number", statement=statement, values=values, change="progression")


def test_a_point_that_only_repeats_a_stated_figure_leaves_the_memo():
    host = _point("h", "Rescuers kept digging through the rubble of the hillside village.", ["a"], [_toll()])
    again = _point("r", "The floods have claimed at least 65 deaths across the valley so far.", ["b"])
    chosen = {"what_happened": [host, again], "background": [], "what_it_means": []}
    gone = drop_told_sentences(chosen)
    assert [p.id for p in chosen["what_happened"]] == ["h"]
    assert len(gone) == 1 and "statement" in gone[0].reason


def test_the_told_sentence_goes_and_the_rest_of_the_point_stays():
    host = _point("h", "Rescuers kept digging through the rubble of the hillside village.", ["a"], [_toll()])
    text = (
        "The floods have claimed at least 65 deaths across the valley so far. "
        "The regional government declared three days of mourning and closed all schools in the province."
    )
    mixed = _point("m", text, ["b"])
    chosen = {"what_happened": [host, mixed], "background": [], "what_it_means": []}
    assert drop_told_sentences(chosen) == []
    assert mixed.text.startswith("The regional government declared")
    assert "65" not in mixed.text


def test_a_figure_of_another_source_or_a_new_figure_beside_it_stays():
    host = _point("h", "Rescuers kept digging through the rubble of the hillside village.", ["a"], [_toll()])
    other_source = _point("o", "The floods have claimed at least 65 deaths across the valley so far.", ["c"])
    new_figure = _point(
        "n", "At least 65 deaths and 300 injuries were counted by the regional hospital.", ["b"]
    )
    chosen = {"what_happened": [host, other_source, new_figure], "background": [], "what_it_means": []}
    assert drop_told_sentences(chosen) == []
    assert [p.id for p in chosen["what_happened"]] == ["h", "o", "n"]


def test_the_point_carrying_the_statement_keeps_its_text():
    host = _point(
        "h", "The floods have claimed at least 65 deaths across the valley so far.", ["b"], [_toll()]
    )
    chosen = {"what_happened": [host], "background": [], "what_it_means": []}
    assert drop_told_sentences(chosen) == []
    assert "65" in host.text
