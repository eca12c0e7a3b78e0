"""The access chapter: first access, e-mail code, trusted devices, company choice, sessions."""
import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import requests

from portal import (ADMIN, BIANCHI_VAT, DEMO_PASSWORD, TECHNICIAN, code_step, csrf_token, login, password_step,
                    set_cookie)

NEW_PASSWORD = "una frase lunga e personale 42"


def same_browser_after_logout(session):
    """A new browser session that keeps only the trusted-device cookie, as after "Esci"."""
    fresh = requests.Session()
    fresh.cookies.set("portal_device", session.cookies["portal_device"], domain="127.0.0.1", path="/")
    return fresh


def first_access(portal, session, first="Giada", last="Neri", password=NEW_PASSWORD, confirmation=None, privacy=True):
    page = session.get(portal.url + "/accesso/primo")
    data = {"csrf": csrf_token(page.text), "first_name": first, "last_name": last, "password": password,
            "password_confirmation": confirmation if confirmation is not None else password}
    if privacy:
        data["privacy"] = "1"
    return session.post(portal.url + "/accesso/primo", data=data, allow_redirects=False)


def choose_company(portal, session, name):
    page = session.get(portal.url + "/accesso/azienda").text
    start = page.index(f">{name}</button>")
    form = page[:start].rsplit("<form", 1)[1]
    tenant = form.split('name="tenant" value="')[1].split('"')[0]
    return session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": tenant},
                        allow_redirects=False)


def accept_invitation(portal, session):
    page = session.get(portal.url + "/accesso/azienda").text
    action = page.split('action="/accesso/invito/')[1].split('"')[0]
    return session.post(portal.url + "/accesso/invito/" + action, data={"csrf": csrf_token(page)}, allow_redirects=False)


def at_company_choice(portal, address, first, last):
    """A person invited to ROSSI, through first access, password and code, at "Scelta Tenant"."""
    provisional = portal.invite(address)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    first_access(portal, session, first=first, last=last)
    assert password_step(portal, address, NEW_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
    assert code_step(portal, session, portal.wait_for_code(address)).headers["Location"] == "/accesso/azienda"
    return session


def test_the_whole_first_access_of_an_invited_customer(portal):
    address = "giada.neri@rossi.example"
    provisional = portal.invite(address)
    session = requests.Session()
    response = password_step(portal, address, provisional, session=session)
    assert response.headers["Location"] == "/accesso/primo"
    page = session.get(portal.url + "/accesso/primo").text
    for label in ["Nome", "Cognome", "Password", "Conferma Password"]:
        # The manual's "*" follows each required field's label, outside it (its name stays the label's words).
        assert f">{label}</label><span class=\"required-mark\" aria-hidden=\"true\">*</span>" in page
    assert "I campi contrassegnati da * sono obbligatori." in page
    # The password rules are read with the field they govern.
    password = re.search(r'<input[^>]*id="password"[^>]*>', page).group(0)
    assert 'aria-describedby="password-hint"' in password and 'id="password-hint"' in page
    assert 'href="/privacy.html"' in page and ">Crea utente</button>" in page
    # One link named «Informativa Privacy» (the consent's): the footer's left out here only.
    assert page.count(">Informativa Privacy</a>") == 1, "a lookup by the link's name found two"
    assert requests.get(portal.url + "/login").text.count(">Informativa Privacy</a>") == 1

    refusals = [
        (dict(password="corta"), "almeno 12 caratteri"),
        (dict(password="giada.neri-segreta-123"), "non deve contenere"),
        (dict(password="cavallo\x00batteria graffa", confirmation="cavallo\x00batteria graffa"), "non si può digitare"),
        (dict(confirmation="un'altra frase lunga 42"), "non coincidono"),
        (dict(password=provisional + "", confirmation=provisional), None),
        (dict(privacy=False), "Informativa Privacy"),
        (dict(first="x" * 101), "Al massimo 100 caratteri"),
        (dict(first="  "), "Campo obbligatorio."),
        (dict(last=""), "Campo obbligatorio."),
    ]
    for arguments, message in refusals:
        refused = first_access(portal, session, **arguments)
        assert refused.status_code == 422, arguments
        if message:
            assert message in refused.text, arguments
        # The refused page puts the person on its first wrong field, without JavaScript.
        focused = re.findall(r'<(?:input|textarea)[^>]*\bautofocus[^>]*>', refused.text)
        assert focused and 'aria-invalid="true"' in focused[0], (arguments, focused)
        assert 'value="Giada"' in refused.text or "first" in arguments, "typed values are kept"
        ticked = re.search(r'<input[^>]*id="privacy"[^>]*>', refused.text).group(0)
        assert ("checked" in ticked) == arguments.get("privacy", True), "the consent comes back as given"
    # Both fields' rules at once: the confirmation's was said only after the password's was met.
    both = first_access(portal, session, password="corta", confirmation="un'altra cosa")
    assert both.status_code == 422 and "almeno 12 caratteri" in both.text and "non coincidono" in both.text
    with portal.db() as db:
        assert db.execute("SELECT password_is_provisional FROM users WHERE email = ?", (address,)).fetchone()[0] == 1

    created = first_access(portal, session)
    assert created.headers["Location"] == "/login?avviso=creato&email=giada.neri%40rossi.example"
    assert "Utente creato" in session.get(portal.url + created.headers["Location"]).text
    # The provisional password is spent.
    assert password_step(portal, address, provisional).status_code == 422

    session = requests.Session()
    assert password_step(portal, address, NEW_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
    after_code = code_step(portal, session, portal.wait_for_code(address), trust=True)
    assert after_code.headers["Location"] == "/accesso/azienda"
    page = session.get(portal.url + "/accesso/azienda").text
    assert "Scelta Tenant" in page and "ROSSI SRL ti ha invitato come Tecnico." in page and ">Accetta</button>" in page
    accepted = accept_invitation(portal, session)
    assert accepted.headers["Location"] == "/accesso/azienda?avviso=accettato"
    chosen = choose_company(portal, session, "ROSSI SRL")
    assert chosen.headers["Location"] == "/dashboard"
    dashboard = session.get(portal.url + "/dashboard").text
    assert "Giada Neri" in dashboard and "ROSSI SRL" in dashboard
    with portal.db() as db:
        assert db.execute("""SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
                             WHERE u.email = ?""", (address,)).fetchone()[0] == "tech"
    # The company's "Attività" shows the device trusted at the first access (written before
    # the company was known, it was nobody's: the device's removal showed, its addition not).
    with portal.db() as db:
        giada = db.execute("SELECT id FROM users WHERE email = ?", (address,)).fetchone()[0]
    admin, _ = login(portal)
    activity = html.unescape(admin.get(portal.url + "/tenant/attivita", params={"utente": giada}).text)
    assert "Dispositivo sicuro aggiunto" in activity, activity[-3000:]

    # Next time: the trusted device skips the code, the known company skips the choice.
    again = password_step(portal, address, NEW_PASSWORD, session=same_browser_after_logout(session))
    assert again.headers["Location"] == "/dashboard"


def test_esci_on_the_company_choice_of_a_login_ends_the_login(portal):
    """"Scelta Tenant" at a login's last step had no "Esci": past the password and the code,
    the next person at a shared computer could come back to it for 30 minutes and accept an
    invitation or enter a company."""
    address = "scelta.esci@rossi.example"
    session = at_company_choice(portal, address, "Sara", "Esci")
    page = session.get(portal.url + "/accesso/azienda").text
    assert 'action="/accesso/esci"' in page and ">Esci</button>" in page
    login_cookie = session.cookies.get("portal_login")
    out = session.post(portal.url + "/accesso/esci", data={"csrf": csrf_token(page)}, allow_redirects=False)
    assert out.status_code == 303
    assert out.headers["Location"] == "/login?avviso=uscito", "the address is not left for the next person"
    assert "portal_login=;" in out.headers["Set-Cookie"] or "portal_login=\"\"" in out.headers["Set-Cookie"]
    assert "Sei uscito dal portale." in session.get(portal.url + out.headers["Location"]).text
    # The login is gone on the server too: its cookie, kept by someone, leads to the login page.
    kept = requests.Session()
    kept.cookies.set("portal_login", login_cookie, domain="127.0.0.1", path="/")
    again = kept.get(portal.url + "/accesso/azienda", allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == "/login?avviso=scaduto"
    refused = kept.post(portal.url + "/accesso/invito/1/accetta", data={"csrf": csrf_token(page)}, allow_redirects=False)
    assert refused.status_code == 303 and refused.headers["Location"] == "/login?avviso=scaduto"
    # A browser that started no login is not told one expired (the company icon's page
    # opened after «Esci»).
    fresh = requests.get(portal.url + "/accesso/azienda", allow_redirects=False)
    assert fresh.status_code == 303 and fresh.headers["Location"] == "/login"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?",
                          (address,)).fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM audit_events WHERE event = 'login_abandoned'").fetchone()[0] == 1


def test_an_accepted_invitation_of_the_only_company_ends_scelta_tenant_even_when_left_unclicked(portal):
    """"Accetta", then "Esci" without clicking the company: the next login offered "Scelta
    Tenant" with one company in it, where the manual says the page does not come back. With
    one company and no invitation there is nothing to choose: the login enters it."""
    address = "una.sola@rossi.example"
    session = at_company_choice(portal, address, "Una", "Sola")
    assert accept_invitation(portal, session).status_code == 303
    page = session.get(portal.url + "/accesso/azienda").text
    assert session.post(portal.url + "/accesso/esci", data={"csrf": csrf_token(page)}, allow_redirects=False).status_code == 303
    again = requests.Session()
    assert password_step(portal, address, NEW_PASSWORD, session=again).headers["Location"] == "/accesso/codice"
    entered = code_step(portal, again, portal.wait_for_code(address))
    assert entered.status_code == 303 and not entered.headers["Location"].startswith("/accesso/"), entered.headers["Location"]
    assert "ROSSI SRL" in again.get(portal.url + "/dashboard").text


def test_esci_on_the_code_and_first_access_pages_ends_the_login(portal):
    """"Creazione Utente" and the e-mail code had no "Esci": the next person at a shared
    computer could choose the account's password, or wait for a code, in the same login."""
    address = "primo.esci@rossi.example"
    provisional = portal.invite(address)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    page = session.get(portal.url + "/accesso/primo").text
    assert 'action="/accesso/esci"' in page and ">Esci</button>" in page
    out = session.post(portal.url + "/accesso/esci", data={"csrf": csrf_token(page)}, allow_redirects=False)
    assert out.headers["Location"] == "/login?avviso=uscito"
    # Its cookie is gone with it: the login page, not "the login expired" of a login left on purpose.
    assert session.get(portal.url + "/accesso/primo", allow_redirects=False).headers["Location"] == "/login"

    session = requests.Session()
    assert password_step(portal, TECHNICIAN, DEMO_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
    page = session.get(portal.url + "/accesso/codice").text
    assert 'action="/accesso/esci"' in page and ">Esci</button>" in page
    kept = session.cookies.get("portal_login")
    session.post(portal.url + "/accesso/esci", data={"csrf": csrf_token(page)}, allow_redirects=False)
    other = requests.Session()
    other.cookies.set("portal_login", kept, domain="127.0.0.1", path="/")
    refused = other.post(portal.url + "/accesso/codice", data={"csrf": csrf_token(page), "code": "ABCDEFG"}, allow_redirects=False)
    assert refused.status_code == 303 and refused.headers["Location"] == "/login?avviso=scaduto"
    # Without a login under way the button leads to the login, never a server error.
    assert requests.post(portal.url + "/accesso/esci", data={"csrf": "x"}, allow_redirects=False).headers["Location"] \
        == "/login"


def test_the_login_link_for_another_address_offers_esci_not_the_signed_in_dashboard(portal):
    """A welcome e-mail's link opened where a colleague is signed in led to the colleague's
    dashboard, with no login form and no word of whose it was."""
    session, _ = login(portal)
    own = session.get(portal.url + "/login", params={"email": ADMIN.upper()}, allow_redirects=False)
    assert own.status_code == 303, "the signed-in person's own address goes on as before"
    other = session.get(portal.url + "/login", params={"email": "nuovo.collega@rossi.example"}, allow_redirects=False)
    assert other.status_code == 200
    assert "aperta la sessione di Mario Rossi" in other.text and "nuovo.collega@rossi.example" in other.text
    assert ">Continua come Mario Rossi</a>" in other.text and ">Esci</button>" in other.text
    assert 'name="password"' not in other.text
    out = session.post(portal.url + "/logout", data={"csrf": csrf_token(other.text), "email": "nuovo.collega@rossi.example"},
                       allow_redirects=False)
    assert out.headers["Location"] == "/login?avviso=uscito&email=nuovo.collega%40rossi.example"
    form = session.get(portal.url + out.headers["Location"]).text
    assert 'value="nuovo.collega@rossi.example"' in form and "Sei uscito dal portale." in form


def test_expired_provisional_credentials_only_say_so(portal):
    address = "scaduto@rossi.example"
    provisional = portal.invite(address)
    with portal.db() as db:
        db.execute("UPDATE users SET provisional_expires_at = 1 WHERE email = ?", (address,))
    refused = password_step(portal, address, provisional)
    assert refused.status_code == 403 and "credenziali provvisorie non valgono più" in refused.text
    assert "chiedi all'amministratore della tua azienda un nuovo invito" in refused.text
    # A new company's first administrator, invited by the support: nobody in it to ask.
    portal.admin("tenant", "add", "--name", "GIALLI SRL", "--vat", "02019510409")
    first = "primo.admin@gialli.example"
    provisional = portal.invite(first, vat="02019510409", role="Amministratore")
    with portal.db() as db:
        db.execute("UPDATE users SET provisional_expires_at = 1 WHERE email = ?", (first,))
    refused = password_step(portal, first, provisional)
    assert refused.status_code == 403 and "chiedi un nuovo invito all'assistenza" in refused.text, refused.text[-800:]


def new_customer(portal, address):
    """An invited customer who has done the first access (not yet in a company)."""
    provisional = portal.invite(address)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    first_access(portal, session, first="Test", last="Utente")
    return address


def test_the_first_access_sent_from_several_tabs_at_once_is_done_once(portal):
    """"Creazione Utente" sent from six tabs of one login at the same moment, each with its
    own name and password, completed it six times (the last one's password held, the others
    were told theirs had been set). The login's row is taken under the write lock: one tab
    sets the account, the others change nothing."""
    address = "prima.volta.parallela@rossi.example"
    provisional = portal.invite(address)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    token = csrf_token(session.get(portal.url + "/accesso/primo").text)
    cookies = session.cookies.get_dict()
    barrier = threading.Barrier(6)

    def send(index):
        chosen = f"{NEW_PASSWORD} scheda {index}"
        barrier.wait()
        return chosen, requests.post(portal.url + "/accesso/primo", cookies=cookies, allow_redirects=False, data={
            "csrf": token, "first_name": "Giada", "last_name": f"Numero{'x' * index}", "password": chosen,
            "password_confirmation": chosen, "privacy": "1"})

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(send, range(6)))
    # A tab whose press came after the login's row was gone reads that the login ended, as
    # the form sent again later does; one that raced the winner is sent to the login as it was.
    assert all(answer.status_code == 303 and answer.headers["Location"].startswith(("/login?avviso=creato", "/login?avviso=scaduto"))
               for _, answer in answers), [(answer.status_code, answer.headers.get("Location")) for _, answer in answers]
    with portal.db() as db:
        done = db.execute("SELECT count(*) FROM audit_events e JOIN users u ON u.id = e.user_id "
                          "WHERE u.email = ? AND e.event = 'first_access_completed'", (address,)).fetchone()[0]
        last_name = db.execute("SELECT last_name FROM users WHERE email = ?", (address,)).fetchone()[0]
    assert done == 1, done
    chosen = next(chosen for chosen, _ in answers if chosen.endswith(str(len(last_name) - len("Numero"))))
    assert password_step(portal, address, chosen).headers["Location"] == "/accesso/codice"
    # A tab that raced the winner with its own password is told whose password holds.
    raced = [answer for typed, answer in answers if typed != chosen and "avviso=creato" in answer.headers["Location"]]
    assert all("avviso=creato-altrove" in answer.headers["Location"] for answer in raced), \
        [answer.headers["Location"] for answer in raced]


def test_an_expired_code_is_refused(portal):
    address = new_customer(portal, "codice.scaduto@rossi.example")
    session = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=session)
    code = portal.wait_for_code(address)
    with portal.db() as db:
        db.execute("UPDATE login_challenges SET code_expires_at = 1")
    refused = code_step(portal, session, code)
    assert refused.status_code == 422 and "scaduto" in refused.text


def test_a_code_works_once_and_only_for_its_own_login(portal):
    address = new_customer(portal, "codice.unico@rossi.example")
    first, second = requests.Session(), requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=first)
    first_code = portal.wait_for_code(address)
    password_step(portal, address, NEW_PASSWORD, session=second)
    second_code = portal.wait_for_code(address)
    assert code_step(portal, second, first_code).status_code == 422, "a code from another login"
    assert code_step(portal, first, first_code).headers["Location"] == "/accesso/azienda"
    third = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=third)
    assert code_step(portal, third, first_code).status_code == 422, "a code already used"
    assert code_step(portal, second, second_code).status_code == 303


def test_a_step_sent_twice_goes_on_instead_of_calling_the_login_expired(portal):
    """"Accedi" pressed twice on the code's page (a slow answer, a double click): the second
    press came after the first had passed the code, and said the login had expired. It goes on
    at the login's current step, or home once the login has ended in a session."""
    address = new_customer(portal, "doppio.invio@rossi.example")
    session = requests.Session()
    assert password_step(portal, address, NEW_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
    code = portal.wait_for_code(address)
    page = session.get(portal.url + "/accesso/codice").text
    login_cookie = session.cookies.get("portal_login")
    form = {"csrf": csrf_token(page), "code": code}
    assert session.post(portal.url + "/accesso/codice", data=form, allow_redirects=False).headers["Location"] == "/accesso/azienda"
    again = session.post(portal.url + "/accesso/codice", data=form, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == "/accesso/azienda"
    # Now signed in, with the login's cookie the browser sent the second press with.
    assert accept_invitation(portal, session).status_code == 303
    assert choose_company(portal, session, "ROSSI SRL").status_code == 303
    session.cookies.set("portal_login", login_cookie, domain="127.0.0.1", path="/")
    again = session.post(portal.url + "/accesso/codice", data=form, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == "/", again.headers.get("Location")
    assert session.get(portal.url + "/profilo").status_code == 200, "still signed in"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM audit_events e JOIN users u ON u.id = e.user_id "
                          "WHERE u.email = ? AND e.event = 'code_ok'", (address,)).fetchone()[0] == 1


def test_a_page_opened_during_the_login_goes_on_at_its_step_and_opens_after_it(portal):
    """At the code or at "Scelta Tenant", a page of the portal opened in another tab sent the
    person to a new login (another of the quarter-hour's three codes); it goes on at the step
    the login is at, and the page opens when the login ends."""
    address = new_customer(portal, "altra.scheda@rossi.example")
    session = requests.Session()
    assert password_step(portal, address, NEW_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
    early = session.get(portal.url + "/ticket?stato=aperto", allow_redirects=False)
    assert early.status_code == 303 and early.headers["Location"] == "/accesso/codice"
    assert code_step(portal, session, portal.wait_for_code(address)).headers["Location"] == "/accesso/azienda"
    wanted = session.get(portal.url + "/ticket/nuovo", allow_redirects=False)
    assert wanted.status_code == 303 and wanted.headers["Location"] == "/accesso/azienda"
    # A script's request and a form sent from a tab whose session ended are no page opened by
    # the person: neither goes to the step nor becomes the page the login ends on.
    script = session.get(portal.url + "/api/dashboard", allow_redirects=False)
    assert script.status_code == 401 and script.headers["Content-Type"].startswith("application/json")
    fetched = session.get(portal.url + "/dashboard", headers={"Sec-Fetch-Mode": "cors"}, allow_redirects=False)
    assert fetched.headers["Location"].startswith("/login?"), fetched.headers["Location"]
    sent = session.post(portal.url + "/logout", data={"csrf": "x"}, allow_redirects=False)
    assert not sent.headers.get("Location", "").startswith("/accesso/"), sent.headers.get("Location")
    assert accept_invitation(portal, session).status_code == 303
    chosen = choose_company(portal, session, "ROSSI SRL")
    assert chosen.headers["Location"] == "/ticket/nuovo", chosen.headers.get("Location")
    assert "Creazione Ticket" in session.get(portal.url + "/ticket/nuovo").text


def test_the_sixth_try_needs_a_new_code(portal):
    address = new_customer(portal, "sei.tentativi@rossi.example")
    session = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=session)
    code = portal.wait_for_code(address)
    for attempt in range(5):
        wrong = code_step(portal, session, "zzzzzz")
        assert wrong.status_code == 422
    assert "Troppi tentativi errati" in wrong.text
    sixth = code_step(portal, session, code)
    assert sixth.status_code == 422 and "Troppi tentativi errati" in sixth.text
    page = session.get(portal.url + "/accesso/codice")
    resent = session.post(portal.url + "/accesso/codice/nuovo", data={"csrf": csrf_token(page.text)}, allow_redirects=False)
    assert resent.headers["Location"] == "/accesso/codice?avviso=nuovo"
    assert code_step(portal, session, portal.wait_for_code(address)).status_code == 303


def test_the_code_of_an_earlier_email_says_the_last_one_replaced_it(portal):
    """E-mails can arrive out of order: after "Richiedi un nuovo codice" the first e-mail's
    code was answered "Codice non corretto.", as a typing error would be."""
    address = new_customer(portal, "codice.sostituito@rossi.example")
    session = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=session)
    first = portal.wait_for_code(address)
    alone = code_step(portal, session, "zzzzzzz")
    assert "Codice non corretto." in alone.text and "sostituito" not in alone.text, "one code sent: a typing error"
    page = session.get(portal.url + "/accesso/codice")
    resent = session.post(portal.url + "/accesso/codice/nuovo", data={"csrf": csrf_token(page.text)})
    assert "Ti abbiamo inviato un nuovo codice: quello dell'email precedente non vale più." in html.unescape(resent.text)
    second = portal.wait_for_code(address)
    assert first != second
    earlier = code_step(portal, session, first)
    assert earlier.status_code == 422
    assert "Questo codice è stato sostituito da uno più recente" in html.unescape(earlier.text), earlier.text
    # A code never sent is a typing error still, even after a second code.
    typo = code_step(portal, session, "zzzzzzz")
    assert "Codice non corretto." in typo.text and "sostituito" not in typo.text
    assert code_step(portal, session, second).status_code == 303


def test_parallel_guesses_of_the_code_count_one_by_one(portal):
    """Guesses sent all at once (many connections, one login cookie) were each checked against
    the code and the attempts as read before any of them counted: a burst tried many codes
    where the limit allows five. Only five are looked at; the rest find the code gone."""
    address = new_customer(portal, "tentativi.paralleli@rossi.example")
    session = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=session)
    code = portal.wait_for_code(address)
    page = session.get(portal.url + "/accesso/codice").text
    cookies = session.cookies.get_dict()
    guesses = [f"{n:06d}" for n in range(24) if f"{n:06d}" != code]
    barrier = threading.Barrier(len(guesses))

    def guess(typed):
        barrier.wait()
        return requests.post(portal.url + "/accesso/codice", data={"csrf": csrf_token(page), "code": typed},
                             cookies=cookies, allow_redirects=False).status_code

    with ThreadPoolExecutor(len(guesses)) as pool:
        statuses = list(pool.map(guess, guesses))
    assert all(status == 422 for status in statuses), statuses
    with portal.db() as db:
        attempts, = db.execute("SELECT c.code_attempts FROM login_challenges c JOIN users u ON u.id = c.user_id "
                               "WHERE u.email = ?", (address,)).fetchone()
        looked_at, = db.execute("SELECT count(*) FROM audit_events e JOIN users u ON u.id = e.user_id "
                                "WHERE u.email = ? AND e.event = 'code_failed'", (address,)).fetchone()
    assert attempts == 5 and looked_at == 5, (attempts, looked_at)
    refused = code_step(portal, session, code)
    assert refused.status_code == 422 and "Troppi tentativi errati" in refused.text


def test_at_most_three_codes_in_fifteen_minutes(portal):
    address = new_customer(portal, "tre.codici@rossi.example")
    session = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=session)
    for expected in ["nuovo", "nuovo", "troppi"]:
        page = session.get(portal.url + "/accesso/codice")
        answer = session.post(portal.url + "/accesso/codice/nuovo", data={"csrf": csrf_token(page.text)},
                              allow_redirects=False)
        assert answer.headers["Location"] == f"/accesso/codice?avviso={expected}"
    limited = session.get(portal.url + "/accesso/codice?avviso=troppi").text
    assert "al massimo 3 codici ogni 15 minuti" in limited and "non ti abbiamo inviato nessun codice" in limited
    # Logging in again within the window sends no code; one typed anyway (an earlier e-mail's) is
    # refused at its field, the notice saying why and until when.
    again = requests.Session()
    assert password_step(portal, address, NEW_PASSWORD, session=again).headers["Location"] == "/accesso/codice"
    typed = code_step(portal, again, portal.wait_for_code(address))
    assert typed.status_code == 429 and "non ti abbiamo inviato nessun codice" in typed.text
    field = typed.text.split('id="code"')[0].rsplit("<input", 1)[1] + typed.text.split('id="code"')[1].split(">")[0]
    assert 'aria-invalid="true"' in field and "Il codice non è più valido." in typed.text, field


def test_a_removed_trusted_device_asks_for_the_code_again(portal):
    address = new_customer(portal, "dispositivo@rossi.example")
    session = requests.Session()
    password_step(portal, address, NEW_PASSWORD, session=session)
    code_step(portal, session, portal.wait_for_code(address), trust=True)
    accept_invitation(portal, session)
    choose_company(portal, session, "ROSSI SRL")
    device = session.cookies["portal_device"]

    # Another user's device cookie does not skip this user's code.
    stranger = requests.Session()
    stranger.cookies.set("portal_device", device, domain="127.0.0.1", path="/")
    assert password_step(portal, TECHNICIAN, DEMO_PASSWORD, session=stranger).headers["Location"] == "/accesso/codice"

    profile = session.get(portal.url + "/profilo").text
    for label in ["Dispositivi sicuri", "Chrome", "Aggiunto il", "Ultimo utilizzo", "(questo browser)"]:
        assert label in profile or label == "Chrome", label
    device_id = profile.split('action="/profilo/dispositivi/')[1].split("/")[0]
    removed = session.post(portal.url + f"/profilo/dispositivi/{device_id}/rimuovi", data={"csrf": csrf_token(profile)},
                           allow_redirects=False)
    assert removed.headers["Location"] == "/profilo?avviso=dispositivo"
    # Pressed again from a second tab still listing it: said on the profile, not a bare 404.
    again = session.post(portal.url + f"/profilo/dispositivi/{device_id}/rimuovi", data={"csrf": csrf_token(profile)},
                         allow_redirects=False)
    assert again.headers["Location"] == "/profilo?avviso=dispositivo-gia-rimosso"
    assert "non era più tra i dispositivi sicuri" in session.get(portal.url + again.headers["Location"]).text
    browser = same_browser_after_logout(session)
    assert password_step(portal, address, NEW_PASSWORD, session=browser).headers["Location"] == "/accesso/codice"


def test_one_browser_keeps_the_trusted_device_of_each_person_who_ticked_it(portal):
    """Two colleagues on the office's computer, each ticking "Dispositivo sicuro": the second
    one's token replaced the first one's, who was asked for a code again while their profile
    still listed the browser as trusted. The browser keeps five people; a token no longer
    trusted (removed in a profile) gives its place back instead of pushing out a colleague."""
    people = [new_customer(portal, f"ufficio.{n}@rossi.example") for n in range(7)]
    browser = requests.Session()

    def trust(address):
        nonlocal browser
        assert password_step(portal, address, NEW_PASSWORD, session=browser).headers["Location"] == "/accesso/codice"
        code_step(portal, browser, portal.wait_for_code(address), trust=True)
        if "/accesso/azienda" in browser.get(portal.url + "/dashboard", allow_redirects=False).headers.get("Location", ""):
            accept_invitation(portal, browser)
            choose_company(portal, browser, "ROSSI SRL")
        browser = same_browser_after_logout(browser)

    def skips_the_code(address):
        nonlocal browser
        location = password_step(portal, address, NEW_PASSWORD, session=browser).headers["Location"]
        if location == "/dashboard":
            # Each person's own device is the one the profile calls this browser.
            assert "(questo browser)" in browser.get(portal.url + "/profilo").text
        browser = same_browser_after_logout(browser)
        return location == "/dashboard"

    for address in people[:2]:
        trust(address)
    assert len(browser.cookies["portal_device"].split(".")) == 2
    for address in (people[0], people[1], people[0]):
        assert skips_the_code(address), address

    # The second person removes this browser in their profile: the next person to tick the
    # box takes that place, and the first person is still trusted.
    assert skips_the_code(people[1])
    password_step(portal, people[1], NEW_PASSWORD, session=browser)
    profile = browser.get(portal.url + "/profilo").text
    device_id = profile.split('action="/profilo/dispositivi/')[1].split("/")[0]
    browser.post(portal.url + f"/profilo/dispositivi/{device_id}/rimuovi", data={"csrf": csrf_token(profile)})
    browser = same_browser_after_logout(browser)
    trust(people[2])
    assert len(browser.cookies["portal_device"].split(".")) == 2
    assert skips_the_code(people[0]) and skips_the_code(people[2]) and not skips_the_code(people[1])

    # Five at most: four more people push out the oldest (the first person).
    for address in people[3:7]:
        trust(address)
    assert len(browser.cookies["portal_device"].split(".")) == 5
    assert not skips_the_code(people[0])
    assert all(skips_the_code(address) for address in people[2:7])


def test_the_company_icons_page_has_a_way_back_and_the_login_names_the_recovery(portal):
    """«Scelta Tenant» opened from the company icon had only the companies and «Esci» (which
    ends the whole session); the login's «clicca qui» is the manual's «Recupera password»."""
    session, _ = login(portal)
    page = session.get(portal.url + "/accesso/azienda").text
    assert '<a class="button" href="/">Annulla</a>' in page
    assert session.get(portal.url + "/").url.endswith("/dashboard")
    login_page = requests.get(portal.url + "/login").text
    # Named by its own words, not an aria-label: a lookup by the label "Password" found it too.
    assert ('<a href="/password/recupero">clicca qui<span class="visually-hidden"> (Password smarrita: Recupera password)</span></a>'
            in login_page)
    assert 'aria-label="clicca qui' not in login_page


def test_the_session_id_changes_at_every_step_and_at_company_switch(portal):
    portal.admin("invite", "--vat", BIANCHI_VAT, "--email", ADMIN, "--role", "Tecnico")
    portal.wait_for_mail(ADMIN, "Invito a unirti a BIANCHI")
    session = requests.Session()
    response = password_step(portal, ADMIN, DEMO_PASSWORD, session=session)
    login_cookie = set_cookie(response, "portal_login")
    if response.headers["Location"] == "/accesso/codice":
        response = code_step(portal, session, portal.wait_for_code(ADMIN))
    # A pending invitation brings the company choice back.
    assert response.headers["Location"] == "/accesso/azienda"
    assert accept_invitation(portal, session).status_code == 303
    chosen = choose_company(portal, session, "ROSSI SRL")
    first = session.cookies["portal_session"]
    assert first not in login_cookie
    assert "Max-Age=0" in set_cookie(chosen, "portal_login"), "the login in progress ends with the session"
    for _ in range(8):  # the workers keep this session's ticket list
        assert 'account-label">ROSSI SRL<' in session.get(portal.url + "/ticket?stato=aperto").text
    switched = choose_company(portal, session, "BIANCHI SPA")
    assert switched.headers["Location"] == "/dashboard"
    second = session.cookies["portal_session"]
    assert second != first
    assert requests.get(portal.url + "/dashboard", cookies={"portal_session": first}, allow_redirects=False).status_code == 303
    assert "BIANCHI SPA" in session.get(portal.url + "/dashboard").text
    for _ in range(8):  # the kept list of the other company is never shown
        listing = session.get(portal.url + "/ticket?stato=aperto").text
        assert 'account-label">BIANCHI SPA<' in listing and 'account-label">ROSSI SRL<' not in listing
    choose_company(portal, session, "ROSSI SRL")


def test_a_page_asked_for_before_login_survives_code_and_company_choice(portal):
    address = new_customer(portal, "ritorno@rossi.example")
    session = requests.Session()
    first = session.get(portal.url + "/profilo?scheda=dispositivi", allow_redirects=False)
    assert first.headers["Location"] == "/login?next=/profilo%3Fscheda%3Ddispositivi"
    password_step(portal, address, NEW_PASSWORD, session=session, next_path="/profilo?scheda=dispositivi")
    code_step(portal, session, portal.wait_for_code(address))
    accept_invitation(portal, session)
    assert choose_company(portal, session, "ROSSI SRL").headers["Location"] == "/profilo?scheda=dispositivi"


def test_sessions_end_after_thirty_idle_minutes_without_ricordami(portal):
    session, _ = login(portal, email=TECHNICIAN)
    assert session.get(portal.url + "/profilo", allow_redirects=False).status_code == 200
    with portal.db() as db:
        db.execute("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60 WHERE remember = 0")
    ended = session.get(portal.url + "/profilo", allow_redirects=False)
    assert ended.status_code == 303
    # The login says why (it showed a bare form), and leads back to the page.
    assert ended.headers["Location"] == "/login?avviso=sessione&next=/profilo"
    page = session.get(portal.url + ended.headers["Location"]).text
    assert "La sessione è scaduta: accedi di nuovo." in page and 'name="next" value="/profilo"' in page


def from_address(address, session=None):
    """A browser whose requests reach nginx through the trusted proxy with this client address."""
    session = session or requests.Session()
    session.headers["X-Forwarded-For"] = address
    return session


def test_a_guesser_elsewhere_never_locks_the_owner_out(fresh_portal):
    portal = fresh_portal(PORTAL_TRUSTED_PROXY="127.0.0.1")
    login(portal, email=TECHNICIAN)  # the owner's browser becomes a trusted device
    attacker = from_address("203.0.113.66")
    # Issue 3: "after 10 in 15 minutes, each further try waits".
    statuses = [password_step(portal, TECHNICIAN, f"tentativo numero {n}", session=attacker).status_code for n in range(13)]
    assert statuses[:10] == [422] * 10 and statuses[10:] == [429] * 3, statuses
    # While its source waits, even the right password is not looked at, and the answer is
    # the same for an address without an account.
    waiting = password_step(portal, TECHNICIAN, DEMO_PASSWORD, session=attacker)
    assert waiting.status_code == 429 and "riprova tra" in waiting.text
    ghost = [password_step(portal, "nessuno@rossi.example", f"tentativo {n}", session=attacker).status_code for n in range(13)]
    assert ghost == statuses

    # The owner, on their trusted device at another address, still gets in: with the e-mail
    # code, which the guesser does not have, even though the device would skip it otherwise.
    owner = from_address("198.51.100.7", requests.Session())
    owner.cookies.set("portal_device", portal.devices[TECHNICIAN], domain="127.0.0.1", path="/")
    response = password_step(portal, TECHNICIAN, DEMO_PASSWORD, session=owner)
    assert response.status_code == 303 and response.headers["Location"] == "/accesso/codice"
    # The code page says why a trusted device is asked for it, as long as it is asked: after a
    # mistyped code and after a new code too (the page looks at the browser's devices itself).
    why = "Questo browser è un dispositivo sicuro, ma ci sono stati tentativi di accesso non riusciti"
    asked = html.unescape(owner.get(portal.url + response.headers["Location"]).text)
    assert why in asked
    # The code as mailed: a phone's keyboard neither capitalises nor corrects it.
    field = re.search(r'<input id="code"[^>]*>', asked).group(0)
    assert 'autocapitalize="none"' in field and 'spellcheck="false"' in field
    mistyped = html.unescape(owner.post(portal.url + "/accesso/codice", data={"csrf": csrf_token(asked), "code": "000000"},
                                        allow_redirects=False).text)
    assert "Codice non corretto." in mistyped and why in mistyped
    portal.wait_for_code(TECHNICIAN)  # the first code, which the new one replaces
    resent = owner.post(portal.url + "/accesso/codice/nuovo", data={"csrf": csrf_token(asked)}, allow_redirects=False)
    assert resent.status_code == 303
    assert why in html.unescape(owner.get(portal.url + resent.headers["Location"]).text)
    # A browser that is no trusted device is not told so, whatever its address says.
    stranger = from_address("198.51.100.8", requests.Session())
    assert password_step(portal, ADMIN, DEMO_PASSWORD, session=stranger).headers["Location"] == "/accesso/codice"
    assert why not in html.unescape(stranger.get(portal.url + "/accesso/codice?avviso=tentativi").text)
    assert code_step(portal, owner, portal.wait_for_code(TECHNICIAN)).headers["Location"] == "/dashboard"
    assert owner.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200

    # One e-mail tells the owner, naming the guesser's address.
    alert = portal.wait_for_mail(TECHNICIAN, "tentativi di accesso non riusciti").get_content()
    assert "203.0.113.66" in alert and "non è bloccato" in alert
    with portal.db() as db:
        sent = db.execute("SELECT count(*) FROM outbox WHERE subject LIKE '%tentativi di accesso non riusciti%'").fetchone()[0]
        assert sent == 1
        # The wait is over (as if the minutes had passed): the guesser is heard again, and
        # even the right password only leads to the code sent to the owner's mailbox.
        db.execute("UPDATE login_failures SET last_failed_at = last_failed_at - 901")
    guessed = password_step(portal, TECHNICIAN, DEMO_PASSWORD, session=from_address("203.0.113.66"))
    assert guessed.status_code == 303 and guessed.headers["Location"] == "/accesso/codice"
    # Recovery never waits.
    page = attacker.get(portal.url + "/password/recupero")
    sent = attacker.post(portal.url + "/password/recupero", data={"csrf": csrf_token(page.text), "email": TECHNICIAN})
    assert "riceverai a breve" in sent.text


def test_wrong_codes_count_as_failures_and_a_right_password_clears_its_source(fresh_portal):
    portal = fresh_portal()
    address = new_customer(portal, "codici.errati@rossi.example")
    for _ in range(4):
        assert password_step(portal, address, "non è la password giusta").status_code == 422
    session = requests.Session()
    assert password_step(portal, address, NEW_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM login_failures WHERE email = ?", (address,)).fetchone()[0] == 0
    portal.wait_for_code(address)
    assert code_step(portal, session, "zzzzzz").status_code == 422
    with portal.db() as db:
        row = db.execute("SELECT failures FROM login_failures WHERE email = ?", (address,)).fetchone()
        assert row["failures"] == 1
        assert db.execute("SELECT failed_logins FROM users WHERE email = ?", (address,)).fetchone()[0] == 5
    # Five failures on the account: its owner is told once.
    assert "non è bloccato" in portal.wait_for_mail(address, "tentativi di accesso non riusciti").get_content()


def test_a_login_a_trusted_device_ends_at_once_leaves_no_login_cookie_behind(portal):
    """The password on a trusted device with the company known is the whole login: the
    login cookie is cleared with its challenge, not set again to one already gone."""
    login(portal, email=TECHNICIAN)  # the device becomes trusted
    session, response = login(portal, email=TECHNICIAN)
    assert response.status_code == 303 and response.headers["Location"] == "/dashboard", response.headers.get("Location")
    login_cookies = [value for name, value in response.raw.headers.items() if name.lower() == "set-cookie"
                     and value.startswith("portal_login=")]
    assert login_cookies and all("Max-Age=0" in value for value in login_cookies), login_cookies
    assert "portal_login" not in session.cookies


def test_the_invitation_emails_link_leads_a_signed_in_person_to_the_company_choice(fresh_portal):
    """Invited into a further company while signed in: the e-mail's "Accedi al portale"
    (/login) led to the dashboard, where nothing shows the invitation."""
    portal = fresh_portal()
    mario, _ = login(portal)
    assert mario.get(portal.url + "/login", allow_redirects=False).headers["Location"] == "/dashboard"
    portal.admin("invite", "--vat", BIANCHI_VAT, "--email", ADMIN, "--role", "Tecnico")
    body = portal.wait_for_mail(ADMIN, "Invito a unirti").get_content()
    assert "Sei stato invitato a unirti all'azienda BIANCHI SPA" in body and "con il ruolo Tecnico" in body, body
    # Mario already uses the portal: no "credenziali provvisorie" he never received.
    assert "credenziali provvisorie" not in body and "la password che usi già sul portale" in body, body
    link = re.search(r"\((http://[^)]+/login)\)", body).group(1)
    landed = mario.get(link)
    assert landed.url.endswith("/accesso/azienda"), landed.url
    assert "BIANCHI SPA" in landed.text and "Accetta" in landed.text


def test_the_first_access_keeps_the_page_the_login_was_for(fresh_portal):
    """A new operator follows "Ticket #N assegnato a te" before their first access: after
    "Creazione Utente" the login with the new password still leads to that ticket."""
    portal = fresh_portal()
    address = "nuovo.operatore@assistenza.example"
    portal.admin("operator", "add", "--email", address, "--name", "Nuovo Operatore")
    welcome = portal.wait_for_mail(address, "Benvenuto").get_content()
    provisional = re.search(r"Password: (\S+)", welcome).group(1)
    session = requests.Session()
    response = password_step(portal, address, provisional, session=session, next_path="/desk/ticket/1001")
    assert response.headers["Location"] == "/accesso/primo"
    created = first_access(portal, session, first="Nuovo", last="Operatore")
    assert created.headers["Location"].endswith("&next=/desk/ticket/1001"), created.headers["Location"]
    login_page = session.get(portal.url + created.headers["Location"]).text
    assert 'name="next" value="/desk/ticket/1001"' in login_page


def test_a_company_switch_keeps_the_logins_absolute_end(fresh_portal):
    """«Scelta Tenant» to the company already in use, every half hour, made a new session with
    a new 12 hours (30 days with «Ricordami»): a stolen cookie lived for ever."""
    portal = fresh_portal()
    session, _ = login(portal)
    with portal.db() as db:
        db.execute("UPDATE sessions SET created_at = created_at - 3600, expires_at = expires_at - 3600")
        before = db.execute("SELECT token_hash, created_at, expires_at FROM sessions").fetchall()
    assert len(before) == 1
    page = session.get(portal.url + "/accesso/azienda").text
    current = re.search(r'name="tenant" value="(\d+)"', page).group(1)
    switched = session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": current},
                            allow_redirects=False)
    assert switched.status_code == 303
    with portal.db() as db:
        after = db.execute("SELECT token_hash, created_at, expires_at FROM sessions").fetchall()
    assert len(after) == 1 and after[0][0] != before[0][0], "a new session token"
    assert tuple(after[0])[1:] == tuple(before[0])[1:], "the same login time and absolute end"
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200


def test_the_login_after_the_first_access_is_no_news_and_another_browser_is(portal):
    """The browser of the first access is the account's first known one; the demo's accounts,
    made without one, hear of their first login (it went unsaid: a stolen password's first use
    was the one login nobody was told of)."""
    address = "primo.browser@rossi.example"
    provisional = portal.invite(address)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    assert first_access(portal, session).status_code == 303 and session.cookies.get("portal_browser")

    def announced():
        with portal.db() as db:
            return db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE '%nuovo accesso%'",
                              (address,)).fetchone()[0]

    login(portal, email=address, password=NEW_PASSWORD, session=session, trust=False)
    accept_invitation(portal, session)
    assert choose_company(portal, session, "ROSSI SRL").status_code == 303
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    assert announced() == 0, "the browser that did the first access"
    other, _ = login(portal, email=address, password=NEW_PASSWORD, trust=False)
    assert other.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    assert announced() == 1, "another browser"


def test_colleagues_taking_turns_on_one_computer_are_not_each_told_of_a_new_device(fresh_portal):
    """The known-browser cookie held one token: each colleague's login on a shared computer
    replaced the last one's, who heard of a «nuovo accesso» at every turn. (A portal of its
    own: four logins with codes would pass the shared one's limit of three codes a user.)"""
    portal = fresh_portal()
    office = requests.Session()

    def announced(address):
        with portal.db() as db:
            return db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE '%nuovo accesso%'",
                              (address,)).fetchone()[0]

    def turn(address):
        login(portal, email=address, session=office, trust=False)
        page = office.get(portal.url + "/profilo").text
        office.post(portal.url + "/logout", data={"csrf": csrf_token(page)})

    turn(TECHNICIAN)
    turn(ADMIN)
    before = announced(TECHNICIAN), announced(ADMIN)
    turn(TECHNICIAN)
    turn(ADMIN)
    assert (announced(TECHNICIAN), announced(ADMIN)) == before


def test_a_login_step_sent_without_its_cookie_is_told_the_login_expired(portal):
    """«Creazione Utente» or a code sent after the browser lost the login's cookie (restarted,
    cookies cleared) led to a bare login page: what was typed was gone without a word. A step's
    page opened with no login under way is the bare login still (nobody began one)."""
    for path in ("/accesso/primo", "/accesso/codice", "/accesso/codice/nuovo", "/accesso/azienda"):
        sent = requests.post(portal.url + path, data={"csrf": "x", "code": "ABCDEFG"}, allow_redirects=False)
        assert (sent.status_code, sent.headers.get("Location")) == (303, "/login?avviso=scaduto"), (path, sent.status_code)
        opened = requests.get(portal.url + path, allow_redirects=False)
        assert opened.headers.get("Location") == "/login", path
    told = requests.get(portal.url + "/login?avviso=scaduto").text
    assert "La procedura di accesso è scaduta" in told
