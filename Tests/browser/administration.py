"""What a Responsabile does on the desk's "Amministrazione" pages, by the visible labels:
open a page from the menu, create a company, invite its administrator. Shared by the
journeys of the vendor administration (companies, response targets, figures)."""
import re

from selenium.webdriver.common.by import By

from people import open_menu_entry, press, type_into


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def open_administration(browser, entry):
    """The menu's "Amministrazione" group, then one of its entries ("Aziende", "Operatori"…)."""
    open_menu_entry(browser, "Amministrazione", entry)


def create_company(browser, name, vat):
    """"Aziende" → "Nuova azienda", "Ragione sociale", "Partita IVA", "Crea azienda"; ends on its page."""
    open_administration(browser, "Aziende")
    press(browser, "Nuova azienda")
    type_into(browser, "Ragione sociale", name)
    type_into(browser, "Partita IVA", vat)
    press(browser, "Crea azienda")
    assert heading(browser) == name


def invite_administrator(browser, portal, address):
    """On a company's page: "Invita amministratore", its "Email", the button; returns the
    provisional password of the welcome e-mail (the invitation e-mail comes too)."""
    press(browser, "Invita amministratore")
    assert heading(browser) == "Invita amministratore"
    type_into(browser, "Email", address)
    press(browser, "Invita amministratore")
    welcome = portal.wait_for_mail(address, "Benvenuto").get_content()
    portal.wait_for_mail(address, "Invito a unirti")
    return re.search(r"- Password: (\S+)", welcome).group(1)
