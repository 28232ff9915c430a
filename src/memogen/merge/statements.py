"""What a group of comparable claims says to the reader: a progression, a disagreement, or nothing.

- a progression, when every figure carries a report date and the figures move one way over those
  dates, the way the measure can move: a total that only grows (the dead, a figure said to have
  "risen to" its value) rises, a count that can fall (the missing, the displaced) rises or falls;
  never a fixed fact (a summit's attendance, a city's people)
  ("The reported figure rose from 1,037 (A, 9 September) to 2,946 (B, 12 September).");
- "A reports at least 133 people, consistent with more than 100 (B)." when the figures are bounds
  that can all be true (with at most one figure given as it is, at or above them): no disagreement,
  the strongest figure stated once, every source named;
- "Sources differ: A reports X; B reports Y." when the figures differ otherwise (two figures given
  as they are, or one below another's lower bound);
- nothing when they agree, or when one source gives two readings of the claim (then the claim
  is not read right, and stating it would invent a disagreement).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import replace

from ..model import Conflict, ConflictValue, Point, Source
from ..sources.naming import opening_title
from .claims import STAND_IN_YEAR, Claim, reference_span
from .lexicon import FRACTIONS, SCALES, TENS, UNITS
from .quantities import extract_quantities, says_figure

TITLE_WORDS = 6  # words of a title that name a source in a conflict statement
OPENING_WORDS = 4  # words of a source's opening sentence, when it has no title: the footnote starts with them
_KIND = {"amount": "amount", "percent": "percent", "date": "date", "number": "number"}


def source_name(source: Source | None, fallback: str) -> str:
    """How a conflict statement names a source: publisher, else its author, else its title in
    quotes (a bare title, "Explainer: why ...", reads as part of the sentence), else the opening
    words of its text, as its footnote names it - never its file name.
    A title is cut to its first words: the footnote cites it in full, and a memo of two pages
    cannot spend twelve words naming one source in every disagreement."""
    if source is None:
        return fallback
    md = source.metadata
    if md.publisher:
        return md.publisher
    if md.authors:
        return md.authors[0] if len(md.authors) == 1 else f"{md.authors[0]} et al."
    words = (md.title or opening_title(source.text).rstrip("…")).split()
    cut = TITLE_WORDS if md.title else OPENING_WORDS
    if words:
        return "“" + " ".join(words[:cut]) + ("…" if len(words) > cut else "") + "”"
    return source.id


def source_names(sources: list[Source]) -> dict[str, str]:
    """Source id -> its name in conflict statements: a titled source by the short title its footnote's
    short note gives it (CMOS 14.32: "“Climate Agreements…”" for "Climate Agreements: What Did the
    COP28 Achieve?"), unless another source's name would read the same; else as `source_name`.

    Why: a statement names every source it reports, and a disagreement among four outlets named by
    six words of each title took 35 words (Pakistan's seat counts); a two-page memo then had no room
    for two of its facts. The footnote cites the source in full; the short title points at it."""
    from ..citations import short_title

    long = {s.id: source_name(s, s.id) for s in sources}
    short = {}
    for s in sources:
        title = s.metadata.title
        if s.metadata.publisher or s.metadata.authors or not title:
            continue
        cut = short_title(title)
        if 1 < len(cut.split()) < len(title.split()):  # a genre word alone ("Explainer") names nothing
            short[s.id] = "“" + cut + "…”"
    taken = Counter(n.lower() for n in (*long.values(), *short.values()))
    names = {
        sid: short[sid] if sid in short and taken[short[sid].lower()] == 1 else name
        for sid, name in long.items()
    }
    return _told_apart(names, {s.id: s for s in sources})


def _told_apart(names: dict[str, str], by_id: dict[str, Source]) -> dict[str, str]:
    """Names two sources share ("“The death toll from…”" for two pages opening alike, "AP" for two
    AP reports) lengthened until they differ: the title (or opening) word by word, after the outlet's
    name for an outlet ("AP, “Quake toll rises…”"). Why: "Sources differ: “The death toll from…”
    reports at least 323 people; “The death toll from…” reports 565 people" reads as one source
    against itself. Names no words tell apart stay as they are (the footnotes still tell them)."""
    alike: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(names):
        alike[names[sid].lower()].append(sid)
    out = dict(names)
    for sids in alike.values():
        if len(sids) < 2:
            continue
        words = {sid: _naming_words(by_id.get(sid)) for sid in sids}
        for n in range(1, max(len(w) for w in words.values()) + 1):
            longer = {sid: _longer_name(names[sid], by_id.get(sid), words[sid], n) for sid in sids}
            if len({x.lower() for x in longer.values()}) == len(sids):
                out.update(longer)
                break
    return out


def _naming_words(source: Source | None) -> list[str]:
    """The words that can name a source beyond its short name: its title, else its opening sentence."""
    if source is None:
        return []
    return (source.metadata.title or opening_title(source.text, words=40).rstrip("…")).split()


def _longer_name(name: str, source: Source | None, words: list[str], n: int) -> str:
    """The source's name told with `n` words of its title: after the outlet or author that named it,
    or in place of the shorter title that did."""
    if source is None or not words:
        return name
    cut = " ".join(words[:n]) + ("…" if len(words) > n else "")
    if name.startswith("“"):
        shown = len(name.strip("“”…").split())
        return name if n <= shown else f"“{cut}”"
    return f"{name}, “{cut}”"


def describe_group(group: list[Claim], names: dict[str, str], points: list[Point]) -> Conflict | None:
    """A statement for a group whose sources disagree; None when they agree or a source contradicts itself."""
    if any(c.planned for c in group) and not all(c.planned for c in group):
        return plan_and_outcome(group, names, points)
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in group:
        by_source[c.source_id].append(c)
    if len(by_source) < 2:
        return None
    if _running_count(group):
        # a toll only rises: a page updated as the count grew gives its earlier figures beside its
        # latest ("296 killed ... the death toll has exceeded 1,300"); its latest is what it reports
        by_source = {sid: [max(cs, key=lambda c: (c.value[1], c.point))] for sid, cs in by_source.items()}
        group = [c for cs in by_source.values() for c in cs]
    for cs in by_source.values():
        if any(not x.same_reading(y) for x in cs for y in cs):
            return None  # a source with two readings of one claim: the claim is not read right
    classes = _readings(
        [by_source[s][0] for s in sorted(by_source, key=lambda s: min(c.point for c in by_source[s]))]
    )
    if len(classes) < 2:
        return None  # the same figure, within rounding
    values = [
        ConflictValue(source_id=c.source_id, value=c.display, excerpt=points[c.point].text)
        for cl in classes
        for c in cl
    ]
    kind = _KIND[group[0].kind]
    owner = _owner(group)
    steps = _progression(classes)
    if steps is not None:
        return _progression_conflict(kind, steps, values, names, measure_subject(group, owner))
    if any(c.pending for c in group):
        return None  # counts of what is still outstanding, taken at unknown hours: no disagreement
    if _fit_together(classes):
        growth = _bounds_over_time(classes, group)
        if growth is not None:
            return _progression_conflict(kind, growth, values, names, measure_subject(group, owner))
        statement = agreement_statement(classes, names)
        beside = agreement_beside(classes, names)
        return Conflict(kind=kind, statement=statement, values=values, change="agree", beside=beside)  # type: ignore[arg-type]
    if all(c.reported for c in group) and any(_when(cl, group) for cl in classes):
        classes.sort(key=lambda cl: min(c.reported for c in cl if c.reported is not None))  # oldest first
    elif _running_count(group):
        # a toll's figures, some undated: lowest first, as the count went ("at least 820 (A); at least
        # 1,037 (B); 2,012 (C)"), not in the order the pages happened to be read
        classes.sort(key=lambda cl: (cl[0].value[0], cl[0].value[1]))
    if kind == "date":
        years = _years_differ(group)
        parts = [(_date_claim_text(cl[0], years), [c.source_id for c in cl]) for cl in classes]
    else:
        parts = [(_value_text(cl[0]) + _when(cl, group), [c.source_id for c in cl]) for cl in classes]
    subject = measure_subject(group, owner)
    return Conflict(kind=kind, statement=differ_statement(parts, names, subject), values=values)  # type: ignore[arg-type]


def plan_and_outcome(group: list[Claim], names: dict[str, str], points: list[Point]) -> Conflict | None:
    """A plan or forecast ("expected to approve 12 projects") and the outcome another source reports
    ("the approval of 14 projects"): no disagreement (both may be right), but a memo that gives the plan
    alone is out of date, so the outcome is told beside it ("The expected figure was 12 projects (A);
    the reported outcome is 14 projects (B)"). (Outcomes of two sources or more are told without their
    plans: conflicts._outcomes_told.)"""
    plans = [c for c in group if c.planned]
    outcomes = [c for c in group if not c.planned]
    done = _readings(outcomes)
    planned = [cl for cl in _readings(plans) if not any(cl[0].same_reading(o) for o in outcomes)]
    if len(done) != 1 or not planned or {c.source_id for c in outcomes} & {c.source_id for c in plans}:
        return None  # the plan was met, or one source tells both (its own update)
    values = [
        ConflictValue(source_id=c.source_id, value=c.display, excerpt=points[c.point].text)
        for c in [*plans, *outcomes]
    ]
    plan = "The expected figure was " + "; ".join(
        f"{_value_text(cl[0])} ({_who([c.source_id for c in cl], names)})" for cl in planned
    )
    outcome = (
        f"the reported outcome is {_value_text(done[0][0])} ({_who([c.source_id for c in done[0]], names)})"
    )
    # told right after a sentence giving one side's figure, the statement gives the other side's only
    beside = {c.source_id: f"{plan}." for c in done[0]} | {
        c.source_id: f"{outcome[0].upper()}{outcome[1:]}." for c in plans
    }
    return Conflict(
        kind=_KIND[group[0].kind],  # type: ignore[arg-type]
        statement=f"{plan}; {outcome}.",
        values=values,
        change="progression",
        beside=beside,
    )


def _progression_conflict(
    kind: str,
    steps: list[tuple[dt.date | None, list[Claim]]],
    values: list[ConflictValue],
    names: dict[str, str],
    subject: str,
) -> Conflict:
    """A count reported as it moved: the whole way, and the way told beside each source's sentence."""
    return Conflict(
        kind=kind,  # type: ignore[arg-type]
        statement=progression_statement(steps, names, subject),
        values=values,
        change="progression",
        beside=progression_beside(steps, names, subject),
    )


def _readings(claims: list[Claim]) -> list[list[Claim]]:
    """The claims in classes of one reading each, in the order given. Exact figures found the
    classes; a round one ("about $209 billion") joins the nearest class it rounds to, so that it
    is $209 billion's reading and not also "more than $212 billion"'s."""
    classes: list[list[Claim]] = []
    for c in sorted(claims, key=_round):  # stable: exact ones first, in order
        homes = [cl for cl in classes if cl[0].same_reading(c)]
        if not homes or (len(homes) > 1 and _spanned(c)):
            classes.append([c])  # "a quarter" beside 23% and 26%: a reading of its own, not either
        else:
            min(homes, key=lambda cl: abs(cl[0].value[1] - c.value[1])).append(c)
    first = {id(c): k for k, c in enumerate(claims)}
    return sorted(classes, key=lambda cl: min(first[id(c)] for c in cl))


def _round(c: Claim) -> bool:
    """A figure said round: "about $209 billion", or a span ("a quarter" of global GDP, 23-27%; "750-800").
    It joins the exact figures' classes after them, never founds one that swallows two of them: "a
    quarter" is no reason to read 23% and 26% as one figure."""
    return c.approximate or _spanned(c)


def _spanned(c: Claim) -> bool:
    return c.kind != "date" and c.value[0] != c.value[1]


def _fit_together(classes: list[list[Claim]]) -> bool:
    """Every figure can be true with every other: bounds ("at least 10,000", "more than 9,000") and at
    most one figure at or above them all. Two point figures, or a figure below another's lower bound,
    disagree."""
    firsts = [cl[0] for cl in classes]
    return all(a.agrees_with(b) for k, a in enumerate(firsts) for b in firsts[k + 1 :])


def _bounds_over_time(
    classes: list[list[Claim]], group: list[Claim]
) -> list[tuple[dt.date | None, list[Claim]]] | None:
    """Figures of a running count that fit together, reported on two days or more, rising with their
    dates: the count as it grew, lowest first (an undated report takes its place by its figure)."""
    if not _running_count(group) or len({c.reported for c in group if c.reported is not None}) < 2:
        return None
    order = sorted(classes, key=lambda cl: cl[0].value[0])
    days = [min(d) for cl in order if (d := [c.reported for c in cl if c.reported is not None])]
    if days != sorted(days):
        return None
    return [(min((c.reported for c in cl if c.reported), default=None), cl) for cl in order]


def _strongest(classes: list[list[Claim]]) -> list[Claim]:
    """The figure that says the most: a figure given as it is, else the highest lower bound."""
    return max(classes, key=lambda cl: (not cl[0].lower_bound, cl[0].value[0]))


def agreement_statement(classes: list[list[Claim]], names: dict[str, str]) -> str:
    """ "Alpha reports at least 10,000 people, consistent with more than 9,000 (Beta)": the strongest
    figure once, the figures that fit it after it (dated, for a running count), every source named."""
    best = _strongest(classes)
    group = [c for cl in classes for c in cl]
    fits = [
        _fit_text(cl, group, names)
        for cl in sorted((cl for cl in classes if cl is not best), key=lambda cl: cl[0].value[0])
    ]
    rest = _listed(fits)
    n = len({names.get(c.source_id, c.source_id) for c in best})
    who = _who([c.source_id for c in best], names) + (" reports " if n == 1 else " report ")
    return f"{who}{_value_text(best[0])}{_when(best, group)}, consistent with {rest}."


def _fit_text(cl: list[Claim], group: list[Claim], names: dict[str, str]) -> str:
    """ "more than 9,000 (Beta, 9 September 2023)": a figure that fits the strongest, and who gave it when."""
    when = _when(cl, group)[2:-1]
    return f"{_value_text(cl[0])} ({_who([c.source_id for c in cl], names)}{', ' + when if when else ''})"


def agreement_beside(classes: list[list[Claim]], names: dict[str, str]) -> dict[str, str]:
    """For each source giving the strongest figure: the agreement told right after its own sentence,
    which has just given that figure ("Lai received over 5.5 million votes. Another report gives over
    5.39 million (B), consistent with this."), not "A reports over 5.5 million, consistent with ..."
    again."""
    best = _strongest(classes)
    group = [c for cl in classes for c in cl]
    fits = [
        _fit_text(cl, group, names)
        for cl in sorted((cl for cl in classes if cl is not best), key=lambda cl: cl[0].value[0])
    ]
    lead = "Another report gives " if len(fits) == 1 else "Other reports give "
    told = f"{lead}{_listed(fits)}, consistent with this."
    return {c.source_id: told for c in best}


def told_at(conflicts: list[Conflict], text: str, source_id: str) -> list[Conflict]:
    """The statements a fact's shown sentence carries: an agreement after a sentence of a source that
    gives its strongest figure says only the figures that fit it (`agreement_beside`), not that
    source's figure again ("Lai received over 5.5 million votes. Taiwan News reports over 5.5
    million, consistent with ...")."""
    out = []
    for c in conflicts:
        if c.change == "agree" and source_id in c.beside:
            own = [v for v in c.values if v.source_id == source_id]
            if any(says_figure(text, v.value) for v in own):
                c = replace(c, statement=c.beside[source_id])
        out.append(c)
    return out


def _when(cl: list[Claim], group: list[Claim]) -> str:
    """ " (9 September 2023)": when a running count's figure was reported, so the reader sees which
    figures are older; "" for other figures, for an undated report, or when all are dated alike."""
    days = {c.reported for c in group if c.reported is not None}
    dated = [c.reported for c in cl if c.reported is not None]
    if not _running_count(group) or len(days) < 2 or not dated:
        return ""
    return f" ({day_text(min(dated))})"


def _running_count(group: list[Claim]) -> bool:
    """The dead (injured, arrested) of the event, counted as reports come in, a total that only
    grows: no claim is of one day or of a year of its own. (The missing, the displaced can fall:
    their highest figure is not their latest, and no figure takes its place by its size.)"""
    return all(c.kind == "number" and c.casualty and not c.may_fall and not (c.dated or c.day) for c in group)


def _owner(group: list[Claim]) -> str:
    """The entity every claim of the group names, in its shortest spelling ("" unless all name it)."""
    named = [c.entity for c in group if c.entity is not None]
    if not named or len(named) < len(group):
        return ""
    return min(named, key=lambda e: (len(e.text), e.text)).text


_LOWER_LEADS = frozenset(
    [
        "at",
        "more",
        "over",
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "close",
        "up",
        "upwards",
        "in",
        "as",
    ]
)


_SPELLED = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(FRACTIONS) | {"a", "an"}


def _value_text(c: Claim) -> str:
    """The figure as its source wrote it, mid-sentence: "At least 17 people" -> "at least 17 people",
    "Forty heads of state" (a sentence's first word) -> "forty heads of state"."""
    first = c.display.split(" ", 1)[0].split("-", 1)[0].lower()  # "Twenty-three"
    lower = first in _LOWER_LEADS or first in _SPELLED
    return c.display[0].lower() + c.display[1:] if lower else c.display


def _progression(classes: list[list[Claim]]) -> list[tuple[dt.date, list[Claim]]] | None:
    """Figures that rise as their report dates advance: a count (the dead, the seats counted, the
    pledges) updated over time.

    Each figure (a class of sources giving it) is dated by its first dated report; an undated
    source giving the same figure joins that step. A figure no source dates, or a figure of a
    period ("in 2020") or of one day, makes no progression.
    """
    claims = [c for cl in classes for c in cl]
    if claims[0].kind in ("date", "percent") or any(c.dated or c.day for c in claims):
        # a share (of GDP, of the vote) is a ratio, not a count that accrues: two shares disagree
        return None
    firsts = [min((c.reported for c in cl if c.reported is not None), default=None) for cl in classes]
    if any(d is None for d in firsts):
        return _undated_in_place(classes, firsts) if _running_count(claims) else None
    if len(set(firsts)) < len(firsts) and not (_running_count(claims) and len(set(firsts)) > 2):
        # two figures of one day disagree, unless they are steps of a toll reported over several
        # days (updates within a day: 1,037 then 1,300 dead on 9 September, 2,122 on the 11th)
        return None
    # (the lower of two figures of one day is the earlier update)
    order = sorted(range(len(classes)), key=lambda k: (firsts[k], classes[k][0].value[0]))  # type: ignore[arg-type,return-value]
    earliest_partial = any(c.provisional and not c.headcount for c in classes[order[0]])
    if not (all(c.accrues for c in claims) or earliest_partial):
        # a fixed fact (a summit's attendance, a city's people) reported twice: two values disagree;
        # a count its first report calls incomplete ("results so far") is a count still running
        return None
    steps = [
        (firsts[k], sorted(classes[k], key=lambda c: (c.reported or dt.date.max, c.point))) for k in order
    ]
    figures = [cs[0] for _, cs in steps]
    if _rises(figures) or (all(c.may_fall for c in claims) and _rises(figures[::-1])):
        return steps  # type: ignore[return-value]
    # a count reported as it grows only rises: a lower later figure is a disagreement, unless one
    # page's date is older than its figure (a page dated on the event's day giving the final toll)
    # (the dead, injured, missing of the event: a count that only grows, whatever its reports say)
    return _one_page_misdated(steps) if _running_count(claims) else None  # type: ignore[return-value]


def _undated_in_place(
    classes: list[list[Claim]], firsts: list[dt.date | None]
) -> list[tuple[dt.date | None, list[Claim]]] | None:
    """The steps of a toll (it only grows) when some of its figures come undated: the dated figures,
    reported on two days or more, rise with their dates; each undated figure takes the place its size
    gives it among them ("rose from at least 93 (A) to 130 (B, 23 March), then to 133 (C, 24 March),
    then to 143 (D)"). Why: four figures of one toll told as "Sources differ" set a count's updates
    against each other; the dated ones say it grew. None when the figures, so placed, do not rise."""
    dated = sorted(
        ((d, cl) for d, cl in zip(firsts, classes, strict=True) if d is not None),
        key=lambda x: (x[0], x[1][0].value[0]),
    )
    if len({d for d, _ in dated}) < 2:
        return None
    steps: list[tuple[dt.date | None, list[Claim]]] = [
        (d, sorted(cl, key=lambda c: (c.reported or dt.date.max, c.point))) for d, cl in dated
    ]
    if not _rises([cs[0] for _, cs in steps]):
        return None
    for d, cl in zip(firsts, classes, strict=True):
        if d is not None:
            continue
        c = sorted(cl, key=lambda c: c.point)
        place = next((j for j, (_, x) in enumerate(steps) if x[0].value[0] > c[0].value[1]), len(steps))
        steps.insert(place, (None, c))
    return steps if _rises([cs[0] for _, cs in steps]) else None


def _one_page_misdated(
    steps: list[tuple[dt.date, list[Claim]]],
) -> list[tuple[dt.date | None, list[Claim]]] | None:
    """The steps of a growing count when one figure breaks their order only by its date: above every
    figure reported after it, while the others rise. Its date is not when the figure was counted
    (a page updated after it was dated), so it is given undated, in the place its figure takes.
    Only among two dated figures or more that rise: they, not its size alone, say the count grew."""
    for k, (_, cs) in enumerate(steps):
        rest = steps[:k] + steps[k + 1 :]
        later = [c for _, x in steps[k + 1 :] for c in x]
        if not later or len(rest) < 2 or not _rises([x[0] for _, x in rest]):
            # two figures, one dated after the other and lower: which came later is unknown
            continue
        if not all(cs[0].value[0] > c.value[1] for c in later):
            continue
        undated = [replace(c, reported=None) for c in cs]
        place = next((j for j, (_, x) in enumerate(rest) if x[0].value[0] > cs[0].value[1]), len(rest))
        placed = rest[:place] + [(None, undated)] + rest[place:]
        if _rises([x[0] for _, x in placed]):
            return placed  # type: ignore[return-value]
    return None


def _rises(figures: list[Claim]) -> bool:
    """Figures in report order that a growing count gives: each at or above the one before."""
    return all(a.value[1] <= b.value[0] for a, b in zip(figures, figures[1:], strict=False))


def day_text(day: dt.date) -> str:
    """ "22 March 2024"; "22 March" for a day told without its year (its stand-in year is no year)."""
    return f"{day.day} {day:%B}" if day.year == STAND_IN_YEAR else f"{day.day} {day:%B %Y}"


def date_text(value: tuple, with_year: bool) -> str:
    """A date claim in one form whoever wrote it ("April 6, 2021", "7 April" -> "6 April", "7 April"):
    the day, the month, and the year when `with_year` (the sources' years differ) and it is given."""
    year, month, day = value
    month_name = dt.date(2000, month, 1).strftime("%B") if month else ""
    text = " ".join(str(x) for x in (day if month else None, month_name) if x)
    return f"{text} {year}".strip() if (with_year or not text) and year else text


def _date_claim_text(c: Claim, with_year: bool) -> str:
    """A date, or the span it ends ("22 to 24 August", "30 November to 13 December"), in one form."""
    end, start = date_text(c.value, with_year), c.span_start
    if c.quantity.opens_span:  # the first day of a span: the span, as its source gives it
        span = next((q for q in extract_quantities(c.display) if q.span_from is not None), None)
        if span is not None:
            end, start = date_text(span.value, with_year), span.span_from
    if start is None or not start[1] or not c.value[1]:
        return end
    if start[1] == c.value[1] and start[2] and (not start[0] or not c.value[0] or start[0] == c.value[0]):
        return f"{start[2]} to {end}"  # one month: "22 to 24 August"
    return f"{date_text(start, with_year)} to {end}"


def _years_differ(group: list[Claim]) -> bool:
    """The group's dates name two years or more (then each date is given with its year)."""
    return len({c.value[0] for c in group if c.value[0]}) > 1


def _who(sids: list[str], names: dict[str, str]) -> str:
    who = list(dict.fromkeys(names.get(s, s) for s in sids))
    return who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]


def progression_statement(
    steps: list[tuple[dt.date | None, list[Claim]]], names: dict[str, str], subject: str = ""
) -> str:
    """ "The death toll rose from 1,037 (A, 9 September) to 2,122 (B, 11 September), then to 2,946
    (C, 12 September)": the way the figures went, in the order they were reported. The subject names
    what is measured (see `measure_subject`); without one it is "the reported figure"."""
    parts = [_step_text(cs, names) for _, cs in steps]
    first, last = steps[0][1][0], steps[-1][1][0]
    verb = "fell" if last.value[1] < first.value[0] else "rose"
    subject = subject[:1].upper() + subject[1:] if subject else "The reported figure"
    rest = f"to {parts[1]}" + "".join(f", then to {p}" for p in parts[2:])
    return f"{subject} {verb} from {parts[0]} {rest}."


def progression_beside(
    steps: list[tuple[dt.date | None, list[Claim]]], names: dict[str, str], subject: str = ""
) -> dict[str, str]:
    """For each source giving one step of a progression: the statement to tell right after that
    source's own sentence, which gives its figure already ("the death toll reached at least 174.
    Earlier reports gave more than 100 people (A, 21 July 2024) and at least 133 deaths (B, 21 July
    2024); a later one gives over 200 deaths (C, 30 July 2024).").

    Why: the full statement ("The death toll rose from more than 100 ... then to at least 174 (D),
    then to ...") after D's "the death toll reached at least 174" told the count and its figure
    twice, back to back; the reader has just read the figure and what it measures. A bare figure
    ("23") still needs its measure named: "A later report puts the death toll at 23 (B, ...)"."""
    parts = [_step_text(cs, names) for _, cs in steps]
    out: dict[str, str] = {}
    for k, (_, cs) in enumerate(steps):
        bare = any(_bare(c[0]) for j, (_, c) in enumerate(steps) if j != k)
        for c in cs:
            if c.source_id in out:
                continue
            # named also when the sentence gives other figures like it ("PML-N and PPP trail with 67
            # and 52 seats"): "a later report gives 54 seats" would not say whose
            named = subject if subject and (bare or _figures_like(c) > 1) else ""
            told: list[str] = []
            for when, some in (("earlier", parts[:k]), ("later", parts[k + 1 :])):
                if some:
                    lead = _reports(when, len(some), named, first=not told, at=some[0].startswith("at "))
                    told.append(f"{lead} {_listed(some)}")
            out[c.source_id] = "; ".join(told) + "."
    return out


def _figures_like(c: Claim) -> int:
    """How many figures of the claim's kind and unit its sentence gives."""
    q = c.quantity
    return sum(1 for x in extract_quantities(q.sentence) if x.kind == q.kind and x.unit == q.unit)


def _reports(when: str, n: int, subject: str, first: bool, at: bool = False) -> str:
    """ "Earlier reports gave", "a later one gives", "A later report puts the death toll at"; before
    a figure that says "at" itself ("at least 93"), "An earlier report gave the death toll as", not
    "put the death toll at at least 93"."""
    past = when == "earlier"
    if subject and not first:
        verb = "" if at else "at"  # "Earlier reports put the death toll at 17 (A); a later one at 23 (B)."
    elif subject and at:
        verb = ("gave" if n > 1 or past else "gives") + f" {subject} as"
    elif subject:
        verb = ("put" if n > 1 or past else "puts") + f" {subject} at"
    else:
        verb = "gave" if past else ("give" if n > 1 else "gives")
    noun = ("ones" if n > 1 else "one") if not first else ("reports" if n > 1 else "report")
    article = "" if n > 1 else ("an " if past else "a ")
    text = f"{article}{when} {noun} {verb}".rstrip()
    return text[:1].upper() + text[1:] if first else text


def _bare(c: Claim) -> bool:
    """A figure said without what it counts ("23", "at least 17"), not "over 200 deaths"."""
    return not re.search(r"\d[\d,.]*\s+[A-Za-z]", c.display) and not re.search(r"[a-z]{3,}$", c.display)


def _step_text(cs: list[Claim], names: dict[str, str]) -> str:
    """One step of a progression: its figure and who reported it when ("174 (A, 22 July 2024)")."""
    reports = []
    for when in dict.fromkeys(c.reported for c in cs):
        who = _who([c.source_id for c in cs if c.reported == when], names)
        reports.append(f"{who}, {day_text(when)}" if when else who)
    return f"{_value_text(cs[0])} ({'; '.join(reports)})"


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def measure_subject(group: list[Claim], owner: str = "") -> str:
    """What the figures measure, and of what, from the claims themselves (never from page phrases):
    "the death toll", "the number of people missing (Verna)", "the distance from Marrakech" (the place
    every distance is measured from), "PPP" (the entity every claim names); "" when the claims say no
    more than their figures."""
    counted = {c.casualty for c in group}
    if len(counted) == 1 and "" not in counted:
        kind = counted.pop()
        measure = "the death toll" if kind == "killed" else f"the number of people {kind}"
        return f"{measure} ({owner})" if owner else measure
    places = {(span[0] if (span := reference_span(c)) else "") for c in group}
    if all(c.unit == "km" for c in group) and "" not in places and len({p.lower() for p in places}) == 1:
        return f"the distance from {min(places)}"
    return owner


def differ_statement(values: list[tuple[str, list[str]]], names: dict[str, str], subject: str = "") -> str:
    parts = []
    for display, sids in values:
        who = list(dict.fromkeys(names.get(s, s) for s in sids))
        verb = "reports" if len(who) == 1 else "report"
        parts.append(f"{_who(sids, names)} {verb} {display}")
    lead = f"Sources differ on {subject}: " if subject else "Sources differ: "  # see measure_subject
    return lead + "; ".join(parts) + "."
