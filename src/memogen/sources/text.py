"""String-level repairs shared by every reader: words run together, markdown escapes, spacing.

Text dumps lose the space at line joins ("ties.As an outcome", "General Raheel" as
"GeneralRaheel", "2016was", "Groupwas", "thestrategic").  Two kinds of rule repair them:

* character rules fire where the characters themselves show the join (a sentence
  period glued to a capital, a year or an ordinal glued to a word);
* a word-frequency rule (English `wordfreq` list, loaded lazily) splits a token only
  when the whole token is rare, it is not used elsewhere in the document, and a split
  into two or three common words exists whose every piece is far more common than the
  whole.  Names are guarded harder: a capitalised token must be unknown to the list
  and one piece must be a function word ("Groupwas"), so "Khabarovsk", "Stonebrook"
  or "Nizhny" stay.  Camel joins ("KemalSato") split when the document uses a half
  on its own, or when the whole is unknown and both halves are known words or names,
  so "iPhone", "McDonald", "YouTube", "PowerPoint" or "MacArthur" stay.

The thresholds were tuned on the 'tune' half of tests/fixtures/sources/joins.tsv.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
from collections import Counter
from dataclasses import dataclass, field

_URLISH = re.compile(
    r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.|@|[a-z]\.(?:com|org|net|gov|edu|int|io|pk|ru|uk|in)\b|/)"
)
# ... but not a dotted date ("15.Apr.2023"): a month's abbreviation between stops and digits
# ... and a one-letter word after the stop is a sentence's first word ("with Erdogan.A key focus")
_SENTENCE_JOIN = re.compile(
    r"(?<=(?:[a-z]{2}|\d{2})[.!?])(?=[A-Z][a-z]|[AI]$)(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\d)"
)
_COMMA_JOIN = re.compile(r"(?<=[a-z]{2},)(?=[a-z]{2})")
_PAREN_JOIN = re.compile(r"(?<=[a-z][)\]])(?=[A-Z][a-z])")
_QUOTE_AFTER_DIGIT = re.compile(r"(?<=\d[’'])(?=[a-z]{2,})")
_YEAR_JOIN = re.compile(r"\b((?:1[5-9]|20)\d\d)([a-z]{2,})\b")
_ORDINAL_JOIN = re.compile(r"\b(\d{1,4})(st|nd|rd|th)([A-Za-z]{3,})\b")
_CAMEL = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,}(?:-[A-Za-z]+)*)\b")
# An acronym glued to the function word after it ("Quoted from BBCthe party ...", "NATOand"): no word
# runs capitals into one of these
_ACRONYM_JOIN = re.compile(
    r"\b([A-Z]{2,6})(the|and|for|was|were|has|had|have|said|says|with|from|that|which|will|would|are|but|not)\b"
)
_ALLCAPS_HYPHEN = re.compile(r"(?<=[A-Z]{2})- (?=[A-Z]{2})")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$%&|~<>])")
_UNITS = frozenset(
    """km kg mg mm cm ml mw kw kwh gw gwh mph kmh bn mn mln tn pc ft lb lbs am pm gb mb tb hz khz mhz ghz
    px pt bc ad ce bce""".split()  # noqa: SIM905
)


def ordinal_suffix(n: int) -> str:
    """The English ordinal suffix of n (1st, 2nd, 3rd, 4th, 11th, 21st)."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _fix_ordinal(m: re.Match[str]) -> str:
    number, suffix, rest = m.group(1), m.group(2), m.group(3)
    if ordinal_suffix(int(number)) != suffix:
        return m.group(0)
    # "10thousand", "5three": a word may itself begin with th + vowel/r/w/y; leave those.
    if suffix == "th" and rest[0].islower() and rest[0] in "aeiouyrw":
        return m.group(0)
    return f"{number}{suffix} {rest}"


def _fix_year(m: re.Match[str]) -> str:
    year, rest = m.group(1), m.group(2)
    if rest.lower() in _UNITS or rest in ("s", "th"):
        return m.group(0)
    return f"{year} {rest}"


@dataclass(frozen=True)
class JoinSettings:
    """Thresholds of the word-frequency rule (zipf scale: 7 = "the", 3 = once per 10^6 words)."""

    piece_min: float = 3.0  # every piece of a split at least this common
    short_piece_min: float = 5.5  # a 2-letter piece must be a very common word ("of", "is")
    three_piece_min: float = 4.0  # a 3-letter piece a common one ("gas", not "ing" or "les")
    lower_whole_max: float = 3.6  # a lower-case token more common than this is a word
    name_whole_max: float = 1.0  # a capitalised token the list knows at all is a name
    margin: float = 2.0  # the rarest piece beats the whole by this much
    function_min: float = 5.5  # a name's tail this common ("said", "was") marks a join
    camel_half_min: float = 2.0  # each half of a camel join a known word or name,
    camel_title_min: float = 4.5  # or the left half a common word ("MinisterJaishankar")
    english_share: float = 0.5  # share of common English words for the list to apply


@dataclass(frozen=True)
class Repair:
    """One token the splitter changed (recorded so a user can see every repair)."""

    before: str
    after: str


@dataclass(frozen=True)
class DocumentWords:
    """What the document itself says: words used on their own, and how often each token occurs."""

    vocab: frozenset[str]
    counts: dict[str, int]
    english: bool
    # what each (token, starts a sentence) became, per settings: a document repeats its words, and
    # the answer depends on nothing else (filled by repair_joins; ~580,000 tokens in a 4 MB report)
    splits: dict[JoinSettings, dict[tuple[str, bool], str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # per settings, the tokens that stay as they are wherever they stand, and those that may not: a
    # paragraph made only of the first is left as it is without a step per token
    inert: dict[JoinSettings, tuple[set[str], set[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )


_PREFIXES = frozenset(
    """aero agro anti astro auto bio co counter cyber eco electro geo hetero homo hydro hyper inter
    intra iso macro mega micro mid mini mono multi neo neuro non over para petro photo poly post pre
    pro proto pseudo quasi re retro semi socio sub super tele thermo trans tri ultra un under
    uni""".split()  # noqa: SIM905
)
_SUFFIXES = frozenset(
    "able fold free hood less like man men ness proof ship side ward wards wide wise".split()  # noqa: SIM905
)
# Closed-class English words: a join with one of these ("Groupwas", "portis") is the
# shape of a lost space; a name or a compound of content words rarely has one.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those my your his her its our their of in on at by for with from to
    into onto upon over under about above below after before between through during without within
    across against among around behind beyond near off out up down since until than via per and or
    but nor so yet if as because while though although unless whether is are was were be been being
    am has have had do does did will would shall should can could may might must it he she we they
    me him us them who whom whose which what where when why how not no all any each both some such
    very also only just more most then there here""".split()  # noqa: SIM905
)
# Two of these side by side ('us her', 'me him') are rare in English; a known word that splits so
# ('usher') is the word, not a join
_PERSONAL_PRONOUNS = frozenset("i me my he him his she her we us our they them their it its you your".split())  # noqa: SIM905
# A known word ending in an adverb particle is a compound ("walkout", "handover", "showdown"),
# not a join: the function-word rule for known words leaves these endings alone.
_PARTICLES_OF_COMPOUNDS = frozenset("out up off over down back away through around along".split())  # noqa: SIM905
_PARTICLES = frozenset("bin ibn bint van von der den del della da di de du dos das al el la le".split())  # noqa: SIM905
_NAME_PREFIXES = frozenset("mac mc van von de di da del della le la fitz san santa st".split())  # noqa: SIM905
_ENDS_SENTENCE = re.compile(r"[.!?:][\"”’')\]]*$")
_LETTERS = re.compile(r"^([^\w]*)([A-Za-z]+)([^\w]*)$")
_TOKENS = re.compile(r"[A-Za-z]+")


_COMMON_WORDS = "data/common_words_en.tsv.gz"  # written by scripts/make_common_words.py
_RARE_WORDS = "data/rare_words_en.tsv.gz"
COMMON_MIN = 3.0  # the common table holds every word at least this common (no split piece is rarer)


def split_thresholds(s: JoinSettings) -> str:
    """The settings the shipped rare-word table was made for (it records them in its header)."""
    return f"pieces {s.piece_min}/{s.short_piece_min}/{s.three_piece_min}, halves {s.camel_half_min}"


@dataclass(frozen=True)
class Lexicon:
    """Word frequencies of one language on the zipf scale (log10 of uses per 10^9 words, 0 unknown).

    `common` holds every word of zipf >= COMMON_MIN: it answers what is asked of nearly every
    token.  `rare` holds the rarer words the splitter looks up under the default thresholds
    (`made_for`): known words that split into common words, and words of zipf >= 2.0.  Other
    thresholds load wordfreq's full list, once, when it is needed.
    """

    common: dict[str, float]
    rare: dict[str, float]
    made_for: str = ""

    def common_zipf(self, word: str) -> float:
        """Exact for common words; 0 for words rarer than COMMON_MIN."""
        return self.common.get(word, 0.0)

    def split_zipf(self, word: str, s: JoinSettings) -> float:
        """Zipf of a token that splits into common words, or of a camel join's half: exact where
        it matters (a word that splits, or one of zipf >= 2.0); 0 for any rarer word."""
        z = self.common.get(word)
        if z is not None:
            return z
        if self.made_for and self.made_for == split_thresholds(s):
            return self.rare.get(word, 0.0)
        return _full_list().zipf(word)


@dataclass(frozen=True)
class _FullList:
    freqs: dict[str, float]

    def zipf(self, word: str) -> float:
        f = self.freqs.get(word)
        return round(math.log10(f) + 9, 2) if f else 0.0


@functools.lru_cache(maxsize=1)
def _full_list() -> _FullList:
    """wordfreq's whole English list, imported only here (~0.2-0.4 s, once per process)."""
    import wordfreq

    return _FullList(wordfreq.get_frequency_dict("en"))


@functools.lru_cache(maxsize=1)
def english_lexicon() -> Lexicon:
    """The shipped word tables (~40 ms); wordfreq's full list waits until something needs it."""
    common, _ = _table(_COMMON_WORDS)
    rare, header = _table(_RARE_WORDS)
    return Lexicon(common, rare, header.rpartition("; ")[2])


def english_zipf(word: str) -> float:
    """Zipf of one lower-case English word, exact from COMMON_MIN up and 0 below it.

    The shipped table answers ASCII words (~40 ms, once); only a word with other letters
    ("café") loads wordfreq's full list, so a build never pays ~0.2 s for a yes/no question."""
    if word.isascii():
        return english_lexicon().common_zipf(word)
    z = _full_list().zipf(word)
    return z if z >= COMMON_MIN else 0.0


def _table(name: str) -> tuple[dict[str, float], str]:
    from importlib.resources import files

    data = gzip.decompress(files("memogen.sources").joinpath(name).read_bytes()).decode("utf-8")
    header, _, rows = data.partition("\n")
    table: dict[str, float] = {}
    for row in rows.splitlines():  # 'zipf<TAB>word word word ...'
        zipf, _, words = row.partition("\t")
        table.update(dict.fromkeys(words.split(), float(zipf)))
    return table, header


def document_words(text: str, settings: JoinSettings = JoinSettings()) -> DocumentWords:
    """The evidence the splitter needs from the whole document, gathered once per source."""
    tokens = _TOKENS.findall(text)
    distinct = Counter(tokens)  # a long report's ~700,000 tokens are ~20,000 distinct ones
    counts: dict[str, int] = {}
    for token, n in distinct.items():  # first-seen order, as counting the lower-cased tokens gives
        low = token.lower()
        counts[low] = counts.get(low, 0) + n
    sample = [t.lower() for t in tokens[:400]]
    lex = english_lexicon() if sample else None
    known = sum(1 for t in sample if lex and lex.common_zipf(t) >= settings.piece_min)
    english = len(sample) < 30 or known >= settings.english_share * len(sample)
    return DocumentWords(frozenset(filter(_VOCABULARY_WORD.fullmatch, distinct)), counts, english)


def split_joined_words(text: str, words: DocumentWords | set[str] | None = None) -> str:
    """Insert the missing space at run-together words (see the module doc)."""
    return repair_joins(text, words)[0]


def repair_joins(
    text: str, words: DocumentWords | set[str] | None = None, settings: JoinSettings = JoinSettings()
) -> tuple[str, list[Repair]]:
    """`split_joined_words`, also returning each changed token (before, after)."""
    doc = _as_document_words(text, words, settings)
    lex = english_lexicon() if doc.english else None
    out: list[str] = []
    repairs: list[Repair] = []
    known = doc.splits.setdefault(settings, {})
    if _all_inert(text.split(), doc, lex, settings, known):  # (the tokens the loop below goes through)
        return _ALLCAPS_HYPHEN.sub("-", text), []
    starts = True  # does the next token start a sentence?
    for token in re.split(r"(\s+)", text):
        fixed = token
        if token and not token.isspace():
            fixed = _fixed_token(token, starts, doc, lex, settings, known)
            if fixed != token:
                repairs.append(Repair(token, fixed))
            starts = token[-1] in _SENTENCE_END_LAST and bool(_ENDS_SENTENCE.search(token))
        out.append(fixed)
    return _ALLCAPS_HYPHEN.sub("-", "".join(out)), repairs


def _all_inert(
    tokens: list[str],
    doc: DocumentWords,
    lex: Lexicon | None,
    settings: JoinSettings,
    known: dict[tuple[str, bool], str],
) -> bool:
    """Does every token stay as it is, at a sentence's start or not? Then the text needs no repair.
    Why: a long report's paragraphs are most of its ~1 million tokens; asked per distinct token
    (a set's issuperset), not per token, this is most of `repair_joins`'s time saved."""
    inert, live = doc.inert.setdefault(settings, (set(), set()))
    if inert.issuperset(tokens):
        return True
    for token in set(tokens).difference(inert):
        if token in live:
            return False
        if any(_fixed_token(token, starts, doc, lex, settings, known) != token for starts in (True, False)):
            live.add(token)
            return False
        inert.add(token)
    return True


def _fixed_token(
    token: str,
    starts: bool,
    doc: DocumentWords,
    lex: Lexicon | None,
    settings: JoinSettings,
    known: dict[tuple[str, bool], str],
) -> str:
    """What one token becomes (at a sentence's start or not), kept in `known` for the document."""
    fixed = known.get((token, starts))
    if fixed is None:
        fixed = known[token, starts] = (
            token if _urlish(token) or "#" in token else _split_token(token, doc, lex, settings, starts)
        )
    return fixed


# The characters _ENDS_SENTENCE can end on, and those every _URLISH match holds: a token without
# them is answered without the pattern (most tokens, ~0.5 µs each).
_SENTENCE_END_LAST = frozenset(".!?:\"”’')]")


def _urlish(token: str) -> bool:
    return ("." in token or "/" in token or "@" in token) and _URLISH.search(token) is not None


def _as_document_words(
    text: str, words: DocumentWords | set[str] | None, settings: JoinSettings
) -> DocumentWords:
    if isinstance(words, DocumentWords):
        return words
    doc = document_words(text, settings)
    if words is None:
        return doc
    return DocumentWords(frozenset(words), doc.counts, doc.english)


def _split_token(
    token: str, doc: DocumentWords, lex: Lexicon | None, settings: JoinSettings, starts: bool
) -> str:
    plain = _LETTERS.match(token)
    if plain and not _has_inner_capital(plain.group(2)):
        # letters with punctuation only at their ends (most tokens): every join pattern below
        # needs a digit, an inner capital or a mark between letters, so only the frequency rule can apply
        if lex is None or len(plain.group(2)) < 3 or doc.counts.get(plain.group(2).lower(), 0) >= 2:
            return token  # (the frequency rule's own first test)
        return _split_by_frequency(token, doc, lex, settings, starts)
    return _split_by_patterns(token, doc, lex, settings, starts)


def _split_by_patterns(
    token: str, doc: DocumentWords, lex: Lexicon | None, settings: JoinSettings, starts: bool
) -> str:
    """Every join pattern in turn, then the frequency rule on each resulting piece."""
    token = _SENTENCE_JOIN.sub(" ", token)
    token = _COMMA_JOIN.sub(" ", token)
    token = _PAREN_JOIN.sub(" ", token)
    token = _QUOTE_AFTER_DIGIT.sub(" ", token)
    token = _YEAR_JOIN.sub(_fix_year, token)
    token = _ORDINAL_JOIN.sub(_fix_ordinal, token)
    token = _CAMEL.sub(lambda m: _fix_camel(m, doc, lex, settings), token)
    token = _ACRONYM_JOIN.sub(r"\1 \2", token)
    if lex is not None:
        parts = token.split(" ")
        for i, part in enumerate(parts):
            at_start = starts if i == 0 else bool(_ENDS_SENTENCE.search(parts[i - 1]))
            parts[i] = _split_by_frequency(part, doc, lex, settings, at_start)
        token = " ".join(parts)
    return token


def _has_inner_capital(core: str) -> bool:
    """An ASCII capital after the first letter ("GroupWas"): where a camel-case join can be."""
    rest = core[1:]
    return rest != rest.lower()


_QUOTE_MARKS = frozenset("'\"‘’“”")


def _split_by_frequency(part: str, doc: DocumentWords, lex: Lexicon, s: JoinSettings, starts: bool) -> str:
    """'Groupwas,' -> 'Group was,' when the frequency rule allows (punctuation around kept)."""
    m = _LETTERS.match(part)
    if not m or len(m.group(2)) < 3 or doc.counts.get(m.group(2).lower(), 0) >= 2:
        return part
    core = m.group(2)
    if _QUOTE_MARKS.intersection(m.group(1)[-1:]) and _QUOTE_MARKS.intersection(m.group(3)[:1]):
        return part  # "greenhushing": a word the writer set in quotation marks is a term, not a join
    if core.islower():
        pieces = _lower_split(core, lex, s)
    elif core[0].isupper() and core[1:].islower():
        pieces = _name_split(core, lex, s, starts)
    else:
        return part
    if not pieces:
        return part
    return m.group(1) + " ".join(pieces) + m.group(3)


def _lower_split(core: str, lex: Lexicon, s: JoinSettings) -> list[str] | None:
    """A lower-case token the list does not know splits into known pieces ('gaspipeline').

    One it knows, if rarely, is usually a real word ("onsets", "seesaw", "endgame"):
    it splits only into a content word and a trailing function word, the shape of
    a dump's join ("portis", "ofthe"), never into two content words.
    """
    if lex.common_zipf(core) >= s.lower_whole_max:
        return None
    pieces = best_split(core, lex, s)
    if not pieces:
        return None
    whole = lex.split_zipf(core, s)
    if min(lex.common_zipf(p) for p in pieces) < whole + s.margin:
        return None
    if pieces[0] in _PREFIXES or pieces[-1] in _SUFFIXES:
        return None
    if whole >= s.name_whole_max and (
        len(pieces) > 2
        or all(p in _PERSONAL_PRONOUNS for p in pieces)  # 'usher' is no 'us her': the word is likelier
        or pieces[-1] not in _FUNCTION_WORDS
        or pieces[-1] in _PARTICLES_OF_COMPOUNDS
        or (pieces[0] not in _FUNCTION_WORDS and len(pieces[0]) < 4)
    ):
        return None
    return pieces


def _name_split(core: str, lex: Lexicon, s: JoinSettings, starts: bool) -> list[str] | None:
    """A capitalised token splits only when unknown and one piece is a function word or particle.

    Mid-sentence the first piece must be a content word of four letters or more:
    "in Bywell" or "at Ashover" are places, since a join there would have put
    "By" or "Ash" in capitals mid-sentence.
    """
    pieces = best_split(core.lower(), lex, s)
    if not pieces or len(pieces[-1]) < 2 or pieces[0] in _PREFIXES or pieces[-1] in _SUFFIXES:
        return None  # a name ending in 'a' ('Bendjama' as 'Bend jam a') is a name, not a lost space
    if lex.split_zipf(core.lower(), s) >= s.name_whole_max:
        return None
    if not starts and (len(pieces[0]) < 4 or pieces[0] in _FUNCTION_WORDS):
        return None
    glue = (
        any(p in _FUNCTION_WORDS for p in pieces)
        or any(lex.common_zipf(p) >= s.function_min for p in pieces[1:])
        or (len(pieces) == 2 and pieces[1] in _PARTICLES and len(pieces[0]) >= 4)
    )
    if not glue:
        return None
    return [core[: len(pieces[0])], *pieces[1:]]


def best_split(word: str, lex: Lexicon, s: JoinSettings = JoinSettings()) -> list[str] | None:
    """The most probable split of `word` into 2 or 3 known pieces, or None.

    A dynamic program over cut points: best[i][k] is the most probable (sum of
    zipf, i.e. product of frequencies; pieces) for word[:i] in k pieces, so
    "invests in" beats "invest sin".  Fewer pieces win ("Rainfall in", not "Rain
    fall in"): a dump loses one space at a join, rarely two in one token.
    """
    n = len(word)
    best: list[dict[int, tuple[float, list[str]]]] = [{} for _ in range(n + 1)]
    best[0][0] = (0.0, [])
    for i in range(1, n + 1):
        for j in range(max(0, i - 24), i):
            piece = word[j:i]
            if not _piece_ok(piece, lex, s):
                continue
            for k, (score, pieces) in best[j].items():
                if k >= 3:
                    continue
                cand = (score + lex.common_zipf(piece), [*pieces, piece])
                if k + 1 not in best[i] or cand[0] > best[i][k + 1][0]:
                    best[i][k + 1] = cand
    options = [(-k, sc, p) for k, (sc, p) in best[n].items() if k >= 2]
    return max(options)[2] if options else None


def _piece_ok(piece: str, lex: Lexicon, s: JoinSettings) -> bool:
    if len(piece) == 1:
        return piece == "a"
    z = lex.common_zipf(piece)  # every threshold is at least COMMON_MIN
    return z >= {2: s.short_piece_min, 3: s.three_piece_min}.get(len(piece), s.piece_min)


def fix_broken_hyphens(text: str) -> str:
    """'PAKISTAN- RUSSIAN' -> 'PAKISTAN-RUSSIAN' (a compound split at a line end, in capitals)."""
    return _ALLCAPS_HYPHEN.sub("-", text)


def _fix_camel(m: re.Match[str], doc: DocumentWords, lex: Lexicon | None, s: JoinSettings) -> str:
    """'GeneralRaheel' -> 'General Raheel'; brands the word list knows ('PowerPoint') stay."""
    left, right = m.group(1), m.group(2)
    head = right.split("-")[0]
    whole = (left + head).lower()
    if (lex is not None and _known_compound(whole, lex, s)) or doc.counts.get(whole, 0) >= 2:
        return m.group(0)
    if left in doc.vocab or (len(head) >= 4 and head in doc.vocab):
        return f"{left} {right}"
    if lex is None or left.lower() in _NAME_PREFIXES:
        return m.group(0)
    halves = (lex.split_zipf(left.lower(), s), lex.split_zipf(head.lower(), s))
    if min(halves) >= s.camel_half_min or halves[0] >= s.camel_title_min:
        return f"{left} {right}"
    return m.group(0)


def _known_compound(whole: str, lex: Lexicon, s: JoinSettings) -> bool:
    """Is 'youtube' or 'exxonmobil' a word the list knows?  The shipped tables know the common
    ones and those that split into common words; only a camel join whose whole splits into no
    common words ('GeneralRaheel') needs wordfreq's full list, loaded then, once."""
    if lex.common_zipf(whole) >= s.name_whole_max:
        return True
    if best_split(whole, lex, s) is not None:
        return lex.split_zipf(whole, s) >= s.name_whole_max
    return _full_list().zipf(whole) >= s.name_whole_max


# A word that occurs on its own in the document (the evidence camel splits need): a whole run of
# ASCII letters (a `_TOKENS` match) of this shape, so read from the distinct tokens, not the text again.
_VOCABULARY_WORD = re.compile(r"[A-Z]?[a-z]+")


def document_vocabulary(text: str) -> set[str]:
    """Words that occur on their own in the document (the evidence camel splits need)."""
    return set(filter(_VOCABULARY_WORD.fullmatch, _TOKENS.findall(text)))


def unescape_markdown(text: str) -> str:
    """`US\\$ 790` -> `US$ 790`: dumps made via markdown keep backslash escapes."""
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text  # an escape needs its backslash


_EMPHASIS = re.compile(r"(?<![\w*])([*_]{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def strip_emphasis(text: str) -> str:
    """`*The Herald*` -> `The Herald` (markdown emphasis is formatting, not words)."""
    if "*" not in text and "_" not in text:
        return text  # no marker, nothing to strip (most lines: the scan is skipped)
    return _EMPHASIS.sub(r"\2", text)


_SPACE_RUN = re.compile(r" {2,}")


def normalise_spaces(line: str) -> str:
    """Non-breaking and odd spaces to plain spaces; trim; collapse runs."""
    line = line.replace("\u00a0", " ").replace("\u2009", " ").replace("\u200b", "").replace("\t", " ")
    return (_SPACE_RUN.sub(" ", line) if "  " in line else line).strip()


_WORD_RUN = re.compile(r"\w+(?:[’'-]\w+)*")


@functools.lru_cache(maxsize=512)
def word_count(text: str) -> int:
    """Words of `text`; kept for the last lines asked about, since the line classifiers each ask
    again of the same line."""
    return len(_WORD_RUN.findall(text))


# 'its trading record* The port will ...': a lone star glued to a word, a capital after it
_STAR_STOP = re.compile(r"(?<=[a-z])\*(?=\s+[A-Z])")


# 'to keep prices steady.1', 'as of March.”2', 'have fallen.3–4': a note's number glued after a
# sentence's stop, its note list not on the page (a word of three lower-case letters before the stop:
# 'No.1', 'Vol.2' and '5.1' stay)
_LOOSE_NOTE = re.compile(
    r"(?:(?<=[a-z]{3}[.!?])|(?<=[a-z][.!?][”\"’]))\d{1,2}(?:[–-]\d{1,2})?(?=\s+[A-Z“\"]|\s*$)"
)
_STOP_DIGIT = re.compile(r"[.!?][”\"’]?\d")  # where a loose note can be: most paragraphs have none
# 'for tenants.” https://www.example.com/2024/08/05/story/': a link printed after a sentence
_TRAILING_LINK = re.compile(r"(?<=[.!?”\"’)])\s+<?https?://\S+?>?(?=\s+[A-Z“\"]|\s*$)")


def without_loose_marks(paragraph: str) -> str:
    """A paragraph without the note numbers and links a copy left after its sentences' stops: they
    belong to the page (its lost note list, its link), not to the sentence a memo quotes."""
    if "http" in paragraph:
        paragraph = _TRAILING_LINK.sub("", paragraph)
    return _LOOSE_NOTE.sub("", paragraph) if _STOP_DIGIT.search(paragraph) else paragraph


def star_as_stop(paragraph: str) -> str:
    """The one star of a paragraph, glued to a word's end before the next sentence's capital, stands
    where the sentence's stop was lost (a footnote's star keeps its stop: 'record.* The'); the
    stop is put back.  Two stars or more in a paragraph are emphasis or a list, and stay."""
    if paragraph.count("*") != 1:
        return paragraph
    return _STAR_STOP.sub(".", paragraph)
