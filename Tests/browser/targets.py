"""What a Responsabile does with "Tempi di risposta" and "Andamento", by the visible labels,
and how a ticket's target reads in "Coda ticket", in "Andamento" and in its CSV file. Shared
by the journeys that walk the response targets."""
import csv
import datetime
import io
import re
import zoneinfo

import requests
from selenium.webdriver.common.by import By

from people import choose_option, press, type_into

ROME = zoneinfo.ZoneInfo("Europe/Rome")


def set_target(browser, label, value):
    """"Tempi di risposta": types `value` into the field `label` ("Prima risposta – Normale") and saves."""
    type_into(browser, label, value)
    press(browser, "Salva")


def queue_row_by_due(browser, title):
    """"Coda ticket" ordered by "Scadenza": the text of the row whose title is `title`."""
    press(browser, "Coda ticket")
    choose_option(browser, "Ordina per", "Scadenza")
    press(browser, "Filtra")
    return browser.find_element(
        By.XPATH, f"//table[contains(@class, 'desk-queue')]//tr[.//a[normalize-space()='{title}']]").text


def this_weeks_monday():
    today = datetime.datetime.now(ROME).date()
    return today - datetime.timedelta(days=today.weekday())


def opened_this_week(portal):
    """The tickets opened since Monday 00:00 in Rome, as the database counts them."""
    start = datetime.datetime.combine(this_weeks_monday(), datetime.time(), ROME).timestamp()
    with portal.db() as db:
        return db.execute("SELECT count(*) FROM tickets WHERE created_at >= ?", (int(start),)).fetchone()[0]


def weekly_row(browser):
    """"Andamento", table of "Ticket aperti e chiusi per settimana": this week's cells."""
    section = browser.find_element(By.XPATH, "//section[h2[normalize-space()='Ticket aperti e chiusi per settimana']]")
    monday = this_weeks_monday().strftime("%d/%m/%Y")
    row = section.find_element(By.XPATH, f".//tr[th[normalize-space()='{monday}']]")
    return [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]


def download_csv(browser, chart_title):
    """Follows the "Scarica CSV" link of the chart `chart_title` with the browser's session
    (a browser saves a download to disk; the file is what matters) and returns its rows."""
    section = browser.find_element(By.XPATH, f"//section[h2[normalize-space()=\"{chart_title}\"]]")
    link = section.find_element(By.XPATH, ".//a[normalize-space()='Scarica CSV']")
    session = requests.Session()
    for cookie in browser.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    response = session.get(link.get_attribute("href"))
    assert response.status_code == 200
    assert re.match(r'attachment; filename="andamento-[a-z-]+-[0-9-]+\.csv"', response.headers["Content-Disposition"])
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
