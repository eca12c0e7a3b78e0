"""portal-mailer over SMTP to a real server (an aiosmtpd sink), with retries while it is down."""
import email
import re
import email.policy
import socket
import subprocess
import time

import pytest
import requests
from aiosmtpd.controller import Controller

from portal import ADMIN, BIN, Portal, Sink, code_step, free_port, password_step


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
        assert all(r["sent_at"] is None for r in rows)
        failed = [r for r in rows if r["attempts"]]
        # The pass stops at the first failure rather than waiting out a timeout per message.
        assert len(failed) == 1 and failed[0]["last_error"]
        assert failed[0]["next_attempt_at"] > time.time(), "a failed message backs off"
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


def test_a_login_code_goes_out_within_5_seconds_with_10000_notifications_queued():
    """The code waits for no notification: urgent mail is sent first, and its body (the
    code) is emptied once delivered."""
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    portal = Portal(PORTAL_SMTP_HOST="127.0.0.1", PORTAL_SMTP_PORT=str(port), PORTAL_SMTP_SECURITY="none")
    try:
        portal.start()
        now = int(time.time())
        with portal.db() as db:
            db.executemany(
                "INSERT INTO outbox (recipients, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)",
                [(f"cliente{i}@example.com", f"Aggiornamento ticket #{i}", "Risposta", now, now) for i in range(10_000)])
        time.sleep(1)  # the mailer is busy with the notifications
        assert len(sink.messages) < 5_000
        started = time.time()
        session = requests.Session()
        response = password_step(portal, ADMIN, session=session)
        assert response.headers["Location"] == "/accesso/codice"
        code = None
        while code is None and time.time() - started < 5:
            for recipients, content in list(sink.messages):
                parsed = email.message_from_bytes(content, policy=email.policy.default)
                if recipients == [ADMIN] and "Codice" in parsed["Subject"]:
                    code = re.search(r"autenticazione a 2 fattori è: (\S+)", parsed.get_content()).group(1)
            time.sleep(0.05)
        waited = time.time() - started
        assert code, f"no code within 5 s; {len(sink.messages)} notifications sent meanwhile"
        assert code_step(portal, session, code).status_code == 303, "the code delivered is the one that lets in"
        with portal.db() as db:
            unsent = db.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]
            secret = db.execute("SELECT body, sent_at FROM outbox WHERE recipients = ? AND subject LIKE '%Codice%'",
                                (ADMIN,)).fetchone()
        assert unsent > 1000, "the code overtook the queue rather than waiting for it to drain"
        assert secret["sent_at"] and secret["body"] == "", "the delivered code is not kept in the database"
        print(f"code delivered after {waited:.2f} s, {len(sink.messages)} mails sent")
    finally:
        portal.stop()
        controller.stop()
