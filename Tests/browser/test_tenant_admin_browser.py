"""An administrator invites a colleague as a technician; the colleague completes the first
access; the administrator finds them under "Utenti" — all by the visible labels."""
import re
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from chromium import chromium
from people import first_access, log_in, press, type_into
from portal import ADMIN, DEMO_PASSWORD

COLLEAGUE = "sara.galli@rossi.example"
PASSWORD = "un mattino di sole sul porto"


def test_an_administrator_invites_a_technician_who_then_appears_under_utenti(portal, browser):
    log_in(browser, portal, ADMIN, DEMO_PASSWORD)

    press(browser, "Tenant")
    press(browser, "Utenti invitati")
    press(browser, "Invita utente")
    # "Annulla" is a button beside "Invita", as the manual shows them: it leaves the form,
    # nothing typed in the address and nothing sent.
    type_into(browser, "Email", "ripensamento@rossi.example")
    cancel = browser.find_element(By.XPATH, "//form[.//button[normalize-space()='Invita']]//button[normalize-space()='Annulla']")
    cancel.click()
    WebDriverWait(browser, 5).until(lambda _: not browser.find_elements(By.ID, "email"))
    assert urllib.parse.urlparse(browser.current_url).path == "/tenant/inviti" and "ripensamento" not in browser.current_url
    assert "ripensamento@rossi.example" not in browser.page_source
    press(browser, "Invita utente")
    # A malformed address is refused by the portal, in Italian beside the field: the browser's
    # own bubble ("Please include an '@'…") spoke the browser's language and said it nowhere else.
    type_into(browser, "Email", "non-un-indirizzo")
    press(browser, "Invita")
    field = browser.find_element(By.ID, "email")
    assert field.get_attribute("aria-invalid") == "true"
    assert "Indirizzo email non valido." in browser.find_element(By.CSS_SELECTOR, ".field--invalid").text
    type_into(browser, "Email", COLLEAGUE)
    browser.find_element(By.XPATH, "//label[normalize-space()='Tecnico']").click()
    press(browser, "Invita")
    assert "Invito inviato." in browser.page_source
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{COLLEAGUE}']]")
    assert "Tecnico" in row.text

    colleague = chromium()
    try:
        welcome = portal.wait_for_mail(COLLEAGUE, "Benvenuto").get_content()
        assert f"{portal.url}/login?email={urllib.parse.quote(COLLEAGUE, safe='')}" in welcome
        provisional = re.search(r"- Password: (\S+)", welcome).group(1)
        first_access(colleague, portal, COLLEAGUE, provisional, "Sara", "Galli", PASSWORD, "ROSSI SRL")
        assert "Gestione Tenant" not in colleague.page_source, "a technician does not see the menu entry"
    finally:
        colleague.quit()

    press(browser, "Utenti")
    row = browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{COLLEAGUE}']]")
    assert "Sara" in row.text and "Galli" in row.text
    assert row.find_element(By.TAG_NAME, "select").get_attribute("value") == "tech"
