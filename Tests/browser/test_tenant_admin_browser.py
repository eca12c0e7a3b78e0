"""An administrator invites a colleague as a technician; the colleague completes the first
access; the administrator finds them under "Utenti" — all by the visible labels."""
import re

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from people import log_in, press, tick, type_into
from portal import ADMIN, DEMO_PASSWORD

COLLEAGUE = "sara.galli@rossi.example"
PASSWORD = "un mattino di sole sul porto"


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def open_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    return driver


def test_an_administrator_invites_a_technician_who_then_appears_under_utenti(portal, browser):
    log_in(browser, portal, ADMIN, DEMO_PASSWORD)

    browser.find_element(By.XPATH, "//summary[contains(., 'Gestione Tenant')]").click()
    press(browser, "Tenant")
    press(browser, "Utenti invitati")
    press(browser, "+ Invita utente")
    type_into(browser, "Email", COLLEAGUE)
    browser.find_element(By.XPATH, "//label[normalize-space()='Tecnico']").click()
    press(browser, "Invita")
    assert "Invito inviato." in browser.page_source
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{COLLEAGUE}']]")
    assert "Tecnico" in row.text

    colleague = open_browser()
    try:
        welcome = portal.wait_for_mail(COLLEAGUE, "Benvenuto").get_content()
        colleague.get(re.search(r"\((http://\S+/login\?email=\S+)\)", welcome).group(1))
        type_into(colleague, "Password", re.search(r"- Password: (\S+)", welcome).group(1))
        press(colleague, "Accedi")
        assert heading(colleague) == "Creazione Utente"
        type_into(colleague, "Nome", "Sara")
        type_into(colleague, "Cognome", "Galli")
        type_into(colleague, "Password", PASSWORD)
        type_into(colleague, "Conferma Password", PASSWORD)
        colleague.find_element(By.ID, "privacy").click()
        press(colleague, "Crea utente")
        type_into(colleague, "Password", PASSWORD)
        press(colleague, "Accedi")
        type_into(colleague, "Codice", portal.wait_for_code(COLLEAGUE))
        tick(colleague, "Dispositivo sicuro")
        press(colleague, "Invia")
        press(colleague, "Accetta")
        press(colleague, "ROSSI SRL")
        assert heading(colleague) == "Dashboard"
        assert "Gestione Tenant" not in colleague.page_source, "a technician does not see the menu entry"
    finally:
        colleague.quit()

    press(browser, "Utenti")
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{COLLEAGUE}']]")
    assert "Sara" in row.text and "Galli" in row.text
    assert row.find_element(By.TAG_NAME, "select").get_attribute("value") == "tech"
