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


def _source(sid: str, text: str, warnings: list[str] | None = None):
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
        warnings=warnings or [],
    )


def test_a_name_one_page_split_is_glued_back_when_the_others_write_it_glued() -> None:
    from memogen.sources.agree import agree_on_joins

    split = _source(
        "a",
        "The ferry firm Harbour Link, which runs the Ocean crossing, and Sea Gate said supports cracked.\n\nRepairs",
        ["repaired join: 'HarbourLink,' -> 'Harbour Link,'", "repaired join: 'SeaGate' -> 'Sea Gate'"],
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


def test_a_known_word_is_no_two_pronouns_run_together() -> None:
    from memogen.sources.text import split_joined_words

    line = "The pact will usher in a new era of harbour trade, the minister said on Monday in the capital."
    assert split_joined_words(line) == line
    assert "future of the harbour" in split_joined_words(
        "It decided the future ofthe harbour, the minister said."
    )
