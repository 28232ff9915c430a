"""jinja2 environment for the fixed wording and layouts in the package's `templates/` folder.

The built-in templates ship inside the package (`memogen/templates/`), so an installed
wheel finds them wherever it runs.  A topic may name its own template folder
(`templates:` in topic.yaml, or --templates); files there win over the built-in ones.
A user's templates run sandboxed (they may come with a shared topic folder), and an
error in one of them is the user's to fix: one line naming the file and line, exit 2.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..errors import RenderError, UserTemplateError
from ..model import Memo

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def template_dirs(memo: Memo) -> list[Path]:
    """Search path: the topic's own folder first, then the built-in templates."""
    dirs = []
    if memo.settings.template_dir:
        dirs.append(Path(memo.settings.template_dir))
    return [*dirs, BUILTIN_TEMPLATES]


def template_cache_dir() -> Path:
    """Where compiled templates are kept between runs (MEMOGEN_TEMPLATE_CACHE overrides)."""
    override = os.environ.get("MEMOGEN_TEMPLATE_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("memogen")) / "templates"


def _bytecode_cache(autoescape: bool, sandboxed: bool):
    """jinja2 compiles every template to Python in every process (~20 ms each); its bytecode
    cache keeps the result, checked against the template's text, so an edited template is
    compiled afresh. One folder per environment kind (the compiled code depends on it). A cache
    that cannot be written costs speed, never the build."""
    import jinja2

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket) -> None:  # noqa: ANN001 - jinja2's signature
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    folder = (
        template_cache_dir() / f"{'html' if autoescape else 'text'}-{'sandbox' if sandboxed else 'plain'}"
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(folder))


def _environment(dirs: tuple[Path, ...], autoescape: bool, sandboxed: bool):
    """A fresh environment per rendering (a template added to the topic's folder meanwhile must
    win); the compiled code comes from the bytecode cache."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    kind = SandboxedEnvironment if sandboxed else jinja2.Environment
    return kind(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(autoescape, sandboxed),
    )


def _is_users(path: str | None) -> bool:
    return bool(path) and not Path(path).resolve().is_relative_to(BUILTIN_TEMPLATES)


def render_template(memo: Memo, name: str, autoescape: bool = False, **context) -> str:
    """Render templates/NAME with the memo; errors name the template file and line."""
    import jinja2

    dirs = template_dirs(memo)
    env = _environment(tuple(dirs), autoescape, sandboxed=len(dirs) > 1)
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or name}:{exc.lineno}"
        raise _template_error(exc.filename, where, exc.message or "syntax error") from None
    except jinja2.TemplateNotFound:
        raise RenderError(f"{name}: template not found in {', '.join(map(str, dirs))}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserTemplateError(f"{name}: cannot read the template ({exc})") from None
    try:
        return template.render(memo=memo, **context)
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        # undefined names, sandbox refusals, a filter given the wrong type...
        raise _template_error(template.filename, template.filename or name, str(exc)) from None


def _template_error(filename: str | None, where: str, detail: str) -> Exception:
    """A user's template: their fix (exit 2); a built-in one: our bug (exit 1)."""
    message = f"{where}: template error: {' '.join(detail.split())}"
    return UserTemplateError(message) if _is_users(filename) else RenderError(message)


def labels(memo: Memo) -> dict[str, str]:
    """Fixed wording (header labels, 'Sources', 'Page n of N') from templates/labels.yaml."""
    for d in template_dirs(memo):
        path = d / "labels.yaml"
        if path.is_file():
            return {**_DEFAULT_LABELS, **_read_labels(path)}
    return dict(_DEFAULT_LABELS)


def _read_labels(path: Path) -> dict[str, str]:
    """A labels file as {key: text}; a broken one is a one-line error naming it."""
    import yaml

    fault = UserTemplateError if _is_users(str(path)) else RenderError
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise fault(f"{path}: cannot read ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise fault(f"{path}:{where}: {getattr(exc, 'problem', None) or 'invalid YAML'}") from None
    if not isinstance(data, dict):
        raise fault(f"{path}: expected a mapping of label keys (to, from, date, sources, page, ...)")
    out = {str(k): str(v) for k, v in data.items() if v is not None}
    try:
        out.get("page", _DEFAULT_LABELS["page"]).format(n=1, total=2)
    except (KeyError, IndexError, ValueError) as exc:
        raise fault(f"{path}: label 'page' {out['page']!r}: use {{n}} and {{total}} only ({exc})") from None
    return out


_DEFAULT_LABELS = {
    "to": "To",
    "from": "From",
    "date": "Date",
    "subject": "Subject",
    "classification": "Classification",
    "sources": "Sources",
    "page": "Page {n} of {total}",
    "notes": "Notes",
    "empty_section": "Not covered by the sources.",
}
