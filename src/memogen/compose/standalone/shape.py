"""The shape of a statement: what is not one (headings, table rows, captions, fragments) and what it
carries that belongs to its source's layout (the source's own "First," / "2." enumerators).

Why: a memo point must read as a sentence out of its page. A page's headings, table rows and
photo captions survive cleaning as lines of text, and a page cut off mid-word leaves a fragment;
they have the look of text but say nothing a reader can cite. Evidence is the form of the text
(terminal punctuation, capitals, figures, a finite verb), never a list of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...sections.headings import is_heading
from ...sections.sentences import CLOCK_END, CLOCK_NEXT, ends_with_title
from ...sources.places import is_country_name
from ...sources.text import english_zipf
from ...wordlists import AUXILIARIES, DETERMINERS, IRREGULAR_PAST, TITLE_SMALL_WORDS

ENUMERATOR = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth)(?:ly)?(?: and foremost)?|Lastly|Finally|"
    r"Last but not least)\s*,\s*"
    r"|^\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+(?=\S)"
    r"|^[-–•*▪►]\s+(?=\S)"
    # a bare note or list number before a sentence that opens with a function word ('1 The earthquake ...')
    r"|^\d{1,2}\s+(?=(?:The|A|An|In|On|At|It|Its|This|These|Those|Our|We|He|She|They|According)\s)"
)
CUT_OFF = "a fragment (the page is cut off here)"
_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ")")
_CELL = re.compile(r"\s[|\t]\s*|\s[-–]\s+(?=\d)|^[-–|]\s*\w+(?:\s\w+){0,3}\s[-–|]\s")
_NUMBER = re.compile(r"^[\d.,%$€£]+[a-z%]{0,3}$", re.I)
_CAPTION = re.compile(
    r"^(?:photo|image|picture|video|file photo|caption|credit|source)s?\s*(?:\([^)]*\))?\s*:", re.I
)
# a link to another page, its label run into the headline it announces ("Read More Senior leader
# was hospitalized ..."): the page's furniture, not the story
_TEASER = re.compile(
    r"^(?:(?:read more|read also|also read|see also)\b|(?:related|recommended)(?: stories| articles| posts)?\s*:)",
    re.I,
)
# 'See the full timeline here or scroll through the updates below': the page tells its reader where to click
_READER_PROMPT = re.compile(
    r"^(?:read|see|click|tap|watch|listen|scroll|find)\b[^.!?]{0,60}\b(?:here|below|above)\b", re.I
)
# A wire photo's caption ends on its place and day, with no "on" before the month: "Demonstrators gather
# ... in the capital Niamey, Niger July 30, 2023." / "... in Amizmiz, Morocco, Sunday, Sept. 10, 2023."
_CAPTION_DATELINE = re.compile(
    r"[A-Z][\w'’.-]+,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?,?\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\.?$"
)
_CREDIT_TAIL = re.compile(
    r"\((?:photo|image|picture|credit)s?\s*:[^)]*\)\s*\.?$|\|\s*(?:photo|image)\b", re.I
)
# "the agreed text", "when compared": a participle after these is no finite verb.
_BEFORE_PARTICIPLE = DETERMINERS | frozenset(["when", "if", "as", "once", "than"])
_FOLLOWS_VERB = frozenset(
    [
        "to",
        "the",
        "a",
        "an",
        "that",
        "its",
        "their",
        "his",
        "her",
        "it",
        "them",
        "him",
        "no",
        "not",
        "this",
        "these",
        "those",
        "our",
        "all",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def strip_enumerator(text: str) -> str:
    """ "First, the court ..." -> "The court ...": the source's own count means nothing in the memo."""
    m = ENUMERATOR.match(text)
    if not m or len(text) - m.end() < 20:
        return text
    rest = text[m.end() :]
    return rest[0].upper() + rest[1:]


def has_finite_verb(sentence: str) -> bool:
    """A finite verb, by form: an auxiliary, an irregular past, a past in -ed after a subject,
    or a present in -s before its object ("Pakistan seeks to ...", "The ruling shows that ...")."""
    words = [w.lower() for w in _WORD.findall(sentence)]
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if w in AUXILIARIES or w in IRREGULAR_PAST:
            return True
        if w.endswith("ed") and len(w) > 4 and i > 0 and before not in _BEFORE_PARTICIPLE:
            return True
        if (
            w.endswith("s")
            and not w.endswith(("ss", "us", "is", "'s", "’s"))
            and i > 0
            and after in _FOLLOWS_VERB
            and before not in _BEFORE_PARTICIPLE
        ):
            return True
    return False


# a stop, perhaps a closing quote or bracket, then space and a capital or an opening quote or bracket
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"‘(])")
# a stop that ends a title or an initial, not the sentence: "Mr. Hale", "Gen. Ward", "U.S. regulators"
_ABBREVIATED = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Sen|Rep|Gov|Jr|Sr|No|vs)|\b[A-Z])\.$"
)


def sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """Each stop of `text` that ends a sentence (`start()` the stop, `end()` where the next one opens).

    A stop after a title, an initial or a month's abbreviation ends none ("Just one day after Mr.
    Hale ..."), nor does one after "a.m." or "p.m." that the time's zone or day follows ("At 2:14
    a.m. ET (0614 GMT), a barge struck ..."). Why one reader: the composer splits a point's span,
    finds a point's first sentence and the sentence before it; three copies of these rules had
    drifted apart (one took "War." and "Xi." for abbreviations, one missed "Brig."). Each test reads
    the few characters before a stop: a copy or a search of all the text before every stop made
    one long paragraph quadratic (a 67,000-character one took 5 s).
    """
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + 1
        near = max(0, end - _ABBREVIATION_CHARS)
        if _ABBREVIATED.search(text, near, end) or ends_with_title(_last_word_before(text, end)):
            continue
        if CLOCK_END.search(text, near, end) and CLOCK_NEXT.match(text[m.end() :]):
            continue
        yield m


_ABBREVIATION_CHARS = 8  # the longest abbreviation and clock mark ("Capt.", "a.m.") start within these
_WORD_CHARS = 48  # characters before a stop that usually hold its whole word


def _last_word_before(text: str, end: int) -> str:
    """The end of text[:end] that holds its last whole word (what `ends_with_title` reads)."""
    lo = max(0, end - _WORD_CHARS)
    tail = text[lo:end]
    if lo == 0 or tail[:1].isspace() or len(tail.rsplit(None, 1)) == 2:
        return tail
    return text[:end]  # a word longer than the window: read whole


def first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest) at the first stop that ends a sentence (`sentence_ends`)."""
    for m in sentence_ends(text):
        return text[: m.start() + 1].strip(), text[m.end() :].strip()
    return text.strip(), ""


def is_table_row(text: str) -> bool:
    """Cells in a row ("- Other - 1 With a combined 84 seats", "PTI | 93 | 35%") or mostly figures."""
    if len(_CELL.findall(text)) >= 2:
        return True
    tokens = text.split()
    figures = sum(1 for t in tokens if _NUMBER.match(t.strip("()[],;:")))
    return len(tokens) >= 4 and figures >= 3 and figures / len(tokens) >= 0.4


# '... the launch, where she was/will be greeted by ...': a writer's two drafts of one verb, both left in;
# the sentence was never finished (its main verb is often lost with the edit)
_AUX = r"(?:is|was|are|were|will|would|has|had|have|be|been)"
_DRAFT_ALTERNATIVES = re.compile(rf"\b{_AUX}\s?/\s?{_AUX}\b", re.I)


def not_a_statement(text: str, span: str, at_page_end: bool, enumerated: bool = False) -> str | None:
    """Why this point is no statement (heading, table row, caption, fragment), or None.

    `span` is the source's own text of the point (before the extractor tidied it),
    `at_page_end` whether it runs to the end of the source's text (a page cut off there) and
    `enumerated` whether the source numbered it ("Second, the ..."), where an item's heading
    is often a phrase without a verb.
    """
    raw = " ".join(span.split())
    if _CAPTION.match(raw) or _CREDIT_TAIL.search(raw) or _CAPTION_DATELINE.search(first_sentence(raw)[0]):
        return "a photo caption or credit, not a statement"
    if is_table_row(raw):
        return "a table row, not a statement"
    if _TEASER.match(raw) or _READER_PROMPT.match(raw):
        return "a link to another page (a teaser), not a statement"
    ends = raw.rstrip().endswith(_TERMINAL)
    trails_off = raw.rstrip().endswith(("…", "...")) and not raw.rstrip().endswith("....")
    if at_page_end and (not ends or trails_off):
        return CUT_OFF  # 'after the region was …': the copy stops there
    if raw and is_heading(raw):
        return "a heading, not a statement"
    if text[:1].islower():
        return "a fragment (starts mid-sentence)"
    if re.search(r"[,;:]\.$", text) or (not ends and len(raw.split()) <= 12):
        return "a fragment (no end of sentence)"
    if _DRAFT_ALTERNATIVES.search(raw):
        return "an unedited draft (two verb forms left side by side), not a statement"
    first, rest = first_sentence(text)
    limit = 16 if enumerated else 8
    if not rest and len(first.split()) <= limit and not has_finite_verb(first):
        return "a fragment (no verb)"
    return None


BROKEN_LINE_WORDS = 15  # a line this long is prose, not a heading: ending without a stop, it breaks off


def continues_broken_line(text: str, end: int | None = None) -> bool:
    """The text before a point (`text[:end]`) ends in a prose line that breaks off without a stop
    ("... and Majlis-e-Wahdat" / "Muslimeen Pakistan managed to get 1 seat each."): the point is
    that sentence's tail, and on its own it names the wrong subject. A short line is a heading."""
    last = _last_line(text, len(text) if end is None else end)
    if last is None:
        return False
    return len(last.split()) >= BROKEN_LINE_WORDS and last[-1:].isalnum() and not is_heading(last)


def _last_line(text: str, end: int) -> str | None:
    """The last line of `text[:end]` with something on it, stripped, when a line break follows it
    (None otherwise).

    Why a growing window: a point of a 4 MB source sits after megabytes of text; splitting all of
    it into lines for each of thousands of points made the standalone pass quadratic. The window
    holds the whole last line once a line break precedes it, as splitting the whole prefix finds it.
    """
    size = 512
    while True:
        start = max(0, end - size)
        window = text[start:end]
        body = window.rstrip()
        if body:
            if "\n" not in window[len(body) :]:
                return None
            lines = body.splitlines()
            if len(lines) > 1 or start == 0:
                return lines[-1].strip()
        elif start == 0:
            return None
        size *= 4


MEND_MIN_WORDS = 8  # what is left of a cut-off sentence must still say something
MEND_MAX_TAIL = 5  # words a phrase cut may drop besides the broken word ("in the National Assemb")
# a comma between digits is a thousands separator ("15,550"), no clause break
_CLAUSE_BREAK = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|;|\s[-–—]\s|—)\s*")
_PHRASE_WORDS = (TITLE_SMALL_WORDS - DETERMINERS) | frozenset(
    ["while", "which", "who", "whose", "where", "when", "after", "before"]
)


def open_quotation(text: str) -> bool:
    """Does `text` leave a quotation open (more opening curly marks than closing ones, or an odd
    number of straight ones)? Then what follows it, or its own end, is inside a speaker's words."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def mend_cut_off(text: str) -> str | None:
    """A sentence the page cut off mid-way, cut back to the last whole clause it holds, or None.

    Why: a stored page often stops mid-sentence ("... must win 133 seats out of 265 contested
    seats in the National Assemb"), and the clause before the cut is a statement the source
    makes in full. The broken last word goes; then the text is cut at its last clause break (a
    comma, semicolon or dash), else before a short trailing phrase ("in the National"), when
    what remains has a finite verb and some length. Nothing is added that the source does not say;
    a quotation cut off stays unmended (a speaker's clause ended where they did not end it misquotes).
    """
    trimmed = text.rstrip()
    if open_quotation(trimmed):
        return None  # cut inside a quotation: its clause is the speaker's half-said words, never mended
    whole_word = trimmed.endswith((" …", " ..."))  # 'after the region was …': cut after a whole word
    body = trimmed.rstrip(".…").rstrip()
    words = body.split()
    if len(words) < MEND_MIN_WORDS + 1:
        return None
    if not whole_word:
        body = body[: len(body) - len(words[-1])].rstrip()  # the broken word
    clauses = [body[: m.start()] for m in _CLAUSE_BREAK.finditer(body)][::-1]
    kept = body.split()
    phrases = [
        " ".join(kept[:k])
        for k in range(len(kept) - 1, max(0, len(kept) - MEND_MAX_TAIL - 1), -1)
        if kept[k].lower() in _PHRASE_WORDS
    ]
    # a whole clause first: a trailing phrase may qualify what comes before it ("... in t[he provinces]")
    # 'The release of the report, announced that day, was ...': the main verb after a clause break;
    # a head ending before it is a subject whose verb the cut took
    verb_at = next(
        (m.start() for m in _CLAUSE_BREAK.finditer(body) if _VERB_AFTER.match(body, m.start())), -1
    )
    for head in clauses + phrases:
        if len(head.rstrip()) <= verb_at:
            continue
        head = _without_hanging_conjunct(head.rstrip(" ,;:–—-"))
        last = head.split()[-1].lower() if head.split() else ""
        if (
            len(head.split()) >= MEND_MIN_WORDS
            and last not in _PHRASE_WORDS
            and last not in DETERMINERS
            and last not in AUXILIARIES
            and last not in _HANGING_ADVERBS
            and not _AUX_THEN_ADVERB.search(head)
            and has_finite_verb(head)
            and head.count("(") == head.count(")")
            and not _only_subordinate(head)
        ):
            return head if head.endswith(".") else head + "."  # "... surpass the U.S." has its stop
    return None


# '... announced later that day, was however' (', tot[ally ...]' cut): a verb's adverb with the
# complement cut away ends no clause
_HANGING_ADVERBS = frozenset(
    """however therefore thus also too still yet not never instead meanwhile nevertheless nonetheless
    moreover furthermore indeed rather""".split()  # noqa: SIM905
)
_AUX_THEN_ADVERB = re.compile(
    r"\b(?:is|was|are|were|will|would|has|had|have|be|been|could|should|can|may|might)\s+\w+ly$", re.I
)
# '... lit at 4:35 p.m. and at 4:38' (', they detonated ...' cut): a conjunction and the phrase it
# fronted for the next clause, whose verb the cut took
_HANGING_CONJUNCT = re.compile(
    r"\s+(?:and|but|or|yet|so|then)\s+(?:(?:at|on|in|by|after|before|during|from|with|for|around|about|"
    r"within|over|under)\s+)[^,;]{0,40}$",
    re.I,
)


_VERB_AFTER = re.compile(
    r"[\s,;:–—-]*(?:is|was|are|were|will|would|has|had|have|could|should|can|may|might|remains?|remained)\b",
    re.I,
)


def _without_hanging_conjunct(head: str) -> str:
    m = _HANGING_CONJUNCT.search(head)
    if m is None or has_finite_verb(m.group(0)):
        return head
    return head[: m.start()].rstrip(" ,;:–—-")


# a clause these open leans on a main clause after it: cut back to it alone, the sentence says nothing
_SUBORDINATORS = frozenset(
    "when while if as after before although though because since unless until once whereas".split()  # noqa: SIM905
)


def _only_subordinate(head: str) -> bool:
    """ "When asked at the harbour about the new dock" (the page cut off after ", the mayor said it"):
    a leading subordinate clause with no clause break after it has lost its main clause."""
    words = head.split()
    return words[0].lower() in _SUBORDINATORS and _CLAUSE_BREAK.search(head) is None


# Words a sentence of prose nearly always has and a headline drops ('Rebel group claims port, governor
# urges calm in evening address'): the determiners, and the relative pronouns
_PROSE_WORDS = DETERMINERS | frozenset(["my", "your", "which", "who", "whom", "whose"])
_PAST_WORDS = frozenset("said was were had did told took made came went gave".split())  # noqa: SIM905
HEADLINESE_MIN_WORDS = 6


def headlinese(sentence: str) -> bool:
    """A sentence in a headline's telegraphic style: no article or other determiner in six words or
    more, nothing in the past, a verb in the present ('Ministry denies involvement', 'Group claims it'). Pages open on
    such lines as their summary (a dek); the memo tells the facts in the sources' prose instead."""
    words = re.findall(r"[A-Za-z’'-]+", sentence)
    if len(words) < HEADLINESE_MIN_WORDS or any(w.lower() in _PROSE_WORDS for w in words):
        return False
    if any(w.lower() in _PAST_WORDS or (w.islower() and w.endswith("ed")) for w in words):
        return False  # told in the past: prose that happens to need no article
    return any(
        w.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
        for w in words[1:]
    )


def drop_verbless_lead(text: str) -> tuple[str, int]:
    """ "A paradigm shift in ties. Although ..." -> ("Although ...", characters dropped).

    A source's item heading written as a sentence ("Second, the multifaceted expansion in the
    relations.") leads its paragraph; without its "Second," it is a fragment in the memo.
    """
    first, rest = first_sentence(text)
    if rest and len(first.split()) <= 16 and not has_finite_verb(first):
        return rest, len(text) - len(rest)
    return text, 0


_LABEL = re.compile(r"^([A-Z][a-z]{2,13}):\s+(?=[A-Z“\"])")


# 'G20 Summit 2023: India made ...': a kicker naming the story's series and year before its sentence
# (a time told first, 'In 2023: ...', is the sentence's own)
_YEAR_KICKER = re.compile(
    r"^(?!(?:In|On|At|By|Since|From|For|During|Until|Before|After|Through)\s)(?:[A-Z0-9][\w'’-]*\s+){1,4}"
    r"(?:19|20)\d\d:\s+(?=[A-Z])"
)


def strip_label(text: str, source_text: str = "") -> str:
    """ "Details: The review analysed ..." -> "The review analysed ...": a page's label for its own
    paragraph (some outlets print "Source:", "Details:", "Quote:" before each). A label is a common
    word, no country, and never a name its page writes with a capital mid-sentence ("Putin: ...")."""
    kicker = _YEAR_KICKER.match(text)
    if kicker and len(text) - kicker.end() >= 30 and has_finite_verb(text[kicker.end() :]):
        return text[kicker.end() :]
    m = _LABEL.match(text)
    if not m or len(text) - m.end() < 30 or not has_finite_verb(text[m.end() :]):
        return text
    word = m.group(1)
    if is_country_name(word) or english_zipf(word.lower()) < 4.0:
        return text
    if re.search(rf"[a-z,]\s+{word}\b", source_text):
        return text
    return text[m.end() :]


_MORE_FOLLOWS = re.compile(r"(?<=[.!?])\s*(?:\.{3}|…)$")


def drop_more_follows(text: str) -> str:
    """'... to assist the Kingdom of Morocco....': an ellipsis after a whole sentence marks the
    page's text that follows (a teaser cut short), not the point's; the sentence ends at its stop."""
    return _MORE_FOLLOWS.sub("", text)


# a colon before the last closing mark, with no quotation mark between: where a lost quotation began
_QUOTE_AFTER_COLON = re.compile(r":\s+(?=[^“”\"]*”[^“”\"]*$)")


# 'climbed out through a gate. waiting for them': a stop between two lower-case words ends no sentence
# (the next would open with a capital); an abbreviation's stop ('etc. and') is the word's own
_STRAY_STOP = re.compile(r"(?<![.\w])(?P<word>[a-z]{3,})\.\s+(?=[a-z]{3,}\b)")
_ABBREVIATIONS = frozenset(["etc", "approx", "incl", "esp", "est", "govt", "dept", "misc", "vol", "viz"])


def without_stray_stop(text: str) -> str:
    """A stop the page left inside a sentence, between two lower-case words, goes."""
    return _STRAY_STOP.sub(
        lambda m: m.group(0) if m.group("word") in _ABBREVIATIONS else m.group("word") + " ", text
    )


# '... official told CNN. and a Norfolk spokesperson.': a page's broken sentence, a conjunction and its
# phrase after a stop (the words that once led to them gone)
_TAIL_AFTER_STOP = re.compile(
    r"(?<=[\w)”\"’])\.\s+(?P<tail>(?:and|or|but|as well as)\s[^.!?“”\"]{1,80}?)[.!?](?=\s|$)"
)


def without_verbless_tail(text: str) -> str:
    """A lower-case conjunction opening a 'sentence' with no verb of its own after a stop is what is
    left of a sentence the page broke; it goes, and the sentence before ends at its stop."""
    return _TAIL_AFTER_STOP.sub(lambda m: m.group(0) if has_finite_verb(m["tail"]) else ".", text)


def close_open_quote(text: str) -> str:
    """'“The course corrections have not been secured.': a quotation that runs on past the point
    in its source is closed where the point ends, and one that began before the point is opened
    where it starts ('There could be damage,” says a source.'), so no quote is left half-marked.
    A page that mixes its marks ('“We are perplexed," said a father.') has closed its quotation with
    the other kind: one curly mark short and one straight mark odd balance each other."""
    if abs(text.count("“") - text.count("”")) == 1 and text.count('"') % 2 == 1:
        return text
    if text.count("“") > text.count("”"):
        return text + "”"
    if text.count("”") > text.count("“"):
        colon = _QUOTE_AFTER_COLON.search(text)
        if colon:  # 'issued an announcement: had found an alternative.”': the page lost its opening mark
            return text[: colon.end()] + "“" + text[colon.end() :]
        return "“" + text  # the point starts inside a quotation: open it where it starts
    if text.count('"') % 2 == 0:
        return text
    last = text.rfind('"')
    if last > 0 and text[last - 1] in ".,!?":
        return '"' + text  # 'There could be damage," says a source.'
    return text + '"'  # 'It is "a new era.': opened, never closed


# The reporting itself, not the event: how a source was quoted ("requested anonymity to speak about the
# deal"), who did not answer the reporter, what "this story" did. A sentence that also reports what was
# said ("An official, who requested anonymity, said the ship lost power") is about the event.
_ANONYMITY = re.compile(
    r"\b(?:requested|asked\s+for|sought|(?:was|were)\s+granted|(?:on\s+)?(?:the\s+)?condition\s+of|"
    r"insisted\s+on)\s+anonymity\b|\basked\s+not\s+to\s+be\s+(?:named|identified)\b",
    re.I,
)
_THIS_STORY = re.compile(r"\b(?:for|in|by|to)\s+this\s+(?:story|article|report|piece|newspaper)\b", re.I)
_NO_COMMENT = re.compile(
    r"\b(?:did\s+not|didn[’']t|has\s+not|hasn[’']t|have\s+not|could\s+not)\s+(?:immediately\s+)?"
    r"(?:respond|reply|be\s+reached)\w*\s+(?:to\s+(?:an?\s+|our\s+|multiple\s+|several\s+)?"
    r"(?:emailed\s+)?requests?\s+)?for\s+comment\b",
    re.I,
)
_TELLS_WHAT = re.compile(
    r"\b(?:said|says|told|tells|added|according\s+to|confirmed|warned|stated|described)\b", re.I
)


def about_the_reporting(sentence: str) -> bool:
    """A sentence about how the story was reported, with no statement of the event in it."""
    if _NO_COMMENT.search(sentence):
        return True
    if not (_ANONYMITY.search(sentence) or _THIS_STORY.search(sentence)):
        return False
    return _TELLS_WHAT.search(sentence) is None


def without_reporting(text: str) -> str | None:
    """The point without its sentences about the reporting itself; None when nothing else is left."""
    kept: list[str] = []
    cut = False
    rest = text
    while rest:
        first, after = first_sentence(rest)
        if about_the_reporting(first):
            cut = True
        else:
            kept.append(rest[: len(rest) - len(after)].strip())  # with its closing quote mark
        rest = after
    if not kept:
        return None
    return " ".join(kept) if cut else text


QUESTION_REASON = "a question the page asks, not a statement"


def asks(text: str) -> bool:
    """The point ends on a question of its own ("What will the closure mean?"), not a quoted one.

    Why: a memo states; a page's rhetorical question takes a fact's words. It stays a candidate
    (its links still shape the ranking of the others) and is only never chosen."""
    return text.rstrip().endswith("?")
