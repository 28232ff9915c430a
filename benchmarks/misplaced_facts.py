"""Why a memo states a key fact outside its gold section: the extractor, the placement step or the merger.

Run from the repo root, after `memogen build` of a tuning-half corpus event or a devset event:
    .venv/bin/python benchmarks/misplaced_facts.py OUT/T/T.json FACTS.yaml SOURCES_DIR

For every fact memo_eval.py counts as misplaced (matched only outside its gold section), each memo point
stating it is printed with the section the extractor gave each of its members (the same reading and event
inference as `memogen build`), and one cause:
- extractor: the members' sections agree with the memo's (the sentence classifier put it there);
- merger: members disagree and the group's vote (`merge._section_vote`) chose the memo's section;
- placement: no member was filed there; compose moved the point (compose/placement.py);
- aside: the memo's section is the point's right one, the fact is told in a clause of it (a background
  fact inside a report of the event), so no section of that sentence could hold it.
The last is a judgement, not computed: a point whose members all sit where the memo has it is reported
as "extractor"; read its text to tell the two apart.

Refuses the held half's events (benchmarks/corpus_halves.py): their details stay unseen.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from memogen.sections.classify import classify
from memogen.sections.event import infer_event
from memogen.sections.extract import source_points
from memogen.sources import agree_on_joins, read_sources

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_halves import SHARED, in_tune_half  # noqa: E402

SHORT = {"what_happened": "wh", "background": "bg", "what_it_means": "wm"}


def extractor_sections(folder: Path) -> dict[tuple[str, str], tuple[str, float]]:
    """(source id, text) -> (section, confidence) of every point the extractor found."""
    sources = agree_on_joins(read_sources(sorted(folder.glob("*.txt")), {}, progress=False)[0])
    event = infer_event(sources)
    span = (event.start, event.end) if event else (None, None)
    out = {}
    for s in sources:
        found = source_points(s, *span)
        for text, dec in zip(found.texts, classify(found.items), strict=True):
            out[(s.id, _key(text))] = (SHORT[dec.section], dec.confidence)
    return out


def _key(text: str) -> str:
    """What a point's text and a cluster member's excerpt (spaces evened, cut at 300) share."""
    return " ".join(text.split())[:120]


def cause(memo_section: str, members: list[tuple[str, float]]) -> str:
    kinds = {m[0] for m in members}
    if not members:
        return "unknown"
    if kinds == {memo_section}:
        return "extractor"
    return "merger" if memo_section in kinds else "placement"


def main() -> int:
    memo_json, facts_yaml, folder = (Path(a) for a in sys.argv[1:4])
    corpus_event = facts_yaml.resolve().parent
    if corpus_event.parent == (SHARED / "corpus" / "events").resolve() and not in_tune_half(
        corpus_event.name
    ):
        print("a held-half event: its details stay unseen")
        return 2
    memo = json.loads(memo_json.read_text())
    gold = yaml.safe_load(facts_yaml.read_text())
    extracted = extractor_sections(folder)
    points = [(SHORT[s["key"]], p) for s in memo["sections"] for p in s["points"]]
    members_of = {c["id"]: c["members"] for c in memo["clusters"]}
    causes: Counter[str] = Counter()
    for fact in gold["facts"]:
        rx = [re.compile(x, re.I) for x in fact["all"]]
        hits = [(k, p) for k, p in points if all(r.search(p["text"]) for r in rx)]
        if not hits or not fact.get("section") or fact["section"] in {k for k, _ in hits}:
            continue
        print(f"## {fact['id']} (gold {fact['section']}): {fact['fact']}")
        for k, p in hits:
            members = [
                extracted[key]
                for m in members_of.get(p["id"], [])
                if (key := (m["source_id"], _key(m["excerpt"]))) in extracted
            ]
            why = cause(k, members)
            causes[why] += 1
            shown = ", ".join(f"{s} {c:.2f}" for s, c in members)
            print(f"   memo {k} ({why}; members: {shown}) {p['text'][:140]}")
    print("causes:", dict(causes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
