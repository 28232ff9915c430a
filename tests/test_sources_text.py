"""Encodings, unusable files, run-together words, and the general cleaning rules on our own dumps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from memogen.errors import InputError
from memogen.sources import read_source
from memogen.sources.cleaning import clean_text, is_pipe_row, is_ui_prompt
from memogen.sources.encoding import decode_bytes
from memogen.sources.text import split_joined_words

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
BULLETIN = (
    "Council approves the “green corridor” budget\n\n"
    "The council’s finance committee approved the café district’s green corridor plan on Thursday, "
    "after a debate that lasted well into the evening and ended in a 7–2 vote.\n"
)


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le", "utf-8-sig", "utf-8"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bulletin.txt"
    path.write_bytes(BULLETIN.encode(encoding))
    src = read_source(path, "bulletin")
    assert "The council’s finance committee approved the café district’s green corridor plan" in src.text
    assert "7–2 vote" in src.text
    assert src.metadata.title == "Council approves the “green corridor” budget"


def test_mojibake_is_repaired() -> None:
    original = "The council’s finance committee met at the café on Thursday."
    broken = original.encode("utf-8").decode("cp1252").encode("utf-8")  # "councilâ€™s", "cafÃ©"
    assert "â€™" in broken.decode("utf-8")
    assert decode_bytes(broken, "x.txt").strip() == original


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "binary"),
    ],
)
def test_unusable_text_files_raise_input_error_naming_the_file(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(path, "notes")
    assert str(err.value).startswith(f"{path}: ")
    assert reason in str(err.value)


def test_unsupported_type_raises(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="unsupported file type"):
        read_source(path, "sheet")


# ----------------------------------------------------------------------------- run-together words


@pytest.mark.parametrize(
    ("joined", "fixed"),
    [
        ("was signed.After that the talks", "was signed. After that the talks"),
        ("met the envoy.A second round", "met the envoy. A second round"),
        ("the harbour,where ships wait", "the harbour, where ships wait"),
        ("the 3rdround of talks", "the 3rd round of talks"),
        ("on 21stMarch the vote", "on 21st March the vote"),
        ("opened in 2019and closed", "opened in 2019 and closed"),
        ("the ‘Delta 2020’plan was", "the ‘Delta 2020’ plan was"),
        ("the (draft)Budget Act", "the (draft) Budget Act"),
    ],
)
def test_joins_the_characters_prove_are_split(joined: str, fixed: str) -> None:
    assert split_joined_words(joined) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "She bought an iPhone at McDonald's and watched YouTube.",
        "He paid 10thousand in 1990s money for 2000km of cable.",  # no ordinal, unit after a year
        "The U.S. and the E.U. met; see www.Example.Org/News.Today or mail a.Person@Example.com.",
        "An 11st is not an ordinal, nor is 2nd1.",
        "the 5three cases",
        "WhatsApp and LinkedIn are brands used once.",
        "The group said on Saturday (15.Apr.2023) it held the airport.",  # a dotted date
        "Vitamin A and Plan B were named in the U.S.A and in St.Ives.",  # no lower-case word before the stop
    ],
)
def test_words_that_only_look_joined_stay(text: str) -> None:
    assert split_joined_words(text) == text


def test_camel_join_split_only_with_evidence_from_the_document() -> None:
    text = (
        "General Amir spoke first. Later GeneralRaheel Sharif spoke, then PayPal and ExxonMobil were named."
    )
    assert "General Raheel Sharif" in split_joined_words(text)
    assert "ExxonMobil" in split_joined_words(text)


# ----------------------------------------------------------------------------- cleaning rules


def test_ui_and_listing_predicates() -> None:
    assert (
        is_ui_prompt("Leave a Reply") and is_ui_prompt("Share this article") and is_ui_prompt("↑ Back to top")
    )
    assert not is_ui_prompt("Back to the drawing board")
    assert not is_ui_prompt("Share prices fell")
    assert is_pipe_row("World | Business | Sport") and is_pipe_row("May 2020 | Issue 12")
    assert not is_pipe_row("Prices rose. | Then they fell back.")


def test_dump_with_header_sidebar_and_notes() -> None:
    src = read_source(FIXTURES / "techwire-dump.txt", "techwire")
    paras = src.text.split("\n\n")
    assert paras[0].startswith("The company opened its first battery cell factory on Monday")
    assert paras[-1].endswith("the largest in the Nordic region by some distance.")
    assert "Why it matters" in paras
    for junk in (
        "TECHWIRE",
        "Home |",
        "Skip to content",
        "Tags:",
        "Follow us",
        "Read more",
        "You might also like",
        "Solar farms",
        "days ago",
        "Subscribe",
        "©",
        "[1]",
        "Signe Ahlgren is",
    ):
        assert junk not in src.text, junk
    meta = src.metadata
    assert meta.date == dt.date(2022, 6, 14)  # "Posted on", not the page's Friday 3 November 2023
    assert meta.authors == ["Signe Ahlgren", "Jonas Berg"]
    assert meta.title == "Battery plant opens in Lund"
    assert meta.author_bio and meta.author_bio.startswith("Signe Ahlgren is a science journalist")
    reasons = {d.line: d.reason for d in src.dropped}
    assert reasons["Friday, 3 November 2023"].startswith("page display date")
    assert reasons["2 days ago"].startswith("relative timestamp")
    assert [r.label for r in src.references] == ["Nordic Energy Wire", "Voltcell AB"]
    assert src.references[1].url == "https://voltcell.example.com/ar2021"
    second = src.text.index("Construction took")
    assert [r.marker for r in src.references_in(second, second + 10)] == ["2"]


def test_hard_wrapped_markdown_is_unwrapped_with_headings_kept() -> None:
    src = read_source(FIXTURES / "wrapped-notes.md", "river")
    paras = src.text.split("\n\n")
    assert paras[0] == "Background"
    assert paras[1].startswith(
        "The river authority has published its yearly report on water quality in the lower basin."
    )
    assert paras[1].endswith("changed how they store manure.")
    assert [h for _, h in src.headings] == ["Background", "What it means"]
    for offset, heading in src.headings:
        assert src.text[offset : offset + len(heading)] == heading
    assert src.metadata.title == "River authority report"


_clean = clean_text


def test_notes_block_in_mid_sentence_is_cut_and_the_sentence_rejoined() -> None:
    result = _clean(
        "Harbour fees\n\n"
        "The board met on Monday and reviewed the fees for the year.¹ After a long debate about the costs of dredging the\n\n"
        "¹ Minutes of the board, *Port Weekly*, 3 May 2021.\n\n"
        "Northern channel, members agreed to raise the fees by a tenth from June onwards.²\n\n"
        '² Statement, "Fees rise", Coast Radio, 4 May 2021.\n\n'
        "Shipping firms said they would pass the cost on to customers within the coming months.\n"
    )
    assert "dredging the Northern channel, members agreed" in result.text
    assert "¹" not in result.text and "Port Weekly" not in result.text
    assert [(r.marker, r.label) for r in result.references] == [("1", "Port Weekly"), ("2", "Coast Radio")]
    spans = {a.marker: result.text[a.start : a.end] for a in result.anchors}
    assert spans["1"] == "The board met on Monday and reviewed the fees for the year."
    assert spans["2"].startswith("After a long debate") and spans["2"].endswith("from June onwards.")


def test_unreferenced_superscripts_and_numbered_lists_stay() -> None:
    result = _clean(
        "Flats of 60 m² were offered at a price that fell by a quarter within the year, the agency said in its report.\n\n"
        "1. The agency will publish monthly figures from next spring on its own website for all regions.\n"
    )
    assert "60 m²" in result.text
    assert "1. The agency will publish" in result.text
    assert result.references == []


def test_pull_quote_and_duplicate_lines_are_dropped() -> None:
    result = _clean(
        "Floods close the valley road\n\n"
        "Heavy rain closed the valley road on Sunday. Engineers said the bridge at Kell would need weeks of repair work.\n\n"
        "Engineers said the bridge at Kell would need weeks of repair\n\n"
        "Residents were told to use the mountain pass until the bridge reopens, which adds an hour to most journeys.\n\n"
        "Residents were told to use the mountain pass until the bridge reopens, which adds an hour to most journeys.\n"
    )
    reasons = [d.reason for d in result.dropped]
    assert any(r.startswith("pull quote") for r in reasons)
    assert "duplicate line" in reasons
    assert result.text.count("Residents were told") == 1


def test_article_date_rules() -> None:
    below = _clean(
        "Wednesday 1 March 2023\n\nA headline about roads\n\n12 February 2021\n\n"
        + "Text of the article goes on. " * 5
    )
    assert below.found.date == dt.date(2021, 2, 12)
    labelled = _clean(
        "A headline about roads\n\n"
        + "Text of the article goes on. " * 5
        + "\n\nFirst published in The Valley Post on 3 May 2019."
    )
    assert labelled.found.date == dt.date(2019, 5, 3) and labelled.found.publisher == "The Valley Post"
    only_stamp = _clean(
        "Sunday, 4 June 2023\n\nA headline about roads\n\n" + "Text of the article goes on. " * 5
    )
    assert only_stamp.found.date is None


def test_bare_dates_above_the_headline() -> None:
    body = "Text of the article goes on. " * 5
    assert _clean(f"4 June 2023 / 15 Dhul Qadah 1444\n\nA headline about roads\n\n{body}").found.date is None
    plain_above = _clean(f"4 June 2023\n\nA headline about roads\n\n{body}")
    assert plain_above.found.date == dt.date(2023, 6, 4)  # weak, but the only date there is
    with_time = _clean(f"A headline about roads\n\nBy Ann Lee\n\nJune 4, 2023 10:15 AM PST\n\n{body}")
    assert with_time.found.date == dt.date(2023, 6, 4) and with_time.found.authors == ["Ann Lee"]


@pytest.mark.parametrize(
    "line",
    [
        "Also read: Ferry strike ends after two weeks",
        "READ MORE » Prices of bread rise again",
        "Photo: Harbour Authority",
        "(Image credit: Lena Frost)",
        "Follow @ledgernews for updates",
        "We use cookies to improve your experience. By continuing you accept our privacy policy.",
        "Story continues below advertisement",
    ],
)
def test_more_page_chrome_is_dropped_between_paragraphs(line: str) -> None:
    para = "The ferry company said on Monday that services would resume on all routes by the end of the week."
    result = _clean(f"Ferries resume\n\n{para}\n\n{line}\n\n{para.replace('Monday', 'Tuesday')}")
    assert line not in result.text
    assert "Monday" in result.text and "Tuesday" in result.text


def test_short_closing_sentence_is_kept() -> None:
    result = _clean(
        "Ferries resume\n\nThe ferry company said on Monday that services would resume on all routes by the end "
        "of the week.\n\nHe declined to comment.\n\nShare\n\nTags: ferries, strikes"
    )
    assert result.text.endswith("He declined to comment.")
    assert "Tags" not in result.text


def test_wire_story_credits_reading_time_and_next_links() -> None:
    src = read_source(FIXTURES / "wire-story.txt", "wire")
    paras = src.text.split("\n\n")
    # The dateline leaves the text (a memo must not quote it); its agency names the publisher.
    assert paras[0].startswith("Pakistan and Russia signed a deal")
    assert "ISLAMABAD, July 17 (Reuters) -" in {d.line for d in src.dropped}
    assert src.metadata.publisher == "Reuters"  # not the section label 'World' above the headline
    assert (
        paras[-1]
        == "Russia has sought closer links with Pakistan since 2014, when it lifted an arms embargo."
    )
    assert '"This is a landmark for our energy security," a ministry spokesman said.' in paras
    assert src.metadata.authors == ["Asif Shahzad"]  # "Asia Pacific" after the story is not a byline
    assert src.metadata.date == dt.date(2015, 7, 17)
    reasons = {d.line: d.reason for d in src.dropped}
    assert reasons["3 minute read"] == "reading-time label"
    assert reasons["Reporting by Asif Shahzad; Editing by Nick Macfie"] == "contributor credit"


def test_blog_comments_and_bibliography_run_to_the_end() -> None:
    src = read_source(FIXTURES / "blog-with-comments.txt", "blog")
    assert src.text.endswith("the connection to the existing grid.")
    assert "Omar" not in src.text and "Khan, A." not in src.text and "References" not in src.text
    assert [h for _, h in src.headings] == ["Who pays", "Who builds"]
    assert src.metadata.authors == ["Lena Frost"] and src.metadata.date == dt.date(2021, 3, 3)
    reasons = {d.lineno: d.reason for d in src.dropped}
    assert reasons[18] == "the source's bibliography" and reasons[24] == "comments section"


def test_comments_link_near_the_headline_does_not_take_the_article() -> None:
    result = _clean(
        "Ferries resume\n\nComments (3)\n\n"
        + "\n\n".join(
            f"Paragraph {i} says the ferry company will resume services on all routes soon." for i in range(5)
        )
    )
    assert result.text.count("Paragraph") == 5


def test_policy_brief_byline_bio_and_numbered_headings() -> None:
    src = read_source(FIXTURES / "policy-brief.md", "brief")
    assert [h for _, h in src.headings] == ["Summary", "1. Introduction", "2. The projects"]
    assert src.metadata.title == "Energy corridors in South Asia"
    assert src.metadata.authors == ["Sara Malik", "Tomas Berg"]
    assert src.metadata.publisher == "Institute for Regional Studies"
    assert src.metadata.author_bio.startswith("Sara Malik is a senior fellow")
    assert src.text.endswith("The North-South line is financed and has a contractor.")


def test_markdown_yaml_front_matter_is_metadata(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Ferry strike ends\nauthor: [Ann Lee, Bo Sand]\ndate: 2022-05-03\nurl: https://example.org/f\n---\n\n"
        "The ferry strike ended on Tuesday after the union accepted a new offer from the operator.\n",
        encoding="utf-8",
    )
    src = read_source(path, "note")
    assert (
        src.text
        == "The ferry strike ended on Tuesday after the union accepted a new offer from the operator."
    )
    m = src.metadata
    assert (m.title, m.authors, m.date, m.url) == (
        "Ferry strike ends",
        ["Ann Lee", "Bo Sand"],
        dt.date(2022, 5, 3),
        "https://example.org/f",
    )
    assert all(d.reason.startswith("YAML front matter") for d in src.dropped)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("page.html", b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("page.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("report.pdf", b"this is plain text, not a PDF at all", "cannot read"),
        ("report.pdf", b"", "empty file"),
        ("memo.docx", b"PK\x03\x04garbage", "not a readable .docx"),
        ("memo.docx", b"plain text", "not a readable .docx"),
    ],
)
def test_broken_files_of_every_type_raise_input_error(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(path, "x")
    assert str(err.value).startswith(f"{path}: ") and reason in str(err.value)


@pytest.mark.parametrize(
    ("name", "first", "last", "meta"),
    [
        (
            "newspaper-menu-share-bar.txt",
            "Pakistan and Russia on Wednesday agreed",
            "“We are ready to strengthen Pakistan’s counter-terrorism capacity,” Mr Lavrov said.",
            (
                "Qureshi, Lavrov agree to expand ties in trade, defence",
                ["Baqir Sajjad Syed"],
                "Dawn",
                dt.date(2021, 4, 8),
            ),
        ),
        (
            "oped-social-prompt.txt",
            "The Russian foreign minister's visit to Islamabad this week was short",
            "Yet the relationship remains thin: trade is small, and most of it flows one way.",
            ("A new chapter with Moscow", ["Imtiaz Gul"], "The Express Tribune", dt.date(2021, 4, 9)),
        ),
        (
            "news-caption-listen.txt",
            "Russian foreign minister’s first visit to Pakistan in nine years comes as",
            "“Russia is ready to strengthen Pakistan’s counter-terrorism potential,” Lavrov told a news conference.",
            # 'Source: Al Jazeera and news agencies' after the article names whose text it is
            (
                "Russia’s Lavrov in Pakistan for talks on Afghanistan, trade",
                [],
                "Al Jazeera",
                dt.date(2021, 4, 7),
            ),
        ),
    ],
)
def test_news_page_dumps(name: str, first: str, last: str, meta: tuple) -> None:
    src = read_source(FIXTURES / name, "x")
    paras = src.text.split("\n\n")
    assert paras[0].startswith(first) and paras[-1] == last
    m = src.metadata
    assert (m.title, m.authors, m.publisher, m.date) == meta
    for junk in (
        "Photo courtesy",
        "Copy link",
        "Count",
        "Read more",
        "Comments",
        "Facebook",
        "Listen to",
        "via AP",
        "4 mins",
        "Latest",
        "Source:",
        "7 Apr 2021",
    ):
        assert junk not in src.text, (name, junk)
    assert src.headings == []


def test_plain_numbered_endnotes_with_glued_markers() -> None:
    src = read_source(FIXTURES / "brief-endnotes.txt", "brief")
    assert [(r.marker, r.label) for r in src.references] == [
        ("1", "Upper Basin Authority"),
        ("2", "Grid Weekly"),
        ("3", None),
    ]
    assert "decades.1" not in src.text and "Notes" not in src.text and "Basin Authority," not in src.text
    at = src.text.index("Utilities covered")
    assert [r.marker for r in src.references_in(at, at + 5)] == ["2"]
    assert src.references[1].url == "https://gridweekly.example.org/gas-record"


def test_numbered_list_in_the_body_is_not_a_notes_block() -> None:
    result = _clean(
        "Plan for the river\n\nThe authority set out three steps in 2021 for the river banks and the dams upstream.\n\n"
        "1. Raise the dykes by 2023, at a cost of 4 million.\n2. Build two reservoirs before 2025.\n\n"
        "The steps were approved by the council on Monday after a short debate about costs and timing."
    )
    assert "1. Raise the dykes by 2023" in result.text and "2. Build two reservoirs" in result.text
    assert result.references == []


def test_url_line_becomes_metadata(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(
        "Source: https://news.example.org/2022/05/ferry-strike-ends\n\nFerry strike ends\n\n"
        "The ferry strike ended on Tuesday after the union accepted a new offer from the operator, officials said.\n\n"
        "https://news.example.org/2022/05/ferry-strike-ends\n",
        encoding="utf-8",
    )
    src = read_source(path, "saved")
    assert (
        src.metadata.url == "https://news.example.org/2022/05/ferry-strike-ends"
        and "url" in src.metadata.inferred
    )
    assert "https://" not in src.text
    assert src.text.startswith("The ferry strike ended on Tuesday")


def test_hard_wrapped_dump_keeps_chrome_lines_apart(tmp_path: Path) -> None:
    wrapped = (
        "Harbour talks resume\n\n"
        "The port authorities of the two cities resumed talks on Monday about a\n"
        "joint operating agreement, after a pause of three months caused by a\n"
        "dispute over berth fees and the cost of new customs checks at the gate.\n"
        "Share\n"
        "Officials said a draft could be ready by the end of the summer, and that\n"
        "the fishing industry would be consulted on the plans before any vote in\n"
        "the two city councils, which must both approve the final agreement text.\n"
        "Leave a comment\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")
    src = read_source(path, "wrapped")
    paras = src.text.split("\n\n")
    assert paras[0].endswith("the cost of new customs checks at the gate.")
    assert paras[1].startswith("Officials said a draft") and paras[1].endswith(
        "approve the final agreement text."
    )
    assert "Share" not in src.text and "comment" not in src.text


def test_cyrillic_dump_byline_and_date_in_another_language() -> None:
    src = read_source(FIXTURES / "russian-news.txt", "ru")
    m = src.metadata
    assert (m.title, m.authors, m.date) == (
        "Лавров провёл переговоры в Исламабаде",
        ["Иван Петров"],
        dt.date(2021, 4, 7),
    )
    assert src.text.startswith("Министр иностранных дел России") and src.text.endswith(
        "отметили в министерстве."
    )
    assert "Поделиться" not in src.text and "Главная" not in src.text


def test_caseless_script_headline_and_urdu_full_stops(tmp_path: Path) -> None:
    path = tmp_path / "ur.txt"
    path.write_text(
        "پاکستان اور روس کے تعلقات\n\n"
        "روسی وزیر خارجہ نے اسلام آباد کا دورہ کیا اور پاکستانی قیادت سے ملاقات کی۔ دونوں ممالک نے توانائی اور دفاع میں تعاون بڑھانے پر اتفاق کیا۔\n",
        encoding="utf-8",
    )
    src = read_source(path, "ur")
    assert src.metadata.title == "پاکستان اور روس کے تعلقات"
    assert src.text.startswith("روسی وزیر خارجہ") and src.text.endswith("اتفاق کیا۔")


@pytest.mark.parametrize(
    "sentence",
    [
        "The statement does not reflect the government's policy on tariffs, officials said.",
        "Readers of the newsletter were told about the vote a day early.",
        "Khan said on Twitter that he would follow the talks closely and share updates.",
        "A photo by the agency showed the minister at the port.",
        "The bakery said it would use the cookies recipe from 1920.",
        "He declined to comment on the deal.",
        "Share prices fell by a tenth after the announcement.",
    ],
)
def test_ordinary_sentences_that_mention_chrome_words_stay(sentence: str) -> None:
    para = "The ferry company said on Monday that services would resume on all routes by the end of the week."
    result = _clean(f"Ferries resume\n\n{para}\n\n{sentence}\n\n{para.replace('Monday', 'Tuesday')}")
    assert sentence in result.text


def test_late_discussion_section_and_year_headings_are_article_text() -> None:
    para = "The survey team compared river flows in the basin over the decade and found a steady decline in summer."
    result = _clean(
        f"River flows\n\n{para}\n\n2014\n\n{para} A first drought.\n\n{para} Again.\n\nDiscussion\n\n{para} In short."
    )
    assert "2014" in result.text.split("\n\n")
    assert "Discussion" in result.text.split("\n\n") and result.text.endswith("In short.")


def test_sources_heading_followed_by_prose_is_kept() -> None:
    para = "The survey team compared river flows in the basin over the decade and found a steady decline in summer."
    result = _clean(
        f"River flows\n\n{para}\n\n{para} Again.\n\nSources of water\n\nSources\n\n"
        "Most of the basin's water comes from snowmelt, and a smaller share from rain in the autumn months."
    )
    assert result.text.endswith("rain in the autumn months.")
