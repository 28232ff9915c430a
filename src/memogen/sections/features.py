"""Evidence for each section from one sentence: time expressions and wording cues.

The features are the ones an analyst uses, chosen to carry over to unseen
topics: *when* the sentence is about relative to the event (a year well before
it is background, a date at the event is what happened, a date after the
source was written is outlook), tense and aspect (past perfect and "since
2014" are history; the event's simple past with reporting verbs is the news),
and modality or evaluation ("could", "is likely to", "signals", "this means")
which is what the writer thinks it means.  Every weight lives here, in one
place, so the eval harness can tune them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import SECTION_KEYS, SectionKey
from .dates import DateMention, find_dates

WH: SectionKey = "what_happened"
BG: SectionKey = "background"
WM: SectionKey = "what_it_means"

NEAR_DAYS = 2  # a day-level date this close to the event window counts as "at the event"
RUN_UP_DAYS = 31  # a date this close before the event is recent run-up, still background


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE)


_SINCE = re.compile(
    r"\bsince (?:the |its |their |his |her )?(?:\d{4}|\w+ \d{4}|early|late|end|start|collapse|fall|independence|break|founding|creation|1\d\d0s)",
    re.I,
)
# "its largest rise since 2008", "the fastest pace in more than a decade": a record set by the
# event, measured against the past; the year it names is a yardstick, not the sentence's time.
_RECORD = re.compile(
    r"\b(?:\w{3,}est|first|most|biggest|worst|best|only)\b(?:\s+[\w'-]+){0,4}?\s+"
    r"(?:since\s+(?:the\s+)?\d{4}s?|in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:decades?|years?))\b",
    re.I,
)
_REL_NEAR = _rx(
    r"today|yesterday|tonight|this (?:morning|week)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|late on|earlier (?:today|this week)"
)
_REL_PAST = _rx(
    r"last (?:year|decade|century)|years? ago|decades? ago|in the past|previously|historically|traditionally|"
    r"for (?:many |several |two |three |four |five |more than \w+ )?(?:decades|years)|over the (?:last|past) (?:\w+ )?(?:years|decades)|"
    r"in recent years|since then|at the time|at that time|for a generation|for (?:much|most) of|"
    r"the (?:previous|preceding) (?:year|decade)"
)
_REL_FUTURE = _rx(
    r"next (?:year|month|week|decade|summer|spring|autumn|winter)|in the coming (?:days|weeks|months|years|decades)|"
    r"later this (?:year|month)|in the (?:near |long )?(?:future|term|run)|years to come|over the next|going forward|"
    r"in the years ahead|from now|by the end of (?:the|this|next) (?:year|decade)"
)

_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:\w+ly\s+|not\s+|long\s+|already\s+|never\s+|also\s+|just\s+)?(?:been|\w+ed|\w+en|made|held|led|fought|built|kept|set|put|won|lost|taken|given|begun|grown|become|seen|known|had|sent|paid|brought|thought)\b",
    re.I,
)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:long\s+|been\s+|also\s+|not\s+|already\s+|repeatedly\s+)*(?:\w+ed|been|\w+en|made|had|fought|built|grown|become|come|seen|known|taken)\b",
    re.I,
)
_HISTORY = _rx(
    r"history|historical|historically|legacy|legacies|cold war|soviet union|world war|colonial|independence|"
    r"founded|established|was created|were created|originally|first introduced|began|tradition|traditionally|"
    r"decades|era|former|once|ancient|century|centuries|used to|dating from|dates back"
)
_MODAL = _rx(r"will|would|could|might|may|should|must|can|cannot|can't|won't|shall|ought")
_EVAL = _rx(
    r"signals?|suggests?|indicates?|implies|implications?|means|meaning|reflects?|represents?|underscores?|"
    r"highlights?|demonstrates?|shows|illustrates?|likely|unlikely|expected|potential(?:ly)?|opportunit(?:y|ies)|"
    r"prospects?|future|remains to be seen|could be seen|is seen as|seen as|appears?|seems?|need to|needs to|"
    r"imperative|important|significant|significance|crucial|vital|key|challenge|challenges|risks?|boost|"
    r"milestone|paradigm|shift|promising|worrisome|beneficial|setback|blow|victory|test|tests|credibility|"
    r"symbolic|strategic|impact|influence|consequences?|in the long run|ahead|chance|hope|hopes|hoped|"
    r"it is clear|is natural|far from|question|questions|uncertain|uncertainty|fragil\w+|obligations?|"
    r"depend|depends|will depend|trust|pressure|capacity|beyond|positive|negative|development for"
)
_REPORTING = _rx(
    r"said|says|told|stated|announced|declared|described|called|urged|warned|added|noted|stressed|"
    r"reiterated|reaffirmed|expressed|welcomed|acknowledged|appreciated|mentioned|assured|confirmed|denied|"
    r"accepted|rejected|agreed|signed|met|arrived|visited|held|hosted|attended|concluded|discussed|"
    r"reviewed|offered|launched|unveiled|presented|handed|approved|passed|voted|elected|detained|seized|"
    r"killed|struck|opened fire|ran aground|touched down|landed|raised|cut|scrapped|withdrew|announced|"
    r"took place|was held|were held|joined|gave|appeared|resumed|blocked|collapsed|suspended|closed|"
    r"rolled out|watched|became|ended|began talks|accompanied|preceded|commenced|displayed|credited"
)
_PAST_FINITE = re.compile(
    r"\b(?:was|were)\b|(?<!\bhad )(?<!\bhas )(?<!\bhave )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )\b[a-z]{3,}ed\b",
)
_QUOTE = re.compile(r"[\"“”]")
_CONCLUSION = re.compile(
    r"^(?:In a nutshell|Overall|In conclusion|To conclude|Thus|Hence|Therefore|As a result|Consequently|"
    r"Ultimately|In short|In sum|All in all|On balance|Going forward|Looking ahead)\b"
)
# A sentence that opens by judging what came before ("This signals ...", "It is hard to
# avoid the conclusion that ...") is the writer's reading of events, whatever years it names.
_VERDICT = re.compile(
    r"^(?:This|That|These|Which)\s+(?:signals?|suggests?|means|shows?|indicates?|implies|underscores?|"
    r"highlights?|reflects?|points? to|raises? (?:the )?questions?)\b"
    r"|^It is (?:hard|difficult|impossible) (?:not )?to (?:avoid|escape|resist) the (?:conclusion|impression)\b"
    r"|^It is (?:clear|evident|obvious|plain) that\b"
)
_FIRST_PERSON_ANALYSIS = _rx(r"analysts? say|observers|experts? (?:say|believe)|critics? (?:argue|say)")

# weights (tuned on tests/fixtures/sections/tune only)
W = {
    "day_at_event": 2.2,
    "day_run_up": 1.0,
    "day_before": 2.0,
    "day_after_reported": 1.0,
    "day_future": 1.5,
    "month_at_event": 0.8,
    "month_before": 1.6,
    "month_future": 1.2,
    "year_before": 1.6,
    "year_long_before": 2.2,
    "year_future": 1.4,
    "decade": 2.0,
    "since": 1.5,
    "rel_near": 1.2,
    "rel_past": 1.4,
    "rel_future": 1.6,
    "past_perfect": 1.1,
    "present_perfect": 0.5,
    "history": 0.6,
    "modal": 0.8,
    "modal_cap": 1.6,
    "eval": 0.45,
    "eval_cap": 1.8,
    "reporting": 0.8,
    "reporting_cap": 1.6,
    "quote": 0.4,
    "conclusion": 1.0,
    "analysts": 0.8,
    "verdict": 2.0,
    "narrative_past": 0.3,
    "narrative_past_cap": 0.9,
}


@dataclass(frozen=True)
class Context:
    """What the classifier knows about the event and the source."""

    event_start: dt.date | None = None
    event_end: dt.date | None = None
    source_date: dt.date | None = None

    @property
    def pre_event(self) -> bool:
        """Published before the event began: it cannot report what happened at it."""
        return bool(self.source_date and self.event_start and self.source_date < self.event_start)

    @property
    def ref_year(self) -> int | None:
        if self.event_start:
            return self.event_start.year
        return self.source_date.year if self.source_date else None


def _zero() -> dict[SectionKey, float]:
    return dict.fromkeys(SECTION_KEYS, 0.0)


@dataclass
class Evidence:
    """Scores per section, kept apart by kind so the point can say *why* it went where it went."""

    time: dict[SectionKey, float] = field(default_factory=_zero)
    cue: dict[SectionKey, float] = field(default_factory=_zero)

    def total(self) -> dict[SectionKey, float]:
        return {k: self.time[k] + self.cue[k] for k in SECTION_KEYS}

    def add(self, other: Evidence) -> None:
        for k in SECTION_KEYS:
            self.time[k] += other.time[k]
            self.cue[k] += other.cue[k]


def _date_evidence(d: DateMention, ctx: Context, out: dict[SectionKey, float]) -> None:
    start = ctx.event_start or ctx.source_date
    if start is None:
        return
    end = ctx.event_end or ctx.event_start or start
    ref = ctx.source_date
    if d.kind == "day":
        day = d.resolve(ctx.ref_year if d.year is None else None)
        if day is None:
            return
        if start - dt.timedelta(days=NEAR_DAYS) <= day <= end + dt.timedelta(days=NEAR_DAYS):
            out[WM if ctx.pre_event else WH] += W["day_at_event"]
        elif day < start:
            gap = (start - day).days
            out[BG] += W["day_run_up"] if gap <= RUN_UP_DAYS else W["day_before"]
        elif ref is not None and day <= ref:
            out[WH] += W["day_after_reported"]
        else:
            out[WM] += W["day_future"]
    elif d.kind == "month" and d.year is not None and d.month is not None:
        here = (d.year, d.month)
        if here == (start.year, start.month) or here == (end.year, end.month):
            out[WM if ctx.pre_event else WH] += W["month_at_event"]
        elif here < (start.year, start.month):
            out[BG] += W["month_before"]
        elif ref is None or here > (ref.year, ref.month):
            out[WM] += W["month_future"]
    elif d.kind == "year" and d.year is not None:
        if d.year < start.year - 1:
            out[BG] += W["year_long_before"]
        elif d.year < start.year:
            out[BG] += W["year_before"]
        elif d.year > max(start.year, ref.year if ref else start.year):
            out[WM] += W["year_future"]
    elif d.kind == "decade" and d.year is not None and d.year + 10 <= start.year:
        out[BG] += W["decade"]


def time_evidence(sentence: str, ctx: Context) -> dict[SectionKey, float]:
    """Section scores from dates and time expressions, relative to the event and the source date."""
    out = _zero()
    sentence = _RECORD.sub(" ", sentence)
    for d in find_dates(sentence):
        _date_evidence(d, ctx, out)
    if _SINCE.search(sentence):
        out[BG] += W["since"]
    if _REL_NEAR.search(sentence):
        out[WM if ctx.pre_event else WH] += W["rel_near"]
    if _REL_PAST.search(sentence):
        out[BG] += W["rel_past"]
    if _REL_FUTURE.search(sentence):
        out[WM] += W["rel_future"]
    return out


def _capped(count: int, weight: float, cap: float) -> float:
    return min(count * weight, cap)


def cue_evidence(sentence: str) -> dict[SectionKey, float]:
    """Section scores from tense, aspect, modality, evaluation and discourse cues."""
    out = _zero()
    if _PAST_PERFECT.search(sentence):
        out[BG] += W["past_perfect"]
    if _PRESENT_PERFECT.search(sentence):
        out[BG] += W["present_perfect"]
    out[BG] += _capped(len(_HISTORY.findall(sentence)), W["history"], 2 * W["history"])
    reporting = len(_REPORTING.findall(sentence))
    out[WH] += _capped(reporting, W["reporting"], W["reporting_cap"])
    if reporting and _QUOTE.search(sentence):
        out[WH] += W["quote"]
    modal = _capped(len(_MODAL.findall(sentence)), W["modal"], W["modal_cap"])
    out[WM] += modal / 2 if reporting else modal  # "said it would" reports, it does not assess
    out[WM] += _capped(len(_EVAL.findall(sentence)), W["eval"], W["eval_cap"])
    if _CONCLUSION.match(sentence):
        out[WM] += W["conclusion"]
    if _VERDICT.match(sentence.lstrip()):
        out[WM] += W["verdict"]
    if _FIRST_PERSON_ANALYSIS.search(sentence):
        out[WM] += W["analysts"]
    return out


def narrative_past(sentence: str, ctx: Context, time: dict[SectionKey, float]) -> float:
    """Simple past with no earlier date, in a source written after the event: the event's narration."""
    if ctx.pre_event or ctx.event_start is None or time[BG] > 0:
        return 0.0
    return _capped(len(_PAST_FINITE.findall(sentence)), W["narrative_past"], W["narrative_past_cap"])


def evidence(sentence: str, ctx: Context) -> Evidence:
    """Both kinds of evidence for one sentence."""
    time = time_evidence(sentence, ctx)
    cue = cue_evidence(sentence)
    cue[WH] += narrative_past(sentence, ctx, time)
    return Evidence(time=time, cue=cue)
