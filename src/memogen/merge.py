"""Merger: points from every source -> one set of facts, each citing every source that states it.

Why this shape: cheap lexical similarity (word and character TF-IDF) finds paraphrases
well, but its errors are same-topic sentences with a different year, figure or name
(see FIELD-NOTES). So a pair is a duplicate only when the text is similar *and* the
numbers, dates and names agree. A shared specific figure about the same thing ("the
first visit in 9 years") also links sentences that share few other words. The same
machinery, run on looser "related" pairs, reports figures that disagree across sources
as conflicts instead of hiding them. Candidate pairs come from a sparse product
restricted to features that are rare in the topic, plus inverted indexes on figures,
so the cost grows with the number of points, not its square. Before vectorising, text is
normalised with aliases the topic's own sources give ("Chief of Naval Operations (CNO)", "X (also
known as Y)", "Prime Minister Ana Ruiz") and a small table of title abbreviations, so
"FM Ruiz met the CNO" and "the Foreign Minister met Admiral Sato" can meet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .model import (
    Citation,
    Cluster,
    ClusterMember,
    Conflict,
    ConflictValue,
    MergedPoint,
    Point,
    SectionKey,
    Source,
)

# Tuned on tests/fixtures/merge/pairs.jsonl (split "tune"); see docs/performance.md.
DUP_THRESHOLD = 0.51  # combined similarity at or above which two sentences state one fact
CONTAIN_THRESHOLD = 0.8  # share of the shorter sentence's content words found in the longer one
CONTAIN_MIN_SIM = 0.22  # ... and at least this similarity, so short generic sentences do not chain
RELATED_THRESHOLD = 0.10  # similarity at which differing figures on a shared subject are a conflict
CANDIDATE_THRESHOLD = 0.1  # cheap pre-filter on rare word features (cosine over those features only)
CANDIDATE_DF_CAP = 150  # a word in more points than this is no help to find candidates (keeps cost linear)
RELATED_CONTEXT = 0.12  # shared-word score at which two figures measure the same thing
ANCHOR_MIN_SIM = 0.08  # similarity needed when both give the same specific figure on the same thing
NAME_PENALTY = 0.15  # per name found on one side only (when both sides have one): lowers the score
OVERLAP_DICE = 0.6  # IDF-weighted share of content stems two paraphrases have in common
OVERLAP_MIN_SIM = 0.35  # ... with at least this text similarity and no name on one side only

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
# Day names mark when, not who: "on Sunday" vs "on Monday" must not read as two named parties.
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# Words that can follow a figure without being what it counts ("rose to 23 on Monday").
_NOT_UNITS = frozenset(
    [
        "on",
        "in",
        "at",
        "by",
        "to",
        "from",
        "for",
        "of",
        "and",
        "or",
        "as",
        "after",
        "before",
        "since",
        "with",
        "than",
        "the",
        "a",
        "an",
        "this",
        "that",
        "last",
        "next",
    ]
)
_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "lakh": 1e5, "crore": 1e7}
_CURRENCY_PREFIX = re.compile(r"^(?:US\$|USD|US|\$|€|£|¥|EUR|GBP|Rs\.?|PKR|INR|RMB)$")
_CURRENCY_WORDS = {
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "rupees",
    "rupee",
    "yuan",
    "roubles",
    "rubles",
}
_TOKEN = re.compile(
    r"US\s?\\?\$|\\?\$|€|£|¥|\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?|[A-Za-zÀ-ÿ]+(?:['’][a-z]+)?(?:-[A-Za-zÀ-ÿ]+)*|%|\S"
)
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "he",
        "she",
        "they",
        "them",
        "we",
        "our",
        "you",
        "your",
        "i",
        "my",
        "me",
        "us",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "there",
        "here",
        "also",
        "not",
        "no",
        "nor",
        "so",
        "such",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "having",
        "into",
        "over",
        "under",
        "after",
        "before",
        "about",
        "between",
        "during",
        "while",
        "both",
        "each",
        "other",
        "more",
        "most",
        "some",
        "any",
        "all",
        "very",
        "just",
        "only",
        "own",
        "same",
        "too",
        "s",
        "t",
        "up",
        "out",
        "off",
        "again",
        "further",
        "once",
        "per",
    ]
)
# Words around a figure that say nothing about *what* is measured.
_GENERIC = frozenset(
    [
        "increase",
        "increased",
        "increases",
        "rise",
        "rose",
        "risen",
        "fall",
        "fell",
        "growth",
        "grew",
        "grow",
        "reach",
        "reached",
        "reaches",
        "record",
        "high",
        "higher",
        "low",
        "lower",
        "total",
        "level",
        "almost",
        "nearly",
        "about",
        "around",
        "approximately",
        "roughly",
        "stood",
        "stand",
        "stands",
        "hit",
        "percent",
        "cent",
        "million",
        "billion",
        "thousand",
        "trillion",
        "year",
        "years",
        "month",
        "months",
        "day",
        "days",
        "time",
        "first",
        "last",
        "new",
        "said",
        "says",
        "say",
        "according",
        "report",
        "reported",
        "reports",
        "recorded",
        "significant",
        "mark",
        "marked",
        "estimated",
        "expected",
        "only",
        "current",
        "compared",
        "previous",
    ]
)
_FUTURE = re.compile(
    r"\b(?:will|shall|plans? to|planning to|aims? to|aiming to|pledged to|pledges? to|intends? to|"
    r"expect|expects|expected to|forecasts?|predicts?|anticipates?|likely to|due to be|is to|are to|"
    r"scheduled|set to|upcoming|next (?:week|month|year)|by 20\d\d)\b",
    re.I,
)
# A figure someone wanted or proposed is not the figure decided (clause level only).
_WISHED = re.compile(
    r"\b(?:prefer|prefers|preferred|preferring|proposed|proposes?|called for|target|goal|double|triple)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")
_LEADING_FILLER = re.compile(
    r"^(?:In a nutshell|In short|In fact|Thus|Hence|However|Moreover|Furthermore|Therefore|Interestingly|"
    r"Meanwhile|Besides|Additionally|Further|For example|For instance|Similarly|Also|And|But|So|Indeed|"
    r"On the other hand|In addition)\s*,?\s+",
)
_TERMINAL = ".!?\"'”’。！？…)»"  # a sentence that ends with one of these needs no added full stop
_SENTENCE_END = frozenset({".", "!", "?"})
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(])")
# ... but not after a title abbreviation or an initial ("Mr. Okafor", "Gen. Sato", "S. M. Khan").
_NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|St|Lt|Gen|Amb|Min|Col|Sen|Gov|Maj|Adm|Sec|Pres|Dept|Cmdr)|\b[A-Z])\.$"
)
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]")


# --------------------------------------------------------------------------- features


@dataclass(slots=True)
class Quantity:
    """One figure or date in a sentence, normalised so that "nine years" == "9 years"."""

    kind: str  # amount / percent / date / year / number
    value: tuple  # comparable value; (low, high) for numbers, (year|None, month, day|None) for dates
    display: str  # the words as the source wrote them
    unit: str = ""  # for plain numbers: the noun they count ("year", "dose")
    context: dict[str, int] = field(default_factory=dict)  # content stem -> distance in words
    sentence: str = ""  # the sentence holding the figure (points may hold several sentences)

    def relatedness(self, other: Quantity) -> float:
        """How surely two figures measure the same thing: shared nearby words, nearest weigh most."""
        return sum(
            _closeness(d) * _closeness(other.context[s])
            for s, d in self.context.items()
            if s in other.context
        )

    def same_value(self, other: Quantity) -> bool:
        """Equal within rounding ("almost 350" vs "350"), dates equal where both say a part."""
        if self.kind != other.kind:
            return False
        if self.kind in ("date", "year"):
            return all(a is None or b is None or a == b for a, b in zip(self.value, other.value, strict=True))
        lo1, hi1 = self.value
        lo2, hi2 = other.value
        tol = 0.015 * max(abs(hi1), abs(hi2), 1e-9)
        return lo1 - tol <= hi2 and lo2 - tol <= hi1


@dataclass(slots=True)
class Features:
    """What the merger needs to know about one point's sentence."""

    norm: str
    content: frozenset[str]
    quantities: list[Quantity]
    names: frozenset[str]
    years: frozenset[int]
    padded: str = ""  # " norm ", for fast whole-word and word-prefix look-ups of names
    future: bool = False  # a plan, pledge or forecast ("will", "aims to"), not a reported fact


def _closeness(distance: int) -> float:
    return 1.0 / (1.0 + distance / 6.0)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem: enough to make arrived/arrival and trade/trading meet."""
    w = word.lower().strip("'’")
    if w.endswith("iness"):  # readiness -> ready
        w = w[:-5] + "y"
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "al", "s"):
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return w[:5]


def _word_number(words: list[str]) -> float | None:
    """Value of a run of number words ("a hundred and fifty-thousand" -> 150000)."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        elif w in ("a", "and"):
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _number_word_parts(tok: str) -> list[str] | None:
    parts = tok.lower().split("-")
    if all(p in _UNITS or p in _TENS or p in _SCALES for p in parts):
        return parts
    return None


def _parse_digits(tok: str) -> float | None:
    tok = re.sub(r"(st|nd|rd|th)$", "", tok).replace(",", "")
    try:
        return float(tok)
    except ValueError:
        return None


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _context(toks: list[tuple[str, int, int]], lo: int, hi: int, window: int = 16) -> dict[str, int]:
    """Lowercase content words near a figure, with their distance in words.

    They say what the figure measures ("arrived", "trade"). Capitalised words are left
    out on purpose: names are shared by every sentence of a topic, so they cannot tell
    "arrived on" from "concluded on". Distance lets the nearest word count most.
    """
    out: dict[str, int] = {}
    for rng in (range(lo - 1, -1, -1), range(hi, len(toks))):
        dist = 0
        for k in rng:
            w = toks[k][0]
            if w in _SENTENCE_END:
                break
            if not (w[:1].isalnum()):
                continue
            dist += 1
            if dist > window:
                break
            lw = w.lower()
            sentence_start = k == 0 or toks[k - 1][0] in _SENTENCE_END
            if not (w[:1].islower() or sentence_start) or not lw.replace("-", "").isalpha():
                continue
            if lw in _STOP or lw in _GENERIC or lw in _MONTHS or _has_number_word(lw):
                continue
            stem = _stem(lw)
            out[stem] = min(dist, out.get(stem, dist))
    return out


def _has_number_word(word: str) -> bool:
    return any(p in _UNITS or p in _TENS or p in _SCALES for p in word.split("-"))


def _read_number(toks: list[tuple[str, int, int]], i: int) -> tuple[float, float, int] | None:
    """Number (or range "750-800") at token i -> (low, high, next index)."""
    if i >= len(toks):
        return None
    tok = toks[i][0]
    if tok[:1].isdigit():
        lo = _parse_digits(tok)
        if lo is None:
            return None
        j = i + 1
        if j + 1 < len(toks) and toks[j][0] in ("-", "–", "to") and toks[j + 1][0][:1].isdigit():
            hi = _parse_digits(toks[j + 1][0])
            if hi is not None and hi >= lo:
                return lo, hi, j + 2
        return lo, lo, j
    words: list[str] = []
    j = i
    while j < len(toks):
        parts = _number_word_parts(toks[j][0])
        if parts:
            words += parts
        elif (
            toks[j][0].lower() in ("a", "and")
            and words
            and j + 1 < len(toks)
            and _number_word_parts(toks[j + 1][0])
        ):
            words.append("and")
        else:
            break
        j += 1
    value = _word_number(words) if words else None
    return (value, value, j) if value is not None else None


def _read_scale(toks: list[tuple[str, int, int]], j: int) -> tuple[float, int]:
    if j < len(toks):
        w = toks[j][0].lower()
        if w in _SCALES and w != "hundred":
            return _SCALES[w], j + 1
        if w in _SCALE_ABBR:
            return _SCALE_ABBR[w], j + 1
    return 1.0, j


def _date_at(toks: list[tuple[str, int, int]], i: int) -> tuple[tuple, int] | None:
    """ "7 April [2021]", "April 6, 2021", "April 2018" starting at token i."""
    tok = toks[i][0]
    n = len(toks)
    if tok[:1].isdigit() and i + 1 < n:
        day = _parse_digits(tok)
        month = _MONTHS.get(toks[i + 1][0].lower()) if toks[i + 1][0][:1].isupper() else None
        if month and day and 1 <= day <= 31 and day == int(day):
            j = i + 2
            year = None
            if j < n and re.fullmatch(r"(19|20)\d\d", toks[j][0]):
                year, j = int(toks[j][0]), j + 1
            elif j + 1 < n and toks[j][0] == "," and re.fullmatch(r"(19|20)\d\d", toks[j + 1][0]):
                year, j = int(toks[j + 1][0]), j + 2
            return (year, month, int(day)), j
    if tok[:1].isupper() and tok.lower() in _MONTHS and i + 1 < n:
        month = _MONTHS[tok.lower()]
        nxt = toks[i + 1][0]
        if re.fullmatch(r"(19|20)\d\d", nxt):
            return (int(nxt), month, None), i + 2
        day = _parse_digits(nxt) if nxt[:1].isdigit() else None
        if day and 1 <= day <= 31 and day == int(day) and not re.fullmatch(r"\d{3,}", nxt):
            j = i + 2
            year = None
            if j + 1 < n and toks[j][0] == "," and re.fullmatch(r"(19|20)\d\d", toks[j + 1][0]):
                year, j = int(toks[j + 1][0]), j + 2
            elif j < n and re.fullmatch(r"(19|20)\d\d", toks[j][0]):
                year, j = int(toks[j][0]), j + 1
            return (year, month, int(day)), j
    return None


def extract_quantities(text: str, toks: list[tuple[str, int, int]] | None = None) -> list[Quantity]:
    """Every amount, percentage, date, year and counted number in a sentence."""
    toks = toks if toks is not None else _tokens(text)
    out: list[Quantity] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i][0]
        date = _date_at(toks, i)
        if date:
            value, j = date
            display = text[toks[i][1] : toks[j - 1][2]].rstrip(",")
            out.append(
                Quantity("date", value, display, context=_context(toks, i, j), sentence=str(toks[i][1]))
            )
            i = j
            continue
        currency = bool(_CURRENCY_PREFIX.match(tok.replace("\\", "").replace(" ", "")))
        start = i + 1 if currency else i
        if currency and start < n and toks[start][0] == "$":  # "US $10"
            start += 1
        num = _read_number(toks, start)
        if num is None:
            i += 1
            continue
        lo, hi, j = num
        scale, j = _read_scale(toks, j)
        after = toks[j][0].lower() if j < n else ""
        if after in _CURRENCY_WORDS:
            currency, j = True, j + 1
        is_year = (
            not currency
            and scale == 1.0
            and lo == hi
            and re.fullmatch(r"(19|20)\d\d", toks[start][0]) is not None
        )
        if after in ("%", "percent") or (after == "per" and j + 1 < n and toks[j + 1][0].lower() == "cent"):
            j += 1 if after != "per" else 2
            kind, unit = "percent", ""
        elif currency or scale >= 1e6:
            kind, unit = "amount", ""
        elif is_year:
            kind, unit = "year", ""
        else:
            kind = "number"
            unit_tok = toks[j][0] if j < n else ""
            last = toks[start][0].rsplit("-", 1)[-1]
            if "-" in toks[start][0] and not _number_word_parts(last):  # "two-day"
                unit_tok = last
            unit = _stem(unit_tok) if unit_tok.isalpha() and unit_tok.lower() not in _NOT_UNITS else ""
            if (
                unit
                and unit_tok.lower() not in _SCALES
                and not (toks[start][0].lower().endswith(unit_tok.lower()))
            ):
                j += 1
        display = text[toks[i][1] : toks[j - 1][2]].replace("\\$", "$")
        if kind == "year":
            value: tuple = (int(lo), None, None)
        else:
            value = (lo * scale, hi * scale)
        out.append(
            Quantity(
                kind,
                value,
                display,
                unit,
                _context(toks, i, j),
                sentence=str(toks[i][1]),
            )
        )
        i = max(j, i + 1)
    _attach_sentences(text, out)
    return out


def _sentence_starts(text: str) -> list[int]:
    """Offsets where a new sentence starts (a cheap split, then abbreviations put back)."""
    return [
        m.end()
        for m in _SENTENCE_SPLIT.finditer(text)
        if not _NO_SPLIT_AFTER.search(text[max(0, m.start() - 6) : m.start()])
    ]


def split_sentences(text: str) -> list[str]:
    """The sentences of a point (a point may be a whole paragraph)."""
    bounds = [0, *_sentence_starts(text), len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _attach_sentences(text: str, quantities: list[Quantity]) -> None:
    """Replace each figure's offset (kept in .sentence meanwhile) by the sentence around it."""
    if not quantities:
        return
    bounds = [0, *_sentence_starts(text), len(text) + 1]
    for q in quantities:
        pos = int(q.sentence)
        k = next(k for k in range(len(bounds) - 1) if bounds[k] <= pos < bounds[k + 1])
        q.sentence = text[bounds[k] : bounds[k + 1]].strip()


def normalise(text: str, aliases: Aliases | None = None) -> str:
    """Lower-case text with numbers, currencies, percent signs, title abbreviations and the
    topic's own aliases written one way (hyphenated words split, so "Nord-Link" meets
    "Nord Link")."""
    toks = _tokens(_SUPERSCRIPTS.sub("", text))
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i][0]
        low = tok.lower().replace("\\", "").replace(" ", "")
        if _number_word_parts(tok):
            num = _read_number(toks, i)
            if num:
                out.append(f"{num[0]:g}")
                i = num[2]
                continue
        if tok in _CAPS_ABBR:
            out += _CAPS_ABBR[tok].split()
        elif tok[:1].isupper() and low in _DOTTED_ABBR and i + 1 < len(toks) and toks[i + 1][0] == ".":
            out += _DOTTED_ABBR[low].split()
            i += 1
        elif low in ("us$", "usd", "$", "us"):
            out.append("usd" if low != "us" else "us")
        elif low in ("%", "percent"):
            out.append("percent")
        elif low == "per" and i + 1 < len(toks) and toks[i + 1][0].lower() == "cent":
            out.append("percent")
            i += 1
        elif tok[:1].isdigit():
            value = _parse_digits(tok)
            out.append(f"{value:g}" if value is not None else tok)
        elif tok.isalnum() or "'" in tok or "’" in tok:
            out.append(low)
        elif "-" in tok:
            out += [p for p in low.split("-") if p]
        i += 1
    return " ".join(apply_aliases(out, aliases))


def _names(
    text: str,
    tokens: list[tuple[str, int, int]] | None = None,
    initial_names: frozenset[str] | None = None,
) -> frozenset[str]:
    """Capitalised words: a cheap stand-in for named entities.

    A sentence's first word counts only when the topic's sources show it is a name
    (`initial_names`: "Ghana will borrow…" vs "Zambia will borrow…"), so "According",
    "Public" or "Officials" opening a sentence are not taken for names.
    """
    toks = [t for t, _, _ in (tokens if tokens is not None else _tokens(text))]
    out = set()
    for k, t in enumerate(toks):
        low = t.lower()
        if not t[:1].isupper() or not t.replace("-", "").isalpha():
            continue
        if low in _STOP or low in _MONTHS or low in _WEEKDAYS or low in _SCALES or low in _CURRENCY_WORDS:
            continue
        initial = k == 0 or toks[k - 1] in (".", "“", '"', ":")
        if initial and (initial_names is None or low not in initial_names):
            continue
        out.add(low)
    return frozenset(out)


def features(text: str, aliases: Aliases | None = None) -> Features:
    norm = normalise(text, aliases)
    content = frozenset(_stem(w) for w in norm.split() if w not in _STOP and len(w) > 1)
    toks = _tokens(text)
    quantities = extract_quantities(text, toks)
    years = {q.value[0] for q in quantities if q.kind in ("year", "date") and q.value[0]}
    names = _names(text, toks, aliases.initial_names if aliases is not None else None)
    if aliases is not None:
        names = _alias_names(names, norm, aliases)
    future = bool(_FUTURE.search(text))
    return Features(norm, content, quantities, names, frozenset(years), f" {norm} ", future)


# --------------------------------------------------------------------------- aliases

# Generic title abbreviations (not topic-specific): all-caps forms stand alone, the
# others only with their full stop ("Gen. Mwangi"), so "min" or "pres" as words are left alone.
_CAPS_ABBR = {"FM": "foreign minister", "PM": "prime minister", "FS": "foreign secretary"}
_DOTTED_ABBR = {
    "gen": "general",
    "amb": "ambassador",
    "min": "minister",
    "pres": "president",
    "dept": "department",
    "govt": "government",
    "lt": "lieutenant",
    "col": "colonel",
    "maj": "major",
    "adm": "admiral",
    "sec": "secretary",
    "sen": "senator",
    "gov": "governor",
    "cmdr": "commander",
}
# Head words of a person's title: "Prime Minister Ana Ruiz", "Chief of Naval Operations Admiral Sato".
_TITLE_HEADS = frozenset(
    [
        "minister",
        "president",
        "premier",
        "chancellor",
        "secretary",
        "ambassador",
        "general",
        "admiral",
        "chief",
        "governor",
        "king",
        "queen",
        "prince",
        "senator",
        "mayor",
        "commander",
        "director",
        "envoy",
        "spokesperson",
        "spokesman",
        "chairman",
        "chair",
        "speaker",
        "justice",
        "marshal",
        "colonel",
        "emir",
        "sultan",
    ]
)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{0,2}[A-Z]{1,5}|[A-Z]{2,7})s?\)")
_AKA = re.compile(
    r"\((?:also |otherwise |formerly )?(?:known as|called|a\.?k\.?a\.?)\s+(?:the\s+)?([^()]{2,80})\)", re.I
)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][a-z]+)?(?:-[A-Za-zÀ-ÿ]+)*")
_JOINERS = frozenset({"of", "the", "and", "for", "&"})
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z]+(?![\w-])")
_CAP_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")


@dataclass(frozen=True)
class Aliases:
    """What one topic's own sources say about other names for things.

    phrases: token sequence -> one canonical token ("chief of army staff" and "coas" -> "coas");
    titles: unambiguous title token sequence -> the surname of the one person holding it;
    given: a token of a person's full name -> that person's surname ("imran" -> "khan").
    """

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    initial_names: frozenset[str] = frozenset()  # sentence-opening words that are names here


def _parts(words: list[str]) -> list[str]:
    return [p.lower() for w in words for p in w.split("-") if p]


def _acronym_long_form(before: list[str], acro: str) -> list[str] | None:
    """The shortest run of words ending just before "(ACR)" whose initials spell ACR."""
    target = acro.lower()
    for k in range(1, min(len(before), 10) + 1):
        run = before[-k:]
        if run[0].lower() in _JOINERS:
            continue
        content = [w for w in run if w.lower() not in _JOINERS]
        for initials in (
            "".join(p[0] for p in _parts(content)),
            "".join(w[0].lower() for w in content),
            "".join(p[0] for p in _parts(run)),
        ):
            if initials == target:
                return run
    return None


def _capitalised_tail(words: list[str]) -> tuple[list[str], str]:
    """The run of capitalised words (with joiners inside) ending the list, allowing one lowercase head after it."""
    tail = ""
    if words and words[-1][:1].islower() and words[-1].lower() not in _JOINERS:
        tail, words = words[-1].lower(), words[:-1]
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (w.lower() in _JOINERS and run):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in _JOINERS:
        run.pop(0)
    return run, tail


def _learn_phrases(text: str, phrases: dict[tuple[str, ...], str]) -> None:
    for m in _ACRONYM.finditer(text):
        acro = m.group(1)
        before = _WORD.findall(text[max(0, m.start() - 200) : m.start()])
        long_form = _acronym_long_form(before, acro)
        if long_form:
            canon = acro.lower()
            phrases.setdefault(tuple(_parts(long_form)), canon)
            phrases.setdefault((canon,), canon)
    for m in _AKA.finditer(text):
        run, tail = _capitalised_tail(_WORD.findall(text[max(0, m.start() - 200) : m.start()]))
        other = _WORD.findall(m.group(1))
        if other and tail and other[-1].lower() == tail:
            other = other[:-1]
        if run and other:
            canon = "_".join(_parts(other))
            phrases.setdefault(tuple(_parts(run)), canon)
            phrases.setdefault(tuple(_parts(other)), canon)


def _replace_phrases(tokens: list[str], phrases: dict[tuple[str, ...], str]) -> list[str]:
    """Longest-match replacement of known phrases by their canonical token."""
    if not phrases:
        return tokens
    longest = max(len(k) for k in phrases)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            canon = phrases.get(tuple(tokens[i : i + n]))
            if canon is not None:
                out.append(canon)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _title_person(words: list[str]) -> tuple[list[str], list[str]] | None:
    """Split a capitalised run into (title, person name) when it reads "Title Name"."""
    heads = [k for k, w in enumerate(words) if w.lower() in _TITLE_HEADS or w.lower() in _DOTTED_ABBR]
    if not heads:
        return None
    end = heads[-1] + 1
    rest = words[end:]
    if len(rest) >= 4 and rest[0].lower() == "of":  # "Foreign Minister of Chile Ana Ruiz"
        end, rest = end + 2, rest[2:]
    if not 1 <= len(rest) <= 3 or any(w.lower() in _JOINERS or w.isupper() for w in rest):
        return None
    return words[:end], rest


_CAP_RUN = re.compile(r"[A-Z][A-Za-z'’-]*(?:\s+(?:of\s+)?[A-Z][A-Za-z'’-]*)+")


def _learn_titles(texts: list[str], phrases: dict[tuple[str, ...], str]) -> tuple[dict, dict]:
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in _CAP_RUN.finditer(text):
            run = [re.sub(r"['’]s$", "", w) for w in m.group().split()]
            while run and (run[0].lower() in _STOP or run[0].lower() in _MONTHS):
                run.pop(0)
            split = _title_person(run) if len(run) >= 2 and all(w.isalpha() for w in run) else None
            if split is None:
                continue
            title, name = split
            surname = name[-1].lower()
            for g in name[:-1]:
                given[g.lower()].add(surname)
            toks = _replace_phrases(normalise(" ".join(title)).split(), phrases)
            for a in range(len(toks)):
                for b in range(a + 1, len(toks) + 1):
                    key = tuple(toks[a:b])
                    if key[0] in _JOINERS or key[-1] in _JOINERS:
                        continue
                    if len(key) >= 2 or key[0] in phrases.values():
                        holders[key].add(surname)
    titles = {k: next(iter(v)) for k, v in holders.items() if len(v) == 1}
    return titles, {g: next(iter(s)) for g, s in given.items() if len(s) == 1}


def learn_aliases(texts: list[str]) -> Aliases:
    """Other names the topic's own sources give for things: "Chief of Army Staff (COAS)",
    "X (also known as Y)", and titles that name one person ("Prime Minister Ana Ruiz").

    Why: sources of one event name the same person or project differently, and no
    generic word list knows that this topic's CNO is its Admiral Sato.
    """
    phrases: dict[tuple[str, ...], str] = {}
    for text in texts:
        _learn_phrases(text, phrases)
    titles, given = _learn_titles(texts, phrases)
    return Aliases(phrases, titles, given, _initial_names(texts))


def _initial_names(texts: list[str]) -> frozenset[str]:
    """Sentence-opening words that are names in this topic: never written in lower case,
    and either capitalised inside a sentence somewhere or rare in English (wordfreq)."""
    from wordfreq import zipf_frequency

    lower: set[str] = set()
    inner: set[str] = set()
    initial: set[str] = set()
    for text in texts:
        lower.update(_LOWER_WORD.findall(text))
        for m in _CAP_WORD.finditer(text):
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"“‘'(")
            (initial if not before or before[-1] in ".!?:\n" else inner).add(m.group().lower())
    return frozenset(
        w
        for w in initial
        if w not in lower and w not in _STOP and (w in inner or zipf_frequency(w, "en") < 4.5)
    )


def _alias_names(names: frozenset[str], norm: str, aliases: Aliases) -> frozenset[str]:
    """Names as the aliases see them: a title or "FM" is no name, a given name stands for
    its holder's surname, and a phrase with a learned alias counts once, as its canonical token."""
    phrase_words = {w for key in aliases.phrases for w in key}
    caps = {a.lower() for a in _CAPS_ABBR}
    out = set()
    for n in names:
        for part in n.split("-"):
            if part and part not in _TITLE_HEADS and part not in caps and part not in phrase_words:
                out.add(aliases.given.get(part, part))
    canon = set(aliases.phrases.values())
    out |= {t for t in norm.split() if t in canon}
    return frozenset(out)


def apply_aliases(tokens: list[str], aliases: Aliases | None) -> list[str]:
    """Canonical phrases, and the holder's surname after a title that names one person."""
    if aliases is None:
        return tokens
    tokens = _replace_phrases(tokens, aliases.phrases)
    if not aliases.titles:
        return tokens
    present = set(tokens)
    longest = max(len(k) for k in aliases.titles)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            surname = aliases.titles.get(tuple(tokens[i : i + n]))
            if surname is not None:
                out += tokens[i : i + n]
                if surname not in present:
                    out.append(surname)
                    present.add(surname)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


# --------------------------------------------------------------------------- pair decisions


def _name_mismatch(a: Features, b: Features) -> int:
    """Names on one side that the other side does not mention in any spelling we can see."""

    def missing(x: frozenset[str], other: Features) -> int:
        # a whole word, or a word starting with the same 5 letters ("Sergey" meets "Sergei")
        return sum(
            1 for n in x if f" {n} " not in other.padded and (len(n) < 5 or f" {n[:5]}" not in other.padded)
        )

    ma, mb = missing(a.names, b), missing(b.names, a)
    return min(ma, mb)


def quantities_agree(a: Features, b: Features) -> bool:
    """Same fact needs the same figures: each kind (and unit) both sentences mention shares a value.

    A kind only one side mentions is no disagreement (a sentence may add a detail, or a
    starting point: "from 6.25% to 6.75%" vs "to 6.75%"); a kind both mention with no
    common value is ("in 2019" vs "in 2020"). Differing figures about the same thing
    next to a shared one are caught by conflicting_quantities.
    """
    for q in a.quantities:
        same_kind = [r for r in b.quantities if r.kind == q.kind and (q.kind != "number" or r.unit == q.unit)]
        if not same_kind or any(q.same_value(r) for r in same_kind):
            continue
        mine = [x for x in a.quantities if x.kind == q.kind and (q.kind != "number" or x.unit == q.unit)]
        if not any(x.same_value(r) for x in mine for r in same_kind):
            return False
    return not (a.years and b.years and not a.years & b.years)


def containment(a: Features, b: Features) -> float:
    """Share of the shorter sentence's content words that the longer one also has."""
    short, long_ = (a.content, b.content) if len(a.content) <= len(b.content) else (b.content, a.content)
    if len(short) < 4:
        return 0.0
    return len(short & long_) / len(short)


def _can_anchor(q: Quantity) -> bool:
    """Years and bare small numbers are shared by too many unrelated sentences to anchor a fact."""
    return q.kind != "year" and not (q.kind == "number" and (not q.unit or q.value[0] < 3))


def shared_anchor(a: Features, b: Features) -> bool:
    """Both sentences give the same specific figure about the same thing ("first visit in 9 years").

    A shared figure with a shared nearby word is strong evidence of one fact even when
    the rest of the two sentences differ, which plain text similarity cannot see.
    """
    for q in a.quantities:
        if not _can_anchor(q):
            continue  # "two countries", "one side": determiners more than figures
        for r in b.quantities:
            if (
                r.kind == q.kind
                and r.unit == q.unit
                and q.same_value(r)
                and q.relatedness(r) >= RELATED_CONTEXT
            ):
                return True
    return False


def weighted_overlap(a: Features, b: Features, idf: dict[str, float]) -> float:
    """IDF-weighted Dice of content stems: paraphrases share the topic's rare words even
    when their wording (and so their n-gram cosine) differs."""
    wa = sum(idf.get(w, 1.0) for w in a.content)
    wb = sum(idf.get(w, 1.0) for w in b.content)
    shared = sum(idf.get(w, 1.0) for w in a.content & b.content)
    return 2 * shared / (wa + wb) if wa + wb else 0.0


def content_idf(feats: list[Features]) -> dict[str, float]:
    """IDF of content stems over the topic's points (rare stems say most about which fact)."""
    import math

    df: dict[str, int] = defaultdict(int)
    for f in {id(f): f for f in feats}.values():
        for w in f.content:
            df[w] += 1
    n = len(feats)
    return {w: math.log((n + 1) / (d + 1)) + 1 for w, d in df.items()}


def same_fact(
    sim: float, a: Features, b: Features, idf: dict[str, float] | None = None
) -> tuple[bool, float]:
    """Decide one candidate pair; returns (duplicate?, adjusted score)."""
    if sim < min(ANCHOR_MIN_SIM, CONTAIN_MIN_SIM):
        return False, sim  # cheap exit: most candidate pairs are far below every rule
    mismatch = _name_mismatch(a, b)
    score = sim - NAME_PENALTY * mismatch
    if mismatch:
        return False, score  # each side names someone or somewhere the other does not: two facts
    if a.future != b.future:
        return False, score  # "will raise prices" and "raised prices" are two events
    if not quantities_agree(a, b) or conflicting_quantities(a, b) or conflicting_quantities(b, a):
        return False, score
    if score >= DUP_THRESHOLD:
        return True, score
    if containment(a, b) >= CONTAIN_THRESHOLD and score >= CONTAIN_MIN_SIM:
        return True, max(score, DUP_THRESHOLD)
    if score >= ANCHOR_MIN_SIM and shared_anchor(a, b) and _name_mismatch(a, b) == 0:
        return True, max(score, DUP_THRESHOLD)
    if (
        idf is not None
        and score >= OVERLAP_MIN_SIM
        and _name_mismatch(a, b) == 0
        and weighted_overlap(a, b, idf) >= OVERLAP_DICE
    ):
        return True, max(score, DUP_THRESHOLD)
    return False, score


def _nearest_shared(q: Quantity, r: Quantity) -> bool:
    """The word closest to one figure is near the other too: "arrived on" vs "left on" is no conflict."""

    def nearest(x: Quantity) -> set[str]:
        if not x.context:
            return set()
        d = min(x.context.values())
        return {w for w, dist in x.context.items() if dist == d}

    return bool(nearest(q) & r.context.keys() or nearest(r) & q.context.keys())


def conflicting_quantities(a: Features, b: Features) -> list[tuple[Quantity, Quantity]]:
    """Pairs of figures of the same kind, about the same thing (shared nearby words), that differ.

    Years are not conflict values: a different year marks a different fact. A figure
    whose best-matching counterpart has the same value is agreement, not conflict.
    """
    out = []
    if _direction(a.norm) * _direction(b.norm) < 0:
        return out  # one rose, the other fell: two movements, not one figure reported twice
    for q in a.quantities:
        if q.kind == "year" or (
            q.kind != "date" and any(q.same_value(r) for r in b.quantities if r.kind == q.kind)
        ):
            continue  # the other sentence gives this figure too ("up from 14%" on both sides)
        scored = [
            (q.relatedness(r), r)
            for r in b.quantities
            if r.kind == q.kind and (q.kind != "number" or (q.unit and r.unit == q.unit))
        ]
        scored = [(sc, r) for sc, r in scored if sc >= RELATED_CONTEXT and _nearest_shared(q, r)]
        if not scored:
            continue
        best = max(sc for sc, _ in scored)
        if any(q.same_value(r) and sc >= 0.8 * best for sc, r in scored):
            continue
        r = max(scored, key=lambda t: t[0])[1]
        if _planned(q) != _planned(r):
            continue  # a target ("pledged to double trade to $10 billion") is not a reported figure
        if r.kind == "date" or not any(r.same_value(x) for x in a.quantities if x.kind == r.kind):
            out.append((q, r))
    return out


_UP = frozenset(
    [
        "rose",
        "rise",
        "rises",
        "risen",
        "increased",
        "increase",
        "increases",
        "grew",
        "grow",
        "grows",
        "jumped",
        "jump",
        "climbed",
        "gained",
        "up",
        "higher",
        "surged",
        "soared",
    ]
)
_DOWN = frozenset(
    [
        "fell",
        "fall",
        "falls",
        "fallen",
        "dropped",
        "drop",
        "drops",
        "declined",
        "decline",
        "decreased",
        "decrease",
        "down",
        "lower",
        "slumped",
        "plunged",
        "shrank",
    ]
)


def _planned(q: Quantity) -> bool:
    """The figure's own clause speaks of a plan, forecast or target, not of what happened."""
    return _clause_planned(q.sentence, q.display)


@lru_cache(maxsize=65536)
def _clause_planned(sentence: str, display: str) -> bool:
    clause = _clause(sentence, display)
    return bool(_FUTURE.search(clause) or _WISHED.search(clause))


def _direction(norm: str) -> int:
    """+1 if a sentence says only that something went up, -1 only down, else 0."""
    words = set(norm.split())
    up, down = bool(words & _UP), bool(words & _DOWN)
    return int(up) - int(down)


# --------------------------------------------------------------------------- similarity


@dataclass
class _Matrices:
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


def _vectorise(norms: list[str]) -> _Matrices:
    """Word (1-2 gram) and character (4-gram) TF-IDF rows, L2-normalised, for every point."""
    word = _vectoriser(ngram_range=(1, 2), stop_words=list(_STOP))
    char = _vectoriser(analyzer="char_wb", ngram_range=(4, 4))
    w = _fit_rows(word, norms)
    c = _fit_rows(char, norms)
    return _Matrices(w, c, word, char)


def text_similarity(mats: _Matrices, a: list[str], b: list[str]):
    """Combined cosine between texts a[k] and b[k], using the topic's fitted vectorisers."""
    return norm_similarity(mats, [normalise(t) for t in a], [normalise(t) for t in b])


def norm_similarity(mats: _Matrices, na: list[str], nb: list[str]):
    """Combined cosine between already normalised texts na[k] and nb[k]."""
    import numpy as np

    if not na:
        return np.zeros(0, dtype=np.float32)
    ca, cb = mats.char_vec.transform(na), mats.char_vec.transform(nb)
    ch = np.asarray(ca.multiply(cb).sum(axis=1)).ravel()
    wa, wb = mats.word_vec.transform(na), mats.word_vec.transform(nb)
    w = np.asarray(wa.multiply(wb).sum(axis=1)).ravel()
    return 0.5 * w + 0.5 * ch


def candidate_pairs(mats: _Matrices, threshold: float = CANDIDATE_THRESHOLD, chunk: int = 500):
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


def pair_similarity(mats: _Matrices, rows, cols):
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


# --------------------------------------------------------------------------- clustering


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)


def _compatible(uf: _UnionFind, a: int, b: int, feats: list[Features], limit: int = 12) -> bool:
    """Would joining the two clusters put disagreeing figures in one fact? (cannot-link check)."""
    ma = uf.members[uf.find(a)][:limit]
    mb = uf.members[uf.find(b)][:limit]
    return all(quantities_agree(feats[i], feats[j]) for i in ma for j in mb)


def cluster_points(
    feats: list[Features], rows, cols, sims, idf: dict[str, float] | None = None
) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Greedy single-link clustering over accepted pairs, best pairs first, with cannot-links."""
    import numpy as np

    uf = _UnionFind(len(feats))
    scores: dict[tuple[int, int], float] = {}
    order = np.argsort(-sims, kind="stable")
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        ok, score = same_fact(float(sims[k]), feats[i], feats[j], idf)
        if not ok:
            continue
        scores[(i, j)] = score
        if uf.find(i) != uf.find(j) and _compatible(uf, i, j, feats):
            uf.union(i, j)
    groups = sorted((sorted(m) for m in uf.members.values()), key=lambda m: m[0])
    return groups, scores


# --------------------------------------------------------------------------- representative text


def compress(text: str) -> str:
    """Light compression that keeps a faithful subset of the sentence: drop note marks and a leading connective."""
    out = _SUPERSCRIPTS.sub("", text).strip()
    out = re.sub(r"\s+", " ", out)
    stripped = _LEADING_FILLER.sub("", out)
    if stripped != out and stripped[:1].isalpha():
        out = stripped[0].upper() + stripped[1:]
    if out and out[-1] not in _TERMINAL:
        out += "."
    return out


def clarity_score(text: str, feats: Features) -> float:
    """How good a sentence is as the memo's wording of a fact: specific, complete, plain."""
    words = len(text.split())
    score = 0.0
    score += 1.2 * min(len(feats.quantities), 4)
    score += 0.5 * min(len(feats.names), 6)
    score += 1.0 - abs(min(words, 60) - 28) / 28  # full sentences of normal length
    if _FIRST_PERSON.search(text):
        score -= 3
    if "?" in text or "!" in text:
        score -= 2
    if text[:1] in "\"“'‘" or text[:1].islower():
        score -= 2.5  # a quote fragment or a broken-off clause
    if text.count("“") + text.count('"') >= 2 and words < 15:
        score -= 1.5
    if words < 6:
        score -= 3
    if text.rstrip()[-1:] not in _TERMINAL:
        score -= 1
    if _LEADING_FILLER.match(text):
        score -= 0.5
    return score


def choose_representative(members: list[int], points: list[Point], feats: list[Features]) -> int:
    return max(members, key=lambda i: (clarity_score(points[i].text, feats[i]), -i))


# --------------------------------------------------------------------------- conflicts


def source_name(source: Source | None, fallback: str) -> str:
    """How a conflict statement names a source: publisher, else its author, else its title in
    quotes (a bare title, "Explainer: why ...", reads as part of the sentence), else its id."""
    if source is None:
        return fallback
    md = source.metadata
    if md.publisher:
        return md.publisher
    if md.authors:
        return md.authors[0] if len(md.authors) == 1 else f"{md.authors[0]} et al."
    if md.title:
        words = md.title.split()
        return "“" + " ".join(words[:12]) + ("…" if len(words) > 12 else "") + "”"
    return source.id


# A figure "in the current financial year" belongs to the source's own year; "later this
# year" (a plan, not a figure's period) does not qualify.
_CURRENT_PERIOD = re.compile(
    r"\b(in|during|for) (the )?(this|current) (calendar |financial |fiscal )?year\b"
    r"|\bso far this year\b|\byear[- ]to[- ]date\b",
    re.I,
)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LEAD_YEAR = re.compile(
    r"^\W*(?:In|By|During|Since|For|Until|As of|At the end of)\s+(?:\w+\s+)?((?:19|20)\d\d)\b"
)


_CLAUSE_START = re.compile(r"[,;:(–—]\s*|\s[-–—]\s|\bwhich\b|\bwhile\b|\bwhereas\b")
_CLAUSE_END = re.compile(r"[,;:()–—]\s|\s[-–—]\s|\bwhich\b|\bwhile\b|\bwhereas\b")


def figure_clause(q: Quantity) -> str:
    """The clause of its sentence that holds a figure (between commas, brackets, dashes,
    "which"/"while"), or the whole sentence when the figure cannot be found in it."""
    return _clause(q.sentence, q.display)


@lru_cache(maxsize=65536)
def _clause(sentence: str, display: str) -> str:
    pos = sentence.find(display)
    if pos < 0:
        return sentence
    lo = max([0] + [m.end() for m in _CLAUSE_START.finditer(sentence, 0, pos)])
    end = pos + len(display)
    hi = min([m.start() for m in _CLAUSE_END.finditer(sentence, end)] + [len(sentence)])
    return sentence[lo:hi]


def figure_years(q: Quantity) -> set[int]:
    return set(_figure_years(q.sentence, q.display))


@lru_cache(maxsize=65536)
def _figure_years(sentence: str, display: str) -> frozenset[int]:
    """Years said about one figure: in its own clause; else an opening "In 2020," that
    governs the sentence; else the sentence's first (main) clause ("X opened in 2013, the
    first in 8 years"); else a year later in the sentence ("…, was signed in 2001").

    Why not every year of the sentence: "The dam, built in 1968, held 40 million cubic
    metres" says nothing about when it held them (an inserted clause, neither first nor later).
    """
    clause = _clause(sentence, display)
    said = {int(y) for y in _YEAR.findall(clause)}
    if said:
        return frozenset(said)
    lead = _LEAD_YEAR.match(sentence)
    if lead:
        return frozenset({int(lead.group(1))})
    first_end = next((m.start() for m in _CLAUSE_END.finditer(sentence)), len(sentence))
    first = {int(y) for y in _YEAR.findall(sentence[:first_end])}
    if first:
        return frozenset(first)
    end = sentence.find(clause) + len(clause) if clause else len(sentence)
    return frozenset(int(y) for y in _YEAR.findall(sentence[end:]))


def _implied_years(
    point: Point, feat: Features, sources: dict[str, Source], q: Quantity | None = None
) -> set[int] | None:
    """Years a figure (or else the sentence) is about: said next to it; else the source's own
    year when it speaks of "this year" / "the current financial year"; else the source's
    year or the one before."""
    said = figure_years(q) if q is not None else set(feat.years)
    if q is not None and q.kind == "date":
        # A date's own year is its value, not the period it is about: "inspected in March
        # 2024" vs "in March 2023" is the disagreement itself, so it must not rule it out.
        return (said - {q.value[0]}) or None
    if said:
        return said
    src = sources.get(point.source_id)
    if src is not None and src.metadata.date:
        y = src.metadata.date.year
        text = q.sentence if q is not None else point.text
        return {y} if _CURRENT_PERIOD.search(text) else {y, y - 1}
    return None


def _possible_years(point: Point, feat: Features, sources: dict[str, Source]) -> set[int] | None:
    """Every year any figure of the point could be about (None: unknown, so any year)."""
    src = sources.get(point.source_id)
    if src is None or not src.metadata.date:
        return None
    y = src.metadata.date.year
    return set(feat.years) | {y, y - 1}


def _time_compatible(a: set[int] | None, b: set[int] | None) -> bool:
    return a is None or b is None or bool(a & b)


def quantity_pairs(
    feats: list[Features], points: list[Point], by_value: bool, max_bucket: int = 300
) -> list[tuple[int, int]]:
    """Pairs of points of different sources holding a same-kind figure, from an inverted index.

    by_value=False keys on (kind, nearby word): candidates for conflicts;
    by_value=True keys on (kind, value, unit): candidates for shared-figure duplicates.
    """
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if by_value:
            keys = {
                (q.kind, q.value[:1] if q.kind != "date" else q.value[1:], q.unit)
                for q in f.quantities
                if _can_anchor(q)
            }
        else:
            keys = {(q.kind, c) for q in f.quantities if q.kind != "year" for c in q.context}
        for key in keys:
            buckets[key].append(i)
    pairs = set()
    for members in buckets.values():
        if len(members) > max_bucket:
            continue  # a word next to every figure in the topic says nothing about which fact
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if points[i].source_id != points[j].source_id:
                    pairs.add((i, j))
    return sorted(pairs)


@dataclass
class _ConflictEdge:
    a: int
    b: int
    qa: Quantity
    qb: Quantity


def related_enough(sim: float, a: Features, b: Features) -> bool:
    """Two sentences are about the same fact enough for differing figures to be a conflict.

    A name only one side has (Senate vs House, Dakar vs Kigali) means two facts, not one
    fact reported two ways.
    """
    return sim >= RELATED_THRESHOLD and _name_mismatch(a, b) == 0


def find_conflicts(
    feats: list[Features],
    points: list[Point],
    mats: _Matrices,
    sources: dict[str, Source],
    aliases: Aliases | None = None,
) -> list[_ConflictEdge]:
    """Differing figures about the same thing in related points of different sources.

    Relatedness is judged on the two sentences that hold the figures (a point may be a
    whole paragraph), or on the whole points when those are closer.
    """
    import numpy as np

    pairs = quantity_pairs(feats, points, by_value=False)
    span = [_possible_years(p, f, sources) for p, f in zip(points, feats, strict=True)]
    found: list[_ConflictEdge] = []
    for i, j in pairs:
        if not _time_compatible(span[i], span[j]):
            continue  # cheap: no figure of one can share a year with any figure of the other
        for qa, qb in conflicting_quantities(feats[i], feats[j]):
            if _time_compatible(
                _implied_years(points[i], feats[i], sources, qa),
                _implied_years(points[j], feats[j], sources, qb),
            ):
                found.append(_ConflictEdge(i, j, qa, qb))
    if not found:
        return []
    by_sentence: dict[str, Features] = {}
    for e in found:
        for sent in (e.qa.sentence, e.qb.sentence):
            if sent not in by_sentence:
                by_sentence[sent] = features(sent, aliases)
    sent_sims = norm_similarity(
        mats,
        [by_sentence[e.qa.sentence].norm for e in found],
        [by_sentence[e.qb.sentence].norm for e in found],
    )
    point_sims = pair_similarity(
        mats, np.array([e.a for e in found], dtype=np.int64), np.array([e.b for e in found], dtype=np.int64)
    )
    edges = []
    for e, s_sim, p_sim in zip(found, sent_sims, point_sims, strict=True):
        fa, fb = by_sentence[e.qa.sentence], by_sentence[e.qb.sentence]
        if related_enough(max(float(s_sim), float(p_sim)), fa, fb):
            edges.append(e)
    return edges


def _conflict_statement(values: list[tuple[str, list[str]]], names: dict[str, str]) -> str:
    parts = []
    for display, sids in values:
        who = [names[s] for s in sids]
        subject = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
        verb = "reports" if len(who) == 1 else "report"
        parts.append(f"{subject} {verb} {display}")
    return "Sources differ: " + "; ".join(parts) + "."


_KIND = {"amount": "amount", "percent": "percent", "date": "date", "number": "number"}


def _build_conflicts(
    edges: list[_ConflictEdge],
    cluster_of: list[int],
    salience: list[float],
    points: list[Point],
    names: dict[str, str],
) -> dict[int, list[Conflict]]:
    """Group pairwise disagreements into one Conflict per fact, hosted by its most salient cluster."""
    groups: dict[tuple[int, int, str], list[_ConflictEdge]] = defaultdict(list)
    for e in edges:
        ca, cb = cluster_of[e.a], cluster_of[e.b]
        if ca == cb:
            continue
        lo, hi = min(ca, cb), max(ca, cb)
        groups[(lo, hi, e.qa.kind)].append(e)
    # Merge groups sharing a cluster and kind so "A says X, B says Y, C says Z" is one statement.
    uf: dict[tuple[int, str], tuple[int, str]] = {}

    def find(k: tuple[int, str]) -> tuple[int, str]:
        while uf.setdefault(k, k) != k:
            k = uf[k]
        return k

    for lo, hi, kind in groups:
        ra, rb = find((lo, kind)), find((hi, kind))
        if ra != rb:
            uf[rb] = ra
    components: dict[tuple[int, str], list[_ConflictEdge]] = defaultdict(list)
    for (lo, _hi, kind), es in groups.items():
        components[find((lo, kind))].extend(es)
    out: dict[int, list[Conflict]] = defaultdict(list)
    for (_, kind), es in sorted(components.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        clusters = {cluster_of[e.a] for e in es} | {cluster_of[e.b] for e in es}
        host = max(sorted(clusters), key=lambda c: salience[c])
        by_value: dict[str, list[tuple[str, str, Quantity]]] = {}
        mentions = [(e.a, e.qa) for e in es] + [(e.b, e.qb) for e in es]
        mentions.sort(key=lambda m: (cluster_of[m[0]] != host, m[0]))
        for idx, q in mentions:
            key = next((k for k, v in by_value.items() if v[0][2].same_value(q)), None)
            entry = (points[idx].source_id, points[idx].text, q)
            if key is None:
                by_value[q.display] = [entry]
            elif all(e[0] != entry[0] for e in by_value[key]):
                by_value[key].append(entry)
        if len(by_value) < 2:
            continue
        statement = _conflict_statement([(d, [e[0] for e in v]) for d, v in by_value.items()], names)
        values = [
            ConflictValue(source_id=e[0], value=d, excerpt=e[1]) for d, v in by_value.items() for e in v
        ]
        out[host].append(Conflict(kind=_KIND[kind], statement=statement, values=values))  # type: ignore[arg-type]
    return out


# --------------------------------------------------------------------------- public entry


@dataclass
class MergeResult:
    merged: list[MergedPoint]
    clusters: list[Cluster]
    stats: dict[str, float] = field(default_factory=dict)


def _section_vote(members: list[int], points: list[Point]) -> SectionKey:
    votes: dict[str, float] = defaultdict(float)
    for i in members:
        votes[points[i].section] += points[i].confidence or 0.1
    order = {"what_happened": 0, "background": 1, "what_it_means": 2}
    return max(votes, key=lambda s: (votes[s], -order.get(s, 3)))  # type: ignore[return-value]


def _excerpt(text: str, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _via(source: Source | None, start: int, end: int) -> list[str]:
    if source is None:
        return []
    labels = []
    for ref in source.references_in(start, end):
        label = ref.label or _excerpt(ref.text, 60)
        if label not in labels:
            labels.append(label)
    return labels


def _scored_candidates(mats: _Matrices, feats: list[Features], points: list[Point]):
    """Candidate pairs with their similarity, dropping those no rule could accept.

    Lexical candidates need the containment rule's similarity at least; pairs sharing
    a figure (from the quantity index) only the anchor rule's.
    """
    import numpy as np

    rows, cols = candidate_pairs(mats)
    sims = pair_similarity(mats, rows, cols)
    keep = sims >= min(CONTAIN_MIN_SIM, DUP_THRESHOLD)
    rows, cols, sims = rows[keep], cols[keep], sims[keep]
    extra = quantity_pairs(feats, points, by_value=True)
    if extra:
        er = np.array([p[0] for p in extra], dtype=np.int64)
        ec = np.array([p[1] for p in extra], dtype=np.int64)
        es = pair_similarity(mats, er, ec)
        ok = es >= ANCHOR_MIN_SIM
        rows = np.concatenate([rows, er[ok]])
        cols = np.concatenate([cols, ec[ok]])
        sims = np.concatenate([sims, es[ok]])
        both, idx = np.unique(np.stack([rows, cols], 1), axis=0, return_index=True)
        rows, cols, sims = both[:, 0], both[:, 1], sims[idx]
    return rows, cols, sims


def merge_points(points: list[Point], sources: list[Source]) -> MergeResult:
    """Points from all sources -> merged facts (each citing every source stating it) and conflicts."""
    import numpy as np

    by_id = {s.id: s for s in sources}
    source_rank = {s.id: k for k, s in enumerate(sources)}
    points = sorted(points, key=lambda p: (source_rank.get(p.source_id, len(sources)), p.order, p.start))
    if not points:
        return MergeResult([], [])
    cache: dict[str, Features] = {}
    aliases = learn_aliases([s.text for s in sources])
    feats = [
        cache[p.text] if p.text in cache else cache.setdefault(p.text, features(p.text, aliases))
        for p in points
    ]
    mats = _vectorise([f.norm for f in feats])
    rows, cols, sims = _scored_candidates(mats, feats, points)
    groups, scores = cluster_points(feats, rows, cols, sims, content_idf(feats))
    cluster_of = [0] * len(points)
    for c, members in enumerate(groups):
        for i in members:
            cluster_of[i] = c
    salience = [len({points[i].source_id for i in m}) + 0.01 * len(m) for m in groups]
    names = {s.id: source_name(s, s.id) for s in sources}
    for p in points:
        names.setdefault(p.source_id, p.source_id)
    conflicts = _build_conflicts(
        find_conflicts(feats, points, mats, by_id, aliases), cluster_of, salience, points, names
    )

    point_at = {(p.source_id, p.text): k for k, p in enumerate(points)}
    merged: list[MergedPoint] = []
    clusters: list[Cluster] = []
    for c, members in enumerate(groups):
        rep = choose_representative(members, points, feats)
        text = compress(points[rep].text)
        section = _section_vote(members, points)
        member_scores = {i: (1.0 if i == rep else _pair_score(scores, i, rep, mats)) for i in members}
        citations = _citations(members, rep, member_scores, points, by_id)
        cluster_conflicts = conflicts.get(c, [])
        cited = {ct.source_id for ct in citations}
        for conflict in cluster_conflicts:
            for v in conflict.values:
                k = point_at.get((v.source_id, v.excerpt))
                if v.source_id not in cited and k is not None:
                    cited.add(v.source_id)
                    citations.append(_citation(points[k], by_id.get(v.source_id), 0.0))
        pid = f"p{c + 1:04d}"
        merged.append(
            MergedPoint(
                id=pid,
                text=text,
                section=section,
                citations=citations,
                conflicts=cluster_conflicts,
                confidence=float(np.mean([points[i].confidence for i in members])),
            )
        )
        clusters.append(
            Cluster(
                id=pid,
                section=section,
                chosen=text,
                members=[
                    ClusterMember(points[i].source_id, _excerpt(points[i].text), round(member_scores[i], 3))
                    for i in members
                ],
                conflicts=cluster_conflicts,
            )
        )
    stats = {"points": len(points), "candidate_pairs": len(rows), "clusters": len(groups)}
    return MergeResult(merged, clusters, stats)


def _pair_score(scores: dict[tuple[int, int], float], i: int, rep: int, mats: _Matrices) -> float:
    key = (min(i, rep), max(i, rep))
    if key in scores:
        return float(scores[key])
    import numpy as np

    return float(pair_similarity(mats, np.array([key[0]]), np.array([key[1]]))[0])


def _citations(
    members: list[int],
    rep: int,
    member_scores: dict[int, float],
    points: list[Point],
    by_id: dict[str, Source],
) -> list[Citation]:
    """One citation per source (its best-matching passage), the chosen sentence's source first."""
    best: dict[str, int] = {}
    for i in members:
        sid = points[i].source_id
        if sid not in best or member_scores[i] > member_scores[best[sid]]:
            best[sid] = i
    ordered = sorted(best.values(), key=lambda i: (i != rep, members.index(i)))
    return [_citation(points[i], by_id.get(points[i].source_id), member_scores[i]) for i in ordered]


def _citation(p: Point, source: Source | None, score: float) -> Citation:
    """A citation whose excerpt is exactly the cited span of the source (checkable by offsets)."""
    exact = source.text[p.start : p.end] if source is not None else ""
    return Citation(
        source_id=p.source_id,
        excerpt=exact or p.text,
        start=p.start,
        end=p.end,
        score=round(score, 3),
        via=_via(source, p.start, p.end),
    )


def judge_pairs(pairs: list[tuple[str, str]]) -> list[tuple[bool, bool]]:
    """For sentence pairs: (same fact?, conflicting figures?) with the merger's own rules.

    Used by the pair-set evaluation (benchmarks/bench_merge.py, tests): IDF is fitted on
    the pair sentences themselves, as the merger fits it on one topic's points.
    """
    import numpy as np

    texts = [t for pair in pairs for t in pair]
    aliases = learn_aliases(texts)
    feats = [features(t, aliases) for t in texts]
    idf = content_idf(feats)
    mats = _vectorise([f.norm for f in feats])
    rows = np.arange(0, len(texts), 2, dtype=np.int64)
    sims = pair_similarity(mats, rows, rows + 1)
    out = []
    for k, sim in zip(rows, sims, strict=True):
        a, b = feats[k], feats[k + 1]
        dup, _ = same_fact(float(sim), a, b, idf)
        edges = conflicting_quantities(a, b) + [(y, x) for x, y in conflicting_quantities(b, a)]
        timed = [
            (x, y) for x, y in edges if _time_compatible(figure_years(x) or None, figure_years(y) or None)
        ]
        conflict = bool(not dup and related_enough(float(sim), a, b) and timed)
        out.append((dup, conflict))
    return out
