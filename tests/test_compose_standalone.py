"""Each memo sentence stands alone: relative dates, people, pronouns, shapes (compose/standalone/).

Fixtures are small texts of our own; every check could fail under a wrong rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from memogen.compose.standalone import stand_alone
from memogen.compose.standalone.people import find_people, introduce
from memogen.compose.standalone.shape import (
    has_finite_verb,
    is_table_row,
    mend_cut_off,
    not_a_statement,
    strip_enumerator,
    strip_label,
)
from memogen.compose.standalone.when import Anchor, anchor_for, resolve_relative, strip_relative
from memogen.model import Citation, MergedPoint, Source, SourceMetadata

THU = dt.date(2023, 9, 21)  # a Thursday


def test_weekdays_and_periods_resolve_against_the_sources_date():
    a = Anchor(THU, None)
    assert resolve_relative("The summit opened on Thursday in the capital.", a)[0] == (
        "The summit opened on Thursday 21 September 2023 in the capital."
    )
    assert "on Monday 18 September 2023" in resolve_relative("Talks began on Monday with aides.", a)[0]
    assert "on Monday 25 September 2023" in resolve_relative("Leaders will meet on Monday again.", a)[0]
    assert resolve_relative("Yesterday, the court ruled.", a)[0] == "On 20 September 2023, the court ruled."
    assert "in August 2023" in resolve_relative("The law passed last month.", a)[0]
    assert "later in 2023" in resolve_relative("A review follows later this year.", a)[0]
    assert "in the week before 21 September 2023" in resolve_relative("Prices rose last week.", a)[0]
    assert (
        "on the morning of Sunday 17 September 2023" in resolve_relative("It sank on Sunday morning.", a)[0]
    )


def test_a_weekday_that_opens_its_clause_reads_with_the_clause_after_it():
    """ "On Friday, the minister will visit" plans a Friday ahead, though the phrase's own clause
    is the phrase alone; "On Friday, the minister visited" is the Friday before."""
    sat = Anchor(dt.date(2024, 2, 10), None)
    assert resolve_relative("On Friday, the minister will visit Lahore.", sat)[0] == (
        "On Friday 16 February 2024, the minister will visit Lahore."
    )
    assert resolve_relative("On Friday, the minister visited Lahore.", sat)[0] == (
        "On Friday 9 February 2024, the minister visited Lahore."
    )


def test_a_weekday_already_dated_and_the_same_year_after_a_year():
    a = Anchor(THU, 2018)
    assert resolve_relative("The vote was held on Thursday, 8 February.", a)[0] == (
        "The vote was held on Thursday, 8 February."
    )
    assert (
        resolve_relative("In December of the same year, envoys met.", a)[0]
        == "In December of 2018, envoys met."
    )


def test_without_a_date_the_relative_time_goes_not_the_sentence():
    assert resolve_relative("Nearly 200 nations agreed Thursday to launch a fund.", Anchor(None))[1] is False
    assert strip_relative("Nearly 200 nations agreed Thursday to launch a fund.") == (
        "Nearly 200 nations agreed to launch a fund."
    )
    assert strip_relative("Sunday’s verdict follows weeks of protests by students.") == (
        "The verdict follows weeks of protests by students."
    )
    assert strip_relative("They met last week.") is None  # too little left to stand


def test_the_anchor_is_the_byline_date_else_the_last_date_the_source_gave():
    text = "ISLAMABAD, 12 February: The commission released results. Voting was held on Thursday."
    at = text.index("Voting")
    assert anchor_for(text, at, None, 2024).day == dt.date(2024, 2, 12)
    assert anchor_for(text, at, dt.date(2024, 2, 13), 2024).day == dt.date(2024, 2, 13)
    assert anchor_for("No date here. On Thursday it rained.", 14, None, None).day is None


def test_shapes_that_are_no_statements():
    assert is_table_row("- Other - 1 With a combined 84 seats - 12")
    assert is_table_row("PTI | 93 | 35.2% | 12")
    assert not is_table_row("The party won 93 seats in the 2024 election, up from 35.")
    assert not_a_statement("Read the full report here.", "Read the full report here", True)
    assert "fragment" in not_a_statement(
        "The protests, fueled by high youth unemp.", "The protests, fueled by high youth unemp", True
    )
    assert not_a_statement(
        "A paradigm shift in relations.", "A paradigm shift in relations.", False, enumerated=True
    )
    assert (
        not_a_statement(
            "The court ruled the order illegal on appeal.",
            "The court ruled the order illegal on appeal.",
            False,
        )
        is None
    )
    assert has_finite_verb("Pakistan seeks to enhance defence ties.")
    assert not has_finite_verb("A paradigm shift in relations when compared to the 1980s.")


def test_the_sources_enumerators_go():
    assert (
        strip_enumerator("First, the court cut the quota to five percent.")
        == "The court cut the quota to five percent."
    )
    assert strip_enumerator("2. The council approved the budget for the year.") == (
        "The council approved the budget for the year."
    )
    assert strip_enumerator("First-time voters were many.") == "First-time voters were many."
    assert strip_enumerator("1 The ferry was the oldest in the harbour fleet.") == (
        "The ferry was the oldest in the harbour fleet."
    )
    assert (
        strip_enumerator("12 people were rescued from the ferry.") == "12 people were rescued from the ferry."
    )


def _source(sid: str, text: str, date: dt.date | None = None) -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(date=date), text=text)


def _point(pid: str, source: Source, sentence: str, section: str = "what_happened") -> MergedPoint:
    start = source.text.index(sentence)
    return MergedPoint(
        id=pid,
        text=sentence,
        section=section,  # type: ignore[arg-type]
        citations=[Citation(source.id, sentence, start, start + len(sentence))],
    )


def test_people_are_introduced_with_the_name_and_role_their_source_gives():
    a = _source("a", "Prime Minister Imran Khan met the envoy. Later Khan spoke to reporters at length.")
    b = _source("b", "The envoy also met Imran Khan and General Qamar Bajwa. Khan reiterated his support.")
    people = find_people([a, b])
    seen: set[str] = set()
    first = introduce(
        "Khan reiterated his support for the pipeline.", "b", b.text.index("Khan reit"), people, seen
    )
    assert first == "Prime Minister Imran Khan reiterated his support for the pipeline."
    again = introduce("Khan spoke to reporters at length.", "a", a.text.index("Khan spoke"), people, seen)
    assert again == "Khan spoke to reporters at length."  # introduced once, then the surname
    fresh: set[str] = set()
    assert introduce("The envoy met Bajwa and Khan.", "b", 0, people, fresh) == (
        "The envoy met General Qamar Bajwa and Prime Minister Imran Khan."
    )


def test_he_said_borrows_the_one_person_the_sentence_before_names():
    src = _source(
        "a",
        "Foreign Minister Ana Ruiz arrived on Monday. "
        "He said the talks went well and the deal was near completion.\n\n"
        "The delegations met twice in the capital over the two days.\n\n"
        "They were the first talks in nine years between the two sides.",
        dt.date(2023, 9, 21),
    )
    he = _point("p1", src, "He said the talks went well and the deal was near completion.")
    they = _point("p2", src, "They were the first talks in nine years between the two sides.")
    kept, dropped, _ = stand_alone([he, they], [src], None)
    assert kept[0].text == "Ruiz said the talks went well and the deal was near completion."
    # "They" leans on the sentence before: the two are joined, and the citation covers both
    joined = kept[1]
    assert joined.text == (
        "The delegations met twice in the capital over the two days. "
        "They were the first talks in nine years between the two sides."
    )
    assert joined.citations[0].excerpt == src.text[joined.citations[0].start : joined.citations[0].end]
    assert not dropped


def test_the_sentence_leaned_on_is_not_the_connective_the_points_span_left_out():
    """ "... a coup. But" + "in a string of interviews, ... she said": "But" is no sentence before."""
    src = _source(
        "a",
        "Foreign Minister Ana Ruiz denied any plan to resign. But in a string of late-night "
        "interviews, which could not be verified, she said the talks had failed.",
    )
    sentence = (
        "in a string of late-night interviews, which could not be verified, she said the talks had failed."
    )
    start = src.text.index(sentence)
    point = MergedPoint(
        id="p1",
        text="In" + sentence[2:],
        section="what_happened",
        citations=[Citation("a", sentence, start, start + len(sentence))],
    )
    kept, dropped, _ = stand_alone([point], [src], None)
    assert [p.text for p in kept] == [
        "In a string of late-night interviews, which could not be verified, Ruiz said the talks had failed."
    ]
    assert not dropped


def test_a_relative_date_is_resolved_from_the_byline_and_an_oped_is_not_what_happened():
    src = _source(
        "a",
        "The court ruled on Sunday that the quota was illegal.\n\nWe must not pretend this was inevitable.",
        dt.date(2024, 7, 22),
    )
    ruling = _point("p1", src, "The court ruled on Sunday that the quota was illegal.")
    rhetoric = _point("p2", src, "We must not pretend this was inevitable.")
    kept, _, _ = stand_alone([ruling, rhetoric], [src], dt.date(2024, 7, 21))
    assert kept[0].text == "The court ruled on Sunday 21 July 2024 that the quota was illegal."
    assert kept[1].section == "what_it_means"


def test_a_sentence_the_page_cut_off_keeps_its_last_whole_clause():
    assert (
        mend_cut_off("Neither side has the numbers to govern, so coalitions become necessary, with n")
        == "Neither side has the numbers to govern, so coalitions become necessary."
    )
    # no clause break holds a verb: the short trailing phrase goes with the broken word
    assert (
        mend_cut_off(
            "To govern, a party must win 133 seats out of 265 contested seats in the National Assemb"
        )
        == "To govern, a party must win 133 seats out of 265 contested seats."
    )
    # what would remain says nothing (no verb, too short, ends on an auxiliary): no mend
    assert mend_cut_off("The global stocktake of the Paris Agreement (GST) is a process f") is None
    assert mend_cut_off("The minister said that the tal") is None
    # a thousands separator is no clause break: the figure is never cut to its first digits
    assert mend_cut_off(
        "The floods left the valley cut off, with at least 15,550 people stranded in the hi"
    ) == ("The floods left the valley cut off, with at least 15,550 people stranded.")
    # a clause ending on an abbreviation keeps its one stop
    assert mend_cut_off(
        "Norland is building ships fast and is expected to pass the U.S. in the total numb"
    ) == ("Norland is building ships fast and is expected to pass the U.S.")
    mended = mend_cut_off("The war has caused a grave crisis, claiming the lives of at least 15,550 people")
    assert mended is not None and "15." not in mended and not mended.endswith("15")


def test_a_cut_off_point_enters_the_memo_mended():
    text = "Officials said the dam had burst after days of heavy rain, flooding the low-lying eastern distr"
    src = _source("s", f"Intro sentence stands here.\n{text}")
    point = _point("p", src, text)
    kept, dropped, _ = stand_alone([point], [src], None)
    assert [p.text for p in kept] == ["Officials said the dam had burst after days of heavy rain."]
    assert not dropped


def test_a_link_to_another_page_is_no_statement():
    teaser = "Read More Senior Congress leader Sonia Gandhi was hospitalized in Delhi for a routine check-up."
    assert not_a_statement(teaser, teaser, False) == "a link to another page (a teaser), not a statement"
    for text in (
        "Related to the ruling, the minister said the quota would stay for two years.",
        "Readers of the report were surprised by the findings of the panel.",
    ):
        assert not_a_statement(text, text, False) is None


def test_the_tail_of_a_sentence_a_line_break_split_is_no_statement():
    """A page broke "... and Majlis-e-Wahdat\n\nMuslimeen Pakistan managed to get 1 seat each.": the
    second line alone names the wrong subject. A heading line before a paragraph, or a sentence
    that merely opens without its "But", is no such break."""
    head = "The movement secured 17 seats, the league got 3, and two smaller parties and the Majlis-e-Wahdat"
    tail = "Muslimeen Pakistan managed to get 1 seat each."
    src = _source("s", f"{head}\n\n{tail}")
    kept, dropped, _ = stand_alone([_point("p", src, tail)], [src], None)
    assert kept == [] and "breaks off" in dropped[0].reason
    for before in ("Results of the count\n\n", f"{head}. But "):
        src = _source("s", before + tail)
        kept, _, _ = stand_alone([_point("p", src, tail)], [src], None)
        assert [p.text for p in kept] == [tail]


def test_a_numbered_list_run_into_one_line_loses_the_next_items_number():
    """Item 10 of a contents list run into one line ends with "11.": that number is the next
    item's, and without it the item is the headline it is, not a statement."""
    src = _source(
        "s", "Contents\n9. The council demands a budget 10. The mayor opens the new bridge 11. Other text."
    )
    point = _point("p", src, "The mayor opens the new bridge 11.")
    kept, dropped, _ = stand_alone([point], [src], None)
    assert kept == [] and dropped[0].reason == "a heading, not a statement"
    # the same words as a sentence of their own stay
    src = _source("s", "Intro text stands here. The mayor opens the new bridge in 2021 11. Other text.")
    kept, _, _ = stand_alone([_point("p", src, "The mayor opens the new bridge in 2021 11.")], [src], None)
    assert [p.text for p in kept] == ["The mayor opens the new bridge in 2021 11."]


def test_tighten_drops_framing_without_facts_and_keeps_what_carries_them():
    from memogen.compose.tighten import tighten

    assert (
        tighten("Amid growing worries about the economy, the central bank raised its rate to 5 percent.")
        == "The central bank raised its rate to 5 percent."
    )
    assert (
        tighten(
            "The final tally was published more than 60 hours after voting ended, raising questions over it."
        )
        == "The final tally was published more than 60 hours after voting ended."
    )
    # a lead or a trail that names someone or gives a figure stays
    kept = "Despite the Supreme Court's ruling, the student-led protests show no signs of abating."
    assert tighten(kept) == kept
    kept = "Nearly 200 nations agreed to launch a fund for the poorest countries, including Britain's King Charles."
    assert tighten(kept) == kept
    # a trail that tells how the event ranks (a record) is a fact, not framing
    kept = "The protests spread from the campuses to the capital's suburbs, marking the worst violence in over a decade."
    assert tighten(kept) == kept


@pytest.mark.parametrize(
    ("before", "sentence", "reason"),
    [
        (
            "An earlier draft that barred new coal plants was dropped from the final text.",
            "This provision was opposed by several large emitters.",
            "opens with a demonstrative",
        ),
        # what "came after" frames is no clause: the point leans on the sentence before it
        (
            "The transport ministry suspended all rail services in the north on Monday 3 March 2025.",
            "The move came after weeks of flooding along the river.",
            "opens with a demonstrative ('This provision') or a frame",
        ),
        # a bare connective replies to the sentence before: whose response, to what?
        (
            "The governor called the strike by the dock workers an act of sabotage.",
            "In response, the union has issued a warning to the port authority.",
            "opens with a demonstrative ('This provision') or a frame",
        ),
    ],
)
def test_an_opening_that_leans_back_is_read_with_its_sentence_or_left_out(before, sentence, reason):
    src = _source("s", f"{before} {sentence}")
    kept, _, _ = stand_alone([_point("p", src, sentence)], [src], None)
    assert [p.text for p in kept] == [f"{before} {sentence}"]
    # no sentence before it to lean on: it says nothing alone
    src = _source("s", sentence)
    kept, dropped, _ = stand_alone([_point("p", src, src.text)], [src], None)
    assert kept == [] and dropped[0].reason.startswith(reason)


def test_a_weekday_is_a_plan_only_when_its_own_clause_speaks_of_the_future():
    sat = Anchor(dt.date(2024, 2, 10))  # a Saturday
    text = (
        "The board had said it would publish the figures by noon on the day after the vote—Friday—but "
        "it failed, with ten counts still open as of Saturday afternoon."
    )
    out = resolve_relative(text, sat)[0]
    assert "—on Friday 9 February 2024—" in out  # past: the plan was in another clause
    assert "as of the afternoon of Saturday 10 February 2024" in out  # no "as of on the ..."
    assert (
        resolve_relative("Talks will resume on Friday, aides said.", sat)[0]
        == "Talks will resume on Friday 16 February 2024, aides said."
    )
    assert resolve_relative("The envoy said on Friday that talks will resume.", sat)[0] == (
        "The envoy said on Friday 9 February 2024 that talks will resume."
    )


def test_a_weekday_inside_a_sentence_keeps_a_small_on():
    out = resolve_relative("Counting began Friday in most districts.", Anchor(THU))[0]
    assert out == "Counting began on Friday 15 September 2023 in most districts."


def test_an_expletive_frame_goes_and_its_statement_stays():
    """ "It is once again proven that there is no permanent ally ..." opened a lavrov point with a
    bare "It"; the frame says nothing the statement does not."""
    from memogen.compose.tighten import tighten

    assert (
        tighten(
            "It is once again proven that there is no permanent ally or enemy in the global order, only interests."
        )
        == "There is no permanent ally or enemy in the global order, only interests."
    )
    # what would remain does not stand alone (a pronoun, too short): the frame stays
    assert tighten("It is clear that he lied.") == "It is clear that he lied."
    kept = "It was raining heavily in the capital when the rescue teams arrived."
    assert tighten(kept) == kept


def test_a_quote_whose_speaker_is_he_is_joined_to_the_sentence_naming_him_or_left_out():
    src = _source(
        "a",
        "The army chief thanked the crews on Monday. \u201cThe port is open again to every ship,\u201d he "
        "added.\n\n"
        "Officials of the harbour board, the coastguard, the customs office, the pilots' guild, the dockers' "
        "union and the ferry company met the envoys of three countries and the delegates of four shipping "
        "lines, and the harbour's insurers and lawyers, for most of the long and difficult day on Monday in the old "
        "customs hall by the southern quay. \u201cWe will rebuild the northern quay before the winter "
        "storms arrive,\u201d she added.",
        dt.date(2023, 9, 21),
    )
    short = _point("p1", src, "\u201cThe port is open again to every ship,\u201d he added.")
    long = _point(
        "p2", src, "\u201cWe will rebuild the northern quay before the winter storms arrive,\u201d she added."
    )
    kept, dropped, _ = stand_alone([short, long], [src], None)
    assert [p.text for p in kept] == [
        "The army chief thanked the crews on Monday 18 September 2023. \u201cThe port is open again to every "
        "ship,\u201d he added."
    ]
    assert [d.text[:20] for d in dropped] == ["\u201cWe will rebuild the"]  # too long to join: whose words?


def test_a_weekday_with_its_day_in_brackets_and_a_possessive_year_are_placed():
    wed = Anchor(dt.date(2023, 12, 14))
    assert resolve_relative("The talks ended this Wednesday (13) with a deal.", wed)[0] == (
        "The talks ended on Wednesday 13 December 2023 with a deal."
    )
    assert resolve_relative("Twice the size of last year's summit, it drew 9,000 people.", wed)[0] == (
        "Twice the size of the 2022 summit, it drew 9,000 people."
    )
    assert strip_relative("Twice the size of last year’s summit, the meeting drew 9,000 people.") == (
        "Twice the size of the summit, the meeting drew 9,000 people."
    )


def test_a_quote_running_on_past_the_point_is_closed_where_the_point_ends():
    from memogen.compose.standalone.shape import close_open_quote

    assert close_open_quote("The islands were unhappy. “The changes were not secured.") == (
        "The islands were unhappy. “The changes were not secured.”"
    )
    assert close_open_quote("“The port is open,” she said.") == "“The port is open,” she said."


def test_a_hyphenated_rank_before_a_name_is_its_title_already():
    a = _source("a", "Colonel Ivo Marek read the statement. Marek spoke for the officers.")
    b = _source("b", "The statement was read by Colonel-Major Ivo Marek on state television.")
    people = find_people([a, b])
    text = "The statement was read by Colonel-Major Ivo Marek on state television."
    assert introduce(text, "b", 0, people, set()) == text


def test_a_weekday_this_week_is_one_date():
    out, ok = resolve_relative(
        "The general took office on Friday this week, officials said.", Anchor(dt.date(2023, 7, 30))
    )
    assert ok and out == "The general took office on Friday 28 July 2023, officials said."


def test_a_point_starting_inside_a_quotation_opens_it():
    from memogen.compose.standalone.shape import close_open_quote

    assert close_open_quote("Safety is not guaranteed,” says a diplomatic source.") == (
        "“Safety is not guaranteed,” says a diplomatic source."
    )
    assert (
        close_open_quote('The toll will rise," an official said.')
        == '"The toll will rise," an official said.'
    )
    assert close_open_quote('He called it "a new era.') == 'He called it "a new era."'
    assert close_open_quote('He said "fine" today.') == 'He said "fine" today.'


def test_she_added_is_not_joined_to_a_sentence_where_she_is_unnamed_too():
    src = _source(
        "a",
        "Citing the harbour code, she said that ferries must carry two radios. In a rare outburst, she "
        'added, "The board has ignored every warning we sent."',
        dt.date(2023, 9, 21),
    )
    point = _point("p1", src, 'In a rare outburst, she added, "The board has ignored every warning we sent."')
    kept, dropped, _ = stand_alone([point], [src], None)
    assert not kept and dropped


def test_a_point_trailing_off_at_the_end_of_its_page_is_cut_back_to_its_last_whole_clause():
    from memogen.compose.standalone.shape import CUT_OFF, mend_cut_off, not_a_statement

    text = "The harbour board said the ferry company was sending a second boat to Keld after the storm was …"
    assert not_a_statement(text, text, at_page_end=True) == CUT_OFF
    assert mend_cut_off(text) == "The harbour board said the ferry company was sending a second boat to Keld."


def test_a_weekday_morning_followed_by_its_date_is_left_alone():
    text = "Depositors will have access no later than Monday morning, March 13, 2023, the statement said."
    assert resolve_relative(text, Anchor(dt.date(2023, 3, 10))) == (text, True)


def test_an_ellipsis_after_a_whole_sentence_at_the_page_end_goes():
    tail = "Four countries have sent rescue teams and field hospitals to assist the stricken province...."
    src = _source("s", "The quake struck late on Friday near the old city. " + tail)
    kept, dropped, _ = stand_alone([_point("p", src, tail)], [src], None)
    assert not dropped and [p.text for p in kept] == [tail[:-3]]
    cut = "The dam gave way after the region was ..."  # a sentence the page cut off is no statement
    src = _source("c", "Storm waters rose all night in the valley. " + cut)
    kept, dropped, _ = stand_alone([_point("p", src, cut)], [src], None)
    assert not kept and dropped


def test_a_came_as_frame_goes_when_it_frames_a_statement():
    statement = "the regional governor declared that every school in the valley would stay closed."
    src = _source("s", f"Heavy rain fell for a third day. The announcement came as {statement}")
    text = f"The announcement came as {statement}"
    kept, _, _ = stand_alone([_point("p", src, text)], [src], None)
    assert [p.text for p in kept] == [
        "The regional governor declared that every school in the valley would stay closed."
    ]
    # a second "as" clause loses its frame with the first
    text = "The deal comes as tensions in the valley are on the rise, and as the council has sought a truce."
    src = _source("t", f"Heavy rain fell for a third day. {text}")
    kept, _, _ = stand_alone([_point("p", src, text)], [src], None)
    assert [p.text for p in kept] == [
        "Tensions in the valley are on the rise, and the council has sought a truce."
    ]


def test_a_wire_photo_caption_ending_on_its_place_and_day_is_no_statement():
    for caption in (
        "Demonstrators gather in support of the soldiers in the capital Tarvo, Velmar July 30, 2023.",
        "Rescuers search the rubble of a house in Ostra, Velmar, Sunday, Sept. 10, 2023.",
    ):
        assert not_a_statement(caption, caption, False) == "a photo caption or credit, not a statement"
    prose = "The army seized power in Tarvo, Velmar, on July 26, 2023, and detained the president."
    assert not_a_statement(prose, prose, False) is None


def test_an_undated_sources_weekday_is_read_near_the_event_not_at_a_balance_sheet_date():
    text = (
        "The lender had about $20 billion in assets as of December 31, 2022. "
        "Regulators were seen arriving at the lender's offices on Friday, officials said."
    )
    src = _source("s", text)  # no date of its own
    sentence = "Regulators were seen arriving at the lender's offices on Friday, officials said."
    kept, _, _ = stand_alone([_point("p", src, sentence)], [src], dt.date(2023, 3, 8), dt.date(2023, 3, 10))
    assert [p.text for p in kept] == [
        "Regulators were seen arriving at the lender's offices on Friday 10 March 2023, officials said."
    ]


def test_a_time_told_from_the_sentence_before_is_read_with_it_or_left_out():
    before = "The bank announced a loss of $1.8 billion on Wednesday 8 March 2023."
    src = _source("s", f"{before} The next day, clients pulled out $40 billion of their deposits.")
    text = "The next day, clients pulled out $40 billion of their deposits."
    kept, _, _ = stand_alone([_point("p", src, text)], [src], None)
    assert [p.text for p in kept] == [f"{before} {text}"]
    src = _source("s", "Two days later, the regulators closed the bank and took over its deposits.")
    kept, dropped, _ = stand_alone([_point("p", src, src.text)], [src], None)
    assert kept == [] and "the sentence before" in dropped[0].reason


def test_no_point_is_joined_to_a_sentence_that_leans_on_another():
    text = (
        "The bank sold bonds at a loss. The latter transaction cost it $1.8 billion. "
        "The next day, an investor advised companies to leave the bank."
    )
    src = _source("s", text)
    sentence = "The next day, an investor advised companies to leave the bank."
    kept, dropped, _ = stand_alone([_point("p", src, sentence)], [src], None)
    assert kept == [] and "the sentence before" in dropped[0].reason


def test_a_title_or_an_initial_does_not_end_a_sentence():
    from memogen.compose.standalone.shape import drop_verbless_lead, first_sentence

    text = "Just one day after Mr. Holm spoke at the conference, the bank announced a loss. Shares fell."
    assert first_sentence(text) == (
        "Just one day after Mr. Holm spoke at the conference, the bank announced a loss.",
        "Shares fell.",
    )
    assert drop_verbless_lead(text) == (text, 0)


def test_a_fronted_time_that_goes_takes_its_comma_and_an_edge_word_with_it():
    assert strip_relative(
        "The mayor is seen as a caretaker. But on Sunday, he took credit for the new levee."
    ) == ("The mayor is seen as a caretaker. But he took credit for the new levee.")
    assert strip_relative("Late on Saturday, as the water rose, the council ordered the valley cleared.") == (
        "As the water rose, the council ordered the valley cleared."
    )
    sat = Anchor(dt.date(2024, 2, 10))  # a Saturday
    assert resolve_relative("Late on Saturday, the council ordered the valley cleared.", sat)[0] == (
        "Late on Saturday 10 February 2024, the council ordered the valley cleared."
    )


def test_a_weekday_in_a_bracketed_aside_takes_no_on():
    sat = Anchor(dt.date(2024, 2, 10))
    out = resolve_relative("The order came at 1am Moscow time (11pm, Friday, GMT) from the ministry.", sat)[0]
    assert "(11pm, Friday 9 February 2024, GMT)" in out


def test_a_closing_mark_after_a_colon_opens_its_quotation_there():
    from memogen.compose.standalone.shape import close_open_quote

    assert close_open_quote("The office issued a statement: had found a way to end the dispute.”") == (
        "The office issued a statement: “had found a way to end the dispute.”"
    )


def test_a_pages_paragraph_label_goes_but_a_speaker_stays():
    text = "Details: The review looked at the flooding of the lower valley in March."
    assert strip_label(text) == "The review looked at the flooding of the lower valley in March."
    page = "The minister Ortega spoke. Ortega: The dam will be rebuilt within two years, he said."
    assert strip_label("Ortega: The dam will be rebuilt within two years, he said.", page).startswith(
        "Ortega:"
    )
    assert strip_label("Details: Too short.") == "Details: Too short."


def test_an_undated_source_dates_its_weekdays_only_from_its_dateline_or_nearby():
    recalled = (
        "On 15 April 2023, clashes broke out in the capital.\n\nLater report\n\n"
        "Two weeks ago, fighting reached the western city.\n\n"
        "About 60% of the camp fled their homes on Thursday, media reported."
    )
    at = recalled.index("About")
    assert anchor_for(recalled, at, None, None, dt.date(2023, 4, 15)).day is None  # a date it recalls
    near = "The talks resumed on 3 March 2025.\n\nThe envoy left on Thursday, aides said."
    assert anchor_for(near, near.index("The envoy"), None, None).day == dt.date(2025, 3, 3)
    dateline = (
        "KHARTOUM, 16 April 2023: Fighting went on.\n\nA.\n\nB.\n\nAirstrikes hit the city on Saturday."
    )
    assert anchor_for(dateline, dateline.index("Airstrikes"), None, None).day == dt.date(2023, 4, 16)


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        (
            "About two weeks ago, the two armies fought in the western city.",
            "Around 1 May 2024, the two armies fought in the western city.",
        ),
        (
            "The dam was inspected three years ago by engineers.",
            "The dam was inspected in 2021 by engineers.",
        ),
        (
            "The talks collapsed 10 days ago in the port city.",
            "The talks collapsed on 5 May 2024 in the port city.",
        ),
    ],
)
def test_a_time_ago_is_dated_as_exactly_as_its_words(text, dated):
    assert resolve_relative(text, Anchor(dt.date(2024, 5, 15)))[0] == dated


def test_a_time_ago_no_date_places_goes():
    assert strip_relative("About two weeks ago, the two armies fought in the western city.") == (
        "The two armies fought in the western city."
    )


def test_a_sentence_whose_time_was_its_predicate_goes_with_the_time():
    assert strip_relative(
        "The strike joins others in the north and the east. The latter was just a month ago."
    ) == ("The strike joins others in the north and the east.")


def test_an_undated_source_that_dates_no_day_has_no_anchor_and_a_month_ago_is_a_month():
    text = "The coup was the ninth in the region since 2020.\n\nThe latest was just a month ago in the north."
    end = dt.date(2023, 8, 30)
    assert anchor_for(text, text.index("The latest"), None, None, end).day is None  # written some day after
    assert resolve_relative("The latest was just a month ago in the north.", Anchor(end))[0] == (
        "The latest was in July 2023 in the north."
    )


def test_a_weekday_opening_its_clause_is_a_plan_when_the_clauses_first_verb_is():
    fri = Anchor(dt.date(2023, 3, 10))
    text = "On Monday, the leaders of the U.S., U.K. and Norland will gather in the port to sign the pact."
    assert resolve_relative(text, fri)[0].startswith("On Monday 13 March 2023, the leaders")
    text = "On Friday, the minister said talks will resume."
    assert resolve_relative(text, fri)[0].startswith("On Friday 10 March 2023,")
    text = "The leaders will meet at the base in Porto, Norland, Monday morning to sign the pact."
    assert "on the morning of Monday 13 March 2023" in resolve_relative(text, fri)[0]


def test_a_time_that_goes_takes_the_words_leading_to_it_and_never_cuts_a_quote():
    assert strip_relative(
        "Regulators said savers would have all their money back no later than Monday morning."
    ) == ("Regulators said savers would have all their money back.")
    assert (
        strip_relative("“Savers will have their money back starting Monday morning,” the ministry said.")
        is None
    )


def test_the_of_that_led_to_a_time_no_date_places_goes_with_it() -> None:
    assert strip_relative(
        "Hundreds of farmers gathered outside the regional council in the early hours of Friday morning, "
        "blocking the road with tractors."
    ) == (
        "Hundreds of farmers gathered outside the regional council in the early hours, blocking the road with tractors."
    )
    assert strip_relative("The storms of last week closed the port and the two airports of the island.") == (
        "The storms closed the port and the two airports of the island."
    )
