"""memogen email against real SMTP servers on loopback (aiosmtpd): plain, AUTH, STARTTLS, implicit TLS."""

from __future__ import annotations

import email
import os
import socket
import ssl
import subprocess
import sys
import types
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from memogen.errors import ConfigError, MemogenError
from memogen.mail import (
    EmailOptions,
    MailError,
    email_topic,
    load_smtp_settings,
    smtp_password,
)

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "publish"))
from draftdoc import sample_draft  # noqa: E402

TOPIC = "visit"
PASSWORD = "s3cret-pa55"
PDF_BYTES = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """aiosmtpd handler that keeps every envelope it accepts (or answers `reply` to DATA)."""

    def __init__(self, reply: str | None = None) -> None:
        self.envelopes = []
        self.reply = reply

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.reply:
            return self.reply
        self.envelopes.append(envelope)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"alice"
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


@pytest.fixture
def server():
    """Start an aiosmtpd Controller with the given options; stopped after the test."""
    started = []

    def start(handler=None, **kwargs):
        handler = handler or Sink()
        controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
        controller.start()
        started.append(controller)
        return controller, handler

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    """A throw-away CA and a server certificate for 127.0.0.1 (trustme)."""
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_ctx)
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return server_ctx, ca_file


@pytest.fixture
def outdir(tmp_path) -> Path:
    folder = tmp_path / "out" / TOPIC
    folder.mkdir(parents=True)
    (folder / f"{TOPIC}.docx").write_bytes(sample_draft())
    (folder / f"{TOPIC}.pdf").write_bytes(PDF_BYTES)
    os.utime(folder / f"{TOPIC}.docx", (1_000_000, 1_000_000))  # the draft predates the PDF
    return tmp_path / "out"


def env_for(port: int, security: str = "none", tmp: Path | None = None, **extra: str) -> dict[str, str]:
    env = {
        "MEMOGEN_SMTP_CONFIG": str((tmp or Path("/nonexistent")) / "no-smtp.yaml"),
        "MEMOGEN_SMTP_HOST": "127.0.0.1",
        "MEMOGEN_SMTP_PORT": str(port),
        "MEMOGEN_SMTP_SECURITY": security,
        "MEMOGEN_SMTP_FROM": "Memo Desk <desk@example.org>",
        "MEMOGEN_SMTP_TIMEOUT": "5",
    }
    env.update(extra)
    return env


def options(outdir: Path, **kw) -> EmailOptions:
    return EmailOptions(topic=TOPIC, to=kw.pop("to", ["Bob <bob@example.org>"]), out_dir=outdir, **kw)


def received(handler: Sink) -> email.message.EmailMessage:
    assert len(handler.envelopes) == 1
    return email.message_from_bytes(handler.envelopes[0].content, policy=policy.default)


def attachments(msg) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in msg.iter_attachments()}


# --------------------------------------------------------------------------- delivery


def test_plain_delivery_headers_body_and_identical_pdf(server, outdir):
    controller, sink = server()
    report = email_topic(
        options(outdir, cc=['"Doe, Carol" <carol@example.org>']), env=env_for(controller.port)
    )
    msg = received(sink)
    assert msg["From"] == "Memo Desk <desk@example.org>"
    assert msg["To"] == "Bob <bob@example.org>" and msg["Cc"] == '"Doe, Carol" <carol@example.org>'
    assert msg["Subject"] == "Visit of the foreign minister"  # the memo's subject line
    assert msg["Message-ID"] and msg["Date"]
    assert sorted(sink.envelopes[0].rcpt_tos) == ["bob@example.org", "carol@example.org"]
    assert attachments(msg) == {f"{TOPIC}.pdf": PDF_BYTES}
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Ruritania and Freedonia: the minister" in body
        assert "7 April 2021" in body
        assert "arrived in the capital on 6 April" in body  # an opening point
        assert "Relations were frosty" in body  # the opening point of the next section
        assert "Beta Institute" in body  # the sources
    assert '<a href="https://alpha.example/a">alpha.example</a>' in html
    assert "<strong>prime minister</strong>" in html
    assert report.recipients == ["Bob <bob@example.org>", '"Doe, Carol" <carol@example.org>']


def test_published_pdf_preferred_and_docx_attached(server, outdir):
    published = outdir / TOPIC / f"{TOPIC}.published.pdf"
    published.write_bytes(PDF_BYTES + b"published")
    controller, sink = server()
    email_topic(options(outdir, attach_docx=True, subject="Custom"), env=env_for(controller.port))
    msg = received(sink)
    files = attachments(msg)
    assert files[f"{TOPIC}.published.pdf"] == PDF_BYTES + b"published"
    assert files[f"{TOPIC}.docx"] == (outdir / TOPIC / f"{TOPIC}.docx").read_bytes()
    assert msg["Subject"] == "Custom"


def test_auth_over_starttls(server, outdir, tls):
    server_ctx, ca_file = tls
    controller, sink = server(
        tls_context=server_ctx, require_starttls=True, authenticator=authenticator, auth_required=True
    )
    env = env_for(
        controller.port,
        "starttls",
        MEMOGEN_SMTP_USER="alice",
        MEMOGEN_SMTP_PASSWORD=PASSWORD,
        MEMOGEN_SMTP_CA_FILE=str(ca_file),
    )
    email_topic(options(outdir), env=env)
    assert attachments(received(sink))[f"{TOPIC}.pdf"] == PDF_BYTES


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_auth_over_implicit_tls(server, outdir, tls):
    server_ctx, ca_file = tls
    # aiosmtpd does not know its transport is TLS-wrapped, hence auth_require_tls=False
    controller, sink = server(
        ssl_context=server_ctx, authenticator=authenticator, auth_required=True, auth_require_tls=False
    )
    env = env_for(
        controller.port,
        "ssl",
        MEMOGEN_SMTP_USER="alice",
        MEMOGEN_SMTP_PASSWORD=PASSWORD,
        MEMOGEN_SMTP_CA_FILE=str(ca_file),
    )
    email_topic(options(outdir), env=env)
    assert attachments(received(sink))[f"{TOPIC}.pdf"] == PDF_BYTES


def test_untrusted_certificate_is_refused(server, outdir, tls):
    server_ctx, _ca = tls
    controller, sink = server(tls_context=server_ctx, require_starttls=True)
    with pytest.raises(MailError, match="TLS with SMTP server 127.0.0.1:.* failed"):
        email_topic(options(outdir), env=env_for(controller.port, "starttls"))
    assert sink.envelopes == []


# --------------------------------------------------------------------------- failures


def test_server_without_starttls_is_refused_before_login(server, outdir):
    controller, sink = server()
    env = env_for(controller.port, "starttls", MEMOGEN_SMTP_USER="alice", MEMOGEN_SMTP_PASSWORD=PASSWORD)
    with pytest.raises(MailError, match="does not offer STARTTLS"):
        email_topic(options(outdir), env=env)
    assert sink.envelopes == []


def test_user_without_password_is_a_config_error(outdir, monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", types.SimpleNamespace(get_password=lambda s, u: None))
    with pytest.raises(ConfigError, match="no SMTP password for alice: set MEMOGEN_SMTP_PASSWORD"):
        email_topic(options(outdir), env=env_for(free_port(), MEMOGEN_SMTP_USER="alice"))


def test_refused_connection_is_one_line_and_keeps_the_message(outdir):
    port = free_port()  # nothing listens there
    with pytest.raises(MailError) as err:
        email_topic(options(outdir), env=env_for(port))
    message = str(err.value)
    assert "connection refused" in message and f"127.0.0.1:{port}" in message and "\n" not in message
    assert err.value.exit_code == 1
    unsent = outdir / TOPIC / f"{TOPIC}.unsent.eml"
    assert attachments(email.message_from_bytes(unsent.read_bytes(), policy=policy.default)) == {
        f"{TOPIC}.pdf": PDF_BYTES
    }
    assert (outdir / TOPIC / f"{TOPIC}.pdf").read_bytes() == PDF_BYTES


def test_failed_auth_never_shows_the_password(server, outdir, tls):
    server_ctx, ca_file = tls
    controller, sink = server(tls_context=server_ctx, authenticator=authenticator, auth_required=True)
    env = env_for(
        controller.port,
        "starttls",
        MEMOGEN_SMTP_USER="alice",
        MEMOGEN_SMTP_PASSWORD="wrong-pw-123",
        MEMOGEN_SMTP_CA_FILE=str(ca_file),
    )
    with pytest.raises(MailError, match="refused the login for alice") as err:
        email_topic(options(outdir), env=env)
    assert "wrong-pw-123" not in str(err.value) and sink.envelopes == []


def test_message_larger_than_server_size_limit(server, outdir):
    controller, sink = server(data_size_limit=2000)
    with pytest.raises(MailError, match="too large .*at most 0.0 MB"):
        email_topic(options(outdir), env=env_for(controller.port))
    assert sink.envelopes == []


def test_552_after_data_is_reported_as_too_large(server, outdir):
    controller, _sink = server(Sink(reply="552 5.3.4 Message size exceeds fixed maximum"))
    with pytest.raises(MailError, match="too large.*552"):
        email_topic(options(outdir), env=env_for(controller.port))


def test_silent_server_times_out(outdir):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the TCP connection, never says hello
        env = env_for(listener.getsockname()[1], MEMOGEN_SMTP_TIMEOUT="0.5")
        with pytest.raises(MailError, match="did not answer within 0.5 s"):
            email_topic(options(outdir), env=env)


def test_missing_pdf_and_bad_address(outdir, tmp_path):
    with pytest.raises(MemogenError, match="memogen build --topic other"):
        email_topic(EmailOptions(topic="other", to=["a@b.org"], out_dir=outdir), env=env_for(1))
    with pytest.raises(MemogenError, match="not an email address"):
        email_topic(options(outdir, to=["bob"], dry_run=True), env=env_for(1))


# --------------------------------------------------------------------------- dry run and settings


def test_dry_run_writes_a_parseable_eml_with_the_attachment(outdir):
    report = email_topic(
        options(outdir, dry_run=True, attach_docx=True), env={"MEMOGEN_SMTP_CONFIG": "/none"}
    )
    assert report.eml == outdir / TOPIC / f"{TOPIC}.eml"
    msg = email.message_from_bytes(report.eml.read_bytes(), policy=policy.default)
    assert msg["To"] == "Bob <bob@example.org>"
    files = attachments(msg)
    assert files[f"{TOPIC}.pdf"] == PDF_BYTES
    assert files[f"{TOPIC}.docx"][:2] == b"PK"
    assert msg.get_body(("plain",)).get_content().startswith("Ruritania and Freedonia")


def test_pdf_older_than_the_edited_draft_is_refused_unless_forced(outdir):
    os.utime(outdir / TOPIC / f"{TOPIC}.pdf", (1000, 1000))
    with pytest.raises(MemogenError, match=r"edited after visit\.pdf was built.*memogen publish.*--force"):
        email_topic(options(outdir, dry_run=True), env={"MEMOGEN_SMTP_CONFIG": "/none"})
    report = email_topic(options(outdir, dry_run=True, force=True), env={"MEMOGEN_SMTP_CONFIG": "/none"})
    assert any("--force" in w for w in report.warnings)


def test_no_stale_warning_when_the_draft_is_memogens_own(outdir):
    from memogen.outputs import OutputFolder

    folder = OutputFolder(outdir / TOPIC)
    folder.write(f"{TOPIC}.docx", sample_draft(), force=True)  # memogen wrote it: recorded in the manifest
    folder.save_manifest()
    os.utime(outdir / TOPIC / f"{TOPIC}.pdf", (1000, 1000))
    report = email_topic(options(outdir, dry_run=True), env={"MEMOGEN_SMTP_CONFIG": "/none"})
    assert not any("publish" in w for w in report.warnings)


def test_settings_file_env_override_and_password_rules(tmp_path, monkeypatch):
    cfg = tmp_path / "smtp.yaml"
    cfg.write_text(
        "host: mail.example.org\nport: 2525\nsecurity: ssl\nusername: alice\nfrom: a@example.org\n"
    )
    settings = load_smtp_settings({"MEMOGEN_SMTP_CONFIG": str(cfg), "MEMOGEN_SMTP_PORT": "465"})
    assert (settings.host, settings.port, settings.security, settings.user) == (
        "mail.example.org",
        465,
        "ssl",
        "alice",
    )
    cfg.write_text("host: h\npassword: hunter2\n")
    with pytest.raises(ConfigError, match="'password' is not read from files") as err:
        load_smtp_settings({"MEMOGEN_SMTP_CONFIG": str(cfg)})
    assert "hunter2" not in str(err.value)
    cfg.write_text("host: h\nsecurity: tls13\n")
    with pytest.raises(ConfigError, match="starttls, ssl or none"):
        load_smtp_settings({"MEMOGEN_SMTP_CONFIG": str(cfg)})
    fake = types.SimpleNamespace(get_password=lambda service, user: f"{service}|{user}")
    monkeypatch.setitem(sys.modules, "keyring", fake)
    settings = load_smtp_settings(
        {"MEMOGEN_SMTP_CONFIG": "/none", "MEMOGEN_SMTP_HOST": "h", "MEMOGEN_SMTP_USER": "u"}
    )
    assert smtp_password(settings, {}) == "memogen-smtp:h|u"
    assert smtp_password(settings, {"MEMOGEN_SMTP_PASSWORD": "env"}) == "env"


# --------------------------------------------------------------------------- the command line


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MEMOGEN_SMTP")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "memogen", "email", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


def test_cli_sends_and_fails_with_one_line(server, outdir):
    controller, sink = server()
    args = ["--topic", TOPIC, "--to", "bob@example.org", "--out", str(outdir)]
    proc = _cli(args, env_for(controller.port), outdir)
    assert proc.returncode == 0, proc.stderr
    assert "sent visit.pdf to bob@example.org" in proc.stdout
    assert attachments(received(sink))[f"{TOPIC}.pdf"] == PDF_BYTES
    proc = _cli(
        args, env_for(free_port(), MEMOGEN_SMTP_PASSWORD="pw-never-shown", MEMOGEN_SMTP_USER="u"), outdir
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: cannot connect") and proc.stderr.count("\n") == 1
    assert "pw-never-shown" not in proc.stderr + proc.stdout


def test_cli_has_no_password_option():
    proc = subprocess.run(
        [sys.executable, "-m", "memogen", "email", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "--dry-run" in proc.stdout and "--password" not in proc.stdout


def test_html_body_escapes_text_and_drops_script_links():
    from draftdoc import DraftBuilder

    from memogen.mail import render_bodies
    from memogen.publish import read_draft

    b = DraftBuilder()
    b.styled("A <b>title</b> & more", "Title")
    b.styled("What happened?", "Heading 1")
    b.paragraph([("See [this](javascript:alert(1)) and [that](https://ok.example/x).", "A note.")])
    text, html = render_bodies(read_draft(b.to_bytes()).memo, ["t.pdf"])
    assert "A &lt;b&gt;title&lt;/b&gt; &amp; more" in html and "<b>title" not in html
    assert "javascript:" not in html and '<a href="https://ok.example/x">that</a>' in html
    assert text.startswith("A <b>title</b> & more\n") and "t.pdf" in text
