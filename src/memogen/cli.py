"""The `memogen` command line.  `memogen --help` and `memogen COMMAND --help` are the manual.

Only argument handling and printing live here; every command calls one function
of a stage module.  Errors the user can fix (`MemogenError`) print one line and
exit 2; anything else prints one line and exits 1 (a traceback only with --debug).
"""

# No `from __future__ import annotations` here: typer reads every command's annotations on each
# run, and evaluating them from strings took ~7 ms of it (get_command 9.6 -> 2.5 ms).

import contextlib
import errno
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .console import fewer_collections
from .errors import MemogenError

app = typer.Typer(
    name="memogen",
    help=(
        "Build briefing memos (What happened? / What is the background? / What does it mean?) "
        "from a folder of sources, with every statement footnoted to the sources that make it.\n\n"
        "Typical use: put sources in inputs/TOPIC/ (optionally with a topic.yaml), run "
        "`memogen build --topic TOPIC`, edit out/TOPIC/TOPIC.docx, then `memogen publish` and `memogen email`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FORMATS = ("docx", "pdf", "md", "html", "json")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"memogen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a full traceback on errors, and library log messages.")
    ] = False,
) -> None:
    """Options before the command; `main` reads --debug itself, before typer parses anything."""


def _parse_formats(value: str) -> list[str]:
    wanted = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise MemogenError(
            f"--format: unknown format {', '.join(unknown) or '(empty)'}; choose from {', '.join(FORMATS)}"
        )
    return wanted


TopicOpt = Annotated[str, typer.Option("--topic", "-t", help="Topic name: the folder inputs/TOPIC/.")]
InputsOpt = Annotated[Path, typer.Option("--inputs", help="Folder holding the topic folders.")]
OutOpt = Annotated[Path, typer.Option("--out", help="Folder the outputs go to (out/TOPIC/...).")]


@app.command()
def build(
    topic: TopicOpt,
    inputs: InputsOpt = Path("inputs"),
    out: OutOpt = Path("out"),
    format: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated outputs: docx,pdf,md,html,json.")
    ] = ",".join(FORMATS),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Parallel source readers (0 = core count).")] = 0,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite outputs even if you edited them.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print what was merged, conflicted and cut.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-read every source.")] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help="Your template folder (beats topic.yaml's; may lie outside the topic)."
        ),
    ] = None,
    reference_docx: Annotated[
        Path | None,
        typer.Option("--reference-docx", help="DOCX whose styles and page setup the draft takes."),
    ] = None,
    wait: Annotated[
        float,
        typer.Option("--wait", help="Seconds to wait while another build of TOPIC runs (0: fail at once)."),
    ] = 120.0,
) -> None:
    """Build the memo for TOPIC: writes out/TOPIC/TOPIC.{docx,pdf,md,html,json}.

    An output you edited since memogen wrote it is never overwritten: the new
    version is written beside it (TOPIC.2.docx, ...) unless you pass --force.
    One build of a topic runs at a time (a lock in out/TOPIC/); a second one waits.
    templates: and reference_docx: in topic.yaml must lie inside the topic folder;
    name any other with --templates / --reference-docx.
    Exit codes: 0 ok, 2 bad input or config, 1 internal error.
    """
    from .pipeline import BuildOptions, run_build

    options = BuildOptions(
        topic=topic,
        inputs_dir=inputs,
        out_dir=out,
        formats=_parse_formats(format),
        jobs=jobs,
        force=force,
        quiet=quiet,
        use_cache=not no_cache,
        templates=templates,
        reference_docx=reference_docx,
        lock_wait=wait,
    )
    result = run_build(options, on_wait=lambda line: typer.echo(line, err=True))
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if explain:
        from .explain import explain_memo

        typer.echo(explain_memo(result.memo))
    if not quiet:
        for line in result.report_lines():
            typer.echo(line)


@app.command()
def sources(
    topic: TopicOpt,
    inputs: InputsOpt = Path("inputs"),
    show_dropped: Annotated[
        bool, typer.Option("--show-dropped", help="List every dropped line and why.")
    ] = False,
) -> None:
    """Show what memogen read from each source: title, author, publisher, date, words kept, lines dropped.

    Values marked "(inferred)" were guessed from the text; set them in topic.yaml
    (sources: FILE: title/author/publisher/date/url) to override.
    """
    from .sources.inspect import sources_report

    sources_report(inputs, topic, show_dropped)


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="One source file (.txt, .md, .html, .pdf, .docx).")],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the record as JSON (the only format).")
    ] = True,
    event_date: Annotated[
        str | None, typer.Option("--event-date", help="YYYY-MM-DD: the event, to place points in time.")
    ] = None,
) -> None:
    """Print one source's record: metadata, body (cleaned text), dropped lines, footnotes and points."""
    import datetime as dt
    import json

    from .errors import LimitError
    from .sources.inspect import extract_record
    from .sources.limits import limits_from_env

    limit = limits_from_env().max_bytes(path)
    if path.is_file() and path.stat().st_size > limit:
        raise LimitError(f"{path}: over the {limit / 1e6:g} MB limit for this type; not read")
    when = None
    if event_date:
        try:
            when = dt.date.fromisoformat(event_date)
        except ValueError:
            raise MemogenError(f"--event-date {event_date!r}: use YYYY-MM-DD") from None
    typer.echo(json.dumps(extract_record(path, when), ensure_ascii=False, indent=2))


@app.command()
def add(
    topic: TopicOpt,
    items: Annotated[list[str], typer.Argument(help="Files to copy or http(s) URLs to download.")],
    inputs: InputsOpt = Path("inputs"),
) -> None:
    """Add sources to TOPIC: copy files or download pages into inputs/TOPIC/ and list them in topic.yaml."""
    from .sources.manage import add_sources

    def say(added) -> None:  # noqa: ANN001 - manage.Added
        typer.echo(f"added {inputs / topic / added.name}" + (f" (from {added.url})" if added.url else ""))

    add_sources(inputs, topic, items, on_added=say)


@app.command()
def new(topic: TopicOpt, inputs: InputsOpt = Path("inputs")) -> None:
    """Create inputs/TOPIC/ with a commented topic.yaml to fill in."""
    from .sources.manage import new_topic

    typer.echo(f"created {new_topic(inputs, topic)}")


@app.command()
def publish(
    draft: Annotated[
        Path, typer.Argument(metavar="DRAFT.docx", help="The edited draft, e.g. out/TOPIC/TOPIC.docx.")
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="PDF file or folder to write to (default: DRAFT.published.pdf beside the draft).",
        ),
    ] = None,
) -> None:
    """Publish an edited DOCX draft (Word or LibreOffice) as the memo PDF.

    Reads headings, body text, bold/italic, links, lists, the header table and
    the footnotes back into the memo and renders the same PDF as `build`.
    out/T/T.docx becomes out/T/T.published.pdf, which `memogen email` sends in
    preference to the built T.pdf (a rebuild never replaces it). Anything the
    memo cannot hold (images, other tables, comments, tracked changes, text
    boxes) is listed as a warning.
    """
    from .publish import publish as publish_draft

    result = publish_draft(draft, out)
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(f"published {result.pdf_path} ({len(result.memo.points)} statements)")


@app.command()
def email(
    topic: TopicOpt,
    to: Annotated[list[str], typer.Option("--to", metavar="ADDR", help="Recipient (repeat for several).")],
    cc: Annotated[
        list[str] | None, typer.Option("--cc", metavar="ADDR", help="Copy recipient (repeatable).")
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject", metavar="TEXT", help="Subject (default: the memo's subject line, else its title)."
        ),
    ] = None,
    attach_docx: Annotated[bool, typer.Option("--attach-docx", help="Attach the DOCX draft too.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write out/TOPIC/TOPIC.eml, send nothing.")
    ] = False,
    out: OutOpt = Path("out"),
    from_addr: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="ADDR", help="Sender (default: 'from' in smtp.yaml or MEMOGEN_SMTP_FROM)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Send a PDF even if it is older than the draft.")
    ] = False,
) -> None:
    """Email the memo PDF: out/TOPIC/TOPIC.published.pdf if you published, else the built TOPIC.pdf.

    The body (title, date, each section's opening paragraph, the sources) is read
    from the draft out/TOPIC/TOPIC.docx and rendered from templates/email.txt.j2
    and email.html.j2. SMTP settings: ~/.config/memogen/smtp.yaml (keys host,
    port, security: starttls|ssl|none, user, from, timeout, ca_file; another file
    via MEMOGEN_SMTP_CONFIG) or MEMOGEN_SMTP_HOST/PORT/USER/SECURITY/FROM. The
    password only from MEMOGEN_SMTP_PASSWORD or the keyring (`keyring set
    memogen-smtp:HOST USER`). On failure: one-line error, exit 1, the message
    kept as out/TOPIC/TOPIC.unsent.eml. A PDF older than the draft is refused
    (run `memogen publish` first, or --force); a header with a line break is refused.
    """
    from .mail import EmailOptions, email_topic

    options = EmailOptions(
        topic=topic,
        to=to,
        cc=cc or [],
        subject=subject,
        attach_docx=attach_docx,
        dry_run=dry_run,
        out_dir=out,
        force=force,
        from_addr=from_addr,
    )
    report = email_topic(options)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for line in report.lines():
        typer.echo(line)


def _configure_logging(debug: bool) -> None:
    """Library chatter (pypdf, fontTools, python warnings) goes to the log: shown only with --debug."""
    import logging

    logging.captureWarnings(True)
    root = logging.getLogger()
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(levelname)s: %(message)s")
    elif not root.handlers:
        root.addHandler(logging.NullHandler())


def _printable_streams() -> None:
    """A file name with bytes that are not UTF-8 must print as '\\xNN', never crash the message."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _where(exc: BaseException) -> str:
    """The innermost memogen frame of a traceback ('merge.py:120'), to name an internal fault."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "memogen" in f.filename]
    return f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""


def _fail(message: str, code: int) -> NoReturn:
    from .errors import display_path

    typer.echo(display_path(message).replace("\n", " ").replace("\r", " "), err=True)
    sys.exit(code)


def help_text() -> str:
    """What `memogen --help` prints, as typer renders it (`console` keeps a copy of it)."""
    command = typer.main.get_command(app)
    with command.make_context("memogen", [], resilient_parsing=True) as ctx:
        return ctx.get_help() + "\n"


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: one error path, one line, exit codes 0 / 1 / 2.

    Usage errors print typer's usage line and exit 2; a `MemogenError` or an OSError
    (read-only, disk full, name too long...) prints one line naming the file and exits 2;
    anything else prints one line naming the fault and exits 1.  `--debug` shows tracebacks.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    fewer_collections()
    _printable_streams()
    _configure_logging(debug)
    try:
        code = app(args=args, prog_name="memogen", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        _fail("aborted", 1)
    except typer.TyperException as exc:  # usage errors: typer's usage line, then "Error: ..."
        show = getattr(exc, "show", None)
        if show is None:
            _fail(f"error: {exc}", 2)
        show()
        sys.exit(getattr(exc, "exit_code", 2) or 2)
    except MemogenError as exc:
        if debug:
            raise
        _fail(f"error: {exc}", exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # `memogen ... | head`: the reader left, nothing to say
            sys.exit(1)
        if debug:
            raise
        from .errors import os_error_message

        _fail(f"error: {os_error_message(exc)}", 2)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc}{_where(exc)} (run with --debug for a traceback)",
            1,
        )
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
