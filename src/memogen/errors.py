"""Errors the CLI turns into one-line messages and exit codes."""


class MemogenError(Exception):
    """Base class: a problem the user can act on. Exit code 2 (bad input or config)."""

    exit_code = 2


class ConfigError(MemogenError):
    """A topic folder or topic.yaml is wrong; the message names the file and field."""


class InputError(MemogenError):
    """A source or draft file cannot be used; the message names the file."""


class RenderError(Exception):
    """A renderer or template failed; an internal error unless it names a user file."""

    exit_code = 1
