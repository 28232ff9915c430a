"""merge/restated: a sentence that only restates another fact's figure goes (issue 12, "a fact once").
Texts are our own."""

from __future__ import annotations

from memogen.merge.features import features
from memogen.merge.restated import drop_restated_sentences
from memogen.model import Citation, MergedPoint


def _facts(*texts: str) -> tuple[list[MergedPoint], dict]:
    """Facts in the order given, the first cited by two sources (so the others give way to it)."""
    merged = [
        MergedPoint(
            id=f"p{k}",
            text=t,
            section="background",
            citations=[Citation(f"s{k}", t)] + ([Citation("extra", t)] if k == 0 else []),
        )
        for k, t in enumerate(texts)
    ]
    return merged, {m.id: features(m.text).quantities for m in merged}


def test_a_sentence_restating_an_ordinal_in_the_facts_words_is_dropped_from_its_fact():
    merged, figures = _facts(
        "President Ostin Varga was declared winner of the election for a third term on Tuesday.",
        "Ostin Varga hoped to serve a third term. In 2009, he took over after the death of his father.",
    )
    drop_restated_sentences(merged, figures)
    assert merged[1].text == "In 2009, he took over after the death of his father."
    assert merged[0].text.startswith("President Ostin Varga")


def test_a_fact_of_that_sentence_alone_goes_and_its_source_is_cited_by_the_fact_telling_it():
    merged, figures = _facts(
        "Some 40 countries have shown interest in joining the bloc, and 22 countries have formally applied.",
        "22 countries have formally applied to join the bloc.",
    )
    gone = drop_restated_sentences(merged, figures)
    assert gone == {"p1": "p0"}
    assert [m.id for m in merged] == ["p0"]
    added = [c for c in merged[0].citations if c.source_id == "s1"]
    assert added and added[0].score == 0.0  # a witness of the figure, not a pair score


def test_the_same_figure_of_another_name_or_with_words_of_its_own_stays():
    merged, figures = _facts(
        "Kalomir pledged $300 million to the reconstruction fund on Monday.",
        "Tenovar pledged $300 million to the reconstruction fund on Monday.",
        "The $300 million will pay for bridges, schools and clinics across the flooded valley districts.",
    )
    assert drop_restated_sentences(merged, figures) == {}
    assert len(merged) == 3


def test_a_figure_the_host_lacks_keeps_the_sentence_and_the_poorer_fact_gives_way():
    merged, figures = _facts(
        "The 15th summit of the bloc opened in Velora.",
        "The 15th summit of the bloc opened in Velora with 40 delegations.",
    )
    drop_restated_sentences(merged, figures)
    assert [m.text for m in merged] == ["The 15th summit of the bloc opened in Velora with 40 delegations."]


def test_a_sentence_the_next_one_leans_on_stays():
    merged, figures = _facts(
        "Ostin Varga was declared winner of the election for a third term with 61 percent of the vote.",
        "Ostin Varga won a third term. He promised new elections within a year.",
    )
    drop_restated_sentences(merged, figures)
    assert merged[1].text.startswith("Ostin Varga won a third term.")


def test_a_fact_carrying_a_disagreement_keeps_its_sentences():
    from memogen.model import Conflict

    merged, figures = _facts(
        "Some 40 countries have shown interest, and 22 countries have formally applied to join the bloc.",
        "22 countries have formally applied to join the bloc.",
    )
    merged[1].conflicts = [Conflict(kind="number", statement="Sources differ: A reports 22; B reports 23.")]
    assert drop_restated_sentences(merged, figures) == {}


def test_a_year_the_host_does_not_give_keeps_the_sentence():
    merged, figures = _facts(
        "Exports of the bloc to Velora grew by 12 per cent in 2022, the ministry said.",
        "Exports of the bloc to Velora grew by 12 per cent in 2021.",
    )
    assert drop_restated_sentences(merged, figures) == {}


def _with_names(*texts: str) -> tuple[list[MergedPoint], dict, dict]:
    merged, figures = _facts(*texts)
    return merged, figures, {m.id: features(m.text).names for m in merged}


def test_two_rare_names_and_the_facts_words_tell_a_sentence_without_a_figure():
    merged, figures, names = _with_names(
        "The body gave bidders a month, and Alvania and Borskia quickly abandoned their interest. "
        "That left Cemra as the sole candidate for the cup.",
        "Once Alvania and Borskia withdrew their interest, Cemra emerged as the lone candidate.",
    )
    assert drop_restated_sentences(merged, figures, names) == {"p1": "p0"}


def test_a_list_of_the_same_names_saying_something_else_stays():
    merged, figures, names = _with_names(
        "The bloc now comprises ten members: Alvania, Borskia, Cemra, Dolvia and the newly admitted Ervia.",
        "Alvania, Borskia, Cemra and Dolvia sent observers to the flood relief talks in the capital.",
    )
    assert drop_restated_sentences(merged, figures, names) == {}


def test_a_sentence_pointing_back_or_a_quote_is_not_told_by_names_alone():
    merged, figures, names = _with_names(
        "Analysts of the Vardan Institute said Ostin Varga would lose control of the Kelm Guard.",
        "Ostin Varga will lose the Kelm Guard, Vardan Institute analysts say. This is the Vardan Institute view.",
        "“Ostin Varga will lose the Kelm Guard,” said the head of the Vardan Institute.",
    )
    drop_restated_sentences(merged, figures, names)
    assert any("This is the Vardan Institute view." in m.text for m in merged)
    assert any(m.text.startswith("“Ostin Varga") for m in merged)


def test_a_name_spelt_out_for_its_acronym_is_not_told_by_a_fact_using_the_letters_alone():
    merged, figures, names = _with_names(
        "The VRC is the bloc's first review of the Kelm Treaty's goals, and it showed emissions rose.",
        "The velora review cycle of the Kelm Treaty (VRC) is a process of the bloc.",
    )
    assert drop_restated_sentences(merged, figures, names) == {}


def test_a_clause_restating_a_rank_goes_and_the_other_clause_stays():
    """ "the tenth member state" and "its 10th full member" count one thing: the clause telling it again
    goes, the clause with a fact of its own is kept as the sentence."""
    merged, figures = _facts(
        "The bloc admitted Borsk as its 10th full member at the summit in Velora.",
        "Borsk officially became the tenth member state of the bloc, while Cemra announced it would stay an observer.",
    )
    assert drop_restated_sentences(merged, figures) == {}
    assert merged[1].text == "Cemra announced it would stay an observer."
    assert merged[0].text.startswith("The bloc admitted Borsk")


def test_a_clause_stays_in_someones_words_leaning_on_nothing_or_telling_a_rank_of_another_noun():
    host = "The bloc admitted Borsk as its 10th full member at the summit in Velora."
    for other in (
        "Borsk became the tenth member state of the bloc, while it promised to open its markets.",
        "“Borsk became the tenth member state of the bloc, while Cemra stays out,” the chair said.",
        "The bloc held its tenth summit in Velora, while Cemra announced it would stay an observer.",
    ):
        merged, figures = _facts(host, other)
        drop_restated_sentences(merged, figures)
        assert merged[1].text == other
