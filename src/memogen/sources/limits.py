"""Guards on what a build reads: only files of the topic folder, of a sane size, read in sane time.

A topic folder may come from someone else (a shared drive, a zip from a colleague), so
nothing in it is trusted: a symbolic link that leads out of the folder is not followed,
a file larger than the size limit is not read at all, a DOCX whose zip inflates to an
absurd size or ratio is refused before any XML parser sees it, and a source whose
reading runs past the time limit is abandoned.  Each refusal is one warning naming the
file and the limit, so the rest of the topic still builds.

Limits come from the environment (defaults in brackets):
MEMOGEN_MAX_SOURCE_MB [20] for text, Markdown and HTML; MEMOGEN_MAX_BINARY_MB [100] for
PDF and DOCX; MEMOGEN_MAX_INFLATED_MB [200] and MEMOGEN_MAX_ZIP_RATIO [200] for the zip
inside a DOCX; MEMOGEN_PARSE_SECONDS [60] for reading one source (0 = no limit).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError, LimitError, display_path

MB = 1_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
ZIP_SUFFIXES = (".docx",)


@dataclass(frozen=True)
class ZipLimits:
    """What a DOCX (a zip of XML parts) may inflate to."""

    max_inflated: int = 200 * MB
    max_ratio: float = 200.0
    max_entries: int = 10_000


@dataclass(frozen=True)
class Limits:
    """Size and time limits for one source file."""

    text_bytes: int = 20 * MB
    binary_bytes: int = 100 * MB
    parse_seconds: float = 60.0
    zip: ZipLimits = field(default_factory=ZipLimits)

    def max_bytes(self, path: Path) -> int:
        return self.text_bytes if path.suffix.lower() in TEXT_SUFFIXES else self.binary_bytes


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a number") from None
    if value < 0:
        raise ConfigError(f"{name}={raw!r}: must not be negative")
    return value


def limits_from_env(env: Mapping[str, str] | None = None) -> Limits:
    """The limits in force: defaults, each overridden by its MEMOGEN_* variable."""
    env = os.environ if env is None else env
    return Limits(
        text_bytes=int(_number(env, "MEMOGEN_MAX_SOURCE_MB", 20) * MB),
        binary_bytes=int(_number(env, "MEMOGEN_MAX_BINARY_MB", 100) * MB),
        parse_seconds=_number(env, "MEMOGEN_PARSE_SECONDS", 60),
        zip=ZipLimits(
            max_inflated=int(_number(env, "MEMOGEN_MAX_INFLATED_MB", 200) * MB),
            max_ratio=_number(env, "MEMOGEN_MAX_ZIP_RATIO", 200),
        ),
    )


# --------------------------------------------------------------------------- which files a topic has


_OUTPUT_NAME = r"(?:\.\d+)?\.(?:docx|pdf|md|html|json|eml)|\.published\.pdf|\.unsent\.eml"


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` (resolved, links followed) lies in `folder` (resolved)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def screen_source_files(
    candidates: list[Path], topic_dir: Path, out_folder: Path | None = None, limits: Limits | None = None
) -> tuple[list[Path], list[str]]:
    """Drop candidates a build must not read, with one warning each.

    Refused: links that lead outside the topic folder, names that are not valid UTF-8,
    files over the size limit, and memogen's own outputs when the output folder is the
    topic folder itself (`--out` pointing into the inputs).
    """
    limits = limits or limits_from_env()
    own_outputs = _own_outputs(topic_dir, out_folder)
    kept, warnings = [], []
    for path in candidates:
        problem = _problem(path, topic_dir, own_outputs, limits)
        if problem:
            warnings.append(f"{display_path(path)}: {problem}")
        else:
            kept.append(path)
    return kept, warnings


def _own_outputs(topic_dir: Path, out_folder: Path | None) -> re.Pattern[str] | None:
    if out_folder is None or not out_folder.exists():
        return None
    try:
        same = out_folder.resolve() == topic_dir.resolve()
    except (OSError, RuntimeError):
        same = False
    return re.compile(rf"^{re.escape(out_folder.name)}(?:{_OUTPUT_NAME})$") if same else None


def _problem(path: Path, topic_dir: Path, own_outputs: re.Pattern[str] | None, limits: Limits) -> str | None:
    if path.is_symlink() and not is_inside(path, topic_dir):
        return "a link to a file outside the topic folder; not read (copy the file in instead)"
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8; rename the file to read it"
    if own_outputs is not None and own_outputs.match(path.name):
        return "an output of memogen itself (--out is the topic folder); not read as a source"
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    limit = limits.max_bytes(path)
    if limit and size > limit:
        return (
            f"{size / MB:.1f} MB is over the {limit / MB:g} MB limit for this type; not read "
            f"(raise MEMOGEN_MAX_{'SOURCE' if limit == limits.text_bytes else 'BINARY'}_MB to allow it)"
        )
    return None


def check_within_topic(value: str, topic_dir: Path, what: str, where: str) -> Path:
    """A topic.yaml path (templates:, reference_docx:) resolved, refused if it leaves the topic folder."""
    path = (topic_dir / value).resolve()
    if not is_inside(path, topic_dir):
        raise ConfigError(
            f"{where}: field '{what}': {value} lies outside the topic folder {display_path(topic_dir)}; "
            f"move it into the folder or name it on the command line (--{what.replace('_', '-')})"
        )
    return path


# --------------------------------------------------------------------------- zip bombs


def check_zip(data: bytes, name: str, limits: ZipLimits | None = None) -> None:
    """Refuse a zip (DOCX) that would inflate past the limits, before any parser reads it.

    The declared sizes are checked first; then every entry is inflated in 1 MB steps and
    counted, so a zip that lies about its sizes is caught too.  Not a zip: no opinion.
    """
    import zipfile

    limits = limits or ZipLimits()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            raise LimitError(
                f"{name}: the zip holds {len(infos)} entries (limit {limits.max_entries}); refused"
            )
        declared = sum(i.file_size for i in infos)
        _check_total(name, declared, len(data), limits)
        inflated = 0
        for info in infos:
            inflated += _inflate_counting(zf, info, name, limits.max_inflated - inflated)
            _check_total(name, inflated, len(data), limits)


def _check_total(name: str, total: int, packed: int, limits: ZipLimits) -> None:
    if total > limits.max_inflated:
        raise LimitError(
            f"{name}: inflates to over {total / MB:.0f} MB (limit {limits.max_inflated / MB:g} MB); "
            f"refused as a possible zip bomb"
        )
    if total > 10 * MB and total > limits.max_ratio * max(packed, 1):
        raise LimitError(
            f"{name}: inflates {total / max(packed, 1):.0f} times its size (limit {limits.max_ratio:g}); "
            f"refused as a possible zip bomb"
        )


def _inflate_counting(zf, info, name: str, budget: int) -> int:  # noqa: ANN001 - zipfile objects
    import zipfile

    total = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(MB):
                total += len(chunk)
                if total > budget:
                    break
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return total  # a broken entry: the reader reports the broken file
    except Exception as exc:  # noqa: BLE001 - zlib.error and friends: also a broken file
        if type(exc).__name__ == "error":
            return total
        raise
    return total


# --------------------------------------------------------------------------- time


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so that readers' `except Exception` cannot swallow it."""


@contextmanager
def parse_deadline(name: str, seconds: float | None = None) -> Iterator[None]:
    """Abandon the block after `seconds` with a LimitError naming `name` (Unix main thread only)."""
    import signal
    import threading

    seconds = limits_from_env().parse_seconds if seconds is None else seconds
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # someone else's alarm: leave it alone
    )
    if not usable:
        yield
        return

    def expire(signum, frame) -> None:  # noqa: ANN001
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise LimitError(
            f"{name}: reading took longer than {seconds:g} s; skipped (MEMOGEN_PARSE_SECONDS sets the limit)"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
