"""The profile's "Sessioni attive": a person sees where they are signed in and ends one
session with "Termina" or every other with "Termina tutte le altre", by the visible labels."""
from selenium.webdriver.common.by import By

from chromium import chromium
from people import press, sign_in
from portal import ADMIN, DEMO_PASSWORD, login


def session_rows(browser):
    section = browser.find_element(By.XPATH, "//section[h2[normalize-space()='Sessioni attive']]")
    return [row.text for row in section.find_elements(By.CSS_SELECTOR, "tbody tr")]


def test_a_person_ends_their_other_sessions_from_the_profile(portal, browser):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    other_browser = chromium(javascript=False)
    try:
        sign_in(other_browser, portal, ADMIN, DEMO_PASSWORD)
        script, _ = login(portal, email=ADMIN)
        browser.get(portal.url + "/profilo")
        rows = session_rows(browser)
        assert len(rows) == 3, rows
        assert sum("(questa sessione)" in row for row in rows) == 1
        assert all("127.0.0.1" in row and "ROSSI SRL" in row for row in rows)

        press(browser, "Termina")
        assert "Sessione terminata" in browser.page_source
        assert len(session_rows(browser)) == 2
        press(browser, "Termina tutte le altre")
        assert "Le altre sessioni sono terminate" in browser.page_source
        rows = session_rows(browser)
        assert len(rows) == 1 and "(questa sessione)" in rows[0]
        assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Termina tutte le altre']")

        # The others are signed out; this one is not.
        other_browser.get(portal.url + "/dashboard")
        assert other_browser.find_element(By.TAG_NAME, "h1").text == "Login"
        assert script.get(portal.url + "/dashboard", allow_redirects=False).status_code == 303
        browser.get(portal.url + "/dashboard")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    finally:
        other_browser.quit()
