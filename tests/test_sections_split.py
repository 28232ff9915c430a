"""The rule sentence splitter (pysbd only where unsure), relative days, and linear date finding."""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.sections.dates import find_dates, find_relative_days
from memogen.sections.sentences import _pysbd_spans, _rule_spans, sentence_spans, split_sentences


@pytest.mark.parametrize(
    "para, expected",
    [
        ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        (
            "Gen. Bajwa met Mr. Khan on Monday. They spoke.",
            ["Gen. Bajwa met Mr. Khan on Monday.", "They spoke."],
        ),
        ("It cost 2.5 billion. Few paid.", ["It cost 2.5 billion.", "Few paid."]),
        (
            'He said "We will stay. We will fight." Then he left.',
            ['He said "We will stay. We will fight."', "Then he left."],
        ),
        (
            "“It is over. We lost,” she said. The crowd left.",
            ["“It is over. We lost,” she said.", "The crowd left."],
        ),
        ("Was it worth it? Nobody knows!", ["Was it worth it?", "Nobody knows!"]),
        ("2. The second item", ["2. The second item"]),
        ("The toll rose to 23.[4] Divers searched on.", ["The toll rose to 23.[4]", "Divers searched on."]),
        (
            "The fund reached $700 million.² Critics said it was small.",
            ["The fund reached $700 million.²", "Critics said it was small."],
        ),
        (
            "See Vol. 7, No. 17 of the report. It is long.",
            ["See Vol. 7, No. 17 of the report.", "It is long."],
        ),
        (
            "First line without a stop\nSecond line. Third.",
            ["First line without a stop", "Second line.", "Third."],
        ),
    ],
)
def test_rule_splitter(para: str, expected: list[str]) -> None:
    assert split_sentences(para) == expected


def test_unsure_boundaries_go_to_pysbd_and_offsets_are_exact() -> None:
    para = "He lives in the U.S. The talks are in Paris."
    assert _rule_spans(para) is None  # "U.S." may or may not end the sentence
    assert sentence_spans(para) == _pysbd_spans(para)
    for a, b in sentence_spans("  Padded text. Another one.  "):
        assert "  Padded text. Another one.  "[a:b] == "  Padded text. Another one.  "[a:b].strip()


def test_relative_days_resolve_from_the_writing_date() -> None:
    wednesday = dt.date(2023, 9, 20)
    days = find_relative_days(
        "On Tuesday the decree was signed; yesterday it was published; next Monday it takes effect."
    )
    assert [d.resolve(wednesday) for d in days] == [
        dt.date(2023, 9, 19),
        dt.date(2023, 9, 19),
        dt.date(2023, 9, 25),
    ]
    assert find_relative_days("a sunday market") == []  # a weekday needs its capital


def test_find_dates_scales_with_the_text() -> None:
    """Many mentions in one long text: every one found once, none overlapping (no quadratic scan)."""
    text = "On 6 April 2021 the minister arrived; in 2019 trade fell; the 1990s were hard. " * 5000
    found = find_dates(text)
    assert len(found) == 3 * 5000
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_a_full_stop_that_lost_its_space_still_ends_the_sentence():
    from memogen.sections.sentences import split_sentences

    assert split_sentences("The ferry left at 23:10 on 8 May.The coastguard was told at dawn.") == [
        "The ferry left at 23:10 on 8 May.",
        "The coastguard was told at dawn.",
    ]
    assert split_sentences("Fares rose 3.5 per cent, the U.S.Army said; see harbour.Com now.") == [
        "Fares rose 3.5 per cent, the U.S.Army said; see harbour.Com now."
    ]


def test_a_kept_split_is_the_split_and_is_let_go() -> None:
    """The split is kept per paragraph (event inference and extraction both ask): asked again, from
    the cache, it gives the same spans as the splitters themselves, as a new list each time."""
    from memogen.sections.sentences import _kept_spans, forget_sentence_splits

    forget_sentence_splits()
    paras = ["He came. She went! Did he?", "Gen. Smith said U.S. troops left. Apple Inc. The firm grew.", ""]
    first = [sentence_spans(p) for p in paras]
    again = [sentence_spans(p) for p in paras]
    assert first == again == [_rule_spans(p) or _pysbd_spans(p) for p in paras]
    assert first[0] == [(0, 8), (9, 18), (19, 26)]
    again[0].append((0, 0))  # a caller's list is its own
    assert sentence_spans(paras[0]) == first[0]
    assert _kept_spans.cache_info().currsize == 3
    forget_sentence_splits()
    assert _kept_spans.cache_info().currsize == 0
