"""Lessons from unseen topics: paywall offers are chrome; author properties carry roles and honorifics."""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.sources.cleaning import RawLine, classify_junk, clean_lines
from memogen.sources.metadata import property_authors
from memogen.sources.pdf import _repeated_edges, publisher_from_running_heads


@pytest.mark.parametrize(
    "line",
    [
        "Get unlimited access to the Kessel Herald from €2 a month.",
        "Enjoy full digital access for 99p a week",
        "Already a subscriber? Sign in",
        "Start your free trial today",
        "Subscribe now: the first month for $1 per month",
        "Newsletter: Get the Markets Morning briefing in your inbox every weekday. Sign up",
        "The best of our reporting, every morning. Sign up now",
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
        "Newsletters from the central bank were read by few households, the survey found.",
        "More than a million voters had to sign up.",
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


def _lines(*texts: str) -> list[RawLine]:
    out: list[RawLine] = []
    for i, text in enumerate(texts, start=1):
        out += [RawLine(text, i), RawLine("", i)]
    return out


BODY = (
    "On Wednesday the central bank raised interest rates by half a percentage point, taking the policy "
    "rate to 6.75 per cent, the largest step since 2008.",
    "Consumer prices rose 9 percent in the year to May, the fastest pace in more than a decade, and "
    "food prices rose even faster.",
)


def test_author_note_above_the_body_is_a_bio_when_the_file_names_the_author() -> None:
    lines = _lines("Sofia Lindgren is a former deputy governor of the central bank.", *BODY)
    result = clean_lines(lines, known_authors=["Sofia Lindgren"])
    assert result.text.startswith("On Wednesday")
    assert result.found.author_bio == ["Sofia Lindgren is a former deputy governor of the central bank."]
    kept = clean_lines(lines)  # without the file's author it is a sentence like any other
    assert kept.text.startswith("Sofia Lindgren is")


def test_a_byline_among_pipe_separated_parts_gives_author_date_and_publisher() -> None:
    lines = _lines(
        "Rates rise to fight inflation", "Global Policy Insights | 12 June 2025 | By Ravi Menon", *BODY
    )
    result = clean_lines(lines)
    assert result.found.authors == ["Ravi Menon"]
    assert result.found.publisher == "Global Policy Insights"
    assert result.found.date == dt.date(2025, 6, 12)
    assert "Ravi Menon" not in result.text and "Global Policy" not in result.text


@pytest.mark.parametrize(
    "heads, publisher",
    [
        (
            ["Kessel Institute for Water Policy | Policy Brief No. 14 | March 2025", "Page 1 of 2"],
            "Kessel Institute for Water Policy",
        ),
        (
            ["Meridia Institute for Economic Research  -  Monetary Policy Note 2025/6"],
            "Meridia Institute for Economic Research",
        ),
        (["The central bank and inflation", "www.example.org/research"], None),
        (["Journal of Water Policy, Vol. 3"], None),
    ],
)
def test_a_pdf_running_head_names_its_publisher(heads: list[str], publisher: str | None) -> None:
    assert publisher_from_running_heads(heads) == publisher


def test_running_heads_are_lines_repeated_at_page_edges() -> None:
    pages = [
        "Kessel Institute for Water Policy | Brief 14\nTitle\nBody one.\nPage 1 of 2",
        "Kessel Institute for Water Policy | Brief 14\nBody two.\nMore body.\nPage 2 of 2",
    ]
    assert _repeated_edges(pages) == ["Kessel Institute for Water Policy | Brief 14"]


def test_a_teaser_headline_between_read_more_and_a_timestamp_is_a_sidebar() -> None:
    lines = _lines(
        BODY[0], "Read more", "Valley flood: how to find missing relatives", "4 hours ago", BODY[1]
    )
    result = clean_lines(lines)
    assert "missing relatives" not in result.text
    assert BODY[0] in result.text and BODY[1] in result.text
