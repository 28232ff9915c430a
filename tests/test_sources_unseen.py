"""Lessons from unseen topics: paywall offers are chrome; author properties carry roles and honorifics."""

from __future__ import annotations

import pytest

from memogen.sources.cleaning import classify_junk
from memogen.sources.metadata import property_authors


@pytest.mark.parametrize(
    "line",
    [
        "Get unlimited access to the Kessel Herald from €2 a month.",
        "Enjoy full digital access for 99p a week",
        "Already a subscriber? Sign in",
        "Start your free trial today",
        "Subscribe now: the first month for $1 per month",
    ],
)
def test_paywall_offers_are_dropped(line: str) -> None:
    assert classify_junk(line) == "subscription prompt"


@pytest.mark.parametrize(
    "line",
    [
        "The regulator said households would get full access to their data from next year.",
        "The operator charges subscribers from €2 a month, up from €1.50 last year, and "
        "plans to raise prices again once the network reaches the northern provinces in 2026.",
        "Residents were given unlimited access to emergency shelters in Brenna.",
        "The operator charges subscribers €2 a month.",
    ],
)
def test_article_sentences_about_access_and_prices_stay(line: str) -> None:
    assert classify_junk(line) is None


@pytest.mark.parametrize(
    "value, comma, names",
    [
        ("Dr Elena Marsh, Senior Fellow", True, ["Elena Marsh"]),
        ("Paul Okafor and Lena Brandt", True, ["Paul Okafor", "Lena Brandt"]),
        ("Prof. John Smith; Research Director", True, ["John Smith"]),
        ("Anna Fellow", True, ["Anna Fellow"]),
        ("Smith, John", False, ["Smith, John"]),
        ("Editor", True, []),
    ],
)
def test_author_properties_lose_roles_and_honorifics(value: str, comma: bool, names: list[str]) -> None:
    assert property_authors(value, comma_splits=comma) == names
