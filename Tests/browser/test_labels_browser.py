"""Each of the manual's and the issues' words names one control, as a test that looks a
control up by its label or by its role and name finds it (Playwright's `get_by_label` and
`get_by_role` refuse a name that matches two): the editor's label names the editable area
only, one "Invia Ticket", one "Azzera filtri", the switches are buttons with JavaScript, and
"Invita utente" is named without a "+"."""
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from people import field, press, sign_in
from portal import ADMIN, DEMO_PASSWORD, login, running_portal
from tickets import created_number, new_ticket

OPERATOR = "giulia.neri@assistenza.example"


@pytest.fixture(scope="module")
def portal():
    yield from running_portal()


# What `get_by_label(text)` matches: any element whose aria-label, aria-labelledby's text or
# <label>'s text holds the words (case and spaces aside), hidden ones too.
BY_LABEL = """
const text = arguments[0].toLowerCase(), hits = new Set();
const norm = (s) => (s || "").replace(/\\s+/g, " ").trim().toLowerCase();
document.querySelectorAll("[aria-label]").forEach((e) => { if (norm(e.getAttribute("aria-label")).includes(text)) hits.add(e); });
document.querySelectorAll("[aria-labelledby]").forEach((e) => {
  const named = e.getAttribute("aria-labelledby").split(/\\s+/).map((id) => document.getElementById(id)).filter(Boolean);
  if (norm(named.map((n) => n.textContent).join(" ")).includes(text)) hits.add(e);
});
document.querySelectorAll("label").forEach((l) => { if (l.control && norm(l.textContent).includes(text)) hits.add(l.control); });
return hits.size;
"""

# What `get_by_role("button", name=text)` matches among the visible buttons.
BUTTONS = """
const text = arguments[0].toLowerCase();
const norm = (s) => (s || "").replace(/\\s+/g, " ").trim().toLowerCase();
return Array.from(document.querySelectorAll("button, [role=button], input[type=submit]"))
  .filter((b) => b.getClientRects().length && !b.closest("[aria-hidden=true]"))
  .filter((b) => norm(b.getAttribute("aria-label") || b.textContent || b.value).includes(text)).length;
"""


def by_label(browser, text):
    return browser.execute_script(BY_LABEL, text)


def buttons(browser, text):
    return browser.execute_script(BUTTONS, text)


def test_the_ticket_forms_words_each_name_one_control(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    browser.find_element(By.CSS_SELECTOR, "[data-editor-for='description']")  # the editor has started
    for label in ("Titolo", "Descrizione", "Dettagli tecnici", "Allegati"):
        assert by_label(browser, label) == 1, label
    # A lookup by the label's `for` finds the editable area too (it found nothing: `for` was
    # removed), and a click on the label puts the caret there.
    label = browser.find_element(By.XPATH, "//label[normalize-space()='Descrizione']")
    editable = browser.find_element(By.ID, label.get_attribute("for"))
    assert editable.get_attribute("data-editor-for") == "description"
    label.click()
    assert browser.switch_to.active_element == editable
    editable.send_keys("Scritto dal campo trovato per etichetta")
    assert "Scritto dal campo" in browser.find_element(By.ID, "description").get_attribute("value")
    assert buttons(browser, "Invia Ticket") == 1 and buttons(browser, "Anteprima") == 1
    # Each choice's question names one control for a lookup by label (the radiogroup), and is
    # both a "group" (the fieldset, by its legend) and a "radiogroup" for a lookup by role.
    for legend in ("Preferenza contatto", "Tipologia richiesta", "Area richiesta", "Priorità"):
        assert by_label(browser, legend) == 1, legend
        group = browser.find_element(By.XPATH, f"//fieldset[legend[normalize-space()='{legend}']]")
        assert group.get_attribute("role") is None, legend
        radios = group.find_element(By.CSS_SELECTOR, "[role=radiogroup]")
        assert radios.get_attribute("aria-labelledby") == group.find_element(By.TAG_NAME, "legend").get_attribute("id")
        assert len(radios.find_elements(By.CSS_SELECTOR, "input[type=radio]")) >= 2, legend

    browser.get(portal.url + "/ticket/1001")
    browser.find_element(By.CSS_SELECTOR, "[data-editor-for='message']")
    assert by_label(browser, "Risposta") == 1
    # The manual's text says "Persona di riferimento", its picture "Referente ticket": one select,
    # with one <label> (two labels are a serious axe violation).
    assert by_label(browser, "Referente ticket") == 1 and by_label(browser, "Persona di riferimento") == 1
    assert browser.find_element(By.XPATH, "//label[normalize-space()='Referente ticket']").get_attribute("for") == "referent"
    assert len(browser.find_elements(By.CSS_SELECTOR, "label[for='referent']")) == 1
    assert buttons(browser, "Ingrandisci/Riduci chat") == 1


def test_remembered_filters_have_one_azzera_filtri_and_invita_utente_is_its_words(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket")
    browser.find_element(By.XPATH, "//label[normalize-space()='Chiuso']").click()
    press(browser, "Cerca Ticket")
    browser.get(portal.url + "/ticket")
    assert "remembered-filters" in browser.page_source
    assert buttons(browser, "Azzera filtri") == 1
    press(browser, "Azzera filtri")

    browser.get(portal.url + "/tenant/inviti")
    # A button, as the manual presses it («premere "Invita utente"»), opening the form.
    invite = browser.find_element(By.XPATH, "//main//button[normalize-space()='Invita utente']")
    invite.click()
    WebDriverWait(browser, 10).until(lambda _: urlparse(browser.current_url).path == "/tenant/inviti/nuovo")
    assert field(browser, "Email").is_displayed()


def test_a_customers_title_never_answers_for_a_filters_label(portal, browser):
    """A ticket's title is the customer's words: a card or a link named by it was found by a
    lookup of the filters' labels («è stato» for «Stato», «salta» for «Alta»), and the order's
    «Priorità» was found with the filter «Priorità richiesta»."""
    customer, _ = login(portal, email=ADMIN)
    title = "Il DDT non è stato emesso: testo che salta, area e tipologia a priorità alta"
    number = created_number(new_ticket(portal, customer, title=title, description="La bolla non esce dal gestionale."))
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket")
    assert f"#{number}" in browser.find_element(By.CSS_SELECTOR, ".ticket-list").text
    for label in ("Testo", "Alta", "Priorità", "Stato richiesta", "Tipologia richiesta", "Filtri"):
        assert by_label(browser, label) <= 1, label
    for label in ("Testo", "Alta", "Priorità", "Stato richiesta", "Tipologia richiesta"):
        assert by_label(browser, label) == 1, label

    browser.get(portal.url + "/login")
    browser.delete_all_cookies()
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    browser.get(portal.url + "/desk/")
    assert title in browser.find_element(By.CSS_SELECTOR, "table.desk-queue").text
    for label in ("Stato", "Priorità", "Area", "Tipologia", "Cerca"):
        assert by_label(browser, label) == 1, label
