"""The standalone checks read offsets of a point's source, not copies of all the text before it
(quadratic in one long source), and find what the copies found."""

from __future__ import annotations

import random

from memogen.compose.standalone import _NON_SPACE, Home, _paragraph_before
from memogen.compose.standalone.shape import BROKEN_LINE_WORDS, continues_broken_line, is_heading
from memogen.model import Citation, Source, SourceMetadata

PIECES = ["word", "Talks", "and", "Majlis-e-Wahdat", "1", "seat.", " ", "  ", "\n", "\r\n", "\r", "\t", "\u2028", "\x85", "\n\n", "x" * 700]  # fmt: skip


def _whole_prefix(before: str) -> bool:
    """The check as it read the whole prefix: every line split, the last one with text kept."""
    lines = [line for line in before.rstrip().splitlines() if line.strip()]
    if not lines or "\n" not in before[len(before.rstrip()) :]:
        return False
    last = lines[-1].strip()
    return len(last.split()) >= BROKEN_LINE_WORDS and last[-1:].isalnum() and not is_heading(last)


def test_window_agrees_with_the_whole_prefix():
    rng = random.Random(15)
    for _ in range(400):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 120)))
        for end in sorted({0, len(text), *(rng.randint(0, len(text)) for _ in range(8))}):
            assert continues_broken_line(text, end) == _whole_prefix(text[:end]), (text, end)


def test_a_long_line_far_back_is_found_whole():
    line = " ".join(["the delegation met the minister and"] * 200) + " Majlis-e-Wahdat"
    text = "Heading\n" + line + "\n" + "Muslimeen Pakistan managed to get 1 seat each."
    end = text.index("Muslimeen")
    assert continues_broken_line(text, end) is True
    assert continues_broken_line(text[:end]) is True
    assert continues_broken_line(text, text.index(line) + len(line)) is False  # no line break after it


def _paragraph_by_copies(text: str, start: int, headings: set[str]) -> int | None:
    """The paragraph look-up of Home.previous_sentence as it read copies of the whole prefix."""
    head = text[:start]
    para = head.rstrip().rfind("\n")
    if not head[para + 1 :].strip():
        para = head.rstrip()[:para].rstrip().rfind("\n") if para >= 0 else -1
        if text[para + 1 : start].strip() in headings:
            return None
    return para


SENTENCE_PIECES = ["The talks ended.", "He said so.", "Heading", " ", "\n", "\n\n", "\r\n", "\t", "“Quoted.”", "and", "x"]  # fmt: skip


def test_previous_sentence_and_end_agree_with_the_copies():
    rng = random.Random(17)
    for _ in range(400):
        text = " ".join(rng.choice(SENTENCE_PIECES) for _ in range(rng.randint(0, 40)))
        source = Source(id="s", path="s.txt", kind="text", metadata=SourceMetadata(), text=text)
        source.headings = [(0, "Heading")]
        for start in sorted({0, len(text), *(rng.randint(0, len(text)) for _ in range(6))}):
            assert _paragraph_before(text, start, source.headings) == _paragraph_by_copies(
                text, start, {"Heading"}
            ), (text, start)
            home = Home(source, Citation("s", "", start, start))
            if home.previous_sentence() is not None:
                begin, end = home.previous_sentence()
                assert 0 <= begin < end <= start and text[begin:end].strip() == text[begin:end]
            assert (_NON_SPACE.search(text, start) is None) == (not text[start:].strip())
