"""Bylines that carry an outlet or a role after the name ('By A B, Outlet')."""

import pytest

from memogen.sources.metadata import byline_names
from memogen.sources.reader import read_source


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Mara Ilves, Coastwire", ["Mara Ilves"]),
        ("By Lena Vos, former deputy director of the Maritime Safety Agency", ["Lena Vos"]),
        ("By Ana Ruiz, Tom Berg and Ida Holm", ["Ana Ruiz", "Tom Berg", "Ida Holm"]),
        ("By Dr Sara Helm, Kessel Institute", ["Sara Helm"]),
        ("By the way, the bridge was closed", None),
        ("By Tuesday, officials expect a decision", None),
    ],
)
def test_byline_names_with_outlet_or_role(line, names):
    assert byline_names(line) == names


def test_byline_with_outlet_leaves_the_body_and_fills_authors(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(
        "Ferry capsizes off Cape Harlin\nBy Mara Ilves, Coastwire\n14 September 2025\n\n"
        "A ferry capsized off Cape Harlin on Sunday, the coastguard said. Forty people are missing.\n",
        encoding="utf-8",
    )
    source = read_source(path, "news")
    assert source.metadata.authors == ["Mara Ilves"]
    assert source.metadata.title == "Ferry capsizes off Cape Harlin"
    assert "Coastwire" not in source.text and source.text.startswith("A ferry capsized")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By JANE DOE and JOHN ROE Associated Press", ["Jane Doe", "John Roe"]),
        ("By MARIT SOLHEIM", ["Marit Solheim"]),
        ("Story by Ida Holm • 2d", ["Ida Holm"]),
        ("By AFP and REUTERS", None),  # agencies in capitals are not recased into names
    ],
)
def test_wire_bylines_in_capitals_and_story_by(line, names):
    assert byline_names(line) == names


def _page(tmp_path, byline: str):
    path = tmp_path / "page.txt"
    path.write_text(
        "Home | World | Business\n\nDam bursts above the harbour town of Keld\n\n"
        f"{byline}\n\n"
        "Rescue teams reached the harbour town of Keld on Monday after the dam burst upstream, officials "
        "said, and the water swept whole streets into the sea.\n\n"
        "The regional government said hundreds of people were still missing and that the toll was expected "
        "to rise as crews searched the debris.\n",
        encoding="utf-8",
    )
    return read_source(path, "page").metadata


def test_outlet_after_capitalised_names_is_the_publisher(tmp_path):
    meta = _page(tmp_path, "By JANE DOE and JOHN ROE Associated Press")
    assert meta.authors == ["Jane Doe", "John Roe"] and meta.publisher == "Associated Press"


def test_name_comma_outlet_then_date_is_a_byline(tmp_path):
    meta = _page(tmp_path, "Jane Doe, Reuters · 23 Aug 2023")
    assert meta.authors == ["Jane Doe"] and meta.publisher == "Reuters"
    assert str(meta.date) == "2023-08-23"


def test_name_comma_role_then_date_is_no_outlet(tmp_path):
    meta = _page(tmp_path, "Jane Doe, Senior Fellow · 23 Aug 2023")
    assert meta.publisher != "Senior Fellow"


def test_a_login_posting_the_page_is_no_publisher(tmp_path):
    meta = _page(tmp_path, "Posted on August 23, 2023 by Admin")
    assert meta.publisher is None and str(meta.date) == "2023-08-23"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("By Harbour News  with AP", "Harbour News with AP"),
        ("By Coastwire and AFP", "Coastwire and AFP"),
        ("By Coastwire", "Coastwire"),
        ("By the desk with help", None),
        ("By Staff Reporter", None),
    ],
)
def test_a_byline_crediting_an_outlet_with_the_wire_it_drew_on(line, credit):
    from memogen.sources.metadata import byline_credit

    assert byline_credit(line) == credit


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Lena Vos in Berlin June 24, 2023", ["Lena Vos"]),
        ("By Anna Lee in Kyiv and Tom Hill in New York", ["Anna Lee", "Tom Hill"]),
    ],
)
def test_where_a_writer_filed_from_is_no_part_of_the_name(line, names):
    assert byline_names(line) == names
