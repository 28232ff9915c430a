"""The merger's numpy-only sparse rows agree with scipy.sparse on every operation it replaces."""

from __future__ import annotations

import numpy as np
import pytest

from memogen.merge.sparse import Rows, _grouped, aligned_dots, shared_column_pairs

sparse = pytest.importorskip("scipy.sparse")


def random_rows(seed: int, n: int = 60, cols: int = 40, nnz: int = 400) -> tuple[Rows, object]:
    rng = np.random.default_rng(seed)
    r, c = rng.integers(0, n, nnz), rng.integers(0, cols, nnz)
    ours = Rows.from_pairs(r, c, n, cols).normalise()
    ref = sparse.csr_matrix((np.ones(nnz, dtype=np.float32), (r, c)), shape=(n, cols))
    ref.sum_duplicates()
    norms = np.sqrt(np.asarray(ref.multiply(ref).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    ref = sparse.diags(1 / norms) @ ref
    return ours, ref.tocsr()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rows_hold_the_same_values_as_scipy(seed):
    ours, ref = random_rows(seed)
    dense = np.zeros(ours.shape)
    dense[ours.row_of_value(), ours.indices] = ours.data
    np.testing.assert_allclose(dense, ref.toarray(), rtol=1e-6)
    np.testing.assert_allclose(ours.sum(axis=0), np.asarray(ref.sum(axis=0)).ravel(), rtol=1e-5)
    v = np.arange(ours.n_cols, dtype=np.float64)
    np.testing.assert_allclose(ours @ v, ref @ v, rtol=1e-5)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_aligned_dots_and_taken_rows_match(seed):
    ours, ref = random_rows(seed)
    rng = np.random.default_rng(seed + 10)
    a, b = rng.integers(0, ours.n_rows, 200), rng.integers(0, ours.n_rows, 200)
    want = np.asarray(ref[a].multiply(ref[b]).sum(axis=1)).ravel()
    np.testing.assert_allclose(aligned_dots(ours.take(a), ours.take(b)), want, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_shared_column_pairs_are_the_capped_product_above_threshold(seed):
    ours, ref = random_rows(seed)
    keep = np.bincount(ours.indices, minlength=ours.n_cols) <= 12
    i, j = shared_column_pairs(ours, keep, threshold=0.1, chunk=7)
    restricted = (ref @ sparse.diags(keep.astype(np.float32))).tocsr()
    product = (restricted @ restricted.T).tocoo()
    want = {
        (r, c) for r, c, v in zip(product.row, product.col, product.data, strict=True) if r < c and v >= 0.1
    }
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == want
    assert len(want) > 10  # the case is not trivial


def test_stacked_chunks_equal_one_build():
    rng = np.random.default_rng(5)
    r, c = rng.integers(0, 30, 300), rng.integers(0, 50, 300)
    whole = Rows.from_pairs(r, c, 30, 50)
    first, second = r < 12, r >= 12
    parts = Rows.stack(
        [Rows.from_pairs(r[first], c[first], 12, 50), Rows.from_pairs(r[second] - 12, c[second], 18, 50)]
    )
    for field in ("indptr", "indices", "data"):
        np.testing.assert_array_equal(getattr(parts, field), getattr(whole, field))


def test_nearest_pairs_keeps_each_points_best_candidates_only():
    from memogen.merge.similarity import nearest_pairs

    # point 0 meets points 1..5 with rising scores; 6-7 is a pair of two points with few candidates
    rows = np.array([0, 0, 0, 0, 0, 6])
    cols = np.array([1, 2, 3, 4, 5, 7])
    sims = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.05], dtype=np.float32)
    r, c, s = nearest_pairs(rows, cols, sims, cap=2)
    # every pair is among the 2 best of its other end (points 1..5 have one candidate each),
    # so nothing goes: the cap only bites when *both* ends have better candidates
    assert list(zip(r.tolist(), c.tolist(), strict=True)) == [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (6, 7)]
    # a clique: every point meets every other; each keeps its 2 best, pairs in their first order
    rows = np.array([0, 0, 0, 1, 1, 2])
    cols = np.array([1, 2, 3, 2, 3, 3])
    sims = np.array([0.9, 0.1, 0.2, 0.8, 0.3, 0.7], dtype=np.float32)
    r, c, s = nearest_pairs(rows, cols, sims, cap=2)
    assert list(zip(r.tolist(), c.tolist(), strict=True)) == [(0, 1), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert s.dtype == np.float32 and len(s) == len(r)


def test_nearest_pairs_changes_nothing_when_no_point_is_over_the_cap():
    from memogen.merge.similarity import nearest_pairs

    rows, cols = np.array([0, 2, 4]), np.array([1, 3, 5])
    sims = np.array([0.3, 0.2, 0.1], dtype=np.float32)
    r, c, s = nearest_pairs(rows, cols, sims, cap=1)
    assert r.tolist() == [0, 2, 4] and c.tolist() == [1, 3, 5] and s.tolist() == sims.tolist()


@pytest.mark.parametrize("n_rows", [7, 1_000, 5_000_000])  # the last: a chunk's keys pass 32 bits
def test_grouped_keys_are_numpys_unique(n_rows):
    rng = np.random.default_rng(n_rows)
    i = np.sort(rng.integers(3_000, 3_500, 20_000))
    j = rng.integers(0, n_rows, 20_000)
    key, inverse = _grouped(i, j, n_rows)
    want_key, want_inverse = np.unique(i * n_rows + j, return_inverse=True)
    assert key.dtype == np.int64
    np.testing.assert_array_equal(key, want_key)
    np.testing.assert_array_equal(inverse, want_inverse)
