"""Placement: points the extractor filed outside What happened that the evidence shows are the event's news.

The extractor labels one sentence of one page; the composer sees more. Two kinds of evidence it has:

- a count the sources dispute, or report as it moved over time ("67 seats" on Friday, "75" on Monday), is
  a running tally of the event itself: settled history is not re-counted from report to report, so such a
  point reports what happened, whatever its sentence looked like to the extractor;
- a What-it-means or Background label the extractor was unsure of, on a plain report told in the past
  ("the order was passed by a bench ...", "police issued a warning ...") with no cue of assessment (no
  modal or future, no evaluative word, no quotation, no verdict or conclusion ("made it clear that"), no
  present-tense state, no standing arrangement counted: "There were 60 seats reserved ...") and
  none of recall (no past perfect, no word of history, no year before the event's; for a Background
  label, no time but the event's: "since June", "last year", "on 5 June"), is a report of the
  event: analysis speaks in those cues, history names its time, a report does neither.  Such labels
  are unsure mostly because of where the sentence stands: late in a news report, its position says
  "context" or "assessment" though its words report the event;
- a What-it-means label on a sentence dated at the event's own day, with no cue of assessment, however
  sure: its day says it reports the event.

The other way, fewer points leave What happened: a judgement of what comes next goes to What it means,
and a standing state told wholly in the present, unsure, to Background (`states_the_setting`); an empty
Background or What it means is filled from what the sources give (a definition; a view voiced).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from ..merge import extract_quantities
from ..merge.lexicon import STOP
from ..merge.quantities import planned
from ..model import Conflict, MergedPoint
from ..sections.features import PAST_FORMS, Context, cue_features, quoted_wording, time_features
from ..wordlists import QUOTED_SPAN
from .order import first_sentence, point_date
from .salience import Salience

UNSURE_LABEL = 0.5  # below this extractor confidence, a What-it-means label is a guess
# below this, a What-it-means or Background label on a plain past report (no cue of assessment or of
# recall) is a guess: such a label leans on the sentence's place late in its report, which moves the
# extractor's odds a little, while its words say "report" ("the tremors were felt in ...", "police fired
# tear gas ..."); a label the extractor holds more firmly has words behind it
UNSURE_REPORT = 0.65
# cues of analysis, opinion or a standing state: any one keeps a point where the extractor put it
_ASSESSMENT_CUES = frozenset(
    [
        "w_will",
        "w_modal",
        "w_eval",
        "w_first_person",
        "w_present_be",
        "w_contrast",
        "c_quote",
        "c_verdict",
        "c_conclusion",
        "c_question",
        "g_no_past",
    ]
)
_RECALL_CUES = frozenset(["g_past_perfect", "w_history"])


# "the verdict made it clear that ...": the writer's reading of what a fact shows, as "it is clear that"
_MADE_CLEAR = re.compile(r"\b(?:made|makes|make|making) it (?:clear|evident|obvious|plain) that\b")
# "There were 60 seats reserved for women": a standing arrangement counted, not an action reported
_EXISTENTIAL = re.compile(r"^There (?:is|are|was|were)\b")


def assessment_cues(text: str) -> set[str]:
    """The cues of assessment the sentence carries; a short quoted phrase inside a report ("the fund
    for countries “on the frontline of the climate crisis”") is its wording, not a voiced view."""
    cues = set(_ASSESSMENT_CUES.intersection(cue_features(text)))
    if "c_quote" in cues and quoted_wording(text):
        cues.discard("c_quote")
    if _MADE_CLEAR.search(text):
        cues.add("c_verdict")
    return cues


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_REPORT_TENSES = frozenset(["g_simple_past", "g_present_perfect"])
# a time other than the event's: "since June", "last year", "in 2019", "on 5 June" (the event in July)
_BEFORE = frozenset(
    [
        "t_since",
        "t_day_recent",
        "t_rel_past",
        "t_day_before",
        "t_month_before",
        "t_year_before",
        "t_year_long_before",
        "t_decade_before",
    ]
)
_UNSURE_MOVES = frozenset(["what_it_means", "background"])


# a count, or a share ("64.27 percent" against "65%" of the vote): what sources dispute from report to
# report is the event's own result; settled history is not re-counted
_TALLY_KINDS = frozenset(["number", "percent"])


def tallies_the_event(point: MergedPoint) -> bool:
    """The point carries a count or share that sources dispute or report as it moved: the event's own
    tally. Figures that fit together ("half of the world's population" / "more than 40%") are no
    dispute: a standing share every source agrees on is the setting's, not a result re-counted; and
    of a plan and its outcome ("24 documents expected", "25 adopted") only the outcome is the
    event's: the point giving the plan's figure tells what was expected before it."""
    return any(
        c.kind in _TALLY_KINDS and c.change != "agree" and not _tells_the_plan(point, c)
        for c in point.conflicts
    )


def _tells_the_plan(point: MergedPoint, conflict: Conflict) -> bool:
    """The point gives the conflict's figures only as a plan or forecast ("is expected to adopt 24
    documents"): their own clause speaks of what is to come."""
    values = {v.value for v in conflict.values}
    told = [q for q in extract_quantities(point.text) if q.display in values]
    return bool(told) and all(planned(q) for q in told)


# "The summit is in full swing in Astana", "rescue efforts are under way": the event told as it runs
_IN_PROGRESS = re.compile(
    r"\b(?:(?:is|are)\s+(?:now\s+)?(?:in\s+full\s+swing|under\s?way|being\s+held|taking\s+place))\b",
    re.IGNORECASE,
)


def reports_in_progress(point: MergedPoint, event: dt.date) -> bool:
    """A Background or What-it-means label on a point whose first sentence tells something as running
    now ("The 24th summit is in full swing in Astana, ..."), recalling no earlier time: what is under
    way as the report is written is its news, not the setting before it nor a view of it."""
    if point.section == "what_happened":
        return False
    first = first_sentence(point.text)
    if not _IN_PROGRESS.search(first) or recalls_the_past(first, event):
        return False
    cues = cue_features(first)
    if _RECALL_CUES.intersection(cues) or _VIEW_CUES.intersection(cues):
        return False
    return not _BEFORE.intersection(time_features(first, Context(event_start=event)))


# "since 2020": a span that runs up to the report, not a time gone by
_SINCE_YEAR = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE)


def recalls_the_past(text: str, event: dt.date, spans_to_now: bool = True) -> bool:
    """The sentence names a year before the event's: it tells history, however plainly.  With
    `spans_to_now` false, a year only opening a span to now ("seized power in five countries since
    2020") is no recall: the span reaches the event."""
    if not spans_to_now:
        text = _SINCE_YEAR.sub("since", text)
    return any(int(y) < event.year for y in _YEAR.findall(text))


def plain_report(point: MergedPoint, event: dt.date) -> bool:
    """An unsure What-it-means or Background label on a sentence told as a report, with no cue of
    assessment or of recall."""
    if point.section not in _UNSURE_MOVES or point.confidence >= UNSURE_REPORT:
        return False
    if _EXISTENTIAL.match(point.text):
        return False
    cues = cue_features(point.text)
    if assessment_cues(point.text) or _RECALL_CUES.intersection(cues):
        return False
    if point.section == "background" and _BEFORE.intersection(
        time_features(point.text, Context(event_start=event))
    ):
        return False
    return bool(_REPORT_TENSES.intersection(cues)) and not recalls_the_past(point.text, event)


def dated_report(point: MergedPoint, event: dt.date) -> bool:
    """A What-it-means label on a sentence that dates what it tells at the event's own day, with no cue
    of assessment ("the earthquake occurred at 23:11 on 8 September"): late in a report, its place
    made it look like assessment; its day says it is the event, however sure the extractor was."""
    if point.section != "what_it_means" or assessment_cues(point.text):
        return False
    return "t_day_event" in time_features(point.text, Context(event_start=event))


_JUDGEMENT_CUES = frozenset(["c_analysts", "c_verdict"])  # someone judges: "experts believe", "This means"
_AHEAD_CUES = frozenset(["w_will", "w_modal", "g_expected"])
# "rescuers assume the toll will be higher", "officials fear it could spread": a belief about what comes,
# held now by someone - a forecast, as an analyst's is, whoever holds it ("it was assumed that ... would"
# tells a past hope, not a forecast)
_BELIEF = re.compile(
    r"\b(?:assumes?|believes?|fears?|predicts?|anticipates?|expects?)\s+(?:that\s+)?(?!to\b)\w+",
    re.IGNORECASE,
)


def judges_what_comes(point: MergedPoint, event: dt.date) -> bool:
    """A What-happened label on a sentence that gives a judgement of what comes next ("experts believe
    the steps will likely prevent contagion", "This could ...") and is not dated at the event: a
    forecast is what the event means, wherever it stood in its report (news paragraphs run on into
    assessment, and the extractor keeps a paragraph together).  The terms the news reports ("Ukraine
    will contribute half, the deal says") are no judgement, nor is a report that only expects more
    ("the toll is likely to rise"), nor a tally the sources dispute."""
    if point.section != "what_happened" or tallies_the_event(point):
        return False
    cues = cue_features(point.text)
    voiced = "c_quote" in cues and not quoted_wording(point.text)  # "“There could be damage,” says a source"
    judged = _JUDGEMENT_CUES.intersection(cues) or voiced or _BELIEF.search(point.text)
    if not (judged and _AHEAD_CUES.intersection(cues)):
        return False
    if "c_reported_future" in cues or "c_news_future" in cues:
        return False
    return "t_day_event" not in time_features(point.text, Context(event_start=event))


# "the dynasty's rule appears to be over", "the coup seems to follow the same script": the writer's reading
_HEDGED = re.compile(r"\b(?:appears|seems|appear|seem)\s+to\b", re.IGNORECASE)


def hedges_a_verdict(point: MergedPoint, event: dt.date) -> bool:
    """A What-happened label on a sentence whose claim the writer hedges in the present ("appears to be
    over", "seems to have a similar script"): what something seems to be now is a reading of the
    event, not a report of it; a hedge within a quotation ("the panel noted the acts “appear to be
    capable of ...”") is the speaker's finding, reported, as is a sentence dated at the event's day,
    or a tally the sources dispute."""
    own_words = QUOTED_SPAN.sub(" ", point.text)
    if point.section != "what_happened" or tallies_the_event(point) or not _HEDGED.search(own_words):
        return False
    return "t_day_event" not in time_features(point.text, Context(event_start=event))


def verdict_on_a_party(point: MergedPoint, event: dt.date) -> bool:
    """An unsure What-happened label on a point whose first sentence is a verdict aimed at a party
    ("The expansion of the group is a diplomatic victory for Modi, ..."): what the news does to
    someone is what it means, however near the reports the sentence stood; a tally the sources
    dispute, or a sentence dated at the event, reports."""
    if point.section != "what_happened" or point.confidence >= UNSURE_LABEL or tallies_the_event(point):
        return False
    first = first_sentence(point.text)
    if "w_eval" not in cue_features(first) or not _EFFECT_ON.search(first):
        return False
    return "t_day_event" not in time_features(first, Context(event_start=event))


def voiced_before(point: MergedPoint, event: dt.date) -> bool:
    """A What-happened label on what someone said on a day before the event's first ("shared his
    goals in a speech on Thursday (Jan. 11)", the vote on the 13th): a statement made in the run-up
    is the setting the event came in, not news of it; a toll or a tally is the event's, whatever day."""
    if point.section != "what_happened" or point.conflicts or tallies_the_event(point):
        return False
    cues = cue_features(point.text)
    if "w_reporting" not in cues or "w_casualty" in cues:
        return False
    day = point_date(point.text, event.year)
    return day is not None and day < event


# "Russia immediately dispatched ... to join rescue operations", "After the crash site was located, ...":
# an action told as following at once, or after something done, is the event's aftermath
_SEQUEL = re.compile(
    r"(?<!not )\bimmediately\b|^(?:Shortly\s+)?(?:After|Following)\s+(?![^,]*\b(?:years|decades|centuries|generations)\b)",
    re.IGNORECASE,
)


def follows_the_event(point: MergedPoint, event: dt.date) -> bool:
    """The sentence tells, in the past, an action that followed at once or came after another
    ("immediately dispatched", "After the location of the crash was detected, ...") and names no
    earlier time: the event's own aftermath, not its setting."""
    if not _SEQUEL.search(point.text):
        return False
    cues = cue_features(point.text)
    if "g_simple_past" not in cues or _RECALL_CUES.intersection(cues) or recalls_the_past(point.text, event):
        return False
    return not _BEFORE.intersection(time_features(point.text, Context(event_start=event)))


def sequel_report(point: MergedPoint, event: dt.date) -> bool:
    """An unsure What-it-means or Background label on the event's aftermath (`follows_the_event`) with
    no cue of a view (no modal or future, no analyst, verdict or voiced quotation): what was done next
    is news of the event, though a word of judgement ("the situation was seen as critical") and its
    place late in a report made it look like assessment."""
    if point.section not in _UNSURE_MOVES or point.confidence >= UNSURE_LABEL or point.conflicts:
        return False
    cues = cue_features(point.text)
    if _AHEAD_VIEW_CUES.intersection(cues) or ("c_quote" in cues and not quoted_wording(point.text)):
        return False
    return follows_the_event(point, event)


def place_event_reports(points: list[MergedPoint], event: dt.date) -> None:
    """Moves to What happened the points the evidence above shows are reports of the event, and out
    of it the judgements of what comes next (`judges_what_comes`)."""
    for p in points:
        if p.section != "what_happened" and (
            tallies_the_event(p)
            or plain_report(p, event)
            or dated_report(p, event)
            or sequel_report(p, event)
            or reports_in_progress(p, event)
        ):
            p.section = "what_happened"
        elif (
            judges_what_comes(p, event)
            or voices_censure(p, event)
            or hedges_a_verdict(p, event)
            or verdict_on_a_party(p, event)
        ):
            p.section = "what_it_means"
        elif (
            states_the_setting(p, event)
            or counts_the_setting(p)
            or recalls_as_context(p, event)
            or voiced_long_ago(p, event)
            or voiced_before(p, event)
        ):
            p.section = "background"


# "widely condemned by its neighbours", "criticised the decision": a view voiced of the event by others
_CENSURE = re.compile(
    r"\b(?:condemn|criticis|criticiz|denounc|deplor|decried|decries|decry|rebuk)\w*", re.IGNORECASE
)


# "despite criticism of ...", "amid condemnation from ...": the censure is the backdrop of the main
# clause, which tells what was done
_CONCESSIVE_BEFORE = re.compile(
    r"\b(?:despite|amid|amidst|in the face of|notwithstanding)\s+(?:\S+\s+){0,3}$", re.I
)


def voices_censure(point: MergedPoint, event: dt.date) -> bool:
    """A What-happened or Background label on a sentence in which others condemn or criticise: a
    reaction is a view of what the event means, however plainly it is reported; history that was
    censured then names its time (a year before the event's, a past perfect) and stays, and a report
    that counts the dead ("protesters denounced the vote; three were killed") is the event's. A
    censure named only as the backdrop ("awarded the games despite criticism of ...") leaves the
    report what it is."""
    if point.section == "what_it_means" or tallies_the_event(point):
        return False
    if not any(not _CONCESSIVE_BEFORE.search(point.text[: m.start()]) for m in _CENSURE.finditer(point.text)):
        return False
    cues = cue_features(point.text)
    if "w_casualty" in cues or _RECALL_CUES.intersection(cues):
        return False
    return not recalls_the_past(point.text, event, spans_to_now=False)


def counts_the_setting(point: MergedPoint) -> bool:
    """An unsure What-it-means label on a standing arrangement counted ("There were 60 seats reserved
    for women"), with no cue of assessment: the frame the event happens in, not a view of it."""
    return (
        point.section == "what_it_means"
        and point.confidence < UNSURE_REPORT
        and _EXISTENTIAL.match(point.text) is not None
        and not assessment_cues(point.text)
    )


# cues that someone judges or looks ahead: a sentence carrying one is a view, however it recalls the past
_AHEAD_VIEW_CUES = frozenset(
    [
        "w_will",
        "w_modal",
        "w_first_person",
        "c_verdict",
        "c_conclusion",
        "c_question",
        "c_analysts",
        "g_expected",
    ]
)


def recalls_as_context(point: MergedPoint, event: dt.date) -> bool:
    """An unsure What-it-means label on a sentence that names a time before the event ("Last summer,
    X visited ...", "the conflict goes back decades", "in 2016 ...") with no cue of a view: history
    told plainly is the context; only its place late in a report made it look like assessment."""
    if point.section != "what_it_means" or point.confidence >= UNSURE_LABEL or point.conflicts:
        return False
    cues = cue_features(point.text)
    views = _AHEAD_VIEW_CUES.intersection(cues)
    if views or ("c_quote" in cues and not quoted_wording(point.text)):
        return False
    if "g_present_perfect" in cues:  # "the protests have shifted ... the worst in a decade": up to now
        return False
    before = _BEFORE.intersection(time_features(point.text, Context(event_start=event))) - {"t_since"}
    return bool(before or _RECALL_CUES.intersection(cues) or recalls_the_past(point.text, event, False))


def voiced_long_ago(point: MergedPoint, event: dt.date) -> bool:
    """An unsure What-it-means label on what someone said in a year before the event's ("As the craft
    was christened in 2018, its maker said it will ..."): a view voiced then, however it looks ahead,
    is history the event is set against, not a reading of the event."""
    if point.section != "what_it_means" or point.confidence >= UNSURE_REPORT or point.conflicts:
        return False
    cues = cue_features(point.text)
    if not {"g_simple_past", "w_reporting"} <= set(cues) or "g_present_perfect" in cues:
        return False
    if "t_day_event" in time_features(point.text, Context(event_start=event)):
        return False
    return recalls_the_past(point.text, event, spans_to_now=False)


_JUDGING_WORDS = frozenset(["w_eval", "w_modal", "w_will", "g_expected"])
_TOLD_PAST = frozenset(["g_simple_past", "g_past_perfect"])


def judges_in_present(point: MergedPoint, event: dt.date) -> bool:
    """An unsure Background label on a sentence that judges in the present ("The deal is a major blow
    to ...", "X is in a prime position to ...") and tells nothing past, names no earlier time and
    recalls nothing: context is what was, a verdict on what is now is what the event means."""
    if point.section != "background" or point.confidence >= UNSURE_LABEL or point.conflicts:
        return False
    cues = cue_features(point.text)
    if (
        not _JUDGING_WORDS.intersection(cues)
        or _TOLD_PAST.intersection(cues)
        or _RECALL_CUES.intersection(cues)
    ):
        return False
    if _BEFORE.intersection(time_features(point.text, Context(event_start=event))):
        return False
    return not recalls_the_past(point.text, event)


_STATE_CUES = frozenset(["w_present_be", "g_no_past"])  # the only cues of assessment a plain state carries
_NOW = frozenset(["t_day_event", "t_rel_near", "t_day_recent"])
# "rescuers are searching", "missions are ongoing": what is happening as the report is written
_UNDER_WAY = re.compile(r"\b(?:is|are)\s+(?:still\s+|now\s+)?\w+ing\b|\bongoing\b", re.IGNORECASE)


# "houses made from mud bricks", "homes built of stone": a participle after its noun describes the
# noun, it tells no past (the irregular forms "made", "built" read as past tense on their own)
_REDUCED_RELATIVE = re.compile(
    r"(?<=[a-z]s)\s+(?:made|built|held|kept|sold|bought|found|known|seen|shown|grown|sent|given)\s+"
    r"(?=(?:from|of|by|with|in)\b)"
)


_PERFECTS = frozenset(["g_simple_past", "g_present_perfect", "g_past_perfect"])


def told_in_present(text: str, cues: dict[str, float]) -> bool:
    """No finite past: the grammar cue says so, or it was only kept off by words that describe a noun
    ("the affected zone", "houses made from mud bricks") - no simple past or perfect is found, and
    an irregular past form stands only after its noun."""
    if "g_no_past" in cues:
        return True
    if _PERFECTS.intersection(cues) or "w_present_be" not in cues:
        return False
    return not any(w in PAST_FORMS for w in _REDUCED_RELATIVE.sub(" ", text).lower().split())


def states_the_setting(point: MergedPoint, event: dt.date) -> bool:
    """An unsure What-happened label on a sentence told wholly in the present, with no day, no
    speaker, no view and nothing under way ("The talks come at a pivotal moment for the planet, with
    emissions still rising"): a standing state is the setting the event happens in, not a report of it;
    only its place among the news made it look like news."""
    if point.section != "what_happened" or point.confidence >= UNSURE_REPORT or point.conflicts:
        return False
    cues = cue_features(point.text)
    if not told_in_present(point.text, cues) or "w_reporting" in cues or _UNDER_WAY.search(point.text):
        return False
    if not assessment_cues(point.text) <= _STATE_CUES:
        return False
    return not _NOW.intersection(time_features(point.text, Context(event_start=event)))


# cues that make a sentence a view, whatever else it is: a definition carrying one ("X is a key ally and
# will ...") may assess; an evaluative adjective alone ("a key ally", "the largest port") still defines
_VIEW_CUES = frozenset(
    ["w_will", "w_modal", "w_first_person", "c_quote", "c_verdict", "c_conclusion", "c_question", "c_analysts",
     "g_expected"]
)  # fmt: skip


def defines_context(point: MergedPoint, event: dt.date) -> bool:
    """A What-it-means label on a definition ("Niger is a key ally of Western countries against
    insurgencies") with no cue of a view and not dated at the event: what something is, in the
    timeless present, is the context; only its place at the end of a report made it look like
    assessment.  An evaluative complement aimed at a party ("The deal is a major blow to ...") is
    a verdict on the subject's effect, and stays."""
    if point.section != "what_it_means" or not defines(point):
        return False
    cues = cue_features(point.text)
    if _VIEW_CUES.intersection(cues) or ("w_eval" in cues and _EFFECT_ON.search(point.text)):
        return False
    return "t_day_event" not in time_features(point.text, Context(event_start=event))


# "is a major diplomatic blow to the administration", "was a setback for the rebels": an evaluative
# complement aimed at a party says what the subject does to it - a verdict, not what the subject is
_EFFECT_ON = re.compile(
    r"\b(?:is|was|are|were)\s+(?:a|an)\s+(?:[\w-]+\s+){1,4}?(?:to|for)\s+(?:the\s+)?[A-Z\w]"
)


def place_definitions(points: list[MergedPoint], event: dt.date) -> None:
    """Moves to Background the definitions filed under What it means (`defines_context`), and to What
    it means the present verdicts filed under Background (`judges_in_present`): a verdict may read as
    a definition ("The deal is a major blow"), so it moves after the definitions have."""
    for p in points:
        if defines_context(p, event):
            p.section = "background"
        elif judges_in_present(p, event):
            p.section = "what_it_means"


CONTEXT_FILL = 1  # at most this many points become Background when the extractor filed none there
THIN_CONTEXT = 2  # a Background holding fewer points the memo could take is filled (one more)


class ContextFill(Enum):
    """The two passes of `fill_empty_background`, named rather than told apart by their confidence bars.

    EMPTY: no point the memo could take is filed under Background; any point the extractor was unsure
    of (`UNSURE_LABEL`) may be its context.  THIN: Background holds one such point; one more joins it,
    a point giving a figure among those filed elsewhere below `UNSURE_REPORT`."""

    EMPTY = "empty"
    THIN = "thin"

    @property
    def unsure(self) -> float:
        """Below this extractor confidence a point filed elsewhere may be moved in this pass."""
        return UNSURE_LABEL if self is ContextFill.EMPTY else UNSURE_REPORT


def defines(point: MergedPoint) -> bool:
    """The point opens by saying what its subject is, in the timeless present ("The FDIC is an
    independent agency that insures deposits"): a definition, context whatever its place in a report.
    Its first sentence decides: what a point adds after it ("It has been blighted by ...") is more context."""
    first = first_sentence(point.text)
    return "c_definition" in cue_features(first)


def _held(points: list[MergedPoint], sal: dict[str, Salience], floor: float, section: str) -> int:
    """How many points the memo could take (salience at least `floor` of the best's) are filed under
    `section`; no salience at all counts as full (nothing to fill from)."""
    top = max((sal[p.id].total for p in points), default=0.0)
    if top <= 0:
        return THIN_CONTEXT
    return sum(p.section == section and sal[p.id].total >= floor * top for p in points)


_WORD = re.compile(r"[a-z0-9]{3,}")
SAID_ELSEWHERE = (
    0.6  # of a point's words found in one point filed elsewhere: the selection cuts it as a repeat
)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP}


def said_elsewhere(point: MergedPoint, points: list[MergedPoint], words: dict[str, set[str]]) -> bool:
    """Most of the point's words stand in one point filed in another section ("There were 60 seats
    reserved for women" under Background, its sentence joined to a point under What happened): the
    selection will cut it as a repeat, so it cannot be the memo's context. `words`: each point's
    content words by id, read once by the caller."""
    own = words[point.id]
    if not own:
        return False
    return any(
        q.section != point.section and len(own & words[q.id]) >= SAID_ELSEWHERE * len(own)
        for q in points
        if q is not point
    )


def fill_empty_background(points: list[MergedPoint], sal: dict[str, Salience], floor: float) -> None:
    """When no point the memo could take is filed under Background (news reports put little there),
    its context is a definition the sources give, else the points least like the event among those
    the extractor filed elsewhere unsure - not dated at the event, no disputed figure, further from
    the event than most points - those giving a figure first.  A Background of one point is thin
    as well: one more joins it, a point giving a figure among those the extractor was less sure of
    (`UNSURE_REPORT`), the remotest from the event first ("Millions of voters registered, nearly half
    of them under 35", told in a report's lead): a count is the setting's substance, where a remote
    report without one is the event's detail ("Support was provided by aircraft from ...")."""
    words = {p.id: _content_words(p.text) for p in points}  # read once: each point meets every other
    unsaid = [p for p in points if not said_elsewhere(p, points, words)]  # once: each meets every other
    for fill in (ContextFill.EMPTY, ContextFill.THIN):
        held = _held(unsaid, sal, floor, "background")
        if held >= THIN_CONTEXT or (held and fill is ContextFill.EMPTY):
            continue
        _fill_context(points, sal, fill)


def _fill_context(points: list[MergedPoint], sal: dict[str, Salience], fill: ContextFill) -> None:
    """Moves to Background the remotest of the points not dated at the event that the extractor
    filed elsewhere with confidence below the pass's bar (a definition first, then a figure)."""
    closeness = sorted(sal[p.id].event for p in points)
    median = closeness[len(closeness) // 2]
    remote = [
        p
        for p in points
        if (defines(p) or (p.confidence < fill.unsure and sal[p.id].event < median))
        and (fill is ContextFill.EMPTY or (p.section != "background" and _counts(p)))
        and not sal[p.id].dated
        and not p.conflicts
        and not sal[p.id].off_topic  # far from the event's headlines and leads: no context of it
        and not _SEQUEL.search(p.text)  # what was done at once, or next, is the event's aftermath
    ]
    for p in sorted(remote, key=lambda p: (not defines(p), not _counts(p), sal[p.id].event))[:CONTEXT_FILL]:
        p.section = "background"


_FIGURE = re.compile(r"\d")


def _counts(point: MergedPoint) -> bool:
    """The point gives a figure ("There were 60 seats reserved for women"): a standing count is the
    setting's substance, where a remote point without one is often a stray remark ("In a post on X,
    a leader conveyed a message to supporters")."""
    return bool(_FIGURE.search(point.text))


MEANING_FILL = 1  # at most this many points become What it means when the extractor filed none there
_REPORTED_AHEAD = frozenset(["c_reported_future", "c_news_future"])  # "the junta said borders would close"


def voices_a_view(point: MergedPoint, event: dt.date) -> bool:
    """Someone judges or looks ahead ("“There could be a lot of damage,” says a diplomat"): a quoted
    view, a modal, a forecast or an analyst's word, neither the terms the news reports nor dated at the
    event's day, nor a tally the sources dispute."""
    cues = cue_features(point.text)
    views = set(_VIEW_CUES.intersection(cues))
    if "c_quote" in views and quoted_wording(point.text):
        views.discard("c_quote")
    if "w_reporting" in cues:  # "the soldiers said institutions would be suspended": the news's terms
        views -= _AHEAD_CUES
    if not views or _REPORTED_AHEAD.intersection(cues) or point.conflicts:
        return False
    return "t_day_event" not in time_features(point.text, Context(event_start=event))


def fill_empty_meaning(points: list[MergedPoint], sal: dict[str, Salience], event: dt.date) -> None:
    """When no point at all is filed under What it means (the day's news reports carry little analysis,
    and their context is Background), what the event means is the most salient view a source voices
    (`voices_a_view`).  A section of weak points is left alone: the selection gives a thin section
    its own best points."""
    if any(p.section == "what_it_means" for p in points):
        return
    views = [p for p in points if voices_a_view(p, event)]
    for p in sorted(views, key=lambda p: -sal[p.id].total)[:MEANING_FILL]:
        p.section = "what_it_means"
