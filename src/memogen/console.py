"""The console script: `memogen --help` from a kept copy of its text; everything else goes to `cli.main`.

Why: importing typer (and its click) and building the commands is most of a `--help` run
(~60-90 ms of ~120 ms). The top-level help text changes only with cli.py, typer and the width
it is wrapped to, so the first `memogen --help` renders it with typer and keeps it under a key
of exactly those, and later ones print the kept text without importing typer. The key uses the
files' sizes and modification times, as Python's own bytecode cache does, so nothing is read
or hashed to find it. A missing or unwritable cache only costs the typer rendering.
"""

from __future__ import annotations

import contextlib
import os
import sys

_HELP = ["--help"]


def main() -> None:
    """`memogen` on the command line (pyproject's console script)."""
    fewer_collections()
    if sys.argv[1:] == _HELP:
        path = help_cache_path()
        text = _read(path) if path else None
        if text is None:
            from .cli import help_text

            text = help_text()
            if path:
                _write(path, text)
        sys.stdout.write(text)
        sys.stdout.flush()
        sys.exit(0)
    import gc

    from .cli import main as cli_main

    gc.freeze()  # what the imports made lives until exit: later collections need not scan it again
    cli_main()


def fewer_collections() -> None:
    """Run the cycle collector rarely in this short-lived process.

    Why: with the default threshold (700 allocations) a lavrov build runs ~300 collections,
    ~80 ms of a sub-second build, re-scanning objects that live until the process ends. The
    stages make few reference cycles, so memory stays flat (measured at 2,000 sources in
    benchmarks/bench_merge.py). The console script sets it before it imports anything (the
    imports alone ran ~30 collections, ~7 ms) and then freezes what the imports made (else the
    first collection of a build scans all of it, ~25 ms); `cli.main` sets it too; library
    callers of `run_build` keep their own settings.

    Why so high a first threshold: a young-generation collection costs in proportion to the
    objects allocated since the last one, and nearly all of a build's objects (points, features,
    claims) live until the build ends, so collecting more rarely scans fewer of them in all only
    when it stops altogether. At 2,000 sources (bench_merge.py) 100,000 ran 71 collections, ~0.6 s
    of ~37 CPU s, freeing nothing (~300 cyclic objects were left at the end; peak memory the same).
    10 million is a ceiling, not a schedule: a build that made cycles without bound is still
    collected.
    """
    import gc

    gc.set_threshold(10_000_000, 100, 100)


def help_cache_path() -> str | None:
    """Where the help text for this cli.py, this typer and this terminal width is kept (None: no typer)."""
    from importlib.util import find_spec

    spec = find_spec("typer")
    if spec is None or not spec.origin:
        return None
    stamps = [os.stat(p) for p in (os.path.join(os.path.dirname(__file__), "cli.py"), spec.origin)]
    width = min(_terminal_columns(), 80)  # click wraps help to min(columns, 80) - 2
    key = "-".join(f"{s.st_size}.{s.st_mtime_ns}" for s in stamps) + f"-w{width}"
    return os.path.join(_cache_dir(), f"help-{key}.txt")


def _terminal_columns() -> int:
    import shutil

    return shutil.get_terminal_size().columns


def _cache_dir() -> str:
    """$XDG_CACHE_HOME/memogen/help, else ~/.cache/memogen/help (platformdirs costs ~7 ms to import)."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
    return os.path.join(base, "memogen", "help")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read() or None
    except (OSError, UnicodeDecodeError):
        return None


def _write(path: str, text: str) -> None:
    """Write to a temporary name and rename: a parallel run never reads half a text."""
    import tempfile

    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return  # a read-only home: the next run renders the help again
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
