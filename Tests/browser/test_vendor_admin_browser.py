"""The vendor administration in the browser, by its visible labels: a Responsabile sets a
response target (a zero refused beside its field first), creates a company and invites its
administrator, who walks the manual's first access and opens a request that says when its
answer is due; the request reaches "Coda ticket" with that deadline, and "Andamento" and its
CSV count it; "Operatori" and "Registro attività" as a Responsabile reads them. Axe finds no
serious violation on these pages."""
import re

import pytest
from selenium.webdriver.common.by import By

from administration import create_company, heading, invite_administrator, open_administration
from axe import serious_violations
from chromium import chromium
from people import field, first_access, open_new_request, press, sign_in, type_into
from portal import DEMO_PASSWORD
from targets import download_csv, opened_this_week, queue_row_by_due, set_target, this_weeks_monday, weekly_row

MANAGER = "giulia.neri@assistenza.example"
ADMINISTRATOR = "chiara.fontana@fontana.example"
PASSWORD = "la nostra nuova azienda sul portale"
COMPANY = "FONTANA IMPIANTI SRL"
VAT = "07643520567"  # a valid check digit; 07643520568 is not


@pytest.fixture
def second_browser():
    """The new company's administrator, with cookies of their own."""
    driver = chromium()
    yield driver
    driver.quit()


def test_a_responsabile_onboards_a_company_whose_administrator_opens_a_ticket_seen_in_the_queue(
        portal, browser, second_browser):
    manager, customer = browser, second_browser
    sign_in(manager, portal, MANAGER, DEMO_PASSWORD)
    assert heading(manager) == "Coda ticket"

    # "Tempi di risposta": a zero is refused beside its field; then a "Normale" request's first
    # answer is due within 2 hours 30 working minutes.
    open_administration(manager, "Tempi di risposta")
    assert field(manager, "Orario di lavoro").get_attribute("value") == "09:00-13:00, 14:00-18:00"
    set_target(manager, "Prima risposta – Normale", "0")
    assert manager.find_element(By.ID, "prima-risposta-normal-error").text == "Il tempo deve essere maggiore di zero."
    assert serious_violations(manager) == []
    set_target(manager, "Prima risposta – Normale", "2:30")
    assert "Tempi di risposta salvati" in manager.find_element(By.CSS_SELECTOR, ".notice").text
    assert field(manager, "Prima risposta – Normale").get_attribute("value") == "2:30"

    # A wrong check digit is refused next to the field, with what was typed kept.
    open_administration(manager, "Aziende")
    press(manager, "Nuova azienda")
    type_into(manager, "Ragione sociale", COMPANY)
    type_into(manager, "Partita IVA", VAT[:10] + "8")
    press(manager, "Crea azienda")
    assert "cifra di controllo" in manager.find_element(By.ID, "vat-error").text
    assert field(manager, "Ragione sociale").get_attribute("value") == COMPANY
    assert serious_violations(manager) == []

    create_company(manager, COMPANY, VAT)
    assert "Azienda creata" in manager.find_element(By.CSS_SELECTOR, ".notice").text
    assert serious_violations(manager) == []
    provisional = invite_administrator(manager, portal, ADMINISTRATOR)
    assert ADMINISTRATOR in manager.find_element(By.XPATH, "//section[h2[normalize-space()='Inviti in attesa']]").text

    first_access(customer, portal, ADMINISTRATOR, provisional, "Chiara", "Fontana", PASSWORD, COMPANY)
    title = "Il gestionale non apre le commesse"
    number = open_new_request(customer, title, "Da questa mattina le commesse aperte non si vedono piu.")
    expected = customer.find_element(By.CSS_SELECTOR, ".expected-answer").text
    assert expected.startswith("Risposta prevista entro ")

    press(manager, "Coda ticket")
    queue = manager.find_element(By.XPATH, f"//table[contains(@class, 'desk-queue')]//tr[.//a[normalize-space()='{title}']]")
    assert COMPANY in queue.text and f"#{number}" in queue.text
    # By "Scadenza" the queue shows the deadline the customer reads, for the first answer.
    row = queue_row_by_due(manager, title)
    deadline = re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", expected).group(0)
    assert "Prima risposta" in row and deadline in row, row
    assert "mancano" in row or "scaduto" in row
    assert serious_violations(manager) == []

    # "Andamento" counts it among this week's tickets, in the chart's table and in its CSV.
    open_administration(manager, "Andamento")
    opened = opened_this_week(portal)
    assert weekly_row(manager)[0] == str(opened)
    assert len(manager.find_elements(By.CSS_SELECTOR, "svg.chart[role=img]")) == 5
    rows = download_csv(manager, "Ticket aperti e chiusi per settimana")
    assert rows[0] == ["Settimana dal", "Aperti", "Chiusi"]
    assert rows[-1][:2] == [this_weeks_monday().strftime("%d/%m/%Y"), str(opened)]
    assert serious_violations(manager) == []

    open_administration(manager, "Aziende")
    type_into(manager, "Nome o P.IVA", VAT)
    press(manager, "Cerca")
    press(manager, COMPANY)
    users = manager.find_element(By.XPATH, "//section[h2[normalize-space()=\"Utenti dell'azienda\"]]").text
    assert "Chiara" in users and "Amministratore" in users
    press(manager, "Attività dell'azienda")
    trail = manager.find_element(By.CSS_SELECTOR, "table").text
    for event in ("Azienda creata", "Invito inviato", "Invito accettato", "Ticket creato"):
        assert event in trail, event
    assert field(manager, "Azienda (nome o Partita IVA)").get_attribute("value") == VAT
    manager.back()
    press(manager, title)
    assert heading(manager) == f"#{number} {title}"


def test_a_responsabile_reads_operators_and_the_audit_trail(portal, browser):
    sign_in(browser, portal, MANAGER, DEMO_PASSWORD)
    open_administration(browser, "Operatori")
    assert "paolo.gallo@assistenza.example" in browser.page_source
    assert field(browser, "Ruolo di Paolo Gallo").get_attribute("value") == "operator"
    assert serious_violations(browser) == []
    press(browser, "Invita operatore")
    for label in ("Nome e cognome", "Email"):
        assert field(browser, label)
    assert serious_violations(browser) == []

    open_administration(browser, "Registro attività")
    assert "Accesso riuscito" in browser.find_element(By.CSS_SELECTOR, "table").text
    assert serious_violations(browser) == []
    open_administration(browser, "Portale classico")
    assert serious_violations(browser) == []
