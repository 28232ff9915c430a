"""Second round of unseen shapes: wire and press-release datelines, press-release boilerplate,
Markdown images and captions, bylines without a person, contents pages, site names in <title>."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from memogen.sources.cleaning import RawLine, classify_junk, clean_text
from memogen.sources.metadata import property_authors
from memogen.sources.pdf import pdf_pages_to_lines, publisher_from_running_heads
from memogen.sources.reader import read_source

PARA = (
    "The company said the ferry had been fitted with new life rafts in 2023 and that its crew "
    "had completed an evacuation drill in April, weeks before the accident."
)


_clean = clean_text


def test_press_release_label_and_boilerplate_tail_are_dropped_and_the_lead_dates_it() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\nOperator statement on the accident\n\n"
        "HAVLAND, Norland – 4 May 2025 – The operator today suspended all sailings of its oldest ferries "
        "pending a full safety review.\n\n"
        f"{PARA}\n\n{PARA}\n\n"
        "About Nordvik Lines\n"
        "Nordvik Lines operates 11 passenger ferries on six routes and carries about 2 million passengers a year.\n\n"
        "Media contact:\nSara Lind, Head of Communications\n\n###"
    )
    res = _clean(text)
    assert "FOR IMMEDIATE RELEASE" not in res.text
    assert "About Nordvik" not in res.text and "operates 11 passenger ferries" not in res.text
    assert "Sara Lind" not in res.text
    assert res.text.startswith("The operator today suspended")  # the dateline went to the metadata
    assert any(d.line == "HAVLAND, Norland – 4 May 2025 –" for d in res.dropped)
    assert res.found.date == dt.date(2025, 5, 4)
    assert res.found.publisher == "Nordvik Lines"  # the issuer its 'About' names, not the release label


def test_a_late_about_heading_needs_the_article_before_it() -> None:
    """'About the dam' as the first heading of a story is not boilerplate: only a late one is."""
    res = _clean(f"Title of the story\n\nAbout Tarvin Dam\n\n{PARA}\n\n{PARA.replace('ferry', 'ship')}")
    assert "About Tarvin Dam" in res.text and res.text.count("life rafts") == 2


def test_wire_dateline_names_the_agency_as_publisher() -> None:
    res = _clean(
        "Ferry capsizes in the Sound\n\nBy Ingrid Dahl\n\n"
        "HAVLAND, May 3 (Reuters) - The passenger ferry capsized on Friday evening, killing at least 14 "
        f"people, the coastguard said on Saturday.\n\n{PARA}"
    )
    assert res.found.publisher == "Reuters"
    assert res.found.authors == ["Ingrid Dahl"]
    assert res.text.startswith("The passenger ferry capsized")
    assert [d.reason for d in res.dropped if d.line == "HAVLAND, May 3 (Reuters) -"] == [
        "dateline of the story (→ metadata)"
    ]


def test_a_capitalised_first_word_with_a_comma_is_not_a_dateline() -> None:
    line = "NATO, the alliance said on Friday - Germany would send ships to the Sound to help the rescue."
    res = _clean(f"Headline here\n\n{line}\n\n{PARA}")
    assert res.text.startswith("NATO, the alliance said")


def test_an_ordinary_first_sentence_with_a_dash_gives_no_dateline() -> None:
    res = _clean(
        "Headline here\n\nThe MINISTER, who spoke to reporters in the capital - on 4 May 2025 - said the "
        f"ferry operator would have to answer for the accident.\n\n{PARA}"
    )
    assert res.found.date is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("![The ferry at sea](ferry.jpg)", "image (markdown)"),
        ("*The ferry at sea before the accident. Photo: Harbour Review archive*", "image caption / credit"),
        ("The Solvik in Havland harbour in 2021. Photo: Erik Berg", "image caption / credit"),
        ("FOR IMMEDIATE RELEASE", "press-release label"),
        ("Press release", "press-release label"),
        ("Embargoed until 00:01 BST 4 May 2025", "press-release label"),
        (
            "We and our 142 partners store and access information on your device, such as cookies, and "
            "process personal data for personalised ads and content.",
            "cookie / consent banner",
        ),
        ("We value your privacy", "cookie / consent banner"),
        ("Accept all", "cookie / consent banner"),
        ("Manage preferences", "cookie / consent banner"),
        ("14:32 BST", "live-blog entry time"),
        ("9.05am", "live-blog entry time"),
        ("Key events", "live-blog label / newsletter form"),
        ("No thanks", "live-blog label / newsletter form"),
        ("Your email address", "live-blog label / newsletter form"),
    ],
)
def test_new_junk_shapes(line: str, reason: str) -> None:
    assert classify_junk(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The photo: a ferry in the harbour, taken in 2021, shows the upper deck.",
        "Ends of the harbour wall were damaged in the storm.",
        "A press release issued on Sunday said the company would pay compensation to families.",
        "Partners of the victims said they would accept all offers of help.",
        "Live music was cancelled in Havland after the accident.",
        "At 14:32 BST divers reached the hull.",
    ],
)
def test_article_sentences_are_not_taken_for_the_new_junk(line: str) -> None:
    assert classify_junk(line) is None


def test_markdown_byline_without_by_gives_author_and_publisher() -> None:
    res = _clean(f"# Why ferries keep ageing\n\n*Marit Solheim* · Harbour Review · 6 May 2025\n\n{PARA}")
    assert res.found.authors == ["Marit Solheim"]
    assert res.found.publisher == "Harbour Review"
    assert res.found.date == dt.date(2025, 5, 6)


def test_staff_byline_and_update_label_are_not_authors() -> None:
    res = _clean(
        f"Ageing fleet under scrutiny\n\nBy Staff Reporter | Updated: 4 May 2025 14:02 IST\n\n{PARA}"
    )
    assert res.found.authors == []
    assert "Staff Reporter" not in res.text
    assert res.found.date == dt.date(2025, 5, 4)  # the only date the page gives
    assert property_authors("Updated") == []
    assert property_authors("Staff Reporter") == []
    assert property_authors("Ana Updike") == ["Ana Updike"]
    assert property_authors("Norland Today live team") == []
    assert property_authors("Foreign desk") == []
    assert property_authors("Tom Deskin") == ["Tom Deskin"]


def test_a_headline_that_names_a_date_is_still_the_headline() -> None:
    res = _clean(
        "Accident Investigation Board\n\n"
        "Preliminary report: capsizing of the passenger ferry Solvik, Marren Sound, 2 May 2025\n\n"
        f"Published 30 May 2025\n\n{PARA}"
    )
    assert res.found.title.startswith("Preliminary report: capsizing")
    assert res.found.date == dt.date(2025, 5, 30)


def test_contents_page_is_dropped_and_a_board_publishes() -> None:
    pages = [
        "Investigation Board\nPreliminary report on the ferry\nPublished 30 May 2025",
        "Contents\n1 Summary ........ 3\n2 Factual information ........ 3\nInvestigation Board - Report 7\n2",
        f"1 Summary\n{PARA}\nInvestigation Board - Report 7\n3",
    ]
    lines, dropped, _ = pdf_pages_to_lines(pages)
    body = " ".join(ln.text for ln in lines)
    assert "........" not in body and "Contents" not in body
    assert "1 Summary" in body and "life rafts" in body
    assert sum(d.reason.startswith("table of contents") for d in dropped) == 3
    assert publisher_from_running_heads(["Norland Accident Investigation Board  -  Report 2025/07"]) == (
        "Norland Accident Investigation Board"
    )


def test_html_site_name_from_title_only_when_the_rest_is_the_headline(tmp_path: Path) -> None:
    page = (
        "<html><head><title>{t}</title></head><body><main><h1>Fleet under scrutiny</h1>"
        f"<p>{PARA}</p><p>{PARA.replace('ferry', 'ship')}</p></main></body></html>"
    )
    good = tmp_path / "good.html"
    good.write_text(page.format(t="Fleet under scrutiny - Coastal Courier"), encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text(page.format(t="Ferry sinks - 14 dead"), encoding="utf-8")
    assert read_source(good, "good").metadata.publisher == "Coastal Courier"
    assert read_source(other, "other").metadata.publisher is None


def test_consent_banner_above_the_headline_does_not_become_title_or_first_paragraph() -> None:
    res = _clean(
        "We value your privacy\nWe and our 142 partners store and access information on your device, such as "
        "cookies, and process personal data for personalised ads and content.\nAccept all\nLive\n"
        f"Divers reach the hull as rescue continues\nBy Staff Reporter | Updated: 3 May 2025 14:02 IST\n"
        f"14:32 BST\n{PARA}\nShare\n\u00a9 2025 Havland Post. All rights reserved."
    )
    assert res.found.title == "Divers reach the hull as rescue continues"
    assert res.text == PARA
    assert res.found.date == dt.date(2025, 5, 3)
    assert res.found.publisher == "Havland Post"  # from the copyright line, nothing better names one


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("\u00a9 2025 Norland Today. All rights reserved.", "Norland Today"),
        ("Copyright 2019-2025 Kessel Herald", "Kessel Herald"),
        ("\u00a9 Reuters 2025", "Reuters"),
        ("Copyright notice: the text may not be reproduced without permission", None),
    ],
)
def test_copyright_owner(line: str, owner: str | None) -> None:
    res = _clean(f"Headline of the story\n\n{PARA}\n\n{line}")
    assert res.found.publisher == owner


LAYOUT_PAGE = """<html><head><title>Tariff on steel imports doubled | Trade Portal</title></head><body>
<table><tr><td><a href="/">Home</a><br><a href="/a">Markets</a><br><a href="/b">Policy</a></td>
<td><font size="5"><b>Tariff on steel imports doubled</b></font><br>
<i>Posted by J. Okoro on 14 March 2025, 09:12</i><br><br>
The government doubled its tariff on imported steel to 50 per cent on Friday, the trade ministry said.<br><br>
Domestic steelmakers had lobbied for the increase for two years, arguing that cheap imports were closing mills.<br><br>
<table><tr><th>Product</th><th>Old</th><th>New</th></tr><tr><td>Flat steel</td><td>25%</td><td>50%</td></tr></table>
Carmakers warned that higher steel prices would add about 400 euros to the cost of a new car.<br><br></td>
<td><b>Popular this week</b><br><a href="/p1">Five stocks to watch</a><br><a href="/p2">Why the crown fell</a><br>
<b>Advertisement</b><br>Open a trading account today - zero fees for 3 months</td></tr></table>
</body></html>"""


def test_a_table_laid_out_page_is_read_as_blocks_not_as_one_table_row(tmp_path: Path) -> None:
    path = tmp_path / "portal.html"
    path.write_text(LAYOUT_PAGE, encoding="utf-8")
    src = read_source(path, "portal")
    paras = src.text.split("\n\n")
    assert (
        paras[0]
        == "The government doubled its tariff on imported steel to 50 per cent on Friday, the trade ministry said."
    )
    assert (
        "Carmakers warned that higher steel prices would add about 400 euros to the cost of a new car."
        in paras
    )
    for junk in (
        "Home",
        "Markets",
        "Popular this week",
        "Five stocks",
        "Open a trading account",
        "Posted by",
    ):
        assert junk not in src.text
    assert src.metadata.authors == ["J. Okoro"]  # 'Posted by' a person: the author, not the publisher
    assert src.metadata.publisher == "Trade Portal"
    assert src.metadata.date == dt.date(2025, 3, 14)


def test_a_data_table_is_not_unwrapped() -> None:
    import lxml.html

    from memogen.sources.html import _unwrap_layout_tables

    tree = lxml.html.fromstring(LAYOUT_PAGE)
    _unwrap_layout_tables(tree)
    tables = tree.xpath("//table")
    assert len(tables) == 1 and "Flat steel" in tables[0].text_content()


def test_posted_by_names_a_person_published_by_names_a_publisher() -> None:
    from memogen.sources.metadata import publication_note

    posted = publication_note("Posted by J. Okoro on 14 March 2025, 09:12")
    assert posted is not None and posted.authors == ["J. Okoro"] and posted.publisher is None
    published = publication_note("Published by Oxford University Press on 3 May 2020")
    assert (
        published is not None and published.publisher == "Oxford University Press" and published.authors == []
    )


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_western_legacy_text_is_not_read_as_central_european(codec: str) -> None:
    """cp1250 and cp1252 tie on short text; 'Å' must not become 'Ĺ'."""
    from memogen.sources.encoding import decode_bytes

    text = "By Åsa Lindqvist\n\nThe café owner was fined by the court in Havland on Friday, the judge said."
    assert decode_bytes(text.encode(codec), "x.txt") == text


@pytest.mark.parametrize(
    "text",
    [
        "Zażółć gęślą jaźń. Łódź jest dużym miastem w Polsce, a Kraków leży na południu kraju.",
        "Příliš žluťoučký kůň úpěl ďábelské ódy. Praha je hlavní město České republiky.",
    ],
)
def test_central_european_text_still_reads_as_cp1250(text: str) -> None:
    from memogen.sources.encoding import decode_bytes

    assert decode_bytes(text.encode("cp1250"), "x.txt") == text


@pytest.mark.parametrize(
    ("front", "date"),
    [
        (
            "2 May 2025\nAgeing fleet under scrutiny\nBy Staff Reporter | Updated: 4 May 2025 14:02 IST",
            (2025, 5, 2),
        ),
        (
            "Ageing fleet under scrutiny\nBy Staff Reporter | Updated: 3 May 2025 14:02 IST\nMay 02, 2025 09:15 IST",
            (2025, 5, 2),
        ),
        (
            "Ageing fleet under scrutiny\nBy Anna Berg | 2 May 2025, 10:00 | Updated 4 May 2025, 14:02",
            (2025, 5, 2),
        ),
        (
            "Ageing fleet under scrutiny\nBy Anna Berg | Updated 4 May 2025, 14:02",
            (2025, 5, 4),
        ),  # the only date
    ],
)
def test_an_update_stamp_in_a_byline_never_beats_the_articles_own_date(front: str, date: tuple) -> None:
    res = _clean(f"{front}\n{PARA}")
    assert res.found.date == dt.date(*date)
    assert res.text == PARA


MD_EXPORT = """# Tariff doubled on steel imports

The government doubled its tariff on imported steel to 50 per cent on Friday, according to a [statement from the trade ministry](https://example.org/statement).

**Read more:**

- [Copper prices slip](https://example.org/copper)
- [Port strike ends](https://example.org/port)

Domestic steelmakers had lobbied for the increase for two years, arguing that **cheap imports** were closing mills.

![Steel coils at the port](coils.jpg "Steel coils")

*Steel coils waiting at the port of Karst. (Photo: Lena Brandt)*

Carmakers warned that higher steel prices would add about 400 euros to the cost of a new car.[^cars]

[^cars]: Carmakers' association, statement of 14 March 2025.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_markdown_links_emphasis_link_lists_and_footnotes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_text(MD_EXPORT, encoding="utf-8")
    src = read_source(path, "export")
    assert src.text.split("\n\n") == [
        "The government doubled its tariff on imported steel to 50 per cent on Friday, according to a "
        "statement from the trade ministry.",
        "Domestic steelmakers had lobbied for the increase for two years, arguing that cheap imports were "
        "closing mills.",
        "Carmakers warned that higher steel prices would add about 400 euros to the cost of a new car.",
    ]
    assert [r.text for r in src.references] == ["Carmakers' association, statement of 14 March 2025."]
    cited = src.references_in(0, len(src.text))
    assert [r.marker for r in cited] == ["1"]


def test_a_list_item_with_words_around_its_link_stays() -> None:
    from memogen.sources.plain import markdown_inline

    lines, dropped = markdown_inline(
        [RawLine("- The [ministry](https://example.org) said exports would fall by a third.", 1)]
    )
    assert lines[0].text == "- The ministry said exports would fall by a third." and dropped == []


def test_contents_without_dot_leaders_and_a_prepared_by_byline() -> None:
    pages = [
        "Investigation Board\nPreliminary report on the ferry\nPrepared by: Dr Ana Berg\nDate: 30 May 2025",
        "Table of Contents\n1 Summary 3\n2 Factual information 3\n2.1 The vessel 4\nAnnex A: Weather data 7\n"
        "Investigation Board - Report 7\n2",
        f"1 Summary\n{PARA}\nInvestigation Board - Report 7\n3",
    ]
    lines, dropped, _ = pdf_pages_to_lines(pages)
    body = [ln.text for ln in lines if ln.text]
    assert "1 Summary" in body and PARA in body
    assert not any(t.endswith((" 3", " 4", " 7")) or "Contents" in t for t in body)
    assert sum(d.reason.startswith("table of contents") for d in dropped) == 5
    from memogen.sources.metadata import byline_names

    assert byline_names("Prepared by: Dr Ana Berg") == ["Ana Berg"]


def test_numbered_paragraphs_after_a_contents_heading_are_not_entries() -> None:
    from memogen.sources.contents import entries_under_heading as _entries_under_heading

    kept = [(1, "Contents"), (2, "The board met 3 times."), (3, "It heard 14 witnesses in 2")]
    assert _entries_under_heading(kept) == set()


RULING = """IN THE HIGH COURT OF NORLAND
Case No. HC-2025-0412
Judgment delivered on 4 May 2025
NORDVIK LINES AS v THE MARITIME AUTHORITY
1. The court dismissed the appeal of Nordvik Lines against the suspension of its ferry licence on Monday.
2. The judge found that the authority had been entitled to act after inspectors reported a faulty bow door.
3. The operator must pay the authority's legal costs of 1.2 million crowns.
"""


def test_a_judgment_loses_paragraph_numbers_and_names_its_court(tmp_path: Path) -> None:
    path = tmp_path / "ruling.txt"
    path.write_text(RULING, encoding="utf-8")
    src = read_source(path, "ruling")
    assert src.text.split("\n\n")[0].startswith("The court dismissed the appeal")
    assert "2. The judge" not in src.text and "The judge found" in src.text
    assert src.metadata.publisher == "High Court of Norland"
    assert src.metadata.date == dt.date(2025, 5, 4)


def test_a_short_capitalised_masthead_keeps_its_capitals() -> None:
    from memogen.sources.provenance import _heading_name

    assert _heading_name("BBC NEWS", "text") == "BBC NEWS"


@pytest.mark.parametrize(
    "paras",
    [
        ["1. First, the court ruled.", "3. Then it adjourned.", "4. It met again."],  # not in sequence
        ["1. The court ruled on Monday.", "2. It adjourned until Friday."],  # only two
    ],
)
def test_numbers_stay_unless_three_paragraphs_count_up(paras: list[str]) -> None:
    res = _clean("Headline of the story\n\n" + "\n\n".join(p + " " + PARA for p in paras))
    assert all(p in res.text for p in paras)


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Lena Brandt; Trade Correspondent", ["Lena Brandt"]),
        ("Lena Brandt, Trade Correspondent", ["Lena Brandt"]),
        ("Middle East Producer", []),
        ("Anna Fellow", ["Anna Fellow"]),  # a surname that is also a role word
        ("Mark Writer", ["Mark Writer"]),
    ],
)
def test_a_newsroom_job_in_the_author_field_is_not_an_author(value: str, names: list[str]) -> None:
    assert property_authors(value, comma_splits=False) == names
