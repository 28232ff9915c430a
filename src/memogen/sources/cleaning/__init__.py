"""Cleaning: every line of a source judged as article text or page furniture, by general evidence.

A page dump is a headline zone (masthead, page date, headline, byline, date), the article,
and a tail (author note, share buttons, lists of other posts).  Each kind of furniture has
its own small classifier, and every dropped line keeps the reason it was dropped:

- `junk`: furniture by shape alone, wherever it stands, asking in turn
  `chrome` (buttons, prompts, menus, share bars, listing rows), `notices` (disclaimers,
  subscription and contact notes, cookie banners), `captions` (captions and credits) and
  `stamps` ("4 hours ago", "5 min read", live-blog times);
- `headline`: the headline zone — mastheads, bylines, author lists, issue lines, summaries above a
  story (`title` picks the headline among them, `dates` reads date lines and datelines);
- `endmatter`: publication notes, author bios and names, comments, bibliographies;
- `sidebars`: teaser runs and the page's tail; `repeats`: repeated lines and pull quotes;
- `layout`: rejoining wrapped lines and paragraphs broken mid-sentence, the source's own footnotes;
- `learned`: a small logistic regression over general evidence (shape, place, neighbours, word
  classes) with the last word on keep or drop, after the rules (weights in `sources/data/line_model.json`,
  refitted by `benchmarks/fit_line_model.py`); the rules still read the metadata;
- `pipeline`: the order in which the rules run, in named families, then the learned judge.

No rule names a site or a phrase of a particular site.
"""

from __future__ import annotations

from .chrome import is_pipe_row, is_ui_prompt
from .junk import classify_junk
from .lines import CleanResult, Found, RawLine
from .pipeline import clean_lines, clean_text

__all__ = [
    "CleanResult",
    "Found",
    "RawLine",
    "classify_junk",
    "clean_lines",
    "clean_text",
    "is_pipe_row",
    "is_ui_prompt",
]
