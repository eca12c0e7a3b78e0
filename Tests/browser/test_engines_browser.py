"""The core journeys in every engine (engines.py: Chromium, Firefox ESR, WebKitGTK) and once
more in Chromium with JavaScript turned off, by the visible labels: first access with the
privacy acceptance, the code with "Dispositivo sicuro" and the company choice; the dashboard
arranged with the mouse and with the keyboard (read-only without JavaScript); a new ticket
with a file, written with the formatting editor (a plain text area without JavaScript), the list's filters (the date field included), the ticket's reply, panel and
closing; an invitation sent and removed under Gestione Tenant; the profile picture; the
operators' desk; the manual offline. axe-core runs on every page the journeys pass through
(where it can: engines.axe_runs). Each browser has one portal and one browser for all its
journeys; each journey starts from the login page.

How the session's outcome per browser reaches /browser.html: see conftest.py."""
import datetime
import re
import time
import uuid
import zoneinfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import engines
from axe import serious_violations
from people import choose_option, field, first_access, png, press, quote, select_words, sign_in, tick, type_into
from portal import ADMIN, DEMO_PASSWORD, ROSSI_VAT, Portal, login
from tickets import created_number, new_ticket

PASSWORD = "un accesso da ogni browser"
OPERATOR = "giulia.neri@assistenza.example"


@pytest.fixture(scope="module", params=engines.BROWSERS)
def engine(request):
    return request.param


@pytest.fixture(scope="module")
def portal(engine):
    """A portal per engine, so that each engine's logins count against their own code limits;
    closing is allowed at once, so the journey need not wait the default 5 minutes."""
    instance = Portal(PORTAL_CLOSE_DELAY_MINUTES="0").start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def browser(engine, record):
    driver = engines.start(engine)
    record.started(engine, engines.version(driver))
    yield driver
    driver.quit()


def scripted(engine):
    return engine != "chromium-nojs"


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def accessible(browser, page):
    if engines.axe_runs(browser):  # not in WebKitGTK, nor without JavaScript: see engines.py
        assert serious_violations(browser) == [], page


def wait_for(browser, condition, timeout=10):
    WebDriverWait(browser, timeout, ignored_exceptions=engines.ERRORS).until(lambda _: condition())


def start_over(browser, portal):
    """Each journey begins logged out, from the login page (the trusted devices stay known)."""
    browser.get(portal.url + "/login")
    browser.delete_all_cookies()
    browser.get(portal.url + "/login")


def address(engine):
    return f"{engine}.utente@rossi.example"


def sign_in_customer(engine, portal, browser):
    """The engine's own customer (an administrator of ROSSI SRL) on the dashboard, through the
    trusted device of the first journey; when that journey was not selected, its first access
    here, without its checks."""
    start_over(browser, portal)
    if address(engine) in portal.devices:
        sign_in(browser, portal, address(engine), PASSWORD)
    else:
        provisional = portal.invite(address(engine), vat=ROSSI_VAT, role="Amministratore")
        first_access(browser, portal, address(engine), provisional, "Prova", engines.NAMES[engine], PASSWORD, "ROSSI SRL")
        portal.devices[address(engine)] = browser.get_cookie("portal_device")["value"]
    assert heading(browser) == "Dashboard"


# ------------------------------------------------------------------ first access, code, company

def test_first_access_with_privacy_code_and_company_choice(engine, portal, browser):
    start_over(browser, portal)
    provisional = portal.invite(address(engine), vat=ROSSI_VAT, role="Amministratore")
    browser.get(portal.url + "/login?email=" + address(engine))
    assert heading(browser) == "Login"
    accessible(browser, "login")
    type_into(browser, "Password", provisional)
    press(browser, "Accedi")

    assert heading(browser) == "Creazione Utente"
    type_into(browser, "Nome", "Prova")
    type_into(browser, "Cognome", engines.NAMES[engine])
    type_into(browser, "Password", PASSWORD)
    type_into(browser, "Conferma Password", PASSWORD)
    engines.click(browser, browser.find_element(By.ID, "privacy"))
    assert browser.find_element(By.ID, "privacy").is_selected(), "the privacy acceptance is ticked"
    accessible(browser, "first access")
    press(browser, "Crea utente")

    assert "Utente creato" in browser.page_source
    type_into(browser, "Password", PASSWORD)
    press(browser, "Accedi")
    assert heading(browser) == "Autenticazione a 2 fattori"
    accessible(browser, "code")
    type_into(browser, "Codice", portal.wait_for_code(address(engine)))
    tick(browser, "Dispositivo sicuro")
    press(browser, "Invia")

    assert heading(browser) == "Scelta Tenant"
    accessible(browser, "company choice")
    press(browser, "Accetta")
    press(browser, "ROSSI SRL")
    assert heading(browser) == "Dashboard"
    portal.devices[address(engine)] = browser.get_cookie("portal_device")["value"]

    press(browser, "Esci")
    type_into(browser, "Email", address(engine))
    type_into(browser, "Password", PASSWORD)
    press(browser, "Accedi")
    assert heading(browser) == "Dashboard", "the trusted device skips the code and the company choice"


# ------------------------------------------------------------------ dashboard

def widget(browser, title):
    return browser.find_element(By.XPATH, f"//main//section[header/h2[normalize-space()={quote(title)}]]")


def control(section, label):
    return section.find_element(By.XPATH, f".//button[@aria-label={quote(label)}]")


def position(section):
    return tuple(int(section.get_attribute(f"data-{key}")) for key in "xywh")


def click(browser, text):
    """An on-page button (no new page), by its visible text."""
    target = next(match for match in browser.find_elements(By.XPATH, f"//button[normalize-space()={quote(text)}]")
                  if match.is_displayed())
    engines.click(browser, target)


def announced(browser, sentence):
    """What the live region says to screen readers (visually hidden: WebKitGTK gives no .text for it)."""
    status = browser.find_element(By.ID, "dashboard-status")
    wait_for(browser, lambda: status.get_property("textContent").strip() == sentence)


def centre(browser, element):
    """The element's middle in viewport pixels, once scrolled to the middle of the window."""
    return browser.execute_script("""
        arguments[0].scrollIntoView({block: 'center'});
        const box = arguments[0].getBoundingClientRect();
        return [box.left + box.width / 2, box.top + box.height / 2];""", element)


def drag(browser, start, *points):
    """The mouse: pressed at `start`, moved through `points` in steps, released. The same W3C
    pointer actions in every engine, so the page gets real pointerdown/move/up events."""
    moves = [{"type": "pointerMove", "x": int(x), "y": int(y), "duration": 150, "origin": "viewport"} for x, y in points]
    engines.perform(browser, [{
        "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
        "actions": [{"type": "pointerMove", "x": int(start[0]), "y": int(start[1]), "duration": 0, "origin": "viewport"},
                    {"type": "pointerDown", "button": 0}, *moves, {"type": "pointerUp", "button": 0}]}])


def pitch(browser):
    return browser.execute_script("""
        const grid = document.querySelector('.dashboard-grid');
        const box = grid.getBoundingClientRect(), style = getComputedStyle(grid);
        return [(box.width + parseFloat(style.columnGap)) / 12, (box.height + parseFloat(style.rowGap)) / 12];""")


def test_the_dashboard_is_arranged_with_the_mouse_and_the_keyboard(engine, portal, browser):
    sign_in_customer(engine, portal, browser)
    assert heading(browser) == "Dashboard"
    assert "Questa dashboard non ha ancora widget!" in browser.page_source
    accessible(browser, "dashboard, empty")
    if not scripted(engine):
        # Arranging needs the script: without it the dashboard is shown read-only.
        for hidden in ["Aggiungi", "Modifica", "Fatto"]:
            # The script's buttons (the forms' own "Aggiungi" of each widget show instead).
            assert not browser.find_element(By.XPATH, f"//button[normalize-space()='{hidden}'][@data-action]").is_displayed()
        assert not browser.find_element(By.ID, "widget-panel").is_displayed()
        return
    click(browser, "Aggiungi")
    panel = browser.find_element(By.XPATH, "//aside[div/h2[normalize-space()='Aggiungi Widget']]")
    assert panel.is_displayed()

    # "Elenco ticket" dragged from the panel to the grid's top-left corner with the mouse.
    source = panel.find_element(By.XPATH, ".//p[normalize-space()='Elenco ticket']")
    browser.execute_script("window.scrollTo(0, 0)")
    start = browser.execute_script("""
        const box = arguments[0].getBoundingClientRect(); return [box.left + box.width / 2, box.top + box.height / 2];""",
                                   source)
    left, top = browser.execute_script(
        "const box = document.querySelector('.dashboard-grid').getBoundingClientRect(); return [box.left, box.top];")
    drag(browser, start, (start[0] - 50, start[1]), (left + 15, top + 15), (left + 20, top + 20))
    listing = widget(browser, "Elenco ticket")
    assert position(listing) == (0, 0, 8, 6)
    announced(browser, "Elenco ticket aggiunto alla dashboard: colonna 1, riga 1, 8 colonne per 6 righe.")

    # "Stato Ticket" added with the keyboard.
    panel.find_element(By.XPATH, ".//li[p[normalize-space()='Stato Ticket']]//button").send_keys(Keys.ENTER)
    pie = widget(browser, "Stato Ticket")
    assert position(pie) == (8, 0, 4, 6)
    announced(browser, "Stato Ticket aggiunto alla dashboard: colonna 9, riga 1, 4 colonne per 6 righe.")
    accessible(browser, "dashboard, editing with the panel open")

    # The pie moved with the mouse by its title bar (8 columns left, 6 rows down), then made wider by its corner.
    x, y = pitch(browser)
    grab = centre(browser, pie.find_element(By.TAG_NAME, "h2"))
    drag(browser, grab, (grab[0] - 4 * x, grab[1] + 3 * y), (grab[0] - 8 * x, grab[1] + 6 * y))
    assert position(pie) == (0, 6, 4, 6)
    announced(browser, "Stato Ticket: colonna 1, riga 7.")
    corner = centre(browser, pie.find_element(By.CSS_SELECTOR, ".widget-resize"))
    drag(browser, corner, (corner[0] + x, corner[1]), (corner[0] + 2 * x, corner[1]))
    assert position(pie) == (0, 6, 6, 6)
    announced(browser, "Stato Ticket: 6 colonne per 6 righe.")

    # The list moved and resized with the keyboard only.
    control(listing, "Sposta a destra Elenco ticket").send_keys(Keys.ENTER)
    assert position(listing) == (1, 0, 8, 6)
    announced(browser, "Elenco ticket: colonna 2, riga 1.")
    shorter = control(listing, "Riduci l'altezza Elenco ticket")
    shorter.send_keys(Keys.SPACE)
    assert position(listing) == (1, 0, 8, 5)
    announced(browser, "Elenco ticket: 8 colonne per 5 righe.")
    assert browser.switch_to.active_element == shorter, "focus stays on the button pressed"

    click(browser, "Fatto")
    announced(browser, "Dashboard salvata.")
    assert not control(listing, "Sposta a destra Elenco ticket").is_displayed(), "view mode: no editing controls"
    accessible(browser, "dashboard, view")
    browser.refresh()
    assert heading(browser) == "Dashboard"
    assert position(widget(browser, "Elenco ticket")) == (1, 0, 8, 5)
    assert position(widget(browser, "Stato Ticket")) == (0, 6, 6, 6)


# ------------------------------------------------------------------ tickets

def choose(browser, legend, option):
    fieldset = browser.find_element(By.XPATH, f"//fieldset[legend[normalize-space()={quote(legend)}]]")
    label = fieldset.find_element(By.XPATH, f".//label[normalize-space()={quote(option)}]")
    engines.click(browser, label)


def type_date(browser, label, day):
    """A date typed as an Italian writes it, the same keys in every engine: each engine drew
    its own date field in the order of its own language (an English Chromium made
    «22030-03-11» of "31/12/2030", Firefox's stayed empty), so the portal's is a text field."""
    target = field(browser, label)
    engines.scroll_into_view(browser, target)
    assert target.get_attribute("type") == "text"
    target.clear()
    target.send_keys(day.strftime("%d/%m/%Y"))


def test_a_ticket_is_opened_with_a_file_found_with_the_filters_answered_and_closed(engine, portal, browser, tmp_path):
    sign_in_customer(engine, portal, browser)
    # As the manual reads: the group's name, then its entry (pressing the name hid the entry
    # when the groups were <details> drawn open).
    engines.click(browser, browser.find_element(By.XPATH, "//*[normalize-space()='Servizi di Supporto']"))
    press(browser, "Nuova richiesta di assistenza")
    assert heading(browser) == "Creazione Ticket"
    accessible(browser, "new ticket")
    choose(browser, "Area richiesta", "Richiesta su tematiche di tipo sistemistico")
    choose(browser, "Priorità", "Alta")
    title = f"La stampante non risponde in {engines.NAMES[engine]}"
    type_into(browser, "Titolo", title)
    if scripted(engine):
        # The formatting editor: bold and a list applied to the selection, no markup visible.
        editor = field(browser, "Descrizione")
        assert editor.get_attribute("contenteditable") == "true"
        type_into(browser, "Descrizione", "La stampante di rete è ferma da stamattina.")
        select_words(browser, editor, "ferma")
        engines.click(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Grassetto (B)']"))
        engines.click(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Elenco puntato (•)']"))
        wait_for(browser, lambda: "<li>" in editor.get_attribute("innerHTML"))
        # Ctrl+I as in a word processor, in every engine (Firefox did nothing with it).
        select_words(browser, editor, "rete")
        engines.perform(browser, [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": Keys.CONTROL}, {"type": "keyDown", "value": "i"},
            {"type": "keyUp", "value": "i"}, {"type": "keyUp", "value": Keys.CONTROL}]}])
        wait_for(browser, lambda: re.search(r"<(i|em)>rete</(i|em)>", editor.get_attribute("innerHTML")))
        select_words(browser, editor, "stampante")
        engines.click(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Link']"))
        type_into(browser, "Indirizzo del link", "https://esempio.it/stampante")
        engines.click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Inserisci link']"))
        wait_for(browser, lambda: "<a " in editor.get_attribute("innerHTML"))
        assert re.search(r"<(b|strong)>ferma</(b|strong)>", editor.get_attribute("innerHTML")), editor.get_attribute("innerHTML")
        assert "**" not in editor.text
    else:
        # A plain text area: what is typed is shown as typed, asterisks included.
        type_into(browser, "Descrizione", "La stampante di rete è *ferma* da stamattina.")
    attachment = tmp_path / f"configurazione-{engine}.txt"
    attachment.write_text("IP 10.0.0.12\n")
    field(browser, "Allegati").send_keys(str(attachment))
    # The manual's "+ Scegli" and the chosen names in Italian, where scripts run; the
    # browser's own picker (in the browser's language) otherwise.
    choose_button = browser.find_element(By.XPATH, "//button[normalize-space()='+ Scegli']")
    # WebKitWebDriver will not give the rectangle of a control hidden from sight.
    picker_width = browser.execute_script("return arguments[0].getBoundingClientRect().width", field(browser, "Allegati"))
    if scripted(engine):
        assert choose_button.is_displayed() and picker_width <= 1
        wait_for(browser, lambda: browser.find_element(By.ID, "files-chosen").text == attachment.name)
        # A screenshot pasted into the text joins the files chosen, in every engine (issue 17:
        # "clipboard images included"): the event a paste gives the page, with its image.
        browser.execute_script("""
            const [editor, bytes] = arguments;
            const file = new File([new Uint8Array(bytes)], "image.png", {type: "image/png"});
            const data = new DataTransfer();
            data.items.add(file);
            let paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
            if (!paste.clipboardData || paste.clipboardData.files.length === 0) {
                // Firefox leaves a constructed event's clipboardData empty (a real paste's
                // holds the image): the same event, its data given as a paste gives it.
                paste = new Event("paste", {bubbles: true, cancelable: true});
                Object.defineProperty(paste, "clipboardData", {value: data});
            }
            editor.dispatchEvent(paste);""",
                               field(browser, "Descrizione"), list(png()))
        wait_for(browser, lambda: browser.find_element(By.CSS_SELECTOR, ".editor-status").text.startswith(
            "Immagine incollata aggiunta agli allegati: screenshot-"))
        wait_for(browser, lambda: re.fullmatch(re.escape(attachment.name) + r", screenshot-[\d-]+\.png",
                                               browser.find_element(By.ID, "files-chosen").text))
    else:
        assert not choose_button.is_displayed() and picker_width > 100
    press(browser, "Invia Ticket")

    assert heading(browser).startswith("Informazioni Ticket #")
    number = heading(browser).split("#")[1]
    assert attachment.name in browser.page_source and "Ticket inviato" in browser.page_source
    if scripted(engine):
        assert browser.find_elements(By.PARTIAL_LINK_TEXT, "screenshot-"), "the pasted image is attached"
    body = browser.find_element(By.CSS_SELECTOR, ".message-body")
    if scripted(engine):
        assert ('<li>La <a href="https://esempio.it/stampante">stampante</a> di <em>rete</em> è <strong>ferma</strong> da stamattina.</li>'
                in body.get_attribute("innerHTML")), body.get_attribute("innerHTML")
    else:
        assert body.text == "La stampante di rete è *ferma* da stamattina."
    accessible(browser, "ticket")

    press(browser, "Torna all'elenco")
    accessible(browser, "ticket list")
    type_into(browser, "Codice Ticket", number)
    choose(browser, "Stato richiesta", "Aperto")
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Rome")).date()  # the portal's day
    type_date(browser, "Da data", today)
    assert field(browser, "Da data").get_attribute("value") == today.strftime("%d/%m/%Y")
    press(browser, "Cerca Ticket")
    assert field(browser, "Da data").get_attribute("value") == today.strftime("%d/%m/%Y"), "the date kept after the search"
    cards = browser.find_elements(By.CSS_SELECTOR, ".ticket-list .ticket")
    assert len(cards) == 1 and f"#{number}" in cards[0].text

    link = cards[0].find_element(By.LINK_TEXT, "Visualizza ticket")
    engines.click(browser, link)
    wait_for(browser, lambda: heading(browser) == f"Informazioni Ticket #{number}")

    # A button with JavaScript, the label of a checkbox without it.
    toggle = "//*[self::button or self::label][normalize-space()='Ingrandisci/Riduci chat']"
    browser.find_element(By.XPATH, toggle).click()
    wait_for(browser, lambda: not browser.find_element(By.CSS_SELECTOR, ".ticket-panel").is_displayed())
    browser.find_element(By.XPATH, toggle).click()
    wait_for(browser, lambda: browser.find_element(By.CSS_SELECTOR, ".ticket-panel").is_displayed())
    if scripted(engine):
        # The button, whole: the checkbox behind it (18 px, its class outweighed) covered its
        # corner, and a press there changed the panel without the button saying so.
        button = browser.find_element(By.XPATH, toggle)
        assert browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return document.elementFromPoint(r.left + 3, r.top + 3) === arguments[0]",
            button)
    else:
        # The checkbox itself, as a check by its label presses it: a press on it landed on
        # «Torna all'elenco» (it ignored the pointer and sat at the toolbar's start).
        box = browser.find_element(By.ID, "chat-toggle")
        box.click()
        wait_for(browser, lambda: not browser.find_element(By.CSS_SELECTOR, ".ticket-panel").is_displayed())
        assert heading(browser) == f"Informazioni Ticket #{number}"
        box.click()
        wait_for(browser, lambda: browser.find_element(By.CSS_SELECTOR, ".ticket-panel").is_displayed())

    type_into(browser, "Risposta", "Buongiorno, ho già risolto in autonomia. Chiudo il quesito. Grazie.")
    tick(browser, "Chiudere il ticket all'invio del messaggio")
    press(browser, "Invia")
    assert "Ticket chiuso." in browser.page_source
    assert "ho già risolto in autonomia" in browser.page_source


# ------------------------------------------------------------------ company administration

def test_a_field_reached_with_shift_tab_keeps_its_label_clear_of_the_new_tickets_toolbar(engine, portal, browser):
    """The toolbar with "Invia Ticket" stays under the top bar down the form: going back up
    with Shift+Tab, no field and no label is left under it (WebKitGTK scrolls only a field
    out of view, and left "Titolo"'s label under the toolbar). Without JavaScript the toolbar
    stays under the top bar too (test_tickets_browser: a plain click on «Invia Ticket»)."""
    sign_in_customer(engine, portal, browser)
    browser.get(portal.url + "/ticket/nuovo")
    # From the last text field up (keys sent to the file field would choose a file).
    browser.execute_script("document.getElementById('technical_details').focus()")
    for _ in range(14):
        browser.switch_to.active_element.send_keys(Keys.SHIFT + Keys.TAB)
        place = browser.execute_script("""
            const a = document.activeElement, bar = document.querySelector('.ticket-form > .toolbar');
            if (!a || bar.contains(a) || a.closest('.topbar')) return null;
            const label = a.id ? document.querySelector('label[for="' + a.id + '"]') : null;
            return [a.id || a.tagName, Math.round(bar.getBoundingClientRect().bottom),
                    Math.round(a.getBoundingClientRect().top), label ? Math.round(label.getBoundingClientRect().top) : null];""")
        if place is None:
            continue
        name, covered, top, label_top = place
        assert top >= covered and (label_top is None or label_top >= covered), place


def test_enter_in_a_field_of_the_new_ticket_sends_it(engine, portal, browser):
    """Enter in "Titolo" pressed the form's first button, "Anteprima": a preview and nothing
    sent (without JavaScript the page came back looking as before). It sends the ticket, as
    "Invia Ticket" and as Enter does on every other form of the portal."""
    sign_in_customer(engine, portal, browser)
    browser.get(portal.url + "/ticket/nuovo")
    choose(browser, "Area richiesta", "Richiesta su tematiche di tipo sistemistico")
    choose(browser, "Priorità", "Normale")
    type_into(browser, "Descrizione", "Il gestionale non si apre dopo l'aggiornamento.")
    title = f"Invio con Invio da {engines.NAMES[engine]}"
    type_into(browser, "Titolo", title)
    field(browser, "Titolo").send_keys(Keys.ENTER)
    wait_for(browser, lambda: heading(browser).startswith("Informazioni Ticket #"))
    assert title in browser.page_source and "Ticket inviato" in browser.page_source
    browser.get(portal.url + "/ticket/nuovo")
    accessible(browser, "new ticket with its default button")


def test_the_text_fields_first_then_the_choices_with_the_drivers_own_clicks(engine, portal, browser):
    """The order a person often fills the form in, and the driver's plain click (no scrolling
    of ours first): in WebKit every click on a radio a little above the window, after typing
    in «Descrizione» under it, was refused as not interactable, while the page's
    `scroll-padding-bottom` was there."""
    sign_in_customer(engine, portal, browser)
    browser.get(portal.url + "/ticket/nuovo")
    browser.set_window_size(1280, 900)
    title = f"Prima i testi, poi le scelte, in {engines.NAMES[engine]}"
    field(browser, "Titolo").send_keys(title)
    field(browser, "Descrizione").send_keys("Il gestionale non stampa le fatture da ieri sera.")
    for legend, option in (("Area richiesta", "Richiesta su tematiche di tipo sistemistico"), ("Priorità", "Bassa")):
        fieldset = browser.find_element(By.XPATH, f"//fieldset[legend[normalize-space()={quote(legend)}]]")
        fieldset.find_element(By.XPATH, f".//label[normalize-space()={quote(option)}]").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Invia Ticket']").click()
    wait_for(browser, lambda: heading(browser).startswith("Informazioni Ticket #"))
    assert title in browser.page_source and "Ticket inviato" in browser.page_source


def test_an_invitation_is_sent_and_removed_from_gestione_tenant(engine, portal, browser):
    sign_in_customer(engine, portal, browser)
    colleague = f"collega.{engine}@rossi.example"
    press(browser, "Tenant")
    for tab in ("Ruoli", "Utenti", "Attività", "Utenti invitati"):
        accessible(browser, f"tenant tab before {tab}")
        press(browser, tab)
    accessible(browser, "tenant tab Utenti invitati")
    press(browser, "Invita utente")
    accessible(browser, "invitation form")
    type_into(browser, "Email", colleague)
    engines.click(browser, browser.find_element(By.XPATH, "//label[normalize-space()='Tecnico']"))
    press(browser, "Invita")
    assert "Invito inviato." in browser.page_source
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{colleague}']]")
    assert "Tecnico" in row.text
    portal.wait_for_mail(colleague, "Benvenuto")

    button = row.find_element(By.XPATH, ".//button[normalize-space()='Rimuovi utente invitato']")
    engines.click(browser, button)
    wait_for(browser, lambda: "Invito rimosso" in browser.find_element(By.TAG_NAME, "main").text)
    assert colleague not in browser.find_element(By.TAG_NAME, "main").text


# ------------------------------------------------------------------ profile picture

def test_the_profile_picture_is_uploaded_and_shown(engine, portal, browser, tmp_path):
    sign_in_customer(engine, portal, browser)
    browser.get(portal.url + "/profilo")
    accessible(browser, "profile")
    picture = tmp_path / "foto.png"
    picture.write_bytes(png())
    field(browser, "Immagine").send_keys(str(picture))
    press(browser, "Carica immagine")
    assert "Immagine salvata." in browser.page_source
    image = browser.find_element(By.CSS_SELECTOR, "img.profile-picture")
    wait_for(browser, lambda: image.get_property("complete") and image.get_property("naturalWidth") == 4)
    accessible(browser, "profile with a picture")
    if scripted(engine):
        # The ticket forms' «+ Scegli» in Italian (Firefox's own picker read "Browse…"), and a
        # picture over 1 MB said before it is sent (it met nginx's bare page, or the whole upload).
        assert browser.find_element(By.XPATH, "//button[normalize-space()='+ Scegli']").is_displayed()
        large = tmp_path / "grande.png"
        large.write_bytes(png() + b"\0" * (1024 * 1024 + 10))
        field(browser, "Immagine").send_keys(str(large))
        address = browser.current_url
        engines.click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Carica immagine']"))
        wait_for(browser, lambda: "L'immagine supera 1 MB." in browser.find_element(By.ID, "picture-limit").text)
        assert browser.current_url == address
        # Refused by the portal (a PDF is no picture): the focus is on «+ Scegli», in sight, not
        # on the picker behind it (Firefox and Chromium gave the field its autofocus after the
        # script had looked for it, and Enter opened a picker nobody saw focused).
        document = tmp_path / "documento.pdf"
        document.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        field(browser, "Immagine").send_keys(str(document))
        engines.click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Carica immagine']"))
        wait_for(browser, lambda: "Il file scelto non è un'immagine" in browser.page_source)
        wait_for(browser, lambda: browser.switch_to.active_element.text == "+ Scegli")
        time.sleep(0.5)  # the browser's own autofocus, had it come later, would have moved it
        assert browser.switch_to.active_element.text == "+ Scegli"


# ------------------------------------------------------------------ operators' desk

def test_the_operator_takes_notes_and_answers_from_the_queue(engine, portal, browser):
    customer, _ = login(portal, email=ADMIN)
    word = "zq" + uuid.uuid4().hex[:8]
    title = f"Registro IVA bloccato ({engines.NAMES[engine]})"
    number = created_number(new_ticket(portal, customer, title=title, description=f"La stampa {word} si blocca."))

    start_over(browser, portal)
    sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
    assert heading(browser) == "Coda ticket"
    accessible(browser, "desk queue")
    type_into(browser, "Cerca", word)
    press(browser, "Filtra")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.desk-queue tbody tr")
    assert len(rows) == 1 and title in rows[0].text
    press(browser, title)
    assert heading(browser) == f"#{number} {title}"
    accessible(browser, "desk ticket")

    press(browser, "Prendi in carico")
    assert "Ticket preso in carico." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    type_into(browser, "Nota interna", "Verificare la versione installata.")
    press(browser, "Nota interna")
    assert "Verificare la versione installata." in browser.find_element(By.CSS_SELECTOR, ".message--note").text
    type_into(browser, "Rispondi al cliente", "Buongiorno, provi ad aggiornare alla 23.0.0.70.")
    press(browser, "Rispondi al cliente")
    assert "Risposta inviata al cliente." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    choose_option(browser, "Stato", "In sviluppo")
    press(browser, "Cambia stato")
    wait_for(browser, lambda: "Stato cambiato." in browser.find_element(By.CSS_SELECTOR, ".notice").text)
    accessible(browser, "desk ticket with a note and an answer")
    page = customer.get(portal.url + f"/ticket/{number}").text
    assert "provi ad aggiornare alla 23.0.0.70" in page and "Verificare la versione" not in page
    assert re.search(r"Stato: In sviluppo", page)


# ------------------------------------------------------------------ the manual offline

def test_the_manual_stays_readable_offline_where_the_service_worker_runs(engine, browser, fresh_portal):
    """All three engines run the service worker (on 127.0.0.1, a secure context); without
    JavaScript there is none, and the manual is simply online."""
    portal = fresh_portal()
    browser.get(portal.url + "/manuale/index.html")
    assert heading(browser) == "Manuale utente"
    if not scripted(engine):
        assert browser.execute_script("return navigator.serviceWorker.controller") is None
        return
    assert browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(() => {
            if (navigator.serviceWorker.controller) return done(true);
            navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
        }).catch((error) => done('error: ' + error));""") is True
    portal.stop()
    browser.get(portal.url + "/manuale/accesso.html")
    assert heading(browser) == "Accesso al portale"
    browser.get(portal.url + "/dashboard")
    assert heading(browser) == "Sei offline"
