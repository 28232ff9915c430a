"""`repair_text` passes over the lines ftfy cannot change: the result is ftfy's own, line for line."""

from __future__ import annotations

import random
from pathlib import Path

import ftfy
import pytest

from memogen.sources.encoding import repair_text

CORPUS = Path(__file__).parents[1] / "../shared/corpus"
PIECES = [
    "The minister arrived on 7 April.",
    "caf\u00c3\u00a9 au lait",  # mojibake
    "\u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d",
    "Tom &amp; Jerry",
    "AT&T and &eacute;",
    "<p>markup</p>",
    "a < b",
    "\x1b[36mcoloured\x1b[0m",
    "bell\x07 and del\x7f",
    "\ufb01ne ligature",
    "\uff2c\uff2f\uff35\uff24",
    "line\u2028separator",
    "\u201ccurly\u201d \u2019 quotes",
    "tab\there",
    "form\x0cfeed",
    "e\u0301 (combining)",
    "",
    "   ",
    "plain ASCII line, nothing to fix",
    "\u2018single\u2019 \u2013 en, \u2014 em\u2026 \u2022 bullet",
    "\u00e2\u20ac\u201d dash mojibake",
    "r\u00e9sum\u00e9 \u201cquoted\u201d",
]


def _ftfy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=True, normalization="NFC")


def test_random_texts_repair_as_ftfy_does() -> None:
    rng = random.Random(15)
    for _ in range(400):
        lines = [
            " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 12))
        ]
        sep = rng.choice(["\n", "\r\n", "\r", "\n\n"])
        text = sep.join(lines) + rng.choice(["", "\n", "\r\n"])
        assert repair_text(text) == _ftfy(text), repr(text)


def test_an_entity_after_markup_stays_as_ftfy_leaves_it() -> None:
    text = "<b>title</b>\nplain line\nTom &amp; Jerry\n"
    assert repair_text(text) == _ftfy(text)
    assert "&amp;" in repair_text(text)
    assert repair_text("plain\nTom &amp; Jerry\n") == "plain\nTom & Jerry\n"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_corpus_pages_repair_as_ftfy_does() -> None:
    pages = sorted(CORPUS.rglob("*.txt"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        assert repair_text(text) == _ftfy(text), page.name


def test_typographic_punctuation_is_never_mojibake_to_ftfy() -> None:
    """The fast path's own claim: ASCII with curly quotes, dashes, ellipsis and bullets is left as is."""
    rng = random.Random(16)
    alphabet = [chr(c) for c in range(0x20, 0x7F) if chr(c) != "&"] + list(
        "\t\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022" * 8
    )
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert _ftfy(text) == text, repr(text)
