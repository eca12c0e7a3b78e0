"""Words: the code page in Italian and honest about the code limit, the activity trail in
Italian, a reply over 20,000 characters told so, and "potrai chiuderlo dalle HH:MM" true for
the whole of that minute."""
import time

import pytest
from selenium.webdriver.common.by import By

from people import press, sign_in, tick, type_into
from portal import ADMIN, DEMO_PASSWORD, ROSSI_VAT, TECHNICIAN, running_portal


@pytest.fixture(scope="module")
def portal():
    yield from running_portal()


def password(browser, portal, email):
    browser.get(portal.url + "/login")
    type_into(browser, "Email", email)
    type_into(browser, "Password", DEMO_PASSWORD)
    press(browser, "Accedi")


def test_the_code_page_says_plainly_when_no_code_was_sent(portal, browser):
    for _ in range(3):
        password(browser, portal, TECHNICIAN)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Autenticazione a 2 fattori"
        # The manual's own sentence.
        assert "Indicare il codice che vi è stato recapitato per email." in browser.page_source
    password(browser, portal, TECHNICIAN)
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "questa volta non ti abbiamo inviato nessun codice" in page
    assert "recapitato per email" not in page and "scaduto" not in page, page
    press(browser, "Richiedi un nuovo codice")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "questa volta non ti abbiamo inviato nessun codice" in page and "Ti abbiamo inviato" not in page


def test_the_activity_trail_speaks_italian(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.delete_all_cookies()
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)  # the trusted device this time
    browser.get(portal.url + "/tenant/attivita")
    trail = browser.find_element(By.TAG_NAME, "main").text
    assert "Dispositivo sicuro" in trail and "trusted device" not in trail


def open_ticket(portal, created_at=None):
    with portal.db() as db:
        number, ticket_id = db.execute(
            "SELECT t.number, t.id FROM tickets t JOIN tenants te ON te.id = t.tenant_id"
            " WHERE te.vat = ? AND t.status != 'closed' ORDER BY t.id DESC LIMIT 1", (ROSSI_VAT,)).fetchone()
        if created_at is not None:
            db.execute("UPDATE tickets SET created_at = ? WHERE id = ?", (created_at, ticket_id))
    return number


def test_a_reply_over_the_limit_is_told_so_and_kept(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + f"/ticket/{open_ticket(portal)}")
    # Pasted past the box's own limit, as another client might send it.
    browser.execute_script("""
        const box = document.getElementById('message');
        box.removeAttribute('data-maxlength');
        box.value = 'a'.repeat(20001);
        const editable = document.querySelector('#reply-form [contenteditable]');
        if (editable) editable.textContent = box.value;  // the formatting editor writes the box on submit
    """)
    press(browser, "Invia")
    assert "supera il limite di 20.000 caratteri" in browser.find_element(By.ID, "message-error").text
    assert len(browser.find_element(By.ID, "message").get_attribute("value")) >= 20000


def test_closing_is_allowed_for_the_whole_minute_the_page_names(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    while time.time() % 60 > 35:
        time.sleep(1)
    minute = int(time.time()) // 60 * 60
    # The 5 minutes ended half a minute before this one: "dalle HH:MM" names this minute (the
    # first whole minute after the delay) and holds for all of it.
    number = open_ticket(portal, created_at=minute - 30 - 300)
    browser.get(portal.url + f"/ticket/{number}")
    type_into(browser, "Risposta", "Risolto, chiudo. Grazie.")
    tick(browser, "Chiudere il ticket all'invio del messaggio")
    press(browser, "Invia")
    assert "Ticket chiuso." in browser.page_source, browser.find_element(By.TAG_NAME, "main").text[:300]
