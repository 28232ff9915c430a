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


@pytest.mark.parametrize("n", [0, 1, 5, 12, 16, 18, 19, 25, 40, 70, 200])
def test_compact_frozenset_is_the_same_set_never_larger(n):
    import sys

    from memogen.merge.features import NO_WORDS, compact_frozenset

    items = {f"w{k}" for k in range(n)}
    small = compact_frozenset(items)
    assert small == frozenset(items)
    assert sys.getsizeof(small) <= min(sys.getsizeof(frozenset(items)), sys.getsizeof(frozenset(iter(items))))
    if n == 0:
        assert small is NO_WORDS  # one shared empty set


def test_features_share_one_empty_set_for_no_names_or_years():
    a, b = features("the talks went on for hours."), features("prices rose again in the capital.")
    assert a.names is b.names and a.years is b.years and not a.names and not a.years


def test_member_pairs_scored_in_one_call_equal_one_call_each():
    from memogen.merge import _score_member_pairs
    from memogen.merge.similarity import pair_similarity, vectorise

    texts = [s for s in SENTENCES if s] + ["The minister reached Dhaka on 12 March after nine years."]
    mats = vectorise([normalise(t) for t in texts])
    groups, reps = [[0, 4], [1], [2, 3]], [4, 1, 3]
    scores = {(2, 3): 0.5}  # a pair the clustering judged keeps its score
    _score_member_pairs(scores, groups, reps, mats)
    assert set(scores) == {(0, 4), (2, 3)} and scores[(2, 3)] == 0.5
    one = pair_similarity(mats, np.array([0]), np.array([4]))[0]
    assert scores[(0, 4)] == float(one) and isinstance(scores[(0, 4)], float)


def test_common_direction_removed_a_chunk_at_a_time_equals_whole_array():
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((1001, 256)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[7] = 0.0  # an empty text's vector stays zero
    direction = semantic._common_direction(vectors)
    plain = vectors - np.outer(vectors @ direction, direction)
    norms = np.linalg.norm(plain, axis=1, keepdims=True)
    plain = plain / np.where(norms > 0, norms, 1.0)
    for chunk in (1, 100, 4096):
        out = semantic._without(vectors, direction, chunk=chunk)
        assert out.dtype == plain.dtype and np.array_equal(out, plain)


@pytest.mark.skipif(semantic.load_embedder() is None, reason="wordllama is not installed")
def test_tokenizer_without_its_sentence_cache_gives_the_same_vectors():
    from tokenizers import Tokenizer

    model = semantic.load_embedder()
    cached = Tokenizer.from_str(model.tokenizer.to_str())  # the library's default cache
    cached.no_padding()
    cached.no_truncation()
    texts = [s for s in SENTENCES if s] * 2
    ours = semantic.Embedder(model.table, model.tokenizer).embed(texts)
    theirs = semantic.Embedder(model.table, cached).embed(texts)
    assert np.array_equal(ours, theirs)
