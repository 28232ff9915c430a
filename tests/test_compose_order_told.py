"""What happened from undated pages: ordered by the time each sentence tells, not by file."""

from __future__ import annotations

import datetime as dt

from memogen.compose import event_order
from memogen.model import Citation, MergedPoint, Source, SourceMetadata

START = dt.date(2031, 5, 10)  # a Saturday


def _page(sid: str, text: str) -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(), text=text)


def _told(pid: str, source: Source, sentence: str, shown: str | None = None) -> MergedPoint:
    """A point citing `sentence` of `source`; `shown` is its memo text (a weekday the composer cut)."""
    at = source.text.index(sentence)
    return MergedPoint(
        id=pid,
        text=shown or sentence,
        section="what_happened",
        citations=[Citation(source.id, sentence, at, at + len(sentence))],
    )


def test_undated_pages_are_ordered_by_the_days_and_the_close_they_tell() -> None:
    first = _page(
        "a", "At the closing ceremony, the chair passed to Kelmar. The forum ended on Sunday with a pact."
    )
    second = _page("b", "The pact drew praise from the council. Leaders met on Saturday to open the forum.")
    third = _page("c", "On the first day of the forum, the members admitted Ostrava.")
    closing = _told("close", first, "At the closing ceremony, the chair passed to Kelmar.")
    ended = _told("ended", first, "The forum ended on Sunday with a pact.", "The forum ended with a pact.")
    praise = _told("praise", second, "The pact drew praise from the council.")
    opened = _told(
        "open", second, "Leaders met on Saturday to open the forum.", "Leaders met to open the forum."
    )
    admitted = _told("admit", third, "On the first day of the forum, the members admitted Ostrava.")
    ordered = event_order([closing, ended, praise, opened, admitted], [first, second, third], START)
    # Saturday's and the first day's before Sunday's close (told in its page's order); a sentence that
    # tells no time follows the first day's dated narrative, not its file's place
    assert [p.id for p in ordered] == ["open", "admit", "praise", "close", "ended"]


def test_a_weekday_that_names_a_thing_or_a_day_before_the_news_is_not_read_back() -> None:
    """'the Imam of Friday Prayer' dates nothing; a Sunday an undated report names is the one after a
    Wednesday's news, not the Sunday before it."""
    wednesday = dt.date(2031, 5, 7)
    page = _page(
        "a",
        "The guard seized the palace. The convoy carried the Imam of Friday Prayer. "
        "Regional leaders met on Sunday and set a deadline.",
    )
    seized = _told("seized", page, "The guard seized the palace.")
    convoy = _told("convoy", page, "The convoy carried the Imam of Friday Prayer.")
    summit = _told("summit", page, "Regional leaders met on Sunday and set a deadline.")
    ordered = event_order([summit, convoy, seized], [page], wednesday)
    assert [p.id for p in ordered] == ["seized", "convoy", "summit"]


def test_a_dated_page_keeps_its_own_narrative() -> None:
    """A page that shows its date is read as before: the weekday reading is for undated pages only."""
    dated = Source(
        id="d",
        path="d.txt",
        kind="txt",
        metadata=SourceMetadata(date=START),
        text="The forum ended with a pact. Leaders met at the closing ceremony.",
    )
    ended = _told("ended", dated, "The forum ended with a pact.")
    met = _told("met", dated, "Leaders met at the closing ceremony.")
    assert [p.id for p in event_order([met, ended], [dated], START)] == ["ended", "met"]
