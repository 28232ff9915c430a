"""The learned line judge (sources/cleaning/learned.py): what it drops, what it never drops, its weights."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from memogen.sources.cleaning import RawLine, clean_text, learned
from memogen.sources.cleaning.lines import Found, Line
from memogen.sources.cleaning.pipeline import judge_by_rules

P1 = (
    "The port authority said on Tuesday that ferries to the northern islands would resume next week "
    "after inspectors cleared two of the three vessels."
)
P2 = (
    "Crossings were halted in March when corrosion was found on the bow doors, leaving island residents "
    "with a single daily boat for most of the spring."
)
P3 = (
    "Island councillors said the shortage of crossings had cost local shops much of their spring trade "
    "and asked for compensation from the operator."
)
TITLE = "Ferries to resume after inspection"


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _reasons(text: str, line: str) -> list[str]:
    return [d.reason for d in clean_text(text).dropped if d.line == line]


def _always(p: float) -> learned.LineModel:
    """A model that gives every line the probability p of being furniture."""
    logit = {0.99: 4.6, 0.01: -4.6}[p]
    return learned.LineModel(("s_words",), (0.0,), (1.0,), (0.0,), logit, 0.9, 0.9, 0.1)


def _judged(text: str) -> tuple[list[Line], Found]:
    judged = judge_by_rules([RawLine(t, i + 1) for i, t in enumerate(text.split("\n"))])
    return judged.items, judged.found


@pytest.mark.parametrize("label", ["Photo gallery (12)", "Publicado 2025", "Image 1 of 12"])
def test_a_label_the_rules_keep_under_the_headline_goes_with_the_models_reason(label: str) -> None:
    reasons = _reasons(_page(TITLE, label, P1, P2, P3), label)
    assert len(reasons) == 1 and reasons[0].startswith("furniture (model 0.")
    assert "before the first paragraph" in reasons[0]  # the evidence is named, not only a score


def test_the_shipped_model_keeps_every_paragraph_and_the_sections_headings() -> None:
    text = _page(
        TITLE, "What's Happening?", P1, P2, "Why It's Important?", P3, "What's Next?", P1 + " Again."
    )
    result = clean_text(text)
    for kept in ("What's Happening?", "Why It's Important?", "What's Next?", P2, P3):
        assert kept in result.text


def test_a_section_heading_stays_whatever_the_model_says() -> None:
    items, found = _judged(_page(TITLE, P1, "Why it matters", P2, P3))
    learned.judge(items, found, _always(0.99))
    assert [it.text for it in items if it.kept] == ["Why it matters"]  # the heading; never an empty page


def test_a_heading_inside_the_article_is_left_to_the_rules() -> None:
    items, found = _judged(_page(TITLE, P1, "Inspectors return", P2, P3))
    before = {it.text: it.kept for it in items}
    learned.judge(items, found, _always(0.99))
    heading = next(it for it in items if it.text == "Inspectors return")
    assert before["Inspectors return"] and heading.kept


def test_the_model_never_empties_a_page() -> None:
    items, found = _judged(_page(TITLE, P1, P2, P3))
    learned.judge(items, found, _always(0.99))
    assert [it.text for it in items if it.kept] == [P1, P2, P3]


def test_a_page_in_another_language_is_left_to_the_rules() -> None:
    para = (
        "Die Fähren zu den nördlichen Inseln sollen nächste Woche wieder fahren, nachdem die Prüfer zwei "
        "der drei Schiffe freigegeben haben."
    )
    items, found = _judged(_page("Fähren fahren wieder", para, "Mehr lesen", para + " Wieder."))
    kept = [it.kept for it in items]
    learned.judge(items, found, _always(0.99))
    assert [it.kept for it in items] == kept


def test_a_line_the_sidebar_rules_dropped_comes_back_only_when_it_reads_as_text() -> None:
    items, found = _judged(
        _page(TITLE, P1, P2, P3, "Port strike talks stall", "Weather warning for the coast")
    )
    tail = [it for it in items if it.stage == "sidebars"]
    assert tail, "the rules take the teaser run after the last paragraph"
    learned.judge(items, found, _always(0.99))
    assert all(not it.kept for it in tail)
    learned.judge(items, found, _always(0.01))
    assert all(it.kept for it in tail)


def test_the_shipped_weights_name_every_feature_the_judge_computes() -> None:
    model = learned.load_model()
    assert model is not None
    items, found = _judged(_page(TITLE, P1, P2, P3))
    computed = set(learned.line_features(items, found)[0])
    assert set(model.names) == computed
    assert 0.5 <= model.drop_at <= 1 and 0.5 <= model.drop_long_at <= 1 and 0 <= model.keep_at < 0.5
    data = json.loads(resources.files("memogen.sources").joinpath("data", learned.MODEL_FILE).read_text())
    assert data["cv"]["model_alone"][2] == 0  # chosen so that no text line was lost in cross-validation


def test_the_model_round_trips_through_its_json() -> None:
    model = learned.load_model()
    assert model is not None
    again = learned.LineModel.from_json(model.to_json())
    assert again.names == model.names and again.weights == pytest.approx(model.weights, abs=1e-6)


def test_a_label_printed_twice_or_a_captioned_picture_is_no_heading_the_model_must_spare() -> None:
    text = _page(TITLE, P1, "Harbour Weekly Digest", P2, "Detained: the ferry captain Credit:AP", P3)
    text += _page("Harbour Weekly Digest", P1 + " Later.")
    items, _ = _judged(text)
    spared = {it.text for it, keep in zip(items, learned.guarded(items), strict=True) if keep}
    assert "Harbour Weekly Digest" not in spared
    assert "Detained: the ferry captain Credit:AP" not in spared
    items, _ = _judged(_page(TITLE, P1, "Inspectors return", P2, P3))
    assert "Inspectors return" in {it.text for it, k in zip(items, learned.guarded(items), strict=True) if k}


def test_features_see_a_credit_the_story_dateline_and_the_rules_verdict_next_door() -> None:
    caption = (
        "Crews inspect the bow doors of a ferry at the northern quay, pictured in this file photo from May."
    )
    lead = "OSLO – " + P1
    items, found = _judged(_page(TITLE, caption, lead, P2, P3))
    feats = {it.text: f for it, f in zip(items, learned.line_features(items, found), strict=True)}
    assert feats[caption]["s_credit"] == 1 and feats[caption]["p_above_lead"] == 1
    assert feats[caption]["c_prev_ruled"] == 1  # the headline above it went to the metadata
    assert feats[P2]["p_above_lead"] == 0 and feats[P2]["s_credit"] == 0


def test_a_teaser_naming_its_outlet_and_a_short_date_line_in_any_language() -> None:
    items, found = _judged(
        _page(
            TITLE,
            "Publié le 3 mai 2025",
            P1,
            P2,
            P3,
            "- Ferry operator fined over bow doors The Harbour Times",
        )
    )
    feats = {it.text: f for it, f in zip(items, learned.line_features(items, found), strict=True)}
    assert feats["- Ferry operator fined over bow doors The Harbour Times"]["s_outlet_tail"] == 1
    assert feats["Publié le 3 mai 2025"]["s_year"] == 1 and feats[P1]["s_year"] == 0
    assert feats[P1]["s_outlet_tail"] == 0


def test_a_capitals_kicker_before_a_teaser_headline_is_a_feature() -> None:
    items, found = _judged(_page(TITLE, P1, "FERRIES: Why everyone is talking about the bow doors", P2, P3))
    feats = {it.text: f for it, f in zip(items, learned.line_features(items, found), strict=True)}
    assert feats["FERRIES: Why everyone is talking about the bow doors"]["s_kicker"] == 1
    assert feats[P1]["s_kicker"] == 0


def test_the_probability_is_the_logistic_of_the_bias_and_the_contributions() -> None:
    import math
    import random

    model = learned.load_model()
    assert model is not None
    rng = random.Random(9)
    for _ in range(500):
        features = {n: rng.choice([0.0, 1.0, rng.random() * 4]) for n in model.names if rng.random() < 0.6}
        z = model.bias + sum(c for c, _ in model.contributions(features))
        assert model.probability(features) == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def test_probabilities_of_a_page_are_the_same_floats_as_line_by_line() -> None:
    """The judge scores a page at once (numpy); the fit's tools and `why` read one line at a time."""
    page = _page(
        "Home | World | Business",
        TITLE,
        "By Jane Doe",
        P1,
        "Photo: Reuters",
        P2,
        "Share this article",
        P3,
        "© 2024 Harbour Times. All rights reserved.",
    )
    judged = judge_by_rules([RawLine(t, i + 1) for i, t in enumerate(page.split("\n"))])
    model = learned.load_model()
    assert model is not None
    rows = learned.line_features(judged.items, judged.found)
    assert model.probabilities(rows) == [model.probability(f) for f in rows]
    assert model.probabilities([]) == []


def test_shape_features_are_those_of_the_plain_definitions() -> None:
    """The fast paths of `_shape` (separators, sentence ends, counts by map) answer as the plain tests."""
    from memogen.sources.cleaning.shape import _WORD, english_stopwords

    for text in [
        P1,
        "Home | World · Business",
        "• first item",
        "- item",
        "Plain label",
        'He said "no."',
        "Ends…",
    ]:
        it = Line(text, 1)
        f = learned._shape(it)
        words = _WORD.findall(text)
        n = max(1, len(words))
        assert f["s_sep"] == float(len(learned._SEPARATOR.findall(text)))
        assert f["s_caps"] == sum(w[:1].isupper() for w in words) / n
        assert f["s_stop"] == sum(w.lower() in english_stopwords() for w in words) / n


def test_sentence_end_test_answers_as_its_pattern() -> None:
    import re

    from memogen.sources.cleaning.shape import _ends_like_a_sentence

    for text in [
        "He left.",
        'He said "no."',
        "He left.\n",
        "He left.\n\n",
        "Why?’)",
        "Label",
        "",
        ".",
        "a.b x",
        "x!”’",
    ]:
        assert _ends_like_a_sentence(text) == bool(re.search(r"[.!?][\"”’')]*$", text)), text


def test_sentence_like_reads_as_before() -> None:
    from memogen.sources.cleaning.shape import sentence_like

    assert sentence_like("He declined to comment.")
    assert not sentence_like("Our Standards: The Trust Principles.")
    assert not sentence_like("Too short.")
    assert not sentence_like("The number of passengers rose…")
    assert sentence_like("Officials said the ferry was late.”")
