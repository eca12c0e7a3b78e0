"""'Password smarrita': same answer for every address, single-use one-hour links."""
import re

import requests

from portal import DEMO_PASSWORD, csrf_token, login, password_step

ADDRESS = "anna.bianchi@bianchi.example"
CHOSEN = "la mia nuova frase segreta 2026"


def ask_for_link(portal, email):
    session = requests.Session()
    page = session.get(portal.url + "/password/recupero")
    assert '<label for="email">Email</label>' in page.text
    return session.post(portal.url + "/password/recupero", data={"csrf": csrf_token(page.text), "email": email})


def link_from_mail(portal, email):
    body = portal.wait_for_mail(email, "nuova password").get_content()
    return re.search(r"(http://\S+/password/nuova\?token=\S+)", body).group(1)


def set_password(portal, link, password, confirmation=None):
    session = requests.Session()
    page = session.get(link)
    if page.status_code != 200:
        return page
    token = link.split("token=")[1]
    return session.post(portal.url + "/password/nuova", allow_redirects=False, data={
        "csrf": csrf_token(page.text), "token": token, "password": password,
        "password_confirmation": confirmation if confirmation is not None else password})


def test_the_answer_is_the_same_for_known_and_unknown_addresses(portal):
    known = ask_for_link(portal, ADDRESS)
    unknown = ask_for_link(portal, "nessuno@da-nessuna-parte.example")
    assert known.status_code == unknown.status_code == 200
    strip = lambda text: re.sub(r'value="[^"]*"', "", text)
    assert strip(known.text) == strip(unknown.text)
    assert "riceverai a breve" in known.text
    invalid = ask_for_link(portal, "non-un-indirizzo")
    assert invalid.status_code == 422 and "Indirizzo email non valido." in invalid.text
    link_from_mail(portal, ADDRESS)


def test_a_link_sets_a_new_password_once_and_ends_every_session(fresh_portal):
    portal = fresh_portal()
    old_session, _ = login(portal, email=ADDRESS)
    device = portal.devices[ADDRESS]
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    assert link.startswith(portal.url + "/password/nuova?token=")
    short = set_password(portal, link, "breve")
    assert short.status_code == 422 and "almeno 12 caratteri" in short.text
    mismatch = set_password(portal, link, CHOSEN, confirmation=CHOSEN + "!")
    assert mismatch.status_code == 422 and "non coincidono" in mismatch.text
    done = set_password(portal, link, CHOSEN)
    assert done.headers["Location"].startswith("/login?avviso=reimpostata")
    reused = set_password(portal, link, CHOSEN + " bis")
    assert reused.status_code == 404 and "non è valido o è scaduto" in reused.text
    assert old_session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 303
    assert password_step(portal, ADDRESS, DEMO_PASSWORD).status_code == 422
    with_device = requests.Session()
    with_device.cookies.set("portal_device", device, domain="127.0.0.1", path="/")
    after = password_step(portal, ADDRESS, CHOSEN, session=with_device)
    assert after.headers["Location"] == "/accesso/codice", "the reset revoked the trusted devices"


def test_an_expired_link_is_refused(portal):
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    with portal.db() as db:
        db.execute("UPDATE password_resets SET expires_at = 1")
    assert set_password(portal, link, CHOSEN).status_code == 404
    assert requests.get(portal.url + "/password/nuova?token=garbage").status_code == 404
