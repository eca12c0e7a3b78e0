"""A user of two companies opens a ticket of the other one (the link of an e-mail): the
portal says whose ticket it is and offers to switch, and the switch lands on the ticket.
Someone of one company only still gets the plain 404."""
import time

import pytest
from selenium.webdriver.common.by import By

from people import press, sign_in
from portal import ADMIN, BIANCHI_VAT, DEMO_PASSWORD, TECHNICIAN, running_portal


@pytest.fixture(scope="module")
def portal():
    for instance in running_portal():
        # The demo's Mario Rossi also works for Bianchi (a consultant of both), as a technician.
        with instance.db() as db:
            db.execute("INSERT INTO memberships (user_id, tenant_id, role, active_since)"
                       " SELECT u.id, t.id, 'tech', ? FROM users u, tenants t WHERE u.email = ? AND t.vat = ?",
                       (int(time.time()), ADMIN, BIANCHI_VAT))
        yield instance


def bianchi_ticket(portal):
    with portal.db() as db:
        return db.execute("SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.vat = ?"
                          " ORDER BY t.id LIMIT 1", (BIANCHI_VAT,)).fetchone()[0]


def test_a_ticket_of_the_other_company_offers_the_switch(portal, browser):
    number = bianchi_ticket(portal)
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + f"/ticket/{number}")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert f"Il ticket #{number} appartiene all'azienda" in main
    assert browser.find_elements(By.CSS_SELECTOR, ".sidebar"), "a page of the portal, with its menu"
    switch = browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Passa a ')]")
    press(browser, switch.text)
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Informazioni Ticket #{number}"
    assert "BIANCHI" in browser.find_element(By.CSS_SELECTOR, ".tenant-icon").text.upper()


def test_someone_of_one_company_still_gets_not_found(portal, browser):
    number = bianchi_ticket(portal)
    sign_in(browser, portal, TECHNICIAN, DEMO_PASSWORD)
    browser.get(portal.url + f"/ticket/{number}")
    assert "appartiene all'azienda" not in browser.page_source
    assert "Passa a" not in browser.page_source
