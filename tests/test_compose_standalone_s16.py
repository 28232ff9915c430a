"""Standalone-sentence defects found reading real topics never seen before (session 16), each fixed
by a general rule and tested on small sentences of our own."""

from __future__ import annotations

import datetime as dt

from memogen.compose.standalone import stand_alone
from memogen.compose.standalone.when import Anchor, resolve_relative
from memogen.model import Source, SourceMetadata
from test_compose_standalone_s15 import _point, _source  # a small page and one point of it


def test_a_quotation_after_a_sentence_whose_named_subject_speaks_is_read_with_it() -> None:
    lead = "The Federation of Harbour Towns, a league of small ports, could not hide its dismay."
    quote = "“The deal we needed has not been struck."
    text = (
        f"The talks ended at dawn. {lead}\n\n{quote} We got words, not ships,” said Ada Brenner, its chair.\n"
    )
    src = _source(text)
    kept, _, _ = stand_alone([_point(src, quote)], [src], None)
    assert kept and kept[0].text.startswith("The Federation of Harbour Towns")


def test_a_capitalised_speaker_verb_is_a_word_of_a_name() -> None:
    # 'States' in a name ('Harbour States') is no 'states': the sentence names no speaker, and a
    # quotation after it whose speaker the next sentence names is left out, not read with it
    lead = "Fishing crews from the Harbour States marched again."
    quote = "“The deal we needed has not been struck."
    text = f"{lead}\n\n{quote} We got words, not ships,” said Ada Brenner, the chair.\n"
    src = _source(text)
    kept, dropped, _ = stand_alone([_point(src, quote)], [src], None)
    assert not kept and "named in the sentence after" in dropped[0].reason
    lead = "The Union of Harbour States met again."
    src = _source(f"{lead}\n\n{quote} We got words, not ships,” said Ada Brenner, the chair.\n")
    kept, _, _ = stand_alone([_point(src, quote)], [src], None)
    assert kept and kept[0].text.startswith(lead)  # a named subject, not the verb, says whose words


SUN = Anchor(dt.date(2024, 3, 17), None)


def test_a_day_inside_a_quotation_is_dated_in_brackets_not_rewritten() -> None:
    out, ok = resolve_relative('"The port today agreed to buy its rival," the harbour board said.', SUN)
    assert ok and out.startswith('"The port today [17 March 2024] agreed')
    out, _ = resolve_relative('"Today I am proud of this town.', SUN)
    assert out.startswith('"Today [17 March 2024] I am proud')
    out, _ = resolve_relative("The port said today it would buy its rival.", SUN)
    assert "on 17 March 2024" in out  # outside a quotation the time is rewritten as before


def test_a_span_or_a_glossed_day_in_a_quotation_stays_as_said() -> None:
    said = '"It began last week," the mayor said.'
    assert resolve_relative(said, SUN)[0] == said
    glossed = "“We know what happened today [Saturday].”"
    assert resolve_relative(glossed, SUN)[0] == glossed


def test_a_verbless_tail_a_page_broke_off_after_a_stop_goes() -> None:
    from memogen.compose.standalone.shape import without_verbless_tail

    broken = (
        "The valve had failed, a county official told the Courier. and a port spokesperson. The zone remains."
    )
    assert (
        without_verbless_tail(broken)
        == "The valve had failed, a county official told the Courier. The zone remains."
    )
    whole = "The valve had failed. and then the crews came back."  # a clause with its verb stays
    assert without_verbless_tail(whole) == whole


def test_a_weekdays_possessive_cut_keeps_the_preposition_before_it() -> None:
    from memogen.compose.standalone.when import strip_relative

    out = strip_relative(
        "The union holds most of the ballot papers from Sunday's vote at the harbour, its chair said."
    )
    assert out == "The union holds most of the ballot papers from the vote at the harbour, its chair said."


def test_a_pronoun_subject_after_a_bare_adverb_of_sequence_leans_on_the_sentence_before() -> None:
    lead = "The harbour board said after midnight that the ferry line had won the tender."
    later = "Later it named the line the port's operator for 2025 to 2031, adding it had won most bids."
    src = _source(f"The vote closed at ten. {lead} {later}\n")
    kept, _, _ = stand_alone([_point(src, later)], [src], None)
    assert kept and kept[0].text.startswith(lead)  # read with the sentence that says what 'it' is


def test_a_profile_under_a_who_is_heading_is_no_background() -> None:
    ruling = "Judge Ada Brenner ruled that the ferry line held an unlawful monopoly on the harbour routes."
    profile = (
        "Born in Portvale, Ada Brenner studied law at Norland University before joining the bench in 2014."
    )
    text = f"{ruling}\n\nWho is Ada Brenner?\n\n{profile}\n"
    src = Source(
        id="s",
        path="s.txt",
        kind="txt",
        metadata=SourceMetadata(),
        text=text,
        headings=[(text.index("Who is"), "Who is Ada Brenner?")],
    )
    kept, dropped, _ = stand_alone([_point(src, ruling), _point(src, profile)], [src], None)
    assert [p.text for p in kept] == [ruling]
    assert "profile" in dropped[0].reason


def test_a_kicker_naming_a_series_and_its_year_leaves_the_sentence() -> None:
    from memogen.compose.standalone.shape import strip_label

    text = "Harbour Summit 2023: The port union won a seat on the board on the summit's first day."
    assert strip_label(text) == "The port union won a seat on the board on the summit's first day."
    kept = "Harbour Summit 2023: the ports"  # no sentence after it: nothing to strip the label from
    assert strip_label(kept) == kept


def test_a_name_only_inside_the_quotation_before_is_not_the_speaker() -> None:
    lead = '"We won every district," Ada Brenner stated firmly.'
    quote = '"Even the ward of Mayor Tomas Ferrol voted for our plan. The people have spoken clearly for it," she added.'
    src = _source(f"Mayor Tomas Ferrol conceded at dawn.\n\n{lead} {quote}\n")
    kept, _, _ = stand_alone([_point(src, quote)], [src], None)
    assert not any("Ferrol added" in p.text for p in kept)  # 'she' was never the mayor the quote names


def test_a_sentence_leaned_on_loses_its_own_connective() -> None:
    lead = "But the harbour board did not link the fee to the new ferry timetable at all."
    lean = "The vote comes after the port union rejected a first plan on the same morning."
    src = _source(f"The board met at noon. {lead} {lean}\n")
    kept, _, _ = stand_alone([_point(src, lean)], [src], None)
    assert kept and kept[0].text.startswith("The harbour board did not link")


def test_a_weekday_s_part_of_the_day_keeps_the_bound_before_it() -> None:
    from memogen.compose.standalone.when import Anchor, resolve_relative

    mon = Anchor(dt.date(2031, 3, 24))  # the vote's day
    text = "The sponsors asked late on Friday for a delay until Monday morning."
    assert "for a delay until the morning of Monday 24 March 2031" in resolve_relative(text, mon)[0]
    assert (
        "on the morning of Monday 24 March 2031"
        in resolve_relative("The vote was held Monday morning.", mon)[0]
    )


def test_a_fact_whose_chosen_sentence_breaks_off_is_told_in_another_source_s_sentence() -> None:
    from memogen.compose.standalone import stand_alone
    from memogen.model import Citation, MergedPoint, Source, SourceMetadata

    broken = (
        "Council members of the Assembly argued over the wording of the draft late into the night as the\n"
        "The Assembly passed a truce resolution after the long debate."
    )
    whole = "The Assembly of Norvia passed a truce resolution after Kestria abstained in the vote."
    sources = [
        Source(id="a", path="a.txt", kind="txt", metadata=SourceMetadata(), text=broken),
        Source(id="b", path="b.txt", kind="txt", metadata=SourceMetadata(), text=whole),
    ]
    at = broken.index("The Assembly")
    cites = [
        Citation("a", broken[at:], at, len(broken), 1.0),
        Citation("b", whole, 0, len(whole), 0.6),
    ]
    point = MergedPoint(id="p1", text=broken[at:], section="what_happened", citations=cites)
    kept, dropped, _ = stand_alone([point], sources, dt.date(2031, 3, 24))
    assert [p.text for p in kept] == [whole] and [c.source_id for c in kept[0].citations] == ["b", "a"]
    weak = [cites[0], Citation("b", whole, 0, len(whole), 0.2)]
    kept, dropped, _ = stand_alone([MergedPoint("p1", broken[at:], "what_happened", weak)], sources, None)
    assert kept == [] and "breaks off" in dropped[0].reason
