"""Footnotes for reportlab platypus: each note at the bottom of the page that carries its mark.

platypus has no footnotes.  The single-pass technique used here:

* A `NotedParagraph` knows its notes, keyed by the name of a zero-width anchor
  (``<a name="fnref-N"/>``) placed right before each mark.  When the paragraph splits across
  pages, each part keeps exactly the notes whose anchors ended up in it, so a note follows its
  mark, not its paragraph.
* A `FootnoteFrame` raises its own bottom by the height of the notes of every flowable it
  accepts (and undoes it when the flowable does not fit); its `split` reserves the height of
  the notes of the first part, so "the text plus its notes" is what must fit.
* `FootnoteDocTemplate` draws the collected notes below a short rule when the page ends.

Nothing here knows about memos: the PDF writer builds the notes and the markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

_FUZZ = 1e-6
REF_PREFIX = "fnref-"
_NOTE_LISTS = ("page_notes", "carried")  # a FootnoteFrame's notes: shared by its copies


def ref_anchor(number: int) -> str:
    """The anchor name that ties mark `number` to its note (put ``<a name=...>`` right before the mark)."""
    return f"{REF_PREFIX}{number}"


def _anchor_names(frags: object) -> Iterator[str]:
    """Names of the ``<a name>`` anchors in a paragraph's (possibly split, nested) fragment lists."""
    if isinstance(frags, (list, tuple)):
        for item in frags:
            yield from _anchor_names(item)
        return
    cb = getattr(frags, "cbDefn", None)
    if cb is not None and getattr(cb, "kind", None) == "anchor":
        yield cb.name


class NotedParagraph(Paragraph):
    """A Paragraph carrying footnotes: {anchor name: note flowable}, in reading order."""

    def __init__(
        self, text, style=None, bulletText=None, frags=None, caseSensitive=1, encoding="utf8", notes=None
    ):
        super().__init__(
            text, style, bulletText=bulletText, frags=frags, caseSensitive=caseSensitive, encoding=encoding
        )
        self.notes: dict[str, Flowable] = dict(notes or {})

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            # reportlab builds both halves with self.__class__(None, style, frags=...): hand each
            # half the notes whose anchors it holds.
            for part in parts:
                held = set(_anchor_names(part.frags))
                part.notes = {name: note for name, note in self.notes.items() if name in held}
        return parts


def notes_of(flowable: Flowable) -> list[Flowable]:
    """The notes a flowable carries, looking inside containers such as KeepTogether."""
    notes = getattr(flowable, "notes", None)
    if isinstance(notes, dict):
        return list(notes.values())
    content = getattr(flowable, "_content", None)
    if isinstance(content, (list, tuple)):
        return [note for child in content for note in notes_of(child)]
    return []


class NoteFlush(Flowable):
    """Zero-size end marker: a FootnoteFrame refuses it while notes still wait to be placed."""

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        pass


class FootnoteFrame(Frame):
    """A frame whose usable bottom rises with the notes of what it has accepted on this page."""

    def __init__(
        self, *args, rule_space: float = 10.0, note_gap: float = 1.5, min_text: float = 36.0, **kwargs
    ):
        self.rule_space = rule_space  # room for the short rule above the first note
        self.note_gap = note_gap
        self.min_text = min_text  # room continued notes leave for text on a fresh page
        self.carried: list[Flowable] = []
        super().__init__(*args, **kwargs)

    def __deepcopy__(self, memo: dict) -> FootnoteFrame:
        """A copy whose note lists are new lists of the same notes.

        platypus deep-copies the frame to measure a KeepTogether, then drops the copy; copying
        every note paragraph placed on the page was ~10 % of a PDF rendering. The copy never
        draws or moves those notes, and the lists it could change are its own.
        """
        import copy

        new = type(self).__new__(type(self))
        memo[id(self)] = new
        for name, value in self.__dict__.items():
            shared = name in _NOTE_LISTS
            new.__dict__[name] = list(value) if shared else copy.deepcopy(value, memo)
        return new

    def _reset(self):
        super()._reset()
        self.__dict__["_y1p"] = self._y1 + self._bottomPadding
        self.page_notes: list[Flowable] = []
        carried, self.carried = self.carried, []
        self._take(carried)

    def _take(self, notes: list[Flowable]) -> None:
        """Place notes at this page's bottom while there is room; continue the rest on the next page.

        Only used when one line of text carries more notes than a whole page holds: the
        notes then continue on the following page(s), as Word continues long footnotes.
        """
        for i, note in enumerate(notes):
            need = self.extra_height([note])
            if self.page_notes and self._y - self._y1p - need < self.min_text:
                self.carried.extend(notes[i:])
                return
            self.page_notes.append(note)
            self.__dict__["_y1p"] = self._y1p + need

    def _note_height(self, note: Flowable) -> float:
        return note.wrap(self._aW, 1e6)[1] + self.note_gap

    def extra_height(self, notes: Iterable[Flowable]) -> float:
        """Height the notes would add to this page (the rule only comes with the page's first note)."""
        notes = list(notes)
        if not notes:
            return 0.0
        rule = 0.0 if self.page_notes else self.rule_space
        return rule + sum(self._note_height(n) for n in notes)

    def add(self, flowable, canv, trySplit=0):
        if self.carried:  # continued notes fill this page; text goes on after them
            flowable.__dict__.pop("_postponed", None)
            return 0
        notes = notes_of(flowable)
        if not notes:
            return Frame._add(self, flowable, canv, trySplit)
        if getattr(flowable, "_note_overflow", False):
            if not Frame._add(self, flowable, canv, trySplit):
                return 0
            self._take(notes)
            return 1
        base = self._y1p
        self.__dict__["_y1p"] = base + self.extra_height(notes)
        if Frame._add(self, flowable, canv, trySplit):
            self.page_notes.extend(notes)
            return 1
        self.__dict__["_y1p"] = base
        return 0

    def split(self, flowable, canv):
        """Split so that the first part *and its notes* fit on this page.

        Reserving r points for notes leaves a first part whose notes need n(r) <= n(r') for r > r'
        (a shorter part holds fewer marks).  The smallest r with n(r) <= r gives the longest part
        that fits; bisection finds it in ~10 cheap splits, and only at a page break.
        """
        if self.carried:
            return []
        if not notes_of(flowable):
            return Frame.split(self, flowable, canv)
        parts, fits = self._split_reserving(flowable, canv, 0.0)
        if fits:
            return parts
        lo, hi, best = 0.0, self._y - self._y1p, []
        while hi - lo > 0.5:
            mid = (lo + hi) / 2
            parts, fits = self._split_reserving(flowable, canv, mid)
            if fits:
                best, hi = parts, mid
            elif parts:
                lo = mid  # the part's notes need more room than reserved
            else:
                hi = mid  # nothing left for text: reserve less
        if not best and self._atTop:
            # Not even one line fits with its notes on an empty page: place the text and let
            # its notes continue on the next page rather than fail the whole document.
            best = Frame.split(self, flowable, canv)
            if best:
                best[0]._note_overflow = True
        return best

    def _split_reserving(self, flowable, canv, reserve: float) -> tuple[list, bool]:
        """Split with `reserve` points kept free for notes; also say whether the part's notes fit there."""
        base = self._y1p
        self.__dict__["_y1p"] = base + reserve
        try:
            parts = Frame.split(self, flowable, canv)
        finally:
            self.__dict__["_y1p"] = base
        return parts, bool(parts) and self.extra_height(notes_of(parts[0])) <= reserve + _FUZZ

    def draw_notes(self, canv) -> None:
        """Draw this page's notes upward from the frame's original bottom, under a short rule."""
        if not self.page_notes:
            return
        x = self._x1 + self._leftPadding
        y = self._y1 + self._bottomPadding + self.rule_space + self._notes_total()
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.line(x, y - self.rule_space / 2, x + self._aW / 3, y - self.rule_space / 2)
        canv.restoreState()
        y -= self.rule_space
        for note in self.page_notes:
            height = note.wrap(self._aW, 1e6)[1]
            note.drawOn(canv, x, y - height)
            y -= height + self.note_gap

    def _notes_total(self) -> float:
        return sum(self._note_height(n) for n in self.page_notes)


class FootnoteDocTemplate(BaseDocTemplate):
    """A one-frame page layout with footnotes; `on_page_end(canvas, doc)` adds footers.

    A flowable with an ``outline`` attribute ``(key, title)`` gets a top-level outline entry
    (its markup should hold ``<a name="key"/>`` so the bookmark lands on the heading).
    """

    def __init__(self, filename, *, on_page_end: Callable | None = None, **kwargs):
        super().__init__(filename, **kwargs)
        self._on_page_end = on_page_end
        self.note_frame = FootnoteFrame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[self.note_frame], onPageEnd=self._page_end)])

    def build(self, flowables, *args, **kwargs):
        # The trailing NoteFlush makes platypus add pages until continued notes are all placed.
        super().build([*flowables, NoteFlush()], *args, **kwargs)

    def _page_end(self, canv, doc) -> None:
        self.note_frame.draw_notes(canv)
        if self._on_page_end:
            self._on_page_end(canv, doc)

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            key, title = outline
            self.canv.addOutlineEntry(title, key, level=0, closed=False)
