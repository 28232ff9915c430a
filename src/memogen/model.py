"""The one memo model every stage shares (readers -> model -> writers, as in pandoc).

Readers produce `Source` objects, the section extractor turns them into `Point`s,
the merger turns points into `MergedPoint`s, the composer arranges those into a
`Memo`, and every renderer takes a `Memo` and nothing else.  Nothing here knows
about files formats on the output side; nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SectionKey = Literal["what_happened", "background", "what_it_means"]
SECTION_KEYS: tuple[SectionKey, ...] = ("what_happened", "background", "what_it_means")
DEFAULT_HEADINGS: dict[str, str] = {
    "what_happened": "What happened?",
    "background": "What is the background?",
    "what_it_means": "What does it mean?",
}


# --------------------------------------------------------------------------- sources


@dataclass
class SourceMetadata:
    """Bibliographic facts about one source.

    `inferred` names the fields memogen guessed from the text; every other
    non-empty field came from `topic.yaml`.  `origins` says where each value came from
    ("topic.yaml", "page line 5: byline", "document properties").
    """

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None
    author_bio: str | None = None
    inferred: list[str] = field(default_factory=list)
    container_title: str | None = None  # the edition a story belongs to ("The World This Week #106")
    origins: dict[str, str] = field(default_factory=dict)  # field -> where its value came from


@dataclass
class SourceReference:
    """A note of the source's own (its footnote ¹ or [1]): what *it* cited."""

    marker: str
    text: str
    label: str | None = None  # short name of the cited work's outlet, e.g. "The Herald"
    url: str | None = None


@dataclass
class ReferenceAnchor:
    """Which passage of the cleaned body cited which of the source's own notes."""

    marker: str
    start: int
    end: int


@dataclass
class DroppedLine:
    """A line the cleaner removed from a source, and why (shown to the user)."""

    line: str
    reason: str
    lineno: int = 0


@dataclass
class Source:
    """One input document after reading and cleaning."""

    id: str
    path: str
    kind: str
    metadata: SourceMetadata
    text: str
    dropped: list[DroppedLine] = field(default_factory=list)
    references: list[SourceReference] = field(default_factory=list)
    anchors: list[ReferenceAnchor] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, heading)
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    # the words the join splitter separated, (as written, as split): 'HarbourLink' -> 'Harbour Link'; the
    # topic's other sources may show the split was a name, not a lost space (sources/agree.py)
    joins: list[tuple[str, str]] = field(default_factory=list)

    def references_in(self, start: int, end: int) -> list[SourceReference]:
        """The source's own references cited by the passage text[start:end]."""
        markers = {a.marker for a in self.anchors if a.start < end and a.end > start}
        return [r for r in self.references if r.marker in markers]


# --------------------------------------------------------------------------- points


@dataclass
class Point:
    """One statement taken from one source and assigned to a section."""

    text: str
    section: SectionKey
    source_id: str
    start: int
    end: int
    confidence: float = 1.0
    reason: str = "heading"  # heading / time / cue / model / position
    order: int = 0  # position of the point within its source


@dataclass
class Citation:
    """A link from a memo statement to the source passage that supports it."""

    source_id: str
    excerpt: str
    start: int = 0
    end: int = 0
    score: float = 1.0
    via: list[str] = field(default_factory=list)  # what the source itself cited


@dataclass
class ConflictValue:
    source_id: str
    value: str
    excerpt: str


@dataclass
class Conflict:
    """Sources disagree on a figure or date attached to the same fact."""

    kind: Literal["number", "date", "amount", "percent"]
    statement: str  # "Sources differ: A reports X; B reports Y."
    values: list[ConflictValue] = field(default_factory=list)
    # "differ": the sources disagree at one time; "progression": a count reported as it moved over time
    # "agree": bounds that fit together ("at least 10,000" / "more than 9,000"), the strongest stated once
    change: Literal["differ", "progression", "agree"] = "differ"
    # a progression told after a sentence that gives one of its figures: that source's id -> the
    # statement without that step ("Earlier reports gave ...; a later one gives ..."), so the memo
    # does not say the figure twice (see merge.statements.progression_beside)
    beside: dict[str, str] = field(default_factory=dict)


@dataclass
class Inline:
    """A run of text with the little formatting a memo needs (pandoc's inlines)."""

    text: str
    italic: bool = False
    bold: bool = False
    url: str | None = None


@dataclass
class Note:
    """One footnote: its number and its formatted text."""

    number: int
    inlines: list[Inline]

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.inlines)


@dataclass
class MergedPoint:
    """One fact of the memo, citing every source that states it."""

    id: str
    text: str
    section: SectionKey
    citations: list[Citation]
    conflicts: list[Conflict] = field(default_factory=list)
    confidence: float = 1.0
    theme: str | None = None
    note: Note | None = None  # filled by the citation stage
    inlines: list[Inline] | None = None  # rich text, when the text carries formatting

    @property
    def source_ids(self) -> list[str]:
        seen: list[str] = []
        for c in self.citations:
            if c.source_id not in seen:
                seen.append(c.source_id)
        return seen

    def body_inlines(self) -> list[Inline]:
        """The statement as inline runs, conflict statements appended."""
        runs = list(self.inlines) if self.inlines else [Inline(self.text)]
        for conflict in self.conflicts:
            runs.append(Inline(" " + conflict.statement))
        return runs


# --------------------------------------------------------------------------- memo


@dataclass
class Paragraph:
    """Points the composer put together; `lead` is e.g. "First," in the GP style."""

    points: list[MergedPoint]
    lead: str | None = None


@dataclass
class MemoSection:
    key: SectionKey
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def points(self) -> list[MergedPoint]:
        return [p for para in self.paragraphs for p in para.points]


@dataclass
class MemoHeader:
    title: str
    subtitle: str | None = None
    to: str | None = None
    from_: str | None = None
    date: str | None = None  # display date of the memo
    subject: str | None = None
    classification: str | None = None
    event_date: dt.date | None = None
    event_end: dt.date | None = None


@dataclass
class DroppedPoint:
    """A point the composer left out, and why (budget, duplicate, ...)."""

    text: str
    section: SectionKey
    source_ids: list[str]
    reason: str


@dataclass
class ClusterMember:
    source_id: str
    excerpt: str
    score: float


@dataclass
class Cluster:
    """What the merger put together (transparency record)."""

    id: str
    section: SectionKey
    chosen: str
    members: list[ClusterMember]
    conflicts: list[Conflict] = field(default_factory=list)
    # why a member's figure is not stated as fact (a date only one source gives, others contradict)
    flags: list[str] = field(default_factory=list)
    absorbed_into: str | None = None  # the fact that states this one's figures (with the disagreement)


@dataclass
class RenderSettings:
    """Presentation choices from topic.yaml that renderers need."""

    citation_style: str = "chicago-note-bibliography"
    notes: Literal["short", "full"] = "full"  # "short": short notes on first reference too
    # "run": statements in a row of one paragraph citing the same sources share the note after
    # the last of them; "statement": a note after every statement
    note_per: Literal["run", "statement"] = "run"
    page_size: Literal["A4", "Letter"] = "A4"
    template_dir: str | None = None
    reference_docx: str | None = None
    author: str | None = None
    keywords: list[str] = field(default_factory=list)


@dataclass
class Memo:
    """The whole memo. Renderers take this and nothing else."""

    topic: str
    header: MemoHeader
    sections: list[MemoSection]
    sources: list[Source]
    settings: RenderSettings = field(default_factory=RenderSettings)
    build_date: dt.datetime | None = None
    bibliography: list[list[Inline]] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    dropped_points: list[DroppedPoint] = field(default_factory=list)
    kept_reasons: dict[str, str] = field(default_factory=dict)  # point id -> why the composer kept it
    generator: str = "memogen"

    def section(self, key: SectionKey) -> MemoSection:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    @property
    def points(self) -> list[MergedPoint]:
        return [p for s in self.sections for p in s.points]
