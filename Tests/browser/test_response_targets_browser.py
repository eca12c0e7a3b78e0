"""Response targets in the browser, by the visible labels: a Responsabile changes a target in
"Tempi di risposta" (a zero refused beside its field first); a customer of a demo company
opens a request and reads when the first answer is due; the queue ordered by "Scadenza" shows
the same deadline; "Andamento" and its CSV count the request. Axe finds no serious violation."""
import pytest
from selenium.webdriver.common.by import By

from axe import serious_violations
from chromium import chromium
from engines import click
from people import field, log_in, open_menu_entry, press, sign_in, type_into
from portal import ADMIN, DEMO_PASSWORD
from targets import (download_csv, opened_this_week, queue_row_by_due, set_target,
                     this_weeks_monday, weekly_row)

MANAGER = "giulia.neri@assistenza.example"


@pytest.fixture
def second_browser():
    """The customer, with cookies of their own."""
    driver = chromium()
    yield driver
    driver.quit()


def test_a_target_set_by_a_responsabile_shows_on_a_new_ticket_in_the_queue_in_andamento_and_its_csv(
        portal, browser, second_browser):
    manager, customer = browser, second_browser
    sign_in(manager, portal, MANAGER, DEMO_PASSWORD)
    open_menu_entry(manager, "Amministrazione", "Tempi di risposta")
    assert field(manager, "Orario di lavoro").get_attribute("value") == "09:00-13:00, 14:00-18:00"
    assert serious_violations(manager) == []

    # Zero is refused next to its field; what else was typed stays.
    type_into(manager, "Festività aggiunte", "29/06")
    set_target(manager, "Prima risposta – Normale", "0")
    assert manager.find_element(By.ID, "prima-risposta-normal-error").text == "Il tempo deve essere maggiore di zero."
    assert field(manager, "Festività aggiunte").get_attribute("value").strip() == "29/06"
    assert serious_violations(manager) == []
    set_target(manager, "Prima risposta – Normale", "2:30")
    assert "Tempi di risposta salvati" in manager.find_element(By.CSS_SELECTOR, ".notice").text
    assert field(manager, "Prima risposta – Normale").get_attribute("value") == "2:30"

    # A customer of a demo company opens a request: the page says when the answer is due.
    log_in(customer, portal, ADMIN, DEMO_PASSWORD, trust=True)
    customer.find_element(By.XPATH, "//summary[contains(., 'Servizi di Supporto')]").click()
    press(customer, "Nuova richiesta di assistenza")
    title = "Il registro dei corrispettivi non si chiude"
    for legend, option in (("Area richiesta", "Richiesta su tematiche gestionali di tipo amministrativo"), ("Priorità", "Normale")):
        fieldset = customer.find_element(By.XPATH, f"//fieldset[legend[normalize-space()='{legend}']]")
        click(customer, fieldset.find_element(By.XPATH, f".//label[normalize-space()='{option}']"))
    type_into(customer, "Titolo", title)
    type_into(customer, "Descrizione", "Da ieri la chiusura del registro si ferma a meta.")
    press(customer, "Invia Ticket")
    expected = customer.find_element(By.CSS_SELECTOR, ".expected-answer").text
    assert expected.startswith("Risposta prevista entro ")
    due = expected.removeprefix("Risposta prevista entro ")

    # The queue by "Scadenza" shows the same deadline for the first answer.
    row = queue_row_by_due(manager, title)
    assert "Prima risposta" in row and due in row, row
    assert "mancano" in row or "scaduto" in row
    assert serious_violations(manager) == []

    # "Andamento" counts it among this week's tickets, in the chart's table and in its CSV.
    open_menu_entry(manager, "Amministrazione", "Andamento")
    opened = opened_this_week(portal)
    assert weekly_row(manager)[0] == str(opened)
    assert len(manager.find_elements(By.CSS_SELECTOR, "svg.chart[role=img]")) == 5
    rows = download_csv(manager, "Ticket aperti e chiusi per settimana")
    assert rows[0] == ["Settimana dal", "Aperti", "Chiusi"]
    assert [this_weeks_monday().strftime("%d/%m/%Y"), str(opened)] == rows[-1][:2]
    assert serious_violations(manager) == []
