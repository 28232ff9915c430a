"""The citation stage: numbering, CSL formatting (golden notes), via, links, fallbacks, post-fixes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from memo_factory import sample_memo
from memogen.citations import (
    STYLE_ALIASES,
    attach_notes,
    covering_note,
    csl_item,
    drop_repeated_substitute,
    polish_entry,
    polish_note,
    resolve_style,
    short_title,
    with_short_titles,
)
from memogen.errors import ConfigError, MemogenError
from memogen.model import Citation, Conflict, MergedPoint, Paragraph, Source, SourceMetadata


def _text(inlines) -> str:
    return "".join(i.text for i in inlines)


@pytest.fixture
def memo():
    m = sample_memo()
    m.settings.notes = "full"  # the goldens below show first notes in full (the default)
    attach_notes(m)
    return m


def test_one_note_per_cited_point_in_reading_order(memo):
    assert [p.note.number for p in memo.points] == list(range(1, len(memo.points) + 1))
    assert all(p.note.text.strip() for p in memo.points)


def test_uncited_point_gets_no_note_and_no_number():
    m = sample_memo()
    first = m.sections[0].paragraphs[0]
    first.points.insert(0, MergedPoint(id="x", text="No source.", section="what_happened", citations=[]))
    attach_notes(m)
    assert first.points[0].note is None
    assert [p.note.number for p in m.points if p.citations] == list(range(1, 7))


def _run_memo(note_per: str, conflict_on_second: bool = False):
    """One paragraph: two statements of source a, then one of source b."""
    m = sample_memo()
    sid_a, sid_b = m.sources[0].id, m.sources[1].id

    def point(pid: str, sid: str) -> MergedPoint:
        return MergedPoint(
            id=pid,
            text=f"Statement {pid}.",
            section="what_happened",
            citations=[Citation(sid, f"Statement {pid}.")],
        )

    run = [point("r1", sid_a), point("r2", sid_a), point("r3", sid_b)]
    if conflict_on_second:
        run[1].conflicts = [Conflict(kind="number", statement="Sources differ: a reports 3; b reports 4.")]
    m.sections[0].paragraphs = [Paragraph(run)]
    for section in m.sections[1:]:
        section.paragraphs = []
    m.settings.note_per = note_per
    attach_notes(m)
    return m, run


def test_a_run_of_statements_citing_one_source_shares_the_note_after_its_last():
    m, (r1, r2, r3) = _run_memo("run")
    assert r1.note is None and r2.note.number == 1 and r3.note.number == 2
    assert r2.note.text != r3.note.text
    assert [covering_note(m, r).number for r in (r1, r2, r3)] == [1, 1, 2]


def test_one_note_per_statement_when_the_topic_asks_and_a_disagreement_keeps_its_own():
    assert [p.note.number for p in _run_memo("statement")[1]] == [1, 2, 3]
    _, (r1, r2, r3) = _run_memo("run", conflict_on_second=True)
    assert r1.note is not None and r2.note is not None  # the disagreement's note names its sources alone


def test_chicago_full_note_first_golden(memo):
    assert memo.points[0].note.text == (
        "Jane Doe, “Minister Visits Ruritania,” Alpha News, April 7, 2021, https://example.org/alpha?id=1&lang=en; "
        "Иван Петров and Ali Khan, “Сергей Лавров: a new era <b>R&D</b> &amp; more,” Beta Institute, "
        "April 22, 2021, citing Gulf News."
    )


def test_chicago_short_note_after_golden(memo):
    # CMOS short form: author and short title, no date (citeproc-py took every "disambiguate" branch)
    assert memo.points[1].note.text == "Doe, “Minister Visits Ruritania.”"
    # a repeat right after the same source is a short note too, never "Ibid." (users reorder paragraphs)
    assert memo.points[2].note.text.startswith(
        "Doe, “Minister Visits Ruritania”; Петров and Khan, “Сергей Лавров"
    )


@pytest.mark.parametrize("style", ["chicago", "turabian", "chicago-notes-bibliography-subsequent-ibid"])
def test_no_ibid_even_for_consecutive_repeats(style):
    m = sample_memo()
    m.settings.citation_style = style
    for p in m.points:
        p.citations = p.citations[:1]  # alpha-news, six times in a row
    attach_notes(m)
    assert all("ibid" not in p.note.text.lower() for p in m.points)
    assert len({p.note.text for p in m.points[1:]}) == 1


def test_ibid_not_used_after_a_note_with_several_sources():
    m = sample_memo()
    # note 1 cites alpha and beta; make note 2 cite beta alone: ibid would be ambiguous
    m.points[1].citations = [Citation(source_id="beta-institute", excerpt="x")]
    attach_notes(m)
    assert not m.points[1].note.text.lower().startswith("ibid")


def test_commas_inside_closing_quotes_and_no_stray_edition(memo):
    for point in memo.points:
        assert "”," not in point.note.text and "”." not in point.note.text
        assert "dition" not in point.note.text
    for entry in memo.bibliography:
        assert "”." not in _text(entry)


@pytest.mark.parametrize("style", ["chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition"])
def test_postfixes_repair_citeproc_quirks_of_newer_chicago_files(style):
    m = sample_memo()
    m.settings.citation_style = style
    attach_notes(m)
    for text in [p.note.text for p in m.points] + [_text(e) for e in m.bibliography]:
        assert "dition" not in text, text
        assert "”," not in text and ".”." not in text, text


def test_via_shows_citing_and_links_to_the_cited_outlet(memo):
    runs = memo.points[0].note.inlines
    assert ", citing " in memo.points[0].note.text
    gulf = [r for r in runs if r.text == "Gulf News"]
    assert gulf and gulf[0].url == "https://gulfnews.example/a"
    assert "citing" not in memo.points[1].note.text  # alpha-news cited nobody


def test_via_falls_back_to_the_sources_own_notes_by_offsets():
    m = sample_memo()
    beta = m.source("beta-institute")
    m.points[1].citations = [Citation(source_id="beta-institute", excerpt="Trade", start=33, end=64)]
    assert beta.references_in(33, 64)
    attach_notes(m)
    assert m.points[1].note.text.endswith("citing Gulf News.")


def test_urls_become_link_runs(memo):
    links = [r for r in memo.points[0].note.inlines if r.url]
    assert any(r.text == r.url == "https://example.org/alpha?id=1&lang=en" for r in links)
    assert any(r.url for entry in memo.bibliography for r in entry)


def test_container_is_italic(memo):
    assert any(r.italic and r.text == "Alpha News" for r in memo.points[0].note.inlines)


def test_bibliography_sorted_by_author_and_lists_uncited_sources():
    m = sample_memo()
    m.sources.append(
        Source(
            id="aardvark",
            path="zz-aardvark.txt",
            kind="txt",
            metadata=SourceMetadata(title="Zebra report"),
            text="",
        )
    )
    attach_notes(m)
    texts = [_text(e) for e in m.bibliography]
    assert len(texts) == 3
    assert texts[0].startswith("Doe, Jane.")
    assert texts[1].startswith("Петров, Иван, and Ali Khan.")
    assert texts[2] == "“Zebra Report,” n.d."


def _note_and_entry(
    md: SourceMetadata, text: str, style: str = "chicago", notes: str = "full"
) -> tuple[str, str]:
    src = Source(
        id="02-guardian", path="inputs/x/02_guardian-first-edition.txt", kind="txt", metadata=md, text=text
    )
    m = sample_memo()
    m.settings.citation_style = style
    m.settings.notes = notes
    m.sources.append(src)
    m.points[0].citations = [Citation(source_id=src.id, excerpt="x")]
    attach_notes(m)
    entries = [_text(e) for e in m.bibliography]
    return m.points[0].note.text, next(e for e in entries if "Harlin" in e or "Coastwire" in e)


OPENING = (
    "What happened?\n\nThe ferry Northern Star capsized off Cape Harlin on Sunday morning after its car deck "
    "flooded in heavy seas, the coastguard said."
)


def test_a_source_without_headline_is_named_by_its_opening_never_its_file_name():
    note, entry = _note_and_entry(SourceMetadata(publisher="Coastwire", date=dt.date(2025, 9, 14)), OPENING)
    assert (
        note
        == "“The ferry Northern Star capsized off Cape Harlin on Sunday morning after…,” Coastwire, September 14, 2025."
    )
    assert entry.startswith("“The ferry Northern Star capsized") and "…” Coastwire" in entry
    assert "guardian" not in note + entry and ".txt" not in note + entry


def test_an_author_date_style_puts_the_opening_in_the_authors_place_once():
    _, entry = _note_and_entry(
        SourceMetadata(publisher="Coastwire", date=dt.date(2025, 9, 14)), OPENING, "apa"
    )
    assert entry == (
        "The ferry Northern Star capsized off Cape Harlin on Sunday morning after… (2025, September 14). Coastwire."
    )


def test_a_source_with_no_text_left_is_named_by_its_outlet():
    note, _ = _note_and_entry(SourceMetadata(publisher="Coastwire"), "")
    assert note == "“Coastwire,” n.d."


def test_a_digest_story_cites_its_edition_as_container_and_the_outlet_as_publisher():
    md = SourceMetadata(
        title="Ferries: Cape Harlin sinking",
        authors=["Sara Helm"],
        publisher="Coastwire",
        date=dt.date(2025, 9, 14),
        container_title="The Week at Sea #12",
    )
    note, _ = _note_and_entry(md, OPENING)
    assert (
        note
        == "Sara Helm, “Ferries: Cape Harlin Sinking,” The Week at Sea #12 (Coastwire, September 14, 2025)."
    )


def test_title_without_author_or_date_golden():
    src = Source(
        id="t",
        path="t.txt",
        kind="txt",
        metadata=SourceMetadata(title="Old players", publisher="MM News"),
        text="",
    )
    m = sample_memo()
    m.sources = [src]
    for p in m.points:
        p.citations = [Citation(source_id="t", excerpt="x")]
    m.settings.notes = "full"
    attach_notes(m)
    assert m.points[0].note.text == "“Old Players,” MM News, n.d."
    assert _text(m.bibliography[0]) == "“Old Players.” MM News, n.d."


def test_non_latin_titles_are_not_title_cased():
    item = csl_item(
        Source(id="r", path="r.txt", kind="txt", metadata=SourceMetadata(title="Сергей: a new era"), text="")
    )
    assert item["language"] == "und"
    item = csl_item(
        Source(id="e", path="e.txt", kind="txt", metadata=SourceMetadata(title="A new era"), text="")
    )
    assert item["language"] == "en"


def test_names_split_into_family_and_given_organisations_stay_literal():
    md = SourceMetadata(
        title="T", authors=["Jane Q. Doe", "Khan, Ali", "Institute of Strategic Studies", "Plato"]
    )
    names = csl_item(Source(id="n", path="n.txt", kind="txt", metadata=md, text=""))["author"]
    assert names[0] == {"family": "Doe", "given": "Jane Q."}
    assert names[1] == {"family": "Khan", "given": "Ali"}
    assert names[2] == {"literal": "Institute of Strategic Studies"}
    assert names[3] == {"literal": "Plato"}


def test_markup_and_control_characters_are_data_not_markup():
    md = SourceMetadata(title="A <i>title</i> \x07with\ue000 bell", date=dt.date(2020, 1, 2))
    m = sample_memo()
    m.sources = [Source(id="c", path="c.txt", kind="txt", metadata=md, text="")]
    for p in m.points:
        p.citations = [Citation(source_id="c", excerpt="x")]
    attach_notes(m)
    note = m.points[0].note
    assert "<i>title</i>" in note.text and "\x07" not in note.text and "\ue000" not in note.text
    assert not any(r.italic for r in note.inlines if "title" in r.text)


@pytest.mark.parametrize("style", ["apa", "harvard"])
def test_author_date_styles_give_sentence_notes_without_parentheses(style):
    m = sample_memo()
    m.settings.citation_style = style
    attach_notes(m)
    assert m.points[1].note.text == "Doe, 2021."
    assert m.points[0].note.text.endswith("2021, citing Gulf News.")
    assert _text(m.bibliography[0]).startswith("Doe, J. (2021")


def test_mla_and_ieee_render():
    for style in ("mla", "ieee"):
        m = sample_memo()
        m.settings.citation_style = style
        attach_notes(m)
        assert all(p.note.text for p in m.points)
    assert _text(m.bibliography[0]).startswith("[1] ")  # ieee: a space after the label


@pytest.mark.parametrize("alias", sorted(STYLE_ALIASES))
def test_every_alias_resolves_to_a_real_style_file(alias):
    assert resolve_style(alias).endswith(".csl")


def test_real_csl_names_are_accepted_too():
    assert resolve_style("american-political-science-association").endswith(
        "american-political-science-association.csl"
    )


def test_unknown_style_names_the_topic_yaml_field():
    m = sample_memo()
    m.settings.citation_style = "no-such-style"
    with pytest.raises(ConfigError) as err:
        attach_notes(m)
    assert isinstance(err.value, MemogenError)
    assert "citation_style" in str(err.value) and "no-such-style" in str(err.value)


def test_postfix_goldens_on_raw_citeproc_output():
    assert polish_note("J. Doe, “Title”, Beta, April 22, 2021, Edition.", True, True) == (
        "J. Doe, “Title,” Beta, April 22, 2021."
    )
    assert polish_note("ibid.", True, True) == "Ibid."
    assert polish_note("“c.txt”, “c.txt”.", True, True) == "“c.txt.”"
    assert polish_note("(Doe, 2021)", False, False) == "Doe, 2021."
    assert polish_note("Doe, “Title”", True, False) == "Doe, “Title”."  # British style keeps punctuation out
    assert polish_entry("“c.txt”. “c.txt”.", True) == "“c.txt.”"
    assert polish_entry("[1]J. Doe, “T.”", False) == "[1] J. Doe, “T.”"
    assert drop_repeated_substitute("MM News. “Old Players.” MM News, n.d.") == "“Old Players.” MM News, n.d."
    assert drop_repeated_substitute("Doe, Jane. “T.” Alpha News.") == "Doe, Jane. “T.” Alpha News."


def test_quotes_inside_titles_and_question_marks():
    m = sample_memo()
    m.sources[0].metadata.title = 'Pakistan: a "new era" with Russia — are old players on a new trajectory?'
    m.sources[0].metadata.url = None
    m.settings.notes = "full"
    attach_notes(m)
    assert m.points[0].note.text.startswith(
        "Jane Doe, “Pakistan: A ‘New Era’ with Russia — Are Old Players on a New Trajectory?” Alpha News, April 7, 2021;"
    )
    assert (
        m.points[1].note.text
        == "Doe, “Pakistan: A ‘New Era’ with Russia — Are Old Players on a New Trajectory?”"
    )
    m.settings.notes = "short"
    attach_notes(m)
    assert m.points[1].note.text == "Doe, “Pakistan.”"  # the short title: the main title before its colon
    assert _text(m.bibliography[0]).startswith("Doe, Jane. “Pakistan: A ‘New Era’ with Russia")
    assert "?”." not in _text(m.bibliography[0]) and "?.”" not in _text(m.bibliography[0])


def test_unknown_source_id_still_gets_a_non_empty_note():
    m = sample_memo()
    m.points[0].citations = [Citation(source_id="ghost", excerpt="x")]
    attach_notes(m)
    assert m.points[0].note.text == "ghost."


def test_points_in_several_paragraphs_keep_reading_order():
    m = sample_memo()
    sec = m.sections[1]
    sec.paragraphs = [Paragraph(points=[p for para in sec.paragraphs for p in para.points], lead="First,")]
    attach_notes(m)
    assert [p.note.number for p in m.points] == list(range(1, 7))


def test_importing_the_stage_does_not_import_citeproc():
    code = "import sys, memogen.citations; print('citeproc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("style", ["apa", "chicago-note-bibliography"])
def test_a_cited_label_ending_in_a_period_gives_no_doubled_punctuation(style):
    m = sample_memo()
    m.settings.citation_style = style
    m.points[0].citations[0].via = ["Statistics Office, Consumer price index, May 2025."]  # alpha-news: first
    attach_notes(m)
    text = m.points[0].note.text
    assert "May 2025, citing" not in text and ".;" not in text and ".." not in text, text
    assert "citing Statistics Office, Consumer price index, May 2025" in text


def test_an_authorless_source_in_apa_starts_with_its_title():
    m = sample_memo()
    m.settings.citation_style = "apa"
    alpha = m.source("alpha-news")
    alpha.metadata = SourceMetadata(
        title="Economists expect a rise this week", publisher="Markets Daily", date=dt.date(2025, 6, 9)
    )
    attach_notes(m)
    entries = [_text(e) for e in m.bibliography]
    entry = next(e for e in entries if "Economists" in e)
    assert entry.startswith("Economists expect a rise this week"), entry
    assert "2025" in entry and "Markets Daily" in entry


def test_a_credit_of_an_outlet_and_its_wire_stays_literal_never_inverted_like_a_person() -> None:
    from memogen.citations import _csl_name

    assert _csl_name("Harbour News with AP") == {"literal": "Harbour News with AP"}
    assert _csl_name("Coastwire and AFP") == {"literal": "Coastwire and AFP"}
    assert _csl_name("Nina Holm") == {"family": "Holm", "given": "Nina"}


# --------------------------------------------------------------------------- short notes


def test_short_notes_on_request_point_at_the_full_entry_in_the_sources_list():
    m = sample_memo()
    m.settings.notes = "short"
    attach_notes(m)
    first = m.points[0].note.text
    assert first.startswith("Doe, “Minister Visits Ruritania”; Петров and Khan, “Сергей Лавров")
    assert "April 7, 2021" not in first and "Alpha News" not in first
    assert first.endswith("citing Gulf News.")  # what a source itself cited is kept
    entries = [_text(e) for e in m.bibliography]
    assert any(e.startswith("Doe, Jane. “Minister Visits Ruritania.” Alpha News") for e in entries)


def test_full_notes_by_default_give_each_sources_first_note_in_full_then_author_and_title():
    m = sample_memo()
    m.sources[0].metadata.title = "Minister visits Ruritania: talks on trade"
    attach_notes(m)
    assert m.points[0].note.text.startswith(
        "Jane Doe, “Minister Visits Ruritania: Talks on Trade,” Alpha News"
    )
    assert m.points[1].note.text == "Doe, “Minister Visits Ruritania: Talks on Trade.”"
    m.settings.notes = "short"
    attach_notes(m)
    assert m.points[1].note.text == "Doe, “Minister Visits Ruritania.”"


def test_an_author_date_style_ignores_the_notes_setting():
    m = sample_memo()
    m.settings.citation_style = "apa"
    m.settings.notes = "short"
    attach_notes(m)
    assert "2021" in m.points[0].note.text


@pytest.mark.parametrize(
    ("title", "short"),
    [
        (
            "The Culture of Narcissism: American Life in an Age of Diminishing Expectations",
            "Culture of Narcissism",
        ),
        ("Russian FM’s Visit to Pakistan: Are Old Players on a New Trajectory?", "Russian FM’s Visit"),
        ("21 July 2024: At Least 19 Killed; Court Scraps Ruling", "At Least 19 Killed"),
        ("Ferry Capsizes Off Cape Harlin After Car Deck Floods", "Ferry Capsizes Off Cape"),
        ("The ferry capsized off the cape after…", "The ferry capsized off"),
        ("‘Coup Attempt’ Reported in the Capital", "‘Coup Attempt’ Reported"),
        ("Why ‘the Great Reset’ Matters Now", "Why ‘the Great Reset’"),
        ("Minister Visits Ruritania", "Minister Visits Ruritania"),
    ],
)
def test_short_title_takes_the_key_words_of_the_main_title(title, short):
    assert short_title(title) == short


def test_short_titles_that_would_point_at_two_sources_stay_full():
    items = with_short_titles(
        [
            {"id": "a", "title": "Floods: The Toll Rises", "author": [{"family": "Doe", "given": "J"}]},
            {"id": "b", "title": "Floods: What Comes Next", "author": [{"family": "Doe", "given": "J"}]},
            {"id": "c", "title": "Floods: Aid Arrives", "author": [{"family": "Roe", "given": "K"}]},
        ]
    )
    assert [i["title-short"] for i in items] == [
        "Floods: The Toll Rises",
        "Floods: What Comes Next",
        "Floods",
    ]
