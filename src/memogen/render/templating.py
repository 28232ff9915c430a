"""jinja2 environment for the fixed wording and layouts in `templates/`.

A topic may name its own template folder (`templates:` in topic.yaml); files
there win over the built-in ones.  Template errors name the file and line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import RenderError
from ..model import Memo

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
_PACKAGED_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def template_dirs(memo: Memo) -> list[Path]:
    """Search path: the topic's own folder first, then the built-in templates."""
    dirs = []
    if memo.settings.template_dir:
        dirs.append(Path(memo.settings.template_dir))
    dirs += [d for d in (BUILTIN_TEMPLATES, _PACKAGED_TEMPLATES) if d.is_dir()]
    return dirs


def _environment(dirs: tuple[Path, ...], autoescape: bool):
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(memo: Memo, name: str, autoescape: bool = False, **context) -> str:
    """Render templates/NAME with the memo; errors name the template file and line."""
    import jinja2

    env = _environment(tuple(template_dirs(memo)), autoescape)
    try:
        return env.get_template(name).render(memo=memo, **context)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or name}:{exc.lineno}: template error: {exc.message}") from None
    except jinja2.TemplateNotFound:
        raise RenderError(
            f"{name}: template not found in {', '.join(map(str, template_dirs(memo)))}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"{name}: template error: {exc.message}") from None


def labels(memo: Memo) -> dict[str, str]:
    """Fixed wording (header labels, 'Sources', 'Page n of N') from templates/labels.yaml."""
    for d in template_dirs(memo):
        path = d / "labels.yaml"
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return {**_DEFAULT_LABELS, **{str(k): str(v) for k, v in data.items()}}
    return dict(_DEFAULT_LABELS)


_DEFAULT_LABELS = {
    "to": "To",
    "from": "From",
    "date": "Date",
    "subject": "Subject",
    "classification": "Classification",
    "sources": "Sources",
    "page": "Page {n} of {total}",
    "notes": "Notes",
}
