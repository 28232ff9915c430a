"""Where the merger's statements land in the memo (compose.order.place_statements)."""

from __future__ import annotations

from memogen.compose.order import leans_on, place_statements
from memogen.model import Citation, Conflict, ConflictValue, MergedPoint, Paragraph

ARREST = "Police arrested four suspects as the death toll passed 130."
OTHER_TOLL = "The death toll rose to 143 on Sunday."
TOLL_STATEMENT = "Sources differ on the death toll: Alpha reports 130; Beta reports 143."


def point(pid: str, text: str, start: int, extra: list[Citation] = (), conflicts=()) -> MergedPoint:
    own = Citation(source_id="a", excerpt=text, start=start, end=start + len(text))
    return MergedPoint(
        id=pid, text=text, section="what_happened", citations=[own, *extra], conflicts=list(conflicts)
    )


def toll_conflict() -> Conflict:
    return Conflict(
        kind="number",
        statement=TOLL_STATEMENT,
        values=[ConflictValue("a", "130", ARREST), ConflictValue("b", "143", OTHER_TOLL)],
    )


def arrest_point() -> MergedPoint:
    for_figure = Citation(source_id="b", excerpt=OTHER_TOLL, score=0.0)  # added by the merger for 143
    return point("p1", ARREST, 0, [for_figure], [toll_conflict()])


def test_statement_moves_after_the_next_sentence_that_leans_on_its_point() -> None:
    arrest = arrest_point()
    then = point("p2", "The president said they were caught near the border.", len(ARREST) + 1)
    place_statements([Paragraph(points=[arrest, then])])
    assert arrest.conflicts == [] and arrest.source_ids == ["a"]
    assert [c.statement for c in then.conflicts] == [TOLL_STATEMENT]
    assert then.source_ids == ["a", "b"]  # the note after the statement cites the other figure
    assert "".join(i.text for i in then.body_inlines()).endswith(TOLL_STATEMENT)


def test_statement_stays_before_a_sentence_that_does_not_lean_or_is_not_next() -> None:
    arrest = arrest_point()
    praise = point("p2", "The president praised the police for the swift arrests.", len(ARREST) + 1)
    later = point("p3", "The president said they were caught near the border.", len(ARREST) + 400)
    assert not leans_on(arrest, praise) and not leans_on(arrest, later)
    place_statements([Paragraph(points=[arrest, praise]), Paragraph(points=[point("p0", ARREST, 0), later])])
    assert [c.statement for c in arrest.conflicts] == [TOLL_STATEMENT]
    assert arrest.source_ids == ["a", "b"] and praise.conflicts == [] and later.conflicts == []


def test_agreement_is_dropped_when_the_paragraph_gives_the_other_figure() -> None:
    votes = "Lai received over 5.5 million votes in the election."
    other = "With most stations counted, Lai had over 5.39 million votes."
    agree = Conflict(
        kind="number",
        statement="Another report gives over 5.39 million (Beta), consistent with this.",
        values=[
            ConflictValue("a", "over 5.5 million", votes),
            ConflictValue("b", "over 5.39 million", other),
        ],
        change="agree",
    )
    cite_other = Citation(source_id="b", excerpt=other, score=0.0)
    lai = point("p1", votes, 0, [cite_other], [agree])
    count = MergedPoint("p2", other, "what_happened", [Citation("b", other, 500, 500 + len(other))])
    place_statements([Paragraph(points=[lai, count])])
    assert lai.conflicts == [] and lai.source_ids == ["a"]
    alone = point("p3", votes, 0, [cite_other], [agree])  # no sentence of the paragraph gives 5.39 million
    place_statements([Paragraph(points=[alone, point("p4", ARREST, 900)])])
    assert alone.conflicts == [agree] and alone.source_ids == ["a", "b"]
