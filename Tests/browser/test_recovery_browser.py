"""'Password smarrita' in a browser: the link's token stays in the fragment, which the page's
script moves into the form (and out of the address bar); without JavaScript the e-mail's
code is typed in "Codice di recupero"."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from chromium import chromium
from people import field, press, type_into
from portal import TECHNICIAN

CHOSEN = "una frase nuova dal browser 2026"


def ask_for_link(browser, portal):
    browser.get(portal.url + "/password/recupero")
    type_into(browser, "Email", TECHNICIAN)
    press(browser, "Invia")
    body = portal.wait_for_mail(TECHNICIAN, "nuova password").get_content()
    link = re.search(r"(http://\S+/password/nuova#token=\S+)", body).group(1)
    code = re.search(r"inserisci il codice di recupero:\s*(\S+)", body).group(1)
    return link, code


def test_the_link_fills_the_form_and_leaves_no_token_in_the_address(portal, browser):
    link, _ = ask_for_link(browser, portal)
    browser.get(link)
    assert browser.current_url == portal.url + "/password/nuova", "the fragment is gone from the address bar"
    assert not field(browser, "Codice di recupero").is_displayed()
    assert "Il codice del link è già stato inserito." in browser.page_source
    assert browser.switch_to.active_element.get_attribute("id") == "password"
    # Refused: the focus is on the wrong field the server names, not back on "Nuova password".
    type_into(browser, "Nuova password", CHOSEN)
    type_into(browser, "Conferma Password", CHOSEN + " diversa")
    press(browser, "Salva la nuova password")
    assert "Le due password non coincidono." in browser.page_source
    assert browser.switch_to.active_element.get_attribute("id") == "password_confirmation"
    type_into(browser, "Nuova password", CHOSEN)
    type_into(browser, "Conferma Password", CHOSEN)
    press(browser, "Salva la nuova password")
    assert "Password aggiornata" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text


def test_without_javascript_the_code_is_typed(portal):
    driver = chromium(javascript=False)
    try:
        link, code = ask_for_link(driver, portal)
        driver.get(link)
        type_into(driver, "Codice di recupero", code)
        type_into(driver, "Nuova password", CHOSEN + " bis")
        type_into(driver, "Conferma Password", CHOSEN + " bis")
        press(driver, "Salva la nuova password")
        assert "Password aggiornata" in driver.page_source
    finally:
        driver.quit()


def test_a_used_link_is_said_as_soon_as_the_page_opens(portal, browser):
    """It was said only after both passwords were typed and sent."""
    link, _ = ask_for_link(browser, portal)
    with portal.db() as db:
        db.execute("UPDATE password_resets SET used_at = 1 WHERE used_at IS NULL")
    browser.get(link)
    notice = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    WebDriverWait(browser, 5).until(lambda _: notice.is_displayed())
    assert "non è più valido" in notice.text and "Recupera password" in notice.text
    assert field(browser, "Codice di recupero").is_displayed(), "a newer e-mail's code can still be typed"
    assert browser.switch_to.active_element.get_attribute("id") == "code"
    # Sent anyway with the two passwords and no code: the link is said spent again, not a
    # code asked "without JavaScript".
    type_into(browser, "Nuova password", "una frase lunga e nuova 2026")
    type_into(browser, "Conferma Password", "una frase lunga e nuova 2026")
    press(browser, "Salva la nuova password")
    WebDriverWait(browser, 5).until(lambda _: "non è più valido" in browser.find_element(By.ID, "code-error").text)
    assert "JavaScript" not in browser.find_element(By.ID, "code-error").text
