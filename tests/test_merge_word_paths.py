"""The merger's one-pass paths for ordinary sentences give what the token-by-token readers give."""

from __future__ import annotations

import importlib

from memogen.merge.lexicon import TOKEN
from memogen.merge.quantities import extract_quantities, tokenize
from memogen.merge.text import normalise, plain_normal_form
from memogen.sections.features import _simple_past

features_module = importlib.import_module("memogen.merge.features")

ORDINARY = [
    "The talks ended late, officials said.",
    "“We will not go back,” the minister told reporters; nobody answered?",
    "Delegates (from both sides) met again (briefly) on the island's north shore!",
]
CLOSER_LOOK = [
    "Exports rose 12 per cent to $4.5 million in 2023.",
    "The Nord-Link cable opened.",
    "Gen. Sato met the U.S. envoy.",
    "Nine ships left the port.",
]


def test_a_sentence_of_ordinary_words_is_normalised_alike_either_way():
    for text in ORDINARY:
        quick = plain_normal_form(TOKEN.findall(text))
        assert quick is not None and quick == normalise(text)
        assert "  " not in quick and "," not in quick and "." not in quick  # punctuation dropped


def test_a_figure_an_abbreviation_or_a_hyphen_takes_the_token_reader():
    for text in CLOSER_LOOK:
        assert plain_normal_form(TOKEN.findall(text)) is None
    assert normalise("The Nord-Link cable opened.") == normalise("The Nord Link cable opened.")
    assert "9" in normalise("Nine ships left the port.").split()


def test_features_of_a_sentence_without_figures_read_no_offsets_and_lose_nothing():
    for text in ORDINARY + CLOSER_LOOK:
        f = features_module.features(text)
        assert f.norm == normalise(text, None, tokenize(text))
        assert [q.display for q in f.quantities] == [q.display for q in extract_quantities(text)]
        assert f.names == features_module._names(text, tokenize(text))


def test_simple_past_counts_alike_with_or_without_the_lowered_words():
    tokens = ["The", "agency", "created", "by", "Congress", "was", "closed", "and", "reopened", "ED"]
    words = [t.lower() for t in tokens]
    assert _simple_past(tokens, words) == _simple_past(tokens) == 3  # was, closed, reopened
