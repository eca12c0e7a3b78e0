"""Password login through nginx and the real handlers, as the manual's "Login" describes."""
import hashlib
import math
import re
import statistics
import time

import requests

from portal import ADMIN, DEMO_PASSWORD, code_step, csrf_token, login, password_step, set_cookie

FAILED = "Email o password non corrette."


def test_login_page_has_the_manuals_labels(portal):
    page = requests.get(portal.url + "/login")
    assert page.status_code == 200
    for label in ['<label for="email">Email</label>', '<label for="password">Password</label>',
                  '<label for="remember">Ricordami</label>', ">Accedi</button>", "Hai dimenticata la password?",
                  ">clicca qui<span"]:
        assert label in page.text
    assert '<html lang="it">' in page.text


def test_empty_fields_and_an_empty_code_are_asked_for_and_cost_no_attempt(portal):
    session = requests.Session()
    token = csrf_token(session.get(portal.url + "/login").text)
    empty = session.post(portal.url + "/login", data={"csrf": token, "email": "", "password": ""})
    assert empty.status_code == 422 and "Scrivi l'email e la password." in empty.text
    assert 'aria-invalid="true"' in empty.text, "beside the fields too"
    # Not an address (the browser's own check is off): said beside the field, and no password
    # guess is counted for it.
    with portal.db() as db:
        failed = db.execute("SELECT count(*) FROM audit_events WHERE event = 'login_failed'").fetchone()[0]
    malformed = session.post(portal.url + "/login", data={"csrf": token, "email": "mario.rossi@", "password": "x"})
    assert malformed.status_code == 422 and "Indirizzo email non valido." in malformed.text
    assert 'value="mario.rossi@"' in malformed.text, "what was typed stays"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM audit_events WHERE event = 'login_failed'").fetchone()[0] == failed
    person = requests.Session()
    assert password_step(portal, ADMIN, DEMO_PASSWORD, session=person).headers["Location"] == "/accesso/codice"
    page = person.get(portal.url + "/accesso/codice").text
    assert '<h1 class="page-title">Autenticazione a 2 fattori</h1>' in page
    assert "Two factor authentication" not in page, "an English title was a defect (issue 14)"
    for label in ['<label for="code">Codice</label>', "Dispositivo sicuro", ">Invia</button>"]:
        assert label in page
    for _ in range(6):
        blank = code_step(portal, person, "")
        assert blank.status_code == 422 and "Scrivi il codice che hai ricevuto per email." in blank.text
    assert code_step(portal, person, portal.wait_for_code(ADMIN)).status_code == 303, "blank tries used no attempt"


def test_wrong_password_and_unknown_address_get_the_same_answer(portal):
    _, wrong = login(portal, password="not-the-password-at-all")
    _, unknown = login(portal, email="nobody@nowhere.example")
    assert wrong.status_code == unknown.status_code == 422
    assert FAILED in wrong.text and FAILED in unknown.text
    assert "portal_session" not in wrong.headers.get("Set-Cookie", "")
    # The typed e-mail is kept, the password never echoed.
    assert 'value="nobody@nowhere.example"' in unknown.text
    assert "not-the-password-at-all" not in wrong.text
    # The focused field (Password) is described by the failure, so a screen reader says it
    # (an alert already in a loaded page is not reliably announced).
    assert re.search(r'<div class="notice notice--error" role="alert" id="login-error">', wrong.text)
    assert re.search(r'<input id="password"[^>]*autofocus[^>]*aria-describedby="login-error"', wrong.text)


def test_unknown_address_costs_the_same_time_as_a_wrong_password(portal):
    def timed(email):
        session = requests.Session()
        token = csrf_token(session.get(portal.url + "/login").text)
        start = time.perf_counter()
        session.post(portal.url + "/login", data={"csrf": token, "email": email, "password": "x" * 14})
        return time.perf_counter() - start

    # Four tries each: a fifth failure would start the account's brake (LoginThrottle), which
    # answers without running argon2id for known and unknown addresses alike.
    wrong = statistics.median(timed("luca.verdi@rossi.example") for _ in range(4))
    unknown = statistics.median(timed("ghost@nowhere.example") for _ in range(4))
    # Both run argon2id (about 50 ms); without the decoy hash the unknown one takes ~1 ms.
    assert unknown > wrong * 0.5, (wrong, unknown)


def test_right_password_creates_a_session_and_reaches_the_dashboard(portal):
    session, response = login(portal)
    assert response.status_code == 303
    assert response.headers["Location"] == "/dashboard"
    cookie = set_cookie(response, "portal_session")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Max-Age" not in cookie, "without Ricordami the cookie ends with the browser"
    assert "Secure" not in cookie, "plain HTTP on loopback cannot carry a Secure cookie"
    dashboard = session.get(portal.url + "/dashboard")
    assert dashboard.status_code == 200
    assert "Questa dashboard non ha ancora widget!" in dashboard.text
    assert "Mario Rossi" in dashboard.text and "ROSSI SRL" in dashboard.text


def test_the_e_mail_code_is_taken_in_any_case(fresh_portal):
    """The code "pVpavC" typed from a phone as "pvpavc" (or in capitals) is the same code."""
    portal = fresh_portal()
    for typed in (str.lower, str.upper):
        session = requests.Session()
        earlier = set(portal.mails())
        assert password_step(portal, ADMIN, DEMO_PASSWORD, session=session).headers["Location"] == "/accesso/codice"
        code = portal.wait_for_code(ADMIN, ignore=earlier)
        # Taken in any case, a character is one of 26 symbols: seven give 32.9 bits (issue #3
        # asks for at least 30; six gave 28.2).
        folded = set("ACDEFGHJKLMNPQRTUVWXY34679")
        assert len(code) == 7 and set(code.upper()) <= folded, code
        assert len(code) * math.log2(len(folded)) >= 30
        # Stored keyed with the installation's secret: the database alone cannot test 8 × 10⁹ codes.
        with portal.db() as db:
            stored = bytes(db.execute("SELECT code_hash FROM login_challenges WHERE code_hash IS NOT NULL"
                                      " ORDER BY id DESC LIMIT 1").fetchone()[0])
        assert stored not in (hashlib.blake2b(code.upper().encode(), digest_size=32).digest(),
                              hashlib.blake2b(code.encode(), digest_size=32).digest())
        done = code_step(portal, session, typed(code))
        assert done.status_code == 303 and done.headers["Location"] == "/dashboard", typed


def test_ricordami_makes_the_cookie_outlive_the_browser(portal):
    _, response = login(portal, remember=True)
    assert "Max-Age=2592000" in set_cookie(response, "portal_session")
    with portal.db() as db:
        row = db.execute("SELECT remember, expires_at - created_at AS lifetime FROM sessions ORDER BY id DESC LIMIT 1").fetchone()
    assert row["remember"] == 1 and row["lifetime"] == 30 * 86400


def test_login_never_adopts_a_session_id_planted_before_it(portal):
    planted = "A" * 43
    session = requests.Session()
    session.cookies.set("portal_session", planted, domain="127.0.0.1", path="/")
    _, response = login(portal, session=session)
    issued = response.cookies["portal_session"]
    assert issued != planted
    first, _ = login(portal)
    second, _ = login(portal)
    assert first.cookies["portal_session"] != second.cookies["portal_session"]


def test_logout_ends_the_session_on_the_server(portal):
    session, _ = login(portal)
    token = session.cookies["portal_session"]
    page = session.get(portal.url + "/dashboard")
    out = session.post(portal.url + "/logout", data={"csrf": csrf_token(page.text)}, allow_redirects=False)
    assert out.status_code == 303 and out.headers["Location"] == "/login?avviso=uscito"
    assert "Max-Age=0" in set_cookie(out, "portal_session")
    replay = requests.get(portal.url + "/dashboard", cookies={"portal_session": token}, allow_redirects=False)
    assert replay.status_code == 303 and replay.headers["Location"].startswith("/login")
    assert "Sei uscito dal portale." in requests.get(portal.url + "/login?avviso=uscito").text


def test_a_page_asked_for_before_login_is_where_login_lands(portal):
    anonymous = requests.get(portal.url + "/dashboard", allow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["Location"] == "/login?next=/dashboard"
    _, response = login(portal, next_path="/dashboard")
    assert response.headers["Location"] == "/dashboard"


def test_redirects_after_login_stay_on_this_site(portal):
    for target in ["//evil.example/", "https://evil.example/", "/\\evil.example"]:
        _, response = login(portal, next_path=target)
        assert response.headers["Location"] == "/dashboard", target


def test_login_without_a_valid_csrf_token_is_refused(portal):
    session = requests.Session()
    session.get(portal.url + "/login")
    missing = session.post(portal.url + "/login", data={"email": ADMIN, "password": DEMO_PASSWORD})
    assert missing.status_code == 403
    assert "Il modulo è scaduto" in missing.text
    other = requests.Session()
    foreign = csrf_token(other.get(portal.url + "/login").text)
    forged = session.post(portal.url + "/login", data={"csrf": foreign, "email": ADMIN, "password": DEMO_PASSWORD})
    assert forged.status_code == 403


def test_logout_without_csrf_token_changes_nothing(portal):
    session, _ = login(portal)
    refused = session.post(portal.url + "/logout", data={}, allow_redirects=False)
    assert refused.status_code == 403
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    # Nor one said to come from another site.
    refused = session.post(portal.url + "/logout", data={"csrf": "vecchio"}, allow_redirects=False,
                           headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 403
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200


def test_esci_from_a_tab_older_than_the_browsers_session_ends_it(portal):
    """A company chosen in another tab gives the browser a new session: «Esci» pressed in a
    tab drawn before carries the old session's token, and answered a 403 page without a menu,
    the person still signed in."""
    session, _ = login(portal)
    old_page = session.get(portal.url + "/dashboard").text
    choice = session.get(portal.url + "/accesso/azienda").text
    # The company the session is in (the shared demo portal's Mario may be in two by now:
    # choosing another would move every later login of his there).
    tenant = re.search(r'name="tenant" value="(\d+)">(?:(?!</form>).)*?aria-current="true"', choice, re.S).group(1)
    assert session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(choice), "tenant": tenant},
                        allow_redirects=False).status_code == 303
    out = session.post(portal.url + "/logout", data={"csrf": csrf_token(old_page)}, allow_redirects=False,
                       headers={"Sec-Fetch-Site": "same-origin"})
    assert out.status_code == 303 and out.headers["Location"].startswith("/login?avviso=uscito"), out.status_code
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 303
    # Another site of the same domain is not the portal's own page, nor is a foreign Referer;
    # a browser too old to send Sec-Fetch-Site is known by a Referer of the portal's own.
    again, _ = login(portal)
    for headers in ({"Sec-Fetch-Site": "same-site"}, {"Referer": "http://altro.example/pagina"}):
        stale = again.post(portal.url + "/logout", data={"csrf": csrf_token(old_page)}, allow_redirects=False, headers=headers)
        assert stale.status_code == 403 and again.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    out = again.post(portal.url + "/logout", data={"csrf": csrf_token(old_page)}, allow_redirects=False,
                     headers={"Referer": portal.url + "/dashboard"})
    assert out.status_code == 303 and again.get(portal.url + "/dashboard", allow_redirects=False).status_code == 303


def test_state_never_changes_on_get(portal):
    session, _ = login(portal)
    assert session.get(portal.url + "/logout", allow_redirects=False).status_code == 405
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200


def test_failed_and_successful_logins_are_audited_without_secrets(portal):
    login(portal, password="wrong-password-123")
    login(portal)
    with portal.db() as db:
        events = [row["event"] for row in db.execute(
            "SELECT event FROM audit_events WHERE actor_email = ? ORDER BY id DESC LIMIT 10", (ADMIN,))]
        dump = "\n".join(str(tuple(row)) for row in db.execute("SELECT * FROM audit_events"))
    assert "login_ok" in events and "login_failed" in events
    assert DEMO_PASSWORD not in dump and "wrong-password-123" not in dump
    # A password typed into "Email" by mistake is kept neither in the trail nor in the brake's
    # table: it is no address, refused beside the field before any password is tried.
    mistaken = password_step(portal, "Segreta-Nel-Campo-Sbagliato-7", "qualcosa")
    assert mistaken.status_code == 422 and "Indirizzo email non valido." in mistaken.text
    with portal.db() as db:
        kept = "\n".join(str(tuple(row)) for row in db.execute("SELECT * FROM audit_events"))
        kept += "\n".join(str(tuple(row)) for row in db.execute("SELECT * FROM login_failures"))
    assert "segreta-nel-campo-sbagliato-7" not in kept.lower()


def test_an_operator_logs_in_to_the_queue_without_company_pages(portal):
    session, response = login(portal, email="giulia.neri@assistenza.example")
    assert response.headers["Location"] == "/desk/"
    queue = session.get(portal.url + "/desk/")
    assert queue.status_code == 200 and "Giulia Neri" in queue.text and "Coda ticket" in queue.text
    assert 'href="/tenant"' not in queue.text and 'href="/accesso/azienda"' not in queue.text
    # The customers' pages belong to a company; operators work on the desk.
    assert session.get(portal.url + "/ticket", allow_redirects=False).status_code == 404
    assert session.get(portal.url + "/tenant", allow_redirects=False).status_code == 404


def test_a_form_sent_after_esci_in_another_tab_says_so_and_the_login_leads_back_to_its_page(portal):
    """«Salva» of «Profilo» after «Esci» in another tab landed on a bare login and then on the
    dashboard: nothing said the names were not saved, nor led back to the form."""
    session, _ = login(portal)
    page = session.get(portal.url + "/profilo")
    token = csrf_token(page.text)
    session.post(portal.url + "/logout", data={"csrf": token})
    sent = session.post(portal.url + "/profilo/dati", allow_redirects=False,
                        data={"csrf": token, "first_name": "Mariolino", "last_name": "Rossi"},
                        headers={"Referer": portal.url + "/profilo?scheda=dati"})
    assert sent.status_code == 303, sent.status_code
    assert sent.headers["Location"] == "/login?avviso=modulo-non-inviato&next=/profilo%3Fscheda%3Ddati"
    told = session.get(portal.url + sent.headers["Location"]).text
    assert "il modulo che stavi inviando non è stato salvato" in told and "tornerai alla stessa pagina" in told
    _, landed = login(portal, session=session, next_path="/profilo?scheda=dati")
    assert landed.headers["Location"] == "/profilo?scheda=dati"
    token = csrf_token(session.get(portal.url + "/profilo").text)
    session.post(portal.url + "/logout", data={"csrf": token})
    # Another site's page as the Referer: the dashboard, as without one.
    elsewhere = session.post(portal.url + "/profilo/dati", data={"first_name": "x"}, allow_redirects=False,
                             headers={"Referer": "https://altro.example/tenant/utenti"})
    assert elsewhere.headers["Location"] == "/login?avviso=modulo-non-inviato&next=/dashboard", elsewhere.headers["Location"]
    # A post bringing no cookie of the portal (another site's form): no words about a form of
    # ours; «Esci» pressed again is told as before.
    bare = requests.post(portal.url + "/profilo/dati", data={"first_name": "x"}, allow_redirects=False)
    assert bare.headers["Location"] == "/login?next=/dashboard", bare.headers["Location"]
    again = session.post(portal.url + "/logout", data={"csrf": token}, allow_redirects=False)
    assert "modulo" not in again.headers["Location"], again.headers["Location"]
