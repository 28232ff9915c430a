"""The broken-line check reads only the end of the text before a point, and finds what splitting
the whole prefix into lines finds."""

from __future__ import annotations

import random

from memogen.compose.standalone.shape import BROKEN_LINE_WORDS, continues_broken_line, is_heading

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
