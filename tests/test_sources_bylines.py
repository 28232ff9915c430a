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
