"""Closed-class English word lists that several stages share.

Grammar words only (articles, prepositions, auxiliaries): never topic words.
One copy here keeps the stages in agreement about what counts as a small word.
"""

from __future__ import annotations

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
# Courtesy titles written before a name ("Mr. Lavrov", "Dr Helm").
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"])

# Irregular past tenses common in news ("met", "held", "said"): a finite verb without "-ed".
IRREGULAR_PAST = frozenset(
    [
        "said",
        "met",
        "held",
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
