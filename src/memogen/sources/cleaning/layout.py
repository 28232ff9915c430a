"""From reader lines to judged lines and back to paragraphs.

Before judging: hard-wrapped lines are rejoined, the source's own footnotes are cut out
(their markers become sentinels), and every non-empty line becomes a `Line`.  After judging:
kept lines become paragraphs, a sentence cut by a notes block or a page break is rejoined,
and words run together at line joins are repaired.
"""

from __future__ import annotations

import re

from ...model import DroppedLine, SourceReference
from ..footnotes import find_note_lines, mark_inline, parse_reference
from ..text import document_words, repair_joins, star_as_stop, without_loose_marks, word_count
from .lines import BULLET, NUMBERED, SENTINELS, TERMINAL, Line, RawLine
from .shape import is_heading_like, is_prose

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# a wiki page's dump marks its headings with '=': '= Title =', '== Section =='
_WIKI_HEADING = re.compile(r"^(={1,6})\s*([^=].*?)\s*\1\s*$")


def _ends_item(line: str) -> bool:
    """A line after which a numbered item starts a list: a sentence's end, or a colon."""
    return bool(TERMINAL.search(line)) or line.rstrip().endswith(":")


def unwrap(lines: list[RawLine], texts: list[str]) -> tuple[list[RawLine], list[str]]:
    """Hard-wrapped text (e-mail, PDF-to-text): join the lines of one paragraph.

    A line joins the one before when that one ran to the wrap width (or the new
    line starts in lower case): a line that stopped short ended its paragraph,
    so "Share" after a paragraph's last line stays a line of its own.
    """
    lengths = sorted(len(t) for t in texts if len(t.split()) >= 5) or [80]
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out_lines: list[RawLine] = []
    out_texts: list[str] = []
    last_raw = ""
    for ln, text in zip(lines, texts, strict=True):
        prev = out_texts[-1] if out_texts else ""
        ran_to_margin = len(last_raw) >= 0.7 * width and not re.match(r"^#{1,6}\s", last_raw)
        joinable = (
            prev
            and text
            and ln.hint is None
            and not BULLET.match(text)
            # an item of a numbered list: after another item, or after a sentence or a colon
            and not (NUMBERED.match(text) and (NUMBERED.match(last_raw) or _ends_item(last_raw)))
            and not re.match(r"^#{1,6}\s", text)
            and (ran_to_margin or (text[:1].islower() and not TERMINAL.search(last_raw)))
            and not (TERMINAL.search(last_raw) and len(text) < 0.5 * width and text[:1].isupper())
        )
        last_raw = text
        if joinable:
            if prev.endswith("-") and text[:1].islower() and prev[-2:-1].isalpha():
                out_texts[-1] = prev[:-1] + text
            else:
                out_texts[-1] = prev + " " + text
            continue
        out_lines.append(ln)
        out_texts.append(text)
    return out_lines, out_texts


def take_footnotes(
    lines: list[RawLine], texts: list[str], dropped: list[DroppedLine]
) -> tuple[list[SourceReference], list[str], set[int]]:
    """The source's own notes -> references; their markers in the text -> sentinels.

    Returns the indexes right after each notes block: a sentence the block cut in two
    continues there.
    """
    notes = find_note_lines(texts)
    markers = {n.marker for n in notes if n.style != "plain"}
    glued = {n.marker for n in notes if n.style == "plain"}
    references = []
    note_idx = {n.index for n in notes}
    for n in notes:
        ref = parse_reference(n.marker, n.text)
        if not any(r.marker == ref.marker for r in references):
            references.append(ref)
        dropped.append(
            DroppedLine(
                texts[n.index], f"source's own footnote {n.marker} (→ references)", lines[n.index].lineno
            )
        )
    cut_at: set[int] = set()
    out = []
    for i, text in enumerate(texts):
        if i in note_idx:
            out.append("")
            j = i + 1
            while j < len(texts) and (not texts[j].strip() or j in note_idx):
                j += 1
            cut_at.add(j)
        else:
            out.append(mark_inline(text, markers, glued) if notes else text)
    return references, out, cut_at


def to_lines(lines: list[RawLine], texts: list[str], cut_at: set[int]) -> list[Line]:
    """Non-empty lines to judge; a Markdown '# Heading' keeps its level as a hint."""
    items: list[Line] = []
    gap = False
    for i, (ln, text) in enumerate(zip(lines, texts, strict=True)):
        if not text:
            gap = True
            continue
        hint = ln.hint
        heading = _MD_HEADING.match(text) or (_WIKI_HEADING.match(text) if text[:1] == "=" else None)
        if heading:
            level_one_first = len(heading.group(1)) == 1 and not items
            text, hint = heading.group(2).strip(), hint or ("title" if level_one_first else "heading")
        head, label = _glued_reading_time(text) if hint is None else (text, "")
        items.append(Line(text=head, lineno=ln.lineno, hint=hint, gap_before=gap, after_cut=i in cut_at))
        if label:
            items.append(Line(text=label, lineno=ln.lineno))
        gap = False
    return items


# 'Oil soars, jolted by output cuts1 min read . Updated: 03 Apr 2023': a page's reading-time label
# (and the date stamp after it) glued to the headline when the page was turned into text.
_GLUED_READING_TIME = re.compile(r"^(?P<head>.*[^\W\d_])(?P<label>\d{1,2}\s?min(?:ute)?s?\s+read\b.*)$", re.I)


def _glued_reading_time(text: str) -> tuple[str, str]:
    m = _GLUED_READING_TIME.match(text) if " read" in text else None
    if not m or len(m.group("head").split()) < 3:
        return text, ""
    return m.group("head"), m.group("label")


def join_broken(items: list[Line]) -> list[Line]:
    """A paragraph the page broke in mid-sentence ('... the port authority agreed to' / 'a pay rise of
    six percent ...') is one paragraph: judged as one, it reads as the prose it is."""
    out: list[Line] = []
    for it in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not it.gap_before
            and not it.after_cut
            and it.hint is None
            and prev.hint is None
            and it.text[:1].islower()
            and prev.words >= 6
            and it.words >= 3
            and not (TERMINAL.search(SENTINELS.sub("", prev.text)) or prev.text.rstrip().endswith(":"))
        ):
            prev.text = prev.text.rstrip() + " " + it.text.lstrip()
            continue
        out.append(it)
    return out


def mark_headings(items: list[Line]) -> None:
    """A short heading-shaped line followed by more text is a heading of the article."""
    kept = [it for it in items if it.kept]
    for k, it in enumerate(kept):
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if it.hint == "heading" or (
            is_heading_like(it) and not is_prose(it) and nxt is not None and it.words <= 14
        ):
            it.role = "heading"


_PARA_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+(?=[A-Z“\"‘'])")


def strip_paragraph_numbers(items: list[Line]) -> None:
    """'1. The court dismissed ...', '2. The judge found ...': numbered paragraphs (judgments,
    reports) lose their numbers, which are layout, so a memo never quotes '2. The judge'.
    Only a run of three or more paragraphs numbered in sequence counts."""
    body = [it for it in items if it.role == "body"]
    run: list[Line] = []
    for it in [*body, None]:
        m = _PARA_NUMBER.match(it.text) if it is not None else None
        if m and it is not None and (not run or int(m.group(1)) == _number(run[-1]) + 1):
            run.append(it)
            continue
        if len(run) >= 3:
            for x in run:
                x.text = _PARA_NUMBER.sub("", x.text, count=1)
        run = [it] if m and it is not None else []


# 'Harbour Works The port authority said ...': a subheading the copy ran into its paragraph - title-case
# words straight before a sentence's capitalised opening (a question run in, 'What happened? The ...', is
# a brief's section heading, read as one by the section extractor: it stays)
_RUN_IN_HEAD = re.compile(
    r"^(?P<head>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s+"
    r"(?=(?:The|A|An|According|As|After|In|At|With|For|While|Since)\s+[a-z0-9])"
)
RUN_IN_BODY_WORDS = 12  # the paragraph under it runs on: a line this short may be a headline


def strip_run_in_headings(items: list[Line]) -> None:
    """A paragraph opening with a subheading the copy ran into it loses the subheading (a memo never
    reads 'Harbour Works The port authority said'); the words are a heading, not the sentence's."""
    for it in items:
        if it.role != "body" or not it.kept:
            continue
        m = _RUN_IN_HEAD.match(it.text)
        if m and len(it.text[m.end() :].split()) >= RUN_IN_BODY_WORDS:
            it.text = it.text[m.end() :]


def _number(it: Line) -> int:
    m = _PARA_NUMBER.match(it.text)
    return int(m.group(1)) if m else -1


def assemble(items: list[Line]) -> tuple[str, list[tuple[int, str]], list[tuple[str, str]]]:
    """Kept lines -> paragraphs; rejoin a sentence cut by a page break or a notes block."""
    paras: list[str] = []
    headings: list[tuple[int, str]] = []
    prev: Line | None = None
    cut_since_prev = False
    for it in items:
        if not it.kept:
            cut_since_prev = True
            continue
        if (
            prev is not None
            and prev.role == "body"
            and it.role == "body"
            and _continues(prev, paras[-1], it, cut_since_prev)
        ):
            paras[-1] = paras[-1] + " " + it.text
        else:
            paras.append(it.text)
            if it.role == "heading":
                headings.append((len(paras) - 1, it.text))
        prev, cut_since_prev = it, False
    words = document_words("\n".join(paras))
    heading_texts = {h for _, h in headings}
    repairs: list[tuple[str, str]] = []
    for i, para in enumerate(paras):
        if para not in heading_texts:
            paras[i], fixed = repair_joins(without_loose_marks(star_as_stop(para)), words)
            repairs += [(r.before, r.after) for r in fixed]
    return "\n\n".join(paras), headings, repairs


def _continues(prev: Line, prev_text: str, cur: Line, cut: bool) -> bool:
    plain = SENTINELS.sub("", prev_text)
    if TERMINAL.search(plain) or plain.endswith(":"):
        return False
    if cur.text[:1].islower():
        return True
    return cur.after_cut and word_count(plain) >= 8  # a notes block cut the sentence


def heading_offsets(text: str, headings: list[str]) -> list[tuple[int, str]]:
    """Offsets of heading paragraphs, in order (a heading used twice gets both places)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for heading in headings:
        m = re.compile(rf"(?:^|\n\n){re.escape(heading)}(?=\n\n|$)").search(text, pos)
        if m:
            start = m.start() + (2 if m.group(0).startswith("\n") else 0)
            out.append((start, heading))
            pos = start + len(heading)
    return out


# A paragraph that is one quotation, whole: '“The economy is in a good place.”'
_WHOLE_QUOTE = re.compile(r'^(?P<open>[“"])(?P<said>[^“”"]{10,600}?)(?P<stop>[.!?])(?P<close>[”"])$')
# ... and the line under it naming who said it: '— Fed Chair Ada Brenner', '- Ada Brenner, bank chair'
_SPEAKER_LINE = re.compile(r"^[—–-]{1,2}\s*(?P<who>[A-Z][^.!?“”\"]{2,80})$")
SPEAKER_LINE_WORDS = 10


def attribute_pull_quotes(items: list[Line]) -> None:
    """'“The economy is in a good place.”' over '— Chair Ada Brenner': a pull quote whose speaker stands
    on the line under it is one sentence, '“The economy is in a good place,” said Chair Ada Brenner.'
    Why: kept apart, the quote reached a memo with no one saying it and the speaker's line as a
    fragment; the attribution is the page's own, only set as layout."""
    kept = [it for it in items if it.kept]
    for quote, who in zip(kept, kept[1:], strict=False):
        q = _WHOLE_QUOTE.match(quote.text.strip())
        s = _SPEAKER_LINE.match(who.text.strip())
        if not (q and s and who.words <= SPEAKER_LINE_WORDS):
            continue
        stop = "," if q["stop"] == "." else q["stop"]
        quote.text = f"{q['open']}{q['said']}{stop}{q['close']} said {s['who'].strip().rstrip(',')}."
        who.role, who.reason = "drop", "speaker of the pull quote above (joined to it)"
