"""Each memo sentence stands on its own: read out of its page, it still says who, when and what.

A point lifted from its source may lean on what the source said before it. Each such leaning is
resolved from the source's own text, or the point is left out with the reason:
- not a statement (heading, table row, caption, fragment): left out (shape.py);
- the source's own "First," / "2.": removed; a verbless item heading before the point: removed;
- "He said" / "His visit": the one person the sentence before names (people.py); "They ..." /
  "These ...", "argued this effectively ...": joined to the sentence before, when short enough,
  else left out;
- "The six men ..." / "The men ...": named as the source counted the group just before ("The six
  construction workers ..."), when one count names it;
- a sentence about the reporting itself ("requested anonymity to speak", "did not respond to a
  request for comment"): removed, the point left out when nothing else is left (shape.py);
- a quote without its speaker: joined to the sentence that names the speaker, else left out;
- a figure whose year the sentence before gives ("won 44 seats" after "In 2016, ..."): joined;
- "on Thursday", "last week", "later this year": dated from the source's date (when.py);
- an op-ed's rhetoric filed under What happened: moved to What it means.
After ordering, each person's first mention carries the name and role their source gives.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...model import Citation, DroppedPoint, MergedPoint, Source
from ...sections.dates import find_dates
from ...sections.segment import is_expletive_it, opening
from ...wordlists import FIRST_PERSON, NUMBER_WORDS, PERSON_TITLE_HEADS, QUOTED_SPAN, SPEAKER_VERB
from .people import People, find_people, introduce, named_in, respelled, speakers_in
from .shape import (
    CUT_OFF,
    close_open_quote,
    continues_broken_line,
    drop_more_follows,
    drop_verbless_lead,
    first_sentence,
    has_finite_verb,
    headlinese,
    mend_cut_off,
    not_a_statement,
    open_quotation,
    sentence_ends,
    strip_enumerator,
    strip_label,
    without_reporting,
    without_stray_stop,
    without_verbless_tail,
)
from .when import RELATIVE, anchor_for, resolve_relative, strip_relative

JOIN_MAX = 60  # words a point may reach by taking in the sentence it leans on
_PERSON_PRONOUN = re.compile(r"^(He|She|His|Her)\b(?!\s+[A-Z]\w*\b\s+(?:is|was))")
# (after a bare adverb of sequence, 'Later it proclaimed him president': the pronoun is still the subject)
_THING_PRONOUN = re.compile(
    r"^(?:(?:Later|Then|Afterwards|Subsequently|Eventually)\s+(?:they|it)"
    r"|They|Their|Them|These|Those|Its?|This|That|Such)\b"
)
_VERBISH_NEXT = re.compile(
    r"^(?:This|That|These|Those|Such)\s+(?:[a-z]+ly\s+)?(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|means|meant|shows|showed|came|comes|led|leads|marks|marked|signals|suggests|[a-z]+ed)\b"
)
# "This provision ...", "That law ...": the noun names its referent only through the sentence before
_DEMONSTRATIVE_NOUN = re.compile(
    r"^(?:This|That|Such)\s+(?!(?:is|was|are|were|has|had|will|would|could|may|might|must|can|year|week|"
    r"month|morning|afternoon|evening|summer|spring|autumn|winter|time)\b)[a-z]+\b"
)
# Openings that lean on the sentence before without a pronoun: "The announcement came as ...", "The
# move comes after ..." (news's way to join a reaction to its occasion), "The latter ...", and times
# told from the sentence before
_LEANS_BACK = re.compile(
    r"^(?:The\s+(?:[a-z]+\s+){1,2}(?:came|comes|followed|follows)\s+(?:as|after|amid|just|only|shortly|days|hours|"
    r"weeks|a\s+(?:day|week|month))\b|The\s+(?:latter|former)\b"
    # people counted by a word for their number, named in the sentence before: "The pair were ..."
    r"|The\s+(?:pair|duo|trio|couple)\s+(?:were|was|had|have|are|is|[a-z]+ed)\b"
    # a time told from the sentence before: "The next day, ...", "Two days later, ...", "Since then, ..."
    r"|(?:The|That)\s+(?:next|following|previous|same)\s+(?:day|morning|evening|night|week)\b"
    r"|(?:A|One|Two|Three|Four|Several|Few|\d+)\s+(?:days?|hours?|weeks?|months?)\s+(?:later|earlier|before)\b"
    r"|(?:Days|Hours|Weeks|Months|Moments|Minutes)\s+(?:later|earlier|before)\b|(?:Since|By|Until)\s+then\b"
    # a reply or sequel to the sentence before, told by a bare connective: "In response, ...", "Soon after, ..."
    r"|(?:In\s+(?:response|return|reply)|(?:Soon|Shortly)\s+after(?:wards)?|After\s+that|Afterwards|"
    r"Following\s+(?:this|that))\s*,"
    # a contrast with the sentence before, told after the subject: "Ukraine, on the other hand, ..."
    r"|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},\s+(?:on\s+the\s+other\s+hand|by\s+contrast|in\s+contrast|"
    r"meanwhile|however|too|though|instead|for\s+(?:its|his|her|their)\s+part),)"
)
# "The announcement came as the host declared X": the frame leans on the sentence before; what it
# frames is a statement of its own ("The host declared X") when it is a whole clause ("came as a
# surprise" frames none).
_CAME_AS = re.compile(
    r"^The\s+(?:[a-z]+\s+){1,2}(?:came|comes)\s+(?:as|while)\s+(?!(?:a|an|no|little|part)\s)"
)
_SECOND_AS = re.compile(r",?\s+and\s+as\s+(?=the\b|an?\b|[A-Z])")
_SPEAKER_PRONOUN = re.compile(rf"(?<=[,”\"’]\s)(he|she)(?=\s+{SPEAKER_VERB}\b)")
# "Lai, in their view, poses ...", "according to him": a view told as someone's, who is in a sentence before
_PRONOUN_ATTRIBUTION = re.compile(
    r"\b(?:[Ii]n\s+(?:his|her|their)\s+(?:view|opinion|words|eyes|mind)|[Aa]ccording\s+to\s+(?:him|her|them))\b"
)
_QUOTE = re.compile(r"^[“\"]([^”\"]{25,})(?:[”\"]|$)")  # a sentence that is a quotation
# a speaker's verb capitalised after a word is a word of a name: 'the United States stepped up', 'the
# Association of Small Island States ... could not hide its disappointment' name no speaker
_ATTRIBUTION = re.compile(
    rf"(?:(?-i:(?=[a-z]))|(?<![A-Za-z]\s))\b{SPEAKER_VERB}\b|\b(?:asked|according to|quoted)\b|:\s*[“\"]",
    re.I,
)
_OPINION = re.compile(r"\b(?:should|must|ought to|we|our|us|I)\b|[?!][”\"’]?$")
_FIGURE = re.compile(r"\b\d[\d,.]*\b")
_ENUMERATED = re.compile(
    r"(?:\b(?:First|Second|Third|Fourth|Fifth)(?:ly)?,|^\s*\(?\d{1,2}[.)]|\n\s*\(?\d{1,2}[.)])\s*$"
)
# 'will significantly boost those figures': the figures of the sentence before (a noun a clause or a
# phrase after it says which, 'those figures that ...', 'these talks in Doha', names its own)
_THOSE_THINGS = re.compile(
    r"(?<!^)(?<![.!?]\s)\b(?:those|these)\s+(?:[a-z]+\s+)?(?!days\b|times\b|years\b)[a-z]{3,}s\b"
    r"(?!\s+(?:who|which|that|whose|where|of|in|at|on|with|from|for|by|to|about|over|under|between|among)\b)"
    r"(?=\s*[.,;!?])"
)
_SUCH = re.compile(r"\bsuch\s+(?!as\b|a\s+way\b)[a-z]+", re.I)  # "had given such indications": which?
_ITEM_NUMBER = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s*$")  # an item number ending a text
_NOW = re.compile(r"\b(?:now|currently|at present|so far|this year|to date)\b", re.I)


@dataclass
class Context:
    sources: dict[str, Source]
    people: People
    event_date: dt.date | None
    event_end: dt.date | None = None
    joined: set[str] = dataclasses.field(
        default_factory=set
    )  # ids of points that took in the sentence before


@dataclass
class Home:
    """The passage of its own source a point was taken from (its first citation)."""

    source: Source
    citation: Citation

    @property
    def text(self) -> str:
        return self.source.text

    def previous_sentence(self) -> tuple[int, int] | None:
        """Offsets of the sentence just before the point: in its paragraph, else the last
        sentence of the paragraph before (news gives each sentence a paragraph)."""
        text, start = self.text, self.citation.start
        para = _paragraph_before(text, start, self.source.headings)
        if para is None:
            return None
        head_para = text[para + 1 : start]
        base = start - len(head_para)
        body = head_para.rstrip()
        if not body:
            return None
        ends = [m.end() for m in sentence_ends(body)]  # not after 'Mr.'
        if ends and _OWN_OPENING.fullmatch(body[ends[-1] :]):
            # "... a coup. But" + "in a series of messages, he said ...": the point's span left out
            # the connective that opens its own sentence; the sentence it leans on is the one before
            body = body[: ends.pop()].rstrip()
        begin = ends[-1] if ends else len(body) - len(body.lstrip())
        return base + begin, base + len(body)


# The few words of its own sentence a point's span may leave out, with no stop of their own: a
# connective ("But", "In fact,")
_OWN_OPENING = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,2},?")


def _paragraph_before(text: str, start: int, headings: list[tuple[int, str]]) -> int | None:
    """The offset of the line break before the text the sentence before a point is looked for in
    (-1: the text's start); None when the point opens its text under one of its headings.

    Offsets into the text, not copies of all of it before the point: those made the standalone
    pass quadratic in the length of one long report.
    """
    para = text.rfind("\n", 0, _stripped_end(text, start))
    if not text[para + 1 : start].strip():  # the point opens its paragraph
        para = text.rfind("\n", 0, _stripped_end(text, para)) if para >= 0 else -1
        if text[para + 1 : start].strip() in {h for _, h in headings}:
            return None
    return para


def _stripped_end(text: str, end: int) -> int:
    """len(text[:end].rstrip()), without the copy."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_NON_SPACE = re.compile(r"\S")


def _agrees(text: str, span: str) -> bool:
    """The cited span is the point's own text (tests and hand-made points may cite placeholders)."""
    words = re.findall(r"[a-z0-9]+", text.lower())[:4]
    return bool(words) and " ".join(words) in " ".join(re.findall(r"[a-z0-9]+", span.lower()))


def _home(point: MergedPoint, ctx: Context) -> Home | None:
    if not point.citations:
        return None
    c = point.citations[0]
    src = ctx.sources.get(c.source_id)
    if src is None or not _agrees(point.text, src.text[c.start : c.end]):
        return None
    return Home(src, c)


def _locate(text: str, start: int, end: int, phrase: str) -> int | None:
    """Offset in text[start:end] where `phrase` (whitespace-collapsed) begins."""
    words = phrase.split()[:6]
    if not words:
        return None
    m = re.compile(r"\s+".join(map(re.escape, words))).search(text, start, end)
    return m.start() if m else None


def _rehome(home: Home, start: int) -> Citation:
    return dataclasses.replace(home.citation, start=start, excerpt=home.text[start : home.citation.end])


# '... nothing short of a ceasefire," the institute stresses.': a quotation closed, then who said it,
# with any verb
_SPEAKER_AFTER_QUOTE = re.compile(r"[,!?][”\"]\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}[a-z]{3,}(?:s|ed)\b")


def _bare_quotation(sentence: str, people: People) -> bool:
    """A sentence that is only a quotation and names no one ('“That will cost the port dearly.”'): it
    gives the 'he said' after it no speaker."""
    opens = sentence.lstrip()[:1]
    return (
        bool(opens) and opens in '“"' and not named_in(sentence, people) and not _ATTRIBUTION.search(sentence)
    )


def _inside_a_quotation(home: Home | None) -> bool:
    """The point starts inside a quotation its paragraph opened before it ('“The plane was on its way
    back. Despite the fog, ...'): its words are a speaker's, not the source's narration."""
    if home is None:
        return False
    start = home.citation.start
    return open_quotation(home.text[home.text.rfind("\n\n", 0, start) + 1 : start])


def _in_the_dek(home: Home) -> bool:
    """The point is in the page's first paragraph, where a page prints its summary lines."""
    k = home.text.rfind("\n\n", 0, home.citation.start)  # (no slice of a long source's whole prefix)
    return k < 0 or (k < 64 and not home.text[:k].strip())


def _join_previous(text: str, home: Home | None) -> tuple[str, Citation] | None:
    """The point preceded by the sentence it leans on, when that sentence stands and the whole is short."""
    if home is None:
        return None
    prev = home.previous_sentence()
    if prev is None:
        return None
    before = strip_enumerator(" ".join(home.text[prev[0] : prev[1]].split()))  # (a list's bullet goes)
    drop = opening(before).drop  # 'But the measure ...': its connective leans further back, and goes
    if drop and before[drop:][:1].isalpha():
        before = before[drop].upper() + before[drop + 1 :]
    if _PERSON_PRONOUN.match(before) or (_THING_PRONOUN.match(before) and not is_expletive_it(before)):
        return None
    if _LEANS_BACK.match(before) or _DEMONSTRATIVE_NOUN.match(before) or _leans_on_its_kind(before):
        return None  # 'The latter transaction ...': the sentence leaned on leans on another
    if FIRST_PERSON.search(QUOTED_SPAN.sub("", _QUOTE_CLOSED_AHEAD.sub("", before))):
        return None  # 'I will lift martial law.': a quotation its page left open; whose words?
    if _SPEAKER_PRONOUN.search(before) or _PRONOUN_ATTRIBUTION.search(before):
        return None  # 'Citing X, she said ...': the sentence leaned on names no speaker either
    joined = f"{before} {text}"
    # 'I apologise,” said X.': it starts inside a quotation its source opened earlier (unless the page's
    # own stray mark after it balances the whole)
    opened_by_colon = ":" in before[: before.find("”")]  # 'issued a statement: had found ...”' (mended later)
    if (
        before.count("”") > before.count("“")
        and joined.count("”") > joined.count("“")
        and not opened_by_colon
    ):
        joined = "“" + joined
    if len(joined.split()) > JOIN_MAX:
        return None
    if before.count("“") > before.count("”") and joined.count("“") > joined.count("”"):
        return None  # a quotation the sentence leaned on opened and the whole leaves open: whose words?
    return joined, _rehome(home, prev[0])


def _before_names_a_speaker(home: Home | None, people: People) -> bool:
    """The sentence before says who speaks ('Jaber said it was “...'), or its subject does ('The Island
    Forum could not hide its disappointment. “We ...'): the quotation is read with it, as before; the
    sentence after is asked only when the one before names no speaker."""
    prev = home.previous_sentence() if home is not None else None
    if prev is None:
        return False
    before = home.text[prev[0] : prev[1]]
    return _ATTRIBUTION.search(before) is not None or _subject_is_named(before, people)


# a sentence's subject told by name: capitalised words from its start ('The Association of Small Island
# States', 'Mayor Ada Brenner'), joined by the small words of a name
_NAMED_SUBJECT = re.compile(
    r"^(?:The\s+)?([A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'’.-]*))*)(?=\s*[,\s])"
)
# ... but not a fronted phrase ('After Biden spoke, ...', 'Just before his speech, Modi ...')
_FRONT_WORDS = frozenset(
    """after before during in on at since when while as with for by from following despite under over but
    and so yet just also meanwhile then now later earlier last this that according amid""".split()  # noqa: SIM905
)


def _subject_is_named(sentence: str, people: People) -> bool:
    """Does the sentence open on a named subject (two capitalised words or more, or a person the topic
    names), the one whose words a quotation after it are?"""
    m = _NAMED_SUBJECT.match(sentence.lstrip("“\"‘'( "))
    if m is None:
        return False
    words = m.group(1).split()
    if words[0].lower() in _FRONT_WORDS:
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 or bool(named_in(m.group(1), people))


def _join_next(text: str, home: Home | None) -> tuple[str, Citation] | None:
    """'“The port will reopen. We are sure of it,” the mayor said.': a quotation the point opens and
    leaves open is closed in the sentence after it, which names its speaker; (the two joined, their
    citation) when that sentence does. The point is then left out (see `_with_its_speaker`): read with
    the sentence before, which names no speaker, it reached a memo as nobody's words; told with the
    one after, it took the place of a fact at tight budgets (eval_selection: a held topic's fact)."""
    if home is None:
        return None
    end = home.citation.end
    para_end = home.text.find("\n\n", end)
    rest = home.text[end : para_end if para_end >= 0 else len(home.text)]
    lead = len(rest) - len(rest.lstrip())
    body = rest.strip()
    if not body or body[:1] in '“"':
        return None
    stops = [m.end() for m in sentence_ends(body)]
    after = body[: stops[0]].strip() if stops else body
    closes = _QUOTE_CLOSED_AHEAD.match(after) is not None
    if not closes or not (_ATTRIBUTION.search(after) or _SPEAKER_AFTER_QUOTE.search(after)):
        return None
    joined = f"{text} {after}"
    if len(joined.split()) > JOIN_MAX:
        return None
    stop = end + lead + len(after)
    return joined, dataclasses.replace(home.citation, end=stop, excerpt=home.text[home.citation.start : stop])


def _leans_on_its_kind(sentence: str) -> bool:
    m = _DEFINITE.match(sentence)
    return m is not None and (m.group("noun") in _SHELL_NOUNS or m.group("noun") in _KIND_NOUNS)


def _antecedent(home: Home | None, people: People) -> str | None:
    """The one person the sentence before names ("Lavrov said ... He said: ...")."""
    if home is None:
        return None
    prev = home.previous_sentence()
    if prev is None:
        return None
    # a name only inside a quotation is the speaker's words, not who speaks ('"... votes to Maduro. The
    # reality is ...," she added' after '"...," Machado stated' is not Maduro's)
    sentence = QUOTED_SPAN.sub("", home.text[prev[0] : prev[1]])
    # "the crew of President Oren's plane ..., the rescue chief Tal Veda announced": a name in the
    # possessive is whose thing it is, and a sentence that ends on another speaker's verb gives the
    # "he said" that follows to that speaker, whether or not the sources name them as a person
    named = [n for n in named_in(sentence, people) if re.search(rf"\b{re.escape(n)}\b(?!['’]s\b)", sentence)]
    speakers = speakers_in(sentence)
    return named[0] if len(named) == 1 and (not speakers or named[0] in speakers) else None


def _needs_its_year(text: str, home: Home | None, event_year: int | None) -> bool:
    """A figure stated without a year while the sentence before speaks of an earlier year."""
    if home is None or not _FIGURE.search(re.sub(r"\b(?:19|20)\d\d\b", "", text)):
        return False
    if find_dates(text) or _NOW.search(text):
        return False
    prev = home.previous_sentence()
    if prev is None:
        return False
    years = [m.year for m in find_dates(home.text[prev[0] : prev[1]]) if m.year]
    latest = event_year or (home.source.metadata.date.year if home.source.metadata.date else None)
    return bool(years) and latest is not None and max(years) < latest


_NUMBER_WORDS = tuple(w for w, n in NUMBER_WORDS.items() if 2 <= n <= 12)  # "two" ... "twelve"
_COUNT = rf"(?:{'|'.join(_NUMBER_WORDS)}|\d{{1,3}})"
# "The six men were ...": a counted group the sentence before introduced ("six construction workers")
_COUNTED_GROUP = re.compile(rf"^The\s+(?P<n>{_COUNT})\s+(?P<head>[a-z]+)\b(?!-)")
# what a source counts a group by before: "six construction workers", "the 22 crew members"
# (an indefinite count only: "the three longtime friends" is itself told from further back)
_COUNTED_BEFORE = r"(?<![\w-])(?<![Tt]he )(?<!these )(?<!those )(?:{n})\s+(?P<phrase>(?:[a-z][a-z-]*\s+){{0,2}}[a-z]+)\b(?![\w-])"
GROUP_LOOKBACK = (
    400  # characters before a point its counted group is looked for in: the sentences just before
)
# "There was no word from them by nightfall": the sentence's only people are a pronoun, its subject an
# empty "there" - they are whoever the sentence before named
_EMPTY_SUBJECT_PRONOUN = re.compile(
    r"^There\s+(?:is|was|are|were|seems|seemed|(?:has|had|have)\s+been)\b(?:\s+[a-z,'’-]+){0,8}?\s+(?:them|him|her)\b"
)
# "argued this effectively demands", "said these were": a demonstrative standing for what the sentence
# before told, inside a report of what someone said
_EMBEDDED_THIS = re.compile(
    r"^[^.;:]{0,80}?\b(?:said|says|argued|argues|added|noted|warned|insisted|believes|believed|claimed|"
    r"stressed|suggested)\s+(?:that\s+)?(?:this|these)\s+(?:[a-z]+ly\s+)?(?:is|was|are|were|will|would|"
    r"could|can|may|might|must|should|has|had|have|means|meant|[a-z]+s)\b"
)


def _counted_group(text: str, home: Home | None) -> str | None:
    """ "The six men were working ..." -> "The six construction workers were working ...": the group
    named as the source counted it just before, when that count names one group only. None when the
    opening is no counted group or its source names it no other way."""
    if home is None:
        return None
    text = _count_of_the_same(text, home)
    m = _COUNTED_GROUP.match(text)
    if m is None:
        return None
    n = m.group("n").lower()
    number = str(_NUMBER_WORDS.index(n) + 2) if n in _NUMBER_WORDS else n
    word = _NUMBER_WORDS[int(n) - 2] if n.isdigit() and 2 <= int(n) <= 12 else n
    start = home.citation.start
    window = home.text[max(0, start - GROUP_LOOKBACK) : start]
    pattern = re.compile(_COUNTED_BEFORE.format(n=f"{re.escape(number)}|{re.escape(word)}"), re.I)
    named = {g for g in (_group_noun(x.group("phrase")) for x in pattern.finditer(window)) if g}
    if len(named) != 1:
        return None
    phrase = named.pop()
    if phrase.split()[-1] == m.group("head"):
        return None  # named alike already
    return f"The {m.group('n')} {phrase}{text[m.end() :]}"


# "The men, who ...": a plain word for people a source uses for a group it counted just before ("the six men")
_THE_PEOPLE = re.compile(r"^The\s+(?P<head>men|women|children)\b")


def _count_of_the_same(text: str, home: Home) -> str:
    """ "The men, who ..." -> "The six men, who ..." when the sentences just before count them once."""
    m = _THE_PEOPLE.match(text)
    if m is None:
        return text
    start = home.citation.start
    window = home.text[max(0, start - GROUP_LOOKBACK) : start]
    counts = {
        x.group(1).lower() for x in re.finditer(rf"(?<![\w-])({_COUNT})\s+{m.group('head')}\b", window, re.I)
    }
    if len(counts) != 1:
        return text
    return f"The {counts.pop()} {m.group('head')}{text[m.end() :]}"


_PLURAL_OTHER = frozenset({"men", "women", "people", "children", "crew", "staff", "police", "personnel"})
# counts of time and measure ("six weeks ago", "10 miles") name no group
_UNITS_TEXT = (
    "seconds minutes hours days weeks months years decades centuries times percent points miles feet "
    "metres meters kilometres kilometers km tonnes tons dollars euros pounds"
)
_UNITS = frozenset(_UNITS_TEXT.split())


def _group_noun(phrase: str) -> str | None:
    """ "construction workers turned" -> "construction workers": the words up to the first plural noun."""
    words = phrase.split()
    for k, w in enumerate(words):
        plural = w in _PLURAL_OTHER or (w.endswith("s") and not w.endswith(("ss", "us", "is")))
        if plural:
            return None if w in _UNITS else " ".join(words[: k + 1])
    return None


# "The analysts pointed out ...": a group the sentences before introduced with whom it belongs to
_THE_GROUP = re.compile(r"^The\s+(?P<head>[a-z]{3,}s)\b(?!\s+(?:of|from|at|in|for|with)\b)")
_AFFILIATION = r"(?<![Tt]he )(?<![\w-])(?i:{head})\s+(?P<aff>(?:from|of|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|the|and|on)){{0,6}})"


def _affiliated_group(text: str, home: Home | None) -> str | None:
    """ "The analysts pointed out ..." -> "The analysts from the Institute of Sea Law pointed out ...":
    the group as the sentences just before introduced it ("Analysts from the Institute of Sea Law
    have reported ..."), when they name it with one organisation only."""
    m = _THE_GROUP.match(text)
    if m is None or home is None:
        return None
    start = home.citation.start
    window = home.text[max(0, start - GROUP_LOOKBACK) : start]
    found = {
        re.sub(r"(?:\s+(?:of|for|the|and|on))+$", "", x.group("aff"))
        for x in re.finditer(_AFFILIATION.format(head=re.escape(m.group("head"))), window)
    }
    if len(found) != 1:
        return None
    return f"The {m.group('head')} {found.pop()}{text[m.end() :]}"


# "The view contrasts ...", "The county said ...", "The president called ...": a definite subject, bare
# but for up to two modifiers, whose referent the sentence does not name
_DEFINITE = re.compile(
    r"^The\s+(?P<mods>(?:[a-z]+\s+){0,2}?)(?P<noun>[a-z]+)\s+(?:[a-z]+ly\s+)?(?P<verb>said|says|told|is|was|are|were|"
    r"has|had|have|will|would|could|can|may|might|must|should|[a-z]{3,}ed|[a-z]{3,}[^s\W]s)\b"
)
# Shell nouns: they stand for what the sentence before told ('the view', 'the move', 'the impact') and
# name nothing read alone
_SHELL_NOUNS = frozenset(
    """view impact review move decision step development situation incident announcement remarks comments
    result outcome effect measure claim warning response reaction news scene sight total figure report
    statement""".split()  # noqa: SIM905
)
# Places and bodies told by their kind ('the county', 'the nation'): the sentence before names them
_KIND_NOUNS = frozenset("nation country county city state province kingdom company firm".split())  # noqa: SIM905
# A person told by their office with a word of description ('the conservative leader', 'the veteran
# president'): a story's way to say again whom it just named; a bare office ('the mayor') names its holder
_ROLE_NOUNS = PERSON_TITLE_HEADS | frozenset(["official", "prosecutor", "ruler", "monarch"])
# an amount (money, a share, a scale): a fact of its own, whatever the subject leans on
_QUANTITY = re.compile(r"[$€£]\s?\d|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b|billion\b|million\b|trillion\b)")
_QUOTE_CLOSED_AHEAD = re.compile(r"^[^“”\"]*[”\"]")  # 'I apologise,” said X.': quoted up to its mark
_TERMINAL_STOP = re.compile(r"[.!?][\"”’)]?$")
_LATER_PRONOUN = re.compile(r"\b(?:them|they|their|it|its|this|these|those|there)\b")
_CAPITALISED_RUN = r"(?:[A-Z][\w'’-]*\s+){{1,3}}{noun}\b"


def _definite_lean(text: str, home: Home | None, ctx: Context) -> tuple[str, Citation | None] | str | None:
    """ "The view contrasts with ..." read with the sentence it stands for; "The county said ..." as
    "Maui County said ..." when the sentences just before name one county; "The president called ..."
    as the one person the sentence before names, whose role is a president. None when the opening is
    no such subject (or names its referent's kind by a noun the topic does not lean on: "The bridge
    collapsed" stays); the reason to leave the point out when nothing resolves it."""
    m = _DEFINITE.match(text)
    if m is None or home is None:
        return None
    noun = m.group("noun")
    role = _person_role(noun, home, ctx)
    described = noun in _ROLE_NOUNS and bool(m.group("mods"))  # 'the conservative leader', not 'the mayor'
    if noun not in _SHELL_NOUNS and noun not in _KIND_NOUNS and not described and role is None:
        return None
    named = None if noun in _SHELL_NOUNS else role or _kind_named(noun, home)
    rest = text[len("The ") + len(m.group("mods")) + len(noun) :]
    if named and not _LATER_PRONOUN.search(first_sentence(rest)[0]):
        return named + rest, None
    if noun in _SHELL_NOUNS and _QUANTITY.search(text):
        return text, None  # 'The news spooked depositors ... pulled out $40 billion': its amounts are facts
    joined = _join_previous(text, home)
    if joined and _TERMINAL_STOP.search(joined[0][: len(joined[0]) - len(text)].rstrip()):
        return joined  # (not 'Source: X Details:': a label before it is no sentence to lean on)
    if named:
        return named + rest, None
    return f"opens with a definite subject ('The {noun}') whose referent is in the sentence before, which does not fit"


def _kind_named(noun: str, home: Home) -> str | None:
    """ "Maui County": the one name ending in the noun the sentences just before the point give."""
    start = home.citation.start
    window = home.text[max(0, start - GROUP_LOOKBACK) : start]
    pattern = re.compile(_CAPITALISED_RUN.format(noun=noun.capitalize()))
    names = {" ".join(re.sub(r"^The\s+", "", x.group()).split()) for x in pattern.finditer(window)}
    return names.pop() if len(names) == 1 else None


def _person_role(noun: str, home: Home, ctx: Context) -> str | None:
    """The surname of the one person the sentence before names, when the sources give them a role of
    that noun ('President', 'party leader'): "The president called ..." stands for them."""
    who = _antecedent(home, ctx.people)
    if who is None:
        return None
    roles = {x.role.lower() for x in ctx.people.by_surname.get(who, []) if x.role}
    return who if any(_heads(noun, r.split()) for r in roles) else None


def _heads(noun: str, role: list[str]) -> bool:
    """Is `noun` the office in the role ('chair' of 'federal reserve chair', 'president' of 'president
    of iran'), not a word describing it? 'The federal funds rate' names no Federal Reserve chair."""
    return any(w == noun and (i == len(role) - 1 or role[i + 1] == "of") for i, w in enumerate(role))


def _opening(text: str, home: Home | None, ctx: Context) -> tuple[str, Citation | None] | str:
    """Resolve a pronoun opening; returns (text, new citation or None) or the reason to leave it out."""
    text = _counted_group(text, home) or _affiliated_group(text, home) or text
    definite = _definite_lean(text, home, ctx)
    if definite is not None:
        return definite
    frame = _CAME_AS.match(text)
    if frame and _frames_a_statement(text[frame.end() :]):
        # "... comes as X, and as Y": without the frame, the second "as" joins a clause to nothing
        rest = _SECOND_AS.sub(", and ", text[frame.end() :], count=1)
        text = rest[0].upper() + rest[1:]
    m = _PERSON_PRONOUN.match(text)
    if m:
        who = _antecedent(home, ctx.people)
        if who:
            name = who if m.group(1) in ("He", "She") else f"{who}’s"
            return name + text[m.end() :], None
    fronted = _fronted_pronoun(text, ctx)
    if fronted is not None:
        who = _antecedent(home, ctx.people)
        if who:
            return text[: fronted.start("pro")] + who + text[fronted.end("pro") :], None
    dangling = (
        (m is not None or fronted is not None)
        or (
            (_THING_PRONOUN.match(text) is not None and not is_expletive_it(text))
            and (not re.match(r"^(?:This|That|Such)\b", text) or _VERBISH_NEXT.match(text) is not None)
        )
        or _SUCH.search(first_sentence(text)[0]) is not None
    )
    dangling = dangling or _EMBEDDED_THIS.match(first_sentence(text)[0]) is not None
    dangling = dangling or _THOSE_THINGS.search(first_sentence(text)[0]) is not None
    dangling = dangling or _PRONOUN_ATTRIBUTION.search(first_sentence(text)[0]) is not None
    empty_subject = _EMPTY_SUBJECT_PRONOUN.match(text) is not None
    dangling = dangling or empty_subject
    if not dangling and not _DEMONSTRATIVE_NOUN.match(text) and not _LEANS_BACK.match(text):
        return text, None
    # "This provision was ..." / "They said ...": read with the sentence it leans on, when that fits
    joined = _join_previous(text, home)
    if (
        joined
        and (m is not None or fronted is not None or empty_subject)
        and not named_in(joined[0][: -len(text)], ctx.people)
    ):
        joined = None  # "His decision ..." after a sentence that names no one: still nobody's
    if joined:
        return joined
    if not dangling:
        return (
            "opens with a demonstrative ('This provision') or a frame ('The move came after') "
            "whose referent is in the sentence before, which does not fit"
        )
    return "opens with a pronoun whose referent is in the sentence before, which does not fit"


# 'During the session on climate, he called for ...': a phrase put first, then a pronoun as the subject
_FRONTED = re.compile(r"^(?P<front>[A-Z][^,;:“”\"]{3,90}?),\s+(?P<pro>he|she)\s+(?=[a-z]{3,})")
_TWO_CAPITALS = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def _fronted_pronoun(text: str, ctx: Context) -> re.Match[str] | None:
    """'During the summit's session on climate, he called for ...': the subject is a pronoun after a
    phrase that names nobody ('When Ada Brenner arrived, she said' names her), so the person is in the
    sentence before, as with 'He called ...'."""
    m = _FRONTED.match(text)
    if m is None:
        return None
    front = m.group("front")
    if named_in(front, ctx.people) or _TWO_CAPITALS.search(front):
        return None
    if _SPEAKER_PRONOUN.match(text, m.start("pro")) or has_finite_verb(front):
        return None  # '..., he said.': a clause and its speaker, the pronoun rule's case
    return m


# 'Who is Amit Mehta?': a page's heading over a profile of a person (their schooling, their career)
_PROFILE_HEADING = re.compile(r"^Who\s+(?:is|was)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*\??$")


def _under_a_profile_heading(home: Home) -> bool:
    """The point stands in a section its page heads 'Who is <name>?': the page's aside on a person's life
    (born, schooled, appointed), told for the reader who does not know them, not the event's background."""
    above = [h for at, h in home.source.headings if at <= home.citation.start]
    return bool(above) and _PROFILE_HEADING.match(above[-1].strip()) is not None


BLOCK_QUOTE_PARAGRAPHS = 3  # paragraphs of one quotation a page may set under its introduction
BLOCK_QUOTE_REASON = (
    "a block quotation's sentence in the first person: its speaker is in the paragraph before"
)


def block_quoted(point: MergedPoint, sources: Mapping[str, Source]) -> bool:
    """A sentence in the first person, without quotation marks, from a paragraph of a block quotation:
    the paragraph before introduces it with a colon ("Governor X told NBC News he could not say
    ...:" then "It's too early for me to tell. ... we would never diminish ..."), perhaps through
    more paragraphs of the same quotation. The page's layout marked the quote; a memo sentence
    without it speaks with nobody's voice ("We would never ...").

    Selection never chooses such a point (its words go to others), but it stays a candidate:
    leaving candidates out reshapes the salience of all the others (the meaning graph and the
    pool), for sentences rarely chosen. `sources`: by id."""
    # (a quotation named to nobody counts whole: '“Actually, those of us in ... our agencies ...”')
    own = point.text if _ATTRIBUTION.search(point.text) is None else QUOTED_SPAN.sub("", point.text)
    if FIRST_PERSON.search(own) is None or not point.citations:
        return False
    c = point.citations[0]
    source = sources.get(c.source_id)
    if source is None:
        return False
    text = source.text
    at = c.start
    for _ in range(BLOCK_QUOTE_PARAGRAPHS):
        end = _stripped_end(text, text.rfind("\n", 0, at) + 1)
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        para = text[start:end]
        if para.endswith(":"):
            return True
        if FIRST_PERSON.search(QUOTED_SPAN.sub("", para)) is None:
            return False
        at = start
    return False


def _frames_a_statement(rest: str) -> bool:
    """What a "came as" frame holds is a whole clause: some length, a finite verb, no pronoun first."""
    first = first_sentence(rest)[0]
    return len(first.split()) >= 8 and has_finite_verb(first) and not _THING_PRONOUN.match(first)


def _without_next_number(text: str, span: str, before: str) -> tuple[str, str]:
    """ "10. SC demands ... Defence 11." -> without the "11.": a numbered list run into one line
    leaves each item ending with the next item's number (the number before the item is k, the
    one at its end k + 1); the item is then judged as the list entry it is."""
    prior, last = _ITEM_NUMBER.search(before), _ITEM_NUMBER.search(span)
    if prior is None or last is None or int(last.group(1)) != int(prior.group(1)) + 1:
        return text, span
    return re.sub(r"\s+\d{1,2}[.)]$", "", text), span[: last.start()]


def _rewrite(point: MergedPoint, ctx: Context) -> MergedPoint | str:
    """The point made to stand alone, or the reason it cannot."""
    home = _home(point, ctx)
    span = home.text[home.citation.start : home.citation.end] if home else point.text
    at_end = home is not None and _NON_SPACE.search(home.text, home.citation.end) is None
    before = home.text[max(0, home.citation.start - 24) : home.citation.start] if home else ""
    text = point.text
    text, span = _without_next_number(text, span, before)
    reason = not_a_statement(text, span, at_end, bool(_ENUMERATED.search(before)))
    if reason is None and home is not None and continues_broken_line(home.text, home.citation.start):
        reason = "a fragment (the line before breaks off mid-sentence)"
    if reason is None and home is not None and _in_the_dek(home) and headlinese(first_sentence(text)[0]):
        reason = "a headline-style summary line at the page's top (no article), not a statement"
    if reason is None and home is not None and _under_a_profile_heading(home):
        reason = "a person's profile (under the page's heading 'Who is ...?'), not the event"
    if reason == CUT_OFF:
        mended = mend_cut_off(text)
        text = mended or text
        reason = not_a_statement(text, mended, False) if mended else reason
    if reason:
        return reason
    text, citation = strip_enumerator(text), home.citation if home else None
    text = strip_label(text, home.text if home else "")
    text, cut = drop_verbless_lead(text)
    if cut and home:
        at = _locate(home.text, home.citation.start, home.citation.end, text)
        if at is not None:
            citation = _rehome(home, at)
            home = Home(home.source, citation)
    opened = _opening(text, home, ctx)
    if isinstance(opened, str):
        return opened
    text, moved = opened
    if moved is not None:
        citation, home = moved, Home(home.source, moved) if home else None
        ctx.joined.add(point.id)
    event_year = ctx.event_date.year if ctx.event_date else None
    who = _antecedent(home, ctx.people)
    if who:
        text = _SPEAKER_PRONOUN.sub(who, text)
    spoken = _with_its_speaker(text, home, ctx, event_year)
    if isinstance(spoken, str):
        return spoken
    text, joined_at = spoken
    if joined_at is not None:
        citation, home = joined_at, Home(home.source, joined_at) if home else None
        ctx.joined.add(point.id)
    if RELATIVE.search(text):
        before_dates = text
        resolved, ok = text, False
        if home is not None:
            anchor = anchor_for(
                home.text, home.citation.start, home.source.metadata.date, event_year, ctx.event_end
            )
            resolved, ok = resolve_relative(text, anchor)
        stripped = resolved if ok else strip_relative(text)
        if stripped is None:
            return "a relative date ('on Thursday', 'last week') its source gives no date for"
        text = stripped
        if _DEFINITE.match(text) and not _DEFINITE.match(before_dates):
            # 'Six hours ago, the conservative leader declared ...' lost its time: now it opens bare
            opened = _definite_lean(text, home, ctx)
            if isinstance(opened, str):
                return opened
            if opened is not None:
                text, moved = opened
                citation = moved or citation
    text = _named_outlet(text, home)
    own = without_reporting(text)
    if own is None:
        return "about the reporting itself (a source's anonymity, a request for comment), not the event"
    text = respelled(
        close_open_quote(without_stray_stop(without_verbless_tail(drop_more_follows(own)))), ctx.people
    )
    section = point.section
    if section == "what_happened" and _OPINION.search(QUOTED_SPAN.sub("", text)):
        section = "what_it_means"  # an opinion is not a fact of what happened
    if text == point.text and section == point.section and citation is point.citations[0]:
        return point
    citations = [citation, *point.citations[1:]] if citation is not None else list(point.citations)
    inlines = point.inlines if text == point.text else None
    return dataclasses.replace(point, text=text, section=section, citations=citations, inlines=inlines)


def _with_its_speaker(
    text: str, home: Home | None, ctx: Context, event_year: int | None
) -> tuple[str, Citation | None] | str:
    """The point read with the sentence before it when its own words do not say whose they are or
    when: a sentence inside a quotation whose speaker is named outside it, a quotation naming no
    speaker, a '..., he added', a figure whose year that sentence gives. (text, the citation of the
    sentences joined, or None when none was), or why the point cannot stand alone."""
    citation: Citation | None = None
    if _inside_a_quotation(home) and not (_ATTRIBUTION.search(text) or _SPEAKER_AFTER_QUOTE.search(text)):
        # the anchor's words, not the memo's: told only with the sentence that says whose they are
        joined = _join_previous(text, home)
        if joined is None or not _ATTRIBUTION.search(joined[0]):
            return "a sentence inside a quotation whose speaker is named outside it"
        text, citation = joined
        home = Home(home.source, citation) if home else None
    quote = _QUOTE.search(text)
    if (
        quote
        and not _ATTRIBUTION.search(text)
        and text.count("“") > text.count("”")
        and not _before_names_a_speaker(home, ctx.people)
    ):
        ahead = _join_next(text, home)
        if ahead is not None:
            return "a quotation whose speaker is named in the sentence after it"
    unnamed_speaker = _SPEAKER_PRONOUN.search(text) is not None  # '..., he added.': whose words?
    if (
        (quote and not _ATTRIBUTION.search(text))
        or unnamed_speaker
        or _needs_its_year(text, home, event_year)
    ):
        joined = _join_previous(text, home)
        if joined is not None and unnamed_speaker and _bare_quotation(joined[0][: -len(text)], ctx.people):
            joined = None  # '“That’s hard.” Ports ... would gain, he said.': the sentence before is no one's
        if joined is None:
            return "a quote or figure whose speaker or year is in the sentence before, which does not fit"
        text, citation = joined
    return text, citation


# "..., the newspaper reported": an outlet told only by its kind, named where its source named it before
_OUTLET_KIND = r"newspaper|paper|daily|news agency|agency|broadcaster|channel|network|magazine|outlet|website"
_THE_OUTLET = re.compile(
    rf"\bthe\s+(?P<kind>{_OUTLET_KIND})\s+(?=(?:reported|said|says|reports|added|wrote|quoted|cited)\b)"
)
_NAMED_OUTLET = re.compile(rf"\b(?P<name>(?:[A-Z][\w&.'’-]*\s+){{1,5}}?)(?P<kind>{_OUTLET_KIND})\b")
OUTLET_LOOKBACK = 1500  # characters before a point its outlet's name is looked for in


def _named_outlet(text: str, home: Home | None) -> str:
    """ "..., the newspaper reported" -> "..., the South China Morning Post newspaper reported": the one
    outlet of that kind its source named before the point (the point read alone names none)."""
    m = _THE_OUTLET.search(text)
    if m is None or home is None:
        return text
    window = home.text[max(0, home.citation.start - OUTLET_LOOKBACK) : home.citation.start]
    names = {
        re.sub(r"^The\s+", "", x.group("name").strip())
        for x in _NAMED_OUTLET.finditer(window)
        if x.group("kind") == m.group("kind")
    }
    if len(names) != 1:
        return text
    return f"{text[: m.start()]}the {names.pop()} {m.group('kind')} {text[m.end() :]}"


def stand_alone(
    points: list[MergedPoint],
    sources: list[Source],
    event_date: dt.date | None,
    event_end: dt.date | None = None,
) -> tuple[list[MergedPoint], list[DroppedPoint], People]:
    """Each point rewritten to stand alone from its own source's text, or left out with the reason."""
    ctx = Context({s.id: s for s in sources}, find_people(sources), event_date, event_end or event_date)
    kept: list[MergedPoint] = []
    dropped: list[DroppedPoint] = []
    for p in (q for point in points for q in _split(point, ctx)):
        out = _rewrite(p, ctx)
        if isinstance(out, str):
            out = _another_telling(p, ctx) or out
        if isinstance(out, str):
            dropped.append(DroppedPoint(p.text, p.section, p.source_ids, out))
        else:
            kept.append(out)
    kept, absorbed = _absorb_joined(kept, ctx.joined)
    return kept, dropped + absorbed, ctx.people


def _another_telling(point: MergedPoint, ctx: Context) -> MergedPoint | None:
    """The point told in another source's sentence, when the one chosen to tell it cannot stand alone
    (the line before it breaks off, it leans on a sentence before it, it is cut off): a fact seven
    outlets report is not lost because one page's copy of it is broken. The other sentences are tried
    in the order of their likeness to the chosen one, each judged as that one was; the fact's
    citations stay, the sentence that tells it first."""
    if len(point.citations) < 2 or point.conflicts or point.inlines:
        return None
    others = sorted(point.citations[1:], key=lambda c: -c.score)
    for c in others:
        if c.score < ALTERNATE_LIKENESS:
            break
        source = ctx.sources.get(c.source_id)
        if source is None:
            continue
        text = " ".join(source.text[c.start : c.end].split())
        rest = [x for x in point.citations if x is not c]
        out = _rewrite(dataclasses.replace(point, text=text, citations=[c, *rest]), ctx)
        if not isinstance(out, str):
            return out
    return None


ALTERNATE_LIKENESS = 0.35  # a member this like the chosen sentence tells the same fact (merge's scores)


def _split(point: MergedPoint, ctx: Context) -> list[MergedPoint]:
    """A one-source point of several sentences -> one point per sentence that stands on its own.

    Why: the extractor keeps a paragraph's sentences together when they read as one, but a memo
    of two pages must be able to take the one sentence that carries a fact without the two that
    do not. A sentence that leans on the one before (a pronoun, "The two ...") stays with it; a
    leading connective ("Further,") goes, as the extractor does it for a point's first sentence.
    """
    home = _home(point, ctx)
    if home is None or len(point.citations) != 1 or point.conflicts or point.inlines:
        return [point]
    sentences = _sentence_spans(home)
    if len(sentences) < 2:
        return [point]
    groups: list[list[int]] = [[sentences[0][0], sentences[0][1], 0]]
    for start, end in sentences[1:]:
        op = opening(home.text[start:end])
        if (
            op.dangling
            or op.enum
            or _closes_quotation(home.text[groups[-1][0] : start], home.text[start:end])
        ):
            groups[-1][1] = end
        else:
            groups.append([start + op.drop, end, op.drop])
    if len(groups) < 2:
        return [point]
    out = []
    for k, (start, end, dropped) in enumerate(groups):
        text = " ".join(home.text[start:end].split())
        if dropped and text[:1].islower():
            text = text[0].upper() + text[1:]
        citation = dataclasses.replace(home.citation, start=start, end=end, excerpt=home.text[start:end])
        pid = point.id if k == 0 else f"{point.id}.{k + 1}"
        out.append(dataclasses.replace(point, id=pid, text=text, citations=[citation]))
    return out


def _closes_quotation(before: str, sentence: str) -> bool:
    """Does `sentence` close a quotation `before` left open ('“Read it that way and the talks are done.'
    then 'We do not read it so,” the envoy says.')? Then it is the same speaker's, told with them. Only
    when the two balance: a quotation the page left open ('it was “historic. “This is proof. We
    deliver,” he said.') is not closed by the next one's mark."""
    if not open_quotation(before) or before.lstrip()[:1] in '“"':
        return False  # (a paragraph opening on a quotation continues one: its speaker is further back)
    whole = before + sentence
    return whole.count("“") == whole.count("”") and whole.count('"') % 2 == 0


def _sentence_spans(home: Home) -> list[tuple[int, int]]:
    """Offsets of the sentences of a point's cited span ("Mr." and "U.S." end none)."""
    start, end = home.citation.start, home.citation.end
    body = home.text[start:end]
    cuts = [m.end() for m in sentence_ends(body)]
    bounds = [0, *cuts, len(body)]
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = body[a:b]
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + a + lead, start + a + len(piece.rstrip())))
    return [sp for sp in spans if sp[1] > sp[0]]


def _absorb_joined(
    points: list[MergedPoint], joined: set[str]
) -> tuple[list[MergedPoint], list[DroppedPoint]]:
    """A point that took in the sentence before it absorbs the point that sentence was.

    Why: both would otherwise compete for a place and the shorter one, which lacks what
    the joined one adds, would win as the same content in fewer words. The absorbed
    point's other sources now support the joined one.
    """
    by_source: dict[str, list[tuple[int, int, MergedPoint]]] = {}
    for p in points:
        if p.citations:
            c = p.citations[0]
            by_source.setdefault(c.source_id, []).append((c.start, c.end, p))
    for spans in by_source.values():
        spans.sort(key=lambda t: (t[0], t[1]))
    gone: dict[int, MergedPoint] = {}
    for p in points:
        if p.id not in joined or not p.citations or id(p) in gone:
            continue
        c = p.citations[0]
        spans = by_source[c.source_id]
        # the spans inside p's own start at or after it: a sorted search, not a scan of every point
        at = bisect.bisect_left(spans, c.start, key=lambda t: t[0])
        for k in range(at, len(spans)):
            qstart, qend, q = spans[k]
            if qstart > c.end:
                break
            if q is p or id(q) in gone or qend > c.end or (qstart, qend) == (c.start, c.end):
                continue
            gone[id(q)] = p
            cited = set(p.source_ids)
            # new lists: p may share its lists with the merger's point it was copied from
            p.citations = [*p.citations, *(x for x in q.citations if x.source_id not in cited)]
            p.conflicts = [*p.conflicts, *(x for x in q.conflicts if x not in p.conflicts)]
    dropped = [
        DroppedPoint(q.text, q.section, q.source_ids, f"joined into {gone[id(q)].id}, which needed it")
        for q in points
        if id(q) in gone
    ]
    return [p for p in points if id(p) not in gone], dropped


def introduce_people(points: list[MergedPoint], sources: list[Source], people: People) -> None:
    """In memo order, give each person's first mention their full name and role (edits in place)."""
    introduced: set[str] = set()
    by_id = {s.id: s for s in sources}
    for p in points:
        c = p.citations[0] if p.citations else None
        if c is None or c.source_id not in by_id:
            continue
        new = introduce(p.text, c.source_id, c.start, people, introduced)
        if new != p.text:
            p.text, p.inlines = new, None
