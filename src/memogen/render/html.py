"""Self-contained HTML output (the layout lives in templates/memo.html.j2)."""

from .markdown import render_html

__all__ = ["render_html"]
