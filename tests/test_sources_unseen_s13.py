"""Source-reading defects found reading memos of real topics never seen before (session 13), each
fixed by a general rule and tested on small texts of our own: a video's description or tags, a live
blog's entry stamp, a page's note about itself taken for the headline, a quotation's introduction
taken for a standfirst, a dateline with an abbreviated month, GBK mojibake of English punctuation,
an acronym glued to the next word, a wrong apostrophe in a bibliography title."""

from __future__ import annotations

import pytest

from memogen.citations import polish_entry, typographic_title
from memogen.sources.cleaning import captions, chrome, classify_junk, clean_text, stamps
from memogen.sources.encoding import repair_text

_PARA = (
    "The harbour authority closed the northern pier on Tuesday after inspectors found cracks in "
    "two of its supports, and ferries were sent to the southern quay until repairs are done."
)


@pytest.mark.parametrize(
    "line",
    [
        "A drone flight over the old port shows whole streets reduced to ash and rubble along the "
        "seafront, where cafes stood a week ago. (June 4) (AP Video: Mara Olsen)",
        "Harbour News is at the scene in the old port, where the fire spread overnight. #Harbour "
        "#Fire #Breaking #news More stories you may like",
        "The storm in pictures (Video: Norland Broadcasting)",
    ],
)
def test_a_videos_description_or_tags_is_furniture(line: str) -> None:
    assert captions.caption(line) == "video / post description"
    assert classify_junk(line) == "video / post description"


@pytest.mark.parametrize(
    "line",
    [
        "The campaign's slogan #KeepThePier spread quickly online, organisers said on Monday.",
        "A video of the collapse, filmed by a resident, was shared widely before the police arrived.",
        "Residents posted #help and #pier on the council's page while #fire trended in the city.",
    ],
)
def test_sentences_naming_a_video_or_a_tag_stay(line: str) -> None:
    assert captions.caption(line) is None


def test_a_live_blogs_entry_stamp_leaves_the_entry_and_alone_is_dropped() -> None:
    res = clean_text(
        "\n".join(
            [
                "Pier closed after cracks found",
                "UPDATE 9:45 P.M.: The harbour authority confirms two more ferries were diverted tonight.",
                "UPDATE 3 P.M.:",
                _PARA,
                "Updated figures show the 4 p.m. crossing carried 300 passengers.",
            ]
        )
    )
    assert "The harbour authority confirms two more ferries" in res.text
    assert "UPDATE" not in res.text
    assert "Updated figures show the 4 p.m. crossing" in res.text  # a label and a clock, no stamp
    reasons = {d.line: d.reason for d in res.dropped}
    assert reasons["UPDATE 9:45 P.M.:"] == "live-blog entry time"
    assert reasons["UPDATE 3 P.M.:"] == "live-blog entry time"
    assert stamps.entry_time("Updated 14:32 BST") == "live-blog entry time"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Why you can trust Harbour Times", "note to the reader about the page"),
        (
            "Read this article in French German Italian Portuguese Spanish",
            "note to the reader about the page",
        ),
        ("English | Français | Deutsch | Español", "language menu"),
    ],
)
def test_a_page_speaking_of_itself_is_furniture(line: str, reason: str) -> None:
    assert chrome.about_the_page(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Why the harbour authority closed the pier",
        "The envoy spoke English, French and German at the talks in the capital.",
    ],
)
def test_headlines_and_sentences_about_languages_stay(line: str) -> None:
    assert chrome.about_the_page(line) is None


def test_a_trust_badge_above_the_story_is_not_its_headline() -> None:
    res = clean_text(
        "\n".join(
            [
                "Advertisement",
                "Harbour authority closes northern pier as cracks spread to second support",
                "Reading Time:3 minutes",
                "Why you can trust Harbour Times",
                _PARA,
            ]
        )
    )
    assert res.found.title == "Harbour authority closes northern pier as cracks spread to second support"


def test_a_quotes_introduction_under_the_headline_stays_with_the_quote() -> None:
    res = clean_text(
        "\n".join(
            [
                "Mayor says unclear if warning sirens worked",
                "Mayor Lena Holt told Harbour Radio she could not say whether the warning sirens "
                "sounded before the water rose:",
                "It is too early for me to tell. Much of the equipment was under water and we are "
                "still counting the damage along the whole of the northern shore.",
                _PARA,
            ]
        )
    )
    assert res.text.startswith("Mayor Lena Holt told Harbour Radio she could not say")


def test_a_wire_dateline_with_an_abbreviated_month_goes_to_the_metadata() -> None:
    res = clean_text(
        "PORTVIK, Dec. 3 (NWS) — The harbour authority voted early Wednesday to close the northern pier "
        "after inspectors found cracks in two of its supports.\n" + _PARA
    )
    assert res.text.startswith("The harbour authority voted early Wednesday")
    assert {d.reason for d in res.dropped} == {"dateline of the story (→ metadata)"}
    assert res.found.publisher == "NWS"


def test_gbk_mojibake_of_english_punctuation_is_repaired() -> None:
    text = "The harbour鈥檚 chief said 鈥渆nough is enough鈥\ufffd and left the authority鈥檚 meeting."
    assert (
        repair_text(text) == "The harbour’s chief said “enough is enough” and left the authority’s meeting."
    )
    chinese = "港口管理局鈥檚关闭了北码头"  # a Chinese text keeps its characters
    assert repair_text(chinese) == chinese


def test_an_opening_mark_inside_a_word_is_an_apostrophe_in_titles() -> None:
    assert typographic_title("Norland‘s assembly votes") == "Norland’s assembly votes"
    assert polish_entry("“Norland‘s Assembly Votes to Close the Pier.”", True) == (
        "“Norland‘s Assembly Votes to Close the Pier.”"
    )
    assert polish_entry("“A ‘new Era’ for the Port.”", True) == "“A ‘New Era’ for the Port.”"


def test_an_acronym_glued_to_the_next_word_is_split() -> None:
    from memogen.sources.text import split_joined_words

    assert split_joined_words("Quoted from NWSthe party admits defeat in the vote.") == (
        "Quoted from NWS the party admits defeat in the vote."
    )
    assert (
        split_joined_words("The CEOs and USAID met; IDs were checked.")
        == "The CEOs and USAID met; IDs were checked."
    )


def test_an_untitled_source_is_named_with_its_apostrophes_mended() -> None:
    from memogen.citations import csl_item
    from memogen.model import Source, SourceMetadata

    opening = "Norland‘s assembly voted early on Wednesday to close the northern pier for repairs."
    src = Source("a", "a.txt", "txt", SourceMetadata(), opening)
    assert csl_item(src)["title"].startswith("Norland’s assembly voted")
