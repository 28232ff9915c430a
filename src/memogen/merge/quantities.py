"""Figures and dates in a sentence: amounts, percentages, counts with their unit, dates, years,
and the years a figure is about (its clause, else the sentence, else the source's own date)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Point, Source
from .lexicon import (
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    DOWN,
    FRACTIONS,
    FUTURE,
    GENERIC,
    MONTHS,
    NO_SPLIT_AFTER,
    NOT_UNITS,
    ORDINALS,
    PREPOSITIONS,
    SCALE_ABBR,
    SCALES,
    SENTENCE_END,
    SENTENCE_SPLIT,
    STOP,
    TELLING,
    TENS,
    TOKEN,
    UNIT_SPELLINGS,
    UNITS,
    UP,
    WISHED,
    stem,
)

if TYPE_CHECKING:
    from .features import Features


@dataclass(slots=True)
class Quantity:
    """One figure or date in a sentence, normalised so that "nine years" == "9 years"."""

    kind: str  # amount / percent / date / year / number
    value: tuple  # comparable value; (low, high) for numbers, (year|None, month, day|None) for dates
    display: str  # the words as the source wrote them
    unit: str = ""  # for plain numbers: the noun they count ("year", "dose")
    context: dict[str, int] = field(default_factory=dict)  # content stem -> distance in words
    sentence: str = ""  # the sentence holding the figure (points may hold several sentences)
    span_from: tuple | None = None  # a date ending a span of days ("22-24 August"): the span's first day
    opens_span: bool = False  # the first day of such a span
    ordinal: bool = False  # a rank said as an ordinal ("the eighth coup"): a count up to the present
    # a count joined to its noun as one modifier ("the 300-seat parliament", "a 12-member panel"): the
    # size of the thing it describes, not a count someone holds ("a majority of 170 seats")
    sized: bool = False
    # the noun a bare figure counts, as written, when the sentence leaves it out after a count of its own
    # ("40 countries have expressed interest, and 22 have applied": "countries"); see _elided_units
    elided: str = ""

    def relatedness(self, other: Quantity) -> float:
        """How surely two figures measure the same thing: shared nearby words, nearest weigh most."""
        return sum(
            closeness(d) * closeness(other.context[s]) for s, d in self.context.items() if s in other.context
        )

    def same_value(self, other: Quantity) -> bool:
        """Equal within rounding ("almost 350" vs "350"), dates equal where both say a part."""
        if self.kind != other.kind:
            return False
        if self.kind in ("date", "year"):
            return dates_agree(self.value, other.value)
        lo1, hi1 = self.value
        lo2, hi2 = other.value
        tol = rounding_tolerance(hi1, hi2)  # (lenient: "$209 billion" may restate "$212 billion"'s fact)
        return lo1 - tol <= hi2 and lo2 - tol <= hi1


def dates_agree(a: tuple, b: tuple) -> bool:
    """(year, month, day) values equal wherever both say a part ("August 22" is "22 August 2023")."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def rounding_tolerance(a: float, b: float, scale_a: float = 1.0, scale_b: float = 1.0) -> float:
    """How far apart two figures may be and still be one figure: 1.5 % when either is a round
    figure ("almost 350" for 347, "$3.5 billion"), nothing when both are exact (854 vs 855, 6.8 vs 6.9,
    "$209 billion" vs "$212 billion"). `scale_*`: the scale word each figure was stated with (see
    stated_scale), whose zeros are no rounding."""
    if _exact_stated(a, scale_a) and _exact_stated(b, scale_b):
        return 1e-9 * max(abs(a), abs(b), 1.0)
    return 0.015 * max(abs(a), abs(b), 1e-9)


def _exact_stated(v: float, scale: float) -> bool:
    """Exact as stated: "$209 billion" is stated to the billion (its zeros are the scale's); "$5
    billion", "$350 million" and "$3.5 billion" are round figures; "$3.45 billion" is exact."""
    if scale == 1.0:
        return _exact(v)
    m = round(v / scale, 6)
    if m != int(m):
        return round(m, 1) != m
    return abs(m) >= 10 and int(m) % 10 != 0


_SCALE_WORD = re.compile(r"(?<=[\d\s$€£])(" + "|".join(sorted(SCALES)) + r"|bn|mn|tn)\b", re.I)


@lru_cache(maxsize=8192)
def stated_scale(display: str) -> float:
    """The scale word a figure is stated with ("$209 billion": 1e9; "12,000": 1)."""
    m = _SCALE_WORD.search(display)
    if not m:
        return 1.0
    word = m.group(1).lower()
    return SCALES.get(word) or SCALE_ABBR[word]


def _exact(v: float) -> bool:
    """An exact count (854), or a figure stated to a decimal (6.8, 2.45 %): its last digit is meant.
    A figure converted from another unit (200 miles = 321.87 km) carries no such precision."""
    if v != int(v):
        return round(v, 2) == v
    return abs(v) < 10 or int(v) % 10 != 0


def closeness(distance: int) -> float:
    return 1.0 / (1.0 + distance / 6.0)


def _word_number(words: list[str]) -> float | None:
    """Value of a run of number words ("a hundred and fifty-thousand" -> 150000)."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        elif w in ("a", "and"):
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


_NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)
_FRACTION_LEADS = frozenset(("a", "one", "two", "three", "four"))


@lru_cache(maxsize=1 << 16)
def number_word_parts(tok: str) -> tuple[str, ...] | None:
    """("forty", "five") for "forty-five"; None when a part is no number word. Cached per token:
    a topic's sentences repeat the same few thousand words."""
    parts = tok.lower().split("-")
    if all(p in _NUMBER_WORDS for p in parts):
        return tuple(parts)
    return None


@lru_cache(maxsize=1 << 16)
def may_start_quantity(tok: str) -> bool:
    """Whether a figure, date or share can start at this token: a digit, a capitalised month,
    a number or fraction word, a currency sign. Every other token is skipped at once, which
    spares the readers below for ~95 % of tokens."""
    low = tok.lower()
    return (
        tok[:1].isdigit()
        or (tok[:1].isupper() and low in MONTHS)
        or low in _MONTH_ABBREVIATIONS
        or low in _FRACTION_LEADS
        or low in ORDINALS
        or low.split("-")[-1] in FRACTIONS
        or number_word_parts(tok) is not None
        or bool(CURRENCY_PREFIX.match(tok.replace("\\", "").replace(" ", "")))
    )


# compiled once: read for every figure and date of a topic
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)$")
_YEAR_TOKEN = re.compile(r"(19|20)\d\d")
_LONG_DIGITS = re.compile(r"\d{3,}")


def parse_digits(tok: str) -> float | None:
    tok = _ORDINAL_SUFFIX.sub("", tok).replace(",", "")
    try:
        return float(tok)
    except ValueError:
        return None


def tokenize(text: str) -> list[tuple[str, int, int]]:
    return [(m[0], *m.span()) for m in TOKEN.finditer(text)]  # one span call: ~30 % cheaper per point


def _context(toks: list[tuple[str, int, int]], lo: int, hi: int, window: int = 16) -> dict[str, int]:
    """Lowercase content words near a figure, with their distance in words.

    They say what the figure measures ("arrived", "trade"). Capitalised words are left
    out on purpose: names are shared by every sentence of a topic, so they cannot tell
    "arrived on" from "concluded on". Distance lets the nearest word count most.
    The words are the figure's own clause's: leftward they stop where a teller's words end
    ("a filing cited by CNBC noting that customers took out $42 billion") and at another
    figure's clause ("its stock plummeted 60 percent and clients pulled out $40 billion").
    """
    out: dict[str, int] = {}
    for leftward, rng in ((True, range(lo - 1, -1, -1)), (False, range(hi, len(toks)))):
        dist = 0
        seen: list[tuple[str, int]] = []
        joined = -1  # how many words were seen before the last joiner ("and", "while") of this side
        for k in rng:
            w = toks[k][0]
            if w in SENTENCE_END or (leftward and _tells(toks, k)):
                break
            if w.lower() in _JOINERS:
                joined = len(seen)
            elif joined >= 0 and _starts_figure(w):
                # "42% of the population and 23% of GDP": between the joiner and another figure, the
                # words are that figure's; before both (leftward) is their common subject -- unless
                # this figure has words of its own after the joiner ("60 percent and clients pulled
                # out $40 billion"): then the joiner opened its clause
                own = joined > 0
                seen = seen[:joined]
                joined = -1
                if not leftward or own:
                    break
            if not (w[:1].isalnum()):
                continue
            dist += 1
            if dist > window:
                break
            if not (w[:1].islower() or k == 0 or toks[k - 1][0] in SENTENCE_END):
                continue
            content = _context_stem(w)
            if content is not None:
                seen.append((content, dist))
        for s, dist in seen:
            out[s] = min(dist, out.get(s, dist))
    return out


def _tells(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Token k ends a teller's words, seen from a figure after it: "according" (to X), or a telling
    word before "that" ("noting that customers took out ...")."""
    low = toks[k][0].lower()
    if low == "according":
        return True
    return low in TELLING and k + 1 < len(toks) and toks[k + 1][0].lower() == "that"


@lru_cache(maxsize=1 << 15)
def _context_stem(word: str) -> str | None:
    """The stem a word gives a figure's context, or None for no content word (a stop word, a month, a
    number word, not a word): decided by the word alone, so kept per word (a topic repeats its words)."""
    lw = word.lower()
    if not lw.replace("-", "").isalpha():
        return None
    if lw in STOP or lw in GENERIC or lw in TELLING or lw in MONTHS or has_number_word(lw):
        return None
    return stem(lw)


# Words that join two figures' phrases ("75 seats while the PPP grabbed 54"): each side is one figure's.
# (Not a comma: "On 12 June, the president arrived" keeps "arrived" for the date.)
_JOINERS = frozenset([";", "and", "while", "whereas", "but", "or", "followed"])


def _starts_figure(word: str) -> bool:
    """A figure's first word: digits, "six", "a quarter" (not a "three-day" visit: a modifier)."""
    low = word.lower()
    return word[:1].isdigit() or ("-" not in low and (has_number_word(low) or low in FRACTIONS))


def context_of(sentence: str, display: str) -> dict[str, int]:
    """The nearby words of a phrase found in a sentence (see _context); empty when it is not there."""
    pos = sentence.find(display)
    if pos < 0:
        return {}
    toks = tokenize(sentence)
    inside = [k for k, (_, a, b) in enumerate(toks) if a < pos + len(display) and b > pos]
    return _context(toks, inside[0], inside[-1] + 1) if inside else {}


def has_number_word(word: str) -> bool:
    return any(p in _NUMBER_WORDS for p in word.split("-"))


def read_number(toks: list[tuple[str, int, int]], i: int) -> tuple[float, float, int] | None:
    """Number (or range "750-800") at token i -> (low, high, next index)."""
    if i >= len(toks):
        return None
    tok = toks[i][0]
    if tok[:1].isdigit():
        lo = parse_digits(tok)
        if lo is None:
            return None
        j = i + 1
        if j + 1 < len(toks) and toks[j][0] in ("-", "–", "to") and toks[j + 1][0][:1].isdigit():
            hi = parse_digits(toks[j + 1][0])
            if hi is not None and hi >= lo:
                return lo, hi, j + 2
        return lo, lo, j
    words: list[str] = []
    j = i
    while j < len(toks):
        parts = number_word_parts(toks[j][0])
        if parts:
            words += parts
        elif (
            toks[j][0].lower() in ("a", "and")
            and words
            and j + 1 < len(toks)
            and number_word_parts(toks[j + 1][0])
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
        if w in SCALES and w != "hundred":
            return SCALES[w], j + 1
        if w in SCALE_ABBR:
            return SCALE_ABBR[w], j + 1
    return 1.0, j


_SPAN_JOINS = frozenset(["-", "–", "to", "until", "till", "through"])


def _day_number(tok: str, after: int = 0) -> int | None:
    day = parse_digits(tok) if tok[:1].isdigit() and not _LONG_DIGITS.fullmatch(tok) else None
    return int(day) if day is not None and day == int(day) and after < day <= 31 else None


def _day_span_at(
    toks: list[tuple[str, int, int]], i: int, date: tuple[tuple, int] | None
) -> tuple[tuple, tuple, int] | None:
    """ "22-24 August [2023]", "22 to 24 August", "August 22-24[, 2023]": a span of days, said with its
    month once -> (first day, last day, next index); `date` is the date read at i, if any. Read as a
    count ("22 to 24" of a unit "August") it would compare with nothing; read as one date it would
    hide a disagreement on its end."""
    n = len(toks)
    if date is None:  # "22-24 August": a day, a joiner, then a date
        if i + 2 >= n or toks[i + 1][0] not in _SPAN_JOINS or not toks[i + 2][0][:1].isdigit():
            return None
        first, end = _day_number(toks[i][0]), _date_at(toks, i + 2)
        if first is None or end is None or not end[0][2] or end[0][2] <= first:
            return None
        (year, month, _), j = end
        return (year, month, first), end[0], j
    (year, month, day), j = date  # "August 22-24": a date with no year, a joiner, a day
    if (
        not toks[i][0][:1].isalpha()
        or year is not None
        or not day
        or j + 1 >= n
        or toks[j][0] not in _SPAN_JOINS
    ):
        return None
    last = _day_number(toks[j + 1][0], after=day)
    if last is None:
        return None
    k = j + 2
    if k + 1 < n and toks[k][0] == "," and _YEAR_TOKEN.fullmatch(toks[k + 1][0]):
        year, k = int(toks[k + 1][0]), k + 2
    elif k < n and _YEAR_TOKEN.fullmatch(toks[k][0]):
        year, k = int(toks[k][0]), k + 1
    return (year, month, day), (year, month, last), k


def _date_at(toks: list[tuple[str, int, int]], i: int) -> tuple[tuple, int] | None:
    """ "7 April [2021]", "April 6, 2021", "April 2018" starting at token i."""
    tok = toks[i][0]
    n = len(toks)
    if tok[:1].isdigit() and i + 1 < n:
        day = parse_digits(tok)
        month = MONTHS.get(toks[i + 1][0].lower()) if toks[i + 1][0][:1].isupper() else None
        if month and day and 1 <= day <= 31 and day == int(day):
            j = i + 2
            year = None
            if j < n and _YEAR_TOKEN.fullmatch(toks[j][0]):
                year, j = int(toks[j][0]), j + 1
            elif j + 1 < n and toks[j][0] == "," and _YEAR_TOKEN.fullmatch(toks[j + 1][0]):
                year, j = int(toks[j + 1][0]), j + 2
            return (year, month, int(day)), j
    if _abbreviated_month(toks, i):
        i += 1  # "Sept. 5", "Mar. 10" (news style), or "mar. 10" as some pages lower-case it
    elif not (tok[:1].isupper() and tok.lower() in MONTHS):
        return None
    if i + 1 < n:
        month = MONTHS[tok.lower()]
        nxt = toks[i + 1][0]
        if _YEAR_TOKEN.fullmatch(nxt):
            return (int(nxt), month, None), i + 2
        day = parse_digits(nxt) if nxt[:1].isdigit() else None
        if day and 1 <= day <= 31 and day == int(day) and not _LONG_DIGITS.fullmatch(nxt):
            j = i + 2
            year = None
            if j + 1 < n and toks[j][0] == "," and _YEAR_TOKEN.fullmatch(toks[j + 1][0]):
                year, j = int(toks[j + 1][0]), j + 2
            elif j < n and _YEAR_TOKEN.fullmatch(toks[j][0]):
                year, j = int(toks[j][0]), j + 1
            return (year, month, int(day)), j
    return None


_MONTH_ABBREVIATIONS = frozenset(m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july"))


def _abbreviated_month(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A month's abbreviation, its full stop and a day: "Sept. 5", "mar. 10"."""
    return (
        toks[i][0].lower() in _MONTH_ABBREVIATIONS
        and i + 2 < len(toks)
        and toks[i + 1][0] == "."
        and toks[i + 2][0][:1].isdigit()
    )


def _is_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


def _plural_head(toks: list[tuple[str, int, int]], j: int, limit: int = 5) -> int:
    """Where the counted noun is when modifiers come first: the first plural among the lower-case
    words after a figure ("854 national and provincial assembly constituencies"); j when the first
    word is the noun or no plural follows (then the first word stands for the unit). A participle
    after the first word ends the search, unless an adverb leads it ("266 directly elected seats")."""
    if _is_plural(toks[j][0]):
        return j
    k = j + 1
    while k < len(toks) and k <= j + limit:
        w = toks[k][0]
        if w in ("and", "or") and k + 1 < len(toks) and toks[k + 1][0].isalpha() and toks[k + 1][0].islower():
            k += 1
            continue
        participle = w.endswith(("ed", "ing")) and not toks[k - 1][0].endswith("ly")  # "directly elected"
        if not (w.isalpha() and w.islower()) or w in NOT_UNITS or participle:
            return j
        if _is_plural(w):
            return k
        k += 1
    return j


def _rate_point(toks: list[tuple[str, int, int]], j: int) -> tuple[str, int] | None:
    """("bp", k) for "50 basis points", ("pp", k) for "0.5 percentage point(s)", k the index of
    "point(s)"; else None. Why: a rate's change is told in either, 100 basis points to the
    percentage point, and both end in "points": read as one unit, "50 basis points" and "0.5
    percentage points" were two different figures of one cut."""
    kind = {"basis": "bp", "percentage": "pp"}.get(toks[j][0].lower())
    if kind and j + 1 < len(toks) and toks[j + 1][0].lower() in ("point", "points"):
        return kind, j + 1
    return None


def _fraction_at(toks: list[tuple[str, int, int]], i: int) -> tuple[float, int] | None:
    """ "a quarter of", "two-thirds of", "half of": a share said in words -> (percent, next index).

    Only before "of": "half an hour" or "the second half" is no share.
    """
    n = len(toks)
    words = toks[i][0].lower().split("-")
    j = i + 1
    if len(words) == 1 and words[0] in ("a", "one", "two", "three", "four") and j < n:
        words.append(toks[j][0].lower())
        j += 1
    if not words or words[-1] not in FRACTIONS or j >= n or toks[j][0].lower() != "of":
        return None
    count = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}.get(words[0], 1 if len(words) == 1 else None)
    if count is None or (words[-1] == "half" and count != 1):
        return None
    return count * FRACTIONS[words[-1]], j


_DIGIT_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
_VERB_FORM = re.compile(r"(?:ed|ing)$")
_ORDINAL_ENDS = frozenset(["st", "nd", "rd", "th"])


def _ordinal_at(toks: list[tuple[str, int, int]], i: int) -> tuple[float, str, int] | None:
    """ "the eighth military coup": an ordinal word and the noun it counts (the last of up to three
    lower-case words after it) -> (count, unit, next index). "The ninth coup" and "the eighth coup"
    are two counts of coups; read as no figure, the two reports would merge as one fact."""
    tok = toks[i][0]
    digits = _DIGIT_ORDINAL.fullmatch(tok) if tok[:1].isdigit() and tok[-2:] in _ORDINAL_ENDS else None
    value = float(digits.group(1)) if digits else ORDINALS.get(toks[i][0].lower())
    if value is None:
        return None
    # a name between the ordinal and its noun is the series' scope: "the fifteenth BRICS summit", "the
    # 24th Meeting of the Council": the noun is what is counted, however capitalised (not after a
    # capitalised ordinal word, itself a name's: "the Third Way")
    names = digits is not None or toks[i][0].islower()
    k = i + 1
    while k < len(toks) and k <= i + 3:
        w = toks[k][0]
        low = w.lower()
        if not w.isalpha() or low in STOP or low in PREPOSITIONS or low in NOT_UNITS or low in MONTHS:
            break
        if not (w.islower() or names) or (k > i + 1 and _VERB_FORM.search(low)):
            break  # "the 15th BRICS Summit opened": the noun ends before the verb
        k += 1
    if k == i + 1:
        return None
    unit = stem(toks[k - 1][0].lower())
    return value, UNIT_SPELLINGS.get(unit, unit), k


def _hyphenated_noun(toks: list[tuple[str, int, int]], j: int) -> bool:
    """'7-magnitude': a hyphen joined to the figure before it and to a lower-case word after it."""
    return (
        j + 1 < len(toks)
        and toks[j][1] == toks[j - 1][2]
        and toks[j + 1][1] == toks[j][2]
        and toks[j + 1][0].isalpha()
        and toks[j + 1][0].islower()
    )


def _measure_before(toks: list[tuple[str, int, int]], start: int, after: str) -> bool:
    """'a magnitude of 6.9 occurred': the noun before 'of' names what the figure measures (the claim
    reads it from there), so the verb after it is no unit; a noun after the figure is ('a total of
    300 people', 'a depth of 18 km')."""
    if start < 2 or toks[start - 1][0].lower() != "of":
        return False
    noun = toks[start - 2][0]
    if not (noun.isalpha() and noun.islower()) or noun in NOT_UNITS or noun in STOP or noun in SCALES:
        return False
    word = after.lower()
    return word.isalpha() and word not in STOP and word.endswith("ed")


def _clock_part(text: str, start: int, end: int) -> bool:
    """The digits are the hour or the minutes of a clock time ("9:24", "21:05")."""
    after = text[end : end + 2]
    before = text[max(start - 2, 0) : start]
    return (after[:1] == ":" and after[1:].isdigit()) or (before[1:] == ":" and before[:1].isdigit())


def says_figure(text: str, figure: str) -> bool:
    """The text gives the figure as written, as a whole ("54 seats" is not in "154 seats")."""
    return re.search(rf"(?<![\w.,]){re.escape(figure)}(?!\w)", text) is not None


def extract_quantities(text: str, toks: list[tuple[str, int, int]] | None = None) -> list[Quantity]:
    """Every amount, percentage, date, year and counted number in a sentence."""
    toks = toks if toks is not None else tokenize(text)
    out: list[Quantity] = []
    may = [may_start_quantity(t) for t, _, _ in toks]  # in one pass: most sentences have no figure
    if True not in may:
        return out
    i = may.index(True)
    n = len(toks)
    while i < n:
        tok = toks[i][0]
        if not may[i]:
            i += 1
            continue
        date = _date_at(toks, i)
        span = _day_span_at(toks, i, date)
        if span:
            first, last, j = span
            display = text[toks[i][1] : toks[j - 1][2]].rstrip(",")
            for value, since in ((first, None), (last, first)):
                out.append(
                    Quantity(
                        "date",
                        value,
                        display,
                        context=_context(toks, i, j),
                        sentence=str(toks[i][1]),
                        span_from=since,
                        opens_span=since is None,
                    )
                )
            i = j
            continue
        if date:
            value, j = date
            display = text[toks[i][1] : toks[j - 1][2]].rstrip(",")
            out.append(
                Quantity("date", value, display, context=_context(toks, i, j), sentence=str(toks[i][1]))
            )
            i = j
            continue
        if tok[:1].isdigit() and toks[i][1] > 0 and text[toks[i][1] - 1].isalpha():
            i += 1  # part of a name ("COP28", "G20"), not a figure
            continue
        if tok[:1].isdigit() and _clock_part(text, toks[i][1], toks[i][2]):
            i += 1  # an hour or its minutes ("9:24 p.m."): a time of day, not an amount
            continue
        share = _fraction_at(toks, i)
        if share:
            value, j = share
            display = text[toks[i][1] : toks[j - 1][2]]
            span = (value - 2.0, value + 2.0)  # "a quarter" is a rounded share: 23-27% agree with it
            out.append(
                Quantity("percent", span, display, context=_context(toks, i, j), sentence=str(toks[i][1]))
            )
            i = j
            continue
        ordinal = _ordinal_at(toks, i)
        if ordinal:
            value, unit, j = ordinal
            display = text[toks[i][1] : toks[j - 1][2]]
            out.append(
                Quantity(
                    "number",
                    (value, value),
                    display,
                    unit,
                    _context(toks, i, j),
                    sentence=str(toks[i][1]),
                    ordinal=True,
                )
            )
            i = j
            continue
        currency = bool(CURRENCY_PREFIX.match(tok.replace("\\", "").replace(" ", "")))
        start = i + 1 if currency else i
        if currency and start < n and toks[start][0] == "$":  # "US $10"
            start += 1
        num = read_number(toks, start)
        if num is None:
            i += 1
            continue
        lo, hi, j = num
        sized = False
        scale, j = _read_scale(toks, j)
        after = toks[j][0].lower() if j < n else ""
        if after in CURRENCY_WORDS:
            currency, j = True, j + 1
        is_year = (
            not currency and scale == 1.0 and lo == hi and _YEAR_TOKEN.fullmatch(toks[start][0]) is not None
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
            measure = _measure_before(toks, start, unit_tok)
            rate_point = None
            if "-" in toks[start][0] and not number_word_parts(last):  # "two-day"
                unit_tok, sized = last, True
            elif unit_tok == "-" and _hyphenated_noun(toks, j):  # "a 7-magnitude earthquake"
                j += 1
                unit_tok, sized = toks[j][0], True
            elif measure:  # "a magnitude of 6.9 occurred": a bare figure, never "6.9 occurred"
                unit_tok = ""
            elif unit_tok.isalpha() and unit_tok.lower() not in NOT_UNITS:
                rate_point = _rate_point(toks, j)
                head = (
                    rate_point[1] if rate_point else _plural_head(toks, j)
                )  # "854 national ... constituencies"
                if head > j:
                    unit_tok, j = toks[head][0], head
            unit = stem(unit_tok) if unit_tok.isalpha() and unit_tok.lower() not in NOT_UNITS else ""
            unit = UNIT_SPELLINGS.get(unit, unit)  # "metres" / "meters": one unit
            if rate_point:
                unit = rate_point[0]
            if (
                unit
                and unit_tok.lower() not in SCALES
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
                sized=sized,
            )
        )
        i = max(j, i + 1)
    out = _percent_ranges(text, out)
    out = _fold_durations(text, out)
    _elided_units(text, out)
    _attach_sentences(text, out)
    return out


_RANGE_JOIN = re.compile(r"\s*(?:[-–]|to)\s*$|\s+and\s+$")
_RANGE_LEAD = re.compile(r"\b(?:between|range\s+of|range\s+between)\s+$", re.I)


def _percent_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "a range of 4.75% to 5%", "4.75%-5%", "between 4.75 percent and 5 percent": one range, as
    "4.75 to 5%" already is. Why: read as two figures, the range's first bound (4.75 percent) was set
    against another page's "4.75 to 5%" as a disagreement. A change ("from 5.5% to 5%") is no range:
    the two joined rise, and "to" joins only after "range of" or "between"."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is None or prev.kind != "percent" or q.kind != "percent" or prev.value[1] >= q.value[0]:
            out.append(q)
            continue
        start, at = int(prev.sentence), int(q.sentence)
        end = start + len(prev.display)
        between, lead = text[end:at], text[max(0, start - 20) : start]
        dash = between.strip() in ("-", "–")
        if not _RANGE_JOIN.fullmatch(between) or not (dash or _RANGE_LEAD.search(lead)):
            out.append(q)
            continue
        if between.strip() == "and" and not re.search(r"\bbetween\s+$", lead, re.I):
            out.append(q)
            continue
        opening = re.search(r"\bbetween\s+$", lead, re.I)  # "between 4.75 percent and 5 percent"
        start -= len(opening.group(0)) if opening else 0
        out[-1] = dataclasses.replace(
            prev,
            value=(prev.value[0], q.value[1]),
            display=text[start : at + len(q.display)],
            sentence=str(start),
        )
    return out


# what may stand between a count and a bare figure that counts the same noun: ", and", ", up from"
_LIST_TAIL = re.compile(r"(?:,|\band\b|\bwhile\b|\bbut\b)\s*(?:[a-z]+\s+){0,2}$")


def _elided_units(text: str, found: list[Quantity]) -> None:
    """A bare figure counts the noun of the count just before it when the sentence leaves it out: "40
    countries have expressed interest, and 22 have applied" (22 countries), "won 75 seats, up from 64".
    Read as a bare number, "22" would be no figure of the fact "22 countries have applied"."""
    for k in range(1, len(found)):
        q, prev = found[k], found[k - 1]
        if (
            q.kind != "number"
            or q.unit
            or q.ordinal
            or prev.kind != "number"
            or not prev.unit
            or prev.ordinal
        ):
            continue
        tail = text[int(prev.sentence) + len(prev.display) : int(q.sentence)]
        if (
            len(tail) <= 80
            and not any(ch.isdigit() or ch in ".!?" for ch in tail)
            and _LIST_TAIL.search(tail)
        ):
            found[k] = dataclasses.replace(q, unit=prev.unit, elided=prev.display.rsplit(" ", 1)[-1].lower())


_DURATION_PARTS = {("hour", "minut"): 60.0, ("minut", "second"): 60.0}


def _fold_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """'1 hour and 33 minutes' is one duration of 93 minutes: read apart, its minutes would be set
    against another report's '45 minutes' of 'one hour and forty-five minutes'."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        per = _DURATION_PARTS.get((prev.unit, q.unit)) if prev and prev.kind == q.kind == "number" else None
        if prev is not None and per is not None:
            a_end = int(prev.sentence) + len(prev.display)
            if text[a_end : int(q.sentence)].strip(" ,") in ("", "and"):
                total = (prev.value[0] * per + q.value[0], prev.value[1] * per + q.value[1])
                context = {k: min(d, q.context.get(k, d)) for k, d in prev.context.items()} | {
                    k: d for k, d in q.context.items() if k not in prev.context
                }
                display = text[int(prev.sentence) : int(q.sentence) + len(q.display)]
                out[-1] = dataclasses.replace(
                    q, value=total, display=display, context=context, sentence=prev.sentence
                )
                continue
        out.append(q)
    return out


def _sentence_starts(text: str) -> list[int]:
    """Offsets where a new sentence starts (a cheap split, then abbreviations put back)."""
    return [
        m.end()
        for m in SENTENCE_SPLIT.finditer(text)
        if not NO_SPLIT_AFTER.search(text[max(0, m.start() - 6) : m.start()])
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


CURRENT_PERIOD = re.compile(
    r"\b(in|during|for) (the )?(this|current) (calendar |financial |fiscal )?year\b"
    r"|\bso far this year\b|\byear[- ]to[- ]date\b",
    re.I,
)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SINCE = re.compile(r"\b(?:since|after|before|until)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
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


def own_clause(q: Quantity) -> str:
    """A figure's clause without what leads into it from outside: a teller's words ("a filing cited
    by CNBC noting that | customers took out $42 billion") and another figure's clause joined by
    "and" ("its stock plummeted 60 percent and | clients pulled out $40 billion"). The words left
    say what the figure measures."""
    return _own_clause(q.sentence, q.display)


@lru_cache(maxsize=65536)
def _own_clause(sentence: str, display: str) -> str:
    clause = _clause(sentence, display)
    pos = clause.find(display)
    if pos < 0:
        return clause
    toks = tokenize(clause[:pos])
    cut = 0
    for k, (w, _, end) in enumerate(toks):
        if _tells(toks, k):
            cut = toks[k + 1][2] if k + 1 < len(toks) else end  # after "that"
        elif w.lower() in _JOINERS and any(_starts_figure(t[0]) for t in toks[:k]):
            cut = end
    return clause[cut:]


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
    # "the deadliest since 1998" measures from a year; it does not date the figure
    return frozenset(
        int(m.group()) for m in _YEAR.finditer(sentence, end) if not _SINCE.search(sentence, 0, m.start())
    )


def implied_years(
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
        return {y} if CURRENT_PERIOD.search(text) else {y, y - 1}
    return None


def possible_years(point: Point, feat: Features, sources: dict[str, Source]) -> set[int] | None:
    """Every year any figure of the point could be about (None: unknown, so any year)."""
    src = sources.get(point.source_id)
    if src is None or not src.metadata.date:
        return None
    y = src.metadata.date.year
    return set(feat.years) | {y, y - 1}


def time_compatible(a: set[int] | None, b: set[int] | None) -> bool:
    return a is None or b is None or bool(a & b)


def planned(q: Quantity) -> bool:
    """The figure's own clause speaks of a plan, forecast or target, not of what happened."""
    return _clause_planned(q.sentence, q.display)


@lru_cache(maxsize=65536)
def _clause_planned(sentence: str, display: str) -> bool:
    clause = _clause(sentence, display)
    return bool(FUTURE.search(clause) or WISHED.search(clause))


@lru_cache(maxsize=8192)  # asked of both sides of every candidate pair: a point meets many
def direction(norm: str) -> int:
    """+1 if a sentence says only that something went up, -1 only down, else 0."""
    words = set(norm.split())
    up, down = bool(words & UP), bool(words & DOWN)
    return int(up) - int(down)
