"""Errors the CLI turns into one-line messages and exit codes."""

from __future__ import annotations

import errno
import os


class MemogenError(Exception):
    """Base class: a problem the user can act on. Exit code 2 (bad input or config)."""

    exit_code = 2


class ConfigError(MemogenError):
    """A topic folder or topic.yaml is wrong; the message names the file and field."""


class InputError(MemogenError):
    """A source or draft file cannot be used; the message names the file."""


class LimitError(InputError):
    """A source is too large, inflates too far or takes too long to read: refused, never half-read."""


class OutputError(MemogenError):
    """An output cannot be written (read-only folder, disk full, name too long...): names the path."""


class BuildLockedError(MemogenError):
    """Another build of the same topic holds the output folder's lock."""


class RenderError(Exception):
    """A renderer or template failed; an internal error unless it names a user file."""

    exit_code = 1


class UserTemplateError(ConfigError):
    """A template or labels file the user supplied is broken: their file, their fix (exit 2)."""


_PLAIN_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOENT: "no such file or folder",
    errno.EDQUOT: "disk quota exceeded",
    errno.EEXIST: "it already exists",
    errno.ELOOP: "too many levels of symbolic links",
}


def display_path(path: object) -> str:
    """A path as text that can always be printed: undecodable bytes of a file name shown as '\\xNN'."""
    text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogateescape")
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def os_error_message(exc: OSError, path: object | None = None, doing: str = "") -> str:
    """One line for an OSError: the path first, then what failed and why in plain words."""
    where = path if path is not None else (exc.filename or "")
    reason = _PLAIN_REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    if exc.filename2:
        reason += f" ({display_path(exc.filename2)})"
    what = f"cannot {doing}: " if doing else ""
    prefix = f"{display_path(where)}: " if where != "" else ""
    return f"{prefix}{what}{reason}"
