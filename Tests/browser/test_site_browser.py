"""The manual, the help and the installable app in headless Chromium: search by a word (and
the plain list without JavaScript), the manifest accepted as installable, the service worker
offline, accessibility (axe), and the manual's screenshots taken from the running portal."""
import os
import re
import tempfile
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from chromium import chromium
from people import press, tick, type_into
from portal import ADMIN, DEMO_PASSWORD, ROOT

SEARCH_LABEL = "Cerca nel manuale e nell'aiuto"
SCREENSHOTS = ROOT / "site" / "manuale" / "img"
OPERATOR = "giulia.neri@assistenza.example"


@pytest.fixture
def logging_browser():
    driver = chromium()
    yield driver
    driver.quit()


def search_field(browser, within="//"):
    """The search box, found by its visible label (the label holds an apostrophe)."""
    label = browser.find_element(By.XPATH, f'{within}label[normalize-space()="{SEARCH_LABEL}"]')
    return browser.find_element(By.ID, label.get_attribute("for"))


def wait(browser, condition, timeout=10):
    WebDriverWait(browser, timeout).until(lambda _: condition())


def results(browser):
    """The titles of the results shown, read in one go: typing redraws the list meanwhile."""
    return browser.execute_script("""
        const box = document.getElementById('search-results');
        return box.hidden ? [] : Array.from(box.querySelectorAll('a'), (link) => link.textContent);
    """)


def worker_ready(browser):
    """Waits until the service worker is installed and controls the page."""
    return browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(() => {
            if (navigator.serviceWorker.controller) return done(true);
            navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
        }).catch((error) => done('error: ' + error));
    """)


# ------------------------------------------------------------------ search

def test_the_manuals_search_finds_a_page_by_a_word(portal, browser):
    browser.get(portal.url + "/manuale/index.html")
    field = search_field(browser)
    field.send_keys("bloccante")
    field.send_keys(Keys.ENTER)
    wait(browser, lambda: "cerca.html" in browser.current_url and results(browser))
    found = results(browser)
    assert any("Quando una richiesta è «Bloccante»" in title for title in found), found
    status = browser.find_element(By.ID, "search-status").text
    assert re.match(r"\d+ pagine contengono «bloccante»\.", status), status

    # Typing searches at once, every word must be there, accents and case do not matter.
    field = search_field(browser, within="//main//")
    field.clear()
    field.send_keys("partita iva")
    wait(browser, lambda: any(title.startswith("Problemi di accesso") for title in results(browser)))
    assert "q=partita+iva" in browser.current_url or "q=partita%20iva" in browser.current_url
    field.clear()
    field.send_keys("perche")
    wait(browser, lambda: results(browser))
    field.clear()
    field.send_keys("parolachenonesiste")
    wait(browser, lambda: "Nessuna pagina contiene «parolachenonesiste»" in browser.find_element(By.ID, "search-status").text)
    field.clear()
    field.send_keys("?!")
    wait(browser, lambda: "«?!» non contiene parole da cercare" in browser.find_element(By.ID, "search-status").text)
    field.clear()
    field.send_keys("ß")
    wait(browser, lambda: "Nessuna pagina contiene «ß»" in browser.find_element(By.ID, "search-status").text)

    # A result leads to the heading that matched.
    field.clear()
    field.send_keys("dispositivo sicuro")
    wait(browser, lambda: results(browser))
    browser.find_element(By.CSS_SELECTOR, "#search-results a").click()
    wait(browser, lambda: "cerca.html" not in browser.current_url)
    assert "#" in browser.current_url


def test_without_javascript_the_search_finds_the_pages_too(portal):
    driver = chromium(javascript=False)
    try:
        driver.get(portal.url + "/manuale/accesso.html")
        field = search_field(driver)
        field.send_keys("Bloccante")
        field.send_keys(Keys.ENTER)
        wait(driver, lambda: "cerca.html?q=Bloccante" in driver.current_url)
        found = [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
        assert any("Quando una richiesta è «Bloccante»" in title for title in found), found
        status = driver.find_element(By.ID, "search-status").text
        assert re.match(r"\d+ pagine contengono «Bloccante»\.", status), status
        assert driver.find_element(By.ID, "search-q").get_attribute("value") == "Bloccante"
        assert "JavaScript" not in driver.find_element(By.TAG_NAME, "main").text

        # Every word, accents aside, from the search page's own form; a word nowhere says so.
        field = driver.find_element(By.ID, "search-q")
        field.clear()
        field.send_keys("partita IVA")
        field.send_keys(Keys.ENTER)
        wait(driver, lambda: "partita+IVA" in driver.current_url)
        found = [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
        assert found and any(title.startswith("Problemi di accesso") for title in found), found
        field = driver.find_element(By.ID, "search-q")
        field.clear()
        field.send_keys("parolachenonesiste")
        field.send_keys(Keys.ENTER)
        wait(driver, lambda: "Nessuna pagina contiene «parolachenonesiste»" in driver.find_element(By.ID, "search-status").text)
        assert not driver.find_element(By.ID, "search-results").is_displayed()
        # The list of every page stays below the results.
        titles = [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".page-list a")]
        for title in ["Accesso al portale", "Richieste di assistenza", "Domande frequenti", "Contatti",
                      "Informativa Privacy", "Browser e app"]:
            assert title in titles
    finally:
        driver.quit()


# ------------------------------------------------------------------ installable app

def test_the_manifest_is_accepted_as_installable(portal, logging_browser):
    browser = logging_browser
    for path in ["/login", "/manuale/index.html"]:
        browser.get(portal.url + path)
        assert worker_ready(browser) is True
        manifest = browser.execute_cdp_cmd("Page.getAppManifest", {})
        assert manifest["url"] == portal.url + "/manifest.webmanifest"
        assert manifest["errors"] == [], manifest["errors"]
        assert browser.execute_cdp_cmd("Page.getInstallabilityErrors", {})["installabilityErrors"] == []
    messages = [entry["message"] for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert not [message for message in messages if "anifest" in message], messages
    assert not [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_offline_the_manual_stays_readable_and_personal_pages_are_never_cached(fresh_portal, browser):
    portal = fresh_portal()
    browser.get(portal.url + "/manuale/index.html")
    assert worker_ready(browser) is True
    browser.get(portal.url + "/login")
    type_into(browser, "Email", ADMIN)
    type_into(browser, "Password", DEMO_PASSWORD)
    press(browser, "Accedi")
    type_into(browser, "Codice", portal.wait_for_code(ADMIN))
    press(browser, "Invia")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    browser.get(portal.url + "/profilo")
    cached = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        caches.keys()
            .then((keys) => Promise.all(keys.map((key) => caches.open(key).then((cache) => cache.keys()))))
            .then((lists) => done(lists.flat().map((request) => new URL(request.url).pathname)));
    """)
    assert "/manuale/index.html" in cached and "/offline.html" in cached
    private = [path for path in cached if re.match(r"^/($|login|dashboard|profilo|accesso|ticket|portale-classico)", path)]
    assert private == [], private

    portal.stop()
    browser.get(portal.url + "/manuale/accesso.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Accesso al portale"
    browser.get(portal.url + "/dashboard")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sei offline"
    assert "Mario Rossi" not in browser.page_source


# ------------------------------------------------------------------ accessibility

@pytest.mark.parametrize("path", ["/manuale/accesso.html", "/manuale/richieste.html", "/aiuto/index.html",
                                  "/cerca.html?q=allegati", "/browser.html", "/login", "/portale-classico"])
def test_axe_finds_no_serious_or_critical_violation(portal, browser, path):
    browser.get(portal.url + path)
    axe = Axe(browser)
    axe.inject()
    violations = [violation for violation in axe.run()["violations"] if violation["impact"] in ("serious", "critical")]
    assert violations == [], [(violation["id"], [node["target"] for node in violation["nodes"]]) for violation in violations]


def test_axe_on_the_transition_page_with_an_error(portal, browser):
    browser.get(portal.url + "/portale-classico")
    type_into(browser, "Partita IVA", "02740123457")
    press(browser, "Accedi")
    assert "cifra di controllo" in browser.find_element(By.ID, "vat-error").text
    axe = Axe(browser)
    axe.inject()
    assert [v["id"] for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")] == []


# ------------------------------------------------------------------ the manual's screenshots

def test_the_manuals_screenshots_are_taken_from_the_running_portal(portal, browser):
    """Every picture of the manual, from our own portal at 1280x800. With
    PORTAL_UPDATE_SCREENSHOTS=1 (scripts/screenshots.sh) they replace those under site/."""
    target = SCREENSHOTS if os.environ.get("PORTAL_UPDATE_SCREENSHOTS") == "1" else Path(tempfile.mkdtemp())
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})

    def shoot(name):
        # The caret blinks: hide it so that the same page gives the same picture.
        browser.execute_script("document.activeElement && document.activeElement.blur()")
        browser.save_screenshot(str(target / f"{name}.png"))

    browser.get(portal.url + "/login")
    shoot("login")
    browser.get(portal.url + "/password/recupero")
    shoot("recupero-password")
    browser.get(portal.url + "/portale-classico")
    shoot("portale-classico")

    address = "giorgia.conti@rossi.example"
    provisional = portal.invite(address)
    browser.get(portal.url + "/login?email=" + address)
    type_into(browser, "Password", provisional)
    press(browser, "Accedi")
    type_into(browser, "Nome", "Giorgia")
    type_into(browser, "Cognome", "Conti")
    shoot("creazione-utente")
    chosen = "una frase lunga per il manuale"
    type_into(browser, "Password", chosen)
    type_into(browser, "Conferma Password", chosen)
    browser.find_element(By.ID, "privacy").click()
    press(browser, "Crea utente")
    type_into(browser, "Password", chosen)
    press(browser, "Accedi")
    shoot("codice")
    type_into(browser, "Codice", portal.wait_for_code(address))
    tick(browser, "Dispositivo sicuro")
    press(browser, "Invia")
    shoot("scelta-tenant")
    press(browser, "Accetta")
    press(browser, "ROSSI SRL")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    shoot("dashboard")
    browser.get(portal.url + "/profilo")
    shoot("profilo")
    browser.get(portal.url + "/ticket/nuovo")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Ticket"
    shoot("nuova-richiesta")
    browser.get(portal.url + "/ticket")
    shoot("elenco-richieste")
    press(browser, "Visualizza ticket")
    shoot("dettaglio-richiesta")
    press(browser, "Esci")

    # The company administration, as the demo company's administrator.
    type_into(browser, "Email", ADMIN)
    type_into(browser, "Password", DEMO_PASSWORD)
    press(browser, "Accedi")
    type_into(browser, "Codice", portal.wait_for_code(ADMIN))
    press(browser, "Invia")
    portal.invite("paola.ferri@rossi.example")
    browser.get(portal.url + "/tenant/inviti")
    shoot("utenti-invitati")
    press(browser, "Esci")

    # The operators' desk, as the demo operator: the same login and code, then "Coda ticket".
    type_into(browser, "Email", OPERATOR)
    type_into(browser, "Password", DEMO_PASSWORD)
    press(browser, "Accedi")
    type_into(browser, "Codice", portal.wait_for_code(OPERATOR))
    press(browser, "Invia")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Coda ticket"
    shoot("coda-ticket")
    # The newest ticket, nobody's yet, tops the queue: take it, write a note and look at it.
    first = browser.find_element(By.CSS_SELECTOR, ".desk-queue .ticket-link").text
    press(browser, first)
    press(browser, "Prendi in carico")
    type_into(browser, "Nota interna", "Il cliente usa ancora la versione 23.0.0.65: verificare l'aggiornamento.")
    press(browser, "Nota interna")  # the button under the box of the same name
    assert "Giulia Neri ha preso in carico la richiesta" in browser.page_source
    shoot("ticket-operatore")

    for name in ["login", "recupero-password", "portale-classico", "creazione-utente", "codice", "scelta-tenant",
                 "dashboard", "profilo", "nuova-richiesta", "elenco-richieste", "dettaglio-richiesta",
                 "utenti-invitati", "coda-ticket", "ticket-operatore"]:
        image = (target / f"{name}.png").read_bytes()
        assert image[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")) == (1280, 800), name
        assert len(image) < 200_000, (name, len(image))
