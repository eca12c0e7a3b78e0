"""The mailer fetches replies from a real IMAP server (Dovecot on a loopback port, TLS
with a self-signed certificate trusted through PORTAL_IMAP_CA_FILE) and hands them to the
same gate as portal-mailgate: the reply lands on the ticket, the message is marked read."""
import time

import pytest

from dovecot import Dovecot
from mailgate import MAIL_ENV, reply_mail
from portal import TECHNICIAN, Portal
from test_mailgate import ticket_answered_by_the_desk


@pytest.fixture
def dovecot():
    server = Dovecot().start()
    yield server
    server.stop()


def test_the_mailer_fetches_a_reply_from_an_imap_mailbox_over_tls(dovecot):
    portal = Portal(**MAIL_ENV, PORTAL_IMAP_URL=dovecot.url, PORTAL_IMAP_USER=Dovecot.USER,
                    PORTAL_IMAP_PASSWORD=Dovecot.PASSWORD, PORTAL_IMAP_CA_FILE=dovecot.ca_file, PORTAL_IMAP_INTERVAL="1")
    portal.start()
    try:
        number, customer, _, notification = ticket_answered_by_the_desk(portal)
        dovecot.append(reply_mail(notification, TECHNICIAN, "Arrivata dalla casella IMAP."))
        dovecot.append(reply_mail(notification, TECHNICIAN, "Fuori ufficio", quote=False,
                                  headers={"Auto-Submitted": "auto-replied"}))
        deadline = time.time() + 15
        page = ""
        while time.time() < deadline:
            page = customer.get(portal.url + f"/ticket/{number}").text
            if "Arrivata dalla casella IMAP." in page:
                break
            time.sleep(0.3)
        assert "Arrivata dalla casella IMAP." in page, (portal.var / "log" / "portal-mailer.log").read_text()
        assert "Fuori ufficio" not in page
        flags = dovecot.flags()
        assert len(flags) == 2 and all("\\Seen" in item for item in flags), flags
    finally:
        portal.stop()


def test_an_untrusted_certificate_fetches_nothing_and_loses_nothing(dovecot):
    portal = Portal(**MAIL_ENV, PORTAL_IMAP_URL=dovecot.url, PORTAL_IMAP_USER=Dovecot.USER,
                    PORTAL_IMAP_PASSWORD=Dovecot.PASSWORD, PORTAL_IMAP_INTERVAL="1")
    portal.start()
    try:
        number, customer, _, notification = ticket_answered_by_the_desk(portal)
        dovecot.append(reply_mail(notification, TECHNICIAN, "Non deve passare senza TLS verificato."))
        time.sleep(3)
        assert "Non deve passare" not in customer.get(portal.url + f"/ticket/{number}").text
        assert "mail_fetch_failed" in (portal.var / "log" / "portal-mailer.log").read_text()
        assert all("\\Seen" not in item for item in dovecot.flags())
    finally:
        portal.stop()
