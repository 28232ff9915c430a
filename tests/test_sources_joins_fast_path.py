"""A plain word skips the join patterns: the answer is the one every pattern in turn gives."""

from __future__ import annotations

import random

from memogen.sources import text
from memogen.sources.text import JoinSettings, document_words, english_lexicon

PIECES = [
    "Group", "was", "gaspipeline", "ofthe", "Sunday", "the", "GroupWas", "said", "in", "2021", "1990s",
    "21st", "Century", ",", ".", "!", "?", ")", "(", "]", "'", "’", "\"", "-", "the", "Majlis", "e",
    "Wahdat", "said.", "year", "portis", "x", "café", "Ab", "iPhone", "AND", "MOSCOW", "talks", ":",
]  # fmt: skip


def test_plain_tokens_get_the_full_patterns_answer():
    rng = random.Random(15)
    settings = JoinSettings()
    doc = document_words("The Group said the talks were held in Moscow. " * 3 + "gaspipeline portis")
    for lex in (english_lexicon(), None):
        for _ in range(4000):
            token = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4)))
            starts = rng.random() < 0.5
            fast = text._split_token(token, doc, lex, settings, starts)
            assert fast == text._split_by_patterns(token, doc, lex, settings, starts), token


def test_joins_still_found():
    doc = document_words("The Group said the talks were held. " * 3)
    lex = english_lexicon()
    assert text._split_token("gaspipeline", doc, lex, JoinSettings(), False) == "gas pipeline"
    assert text._split_token("ofthe", doc, lex, JoinSettings(), False) == "of the"
    assert text._split_token("said.The", doc, lex, JoinSettings(), False) == "said. The"


def test_quick_checks_agree_with_the_patterns():
    rng = random.Random(16)
    pieces = [*PIECES, "http://", "www.", "WWW.", "@", "a.com", "x.pk", "/", "#", "said:", "”", "?’"]
    for _ in range(4000):
        token = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        assert text._urlish(token) == bool(text._URLISH.search(token)), token
        ends = token[-1] in text._SENTENCE_END_LAST and bool(text._ENDS_SENTENCE.search(token))
        assert ends == bool(text._ENDS_SENTENCE.search(token)), token


def test_a_document_remembers_each_tokens_repair_and_answers_the_same():
    """repair_joins keeps each (token, starts a sentence) answer with the document's words: the
    paragraphs of one document, repaired with one shared record, come out as each on its own."""
    rng = random.Random(17)
    paragraphs = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    shared = document_words("\n".join(paragraphs))
    for settings in (JoinSettings(), JoinSettings(piece_min=2.0)):
        for para in paragraphs:
            fresh = text.DocumentWords(shared.vocab, shared.counts, shared.english)
            assert text.repair_joins(para, shared, settings) == text.repair_joins(para, fresh, settings), para
    assert len(shared.splits) == 2  # one record per settings
    tokens = sum(len(para.split()) for para in paragraphs)
    assert 0 < len(shared.splits[JoinSettings()]) < tokens / 5  # repeated tokens answered from the record
