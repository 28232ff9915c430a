"""Round five of unseen-topic checks: page furniture read as a headline or an author, dates and
sentences that lean on the one before, each pinned by its general cause on a small text of our own.
"""

from __future__ import annotations

import pytest

STORY = (
    "The harbour authority closed the northern quay on Monday after a crane collapsed onto two "
    "container ships, officials said in a statement.\n\n"
    "Repairs are expected to take at least three weeks, and traffic will move to the southern "
    "quay in the meantime, the authority's spokesperson told reporters."
)


def _clean(text: str):
    from memogen.sources.cleaning.pipeline import clean_text

    return clean_text(text)


def test_a_wire_credited_after_the_headline_is_the_outlet_not_the_headline():
    found = _clean(
        "Crane Collapse Closes Keld Quay, Stops Short of Full Shutdown By Reuters\nBy Ann Lee and Bo Chan\n"
        + STORY
    ).found
    assert found.title == "Crane Collapse Closes Keld Quay, Stops Short of Full Shutdown"
    assert found.authors == ["Ann Lee", "Bo Chan"]
    assert found.publisher == "Reuters"


@pytest.mark.parametrize(
    ("headline", "wire"),
    [
        ("Keld Quay Struck By Cargo Ship", None),  # a headline's own 'By'
        ("Ferry Strike Ends, Talks Praised By Harbour Times", "Harbour Times"),
        ("Quay Reopens By Friday", None),
    ],
)
def test_only_an_outlets_name_after_by_is_a_credit(headline, wire):
    from memogen.sources.cleaning.headline import split_wire_credit

    head, outlet = split_wire_credit(headline)
    assert outlet == wire
    assert head == (headline if wire is None else headline[: headline.rindex(" By ")])


def test_a_logo_and_an_aggregators_submitter_are_neither_headline_nor_author():
    cleaned = _clean("KELDPOST Keldpost Logo\n\nsubmitted by\nHarbour Pass\n2025-04-08 11:00:09\n\n" + STORY)
    found = cleaned.found
    assert found.title is None
    assert found.authors == []
    assert found.publisher == "Keldpost"
    assert "Logo" not in cleaned.text and "Harbour Pass" not in cleaned.text


@pytest.mark.parametrize(
    ("line", "logo"),
    [("KELDPOST Keldpost Logo", "Keldpost"), ("Keldpost Logo", "Keldpost"), ("Port Unveils New Logo", None)],
)
def test_a_logos_alt_text_names_the_brand(line, logo):
    from memogen.sources.cleaning.title import logo_brand

    assert logo_brand(line) == logo


def test_a_weekday_dated_after_its_asides_is_left_alone():
    """ "on Saturday morning, Keld time (11pm, Friday, GMT), 5 April": the date told after the asides
    dates the weekday and the other zone's day in its bracket; dating them again doubled the date."""
    import datetime as dt

    from memogen.compose.standalone.when import Anchor, resolve_relative

    a = Anchor(dt.date(2025, 4, 5))  # a Saturday
    text = (
        "At 2am on Saturday morning, Keld time (11pm, Friday, GMT), 5 April, the militia crossed the river."
    )
    assert resolve_relative(text, a) == (text, True)
    # another day told after 'and' dates only itself
    out = resolve_relative("The militia left on Friday, and on Sunday, 6 April, it returned.", a)[0]
    assert "on Friday 4 April 2025" in out


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "The two ports agreed a three-stage plan, officials close to the talks said. The officials, like "
            "others interviewed for this story, requested anonymity to speak before the plan is announced.",
            "The two ports agreed a three-stage plan, officials close to the talks said.",
        ),
        ("The shipowner did not immediately respond to a request for comment.", None),
        (
            "A harbour official, who requested anonymity, said the crane had failed twice before.",
            "A harbour official, who requested anonymity, said the crane had failed twice before.",
        ),
    ],
)
def test_a_sentence_about_the_reporting_itself_is_no_memo_content(text, left):
    from memogen.compose.standalone.shape import without_reporting

    assert without_reporting(text) == left


def _one_source_points(text: str, *sentences: str):
    import datetime as dt

    from memogen.model import Citation, MergedPoint, Source, SourceMetadata

    src = Source(
        id="s1", path="s1.txt", kind="txt", metadata=SourceMetadata(date=dt.date(2025, 4, 8)), text=text
    )
    points = []
    for k, sentence in enumerate(sentences):
        start = text.index(sentence)
        cite = Citation(src.id, sentence, start, start + len(sentence))
        points.append(MergedPoint(id=f"p{k}", text=sentence, section="what_happened", citations=[cite]))
    return src, points


def test_a_counted_group_is_named_as_its_source_counted_it_before():
    from memogen.compose.standalone import stand_alone

    text = (
        "KELD - The search for six dock workers turned to a recovery effort on Tuesday night.\n\n"
        "The quay was struck by a barge early that morning.\n\n"
        "The six men were repairing the crane rails at the time of the collapse.\n\n"
        "Six weeks ago the five inspectors passed the crane."
    )
    src, points = _one_source_points(
        text,
        "The six men were repairing the crane rails at the time of the collapse.",
    )
    kept, _, _ = stand_alone(points, [src], None)
    assert kept[0].text == "The six dock workers were repairing the crane rails at the time of the collapse."
    # "The men" after "The six men": the same six, named as first counted
    more = "The men, who are now presumed dead, lived in Keld."
    src, points = _one_source_points(text.replace("\n\nSix weeks", f"\n\n{more}\n\nSix weeks"), more)
    kept, _, _ = stand_alone(points, [src], None)
    assert kept[0].text == "The six dock workers, who are now presumed dead, lived in Keld."


@pytest.mark.parametrize(
    "before",
    [
        "Six weeks ago the quay was struck by a barge early in the morning.",  # a time, no group
        "Six dock workers and six divers were on the quay when the barge struck it.",  # which six?
        "The barge struck the quay where the six old friends had fished for years.",  # told from further back
    ],
)
def test_a_counted_group_without_one_clear_referent_is_left_as_it_is(before):
    from memogen.compose.standalone import stand_alone

    sentence = "The six men were repairing the crane rails at the time of the collapse."
    src, points = _one_source_points(f"{before}\n\n{sentence}", sentence)
    kept, _, _ = stand_alone(points, [src], None)
    assert kept[0].text == sentence


def test_a_demonstrative_inside_a_report_of_speech_reads_with_the_sentence_before():
    from memogen.compose.standalone import stand_alone

    text = (
        "The court ordered the port to publish its safety reports within a month.\n\n"
        'A dockers\' lawyer argued this effectively closes the quay: "They cannot publish what they never wrote."'
    )
    sentence = text.split("\n\n")[1]
    src, points = _one_source_points(text, sentence)
    kept, _, _ = stand_alone(points, [src], None)
    assert kept[0].text.startswith("The court ordered the port to publish") and sentence in kept[0].text


@pytest.mark.parametrize(
    ("before", "resolved"),
    [
        (
            "Analysts from the Institute of Sea Law have reported that the quay will reopen.",
            "The analysts from the Institute of Sea Law pointed out that the crane had failed twice.",
        ),
        # two organisations: which analysts?
        ("Analysts from the Harbour Board and analysts at Keld University disagreed.", None),
        ("Harbour analysts have reported that the quay will reopen.", None),  # no organisation named
    ],
)
def test_a_group_is_named_with_the_organisation_it_was_introduced_with(before, resolved):
    from memogen.compose.standalone import stand_alone

    sentence = "The analysts pointed out that the crane had failed twice."
    src, points = _one_source_points(f"{before}\n\n{sentence}", sentence)
    kept, _, _ = stand_alone(points, [src], None)
    assert kept[0].text == (resolved or sentence)


def test_an_untitled_source_opening_on_a_quotation_is_named_without_its_marks():
    from memogen.sources.naming import opening_title

    name = opening_title("“Storms ahead threaten every quay we have,” the harbour master said.\n\nMore text.")
    assert name == "Storms ahead threaten every quay we have, the harbour master said"
