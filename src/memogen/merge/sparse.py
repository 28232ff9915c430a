"""The few sparse-matrix operations the merger needs, in numpy alone.

Why not scipy.sparse: importing it pulls in scipy's array-API layer and numpy.f2py, about a
tenth of a second on every build, for four operations: building rows from (row, column)
pairs, normalising rows, dot products of listed row pairs, and the pairs of rows that share
rare columns (a capped X·Xᵀ). Each is a few vectorised numpy steps over CSR arrays, linear in
the number of stored values (the capped product in the pairs it yields), chunked where it
could grow.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Rows:
    """Compressed sparse rows: row k holds columns indices[indptr[k]:indptr[k+1]] (sorted, unique)."""

    indptr: np.ndarray  # int64, n + 1
    indices: np.ndarray  # int32 (half the memory of int64: the hashed space has 2**20 columns)
    data: np.ndarray  # float32
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    @property
    def shape(self) -> tuple[int, int]:
        return self.n_rows, self.n_cols

    def sum(self, axis: int) -> np.ndarray:
        """Column sums (axis 0) or row sums (axis 1), dense, as numpy's sum of a matrix."""
        if axis == 0:
            return np.bincount(self.indices, weights=self.data, minlength=self.n_cols)
        return np.bincount(self.row_of_value(), weights=self.data, minlength=self.n_rows)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        """Each row's dot product with a dense vector over the columns."""
        return np.bincount(
            self.row_of_value(), weights=self.data * vector[self.indices], minlength=self.n_rows
        )

    @classmethod
    def from_pairs(cls, rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> Rows:
        """Count (row, column) occurrences: duplicates add up, as a term count should."""
        key = rows.astype(np.int64) * n_cols + cols.astype(np.int64)
        uniq, counts = np.unique(key, return_counts=True)
        r = uniq // n_cols
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(r, minlength=n_rows), out=indptr[1:])
        index_type = np.int32 if n_cols < 2**31 else np.int64
        return cls(indptr, (uniq % n_cols).astype(index_type), counts.astype(np.float32), n_cols)

    @classmethod
    def stack(cls, parts: list[Rows]) -> Rows:
        offsets = np.cumsum([0] + [p.indptr[-1] for p in parts[:-1]])
        indptr = np.concatenate(
            [parts[0].indptr[:1]] + [p.indptr[1:] + o for p, o in zip(parts, offsets, strict=True)]
        )
        return cls(
            indptr,
            np.concatenate([p.indices for p in parts]),
            np.concatenate([p.data for p in parts]),
            parts[0].n_cols,
        )

    def row_of_value(self) -> np.ndarray:
        """The row of each stored value."""
        return np.repeat(np.arange(self.n_rows, dtype=np.int64), np.diff(self.indptr))

    def normalise(self) -> Rows:
        """Rows scaled to unit L2 norm in place (an empty row stays empty)."""
        norms = np.sqrt(
            np.bincount(self.row_of_value(), weights=self.data.astype(np.float64) ** 2, minlength=self.n_rows)
        )
        norms[norms == 0] = 1.0
        self.data /= np.repeat(norms, np.diff(self.indptr)).astype(np.float32)
        return self

    def take(self, rows: np.ndarray) -> Rows:
        """The listed rows, in that order (repeats allowed)."""
        rows = np.asarray(rows, dtype=np.int64)
        lengths = self.indptr[rows + 1] - self.indptr[rows]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        gather = np.repeat(self.indptr[rows] - indptr[:-1], lengths) + np.arange(indptr[-1], dtype=np.int64)
        return Rows(indptr, self.indices[gather], self.data[gather], self.n_cols)


def aligned_dots(a: Rows, b: Rows) -> np.ndarray:
    """dot(a[k], b[k]) for every k: both sides keyed (k, column), matches found by a sorted search."""
    if a.n_rows == 0:
        return np.zeros(0, dtype=np.float32)
    ka = a.row_of_value() * a.n_cols + a.indices
    kb = b.row_of_value() * b.n_cols + b.indices  # sorted: rows in order, columns sorted in each row
    at = np.searchsorted(kb, ka)
    at_ok = np.minimum(at, max(len(kb) - 1, 0))
    hit = (at < len(kb)) & (kb[at_ok] == ka) if len(kb) else np.zeros(len(ka), dtype=bool)
    products = a.data[hit].astype(np.float64) * b.data[at_ok[hit]]
    return np.bincount(a.row_of_value()[hit], weights=products, minlength=a.n_rows).astype(np.float32)


def shared_column_pairs(
    x: Rows, keep: np.ndarray, threshold: float, chunk: int = 500
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs i < j whose dot product over the kept columns reaches `threshold`.

    Works through the column postings of the kept values a chunk of rows at a time, so the
    cost is the number of (row, row) meetings on kept columns, never all pairs.
    """
    mask = keep[x.indices]
    rows_all = x.row_of_value()[mask]
    cols, vals = x.indices[mask], x.data[mask]
    order = np.argsort(cols, kind="stable")  # postings: rows of each column, in row order
    post_rows, post_vals = rows_all[order], vals[order]
    col_end = np.searchsorted(cols[order], np.arange(1, x.n_cols + 1))
    after = np.empty(len(order), dtype=np.int64)  # each value's place in its column's postings, + 1
    after[order] = np.arange(1, len(order) + 1, dtype=np.int64)
    bounds = np.searchsorted(rows_all, np.arange(0, x.n_rows + chunk, chunk))  # rows_all is sorted
    out_i, out_j = [], []
    for a, b in zip(bounds[:-1], bounds[1:], strict=False):
        # each value meets only the later rows of its column: the postings after its own place
        ri, wi, first = rows_all[a:b], vals[a:b], after[a:b]
        counts = col_end[cols[a:b]] - first
        total = int(counts.sum())
        if total == 0:
            continue
        starts = np.repeat(first - (np.cumsum(counts) - counts), counts)
        gather = starts + np.arange(total, dtype=np.int64)
        i, j = np.repeat(ri, counts), post_rows[gather]
        w = np.repeat(wi, counts) * post_vals[gather]
        key, inverse = _grouped(i, j, x.n_rows)
        score = np.bincount(inverse, weights=w).astype(np.float32)  # float32 scores, as stored
        hit = score >= threshold
        out_i.append(key[hit] // x.n_rows)
        out_j.append(key[hit] % x.n_rows)
    if not out_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_i).astype(np.int64), np.concatenate(out_j).astype(np.int64)


def _grouped(i: np.ndarray, j: np.ndarray, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(i * n_rows + j, return_inverse=True)` for one chunk of rows (`i` ascending): the
    keys counted from the chunk's first row fit 32 bits, which numpy sorts ~25 % quicker."""
    base = int(i[0]) * n_rows
    if (int(i[-1]) + 1) * n_rows - base >= 2**31:
        return np.unique(i * n_rows + j, return_inverse=True)
    key, inverse = np.unique((i * n_rows + j - base).astype(np.int32), return_inverse=True)
    return key.astype(np.int64) + base, inverse
