"""A person logs in by the visible labels, as the manual's "Login" shows it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from chromium import chromium
from people import field, gone, press, tick, type_into
from portal import ADMIN, DEMO_PASSWORD, OTHER_COMPANY_ADMIN


def test_the_administrator_logs_in_and_reaches_the_dashboard(portal, browser):
    browser.get(portal.url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Login"
    type_into(browser, "Email", ADMIN)
    type_into(browser, "Password", DEMO_PASSWORD)
    tick(browser, "Ricordami")
    press(browser, "Accedi")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Autenticazione a 2 fattori"
    type_into(browser, "Codice", portal.wait_for_code(ADMIN))
    press(browser, "Invia")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    assert "Questa dashboard non ha ancora widget!" in browser.page_source
    assert browser.current_url == portal.url + "/dashboard"
    browser.save_screenshot(str(portal.var.parent / "portal-dashboard.png"))
    press(browser, "Esci")
    assert "Sei uscito dal portale." in browser.page_source


def test_a_wrong_password_shows_the_message_and_keeps_the_email(portal, browser):
    browser.get(portal.url + "/login")
    type_into(browser, "Email", ADMIN)
    type_into(browser, "Password", "sbagliata-sbagliata")
    press(browser, "Accedi")
    assert "Email o password non corrette." in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert field(browser, "Email").get_attribute("value") == ADMIN
    # A refused form is no failed load: Chromium logged its 422 as a SEVERE console entry.
    severe = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == [], severe


def test_login_works_with_javascript_disabled(portal):
    driver = chromium(javascript=False)
    try:
        driver.get(portal.url + "/login")
        type_into(driver, "Email", ADMIN)
        type_into(driver, "Password", DEMO_PASSWORD)
        press(driver, "Accedi")
        type_into(driver, "Codice", portal.wait_for_code(ADMIN))
        tick(driver, "Dispositivo sicuro")
        press(driver, "Invia")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    finally:
        driver.quit()


def test_a_double_click_sends_accedi_and_invia_once(portal, browser):
    """On a slow connection a second click sent a second POST: a second code that voided the
    first, and a second "Invia" that found the code used and signed the person out."""
    person = OTHER_COMPANY_ADMIN
    query = "SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE '%Codice autenticazione%'"
    with portal.db() as db:
        before = db.execute(query, (person,)).fetchone()[0]
    browser.get(portal.url + "/login")
    type_into(browser, "Email", person)
    type_into(browser, "Password", DEMO_PASSWORD)
    # Whether each press was sent, read as the page sees it (a local portal answers before a
    # person's second click: the press is made twice before any answer can come).
    twice = """
        const sent = [];
        window.addEventListener('submit', (event) => sent.push(!event.defaultPrevented));
        const form = document.querySelector(arguments[0]);
        form.requestSubmit();
        form.requestSubmit();
        return sent;
    """
    page = browser.find_element(By.TAG_NAME, "html")
    assert browser.execute_script(twice, 'form[action="/login"]') == [True, False]
    WebDriverWait(browser, 10).until(lambda _: gone(page))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Autenticazione a 2 fattori"
    with portal.db() as db:
        assert db.execute(query, (person,)).fetchone()[0] == before + 1, "one code"
    type_into(browser, "Codice", portal.wait_for_code(person))
    page = browser.find_element(By.TAG_NAME, "html")
    assert browser.execute_script(twice, 'form[action="/accesso/codice"]') == [True, False]
    WebDriverWait(browser, 10).until(lambda _: gone(page))
    assert "/login" not in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text in ("Dashboard", "Scelta Tenant")
