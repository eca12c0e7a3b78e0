"""portal-mailer over SMTP to a real server (an aiosmtpd sink), with retries while it is down."""
import email
import email.policy
import socket
import subprocess
import time

import pytest
from aiosmtpd.controller import Controller

from portal import BIN, Portal, free_port


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_portal():
    instance = Portal()
    instance.admin("migrate")
    instance.admin("tenant", "add", "--name", "Società SMTP", "--vat", "02019510409")
    instance.env.update({"PORTAL_SMTP_HOST": "127.0.0.1", "PORTAL_SMTP_PORT": str(free_port()),
                         "PORTAL_SMTP_SECURITY": "none", "PORTAL_MAIL_FROM": "Assistenza <assistenza@portal.example>"})
    yield instance
    instance.stop()


def mailer_once(portal):
    return subprocess.run([str(BIN / "portal-mailer"), "--once"], env=portal.env, capture_output=True, text=True)


def test_mail_waits_in_the_outbox_while_smtp_is_down_then_is_delivered(smtp_portal):
    smtp_portal.admin("invite", "--vat", "02019510409", "--email", "nuovo@example.com", "--role", "Tecnico")
    down = mailer_once(smtp_portal)
    assert "mail_failed" in down.stderr
    with smtp_portal.db() as db:
        rows = db.execute("SELECT attempts, sent_at, last_error, next_attempt_at FROM outbox").fetchall()
        assert all(r["attempts"] == 1 and r["sent_at"] is None and r["last_error"] for r in rows)
        assert all(r["next_attempt_at"] > time.time() for r in rows), "a failed message backs off"
        db.execute("UPDATE outbox SET next_attempt_at = 0")

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=int(smtp_portal.env["PORTAL_SMTP_PORT"]))
    controller.start()
    try:
        up = mailer_once(smtp_portal)
        assert up.returncode == 0, up.stderr
    finally:
        controller.stop()
    assert len(sink.messages) == 2
    recipients, content = sink.messages[0]
    assert recipients == ["nuovo@example.com"]
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    assert parsed["From"] == "Assistenza <assistenza@portal.example>"
    subjects = sorted(email.message_from_bytes(c, policy=email.policy.default)["Subject"] for _, c in sink.messages)
    assert subjects == ["Benvenuto su Customer Portal", "Invito a unirti a Società SMTP"]
    with smtp_portal.db() as db:
        assert db.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0] == 0
