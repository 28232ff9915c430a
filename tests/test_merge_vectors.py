"""Sentence vectors kept between builds: same numbers as the model, no model on a rebuild."""

import numpy as np
import pytest

from memogen.merge import semantic
from memogen.merge.vectors import VectorStore, read_store, remembered_vectors, write_store

TEXTS = ["Consumer prices rose 9 percent in May.", "Inflation stood at nine per cent.", "Talks ended."]


def test_store_round_trips_exact_float32(tmp_path):
    store = VectorStore()
    rng = np.random.default_rng(3)
    vecs = rng.standard_normal((3, 8)).astype(np.float32)
    for text, vec in zip(TEXTS, vecs, strict=True):
        store.put(text, vec)
    write_store(store, tmp_path / "v.bin")
    back = read_store(tmp_path / "v.bin")
    for text, vec in zip(TEXTS, vecs, strict=True):
        assert np.array_equal(back.get(text), vec)
    assert back.get("never seen") is None


@pytest.mark.parametrize(
    "blob", [b"", b"MGV1", b"XXXX" + bytes(40), b"MGV1" + (5).to_bytes(4, "little") + bytes(12)]
)
def test_damaged_or_foreign_file_reads_as_empty(tmp_path, blob):
    (tmp_path / "v.bin").write_bytes(blob)
    assert read_store(tmp_path / "v.bin").known == {}


@pytest.mark.skipif(semantic.load_embedder() is None, reason="wordllama is not installed")
def test_rebuild_uses_remembered_vectors_and_never_the_model(tmp_path, monkeypatch):
    path = tmp_path / "cache" / "vectors.bin"
    fresh = semantic.semantic_similarity(TEXTS[:2], TEXTS[1:])
    with remembered_vectors(path):
        first = semantic.semantic_similarity(TEXTS[:2], TEXTS[1:])
    assert path.is_file()

    def no_model():
        raise AssertionError("the model was loaded although every vector was remembered")

    monkeypatch.setattr(semantic, "load_embedder", no_model)
    with remembered_vectors(path):
        again = semantic.semantic_similarity(TEXTS[:2], TEXTS[1:])
    assert np.array_equal(fresh, first) and np.array_equal(first, again)


@pytest.mark.skipif(semantic.load_embedder() is None, reason="wordllama is not installed")
def test_store_keeps_only_what_the_last_build_used(tmp_path):
    path = tmp_path / "vectors.bin"
    with remembered_vectors(path):
        semantic.semantic_similarity(TEXTS[:2], TEXTS[1:])
    with remembered_vectors(path):
        semantic.semantic_similarity(TEXTS[:1], TEXTS[1:2])
    assert len(read_store(path).known) == 2


def test_unwritable_cache_costs_speed_not_the_build(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with remembered_vectors(blocked / "vectors.bin") as store:
        store.put("a", np.ones(4, dtype=np.float32))
    assert not (blocked / "vectors.bin").exists()
