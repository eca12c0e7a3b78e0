"""Limits that fit an office: many colleagues behind one address log in together, a trusted
proxy names each client, and an https deployment gets HSTS and __Host- Secure cookies
whoever terminates TLS."""
import os
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from portal import ADMIN, DEMO_PASSWORD, ROOT, csrf_token, login, password_step

OFFICE = 50


def office_colleagues(portal, count):
    """`count` colleagues of ROSSI SRL with the demo password who have logged in before (their
    company chosen), written into the database as an invitation and the first access leave
    them: creating them through the forms would spend the very limit under test."""
    now = int(time.time())
    with portal.db() as db:
        password_hash, tenant = db.execute(
            "SELECT u.password_hash, m.tenant_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = ?",
            (ADMIN,)).fetchone()
        addresses = []
        for n in range(count):
            address = f"collega.{n:02d}@rossi.example"
            user = db.execute(
                """INSERT INTO users (email, first_name, last_name, password_hash, privacy_accepted_at, last_tenant_id,
                                      created_at, updated_at) VALUES (?, 'Collega', ?, ?, ?, ?, ?, ?)""",
                (address, str(n), password_hash, now, tenant, now, now)).lastrowid
            db.execute("INSERT INTO memberships (user_id, tenant_id, role, active_since) VALUES (?, ?, 'tech', ?)",
                       (user, tenant, now))
            addresses.append(address)
    return addresses


def test_fifty_colleagues_behind_one_address_all_log_in_at_once(fresh_portal):
    # The installation's own limits, not the generous ones of the other tests.
    portal = fresh_portal(PORTAL_LOGIN_RATE=None, PORTAL_LOGIN_BURST=None)
    colleagues = office_colleagues(portal, OFFICE)

    def log_in(address):
        session, response = login(portal, email=address, trust=False)
        dashboard = session.get(portal.url + "/dashboard", allow_redirects=False)
        return response.status_code, response.headers.get("Location"), dashboard.status_code

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=OFFICE) as pool:
        results = list(pool.map(log_in, colleagues))
    elapsed = time.monotonic() - start
    assert results == [(303, "/dashboard", 200)] * OFFICE, [r for r in results if r != (303, "/dashboard", 200)]
    assert elapsed < 60, elapsed


def test_behind_a_trusted_proxy_each_client_has_its_own_limit_and_address(fresh_portal):
    portal = fresh_portal(PORTAL_TRUSTED_PROXY="127.0.0.1", PORTAL_LOGIN_RATE="6r/m", PORTAL_LOGIN_BURST="2")

    def attempts(client, count):
        session = requests.Session()
        session.headers["X-Forwarded-For"] = client
        token = csrf_token(session.get(portal.url + "/login").text)
        return [session.post(portal.url + "/login", data={"csrf": token, "email": "a@b.it", "password": "x"}).status_code
                for _ in range(count)]

    assert 429 in attempts("203.0.113.10", 6)
    assert attempts("198.51.100.20", 2) == [422, 422], "another client behind the same proxy is not limited"
    with portal.db() as db:
        addresses = {row[0] for row in db.execute("SELECT client_ip FROM audit_events WHERE event = 'login_failed'")}
    assert addresses == {"203.0.113.10", "198.51.100.20"}


def test_an_https_public_url_brings_hsts_and_host_cookies_behind_a_tls_proxy(fresh_portal):
    # The proxy in front terminates TLS: nginx and the handlers see plain HTTP.
    portal = fresh_portal(PORTAL_PUBLIC_URL="https://assistenza.example.com")
    page = requests.get(portal.url + "/login")
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    static = requests.get(portal.url + "/manuale/")
    assert static.status_code == 200 and static.headers["Strict-Transport-Security"] == "max-age=31536000"
    visitor = [c for c in page.raw.headers.getlist("Set-Cookie") if c.startswith("__Host-portal_visitor=")]
    assert len(visitor) == 1 and "; Secure" in visitor[0] and "Path=/" in visitor[0] and "Domain" not in visitor[0]
    # A login carries on with the __Host- cookies (sent by hand: a client sends Secure
    # cookies over HTTPS only, and this test speaks HTTP to nginx as the proxy does).
    cookie = visitor[0].split(";")[0]
    answer = requests.post(portal.url + "/login", allow_redirects=False, headers={"Cookie": cookie}, data={
        "csrf": csrf_token(page.text), "email": ADMIN, "password": DEMO_PASSWORD})
    assert answer.status_code == 303 and answer.headers["Location"] == "/accesso/codice"
    login_cookie = [c for c in answer.raw.headers.getlist("Set-Cookie") if c.startswith("__Host-portal_login=")]
    assert len(login_cookie) == 1 and "; Secure" in login_cookie[0]


def test_plain_http_has_no_hsts(portal):
    assert "Strict-Transport-Security" not in requests.get(portal.url + "/login").headers


def test_new_tickets_past_the_hours_limit_are_refused_with_the_text_kept(fresh_portal):
    """A script or a stolen password opened a ticket a millisecond, each with two e-mails:
    past the hour's limit of a person, then of a company, the form says so and keeps the text."""
    from tickets import created_number, new_ticket
    portal = fresh_portal(PORTAL_TICKETS_PER_PERSON_HOUR="2", PORTAL_TICKETS_PER_COMPANY_HOUR="3")
    mario, _ = login(portal)
    for n in range(2):
        created_number(new_ticket(portal, mario, title=f"Richiesta numero {n}"))
    refused = new_ticket(portal, mario, title="Una di troppo", description="Testo da non perdere.")
    assert refused.status_code == 429, refused.status_code
    assert "Hai già aperto 2 richieste nell'ultima ora" in refused.text
    assert "Una di troppo" in refused.text and "Testo da non perdere." in refused.text
    # A colleague still may, up to the company's limit.
    luca, _ = login(portal, email="luca.verdi@rossi.example")
    created_number(new_ticket(portal, luca, title="Del collega"))
    refused = new_ticket(portal, luca, title="Oltre il limite dell'azienda")
    assert refused.status_code == 429 and "La tua azienda ha già aperto 3 richieste" in refused.text
    # Another company is not held back by ROSSI's tickets.
    anna, _ = login(portal, email="anna.bianchi@bianchi.example")
    created_number(new_ticket(portal, anna, title="Di un'altra azienda"))
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE title IN ('Una di troppo', ?)",
                          ("Oltre il limite dell'azienda",)).fetchone()[0] == 0


def test_replies_past_the_hours_limit_are_refused_with_the_text_kept(fresh_portal):
    """Four clients of one account sent 907 replies in ten seconds, each an e-mail to the
    ticket's operator: past the hour's limit of messages the reply is refused (429), its text
    kept, nothing saved and nobody mailed; a colleague still may."""
    from tickets import created_number, new_ticket, reply
    portal = fresh_portal(PORTAL_REPLIES_PER_PERSON_HOUR="4")
    mario, _ = login(portal)
    number = created_number(new_ticket(portal, mario, title="Il primo messaggio conta"))
    with portal.db() as db:
        written = db.execute("SELECT count(*) FROM messages WHERE author_id = (SELECT id FROM users WHERE email = ?)"
                             " AND kind = 'reply' AND created_at > strftime('%s', 'now') - 3600", (ADMIN,)).fetchone()[0]
    assert written < 3, "the demo data leaves room for the test's replies"
    # Each with a priority change: its line in the thread ("Priorità: Alta") is no message.
    for n in range(3 - written):
        assert reply(portal, mario, number, f"Risposta numero {n}", priority=["high", "low"][n % 2]).status_code == 303
    # The last one allowed, pressed twice: the second press is told it was sent, not refused.
    page = mario.get(portal.url + f"/ticket/{number}").text
    key = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    last = {"csrf": csrf_token(page), "message": "L'ultima, premuta due volte", "action": "reply", "submission": key}
    for _ in range(2):
        pressed = mario.post(portal.url + f"/ticket/{number}", data=last, files={"files": ("", b"", "application/octet-stream")},
                             allow_redirects=False)
        assert pressed.status_code == 303 and "avviso=risposta" in pressed.headers["Location"], pressed.status_code
    with portal.db() as db:
        mails = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    refused = reply(portal, mario, number, "Una di troppo: il testo resta.")
    assert refused.status_code == 429, refused.status_code
    assert "Hai già scritto 4 messaggi nell'ultima ora, il massimo" in refused.text
    assert "Una di troppo: il testo resta." in refused.text and "potrai inviarla dalle " in refused.text
    assert "Puoi comunque chiudere il ticket" in refused.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == mails
    luca, _ = login(portal, email="luca.verdi@rossi.example")
    assert reply(portal, luca, number, "Del collega").status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Una di troppo%'").fetchone()[0] == 0
        db.execute("UPDATE tickets SET created_at = created_at - 600 WHERE number = ?", (number,))
    # Closing the ticket is never held back; a message on it once closed is counted again.
    closed = reply(portal, mario, number, "Risolto, chiudo il ticket.", close=True)
    assert closed.status_code == 303 and closed.headers["Location"].endswith("avviso=chiuso"), closed.status_code
    on_closed = reply(portal, mario, number, "Ancora una riga.", close=True)
    assert on_closed.status_code == 429 and "Puoi comunque chiudere" not in on_closed.text



def test_an_operators_replies_past_the_hours_limit_are_refused_with_the_text_kept(fresh_portal):
    """A script with an operator's session sent 2,900 replies in five minutes, an e-mail to the
    customer each: past the desk's hourly limit the reply is refused (429), its text kept,
    nothing saved or mailed; a note still is."""
    from test_desk import desk_post, operator_session
    from tickets import created_number, new_ticket
    portal = fresh_portal(PORTAL_DESK_REPLIES_PER_PERSON_HOUR="2")
    mario, _ = login(portal)
    number = created_number(new_ticket(portal, mario, title="Troppe risposte dal banco"))
    giulia, _ = operator_session(portal)
    with portal.db() as db:
        written = db.execute("SELECT count(*) FROM messages WHERE author_id = (SELECT id FROM users WHERE email = ?)"
                             " AND kind = 'reply' AND created_at > strftime('%s', 'now') - 3600",
                             ("giulia.neri@assistenza.example",)).fetchone()[0]
    for n in range(2 - written):
        assert desk_post(portal, giulia, number, "reply", reply=f"Risposta {n}").status_code == 303
    with portal.db() as db:
        mails = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    refused = desk_post(portal, giulia, number, "reply", reply="Una di troppo: il testo resta.",
                        files={"files": ("log.txt", b"riga\n", "text/plain")})
    assert refused.status_code == 429 and "Hai già inviato 2 risposte ai clienti nell'ultima ora" in refused.text
    assert re.search(r'name="kept" value="[^"]+" checked="checked"><label for="kept-0">log\.txt ', refused.text), "the file stays chosen"
    assert "Una di troppo: il testo resta." in refused.text and 'id="reply-error"' in refused.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == mails
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Una di troppo%'").fetchone()[0] == 0
    assert desk_post(portal, giulia, number, "note", note="La nota passa.").status_code == 303


def test_the_nginx_configuration_is_not_rendered_from_a_settings_file_it_cannot_read(tmp_path):
    """A misspelt PORTAL_CONFIG rendered a configuration without the trusted proxy and without
    HSTS, and said nothing; the same file name stops portal-admin."""
    settings = tmp_path / "portal.conf"
    settings.write_text("PORTAL_TRUSTED_PROXY=10.0.0.5\nPORTAL_PUBLIC_URL=https://assistenza.example\n")
    base = dict(os.environ, PORTAL_VAR=str(tmp_path / "var"), PORTAL_LISTEN="127.0.0.1:8999")
    base.pop("PORTAL_TRUSTED_PROXY", None)
    base.pop("PORTAL_PUBLIC_URL", None)
    script = str(ROOT / "scripts" / "render-nginx-conf.sh")
    good = subprocess.run([script, str(tmp_path / "good.conf")], env=dict(base, PORTAL_CONFIG=str(settings)),
                          capture_output=True, text=True, timeout=30)
    assert good.returncode == 0, good.stderr
    rendered = (tmp_path / "good.conf").read_text()
    assert "set_real_ip_from 10.0.0.5;" in rendered and 'default "max-age=31536000";' in rendered
    wrong = subprocess.run([script, str(tmp_path / "wrong.conf")], env=dict(base, PORTAL_CONFIG=str(tmp_path / "portl.conf")),
                           capture_output=True, text=True, timeout=30)
    assert wrong.returncode == 1 and "impossibile leggere il file di configurazione" in wrong.stderr, wrong
    assert not (tmp_path / "wrong.conf").exists()
    folder = subprocess.run([script, str(tmp_path / "wrong.conf")], env=dict(base, PORTAL_CONFIG=str(tmp_path)),
                            capture_output=True, text=True, timeout=30)
    assert folder.returncode == 1 and "impossibile leggere il file di configurazione" in folder.stderr, folder
