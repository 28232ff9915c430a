"""The source's own footnotes: find the notes block, cut it out, remember who cited what.

Text dumps of briefs keep their notes where the page broke, so a block of
"¹ Author, "Title", *Outlet*, date. <url>" lines can sit in the middle of a
sentence.  We parse the block into `SourceReference`s, replace each marker in the
body by a private-use sentinel that survives cleaning, and turn the sentinels into
`ReferenceAnchor` offsets once the final text exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import ReferenceAnchor, SourceReference
from .text import strip_emphasis

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
OPEN, CLOSE = "\ue000", "\ue001"
_SENTINEL = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
_NOTE_LINE = re.compile(rf"^\s*(?:([{SUPERSCRIPTS}]+)|\[(\d{{1,3}})\]|(\d{{1,3}})[.)])\s+(\S.*)$")
_URL = re.compile(r"<?(https?://[^\s<>]+?)>?(?=[\s.,;)]*$|\s)")


@dataclass
class NoteLine:
    index: int
    marker: str
    text: str
    style: str = "sup"  # sup ¹ / bracket [1] / plain "1." at the end, marker glued in the body ("2021.1")


def superscript_to_digits(marker: str) -> str:
    return marker.translate(_SUP_TO_DIGIT)


def find_note_lines(lines: list[str]) -> list[NoteLine]:
    """Lines that are notes: they start with a marker that the body also uses inline.

    Requiring the inline use keeps numbered lists ("1. First, ...") in the body.
    """
    candidates = []
    for i, line in enumerate(lines):
        m = _NOTE_LINE.match(line)
        if m:
            sup, bracket, plain, rest = m.groups()
            marker = superscript_to_digits(sup) if sup else (bracket or plain)
            style = "sup" if sup else ("bracket" if bracket else "plain")
            candidates.append((i, marker, style, rest))
    notes = []
    body = "\n".join(line for i, line in enumerate(lines) if i not in {c[0] for c in candidates})
    notes_zone = _notes_zone_start(lines)
    for i, marker, style, rest in candidates:
        if style == "plain" and (i < notes_zone or not CITATION_LIKE.search(rest)):
            continue  # "1. text" in the body, or not a citation: a numbered list
        if _inline_pattern(marker, style).search(body):
            notes.append(NoteLine(i, marker, rest.strip(), style))
    return notes


NOTES_HEADING = re.compile(r"(?i)^\s*#*\s*(?:end\s*notes|foot\s*notes|notes|references|sources)\s*:?\s*$")
CITATION_LIKE = re.compile(r"(?i)\b(?:1[89]|20)\d\d\b|https?://|[\"“”]|\bibid\b|\bop\. cit\b|\bpp?\.\s*\d")


def _notes_zone_start(lines: list[str]) -> int:
    """Plain-numbered notes count only under a 'Notes' heading in the second half of the text."""
    for i in range(len(lines) - 1, len(lines) // 2 - 1, -1):
        if NOTES_HEADING.match(lines[i]):
            return i + 1
    return len(lines)


def _inline_pattern(marker: str, style: str) -> re.Pattern[str]:
    if style == "plain":
        return glued_marker(marker)
    if style == "sup":
        sup = marker.translate(str.maketrans("0123456789", SUPERSCRIPTS))
        return re.compile(rf"(?<=[^\s{SUPERSCRIPTS}\d]){sup}(?![{SUPERSCRIPTS}])")
    return re.compile(rf"(?<=\S)\[{marker}\]")


def glued_marker(number: str) -> re.Pattern[str]:
    """A superscript number that lost its formatting sits glued to the word or stop before it."""
    return re.compile(rf"(?<=[a-z.,;:)\"”’]){number}(?=\s|$)")


def mark_inline(line: str, markers: set[str], glued: set[str] | None = None) -> str:
    """Replace inline markers that have a note by sentinels; leave other superscripts (m², x³)."""
    for number in glued or ():
        line = glued_marker(number).sub(f"{OPEN}{number}{CLOSE}", line)

    def sup(m: re.Match[str]) -> str:
        number = superscript_to_digits(m.group(1))
        return f"{OPEN}{number}{CLOSE}" if number in markers else m.group(0)

    def bracket(m: re.Match[str]) -> str:
        return f"{OPEN}{m.group(1)}{CLOSE}" if m.group(1) in markers else m.group(0)

    line = re.sub(rf"(?<=[^\s{SUPERSCRIPTS}\d])([{SUPERSCRIPTS}]+)", sup, line)
    return re.sub(r"(?<=\S)\[(\d{1,3})\]", bracket, line)


def parse_reference(marker: str, text: str) -> SourceReference:
    """One note -> reference with its URL and the outlet's name as label."""
    url_match = _URL.search(text)
    url = url_match.group(1) if url_match else None
    label = _outlet_label(text)
    clean = text
    if url_match:
        clean = (text[: url_match.start()] + text[url_match.end() :]).strip()
    clean = strip_emphasis(clean).strip().rstrip(",;")
    return SourceReference(marker=marker, text=clean, label=label, url=url)


def _outlet_label(text: str) -> str | None:
    """The outlet: an italic name (*Outlet*), else the part after a quoted title."""
    italic = re.search(r"(?<![\w*])[*_]([^*_\n]{2,80})[*_](?![\w*])", text)
    if italic:
        return italic.group(1).strip()
    quoted = re.search(r"[\"“][^\"”]{3,}[\"”],?\s*([^,.<]{2,60})", text)
    if quoted:
        label = quoted.group(1).strip()
        if not re.match(r"(?i)(published|accessed|retrieved|available|\d)", label):
            return label
    return None


def anchors_from_sentinels(text: str) -> tuple[str, list[ReferenceAnchor]]:
    """Remove sentinels; each marker anchors the sentence (or clause) that ends at it."""
    anchors: list[ReferenceAnchor] = []
    out: list[str] = []
    pos = 0
    length = 0
    for m in _SENTINEL.finditer(text):
        chunk = text[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        anchors.append(ReferenceAnchor(marker=m.group(1), start=length, end=length))
    out.append(text[pos:])
    clean = "".join(out)
    for a in anchors:
        a.start = _sentence_start(clean, a.end)
    return clean, anchors


def _sentence_start(text: str, end: int) -> int:
    """Start of the sentence that ends at `end` (the marker usually follows its period)."""
    head = text[:end].rstrip()
    head = head[:-1] if head.endswith((".", "!", "?")) else head
    para = head.rfind("\n\n")
    best = para + 2 if para >= 0 else 0
    for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])", head):
        word = re.search(r"(\w+)[.!?]\S*\s+$", head[: m.end()])
        if word and len(word.group(1)) <= 3 and word.group(1)[0].isupper():
            continue  # "Mr. Okafor", "Gen. Sato", "U.S. forces": an abbreviation, not a sentence end
        if m.end() > best:
            best = m.end()
    return best
