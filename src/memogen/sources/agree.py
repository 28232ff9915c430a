"""What the sources of one topic settle together: a name one page had split as a lost space.

The splitter reads one page at a time ("HarbourLink," written once, "Harbour" used on its own, becomes
"Harbour Link,").  The other pages of the topic are better evidence than one page's words: when they
write the glued name more often than the split one, the page's split was no lost space but the name,
and it is undone.  A split the other pages back ("Tarek" beside "General"), or that none of them
speaks to, stays.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Source

_LETTERS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_KEPT = "join kept as the topic's other sources write it: '{}'"


def agree_on_joins(sources: list[Source]) -> list[Source]:
    """Each source with a capitalised token split where the other sources write it glued, mended."""
    splits = {s.id: [p for j in s.joins if (p := _name_split(*j)) is not None] for s in sources if s.joins}
    forms = {form for pairs in splits.values() for pair in pairs for form in pair}
    if not forms or len(sources) < 2:
        return sources
    # each text read once, for the glued and split forms only (not every token of every source)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")\b")
    counts = {s.id: Counter(pattern.findall(s.text)) for s in sources}
    total = sum(counts.values(), Counter())
    return [_mended(s, splits.get(s.id, []), counts[s.id], total) for s in sources]


def _name_split(written: str, split: str) -> tuple[str, str] | None:
    """('HarbourLink', 'Harbour Link') from a repair that split a capitalised token ('HarbourLink,' ->
    'Harbour Link,'): its letters only, so the forms are found whatever punctuation stood beside."""
    before = re.search(r"[A-Za-z]+", written)
    after = _LETTERS.search(split)
    if not before or not after or not before.group()[:1].isupper():
        return None
    glued, apart = before.group(), after.group()
    return (glued, apart) if apart.replace(" ", "") == glued and " " in apart else None


def _mended(source: Source, splits: list[tuple[str, str]], own: Counter, total: Counter) -> Source:
    """`source` with the splits the other sources (`total` less its `own` counts) write glued undone."""
    undo = [
        (glued, split) for glued, split in splits if total[glued] - own[glued] > total[split] - own[split]
    ]
    if not undo:
        return source
    text, shift = _rejoin(source.text, {split: glued for glued, split in undo})
    return replace(
        source,
        text=text,
        headings=[(_moved(o, shift), h) for o, h in source.headings],
        anchors=[replace(a, start=_moved(a.start, shift), end=_moved(a.end, shift)) for a in source.anchors],
        warnings=[*source.warnings, *(_KEPT.format(g) for g, _ in undo)],
    )


def _rejoin(text: str, glued: dict[str, str]) -> tuple[str, list[int]]:
    """The text with every split form (a key of `glued`) written glued, and the offsets (in the text
    before) of the spaces taken out."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(glued, key=len, reverse=True))) + r")\b")
    cuts: list[int] = []
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()] + glued[m.group()])
        cuts += [m.start() + i for i, c in enumerate(m.group()) if c == " "]
        last = m.end()
    return "".join(out) + text[last:], cuts


def _moved(offset: int, cuts: list[int]) -> int:
    """Where an offset of the text before lands once the characters at `cuts` are gone."""
    return offset - sum(1 for c in cuts if c < offset)
