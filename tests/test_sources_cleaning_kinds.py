"""Each kind of furniture has its classifier (sources/cleaning/{chrome,notices,captions,stamps,shape,
sidebars}.py); each is tested on lines that are furniture and on article sentences that only look
alike."""

from __future__ import annotations

import pytest

from memogen.sources.cleaning import (
    captions,
    chrome,
    classify_junk,
    clean_text,
    notices,
    shape,
    stamps,
)
from memogen.sources.cleaning.lines import Line


@pytest.mark.parametrize(
    ("classify", "line", "reason"),
    [
        (captions.caption, "Photo Source: Harbour Photo Agency", "image caption / credit"),
        (captions.caption, "Photo Source:", "image caption / credit"),
        (captions.caption, "Image courtesy: Norland Coastguard", "image caption / credit"),
        (captions.caption, "Images from the reference sources", "image caption / credit"),
        (
            captions.caption,
            "Ship positions on the morning before the storm; the strait is circled []",
            "image caption / credit",
        ),
        (
            notices.contact,
            "For any further information or to subscribe to our alerts send an email to",
            "contact / subscription note",
        ),
        (
            notices.contact,
            "For media enquiries, contact the press office on 555 0101.",
            "contact / subscription note",
        ),
        (chrome.social_prompt, "Connect with us", "social media prompt"),
        (stamps.reading_time, "5 min read", "reading-time label"),
        (stamps.relative_time, "3 hours ago", "relative timestamp (sidebar)"),
    ],
)
def test_furniture_kinds(classify, line: str, reason: str) -> None:  # noqa: ANN001
    assert classify(line) == reason
    assert classify_junk(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Pictures from the flooded town show collapsed bridges and streets covered in mud.",
        "The photo source was never disclosed by the ministry, officials said.",
        "For more information on the treaty, the report refers readers to its second annex.",
        "Fishermen said they would connect with the coastguard before the season opens.",
        "The team connected the two pipelines within three hours, the operator said.",
    ],
)
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert classify_junk(line) is None


def test_a_line_without_words_is_a_separator() -> None:
    res = clean_text("\n".join(["Title of the story", "|", "![]() |", _PARA, "* * *", _PARA, "|"]))
    assert "|" not in res.text and "*" not in res.text
    assert {d.line: d.reason for d in res.dropped}["* * *"] == "separator / empty widget (no words)"


_PARA = (
    "The ferry operator suspended all crossings to the northern islands after inspectors found "
    "corrosion on the bow doors of two of its three vessels, the island council said."
)


@pytest.mark.parametrize(
    ("text", "is_list"),
    [
        (
            "Global gender gap report, Grand Ethiopian Dam talks failure, Maoist attack in India, Border "
            "tensions between Russia and Ukraine, and the Security forces take control of Palma",
            True,
        ),
        (
            "Ferry strike, Ostrava dock walkout, Sound fishing quotas, Lund harbour fee talks, Northern Ports "
            "Authority budget dispute, Vell island shortages and a new Coastguard chief",
            True,
        ),
        (
            "the ferry operator said it would resume the crossings to the islands as soon as the inspectors "
            "had finished their work on the doors of the vessels",
            False,
        ),
        (
            "Паромный оператор приостановил все рейсы на северные острова после того как инспекторы "
            "обнаружили коррозию на носовых дверях двух из трёх своих судов и потребовали провести полную "
            "проверку всего флота",
            False,
        ),  # no English stop words, but few capitals: prose
    ],
)
def test_a_long_line_of_topics_is_a_list_not_prose(text: str, is_list: bool) -> None:
    assert shape.reads_as_list_of_names(text) is is_list
    assert shape.is_prose(Line(text, 1)) is not is_list


def test_stop_word_density_separates_sentences_from_name_lists() -> None:
    assert shape.stopword_density("The minister said that the talks would resume in the spring.") > 0.4
    assert shape.stopword_density("Lena Vos, Piet Sandor, Mara Ilves and Ana Berg") < 0.2


def test_a_list_the_article_introduces_with_a_colon_stays_after_the_last_paragraph() -> None:
    text = (
        f"Protests expected in the capital\n{_PARA}\n{_PARA}\nPossible effects:\nDisruption to road traffic "
        "in the city centre\nClosure of shops and offices\nWhat to do:\nAvoid the city centre on Friday\n"
        "Share this:\nFacebook\nTwitter\nEmail"
    )
    res = clean_text(text)
    for kept in ("Possible effects:", "Closure of shops and offices", "Avoid the city centre on Friday"):
        assert kept in res.text
    for gone in ("Share this", "Facebook", "Twitter"):
        assert gone not in res.text


def test_short_lines_after_the_last_paragraph_without_a_colon_heading_still_go() -> None:
    text = f"Ferries halted\n{_PARA}\n{_PARA}\nTags\nFerries, Islands\nMore from Harbour News"
    res = clean_text(text)
    assert "Tags" not in res.text and "More from" not in res.text


def test_a_paragraph_broken_in_mid_sentence_is_judged_and_kept_as_one() -> None:
    text = (
        "Harbour strike ends after talks\nWhat's Happening?\n"
        "Dock workers in Norland ended a nine-day strike on Tuesday after the port authority agreed to\n"
        "a pay rise of six percent over two years, the union said in a statement.\n"
        "The deal still needs the approval of the members, who vote next week.\n"
    )
    res = clean_text(text)
    assert "after the port authority agreed to a pay rise of six percent" in res.text
    assert res.found.title == "Harbour strike ends after talks"


def test_how_to_cite_the_page_and_a_labelled_disclaimer_are_furniture() -> None:
    from memogen.sources.cleaning.junk import classify_junk

    cite = (
        'Anna Holm, Per Vik, and Ola Berg. "Ferry Safety in Northern Waters: Lessons from Inspections", '
        "Harbour Papers 2025, 12 (2025), accessed May 6, 2025, https://doi.org/10.1234/hp.2025.12"
    )
    assert classify_junk(cite) == "citation of the page (how to cite it)"
    disclaimer = (
        "Disclaimer: " + "Harbour Papers describe research in progress by the authors and are published " * 6
    )
    assert classify_junk(disclaimer) == "disclaimer / copyright notice"
    quoted = 'The council said. "We cannot live on one boat a day," the chair told reporters on Monday.'
    assert classify_junk(quoted) is None


@pytest.mark.parametrize(
    "line",
    [
        "Editor's note: This article has been updated with new details throughout.",
        "Correction: An earlier version of this story gave the wrong date for the inspection.",
        "No spam. Unsubscribe any time.",
    ],
)
def test_notes_on_the_articles_making_and_subscription_small_print_are_furniture(line: str) -> None:
    from memogen.sources.cleaning.junk import classify_junk

    assert classify_junk(line) is not None
    assert classify_junk("The editor said the note was found on the quay on Monday.") is None


ARTICLE = (
    "The harbour authority closed the northern quay on Monday after a crane collapsed onto two "
    "container ships, officials said in a statement issued late in the evening.\n"
    "Repairs are expected to take at least three weeks, and traffic will move to the southern "
    "quay in the meantime, the authority's spokesperson told reporters at the port.\n"
)


def test_a_list_of_links_goes_whole_when_most_of_it_is_furniture():
    links = (
        "- Crane collapse halts work at northern quay Harbour Daily\n"
        "- Who runs the port? What to know about the authority and its board Coast News\n"
        "- Dockers warned of new delays Port Weekly\n"
        "- Ships wait outside the harbour as repairs begin The Morning Tide\n"
        "- A $2M crane vs. a $20 bolt: engineers ask questions Quay Review\n"
    )
    body = clean_text(ARTICLE + links).text
    assert "Repairs are expected" in body
    assert "Crane collapse halts work" not in body
    assert "Who runs the port?" not in body


def test_a_list_of_sentences_in_the_article_stays():
    items = (
        "The authority set out three measures:\n"
        "- Lorries will be turned away from the northern gate until further notice.\n"
        "- Ferries will use the southern quay from Tuesday.\n"
        "- Crews will inspect every crane in the harbour before work resumes.\n"
    )
    body = clean_text(ARTICLE + items + ARTICLE.split("\n")[0] + "\n").text
    assert "Ferries will use the southern quay" in body
    assert "Crews will inspect every crane" in body


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Harbour News Article Image", True),
        ("Featured thumbnail", True),
        ("Crane collapse closes northern quay", False),
        ("Port owners unveil a new logo", False),
        ("The bigger picture", False),
    ],
)
def test_a_pictures_alt_text_is_never_the_headline(line, label):
    from memogen.sources.cleaning.title import labels_something_else

    assert labels_something_else(line) is label


def test_a_headline_of_another_story_between_paragraphs_goes():
    page = (
        "The harbour authority closed the northern quay on Monday after a crane collapsed onto two "
        "container ships, officials said in a statement.\n"
        "Storm floods Vellmark coast road, 40 homes evacuated\n"
        "Repairs are expected to take at least three weeks, and traffic will move to the southern "
        "quay in the meantime, the authority's spokesperson told reporters.\n"
        "Dockers said the crane had been inspected in March and found sound by the harbour's own engineers.\n"
    )
    body = clean_text(page).text
    assert "Vellmark" not in body
    assert "Repairs are expected" in body and "Dockers said" in body


@pytest.mark.parametrize(
    "heading",
    [
        "Crane inspections were skipped for two years",  # shares words with the paragraph under it
        "Future Prospects For The Northern Quay",  # Title Case: its capitals are no evidence
    ],
)
def test_a_section_heading_between_paragraphs_stays(heading):
    page = (
        "The harbour authority closed the northern quay on Monday after a crane collapsed onto two "
        "container ships, officials said in a statement.\n"
        f"{heading}\n"
        "Records show crane inspections at the quay stopped in 2022, and the authority said the "
        "northern quay will reopen only after every crane is checked.\n"
        "Dockers said the crane had been inspected in March and found sound by the harbour's own engineers.\n"
    )
    assert heading in clean_text(page).text


def test_cut_off_excerpts_next_to_read_more_links_after_the_article_go():
    page = (
        ARTICLE + "Dockers said the crane had been inspected in March and found sound by engineers.\n"
        "The Fleet Index for 2025 ranks the northern yards as the busiest in the region,\n"
        "Read MoreA ferry ran aground outside Vellmark during a storm on Sunday, and the coastguard is\n"
        "Read More\n"
    )
    body = clean_text(page).text
    assert "Dockers said" in body
    assert "Fleet Index" not in body and "ran aground" not in body


def test_an_unfinished_last_line_without_a_link_stays():
    page = (
        ARTICLE + "Dockers said the crane had been inspected in March and that the engineers who checked it\n"
    )
    assert "engineers who checked it" in clean_text(page).text


CONTENTS_PAGE = """Monthly Update on the Harbour Assembly | March 2031

This update lists the month's main developments in the Harbour Assembly with a few notes from abroad.

  1. Assembly passes the port budget
  2. Speaker delays the spring session of the Assembly
  3. First woman elected to chair the finance committee
  4. Coastguard chief meets the harbour master

Assembly passes the port budget

The Assembly passed the port budget on 3 March 2031 by 71 votes to 40 after a debate of two days."""


def test_a_list_of_the_pages_own_headings_is_its_contents():
    """The numbered entries come again as a heading over their story: navigation, all of them
    (the entries whose stories the dump leaves out too), and never joined into one paragraph."""
    result = clean_text(CONTENTS_PAGE)
    assert "Speaker delays" not in result.text and "Coastguard chief" not in result.text
    assert "The Assembly passed the port budget on 3 March 2031" in result.text
    assert any("table of contents" in d.reason for d in result.dropped)


def test_a_numbered_list_of_the_texts_own_points_stays():
    """Points listed once (nothing prints them again) are the text."""
    page = CONTENTS_PAGE.replace("Assembly passes the port budget\n\nThe Assembly", "The Assembly")
    result = clean_text(page)
    assert "Speaker delays the spring session" in result.text and "Coastguard chief meets" in result.text


def test_a_hard_wrapped_pages_numbered_items_are_not_joined():
    from memogen.sources.cleaning.layout import unwrap
    from memogen.sources.cleaning.lines import RawLine

    texts = [
        "The port authority said on Monday that the new quay would open in the spring of next year,",
        "after two years of building work that was delayed by the storms of the last two winters.",
        "1. Assembly passes the port budget after a debate of two days and a vote of 71 to 40 on Friday",
        "2. Speaker delays the spring session",
    ]
    _, out = unwrap([RawLine(t, k + 1) for k, t in enumerate(texts)], texts)
    assert out[-2:] == texts[-2:] and len(out) == 3
