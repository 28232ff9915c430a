"""Bytes -> text for text-like sources: detect the encoding, refuse binaries, repair mojibake.

Why not just `.decode("utf-8")`: saved pages and exported notes arrive as cp1252,
UTF-16 (Windows "Unicode" text), UTF-8 with a BOM, or UTF-8 that was once decoded
as cp1252 ("â€™").  A wrong guess silently corrupts every quote mark.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes mostly on one side (the high byte of every ASCII space,
    digit or line break), and text without control characters once decoded that way.

    Which side, not their share, tells: Chinese or Russian UTF-16 has few of them (its
    spaces, digits and line breaks; a few ideographs such as U+5F00 put one on the other
    side), English UTF-16 has one in every two bytes.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    for zeros, others, codec in ((odd_zeros, even_zeros, "utf-16-le"), (even_zeros, odd_zeros, "utf-16-be")):
        if zeros == 0 or others * 3 > zeros:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text
    return None


def _likeliest(matches):  # noqa: ANN001, ANN202 - charset_normalizer CharsetMatches / CharsetMatch
    """The detector's best guess, but cp1252 when it scores exactly as well.

    On short Western text cp1250 and cp1252 often tie (same chaos, same coherence) and the
    detector then picks cp1250, turning 'Å' into 'Ĺ'; cp1252 is by far the commoner legacy
    encoding of saved pages. Text that only cp1250 reads well (Polish, Czech) is unaffected.
    """
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        tie = match.chaos <= best.chaos and match.coherence >= best.coherence
        if tie and match.encoding == "cp1252":
            return match
    return best


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # below 32, except tab, newline, form feed, return


def _looks_binary(text: str) -> bool:
    """Control characters other than tab/newline/form feed mean this is not prose."""
    if not text:
        return False
    bad = len(_CONTROL.findall(text))  # one scan in C, not a Python step per character
    return "\x00" in text or bad > max(2, len(text) // 200)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a text file's bytes; InputError naming `name` when it is empty or not text."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(f"{name}: empty file")
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            break
    if text is None and b"\x00" in data:  # NUL is valid UTF-8, so UTF-16 must be tried first
        text = _utf16_without_bom(data)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name}: binary file, not text")
        from charset_normalizer import from_bytes

        best = _likeliest(from_bytes(data))
        if best is None:
            raise InputError(f"{name}: cannot detect the text encoding")
        text = str(best)
    if _looks_binary(text):
        raise InputError(f"{name}: binary file, not text")
    return repair_text(text)


# A line ftfy's fixes leave as it is: printable ASCII (tab allowed) without the "&" of an entity,
# and the typographer's quotes, dashes, ellipsis and bullet (‘’“”–—…•). Ligatures, wide forms, odd
# line breaks, control characters and NFC all need a character outside this class; and every
# pattern of ftfy's mojibake test (badness.BADNESS_RE) needs one too (an accented letter, a
# currency, box or "bad" sign, Â/Ã), so these lines never look like mojibake. Curly quotes are in
# most lines of an edited report: without them here, ftfy read 20 % of a 4 MB report (~0.5 s).
_UNTOUCHED_LINE = re.compile("[\t\x20-\x25\x27-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022]*")


def repair_text(text: str) -> str:
    """Fix mojibake and normalise newlines; keep curly quotes (they are the author's)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _GBK_LEAD in text:
        text = _repair_gbk_punctuation(text)
    return "".join(_fixed_runs(text.split("\n")))


# UTF-8 punctuation read as GBK (a Chinese-locale copy of an English page): the bytes E2 80 that open
# ’ “ ” – — … become '鈥', and the third byte pairs with the next character's into one ideograph
# ("China鈥檚" is "China’s", "鈥渆nough" is "“enough"). ftfy knows only the Latin codecs' mojibake.
_GBK_LEAD = "\u9225"  # '鈥' = GBK E2 80
_GBK_PUNCT = re.compile(_GBK_LEAD + "(?P<next>[^\x00-\x7f])?")
_LATIN_SHARE = 0.8  # such a page is English: its letters are mostly Latin (a Chinese text keeps its '鈥')


def _repair_gbk_punctuation(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) < _LATIN_SHARE * len(letters):
        return text

    def fix(m: re.Match[str]) -> str:
        nxt = m.group("next")
        if nxt is None or nxt == "\ufffd":  # the third byte lost: a closing quote after a word, else opening
            before = text[m.start() - 1 : m.start()]
            return "”" if before and not before.isspace() else "“"
        try:
            raw = b"\xe2\x80" + nxt.encode("gbk")
        except UnicodeEncodeError:
            return m.group(0)
        if len(raw) != 4 or not 0x80 <= raw[2] <= 0xBF:
            return m.group(0)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)

    return _GBK_PUNCT.sub(fix, text)


def _fixed_runs(lines: list[str]):
    """ftfy.fix_text's result, line by line as ftfy fixes it, with each run of lines it could
    change handed to it and the lines it cannot change passed over.

    Why: ftfy spends ~0.1 ms on every line, and most lines of a long report are plain ASCII
    (a 4 MB report: 80 % of its lines, ~1.5 s). Exactly as in one call: ftfy stops unescaping
    entities for good once a line holds "<", so each run is told whether one came before.
    """
    import ftfy

    run: list[str] = []
    markup_seen = False  # a "<" in an earlier line: the text is markup, "&amp;" stays as it is

    def fixed(run: list[str]) -> str:
        chunk = "".join(run)
        html = False if markup_seen else "auto"
        return ftfy.fix_text(
            chunk, unescape_html=html, uncurl_quotes=False, fix_latin_ligatures=True, normalization="NFC"
        )

    last = len(lines) - 1
    for k, line in enumerate(lines):
        segment = line if k == last else line + "\n"
        if not segment:
            continue
        if _UNTOUCHED_LINE.fullmatch(line):
            if run:
                yield fixed(run)
                markup_seen = markup_seen or any("<" in r for r in run)
                run = []
            markup_seen = markup_seen or "<" in line
            yield segment
        else:
            run.append(segment)
    if run:
        yield fixed(run)
