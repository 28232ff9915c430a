"""Email the memo: a plain-text + HTML body from jinja2 templates, the PDF attached.

Which PDF: `out/T/T.published.pdf` (what `memogen publish` makes from the
edited draft) when it exists, else the built `out/T/T.pdf`.  The body is read
from the draft `out/T/T.docx` with the publish reader, so it says what the
attached PDF says.

SMTP settings come from `~/.config/memogen/smtp.yaml` (or the file named by
MEMOGEN_SMTP_CONFIG), overridden by MEMOGEN_SMTP_HOST/PORT/USER/SECURITY/FROM.
The password is read only from MEMOGEN_SMTP_PASSWORD or the system keyring
(service `memogen-smtp:HOST`, user USER): never from a file or the command line,
and it never appears in a message or log line.  Every failure is one line and
leaves every file as it was; an unsent message is saved as an .eml.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, getaddresses, make_msgid, parseaddr
from pathlib import Path
from typing import Literal

from .errors import ConfigError, MemogenError
from .model import Inline, Memo, MemoHeader

Security = Literal["starttls", "ssl", "none"]
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "ssl": 465, "none": 25}
ENV_PREFIX = "MEMOGEN_SMTP_"
PASSWORD_ENV = "MEMOGEN_SMTP_PASSWORD"
KEYRING_SERVICE = "memogen-smtp:{host}"
_CONFIG_KEYS = {"host", "port", "security", "user", "username", "from", "timeout", "ca_file"}
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_SAFE_URL = re.compile(r"^(https?|mailto):", re.IGNORECASE)
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
DEFAULT_SENDER = "memogen@localhost"  # dry runs only: a real send needs a configured sender


class MailError(MemogenError):
    """Sending failed (server refused, auth, timeout, size): one line, exit 1, nothing lost."""

    exit_code = 1


@dataclass
class SmtpSettings:
    host: str | None = None
    port: int | None = None
    security: Security = "starttls"
    user: str | None = None
    from_addr: str | None = None
    timeout: float = 30.0
    ca_file: str | None = None  # extra CA bundle, e.g. a company's own certificate authority

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def where(self) -> str:
        return f"{self.host}:{self.effective_port}"


# --------------------------------------------------------------------------- settings


def smtp_config_path(env: Mapping[str, str]) -> Path:
    """MEMOGEN_SMTP_CONFIG, else $XDG_CONFIG_HOME/memogen/smtp.yaml, else ~/.config/memogen/smtp.yaml."""
    if env.get("MEMOGEN_SMTP_CONFIG"):
        return Path(env["MEMOGEN_SMTP_CONFIG"]).expanduser()
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "memogen" / "smtp.yaml"


def _read_config_file(path: Path) -> dict:
    import yaml

    if not path.is_file():
        return {}
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read SMTP settings ({type(exc).__name__})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of keys (host, port, security, user, from)")
    if "password" in raw:
        raise ConfigError(
            f"{path}: 'password' is not read from files; set {PASSWORD_ENV} or use the keyring "
            f"(keyring set memogen-smtp:HOST USER)"
        )
    unknown = sorted(set(map(str, raw)) - _CONFIG_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}' (known: {', '.join(sorted(_CONFIG_KEYS))})")
    return {("user" if k == "username" else str(k)): v for k, v in raw.items()}


def load_smtp_settings(env: Mapping[str, str] | None = None) -> SmtpSettings:
    """Settings from the config file, each overridden by its MEMOGEN_SMTP_* variable."""
    env = os.environ if env is None else env
    path = smtp_config_path(env)
    values = _read_config_file(path)
    for key in ("host", "port", "security", "user", "from", "timeout", "ca_file"):
        if env.get(ENV_PREFIX + key.upper()):
            values[key] = env[ENV_PREFIX + key.upper()]
    where = f"{path} / {ENV_PREFIX}*"
    security = str(values.get("security") or "starttls").lower()
    if security not in DEFAULT_PORTS:
        raise ConfigError(f"{where}: security must be starttls, ssl or none, not {security!r}")
    try:
        port = int(values["port"]) if values.get("port") not in (None, "") else None
        timeout = float(values.get("timeout") or 30.0)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: port and timeout must be numbers") from None
    return SmtpSettings(
        host=str(values["host"]) if values.get("host") else None,
        port=port,
        security=security,  # type: ignore[arg-type]
        user=str(values["user"]) if values.get("user") else None,
        from_addr=str(values["from"]) if values.get("from") else None,
        timeout=timeout,
        ca_file=str(values["ca_file"]) if values.get("ca_file") else None,
    )


def smtp_password(settings: SmtpSettings, env: Mapping[str, str] | None = None) -> str | None:
    """The password from MEMOGEN_SMTP_PASSWORD, else the keyring; None when neither has one."""
    env = os.environ if env is None else env
    if env.get(PASSWORD_ENV):
        return env[PASSWORD_ENV]
    if not settings.user or not settings.host:
        return None
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE.format(host=settings.host), settings.user)
    except Exception:  # noqa: BLE001 - no usable keyring backend is the same as no password
        return None


# --------------------------------------------------------------------------- message


def _plain(runs: list[Inline]) -> str:
    return "".join(r.text for r in runs)


def _safe_links(runs: list[Inline]) -> list[Inline]:
    """Keep only web and mail links: a draft may carry any URL, an email client should not see javascript:."""
    return [
        Inline(r.text, italic=r.italic, bold=r.bold, url=r.url if _SAFE_URL.match(r.url or "") else None)
        for r in runs
    ]


def email_context(memo: Memo, attachments: list[str]) -> dict:
    """What the templates show: the opening paragraph of each section and the sources."""
    from .render.templating import labels

    openings = []
    for section in memo.sections:
        if section.paragraphs:
            lead = section.paragraphs[0].lead
            runs = [Inline(lead)] if lead else []
            for point in section.paragraphs[0].points:
                runs += [Inline(" ")] if runs else []
                runs += point.body_inlines()
            openings.append({"heading": section.heading, "inlines": _safe_links(runs), "text": _plain(runs)})
    sources = [{"inlines": _safe_links(entry), "text": _plain(entry)} for entry in memo.bibliography]
    return {
        "openings": openings,
        "sources": sources,
        "attachments": attachments,
        "header": memo.header,
        "labels": labels(memo),
    }


def render_bodies(memo: Memo, attachments: list[str]) -> tuple[str, str]:
    """(plain text, HTML) bodies from templates/email.txt.j2 and email.html.j2."""
    from .render.templating import render_template

    context = email_context(memo, attachments)
    text = render_template(memo, "email.txt.j2", autoescape=False, **context)
    html = render_template(memo, "email.html.j2", autoescape=True, **context)
    return text, html


def check_header(name: str, value: str) -> str:
    """A header value from the user: a CR or LF in it could add headers of its own, so refuse it."""
    if "\r" in value or "\n" in value:
        raise MemogenError(f"{name}: {value[:40]!r}... contains a line break (CR/LF); refused")
    return value


def check_address(addr: str) -> str:
    """A usable address ('Name <a@b>' or 'a@b'), else a one-line error naming it."""
    check_header("address", addr)
    _name, spec = parseaddr(addr)
    if not spec or "@" not in spec or spec.startswith("@"):
        raise MemogenError(f"{addr!r} is not an email address")
    return addr.strip()


def build_message(
    memo: Memo,
    sender: str,
    to: list[str],
    cc: list[str] | None = None,
    subject: str | None = None,
    attachments: list[tuple[str, bytes]] | None = None,
) -> EmailMessage:
    """A multipart message: text + HTML alternatives, then the attachments (PDF, DOCX)."""
    attachments = attachments or []
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = check_address(sender)
    msg["To"] = ", ".join(check_address(a) for a in to)
    if cc:
        msg["Cc"] = ", ".join(check_address(a) for a in cc)
    if subject is not None:
        subject = check_header("--subject", subject)
    msg["Subject"] = " ".join((subject or memo.header.subject or memo.header.title or "").split())
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    text, html = render_bodies(memo, [name for name, _ in attachments])
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    for name, data in attachments:
        maintype, subtype = ("application", "pdf") if name.lower().endswith(".pdf") else DOCX_TYPE
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


# --------------------------------------------------------------------------- sending


def _size_error(settings: SmtpSettings, size: int, limit: int | None, reply: str = "") -> MailError:
    limit_text = f"; the server accepts at most {limit / 1e6:.1f} MB" if limit else ""
    return MailError(
        f"the message is too large for {settings.where} ({size / 1e6:.1f} MB{limit_text}){reply}"
    )


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f" ({code} {' '.join(str(text).split())})"


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=settings.ca_file)
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(
            settings.host, settings.effective_port, timeout=settings.timeout, context=context
        )
    client = smtplib.SMTP(settings.host, settings.effective_port, timeout=settings.timeout)
    if settings.security == "starttls":
        client.ehlo()
        if not client.has_extn("starttls"):
            client.close()
            raise MailError(
                f"SMTP server {settings.where} does not offer STARTTLS (set security: ssl or none)"
            )
        client.starttls(context=context)
    client.ehlo()
    return client


def _deliver(
    client: smtplib.SMTP,
    settings: SmtpSettings,
    password: str | None,
    sender: str,
    recipients: list[str],
    data: bytes,
) -> dict:
    size = client.esmtp_features.get("size", "").strip()
    limit = int(size) if size.isdigit() else 0
    if limit and len(data) > limit:
        raise _size_error(settings, len(data), limit)
    if settings.user and password is not None:
        client.login(settings.user, password)
    return client.sendmail(sender, recipients, data)


def _mail_error(exc: Exception, settings: SmtpSettings, size: int) -> MailError:
    """One line for every way SMTP can fail; the message names the server and user, never the password."""
    where = settings.where
    code, reply = getattr(exc, "smtp_code", 0), getattr(exc, "smtp_error", b"")
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError(f"SMTP server {where} refused the login for {settings.user}{_reply(code, reply)}")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        names = ", ".join(f"{a}{_reply(*r)}" for a, r in exc.recipients.items())
        return MailError(f"SMTP server {where} refused every recipient: {names}")
    if isinstance(exc, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) and code in (552, 523):
        return _size_error(settings, size, None, _reply(code, reply))
    if isinstance(exc, smtplib.SMTPResponseException):
        return MailError(f"SMTP server {where} refused the message{_reply(code, reply)}")
    timed_out = isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError)
    if timed_out:  # smtplib also wraps a read timeout as SMTPServerDisconnected
        return MailError(f"SMTP server {where} did not answer within {settings.timeout:g} s")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return MailError(f"SMTP server {where} closed the connection unexpectedly")
    if isinstance(exc, smtplib.SMTPException):
        return MailError(f"SMTP error with {where}: {' '.join(str(exc).split())}")
    if isinstance(exc, ssl.SSLError):
        return MailError(f"TLS with SMTP server {where} failed: {exc.reason or exc}")
    if isinstance(exc, ConnectionRefusedError):
        return MailError(f"cannot connect to SMTP server {where}: connection refused")
    if isinstance(exc, socket.gaierror):
        return MailError(f"cannot connect to SMTP server {where}: unknown host")
    return MailError(f"cannot connect to SMTP server {where}: {getattr(exc, 'strerror', None) or exc}")


def send_message(msg: EmailMessage, settings: SmtpSettings, password: str | None) -> list[str]:
    """Send over SMTP (STARTTLS, implicit TLS or plain); returns recipients the server refused.

    Every failure becomes a one-line MailError that names the server, never the password.
    """
    if not settings.host:
        raise ConfigError(
            "no SMTP server configured: create ~/.config/memogen/smtp.yaml (host, port, security, user, "
            "from) or set MEMOGEN_SMTP_HOST"
        )
    if settings.user and password is None:
        raise ConfigError(
            f"no SMTP password for {settings.user}: set {PASSWORD_ENV} or run "
            f"`keyring set {KEYRING_SERVICE.format(host=settings.host)} {settings.user}`"
        )
    data = msg.as_bytes(policy=SMTP_POLICY)
    sender = parseaddr(str(msg["From"]))[1]
    recipients = [addr for _name, addr in getaddresses([str(msg.get(h) or "") for h in ("To", "Cc")]) if addr]
    try:
        with _connect(settings) as client:
            refused = _deliver(client, settings, password, sender, recipients, data)
    except MailError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        raise _mail_error(exc, settings, len(data)) from None
    return sorted(refused)


# --------------------------------------------------------------------------- the command


@dataclass
class EmailOptions:
    topic: str
    to: list[str]
    cc: list[str] = field(default_factory=list)
    subject: str | None = None
    attach_docx: bool = False
    dry_run: bool = False
    out_dir: Path = Path("out")
    force: bool = False  # send a PDF older than the draft all the same
    from_addr: str | None = None  # beats smtp.yaml's `from`


@dataclass
class EmailReport:
    pdf: Path
    size: int
    recipients: list[str]
    eml: Path | None = None
    warnings: list[str] = field(default_factory=list)
    pdf_origin: str = ""  # "published from your draft" / "built by memogen build"

    def lines(self) -> list[str]:
        attached = f"attached {self.pdf} ({self.pdf_origin})" if self.pdf_origin else f"attached {self.pdf}"
        if self.eml:
            return [attached, f"dry run: wrote {self.eml} ({self.size / 1e6:.2f} MB), nothing was sent"]
        return [attached, f"sent {self.pdf.name} to {', '.join(self.recipients)} ({self.size / 1e6:.2f} MB)"]


def pick_pdf(folder: Path, topic: str) -> Path:
    """The published PDF if there is one, else the built one."""
    from .publish import PUBLISHED_SUFFIX

    for candidate in (folder / f"{topic}{PUBLISHED_SUFFIX}", folder / f"{topic}.pdf"):
        if candidate.is_file():
            return candidate
    raise MemogenError(
        f"{folder}: no {topic}{PUBLISHED_SUFFIX} or {topic}.pdf; run `memogen build --topic {topic}` "
        f"(and `memogen publish {folder / (topic + '.docx')}` after editing)"
    )


def _memo_for_body(draft: Path, topic: str, warnings: list[str]) -> Memo:
    """The memo read from the draft (one reader for publish and email); a bare title without it."""
    from .publish import read_draft_file

    if not draft.is_file():
        warnings.append(f"{draft} not found: the message body carries the topic name only")
        return Memo(topic=topic, header=MemoHeader(title=topic), sections=[], sources=[])
    return read_draft_file(draft).memo


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise MemogenError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _attachments(options: EmailOptions, pdf: Path, draft: Path) -> list[tuple[str, bytes]]:
    files = [(pdf.name, _read(pdf))]
    if options.attach_docx:
        if not draft.is_file():
            raise MemogenError(f"{draft}: no draft to attach (--attach-docx)")
        files.append((draft.name, _read(draft)))
    return files


def pdf_staleness(pdf: Path, draft: Path) -> str | None:
    """Why `pdf` does not show the draft as it is now, or None when it does.

    A published PDF records the hash of the draft it was made from (in the folder's
    manifest); without that record, a draft newer than the PDF counts as changed.  The
    built PDF is stale once the user edited the draft after the build.
    """
    from .outputs import OutputFolder, sha256_file
    from .publish import PUBLISHED_SUFFIX

    if not draft.is_file():
        return None
    folder = OutputFolder(draft.parent)
    newer = draft.stat().st_mtime > pdf.stat().st_mtime
    if pdf.name.endswith(PUBLISHED_SUFFIX):
        recorded = folder.record.published.get(pdf.name) if pdf.parent == draft.parent else None
        changed = recorded != sha256_file(draft) if recorded else newer
        return f"{pdf.name} was published from an older {draft.name}" if changed else None
    if newer and folder.was_edited(draft):
        return f"{draft.name} was edited after {pdf.name} was built"
    return None


def _check_fresh(pdf: Path, draft: Path, force: bool) -> list[str]:
    """Refuse (or with --force, warn about) a PDF that does not show the current draft."""
    why = pdf_staleness(pdf, draft)
    if why is None:
        return []
    advice = f"run `memogen publish {draft}` to send the draft as it is now"
    if not force:
        raise MemogenError(f"{pdf}: {why}; {advice}, or pass --force to send this PDF anyway")
    return [f"{why}; sending it anyway (--force)"]


def _sender(settings: SmtpSettings, options: EmailOptions, warnings: list[str]) -> str:
    """--from, else smtp.yaml / MEMOGEN_SMTP_FROM, else the SMTP user; a dry run says which default it uses."""
    sender = options.from_addr or settings.from_addr
    sender = sender or (settings.user if settings.user and "@" in settings.user else None)
    if sender:
        return sender
    if not options.dry_run:
        raise ConfigError("no sender address: pass --from, or set 'from' in smtp.yaml or MEMOGEN_SMTP_FROM")
    warnings.append(
        f"no sender address configured: the message says From: {DEFAULT_SENDER} "
        f"(pass --from, or set 'from' in smtp.yaml or MEMOGEN_SMTP_FROM)"
    )
    return DEFAULT_SENDER


def _origin(pdf: Path) -> str:
    from .publish import PUBLISHED_SUFFIX

    if pdf.name.endswith(PUBLISHED_SUFFIX):
        return "published from your draft by memogen publish"
    return "built by memogen build"


def email_topic(options: EmailOptions, env: Mapping[str, str] | None = None) -> EmailReport:
    """Send (or with dry_run write as .eml) the topic's PDF with a body made from its draft.

    A message that could not be sent is kept as out/T/T.unsent.eml: nothing is lost.
    """
    from .config import check_topic_name
    from .outputs import atomic_write

    check_topic_name(options.topic)
    if not options.to:
        raise MemogenError("--to: give at least one recipient")
    for addr in [*options.to, *options.cc, *([options.from_addr] if options.from_addr else [])]:
        check_address(addr)
    if options.subject is not None:
        check_header("--subject", options.subject)
    folder = options.out_dir / options.topic
    pdf, draft = pick_pdf(folder, options.topic), folder / f"{options.topic}.docx"
    warnings = _check_fresh(pdf, draft, options.force)
    attachments = _attachments(options, pdf, draft)
    settings = load_smtp_settings(env)
    sender = _sender(settings, options, warnings)
    memo = _memo_for_body(draft, options.topic, warnings)
    msg = build_message(memo, sender, options.to, options.cc, options.subject, attachments)
    data = msg.as_bytes(policy=SMTP_POLICY)
    report = EmailReport(
        pdf=pdf,
        size=len(data),
        recipients=[*options.to, *options.cc],
        warnings=warnings,
        pdf_origin=_origin(pdf),
    )
    if options.dry_run:
        report.eml = folder / f"{options.topic}.eml"
        atomic_write(report.eml, data)
        return report
    if settings.user and settings.security == "none" and settings.host not in _LOOPBACK:
        warnings.append(
            f"security is 'none': the password for {settings.user} crosses the network unencrypted"
        )
    try:
        refused = send_message(msg, settings, smtp_password(settings, env))
    except MemogenError as exc:
        unsent = folder / f"{options.topic}.unsent.eml"
        atomic_write(unsent, data)
        raise type(exc)(f"{exc}; nothing was sent, the message is saved in {unsent}") from None
    if refused:
        warnings.append(f"the server refused {', '.join(refused)}; the others received the message")
    return report
