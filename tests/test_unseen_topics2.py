"""Unseen topic 3 (solvik-ferry): a ferry capsizing told by sources of shapes the first two
topics lack (cp1252 wire story with a dateline, live blog in a page without <article>, press
release with CRLF and non-breaking spaces, saved page with GDPR text and a newsletter modal,
PDF with a cover page, a contents page and two columns, Markdown export with an image, a
caption and link lists).  Sources are made by tests/fixtures/topics/make_solvik_ferry.py.

Every check is a property any topic must have: chrome gone, article sentences kept, each
source's own date/author/publisher, three filled sections, excerpts that are the source text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from memogen.model import SECTION_KEYS, Memo
from memogen.pipeline import BuildOptions, run_build

TOPICS = Path(__file__).resolve().parent / "fixtures" / "topics"
TOPIC = "solvik-ferry"
BUILD_DAY = dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)

JUNK = [
    "FOR IMMEDIATE RELEASE",
    "About Nordvik Lines",
    "operates 11 passenger ferries",  # the issuer's boilerplate paragraph
    "Media contact",
    "press@nordviklines.example",
    "###",
    "Reporting by",
    "Our Standards",
    "3 minute read",
    "(Reuters) -",  # the dateline goes to the metadata
    "HAVLAND, Norland –",
    "We value your privacy",
    "Accept all",
    "Don't miss a story",
    "Sign me up",
    "No thanks",
    "Staff Reporter",
    "Photo: Erik Berg",
    "Tags:",
    "You may also like",
    "Lighthouse keeper",
    "Havland FC",
    "Ten cheap ways",
    "Book your summer crossing",
    "Share this post",
    "Last updated",
    "All rights reserved",
    "![",
    "Photo: Harbour Review archive",
    "Read more",
    "https://",
    "Contents",
    "....",
    "Report 2025/07",
    "Published 30 May 2025",
    "We and our 142 partners",
    "Manage preferences",
    "Key events",
    "14:32 BST",
    "Your email address",
    "Island school",
    "Havland Post. All",
    "](",  # Markdown link syntax
    "**",
    "[^",
    "price survey 2024",  # the Markdown export's own footnote is a reference, not body text
    "Classifieds",
    "Five walks on the coast",
    "Cheap flights",
    "Posted by",
    "April 2025",
]

KEPT = [
    "The passenger ferry Solvik capsized in the Marren Sound on Friday evening",
    "The Solvik, built in 1994, was one of the oldest ferries on the route.",
    "\u201cWe are still searching for 9 people.\u201d",  # cp1252 smart quotes decoded
    "coastguard commander Tor \u00c5kerlund told reporters",  # cp1252, not cp1250 ('Ĺ')
    "Police now say 14 people have died and 189 have been rescued.",
    "The coastguard says the ferry Solvik overturned",
    "Nordvik Lines today suspended all sailings",
    "Nordvik Lines will set up a support fund of 5 million crowns",  # nbsp became a space
    "Insurers expect claims to run into hundreds of millions of crowns.",
    "Unions said the Solvik had been sailing with a reduced crew",
    "The Solvik was the third ferry accident in the Marren Sound since 2010.",
    "costs about 600 million crowns, according to the shipbuilders' association.",
    "Experts say the accident will push the government",
    "On 2 May 2025 at 19:38 the passenger ferry Solvik capsized",
    "The board recommends that all ferries converted after construction",
    "Divers have reached the hull of the Solvik",
    "The prime minister will visit Havland on Sunday",
    "About 600 people marched through Havland on Monday",
    "The islands\u2019 council will vote on Thursday",
]

# id -> (title start, authors, publisher, date)
META = {
    "wire-ferry-capsizes": ("Ferry capsizes in Marren Sound", ["Ingrid Dahl"], "Reuters", None),
    "havlandpost-live-dump": (
        "Solvik ferry: divers reach the hull",
        [],
        "Havland Post",
        dt.date(2025, 5, 3),  # the only date the page gives is its update stamp
    ),
    "islandsgazette-oldsite": (
        "Islanders demand new ferries",
        ["Per Vik"],
        "Islands Gazette",
        dt.date(2025, 5, 5),
    ),
    "norlandtoday-liveblog": (
        "Solvik ferry disaster: live updates",
        [],
        "Norland Today",
        dt.date(2025, 5, 2),
    ),
    "nordvik-press-release": ("Nordvik Lines statement", [], "Nordvik Lines", dt.date(2025, 5, 4)),
    "coastalcourier-ageing-fleet": (
        "Ageing fleet under scrutiny",
        [],
        "Coastal Courier",
        dt.date(2025, 5, 4),
    ),
    "harbourreview-explainer": ("Why Norland", ["Marit Solheim"], "Harbour Review", dt.date(2025, 5, 6)),
    "naib-preliminary-report": (
        "Preliminary report: capsizing of the passenger ferry Solvik",
        [],
        "Norland Accident Investigation Board",
        dt.date(2025, 5, 30),
    ),
}


@pytest.fixture(scope="module")
def memo(tmp_path_factory) -> Memo:
    out = tmp_path_factory.mktemp(TOPIC)
    result = run_build(
        BuildOptions(topic=TOPIC, inputs_dir=TOPICS, out_dir=out, quiet=True, build_date=BUILD_DAY)
    )
    assert result.warnings == []
    return result.memo


def test_every_source_is_read(memo: Memo) -> None:
    assert sorted(s.id for s in memo.sources) == sorted(META)


def test_three_sections_each_with_points(memo: Memo) -> None:
    assert [s.key for s in memo.sections] == list(SECTION_KEYS)
    for section in memo.sections:
        assert len(section.points) >= 2, section.key


def test_every_point_is_cited_and_every_excerpt_is_the_source_text(memo: Memo) -> None:
    texts = {s.id: s.text for s in memo.sources}
    for point in memo.points:
        assert point.citations, point.text
        for c in point.citations:
            assert texts[c.source_id][c.start : c.end] == c.excerpt, (c.source_id, c.excerpt)


@pytest.mark.parametrize("junk", JUNK)
def test_no_junk_line_survives_in_any_body(memo: Memo, junk: str) -> None:
    for source in memo.sources:
        assert junk not in source.text, source.id


@pytest.mark.parametrize("sentence", KEPT)
def test_article_sentences_are_kept(memo: Memo, sentence: str) -> None:
    assert any(sentence in s.text for s in memo.sources)


def test_bodies_have_no_crlf_or_non_breaking_spaces(memo: Memo) -> None:
    for source in memo.sources:
        assert "\r" not in source.text and "\u00a0" not in source.text, source.id
        assert "\u00e2\u20ac" not in source.text, source.id  # no mojibake of smart quotes


@pytest.mark.parametrize("source_id", sorted(META))
def test_title_authors_publisher_and_date(memo: Memo, source_id: str) -> None:
    title, authors, publisher, date = META[source_id]
    meta = next(s for s in memo.sources if s.id == source_id).metadata
    assert (meta.title or "").startswith(title)
    assert meta.authors == authors
    assert meta.publisher == publisher
    assert meta.date == date  # the article's own date: never the live blog's 'Last updated' stamp


def test_the_memo_quotes_no_dateline(memo: Memo) -> None:
    for point in memo.points:
        assert "(Reuters)" not in point.text and not point.text.startswith("HAVLAND,"), point.text


def test_the_markdown_exports_footnote_is_a_reference_of_its_sentence(memo: Memo) -> None:
    src = next(s for s in memo.sources if s.id == "harbourreview-explainer")
    start = src.text.index("A new ferry of the Solvik")
    cited = src.references_in(start, src.text.index(".", start + 60) + 1)
    assert [r.url for r in cited] == ["https://shipbuilders.example/prices"]
