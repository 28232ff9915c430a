"""The learned section classifier: its shipped weights, and the behaviour the issue asks of it."""

from __future__ import annotations

import datetime as dt

from memogen.model import Source, SourceMetadata
from memogen.sections import extract_points
from memogen.sections.classify import Item, _transition_kind, classify
from memogen.sections.extract import source_points
from memogen.sections.features import Context, cue_features, time_features
from memogen.sections.learned import SectionModel, load_model

EVENT = dt.date(2024, 3, 4)
WRITTEN = dt.date(2024, 3, 6)

NEWS = (
    "Parliament approved the new water law on 4 March by 402 votes to 61, after a night of debate.\n\n"
    "The law caps the price of drinking water and obliges cities to repair leaking pipes within five years.\n\n"
    "The country has argued over water prices since 1998, when the first private concessions were signed.\n\n"
    "Analysts said the caps could strain city budgets and might slow investment in new reservoirs."
)
OPED = (
    "The water law was not a victory for households but a gift to the cities that failed them.\n\n"
    "Parliament should have tied the caps to repairs that are checked every year.\n\n"
    "Without such checks, the leaks will continue and prices will rise again within a decade.\n\n"
    "We must ask why every government since 1998 has looked away."
)


def _source(text: str, written: dt.date | None = WRITTEN, sid: str = "s") -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(date=written), text=text)


def test_the_shipped_model_loads_and_knows_every_feature_the_extractor_counts() -> None:
    model = load_model()
    seen = set()
    for text in (NEWS, OPED):
        for item in source_points(_source(text), EVENT).items:
            seen |= set(item.features)
    assert seen <= set(model.weights), sorted(seen - set(model.weights))
    assert set(model.transitions) == {"paragraph", "theme", "sentence", "short"}


def test_the_shipped_transitions_encode_order_not_lengths() -> None:
    """Staying costs nothing, moving on to a later section costs less than going back: the odds say in
    which order writers move (event, context, meaning), not how long one half's sections run."""
    model = load_model()
    keys = ["what_happened", "background", "what_it_means"]
    for kind, table in model.transitions.items():
        for i, a in enumerate(keys):
            assert table[a][a] == 0.0, kind
            for j, b in enumerate(keys):
                if j > i:
                    assert table[b][a] <= table[a][b], (kind, a, b)
                    if kind != "theme":  # a theme-led paragraph opens a new part: there moving on is favoured
                        assert table[a][b] <= 0.0, (kind, a, b)
    # the bias is not the tuning half's mix of sections (mostly event reports): no section is favoured
    # by more than the odds of 3 to 1 before any evidence
    bias = model.bias
    assert max(bias.values()) - min(bias.values()) < 2.0


def test_the_model_file_round_trips() -> None:
    model = load_model()
    again = SectionModel.from_json(model.to_json({"note": "test"}))
    features = {"t_day_event": 1.0, "w_modal": 2.0, "p_rel": 0.5}
    before, after = model.log_probs(features), again.log_probs(features)
    assert all(abs(after[k] - v) < 1e-3 for k, v in before.items())  # weights are stored rounded


def test_a_news_report_leads_with_the_event_recalls_the_past_and_ends_on_analysts() -> None:
    sections = [p.section for p in extract_points(_source(NEWS), EVENT)]
    assert sections[0] == "what_happened"
    assert sections[2] == "background"  # "since 1998, when the first concessions were signed"
    assert sections[-1] == "what_it_means"  # analysts' could/might


def test_an_op_ed_opens_on_its_thesis_not_on_the_news() -> None:
    points = extract_points(_source(OPED), EVENT)
    assert points[0].section == "what_it_means"
    assert "what_happened" not in {p.section for p in points}


def test_a_long_analytical_paragraph_keeps_one_section() -> None:
    paragraph = (
        "The dispute has deep roots. In 1998 the first concessions were signed. "
        "Prices rose every year after 2005. Cities stopped repairing pipes in the 2010s. "
        "By 2020 a third of the water was lost in leaks."
    )
    sections = {
        p.section for p in extract_points(_source("The law passed on 4 March.\n\n" + paragraph), EVENT)[1:]
    }
    assert sections == {"background"}


def test_every_decision_says_why() -> None:
    for p in extract_points(_source(NEWS), EVENT):
        assert p.reason in {"time", "cue", "position"} and 0.0 < p.confidence <= 1.0
    items = source_points(_source(NEWS), EVENT).items
    assert classify(items) == classify(items)  # deterministic


def test_a_heading_beats_any_evidence_and_a_pre_event_source_reports_nothing() -> None:
    item = Item(
        features={"t_day_event": 3.0, "w_reporting": 3.0}, new_paragraph=True, scope=0, fixed="background"
    )
    assert classify([item])[0].section == "background" and classify([item])[0].reason == "heading"
    early = Item(features={"t_day_event": 3.0, "w_reporting": 3.0}, new_paragraph=True, scope=-1, fixed=None,
                 forbid_what_happened=True)  # fmt: skip
    assert classify([early])[0].section == "background"


def test_a_date_in_an_aside_is_not_the_time_of_the_sentence() -> None:
    """'The fund – first proposed in 2013 – was launched on 4 March': the event, not history."""
    ctx = Context(event_start=EVENT, source_date=WRITTEN)
    aside = time_features(
        "The fund – first proposed by island states in 2013 – was launched on 4 March.", ctx
    )
    assert aside.get("t_day_event") == 1.0 and "t_year_long_before" not in aside
    assert aside.get("c_aside_date") == 1.0
    bracket = time_features("The fund (first proposed in 2013) was launched on Monday.", ctx)
    assert "t_year_long_before" not in bracket
    plain = time_features("The fund was first proposed by island states in 2013.", ctx)
    assert plain.get("t_year_long_before") == 1.0 and "c_aside_date" not in plain


def test_a_year_a_change_is_measured_against_is_a_yardstick_not_the_sentence_s_time() -> None:
    ctx = Context(event_start=EVENT, source_date=WRITTEN)
    for measured in (
        "The gap has widened by 0.6 points compared to the previous edition of 2019.",
        "Inflation rose to 5.2%, up from 4.1% in 2019.",
        "The party won more seats than in 2018.",
    ):
        found = time_features(measured, ctx)
        assert found.get("c_record") == 1.0 and not any(k.startswith("t_year") for k in found), measured
    assert time_features("The party was founded in 2019.", ctx).get("t_year_long_before") == 1.0


def test_how_long_a_noun_has_been_what_it_is_is_an_aside_but_the_sentence_s_since_is_not() -> None:
    ctx = Context(event_start=EVENT, source_date=WRITTEN)
    noun = time_features(
        "The strike grew into a movement against the government, in power since 2009, last week.", ctx
    )
    assert "t_since" not in noun and "t_year_long_before" not in noun and noun.get("c_aside_date") == 1.0
    for own in ("The city, and since 2015, the region, has grown.", "The party has ruled since 2009."):
        assert time_features(own, ctx).get("t_since") == 1.0


def test_a_year_in_a_trailing_participle_clause_dates_a_detail_not_the_sentence() -> None:
    """'The new law sets aside 7% of posts, reserving them for veterans of the 1971 war': the year
    names whose war, not when the law did what the sentence tells."""
    ctx = Context(event_start=EVENT, source_date=WRITTEN)
    detail = time_features(
        "The new law sets aside 7% of posts, reserving them for veterans of the 1971 war.", ctx
    )
    assert "t_year_long_before" not in detail and detail.get("c_aside_date") == 1.0
    for own in (
        "The government suspended the quotas in 2018, sparking protests.",  # the main clause's year
        "Protests spread in the morning, during the 2018 elections.",  # "during" opens no clause
    ):
        assert time_features(own, ctx).get("t_year_long_before") == 1.0, own


def test_a_time_of_day_tells_the_day_s_news() -> None:
    """'By late afternoon, guards fired warning shots': history and context are not told by the hour."""
    news = [
        "By late afternoon, guards fired warning shots at the crowd.",
        "Rescuers reached the village early in the morning.",
        "The bridge collapsed overnight.",
        "The morning market has sold fish for a century.",  # a time of day names no day here
    ]
    found = [time_features(text, Context(event_start=EVENT, source_date=WRITTEN)) for text in news]
    assert ["t_rel_near" in f for f in found] == [True, True, True, False]


def test_a_paragraph_opening_on_a_theme_that_names_a_section_is_that_section() -> None:
    """'A short history of the dispute.' heads its paragraph like a heading: every point under it is
    background, whatever its own wording ('would', 'could') suggests."""
    text = (
        "Parliament approved the new water law on 4 March by 402 votes to 61.\n\n"
        "A short history of the dispute. Cities would sell their water works to private firms. "
        "Prices could then rise every year.\n\n"
        "Analysts said the caps could strain city budgets."
    )
    points = extract_points(_source(text), EVENT)
    themed = [p for p in points if "water works" in p.text or "Prices could" in p.text]
    assert themed and {p.section for p in themed} == {"background"}
    assert all(p.reason == "heading" for p in themed)


def test_an_undated_page_naming_a_weekday_reports_this_weeks_news() -> None:
    undated = Context()
    assert time_features("Dock workers walked off the job on Monday.", undated).get("t_rel_near") == 1.0
    assert "t_rel_near" not in time_features("Talks resume next Monday.", undated)
    assert "t_rel_near" not in time_features("Dock workers walked off the job in 1998.", undated)


def test_a_future_the_news_reports_is_told_apart_from_a_forecast() -> None:
    """'Under the deal, Norland will pay half, the minister said' reports the news's terms; 'Prices
    will rise' forecasts: only the first is marked as a reported future."""
    reported = cue_features("Under the deal, Norland will pay half of the costs, the minister said.")
    forecast = cue_features("Prices will rise again within a decade.")
    assert reported.get("c_reported_future") == 1.0
    assert "c_reported_future" not in forecast and forecast.get("w_will") == 1.0
    # officials' present-tense "say" reports as "said" does
    now = cue_features("Officials with the agency say insured depositors will have access to their money.")
    assert now.get("c_reported_future") == 1.0 and now.get("w_reporting") == 1.0


def test_a_paragraph_opening_on_a_theme_starts_a_new_part() -> None:
    """A verbless theme opening a paragraph ("The roots of the dispute.") is a heading in disguise: the
    chain is freer to move on there than at a plain paragraph break."""
    model = load_model()
    news = Item({"t_day_event": 1.0}, new_paragraph=True, scope=-1, fixed=None)
    themed = Item({"c_theme_lead": 1.0}, new_paragraph=True, scope=-1, fixed=None)
    plain = Item({}, new_paragraph=True, scope=-1, fixed=None)
    assert _transition_kind(news, themed, model.long_paragraph) == "theme"
    assert _transition_kind(news, plain, model.long_paragraph) == "paragraph"
    on_theme = model.transition("theme", "what_happened", "background")
    on_plain = model.transition("paragraph", "what_happened", "background")
    assert on_theme > on_plain
    # ... on by one part: from the event a theme leads to its context, not straight past it to its meaning
    skip = model.transition("theme", "what_happened", "what_it_means")
    assert skip < on_theme and skip == model.transition("paragraph", "what_happened", "what_it_means")


def test_a_country_in_capitals_is_not_a_word_it_spells() -> None:
    """'the US$792 million', 'the US and Iran': no first person; 'let us' is."""
    assert "w_first_person" not in cue_features("The fund highlighted the US$792 million allocated to it.")
    assert "w_first_person" not in cue_features("The US and Iran will hold talks.")
    assert cue_features("Let us hope that our leaders agree.")["w_first_person"] == 2.0


def test_a_capitalised_word_inside_a_sentence_is_a_name() -> None:
    """'On 3 May ... Theresa May' holds no modal verb; a quoted sentence still opens with its pronoun."""
    assert "w_modal" not in cue_features("On 3 May, the EU handed Theresa May two more weeks.")
    assert "w_will" not in cue_features("The award went to Will Hart, the union leader.")
    quoted = cue_features('He said: "We will not give up."')
    assert quoted["w_will"] == 1.0 and "w_first_person" not in quoted


def test_a_quoted_we_is_the_speaker_s_not_the_writer_s() -> None:
    """The writer's "we" marks an op-ed; a minister's quoted "we" is news of what was said, even when the
    quote began in the sentence before."""
    assert "w_first_person" not in cue_features("“We have delivered history today,” said the president.")
    assert "w_first_person" not in cue_features("We have made incremental progress,” she said.")
    assert (
        cue_features("We must ask why the leaders said “they will act” and did not.")["w_first_person"] == 1.0
    )


def test_a_present_perfect_is_a_past_not_a_present_state() -> None:
    """'have fallen', 'had grown' tell a past the word forms ('-ed', 'said') miss: not a present-tense
    sentence (which reads as context or assessment); a plain present one still is."""
    assert "g_no_past" not in cue_features("Exporters report that auction volumes have fallen by a fifth.")
    assert "g_no_past" not in cue_features("By then the debts of the city had grown beyond any plan.")
    assert cue_features("Kenya is the largest exporter of black tea in the world.")["g_no_past"] == 1.0


def test_a_present_tense_news_lead_stays_with_the_event() -> None:
    """A brief told in the present ('are on strike', 'have fallen this week') reports its news first."""
    text = (
        "Tea pickers across the highlands are on strike for a second week, demanding a 30 per cent pay "
        "rise.\n\nTalks between the union and the growers broke down on Monday. Exporters report that "
        "auction volumes have fallen by a fifth this week.\n\n"
        "The country is the largest exporter of black tea. Wages have barely changed since 2019.\n\n"
        "A long stoppage would hurt export earnings, and it could push growers to mechanise."
    )
    sections = [p.section for p in extract_points(_source(text), EVENT)]
    assert sections[:3] == ["what_happened"] * 3
    assert sections[-1] == "what_it_means"


def test_a_sentence_that_says_what_its_subject_is_defines_it() -> None:
    """'The Harbour Board is an independent body created by parliament ...': timeless present, a
    definition (context); 'created by' is a participle, not a past of the news."""
    definition = cue_features(
        "The Harbour Board is an independent body created by parliament to run the port."
    )
    assert "c_definition" in definition and "g_simple_past" not in definition
    # a subject of nine words, its acronym in brackets, still opens a definition
    long_subject = cue_features(
        "The annual review of the port charter (ARP) is a process that runs all year."
    )
    assert "c_definition" in long_subject
    for sentence in (
        "This is a blow to the government and its allies in the assembly.",  # a verdict, not a definition
        "The Harbour Board was an independent body until the council took it over.",  # told in the past
        "The council on Tuesday voted that the port is a public asset.",  # news
    ):
        assert "c_definition" not in cue_features(sentence), sentence
    model = load_model()
    probs = model.log_probs({"c_definition": 1.0})
    assert probs["background"] == max(probs.values())


def test_a_past_perfect_shifted_back_by_a_verb_of_saying_is_the_speaker_s_news() -> None:
    """'The soldiers said they had seized power': reported speech, not the writer's recall."""
    reported = cue_features("A group of officers said on television that they had seized the radio station.")
    assert "g_reported_perfect" in reported and "g_past_perfect" not in reported
    recalled = cue_features("The two parties had governed the port together for a decade.")
    assert "g_past_perfect" in recalled and "g_reported_perfect" not in recalled
    model = load_model()
    assert (
        model.weights["g_reported_perfect"]["what_happened"]
        > model.weights["g_past_perfect"]["what_happened"]
    )


def test_a_name_with_a_present_verb_and_its_object_is_no_theme() -> None:
    """'The wire quotes eyewitnesses' opens on a sentence, not a theme: a lower-case -s word between a
    name and its object is a verb; a plural noun after a name ('Trade relations in 2020') stays a theme."""
    from memogen.sections.segment import is_verbless

    assert not is_verbless("Newswire quotes eyewitness accounts of the flood")
    assert not is_verbless("Norland seeks new partners")
    assert is_verbless("Norland-Sudria relations in 2020")
    assert is_verbless("Norland's interests in the region")
    assert is_verbless("The roots of the dispute")
    text = (
        "Floods swept through the valley on 4 March, destroying 300 homes.\n\n"
        "Newswire quotes eyewitness accounts of the flood. Farmer Ana Lis said she fled her house at dawn.\n\n"
        "The floods could cost the region a year of growth, analysts said."
    )
    points = extract_points(_source(text), EVENT)
    witness = next(p for p in points if "fled her house" in p.text)
    assert "Newswire quotes" not in witness.text  # the sentence is no theme that heads its paragraph


OPENING_VIEW = (
    "The two neighbours are now leaving a long era of rivalry behind them.\n\n"
    "Both countries have come a long way, and their partnership is a significant chance for the region.\n\n"
    "Norland's prime minister arrives in Sudria today for a two-day visit.\n\n"
    "The partnership could reshape trade in the region, and both should seize it."
)
OPENING_NEWS = (
    "The two neighbours are now leaving a long era of rivalry behind them.\n\n"
    "Both countries have come a long way, and their partnership is a significant chance for the region.\n\n"
    "The partnership could reshape trade in the region, and both should seize it."
)


def test_an_op_eds_opening_view_before_its_news_is_not_the_event() -> None:
    """An opinion piece that opens on its thesis ('Both countries have come a long way') and then turns
    to the day's news: the thesis is its reading of the present, never What happened; the news is."""
    points = extract_points(_source(OPENING_VIEW), EVENT)
    by_text = {p.text.split()[1]: p.section for p in points}
    assert by_text["two"] != "what_happened" and by_text["countries"] != "what_happened"
    assert by_text["prime"] == "what_happened"


def test_an_opening_not_followed_by_dated_news_is_left_to_the_model() -> None:
    """Without a dated report after it, an undated opening may be the piece's own account of its news
    (a brief's 'What's happening' told in the present): no point is marked a view."""
    found = source_points(_source(OPENING_NEWS), EVENT)
    assert not any(it.opening_view for it in found.items)
    found = source_points(_source(OPENING_VIEW), EVENT)
    assert [it.opening_view for it in found.items] == [True, True, False, False]


def test_an_it_that_clause_after_a_connective_leans_on_nothing() -> None:
    """'Despite this, it is hoped that ...' opens on an expletive 'it': it is no pronoun that needs
    the paragraph before it."""
    from memogen.sections.segment import draft_points

    text = "Trade between them fell by half.\n\nDespite this, it is hoped that the talks will resume in May."
    assert len(draft_points(text)) == 2
    text = "Trade between them fell by half.\n\nDespite this, it fell again in May."
    assert len(draft_points(text)) == 1


def test_a_late_page_recapping_the_event_s_weekday_dates_it_at_the_event() -> None:
    """Written eight days after a Sunday flood, "on Sunday night" is that Sunday, not the one just past;
    a weekday the event's days cannot hold is still the latest one."""
    ctx = Context(event_start=dt.date(2023, 9, 10), source_date=dt.date(2023, 9, 18))
    assert "t_day_event" in time_features("The dams burst on Sunday night.", ctx)
    assert "t_day_event" not in time_features("Aid teams arrived on Saturday.", ctx)


def test_a_purpose_defined_with_is_to_is_no_plan() -> None:
    """'The main aim of the congress is to choose a leader' says what the congress is for (context);
    'The minister is to visit Delhi' and 'the goal is expected to be met' look ahead."""
    defined = cue_features("The main aim of the party congress is to choose a leader every five years.")
    assert "g_expected" not in defined
    for ahead in (
        "The minister is to visit Delhi next week.",
        "The goal of the talks is expected to be met.",
    ):
        assert "g_expected" in cue_features(ahead), ahead


def test_former_before_a_title_is_no_history() -> None:
    """'former prime minister X got 75 seats': a person's title in the day's news, not a recall of
    the past; 'traditionally' still tells history."""
    assert "w_history" not in cue_features("The party led by former prime minister Ann Lee got 75 seats.")
    assert "w_history" in cue_features("The port has traditionally been run by the council.")


def test_history_words_inside_an_aside_do_not_make_the_sentence_history() -> None:
    """'The fund – first proposed in 2013 and established under the old treaty – was adopted on
    Tuesday': the aside recalls its subject's past, the sentence tells the news."""
    aside = cue_features(
        "The port fund – first proposed in 2013 and established under the old treaty – was adopted on Tuesday."
    )
    assert "w_history" not in aside
    plain = cue_features("The port fund was established under the old treaty.")
    assert "w_history" in plain


def test_a_verbless_concession_that_weighs_the_news_is_a_verdict() -> None:
    """'Though a positive sign, the sum is a fraction of the losses': the writer weighs the news; a
    concession with a verb ('While the court ruled on Monday, ...') tells it."""
    assert "c_verdict" in cue_features("Though a positive sign, the sum is a fraction of the losses.")
    assert "c_verdict" in cue_features("While welcome, the pledge falls short of the need.")
    assert "c_verdict" not in cue_features("While the court ruled on Monday, protests went on.")
    assert "c_verdict" not in cue_features("While in the capital, the minister met the mayor.")


def test_a_paragraph_ending_on_no_stop_ends_its_sentence_in_the_point():
    from memogen.sections.segment import draft_points, render

    text = (
        "The ruling is likely to end the levy in its current form, though parts may survive in law\n\n"
        "This is the view of the analysts at the budget office in the capital."
    )
    [draft] = draft_points(text)  # "This is ..." leans on the paragraph before: one point
    assert render(text, draft) == (
        "The ruling is likely to end the levy in its current form, though parts may survive in law. "
        "This is the view of the analysts at the budget office in the capital."
    )


def test_a_past_perfect_after_a_long_reported_clause_or_a_quote_is_the_speaker_s_news() -> None:
    """'The council announced that the vote, which the mayor won narrowly, had been annulled', 'officers
    declared “every council of the city” had been dissolved': reported speech, however long the clause
    or quoted the subject between the verb of saying and 'had'."""
    for sentence in (
        "In a short statement the council announced that the March vote, which the mayor won with a "
        "narrow majority of the ballots cast, had been annulled.",
        "In a late address, a group of officers declared “every council of the city” had been dissolved.",
    ):
        features = cue_features(sentence)
        assert "g_reported_perfect" in features and "g_past_perfect" not in features, sentence
    recalled = cue_features("The council had annulled a vote once before, in a bitter dispute over the port.")
    assert "g_past_perfect" in recalled and "g_reported_perfect" not in recalled
    told_then = cue_features("He said the vote was fair. The army had ruled the port since 1990.")
    assert "g_past_perfect" in told_then  # a new sentence: the writer's recall again


def test_a_past_perfect_in_a_relative_clause_is_not_the_sentence_s_time() -> None:
    """'Booths that had seen long queues stayed open late': the relative clause tells what its noun had
    done; the sentence's time is its main verb's. A past perfect of the main clause still recalls."""
    relative = cue_features("Polling stations that had seen long queues since dawn stayed open late.")
    assert "g_relative_perfect" in relative and "g_past_perfect" not in relative
    recalled = cue_features(
        "The unrest had already delayed the vote, which the council then moved to spring."
    )
    assert "g_past_perfect" in recalled and "g_relative_perfect" not in recalled


def test_a_state_that_has_lasted_is_told_apart_from_a_passive_report() -> None:
    """'has been' + a state or an activity is the setting up to now; a passive of a regular verb reports."""
    assert "g_perfect_be" in cue_features("The threat of violence has been the main worry of voters.")
    assert "g_perfect_be" in cue_features("Farmers have been demanding cheaper fuel for months.")
    assert "g_perfect_be" not in cue_features("The vote has been postponed by a week.")
    assert "g_perfect_be" not in cue_features("The minister has resigned after the vote.")
    model = load_model()
    assert model.weights["g_perfect_be"]["background"] > model.weights["g_perfect_be"]["what_happened"]
