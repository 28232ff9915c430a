"""Centrality links points by meaning (embeddings), falling back to wording without the model."""

from __future__ import annotations

import numpy as np
import pytest

import memogen.merge.semantic as semantic
from memogen.compose.salience import CORE_LINK, SEMANTIC_LINK, SHORT_MEMO, semantic_centrality
from memogen.model import Citation, MergedPoint


def mp(pid: str, text: str) -> MergedPoint:
    return MergedPoint(
        id=pid,
        text=text,
        section="what_happened",
        citations=[Citation(source_id=pid, excerpt=text, start=0, end=len(text))],
    )


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_strand_several_points_tell_is_central_and_a_lone_point_is_not(monkeypatch):
    # three points tell one strand (close meanings), two stand alone
    vectors = np.stack(
        [unit(1, 0.2, 0, 0), unit(1, 0, 0.2, 0), unit(1, 0.1, 0.1, 0), unit(0, 1, 0, 0), unit(0, 0, 0, 1)]
    )
    assert float(vectors[0] @ vectors[3]) < SEMANTIC_LINK < float(vectors[0] @ vectors[1])
    monkeypatch.setattr(semantic, "distinct_vectors", lambda texts: vectors[: len(texts)])
    points = [mp(f"p{k}", f"Point number {k} of the topic.") for k in range(5)]
    central = semantic_centrality(points)
    assert central is not None and central.max() == pytest.approx(1.0)
    assert min(central[:3]) > max(central[3:])


def test_a_short_memo_ranks_a_loosely_told_strand_above_lone_points(monkeypatch):
    # three points tell one strand in looser words (likeness between the two links), two stand alone
    vectors = np.stack(
        [
            unit(1, 1.3, 0, 0, 0, 0),
            unit(1, 0, 1.3, 0, 0, 0),
            unit(1, 0, 0, 1.3, 0, 0),
            unit(0, 0, 0, 0, 1, 0),
            unit(0, 0, 0, 0, 0, 1),
        ]
    )
    likeness = float(vectors[0] @ vectors[1])
    assert CORE_LINK < likeness < SEMANTIC_LINK
    monkeypatch.setattr(semantic, "distinct_vectors", lambda texts: vectors[: len(texts)])
    points = [mp(f"p{k}", f"Point number {k} of the topic.") for k in range(5)]
    long_memo = semantic_centrality(points, SHORT_MEMO)
    assert long_memo is not None and np.allclose(long_memo, long_memo[0])  # no link: no strand stands out
    assert np.allclose(semantic_centrality(points), long_memo)  # no budget: the long memo's graph
    short_memo = semantic_centrality(points, 100)
    assert min(short_memo[:3]) > max(short_memo[3:])


def test_without_the_model_there_is_no_semantic_centrality(monkeypatch):
    monkeypatch.setattr(semantic, "distinct_vectors", lambda texts: None)
    assert semantic_centrality([mp("a", "One point."), mp("b", "Another point.")]) is None
    assert semantic_centrality([mp("a", "A single point.")]) is None


@pytest.mark.skipif(semantic.load_embedder() is None, reason="no embedding model installed")
def test_the_model_gives_one_centrality_per_point_scaled_to_one():
    texts = [
        "Two dams burst above the city and floodwaters swept thousands of homes into the sea.",
        "The collapse of the two dams sent a torrent through the city, washing districts away.",
        "The government declared three days of national mourning.",
        "Aid agencies appealed for forty million dollars to shelter families.",
        "Subscribe to our newsletter for the best recipes delivered every Friday.",
    ]
    central = semantic_centrality([mp(f"p{k}", t) for k, t in enumerate(texts)])
    assert central is not None and central.shape == (5,) and central.max() == pytest.approx(1.0)
    assert (central > 0).all()
