"""Lexical similarity: word and character TF-IDF rows, candidate pairs, pair scores."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from .lexicon import STOP
from .sparse import Rows, aligned_dots, shared_column_pairs
from .text import normalise

CANDIDATE_THRESHOLD = 0.1  # cheap pre-filter on rare word features (cosine over those features only)
CANDIDATE_DF_CAP = 150  # a word in more points than this is no help to find candidates (keeps cost linear)
NEIGHBOURS_CAP = 12  # a point keeps its best-scoring candidates only (a long report repeating itself)


N_FEATURES = 2**20  # hashed feature space: no vocabulary, so memory stays flat at any topic size
_WORD_TOKEN = re.compile(r"\b\w\w+\b")
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio): spreads a hash over all bits


@dataclass
class HashedTfidf:
    """TF-IDF over hashed n-grams, with numpy alone (scikit-learn costs ~0.6 s to import, scipy ~0.1 s).

    kind "word": 1-2 grams of the words left after stop words; "char": 4-grams inside each
    word padded with a space (" word "). Hashes are computed from the text itself (crc32,
    code points), never Python's salted hash(), so results are the same for any PYTHONHASHSEED.
    """

    kind: str
    idf: np.ndarray | None = None

    def counts(self, texts: list[str], chunk: int = 4000) -> list[Rows]:
        """Hashed n-gram counts, one block of rows per chunk of texts (the n-gram arrays of 70,000
        points at once took ~0.8 GB)."""
        parts = []
        for lo in range(0, max(len(texts), 1), chunk):
            block = texts[lo : lo + chunk]
            rows, cols = self._word_features(block) if self.kind == "word" else self._char_features(block)
            parts.append(Rows.from_pairs(rows, cols, len(block), N_FEATURES))
        return parts

    def fit_transform(self, texts: list[str]) -> Rows:
        parts = self.counts(texts)
        df = np.zeros(N_FEATURES, dtype=np.int64)
        for part in parts:
            df += np.bincount(part.indices, minlength=N_FEATURES)
        self.idf = (np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0).astype(np.float32)
        return self._weight(parts)

    def transform(self, texts: list[str]) -> Rows:
        return self._weight(self.counts(texts))

    def _weight(self, parts: list[Rows]) -> Rows:
        """Sublinear tf times idf, rows L2-normalised: a block at a time, before the blocks are
        stacked, so the weighting's temporary arrays stay the size of one block (at 2,000 sources,
        weighting all character rows at once peaked ~150 MB higher)."""
        for counts in parts:
            counts.data = ((1.0 + np.log(counts.data)) * self.idf[counts.indices]).astype(np.float32)
            counts.normalise()
        return parts[0] if len(parts) == 1 else Rows.stack(parts)

    @staticmethod
    def _word_features(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        ids: dict[str, int] = {}
        rows, uni, bi_rows, bi = [], [], [], []
        for k, text in enumerate(texts):
            toks = [t for t in _WORD_TOKEN.findall(text.lower()) if t not in STOP]
            # a word's hash computed once (setdefault's default would be computed for every token)
            hs = [ids[t] if t in ids else ids.setdefault(t, zlib.crc32(t.encode("utf-8"))) for t in toks]
            rows += [k] * len(hs)
            uni += hs
            bi_rows += [k] * max(0, len(hs) - 1)
            bi += [a * 1_000_003 + b for a, b in zip(hs, hs[1:], strict=False)]
        grams = np.array(uni + bi, dtype=np.uint64)
        return np.array(rows + bi_rows, dtype=np.int64), _bucket(grams)

    @staticmethod
    def _char_features(texts: list[str], n: int = 4) -> tuple[np.ndarray, np.ndarray]:
        padded = [" " + "  ".join(t.lower().split()) + " " for t in texts]
        codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        if len(codes) < n:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        # A window holding two spaces in a row spans two words (or two texts): not a gram.
        double = (codes[:-1] == 32) & (codes[1:] == 32)
        starts = len(codes) - n + 1
        bad = np.zeros(starts, dtype=bool)
        for k in range(n - 1):
            bad |= double[k : k + starts]
        h = np.zeros(starts, dtype=np.uint64)
        for k in range(n):
            h = h * np.uint64(1_000_003) + codes[k : k + starts]
        # each window's text: its index repeated over the text's length (a search per window cost
        # ~0.3 s per 500 sources, ~2 % of a build at that size)
        rows = np.repeat(np.arange(len(padded), dtype=np.int64), [len(p) for p in padded])[:starts]
        keep = ~bad
        return rows[keep].astype(np.int64), _bucket(h[keep])


def _bucket(h: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        mixed = h * _MIX
    return ((mixed >> np.uint64(40)) % np.uint64(N_FEATURES)).astype(np.int64)


@dataclass
class Matrices:
    """The topic's TF-IDF rows (one per point) and the fitted vectorisers, to score other texts alike."""

    word: Rows  # rows L2-normalised
    char: Rows
    word_vec: HashedTfidf
    char_vec: HashedTfidf


def vectorise(norms: list[str]) -> Matrices:
    """Word (1-2 gram) and character (4-gram) TF-IDF rows, L2-normalised, for every point."""
    word, char = HashedTfidf("word"), HashedTfidf("char")
    return Matrices(word.fit_transform(norms), char.fit_transform(norms), word, char)


def text_similarity(mats: Matrices, a: list[str], b: list[str]):
    """Combined cosine between texts a[k] and b[k], using the topic's fitted vectorisers."""
    return norm_similarity(mats, [normalise(t) for t in a], [normalise(t) for t in b])


def norm_similarity(mats: Matrices, na: list[str], nb: list[str]):
    """Combined cosine between already normalised texts na[k] and nb[k]."""
    if not na:
        return np.zeros(0, dtype=np.float32)
    ch = aligned_dots(mats.char_vec.transform(na), mats.char_vec.transform(nb))
    w = aligned_dots(mats.word_vec.transform(na), mats.word_vec.transform(nb))
    return 0.5 * w + 0.5 * ch


def candidate_pairs(mats: Matrices, threshold: float = CANDIDATE_THRESHOLD, chunk: int = 500):
    """Pairs (i < j) that share enough *rare* word features, without an all-pairs product.

    Features present in more than `cap` points are dropped for this step only: the
    product's cost is the sum over features of df², so capping df keeps it linear in
    the number of points. Their weight still counts when the pair is scored.
    """
    x = mats.word
    if x.n_rows < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    df = np.bincount(x.indices, minlength=x.n_cols)
    return shared_column_pairs(x, df <= CANDIDATE_DF_CAP, threshold, chunk)


def pair_similarity(mats: Matrices, rows, cols):
    """Combined cosine (mean of word and char TF-IDF) for listed pairs, vectorised."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    out = np.empty(len(rows), dtype=np.float32)
    step = 20_000
    for lo in range(0, len(rows), step):
        r, c = rows[lo : lo + step], cols[lo : lo + step]
        w = aligned_dots(mats.word.take(r), mats.word.take(c))
        ch = aligned_dots(mats.char.take(r), mats.char.take(c))
        out[lo : lo + step] = 0.5 * w + 0.5 * ch
    return out


def nearest_pairs(rows: np.ndarray, cols: np.ndarray, sims: np.ndarray, cap: int = NEIGHBOURS_CAP):
    """The pairs among each point's `cap` best-scoring candidates (at either end of the pair).

    Why: the rules check candidate pairs one by one in Python. A topic's points rarely have more
    than a handful of candidates, but a long report that restates its own passages gives each
    of them hundreds, and that number grows with the report: capping it keeps the merge linear.
    Pairs are kept in their original order; with no point over the cap nothing changes.
    """
    if len(rows) == 0:
        return rows, cols, sims
    ends = np.concatenate([rows, cols])
    pair = np.concatenate([np.arange(len(rows)), np.arange(len(rows))])
    score = np.concatenate([sims, sims])
    order = np.lexsort((pair, -score, ends))  # by point, best score first, ties by pair order
    ends, pair = ends[order], pair[order]
    first = np.searchsorted(ends, ends)  # where each point's run starts
    rank = np.arange(len(ends)) - first
    keep = np.zeros(len(rows), dtype=bool)
    keep[pair[rank < cap]] = True
    return rows[keep], cols[keep], sims[keep]
