"""The selection benchmark's own parts: our lavrov-2021 gold and the baselines' budget rules."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_selection  # noqa: E402


def test_every_gold_regex_matches_every_source_it_lists():
    gold = yaml.safe_load((ROOT / "benchmarks" / "gold" / "lavrov-2021.facts.yaml").read_text())
    assert len(gold["facts"]) >= 20
    for fact in gold["facts"]:
        for name in fact["sources"]:
            text = (ROOT / "inputs" / "lavrov-2021" / name).read_text()
            missing = [rx for rx in fact["all"] if not re.search(rx, text, re.I)]
            assert not missing, (fact["id"], name, missing)
    ids = {f["id"] for f in gold["facts"]}
    assert {"military-equipment", "joint-exercises", "gas-pipeline", "visit-april-2021"} <= ids


def test_a_fact_is_covered_only_when_one_paragraph_matches_all_its_regexes():
    facts = [{"id": "f", "all": ["pipeline", "North-South"]}]
    assert eval_selection.covered_facts(["The North-South pipeline will be built."], facts) == {"f"}
    assert eval_selection.covered_facts(["A pipeline.", "The North-South route."], facts) == set()


def test_baselines_keep_the_budget_and_lead_takes_each_sources_first_sentence_in_turn():
    order = eval_selection.lead_order([["a1 x", "a2 x"], ["b1 x y"], ["c1", "c2", "c3"]])
    assert [t for _, t in order] == ["a1 x", "b1 x y", "c1", "a2 x", "c2", "c3"]
    chosen = eval_selection.fill(order, 5)
    assert sum(len(t.split()) for _, t in chosen) <= 5 and [t for _, t in chosen][:2] == ["a1 x", "b1 x y"]


def test_spending_says_where_an_unmet_fact_went():
    import memo_spending

    from memogen.model import Citation, DroppedPoint, Memo, MemoHeader, MemoSection, MergedPoint, Paragraph

    fact = {"id": "f", "all": ["pipeline", "North-South"]}
    kept = MergedPoint(
        "p1",
        "Both countries will build a gas line.",
        "what_happened",
        [Citation("b", "The North-South pipeline will be built by 2023.")],
    )
    memo = Memo(
        topic="t",
        header=MemoHeader(title="t"),
        sections=[MemoSection("what_happened", "What happened?", [Paragraph([kept])])],
        sources=[],
    )
    # another source's wording of a memo point states it: the merger chose the other wording
    assert memo_spending.where_it_went(fact, memo, stated_in_memo=False) == "merged"
    memo.dropped_points = [
        DroppedPoint("The North-South pipeline was agreed.", "background", ["a"], "says again what p1 says")
    ]
    assert memo_spending.where_it_went(fact, memo, stated_in_memo=False) == "repeat"
    memo.dropped_points[0].reason = "a heading, not a statement"
    assert memo_spending.where_it_went(fact, memo, stated_in_memo=False) == "not a statement"
    memo.dropped_points = []
    kept.citations[0].excerpt = "Both will build a gas line."
    assert memo_spending.where_it_went(fact, memo, stated_in_memo=False) == "never a point"
    assert memo_spending.where_it_went(fact, memo, stated_in_memo=True) == "in the memo, split"


def test_extra_gold_topics_form_their_own_group(tmp_path):
    gold, sources = tmp_path / "gold" / "quake", tmp_path / "in" / "quake"
    gold.mkdir(parents=True)
    sources.mkdir(parents=True)
    (gold / "facts.yaml").write_text("facts:\n  - id: f\n    all: [quake]\n")
    (sources / "a.txt").write_text("A quake struck.")
    (sources / "notes.md").write_text("not a source")
    [topic] = eval_selection.extra_topics([[str(gold), str(sources)]], "devset")
    assert (topic.name, topic.group, [f.name for f in topic.files]) == ("quake", "devset", ["a.txt"])
    assert topic.facts[0]["id"] == "f"


def test_the_lead_gap_lists_only_facts_the_lead_states_and_memogen_misses():
    from memogen.model import Citation, DroppedPoint, Memo, MemoHeader, MemoSection, MergedPoint, Paragraph

    facts = [{"id": "route", "all": ["pipeline", "North-South"]}, {"id": "arms", "all": ["helicopters"]}]
    topic = eval_selection.Topic("t", "tune", [], facts)
    kept = MergedPoint(
        "p1", "Russia will sell helicopters.", "what_happened", [Citation("a", "Helicopters.")]
    )
    memo = Memo(
        topic="t",
        header=MemoHeader(title="t"),
        sections=[MemoSection("what_happened", "What happened?", [Paragraph([kept])])],
        sources=[],
        dropped_points=[
            DroppedPoint(
                "The North-South pipeline was agreed.", "what_happened", ["b"], "says again what p1 says"
            )
        ],
    )
    memogen = eval_selection.Score({"arms"}, 2, 5)
    lead = eval_selection.Score({"arms", "route"}, 2, 5)
    assert eval_selection.LeadGap.of(topic, memo, memogen, lead).places == {"route": "repeat"}
    assert eval_selection.LeadGap.of(topic, memo, lead, memogen).places == {}


def test_rouge2_recall_counts_the_references_bigrams_in_the_summary_cut_to_its_budget():
    import pytest

    pytest.importorskip("rouge_score")  # the bench extra
    reference = "The court cut the job quota to seven percent"
    assert eval_selection.rouge2_recall(reference, reference, 100) == 1.0
    assert eval_selection.rouge2_recall("Rain fell on the hills all night", reference, 100) == 0.0
    # cut to two words, only "The court" of the summary is scored: one bigram of the reference's eight
    assert eval_selection.rouge2_recall(reference, reference, 2) == 1 / 8
