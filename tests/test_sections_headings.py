"""Headings read by meaning: any scheme maps onto the three sections, onto advice (left out) or onto none.

The schemes below are of our own making: what matters is what a heading asks or names (the event,
its context, its significance or what comes next), not any publisher's wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.model import Source, SourceMetadata
from memogen.sections import extract_points
from memogen.sections.headings import heading_meaning, heading_section, inline_heading, is_heading

EVENT = dt.date(2024, 5, 6)


def _points(text: str):
    source = Source(
        id="s", path="s.txt", kind="txt", metadata=SourceMetadata(date=dt.date(2024, 5, 8)), text=text
    )
    return extract_points(source, EVENT)


@pytest.mark.parametrize(
    "line, meaning",
    [
        ("What we know", "what_happened"),
        ("Key facts", "what_happened"),
        ("The situation on the ground", "what_happened"),
        ("The Situation", "what_happened"),
        ("Current situation", "what_happened"),
        ("The state of play", "what_happened"),
        ("📰 The latest:", "what_happened"),
        ("The story so far", "background"),
        ("The big picture", "background"),
        ("How we got here", "background"),
        ("A short history of the dispute", "background"),
        ("Why this matters", "what_it_means"),
        ("Between the lines", "what_it_means"),
        ("Why is it significant?", "what_it_means"),
        ("Looking ahead", "what_it_means"),
        ("Possible consequences", "what_it_means"),
        ("What happens next", "what_it_means"),
        ("Possible effects:", "what_it_means"),
        ("Why this is important", "what_it_means"),
        ("Recommended precautions", "advice"),
        ("Travel advice", "advice"),
        ("Key numbers", "free"),
        ("Precautions for travellers:", "advice"),
        ("What you should do", "advice"),
        ("Measures to take", "advice"),
        ("One number:", "free"),
        ("Key takeaways", "free"),
        ("Quote of the day", "free"),
        ("Ten years of war in maps", None),
        ("Rain over the valley", None),
        ("MM News TV", None),  # a name (an acronym in it), not a part of a brief
        ("Top stories", None),
        ("Subscribe to our newsletter", None),
    ],
)
def test_a_heading_means_what_it_asks_or_names(line: str, meaning: str | None) -> None:
    assert is_heading(line)
    assert heading_meaning(line, by_similarity=True) == meaning
    assert heading_section(line, by_similarity=True) == (
        meaning if meaning in ("what_happened", "background", "what_it_means") else None
    )


@pytest.mark.parametrize(
    "line, meaning",
    [("The situation on the ground", "what_happened"), ("Possible effects", "what_it_means")],
)
def test_a_wording_the_lexicon_lacks_is_read_by_similarity_only_when_asked(line: str, meaning: str) -> None:
    assert heading_meaning(line) is None  # the lexicon alone (a theme phrase in prose is not a heading)
    assert heading_meaning(line, by_similarity=True) == meaning


@pytest.mark.parametrize(
    "paragraph, meaning, body",
    [
        ("What happened? The council voted on Monday.", "what_happened", "The council"),
        ("🔎 The backdrop: In 2019 the bridge was closed.", "background", "In 2019"),
        ("Why it matters for commuters: Journeys will take longer.", "what_it_means", "Journeys"),
        ("⏭ Next steps: A review is due in June.", "what_it_means", "A review"),
    ],
)
def test_a_heading_at_the_start_of_its_paragraph_is_found(paragraph: str, meaning: str, body: str) -> None:
    found = inline_heading(paragraph)
    assert found is not None and found.meaning == meaning
    assert paragraph[found.body_start :].startswith(body)


@pytest.mark.parametrize(
    "paragraph",
    [
        "He said: the bridge will stay shut.",
        "Why? Because the piers are cracked.",
        "Here are the key developments: the council voted.",
        "The minister: a profile of a survivor.",
    ],
)
def test_prose_with_a_colon_or_a_question_is_no_heading(paragraph: str) -> None:
    assert inline_heading(paragraph) is None


def test_a_lead_in_line_is_prose_not_a_heading() -> None:
    assert not is_heading("Here are the key developments:")
    assert not is_heading("These are the main points:")


def test_a_lead_in_the_reader_set_as_a_heading_names_no_section() -> None:
    """A page may style "Here are the key developments:" as a heading (the reader then says so): it still
    names no section, so the lines under it (often a page's teasers of other stories) are not fixed
    in What happened."""
    assert heading_meaning("Here are the key developments:") is None
    text = (
        "The council approved the new bridge on 4 May after a year of debate.\n\n"
        "Here are the key developments:\n\n"
        "The bridge was first proposed in 1998, when the old ferry sank.\n"
    )
    page = Source(
        id="p",
        path="p.txt",
        kind="txt",
        metadata=SourceMetadata(date=dt.date(2024, 5, 5)),
        text=text,
        headings=[(text.index("Here are"), "Here are the key developments:")],
    )
    points = extract_points(page, dt.date(2024, 5, 4))
    assert [p.reason == "heading" for p in points] == [False, False]


def test_an_unknown_scheme_with_inline_headings_keeps_its_sections() -> None:
    text = (
        "📰 The latest: On 6 May the river authority opened the new flood gates at Dern. Crews worked through the night.\n\n"
        "🔎 The backdrop: The gates were first proposed in 1998, after the great flood. Work began in 2016.\n\n"
        "💡 Why it matters: The gates could protect 40,000 homes. Insurers may cut premiums.\n\n"
        "💬 One quote: “We have waited a generation for this,” said the mayor.\n\n"
        "Precautions for residents: Keep away from the river banks. Follow the authority's alerts."
    )
    points = _points(text)

    def of(start: str) -> tuple[str, str]:
        return next((p.section, p.reason) for p in points if p.text.startswith(start))

    assert of("On 6 May") == of("Crews") == ("what_happened", "heading")
    assert of("The gates were") == of("Work began") == ("background", "heading")
    assert of("The gates could") == of("Insurers") == ("what_it_means", "heading")
    assert of("“We have")[1] != "heading"  # a pull quote is free: the classifier decides
    assert not any(p.text.startswith(("Keep away", "Follow")) for p in points)  # advice is left out
    assert not any("The latest" in p.text or "backdrop" in p.text for p in points)


def test_heading_lines_of_an_unknown_scheme_map_by_meaning() -> None:
    text = (
        "The situation on the ground\n\nProtesters blocked the port of Vell on 6 May and halted all ferries.\n\n"
        "Possible consequences\n\nFuel could run short on the islands within a week.\n\n"
        "What you should do\n\nAvoid travel to the port until further notice."
    )
    points = _points(text)
    assert [(p.section, p.reason) for p in points] == [
        ("what_happened", "heading"),
        ("what_it_means", "heading"),
    ]


def test_a_part_under_a_heading_that_names_nothing_shares_one_section_in_a_headed_brief() -> None:
    part = (
        "Old rivals, new terms\n\n"
        "The two states had fought over the river since 1998. Talks collapsed twice, in 2005 and in 2012. "
        "The treaty could end the dispute for good."
    )
    headed = _points(
        "What happened?\n\nOn 6 May the two ministers signed the water treaty in Varo.\n\n" + part
    )
    under = [p for p in headed if p.reason != "heading"]
    assert len(under) == 3 and {p.section for p in under} == {"background"}
    alone = _points(part)  # no heading names a section: not a headed brief, each point on its own evidence
    assert alone[-1].section == "what_it_means" and alone[0].section == "background"


def test_what_lies_beyond_or_behind_the_news_is_what_it_means():
    from memogen.sections.headings import heading_meaning

    for heading in ("Beyond the Headlines", "Behind the news:", "Beyond the numbers"):
        assert heading_meaning(heading) == "what_it_means", heading
    for heading in ("The headlines", "Headlines:", "In the news"):
        assert heading_meaning(heading) == "what_happened", heading
