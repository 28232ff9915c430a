"""The learned judge: article text or page furniture, weighed line by line after the rules.

Why: rules written while looking at some sites fit the shapes of those sites.  A small logistic
regression over general evidence — the line's own shape (length, stop words, capitals, final
punctuation, digits, dates, links, separators), its place on the page (above the headline, before
the first or after the last paragraph), repetition, likeness to the title, the same for its
neighbours, and the rules' own verdicts — carries better to pages nobody has looked at.

The weights ship in `sources/data/line_model.json`; `benchmarks/fit_line_model.py` refits them
from labelled pages and prints their cross-validation.  Scoring is a few dozen multiplications
per line in plain Python.  The rules still read the metadata; the model decides keep or drop,
and a section heading ("What happened?") is never dropped.
"""

from __future__ import annotations

import json
import math
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import metadata as md
from .chrome import UI_STRONG
from .lines import TERMINAL, Found, Line, bare, bare_key, drop, lacks_all
from .shape import _WORD, english_stopwords, is_heading_like, is_prose, sentence_like

MODEL_FILE = "line_model.json"
LONG_LINE = 15  # words: a line this long is most often a paragraph; the model needs more to drop it

_LINK = re.compile(r"(?i)https?://|www\.|\.(?:com|org|net|gov|co\.\w\w)\b|@\w|#\w")
_SEPARATOR = re.compile(r"\s[|·•»]\s|^\s*[•·▪●◦►»*–-]\s")
_QUOTE = re.compile(r"[\"“”«»]")
# Word classes page furniture is made of (buttons and menus; pictures and their credits; wire agencies):
# shares of the line's words, weighed by the fit like every other feature.
_PICTURE_WORDS = frozenset(
    "photo photos photograph image images picture pictures file credit caption gallery video".split()  # noqa: SIM905
)
_AGENCY = re.compile(
    r"\b(?:AP|AFP|Reuters|REUTERS|EPA|Getty|Anadolu|Xinhua|Handout|Shutterstock)\b"
)  # as captions.py
_LINK_KEYS = ("http", "www.", ".com", ".org", ".net", ".gov", ".co.", "@", "#")  # a branch of _LINK each
_AGENCY_NAMES = (
    "AP",
    "AFP",
    "Reuters",
    "REUTERS",
    "EPA",
    "Getty",
    "Anadolu",
    "Xinhua",
    "Handout",
    "Shutterstock",
)
_DIGIT = re.compile(r"\d")
# 'TYPHOON: Why everyone is talking about it', 'POLL ALERT: ...': a kicker in capitals, then a teaser's headline
_KICKER = re.compile(r"^[A-Z]{2,}(?:\s[A-Z]{2,}){0,3}:\s+\S")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a short line with a year: a date line in any language
_LETTER = re.compile(r"[^\W\d_]")
LEAD_WITHIN = 3  # text-shaped lines: a dateline this high opens the article (captions, standfirst above it)
DATED_LINE = 30  # words: a date in a longer line is the story's, not a date line's (and not looked for)
_ITEM = re.compile(r"^\s*(?:[•·▪●◦►*–-]|\d{1,2}[.)])\s")  # a list item: bullet, dash or number
# Where a picture or a quote came from, inside a line: 'Credit:AP', 'Source: AAP / X', '©', '(File)',
# 'pictured in this file photo', '(Jane Doe/Reuters)'.
_CREDIT_WORDS = re.compile(  # searched in the lower-cased line: a case-blind pattern costs four times as much
    r"(?:\bcredit|courtesy|\bsource)\s*:|©|pictured|file (?:photo|image|picture)|\(file\)"
    r"|(?:photo|image|picture)s?\s+(?:by|via|shows?)\b"
)
_CREDIT_PAREN = re.compile(r"\([A-Z][^()]{0,40}/[^()]{1,40}\)")


_CREDIT_HINTS = (":", "©", "pictur", "photo", "image", "file", "/")  # every credit holds one: most lines none


def _names_an_agency(text: str) -> bool:
    """_AGENCY.search, asked only of a line holding one of its names (a substring test is ~4x cheaper)."""
    return any(name in text for name in _AGENCY_NAMES) and bool(_AGENCY.search(text))


def _has_credit(text: str) -> bool:
    low = text.lower()
    if not any(h in low for h in _CREDIT_HINTS):
        return False
    return bool(_CREDIT_WORDS.search(low) or _CREDIT_PAREN.search(text))


# A wire or newspaper dateline opening a paragraph: 'TOKYO - ', 'SYDNEY, Australia – ', 'Lima: ',
# 'OSLO, May 3 (Reuters) - ': where the story itself begins.
_DATELINE_LEAD = re.compile(
    r"^(?:[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,2})(?:,\s[^.:–—]{2,30})?(?:\s\([A-Z][\w.&' ]{1,30}\))?"
    r"\s?(?:\s[–—-]{1,2}|:)\s+[A-Z“\"‘']"
)

# What a feature says when it pushes a line towards furniture: (when high, when low).
PHRASES: dict[str, tuple[str, str]] = {
    "s_words": ("long", "short"),
    "s_chars": ("long", "short"),
    "s_tiny": ("three words or fewer", ""),
    "s_item": ("a list item", ""),
    "s_ui": ("interface words", ""),
    "s_picture": ("picture words", ""),
    "s_agency": ("an agency's name", ""),
    "s_credit": ("a credit", ""),
    "s_year": ("a year", ""),
    "s_kicker": ("a kicker in capitals", ""),
    "s_outlet_tail": ("ends with an outlet's name", ""),
    "c_near_credit": ("next to a picture or credit", ""),
    "c_prev_ruled": ("after a line the rules dropped", ""),
    "c_next_ruled": ("before a line the rules dropped", ""),
    "p_above_lead": ("above the story's dateline", ""),
    "c_prev_item": ("after a list item", ""),
    "c_next_item": ("before a list item", ""),
    "c_prev_colon": ("after a line ending in a colon", ""),
    "c_prev_words": ("after a long line", "after a short line"),
    "c_next_words": ("before a long line", "before a short line"),
    "c_prev_stop": ("after a sentence", "after a line with few stop words"),
    "c_next_stop": ("before a sentence", "before a line with few stop words"),
    "c_prev_none": ("first on the page", ""),
    "c_next_none": ("last on the page", ""),
    "c_next_colon": ("before a line ending in a colon", ""),
    "x_subhead": ("", "not a heading of the article"),
    "x_inside_short": ("short, inside the article", ""),
    "x_listed": ("", "not in a list the article introduces"),
    "p_gap": ("set apart", ""),
    "s_stop": ("many stop words", "few stop words"),
    "s_caps": ("capitalised", "lower-case"),
    "s_terminal": ("ends like a sentence", "no final stop"),
    "s_colon": ("ends with a colon", ""),
    "s_digits": ("digits", ""),
    "s_date": ("a date", ""),
    "s_link": ("a link or handle", ""),
    "s_sep": ("separators", ""),
    "s_quote": ("quoted words", ""),
    "s_upper": ("capitals only", ""),
    "s_prose": ("prose", "not prose"),
    "s_sentence": ("a sentence", "not a sentence"),
    "s_heading": ("heading-shaped", ""),
    "s_name": ("a name", ""),
    "p_above_title": ("above the headline", ""),
    "p_near_title": ("next to the headline", ""),
    "p_before_prose": ("before the first paragraph", ""),
    "p_after_prose": ("after the last paragraph", ""),
    "p_page": ("low on the page", "high on the page"),
    "p_repeated": ("repeated on the page", ""),
    "p_like_title": ("like the title", ""),
    "c_prev_prose": ("after prose", "after a non-prose line"),
    "c_next_prose": ("before prose", "before a non-prose line"),
}


@dataclass(frozen=True)
class LineModel:
    """A logistic regression on standardised features, and the thresholds chosen by its fit."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    drop_at: float  # a short line the rules kept goes at this probability of furniture or more
    drop_long_at: float  # ... a line of LONG_LINE words or more only at this one (paragraphs are precious)
    keep_at: float  # a line the sidebar rules dropped comes back below this probability

    def threshold(self, line: Line) -> float:
        return self.drop_long_at if line.words >= LONG_LINE else self.drop_at

    def contributions(self, features: dict[str, float]) -> list[tuple[float, str]]:
        out = []
        for name, mu, sd, w in zip(self.names, self.mean, self.scale, self.weights, strict=True):
            out.append((w * (features.get(name, 0.0) - mu) / sd, name))
        return out

    def probability(self, features: dict[str, float]) -> float:
        # the sum of `contributions`, term for term in the same order (the same float), without
        # its list of pairs: asked of every line of a page (~1 s on a 4 MB report)
        get = features.get
        z = self.bias + sum(
            w * (get(name, 0.0) - mu) / sd
            for name, mu, sd, w in zip(self.names, self.mean, self.scale, self.weights, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, rows: list[dict[str, float]]) -> list[float]:
        """`probability` of every row, the same floats: the terms elementwise as there, summed
        left to right (a cumulative sum is sequential, as Python's sum of floats is), in numpy
        rather than ~50 Python steps a line."""
        import numpy as np

        if not rows:
            return []
        x = np.array(_rows_of(rows, self.names), dtype=float)
        terms = np.array(self.weights) * (x - np.array(self.mean)) / np.array(self.scale)
        z = self.bias + np.cumsum(terms, axis=1)[:, -1]
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, float(v))))) for v in z]

    def why(self, features: dict[str, float], top: int = 4) -> str:
        """The evidence that pushed hardest towards furniture, in words."""
        words = []
        for c, name in sorted(self.contributions(features), reverse=True):
            if c <= 0.1 or len(words) >= top:
                break
            mu = self.mean[self.names.index(name)]
            phrase = PHRASES.get(name, ("", ""))[0 if features.get(name, 0.0) > mu else 1]
            if phrase and phrase not in words:
                words.append(phrase)
        return ", ".join(words)

    def to_json(self, extra: dict | None = None) -> str:
        data = {
            "features": list(self.names),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "drop_at": self.drop_at,
            "drop_long_at": self.drop_long_at,
            "keep_at": self.keep_at,
            **(extra or {}),
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        d = json.loads(text)
        return cls(
            tuple(d["features"]),
            tuple(d["mean"]),
            tuple(d["scale"]),
            tuple(d["weights"]),
            float(d["bias"]),
            float(d["drop_at"]),
            float(d["drop_long_at"]),
            float(d["keep_at"]),
        )


def _rows_of(rows: list[dict[str, float]], names: tuple[str, ...]) -> list[tuple[float, ...]]:
    """Each row's features in the model's order, 0.0 for one a row lacks (an itemgetter when
    every row has them all: the usual case, ~50 lookups a line in C)."""
    if len(names) > 1 and all(set(names).issubset(row) for row in rows[:1]):
        get = operator.itemgetter(*names)
        try:
            return [get(row) for row in rows]
        except KeyError:
            pass
    return [tuple(row.get(name, 0.0) for name in names) for row in rows]


@lru_cache(maxsize=1)
def load_model() -> LineModel | None:
    """The shipped weights, or None when the package has none (the rules then decide alone)."""
    try:
        text = resources.files("memogen.sources").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return LineModel.from_json(text)


# ---------------------------------------------------------------------------------------- features
_TOKEN = re.compile(r"[a-z0-9]{3,}")
_FIRST = operator.itemgetter(0)
_SEPARATOR_MARKS = ("|", "·", "•", "»")  # every match of _SEPARATOR's first branch holds one


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower()))


def _separators(text: str) -> int:
    """len(_SEPARATOR.findall(text)), with the scan of the whole line only when a mark is in it:
    without one only the bullet at the start can match."""
    if not any(mark in text for mark in _SEPARATOR_MARKS):
        return 1 if _SEPARATOR.match(text) else 0
    return len(_SEPARATOR.findall(text))


@dataclass(frozen=True)
class LineWords:
    """A line's words, lower-cased, and how many are English stop words: asked by the shape
    features and by the page's language test (`_english`), so found once per line."""

    words: list[str]
    lower: list[str]
    stops: int


def line_words(text: str) -> LineWords:
    words = _WORD.findall(text)
    lower = list(map(str.lower, words))  # map and sum of map: a report's half a million words in C
    return LineWords(words, lower, sum(map(english_stopwords().__contains__, lower)))


def _shape(it: Line, lw: LineWords | None = None) -> dict[str, float]:
    """The line on its own."""
    text = it.text
    lw = lw or line_words(text)
    words, lower = lw.words, lw.lower
    n = max(1, len(words))
    n_words = it.words
    terminal = bool(TERMINAL.search(text))
    return {
        "s_words": math.log1p(n_words),
        "s_chars": math.log1p(len(text)),
        "s_stop": lw.stops / n,
        "s_caps": sum(map(str.isupper, map(_FIRST, words))) / n,  # (a word has a first letter)
        "s_terminal": float(terminal),
        "s_colon": float(text.rstrip().endswith(":")),
        "s_digits": len(_DIGIT.findall(text)) / max(1, len(text)),
        "s_date": float(n_words <= DATED_LINE and bool(md.find_dates(text))),
        "s_link": float(not lacks_all(text, _LINK_KEYS) and bool(_LINK.search(text))),
        "s_sep": float(_separators(text)),
        "s_quote": float(bool(_QUOTE.search(text))),
        "s_upper": float(text.isupper() and len(_LETTER.findall(text)) >= 4),
        "s_prose": float(is_prose(it)),
        "s_sentence": float(sentence_like(text)),
        "s_heading": float(is_heading_like(it)),
        "s_name": float(md.is_name(text)),
        "s_tiny": float(n_words <= 3),
        "s_item": float(bool(_ITEM.match(text))),
        "s_ui": sum(map(UI_STRONG.__contains__, lower)) / n,
        "s_picture": float(not _PICTURE_WORDS.isdisjoint(lower)),
        "s_agency": float(_names_an_agency(text)),
        "s_credit": float(_has_credit(text)),
        "s_year": float(n_words <= 8 and bool(_YEAR.search(text))),
        "s_kicker": float(bool(_KICKER.match(text)) and not terminal),
        "s_outlet_tail": float(not terminal and _ends_with_outlet(text)),
    }


def _ends_with_outlet(text: str) -> bool:
    """'... rerouted to avoid attacks The Guardian': a teaser link that names the outlet it leads to
    (the last one to four capitalised words read as a publication's name, with no full stop before)."""
    from .title import is_publication_name  # title imports nothing of this module

    if TERMINAL.search(text):
        return False
    words = text.rstrip().split()
    if len(words) < 5:
        return False
    return any(is_publication_name(" ".join(words[-k:])) for k in range(1, 5) if words[-k][:1].isupper())


def _credits_a_picture(text: str) -> bool:
    return (
        _has_credit(text)
        or _names_an_agency(text)
        or not _PICTURE_WORDS.isdisjoint(w.lower() for w in _WORD.findall(text))
    )


def _opens_with_dateline(it: Line, shape: dict[str, float]) -> bool:
    return bool(shape["s_prose"]) and bool(_DATELINE_LEAD.match(it.text))


def _reads_as_text(shape: dict[str, float]) -> bool:
    """A paragraph, or a run of words shaped like one (a last paragraph the copy cut short)."""
    return bool(shape["s_prose"]) or (shape["s_words"] >= math.log1p(10) and shape["s_stop"] >= 0.3)


def _listed(items: list[Line], shapes: list[dict[str, float]]) -> set[int]:
    """Lines of a list a kept line ending in a colon introduces ('Possible effects:' and its items):
    the short lines that follow it, up to the next paragraph, heading with a colon or gap of two."""
    out: set[int] = set()
    opened = False
    for k, it in enumerate(items):
        if shapes[k]["s_colon"]:
            opened = it.kept
        elif opened and not shapes[k]["s_prose"] and it.words <= 25:
            out.add(k)
        else:
            opened = False
    return out


def _with_list_ends(items: list[Line], shapes: list[dict[str, float]], prose: list[int]) -> list[int]:
    """The article's span goes on to the end of a list it is in: a short last item ('- Sports clubs.')
    continues the items above it and is no more page furniture than they are."""
    span = set(prose)
    for k in range(1, len(items)):
        if k - 1 in span and shapes[k - 1]["s_item"] and shapes[k]["s_item"] and items[k].kept:
            span.add(k)
    return sorted(span)


def _title_index(items: list[Line]) -> int | None:
    return next((k for k, it in enumerate(items) if it.reason.startswith("title (")), None)


def line_features(
    items: list[Line], found: Found, shapes: list[dict[str, float]] | None = None
) -> list[dict[str, float]]:
    """Every line's features: its shape, its place, its neighbours' shape (`shapes`, when the
    caller has them already: `_shape` of each line)."""
    shapes = shapes if shapes is not None else [_shape(it) for it in items]
    n = len(items)
    # The article's span: its text-shaped lines (a pull quote the rules took out still marks it).
    prose = [
        k for k, it in enumerate(items) if (it.kept or it.stage == "repeats") and _reads_as_text(shapes[k])
    ]
    prose = prose or [k for k, s in enumerate(shapes) if _reads_as_text(s)]
    prose = _with_list_ends(items, shapes, prose)
    listed = _listed(items, shapes)
    first, last = (prose[0], prose[-1]) if prose else (n, -1)
    # A dateline opens the story among its first paragraphs; one further down opens a later story.
    lead = next((k for k in prose[:LEAD_WITHIN] if _opens_with_dateline(items[k], shapes[k])), -1)
    title_at = _title_index(items)
    title_tokens = _tokens(found.title or "")
    bares = [bare_key(it.text) for it in items]
    counts: dict[str, int] = {}
    for b in bares:
        counts[b] = counts.get(b, 0) + 1
    out = []
    for k, it in enumerate(items):
        f = dict(shapes[k])
        toks = _tokens(it.text) if title_tokens else set()  # no title: nothing to be like
        f["p_above_title"] = float(title_at is not None and k < title_at)
        f["p_near_title"] = float(title_at is not None and 0 < abs(k - title_at) <= 2)
        f["p_before_prose"] = float(k < first)
        f["p_after_prose"] = float(k > last)
        f["p_page"] = k / max(1, n - 1)
        f["p_repeated"] = float(counts.get(bares[k], 0) >= 2 and len(bares[k]) >= 4)
        f["p_like_title"] = (
            len(toks & title_tokens) / len(toks | title_tokens) if toks and title_tokens else 0.0
        )
        f["p_gap"] = float(it.gap_before)
        f["p_above_lead"] = float(k < lead)
        near = [shapes[j] for j in (k - 1, k + 1) if 0 <= j < n]
        f["c_near_credit"] = float(any(s["s_credit"] or s["s_picture"] or s["s_agency"] for s in near))
        for side, j in (("prev", k - 1), ("next", k + 1)):
            inside = 0 <= j < n
            f[f"c_{side}_prose"] = shapes[j]["s_prose"] if inside else 0.0
            f[f"c_{side}_words"] = shapes[j]["s_words"] if inside else 0.0
            f[f"c_{side}_stop"] = shapes[j]["s_stop"] if inside else 0.0
            f[f"c_{side}_item"] = shapes[j]["s_item"] if inside else 0.0
            f[f"c_{side}_colon"] = shapes[j]["s_colon"] if inside else 0.0
            f[f"c_{side}_none"] = float(not inside)
            f[f"c_{side}_ruled"] = float(inside and not items[j].kept)
        inside = first < k < last
        f["x_subhead"] = float(
            inside and f["s_heading"] and f["c_next_prose"] > 0
        )  # a heading of the article
        f["x_inside_short"] = float(inside and it.words <= 14)
        f["x_listed"] = float(k in listed)
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------- judging
def guarded(items: list[Line]) -> list[bool]:
    """Lines the model leaves to the rules: a memo section's heading ('What happened?') and a heading
    of the article itself — heading-shaped, inside the article, a paragraph right under it, printed
    once and crediting no picture (a label repeated down the page, 'Cardiff Latest News', or a short
    caption, 'Detained: the president Credit:AP', is shaped like a heading but heads nothing) — and
    a short line ending in a colon over what it introduces, once the article has begun."""
    from ...sections.headings import heading_meaning

    prose = [(it.kept or it.stage == "repeats") and is_prose(it) for it in items]
    text_at = [k for k, p in enumerate(prose) if p]
    first, last = (text_at[0], text_at[-1]) if text_at else (len(items), -1)
    out = [False] * len(items)
    counts: dict[str, int] = {}
    for it in items:
        if it.words <= 8:  # only a short line can be a heading; it is compared with the other short ones
            key = bare(it.text)
            counts[key] = counts.get(key, 0) + 1
    next_kept: int | None = None  # index of the next kept line, walking up from the bottom
    for k in range(len(items) - 1, -1, -1):
        it = items[k]
        if it.words <= 8:
            subhead = (
                first < k < last
                and next_kept is not None
                and prose[next_kept]
                and is_heading_like(it)
                and not _credits_a_picture(it.text)
                and counts[bare(it.text)] == 1
            )
            # 'Possible effects:' over the points it lists, after the article began: the list's heading
            opens_list = k > first and it.text.rstrip().endswith(":") and next_kept is not None
            out[k] = subhead or opens_list or heading_meaning(it.text) is not None
        if it.kept:
            next_kept = k
    return out


ENGLISH_STOPWORDS = (
    0.2  # below this share of English stop words in its paragraphs, a page is in another language
)


def _english(prose: list[LineWords]) -> bool:
    """The features weigh English stop words: on a page in another language they say nothing."""
    words = sum(len(lw.words) for lw in prose)
    return bool(words) and sum(lw.stops for lw in prose) / words >= ENGLISH_STOPWORDS


RESTORABLE = frozenset({"sidebars"})  # teaser runs and the page tail: rules that read no metadata off a line


def judge(items: list[Line], found: Found, model: LineModel | None = None) -> None:
    """The model's last word: a kept line that reads as furniture goes (with the evidence in its
    reason); a line the sidebar rules dropped that reads plainly as article text comes back.  Lines
    whose metadata the rules read stay dropped, and a section heading always stays.  A page without a
    single paragraph (a note of short lines) is left to the rules, and the model never empties a page."""
    model = model or load_model()
    prose = [k for k, it in enumerate(items) if it.kept and is_prose(it)]
    if model is None or not prose:
        return
    words = [line_words(it.text) for it in items]  # each line's words once, for both questions
    if not _english([words[k] for k in prose]):
        return
    shapes = [_shape(it, lw) for it, lw in zip(items, words, strict=True)]
    before = [(it.role, it.reason, it.stage) for it in items]
    features = line_features(items, found, shapes)
    chances = model.probabilities(features)
    for it, f, keep, p in zip(items, features, guarded(items), chances, strict=True):
        if keep:
            continue
        if it.kept and p >= model.threshold(it):
            drop(it, f"furniture (model {p:.2f}: {model.why(f)})")
            it.stage = "model"
        elif not it.kept and it.stage in RESTORABLE and p < model.keep_at:
            it.role, it.reason, it.stage = "body", "", ""
    if not any(it.kept for it in items):
        for it, (role, reason, stage) in zip(items, before, strict=True):
            it.role, it.reason, it.stage = role, reason, stage
