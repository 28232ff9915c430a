"""Memo defects found reading real topics never seen before (session 14, fifth round), each fixed by
a general rule and tested on small texts of our own."""

from __future__ import annotations

from test_compose_unseen_s13b import _alone  # the memo sentences a point of a small page becomes


def test_a_quotation_spanning_two_sentences_is_never_split_from_its_speaker() -> None:
    text = (
        "The league is not happy with the ruling. “If you read it that way, the race is over for the "
        "club. That’s not how we read it,” the spokeswoman says."
    )
    kept, _ = _alone(text, text)
    assert "“If you read it that way, the race is over for the club. That’s not how we read it,” the " in (
        " ".join(kept)
    )
    assert not any(k.startswith(("“That’s", "That’s")) or k.endswith("club.”") for k in kept)


def test_an_adjective_before_the_office_noun_names_no_office_holder() -> None:
    text = (
        "Ada Brenner had big news on Wednesday, with the Harbour Bank Chairman announcing the first cut in years. "
        "The harbour loans rate, also known as the base rate, was reduced by half a point to four percent."
    )
    people_text = "Harbour Bank Chairman Ada Brenner spoke to reporters. " + text
    kept, _ = _alone(
        people_text,
        "The harbour loans rate, also known as the base rate, was reduced by half a point to four percent.",
    )
    assert kept and all(not k.startswith("Brenner") for k in kept)


def test_a_cut_off_sentence_is_not_mended_to_its_leading_subordinate_clause() -> None:
    from memogen.compose.standalone.shape import mend_cut_off

    assert (
        mend_cut_off(
            "When asked at a rally in the northern port about the harbour tax cut, the mayor said it sh"
        )
        is None
    )
    assert mend_cut_off(
        "The mayor said the harbour tax would rise in spring, and the ferry fares would ri"
    ) == ("The mayor said the harbour tax would rise in spring.")


def test_a_relative_clause_left_without_its_time_goes() -> None:
    from memogen.compose.standalone.when import strip_relative

    out = strip_relative(
        "The ruling ends a long legal fight that began nearly a year ago. The court fined the port authority."
    )
    assert out == "The court fined the port authority."
    assert strip_relative("The strike ended on Tuesday after the dockers accepted the new pay offer.") == (
        "The strike ended after the dockers accepted the new pay offer."
    )


def test_a_quotation_left_open_is_not_closed_by_the_next_paragraphs_mark() -> None:
    text = (
        "The minister said it was “the first time in the history of the port.\n\n"
        "“This is proof that we deliver on our promises to the town. We will deliver again next year,” "
        "the minister said."
    )
    para = text.split("\n\n")[1]
    kept, _ = _alone(text, para)
    assert not any("history of the port" in k for k in kept)


def _point(pid: str, text: str, source: str, at: int):
    from memogen.model import Citation, MergedPoint

    return MergedPoint(pid, text, "what_happened", [Citation(source, text, at, at + len(text))])


def test_a_summary_leads_recap_of_the_outcome_does_not_come_before_the_steps() -> None:
    import datetime as dt

    from memogen.compose import event_order
    from memogen.model import Source, SourceMetadata

    lead = "On 5 March the mayor closed the harbour in a televised address, then reopened it hours later."
    recap = "Councillors voted against the closure, prompting the mayor to reopen it."
    summary_text = f"{lead} {recap}\n\nThe closure surprised the town."
    day = dt.date(2024, 3, 5)
    summary = Source("sum", "s.txt", "txt", SourceMetadata(date=day), summary_text)
    wire = Source("wire", "w.txt", "txt", SourceMetadata(date=dt.date(2024, 3, 6)), "")
    points = [
        _point("lead", lead, "sum", 0),
        _point("recap", recap, "sum", len(lead) + 1),
        _point("close", "On 5 March the mayor closed the harbour to all ships.", "wire", 0),
        _point("guard", "Guards blocked the quay gates with trucks.", "wire", 100),
        _point("vote", "Councillors met at midnight and voted to lift the order.", "wire", 200),
    ]
    ordered = [p.id for p in event_order(points, [summary, wire], day)]
    assert ordered.index("recap") > ordered.index("vote")
    assert ordered.index("lead") < ordered.index("guard")


def test_a_date_closing_a_subject_names_its_things_day() -> None:
    from memogen.compose.order import told_date

    assert (
        told_date("The toll from a fire in a harbour depot on 3 May has risen to 40, officials said.", 2024)
        is None
    )
    assert str(told_date("The council on 3 May has approved the new harbour budget.", 2024)) == "2024-05-03"
    assert str(told_date("The fire broke out in a harbour depot on 3 May.", 2024)) == "2024-05-03"


def test_an_early_report_cited_in_a_later_merged_point_keeps_its_own_time() -> None:
    import datetime as dt

    from memogen.compose import event_order
    from memogen.model import Citation, MergedPoint, Source, SourceMetadata

    day = dt.date(2024, 5, 3)
    wire = Source("wire", "w.txt", "txt", SourceMetadata(date=dt.date(2024, 5, 4)), "")
    early = Source("early", "e.txt", "txt", SourceMetadata(), "")
    from memogen.model import Conflict

    merged = MergedPoint(
        "ruin",
        "The depot was a smouldering ruin on 4 May as the toll passed 40.",
        "what_happened",
        [
            Citation("wire", "The depot was a smouldering ruin on 4 May as the toll passed 40.", 0, 60),
            Citation("early", "A fire has swept a harbour depot, killing at least 12 people.", 0, 60),
        ],
        conflicts=[Conflict("number", "Sources differ: one reports 12; another reports 40.")],
    )
    points = [
        _point("start", "On 3 May a fire broke out in the harbour depot at dusk.", "wire", 100),
        merged,
        _point("first", "Crews have fought the blaze through the night, officials say.", "early", 100),
        _point("later", "On 4 May the port reopened its northern quay to ships.", "wire", 300),
    ]
    ordered = [p.id for p in event_order(points, [wire, early], day)]
    assert ordered.index("first") < ordered.index("ruin")


def test_a_headline_style_line_at_the_pages_top_is_no_statement() -> None:
    from memogen.compose.standalone.shape import headlinese

    text = (
        "Harbour depot fire kills dozens, toll rises. Police arrest two guards trying to flee by boat, depot owner denies any blame.\n\n"
        "A fire swept the harbour depot on Friday, killing at least 40 people, the police said."
    )
    kept, dropped = _alone(
        text, "Police arrest two guards trying to flee by boat, depot owner denies any blame."
    )
    assert kept == [] and "headline-style" in dropped[0]
    assert not headlinese("Police said the guards arrested 11 people in Harbourton.")
    assert not headlinese("Crews have fought the blaze through the night.")


def test_a_prompt_to_the_reader_is_no_statement() -> None:
    text = "Our coverage of the harbour fire has ended. Read the main points here or read through the posts below."
    kept, dropped = _alone(text, "Read the main points here or read through the posts below.")
    assert kept == [] and "teaser" in dropped[0]
    kept, _ = _alone(
        "The port reopened. See the harbour master's statement for the new rules of the quay.",
        "See the harbour master's statement for the new rules of the quay.",
    )
    assert kept


def test_a_lists_bullet_does_not_come_with_the_sentence_leaned_on() -> None:
    text = "• In a shift for the harbour, the port cut its fees by half on Monday.\n\n• It is the first cut in four years for the ships that use the quay."
    kept, _ = _alone(text, "• It is the first cut in four years for the ships that use the quay.")
    assert kept and not any("•" in k for k in kept)


def test_the_pair_is_read_with_the_sentence_naming_them() -> None:
    text = (
        "Governor Ada Brenner and her deputy Tal Veda died when their boat sank in the bay on Sunday. "
        "The pair were sailing in a three-boat convoy when their boat ran into fog."
    )
    kept, dropped = _alone(text, "The pair were sailing in a three-boat convoy when their boat ran into fog.")
    assert (kept and "Brenner" in kept[0]) or (kept == [] and dropped)
