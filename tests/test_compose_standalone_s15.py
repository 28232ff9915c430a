"""Standalone-sentence defects found reading real topics never seen before (session 15), each fixed
by a general rule and tested on small sentences of our own."""

from __future__ import annotations

import datetime as dt

from memogen.compose.standalone import when
from memogen.compose.standalone.when import Anchor, resolve_relative

WED = Anchor(dt.date(2024, 7, 10), None)


def test_today_as_these_times_is_no_day() -> None:
    said = '"We must meet the needs of today in a changed world," the chair said on Wednesday.'
    out, ok = resolve_relative(said, WED)
    assert ok and "the needs of today in a changed world" in out
    assert "on Wednesday 10 July 2024" in out  # the day told is still dated
    assert "10 July 2024" in resolve_relative("The chair spoke today at the harbour.", WED)[0]
    assert "10 July 2024" in resolve_relative('"We made history today," the chair said.', WED)[0]


class _Weekday:
    """A weekday match as RELATIVE gives it, bare (no preposition, part of the day, number)."""

    def __init__(self, text: str, end: int) -> None:
        self.groups, self._end = {}, end

    def __getitem__(self, key: str) -> None:
        return None

    def end(self) -> int:
        return self._end


def test_a_weekday_before_an_abbreviated_month_is_no_name() -> None:
    for sentence in ("the Friday Sept. 8 vote", "the Friday Aug. 11 vote", "the Friday Sep 8 vote"):
        assert not when._in_a_name(sentence, _Weekday(sentence, len("the Friday")))
    assert when._in_a_name("the Friday Mosque", _Weekday("the Friday Mosque", len("the Friday")))


from memogen.compose.standalone import stand_alone  # noqa: E402
from memogen.model import Citation, MergedPoint, Source, SourceMetadata  # noqa: E402


def _source(text: str) -> Source:
    return Source(id="s", path="s.txt", kind="txt", metadata=SourceMetadata(), text=text)


def _point(source: Source, sentence: str) -> MergedPoint:
    start = source.text.index(sentence)
    return MergedPoint(
        id="p",
        text=sentence,
        section="what_happened",  # type: ignore[arg-type]
        citations=[Citation(source.id, sentence, start, start + len(sentence))],
    )


def test_a_quotation_whose_speaker_is_named_only_after_it_is_left_out() -> None:
    first = "“The harbour board has agreed to reopen the ferry pier to all crews from May."
    text = (
        "The mayor greeted the ferry captains with a handshake at the pier. "
        f"{first} I believe everyone here agrees with that,” Mayor Ada Brenner said at the ceremony.\n\n"
        "The pier closed in March."
    )
    src = _source(text)
    kept, dropped, _ = stand_alone([_point(src, first)], [src], None)
    assert kept == []  # never as nobody's words after the handshake
    assert any("named in the sentence after it" in str(d) for d in dropped)


from memogen.compose.standalone.shape import mend_cut_off  # noqa: E402


def test_a_cut_off_sentence_is_not_mended_into_a_broken_one() -> None:
    # the subject and its aside stand before the main verb the cut took: nothing whole is left
    assert (
        mend_cut_off(
            "The opening of the new ferry pier, announced at a hurried briefing that day, was however, tot"
        )
        is None
    )
    # a conjunction fronting a phrase for the next clause goes with that clause
    assert (
        mend_cut_off(
            "The harbour chief said the crews lit the flares near the old pier at 4:35 p.m. Monday and at 4:38, they set the cha"
        )
        == "The harbour chief said the crews lit the flares near the old pier at 4:35 p.m. Monday."
    )


def test_a_pronoun_subject_after_a_fronted_phrase_is_resolved_or_left_out() -> None:
    lean = "During the session on the harbour's future, she called for more ferry crews and a new pier."
    src = _source(f"Mayor Ada Brenner urged the board to act quickly on the ferries. {lean}")
    kept, _, _ = stand_alone([_point(src, lean)], [src], None)
    assert kept and kept[0].text.startswith("During the session on the harbour's future, Brenner called")
    lone = _source(f"The board met in the old customs hall on the quay. {lean}")
    kept, dropped, _ = stand_alone([_point(lone, lean)], [lone], None)
    assert not any(", she called" in p.text for p in kept)
    named = "When Ada Brenner reached the pier, she called for more ferry crews and a new pier."
    src = _source(f"The board met in the old customs hall on the quay. {named}")
    kept, _, _ = stand_alone([_point(src, named)], [src], None)
    assert kept and kept[0].text == named  # the phrase names her: nothing to resolve


def test_those_things_of_the_sentence_before_lean_on_it() -> None:
    lean = "The new pier will significantly boost those figures."
    src = _source(f"The harbour handles 4 million passengers and 900 ferries a year. {lean}")
    kept, _, _ = stand_alone([_point(src, lean)], [src], None)
    assert kept and kept[0].text.startswith("The harbour handles 4 million passengers")
    own = "The board will review those figures that the port published in May."
    src = _source(f"The board met in the old customs hall on the quay. {own}")
    kept, _, _ = stand_alone([_point(src, own)], [src], None)
    assert kept and kept[0].text == own  # the clause after says which figures


def test_a_stripped_time_leaves_no_double_stop() -> None:
    from memogen.compose.standalone.when import strip_relative

    out = strip_relative("The crews lit the flares near the old pier in the harbour at 4:35 p.m. Monday.")
    assert out == "The crews lit the flares near the old pier in the harbour at 4:35 p.m."


def test_a_contrast_told_after_the_subject_leans_on_the_sentence_before() -> None:
    lean = "Vellmark, on the other hand, received no date for its own ferry pier."
    src = _source(f"The harbour board gave Portvale a firm date for the new pier. {lean}")
    kept, _, _ = stand_alone([_point(src, lean)], [src], None)
    assert kept and kept[0].text.startswith("The harbour board gave Portvale")


def test_the_united_states_in_a_quotation_names_no_speaker() -> None:
    quote = "“Faced with a storm at sea, we did what we always do: The United States stepped up."
    text = f"The captain thanked the crews at the pier. “But he thought wrong,” declared Mayor Ada Brenner:\n\n{quote}\n\nMore follows."
    src = _source(text)
    kept, _, _ = stand_alone([_point(src, quote)], [src], None)
    assert kept and "declared Mayor Ada Brenner" in kept[0].text  # read with the sentence naming her
