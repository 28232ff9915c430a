"""Evaluation of the extractor against headed briefs (the harness behind benchmarks/eval_sections.py).

A labelled brief is plain text with a `key: value` header, a `---` line, and
headings written `# SECTION | Heading text` (SECTION `-` for a heading that
names no section).  Every sentence takes the section of the heading above it.
The harness builds two versions of the body: *headed* (headings kept: every
point must get its heading's section) and *stripped* (section headings removed:
the classifier is on its own), and scores sentence-level accuracy and
per-section F1.  All functions work on strings; file reading is the caller's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import SECTION_KEYS, Point, Source, SourceMetadata
from .extract import extract_points
from .segment import Block, sentences

_HEADING = re.compile(r"^#\s*(?P<key>[a-z_]+|-)\s*\|\s*(?P<text>.+?)\s*$")
NONE = "none"


@dataclass
class GoldSentence:
    start: int
    end: int
    label: str


@dataclass
class Labelled:
    """One labelled brief in both versions."""

    name: str
    meta: dict[str, str]
    headed: str
    stripped: str
    gold_headed: list[GoldSentence] = field(default_factory=list)
    gold_stripped: list[GoldSentence] = field(default_factory=list)

    def date(self, key: str) -> dt.date | None:
        value = self.meta.get(key)
        return dt.date.fromisoformat(value) if value else None

    def source(self, stripped: bool) -> Source:
        return Source(
            id=self.name,
            path=f"{self.name}.txt",
            kind="txt",
            metadata=SourceMetadata(date=self.date("published")),
            text=self.stripped if stripped else self.headed,
        )


def _paragraphs(body: str) -> list[str]:
    """Blank-line paragraphs; a `# ...` heading line is a paragraph of its own."""
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", body):
        lines: list[str] = []
        for line in chunk.splitlines():
            if line.startswith("#"):
                out.extend([" ".join(" ".join(lines).split())] if lines else [])
                out.append(line.strip())
                lines = []
            elif line.strip():
                lines.append(line)
        if lines:
            out.append(" ".join(" ".join(lines).split()))
    return out


def parse_labelled(name: str, raw: str) -> Labelled:
    """Parse one labelled brief (format in tests/fixtures/sections/README.md)."""
    head, _, body = raw.partition("\n---\n")
    meta = {
        k.strip(): v.strip() for k, _, v in (line.partition(":") for line in head.splitlines() if ":" in line)
    }
    doc = Labelled(name, meta, "", "")
    label: str | None = None
    headed: list[str] = []
    stripped: list[str] = []
    for para in _paragraphs(body):
        m = _HEADING.match(para)
        if m:
            if m["key"] != "-":
                label = m["key"]
                headed.append(m["text"])
                continue
            para = m["text"]
        elif label is not None:
            _gold(headed, para, label, doc.gold_headed)
            _gold(stripped, para, label, doc.gold_stripped)
        headed.append(para)
        stripped.append(para)
    doc.headed, doc.stripped = "\n\n".join(headed), "\n\n".join(stripped)
    return doc


def _gold(previous: list[str], para: str, label: str, out: list[GoldSentence]) -> None:
    """Gold sentences of `para`, placed where it will sit after `previous` paragraphs."""
    offset = sum(len(p) + 2 for p in previous)
    text = "\n\n".join([*previous, para])
    block = Block(offset, offset + len(para), False)
    out.extend(GoldSentence(s.start, s.end, label) for s in sentences(text, block, 0))


def predicted(points: list[Point], gold: list[GoldSentence]) -> list[str]:
    """The section of the point covering each gold sentence's middle (NONE if no point covers it)."""
    out = []
    for g in gold:
        mid = (g.start + g.end) // 2
        hit = next((p.section for p in points if p.start <= mid < p.end), NONE)
        out.append(hit)
    return out


@dataclass
class Score:
    n: int = 0
    correct: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTION_KEYS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTION_KEYS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTION_KEYS, 0))
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, gold: list[str], pred: list[str]) -> None:
        for g, p in zip(gold, pred, strict=True):
            self.n += 1
            self.correct += g == p
            self.confusion[(g, p)] = self.confusion.get((g, p), 0) + 1
            if g == p:
                self.tp[g] += 1
            else:
                self.fn[g] += 1
                if p in self.fp:
                    self.fp[p] += 1

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def f1(self, key: str) -> float:
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def evaluate(doc: Labelled, stripped: bool = True) -> tuple[list[str], list[str], list[Point]]:
    """(gold labels, predicted labels, points) for one brief, headings stripped or kept."""
    source = doc.source(stripped)
    points = extract_points(source, doc.date("event_date"), doc.date("event_end"))
    gold = doc.gold_stripped if stripped else doc.gold_headed
    return [g.label for g in gold], predicted(points, gold), points
