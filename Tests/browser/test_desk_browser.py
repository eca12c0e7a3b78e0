"""The operators' desk in the browser, driven by its visible labels: a customer's request
reaches the support address and "Coda ticket", an operator works it (takes it, notes, answers
with a file, changes its status), the customer follows it and answers; the queue and the
ticket page also work without JavaScript and pass axe."""
import datetime
import uuid
import zoneinfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from axe import serious_violations
from chromium import chromium
from people import choose_option, choose_radio, chosen_option, field, open_new_request, press, sign_in, type_into
from portal import ADMIN, DEMO_PASSWORD, Portal, login
from tickets import created_number, new_ticket

OPERATOR = "giulia.neri@assistenza.example"
OTHER_OPERATOR = "paolo.gallo@assistenza.example"
SUPPORT = "assistenza@fornitore.example"


@pytest.fixture(scope="module")
def portal():
    """A portal of its own, so that new requests are mailed to the support address."""
    instance = Portal(PORTAL_SUPPORT_EMAIL=SUPPORT).start()
    yield instance
    instance.stop()


@pytest.fixture
def second_browser():
    """The other side of the conversation, with its own cookies."""
    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture
def browser_without_javascript():
    driver = chromium(javascript=False)
    yield driver
    driver.quit()


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def notice(browser):
    return browser.find_element(By.CSS_SELECTOR, ".notice").text


def thread(browser):
    return browser.find_element(By.CSS_SELECTOR, "ol.thread").text


def queue_row(browser, title):
    return browser.find_element(By.XPATH, f"//table[contains(@class, 'desk-queue')]//tr[.//a[normalize-space()='{title}']]")


def cell(row, column):
    return row.find_element(By.CSS_SELECTOR, f"td[data-label='{column}']").text


def find_in_queue(browser, word, title):
    """What an operator does to find a ticket: a word of it in "Cerca", "Filtra", its title."""
    assert heading(browser) == "Coda ticket"
    type_into(browser, "Cerca", word)
    press(browser, "Filtra")
    assert field(browser, "Cerca").get_attribute("value") == word
    rows = browser.find_elements(By.CSS_SELECTOR, "table.desk-queue tbody tr")
    assert len(rows) == 1 and title in rows[0].text, [row.text for row in rows]
    press(browser, title)


def test_a_request_goes_from_the_customer_to_the_desk_and_back(portal, browser, second_browser, tmp_path):
    customer, operator = browser, second_browser
    note_word = "zqx" + uuid.uuid4().hex[:10]
    title = "Il registro IVA non si stampa"

    sign_in(customer, portal, ADMIN, DEMO_PASSWORD)
    number = open_new_request(customer, title, "Da stamattina la stampa del registro ornitorinco si blocca.")
    support_mail = portal.wait_for_mail(SUPPORT, f"Ticket #{number} nuova richiesta").get_content()
    assert title in support_mail and f"/desk/ticket/{number}" in support_mail

    sign_in(operator, portal, OPERATOR, DEMO_PASSWORD)
    assert operator.current_url == portal.url + "/desk/"
    find_in_queue(operator, "ornitorinco", title)
    assert heading(operator) == f"#{number} {title}"
    assert chosen_option(operator, "Stato") == "Non assegnato"

    press(operator, "Prendi in carico")
    assert "Ticket preso in carico." in notice(operator)
    assert "Giulia Neri ha preso in carico la richiesta" in thread(operator)
    assert chosen_option(operator, "Stato") == "In attesa"

    type_into(operator, "Nota interna", f"Il cliente usa ancora la stampante vecchia, {note_word}.")
    press(operator, "Nota interna")
    assert "Nota interna salvata." in notice(operator)
    note = operator.find_element(By.CSS_SELECTOR, ".message--note")
    assert note_word in note.text and "Nota interna" in note.text

    type_into(operator, "Rispondi al cliente", "Buongiorno, provi ad aggiornare alla 23.0.0.70 seguendo le istruzioni.")
    instructions = tmp_path / "istruzioni.txt"
    instructions.write_text("1. Chiudere il gestionale\n2. Aggiornare\n")
    field(operator, "Allega files").send_keys(str(instructions))
    press(operator, "Rispondi al cliente")
    assert "Risposta inviata al cliente." in notice(operator)
    assert "provi ad aggiornare alla 23.0.0.70" in thread(operator)
    assert operator.find_element(By.LINK_TEXT, "istruzioni.txt")
    assert field(operator, "Rispondi al cliente").get_attribute("value").strip() == ""

    choose_option(operator, "Stato", "In sviluppo")
    press(operator, "Cambia stato")
    assert "Stato cambiato." in notice(operator)
    assert chosen_option(operator, "Stato") == "In sviluppo"

    # The customer sees the answer, its file and the new status, never the note.
    press(customer, "Aggiorna")
    conversation = thread(customer)
    assert "provi ad aggiornare alla 23.0.0.70" in conversation
    assert "Stato: In sviluppo" in conversation
    assert customer.find_element(By.XPATH, "//ol[@class='thread']//a[normalize-space()='istruzioni.txt']")
    assert note_word not in customer.page_source and "stampante vecchia" not in customer.page_source
    reply_mail = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta").get_content()
    assert "provi ad aggiornare alla 23.0.0.70" in reply_mail

    # "Rinviato" waits for the customer; the customer's answer brings it back "In attesa".
    choose_option(operator, "Stato", "Rinviato")
    press(operator, "Cambia stato")
    assert chosen_option(operator, "Stato") == "Rinviato"
    press(customer, "Aggiorna")
    type_into(customer, "Risposta", "Aggiornato: ora la stampa funziona, grazie.")
    press(customer, "Invia")
    assert "Aggiornato: ora la stampa funziona" in thread(customer)
    operator_mail = portal.wait_for_mail(OPERATOR, f"Ticket #{number} risposta del cliente").get_content()
    assert "ora la stampa funziona" in operator_mail

    press(operator, "Aggiorna")
    assert chosen_option(operator, "Stato") == "In attesa"
    assert "ora la stampa funziona" in thread(operator)
    press(operator, "Torna alla coda")
    assert cell(queue_row(operator, title), "Stato") == "In attesa"

    for path in portal.mails():
        assert note_word.encode() not in path.read_bytes(), path.name


def test_the_queue_and_the_ticket_page_work_without_javascript(portal, browser_without_javascript, tmp_path):
    browser = browser_without_javascript
    customer, _ = login(portal, email=ADMIN)
    title = "Fattura elettronica scartata"
    number = created_number(new_ticket(portal, customer, title=title,
                                       description="Lo SDI ha scartato la fattura pellicano di ieri."))

    sign_in(browser, portal, OTHER_OPERATOR, DEMO_PASSWORD)
    assert heading(browser) == "Coda ticket"
    find_in_queue(browser, "pellicano", title)
    assert heading(browser) == f"#{number} {title}"

    press(browser, "Prendi in carico")
    assert "Ticket preso in carico." in notice(browser)
    assert "Paolo Gallo ha preso in carico la richiesta" in thread(browser)

    type_into(browser, "Rispondi al cliente", "Buongiorno, la reinvii dopo aver corretto il codice destinatario.")
    scarto = tmp_path / "scarto.xml"
    scarto.write_text("<EsitoCommittente/>\n")
    field(browser, "Allega files").send_keys(str(scarto))
    press(browser, "Rispondi al cliente")
    assert "Risposta inviata al cliente." in notice(browser)
    assert "corretto il codice destinatario" in thread(browser)
    assert browser.find_element(By.LINK_TEXT, "scarto.xml")

    choose_option(browser, "Stato", "In sviluppo")
    press(browser, "Cambia stato")
    assert chosen_option(browser, "Stato") == "In sviluppo"
    # Filed as "Amministrativa": the desk moves it where it belongs.
    choose_option(browser, "Area", "Sistemistica")
    press(browser, "Cambia area")
    assert "Area cambiata." in notice(browser) and chosen_option(browser, "Area") == "Sistemistica"
    page = customer.get(portal.url + f"/ticket/{number}").text
    assert "corretto il codice destinatario" in page and "scarto.xml" in page and "Stato: In sviluppo" in page
    assert "Area: Sistemistica" in page


def test_axe_finds_no_serious_violation_on_the_desk(portal, browser):
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    assert heading(browser) == "Coda ticket"
    type_into(browser, "Cerca", "")
    choose_option(browser, "Stato", "Qualsiasi")
    press(browser, "Filtra")
    assert serious_violations(browser) == []

    press(browser, browser.find_element(By.CSS_SELECTOR, "table.desk-queue tbody a.ticket-link").text)
    assert heading(browser).startswith("#")
    assert serious_violations(browser) == []
    # The same page with an internal note and its notice in the thread, then with a refusal next to its field.
    type_into(browser, "Nota interna", "Verificare con il commerciale.")
    press(browser, "Nota interna")
    assert browser.find_element(By.CSS_SELECTOR, ".message--note")
    assert serious_violations(browser) == []
    press(browser, "Rispondi al cliente")
    assert "Scrivi un messaggio." in browser.find_element(By.ID, "reply-error").text
    assert serious_violations(browser) == []


def test_at_1280_pixels_every_column_of_the_queue_and_every_control_is_readable(portal, browser):
    browser.set_window_size(1280, 800)
    sign_in(browser, portal, OTHER_OPERATOR, DEMO_PASSWORD)
    choose_option(browser, "Stato", "Qualsiasi")
    type_into(browser, "Cerca", "")
    press(browser, "Filtra")
    wrap = browser.find_element(By.CSS_SELECTOR, ".table-wrap")
    right = wrap.rect["x"] + wrap.rect["width"]
    for header in browser.find_elements(By.CSS_SELECTOR, "table.desk-queue th"):
        assert header.rect["x"] + header.rect["width"] <= right + 1, f"column '{header.text}' is cut off"
    line = float(browser.execute_script(
        "return parseFloat(getComputedStyle(arguments[0]).lineHeight)", browser.find_element(By.CSS_SELECTOR, "a.ticket-link")))
    for link in browser.find_elements(By.CSS_SELECTOR, "table.desk-queue a.ticket-link"):
        assert link.size["height"] <= 3 * line + 1, f"the title '{link.text}' is squeezed into {link.size['height'] / line:.0f} lines"

    press(browser, browser.find_element(By.CSS_SELECTOR, "table.desk-queue tbody a.ticket-link").text)
    for label in ("Assegna a", "Stato", "Priorità", "Area", "Tipologia"):
        control = field(browser, label)
        assert control.size["height"] <= 48, f"'{label}' is {control.size['height']} pixels high"


def test_a_reply_typed_when_the_session_had_ended_is_offered_back_after_signing_in(portal, browser):
    """The desk answers 404 to a form without a session (it does not exist for visitors): the
    text typed is kept in the browser and offered back once the operator is in again; never
    the controls, which would come back stale."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Bozza del banco " + uuid.uuid4().hex[:6]))
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    browser.get(portal.url + f"/desk/ticket/{number}")
    browser.delete_all_cookies()  # the session ended (Esci in another tab, or it expired)
    type_into(browser, "Rispondi al cliente", "Risposta scritta a sessione scaduta")
    choose_option(browser, "Stato", "Rinviato")
    press(browser, "Rispondi al cliente")
    assert "non esiste" in browser.page_source

    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    browser.get(portal.url + f"/desk/ticket/{number}")
    offer = browser.find_element(By.CSS_SELECTOR, ".draft-offer")
    # Italian time, as the rest of the page, in a browser whose zone is another (UTC here).
    rome = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Rome"))
    minutes = {(rome - datetime.timedelta(minutes=back)).strftime("%H:%M") for back in range(3)}
    assert any(minute in offer.text for minute in minutes), (offer.text, minutes)
    offer.find_element(By.XPATH, ".//button[normalize-space()='Ripristina bozza']").click()
    assert field(browser, "Rispondi al cliente").get_attribute("value") == "Risposta scritta a sessione scaduta"
    assert chosen_option(browser, "Stato") != "Rinviato", "the controls are not part of the draft"
    press(browser, "Rispondi al cliente")
    assert "Risposta inviata al cliente." in notice(browser)
    browser.get(portal.url + f"/desk/ticket/{number}")
    assert not browser.find_elements(By.CSS_SELECTOR, ".draft-offer"), "a sent reply's draft is gone"


def test_a_note_left_unsent_beside_a_sent_reply_keeps_its_draft(portal, browser):
    """The note stays in its box after "Rispondi al cliente", but its draft went with the
    reply's: leaving the page lost it, and «Ripristina bozza» was not offered."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Nota non inviata " + uuid.uuid4().hex[:6]))
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    browser.get(portal.url + f"/desk/ticket/{number}")
    type_into(browser, "Rispondi al cliente", "Risposta al cliente")
    type_into(browser, "Nota interna", "Appunto da non perdere")
    press(browser, "Rispondi al cliente")
    notices = " ".join(box.text for box in browser.find_elements(By.CSS_SELECTOR, ".notice"))
    assert "Risposta inviata al cliente." in notices and "La nota che hai scritto non è stata salvata" in notices
    assert field(browser, "Nota interna").get_attribute("value") == "Appunto da non perdere"
    browser.get(portal.url + "/desk/")
    browser.get(portal.url + f"/desk/ticket/{number}")
    offer = browser.find_element(By.CSS_SELECTOR, ".draft-offer")
    offer.find_element(By.XPATH, ".//button[normalize-space()='Ripristina bozza']").click()
    assert field(browser, "Nota interna").get_attribute("value") == "Appunto da non perdere"
    assert field(browser, "Rispondi al cliente").get_attribute("value") == "", "the sent reply is not offered again"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_an_operator_opens_a_request_for_a_customer_on_the_phone(portal, request, javascript):
    browser = request.getfixturevalue("browser" if javascript else "browser_without_javascript")
    title = f"Telefonata: stampante ferma {uuid.uuid4().hex[:6]}"
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    press(browser, "Nuovo ticket per un cliente")
    assert heading(browser) == "Nuovo ticket per un cliente"
    type_into(browser, "Azienda", "rossi")
    press(browser, "Cerca azienda")
    if javascript:
        assert serious_violations(browser) == []
    press(browser, "ROSSI SRL")
    choose_option(browser, "Richiedente", "Mario Rossi – mario.rossi@rossi.example")
    for legend, option in (("Area richiesta", "Richiesta su tematiche di tipo sistemistico"), ("Priorità", "Alta")):
        choose_radio(browser, legend, option)
    type_into(browser, "Titolo", title)
    type_into(browser, "Descrizione", "Il cliente chiama: la stampante di rete non stampa.")
    if javascript:
        assert serious_violations(browser) == []
    press(browser, "Invia Ticket")
    assert heading(browser).endswith(title), heading(browser)
    assert "Richiesta aperta per il cliente" in notice(browser)
    assert "per conto del cliente" in thread(browser)
    customer, _ = login(portal, email=ADMIN)
    assert title in customer.get(portal.url + "/ticket").text


def test_a_restored_draft_of_a_phone_ticket_comes_back_formatted(portal, browser):
    """«Ripristina bozza» on the desk's new-ticket form rendered the description with the
    customers' /ticket/anteprima, which answers an operator 404: the editor showed the marks
    as text, and sending escaped them (`\\*\\*`) into the customer's ticket."""
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    press(browser, "Nuovo ticket per un cliente")
    type_into(browser, "Azienda", "rossi")
    press(browser, "Cerca azienda")
    press(browser, "ROSSI SRL")
    form_url = browser.current_url
    editor = browser.find_element(By.CSS_SELECTOR, "[data-editor-for='description']")
    editor.click()
    editor.send_keys("La stampa è ")
    browser.find_element(By.CSS_SELECTOR, "button[aria-label='Grassetto (B)']").click()
    editor.send_keys("bloccata")
    WebDriverWait(browser, 5).until(lambda _: "**bloccata**" in browser.execute_script(
        "return Object.keys(localStorage).map(key => localStorage.getItem(key)).join(' ')"))

    browser.get(portal.url + "/desk/")
    browser.get(form_url)
    offer = browser.find_element(By.CSS_SELECTOR, ".draft-offer")
    offer.find_element(By.XPATH, ".//button[normalize-space()='Ripristina bozza']").click()
    editor = browser.find_element(By.CSS_SELECTOR, "[data-editor-for='description']")
    WebDriverWait(browser, 5).until(lambda _: editor.find_elements(By.TAG_NAME, "strong"))
    assert editor.find_element(By.TAG_NAME, "strong").text == "bloccata"
    browser.execute_script("arguments[0].dispatchEvent(new Event('input'))", editor)
    value = browser.find_element(By.ID, "description").get_attribute("value")
    assert "**bloccata**" in value and "\\" not in value, value
