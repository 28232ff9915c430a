"""Placement: points filed outside What happened that the evidence shows are reports of the event."""

from __future__ import annotations

import datetime as dt

from memogen.compose.placement import (
    fill_empty_background,
    fill_empty_meaning,
    place_definitions,
    place_event_reports,
    states_the_setting,
)
from memogen.compose.salience import Salience
from memogen.model import Conflict, ConflictValue, MergedPoint

EVENT = dt.date(2031, 3, 4)


def _point(
    text: str, section: str, confidence: float, conflicts: list[Conflict] | None = None
) -> MergedPoint:
    return MergedPoint(
        id=f"p{abs(hash(text)) % 10_000}",
        text=text,
        section=section,  # type: ignore[arg-type]
        citations=[],
        conflicts=conflicts or [],
        confidence=confidence,
    )


def test_a_count_sources_report_differently_is_the_events_tally() -> None:
    """A disputed count is the event's tally; so is a disputed share ('64.27 percent' against '65%' of
    the vote); a disputed date of history, or sum of money, may be background and stays."""
    cases = [
        ("The Harbour Party and the Valley League trail with 41 and 30 seats.", "number", "41 seats; B reports 44"),
        ("The council said the vote, which the mayor won with 64.27 percent, had been annulled.", "percent",
         "64.27 percent; B reports 65%"),
        ("The old charter was signed in 1921 after a long dispute over the border.", "date", "1921; B reports 1922"),
        ("The port had long been worth about $2 billion to the region.", "amount", "$2 billion; B reports $3 billion"),
    ]  # fmt: skip
    points = [
        _point(text, "background", 0.9, [Conflict(kind=kind, statement=f"Sources differ: A reports {said}.")])
        for text, kind, said in cases
    ]
    place_event_reports(points, EVENT)
    assert [p.section for p in points] == ["what_happened", "what_happened", "background", "background"]


def test_an_unsure_what_it_means_label_on_a_plain_report_moves() -> None:
    report = _point(
        "The ruling was handed down by a five-judge panel led by the chief judge.", "what_it_means", 0.3
    )
    sure = _point(
        "The ruling was handed down by a five-judge panel led by the chief judge.", "what_it_means", 0.8
    )
    modal = _point("The ruling could be appealed by the opposition within a month.", "what_it_means", 0.3)
    evaluative = _point("The ruling was a major setback for the opposition.", "what_it_means", 0.3)
    quoted = _point("Lawyers called the ruling “a dark day” for the courts.", "what_it_means", 0.3)
    recalled = _point("The ruling was first challenged by the opposition in 2019.", "what_it_means", 0.3)
    place_event_reports([report, sure, modal, evaluative, quoted, recalled], EVENT)
    assert report.section == "what_happened"
    assert [p.section for p in (sure, modal, evaluative, quoted)] == ["what_it_means"] * 4
    assert recalled.section == "background"  # history told plainly is context, not the event's report


def _placed(text: str, section: str, confidence: float) -> str:
    """Where the placement steps put one point filed under `section` with `confidence`."""
    point = _point(text, section, confidence)
    place_event_reports([point], EVENT)
    place_definitions([point], EVENT)
    return point.section


def _salience(event: float) -> Salience:
    return Salience(
        centrality=0.5, position=0.5, support=0.5, event=event, dated=False, specific=0.5, penalty=0.0
    )


def _council_news() -> list[MergedPoint]:
    """Four sure reports of the event, close to it: the memo's news."""
    return [
        _point(f"The council voted on motion {k} late on Tuesday evening.", "what_happened", 0.9)
        for k in range(4)
    ]


def test_a_label_that_leans_on_the_sentence_s_place_moves_a_firm_one_stays() -> None:
    """A What-it-means or Background label just past even odds, on a plain past report, leans on where
    the sentence stood; the reading of a fact ("made it clear that") and a standing arrangement
    counted ("There were ...") are no reports."""
    felt = _point(
        "The tremors were felt in several cities of the region, including the capital.", "what_it_means", 0.6
    )
    measured = _point(
        "According to the survey, the quake's magnitude was 6.8 on the scale.", "background", 0.6
    )
    firm = _point(
        "The tremors were felt in several cities of the region, including the capital.", "what_it_means", 0.7
    )
    reading = _point(
        "The verdict made it clear that the cabinet had the power to act all along.", "what_it_means", 0.55
    )
    seats = _point(
        "There were 60 seats reserved for women in the lower house of parliament.", "what_it_means", 0.55
    )
    place_event_reports([felt, measured, firm, reading, seats], EVENT)
    assert [felt.section, measured.section] == ["what_happened"] * 2
    assert [p.section for p in (firm, reading)] == ["what_it_means"] * 2
    assert seats.section == "background"  # no report: the setting (`counts_the_setting`)


def test_an_empty_background_takes_the_least_event_like_unsure_point() -> None:
    news = [
        _point(f"The council voted on motion {k} late on Tuesday evening.", "what_happened", 0.9)
        for k in range(4)
    ]
    setting = _point("Nearly half of the city's voters are under the age of thirty.", "what_happened", 0.4)
    sure = _point("The city charter was first written by a council of elders.", "what_happened", 0.9)
    points = [*news, setting, sure]
    sal = {p.id: _salience(0.6) for p in news} | {setting.id: _salience(0.05), sure.id: _salience(0.01)}
    fill_empty_background(points, sal, floor=0.3)
    assert setting.section == "background"
    assert sure.section == "what_happened"  # a sure label is kept
    assert [p.section for p in news] == ["what_happened"] * 4


def test_a_point_about_something_else_never_fills_an_empty_background() -> None:
    """A stray headline of the page's other stories is least like the event, and no context of it."""
    import dataclasses

    news = [
        _point(f"The council voted on motion {k} late on Tuesday evening.", "what_happened", 0.9)
        for k in range(4)
    ]
    stray = _point("Court demands the ministry's pledge to focus on the harbour", "what_happened", 0.4)
    points = [*news, stray]
    sal = {p.id: _salience(0.6) for p in news} | {
        stray.id: dataclasses.replace(_salience(0.01), off_topic=True)
    }
    fill_empty_background(points, sal, floor=0.3)
    assert stray.section == "what_happened"
    sal[stray.id] = _salience(0.01)
    fill_empty_background(points, sal, floor=0.3)
    assert stray.section == "background"  # the same point, on the topic: the fill takes it


def test_an_empty_background_takes_a_definition_the_extractor_was_sure_was_news() -> None:
    """A report's lead may define an agency it names ("The Harbour Board is an independent body ...");
    the extractor, reading its place, files it as news: it is the memo's context."""
    news = [
        _point(f"The council voted on motion {k} late on Tuesday evening.", "what_happened", 0.9)
        for k in range(4)
    ]
    definition = _point(
        "The Harbour Board is an independent body created by parliament to run the port.",
        "what_happened",
        0.8,
    )
    setting = _point("Nearly half of the city's voters are under the age of thirty.", "what_happened", 0.4)
    points = [*news, definition, setting]
    sal = {p.id: _salience(0.6) for p in news} | {definition.id: _salience(0.3), setting.id: _salience(0.05)}
    fill_empty_background(points, sal, floor=0.3)
    assert definition.section == "background"
    assert setting.section == "what_happened"  # one point fills the section: the definition comes first
    assert [p.section for p in news] == ["what_happened"] * 4


def test_a_background_the_memo_can_take_is_not_filled() -> None:
    history = _point("The city charter dates from the founding of the port.", "background", 0.9)
    setting = _point("Nearly half of the city's voters are under the age of thirty.", "what_happened", 0.4)
    news = _point("The council voted on the motion late on Tuesday evening.", "what_happened", 0.9)
    sal = {history.id: _salience(0.1), setting.id: _salience(0.05), news.id: _salience(0.6)}
    fill_empty_background([history, setting, news], sal, floor=0.3)
    assert setting.section == "what_happened"


def test_a_background_of_one_point_takes_one_remote_count_more() -> None:
    """One point of context is thin: a count the extractor was unsure was news (0.5-0.65), remotest
    from the event, joins it; a remote report without a figure is the event's detail, and stays."""
    history = _point("The city charter dates from the founding of the port.", "background", 0.9)
    news = _council_news()
    voters = _point(
        "Some 40,000 voters registered, nearly half of them under the age of 35.", "what_happened", 0.6
    )
    detail = _point(
        "Support was provided by two boats of the harbour's rescue service.", "what_happened", 0.55
    )
    sure = _point("The turnout of 61 percent was read out by the clerk at noon.", "what_happened", 0.8)
    points = [history, *news, voters, detail, sure]
    sal = {p.id: _salience(0.6) for p in news} | {
        history.id: _salience(0.5),
        voters.id: _salience(0.05),
        detail.id: _salience(0.01),
        sure.id: _salience(0.02),
    }
    fill_empty_background(points, sal, floor=0.3)
    assert voters.section == "background"
    assert detail.section == "what_happened"  # no figure: the event's detail
    assert sure.section == "what_happened"  # a sure label is kept
    history2 = _point("The city charter was renewed by the assembly of the port.", "background", 0.9)
    voters.section = "what_happened"
    sal[history2.id] = _salience(0.5)
    fill_empty_background([history, history2, *news, voters], sal, floor=0.3)
    assert voters.section == "what_happened"  # two points of context: not thin


def test_explain_says_where_a_moved_point_was_filed() -> None:
    from memogen.compose import _choose
    from memogen.model import Citation, Source, SourceMetadata

    text = (
        "The Harbour Party and the Valley League trail with 41 and 30 seats in the new assembly, "
        "according to the commission's count."
    )
    src = Source(id="a", path="a.txt", kind="txt", metadata=SourceMetadata(date=EVENT), text=text)
    tally = _point(
        text,
        "background",
        0.9,
        [Conflict(kind="number", statement="Sources differ: A reports 41 seats; B reports 44 seats.")],
    )
    tally.citations = [Citation("a", text, 0, len(text))]
    selection, _, _, _ = _choose([tally], [src], 200, (EVENT, EVENT))
    assert [p.id for p in selection.chosen["what_happened"]] == [tally.id]
    assert "filed under background by the extractor, placed under what_happened" in selection.kept[tally.id]


def test_an_unsure_background_label_on_a_plain_report_moves_unless_it_names_an_earlier_time() -> None:
    """Late in a news report, a plain report of the event is unsure Background by its place alone; one
    that names a time other than the event's ("since January", "in the past few years") stays."""
    report = _point(
        "The court has also allocated 2 per cent of posts to disabled applicants.", "background", 0.4
    )
    since = _point("Students have protested against the quotas since 5 January.", "background", 0.4)
    last_year = _point("The government scrapped the quotas in the past few years.", "background", 0.4)
    dated = _point("The High Court reinstated the quotas on 5 February.", "background", 0.4)
    sure = _point(
        "The court has also allocated 2 per cent of posts to disabled applicants.", "background", 0.7
    )
    place_event_reports([report, since, last_year, dated, sure], EVENT)
    assert report.section == "what_happened"
    assert [p.section for p in (since, last_year, dated, sure)] == ["background"] * 4


def test_a_what_it_means_label_on_a_report_dated_at_the_event_moves_however_sure() -> None:
    dated = _point(
        "The council voted on the motion at 23:10 on 4 March, the clerk recorded.", "what_it_means", 0.9
    )
    outlook = _point("The vote on 4 March could reshape the city's budget for years.", "what_it_means", 0.9)
    undated = _point("The council voted on the motion late in the evening.", "what_it_means", 0.9)
    place_event_reports([dated, outlook, undated], EVENT)
    assert dated.section == "what_happened"
    assert outlook.section == "what_it_means"  # "could": an assessment, whatever its day
    assert undated.section == "what_it_means"  # a sure label without the event's day stays


def _moved(place, cases: dict[str, tuple[str, str]]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each text's section after `place`, given (section, confidence 0.7) -> {text: section}."""
    points = {text: _point(text, given, 0.7) for text, (given, _) in cases.items()}
    place(list(points.values()), EVENT)
    return {text: p.section for text, p in points.items()}


def test_a_judgement_of_what_comes_filed_under_what_happened_is_what_it_means() -> None:
    cases = {
        "The response was quick, and experts believe the steps will likely prevent contagion.": (
            "what_happened",
            "what_it_means",
        ),
        # the news's own terms, not a forecast; said on the event's day: its news; a plain report
        "The harbour will close at night, the agreement says, as analysts said.": ("what_happened",) * 2,
        "On 4 March analysts said the council could fall.": ("what_happened",) * 2,
        "The council voted on the motion late in the evening.": ("what_happened",) * 2,
        "A storm struck the coast at night. The toll is likely to increase.": ("what_happened",) * 2,
    }
    assert _moved(place_event_reports, cases) == {text: want for text, (_, want) in cases.items()}


def test_a_definition_filed_under_what_it_means_is_background() -> None:
    cases = {
        "Varnia is a key ally of its neighbours against the insurgency in the hills.": (
            "what_it_means",
            "background",
        ),
        "Varnia is a key ally, and its loss would weaken the coalition.": ("what_it_means",) * 2,  # a view
        "The council voted on the motion late in the evening.": ("what_it_means",) * 2,  # no definition
        # what its subject is, set before it; what the point adds after its first sentence is more context
        "Home to some 9 million people, Varnia is mostly mountains. It has been ruled by groups allied with "
        "the army.": ("what_it_means", "background"),
        "A former colony of the empire, the country is one of the poorest in the region.": (
            "what_it_means",
            "background",
        ),
    }
    assert _moved(place_definitions, cases) == {text: want for text, (_, want) in cases.items()}


def test_an_empty_what_it_means_takes_the_most_salient_view_a_source_voices() -> None:
    """A day's news reports may carry no analysis: what the event means is the view a source voices, not
    the terms the news reports ("the soldiers said the borders would close")."""
    news = [
        _point(f"The council voted on motion {k} late on Tuesday evening.", "what_happened", 0.9)
        for k in range(4)
    ]
    terms = _point(
        "The soldiers said the borders would be closed and a curfew imposed.", "what_happened", 0.9
    )
    view = _point(
        "“There could be a lot of damage, and the president's safety is not guaranteed,” a diplomat says.",
        "what_happened",
        0.9,
    )
    points = [*news, terms, view]
    sal = {p.id: _salience(0.6) for p in points}
    sal[terms.id] = _salience(0.9)  # the terms rank higher, and still stay news
    fill_empty_meaning(points, sal, EVENT)
    assert view.section == "what_it_means"
    assert [p.section for p in (*news, terms)] == ["what_happened"] * 5
    other = _point("“This could change everything,” an analyst said of the vote.", "what_happened", 0.9)
    fill_empty_meaning([*points, other], sal | {other.id: _salience(0.9)}, EVENT)
    assert other.section == "what_happened"  # What it means holds a point now: nothing more moves


def test_a_short_quoted_phrase_in_a_report_is_its_wording_not_a_voice() -> None:
    """A report quoting a few words of a document ('a fund for countries “on the front line of the
    crisis”') is still a plain report; a quoted speech, or a phrase someone calls a thing, is a voice."""
    wording = _point(
        "The agency allotted 792 million to the new fund, for countries “on the front line of the crisis”.",
        "background",
        0.35,
    )
    speech = _point(
        "The minister said “the fund arrives far too late for the people on the front line”.",
        "background",
        0.35,
    )
    verdict = _point("Delegates described the fund as “a first step” for the front line.", "background", 0.35)
    place_event_reports([wording, speech, verdict], EVENT)
    assert wording.section == "what_happened"
    assert [speech.section, verdict.section] == ["background", "background"]


def test_a_standing_state_among_the_news_is_the_setting() -> None:
    """An unsure What-happened label on a sentence wholly in the present, with no day, speaker, view or
    anything under way, is the setting; news in the present ("rescuers are searching", "officials say",
    "on Tuesday") and a firm label stay."""
    cases = {
        "The talks come at a pivotal moment for the region, with prices still rising across the coast.": "background",
        "Rescue teams are searching the rubble of the old town for survivors.": "what_happened",
        "Officials say the harbour remains closed to all shipping.": "what_happened",
        "The harbour remains closed to all shipping on Tuesday.": "what_happened",
        "The harbour could stay closed to all shipping for a month.": "what_happened",
        # words that only describe a noun tell no past: the state is the setting
        "Much of the affected valley is remote, with most huts made from straw and clay.": "background",
        "Much of the valley is remote, and the storm made most huts collapse.": "what_happened",
    }
    points = {text: _point(text, "what_happened", 0.55) for text in cases}
    firm = _point(
        "The talks come at a pivotal moment for the region, with prices rising.", "what_happened", 0.8
    )
    place_event_reports([*points.values(), firm], EVENT)
    assert {text: p.section for text, p in points.items()} == cases
    assert firm.section == "what_happened" and not states_the_setting(firm, EVENT)


def test_a_forecast_someone_holds_or_voices_is_what_it_means() -> None:
    wh, wm = "what_happened", "what_it_means"
    cases = {
        "Rescuers assume that the toll of the flood will be higher by morning.": (wh, wm),
        "“Under these conditions the talks with the rebels could fail again,” says a source.": (wh, wm),
        # a hope held then, told in the past, is no forecast; the news's own terms, reported, are news
        "It was assumed that the ruling would end the strike at the port.": (wh, wh),
        "The envoy will travel to the capital on Friday, the ministry said.": (wh, wh),
    }
    assert _moved(place_event_reports, cases) == {text: want for text, (_, want) in cases.items()}


def test_others_condemning_the_event_is_a_view_of_it_unless_it_is_history_or_counts_the_dead() -> None:
    wh, bg, wm = "what_happened", "background", "what_it_means"
    cases = {
        "The takeover has been widely condemned by neighbouring states, which demanded a return to order.": (
            wh,
            wm,
        ),
        "The 1998 treaty was criticised by the opposition at the time.": (bg, bg),
        "Protesters denounced the vote, and three of them were killed by police.": (wh, wh),
        # a year that only opens a span up to now dates no censure: the reaction is to this event
        "The seizure drew condemnation from the regional bloc, where armies have taken power in four "
        "states since 2027.": (bg, wm),
        "The regional bloc condemned the 2027 seizure of power in a neighbouring state.": (bg, bg),
        # censure named only as the backdrop of what was done leaves the report the event's
        "The league awarded the 2040 games to the island state despite criticism of its labour laws.": (
            wh,
            wh,
        ),
        "The league awarded the games to the island state, which critics condemned as a sham.": (wh, wm),
    }
    assert _moved(place_event_reports, cases) == {text: want for text, (_, want) in cases.items()}


def test_an_unsure_view_label_on_a_counted_arrangement_is_the_setting() -> None:
    text = "There were 40 seats reserved for women in the lower house."
    unsure, sure = _point(text, "what_it_means", 0.5), _point(text, "what_it_means", 0.9)
    view = _point("There will be fewer seats for the smaller parties in the house.", "what_it_means", 0.5)
    place_event_reports([unsure, sure, view], EVENT)
    assert [unsure.section, sure.section, view.section] == ["background", "what_it_means", "what_it_means"]


def test_an_unsure_view_label_on_plain_history_is_the_context() -> None:
    """An unsure What-it-means label on a sentence naming an earlier time, with no view, is history;
    a forecast that recalls the past, or a sure label, stays."""
    cases = [
        ("The quarrel between the two harbour towns goes back decades.", 0.43, "background"),
        ("In 2019 the ferry company moved its depot to the northern quay.", 0.40, "background"),
        ("Since 2019 the ferry company has said the quay will have to close.", 0.40, "what_it_means"),
        ("The quarrel between the two harbour towns goes back decades.", 0.80, "what_it_means"),
    ]
    assert [_placed(text, "what_it_means", confidence) for text, confidence, _ in cases] == [
        c[2] for c in cases
    ]


def test_an_unsure_context_label_on_a_present_verdict_is_what_it_means() -> None:
    """An unsure Background label on a present judgement ('The accord is a major blow to ...') is a view
    of the event, even where it reads as a definition; told in the past, or sure, it stays."""
    cases = [
        (
            "The accord is a major diplomatic blow to the river council's plans for the valley.",
            0.48,
            "what_it_means",
        ),
        (
            "The river council is in a prime position to broker a deal the towns could not.",
            0.45,
            "what_it_means",
        ),
        ("The accord was a major diplomatic blow to the river council in 2019.", 0.48, "background"),
        (
            "The accord is a major diplomatic blow to the river council's plans for the valley.",
            0.70,
            "background",
        ),
    ]
    assert [_placed(text, "background", confidence) for text, confidence, _ in cases] == [c[2] for c in cases]


def test_a_background_point_said_again_elsewhere_does_not_keep_the_fill_away() -> None:
    """A lone Background point whose words mostly stand in a point filed elsewhere will be cut as a
    repeat: the fill still gives the memo its context; a Background point of its own keeps it away."""
    news = _point(
        "Over 900 candidates, including 40 women, competed for 120 elected seats in the harbour council.",
        "what_happened",
        0.9,
    )
    echo = _point("There were 12 seats reserved for women in the harbour council.", "background", 0.9)
    setting = _point("Nearly half of the city's voters are under the age of thirty.", "what_happened", 0.4)
    own = _point("The city charter dates from the founding of the port.", "background", 0.9)
    sal = {
        news.id: _salience(0.6),
        echo.id: _salience(0.1),
        setting.id: _salience(0.05),
        own.id: _salience(0.1),
    }
    fill_empty_background([news, echo, setting], sal, floor=0.3)
    assert setting.section == "background"
    setting.section = "what_happened"
    fill_empty_background([news, own, setting], sal, floor=0.3)
    assert setting.section == "what_happened"


def test_a_view_voiced_in_an_earlier_year_is_history() -> None:
    """An unsure What-it-means label on what someone said in a year before the event's is history,
    however it looked ahead then; the same view voiced now, or a firm label, stays."""
    cases = [
        (
            "As the ferry was launched in 2019, its builder said it will change travel on the bay.",
            0.60,
            "background",
        ),
        (
            "As the ferry was launched, its builder said the storm will change travel on the bay.",
            0.60,
            "what_it_means",
        ),
        (
            "As the ferry was launched in 2019, its builder said it will change travel on the bay.",
            0.80,
            "what_it_means",
        ),
    ]
    assert [_placed(text, "what_it_means", confidence) for text, confidence, _ in cases] == [
        c[2] for c in cases
    ]


def test_an_empty_background_takes_a_standing_count_before_a_stray_remark() -> None:
    """Among the remote unsure points, the one giving a figure is the setting's substance; a remark
    without one, even further from the event, is trivia."""
    news = [
        _point(f"The council voted on motion {k} late on Tuesday evening.", "what_happened", 0.9)
        for k in range(4)
    ]
    remark = _point(
        "In a post online, a party leader conveyed a message to all supporters.", "what_happened", 0.4
    )
    count = _point("There were 60 seats reserved for women in the assembly.", "what_happened", 0.4)
    points = [*news, remark, count]
    sal = {p.id: _salience(0.6) for p in news} | {remark.id: _salience(0.02), count.id: _salience(0.05)}
    fill_empty_background(points, sal, floor=0.3)
    assert (count.section, remark.section) == ("background", "what_happened")


def test_a_claim_the_writer_hedges_in_the_present_is_what_it_means() -> None:
    hedged = "The family's hold on the oil-rich country appears to be over after nearly sixty years."
    cases = {
        hedged: ("what_happened", "what_it_means"),
        # dated at the event's day: a report of it
        "On 4 March the guards appear to control the palace.": ("what_happened",) * 2,
        # the hedge is the panel's, quoted: its finding, reported
        "The panel noted that “some of the acts appear to be capable of breaching the treaty.”": (
            "what_happened",
        )
        * 2,
    }
    assert _moved(place_event_reports, cases) == {text: want for text, (_, want) in cases.items()}


def test_a_statement_made_days_before_the_event_is_its_run_up() -> None:
    """EVENT is 4 March 2031: what a candidate said on 2 March is the setting of the vote; the vote's
    own report, a toll told of an earlier day, and a speech on the day stay news."""
    speech = "The candidate shared his goals in a speech on Sunday (March 2). He said he would cut taxes."
    cases = {
        speech: ("what_happened", "background"),
        "On March 4 the candidate said he had won the vote.": ("what_happened",) * 2,
        "Officials said on March 2 that 12 people were killed in the flooding.": ("what_happened",) * 2,
        "Turnout reached 70 percent in the vote held on March 4, officials said.": ("what_happened",) * 2,
    }
    assert _moved(place_event_reports, cases) == {text: want for text, (_, want) in cases.items()}


def test_a_verdict_shaped_as_a_definition_stays_what_it_means() -> None:
    """'X is a key ally of ...' defines; 'the pact is a major blow to ...' judges the pact's effect on
    a party, and keeps the extractor's What-it-means label."""
    cases = [
        ("Korvania is a key ally of the western powers against the insurgents.", "background"),
        ("The pact is a major diplomatic blow to the government's regional policy.", "what_it_means"),
    ]
    assert [_placed(text, "what_it_means", 0.8) for text, _ in cases] == [c[1] for c in cases]


def test_figures_that_fit_together_are_no_tally_of_the_event() -> None:
    """'half of the world's people' beside 'more than 40%' is no dispute: a standing share the sources
    agree on stays where the extractor filed it; a disputed share moves (the event's own result)."""
    agreed = Conflict(
        kind="percent", statement="A reports half, consistent with more than 40% (B).", change="agree"
    )
    disputed = Conflict(kind="percent", statement="Sources differ: A reports 41%; B reports 44%.")
    share = _point("The bloc represents half of the world's population and is seen as a counterweight.",
                   "background", 0.8, [agreed])  # fmt: skip
    vote = _point(
        "The ruling party won 41% of the vote in the regional count.", "background", 0.8, [disputed]
    )
    place_event_reports([share, vote], EVENT)
    assert [share.section, vote.section] == ["background", "what_happened"]


def test_the_event_told_as_it_runs_is_its_news() -> None:
    """'The summit is in full swing in Ostrava, ...' leads a report: under way as it is written; a
    history that names its year, or a view, stays."""
    running = _point("The ninth regional summit is in full swing in Ostrava, with eight leaders attending. "
                     "The two-day event has brought together the bloc's ministers.", "background", 0.71)  # fmt: skip
    history = _point("The first summit was under way in 2019 when the bloc took its name.", "background", 0.7)
    view = _point("Talks are under way and could reshape the bloc, analysts say.", "what_it_means", 0.7)
    place_event_reports([running, history, view], EVENT)
    assert running.section == "what_happened"
    assert (history.section, view.section) == ("background", "what_it_means")


def test_what_was_done_next_is_the_events_aftermath() -> None:
    """'After the wreck was located by a drone survey, the site was seen as critical' (unsure, under
    What it means) reports what followed; so does 'immediately dispatched', which no context fill
    takes for Background, however remote and however many figures it gives."""
    located = _point("After the wreck was located by a drone survey, the site was seen as critical.",
                     "what_it_means", 0.4)  # fmt: skip
    forecast = _point(
        "After the wreck was located, rescuers said the search could take weeks.", "what_it_means", 0.4
    )
    long_ago = _point("After the 2019 flood, the valley was rebuilt by the state.", "what_it_means", 0.4)
    place_event_reports([located, forecast, long_ago], EVENT)
    assert [located.section, forecast.section, long_ago.section] == [
        "what_happened",
        "what_it_means",
        "background",
    ]
    history = _point("The city charter dates from the founding of the port.", "background", 0.9)
    news = _council_news()
    sent = _point("A neighbour immediately dispatched two aircraft and 50 rescuers to join the search.",
                  "what_happened", 0.6)  # fmt: skip
    points = [history, *news, sent]
    sal = {p.id: _salience(0.6) for p in news} | {history.id: _salience(0.5), sent.id: _salience(0.05)}
    fill_empty_background(points, sal, floor=0.3)
    assert sent.section == "what_happened"


def test_an_unsure_verdict_on_a_party_leaves_what_happened() -> None:
    """'The expansion is a diplomatic victory for the premier' (unsure, among the reports) says what
    the news does to someone: What it means; a sure label, or a plain report, stays."""
    verdict = _point("The expansion of the bloc is a diplomatic victory for the premier, who faces a vote.",
                     "what_happened", 0.45)  # fmt: skip
    sure = _point("The expansion of the bloc is a diplomatic victory for the premier, who faces a vote.",
                  "what_happened", 0.8)  # fmt: skip
    report = _point(
        "The bloc admitted the union as a member at the invitation of the premier.", "what_happened", 0.45
    )
    place_event_reports([verdict, sure, report], EVENT)
    assert [verdict.section, sure.section, report.section] == [
        "what_it_means",
        "what_happened",
        "what_happened",
    ]


def test_of_a_plan_and_its_outcome_only_the_outcome_is_the_events_tally() -> None:
    """'The board is expected to approve 12 projects' (one source) and 'approved 14 projects' (another)
    are no dispute: the outcome reports the event, the plan tells what was expected before it."""
    progress = Conflict(
        kind="number",
        statement="The expected figure was 12 projects (A); the reported outcome is 14 projects (B).",
        values=[ConflictValue("a", "12 projects", "x"), ConflictValue("b", "14 projects", "y")],
        change="progression",
    )
    plan = _point(
        "The board is expected to approve 12 projects at its meeting.", "background", 0.8, [progress]
    )
    outcome = _point("The board approved 14 projects at its meeting.", "background", 0.8, [progress])
    place_event_reports([plan, outcome], EVENT)
    assert (plan.section, outcome.section) == ("background", "what_happened")
