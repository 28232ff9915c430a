"""Merger: duplicates merge across sources, different facts stay apart, conflicts are stated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from memo_factory import merge_specs, source_with_points
from memogen.merge import extract_quantities, judge_pairs, merge_points, normalise
from memogen.model import Point, ReferenceAnchor, Source, SourceMetadata, SourceReference

PAIRS = Path(__file__).parent / "fixtures" / "merge" / "pairs.jsonl"


def test_number_words_and_currency_normalise():
    assert normalise("first in nine years") == normalise("first in 9 years")
    assert "percent" in normalise("a 45 per cent rise") and "percent" in normalise("45% rise")
    kinds = {q.kind: q for q in extract_quantities("On 7 April trade hit US$ 790 million, up 45%, in 2020.")}
    assert kinds["amount"].value == (790e6, 790e6)
    assert kinds["date"].value == (None, 4, 7)
    assert kinds["percent"].value == (45.0, 45.0)
    assert kinds["year"].value[0] == 2020


def test_paraphrases_across_sources_become_one_point_citing_all():
    sources, result = merge_specs(
        (
            "a",
            ["It was the first visit by a Chilean president to Norway in nine years, officials said."],
            "Alpha",
        ),
        ("b", ["The Chilean president's visit to Norway was the first in 9 years."], "Beta"),
        ("c", ["Norway's fishing exports rose sharply last year."], "Gamma"),
    )
    multi = [m for m in result.merged if len(m.source_ids) > 1]
    assert len(multi) == 1
    assert set(multi[0].source_ids) == {"a", "b"}
    assert len(result.merged) == 2
    cluster = next(c for c in result.clusters if c.id == multi[0].id)
    assert {m.source_id for m in cluster.members} == {"a", "b"}


def test_same_topic_different_year_is_a_different_fact():
    _, result = merge_specs(
        ("a", ["Exports to Japan grew by 12 per cent in 2022."], "Alpha"),
        ("b", ["Exports to Japan grew by 12 per cent in 2021."], "Beta"),
    )
    assert len(result.merged) == 2


def test_differing_figures_are_stated_with_publishers_and_cited():
    _, result = merge_specs(
        ("a", ["In 2020, trade between the two countries stood at almost USD 350 million."], "Alpha News"),
        (
            "b",
            ["The commission's work raised mutual trade to a record high of US$ 790 million."],
            "Beta Institute",
            dt.date(2021, 4, 20),
        ),
    )
    conflicts = [c for m in result.merged for c in m.conflicts]
    assert len(conflicts) == 1
    st = conflicts[0].statement
    assert st.startswith("Sources differ:") and "Alpha News" in st and "Beta Institute" in st
    assert "350 million" in st and "790 million" in st
    host = next(m for m in result.merged if m.conflicts)
    assert {"a", "b"} <= set(host.source_ids)  # every value is cited
    # one fact, stated once: the other sentence's figure is in the statement, its cluster absorbed
    assert len(result.merged) == 1
    assert [c.absorbed_into for c in result.clusters if c.id != host.id] == [host.id]


def test_arrival_dates_that_differ_are_a_conflict_but_other_dates_are_not():
    _, result = merge_specs(
        ("a", ["On 12 June, President Mensah arrived in Accra for a three-day visit."], "Alpha"),
        (
            "b",
            ["On June 14, President Mensah concluded his visit after his arrival in Accra on June 11."],
            "Beta",
        ),
    )
    conflicts = [c for m in result.merged for c in m.conflicts]
    assert [c.kind for c in conflicts] == ["date"]
    assert "12 June" in conflicts[0].statement and "11 June" in conflicts[0].statement  # one form of date
    assert "June 14" not in conflicts[0].statement


def test_different_names_do_not_merge():
    _, result = merge_specs(
        ("a", ["Ambassador Okafor of Ghana presented his credentials to the King on Tuesday."], "Alpha"),
        ("b", ["Ambassador Lindqvist of Sweden presented her credentials to the King on Tuesday."], "Beta"),
    )
    assert len(result.merged) == 2


def test_via_lists_what_the_source_itself_cited():
    src, points = source_with_points(
        "a", ["Bilateral trade reached $2.1 billion in 2022, officials said."], "Alpha"
    )
    src.references = [SourceReference(marker="1", text="Gulf News, 2023.", label="Gulf News")]
    src.anchors = [ReferenceAnchor(marker="1", start=0, end=10)]
    result = merge_points(points, [src])
    assert result.merged[0].citations[0].via == ["Gulf News"]


def test_representative_prefers_specific_plain_sentence():
    _, result = merge_specs(
        ("a", ["We think the deal matters a lot."], "Alpha"),
        ("b", ["The deal, signed on 3 May by Kenya and Ethiopia, matters a lot for the region."], "Beta"),
    )
    texts = [m.text for m in result.merged]
    assert any("3 May" in t for t in texts)


def _pair_scores(split: str) -> tuple[float, float]:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["split"] == split]
    res = judge_pairs([(r["a"], r["b"]) for r in rows])
    tp = sum(d and r["label"] == "dup" for r, (d, _) in zip(rows, res, strict=True))
    fp = sum(d and r["label"] != "dup" for r, (d, _) in zip(rows, res, strict=True))
    fn = sum(not d and r["label"] == "dup" for r, (d, _) in zip(rows, res, strict=True))
    return tp / (tp + fp), tp / (tp + fn)


def test_held_out_pairs_precision_and_recall():
    precision, recall = _pair_scores("heldout")
    assert precision >= 0.75
    assert recall >= 0.8


def test_merge_scales_to_many_points_without_error():
    sources, points = [], []
    for k in range(60):
        s, p = source_with_points(
            f"s{k}",
            [f"Filler sentence number {k} about topic {j} with word{k * 7 + j}." for j in range(20)]
            + ["The bridge opened on 4 May after nine years of work."],
        )
        sources.append(s)
        points += p
    result = merge_points(points, sources)
    bridge = [m for m in result.merged if "bridge" in m.text]
    assert len(bridge) == 1 and len(bridge[0].source_ids) == 60


def test_compression_stays_a_subset_of_the_sentence():
    from memogen.merge import compress

    assert compress("Thus, the visit was a milestone.¹") == "The visit was a milestone."
    assert compress("你好世界。") == "你好世界。"
    assert compress("Trade rose") == "Trade rose."


def test_empty_and_unusual_input_does_not_break_merging():
    assert merge_points([], []).merged == []
    src, points = source_with_points("x", ["Привет мир, это тест на 5 процентов.", "..."])
    result = merge_points(points, [src])
    assert len(result.merged) == 2


def test_current_year_figures_of_sources_from_different_years_do_not_conflict():
    """ "This year" in a 2019 article and "in 2018" elsewhere are different facts, not a disagreement."""
    import datetime as dt

    from memogen.merge import merge_points

    texts = {
        "old": ("Exports of timber reached $40 million in the current financial year, officials said.", 2019),
        "new": ("In 2018, exports of timber reached $55 million, according to officials.", 2021),
    }
    sources, points = [], []
    for sid, (text, year) in texts.items():
        sources.append(
            Source(
                id=sid,
                path=f"{sid}.txt",
                kind="txt",
                metadata=SourceMetadata(date=dt.date(year, 5, 1)),
                text=text,
            )
        )
        points.append(Point(text=text, section="background", source_id=sid, start=0, end=len(text)))
    result = merge_points(points, sources)
    assert not [c for m in result.merged for c in m.conflicts]


def test_later_this_year_does_not_pin_a_figure_to_the_source_year():
    from memogen.merge.quantities import CURRENT_PERIOD as _CURRENT_PERIOD

    assert _CURRENT_PERIOD.search("reached $40 million in the current financial year")
    assert _CURRENT_PERIOD.search("sales so far this year")
    assert not _CURRENT_PERIOD.search(
        "the commission, which meets later this year, raised trade to $9 million"
    )


def test_aliases_are_learned_from_the_topic_sources():
    from memogen.merge import learn_aliases

    aliases = learn_aliases(
        [
            "The Chief of Naval Operations (CNO) met Prime Minister Ana Ruiz in the capital.",
            "Cooperation on counter-terrorism (CT) grew. The Trans-Sahara Highway (also known as the "
            "Algiers-Lagos Road) opened.",
        ]
    )
    assert normalise("the Chief of Naval Operations", aliases) == normalise("the CNO", aliases)
    assert normalise("CT cooperation", aliases) == normalise("counter-terrorism cooperation", aliases)
    assert normalise("Trans-Sahara Highway", aliases) == normalise("Algiers-Lagos Road", aliases)
    assert "ruiz" in normalise("He met the Prime Minister.", aliases).split()
    assert normalise("Gen. Mwangi and the PM", aliases) == "general mwangi and the prime minister ruiz"


def test_title_and_name_paraphrases_merge_but_different_people_do_not():
    _, result = merge_specs(
        ("a", ["Prime Minister Ana Ruiz received Swedish Ambassador Tomas Berg in Lima on Monday."], "Alpha"),
        ("b", ["Ambassador Berg also met Ana Ruiz and the trade minister."], "Beta"),
        (
            "c",
            ["The Swedish Ambassador also met with the Prime Minister as well as the trade minister."],
            "Gamma",
        ),
        ("d", ["Ambassador Berg also met Carlos Soto and the trade minister."], "Delta"),
    )
    merged = [set(m.source_ids) for m in result.merged if len(m.source_ids) > 1]
    assert {"b", "c"} in [m & {"b", "c"} for m in merged]
    assert all("d" not in m or m == {"d"} for m in merged)


def test_rise_and_fall_or_target_and_outcome_are_not_conflicts():
    _, result = merge_specs(
        (
            "a",
            [
                "Wheat prices jumped 7% on Monday after the export ban.",
                "Both sides pledged to double trade to $10 billion.",
            ],
            "Alpha",
        ),
        (
            "b",
            [
                "Corn prices fell 2% on Monday after the rain forecast.",
                "Trade between them stood at $5 billion.",
            ],
            "Beta",
        ),
    )
    assert not [c for m in result.merged for c in m.conflicts]


def test_a_year_in_another_clause_does_not_date_a_figure():
    from memogen.merge import figure_years

    qs = {
        q.display: q
        for q in extract_quantities(
            "The dam, built in 1968 to supply water, held about 40 million cubic metres when it failed."
        )
    }
    assert figure_years(qs["40 million"]) == set()
    qs = {
        q.display: q
        for q in extract_quantities("In 2018, trade reached 800 million, which was 60 million in 2017.")
    }
    assert figure_years(qs["800 million"]) == {2018} and figure_years(qs["60 million"]) == {2017}


def test_sentence_opening_common_words_are_not_names_but_rare_ones_are():
    _, result = merge_specs(
        ("a", ["According to the water authority, the dam was last inspected on 3 February 2025."], "Alpha"),
        ("b", ["Public records show that the dam was last inspected on 17 February 2025."], "Beta"),
        ("c", ["Zambia will borrow $1.3 billion from the fund."], "Gamma"),
        ("d", ["Ghana will borrow $2 billion from the fund."], "Delta"),
    )
    statements = [c.statement for m in result.merged for c in m.conflicts]
    assert any("3 February" in s and "17 February" in s for s in statements), statements
    assert not any("billion" in s for s in statements), statements


def test_a_forecast_or_preference_is_not_the_decided_figure():
    _, result = merge_specs(
        (
            "a",
            ["Most economists expect the bank to raise its rate by 25 basis points on Wednesday."],
            "Alpha",
        ),
        ("b", ["On Wednesday the bank raised its rate by 50 basis points."], "Beta"),
    )
    # no disagreement, nor one fact: the outcome is stated, the forecast told beside it as what was expected
    (stated,) = result.merged
    assert stated.text == "On Wednesday the bank raised its rate by 50 basis points."
    (conflict,) = stated.conflicts
    assert conflict.change != "differ"
    assert conflict.beside["b"] == "The expected figure was 25 basis points (Alpha)."


def test_a_starting_figure_on_one_side_does_not_split_a_fact():
    _, result = merge_specs(
        ("a", ["On 11 June the Bank of Ostra increased its policy rate from 6.25% to 6.75%."], "Alpha"),
        ("b", ["The Bank of Ostra raised its policy rate by 50 basis points to 6.75% on 11 June."], "Beta"),
    )
    assert len(result.merged) == 1 and set(result.merged[0].source_ids) == {"a", "b"}
    assert not result.merged[0].conflicts


def test_a_year_in_the_main_clause_dates_a_figure_in_a_trailing_one():
    from memogen.merge import figure_years

    qs = {
        q.display: q for q in extract_quantities("Acme opened a plant in Oslo in 2013, the first in 8 years.")
    }
    assert figure_years(qs["8 years"]) == {2013}


def test_whom_a_sentence_quotes_is_not_a_name_the_fact_is_about():
    from memogen.merge import features

    quoted = features("The court on Sunday cut the quota, as per the report by the Morning Courier.")
    assert quoted.names == frozenset()
    told = features("The minister told Reuters that Ravel Dam had failed.")
    assert "reuters" not in told.names and {"ravel", "dam"} <= told.names
    led = features("The coalition led by Ana Ruiz won 40 seats.")
    assert {"ana", "ruiz"} <= led.names
    _, result = merge_specs(
        ("a", ["The Court of Appeal on Sunday cut the quota to 5%, according to Morning Courier."], "Alpha"),
        ("b", ["The Court of Appeal on Sunday cut the quota to 5%, the Evening Ledger reported."], "Beta"),
    )
    assert len(result.merged) == 1


def test_a_connective_that_opens_a_phrase_is_kept():
    """ "So far, ..." and "In addition to X, ..." are phrases, not a leading "So"/"In addition"."""
    from memogen.merge.text import compress

    assert compress("So far, the count has found 5 million votes.").startswith("So far, the count")
    assert compress("In addition to the bridge, the port closed.").startswith("In addition to the bridge")
    assert compress("So the army moved in.") == "The army moved in."
    assert compress("In addition, the port closed.") == "The port closed."


def test_a_connective_that_is_also_a_preposition_goes_only_with_its_comma():
    """ "Besides the council, the groups were ..." opens with a preposition; "Besides, ..." with a connective."""
    from memogen.merge.text import compress

    assert compress("Besides the council, the main groups were unions.").startswith("Besides the council")
    assert compress("Besides, the main groups were unions.") == "The main groups were unions."
    assert compress("Further talks are due in May.") == "Further talks are due in May."
    assert compress("Also present were two envoys.") == "Also present were two envoys."
    assert compress("Also, two envoys came.") == "Two envoys came."
