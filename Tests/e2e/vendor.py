"""Helpers for the vendor administration's tests: a Responsabile's forms as a browser fills
them, and the first access of the people they invite."""
import re

import requests

from portal import csrf_token, login, password_step

MANAGER = "giulia.neri@assistenza.example"
OPERATORE = "paolo.gallo@assistenza.example"
NEW_PASSWORD = "una frase lunga e personale 42"

# Every page of the administration, with a state-changing route for each of its forms.
PAGES = ("/desk/aziende", "/desk/aziende/nuova", "/desk/aziende/1", "/desk/aziende/1/invita", "/desk/portale-classico",
         "/desk/operatori", "/desk/operatori/nuovo", "/desk/registro")
POSTS = ("/desk/aziende", "/desk/aziende/1/invita", "/desk/aziende/1/disattiva", "/desk/aziende/1/riattiva",
         "/desk/aziende/1/inviti/1/reinvia", "/desk/aziende/1/inviti/1/rimuovi", "/desk/operatori",
         "/desk/operatori/1/ruolo", "/desk/operatori/1/disattiva", "/desk/operatori/1/riattiva",
         "/desk/operatori/1/reinvia")


def vat_number(first_ten):
    """A P.IVA with the right check digit after `first_ten` digits (the portal's checksum rule)."""
    total = 0
    for index, digit in enumerate(int(c) for c in first_ten):
        doubled = digit * 2 if index % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return first_ten + str((10 - total % 10) % 10)


def wrong_check_digit(vat):
    return vat[:10] + str((int(vat[10]) + 1) % 10)


def manager_session(portal):
    session, response = login(portal, email=MANAGER)
    assert response.status_code == 303, response.status_code
    return session


def post_form(portal, session, page_path, action, **fields):
    """Posts the form of `page_path` whose action is `action`, with the page's CSRF token."""
    page = session.get(portal.url + page_path)
    assert page.status_code == 200, (page_path, page.status_code)
    return session.post(portal.url + action, data={"csrf": csrf_token(page.text), **fields}, allow_redirects=False)


def invite_operator(portal, session, name, address, role="operator"):
    """"Invita operatore"; returns the provisional password of the welcome e-mail."""
    response = post_form(portal, session, "/desk/operatori/nuovo", "/desk/operatori", name=name, email=address, role=role)
    assert response.status_code == 303, response.text[:2000]
    welcome = portal.wait_for_mail(address, "Benvenuto").get_content()
    return re.search(r"- Password: (\S+)", welcome).group(1)


def create_company(portal, session, name, vat):
    """"Nuova azienda"; returns the company's id."""
    response = post_form(portal, session, "/desk/aziende/nuova", "/desk/aziende", name=name, vat=vat)
    assert response.status_code == 303, response.text[:2000]
    return int(re.fullmatch(r"/desk/aziende/(\d+)\?avviso=creata", response.headers["Location"]).group(1))


def invite_administrator(portal, session, company_id, address):
    """"Invita amministratore"; returns the provisional password of the welcome e-mail."""
    page = f"/desk/aziende/{company_id}/invita"
    response = post_form(portal, session, page, page, email=address)
    assert response.status_code == 303, response.text[:2000]
    welcome = portal.wait_for_mail(address, "Benvenuto").get_content()
    portal.wait_for_mail(address, "Invito a unirti")
    return re.search(r"- Password: (\S+)", welcome).group(1)


def complete_first_access(portal, address, provisional, first="Nuovo", last="Utente"):
    """The manual's "Creazione Utente" with the provisional password; the personal one is NEW_PASSWORD."""
    session = requests.Session()
    assert password_step(portal, address, provisional, session=session).headers["Location"] == "/accesso/primo"
    page = session.get(portal.url + "/accesso/primo")
    created = session.post(portal.url + "/accesso/primo", data={
        "csrf": csrf_token(page.text), "first_name": first, "last_name": last, "password": NEW_PASSWORD,
        "password_confirmation": NEW_PASSWORD, "privacy": "1"}, allow_redirects=False)
    assert created.status_code == 303 and created.headers["Location"].startswith("/login?avviso=creato"), created.text[:1000]

