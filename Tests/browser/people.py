"""What a person does on a page: find a field by its visible label, press a button by its text.
The same in every engine (engines.py): Selenium's drivers and the Marionette wrapper."""
import struct
import time
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from engines import ERRORS, click, scroll_into_view


def field(browser, label):
    """The labelled control; for a text area that the formatting editor (editor.js) replaced,
    its editable area, which the label names then (aria-labelledby, and its `for`), as a
    person sees it."""
    element = browser.find_element(By.XPATH, f"//label[normalize-space()={quote(label)}]")
    if element.get_attribute("for"):
        return browser.find_element(By.ID, element.get_attribute("for"))
    named = browser.find_elements(By.CSS_SELECTOR, f"[aria-labelledby~='{element.get_attribute('id')}']")
    assert len(named) == 1, f"«{label}» names {len(named)} controls"
    return named[0]


def type_into(browser, label, text):
    target = field(browser, label)
    # In view first, as a person scrolls to a field: WebKitGTK refuses to clear one out of view.
    scroll_into_view(browser, target)
    target.clear()
    target.send_keys(text)


def tick(browser, label):
    target = field(browser, label)
    if not target.is_selected():
        text = browser.find_element(By.XPATH, f"//label[normalize-space()={quote(label)}]")
        click(browser, text)


def choose_option(browser, label, option):
    """Picks an option of the labelled <select> by the text the person reads in it."""
    target = field(browser, label)
    scroll_into_view(browser, target)
    Select(target).select_by_visible_text(option)


def chosen_option(browser, label):
    """The text of the option the labelled <select> shows."""
    return Select(field(browser, label)).first_selected_option.text


def press(browser, text):
    """Presses a button or link by its text (or its accessible name, when an attribute gives
    it) and waits for the page it leads to."""
    for attempt in range(3):
        try:
            page = browser.find_element(By.TAG_NAME, "html")
            target = browser.find_element(
                By.XPATH, f"//button[normalize-space()={quote(text)} or @aria-label={quote(text)}]"
                          f" | //a[normalize-space()={quote(text)} or @aria-label={quote(text)}]")
            # As a person would: scroll it to the middle, clear of the sticky header, then click.
            click(browser, target)
            break
        except ERRORS:
            # The previous page was still being replaced (a redirect chain): look again.
            if attempt == 2:
                raise
            time.sleep(0.2)
    WebDriverWait(browser, 10).until(lambda _: gone(page))


def gone(element):
    """True once the element's page has been replaced. Chromium sometimes answers the check with
    "Node ... does not belong to the document" instead of a stale-element error: the same news.
    WebKitGTK's click returns before the next page, Marionette's after it: this waits for both."""
    try:
        element.is_enabled()
        return False
    except ERRORS:
        return True


def quote(text):
    return "'" + text + "'" if "'" not in text else '"' + text + '"'


def open_menu_entry(browser, group, entry):
    """As the manual reads ("Gestione Tenant" -> "Tenant"): the group's name, then its `entry`.
    The name is no control: pressing it leaves the entry in view."""
    title = browser.find_element(By.XPATH, f"//span[@class='menu-group-title'][contains(., '{group}')]")
    title.click()
    press(browser, entry)
    assert browser.find_element(By.TAG_NAME, "h1").text == entry


def log_in(browser, portal, email, password, trust=False):
    """Email, Password, "Accedi", then the code from the mail folder (and "Dispositivo sicuro")."""
    browser.get(portal.url + "/login")
    type_into(browser, "Email", email)
    type_into(browser, "Password", password)
    press(browser, "Accedi")
    type_into(browser, "Codice", portal.wait_for_code(email))
    if trust:
        tick(browser, "Dispositivo sicuro")
    press(browser, "Invia")


def sign_in(browser, portal, email, password):
    """A person who already ticked "Dispositivo sicuro" in this portal, in this or another
    browser (`portal.devices`, shared with the e2e `login`), signs in without a code: each
    code sent counts against the limit of 3 per user in 15 minutes."""
    browser.get(portal.url + "/login")
    if email in portal.devices:
        browser.add_cookie({"name": "portal_device", "value": portal.devices[email], "path": "/", "httpOnly": True})
    type_into(browser, "Email", email)
    type_into(browser, "Password", password)
    press(browser, "Accedi")
    if browser.current_url.split("?")[0].endswith("/accesso/codice"):
        type_into(browser, "Codice", portal.wait_for_code(email))
        tick(browser, "Dispositivo sicuro")
        press(browser, "Invia")
        portal.devices[email] = browser.get_cookie("portal_device")["value"]


def first_access(browser, portal, address, provisional, first, last, password, company):
    """The invited person's whole first access, as the manual tells it: provisional password,
    "Creazione Utente", login with the new password, code with "Dispositivo sicuro",
    "Accetta" and the company's name. Ends on the dashboard."""
    browser.get(portal.url + "/login?email=" + address)
    type_into(browser, "Password", provisional)
    press(browser, "Accedi")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Utente"
    type_into(browser, "Nome", first)
    type_into(browser, "Cognome", last)
    type_into(browser, "Password", password)
    type_into(browser, "Conferma Password", password)
    browser.find_element(By.ID, "privacy").click()
    press(browser, "Crea utente")
    type_into(browser, "Password", password)
    press(browser, "Accedi")
    type_into(browser, "Codice", portal.wait_for_code(address))
    tick(browser, "Dispositivo sicuro")
    press(browser, "Invia")
    press(browser, "Accetta")
    press(browser, company)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"


def select_words(browser, element, words):
    """Selects the words inside the element, as a person drags over them."""
    browser.execute_script("""
        const [root, wanted] = arguments;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const at = walker.currentNode.data.indexOf(wanted);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(walker.currentNode, at);
          range.setEnd(walker.currentNode, at + wanted.length);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
          return;
        }""", element, words)


def png(width=4, height=4):
    """A small red PNG, as a person's photo would be."""
    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def choose_radio(browser, legend, option):
    """Picks `option` of the radio group named by its `legend`, by the option's label."""
    fieldset = browser.find_element(By.XPATH, f"//fieldset[legend[normalize-space()='{legend}']]")
    label = fieldset.find_element(By.XPATH, f".//label[normalize-space()='{option}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()


def open_new_request(browser, title, description):
    """The customer's "Nuova richiesta di assistenza", sent with "Invia Ticket"; returns its number."""
    press(browser, "Nuova richiesta di assistenza")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Ticket"
    for legend, option in (("Area richiesta", "Richiesta su tematiche di tipo sistemistico"), ("Priorità", "Normale")):
        choose_radio(browser, legend, option)
    type_into(browser, "Titolo", title)
    type_into(browser, "Descrizione", description)
    press(browser, "Invia Ticket")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("Informazioni Ticket #"), heading
    return int(heading.split("#")[1])
