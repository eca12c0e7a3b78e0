"""The ticket list tells what it did with the filters: a code or a date it cannot read is
named next to its field, "Da data" after "A data" is explained, remembered filters are
announced with "Azzera filtri", and "Testo" finds words of titles and messages (never of the
operators' internal notes)."""
import time

import pytest
from selenium.webdriver.common.by import By

from people import press, sign_in, type_into
from portal import ADMIN, DEMO_PASSWORD, ROSSI_VAT, running_portal


@pytest.fixture(scope="module")
def portal():
    yield from running_portal()


def field_error(browser, field_id):
    return browser.find_element(By.ID, field_id + "-error").text


def cards(browser):
    return browser.find_elements(By.CSS_SELECTOR, ".ticket-list .ticket")


def rossi_tickets(portal):
    with portal.db() as db:
        return [row[0] for row in db.execute(
            "SELECT t.id FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.vat = ? ORDER BY t.id LIMIT 2",
            (ROSSI_VAT,))]


def add_message(portal, ticket_id, body, kind):
    with portal.db() as db:
        db.execute("INSERT INTO messages (ticket_id, author_name, author_is_operator, body, created_at, kind)"
                   " VALUES (?, 'Giulia Neri', 1, ?, ?, ?)", (ticket_id, body, int(time.time()), kind))


def test_filters_that_cannot_be_read_are_named_next_to_their_field(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket")
    type_into(browser, "Codice Ticket", "12a")
    press(browser, "Cerca Ticket")
    assert "«12a» non è un codice ticket" in field_error(browser, "codice")
    assert browser.find_element(By.ID, "codice").get_attribute("value") == "12a", "what was typed stays"
    assert not cards(browser), "no list that looks like the answer"
    assert "Correggi i filtri" in browser.page_source

    browser.get(portal.url + "/ticket?da=2026-02-31")
    assert "«2026-02-31» non è una data valida" in field_error(browser, "da")
    assert not cards(browser)

    browser.get(portal.url + "/ticket?da=2026-03-10&a=2026-03-01")
    assert "«A data» viene prima di «Da data»" in field_error(browser, "a")


def test_text_search_finds_messages_but_never_internal_notes(portal, browser):
    first, second = rossi_tickets(portal)
    add_message(portal, first, "Il gestionale mostra un ornitorinco nel riepilogo.", "reply")
    add_message(portal, second, "Nota interna: cliente zebrafantasma.", "note")
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket")
    type_into(browser, "Testo", "Ornitorinc")
    press(browser, "Cerca Ticket")
    assert len(cards(browser)) == 1, "the word of a reply, its start enough"

    type_into(browser, "Testo", "zebrafantasma")
    press(browser, "Cerca Ticket")
    assert not cards(browser), "a word only in an operator's note finds nothing"
    assert "Nessun ticket corrisponde" in browser.page_source


def test_remembered_filters_are_announced_and_cleared(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket")
    browser.find_element(By.XPATH, "//label[normalize-space()='Chiuso']").click()
    press(browser, "Cerca Ticket")
    closed = len(cards(browser))

    browser.get(portal.url + "/ticket")
    notice = browser.find_element(By.CSS_SELECTOR, ".remembered-filters")
    assert "Stato richiesta: Chiuso" in notice.text
    press(browser, "Azzera filtri")
    assert not browser.find_elements(By.CSS_SELECTOR, ".remembered-filters")
    assert len(cards(browser)) > closed
    browser.get(portal.url + "/ticket")
    assert not browser.find_elements(By.CSS_SELECTOR, ".remembered-filters"), "nothing narrows the list now"


def test_vai_ai_filtri_skips_the_cards_for_the_keyboard(portal, browser):
    """On a laptop the filters come after the list's 25 cards: 26 presses of Tab to "Cerca
    Ticket". A link shown when focused, first in the page's content, goes there."""
    from selenium.webdriver.common.keys import Keys
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket?stato=qualsiasi")
    skip = browser.find_element(By.CSS_SELECTOR, "a.skip-link--filters")
    assert skip.get_attribute("textContent") == "Vai ai filtri"
    assert skip.get_attribute("href").endswith("#filtri")
    assert skip.rect["y"] + skip.rect["height"] <= 0, "out of sight until focused"
    browser.execute_script("document.querySelector('h1').setAttribute('tabindex', '-1'); document.querySelector('h1').focus()")
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Vai ai filtri"
    assert browser.switch_to.active_element.rect["y"] >= 0, "shown when focused"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Cerca Ticket"


def test_every_tab_stop_of_a_date_field_shows_the_focus_ring(portal, browser):
    """Each date field is one Tab stop with the focus ring (WCAG 2.4.7); Chromium's own date
    field had a calendar button whose stop showed no ring."""
    from selenium.webdriver.common.keys import Keys
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket")
    start = browser.find_element(By.ID, "da")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", start)
    start.click()
    seen = []
    for _ in range(6):
        active = browser.switch_to.active_element
        if active.get_attribute("id") not in ("da", "a"):
            break
        seen.append((active.get_attribute("id"), browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)))
        active.send_keys(Keys.TAB)
    assert [id for id, _ in seen] == ["da", "a"] and all(style == "solid" for _, style in seen), seen
