"""The headline zone (sources/cleaning/headline.py): the story's own headline, never a masthead,
a series or issue line, a caption, a subscription note, an author list or an institute's name.

The pages here are our own, written in the shapes real pages take: a weekly digest with its
edition above the story, a news page with a kicker and a standfirst, an institute brief.
"""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.sources.cleaning import clean_text
from memogen.sources.cleaning.headline import body_start
from memogen.sources.cleaning.lines import Line
from memogen.sources.cleaning.title import find_title

PARA = (
    "On 3 May the ferry operator suspended all crossings to the northern islands after inspectors "
    "found corrosion on the bow doors of two of its three vessels."
)
PARA2 = (
    "The islands depend on the ferries for food and fuel, and shops on Vell reported empty shelves "
    "within two days of the suspension, according to the island council."
)


_clean = clean_text


DIGEST = f"""The Week at Sea

Photo Source: Harbour Photo Agency
   Course on Maritime Affairs
Norland Institute of Ocean Studies (NIOS)
University Campus, Havland
For any further information or to subscribe to Sea alerts send an email to

The Week at Sea
Ferries halted in the north, a port strike in Ostrava, and new fishing quotas for the Sound

  Sea Team

The Week at Sea #42, Vol. 3, No. 12, 5 May 2025

Lena Vos, Piet Sandor and Mara Ilves

Ferries: Crossings to the islands suspended
Lena Vos

What happened?
{PARA}
{PARA2}
What is the background?
{PARA2.replace("islands", "coast")}
"""


def test_a_digest_story_gets_its_own_headline_and_the_edition_as_container() -> None:
    res = _clean(DIGEST)
    assert res.found.title == "Ferries: Crossings to the islands suspended"
    assert res.found.container_title == "The Week at Sea #42"
    assert res.found.date == dt.date(2025, 5, 5)  # from the issue line
    assert res.found.authors == ["Lena Vos"]  # the story's byline, not the edition's author list
    assert res.text.split("\n\n")[0] == "What happened?"  # the section heading stays


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo Source: Harbour Photo Agency", "image caption / credit"),
        ("Norland Institute of Ocean Studies (NIOS)", "masthead / site name"),
        (
            "For any further information or to subscribe to Sea alerts send an email to",
            "contact / subscription note",
        ),
        (
            "Ferries halted in the north, a port strike in Ostrava, and new fishing quotas for the Sound",
            "masthead",
        ),
        ("Sea Team", "byline of a team, no person named"),
        ("The Week at Sea #42, Vol. 3, No. 12, 5 May 2025", "dateline: issue line"),
        ("Lena Vos, Piet Sandor and Mara Ilves", "author list (→ metadata.authors)"),
        ("Lena Vos", "byline (→ metadata.authors)"),
    ],
)
def test_every_line_above_the_story_goes_with_its_reason(line: str, reason: str) -> None:
    res = _clean(DIGEST)
    reasons = {d.line.strip(): d.reason for d in res.dropped}
    assert reasons[line].startswith(reason)
    assert line not in res.text


def test_the_institute_not_a_caption_or_a_label_is_the_publisher() -> None:
    res = _clean(DIGEST)
    assert res.found.publisher == "Norland Institute of Ocean Studies (NIOS)"
    assert "Photo" not in (res.found.publisher or "")


def test_a_summary_above_the_author_list_and_headline_is_not_the_article() -> None:
    summary = (
        "This week: ferries stopped in the north after inspectors found corroded doors, dockers walked "
        "out in Ostrava, and the fishing council set new quotas for the Sound."
    )
    text = DIGEST.replace("  Sea Team\n", f"  Sea Team\n\n{summary}\n")
    res = _clean(text)
    assert summary not in res.text
    assert res.found.title == "Ferries: Crossings to the islands suspended"
    assert any(d.line == summary for d in res.dropped)


def test_an_article_whose_lede_is_followed_by_a_subheading_keeps_the_lede() -> None:
    res = _clean(f"Ferries halted\nBy Lena Vos\n\n{PARA}\n\nWhy it matters\n\n{PARA2}\n\n{PARA2}")
    assert res.text.startswith(PARA)
    assert res.found.title == "Ferries halted"


@pytest.mark.parametrize(
    ("front", "title"),
    [
        # the kicker above the headline is never the title; the byline under it marks the headline
        (
            "Opinion\nThe islands deserve better ferries\nBy Mara Ilves\nPublished: 4 May 2025",
            "The islands deserve better ferries",
        ),
        # a short section heading right under the headline opens the article's first section
        ("Ferry crisis: the islands cut off\nIn the news", "Ferry crisis: the islands cut off"),
        # ... also with the story's byline between them
        (
            "Brief: Ferry safety after the Solvik\nBy Dr Sara Helm\n12 May 2025\nWhy it matters",
            "Brief: Ferry safety after the Solvik",
        ),
        # a label above a short headline is a label: the headline is the line next to the text
        ("Summary\nFerries halted in the north", "Ferries halted in the north"),
        # a headline of 15-20 words is still a headline
        (
            "Weekly\nLena Vos and Piet Sandor\nFerry operator suspends crossings to the northern islands after inspectors find corrosion on two vessels\nWhat happened?",
            "Ferry operator suspends crossings to the northern islands after inspectors find corrosion on two vessels",
        ),
    ],
)
def test_the_headline_is_the_heading_nearest_the_article(front: str, title: str) -> None:
    res = _clean(f"{front}\n{PARA}\n{PARA2}")
    assert res.found.title == title
    assert title not in res.text


def test_a_standfirst_under_a_short_headline_is_not_taken_for_it() -> None:
    standfirst = (
        "The operator has suspended crossings to the islands while inspectors check the doors of its vessels"
    )
    res = _clean(f"Ferries halted in the north\n{standfirst}\n{PARA}\n{PARA2}")
    assert res.found.title == "Ferries halted in the north"
    assert standfirst not in res.text  # a standfirst without a full stop is a label of the page


def test_a_page_of_short_lines_keeps_them_all() -> None:
    lines = "\n".join(f"Line {i} says the ferries will run again soon." for i in range(5))
    res = _clean(f"Ferries to resume\n{lines}")
    assert res.text.count("ferries will run again") == 5


def test_find_title_and_body_start_on_lines() -> None:
    items = [Line(t, i) for i, t in enumerate(["Masthead", "A headline for the story", "In the news", PARA])]
    assert body_start(items) == 3
    assert find_title(items[:3]) == 1


NEWS = """Skip to main content
Home
World
Business
World
Europe
Floods kill dozens in northern Norland as rivers burst their banks
Rescue teams are searching for survivors after three days of heavy rain
By Ingrid Dahl and Tomas Beck
12 June 2025
Residents wade through flooded streets in Havland on Thursday. Photograph: Piet Sandor/Reuters
{para}
{para2}
Related: Norland's dams were built for a climate that no longer exists
Explore more on these topics
Floods
Share
Most viewed
Ferry strike ends after five days"""


def test_a_news_page_headline_is_not_its_standfirst_and_no_headline_becomes_the_publisher() -> None:
    res = _clean(NEWS.format(para=PARA, para2=PARA2))
    assert res.found.title == "Floods kill dozens in northern Norland as rivers burst their banks"
    assert res.found.publisher is None
    assert res.found.authors == ["Ingrid Dahl", "Tomas Beck"]
    assert res.text == f"{PARA}\n\n{PARA2}"


@pytest.mark.parametrize(
    "masthead",
    ["NORLAND TODAY\nLATEST NEWS", "Lendrian Institute for Transport Policy", "Opinion"],
)
def test_a_masthead_or_kicker_printed_right_above_the_headline_is_not_it(masthead: str) -> None:
    res = _clean(
        f"{masthead}\nParliament approves carbon levy on imports\nThe levy will apply to steel and cement from 2026\n"
        f"Mara Ilves | Political Correspondent\n{PARA}\n{PARA2}"
    )
    assert res.found.title == "Parliament approves carbon levy on imports"
    assert res.found.authors == ["Mara Ilves"]
    assert "levy will apply" not in res.text


@pytest.mark.parametrize(
    ("line", "headline", "site"),
    [
        (
            "Ferries halted after inspection | Harbour Times",
            "Ferries halted after inspection",
            "Harbour Times",
        ),
        ("Ferries halted after inspection - NTV", "Ferries halted after inspection", "NTV"),
        ("Ferries halted after inspection - Norland Post", "Ferries halted after inspection", "Norland Post"),
        ("Ferry safety explained in depth - Part Two", "Ferry safety explained in depth - Part Two", None),
        (
            "Update on the ferry inspections | February 2025",
            "Update on the ferry inspections | February 2025",
            None,
        ),
    ],
)
def test_a_site_name_after_the_headline_is_the_publisher(line: str, headline: str, site: str | None) -> None:
    res = _clean(f"{line}\n{PARA}\n{PARA2}")
    assert res.found.title == headline
    assert res.found.publisher == site


def test_a_blogs_name_tagline_and_breadcrumb_stand_above_its_headline() -> None:
    res = _clean(
        "The Coastal Blog\nThoughts on ferries, harbours and island life\nHome » Islands » Ferries\n"
        f"Why the northern ferries keep breaking down\nPosted on May 6, 2025 by Lena Vos\n{PARA}\n{PARA2}"
    )
    assert res.found.title == "Why the northern ferries keep breaking down"
    assert res.found.publisher == "The Coastal Blog" and res.found.authors == ["Lena Vos"]
    assert {d.line: d.reason for d in res.dropped}["Home » Islands » Ferries"] == "navigation / listing row"


@pytest.mark.parametrize(
    "label",
    [
        "Editor: marenholm",
        "Photo Gallery: Ferry crews return to the quay",
        "Download PDF More Formats on Harbour eLibrary Order a Print Copy",
        "Format: Chicago",
    ],
)
def test_a_label_shaped_like_a_headline_is_never_the_title(label: str) -> None:
    result = _clean(f"Ferries halted as inspectors find corrosion\n\n{label}\n\n{PARA}\n\n{PARA2}\n")
    assert result.found.title == "Ferries halted as inspectors find corrosion"


def test_a_caption_repeated_with_its_credit_is_not_the_headline() -> None:
    caption = "Inspectors walk along the bow doors of the ferry at Havland quay"
    page = f"Ferries halted after inspection\n\n{caption}\n{caption} Source: Harbour Photo / A. Vik\n\n{PARA}\n\n{PARA2}\n"
    assert _clean(page).found.title == "Ferries halted after inspection"


def test_a_quoted_headline_framed_by_the_sites_label() -> None:
    page = f"Harbour Radio\n'We cannot sail' - ferry crews stop work\nHarbour Radio\n\n{PARA}\n\n{PARA2}\n"
    found = _clean(page).found
    assert found.title == "'We cannot sail' - ferry crews stop work"
    assert found.publisher == "Harbour Radio"


def test_a_byline_run_on_a_headline_and_a_byline_with_a_bio_or_an_outlet() -> None:
    found = _clean(f"Ferries halted in the north by Nina Holm\n\n{PARA}\n\n{PARA2}\n").found
    assert found.title == "Ferries halted in the north" and found.authors == ["Nina Holm"]
    found = _clean(
        f"Ferries halted\n\nBy Anders Berg el-Vik is a Norland blogger and freelance writer, Havland\n\n{PARA}\n"
    ).found
    assert found.authors == ["Anders Berg el-Vik"] and found.title == "Ferries halted"
    found = _clean(f"Ferries halted\n\nAnna M. Holm And Per Vik Harbour Times\n\n{PARA}\n\n{PARA2}\n").found
    assert found.authors == ["Anna M. Holm", "Per Vik"]


def test_the_site_a_pages_own_title_adds_to_the_headline_is_the_publisher() -> None:
    above = f"Ferries halted after inspection | Harbour Press Foundation (HPF)\nHarbour Press Foundation\nFerries halted after inspection\n\n{PARA}\n\n{PARA2}\nSource: The Vell Post\n"
    found = _clean(above).found
    assert found.title == "Ferries halted after inspection"
    assert found.publisher == "Harbour Press Foundation"  # the page's title beats a source credit
    glued = (
        f"Ferries halted after inspection-Coastwire\nFerries halted after inspection\n\n{PARA}\n\n{PARA2}\n"
    )
    found = _clean(glued).found
    assert found.title == "Ferries halted after inspection" and found.publisher == "Coastwire"


def test_an_aggregators_byline_names_the_outlet_and_a_prompt_is_no_name() -> None:
    found = _clean(f"Ferries halted after inspection\n\nby · Harbour Times\n\n{PARA}\n\n{PARA2}\n").found
    assert found.publisher == "Harbour Times" and found.authors == []
    from memogen.sources.metadata import is_name

    assert not is_name("Explore Our Weather Coverage") and is_name("Nina Holm")


def test_an_audio_credit_is_never_the_title_and_an_outlet_under_the_headline_is_the_publisher() -> None:
    found = _clean(f"No respite for the coast\nVoiced by Harbour Polly\n\n{PARA}\n\n{PARA2}\n").found
    assert found.title == "No respite for the coast"
    res = _clean(f"Voiced by Harbour Polly\n\n{PARA}\n\n{PARA2}\n")
    assert res.found.title is None and "Voiced by" not in res.text
    res = _clean(f"Ferries halted after inspection\nHarbour Press Agency\n\n{PARA}\n\n{PARA2}\n")
    assert res.found.publisher == "Harbour Press Agency" and "Harbour Press Agency" not in res.text


def test_a_headline_in_capitals_over_a_standfirst_naming_its_writer() -> None:
    page = (
        "FERRIES IN A STATE OF DISREPAIR\n"
        "Nina Holm describes the inspection chaos amid budget pressures\n\n"
        f"{PARA}\n\n{PARA2}\n"
    )
    found = _clean(page).found
    assert found.title is not None and found.title.lower() == "ferries in a state of disrepair"
    assert found.authors == ["Nina Holm"]
    found = _clean(f"Ferries halted\nLiz Holm resigns after the ferry inspection failed\n\n{PARA}\n").found
    assert found.authors == []  # a newsmaker and what she did is no byline


def test_a_link_to_the_outlets_channel_names_the_outlet_without_its_verb():
    page = (
        "Watch Harbour News\n\n"
        "Crane collapse closes the northern quay\n\n"
        "The harbour authority closed the northern quay on Monday after a crane collapsed onto two "
        "container ships, officials said in a statement issued late in the evening.\n"
    )
    assert clean_text(page).found.publisher == "Harbour News"


@pytest.mark.parametrize(
    "front",
    [
        "Ferries Halted - Islands Run Short of Fuel\n\n4 May 2025\nHarbour Times (Vell)\nBy Nina Holm\n\n",
        "Ferries Halted as Islands Run Short of Fuel\n\nNina Holm and Liz Berg\n\nHarbour Times\n\n",
    ],
)
def test_an_outlets_name_between_the_headline_and_the_story_is_the_publisher_not_the_title(
    front: str,
) -> None:
    res = _clean(f"{front}{PARA}\n\n{PARA2}\n")
    assert res.found.title is not None and res.found.title.startswith("Ferries Halted")
    assert res.found.publisher is not None and res.found.publisher.startswith("Harbour Times")
    assert "Harbour Times" not in res.text


def test_a_country_under_the_date_line_is_the_datelines_place_not_a_byline_or_the_title() -> None:
    res = _clean(
        f"Ferries halted on the northern route\n\nSaturday 3 May 2025\n\nUnited States\n\n{PARA}\n\n{PARA2}\n"
    )
    assert res.found.title == "Ferries halted on the northern route"
    assert res.found.authors == [] and res.found.date == dt.date(2025, 5, 3)


def test_a_pictures_caption_over_its_credit_is_not_the_headline() -> None:
    page = (
        "Ferries halted after the inspection\n\n"
        "Harbour Ferries terminal in Vell, Northern Isles\n\n"
        " Nina Holm/Harbour Press/Coast Images\n\n"
        f"{PARA}\n\n{PARA2}\n"
    )
    res = _clean(page)
    assert res.found.title == "Ferries halted after the inspection"
    assert "Coast Images" not in res.text and "Northern Isles" not in res.text


@pytest.mark.parametrize(
    "caption",
    [
        "An entrance to the Havland ferry terminal Ola Nordmann/Norland Agency via Getty Images",
        "The Havland ferry terminal in Norvik, Norland. Bloomberg",
    ],
)
def test_a_caption_ending_on_its_credit_or_agency_is_not_the_headline(caption: str) -> None:
    page = (
        f"Ferries halted after inspection\n\nCrews walked out on Monday\n\n{caption}\n\n{PARA}\n\n{PARA2}\n"
    )
    result = _clean(page)
    assert result.found.title == "Ferries halted after inspection"
    assert any(d.line == caption and d.reason == "image caption / credit" for d in result.dropped)
