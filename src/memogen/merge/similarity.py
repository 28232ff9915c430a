"""Lexical similarity: word and character TF-IDF rows, candidate pairs, pair scores."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import STOP
from .text import normalise

CANDIDATE_THRESHOLD = 0.1  # cheap pre-filter on rare word features (cosine over those features only)
CANDIDATE_DF_CAP = 150  # a word in more points than this is no help to find candidates (keeps cost linear)


# --------------------------------------------------------------------------- similarity


@dataclass
class Matrices:
    word: object  # scipy.sparse csr, rows L2-normalised
    char: object
    word_vec: object = None  # the fitted vectorisers, to compare sentences inside points
    char_vec: object = None


@dataclass
class _Vectoriser:
    """Hashing n-grams + IDF fitted on the topic: no vocabulary dict, so memory stays flat."""

    hasher: object
    idf: object

    def transform(self, texts: list[str]):
        return self.idf.transform(self.hasher.transform(texts), copy=False).astype("float32", copy=False)


def _vectoriser(**kwargs) -> _Vectoriser:
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    hasher = HashingVectorizer(n_features=2**20, alternate_sign=False, norm=None, dtype=np.float32, **kwargs)
    return _Vectoriser(hasher, TfidfTransformer(sublinear_tf=True))


def _fit_rows(vec: _Vectoriser, texts: list[str], chunk: int = 10_000):
    """Hash in chunks (bounded temporary memory), then fit IDF and weight in place."""
    from scipy import sparse

    counts = sparse.vstack(
        [vec.hasher.transform(texts[k : k + chunk]) for k in range(0, len(texts), chunk)]
        or [vec.hasher.transform([])],
        format="csr",
    )
    vec.idf.fit(counts)
    return vec.idf.transform(counts, copy=False).astype("float32", copy=False).tocsr()


def vectorise(norms: list[str]) -> Matrices:
    """Word (1-2 gram) and character (4-gram) TF-IDF rows, L2-normalised, for every point."""
    word = _vectoriser(ngram_range=(1, 2), stop_words=list(STOP))
    char = _vectoriser(analyzer="char_wb", ngram_range=(4, 4))
    w = _fit_rows(word, norms)
    c = _fit_rows(char, norms)
    return Matrices(w, c, word, char)


def text_similarity(mats: Matrices, a: list[str], b: list[str]):
    """Combined cosine between texts a[k] and b[k], using the topic's fitted vectorisers."""
    return norm_similarity(mats, [normalise(t) for t in a], [normalise(t) for t in b])


def norm_similarity(mats: Matrices, na: list[str], nb: list[str]):
    """Combined cosine between already normalised texts na[k] and nb[k]."""
    import numpy as np

    if not na:
        return np.zeros(0, dtype=np.float32)
    ca, cb = mats.char_vec.transform(na), mats.char_vec.transform(nb)
    ch = np.asarray(ca.multiply(cb).sum(axis=1)).ravel()
    wa, wb = mats.word_vec.transform(na), mats.word_vec.transform(nb)
    w = np.asarray(wa.multiply(wb).sum(axis=1)).ravel()
    return 0.5 * w + 0.5 * ch


def candidate_pairs(mats: Matrices, threshold: float = CANDIDATE_THRESHOLD, chunk: int = 500):
    """Pairs (i < j) that share enough *rare* word features, without an all-pairs product.

    Features present in more than `cap` points are dropped for this step only: the
    product's cost is the sum over features of df², so capping df keeps it linear in
    the number of points. Their weight still counts when the pair is scored.
    """
    import numpy as np

    x = mats.word
    n = x.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    df = np.bincount(x.indices, minlength=x.shape[1])
    keep = np.flatnonzero(df <= CANDIDATE_DF_CAP)
    xr = x[:, keep].tocsr()
    xt = xr.T.tocsr()
    rows, cols = [], []
    for lo in range(0, n, chunk):
        block = (xr[lo : lo + chunk] @ xt).tocoo()
        mask = (block.data >= threshold) & (block.row + lo < block.col)
        rows.append(block.row[mask] + lo)
        cols.append(block.col[mask])
    return np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)


def pair_similarity(mats: Matrices, rows, cols):
    """Combined cosine (mean of word and char TF-IDF) for listed pairs, vectorised."""
    import numpy as np

    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    out = np.empty(len(rows), dtype=np.float32)
    step = 20_000
    for lo in range(0, len(rows), step):
        r, c = rows[lo : lo + step], cols[lo : lo + step]
        w = np.asarray(mats.word[r].multiply(mats.word[c]).sum(axis=1)).ravel()
        ch = np.asarray(mats.char[r].multiply(mats.char[c]).sum(axis=1)).ravel()
        out[lo : lo + step] = 0.5 * w + 0.5 * ch
    return out
