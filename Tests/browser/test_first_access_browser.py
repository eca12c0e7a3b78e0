"""A new customer's whole first access, by the visible labels, as the manual tells it."""
import re

from selenium.webdriver.common.by import By

from people import field, press, tick, type_into

ADDRESS = "marco.bruni@rossi.example"
PASSWORD = "il mio primo accesso al portale"


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def test_a_new_customer_walks_the_first_access(portal, browser):
    portal.admin("invite", "--vat", "02740123456", "--email", ADDRESS, "--role", "Tecnico")
    welcome = portal.wait_for_mail(ADDRESS, "Benvenuto").get_content()
    invitation = portal.wait_for_mail(ADDRESS, "Invito a unirti a ROSSI SRL").get_content()
    assert "Scelta Tenant" in invitation
    provisional = re.search(r"- Password: (\S+)", welcome).group(1)
    link = re.search(r"(http://\S+/login\?email=[^\s)]+)", welcome).group(1)

    browser.get(link)
    assert heading(browser) == "Login"
    type_into(browser, "Password", provisional)
    press(browser, "Accedi")

    assert heading(browser) == "Creazione Utente"
    type_into(browser, "Nome", "Marco")
    type_into(browser, "Cognome", "Bruni")
    type_into(browser, "Password", PASSWORD)
    type_into(browser, "Conferma Password", PASSWORD)
    browser.find_element(By.ID, "privacy").click()
    press(browser, "Crea utente")

    assert heading(browser) == "Login"
    assert "Utente creato" in browser.page_source
    assert field(browser, "Email").get_attribute("value") == ADDRESS
    type_into(browser, "Password", PASSWORD)
    press(browser, "Accedi")

    assert heading(browser) == "Autenticazione a 2 fattori"
    type_into(browser, "Codice", portal.wait_for_code(ADDRESS))
    tick(browser, "Dispositivo sicuro")
    press(browser, "Invia")

    assert heading(browser) == "Scelta Tenant"
    press(browser, "Accetta")
    press(browser, "ROSSI SRL")
    assert heading(browser) == "Dashboard"
    assert "Marco Bruni" in browser.page_source
    press(browser, "Esci")

    type_into(browser, "Email", ADDRESS)
    type_into(browser, "Password", PASSWORD)
    press(browser, "Accedi")
    assert heading(browser) == "Dashboard", "no code (trusted device) and no company choice the second time"
