"""What the section classifier sees of a sentence and of a point: named, countable features.

The features are the ones an analyst uses, chosen to carry over to unseen topics:

- *time*: when the sentence is about, relative to the event and to the source's own date (a day at
  the event is the news; a year well before it is background; a date after the source was written is
  outlook), and "since 2014", "years ago", "next year";
- *grammar*: tense and aspect (past perfect and "has long been" tell history; the simple past and
  reporting verbs tell the news; "will", "could", "is likely to" look ahead);
- *cues*: evaluation ("signals", "significant"), a verdict that opens the sentence ("This means"),
  analysts and critics, quotes, figures;
- *position* (added per point by `point_features`): the lead of a report is its news, context
  follows, assessment comes last.

How much each feature counts for each section is learned from real text (`model.py`, fitted by
`benchmarks/fit_sections.py`); this module only counts.  Word lists are closed-class words and the
general vocabulary of reporting and assessment, never topic words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from .dates import DateMention, DaySpan, find_dates, find_relative_days

NEAR_DAYS = 2  # a day-level date this close to the event window counts as "at the event"
RUN_UP_DAYS = 31  # a date this close before the event is recent run-up
QUOTED_WORDING = 8  # a quote this many words long is someone's voice; a shorter one may be a report's wording


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE)


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_SINCE = re.compile(
    r"\bsince (?:the |its |their |his |her )?(?:\d{4}|\w+ \d{4}|early|late|end|start|collapse|fall|"
    r"independence|break|founding|creation|1\d\d0s)",
    re.IGNORECASE,
)
# "its largest rise since 2008", "the fastest pace in more than a decade": a record set by the event,
# measured against the past; the year it names is a yardstick, not the sentence's time.
_RECORD = re.compile(
    r"\b(?:\w{3,}est|first|most|biggest|worst|best|only)\b(?:\s+[\w'-]+){0,4}?\s+"
    r"(?:since\s+(?:the\s+)?(?:[A-Z]\w+\s+(?:in\s+)?)?\d{4}s?|in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:decades?|years?))\b",
    re.IGNORECASE,
)
# "widened by 0.6 points compared to the previous edition of 2019", "up from 4.1% in 2022", "more than in
# 2019": a change measured against a past year; that year is a yardstick too.
_YARDSTICK = _rx(
    r"(?:compared\s+(?:to|with)|(?:up|down)\s+from|than\s+(?:in|during))\s+(?:[^,;:]{0,40}?\s)?\d{4}"
)
# "The goal – proposed by the African group in 2013 – was adopted at COP28": an aside between dashes or
# in brackets recalls a detail; its date is not the time of the sentence.  So does a phrase between
# commas that tells how long its noun has been what it is ("a movement against the government, in power
# since 2009, ..."): unless a conjunction opens it (", and since 2009, the city has grown").
_ASIDE_MARK = re.compile(r"[()–—]|\s-\s|\ssince\s")
_ASIDE_CHAR = re.compile(r"[()–—-]")  # a character without which _ASIDE_MARK cannot match (nor "since")


def _aside_marked(text: str) -> bool:
    """`_ASIDE_MARK` is in the text. Why the guard: the pattern's alternation is tried at every
    character (~5 µs a sentence, asked twice of each of ~70,000 sentences at 2,000 sources); a
    substring test and one character class settle most sentences in under 1 µs."""
    return ("since" in text or _ASIDE_CHAR.search(text) is not None) and _ASIDE_MARK.search(text) is not None


_NOUN_SINCE = r",\s(?!(?:and|but|or|yet|so|while|when|where|after|before|as|because|although|though)\b)"
_NOUN_SINCE += r"[^,;()]{0,40}?\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?\d{4}s?\s*,"
_ASIDE = re.compile(r"\([^()]{3,200}\)|\s[–—-]\s[^–—]{3,200}?\s[–—-]\s|" + _NOUN_SINCE, re.IGNORECASE)
# "The verdict allocates 93% of jobs on merit, reserving 7% for relatives of veterans of the 1971 war": a
# participle clause that trails the main clause elaborates on its news; a year there dates a detail (whose
# war, which decision was overturned), not what the sentence tells.  A preposition or noun ending in -ing
# ("during", "morning") opens no such clause.
_TRAILING_PARTICIPLE = re.compile(
    r",\s(?!(?:during|according|notwithstanding|morning|evening|spring|something|nothing|anything|everything|"
    r"king|thing|building|meeting|ceiling|funding|spending|"
    r"rating|training|hearing|bring|sing|wing|string)\b)[a-z]{3,}ing\s[^;]{3,200}$"
)
_REL_NEAR = _rx(
    r"today|yesterday|tonight|this (?:morning|week|weekend)|late on|earlier (?:today|this week)|"
    r"last (?:night|week|weekend)|(?:over|since) the weekend|in (?:recent|the past few|the last few) days|"
    # "by late afternoon", "early in the morning", "overnight": a time of day tells a day's news; history
    # and context are not told by the hour
    r"(?:by|in the|(?:late|early) in the|late|early|during the|that) (?:morning|afternoon|evening|night)|overnight"
)
_REL_PAST = _rx(
    r"last (?:year|decade|century)|years? ago|decades? ago|in the past|previously|historically|"
    r"traditionally|for (?:many |several |two |three |four |five |more than \w+ )?(?:decades|years)|"
    r"(?:over|during|in) the (?:last|past) (?:\w+ )?(?:years|decades)|in recent years|since then|at the time|"
    r"at that time|for a generation|for (?:much|most) of|the (?:previous|preceding) (?:year|decade)"
)
_REL_FUTURE = _rx(
    r"next (?:year|month|week|decade|summer|spring|autumn|winter)|in the coming (?:days|weeks|months|years|decades)|"
    r"later this (?:year|month)|in the (?:near |long )?(?:future|term|run)|years to come|over the next|"
    r"going forward|in the years ahead|from now|by the end of (?:the|this|next) (?:year|decade)"
)
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:\w+ly\s+|not\s+|long\s+|already\s+|never\s+|also\s+|just\s+)?(?:been|\w+ed|\w+en|made|held|"
    r"led|fought|built|kept|set|put|won|lost|taken|given|begun|grown|become|seen|known|had|sent|paid|brought|thought)\b",
    re.IGNORECASE,
)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:long\s+|been\s+|also\s+|not\s+|already\s+|repeatedly\s+|now\s+|just\s+)*"
    r"(?:\w+ed|been|\w+en|made|had|fought|built|grown|become|come|seen|known|taken|won|lost|held|left|sent)\b",
    re.IGNORECASE,
)
# "the soldiers said they had stripped him of power": a past perfect shifted back by a verb of saying is
# the speaker's news, not the writer's recall; so is one after a long reported clause ("announced that the
# August 26 election, which Bongo won with 65% of the vote, had been annulled") or a quoted subject
# ("declared “all the institutions of the republic” had been dissolved")
_REPORTED_PERFECT = re.compile(
    r"\b(?:said|says|told\s+[\w'’-]+|announced|claimed|reported|stated|added|confirmed|insisted|explained|"
    r"declared|acknowledged|admitted)\s+(?:(?:that\s+)?(?:[\w'’-]+\s+){0,5}?|that\s[^.;:!?]{0,160}?\s|"
    r"(?:that\s+)?[“\"][^”\"]{1,120}[”\"]\s+)had\s+",
    re.IGNORECASE,
)
# "the polling booths that had witnessed long queues": a past perfect in a relative clause tells what its
# noun had done before the main clause's time; the sentence's own time is its main verb's
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whom)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _only_relative_perfects(sentence: str) -> bool:
    """Every past perfect of the sentence stands in a relative clause ("... that had stalled talks")."""
    found = list(_PAST_PERFECT.finditer(sentence))
    return bool(found) and all(
        _RELATIVE_BEFORE.search(sentence[max(0, m.start() - 40) : m.start()]) for m in found
    )


# "The water supply has been the main concern", "Residents have been demanding a new bridge":
# a state or an activity that has lasted up to the writer's present - the setting of the news, not its
# action (a passive of a regular verb, "has been killed", "has been postponed", reports one)
_PERFECT_BE = _rx(r"(?:has|have)\s+(?:long\s+|also\s+|always\s+|not\s+)?been\s+(?!\w+ed\b)")
_LONG_STATE = _rx(r"has long|have long|has been\s+\w+ing\s+for|for (?:decades|years|centuries)")
_PAST_FINITE = re.compile(
    r"\b(?:was|were)\b|(?<!\bhad )(?<!\bhas )(?<!\bhave )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )\b[a-z]{3,}ed\b",
)
# any past form: news is told in the past; context and assessment are mostly in the present
_PAST_ANY = _rx(
    r"was|were|had|did|\w{2,}ed|met|said|held|made|took|gave|went|came|began|won|lost|became|sent|saw|told|led|"
    r"left|kept|struck|fell|rose|grew|paid|sold|bought|built|brought|thought|fought|ran|spoke|wrote|chose|drew|"
    r"flew|knew|stood|found|got|sought|spent|broke|shook|threw|swept|shot|fled|hit"
)
_EXPECTED_FIRM = (
    r"(?:is|are|was|were) (?:expected|likely|unlikely|set|poised|due|bound|scheduled|slated|going) to|"
    r"remains? to be seen|it remains to be seen"
)
_EXPECTED = _rx(_EXPECTED_FIRM + r"|is to|are to")
_EXPECTED_ONLY_FIRM = _rx(_EXPECTED_FIRM)
# "The primary objective of the convention is to nominate a candidate": a purpose defined, not a plan
_PURPOSE_IS_TO = _rx(
    r"(?:aims?|goals?|roles?|tasks?|purposes?|objectives?|missions?|mandates?)(?:\s+[\w'’-]+){0,5}?\s+(?:is|are)\s+to"
)
_VERDICT = re.compile(
    r"^(?:This|That|These|Which|It)\s+(?:signals?|suggests?|means|shows?|indicates?|implies|underscores?|"
    r"highlights?|reflects?|points? to|raises? (?:the )?questions?|marks?|represents?|could|would|will|may|might)\b"
    r"|^It is (?:hard|difficult|impossible) (?:not )?to (?:avoid|escape|resist) the (?:conclusion|impression)\b"
    r"|^It is (?:clear|evident|obvious|plain|likely|unlikely|important|significant) that\b",
)
# "... was not an accident of weather but the result of choices": a claim that corrects a reading
_NOT_BUT = re.compile(
    r"\b(?:is|was|are|were)\s+not\s+(?:(?:just|merely|only|simply)\s+)?(?:\S+\s+){1,7}?but\b", re.IGNORECASE
)
# "Though a positive sign, the fund covers 0.2 per cent of the losses", "While welcome, the pledge falls
# short": a verbless concession that weighs the news before the clause that judges it
_CONCEDED_VIEW = re.compile(r"^(?:Though|Although|While|Albeit)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+),\s")
_VIEW_WORDS = frozenset("welcome sign step start modest overdue".split())  # noqa: SIM905
_AUXILIARIES = frozenset("is are was were has have had be been do does did".split())  # noqa: SIM905
_CONCLUSION = re.compile(
    r"^(?:In a nutshell|Overall|In conclusion|To conclude|Thus|Hence|Therefore|As a result|Consequently|"
    r"Ultimately|In short|In sum|All in all|On balance|Going forward|Looking ahead)\b"
)
_ANALYSTS = _rx(
    r"analysts?|observers?|experts?|critics?|commentators?|scholars?|economists?|diplomats? (?:say|said)|"
    r"according to (?:analysts|experts|observers)"
)
_ON_DATE_LEAD = re.compile(
    r"^(?:On|By|As of)\s+(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d)"
)
_QUOTE = re.compile(r"[\"“”]")
# "is the third president to be impeached", "the fourth time Japan is hosting": a place in a series
_NTH = _rx(
    r"(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:time|such|in a row|successive|consecutive)|"
    r"(?:is|was|are|were) the (?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)) \w+"
)
# "The DNC is a series of conventions", "X is one of the largest ...": what something is
_COPULA_NP = _rx(r"(?:is|are) (?:a|an|one of|among|part of|home to)")
# "The FDIC is an independent agency that insures deposits", "Niger is one of the poorest countries": a
# sentence that opens by saying what its subject is, in the timeless present, defines; it tells context
# ... or that opens on what its subject is, set before it ("Home to 22 million people, Niger is two-thirds
# desert", "A former colony, the country is ...")
_DEFINITION = re.compile(
    r"^(?!(?:This|That|These|Those|It|There|Which|What|Here|Such)\b)(?:[\w'’.,()-]+\s+){1,9}?(?:is|are)\s+"
    r"(?:a|an|one of|among|part of|home to|the (?:\w+est|only|main|first|second|third)|the \w+ of)\s"
    r"|^(?:Home to|An?(?!\s+(?:day|week|month|year|decade|few|couple|short|long)\b)|One of)\s[^,;:]{3,80},"
    r"\s+(?:the\s+\w+\s+|(?:[A-Z][\w'’.-]*\s+){1,4})(?:is|are)\s"
)
_FIGURE = re.compile(r"\b\d[\d,.]*\b(?!\s*(?:BC|AD))")
_PERCENT_OR_MONEY = re.compile(
    r"%|\bper ?cent\b|\bpercent\b|[$€£¥]|\b(?:million|billion|trillion|bn)\b", re.I
)

# closed word classes and general vocabulary, counted from a sentence's lower-cased words
_WORDS: dict[str, frozenset[str]] = {
    "will": frozenset(["will", "won't", "shall"]),
    "modal": frozenset(
        ["would", "could", "might", "may", "should", "must", "can", "cannot", "can't", "ought"]
    ),
    "reporting": frozenset(
        """said says say told stated announced declared described called urged warned added noted stressed
        reiterated reaffirmed expressed welcomed acknowledged confirmed denied accepted rejected agreed signed
        met arrived visited held hosted attended concluded discussed approved passed voted elected detained
        seized killed struck launched unveiled presented adopted ruled ordered released reported claimed
        won lost opened closed ended began took gave left resigned appointed imposed lifted suspended
        reduced raised cut scrapped withdrew declared""".split()  # noqa: SIM905
    ),
    "eval": frozenset(
        """signal signals suggest suggests indicate indicates imply implies implication implications means
        meaning reflect reflects represent represents underscore underscores highlight highlights demonstrate
        demonstrates shows illustrate illustrates likely unlikely potential potentially opportunity
        opportunities prospect prospects future imperative important importance significant significance
        crucial vital key challenge challenges risk risks milestone paradigm shift promising worrisome
        beneficial setback blow victory test credibility symbolic strategic impact influence consequence
        consequences chance hope hopes uncertain uncertainty fragile question questions depend depends
        pressure positive negative concern concerns threat threatens boost undermine undermines ability
        essential critical necessary need needs lesson lessons opportunity success successful failure
        disappointment disappointing achievement shortfall insufficient inadequate enough""".split()  # noqa: SIM905
    ),
    "history": frozenset(
        """history historical historically legacy legacies colonial independence founded established
        originally tradition traditionally decades era once ancient century centuries dating
        previously predecessor origins roots began""".split()  # noqa: SIM905
    ),
    "present_be": frozenset(["is", "are", "remains", "remain", "seems", "appears", "stands"]),
    "first_person": frozenset(["we", "our", "us", "i", "my"]),
    "negation": frozenset(["not", "no", "never", "n't", "neither", "nor"]),
    "contrast": frozenset(["however", "but", "although", "though", "despite", "yet", "while", "whereas"]),
    "casualty": frozenset(
        ["killed", "dead", "died", "injured", "wounded", "death", "deaths", "toll", "missing"]
    ),
}


_VOCAB_OF: dict[str, tuple[str, ...]] = {
    w: tuple(f"w_{name}" for name, vocab in _WORDS.items() if w in vocab)
    for w in set().union(*_WORDS.values())
}


@dataclass(frozen=True)
class Context:
    """What the classifier knows about the event and the source."""

    event_start: dt.date | None = None
    event_end: dt.date | None = None
    source_date: dt.date | None = None
    year_assumed: bool = False  # the event's year is a stand-in: only days named without a year place

    @property
    def pre_event(self) -> bool:
        """Published before the event began: it cannot report what happened at it."""
        return bool(self.source_date and self.event_start and self.source_date < self.event_start)

    @property
    def ref_year(self) -> int | None:
        if self.event_start:
            return self.event_start.year
        return self.source_date.year if self.source_date else None


def _day_feature(day: dt.date, ctx: Context, start: dt.date, end: dt.date) -> str:
    """At the event; in the news window around it (the run-up, or later news up to the source's date);
    long before it; or after the source was written."""
    if start - dt.timedelta(days=NEAR_DAYS) <= day <= end + dt.timedelta(days=NEAR_DAYS):
        return "t_day_event"
    if day < start:
        return "t_day_recent" if (start - day).days <= RUN_UP_DAYS else "t_day_before"
    if ctx.source_date is None or day <= ctx.source_date:
        return "t_day_recent"
    return "t_day_future"


def _date_feature(d: DateMention, ctx: Context) -> str | None:
    start = ctx.event_start or ctx.source_date
    if start is None or (ctx.year_assumed and d.year is not None):
        return "t_year_any" if d.kind in ("year", "decade") else "t_day_any"
    end = ctx.event_end or ctx.event_start or start
    ref = ctx.source_date
    if d.kind == "day":
        day = d.resolve(ctx.ref_year if d.year is None else None)
        return _day_feature(day, ctx, start, end) if day else None
    if d.kind == "month" and d.year is not None and d.month is not None:
        here = (d.year, d.month)
        if (start.year, start.month) <= here <= (end.year, end.month):
            return "t_month_event"
        if here < (start.year, start.month):
            return "t_month_before"
        return "t_month_future" if ref is None or here > (ref.year, ref.month) else "t_month_after"
    if d.kind == "year" and d.year is not None:
        if d.year < start.year - 1:
            return "t_year_long_before"
        if d.year < start.year:
            return "t_year_before"
        if d.year > max(start.year, ref.year if ref else start.year):
            return "t_year_future"
        return "t_year_event"
    if d.kind == "decade" and d.year is not None and d.year + 10 <= start.year:
        return "t_decade_before"
    return None


# Words one of which must occur for a pattern to match: most sentences skip most patterns (speed).
_ORDINALS = frozenset("first second third fourth fifth sixth".split())  # noqa: SIM905
_TIME_PATTERNS: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = (
    ("t_since", _SINCE, frozenset(["since"])),
    (
        "t_rel_near",
        _REL_NEAR,
        frozenset(
            "today yesterday tonight this late earlier last weekend days morning afternoon evening night overnight".split()  # noqa: SIM905
        ),
    ),
    (
        "t_rel_past",
        _REL_PAST,
        frozenset(
            """last ago past previously historically traditionally decades years recent then time generation
            much most previous preceding""".split()  # noqa: SIM905
        ),
    ),
    (
        "t_rel_future",
        _REL_FUTURE,
        frozenset("next coming later future term run come forward ahead now end".split()),  # noqa: SIM905
    ),
)
_CUE_PATTERNS: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = (
    ("g_past_perfect", _PAST_PERFECT, frozenset(["had"])),
    ("g_present_perfect", _PRESENT_PERFECT, frozenset(["has", "have"])),
    ("g_long_state", _LONG_STATE, frozenset(["long", "for"])),
    ("g_perfect_be", _PERFECT_BE, frozenset(["has", "have"])),
    ("g_expected", _EXPECTED, frozenset(["to", "seen"])),
    (
        "c_analysts",
        _ANALYSTS,
        frozenset(
            """analyst analysts observer observers expert experts critic critics commentator commentators
            scholar scholars economist economists diplomat diplomats according""".split()  # noqa: SIM905
        ),
    ),
    ("g_copula_np", _COPULA_NP, frozenset(["is", "are"])),
)
_DIGIT = re.compile(r"\d")
_CURRENCY = re.compile(r"[%$€£¥]")
_RECORD_WORDS = frozenset(["since", "decade", "decades", "year", "years"])
_YARDSTICK_WORDS = frozenset(["compared", "from", "than"])
_AMOUNT_WORDS = frozenset(["per", "percent", "million", "billion", "trillion", "bn"])
_FINITE_BEFORE = frozenset("had has have been be is are the a an".split())  # noqa: SIM905
PAST_FORMS = frozenset(
    """was were had did met said held made took gave went came began won lost became sent saw told led left
    kept struck fell rose grew paid sold bought built brought thought fought ran spoke wrote chose drew flew
    knew stood found got sought spent broke shook threw swept shot fled hit""".split()  # noqa: SIM905
)


def _words_of(sentence: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _TOKEN.findall(sentence)]


def time_features(sentence: str, ctx: Context, words: set[str] | None = None) -> dict[str, float]:
    """Counts of time expressions, each placed relative to the event and the source's date."""
    words = set(_words_of(sentence)) if words is None else words
    out: dict[str, float] = {}
    record = not words.isdisjoint(_RECORD_WORDS) and _RECORD.search(sentence) is not None
    plain = _RECORD.sub(" ", sentence) if record else sentence
    if not words.isdisjoint(_YARDSTICK_WORDS) and _YARDSTICK.search(plain):
        plain, record = _YARDSTICK.sub(" ", plain), True
    trailing = "," in plain and _TRAILING_PARTICIPLE.search(plain)
    if trailing or (_aside_marked(plain) and _ASIDE.search(plain)):
        bare = _ASIDE.sub(" ", plain)
        bare = _TRAILING_PARTICIPLE.sub(" ", bare) if trailing else bare
        if _DIGIT.search(plain) and len(_DIGIT.findall(bare)) < len(_DIGIT.findall(plain)):
            out["c_aside_date"] = 1.0
        plain = bare
    for d in find_dates(plain) if _DIGIT.search(plain) else ():  # every date form holds a digit
        name = _date_feature(d, ctx)
        if name:
            out[name] = out.get(name, 0.0) + 1.0
    if ctx.source_date is not None and ctx.event_start is not None:
        end = ctx.event_end or ctx.event_start
        for r in find_relative_days(plain):
            if not r.future:
                day = r.resolve_among(ctx.source_date, DaySpan(ctx.event_start, end))
                name = _day_feature(day, ctx, ctx.event_start, end)
                out[name] = out.get(name, 0.0) + 1.0
    elif any(not r.future for r in find_relative_days(plain)):
        out["t_rel_near"] = (
            1.0  # an undated page's "on Thursday": a writer names the weekday of this week's news
        )
    for name, rx, triggers in _TIME_PATTERNS:
        if not words.isdisjoint(triggers) and rx.search(plain):
            out[name] = 1.0
    if record:
        out["c_record"] = 1.0
    return out


def _simple_past(tokens: list[str], words: list[str] | None = None) -> int:
    """Finite simple-past forms: was/were, and -ed words not after an auxiliary or an article.

    `words`: the tokens lower-cased (as `_cues` has them), to look at the few that can count only."""
    count = 0
    if words is None:
        words = [t.lower() for t in tokens]
    for i in [i for i, w in enumerate(words) if w.endswith("ed") or w == "was" or w == "were"]:
        token = tokens[i]
        low = token.lower()
        if low in ("was", "were"):
            count += 1
        elif len(token) >= 5 and token.endswith("ed") and token.isalpha() and token.islower():
            reduced = i + 1 < len(tokens) and tokens[i + 1] == "by"  # "an agency created by Congress"
            count += not reduced and (i == 0 or tokens[i - 1].lower() not in _FINITE_BEFORE)
    return count


_ED_WORD = re.compile(r" [^ ]{2,}ed ")  # in a sentence's words joined by spaces (a word holds none)
_OPENS_A_SENTENCE = frozenset("\"“‘'(:—–-")


def _is_name(sentence: str, match: re.Match[str], index: int) -> bool:
    """A closed-class word written as a name: in capitals ("the US$792 million"), or capitalised
    inside a sentence ("On 3 May, ... Theresa May"), unless a quote or a colon opens a sentence there."""
    token = match.group(0)
    if len(token) > 1 and token.isupper():
        return True
    if index == 0 or not token[:1].isupper() or token == "I":
        return False
    before = sentence[: match.start()].rstrip()
    return not before or before[-1] not in _OPENS_A_SENTENCE


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence quotes someone: between paired marks; a mark left open runs to the end, and
    a closing mark with none before it (a quote that began in the sentence before) runs from the start."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(sentence):
        closes = ch == "”" or (
            ch == '"' and (opened is not None or sentence[i - 1 : i] in (",", ".", "!", "?"))
        )
        if closes:
            spans.append((opened if opened is not None else (spans[-1][1] if spans else 0), i))
            opened = None
        elif ch in '“"' and opened is None:
            opened = i
    if opened is not None:
        spans.append((opened, len(sentence)))
    return spans


# "called the ruling “a dark day”", "described as “historic”": a quote given as someone's verdict on a thing
_CALLED = _rx(r"call(?:s|ed|ing)?|describ(?:es|ed|ing)|dub(?:s|bed)?|brand(?:s|ed)?|hail(?:s|ed)?|term(?:s|ed)?|"
              r"label(?:s|l?ed)?|denounc(?:es|ed)|decr(?:ies|ied)")  # fmt: skip


def quoted_wording(sentence: str) -> bool:
    """The sentence quotes only short phrases that are not anyone's verdict ("support for countries “on
    the frontline of the climate crisis”"): the report's wording, not a voice.  A quoted speech of
    `QUOTED_WORDING` words or more, or a phrase someone calls a thing ("called the ruling “a dark day”"), is a voice."""
    spans = _quoted_spans(sentence) if _QUOTE.search(sentence) else []
    return bool(spans) and all(
        len(_TOKEN.findall(sentence[a:b])) < QUOTED_WORDING
        and not _CALLED.search(sentence[max(0, a - 40) : a])
        for a, b in spans
    )


def _conceded_view(lead: str) -> bool:
    """The sentence opens on a verbless concession that weighs something ("Though a positive sign, ...");
    "While the court ruled on Monday, ..." has a verb: it tells, it does not weigh."""
    m = _CONCEDED_VIEW.match(lead)
    if not m:
        return False
    opener = _words_of(m.group(1))
    verbless = not any(w in PAST_FORMS or w in _AUXILIARIES or w.endswith("ed") for w in opener)
    return verbless and any("w_eval" in _VOCAB_OF.get(w, ()) or w in _VIEW_WORDS for w in opener)


def cue_features(sentence: str) -> dict[str, float]:
    """Counts of grammar and wording cues in one sentence."""
    return _cues(sentence)[0]


def _cues(sentence: str) -> tuple[dict[str, float], set[str]]:
    """The cues of `cue_features`, and the sentence's set of words (time_features reads it too)."""
    found = list(_TOKEN.finditer(sentence))
    tokens = [m.group(0) for m in found]
    words = [w.lower().replace("’", "'") for w in tokens]
    present = set(words)
    out: dict[str, float] = {"s_words": math.log1p(len(words))}
    quoted = _quoted_spans(sentence) if _QUOTE.search(sentence) else []
    asides = [a.span() for a in _ASIDE.finditer(sentence)] if _aside_marked(sentence) else []
    for i in [i for i, w in enumerate(words) if w in _VOCAB_OF]:  # the few cue words of a sentence
        m, names = found[i], _VOCAB_OF[words[i]]
        if not names or _is_name(sentence, m, i):
            continue
        if quoted and any(a <= m.start() < b for a, b in quoted):
            names = tuple(n for n in names if n != "w_first_person")  # the speaker's "we", not the writer's
        if asides and any(a <= m.start() < b for a, b in asides):
            # "The goal – proposed in 2013 and established under the Paris agreement – was adopted": the
            # aside recalls its subject's past; the sentence tells the news
            names = tuple(n for n in names if n != "w_history")
        for name in names:
            out[name] = min(out.get(name, 0.0) + 1.0, 3.0)
    for name, rx, triggers in _CUE_PATTERNS:
        if not present.isdisjoint(triggers) and rx.search(sentence):
            out[name] = 1.0
    if "g_expected" in out and _PURPOSE_IS_TO.search(sentence) and not _EXPECTED_ONLY_FIRM.search(sentence):
        del out["g_expected"]
    if "g_past_perfect" in out and _REPORTED_PERFECT.search(sentence):
        del out["g_past_perfect"]
        out["g_reported_perfect"] = 1.0
    elif "g_past_perfect" in out and _only_relative_perfects(sentence):
        del out["g_past_perfect"]
        out["g_relative_perfect"] = 1.0
    # a word starting with a digit is a digit anywhere in the sentence (_TOKEN's words hold no digit else)
    if (not present.isdisjoint(_ORDINALS) or _DIGIT.search(sentence)) and _NTH.search(sentence):
        out["c_nth"] = 1.0
    past = _simple_past(tokens, words)
    if past:
        out["g_simple_past"] = float(min(past, 3))
    if not past and ("is" in present or "are" in present) and _DEFINITION.match(sentence.lstrip("\"“‘'( ")):
        out["c_definition"] = 1.0
    if (
        len(words) >= 6
        and "g_present_perfect" not in out
        and "g_past_perfect" not in out  # "have fallen", "had grown": a past the word forms miss
        and present.isdisjoint(PAST_FORMS)
        and not _ED_WORD.search(f" {' '.join(present)} ")  # a word of 4 letters or more ending in "ed"
    ):
        out["g_no_past"] = 1.0
    lead = sentence.lstrip("\"“‘'( ")
    for name, rx in (
        ("c_verdict", _VERDICT),
        ("c_conclusion", _CONCLUSION),
        ("c_on_date_lead", _ON_DATE_LEAD),
    ):
        if rx.match(lead):
            out[name] = 1.0
    if _conceded_view(lead):
        out["c_verdict"] = out.get("c_verdict", 0.0) + 1.0
    if "not" in present and "but" in present and _NOT_BUT.search(sentence):
        out["c_verdict"] = out.get("c_verdict", 0.0) + 1.0
    if _QUOTE.search(sentence):
        out["c_quote"] = 1.0
    if _FIGURE.search(sentence):
        out["c_figure"] = 1.0
    if (_CURRENCY.search(sentence) or not present.isdisjoint(_AMOUNT_WORDS)) and _PERCENT_OR_MONEY.search(
        sentence
    ):
        out["c_amount"] = 1.0
    if "w_will" in out and ("w_reporting" in out or "according" in present or "c_quote" in out):
        out["c_reported_future"] = (
            1.0  # "Ukraine will contribute 50 per cent, the deal says": the news's terms
        )
    if sentence.rstrip().endswith("?"):
        out["c_question"] = 1.0
    return out, present


def sentence_features(sentence: str, ctx: Context) -> dict[str, float]:
    """Every feature of one sentence (time and cues), its words found once for both."""
    out, words = _cues(sentence)
    out.update(time_features(sentence, ctx, words))
    return out


def merge_counts(parts: list[dict[str, float]]) -> dict[str, float]:
    """A point's features from its sentences: counts add up (capped), the length is the longest."""
    out: dict[str, float] = {}
    for part in parts:
        for k, v in part.items():
            out[k] = max(out.get(k, 0.0), v) if k == "s_words" else min(out.get(k, 0.0) + v, 3.0)
    return out


def position_features(rank: int, count: int, paragraph_rank: int) -> dict[str, float]:
    """Where the point sits among the source's prose points (0 = first) and paragraphs."""
    rel = min(1.0, rank / max(1, count - 1)) if count > 1 else 0.0
    out = {"p_rel": rel, "p_rel2": rel * rel, "p_para_log": math.log1p(paragraph_rank)}
    if rank == 0:
        out["p_first"] = 1.0
    if paragraph_rank == 0:
        out["p_first_para"] = 1.0
    elif paragraph_rank == 1:
        out["p_second_para"] = 1.0
    if count > 2 and rank == count - 1:
        out["p_last"] = 1.0
    return out
