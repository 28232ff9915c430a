"""Section extractor (issue 4): sources -> points in What happened / Background / What it means.

`extract_points(source, event_date, event_end=None)` splits one cleaned source
into points and assigns each a section with a confidence and a reason
("heading", "time", "cue", "position"); `infer_event_date(sources)` finds the
event's dates when topic.yaml does not give them.
"""

from __future__ import annotations

from .event import Event, event_lines, infer_event, infer_event_date, written_on
from .extract import extract_points

__all__ = ["Event", "event_lines", "extract_points", "infer_event", "infer_event_date", "written_on"]
