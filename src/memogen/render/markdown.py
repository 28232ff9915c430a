"""Markdown (pandoc-flavoured footnotes `[^n]`) and self-contained HTML, both from jinja2 templates.

The templates in `templates/` hold the layout and fixed wording; this module
only turns model inlines into escaped Markdown/HTML fragments for them.
"""

from __future__ import annotations

import html
import re

from ..model import Inline, Memo, MergedPoint
from .common import header_rows
from .templating import labels, render_template

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Escape characters Markdown would read as markup, and drop control characters."""
    text = "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_inlines(runs: list[Inline]) -> str:
    out = []
    for r in runs:
        t = md_escape(r.text)
        if r.bold and t.strip():
            t = f"**{t}**"
        if r.italic and t.strip():
            t = f"*{t}*"
        if r.url:
            t = f"[{t}](<{r.url}>)" if r.text != r.url else f"<{r.url}>"
        out.append(t)
    return "".join(out)


def html_inlines(runs: list[Inline]) -> str:
    out = []
    for r in runs:
        t = html.escape("".join(ch for ch in r.text if ch in "\t\n" or ord(ch) >= 32))
        if r.bold:
            t = f"<strong>{t}</strong>"
        if r.italic:
            t = f"<em>{t}</em>"
        if r.url:
            t = f'<a href="{html.escape(r.url, quote=True)}">{t}</a>'
        out.append(t)
    return "".join(out)


def _point_view(point: MergedPoint, fmt) -> dict:
    return {
        "id": point.id,
        "body": fmt(point.body_inlines()),
        "note_number": point.note.number if point.note else None,
        "note": fmt(point.note.inlines) if point.note else None,
    }


def memo_view(memo: Memo, fmt) -> dict:
    """What the templates see: escaped fragments, never raw source strings."""
    sections = []
    for s in memo.sections:
        paragraphs = [
            {
                "lead": fmt([Inline(para.lead)]) if para.lead else None,
                "points": [_point_view(p, fmt) for p in para.points],
            }
            for para in s.paragraphs
        ]
        empty = None if paragraphs else fmt([Inline(labels(memo)["empty_section"], italic=True)])
        sections.append(
            {"key": s.key, "heading": fmt([Inline(s.heading)]), "paragraphs": paragraphs, "empty": empty}
        )
    notes = [_point_view(p, fmt) for p in memo.points if p.note]
    return {
        "title": fmt([Inline(memo.header.title)]),
        "subtitle": fmt([Inline(memo.header.subtitle)]) if memo.header.subtitle else None,
        "header": [(fmt([Inline(k)]), fmt([Inline(v)])) for k, v in header_rows(memo)],
        "sections": sections,
        "notes": notes,
        "bibliography": [fmt(entry) for entry in memo.bibliography],
        "labels": labels(memo),
        "lang": "en",
    }


def render_markdown(memo: Memo) -> str:
    return render_template(memo, "memo.md.j2", view=memo_view(memo, md_inlines))


def render_html(memo: Memo) -> str:
    # Fragments are escaped by html_inlines; the template must not escape them again.
    return render_template(memo, "memo.html.j2", view=memo_view(memo, html_inlines))
