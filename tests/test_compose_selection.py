"""Salience, selection and page fit (compose/salience.py, selection.py, fit.py)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from memogen.compose import compose_memo, select_within_budget
from memogen.compose.fit import fit_pages, page_count
from memogen.compose.salience import lexrank, source_positions
from memogen.config import TopicConfig
from memogen.explain import explain_memo
from memogen.merge import MergeResult
from memogen.model import (
    Citation,
    Cluster,
    ClusterMember,
    Memo,
    MemoHeader,
    MemoSection,
    MergedPoint,
    Paragraph,
    Source,
    SourceMetadata,
)


def mp(pid: str, text: str, section: str, source: str = "a", start: int = 0) -> MergedPoint:
    return MergedPoint(
        id=pid,
        text=text,
        section=section,  # type: ignore[arg-type]
        citations=[Citation(source_id=source, excerpt=text, start=start, end=start + len(text))],
    )


def result_of(points: list[MergedPoint]) -> MergeResult:
    clusters = [
        Cluster(p.id, p.section, p.text, [ClusterMember(s, p.text, 1.0) for s in p.source_ids])
        for p in points
    ]
    return MergeResult(points, clusters)


SOURCE = Source(id="a", path="a.txt", kind="txt", metadata=SourceMetadata(title="Dam fails"), text="x" * 5000)


def test_lexrank_ranks_the_sentence_others_echo_highest():
    # 0 is linked to 1, 2 and 3; 4 is alone
    rows, cols = np.array([0, 0, 0, 1]), np.array([1, 2, 3, 2])
    score = lexrank(5, rows, cols, np.array([0.5, 0.5, 0.5, 0.2]))
    assert score.argmax() == 0 and score[4] == score.min() and math.isclose(score.max(), 1.0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lexrank_agrees_with_the_scipy_power_iteration(seed):
    """The numpy edge-list walk gives the scores of the sparse-matrix formulation it replaced."""
    sparse = pytest.importorskip("scipy.sparse")
    rng = np.random.default_rng(seed)
    n = 60
    rows, cols = rng.integers(0, n, 200), rng.integers(0, n, 200)
    keep = rows < cols
    rows, cols = rows[keep], cols[keep]
    sims = rng.random(len(rows))
    graph = sparse.coo_matrix(
        (np.r_[sims, sims], (np.r_[rows, cols], np.r_[cols, rows])), shape=(n, n)
    ).tocsr()
    degree = np.asarray(graph.sum(axis=1)).ravel()
    walk = sparse.diags(1.0 / np.where(degree > 0, degree, 1.0)) @ graph
    score = np.full(n, 1.0 / n)
    for _ in range(50):
        score = 0.15 / n + 0.85 * (walk.T @ score + score[degree == 0].sum() / n)
    expected = score / score.max()
    assert np.allclose(lexrank(n, rows, cols, sims), expected, atol=1e-6)


def test_a_sources_lead_has_the_best_position():
    pts = [
        mp("late", "Later text.", "background", start=900),
        mp("lead", "First text.", "background", start=10),
    ]
    pos = source_positions(pts)
    assert pos["lead"] == 1.0 and pos["late"] < 1.0


def test_what_happened_opens_the_choice_and_is_never_empty_when_an_event_is_known():
    bg = mp("bg", "The dam was built in 1961 by the state water board on the river Ister.", "background")
    wh = mp(
        "wh", "The Tarvin dam gave way on 3 March 2024 and flooded nine villages.", "what_happened", start=200
    )
    chosen, _ = select_within_budget([bg, wh], 700)
    assert chosen["what_happened"][0].id == "wh"
    only_bg = [
        mp("b1", "The dam was built in 1961 by the state water board on the river Ister.", "background"),
        mp(
            "b2",
            "Engineers warned on 3 March 2024 that the dam wall had cracked overnight.",
            "background",
            start=300,
        ),
    ]
    chosen, _ = select_within_budget(only_bg, 700, [SOURCE], (dt.date(2024, 3, 3), None))
    assert [p.id for p in chosen["what_happened"]] == ["b2"]  # it gives the event's date


def test_every_kept_and_cut_point_says_why():
    pts = [
        mp("p1", "The Tarvin dam gave way on 3 March 2024 and flooded nine villages.", "what_happened"),
        mp(
            "p2",
            "On 3 March 2024 the Tarvin dam gave way, flooding nine villages.",
            "what_happened",
            start=100,
        ),
        mp(
            "p3",
            "Budgets for dam maintenance have fallen for a decade across the province.",
            "background",
            start=200,
        ),
        mp(
            "p4",
            "Insurers will press the water board for compensation after the flood.",
            "what_it_means",
            start=300,
        ),
    ]
    memo = compose_memo(
        result_of(pts), [SOURCE], TopicConfig(), "t", dt.date(2024, 3, 3), dt.datetime(2024, 4, 1)
    )
    kept = {p.id for p in memo.points}
    assert kept >= {"p3", "p4"} and len(kept & {"p1", "p2"}) == 1  # the paraphrase is said once
    assert set(memo.kept_reasons) == kept and all("rank" in r for r in memo.kept_reasons.values())
    assert any("says again what p" in d.reason for d in memo.dropped_points)
    text = explain_memo(memo)
    assert "Kept (3)" in text and "centrality" in text and "says again what" in text


def test_the_page_limit_is_kept_by_measuring_and_the_last_picks_make_room():
    def word(k: int) -> str:  # a made-up word per number: no two points share content
        return "".join("bdfgklmnprstvz"[k // 14**i % 14] + "aeiou"[(k + i) % 5] for i in range(3))

    def sentence(k: int) -> str:
        return " ".join(word(12 * k + j) for j in range(12)).capitalize() + "."

    pts = [mp(f"p{k}", sentence(k), "background", start=100 * k) for k in range(12)]
    pts[0].section = "what_happened"

    def pages(memo) -> int:  # a page holds 60 words here
        return math.ceil(sum(len(p.text.split()) for p in memo.points) / 60)

    memo = compose_memo(
        result_of(pts), [SOURCE], TopicConfig(), "t", None, dt.datetime(2024, 4, 1), measure=pages
    )
    cut = [d for d in memo.dropped_points if "page limit" in d.reason]
    assert pages(memo) == 2 and cut and "p0" in {p.id for p in memo.points}
    # the fewest cuts: one point back would not fit
    assert sum(len(p.text.split()) for p in memo.points) + min(len(d.text.split()) for d in cut) > 120


def flat_lay_out(choice) -> list[MemoSection]:
    """Each section's points as one paragraph (what fit_pages needs of a layout)."""
    return [MemoSection(k, k, [Paragraph(list(ps))]) for k, ps in choice.items() if ps]


def test_cutting_to_the_page_limit_keeps_every_section_it_had():
    # six event points, then one analysis point: MMR picked the analysis last
    pts = [mp(f"e{k}", f"Event fact number {k} of the day.", "what_happened") for k in range(6)]
    pts.append(mp("wm", "What the day means for the region.", "what_it_means"))
    chosen = {"what_happened": pts[:6], "background": [], "what_it_means": [pts[6]]}

    def pages(memo: Memo) -> int:  # a page holds two points here
        return math.ceil(len(memo.points) / 2)

    memo = Memo("t", MemoHeader("t"), flat_lay_out(chosen), [SOURCE])
    fit_pages(memo, chosen, [p.id for p in pts], flat_lay_out, pages)
    kept = [p.id for p in memo.points]
    assert pages(memo) == 2 and "wm" in kept and "e0" in kept and len(kept) == 4
    assert {d.text for d in memo.dropped_points} == {p.text for p in pts[3:6]}  # the last events chosen


def made_up(k: int, n: int = 10) -> str:
    """n made-up words, none shared with another k's."""
    syllables = (
        "".join("bdfgklmnprstvz"[(7 * k + i) // 14**j % 14] + "aeiou"[(k + i + j) % 5] for j in range(3))
        for i in range(n)
    )
    return " ".join(syllables)


def test_the_room_a_long_cut_point_leaves_takes_a_shorter_later_pick_back():
    lengths = [20, 20, 20, 30, 5]  # the pick order: a long point, then a short one
    pts = [mp(f"p{k}", " ".join(["word"] * n) + ".", "what_happened") for k, n in enumerate(lengths)]
    chosen = {"what_happened": pts, "background": [], "what_it_means": []}

    def pages(memo: Memo) -> int:  # a page holds 40 words here
        return math.ceil(sum(len(p.text.split()) for p in memo.points) / 40)

    memo = Memo("t", MemoHeader("t"), flat_lay_out(chosen), [SOURCE])
    fit_pages(memo, chosen, [p.id for p in pts], flat_lay_out, pages)
    assert [p.id for p in memo.points] == ["p0", "p1", "p2", "p4"] and pages(memo) == 2
    assert [d.text for d in memo.dropped_points] == [pts[3].text]


def test_analysis_gets_a_share_of_a_long_memo_though_it_ranks_below_the_events():
    # each source leads with a dated, named event; its analysis comes last, with no name or figure
    events = [
        mp(
            f"e{k}",
            f"On {k % 28 + 1} March 2024 Minister Tarvo {made_up(k).title()} said {100 * k + 7}.",
            "what_happened",
            source=f"s{k}",
        )
        for k in range(40)
    ]
    analysis = [
        mp(
            f"a{k}",
            f"Regional {made_up(50 + k)} will probably follow.",
            "what_it_means",
            source=f"s{k}",
            start=5000,
        )
        for k in range(4)
    ]
    budget = sum(len(p.text.split()) for p in events)  # room for every event, or for analysis in their place
    chosen, _ = select_within_budget(events + analysis, budget)
    assert len(chosen["what_it_means"]) >= 3


def test_page_count_reads_reportlab_pages():
    pdf = b"<< /Type /Pages /Count 2 >> << /Type /Page /Parent 1 0 R >> << /Type /Page >>"
    assert page_count(pdf) == 2


def test_a_repeat_left_out_hands_its_disagreement_to_the_point_kept():
    from memogen.compose.selection import take_conflicts
    from memogen.model import Conflict, ConflictValue

    host = mp("h", "The ruling party won 71 seats in the assembly.", "what_happened", source="a")
    repeat = mp("r", "The ruling party secured 67 seats, results showed.", "what_happened", source="b")
    repeat.citations.append(Citation(source_id="c", excerpt="75 seats", start=0, end=8))
    values = [ConflictValue("b", "67 seats", ""), ConflictValue("c", "75 seats", "")]
    repeat.conflicts = [Conflict("number", "Sources differ: b reports 67 seats; c reports 75 seats.", values)]
    assert take_conflicts(host, repeat)
    assert [c.statement for c in host.conflicts] == [repeat.conflicts[0].statement]
    assert host.source_ids == ["a", "b", "c"]  # the statement's sources are cited
    assert not take_conflicts(host, repeat)  # stated once


def test_a_point_that_gives_the_event_day_is_what_happened():
    opening = mp("opening", "Analysts say the two countries are entering a new era of ties.", "what_happened")
    visit = mp(
        "visit", "On 7 April 2021 the minister arrived in the capital for talks.", "background", start=50
    )
    event, built = dt.date(2021, 4, 7), dt.datetime(2021, 5, 1)
    memo = compose_memo(result_of([opening, visit]), [SOURCE], TopicConfig(), "t", event, built)
    assert "visit" in [p.id for p in memo.section("what_happened").points]


def test_the_shortlist_keeps_leads_and_shared_points_of_a_large_topic():
    from memogen.compose.salience import shortlist

    pts = [
        mp(
            f"s{k}p{j}",
            f"Sentence {j} of source {k} says something.",
            "background",
            source=f"s{k}",
            start=100 * j,
        )
        for k in range(20)
        for j in range(10)
    ]
    pts[57].citations.append(Citation(source_id="s1", excerpt="x", start=5000, end=5001))  # told by two
    kept, rest = shortlist(pts, 81)
    assert len(kept) == 81 and len(rest) == 119
    ids = {p.id for p in kept}
    assert {f"s{k}p{j}" for k in range(20) for j in range(4)} <= ids  # every source's first four
    assert pts[57].id in ids  # an 8th sentence two sources tell beats the others' 5th
    assert not {f"s{k}p4" for k in range(20)} & ids
    assert [p.id for p in kept] == [p.id for p in pts if p.id in ids]  # in their order
    assert shortlist(pts[:30], 40) == (pts[:30], [])


def test_explain_says_which_point_states_each_disagreement():
    from memogen.model import Conflict, ConflictValue

    statement = "Sources differ: a reports 67 seats; b reports 75 seats."
    conflict = Conflict(
        "number", statement, [ConflictValue("a", "67 seats", ""), ConflictValue("b", "75 seats", "")]
    )
    kept = mp("kept", "The ruling party won 71 seats in the national assembly vote.", "what_happened")
    repeat = mp(
        "repeat",
        "The ruling party won 67 seats in the national assembly vote, results show.",
        "what_happened",
    )
    repeat.conflicts = [conflict]
    result = result_of([kept, repeat])
    result.clusters[1].conflicts = [conflict]
    memo = compose_memo(result, [SOURCE], TopicConfig(), "t", None, dt.datetime(2021, 5, 1))
    text = explain_memo(memo)
    (holder,) = [p for p in memo.points if p.conflicts]
    assert (
        "Figures across sources (1: 1 disagree, 0 moved over time, 0 fit together; 1 stated in the memo):"
        in text
    )
    assert (f"[stated with {holder.id}]" in text) == (holder.id != "repeat")


def test_a_point_whose_figure_a_disagreement_reports_is_said_already():
    from memogen.compose.selection import figures_told, reported_figures
    from memogen.model import Conflict, ConflictValue

    host = mp("h", "The conference is billed as the largest ever, with 97,000 people.", "what_happened", "b")
    values = [ConflictValue("a", "about 70,000 participants", ""), ConflictValue("b", "97,000 people", "")]
    host.conflicts = [Conflict("number", "Sources differ: a reports 70,000; b reports 97,000.", values)]
    told = reported_figures(host)
    assert figures_told(mp("x", "The conference hosted about 70,000 participants.", "background", "a"), told)
    # another figure of that source, or a source the statement does not report, is news
    assert not figures_told(mp("y", "Some 180 heads of state took part.", "background", "a"), told)
    assert not figures_told(
        mp("z", "The conference hosted about 70,000 participants.", "background", "c"), told
    )


def test_a_sidebar_story_is_far_from_the_event_in_meaning():
    from memogen.compose.salience import topic_closeness

    profile = ["Supreme Court scales back job quotas after deadly student protests"]
    pts = [
        mp(
            "bench", "The order was passed by a seven-member bench led by the chief justice.", "what_happened"
        ),
        mp("sidebar", "A pop singer released a new album of love songs on Friday.", "what_happened"),
    ]
    closeness = topic_closeness(pts, profile)
    if closeness is None:
        pytest.skip("no embedding model installed")
    assert closeness[0] > closeness[1]


def test_a_disagreement_the_budget_cannot_state_earns_a_point_no_rank():
    from memogen.compose.salience import Salience
    from memogen.compose.selection import section_relative, shown_salience
    from memogen.model import Conflict, ConflictValue

    values = [ConflictValue("a", "12 December", ""), ConflictValue("b", "13 December", "")]
    conflict = Conflict("date", "Sources differ: a reports 12 December; b reports 13 December.", values)
    disputed = mp("d", "The conference was chaired by the host's industry minister.", "what_happened")
    plain = mp("p", "Nearly 200 countries agreed to transition away from fossil fuels.", "what_happened")
    disputed.conflicts = [conflict]
    salience = {
        "d": Salience(0.5, 1.0, 0.5, 0.5, True, 1.0, 0.0, disputed=True),
        "p": Salience(0.8, 1.0, 0.5, 0.5, True, 1.0, 0.0),
    }
    assert shown_salience(disputed, salience) > shown_salience(
        plain, salience
    )  # it will say where they differ
    disputed.conflicts = []  # a short memo leaves the statement out
    assert shown_salience(disputed, salience) < shown_salience(plain, salience)
    assert list(section_relative([disputed, plain], salience)) == pytest.approx(
        [shown_salience(disputed, salience) / shown_salience(plain, salience), 1.0]
    )


def test_a_short_memo_gives_few_of_its_words_to_where_sources_differ():
    from memogen.compose.selection import STATEMENT_SHARE
    from memogen.model import Conflict, ConflictValue

    def disputed_event(k: int) -> MergedPoint:
        p = mp(
            f"e{k}",
            f"On {k + 1} March 2024 Minister {made_up(k).title()} reported {100 * k + 7}.",
            "what_happened",
        )
        values = [
            ConflictValue("a", f"{100 * k + 7} dead", ""),
            ConflictValue("b", f"{100 * k + 9} dead", ""),
        ]
        p.conflicts = [
            Conflict("number", f"Sources differ: a reports {100 * k + 7}; b reports {100 * k + 9}.", values)
        ]
        return p

    def chosen_at(budget: int) -> list[MergedPoint]:
        chosen, _ = select_within_budget([disputed_event(k) for k in range(12)], budget)
        return [p for ps in chosen.values() for p in ps]

    said = sum(len(c.statement.split()) for p in chosen_at(250) for c in p.conflicts)
    assert 0 < said <= STATEMENT_SHARE * 250  # a statement is 7-9 words: a few of them
    assert all(p.conflicts for p in chosen_at(1000))  # a long memo says where sources differ, every time


def test_a_point_about_something_else_never_fills_leftover_words():
    from memogen.compose.salience import Salience
    from memogen.compose.selection import select
    from memogen.compose.similarity import vectorise

    event = mp(
        "e", "The Tarvin dam gave way on 3 March 2024 and flooded nine villages downstream.", "what_happened"
    )
    aside = mp("x", "Hopes and ambitions for exceptional outcomes were high.", "background", start=900)
    points = [event, aside]
    vectors = vectorise([p.text for p in points])
    row = {p.id: k for k, p in enumerate(points)}

    def chosen(off_topic: bool) -> list[str]:
        salience = {
            "e": Salience(1.0, 1.0, 0.0, 1.0, True, 1.0, 0.0),
            "x": Salience(0.1, 0.2, 0.0, 0.1, False, 0.0, 0.0, off_topic=off_topic),
        }
        picked = select(points, salience, vectors, row, 100)
        return [p.id for ps in picked.chosen.values() for p in ps]

    assert chosen(off_topic=False) == ["e", "x"]  # a weak point may fill the words left
    assert chosen(off_topic=True) == ["e"]  # one about something else may not


def test_figures_that_fit_together_earn_no_disputed_rank_but_a_disagreement_does():
    from memogen.compose.salience import disputed
    from memogen.model import Conflict, ConflictValue

    values = [
        ConflictValue("a", "at least 10,000 people", ""),
        ConflictValue("b", "more than 9,000 people", ""),
    ]
    point = mp("p", "At least 10,000 people were displaced by the flood.", "what_happened")
    point.conflicts = [Conflict("number", "a reports at least 10,000 people.", values, change="agree")]
    assert not disputed(point)
    point.conflicts.append(Conflict("number", "Sources differ: a reports 3; b reports 4.", values))
    assert disputed(point)


def test_a_point_with_a_figure_far_from_the_disputed_ones_is_another_fact_not_a_repeat():
    from memogen.compose.selection import gives_another_figure
    from memogen.model import Conflict, ConflictValue

    other = mp(
        "o", "The summit put $792 million into the Harbour Fund for coastal towns.", "what_happened", "b"
    )
    values = [ConflictValue("b", "$792 million", ""), ConflictValue("c", "about $700 million", "")]
    other.conflicts = [
        Conflict("amount", "Sources differ: b reports $792 million; c reports $700 million.", values)
    ]
    another = mp(
        "h", "Other amounts went to the Fund for Coastal Towns ($129.3 million).", "what_it_means", "a"
    )
    assert gives_another_figure(another, other)
    # a third reading of the same sum, the same sum, or the same fact without a figure: a repeat
    assert not gives_another_figure(mp("x", "The fund got $750 million.", "what_happened", "a"), other)
    assert not gives_another_figure(mp("y", "The fund got $792 million.", "what_happened", "a"), other)
    assert not gives_another_figure(
        mp("z", "The summit funded the coastal towns.", "what_happened", "a"), other
    )


def test_a_disagreement_stays_beside_its_own_figures_when_a_like_worded_point_is_chosen_first(monkeypatch):
    from memogen.compose import selection
    from memogen.model import Conflict, ConflictValue

    def build() -> dict[str, list[str]]:
        kept = mp(
            "k",
            "The summit allocated other amounts to the river fund ($129.3 million), organisers said.",
            "what_happened",
        )
        pledged = mp(
            "p", "The summit allocated $792 million to the harbour fund, organisers said.", "background", "b"
        )
        values = [ConflictValue("b", "$792 million", ""), ConflictValue("c", "about $700 million", "")]
        statement = "Sources differ: b reports $792 million; c reports $700 million."
        pledged.conflicts = [Conflict("amount", statement, values)]
        chosen, _ = select_within_budget([kept, pledged], budget=300)
        return {p.id: [c.statement for c in p.conflicts] for ps in chosen.values() for p in ps}

    statement = ["Sources differ: b reports $792 million; c reports $700 million."]
    assert build() == {"k": [], "p": statement}  # each fact kept, the disagreement beside its own figures
    monkeypatch.setattr(selection, "gives_another_figure", lambda host, other: False)
    # without the rule: the harbour fund's figure is a "repeat", its disagreement told of the river fund
    assert build() == {"k": statement}


def test_a_point_like_a_chosen_one_that_says_more_competes_after_what_is_wholly_new():
    lead = "The Supreme Court cut the quota for government jobs reserved for veterans' relatives on Sunday after weeks of student protests."
    host = mp("h", lead, "what_happened", "a")
    again = mp(
        "r",
        "On Sunday the Supreme Court cut the government jobs quota for relatives of veterans after weeks of protests by students.",
        "what_happened",
        "b",
    )
    more = mp(
        "m",
        "Student protests against the quota for government jobs turned deadly on Tuesday when groups linked"
        " to the ruling party attacked marchers with sticks and machetes in Dhaka.",
        "what_happened",
        "c",
    )
    chosen, dropped = select_within_budget([host, again, more], budget=300)
    # the near-verbatim account is a repeat; the one that shares the quota's words but tells of the attack is not
    assert [p.id for p in chosen["what_happened"]] == ["h", "m"]
    repeats = [d for d in dropped if d.reason.startswith("says again")]
    assert len(repeats) == 1 and "cut the government jobs quota for relatives" in repeats[0].text
    assert (
        "of its content said by none of the points it is like" in repeats[0].reason
    )  # --explain says how much
    fresh = mp(
        "f",
        "Mobile internet was shut down nationwide and a curfew imposed in the capital.",
        "what_happened",
        "d",
    )
    # room after the lead for either, not both: the wholly new one goes first
    chosen, _ = select_within_budget(
        [host, more, fresh], budget=len(lead.split()) + len(more.text.split()) + 3
    )
    assert [p.id for p in chosen["what_happened"]] == ["h", "f"]


def test_a_point_far_past_a_repeat_bar_is_a_repeat_however_its_stems_differ() -> None:
    """Synonyms ('suspended' / 'scrapped', 'reintroduction' / 'reinstated') leave most stems
    unsaid; wording that close to a chosen point's is still the same statement."""
    import numpy as np

    from memogen.compose.selection import SAME_STATEMENT, Unsaid

    unsaid = Unsaid({}, [frozenset({"quota", "suspend", "2018"}), frozenset({"quota", "claim", "win"})])
    closest = np.array([SAME_STATEMENT + 0.1, SAME_STATEMENT - 0.3])
    assert unsaid.repeats(closest, handed_off=[False, False]).tolist() == [True, False]


def test_the_event_day_earns_a_point_its_rank_once(monkeypatch):
    """Every lead dates the event: once a chosen point gave the day, another point earns nothing
    more for giving it, and a report of what followed may come first."""
    from memogen.compose import selection

    day = dt.date(2023, 3, 10)
    lead = "Regulators closed the Harbour Bank on 10 March 2023 after depositors withdrew 42 billion dollars."
    dated = "Shares of regional lenders tumbled on 10 March 2023 as investors feared contagion."
    after = "Treasury Secretary Janet Yellen said the 9,000 customers would reach insured money by Monday."

    def second_pick() -> str:
        points = [
            mp("a", lead, "what_happened", "a"),
            mp("b", dated, "what_happened", "b"),
            mp("c", after, "what_happened", "c", start=200),
        ]
        budget = len(lead.split()) + len(after.split()) + 1  # room after the lead for one of them
        chosen = select_within_budget(points, budget, event=(day, None))[0]["what_happened"]
        assert chosen[0].id == "a"
        return chosen[1].id

    assert second_pick() == "c"
    points = [mp("a", lead, "what_happened", "a"), mp("b", dated, "what_happened", "b")]
    memo = compose_memo(result_of(points), [SOURCE], TopicConfig(), "t", day, dt.datetime(2023, 4, 1))
    assert "the event's day was given already" in memo.kept_reasons["b"]  # --explain says so
    assert "the event's day was given already" not in memo.kept_reasons["a"]
    monkeypatch.setattr(selection, "day_told", lambda *_: False)  # the date counted at every pick
    assert second_pick() == "b"


def test_a_generic_line_inside_a_report_on_the_event_is_on_its_topic() -> None:
    """A line between two of its source's lines about the event belongs to that report; one at
    a page's end, or inside a block of other stories, does not."""
    import numpy as np

    from memogen.compose.salience import OFF_TOPIC, within_report

    near, far = OFF_TOPIC + 0.3, OFF_TOPIC - 0.1
    a = [mp(f"a{k}", f"line {k}", "what_happened", "a", start=100 * k) for k in range(4)]
    b = [mp(f"b{k}", f"line {k}", "what_happened", "b", start=100 * k) for k in range(4)]
    closeness = np.array([near, far, near, far] + [near, far, far, near])
    inside = within_report(a + b, closeness)
    # a1 sits between two lines on the event; a3 ends its page; b1 and b2 are a block of asides
    assert inside.tolist() == [False, True, False, False, False, False, False, False]


def test_a_point_quoting_the_words_a_chosen_point_quotes_says_it_again(monkeypatch) -> None:
    """Two outlets quoting the same phrase report one statement, however they frame it; a point
    whose own content is mostly its own still competes."""
    from memogen.compose import selection

    assert selection.quotations("on a “march for justice” to") == selection.quotations(
        'a "march of justice" on'
    )
    assert not selection.quotations("He said “no”.")  # a one-word quote is no statement
    long_ = (
        "The rebel leader called on his troops to join a “march of justice” on the capital after "
        "blaming the defence minister for a missile strike on a training camp that killed 50 soldiers."
    )
    short = "Wagner's chief declared a “march for justice”."
    other = "Roadblocks on the highways to the capital were removed on Sunday as the convoy turned back."

    def chosen() -> list[str]:
        points = [mp("l", long_, "what_happened", "a"), mp("s", short, "what_happened", "a", start=300)]
        points.append(mp("o", other, "what_happened", "c", start=400))
        return [p.id for p in select_within_budget(points, 200)[0]["what_happened"]]

    assert "s" not in chosen() and {"l", "o"} <= set(chosen())
    monkeypatch.setattr(selection, "quotations", lambda text: set())  # quotes not compared
    assert "s" in chosen()


def test_a_progression_told_beside_a_sentence_giving_one_of_its_figures_leaves_that_one_out():
    from memogen.compose.selection import told_beside_own_figure
    from memogen.model import Conflict, ConflictValue

    host = mp("p1", "Officials said on Tuesday the toll had reached 212 dead.", "what_happened", "b")
    other = mp("p2", "Floods hit the valley on Monday.", "what_happened", "b")
    values = [
        ConflictValue("a", "150 dead", "By Monday night, 150 dead were counted."),
        ConflictValue("b", "212 dead", host.text),
        ConflictValue("c", "over 300 dead", "The toll passed over 300 dead."),
    ]
    full = "The death toll rose from 150 dead (A) to 212 dead (B), then to over 300 dead (C)."
    beside = {
        "a": "A later report gives 212 dead (B); ...",
        "b": "An earlier report gave 150 dead (A); a later one gives over 300 dead (C).",
    }
    for p in (host, other):
        p.conflicts = [Conflict("number", full, values, change="progression", beside=dict(beside))]
        told_beside_own_figure(p)
    assert host.conflicts[0].statement == beside["b"]  # 212 is said just before: not again
    assert other.conflicts[0].statement == full  # a sentence giving none of the figures: the whole way


def test_a_short_memo_takes_a_point_without_statements_worth_less_than_the_facts_they_displace():
    from memogen.compose.salience import Salience
    from memogen.compose.selection import select
    from memogen.compose.similarity import vectorise
    from memogen.model import Conflict, ConflictValue

    def chosen_at(budget: int) -> list[MergedPoint]:
        host = mp(
            "h",
            "The Tarvin dam, built in 1961, had been inspected twice since its last repair.",
            "background",
        )
        values = [
            ConflictValue(s, f"{n} inspections", "") for s, n in (("a", 2), ("b", 3), ("c", 4), ("d", 5))
        ]
        named = "; ".join(f"{made_up(40 + k, 4).title()} reports {v.value}" for k, v in enumerate(values))
        host.conflicts = [Conflict("number", f"Sources differ on the inspections: {named}.", values)]
        facts = [mp(f"f{k}", f"The {made_up(k, 18)}.", "what_happened") for k in range(14)]
        points = [host, *facts]
        vectors = vectorise([p.text for p in points])
        salience = {p.id: Salience(0.5, 0.5, 0.5, 0.5, False, 0.5, 0.0) for p in facts}
        salience["h"] = Salience(1.0, 1.0, 0.5, 0.5, False, 0.5, 0.0, disputed=True)
        picked = select(points, salience, vectors, {p.id: k for k, p in enumerate(points)}, budget)
        return [p for ps in picked.chosen.values() for p in ps]

    short = chosen_at(250)
    assert [p.conflicts for p in short if p.id == "h"] == [[]]  # the dam's record, without the counts
    assert sum(p.id.startswith("f") for p in short) == 12  # its 33 words of statement went to two facts
    assert all(p.conflicts for p in chosen_at(1000) if p.id == "h")  # a long memo says where sources differ


def test_a_point_just_past_the_repeat_bar_keeps_more_of_its_gain_than_one_far_past_it():
    from memogen.compose.selection import JUST_PAST, PARTLY_SAID, SAME_STATEMENT, partly_said

    closest = np.array([1.0, 1.02, (1 + SAME_STATEMENT) / 2, SAME_STATEMENT, 1.0])
    marked = np.array([False, False, False, False, True])  # past the bar by its figures: said already
    scale = partly_said(closest, marked)
    assert scale[0] == pytest.approx(JUST_PAST)
    assert scale[0] > scale[1] > scale[2] > scale[3] == pytest.approx(PARTLY_SAID)
    assert scale[4] == pytest.approx(PARTLY_SAID)


def test_a_day_told_without_its_year_is_the_day_told_with_it() -> None:
    """ "on Tuesday (December 3)" and "on Tuesday 3 December 2024": one day, so the content overlap counts."""
    from memogen.compose.similarity import days_meet, vectorise

    a = "The president on Tuesday (December 3) declared martial law in a late night address on television."
    b = "The president on Tuesday 3 December 2024 declared martial law, saying it was needed to protect the country."
    c = "The president on 5 December 2024 lifted martial law in a late night address on television."
    vectors = vectorise([a, b, c])
    assert days_meet(vectors.days(0), vectors.days(1))
    assert not days_meet(vectors.days(0), vectors.days(2))
    overlap = vectors.overlap_to(0, np.array([1, 2]))
    assert overlap[0] > 0 and overlap[1] == 0
    assert days_meet(frozenset({(2019, None, None)}), frozenset({(2019, 3, 10)}))
    assert not days_meet(frozenset({(2019, None, None)}), frozenset({(None, 3, 10)}))


def test_a_memo_with_room_for_a_point_per_source_takes_another_outlets_lead_before_a_second_point_of_one():
    from memogen.compose.salience import Salience
    from memogen.compose.selection import select
    from memogen.compose.similarity import vectorise

    first = mp(
        "a1",
        "Floodwater from two burst dams swept through the eastern port of Varna on Monday night, "
        "destroying four bridges, cutting power to the old town and forcing thousands of residents "
        "onto the roofs of their homes while rescue boats searched the lower districts.",
        "what_happened",
    )
    second = mp(
        "a2",
        "Engineers had warned the regional council three years earlier that both dams needed urgent "
        "repairs, a report released by the provincial auditor showed, yet the money set aside for "
        "the work was spent on a highway project outside the capital instead of the spillways.",
        "what_happened",
        start=400,
    )
    other = mp(
        "b1",
        "The national government declared a state of emergency across three provinces and sent army "
        "helicopters with medical teams, tents and drinking water, while neighbouring countries "
        "offered search teams and field hospitals to the stricken coast within the first day.",
        "what_happened",
        source="b",
    )
    points = [first, second, other]
    vectors = vectorise([p.text for p in points])
    row = {p.id: k for k, p in enumerate(points)}
    salience = {
        "a1": Salience(1.0, 1.0, 0.0, 1.0, False, 1.0, 0.0),
        "a2": Salience(1.0, 0.79, 0.0, 0.5, False, 1.0, 0.0),  # a's second sentence
        "b1": Salience(0.5, 1.0, 0.0, 0.5, False, 0.75, 0.0),  # b's lead
    }

    def chosen(budget: int) -> set[str]:
        picked = select(points, salience, vectors, row, budget)
        return {p.id for ps in picked.chosen.values() for p in ps}

    # ~42-word points: two fit in 90 words, room for one typical point per source (2 x 25 words)
    assert chosen(90) == {"a1", "b1"}
    assert chosen(45) == {"a1"}  # one point only: the best


def _cited(pid: str, text: str, *sources: str) -> MergedPoint:
    return MergedPoint(
        id=pid,
        text=text,
        section="what_happened",
        citations=[Citation(source_id=s, excerpt=text, start=0, end=len(text)) for s in sources],
    )


ELECTION = (
    "Freedonia held its seventh general election on 9 March 2025 in 412 constituencies, including 280"
    " constituencies of the National Assembly and 132 of the regional councils."
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "More than 3,100 candidates, among them 190 women, competed in the general election for the 280"
            " constituencies of the National Assembly.",
            True,
        ),
        (
            "Candidates, among them many women, competed in the general election for the 280 constituencies"
            " of the National Assembly.",
            False,
        ),
        (
            "Candidates competed in the general election for the 280 constituencies of the National Assembly,"
            " a 400-member chamber, after 12 years.",
            False,
        ),
    ],
)
def test_a_point_mostly_said_that_counts_what_no_chosen_point_counts_still_competes(text, kept):
    """Past a repeat bar with half or more of its content its own, a point giving a count of a thing
    no chosen point counts (3,100 candidates, 190 women) is no repeat; without a count, or with a
    size ('400-member') or a span of time ('12 years') only, it stays one."""
    host = _cited("h", ELECTION, "a", "d", "e")  # three outlets: chosen first
    other = _cited(
        "o", "Turnout was reported at about half of the registered voters after a calm polling day.", "c"
    )
    chosen, dropped = select_within_budget([host, other, _cited("c", text, "b")], budget=300)
    assert ("c" in [p.id for p in chosen["what_happened"]]) is kept
    assert kept or any(d.reason.startswith("says again what h says") for d in dropped)


def test_counts_of_things_are_not_spans_measures_sizes_ranks_or_names():
    from memogen.compose.selection import figures_of

    counts, figures = figures_of(
        "In the third coup since the COVID-19 pandemic, 5,000 soldiers of a 300-member unit marched"
        " 20 km in 12 hours, and rates rose by 50 basis points."
    )
    assert [q.display for q in counts] == ["5,000 soldiers"]
    assert len(figures) > len(counts)


def test_a_repeat_that_handed_on_its_disagreement_states_it_once_when_chosen_after_all(monkeypatch):
    """A point that counts anew may be chosen after it handed its disagreement to the point it is
    like: the statement stays with that point, not told twice."""
    from memogen.compose import selection
    from memogen.model import Conflict, ConflictValue

    statement = "Sources differ: A reports 280 seats; B reports 281 seats."
    conflict = Conflict(
        "number", statement, [ConflictValue("a", "280 seats", ELECTION), ConflictValue("b", "281 seats", "x")]
    )
    host = _cited("h", ELECTION, "a", "d", "e")  # gives the event's day: chosen first
    count = _cited(
        "c",
        "More than 3,100 candidates, among them 190 women, competed in the general election for the 280"
        " constituencies of the National Assembly.",
        "b",
    )
    count.conflicts = [conflict]
    monkeypatch.setattr(selection, "gives_another_figure", lambda host, other: False)
    chosen, _ = select_within_budget([host, count], budget=300, event=(dt.date(2025, 3, 9), None))
    told = [c.statement for p in chosen["what_happened"] for c in p.conflicts]
    assert [p.id for p in chosen["what_happened"]] == ["h", "c"]
    assert told.count(statement) == 1
