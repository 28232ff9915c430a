"""The development topic: every junk line out, every article sentence in, the articles' own dates.

The expected line numbers below are the *test's* knowledge of these files; the
cleaner itself has no rule that knows them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from memogen.config import load_topic
from memogen.sources import read_source

INPUTS = Path(__file__).resolve().parents[1] / "inputs"
TOPIC_DIR, CONFIG = load_topic(INPUTS, "lavrov-2021")

SIDEBAR_DT = set(range(23, 68)) - {25, 27, 29, 31, 33, 36, 38, 41, 43, 45, 48, 50, 52, 55, 57, 59, 62, 64, 66}
DROPPED = {
    "cass-revamping-lost-ties.txt": {1, 19, 20, 21},
    "daily-times-managing-relations.txt": {1, 3, 9, 19, 21} | SIDEBAR_DT,
    "gp-insights-new-era.txt": {1, 3, 5, 6, *range(25, 41), 42, 43, 45},
    "issi-brief-new-heights.txt": {5, 7, 8, 9, 10, 12, 13, 15, 17, 31, 33, 49},
    "mmnews-old-players.txt": {1, 2, 4, 50, 51},
}
DATES = {
    "daily-times-managing-relations.txt": dt.date(2019, 3, 17),
    "gp-insights-new-era.txt": dt.date(2021, 4, 11),
    "issi-brief-new-heights.txt": dt.date(2021, 4, 22),
}


def _letters(text: str) -> str:
    """Compare text ignoring spacing, markers and escapes (the cleaner may add a space at a join)."""
    return re.sub(r"[^0-9A-Za-z]", "", re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", text))


@pytest.fixture(scope="module")
def sources() -> dict:
    return {
        name: read_source(TOPIC_DIR / name, Path(name).stem, CONFIG.sources.get(name)) for name in DROPPED
    }


@pytest.mark.parametrize("name", sorted(DROPPED))
def test_exactly_the_junk_lines_are_dropped(sources: dict, name: str) -> None:
    lines = (TOPIC_DIR / name).read_text(encoding="utf-8").split("\n")
    nonempty = {i + 1 for i, ln in enumerate(lines) if ln.strip()}
    dropped = {d.lineno for d in sources[name].dropped}
    assert dropped == DROPPED[name] & nonempty
    assert all(d.reason for d in sources[name].dropped)


@pytest.mark.parametrize("name", sorted(DROPPED))
def test_no_article_sentence_is_lost(sources: dict, name: str) -> None:
    src = sources[name]
    lines = (TOPIC_DIR / name).read_text(encoding="utf-8").split("\n")
    body = _letters(src.text)
    for i, line in enumerate(lines, start=1):
        if line.strip() and i not in DROPPED[name]:
            assert _letters(line) in body, f"{name}:{i} lost: {line[:60]}"


@pytest.mark.parametrize("name", sorted(DROPPED))
def test_no_junk_survives_in_the_body(sources: dict, name: str) -> None:
    text = sources[name].text
    for pattern in (
        r"\bhours? ago\b",
        r"\bShare\b",
        r"Leave a Comment",
        r"Back to top",
        r"Recent Posts",
        r"\| GP Insights",
        r"Click (here|below)",
        r"Published in",
        r"The writer is",
        r"[¹²³]",
        r"\bBy\n",
        r"Views expressed",
        r"2022",
        r"Exit mobile",
        r"\n\n(\S+ ){1,3}\S+\n\n\1",
    ):
        assert not re.search(pattern, text), (name, pattern)


def test_dates_are_the_articles_own(sources: dict) -> None:
    for name, date in DATES.items():
        assert sources[name].metadata.date == date, name
        assert "date" in sources[name].metadata.inferred
    mm = sources["mmnews-old-players.txt"]
    assert mm.metadata.date == dt.date(2021, 4, 6) and "date" not in mm.metadata.inferred  # from topic.yaml


def test_mm_news_display_date_is_not_inferred() -> None:
    src = read_source(TOPIC_DIR / "mmnews-old-players.txt", "mm", None)
    assert src.metadata.date is None
    assert any(d.reason.startswith("page display date") and "2022" in d.line for d in src.dropped)


def test_bylines_bios_and_titles_go_to_metadata(sources: dict) -> None:
    dt_ = sources["daily-times-managing-relations.txt"].metadata
    assert dt_.authors == ["Haris Bilal Malik"] and dt_.publisher == "Daily Times"
    assert dt_.author_bio and dt_.author_bio.startswith("The writer is")
    cass = sources["cass-revamping-lost-ties.txt"].metadata
    assert cass.authors == ["Hananah Zarrar"] and cass.author_bio.startswith("Hananah Zarrar is a Researcher")
    assert (
        cass.publisher == "Centre for Aerospace and Security Studies (CASS)"
        and "publisher" not in cass.inferred
    )
    issi = sources["issi-brief-new-heights.txt"].metadata
    assert issi.authors == ["Muhammad Taimur Fahad Khan"]
    assert issi.title == "Lavrov's Visit: Taking Pakistan-Russian Bilateral Relations to New Heights"
    assert sources["gp-insights-new-era.txt"].metadata.authors == ["Abigail Miriam Fernandez"]


def test_section_headings_stay_as_paragraphs(sources: dict) -> None:
    gp = sources["gp-insights-new-era.txt"]
    assert [h for _, h in gp.headings] == ["What happened?", "What is the background?", "What does it mean?"]
    paras = gp.text.split("\n\n")
    assert paras[0] == "What happened?" and "What does it mean?" in paras
    mm = sources["mmnews-old-players.txt"]
    assert "Old players on a new trajectory" in mm.text.split("\n\n")


def test_issi_footnotes_cut_mid_sentence_and_anchored(sources: dict) -> None:
    src = sources["issi-brief-new-heights.txt"]
    assert "with the Pakistani Foreign Minister Shah Mahmood Qureshi, Mr. Lavrov expressed" in src.text
    assert "will not only attract investment from Russian companies" in src.text
    assert [(r.marker, r.label) for r in src.references] == [
        ("1", "Voice of America"),
        ("2", "English Al-Arabiya"),
        ("3", "Gulf News"),
    ]
    at = src.text.index("hit the record high")
    assert [r.label for r in src.references_in(at, at + 10)] == ["Gulf News"]
    assert "US$ 790 million" in src.text


def test_run_together_words_split_where_provable(sources: dict) -> None:
    text = sources["daily-times-managing-relations.txt"].text
    for fixed in (
        "Russia. Once",
        "ties. As",
        "dispute. In",
        "12th meeting",
        "27th February",
        "2016 was",
        "situation, on",
        "General Raheel",
        "‘Aman 2019’ based",
        "(friendship) Annual",
    ):
        assert fixed in text, fixed


def test_reasons_name_what_each_cut_line_was(sources: dict) -> None:
    def reasons(name: str) -> dict[int, str]:
        return {d.lineno: d.reason for d in sources[name].dropped}

    issi = reasons("issi-brief-new-heights.txt")
    assert "credit" in issi[12] and "credit" in issi[13]  # the editor is not the author's affiliation
    assert sources["issi-brief-new-heights.txt"].metadata.author_bio == (
        "Research Associate, Centre for Strategic Perspectives (CSP), ISSI"
    )
    assert issi[17].startswith("disclaimer") and issi[31].startswith("source's own footnote 1")
    gp = reasons("gp-insights-new-era.txt")
    assert all(gp[n].startswith("sidebar") for n in range(26, 41, 2))
    assert gp[3].startswith("dateline")
    daily = reasons("daily-times-managing-relations.txt")
    assert daily[9].startswith("pull quote") and daily[21].startswith("publication line")
    assert {daily[n] for n in (34, 39, 46, 53, 60, 67)} == {"relative timestamp (sidebar)"}
    mm = reasons("mmnews-old-players.txt")
    assert mm[2].startswith("page display date") and mm[1].startswith("masthead")
    cass = reasons("cass-revamping-lost-ties.txt")
    assert (cass[19], cass[20]) == ("author name line (→ metadata.authors)", "duplicate line")
