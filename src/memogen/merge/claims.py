"""Claims: each figure read as what is measured, whose, when, and in which unit.

Why: two figures disagree only when they measure the same thing of the same entity at the
same time. Sentences of one topic share most of their words, so similarity alone sets a
week's death toll against one day's, a party's seats against another's, or a pledge in
pounds against a fund's total in dollars. A claim therefore carries:

- entity: whose figure it is, the nearest name in the figure's own segment of the sentence
  (segments end at commas, semicolons, "while", "which", ...), with "X and Y ... A and B,
  respectively" read in order; names after "in"/"at"/"across" are places, not owners;
- measure: the unit (km and miles converted, currencies kept as stated) and the words
  nearest the figure ("killed", "pledged", "seats");
- time: a day or a year the figure's own clause names ("on 21 July alone", "in 2020"), the
  report date (a lead "As per reports on 22 July," or the source's date), and whether it
  is a previous value ("from 30% to 5%");
- bound: "at least", "more than", "over" make the figure a lower bound.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Point, Source
from ..wordlists import HONORIFICS, PERSON_TITLE_HEADS
from .aliases import Aliases
from .lexicon import (
    CASUALTY_WORDS,
    CURRENCY_PREFIX,
    DURATION_STEMS,
    FALLING_CASUALTIES,
    FIRM_HEADS,
    JOINERS,
    MEASURE_BASIS,
    MONTHS,
    ORGANISATION_HEADS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    SELF_REFERENCE,
    STOP,
    UNIT_CONVERSIONS,
    UNIT_SPELLINGS,
    WEEKDAYS,
    WORLD_WHOLES,
    stem,
)
from .quantities import (
    CURRENT_PERIOD,
    Quantity,
    extract_quantities,
    figure_clause,
    figure_years,
    planned,
    rounding_tolerance,
    split_sentences,
    stated_scale,
)

MEASURED_UNITS = frozenset(unit for unit, _ in UNIT_CONVERSIONS.values())  # measured, not counted
_CURRENCIES = (
    (re.compile(r"US\s?\$|USD|\$|dollars?", re.I), "usd"),
    (re.compile(r"£|GBP|pounds?", re.I), "gbp"),
    (re.compile(r"€|EUR|euros?", re.I), "eur"),
    (re.compile(r"\bRs\.?|PKR|INR|rupees?", re.I), "rupee"),
    (re.compile(r"¥|RMB|yuan", re.I), "cny"),
    (re.compile(r"roubles?|rubles?", re.I), "rub"),
)
_LOWER_BOUND = re.compile(r"(?:at least|more than|over|above|upwards of|in excess of)\s*$", re.I)
_APPROX = re.compile(
    r"(?:about|around|approximately|roughly|nearly|almost|some|close to|up to|as many as)\s*$", re.I
)
_APPROX_SAID = re.compile(r"(?:about|around|approximately|roughly|nearly|almost|some|close to)\b", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
# ... or a date that opens a span of months: "raised rates from March 2022 to July 2023" (the span's
# start is no date of the event, nor a disagreement with "the first cut since March 2020")
_TO_DATE = re.compile(
    r"^\s*(?:to|until|till|through|[-–])\s+(?:\d|(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b)",
    re.I,
)
# a value that held before the change the sentence reports: "Interest rates had been at 5.25% to 5.5%"
_HAD_BEEN = re.compile(r"\bhad\s+(?:been|stood)\b[^,;:]{0,30}$", re.I)
# ... "to" and the figure it changed to ("from 30% to 5%", "from 1,037 people on Monday to 2,946"); not
# "Leaders from 67 countries were invited to the summit" (a place of origin, and "to" of the verb)
_TO_FIGURE = re.compile(
    r"^.{0,40}?\bto\s+(?:(?:about|around|nearly|almost|over|more than|at least|some|roughly)\s+)?[$€£₹\d]",
    re.I | re.S,
)
# A segment of a sentence: where one figure's owner is said.
_SEGMENT_BREAK = re.compile(
    r"[;:—–]|,\s|\s-\s|\band\b(?=\s+(?:the\s+)?(?-i:[A-Z]))|\b(?:while|whereas|but|although|though|which|who|whom|where|when|after|before|"
    r"during|because|since|followed by|as well as|compared with|compared to|against|versus|vs)\b",
    re.I,
)
_NAME_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ’'\-]*|\(|\)|\S")
_POSSESSIVE = re.compile(r"[’'](s)?$")  # compiled once: read for every capitalised word of a topic
_WORD_PARTS = re.compile(r"[-’']")
_NAME_JOINERS = JOINERS | {"e"}  # "Tehreek-e-Insaf", "Istehkam e Pakistan"
# names after these are where a figure was measured (or on what scale), not whose it is: "the 6.8
# magnitude earthquake near Ouka", "a 6.8 magnitude earthquake on the Richter scale"
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "across", "into", "within", "throughout", "inside", "from", "near", "outside", "on"]
)
_DATELINE = re.compile(r"\W*(?:[A-Z][A-Z.'’ -]+,?\s*)?")
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z]{2,}\)|--|—|:)")
# a sum, then in brackets the same sum in the reader's currency: "3 billion Swiss francs (US$3.23 billion)",
# "€50m (£43m)". Outlets convert at their own rates into their own currencies (two outlets' "$"
# may be US and Australian dollars), so a conversion is never set against another source's figure;
# the sum as stated is.
_CONVERTED_FROM = re.compile(
    r"\d[\d.,]*\s*(?:thousand|million|billion|trillion|bn|mn|m|k)?(?:\s+[A-Za-z][\w.]*){0,3}\s*\(\s*$",
    re.IGNORECASE,
)
_BRACKET_CLOSES = re.compile(r"\s*\)")
# "the death toll rose to 23", "the number of people killed reached 23": a bare figure whose
# subject says what it counts.
_TOLL_SUBJECT = re.compile(r"\b(?:death|casualty|fatality)\s+tolls?\b|\btolls?\b", re.I)
_RUNNING_TOTAL = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|increased|grew|reached|reaching|hit|stood|stands|passed|"
    r"(?:(?:revised|raised|lowered|updated|put)\s+(?:(?:the|its|their)\s+)?(?:[A-Za-z]+\s+){0,3}?(?:toll|tally|count|figure)))"
    r"(?:\s+(?:to|at))?(?:\s+(?:at least|more than|over|about|around|nearly|almost|some))?\s*$",
    re.I,
)
# A report that says its counts are not complete yet: its figures are of a count still running
# ("results received so far show", "preliminary results"), said in its lede or the figure's sentence
_PARTIAL_COUNT = re.compile(
    r"\b(?:so far|preliminary|provisional|partial|incomplete|unofficial|yet to be (?:announced|declared|counted))\b",
    re.I,
)
LEDE_CHARS = 600
# What is still outstanding changes by the hour: two such counts of one day are two moments.
_PENDING = re.compile(r"\b(?:still|yet to|pending|remaining|remain|outstanding|awaited|missing)\b", re.I)
# How far a count has got ("with 90 percent of the votes counted", "97.5 percent of polling stations
# reporting", "totals from over 90% of stations as of 9 p.m."): a moment of a running
# count, which every report gives at its own hour, never a disagreement
_SHARE_COUNTED = re.compile(
    r"^\s+of\s+(?:[\w'’,.-]+\s+){0,5}?(?:counted|reporting|tallied|processed)\b", re.I
)
_COUNTING_BEFORE = re.compile(r"\b(?:counted|reporting|tallied|processed|counting)\b[^,.;:]{0,40}$", re.I)
_AS_OF = re.compile(r"^[^,;:]{0,40}?\bas of\b", re.I)


def _count_progress(q: Quantity, before: str, after: str) -> bool:
    """The share says how much of a count is in, not what the count found."""
    if q.kind != "percent":
        return False
    return bool(_SHARE_COUNTED.match(after) or (_COUNTING_BEFORE.search(before) and _AS_OF.match(after)))


# "which has a population of around 90,000": the figure counts people
_POPULATION_OF = re.compile(
    r"\bpopulation(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2})?"
    r"(?:\s+(?:of|is|was|stands|stood|estimated|put|at|to|be|been|numbers|numbered|totals|"
    r"about|around|some|roughly|nearly|almost|over|more|than|approximately|an|a|est\.?)){0,5}\s*$",
    re.I,
)  # "a population of about 90,000", "population is estimated at 90,000", "(population 90,000)",
# "the population of Verna is estimated at 90,000"
# "Verna, a port city of 100,000", "Verna, home to 90,000": a place's headcount, its noun left out
_PLACE_OF = re.compile(
    r"\b(?:(?:a|an|the)\s+(?:[a-z]+\s+){0,2}(?:city|town|village|port|country|nation|island|district|region|"
    r"province|municipality|capital|community)\s+of|home\s+to)\s+(?:about|around|some|roughly|nearly|almost|"
    r"over|more than|approximately)?\s*$",
    re.I,
)
# "claimed the lives of 2,901 people", "cost the lives of": a count of the dead ("lives" alone is no
# sign: 90,000 people "live" in a city, and a project "changed the lives of" thousands)
_LIVES_TAKEN = re.compile(
    r"\b(?:claim(?:ed|ing|s)?|took|tak(?:en|ing|es)|cost(?:ing|s)?|lost|losing|end(?:ed|ing|s)?)\s+"
    r"(?:the\s+)?lives\s+of\s+(?:at least|more than|over|about|around|nearly|almost|some)?\s*$",
    re.I,
)
_NUMBER_OF = re.compile(r"\b(?:number|count|tally|total)\s+of\s+([a-z]+)", re.I)
# "with a magnitude of 6.9", "at a depth of 10": the noun before "of" is what a bare figure measures
_MEASURE_OF = re.compile(r"\b(?:a|an|the)\s+([a-z]{4,})\s+of\s*(?:about|around|some|nearly|over)?\s*$")
# "the (preliminary) magnitude of the earthquake was 6.8", "its depth of focus stood at 18": what a bare
# figure measures when the clause names it before the verb
_MEASURE_WAS = re.compile(
    r"\b(?:a|an|the|its)\s+(?:[a-z]+\s+)?([a-z]{4,})\s+of\s+(?:[a-z]+\s+){0,3}?"
    r"(?:was|is|stood at|stands at|reached|came to)\s*(?:about|around|some|nearly|roughly)?\s*$",
    re.I,
)
# "As per media reports on 22 July 2024, ...": the lead dates a report (not "On 12 June, he arrived")
# "As per media reports on 22 July 2024,", "According to the latest report published by the Ministry of
# the Interior (September 12 at 1:00 pm),": who reported, and when
_REPORTING_LEAD = re.compile(r"^\W*(?:As (?:per|of|at)|According to)\b[^,;]{0,120}?,", re.I)
_DAY_LEAD = re.compile(r"^\W*(?:By|On)\b[^,]{0,60}?,", re.I)  # "On 12 September, ..." dates a report too


@dataclass(frozen=True, slots=True)
class Entity:
    """A name in several spellings: the words, their initials, the acronyms it carries; and the
    common nouns the topic's sources call it by ("the city" for Derna)."""

    text: str
    keys: frozenset[str]
    nouns: frozenset[str] = frozenset()
    bare: str = ""  # the name without its generic head ("labour" for "Labour Party"), see ORGANISATION_HEADS

    def same_as(self, other: Entity) -> bool:
        """One name in two spellings; or an organisation's name and the same name without its generic
        head ("the Labour Party" / "Labour"): not two names that share only that bare part ("the
        Democratic Party" / "the Democratic Alliance")."""
        return bool(self.keys & other.keys) or self.bare in other.keys or other.bare in self.keys


@dataclass(slots=True)
class Claim:
    """One figure of one point, read for comparison with other sources' figures."""

    point: int  # index of the point holding it
    source_id: str
    quantity: Quantity
    value: tuple[float, float] | tuple  # converted value: (low, high), or the date tuple
    unit: str  # "seats", "km", "usd", "percent", "date"
    entity: Entity | None
    display: str  # as the source wrote it, with "at least"/"about" kept
    lower_bound: bool = False
    day: dt.date | None = None  # the single day the figure's clause is about ("on 21 July alone")
    reported: dt.date | None = None  # when the figure was reported
    previous: bool = False  # the starting value of a change ("from 30% to 5%")
    planned: bool = False  # a target, plan or forecast, not a reported figure
    weekday: bool = False  # a day read from "on Sunday": a witness for a date, never a stated value
    pending: bool = False  # a count of what is still outstanding ("results of 15 seats are yet to come")
    years: frozenset[int] = field(default_factory=frozenset)  # years the figure can be about
    dated: bool = False  # its own clause names its year: a figure of a period, not a running count
    span_start: tuple | None = None  # a date ending a span ("from 30 November to 12 December"): its start
    growing: bool = False  # its clause says it moved to this figure ("the count rose to 23", "reached 75")
    provisional: bool = False  # its report says the count was not complete ("results received so far")
    basis: frozenset[str] = frozenset()  # what it is measured on: "ppp", "per capita" (MEASURE_BASIS)
    whole: str = ""  # the world's whole a share is of: "population", "output" (WORLD_WHOLES); "" for none

    @property
    def kind(self) -> str:
        return self.quantity.kind

    @property
    def headcount(self) -> bool:
        """A place's population ("a city of 100,000", "90,000 people live there")."""
        return self.unit.endswith(" " + HEADCOUNT)

    @property
    def is_duration(self) -> bool:
        return self.unit in DURATION_STEMS

    @property
    def casualty(self) -> str:
        """ "killed", "injured", ... for a count of people whose words say which; else ""."""
        last = self.unit.rsplit(" ", 1)[-1]
        return last if last in CASUALTY_WORDS else ""

    @property
    def may_fall(self) -> bool:
        """A count of people that can fall as the event goes on (the missing, the displaced): its
        later reports may give less, and its highest figure is not its latest."""
        return self.casualty in FALLING_CASUALTIES

    @property
    def accrues(self) -> bool:
        """A count that grows while the event goes on, so that later reports give more: the event's
        dead (injured, displaced, arrested, ...), a figure its clause says rose to its value, or one
        its report says is not complete yet (results "so far", "preliminary"). A
        fixed fact (a summit's attendance, a parliament's seats, a city's people) does not grow: two
        reports of it giving two values disagree, whatever their dates."""
        if self.kind not in ("number", "amount") or self.headcount:
            return False
        return bool(self.casualty) or self.growing or self.provisional

    def same_reading(self, other: Claim) -> bool:
        """The same figure within rounding, in the claim's converted unit ("200 miles" is not "200 km")."""
        if self.kind == "date" or self.unit != other.unit:
            return self.quantity.same_value(other.quantity)
        lo1, hi1 = self.value
        lo2, hi2 = other.value
        tol = self._tolerance(other)
        return lo1 - tol <= hi2 and lo2 - tol <= hi1

    @property
    def approximate(self) -> bool:
        """Said as a round figure ("about $209 billion", "nearly 3,000")."""
        return _APPROX_SAID.match(self.display) is not None

    def agrees_with(self, other: Claim) -> bool:
        """Same value within rounding; a lower bound ("more than 100") agrees with anything above it."""
        if self.kind == "date":
            return self.quantity.same_value(other.quantity)
        lo1, hi1 = self.value
        lo2, hi2 = other.value
        tol = self._tolerance(other)
        if lo1 - tol <= hi2 and lo2 - tol <= hi1:
            return True
        return (self.lower_bound and hi2 >= lo1) or (other.lower_bound and hi1 >= lo2)

    def _tolerance(self, other: Claim) -> float:
        """Rounding of the two figures; for one measure stated in two units ("1.2 miles" / "2 km"),
        also the precision each source stated its figure to: a conversion is never exact."""
        q, r = self.quantity, other.quantity
        tol = rounding_tolerance(
            self.value[1], other.value[1], stated_scale(q.display), stated_scale(r.display)
        )
        if _APPROX_SAID.match(self.display) or _APPROX_SAID.match(other.display):
            tol = max(tol, rounding_tolerance(self.value[1], other.value[1]))  # "about $175 billion": round
        if self.kind == "percent":
            # a share given to fewer decimals is the other one rounded ("33%" of "33.49 percent")
            tol = max(tol, _half_last_digit(self), _half_last_digit(other))
        if (
            self.kind != "number"
            or self.unit not in MEASURED_UNITS
            or self.quantity.unit == other.quantity.unit
        ):
            return tol
        # a source converting rounds to two or three significant figures ("110 mph" -> "180 km/h")
        converted = CONVERSION_ROUNDING * max(abs(self.value[1]), abs(other.value[1]))
        return max(tol, converted, _half_last_digit(self) + _half_last_digit(other))


CONVERSION_ROUNDING = 0.04  # share by which a figure converted from another unit may be rounded


def _half_last_digit(c: Claim) -> float:
    """Half a unit of the last digit the source stated, in the claim's unit ("1.2 miles": 0.05 miles,
    about 0.08 km; "2 km": 0.5 km)."""
    stated = c.quantity.value[1]
    if not stated:
        return 0.0
    digits = f"{abs(stated):.6f}".rstrip("0").rstrip(".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0**-decimals * abs(c.value[1] / stated)


def read_claims(
    points: list[Point],
    sources: dict[str, Source],
    aliases: Aliases | None = None,
    quantities: list[list[Quantity]] | None = None,
) -> list[Claim]:
    """Every comparable figure (not bare years) of every point, read as a claim (`quantities`: each
    point's figures when already read)."""
    out: list[Claim] = []
    initial = aliases.initial_names if aliases is not None else frozenset()
    kinds = aliases.kinds if aliases is not None else {}
    partial_lede: dict[str, bool] = {}  # per source: its lede is read once, not once per point
    for k, p in enumerate(points):
        last: Claim | None = None  # the point's previous claim: a bracketed figure after it may restate it
        src = sources.get(p.source_id)
        source_date = src.metadata.date if src is not None else None
        if p.source_id not in partial_lede:
            partial_lede[p.source_id] = src is not None and bool(_PARTIAL_COUNT.search(src.text[:LEDE_CHARS]))
        partial = partial_lede[p.source_id]
        for q in quantities[k] if quantities is not None else extract_quantities(p.text):
            if q.kind == "year":
                continue
            claim = read_claim(k, p.source_id, q, source_date, initial)
            if claim is not None and last is not None and restates(last, claim):
                continue
            last = claim or last
            if claim is not None:
                claim.provisional = partial or bool(_PARTIAL_COUNT.search(q.sentence))
                if claim.accrues and claim.reported == source_date and src is not None:
                    claim.reported = (
                        _cited_report_date(src.text, p, q.sentence, source_date) or claim.reported
                    )
                if claim.entity is not None and claim.entity.text.lower() in kinds:
                    claim.entity = replace(claim.entity, nouns=kinds[claim.entity.text.lower()])
                out.append(claim)
    return out


CONVERSION_TOLERANCE = 0.1  # "75 kilometers (44 miles)": 44 miles is 70.8 km; sources convert loosely
_BRACKET_BETWEEN = re.compile(
    r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|almost|~)?\s*", re.I
)


def restates(first: Claim, second: Claim) -> bool:
    """`second` is `first` told in another unit, in brackets right after it ("75 kilometers (44
    miles)", "$10 billion (£8bn)"): one figure, not a claim of its own.

    Why: read as two claims, each unit's figure was set against other sources' figures apart, and
    one sentence gave two disagreements about one distance. Same measure: two currencies (no rate to
    check), or two units converting to one base whose values agree within loose rounding."""
    a, b = first.quantity, second.quantity
    if a.sentence != b.sentence or a.kind != b.kind or a.kind not in ("number", "amount"):
        return False
    at = a.sentence.find(a.display)
    gap = _BRACKET_BETWEEN.match(a.sentence, at + len(a.display)) if at >= 0 else None
    if gap is None or not a.sentence.startswith(b.display, gap.end()):
        return False
    if a.kind == "amount":
        currencies = {c.unit for c in (first, second)}
        return len(currencies) == 2 and currencies <= {code for _, code in _CURRENCIES}
    if first.unit != second.unit or a.unit == b.unit or first.unit not in MEASURED_UNITS:
        return False
    x, y = first.value[1], second.value[1]
    return abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))


def assume_event_years(claims: list[Claim], event: tuple[dt.date, dt.date] | None) -> None:
    """A figure of an undated source that says no year of its own is of the event's time.

    Why: its years were unknown, so it compared with a figure of any year: "In 2004, Morocco
    experienced an earthquake with a magnitude of 6.3" was set against an undated page's "the
    magnitude 6.8 quake" as a disagreement. A dated source's figures already take its own year
    (or the one before); an undated one's, the event's."""
    for c in claims:
        # a one-day figure stays of one day, its year known or not (it compares with no other day)
        c.day = _known_year(c.day, event) or c.day
        c.reported = _known_year(c.reported, event)
    if event is None:
        return
    years = frozenset({event[1].year, event[1].year - 1})
    for c in claims:
        if c.kind != "date" and not c.years:
            c.years = years


def _known_year(day: dt.date | None, event: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """A day told without its year (year 1 stands in, see `_clause_day`) takes the event's year when
    the event falls within one year; else it is of no known year, and no statement may print it
    ("143 (22 March 1)") or order it before the dated reports: None."""
    if day is None or day.year != STAND_IN_YEAR:
        return day
    if event is None or event[0].year != event[1].year:
        return None
    try:
        return day.replace(year=event[0].year)
    except ValueError:  # 29 February
        return None


def topic_entity(points: list[Point], aliases: Aliases | None = None, lead: int = 8) -> Entity | None:
    """The name the topic is about: named in the opening points of more sources than any other name,
    and of at least half of them. A figure that names no owner in a topic about BRICS is BRICS's.
    Names of places count only when no other name qualifies: a flood's topic is the city it struck
    ("killed 5,300 people in Vardo" / "at least 5,300 people are dead": one toll)."""
    initial = aliases.initial_names if aliases is not None else frozenset()
    spans = [(p.source_id, n) for p in points if p.order < lead for n in _name_spans(p.text, initial)]
    return _most_named([(s, n) for s, n in spans if not n.place], points) or _most_named(spans, points)


def _most_named(spans: list[tuple[str, _Name]], points: list[Point]) -> Entity | None:
    keys_by_source: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, set[str]] = defaultdict(set)  # key -> the keys one name gives with it
    for source_id, n in spans:
        keys_by_source[source_id] |= n.entity.keys
        for key in n.entity.keys:
            spellings[key] |= n.entity.keys
    shown: dict[str, int] = defaultdict(int)
    for keys in keys_by_source.values():
        for key in keys:
            shown[key] += 1
    ranked = sorted(shown.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    sources = len({p.source_id for p in points})
    if not ranked or ranked[0][1] * 2 < sources:
        return None
    best, count = ranked[0]
    if any(n == count and key not in spellings[best] for key, n in ranked[1:]):
        return None  # two names as common: no one subject
    return Entity(best, frozenset(spellings[best]))


def read_claim(
    point: int,
    source_id: str,
    q: Quantity,
    source_date: dt.date | None,
    initial_names: frozenset[str] = frozenset(),
) -> Claim | None:
    sentence = q.sentence
    pos = sentence.find(q.display)
    before = sentence[:pos] if pos >= 0 else ""
    after = sentence[pos + len(q.display) :] if pos >= 0 else ""
    if q.kind == "date" and (_DATELINE.fullmatch(before) or _DATELINE_AFTER.match(after)):
        return None  # "ISLAMABAD, Feb 12 :" dates the report, it is no claim
    if q.kind == "amount" and _CONVERTED_FROM.search(before) and _BRACKET_CLOSES.match(after):
        return None  # "100 billion Swiss francs ($108 billion)": the writer's conversion, no claim of its own
    lead = _REPORTING_LEAD.match(sentence)
    if q.kind == "date" and lead and pos < lead.end():
        return None  # "As per media reports on 22 July 2024, ..." dates the report too
    value, unit, implied = _value_and_unit(q, before, after)
    if value is None:
        return None
    running = bool(_RUNNING_TOTAL.search(before))  # "rose to 23 on Monday": Monday dates the total
    day = _clause_day(q, source_date, running)
    after_lead = lead is not None and lead.end() <= pos
    reported_on = _report_date(sentence, source_date) if after_lead else source_date
    return Claim(
        point=point,
        source_id=source_id,
        quantity=q,
        value=value,
        unit=unit,
        # an ordinal ranks what the sentence reports (the topic's event) in a series: the names
        # beside it ("Gabon's", "in West and Central Africa") are its subject or the series' scope
        entity=figure_entity(sentence, q, initial_names) if q.kind != "date" and not q.ordinal else None,
        display=(
            f"magnitude {q.display.split()[0]}"  # "a magnitude 6.8 earthquake": not "6.8 earthquake"
            if unit == _MAGNITUDE and _SCALE_BEFORE.search(before)
            else f"{_display(q, before, '' if implied else after)} {implied}".strip()
        ),
        lower_bound=bool(_LOWER_BOUND.search(before)),
        day=None if running else day,
        reported=day if running and day else _report_date(sentence, source_date),
        # the start of a change or of a span of days: "from 30% to 5%", "from 22 to 24 August"
        previous=q.opens_span
        or (bool(_FROM_BEFORE.search(before)) and bool(_TO_FIGURE.match(after)))
        or (q.kind == "date" and bool(_FROM_BEFORE.search(before)) and bool(_TO_DATE.match(after)))
        or bool(_HAD_BEEN.search(before)),
        planned=planned(q),
        # the people still missing are a casualty count, not results still to come
        pending=(bool(_PENDING.search(figure_clause(q))) and unit.rsplit(" ", 1)[-1] not in CASUALTY_WORDS)
        or _count_progress(q, before, after),
        # "the eighth coup since 2020" is counted now: its year is its report's, not the series' start
        years=_claim_years(q, reported_on) if not q.ordinal else _report_years(reported_on),
        dated=bool(figure_years(q)) and not after_lead,
        span_start=(q.span_from or span_start(before, q.value)) if q.kind == "date" else None,
        growing=running,
        basis=_figure_basis(sentence, pos, q.display) if q.kind != "date" else frozenset(),
        whole=world_whole(after) if q.kind == "percent" else "",
    )


_SPAN_OPENING = re.compile(
    r"\b(?:from|between)\s+([^,;()]{3,30}?)\s*(?:to|until|till|through|and|[–-])\s*$", re.I
)


def span_start(before: str, end: tuple) -> tuple | None:
    """The start of the span the date `end` closes: "from November 30 to" -> (None, 11, 30), "from 22
    to" (24 August) -> (year, 8, 22); None when the date closes no span. Two spans that start on one
    day and end on two are one span told two ways."""
    m = _SPAN_OPENING.search(before)
    if not m:
        return None
    said = m.group(1).strip(" ,")
    if said.isdigit() and 1 <= int(said) < (end[2] or 0):
        return (end[0], end[1], int(said))  # "22 to 24 August": the month is said once
    dates = [d for d in extract_quantities(said) if d.kind == "date"]
    return dates[0].value if len(dates) == 1 and dates[0].display == said else None


def _value_and_unit(q: Quantity, before: str, after: str) -> tuple[tuple | None, str, str]:
    """The value in the claim's unit, the unit, and the counted noun when the sentence says it only
    before the figure ("40 countries ..., and 22 have applied": "countries")."""
    if q.kind == "date":
        return q.value, "date", ""
    if q.kind == "percent":
        return q.value, "percent", ""
    lo, hi = q.value
    if q.kind == "amount":
        currency = next((code for rx, code in _CURRENCIES if rx.search(q.display)), "")
        if currency:
            return (lo, hi), currency, ""
        noun = re.match(r"\s*([A-Za-z]+)", after)
        word = noun.group(1).lower() if noun else ""
        if word in PERSON_NOUNS:  # "22 million people": a count of people, read as one ("home to ...")
            return (lo, hi), f"people{casualty(q, word, '', _subject(before))}", word
        return (lo, hi), word, ""
    if _ON_A_SCALE.match(after) or _SCALE_BEFORE.search(before):
        return (lo, hi), _MAGNITUDE, ""  # "7 degrees on the Richter scale", "a magnitude 6.8 earthquake"
    if not (q.unit and q.display[-1:].isalpha()) and _PART_OF_THEM.match(after):
        return None, "", ""  # "1,204 injured, 721 of whom are in serious condition": a part, no count
    subject = "" if q.unit else _subject(before)
    said = bool(q.unit) and q.display[-1:].isalpha()  # a unit read from before it ("and 22 have") is not said
    unit_word = q.display.rsplit(" ", 1)[-1].lower() if said else "" if q.unit else _subject_unit(subject)
    implied = "" if said or unit_word else q.elided
    unit_word = unit_word or implied
    if not unit_word:
        return None, "", ""  # a bare number ("two of them") says too little to compare
    # a name inside the counted phrase says what is counted: "five BRICS countries" are not "six countries"
    qualifier = " ".join(w.lower() for w in q.display.split()[1:-1] if w[:1].isupper())
    if unit_word in PERSON_NOUNS:
        counted = casualty(q, unit_word, subject, _subject(before))
        return (lo, hi), f"{qualifier} people{counted}".strip(), implied
    counted = q.unit or UNIT_SPELLINGS.get(stem(unit_word), stem(unit_word))
    unit, factor = UNIT_CONVERSIONS.get(counted, (counted, 1.0))
    if unit == "km" and _PER_HOUR.match(after):
        unit = "km/h"  # "200 km/h", "120 miles an hour": a speed
    return (lo * factor, hi * factor), f"{qualifier} {unit}".strip(), implied


# An earthquake's magnitude however a source words it ("measured 7 degrees on the Richter scale",
# "6.8 on the Richter scale", "a magnitude 6.8 earthquake", "the 6.8 magnitude earthquake"): one measure.
_MAGNITUDE = stem("magnitude")
_ON_A_SCALE = re.compile(r"\s*(?:degrees?\s+|points?\s+)?on the (?:Richter|moment[- ]magnitude)\b", re.I)
_SCALE_BEFORE = re.compile(r"\bmagnitude[- ]?(?:of\s+)?$", re.I)
_PART_OF_THEM = re.compile(r"\s+of\s+(?:whom|them|which|these|those)\b", re.I)
_PER_HOUR = re.compile(r"\s*(?:/\s*h(?:r|our)?\b|per hour\b|an hour\b|a hour\b)", re.I)
_CASUALTY_BY_WORD = {w: kind for kind, words in CASUALTY_WORDS.items() for w in words}
# (not "live": "150 lives" were lost, but 90,000 people "live" in a city)
_CASUALTY_STEMS = {stem(w): kind for w, kind in _CASUALTY_BY_WORD.items() if stem(w) != "live"}
HEADCOUNT = "living"  # what a place's population counts: the people living there
_HEADCOUNT_STEMS = frozenset(
    stem(w)
    for w in ("inhabitants", "residents", "population", "live", "lived", "living", "inhabited", "populated")
)


def casualty(q: Quantity, unit_word: str, subject: str = "", lead: str = "") -> str:
    """ " killed", " injured", ...: what a count of people counts, from its noun ("133 deaths"), the
    nearest words ("17 people died") or, for a bare figure, its subject ("the number of people
    killed ... rose to 23", "the death toll reached 174"); else " living" for a place's headcount
    ("100,000 inhabitants", "90,000 people live in Verna", "a city of 100,000"; `lead`: the clause before
    the figure, "home to 90,000 people"); "" when nothing says."""
    word = unit_word.lower()
    if word in _CASUALTY_BY_WORD or stem(word) in _CASUALTY_STEMS:
        return " " + _CASUALTY_BY_WORD.get(word, _CASUALTY_STEMS.get(stem(word), ""))
    if _POPULATION_OF.search(lead or subject) or _PLACE_OF.search(lead or subject):
        # "the toll could reach 20,000 in the city of 90,000 people": the city's people, whatever is near
        return " " + HEADCOUNT
    near = sorted((d, w) for w, d in q.context.items() if d <= 4 and w in _CASUALTY_STEMS)
    if near:
        return " " + _CASUALTY_STEMS[near[0][1]]
    # a counted figure's own subject may say what it counts too: "the death toll has exceeded 1,300 people"
    told = subject or (lead if _TOLL_SUBJECT.search(lead) or _NUMBER_OF.search(lead) else "")
    said = [
        _CASUALTY_STEMS[stem(w)] for w in re.findall(r"[a-z]+", told.lower()) if stem(w) in _CASUALTY_STEMS
    ]
    if said:
        return " " + said[0]
    if _LIVES_TAKEN.search(lead):
        return " killed"  # "claimed the lives of 2,901 individuals": the dead, not a place's people
    headcount = stem(word) in _HEADCOUNT_STEMS or any(
        d <= 4 and w in _HEADCOUNT_STEMS for w, d in q.context.items()
    )
    return " " + HEADCOUNT if headcount else ""


def _subject(before: str) -> str:
    """The clause before a figure (its subject, for a bare figure: "The number of people killed ...")."""
    return re.split(r"[;:,]\s|\bwhile\b|\bwhich\b", before)[-1]


def _subject_unit(subject: str) -> str:
    """What a bare figure counts, from its clause's subject: "the death toll rose to 23" (people),
    "a population of 90,000" (people), "the number of seats won reached 75" (seats); "" when the
    subject does not say."""
    if _TOLL_SUBJECT.search(subject) or _POPULATION_OF.search(subject) or _PLACE_OF.search(subject):
        return "people"
    counted = _NUMBER_OF.search(subject) or _MEASURE_OF.search(subject) or _MEASURE_WAS.search(subject)
    if counted and counted.group(1).lower() in _CASUALTY_BY_WORD:
        return "people"  # "the number of missing stood at 9,000": people, counted as missing
    return counted.group(1).lower() if counted else ""


@lru_cache(maxsize=4096)
def measure_basis(sentence: str) -> frozenset[str]:
    """The bases a sentence measures its figures on (see MEASURE_BASIS); empty when it says none."""
    return frozenset(name for name, rx in MEASURE_BASIS.items() if rx.search(sentence))


# a share of the world's whole ("40% of the world's population", "a quarter of global GDP", "of the
# planet") and the words of that whole; lower-case: "of the World Bank" is no share of the world
_WORLD_WHOLE = re.compile(
    r"\s*of\s+(?:the\s+)?(?:world|global|planet|[Ee]arth)(?:['’]s)?\b(?:\s+((?:[A-Za-z]+\s+){0,2}[A-Za-z]+))?"
)
_WHOLE_OF_WORD = {w: whole for whole, words in WORLD_WHOLES.items() for w in words}


def world_whole(after: str) -> str:
    """The whole a share of the world is of ("of the world's population", "of global GDP", "of the world
    economy"): "population", "output", ...; "" when the figure is no share of the world's, or of a
    whole we do not know (its first word then)."""
    m = _WORLD_WHOLE.match(after)
    if not m or not m.group(1):
        return ""
    words = m.group(1).lower().split()
    return next((_WHOLE_OF_WORD[w] for w in words if w in _WHOLE_OF_WORD), words[0])


def _figure_basis(sentence: str, pos: int, display: str) -> frozenset[str]:
    """The bases said of this figure: of its sentence (read once per sentence), then of its own span
    when the sentence says one at all (most say none)."""
    said = measure_basis(sentence)
    return measure_basis(_figure_span(sentence, pos, display)) if said else said


def _figure_span(sentence: str, pos: int, display: str) -> str:
    """The words from the figure before this one to the figure after it: where this figure's basis is
    said. "we have more than 40% of the population, about a third of the world's GDP at purchasing
    power parity": the basis is the third's, not the population share's."""
    if pos < 0:
        return sentence
    end = pos + len(display)
    starts = _figure_starts(sentence)
    prev = max((p for p in starts if p < pos), default=0)
    nxt = min((p for p in starts if p >= end), default=len(sentence))
    words = _SPELLED_SHARE.finditer(sentence)
    spelled = [m.start() for m in words if not pos <= m.start() < end]
    prev = max([prev] + [p for p in spelled if p < pos])
    nxt = min([nxt] + [p for p in spelled if p >= end])
    return sentence[prev:nxt]


# shares said in words open a figure too ("about a third of", "half of")
_SPELLED_SHARE = re.compile(r"\b(?:a|one|two)[- ](?:half|third|quarter|fifth)s?\b|\bhalf of\b", re.I)


def _display(q: Quantity, before: str, after: str = "") -> str:
    """The figure as its source gives it: its bound ("at least"), and what its noun is of ("40 heads
    of state", "2 million tonnes of wheat") or per ("200 km per hour"): "40 heads" alone says
    nothing to a reader."""
    bound = _LOWER_BOUND.search(before) or _APPROX.search(before)
    text = (bound.group(0).strip() + " " + q.display) if bound else q.display
    of = (_OF_WHAT.match(after) or _PER_HOUR.match(after)) if q.kind == "number" and q.unit else None
    return text + of.group(0).rstrip() if of else text


_OF_WHAT = re.compile(
    r" of (?!(?:the|a|an|its|their|his|her|this|that|these|those|whom|which|them|us|it|what|whose)\b)"
    r"[a-z]+(?: and [a-z]+)?\b"
)


# --------------------------------------------------------------------------- time


def _claim_years(q: Quantity, source_date: dt.date | None) -> frozenset[int]:
    """Years a figure is about: said next to it; else the source's year when it speaks of "this
    year"; else the source's year or the one before; empty when nothing is known. (A report lead,
    "As per reports on 22 July 2024, ...", is the source_date here, not a year of the figure.)"""
    lead = _REPORTING_LEAD.match(q.sentence)
    said = set() if lead and q.sentence.find(q.display) >= lead.end() else figure_years(q)
    if q.kind == "date":
        said = said - {q.value[0]}
    if said:
        return frozenset(said)
    if source_date is None:
        return frozenset()
    if CURRENT_PERIOD.search(q.sentence):
        return frozenset({source_date.year})
    return frozenset({source_date.year, source_date.year - 1})


def _report_years(reported_on: dt.date | None) -> frozenset[int]:
    return frozenset({reported_on.year}) if reported_on is not None else frozenset()


def _clause_day(q: Quantity, source_date: dt.date | None, running: bool = False) -> dt.date | None:
    """A single day the figure's own clause is about: "killed on 21 July alone", "on Sunday"."""
    if q.kind == "date":
        return None
    clause = figure_clause(q)
    after = clause.find(q.display) + len(q.display) if q.display in clause else len(clause)
    for display, value in _days_in(clause):
        at = clause.find(display)
        if running and at < after and _in_subject(clause, at, after):
            continue
        if not _dates_report(clause[:at]) and not _dates_other_thing(clause, after, at):
            # a day whose year neither the text nor the source gives is still one day (year 1 stands in)
            return _to_date(value, source_date) or _to_date(value, dt.date(STAND_IN_YEAR, 1, 1))
    weekday = re.search(r"\bon\s+(" + "|".join(sorted(WEEKDAYS)) + r")\b", clause, re.I)
    if (
        weekday
        and source_date is not None
        and not _dates_report(clause[: weekday.start()])
        and not _dates_other_thing(clause, after, weekday.start())
        and not (running and weekday.start() < after and _in_subject(clause, weekday.start(), after))
    ):
        return weekday_date(weekday.group(1), source_date)
    return None


STAND_IN_YEAR = 1  # the year of a day told without one, until `assume_event_years` knows it
_OPENING_WORDS = 3  # "On", "By Sunday", "Authorities on": a day this early in a clause opens it


def _in_subject(clause: str, at: int, figure: int) -> bool:
    """ "The death toll from an attack on a Moscow concert hall on 22 March has risen to 143": a day
    deep in the subject of a running total dates what the subject names (the attack), not when the
    total was counted. A day that opens the clause ("On Sunday the toll rose to 23") dates it, and so
    does one in a clause of its own ("a ruin on Saturday as the death toll passed 130")."""
    lead, between = clause[:at], clause[at:figure]
    if len(re.findall(r"[\w’'-]+", lead)) <= _OPENING_WORDS or "," in lead:
        return False
    return not _CLAUSE_JOINT.search(between)


_CLAUSE_JOINT = re.compile(r",|;|\b(?:as|when|while|with|and|after|before|since|but)\b", re.I)


@lru_cache(maxsize=1024)
def _days_in(clause: str) -> tuple[tuple[str, tuple], ...]:
    """(display, value) of each date with a day the clause gives: read once for all the figures of
    one clause (a sentence's figures share their clauses; ~55 % of the calls at 1 MB repeat one)."""
    return tuple((q.display, q.value) for q in extract_quantities(clause) if q.kind == "date" and q.value[2])


_RELATIVE = re.compile(r"\b(?:that|which|who|whom|where)\b", re.I)


def _dates_other_thing(clause: str, figure_end: int, at: int) -> bool:
    """ "2,122 people have died in the earthquake that hit Morocco on Friday": a day after the figure,
    inside a relative clause, dates the thing the clause describes (the quake), not the count."""
    return at >= figure_end and bool(_RELATIVE.search(clause, figure_end, at))


_REPORTED_ON = re.compile(
    r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")(?:\s+[a-z]+)?\s+(?:on\s+)?$", re.I
)


def _dates_report(before: str) -> bool:
    """ "Officials said on Tuesday that 6,000 had died": the day dates the report, not the figure."""
    return bool(_REPORTED_ON.search(before))


def _report_date(sentence: str, source_date: dt.date | None) -> dt.date | None:
    """ "As per media reports on 22 July 2024, ..." dates the report; else the source's date."""
    lead = _REPORTING_LEAD.match(sentence) or _DAY_LEAD.match(sentence)
    if lead:
        for q in extract_quantities(lead.group(0)):
            if q.kind == "date" and q.value[2]:
                day = _to_date(q.value, source_date)
                if day is not None:
                    return day
    return source_date


_PRECEDING_CHARS = 600  # of the page before a point: enough for the sentence before it


def _cited_report_date(text: str, p: Point, sentence: str, source_date: dt.date | None) -> dt.date | None:
    """The date of the report the sentence before a running count cites, in the same paragraph
    ("According to the latest report of the ministry (September 12), ... . The earthquake has claimed
    2,901 lives."): when the figure was counted, which a page's own date (often its first version's)
    may not be."""
    at = p.text.find(sentence)
    before = text[max(0, p.start - _PRECEDING_CHARS) : p.start] + p.text[: max(at, 0)]
    line = before.rsplit("\n", 1)[-1]
    previous = split_sentences(line)
    lead = _REPORTING_LEAD.match(previous[-1]) if previous else None
    if lead is None:
        return None
    for q in extract_quantities(lead.group(0)):
        if q.kind == "date" and q.value[2]:
            return _to_date(q.value, source_date)
    return None


def _to_date(value: tuple, source_date: dt.date | None) -> dt.date | None:
    year = value[0] or (source_date.year if source_date else None)
    if year is None:
        return None
    try:
        return dt.date(year, value[1], value[2])
    except (ValueError, TypeError):
        return None


def weekday_date(name: str, source_date: dt.date) -> dt.date:
    """The last such weekday on or before the source's date ("on Sunday" in a Monday report)."""
    target = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(
        name.lower()
    )
    return source_date - dt.timedelta(days=(source_date.weekday() - target) % 7)


# --------------------------------------------------------------------------- entity


@dataclass(slots=True)
class _Name:
    start: int
    end: int
    entity: Entity
    place: bool  # after a locative preposition ("in Dhaka"): where, not whose
    after_of: bool  # after "of" ("seats of the National Assembly")
    speaker: bool = False  # who reports the figure ("the UN said 30,000 ..."), not whose it is


def figure_entity(sentence: str, q: Quantity, initial_names: frozenset[str] = frozenset()) -> Entity | None:
    """Whose figure it is: "respectively" lists in order; else the nearest name in the figure's
    segment (before it first); else the nearest name before it in the sentence."""
    pos = sentence.find(q.display)
    if pos < 0:
        return None
    names = _name_spans(sentence, initial_names)
    if not names:
        return None
    resp = _respectively(sentence, names, pos)
    if resp is not None:
        return resp
    lo, hi = _segment(sentence, pos, pos + len(q.display), names)
    owners = [
        n
        for n in names
        if not n.place and not n.speaker and not _RELATIVE_OBJECT.search(sentence, 0, n.start)
    ]
    starts = _figure_starts(sentence)
    # a name is this figure's only after the figure before it ("266 of the National Assembly and 593")
    prev = max((p for p in starts if p < pos), default=-1)
    before = [n for n in owners if max(lo, prev) <= n.start and n.end <= pos]
    # a reported clause has its own subject: "a filing cited by CNBC noting that SVB customers took
    # out $42 billion" is SVB's, not the filing's state's
    told = [m.end() for m in _REPORTED_CLAUSE.finditer(sentence, max(lo, prev, 0), pos)]
    if told and any(n.start >= told[-1] for n in before):
        before = [n for n in before if n.start >= told[-1]]
    modifier = [n for n in before if _MEASURE_AFTER_NAME.match(sentence, n.end)]
    if modifier:
        return modifier[-1].entity  # "The UN revised the Vardo death toll to 3,958": Vardo's toll
    # a share of the world's whole: its owner is the subject said before it (the bloc), never a name
    # the sentence goes on to
    world = _WORLD_WHOLE.match(sentence, pos + len(q.display)) is not None
    if before and world and _listed(sentence, names, before[0]) >= 3:
        return None  # "Brazil, Russia, India, China and South Africa account for 42% of the world's
        # population": the group's share (the topic's bloc), not its last member's
    if before:
        return before[0].entity  # the segment's subject: "The PML-N led by Nawaz Sharif got 75 seats"
    if _PARTICIPLE.match(sentence[lo:pos]) and not _RELATIVE_INSIDE.search(sentence, lo, pos):
        # "the PML-N emerged as the largest party, winning 227 seats": the main clause's subject
        subject = [n for n in owners if n.end <= lo]
        if subject:
            return subject[0].entity
    if _APPOSITIVE.match(sentence[lo:pos]):
        # "Floods hit Derna, a city of 100,000": the name the apposition stands beside
        head = [n for n in owners if n.end <= lo and not sentence[n.end : lo].strip(" ,")]
        if head:
            return head[-1].entity
    # a name after the figure is its owner only before the next figure ("in 855 constituencies
    # including 266 of the National Assembly and 593 of the Provincial Assemblies")
    nxt = min((p for p in starts if p >= pos + len(q.display)), default=len(sentence))
    after = [
        n for n in owners if pos + len(q.display) <= n.start and n.end <= min(hi, nxt) and not n.after_of
    ]
    if world:
        after = []  # "half of the world's population and is seen as a counterweight to Western alliances"
    if after:
        return after[0].entity
    # "... the PMLN, which has secured 73 seats": a relative clause's owner is the name it hangs on
    before_segment = sentence[:lo].rstrip()
    head = re.sub(r"(?:,\s*)?\b(?:which|who)$", "", before_segment, flags=re.I).rstrip(" ,")
    if head != before_segment.rstrip(" ,"):
        hung = [n for n in owners if abs(n.end - len(head)) <= 1]
        if hung:
            return hung[-1].entity
    return None


_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")
# "..., making it the tenth member of this bloc that covers most of Eurasia and accounts for over 20%":
# a relative clause's figure is its head noun's, not the main clause's subject
_RELATIVE_INSIDE = re.compile(
    r"\b(?:that|which)\s+(?!(?:the|a|an|its|their|this|these|those|it|they)\b)[a-z]+"
)
_REPORTED_CLAUSE = re.compile(r"\b(?:that|saying|noting|showing|according to which)\s")
# a name that modifies the measure ("the Vardo death toll", "Vardo's population", "the fund's total")
# owns its figure, whoever the sentence's subject is
_MEASURE_AFTER_NAME = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?:toll|tally|count|population|total|budget|GDP|output|economy)\b"
)
# "the death toll of the earthquake that struck the Al Haouz province has risen to 1,037": a name
# a relative clause's verb acts on says what the event did, not whose the figure is
_RELATIVE_OBJECT = re.compile(
    r"\b(?:that|which)\s+(?!(?:the|a|an|its|their|this|these|those|it|they)\b)[a-z]+(?:\s+[a-z]+){0,2}\s+(?:the\s+)?$"
)
# "Derna, a port city of 100,000", "Derna, home to 100,000 people": the name's figure, in apposition
_APPOSITIVE = re.compile(r"\s*(?:(?:a|an)\s+[^,;]*?\bof\s+(?:[a-z]+\s+){0,2}|home to\s+(?:[a-z]+\s+){0,2})$")


def _listed(sentence: str, names: tuple[_Name, ...], name: _Name) -> int:
    """How many names a list ending on `name` holds ("Brazil, Russia, India, China and South Africa": 5);
    1 for a name said alone."""
    k = names.index(name)
    count = 1 + len(_AND.findall(sentence, name.start, name.end))
    while k > 0 and _LIST_GAP.fullmatch(sentence, names[k - 1].end, names[k].start):
        count += 1 + len(_AND.findall(sentence, names[k - 1].start, names[k - 1].end))
        k -= 1
    return count


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and)\s*")
_AND = re.compile(r"\band\b")


def _figure_starts(sentence: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<![\w.,])\d", sentence)]


def _segment(sentence: str, start: int, end: int, names: tuple[_Name, ...]) -> tuple[int, int]:
    """Bounds of the segment around [start, end): breaks inside a name do not count."""
    inside = [(n.start, n.end) for n in names]
    breaks = [
        (m.start(), m.end())
        for m in _SEGMENT_BREAK.finditer(sentence)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    lo = max([b for a, b in breaks if b <= start] or [0])
    hi = min([a for a, b in breaks if a >= end] or [len(sentence)])
    return lo, hi


def _respectively(sentence: str, names: tuple[_Name, ...], pos: int) -> Entity | None:
    """ "X and Y ... 67 seats and 52 seats, respectively": the k-th figure belongs to the k-th name."""
    resp = sentence.lower().find("respectively")
    if resp < 0 or pos > resp:
        return None
    figures = [q for q in extract_quantities(sentence) if q.kind != "year"]
    starts = [sentence.find(q.display) for q in figures]
    listed = [s for s in starts if 0 <= s < resp]
    if not listed or pos not in listed:
        return None
    owners = [n for n in names if n.end <= listed[0] and not n.place and not n.speaker]
    if len(owners) < len(listed):
        return None
    return owners[len(owners) - len(listed) + listed.index(pos)].entity


@lru_cache(maxsize=1024)  # read once for all the figures of a sentence (~60 % of the calls repeat one)
def _name_spans(sentence: str, initial_names: frozenset[str]) -> tuple[_Name, ...]:
    """Runs of capitalised words (with "of", "and", "the" inside and a "(PTI)" after) and acronyms."""
    toks = [(m.group(), m.start(), m.end()) for m in _NAME_TOKEN.finditer(sentence)]
    out: list[_Name] = []
    upper = [t[:1].isupper() for t, _, _ in toks]  # a name word is capitalised: the rest are passed over
    k = upper.index(True) if True in upper else len(toks)
    while k < len(toks):
        if not upper[k] or not _is_name_word(toks, k, initial_names):
            k += 1
            continue
        j = k + 1
        while j < len(toks):
            t = toks[j][0]
            if _is_name_word(toks, j, initial_names):
                j += 1
            elif (
                t.lower() in _NAME_JOINERS and j + 1 < len(toks) and _is_name_word(toks, j + 1, initial_names)
            ):
                j += 2
            elif t == "(" and j + 2 < len(toks) and toks[j + 2][0] == ")" and toks[j + 1][0][:1].isupper():
                j += 3
            else:
                break
        words = [t for t, _, _ in toks[k:j]]
        prev = [t.lower() for t, _, _ in toks[max(0, k - 2) : k]]
        place = bool(prev) and (
            prev[-1] in _PLACE_PREPOSITIONS
            or (len(prev) == 2 and prev[-1] == "the" and prev[0] in _PLACE_PREPOSITIONS)
        )
        # "of the National Assembly", "a quarter of global GDP": the whole a figure is a part of
        after_of = bool(prev) and (
            prev[-1] == "of"
            or (len(prev) == 2 and prev[0] == "of" and toks[k - 1][0].isalpha() and toks[k - 1][0].islower())
        )
        speaker = bool(_SPEAKER.match(sentence, toks[j - 1][2])) or any(
            " ".join(prev[-2:]) == lead for lead in _SPEAKER_LEADS
        )
        out.append(_Name(toks[k][1], toks[j - 1][2], entity_of(words), place, after_of, speaker))
        k = j
    return tuple(out)


# "The UN said 30,000 ...", "..., the IOM estimated": the name reports the figure. Not when what it
# says is about itself ("the PML-N said it won 75 seats").
_SPEAKER = re.compile(
    r"\s*(?:has |have |had )?(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\b"
    r"(?!\s+(?:that\s+)?(?:" + "|".join(sorted(SELF_REFERENCE)) + r")\b)",
    re.I,
)
_SPEAKER_LEADS = ("according to", "as per")


def _is_name_word(toks: list[tuple[str, int, int]], k: int, initial_names: frozenset[str]) -> bool:
    t = toks[k][0]
    if not t[:1].isupper() or not t[:1].isalpha():
        return False
    low = _POSSESSIVE.sub("", t.lower())
    if low in STOP or low in MONTHS or low in WEEKDAYS or CURRENCY_PREFIX.match(t):
        return False
    sentence_start = k == 0 or toks[k - 1][0] in (".", "“", '"', ":")
    return not sentence_start or low in initial_names or t.isupper() or "-" in t


def entity_of(words: list[str]) -> Entity:
    """Keys a name is known by: its words, their initials ("Pakistan Muslim League-Nawaz" ->
    "pmln"), and acronyms in it ("PML-N" -> "pmln", "PTI-backed" -> "pti")."""
    parts: list[str] = []
    acronyms: set[str] = set()
    for w in words:
        w = _POSSESSIVE.sub("", w.strip("()"))
        pieces = [p for p in _WORD_PARTS.split(w) if p]
        caps = [p for p in pieces if p[:1].isupper()]
        if caps and caps[0].isupper() and len(caps[0]) >= 2:  # an acronym, maybe with a suffix: PML-N
            acronyms.add("".join(c if c.isupper() else c[0] for c in caps).lower())
        elif caps:
            parts += caps
    keys = {" ".join(p.lower() for p in parts)} if parts else set()
    if len(parts) >= 2:
        keys.add("".join(p[0] for p in parts).lower())
    keys |= acronyms
    untitled = _without_title(parts)
    if untitled:  # "President Bongo's 64.27 percent" / "Bongo won 65%": one person
        keys.add(" ".join(p.lower() for p in untitled))
    bare = ""
    if (len(parts) >= 2 and parts[-1].lower() in ORGANISATION_HEADS) or (
        len(parts) >= 3 and parts[-1].lower() in FIRM_HEADS
    ):
        bare = " ".join(p.lower() for p in parts[:-1])
    elif len(parts) == 1 and len(parts[0]) >= 5 and parts[0].endswith("s") and not parts[0].endswith("ss"):
        keys.add(parts[0][:-1].lower())  # "the Greens", "the Conservatives": the Green (Conservative) Party
    return Entity(" ".join(words), frozenset(k for k in keys if k), bare=bare)


_TITLE_WORDS = PERSON_TITLE_HEADS | HONORIFICS | frozenset(["prime", "vice", "deputy", "foreign", "interim"])


def _without_title(parts: list[str]) -> list[str]:
    """A person's name without the title before it ("President Ali Bongo" -> "Ali Bongo"), or []."""
    k = 0
    while k < len(parts) and parts[k].lower().rstrip(".") in _TITLE_WORDS:
        k += 1
    return parts[k:] if 0 < k < len(parts) else []


# "71.8 km southwest of Marrakech", "200 miles off the coast of Florida", "40 km from Kyiv": the place a
# distance is measured from
_FROM_PLACE = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:of|from|off|outside|away from)\s+(?:the\s+(?:\w+\s+of\s+)?)?"
    r"((?-i:[A-Z])[\w\u00c0-\u024f'’-]+(?:\s+(?-i:[A-Z])[\w\u00c0-\u024f'’-]+){0,2})",
    re.I,
)


def reference_span(c: Claim) -> tuple[str, str] | None:
    """The place a distance is measured from (as written), and the words from the figure to it; None when the
    figure names no such place."""
    q = c.quantity
    at = q.sentence.find(q.display)
    m = _FROM_PLACE.match(q.sentence[at + len(q.display) :]) if at >= 0 else None
    return (m.group(1), q.display + " " + m.group(0)) if m else None
