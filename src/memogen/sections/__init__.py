"""Section extractor (issues 4, 11): sources -> points in What happened / Background / What it means.

`infer_event(sources)` finds what the memo is about — the most recent specific action the sources
report as news, with its days, actors, place and why (event.py) — when topic.yaml does not say.
`extract_points(source, event_date, event_end=None)` splits one cleaned source into points
(sentences.py, segment.py), fixes the section of points under a heading by what the heading means
(headings.py; a wording its lexicon lacks is read by embedding similarity, heading_similarity.py), lets
the points of a headed brief's unnamed part share one section, and lets a small learned model (features.py, learned.py, classify.py; weights in
section_model.json, refitted by benchmarks/fit_sections.py) place the rest, each with a confidence
and a reason ("heading", "time", "cue", "position").  A page given alone infers its own event.
"""

from __future__ import annotations

from .event import Event, event_lines, infer_event, infer_event_date, written_on
from .extract import extract_points
from .sentences import forget_sentence_splits

__all__ = [
    "Event",
    "event_lines",
    "extract_points",
    "forget_sentence_splits",
    "infer_event",
    "infer_event_date",
    "written_on",
]
