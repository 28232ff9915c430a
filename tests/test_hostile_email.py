"""`memogen email` facing injected headers, stale PDFs and a missing sender."""

from __future__ import annotations

import email
import os
from email import policy

import pytest

from hostile_helpers import make_topic, memogen, one_line_error

NO_SMTP = {"MEMOGEN_SMTP_CONFIG": "/nonexistent/smtp.yaml", "MEMOGEN_SMTP_FROM": "Desk <desk@example.org>"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("mailtopic")
    make_topic(root)
    proc = memogen("build", "--topic", "t", "--quiet", "--format", "docx,pdf,json", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["--subject", "Hello\r\nBcc: victim@example.org"],
        ["--subject", "Hello\nX-Evil: 1"],
        ["--to", "bob@example.org\r\nBcc: victim@example.org"],
        ["--cc", "carol@example.org\nBcc: victim@example.org"],
        ["--from", "desk@example.org\r\nBcc: victim@example.org"],
    ],
)
def test_line_breaks_in_any_header_are_refused(built, args):
    base = ["email", "--topic", "t", "--dry-run"]
    if "--to" not in args:
        base += ["--to", "bob@example.org"]
    line = one_line_error(memogen(*base, *args, cwd=built, env=NO_SMTP))
    assert "line break" in line or "not an email address" in line
    assert not (built / "out" / "t" / "t.eml").exists()


def test_the_report_says_which_pdf_is_attached(built):
    proc = memogen("email", "--topic", "t", "--to", "bob@example.org", "--dry-run", cwd=built, env=NO_SMTP)
    assert proc.returncode == 0, proc.stderr
    assert f"attached {os.path.join('out', 't', 't.pdf')} (built by memogen build)" in proc.stdout


def test_dry_run_without_a_sender_says_which_default_it_uses(built):
    env = {"MEMOGEN_SMTP_CONFIG": "/nonexistent/smtp.yaml", "MEMOGEN_SMTP_FROM": ""}
    proc = memogen("email", "--topic", "t", "--to", "bob@example.org", "--dry-run", cwd=built, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "From: memogen@localhost" in proc.stderr and "--from" in proc.stderr
    proc = memogen(
        "email", "--topic", "t", "--to", "b@example.org", "--from", "Me <me@example.org>", "--dry-run",
        cwd=built, env=env,
    )  # fmt: skip
    msg = email.message_from_bytes((built / "out" / "t" / "t.eml").read_bytes(), policy=policy.default)
    assert msg["From"] == "Me <me@example.org>" and "memogen@localhost" not in proc.stderr


def test_published_pdf_older_than_a_rebuilt_draft_is_refused_unless_forced(tmp_path):
    topic_dir = make_topic(tmp_path)
    assert memogen("build", "--topic", "t", "--quiet", "--format", "docx,pdf", cwd=tmp_path).returncode == 0
    assert memogen("publish", "out/t/t.docx", cwd=tmp_path).returncode == 0
    send = ["email", "--topic", "t", "--to", "bob@example.org", "--dry-run"]
    fresh = memogen(*send, cwd=tmp_path, env=NO_SMTP)
    assert fresh.returncode == 0, fresh.stderr
    assert "t.published.pdf (published from your draft" in fresh.stdout
    with open(topic_dir / "wire.txt", "a", encoding="utf-8") as fh:
        fh.write("\nLater on 4 May, the union said 12 ships had already left the port.\n")
    assert memogen("build", "--topic", "t", "--quiet", "--format", "docx,pdf", cwd=tmp_path).returncode == 0
    line = one_line_error(memogen(*send, cwd=tmp_path, env=NO_SMTP))
    assert "t.published.pdf" in line and "older t.docx" in line and "--force" in line
    forced = memogen(*send, "--force", cwd=tmp_path, env=NO_SMTP)
    assert forced.returncode == 0 and "t.published.pdf" in forced.stdout and "--force" in forced.stderr
    assert memogen("publish", "out/t/t.docx", cwd=tmp_path).returncode == 0
    assert memogen(*send, cwd=tmp_path, env=NO_SMTP).returncode == 0
