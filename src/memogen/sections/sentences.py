"""Sentence boundaries in one paragraph: a fast rule-based splitter, pysbd only where it is unsure.

Why: pysbd is accurate on news prose ("Gen.", "U.S.", quotes) but slow (~150k characters a second), and
it was most of the sectioning time on long sources.  Nearly every boundary in real prose is plain: a
full stop, question or exclamation mark, perhaps a closing quote or bracket, white space, then a capital,
a digit or an opening quote.  The rules below settle those; a full stop after a dotted abbreviation
("U.S.", "a.m.") or a word that may or may not end a sentence ("Inc.", "etc.") is the rare unsure case,
and only a paragraph holding one goes to pysbd.  `benchmarks/bench_sentences.py` measures both on the
corpus pages (agreement and speed).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from functools import lru_cache

# Titles and abbreviations that are followed by a name or a number, never by a new sentence.
_NEVER_FINAL = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig gov sen rep rev hon fr st mt ft
    pres supt insp det cpl pvt messrs mme mlle sr jr no nos art arts sec fig figs vol vols ch p pp para
    vs v cf e.g i.e approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec""".split()  # noqa: SIM905
)
# Words that end an abbreviation but may also end the sentence ("... Apple Inc. The firm ...").
_MAYBE_FINAL = frozenset("inc ltd co corp plc llc bros etc al ave blvd rd".split())  # noqa: SIM905


def ends_with_title(text: str) -> bool:
    """The text ends with a title's or month's abbreviation and its stop ("... Armed Forces Brig.",
    "Gov.", "Sept."): a name or a number follows, never a new sentence."""
    token = _last_token(text).lstrip("\"“‘'([").rstrip(".").lower()
    return text.endswith(".") and token in _NEVER_FINAL


_CANDIDATE = re.compile(
    r"(?P<stop>[.!?…]+)"
    r"(?P<close>[\"”’')\]]*(?:\[\d{1,3}\]|[¹²³⁰-⁹]+)*)"  # closing quotes, brackets, note markers
    r"(?P<gap>[ \t\u00a0]*)"
    r"(?=[\"“‘'(\[<]?[A-Z0-9\u00c0-\u024f\u0400-\u04ff])"  # next sentence opens with a capital or digit
)
_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[IVXivx]{1,4}|[A-Za-z])$")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
SPLITS_KEPT = 20_000  # paragraphs whose split is kept (see _kept_spans)


@lru_cache(maxsize=1)
def _pysbd():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _inside_quote(line: str, at: int) -> bool:
    """A quotation opened before `at` closes after it on the same line: its sentences stay together."""
    before, after = line[:at], line[at:]
    if before.count("“") > before.count("”") and "”" in after:
        return True
    return before.count('"') % 2 == 1 and '"' in after


def _last_token(before: str) -> str:
    r"""What `re.search(r"(\S+)$", before)` finds, or "": the run of non-space characters that ends the
    text (or ends it before a final line break, as `$` reads it). Why not the pattern: its search tries
    every position of the sentence (~13 µs a boundary, ~0.6 s at 2,000 sources); rsplit reads from the end."""
    body = before[:-1] if before.endswith("\n") else before
    if not body or body[-1].isspace():
        return ""
    return body.rsplit(None, 1)[-1]


def _verdict(before: str, stop: str) -> str:
    """'split', 'keep' or 'unsure' for a candidate boundary, from the token the stop closes."""
    if _NUMBER.match(before):
        return "keep"  # a list number or letter: "2. The second item"
    if "…" in stop or ".." in stop:
        return "unsure"  # an ellipsis: a trailing-off or a cut, rarely a plain full stop
    if stop[0] in "!?" or len(stop) > 1:
        return "split"
    token = _last_token(before).lstrip("\"“‘'([")
    word = token.lower()
    if not word:
        return "split"
    if word in _NEVER_FINAL:
        return "keep"
    if len(word) == 1 and word.isalpha():
        return "keep" if token.isupper() else "unsure"  # an initial ("J. K. Rowling")
    if "." in word:  # dotted abbreviation: "U.S.", "a.m.", "e.g"
        return "unsure"
    if word in _MAYBE_FINAL:
        return "unsure"
    return "split"


_GLUED_NEXT = re.compile(r"(?!(?:Com|Org|Net|Gov|Edu|Co|In|Uk|Io|Info)\b)[A-Z][a-z]+\s")  # not a web address
_GLUED_BEFORE = re.compile(r"(?:^|\s)[\w,’'-]*(?:[a-z]{2}|\d)$")


def _glued(para: str, m: re.Match[str]) -> bool:
    """'… at 23:11 local time on September 8.The epicentre …': a copy that lost the space after a full
    stop. Only a plain word or number before and a capitalised word after count, so '3.5', 'U.S.Army',
    'example.Com/…' and an initial stay whole."""
    return (
        m.group("stop") == "."
        and not m.group("close")
        and bool(_GLUED_NEXT.match(para, m.end()))
        and bool(_GLUED_BEFORE.search(para, 0, m.start()))
    )


def _rule_spans(para: str) -> list[tuple[int, int]] | None:
    """Sentence spans of `para` by the rules, or None when one boundary is unsure."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in _lines(para):
        lo, hi = line
        start = lo
        for m in _CANDIDATE.finditer(para, lo, hi):
            if _inside_quote(para[lo:hi], m.end("stop") - lo) and not m.group("close"):
                continue
            if not m.group("gap") and not _glued(para, m):
                continue
            verdict = _verdict(para[start : m.start("stop")], m.group("stop"))
            if verdict == "unsure":
                return None
            if verdict == "split":
                spans.append((start, m.start("gap")))
                start = m.end()
        if start < hi:
            spans.append((start, hi))
    return spans


def _lines(para: str) -> Iterator[tuple[int, int]]:
    """Line spans (a line break ends a sentence, as pysbd has it), without surrounding blanks."""
    pos = 0
    for m in [*_LINE_BREAK.finditer(para), None]:
        end = m.start() if m else len(para)
        chunk = para[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            yield pos + lead, pos + len(chunk.rstrip())
        if m is None:
            break
        pos = m.end()


def _pysbd_spans(para: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for seg in _pysbd().segment(para):
        piece = seg.strip()
        if not piece:
            continue
        at = para.find(piece, cursor)
        if at < 0:  # the segmenter changed the text: keep the rest as one sentence
            spans.append((cursor + len(para[cursor:]) - len(para[cursor:].lstrip()), len(para.rstrip())))
            return spans
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def sentence_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, stripped of surrounding white space."""
    flat = _kept_spans(para)
    return list(zip(flat[0::2], flat[1::2], strict=True))


def forget_sentence_splits() -> None:
    """Let the kept splits go once every source is extracted: they are no use to the merge, and at
    2,000 sources their paragraphs would add ~20 MB to its memory peak. So too the dates and
    sentences event inference kept (a long report's ~30,000 sentences)."""
    from .dates import forget_dates  # (dates and event read sentences: imported when asked)
    from .event import forget_sentences

    _kept_spans.cache_clear()
    forget_dates()
    forget_sentences()


@lru_cache(maxsize=SPLITS_KEPT)
def _kept_spans(para: str) -> array[int]:
    """The split of each paragraph, kept: event inference reads every source's sentences, then
    extraction reads the same paragraphs again (the cache holds about one long report's worth).
    Kept as one flat array of offsets (16 bytes a sentence, not ~100 in tuples): at 2,000 sources
    the cache is part of the memory peak."""
    spans = _rule_spans(para)
    spans = _clock_times_joined(para, _pysbd_spans(para) if spans is None else spans)
    return array("q", [x for span in spans for x in span])


CLOCK_END = re.compile(r"\b[ap]\.m\.$")
# what follows a clock time inside its sentence: its time zone or its day ("at 6 a.m. Wednesday")
CLOCK_NEXT = re.compile(r"^(?:[A-Z]{1,3}T|UTC|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b(?!\s+[A-Z][a-z])")


def _clock_times_joined(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "At 1:27 a.m. ET (0527 GMT), a ship struck ..." is one sentence: a stop after "a.m." or "p.m."
    followed by the time's zone or its weekday ends none (a day followed by a name, "6 p.m. Sunday
    Hasina left", may open the next sentence and is left to the split)."""
    if len(spans) < 2 or ".m." not in para:
        return spans
    out = [spans[0]]
    for start, end in spans[1:]:
        if CLOCK_END.search(para, 0, out[-1][1]) and CLOCK_NEXT.match(para[start:end]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def split_sentences(para: str) -> list[str]:
    """The sentences of one paragraph as strings."""
    return [para[a:b] for a, b in sentence_spans(para)]
