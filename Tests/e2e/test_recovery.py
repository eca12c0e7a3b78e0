"""'Password smarrita': same answer for every address, single-use one-hour links whose token
never travels in a request line (a fragment the page's form posts, or a short code typed)."""
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import requests

from portal import DEMO_PASSWORD, csrf_token, login, password_step

ADDRESS = "anna.bianchi@bianchi.example"
CHOSEN = "la mia nuova frase segreta 2026"


def ask_for_link(portal, email):
    session = requests.Session()
    page = session.get(portal.url + "/password/recupero")
    assert '<label for="email">Email</label>' in page.text
    return session.post(portal.url + "/password/recupero", data={"csrf": csrf_token(page.text), "email": email})


def recovery_mail(portal, email):
    """The link and the short code of the next recovery e-mail."""
    body = portal.wait_for_mail(email, "nuova password").get_content()
    link = re.search(r"(http://\S+/password/nuova#token=\S+)", body).group(1)
    code = re.search(r"inserisci il codice di recupero:\s*(\S+)", body).group(1)
    return link, code


def link_from_mail(portal, email):
    return recovery_mail(portal, email)[0]


def set_password(portal, link, password, confirmation=None, code=None):
    """What the page does: its script moves the fragment's token into the form, which posts
    it (requests, like a browser, never sends the fragment); or, without a script, the
    person types the e-mail's code."""
    session = requests.Session()
    page = session.get(link)
    assert page.status_code == 200
    data = {"csrf": csrf_token(page.text), "password": password,
            "password_confirmation": confirmation if confirmation is not None else password}
    if code is None:
        data["token"] = link.split("#token=")[1]
    else:
        data["code"] = code
    return session.post(portal.url + "/password/nuova", allow_redirects=False, data=data)


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


def test_the_recovery_page_names_the_manuals_chapter_and_its_function(portal):
    """The manual's chapter is «Password smarrita», its function «Recupera password»."""
    page = requests.get(portal.url + "/password/recupero").text
    assert "Password smarrita?" in page and ">Recupera password</h1>" in page


def test_the_answer_takes_at_least_its_floor_whether_or_not_the_address_has_an_account(portal):
    """An address with an account got a link written and an e-mail queued before the answer,
    one without got nothing: 1 ms apart, told from one request nine times out of ten. Both
    answer no sooner than 40 ms after the request, far above either path's work (a lower
    bound, which no busy machine makes fail)."""
    for email in ("luca.verdi@rossi.example", "nessuno.qui@da-nessuna-parte.example"):
        session = requests.Session()
        page = session.get(portal.url + "/password/recupero")
        answer = session.post(portal.url + "/password/recupero", data={"csrf": csrf_token(page.text), "email": email})
        assert answer.status_code == 200 and answer.elapsed.total_seconds() >= 0.040, (email, answer.elapsed)


def test_a_link_sets_a_new_password_once_and_ends_every_session(fresh_portal):
    portal = fresh_portal()
    old_session, _ = login(portal, email=ADDRESS)
    device = portal.devices[ADDRESS]
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    assert link.startswith(portal.url + "/password/nuova#token=")
    short = set_password(portal, link, "breve")
    assert short.status_code == 422 and "almeno 12 caratteri" in short.text
    mismatch = set_password(portal, link, CHOSEN, confirmation=CHOSEN + "!")
    assert mismatch.status_code == 422 and "non coincidono" in mismatch.text
    done = set_password(portal, link, CHOSEN)
    assert done.headers["Location"].startswith("/login?avviso=reimpostata")
    reused = set_password(portal, link, CHOSEN + " bis")
    # Said of the link (no code was typed): used or expired, a new one to ask for.
    assert reused.status_code == 422 and "non è più valido: è già stato usato oppure è scaduto" in reused.text
    # As the page's script sends it once it found the link spent (the token taken out, the
    # passwords typed before its answer came): the link is said spent, no code asked "without
    # JavaScript".
    page = requests.Session()
    form = page.get(portal.url + "/password/nuova")
    closed = page.post(portal.url + "/password/nuova", data={
        "csrf": csrf_token(form.text), "token": "", "code": "", "link_closed": "1", "password": CHOSEN,
        "password_confirmation": CHOSEN}, allow_redirects=False)
    assert closed.status_code == 422 and "non è più valido: è già stato usato oppure è scaduto" in closed.text
    assert "browser con JavaScript attivo" not in closed.text
    signed_out = old_session.get(portal.url + "/dashboard", allow_redirects=False)
    assert signed_out.status_code == 303 and "avviso=password-cambiata" in signed_out.headers["Location"]
    assert password_step(portal, ADDRESS, DEMO_PASSWORD).status_code == 422
    with_device = requests.Session()
    with_device.cookies.set("portal_device", device, domain="127.0.0.1", path="/")
    after = password_step(portal, ADDRESS, CHOSEN, session=with_device)
    assert after.headers["Location"] == "/accesso/codice", "the reset revoked the trusted devices"


def test_a_link_sent_from_several_browsers_at_once_sets_one_password(fresh_portal):
    """The same link posted from ten browsers at the same moment, each with its own password:
    several were told the password was set (and their owner got as many e-mails) while only
    the last one worked. The link's use is checked under the write lock: one is set, the
    others are refused as a used link, and the password that was set is the one that works."""
    portal = fresh_portal()
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    pages = []
    for _ in range(10):
        browser = requests.Session()
        pages.append((browser, csrf_token(browser.get(link).text)))
    barrier = threading.Barrier(len(pages))

    def send(index):
        browser, token = pages[index]
        chosen = f"{CHOSEN} numero {index}"
        barrier.wait()
        return chosen, browser.post(portal.url + "/password/nuova", allow_redirects=False, data={
            "csrf": token, "token": link.split("#token=")[1], "password": chosen, "password_confirmation": chosen})

    with ThreadPoolExecutor(len(pages)) as pool:
        answers = list(pool.map(send, range(len(pages))))
    accepted = [chosen for chosen, answer in answers if answer.status_code == 303]
    assert len(accepted) == 1, [answer.status_code for _, answer in answers]
    # A press that came after it finds the link used; one that raced it is told it was just used.
    assert all("non è più valido: è già stato usato" in answer.text or "è appena stato usato" in answer.text
               for _, answer in answers if answer.status_code != 303)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM audit_events WHERE event = 'password_reset'").fetchone()[0] == 1
    assert password_step(portal, ADDRESS, accepted[0]).status_code == 303


def link_is_open(portal, link, token=None):
    """What the page's script asks as soon as it has the link's token."""
    session = requests.Session()
    page = session.get(link)
    token = link.split("#token=")[1] if token is None else token
    return session.post(portal.url + "/password/verifica", data={"csrf": csrf_token(page.text), "token": token})


def test_the_page_is_told_at_once_whether_its_link_still_opens_the_form(fresh_portal):
    """A used or expired link was told only after both passwords were typed."""
    portal = fresh_portal()
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    answer = link_is_open(portal, link)
    assert answer.status_code == 200 and answer.json() == {"open": True}
    assert answer.headers["Cache-Control"] == "no-store"
    assert set_password(portal, link, CHOSEN).status_code == 303
    assert link_is_open(portal, link).json() == {"open": False}
    # Only the long token is answered: the short code and anything else are no question here.
    assert link_is_open(portal, link, token="ABCD-EFGH-JKLM").status_code == 400
    page = requests.get(portal.url + "/password/nuova").text
    assert "non è più valido: è già stato usato oppure è scaduto" in page and 'data-check="/password/verifica"' in page
    # Without the page's form token, no answer.
    assert requests.post(portal.url + "/password/verifica", data={"token": link.split("#token=")[1]}).status_code == 403


def test_an_expired_link_is_refused(portal):
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    with portal.db() as db:
        db.execute("UPDATE password_resets SET expires_at = 1")
    assert set_password(portal, link, CHOSEN).status_code == 422
    assert set_password(portal, portal.url + "/password/nuova", CHOSEN, code="ABCD-EFGH-JKLM").status_code == 422


def test_without_javascript_the_short_code_sets_the_password(fresh_portal):
    portal = fresh_portal()
    ask_for_link(portal, ADDRESS)
    link, code = recovery_mail(portal, ADDRESS)
    page = requests.get(portal.url + "/password/nuova")
    assert '<label for="code">Codice di recupero</label>' in page.text
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    # Sent from the link's page without a script, nothing typed in the code: asked for, not
    # called wrong or expired, and a mismatch of the passwords is said at once too.
    empty = set_password(portal, portal.url + "/password/nuova", CHOSEN, confirmation=CHOSEN + "!", code="")
    assert empty.status_code == 422 and "Scrivi il codice di recupero" in empty.text
    assert "non è valido" not in empty.text and "non coincidono" in empty.text
    assert re.search(r'<input[^>]*id="code"[^>]*required', empty.text)
    # Typed by hand: any case, without the dashes.
    done = set_password(portal, portal.url + "/password/nuova", CHOSEN, code=code.replace("-", "").lower())
    assert done.status_code == 303 and done.headers["Location"].startswith("/login?avviso=reimpostata")
    assert set_password(portal, link, CHOSEN + " bis").status_code == 422, "the code spent the link too"
    assert password_step(portal, ADDRESS, CHOSEN).status_code == 303


def test_no_reset_token_or_code_reaches_the_access_log(fresh_portal):
    portal = fresh_portal()
    for use_code in (False, True):
        ask_for_link(portal, ADDRESS)
        link, code = recovery_mail(portal, ADDRESS)
        token = link.split("#token=")[1]
        done = set_password(portal, link, CHOSEN + str(use_code), code=code if use_code else None)
        assert done.status_code == 303
        landed = portal.url + done.headers["Location"]
        assert requests.get(landed).status_code == 200
        # The page's own assets, asked for with it as their Referer; and the address's name
        # written otherwise, or twice.
        requests.get(portal.url + "/assets/portal.css", headers={"Referer": landed})
        requests.get(portal.url + "/login?E%6DAIL=" + ADDRESS + "&email=" + ADDRESS)
        log = (portal.var / "log" / "nginx-access.log").read_text()
        assert "/password/nuova" in log
        assert token not in log and code not in log and code.replace("-", "") not in log
        # Nor the address the login is prefilled with afterwards.
        assert '"GET /login?- HTTP/1.1"' in log and ADDRESS.split("@")[0] not in log, log[-2000:]


def test_an_account_gets_at_most_three_links_an_hour_and_the_answer_does_not_change(fresh_portal):
    """A flood of requests for one address must not fill its mailbox nor hold up the login codes."""
    portal = fresh_portal()
    address = "luca.verdi@rossi.example"
    answers = [ask_for_link(portal, address) for _ in range(5)]
    strip = lambda text: re.sub(r'value="[^"]*"', "", text)
    assert all(answer.status_code == 200 and strip(answer.text) == strip(answers[0].text) for answer in answers)
    with portal.db() as db:
        sent = db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE '%password%'", (address,)).fetchone()[0]
        throttled = db.execute("SELECT count(*) FROM audit_events WHERE event = 'password_reset_requested' AND detail = 'throttled'"
                               " AND actor_email = ?", (address,)).fetchone()[0]
    assert (sent, throttled) == (3, 1), "one line an hour tells the flood"


def test_an_address_whose_first_access_is_pending_is_told_how_to_do_it_and_gets_no_password(portal):
    """A new password skipped "Creazione Utente" (names, privacy) and revived a withdrawn invitation."""
    address = "primo.accesso.mancante@rossi.example"
    portal.invite(address)
    ask_for_link(portal, address)
    body = portal.wait_for_mail(address, "richiesta di recupero").get_content()
    assert "il tuo primo accesso non è ancora stato completato" in body and "Invia di nuovo" in body
    assert "#token=" not in body
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = ?",
                          (address,)).fetchone()[0] == 0


def test_a_deactivated_operator_is_told_why_and_gets_no_password(fresh_portal):
    """A new password was set ("Password aggiornata") and then the login said no."""
    portal = fresh_portal()
    address = "paolo.gallo@assistenza.example"
    with portal.db() as db:
        db.execute("UPDATE users SET deactivated_at = 1 WHERE email = ?", (address,))
    answer = ask_for_link(portal, address)
    assert answer.status_code == 200
    body = portal.wait_for_mail(address, "richiesta di recupero").get_content()
    assert "è stato disattivato" in body and "#token=" not in body
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = ?",
                          (address,)).fetchone()[0] == 0


def test_a_reset_from_a_browser_signed_in_as_someone_else_ends_that_session_too(fresh_portal):
    """Mario signed in, a colleague's password reset in the same browser: the browser forgot
    Mario's cookie but his session stayed valid, listed in his «Sessioni attive»."""
    portal = fresh_portal()
    mario, _ = login(portal)
    ask_for_link(portal, ADDRESS)
    link = link_from_mail(portal, ADDRESS)
    page = mario.get(link)
    done = mario.post(portal.url + "/password/nuova", allow_redirects=False, data={
        "csrf": csrf_token(page.text), "password": CHOSEN, "password_confirmation": CHOSEN,
        "token": link.split("#token=")[1]})
    assert done.headers["Location"].startswith("/login?avviso=reimpostata")
    assert "portal_session" in done.headers.get("Set-Cookie", ""), "the browser forgets it"
    with portal.db() as db:
        left = db.execute("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?",
                          ("mario.rossi@rossi.example",)).fetchone()[0]
    assert left == 0, "Mario's session ended with the browser's cookie"
