"""The main action a sentence reports: its main clause's verb and what the verb acts on.

Why: outlets tell a topic's central event each in their own words and details ("President Ravel on
Tuesday declared a state of siege, saying ..." / "Mr Ravel had declared a state of siege late on
Tuesday, vowing ..."; "A court in Harbourton has ordered the liquidation of Pelsu Holdings" / "Justice
Amsel made a winding-up order against Pelsu Holdings"). Their words overlap little
and a topic's sentences all embed alike, but the main clause says one thing: one action (the verb,
or the noun a light verb carries: "made a ... order"), on one object. A verb in a leading phrase or
a subordinate clause ("In an earlier speech declaring a state of siege, Ravel described ...", "after
Ravel declared a state of siege, the army banned ...") is not the sentence's action. No parser: a left-to-right
reading of the words, which gives up (None) on any sentence it cannot read plainly.
"""

from __future__ import annotations

from ..wordlists import AUXILIARIES, IRREGULAR_PAST
from .lexicon import EVENT_KINDS, PREPOSITIONS, REPORTING_VERBS, STOP, stem

# A phrase opening the sentence before its subject ("On 29 January 2024, ...", "In a shocking
# move, ...", "After the vote, ..."): the words it may start with.
_OPENERS = frozenset(
    [
        "in",
        "on",
        "at",
        "after",
        "before",
        "following",
        "during",
        "amid",
        "despite",
        "earlier",
        "later",
        "meanwhile",
        "since",
        "when",
        "while",
        "as",
        "with",
        "without",
        "by",
        "under",
        "over",
        "for",
        "from",
    ]
)
# Verbs that say little themselves: the action is the noun they carry ("made a winding-up order",
# "issued a liquidation order", "took control").
_LIGHT = frozenset(
    [
        "made",
        "make",
        "makes",
        "issued",
        "issues",
        "issue",
        "gave",
        "give",
        "gives",
        "took",
        "take",
        "takes",
        "got",
    ]
)
# Verbs whose action is the verb after their "to" ("decided to liquidate", "agreed to restore").
_CONTROL = frozenset(
    ["decided", "agreed", "voted", "moved", "sought", "vowed", "promised", "pledged", "planned", "tried"]
    + ["threatened", "refused", "failed", "offered", "agree", "agrees", "decides", "votes"]
)
# words opening a clause that is not the main one (a relative or a subordinate clause), which runs to
# its closing comma: "Then when this storm passed to the south, that was the hurricane"
_CLAUSE_WORDS = frozenset(
    ["which", "who", "whose", "whom", "where", "when", "after", "before", "because", "since", "if", "while"]
    + ["although", "though", "as", "once", "until", "unless"]
)
_REACH = 24  # tokens within which the main verb stands; past them the sentence is not read
OBJECT_WORDS = 4  # content words after the action that say what it acts on


def _verb_like(word: str) -> bool:
    low = word.lower()
    return word.islower() and ((low.endswith("ed") and len(low) > 4) or low in IRREGULAR_PAST)


def _start(tokens: list[str]) -> int:
    """Where the subject starts: after a leading phrase set off by a comma."""
    if not tokens:
        return 0
    first = tokens[0].lower()
    comma = next((k for k, t in enumerate(tokens[:14]) if t == ","), -1)
    if comma < 0:
        return 0
    before = tokens[:comma]
    if first in _OPENERS or not any(_verb_like(t) for t in before) and before[0][:1].isdigit():
        return comma + 1
    if any(t.lower() == "ago" for t in before):  # "Six hours ago, the leader declared ..."
        return comma + 1
    return 0


def main_action(tokens: list[str]) -> tuple[str, frozenset[str]] | None:
    """(the action's stem, the stems of what it acts on) of the sentence's main clause; None when the
    sentence cannot be read plainly (a quote, a report of someone's words, no verb within reach)."""
    if not tokens or tokens[0] in ('"', "“", "‘", "'"):
        return None
    k = _start(tokens)
    end = min(len(tokens), k + _REACH)
    aside = False
    while k < end:
        t = tokens[k]
        low = t.lower()
        if low in _CLAUSE_WORDS:
            aside = True  # a relative clause: its verbs are not the main one, up to its closing comma
        elif t == "," and aside:
            aside = False
        elif not aside and low in REPORTING_VERBS:
            # someone's words: the action is in what they said, when a "that" clause says it ("Iran and
            # Saudi Arabia announced on Friday that they had agreed to restore relations"); else none
            that = next((j for j in range(k + 1, min(end, k + 5)) if tokens[j].lower() == "that"), -1)
            if that < 0:
                return None
            k = that
        elif not aside and (low in AUXILIARIES or _verb_like(t)):
            return _action_at(tokens, k)
        k += 1
    return None


# words that, after a comma (or alone, for "but"), open a second main clause: the sentence makes two
# claims ("The general elections were held on Thursday, but there was an unusual delay in the results")
_SECOND_CLAUSE = frozenset(["but", "and", "while", "whereas", "although", "though", "yet"])


def _second_clause(tokens: list[str], k: int) -> bool:
    for j in range(k, len(tokens) - 1):
        low = tokens[j + 1].lower()
        if tokens[j] == ";" or low == "but" or (tokens[j] == "," and low in _SECOND_CLAUSE):
            return True
    return False


def _action_at(tokens: list[str], k: int) -> tuple[str, frozenset[str]] | None:
    if _second_clause(tokens, k):
        return None  # two claims in one sentence: neither is the sentence's one action
    while k < len(tokens) and tokens[k].lower() in AUXILIARIES:
        k += 1
    if k >= len(tokens) or not tokens[k].isalpha() or not tokens[k].islower() or tokens[k] in STOP:
        return None  # a name, a figure or "was the ..." where the verb should be: not read
    verb = tokens[k].lower()
    if verb in REPORTING_VERBS:
        return None  # someone's words: the action is in what they said
    if verb in _CONTROL:
        to = next((j for j in range(k + 1, min(len(tokens), k + 10)) if tokens[j].lower() == "to"), -1)
        if to < 0 or to + 1 >= len(tokens) or not tokens[to + 1].isalpha():
            return None
        k, verb = to + 1, tokens[to + 1].lower()
    if verb in _LIGHT:
        noun = _carried_noun(tokens, k + 1)
        if noun < 0:
            return None
        k, verb = noun, tokens[noun].lower()
    return stem(verb), _object(tokens, k + 1)


def _carried_noun(tokens: list[str], k: int) -> int:
    """The head of the noun phrase a light verb carries: its last word before a preposition or a
    punctuation mark ("a winding-up order against ...", "a liquidation order")."""
    last = -1
    for j in range(k, min(len(tokens), k + 5)):
        low = tokens[j].lower()
        if (
            not tokens[j].replace("-", "").isalpha()
            or low in PREPOSITIONS
            or low in ("of", "to", "for", "on", "in", "with", "by")
        ):
            break
        if low not in STOP:
            last = j
    return last


def _object(tokens: list[str], k: int) -> frozenset[str]:
    out: list[str] = []
    for t in tokens[k : k + 3 * OBJECT_WORDS]:
        if t in (",", ";", ".", ":"):
            break
        low = t.lower()
        if t.replace("-", "").isalpha() and low not in STOP and low not in PREPOSITIONS and len(low) > 2:
            out.append(stem(low))
            if len(out) >= OBJECT_WORDS:
                break
    return frozenset(out)


def same_action(a: tuple[str, frozenset[str]] | None, b: tuple[str, frozenset[str]] | None) -> bool:
    """One action on one object: the same verb (or the noun a light verb carries) and a word of what
    it acts on in common."""
    return a is not None and b is not None and a[0] == b[0] and bool(a[1] & b[1])


def other_actions(a: tuple[str, frozenset[str]] | None, b: tuple[str, frozenset[str]] | None) -> bool:
    """Both main actions are read and they are two: not one verb, nor two of one kind of event
    ("collapsed" / "was shut down": a fall). "Gen. Osk had banned all political activities after
    Ravel declared a state of siege on Tuesday" does not date the declaration: it bans."""
    if a is None or b is None or a[0] == b[0]:
        return False
    return not (EVENT_KINDS.get(a[0], frozenset()) & EVENT_KINDS.get(b[0], frozenset()))
