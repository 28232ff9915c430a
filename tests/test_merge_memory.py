"""The merger's memory savings give the same results as the plain computations they replace."""

from __future__ import annotations

import numpy as np
import pytest

from memogen.merge import semantic
from memogen.merge.features import features
from memogen.merge.memory import release_freed_memory
from memogen.merge.quantities import tokenize
from memogen.merge.similarity import HashedTfidf
from memogen.merge.text import normalise

SENTENCES = [
    "The minister arrived in Dhaka on 12 March, the first visit in nine years.",
    "Exports rose 14 per cent to US$ 2.5 billion in 2023.¹",
    "Officials said the plant, worth $300 million, opened in 2019 [12].",
    "",
    "Forty-five people were hurt, police said.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_normalise_with_callers_tokens_is_normalise(text):
    assert normalise(text, None, tokenize(text)) == normalise(text)


def test_features_norm_drops_note_marks_given_tokens():
    assert "¹" not in features(SENTENCES[1]).norm
    assert features(SENTENCES[1]).norm == normalise(SENTENCES[1])


@pytest.mark.parametrize("kind", ["word", "char"])
def test_tfidf_weighted_a_block_at_a_time_equals_one_block(kind):
    texts = [normalise(s) for s in SENTENCES] * 3
    vec = HashedTfidf(kind)
    vec.fit_transform(texts)  # fits the idf
    whole = vec._weight(vec.counts(texts, chunk=len(texts)))
    blocks = vec._weight(vec.counts(texts, chunk=4))
    assert whole.n_rows == blocks.n_rows == len(texts)
    for field in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(whole, field), getattr(blocks, field))


@pytest.mark.skipif(semantic.load_embedder() is None, reason="wordllama is not installed")
def test_embedding_in_small_batches_and_float16_table_match_float32_whole():
    model = semantic.load_embedder()
    texts = [s for s in SENTENCES if s] + [""]
    small = semantic.Embedder(model.table, model.tokenizer).embed(texts, batch=2)
    wide = semantic.Embedder(model.table.astype(np.float32), model.tokenizer).embed(texts)
    assert model.table.dtype == np.float16
    assert np.array_equal(small, wide)
    assert not small.flags.writeable  # the embedder's own block: callers may not change it
    repeated = semantic.Embedder(model.table, model.tokenizer).embed(texts + texts[:1])
    assert np.array_equal(repeated[-1], wide[0])


def test_releasing_freed_memory_is_harmless():
    kept = np.arange(1000)
    release_freed_memory()
    assert kept.sum() == 499500
