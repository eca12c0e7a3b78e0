"""Forms of one company sent after the person switched company in another tab, or after the
company was deactivated while they wrote: nothing typed is lost, and nothing is created in a
company the page was not for."""
import re
import time

import requests

from portal import ADMIN, BIANCHI_VAT, TECHNICIAN, csrf_token, login, login_into
from tickets import FIELDS
from vendor import manager_session, post_form

NO_FILE = {"files": ("", b"", "application/octet-stream")}


def consultant_of_both(portal):
    """Luca Verdi, technician of ROSSI SRL, works for BIANCHI SPA too; signed in to ROSSI."""
    with portal.db() as db:
        db.execute("INSERT INTO memberships (user_id, tenant_id, role, active_since)"
                   " SELECT u.id, t.id, 'tech', ? FROM users u, tenants t WHERE u.email = ? AND t.vat = ?",
                   (int(time.time()), TECHNICIAN, BIANCHI_VAT))
        bianchi = db.execute("SELECT id FROM tenants WHERE vat = ?", (BIANCHI_VAT,)).fetchone()[0]
    return login_into(portal, TECHNICIAN, "ROSSI SRL"), bianchi


def author(page):
    """The form's writer, as the page names it: a form refused for its token comes back only to them."""
    return re.search(r'name="autore" value="([^"]+)"', page).group(1)


def switch(portal, session, tenant):
    """"Passa a …" in another tab of the same browser."""
    page = session.get(portal.url + "/accesso/azienda").text
    session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": str(tenant)}, allow_redirects=False)


def rossi_open_ticket(portal):
    with portal.db() as db:
        return db.execute("SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id"
                          " WHERE te.vat = '02740123456' AND t.status NOT IN ('closed') ORDER BY t.id DESC").fetchone()[0]


def follow_offer(portal, session, offer):
    """Presses the offer's "Passa a ROSSI SRL" and opens where it leads."""
    form = re.search(r'<form method="post" action="/accesso/azienda".*?</form>', offer, re.S).group(0)
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    switched = session.post(portal.url + "/accesso/azienda", data=fields, allow_redirects=False)
    assert switched.status_code == 303, switched.status_code
    return session.get(portal.url + switched.headers["Location"])


def test_a_reply_sent_after_a_switch_in_another_tab_is_kept_for_its_company(fresh_portal):
    portal = fresh_portal()
    luca, bianchi = consultant_of_both(portal)
    number = rossi_open_ticket(portal)
    page = luca.get(portal.url + f"/ticket/{number}").text
    switch(portal, luca, bianchi)

    sent = luca.post(portal.url + f"/ticket/{number}", allow_redirects=False, files=NO_FILE, data={
        "csrf": csrf_token(page), "autore": author(page), "action": "reply", "message": "Risposta scritta prima del cambio di azienda.",
        "message_format": "markdown"})
    assert sent.status_code == 409, sent.status_code
    assert "non è stato inviato" in sent.text and "Passa a ROSSI SRL" in sent.text and "BIANCHI SPA" in sent.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Risposta scritta prima%'").fetchone()[0] == 0

    back = follow_offer(portal, luca, sent.text)
    assert back.url.endswith(f"/ticket/{number}")
    assert "Risposta scritta prima del cambio di azienda." in back.text, "the reply comes back filled in"

    # A reply past the limit comes back whole (cut at 20,100 characters it lost its end unsaid).
    page = luca.get(portal.url + f"/ticket/{number}").text
    switch(portal, luca, bianchi)
    long_reply = "".join(f"riga {line:05d} del registro\n" for line in range(1200))
    assert len(long_reply) > 27000
    sent = luca.post(portal.url + f"/ticket/{number}", allow_redirects=False, files=NO_FILE, data={
        "csrf": csrf_token(page), "autore": author(page), "action": "reply", "message": long_reply})
    assert sent.status_code == 409
    back = follow_offer(portal, luca, sent.text)
    assert "riga 01199 del registro" in back.text, "the end of the text is kept"


def test_a_new_ticket_opened_for_one_company_is_never_created_in_the_one_switched_to(fresh_portal):
    portal = fresh_portal()
    luca, bianchi = consultant_of_both(portal)
    page = luca.get(portal.url + "/ticket/nuovo").text
    assert re.search(r'name="azienda" value="(\d+)"', page)
    switch(portal, luca, bianchi)
    with portal.db() as db:
        before = db.execute("SELECT count(*) FROM tickets").fetchone()[0]

    data = dict(FIELDS, csrf=csrf_token(page), autore=author(page), action="send", email=TECHNICIAN, title="Scritto per ROSSI SRL",
                azienda=re.search(r'name="azienda" value="(\d+)"', page).group(1))
    sent = luca.post(portal.url + "/ticket/nuovo", data=data, files=NO_FILE, allow_redirects=False)
    assert sent.status_code == 409 and "Passa a ROSSI SRL" in sent.text
    # The same form with the token of the new session (a retry): still not created in BIANCHI SPA.
    fresh = luca.get(portal.url + "/ticket/nuovo").text
    retried = luca.post(portal.url + "/ticket/nuovo", data=dict(data, csrf=csrf_token(fresh)), files=NO_FILE,
                        allow_redirects=False)
    assert retried.status_code == 409 and "Passa a ROSSI SRL" in retried.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == before, "nothing created"

    back = follow_offer(portal, luca, retried.text)
    assert back.url.endswith("/ticket/nuovo")
    assert 'value="Scritto per ROSSI SRL"' in back.text and "ROSSI SRL" in back.text


def test_a_reply_sent_after_the_company_was_deactivated_is_kept_and_said_so(fresh_portal):
    portal = fresh_portal()
    mario, _ = login(portal, email=ADMIN)
    number = rossi_open_ticket(portal)
    page = mario.get(portal.url + f"/ticket/{number}").text
    manager = manager_session(portal)
    with portal.db() as db:
        rossi = db.execute("SELECT id FROM tenants WHERE vat = '02740123456'").fetchone()[0]
    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/disattiva").status_code == 303

    sent = mario.post(portal.url + f"/ticket/{number}", allow_redirects=False, files=NO_FILE, data={
        "csrf": csrf_token(page), "autore": author(page), "action": "reply", "message": "Scritta mentre l'azienda veniva disattivata.",
        "message_format": "markdown"})
    assert sent.headers["Location"] == f"/accesso/azienda?avviso=modulo&next=/ticket/{number}"
    told = mario.get(portal.url + sent.headers["Location"]).text
    assert "non è stato inviato" in told and "lo ritroverai compilato" in told

    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/riattiva").status_code == 303
    # Reactivated, the same address enters the company again (nothing else to choose) and
    # leads back to the reply, filled in.
    restored = mario.get(portal.url + sent.headers["Location"])
    assert restored.url.endswith(f"/ticket/{number}")
    assert "Scritta mentre l&#39;azienda veniva disattivata." in restored.text \
        or "Scritta mentre l'azienda veniva disattivata." in restored.text


def test_a_session_without_a_company_says_so_in_sessioni_attive(fresh_portal):
    """Its company deactivated, a customer's session waits at the company choice: its row in
    Sessioni attive said "Assistenza", the word for operators' sessions."""
    portal = fresh_portal()
    mario, _ = login(portal, email=ADMIN)
    manager = manager_session(portal)
    with portal.db() as db:
        rossi = db.execute("SELECT id FROM tenants WHERE vat = '02740123456'").fetchone()[0]
    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/disattiva").status_code == 303
    sessions = mario.get(portal.url + "/profilo").text
    assert "Nessuna (scelta dell&#39;azienda in corso)" in sessions or "Nessuna (scelta dell'azienda in corso)" in sessions
    assert ">Assistenza</td>" not in sessions, "the desk's word is for operators' sessions"
