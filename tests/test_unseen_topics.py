"""Two topics memogen was never tuned on, built end to end and read as an analyst would.

The fixtures (tests/fixtures/topics/, binary sources made by make_topics.py) plant:
a fact stated by three or more sources in different words ("nine"/"9"), a figure and
a date two sources disagree on, a source published before the event, page chrome in
every format, one topic without topic.yaml and one with custom headings and APA notes.
Each check below is a property that must hold on any topic, not a phrase of these.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest

from memogen.citations import covering_note
from memogen.model import SECTION_KEYS, Memo
from memogen.pipeline import BuildOptions, run_build

TOPICS = Path(__file__).resolve().parent / "fixtures" / "topics"
BUILD_DAY = dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)

JUNK = {
    "tarvin-dam": [
        "We use cookies",
        "Share on Facebook",
        "Related articles",
        "Brenna football club",
        "Everyone in Odern knew",
        "Load more comments",
        "Sign up to our morning",
        "Photo: Jonas Feld",
        "Subscribe",
        "Read more",
        "4 hours ago",
        "Get unlimited access",
        "Most read",
        "how to find missing relatives",
        "Kessel Herald 2025",
        "Page 1 of 2",
        "Policy Brief No. 14  |",
        "Not for citation",
        "Hana Oduya is a civil engineer",
    ],
    "meridia-rates": [
        "This website uses cookies",
        "MRC/EUR",
        "Newsletter:",
        "Housing market cools",
        "Finally. My savings",
        "Show all comments",
        "Share: Twitter",
        "Subscribe to Global Policy Insights",
        "Follow us on Twitter",
        "Crown slips to record low",
        "2 days ago",
        "Page 1 of 2",
        "Monetary Policy Note 2025/6",
        "Sofia Lindgren is a former",
        "By Ravi Menon",
    ],
}

# Article sentences that cleaning must keep (one per source, from the middle or the end).
KEPT = {
    "tarvin-dam": [
        "Prime Minister Anna Rehn promised an independent inquiry",
        "Opposition leader Karl Dunne said",
        "Unless maintenance budgets rise",
        "An independent inquiry must publish every inspection report",
        "Monitoring of seepage was increased",
    ],
    "meridia-rates": [
        "The committee's next meeting is scheduled for 23 July 2025.",
        "We expect one more increase of 25 basis points",
        "If the bank holds its nerve",
        "The government is likely to come under pressure",
        "The bank last changed its rate in April",
    ],
}

# The fact several sources state in different words, as a pattern over their excerpts.
SHARED_FACT = {
    "tarvin-dam": (r"\b(?:nine|9)\b(?: downstream)? villages", 3),
    "meridia-rates": (r"\b(?:nine|9)(?:\s?%| per ?cent| percent)\b.{0,40}\bMay\b", 3),
}
PRE_EVENT = {"tarvin-dam": "dam-safety-audit-2023", "meridia-rates": "preview-economists-expect"}


@pytest.fixture(scope="module", params=sorted(JUNK))
def built(request, tmp_path_factory) -> tuple[str, Memo, Path, list[str]]:
    topic = request.param
    out = tmp_path_factory.mktemp(topic)
    result = run_build(
        BuildOptions(topic=topic, inputs_dir=TOPICS, out_dir=out, quiet=True, build_date=BUILD_DAY)
    )
    return topic, result.memo, out / topic, result.warnings


def test_three_sections_each_with_points(built):
    _, memo, _, warnings = built
    assert [s.key for s in memo.sections] == list(SECTION_KEYS)
    for section in memo.sections:
        assert len(section.points) >= 2, section.key
    assert warnings == []


def test_every_point_is_cited_and_every_excerpt_is_the_source_text(built):
    _, memo, _, _ = built
    texts = {s.id: s.text for s in memo.sources}
    for point in memo.points:
        assert point.citations and covering_note(memo, point) is not None, point.text
        for c in point.citations:
            assert texts[c.source_id][c.start : c.end] == c.excerpt, (c.source_id, c.excerpt)


def test_no_planted_junk_survives_and_article_sentences_stay(built):
    topic, memo, _, _ = built
    for source in memo.sources:
        for junk in JUNK[topic]:
            assert junk not in source.text, (source.id, junk)
    bodies = "\n".join(s.text for s in memo.sources)
    for sentence in KEPT[topic]:
        assert sentence in bodies, sentence


def _points_stating(memo: Memo, pattern: str) -> list:
    rx = re.compile(pattern, re.I)
    return [p for p in memo.points if any(rx.search(c.excerpt) for c in p.citations) or rx.search(p.text)]


def test_the_fact_three_sources_state_appears_once_citing_them_all(built):
    """Also the paraphrase 'consumer prices rose 9 percent' / 'inflation at nine per cent' (the
    merger's semantic signal, issue 12)."""
    topic, memo, _, _ = built
    pattern, least = SHARED_FACT[topic]
    points = _points_stating(memo, pattern)
    assert len(points) == 1, [p.text for p in points]
    assert len(set(points[0].source_ids)) >= least


def test_the_planted_figure_and_date_conflicts_are_stated(built):
    topic, memo, _, _ = built
    statements = [c.statement for p in memo.points for c in p.conflicts]
    if topic == "tarvin-dam":
        assert any("17 February" in s and "3 February" in s for s in statements), statements
        assert any("40 million" in s and "52 million" in s for s in statements), statements
    else:
        assert any("23 July" in s and "30 July" in s for s in statements), statements
        assert any("1.2 percent" in s and "1.4 percent" in s for s in statements), statements


def test_a_source_published_before_the_event_never_supports_what_happened(built):
    topic, memo, _, _ = built
    early = memo.source(PRE_EVENT[topic])
    assert early.metadata.date and memo.header.event_date and early.metadata.date < memo.header.event_date
    for point in early_points(memo, early.id):
        assert point.section != "what_happened"  # the section stage never puts it there
    for point in memo.section("what_happened").points:
        assert early.id not in point.source_ids, point.text


def early_points(memo: Memo, source_id: str) -> list:
    """Merged points citing only this source (its own points, unmerged)."""
    return [p for p in memo.points if set(p.source_ids) == {source_id}]


def _docx_text(path: Path) -> tuple[list[str], list[str], dict[int, str]]:
    import docx

    from memogen.render.docx_footnotes import read_footnotes

    document = docx.Document(io.BytesIO(path.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    return headings, [p.text for p in document.paragraphs], read_footnotes(document)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def test_custom_headings_and_apa_notes_reach_docx_and_pdf(built):
    topic, memo, folder, _ = built
    if topic != "meridia-rates":
        pytest.skip("only this topic has a topic.yaml")
    headings, _, notes = _docx_text(folder / f"{topic}.docx")
    pdf = _pdf_text(folder / f"{topic}.pdf")
    for heading in ("Key developments", "Context", "Implications"):
        assert heading in headings
        assert heading in pdf
    assert "What happened?" not in headings and "What happened?" not in pdf
    # APA: author-date notes ("Okafor & Brandt, 2025."), no Chicago quoted titles in notes
    assert len(notes) == len([p for p in memo.points if p.note]) > 0
    assert any(re.search(r"Okafor & Brandt, 2025", n) for n in notes.values()), notes
    assert not any("“The June rate rise" in n for n in notes.values())
    assert "Okafor & Brandt, 2025" in pdf
    assert not any(re.search(r"(?<!n\.d)\.;|\.\.", n) for n in notes.values()), notes  # "n.d.;" is APA


def test_a_folder_without_topic_yaml_gets_a_title_and_the_event_date(built):
    topic, memo, folder, _ = built
    if topic != "tarvin-dam":
        pytest.skip("this topic has a topic.yaml")
    assert memo.header.event_date == dt.date(2025, 3, 14)
    title = memo.header.title
    assert title and title != "Briefing memo" and "Tarvin" in title
    headings, _, notes = _docx_text(folder / f"{topic}.docx")
    assert headings[:3] == ["What happened?", "What is the background?", "What does it mean?"]
    assert len(notes) == len([p for p in memo.points if p.note]) > 0
    assert title in _pdf_text(folder / f"{topic}.pdf").replace("\n", " ")


def test_notes_name_authors_without_roles_or_honorifics(built):
    _, memo, _, _ = built
    for source in memo.sources:
        for author in source.metadata.authors:
            assert not re.match(r"(?i)(?:dr|prof)\.?\s", author), author
            assert "Fellow" not in author, author
