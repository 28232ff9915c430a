"""A label one source alone gives (merge/labels.py) is that source's reading, not the memo's wording."""

from __future__ import annotations

import datetime as dt

from memo_factory import merge_specs
from memogen.merge.labels import labels

DAY = dt.date(2025, 5, 2)


def test_marked_labels_are_read_and_plain_quotes_are_not():
    assert labels("Delegates adopted the so-called “Green Ledger”, a plan for 2030.") == ["Green Ledger"]
    assert labels("The plan, dubbed 'Project Dawn', starts in May.") == []
    assert labels("He called the vote “a disgrace” on Monday.") == []


def test_a_label_only_one_source_uses_is_flagged_not_stated():
    _, result = merge_specs(
        (
            "a",
            ["Delegates on Friday adopted the so-called “Green Ledger”, the deal on river basins."],
            "A",
            DAY,
        ),
        ("b", ["The River Compact was signed by nine states on Friday, officials said."], "B", DAY),
        ("c", ["Delegates hailed the River Compact as a turning point for the region."], "C", DAY),
    )
    assert not any("Green Ledger" in m.text for m in result.merged)
    assert any("a label only this source uses" in f for c in result.clusters for f in c.flags)


def test_a_label_other_sources_also_use_is_stated():
    _, result = merge_specs(
        (
            "a",
            ["Delegates on Friday adopted the so-called “Green Ledger”, the deal on river basins."],
            "A",
            DAY,
        ),
        ("b", ["The Green Ledger was signed by nine states on Friday, officials said."], "B", DAY),
    )
    assert any("Green Ledger" in m.text and "so-called" in m.text for m in result.merged)


def test_the_quick_check_drops_no_label_the_pattern_finds():
    import random

    from memogen.merge import labels as module

    pieces = [
        *("so-called ", "so called ", "So-called ", "so-called", "called ", "the ", " "),
        *("“Green Ledger”", "'Dawn'", '"Plan" ', "“green”", "‘Blue Line’ "),
    ]
    rng = random.Random(3)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert labels(text) == [m.group("label") for m in module._LABEL.finditer(text)], text
        found += bool(labels(text))
    assert found > 10  # texts with a label were tried


def _merged(*sentences: str) -> tuple[str, list[str]]:
    """The merged text and the flags of one sentence per source, all of one day."""
    _, result = merge_specs(*((chr(97 + k), [t], chr(65 + k), DAY) for k, t in enumerate(sentences)))
    return " ".join(m.text for m in result.merged), [f for c in result.clusters for f in c.flags]


def test_a_name_one_source_alone_misspells_is_flagged_not_stated():
    """One word of an agency's name replaced ("Company" where two others write "Corporation") or
    put inside a person's name (a translation's "Clothier"): that source's slip, not stated."""
    text, flags = _merged(
        "The Harbour Deposit Insurance Company took control of Tarvel Bank on Friday.",
        "The Harbour Deposit Insurance Corporation seized Tarvel Bank on Friday.",
        "Regulators at the Harbour Deposit Insurance Corporation said deposits are safe.",
        "Coup leader General Ostin Clothier Varga-Mehl spoke on television.",
        "General Ostin Varga Mehl named himself interim president.",
        "Crowds cheered as Ostin Varga Mehl drove through the capital.",
    )
    assert "Insurance Company" not in text and "Clothier" not in text
    assert "Insurance Corporation" in text and "Varga Mehl" in text
    assert any("is a name only this source writes" in f for f in flags)


def test_a_fuller_name_or_one_backed_by_a_single_source_is_stated():
    """A first or last name one source adds ("Ostin Varga Mehl Tovar") is no slip, nor a variant
    only one other source contradicts."""
    text, _ = _merged(
        "General Ostin Varga Mehl Tovar spoke on television on Friday.",
        "General Ostin Varga Mehl named himself interim president.",
        "Crowds cheered as Ostin Varga Mehl drove through the capital.",
        "The Harbour Deposit Insurance Company took control of Tarvel Bank.",
        "The Harbour Deposit Insurance Corporation seized Tarvel Bank.",
    )
    assert "Mehl Tovar" in text and "Insurance Company" in text
