"""Source-reading defects found in a second reading of real topics never seen before (session 13),
each fixed by a general rule and tested on small texts of our own."""

from __future__ import annotations

from memogen.sources.cleaning import clean_text

_PARA = (
    "The harbour authority closed the northern pier on Tuesday after inspectors found cracks in "
    "two of its supports, and ferries were sent to the southern quay until repairs are done."
)
_PARA2 = (
    "Engineers said the southern quay could take the extra traffic for a month, and the council "
    "set aside funds for the repair work at its meeting on Wednesday evening."
)


def test_a_long_headline_may_open_with_a_number() -> None:
    head = (
        "12 ferries diverted in the March 2024 Norland pier closure - 300 passengers stranded as "
        "soon as the list of crossings was cut"
    )
    res = clean_text("\n".join(["26 Mar 2024", "", head, "", _PARA, "", _PARA2]))
    assert res.found.title == head
    assert head not in res.text


def test_a_caption_with_its_credit_is_no_long_headline() -> None:
    """A sentence's stop before the bar: a picture's caption and its (cut) credit."""
    caption = (
        "The two ferry companies that serve the northern pier are unable to meet the council's goal "
        "of running two crossings an hour. | Mara O"
    )
    res = clean_text("\n".join([caption, "", _PARA, "", _PARA2]))
    assert res.found.title != caption.partition(" |")[0]
    assert res.found.title != caption


def test_a_byline_may_credit_its_wire_in_brackets() -> None:
    from memogen.sources import metadata as md

    assert md.byline_names("By MARA OLSEN (Norland Press)") == ["Mara Olsen"]
    assert md.byline_names("By Mara Olsen (NPA)") == ["Mara Olsen"]


def test_a_headline_with_the_pages_tagline_and_site_run_on() -> None:
    from memogen.sources.cleaning.headline import split_tagline_and_site

    line = "Mayor says six people are dead in harbour fires. Follow along for live updates The Harbour Post"
    assert split_tagline_and_site(line) == (
        "Mayor says six people are dead in harbour fires",
        "The Harbour Post",
    )
    two = "Ferries stop at the northern pier. Council votes on repairs in March"
    assert split_tagline_and_site(two) == (two, None)


def test_a_live_blogs_invitation_leaves_its_first_paragraph() -> None:
    lead = (
        "Follow along for live updates of the fires that are racing across the northern island, "
        "forcing some to flee to the harbour. " + _PARA
    )
    page = "\n".join(
        ["Mayor says six are dead in harbour fires", "", "By MARA OLSEN (Norland Press)", "", lead]
    )
    res = clean_text(page + "\n\n" + _PARA2)
    assert res.text.startswith("The harbour authority closed")
    assert res.found.authors == ["Mara Olsen"]
    quoted = clean_text(page.replace("Follow along for live updates of", "Crews said") + "\n\n" + _PARA2)
    assert quoted.text.startswith("Crews said the fires")


def _source(sid: str, text: str, joins: list[tuple[str, str]] | None = None):
    from memogen.model import ReferenceAnchor, Source, SourceMetadata

    at = text.find("supports")
    return Source(
        sid,
        f"{sid}.txt",
        "text",
        SourceMetadata(),
        text,
        anchors=[ReferenceAnchor("1", at, at + 8)] if at >= 0 else [],
        headings=[(text.find("Repairs"), "Repairs")] if "Repairs" in text else [],
        joins=joins or [],
    )


def test_a_name_one_page_split_is_glued_back_when_the_others_write_it_glued() -> None:
    from memogen.sources.agree import agree_on_joins

    split = _source(
        "a",
        "The ferry firm Harbour Link, which runs the Ocean crossing, and Sea Gate said supports cracked.\n\nRepairs",
        [("HarbourLink,", "Harbour Link,"), ("SeaGate", "Sea Gate")],
    )
    others = [
        _source("b", "HarbourLink closed the pier. HarbourLink said so."),
        _source("c", "Sea Gate spoke."),
    ]
    mended = agree_on_joins([split, *others])[0]
    assert mended.text.startswith("The ferry firm HarbourLink, which")
    assert "Sea Gate said" in mended.text  # the other page writes it split: the repair stands
    anchor = mended.anchors[0]
    assert mended.text[anchor.start : anchor.end] == "supports"
    assert mended.text[mended.headings[0][0] :].startswith("Repairs")
    alone = agree_on_joins([split])[0]
    assert alone.text == split.text  # no other page speaks to the name


def test_the_join_repairs_reach_the_source_as_data_and_the_topic_step_reads_them(tmp_path) -> None:
    """The reader records each split as (written, split); the per-file reader never applies the
    topic's evidence (a cached file reads the same whatever else is in the folder)."""
    from memogen.sources import agree_on_joins, read_sources

    glued = "The pier operator HarbourLink said the crossing would reopen after inspections were finished."
    (tmp_path / "a.txt").write_text(
        "Harbour talks resume\n\nThe Harbour operator HarbourLink, which runs the crossing, said the Link "
        "road and the Harbour pier would reopen once the inspections ended next month.\n"
    )
    (tmp_path / "b.txt").write_text(f"Pier reopens\n\n{glued} HarbourLink added more.\n")
    read, _ = read_sources(sorted(tmp_path.glob("*.txt")), {}, jobs=1)
    first = read[0]
    assert first.joins == [("HarbourLink,", "Harbour Link,")]  # the page alone: "Harbour", "Link" apart
    assert "Harbour Link," in first.text  # not yet settled: the reader reads one file at a time
    assert all(isinstance(j, tuple) and len(j) == 2 for j in first.joins)
    assert any(w.startswith("repaired join:") for w in first.warnings)  # still shown to the user
    mended = agree_on_joins(read)[0]
    assert "HarbourLink" in mended.text and "Harbour Link," not in mended.text


def test_a_known_word_is_no_two_pronouns_run_together() -> None:
    from memogen.sources.text import split_joined_words

    line = "The pact will usher in a new era of harbour trade, the minister said on Monday in the capital."
    assert split_joined_words(line) == line
    assert "future of the harbour" in split_joined_words(
        "It decided the future ofthe harbour, the minister said."
    )


def test_a_source_read_on_another_day_is_read_again(tmp_path) -> None:
    """A yearless weekday dateline is dated in the latest year up to today: the cached reading of a
    file holds for the day it was read on only."""
    import datetime as dt

    from memogen.sources.cache import cache_key
    from memogen.sources.cleaning.dates import year_from_weekday

    data, path = b"QUETTA, Mar 3 (Wire) - Officials said on Monday the road reopened.", tmp_path / "a.txt"
    before = year_from_weekday("QUETTA, Mar 3", "said on Monday", dt.date(2025, 3, 2))
    after = year_from_weekday("QUETTA, Mar 3", "said on Monday", dt.date(2025, 3, 4))
    assert before != after  # the same page dates differently a day later
    assert cache_key(data, path, None, dt.date(2025, 3, 2)) != cache_key(
        data, path, None, dt.date(2025, 3, 4)
    )
    assert cache_key(data, path, None, dt.date(2025, 3, 4)) == cache_key(
        data, path, None, dt.date(2025, 3, 4)
    )
