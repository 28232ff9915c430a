"""Closed-class English word lists that several stages share.

Grammar words only (articles, prepositions, auxiliaries): never topic words.
One copy here keeps the stages in agreement about what counts as a small word.
"""

from __future__ import annotations

import re

# Words a title-cased heading or headline keeps in lower case ("Ties with Russia in a New Era").
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "vs",
        "via",
    ]
)

# Auxiliary and modal verbs, with their common contractions.
AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "does",
        "did",
        "do",
        "won't",
        "can't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "wouldn't",
        "couldn't",
        "shouldn't",
        "doesn't",
        "didn't",
        "don't",
    ]
)

# Head words of a person's title ("Prime Minister Ana Ruiz", "Chief of Army Staff General Sato",
# "PTI leader Hammad Azhar"): offices and ranks, never names.
PERSON_TITLE_HEADS = frozenset(
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
        "princess",
        "senator",
        "mayor",
        "commander",
        "director",
        "envoy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "justice",
        "judge",
        "marshal",
        "colonel",
        "captain",
        "lieutenant",
        "emir",
        "sultan",
        "leader",
        "advocate",
        "attorney",
        "lawyer",
        "professor",
        "councillor",
        "commissioner",
        "representative",
        "negotiator",
        "economist",
        "analyst",
        "researcher",
        "correspondent",
        "pm",
        "fm",
    ]
)
# Courtesy titles and forms of address written before a name ("Mr. Lavrov", "Dr Helm", "the Honourable
# Madam Justice Chan"): no one of their own, so "Mr Yoon" and "President Yoon" name the same people.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "madam",
        "madame",
        "honourable",
        "honorable",
    ]
)

# Irregular past tenses common in news ("met", "held", "said"): a finite verb without "-ed".
IRREGULAR_PAST = frozenset(
    [
        "said",
        "met",
        "held",
        "drove",
        "flew",
        "shook",
        "taught",
        "wore",
        "made",
        "took",
        "gave",
        "went",
        "came",
        "began",
        "won",
        "lost",
        "became",
        "sent",
        "saw",
        "told",
        "led",
        "left",
        "kept",
        "put",
        "set",
        "hit",
        "cut",
        "struck",
        "fell",
        "rose",
        "grew",
        "paid",
        "sold",
        "bought",
        "built",
        "brought",
        "thought",
        "fought",
        "ran",
        "spoke",
        "wrote",
        "chose",
        "drew",
        "knew",
        "meant",
        "stood",
        "found",
        "got",
        "sought",
        "spent",
        "understood",
        "broke",
        "threw",
    ]
)

# Articles, demonstratives and possessive determiners.
DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"]
)

# Month names and their abbreviations -> the month's number ("sept" too).
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
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
        ],
        start=1,
    )
    for name in names
}

# Number words below twenty -> their value, in order ("zero" ... "nineteen").
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "  # noqa: SIM905
        "sixteen seventeen eighteen nineteen".split()
    )
}

# A month's first three letters and a weekday's name, capitalised as written: parts of patterns
MONTH_ABBR = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
WEEKDAY_NAME = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# A count of units as a word may give it ("a day", "an hour", "two weeks") -> the count.
COUNT_WORDS: dict[str, int] = {"a": 1, "an": 1, **NUMBER_WORDS}

# Verbs that report what someone said ("Holt said", "she told reporters"), past and present.
SPEAKER_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "states",
        "noted",
        "notes",
        "wrote",
        "writes",
        "argued",
        "warned",
        "stressed",
        "explained",
        "insisted",
        "claimed",
        "urged",
        "recalled",
        "declared",
        "announced",
    ]
)
SPEAKER_VERB = "(?:" + "|".join(sorted(SPEAKER_VERBS)) + ")"  # as a pattern: one of them

# The first person ("I", "we", "our", "told me", "Let's"): someone speaks in the sentence itself,
# when it stands outside quotation marks ("I'm" and "we're" hold "I" and "we").
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|Let['’]s)\b")
# What stands inside quotation marks, to the text's end when the quotation is still open there (a
# sentence that opens a quotation of several sentences: '“We will win. ...' is quoted throughout).
QUOTED_SPAN = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")
