"""Answering by e-mail as people see it: a customer's request answered on the desk, the
customer's reply by e-mail (quoted history and signature cut) in the conversation of the
ticket's page, and an operator's "#nota" by e-mail shown only on the desk as an internal note."""
import pytest
from selenium.webdriver.common.by import By

from mailgate import MAIL_ENV, deliver, reply_mail
from people import log_in, open_new_request, press, sign_in
from portal import ADMIN, DEMO_PASSWORD, Portal

OPERATOR = "giulia.neri@assistenza.example"


@pytest.fixture(scope="module")
def portal():
    instance = Portal(**MAIL_ENV).start()
    yield instance
    instance.stop()


def bodies(browser):
    return [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".message-body")]


def test_a_reply_by_email_is_read_in_the_conversation_and_a_note_by_email_only_on_the_desk(portal, browser):
    log_in(browser, portal, ADMIN, DEMO_PASSWORD, trust=True)
    number = open_new_request(browser, "Fattura elettronica scartata", "Lo SdI ha scartato la fattura 12.")
    portal.admin("ticket", "reply", "--number", str(number), "--operator", OPERATOR,
                 "--text", "Ci invii per favore la ricevuta di scarto.")
    notification = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta")
    raw = reply_mail(notification, f"Mario Rossi <{ADMIN}>",
                     "Ecco il codice di scarto: 00305.\n\n-- \nMario Rossi\nROSSI SRL")
    assert deliver(portal, raw).returncode == 0

    press(browser, "Aggiorna")
    texts = bodies(browser)
    assert "Ecco il codice di scarto: 00305." in texts
    assert not any("ha scritto:" in text or "ROSSI SRL" in text for text in texts), texts

    to_desk = portal.wait_for_mail(OPERATOR, f"Ticket #{number} risposta del cliente")
    note = reply_mail(to_desk, OPERATOR, "#nota\nCodice 00305: partita IVA del cessionario errata.", quote=False)
    assert deliver(portal, note).returncode == 0
    browser.refresh()
    assert not any("cessionario" in text for text in bodies(browser)), "the customer never sees a note"

    browser.delete_all_cookies()
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    browser.get(portal.url + f"/desk/ticket/{number}")
    notes = browser.find_elements(By.CSS_SELECTOR, ".message--note")
    assert any("cessionario errata" in element.text and "Nota interna" in element.text for element in notes)
    assert "Ecco il codice di scarto: 00305." in bodies(browser)
