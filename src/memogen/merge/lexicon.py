"""Word lists the merger reads sentences with (generic English, never topic-specific)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..wordlists import AUXILIARIES, NUMBER_WORDS
from ..wordlists import FIRST_PERSON as WORD_FIRST_PERSON
from ..wordlists import MONTHS as WORD_MONTHS

MONTHS = WORD_MONTHS  # "january", "jan", "sept" -> the month
# Day names mark when, not who: "on Sunday" vs "on Monday" must not read as two named parties.
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# Words that can follow a figure without being what it counts ("rose to 23 on Monday").
NOT_UNITS = (
    frozenset(
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
            # distributives after a bare figure: "won 2 each" (verbs, "22 have applied": AUXILIARIES)
            "each",
            "apiece",
            "respectively",
        ]
    )
    | AUXILIARIES
)
UNITS = NUMBER_WORDS  # "zero" ... "nineteen"
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
# Capitalised common nouns: abbreviations, not names of anyone or anywhere ("announced on national TV").
COMMON_ABBREVIATIONS = frozenset(["tv", "ceo", "cfo", "gdp", "vat", "covid"])
# Endings of a people's adjective after its place's name ("Chinese", "Iranian", "Moroccan", "Kenyan",
# "Israeli"): such a word names its place, and is no other spelling of it ("ian" before "an": the
# place "Iran" is "Iranian" without "ian")
DEMONYM_ENDINGS = ("ese", "ian", "an", "i", "n", "s")
# The endings that leave a place's stem no common name also ends with: a probe for a place in another
# sentence takes only these ("Evans" less its "s" would find "Evangelical")
PLACE_STEM_ENDINGS = ("ese", "ian", "i")
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBR = {"mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "lakh": 1e5, "crore": 1e7}
CURRENCY_PREFIX = re.compile(r"^(?:US\$|USD|US|\$|€|£|¥|EUR|GBP|Rs\.?|PKR|INR|RMB)$")
CURRENCY_WORDS = {
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
TOKEN = re.compile(
    r"US\s?\\?\$|\\?\$|€|£|¥|\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?|[A-Za-zÀ-ÿ]+(?:['’][a-z]+)?(?:-[A-Za-zÀ-ÿ]+)*|%|\S"
)
STOP = frozenset(
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
GENERIC = frozenset(
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
# The look-ahead names every alternative's first letter: the same matches, found ~40 % sooner (the
# engine skips most word starts without trying each alternative; asked of every point). A new
# alternative needs its first letter here (tests/test_merge_stages.py checks every one).
FUTURE = re.compile(
    r"\b(?=[abcdefilmnpsuw])(?:will|shall|plans? to|planning to|aims? to|aiming to|"
    # "pledged to double trade" is a plan; "pledges to the fund" (a noun) and "pledged to the fund" are made
    r"pledge[sd]? to(?!\s+(?:the|a|an|this|that|its|their|these|those)\b)|intends? to|"
    r"expect|expects|expected to|forecasts?|predicts?|anticipates?|likely to|due to be|is to|are to|"
    r"scheduled|set to|upcoming|next (?:week|month|year)|by 20\d\d|"
    # a projection: "the death toll could reach 20,000", "may rise to", "might be as high as"
    r"(?:could|may|might)\s+(?:well\s+|even\s+|eventually\s+)?(?:reach|rise|climb|top|exceed|surpass|hit|"
    r"double|triple|increase|grow|be as high as))\b",
    re.I,
)
# A word every alternative of FUTURE holds (lower case): an ASCII text with none of them has no match.
_FUTURE_WORDS = (
    "will", "shall", "plan", "aim", "pledge", "intend", "expect", "forecast", "predict", "anticipate",
    "likely to", "due to be", "is to", "are to", "scheduled", "set to", "upcoming", "next ", "by 20",
    "could", "may", "might",
)  # fmt: skip


def states_future(text: str) -> bool:
    """`FUTURE` is in the text. Why the guard: the pattern is tried at every word start (~8 µs a
    sentence, asked of every point); in an ASCII text it can only match where one of its words
    stands, which ~20 substring tests rule out in ~2 µs. (Other texts go to the pattern: its
    case-insensitive matching pairs letters such as "ſ" and "s", which lower() does not.)"""
    if text.isascii():
        low = text.lower()
        if not any(w in low for w in _FUTURE_WORDS):
            return False
    return FUTURE.search(text) is not None


# A figure someone wanted or proposed is not the figure decided (clause level only).
WISHED = re.compile(
    r"\b(?:prefer|prefers|preferred|preferring|proposed|proposes?|called for|target|goal|double|triple)\b",
    re.I,
)
FIRST_PERSON = WORD_FIRST_PERSON
LEADING_FILLER = re.compile(
    r"^(?:(?:In a nutshell|In short|In fact|Thus|Hence|However|Moreover|Furthermore|Therefore|Interestingly|"
    r"Meanwhile|Additionally|For example|For instance|Similarly|And|But|So|Indeed|"
    r"On the other hand|In addition)\s*,?\s+"
    # ... unless the word opens a phrase with what follows ("So far, ...", "In addition to X, ...")
    r"(?!(?:far|much|many|long|to|of|as|that|than)\b)"
    # a connective that is also a preposition or a modifier ("Besides the Petitioner, the groups were",
    # "Further talks", "Also present were") is one only with its comma
    r"|(?:Besides|Further|Also)\s*,\s+)",
)
TERMINAL = ".!?\"'”’。！？…)»"  # a sentence that ends with one of these needs no added full stop
SENTENCE_END = frozenset({".", "!", "?"})
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(])")
# ... but not after a title abbreviation or an initial ("Mr. Okafor", "Gen. Sato", "S. M. Khan").
NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|St|Lt|Gen|Amb|Min|Col|Sen|Gov|Maj|Adm|Sec|Pres|Dept|Cmdr)|\b[A-Z])\.$"
)
SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]")
_NOTE_CHAR = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰\[]")  # a character every note mark holds


def has_note_marks(text: str) -> bool:
    """`SUPERSCRIPTS` is in the text: one character class first (~1 µs, against ~5 µs for the
    alternation at every character; most sentences hold neither a superscript nor a bracket)."""
    return _NOTE_CHAR.search(text) is not None and SUPERSCRIPTS.search(text) is not None


# Generic title abbreviations (not topic-specific): all-caps forms stand alone, the
# others only with their full stop ("Gen. Mwangi"), so "min" or "pres" as words are left alone.
CAPS_ABBR = {"FM": "foreign minister", "PM": "prime minister", "FS": "foreign secretary"}
DOTTED_ABBR = {
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
TITLE_HEADS = frozenset(
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
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{0,2}[A-Z]{1,5}|[A-Z]{2,7})s?\)")
AKA = re.compile(
    r"\((?:also |otherwise |formerly )?(?:known as|called|a\.?k\.?a\.?)\s+(?:the\s+)?([^()]{2,80})\)", re.I
)
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][a-z]+)?(?:-[A-Za-zÀ-ÿ]+)*")
JOINERS = frozenset({"of", "the", "and", "for", "&"})
# The generic last word of an organisation's name, which its sources often leave out ("the Labour Party"
# / "Labour", "Awami League" / "the Awami"): the name without it still names the organisation.
ORGANISATION_HEADS = frozenset(["party", "league", "movement", "alliance", "front", "coalition", "union"])
# Generic heads of a firm's name: "Washington Mutual Bank" is "Washington Mutual". Only after a name of
# two words or more: "World Bank" is not "the world", nor "Bangladesh Bank" the country.
FIRM_HEADS = frozenset(["bank", "group", "corporation", "company", "holdings"])
LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z]+(?![\w-])")
# (CAP_WORD looks behind from its capital: a pattern that opens on a look-behind is tried at every
# character, one that opens on a capital only at capitals, ~2.5x sooner over a topic's whole texts)
CAP_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]+(?![\w-])")


UP = frozenset(
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
DOWN = frozenset(
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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: enough to make arrived/arrival and trade/trading meet."""
    w = word.lower().strip("'’")
    if w.endswith("iness"):  # readiness -> ready
        w = w[:-5] + "y"
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "al", "s"):
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return w[:5]


# The units of a span of time ("after seven years", "within 48 hours"), as stem() reads them ("days"
# stays "days"): how long, a detail of time like a date, never a count to compare with the fact's.
DURATION_STEMS = frozenset(
    stem(w) for w in ("minutes", "hour", "hours", "day", "days", "week", "month", "year", "decade")
)

# Nouns that count people: one unit, so "70,000 participants" meets "97,000 people" (what is
# counted, e.g. killed or attending, is then told by the words around the figure).
PERSON_NOUNS = frozenset(
    [
        "people",
        "persons",
        "participants",
        "attendees",
        "delegates",
        "visitors",
        "individuals",
        "residents",
        "inhabitants",
        "citizens",
        "civilians",
        "lives",
        "deaths",
        "dead",
        "victims",
        "fatalities",
        "casualties",
        "bodies",
    ]
)
# Ordinal words from "second" on: "the eighth coup since 2020" counts coups as "eight coups" would,
# so two reports of "the eighth" and "the ninth" coup disagree on a count. ("first" and "last" are left
# out: "for the first time", "the first round" rank rather than count.)
ORDINALS = {
    w: i + 2
    for i, w in enumerate(
        [
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
# Prepositions STOP leaves out: where an ordinal's noun phrase ends ("the sixth mutiny across ...").
PREPOSITIONS = frozenset(
    [
        "across",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "beyond",
        "inside",
        "near",
        "onto",
        "outside",
        "since",
        "through",
        "throughout",
        "toward",
        "towards",
        "upon",
        "via",
        "within",
    ]
)
# "a quarter of", "two-thirds of": shares said in words, as percentages.
FRACTIONS = {
    "half": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
    "fifth": 20.0,
    "fifths": 20.0,
    "tenth": 10.0,
    "tenths": 10.0,
}


# What a count of people counts, in the words reports use (the standard casualty categories):
# "133 deaths", "over 150 lives", "people were killed", "the death toll reached 174" are one measure.
CASUALTY_WORDS = {
    "killed": [
        "killed",
        "killing",
        "kill",
        "died",
        "dead",
        "death",
        "deaths",
        "toll",
        "lives",
        "fatalities",
        "perished",
        "bodies",
    ],
    "injured": ["injured", "injuries", "wounded", "hurt"],
    "missing": ["missing", "unaccounted"],
    "displaced": ["displaced", "homeless", "evacuated", "fled", "refugees"],
    "arrested": ["arrested", "detained"],
}
# Counts of people that can fall while the event goes on (the missing are found, the displaced return
# home); the others (the dead, the injured, the arrested) are totals that only grow.
FALLING_CASUALTIES = frozenset({"missing", "displaced"})


# Units of measure. Spellings of one unit (stems, see `stem`) that the stemmer keeps apart ("metres" /
# "meters", "tonnes" / "tons", "kilometres" / "km"): one unit, so "7 metres" and "10 meters" disagree.
UNIT_SPELLINGS = {
    "metr": "metre",
    "meter": "metre",
    "kilom": "km",
    "kms": "km",
    "mi": "mile",
    "centi": "cm",
    "milli": "mm",
    "foot": "feet",
    "ft": "feet",
    "kilog": "kg",
    "kgs": "kg",
    "tonn": "tonne",
    "tons": "tonne",
    "ton": "tonne",
    "hecta": "ha",
    "litr": "litre",
    "liter": "litre",
    "gallo": "gallon",
}
# ... and each converted to one base unit per dimension, so "200 km" meets "124 miles" and "3 metres"
# meets "10 feet" (length in km, mass in tonnes, area in km², volume in litres).
UNIT_CONVERSIONS = {
    "km": ("km", 1.0),
    "mile": ("km", 1.609344),
    "metre": ("km", 1e-3),
    "cm": ("km", 1e-5),
    "mm": ("km", 1e-6),
    "feet": ("km", 3.048e-4),
    "inch": ("km", 2.54e-5),
    "yard": ("km", 9.144e-4),
    "tonne": ("tonne", 1.0),
    "kg": ("tonne", 1e-3),
    "ha": ("km2", 1e-2),
    "acre": ("km2", 4.046856e-3),
    "litre": ("litre", 1.0),
    "gallon": ("litre", 3.785411784),
    "pp": ("pp", 1.0),  # a percentage point of a rate ("cut by 0.5 percentage points")
    "bp": ("pp", 0.01),  # a basis point: a hundredth of one ("cut by 50 basis points")
    "mph": ("km/h", 1.609344),  # a speed is not a length: "km per hour" reads as km/h too (claims.py)
    "kph": ("km/h", 1.0),
}

# Verbs by which a name reports a figure rather than owns it ("the UN said 30,000 ...").
REPORTING_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "reported",
        "reports",
        "estimated",
        "estimates",
        "announced",
        "confirmed",
        "stated",
        "added",
        "warned",
    ]
)
# Words by which a sentence tells who gave a figure ("a filing cited by CNBC noting that customers
# took out $42 billion"): they say who told, not what the figure measures, so a figure's context
# leaves them out, and "noting that" ends it (the teller's words lie beyond). ("claims", "states",
# "notes" and "warning" are nouns too often.)
TELLING = REPORTING_VERBS | frozenset(
    [
        "say",
        "saying",
        "tell",
        "tells",
        "telling",
        "report",
        "reporting",
        "according",
        "cited",
        "cites",
        "citing",
        "noted",
        "noting",
        "stating",
        "adding",
        "announcing",
        "confirming",
        "estimating",
    ]
)
# What a speaker says about itself ("the PML-N said it won 75 seats"): then it owns the figure.
SELF_REFERENCE = frozenset(["it", "its", "they", "their", "we", "our"])

# The basis a figure is measured on: "26% of global GDP" (at market rates) and "31.5% of global GDP
# in purchasing power parity terms" measure two things, never a disagreement.
MEASURE_BASIS = {
    # (never a bare "PPP": a party's name in other topics)
    "ppp": re.compile(r"\b(?:[Pp]urchasing[- ]power(?:[- ]parity)?|PPP[- ](?:terms|basis|adjusted))\b"),
    "per capita": re.compile(r"\b(?:per capita|per head|per person)\b", re.I),
    "real": re.compile(r"\b(?:in real terms|inflation[- ]adjusted|adjusted for inflation)\b", re.I),
    "nominal": re.compile(r"\b(?:in nominal terms|nominal GDP|at market exchange rates)\b", re.I),
}


# The whole a share of the world is of ("42% of the world's population", "a quarter of global GDP", "26% of
# the world economy"): one whole in the words outlets use for it. Two shares of two wholes (population,
# output) are two measures however alike their sentences; two of one whole are one measure.
WORLD_WHOLES = {
    "population": ("population", "people", "inhabitants", "humanity"),
    "output": ("gdp", "economy", "output", "gross", "wealth"),  # "gross domestic product", "economic output"
    "trade": ("trade", "exports", "commerce"),
    "area": ("land", "area", "territory", "landmass", "surface"),
}


# A verb and its particle that say one action in one word ("customers took out $42 billion" / "clients
# pulled out $40 billion" / "depositors withdrew $42 billion"): the word the words around a figure
# are read as, so that two figures of one action meet however each source words it.
PHRASAL_SENSES = {
    "withdrew": re.compile(
        r"\b(?:took|takes?|taken|taking|pull(?:ed|s|ing)?|dr[ae]w[ns]?|drawing)\s+out\b", re.I
    ),
    "paid": re.compile(r"\b(?:paid|pays?|paying)\s+out\b", re.I),
    "spent": re.compile(r"\b(?:shell|fork)(?:ed|s|ing)?\s+out\b", re.I),
    "cut": re.compile(r"\b(?:scal|cut)(?:ed|es|s|ing)?\s+back\b", re.I),
}


# Verbs that date one phase of an event: "the summit opened on 22 August" and "the summit began on
# August 23" give two dates of one thing (its start), while "arrived on" and "left on" give two things.
# (Stems are 5 letters: "commenced", "convened" would meet "comment", "convention".)
_PHASE_VERBS = {
    "start": "open opened opens begin began begun begins start started starts kicked launch launched",
    "end": "end ended ends close closed closes conclude concluded finish finished wrapped",
}
EVENT_PHASES = {stem(w): phase for phase, words in _PHASE_VERBS.items() for w in words.split()}


# Kinds of event a dated sentence reports, by the verbs (and their nouns) near its date: sources
# word one event differently ("collapsed on 10 March", "was shut down by the regulator on March 10",
# "was closed ... on March 10, 2023"), but in words of one kind. General English, no topic's words;
# a word may be of several kinds ("closed": a fall, or a meeting's end).
_EVENT_WORDS = {
    "fall": "collapse collapsed collapses failed fails failure closed shut shutdown shuttered seized seizure "
    "overthrow overthrew overthrown toppled ousted deposed",
    "strike": "hit hits struck strikes jolted shook shaken rocked",
    "announce": "announce announced announces announcement declared declares declaration proclaimed "
    "televised broadcast",
    "win": "won wins victory",  # (never "elected": "the election on 8 February" holds it)
    "sign": "signed signing",
    "rule": "ruled ruling verdict",
    "arrest": "arrested arrest detained detention captured",
    "resign": "resigned resigns resignation",
    "cut": "cut cuts reduced reduces lowered slashed scaled trimmed",
    "raise": "raised raises hiked increased",
    "visit": "visited visits arrived arrives",
    "start": _PHASE_VERBS["start"],
    "end": _PHASE_VERBS["end"],
}
EVENT_KINDS: dict[str, frozenset[str]] = {}
for _kind, _words in _EVENT_WORDS.items():
    for _w in _words.split():
        EVENT_KINDS[stem(_w)] = EVENT_KINDS.get(stem(_w), frozenset()) | {_kind}
