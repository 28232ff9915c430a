"""Event inference, session 16: pages that open "on Monday" and recall an older day they name
without its year (own texts, modelled on the shape of a UN vote reported months after the attack
it recalls)."""

from __future__ import annotations

import datetime as dt

from memogen.model import Source, SourceMetadata
from memogen.sections import infer_event
from memogen.sections.event import _names_an_event, source_reports


def _source(sid: str, text: str, date: dt.date | None = None) -> Source:
    return Source(id=sid, path=f"{sid}.txt", kind="txt", metadata=SourceMetadata(date=date), text=text)


def _pages() -> list[Source]:
    dated = _source(
        "a",
        "The Assembly of Norvia approved a truce resolution on Monday afternoon. Twelve members voted for it.",
        dt.date(2031, 3, 24),
    )
    undated = [
        _source(
            "b",
            "The Assembly of Norvia on Monday passed a truce resolution. It demanded that the militia free the "
            "hostages seized on October 9. Delegates cheered the vote.",
        ),
        _source(
            "c",
            "Delegates adopted the resolution on Monday after Kestria abstained. The resolution also demanded the "
            "release of all captives seized during the militia's raid on October 9.",
        ),
        _source(
            "d",
            "It adopted the text on Monday. Kestria had vetoed earlier drafts and had backed its ally after the "
            "militia stormed the border towns on October 9, killing hundreds.",
        ),
    ]
    return [dated, *undated]


def test_an_undated_page_s_day_without_a_year_is_not_after_every_dated_page() -> None:
    # "October 9" on an undated page beside a page written in March 2031 is October 2030, not next October
    pages = _pages()
    latest = dt.date(2031, 3, 24)
    days = {r.day for r in source_reports(pages[3], 2031, latest=latest)}
    assert dt.date(2030, 10, 9) in days
    assert dt.date(2031, 10, 9) not in days


def test_pages_opening_on_monday_report_monday_not_the_older_day_they_recall() -> None:
    event = infer_event(_pages())
    assert event is not None
    assert event.start == dt.date(2031, 3, 24)  # a Monday; 9 October 2030 was a Wednesday
    assert any("Monday the undated pages" in why for why in event.why)


def test_a_follow_up_days_later_on_the_leads_weekday_does_not_replace_the_event() -> None:
    # a Friday's derailment, reported by undated pages as Monday's evacuation: the event stays Friday
    pages = [
        _source(
            "a",
            "A freight train derailed near Olden on 3 February 2023. Crews fought the fire for days.",
            None,
        ),
        _source("b", "Officials on Monday evacuated Olden after the train derailed on February 3.", None),
        _source(
            "c",
            "On Monday crews burned the tank cars' contents. The train derailed on February 3 at night.",
            None,
        ),
        _source("d", "Residents fled on Monday. The derailment on February 3 had set wagons ablaze.", None),
    ]
    event = infer_event(pages)
    assert event is not None and event.start == dt.date(2023, 2, 3)


def test_a_day_written_before_a_noun_names_a_recalled_event() -> None:
    text = "Kestria retaliated for an Oct. 9 raid, and Hamar recalled the October 9 attacks."
    assert _names_an_event(text, text.index("Oct."), text.index("Oct.") + 6)
    said = "The council voted on 25 March and adjourned."
    assert not _names_an_event(said, said.index("25"), said.index("25") + 8)


def test_a_crawl_date_months_before_the_day_named_puts_it_in_the_year_before() -> None:
    # one page crawled 1 March 2031 tells of a summit "which opened on 14 September": that was 2030
    crawled = _source(
        "a", "Leaders met at the harbour summit, which opened on 14 September.", dt.date(2031, 3, 1)
    )
    others = [
        _source("b", "The council admitted the island league as a member on Saturday, officials said.", None),
        _source(
            "c", "The summit adopted its declaration on the first day, 14 September, diplomats said.", None
        ),
    ]
    event = infer_event([crawled, *others])
    assert event is not None and event.start == dt.date(2030, 9, 14)
