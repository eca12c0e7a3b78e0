"""The security e-mails, delivered over SMTP (an aiosmtpd sink): a new trusted device, a login
from a new device, a password changed in the profile, a password reset; each says when,
which browser and which address, and none carries a secret."""
import email
import email.policy
import re
import time

import pytest
import requests
from aiosmtpd.controller import Controller

from portal import ADMIN, DEMO_PASSWORD, Portal, Sink, code_step, csrf_token, free_port, password_step

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
CHANGED = "una nuova frase per il profilo 7"
RESET = "una frase scelta dal recupero 9"


@pytest.fixture
def mailed():
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    portal = Portal(PORTAL_SMTP_HOST="127.0.0.1", PORTAL_SMTP_PORT=str(port), PORTAL_SMTP_SECURITY="none").start()
    yield portal, Mailbox(sink)
    portal.stop()
    controller.stop()


class Mailbox:
    def __init__(self, sink):
        self.sink = sink
        self.read = set()

    def wait(self, to, subject, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for index, (recipients, content) in enumerate(list(self.sink.messages)):
                message = email.message_from_bytes(content, policy=email.policy.default)
                if index not in self.read and to in recipients and subject in message["Subject"]:
                    self.read.add(index)
                    return message.get_content()
            time.sleep(0.1)
        raise AssertionError(f"no e-mail '{subject}' to {to} within {timeout} s")


def browser(agent):
    session = requests.Session()
    session.headers["User-Agent"] = agent
    return session


def log_in(portal, mailbox, session, password=DEMO_PASSWORD, trust=False):
    response = password_step(portal, ADMIN, password, session=session)
    if response.headers.get("Location") == "/accesso/codice":
        code = re.search(r"fattori è: (\S+)", mailbox.wait(ADMIN, "Codice")).group(1)
        response = code_step(portal, session, code, trust=trust)
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    return response


def sent(portal, subject):
    with portal.db() as db:
        return db.execute("SELECT count(*) FROM outbox WHERE subject LIKE ?", (f"%{subject}%",)).fetchone()[0]


def test_a_browser_made_trusted_at_its_login_is_told_once(mailed):
    """«Nuovo dispositivo sicuro» and «nuovo accesso» in the same second were the same news
    twice. A trusted-device cookie alone is no proof of a known browser: copied elsewhere, it
    would sign in unannounced."""
    portal, mailbox = mailed
    log_in(portal, mailbox, browser(FIREFOX))
    assert sent(portal, "nuovo accesso") == 1, "the demo account's first login is from a browser never seen"
    chrome = browser(CHROME)
    log_in(portal, mailbox, chrome, trust=True)
    mailbox.wait(ADMIN, "nuovo dispositivo sicuro")
    assert sent(portal, "nuovo accesso") == 1 and sent(portal, "nuovo dispositivo sicuro") == 1
    page = chrome.get(portal.url + "/dashboard").text
    chrome.post(portal.url + "/logout", data={"csrf": csrf_token(page)})
    chrome.cookies.set("portal_browser", None, domain="127.0.0.1", path="/")
    time.sleep(1.1)  # the portal's times are in seconds: a later login, not the one that trusted it
    log_in(portal, mailbox, chrome)
    assert sent(portal, "nuovo accesso") == 2, "a browser without the cookie of known browsers is announced"


def test_security_events_are_mailed_to_the_owner(mailed):
    portal, mailbox = mailed
    # A login made trusted says so once ("Dispositivo sicuro"), even the account's first.
    firefox = browser(FIREFOX)
    log_in(portal, mailbox, firefox, trust=True)
    trusted = mailbox.wait(ADMIN, "nuovo dispositivo sicuro")
    assert "Firefox su Linux" in trusted and "Indirizzo di rete: 127.0.0.1" in trusted and "/password/recupero" in trusted
    assert sent(portal, "nuovo accesso") == 0

    # Another browser is a new device; the same browser again is not.
    chrome = browser(CHROME)
    log_in(portal, mailbox, chrome)
    assert "Chrome su Windows" in mailbox.wait(ADMIN, "nuovo accesso al tuo account")
    page = chrome.get(portal.url + "/dashboard").text
    chrome.post(portal.url + "/logout", data={"csrf": csrf_token(page)})
    log_in(portal, mailbox, chrome)
    assert sent(portal, "nuovo accesso") == 1

    # A password changed in the profile.
    page = firefox.get(portal.url + "/profilo").text
    changed = firefox.post(portal.url + "/profilo/password", allow_redirects=False, data={
        "csrf": csrf_token(page), "current_password": DEMO_PASSWORD, "new_password": CHANGED,
        "password_confirmation": CHANGED})
    assert changed.status_code == 303
    body = mailbox.wait(ADMIN, "la tua password è stata cambiata")
    assert "Firefox su Linux" in body and CHANGED not in body

    # A password reset through the recovery e-mail.
    page = chrome.get(portal.url + "/password/recupero").text
    chrome.post(portal.url + "/password/recupero", data={"csrf": csrf_token(page), "email": ADMIN})
    token = re.search(r"#token=(\S+)", mailbox.wait(ADMIN, "nuova password")).group(1)
    page = chrome.get(portal.url + "/password/nuova").text
    done = chrome.post(portal.url + "/password/nuova", allow_redirects=False, data={
        "csrf": csrf_token(page), "token": token, "password": RESET, "password_confirmation": RESET})
    assert done.status_code == 303
    body = mailbox.wait(ADMIN, "la tua password è stata reimpostata")
    assert "Chrome su Windows" in body and token not in body and RESET not in body
