"""How a source is named when it has no headline: a headline-like opening of its own text.

Footnotes (citations.py) and the merger's "Sources differ" statements both name an untitled
source this way, so a reader can match the two; a file name is never a name (issue 10)."""

from __future__ import annotations

import re
from functools import lru_cache

PUA = re.compile("[\ue000-\uf8ff]")  # the source's own note markers (sources/footnotes.py)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
OPENING_WORDS = 12  # a headline's length


def clean_value(text: str) -> str:
    """Strip marker and control characters and squeeze whitespace: source text is data, never markup."""
    return " ".join(_CONTROL.sub(" ", PUA.sub("", text or "")).split())


@lru_cache(maxsize=4096)  # the merger names a source once per statement that cites it
def opening_title(text: str, words: int = OPENING_WORDS) -> str:
    """'Bangladesh's Supreme Court has scaled back a controversial job quota system after…': the
    first sentence of the first real paragraph (headings skipped), cut to `words` words."""
    para = next((p for p in (text or "").split("\n\n") if len(p.split()) >= 6), "")
    # the extractor's sentence splitter: "Spokesman for the Armed Forces Brig. Nabil Abdullah ..." is
    # one sentence, not "Spokesman for the Armed Forces Brig"
    from ..sections.sentences import split_sentences  # imported when a source has no headline

    sentence = _unquoted(next(iter(split_sentences(clean_value(para))), ""))
    cut = sentence.split()
    if len(cut) > words:
        return " ".join(cut[:words]).rstrip(",;:—–-") + "…"
    return sentence.rstrip(".")


def _unquoted(sentence: str) -> str:
    """'“Storms ahead,” she said' -> 'Storms ahead, she said': a name is printed in quotation marks,
    and a quotation opening the source would double them ('““Storms ahead…')."""
    if sentence[:1] not in '“"‘':
        return sentence
    return re.sub(r"[“”\"]", "", sentence)
