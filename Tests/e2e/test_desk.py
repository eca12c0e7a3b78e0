"""The operators' desk through nginx: sign-in to "Coda ticket", the queue and its filters,
the operator's ticket page and its actions, the e-mails of both sides, and the rule that an
internal note never reaches a customer."""
import email
import hashlib
import email.policy
import html
import time
import re
import uuid

import requests

from portal import ADMIN, BIANCHI_VAT, OTHER_COMPANY_ADMIN, ROSSI_VAT, TECHNICIAN, csrf_token, login
from tickets import created_number, new_ticket, reply
from vendor import vat_number

OPERATOR = "giulia.neri@assistenza.example"
OTHER_OPERATOR = "paolo.gallo@assistenza.example"
SUPPORT = "assistenza@fornitore.example"
NO_FILE = {"files": ("", b"", "application/octet-stream")}


def operator_session(portal, address=OPERATOR):
    """Signs an operator in through the real forms; returns the session and the page it lands on."""
    session, response = login(portal, email=address)
    assert response.status_code == 303, response.status_code
    return session, session.get(portal.url + response.headers["Location"])


def desk_post(portal, session, number, action, files=None, keyed=False, **fields):
    """`keyed`: with the form's key, as a browser sends it (a press its retries are known by)."""
    page = session.get(portal.url + f"/desk/ticket/{number}")
    seen = re.search(r'name="seen" value="([^"]*)"', page.text).group(1)
    data = {"csrf": csrf_token(page.text), "seen": seen, "action": action, **fields}
    if keyed:
        data["submission"] = re.search(r'name="submission" value="([^"]*)"', page.text).group(1)
    return session.post(portal.url + f"/desk/ticket/{number}", data=data, files=files or NO_FILE, allow_redirects=False)


def test_an_operator_signs_in_to_the_queue_and_never_sees_the_company_choice(portal):
    session, response = operator_session(portal)
    assert response.url.endswith("/desk/"), response.url
    assert "Coda ticket" in response.text
    assert "/accesso/azienda" not in response.text, "operators never see the company icon"
    for label in ("Stato", "Priorità", "Azienda", "Assegnato a", "Area", "Tipologia", "Cerca", "Ticket per stato"):
        assert f">{label}<" in response.text or f">{label}</" in response.text, label
    # Named once: the counts' list is titled by its heading, not by a label with «stato» in it
    # (a lookup by the label «Stato» found it beside the filter's select).
    assert 'aria-label="Ticket per stato"' not in response.text
    assert session.get(portal.url + "/dashboard").url.endswith("/desk/")
    assert session.get(portal.url + "/").url.endswith("/desk/")
    assert session.get(portal.url + "/accesso/azienda").url.endswith("/desk/")


def test_every_desk_route_is_404_for_customers_and_anonymous_visitors(portal):
    customer, _ = login(portal, email=TECHNICIAN)
    for path in ("/desk", "/desk/", "/desk/ticket/1001", "/desk/ticket/1001/allegati/1"):
        assert requests.get(portal.url + path, allow_redirects=False).status_code == 404, path
        assert customer.get(portal.url + path, allow_redirects=False).status_code == 404, path
    # An operator's bookmark after Esci: still 404, but the page says to sign in again, as for
    # any address without a session; a made-up session gets the very page of an unknown address.
    page = requests.get(portal.url + "/desk/ticket/1001", allow_redirects=False)
    assert page.status_code == 404 and "accedi di nuovo" in page.text
    assert "accedi di nuovo" not in customer.get(portal.url + "/desk/").text, "a signed-in customer is told nothing more"
    made_up = {"portal_session": "a-session-that-ended"}
    assert requests.get(portal.url + "/desk/ticket/1001", cookies=made_up).text \
        == requests.get(portal.url + "/tenant/nessuna-pagina", cookies=made_up).text
    # A cookie whose session ended is no session: both pages say to sign in again; a signed-in
    # customer's mistyped address is the plain page, as the desk's is.
    assert "accedi di nuovo" in requests.get(portal.url + "/desk/", cookies=made_up).text
    assert "accedi di nuovo" not in customer.get(portal.url + "/tenant/nessuna-pagina").text
    token = csrf_token(customer.get(portal.url + "/ticket").text)
    for path in ("/desk/cerca", "/desk/ticket/1001"):
        assert requests.post(portal.url + path, data={"action": "take"}, allow_redirects=False).status_code == 404
        assert customer.post(portal.url + path, data={"csrf": token, "action": "take"}, allow_redirects=False).status_code == 404


def test_an_operator_whose_session_ended_is_told_to_sign_in_again_on_reload(portal):
    session, _ = operator_session(portal)
    assert "Coda ticket" in session.get(portal.url + "/desk/").text
    token = session.cookies.get("portal_session")
    with portal.db() as db:
        ended = db.execute("DELETE FROM sessions WHERE token_hash = ?", (hashlib.blake2b(token.encode(), digest_size=32).digest(),))
        assert ended.rowcount == 1
    page = session.get(portal.url + "/desk/", allow_redirects=False)
    assert page.status_code == 404 and "accedi di nuovo" in page.text


def test_every_desk_post_needs_the_operators_token(portal):
    session, _ = operator_session(portal, OTHER_OPERATOR)
    for path, data in (("/desk/cerca", {"stato": "qualsiasi"}), ("/desk/ticket/1001", {"action": "take"})):
        assert session.post(portal.url + path, data=data, allow_redirects=False).status_code == 403
        forged = dict(data, csrf="Zm9yZ2Vk")
        assert session.post(portal.url + path, data=forged, allow_redirects=False).status_code == 403
    with portal.db() as db:
        assert db.execute("SELECT operator_id FROM tickets WHERE number = 1001").fetchone()[0] != \
            db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]


def test_the_whole_desk_journey_with_notes_that_no_customer_ever_sees(fresh_portal):
    portal = fresh_portal(PORTAL_SUPPORT_EMAIL=SUPPORT)
    word = "zqx" + uuid.uuid4().hex[:10]
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Registro IVA bloccato",
                                       description="Il registro **IVA** di novembre non si stampa: perché?"))
    mail = portal.wait_for_mail(SUPPORT, f"Ticket #{number} nuova richiesta")
    body = mail.get_content()
    assert "Registro IVA bloccato" in body and "ROSSI SRL" in body and "Normale" in body
    assert f"/desk/ticket/{number}" in body
    # The request itself, as text: the e-mail invites an answer by e-mail.
    assert "Il registro IVA di novembre non si stampa: perché?" in body
    # What the customer chose besides, so that an answer from the mail fits it.
    assert "Preferenza contatto: Web" in body and "Tipologia richiesta:" in body and "Area:" in body
    called = created_number(new_ticket(portal, customer, title="Richiamatemi", contact="phone", phone="+39 0541 123456",
                                       type="appointment", technical_details="Programma BN02151, versione 23.0.0.69"))
    body = portal.wait_for_mail(SUPPORT, f"Ticket #{called} nuova richiesta").get_content()
    assert "Telefono: +39 0541 123456" in body and "Preferenza contatto: Telefono" in body, body
    # An office's number with its extension is a number.
    extension = created_number(new_ticket(portal, customer, title="Interno", contact="phone", phone="0541 123456 int. 22"))
    with portal.db() as db:
        assert db.execute("SELECT phone FROM tickets WHERE number = ?", (extension,)).fetchone()[0] == "0541 123456 int. 22"
    assert "Dettagli tecnici:\r\nProgramma BN02151, versione 23.0.0.69" in body, body

    operator, _ = operator_session(portal)
    # "Cerca" finds it by a word of its description, accents and case ignored.
    found = operator.post(portal.url + "/desk/cerca", data={
        "csrf": csrf_token(operator.get(portal.url + "/desk/").text), "cerca": "perche", "stato": "qualsiasi"})
    assert f"/desk/ticket/{number}" in found.text
    assert "cerca=perche" in found.url
    remembered = operator.get(portal.url + "/desk/")
    assert f"/desk/ticket/{number}" in remembered.text and 'value="perche"' in remembered.text
    # By who asked too, as heard on the phone: a surname with a word of the title, or the address.
    for words in ("rossi registro", "mario.rossi@rossi.example"):
        by_person = operator.post(portal.url + "/desk/cerca", data={
            "csrf": csrf_token(operator.get(portal.url + "/desk/").text), "cerca": words, "stato": "qualsiasi"})
        assert f"/desk/ticket/{number}" in by_person.text, words
    # By the number a customer calls back from, whatever its separators and the +39 on either
    # side: the one typed with it, the office's with its extension, one typed without it.
    national = created_number(new_ticket(portal, customer, title="Senza prefisso", contact="phone", phone="0541/654321"))
    for words, found in [("0541 123456", {called, extension}), ("0541123456", {called, extension}),
                         ("+390541123456", {called, extension}), ("+39 0541 123456", {called, extension}),
                         ("0039 0541 123456", {called, extension}), ("+39 0541 654321", {national}),
                         ("0541654321", {national}), ("0541-654321", {national})]:
        by_phone = operator.get(portal.url + "/desk/", params={"cerca": words, "stato": "qualsiasi"}).text
        listed = {int(n) for n in re.findall(r'href="/desk/ticket/(\d+)', by_phone)}
        assert listed == found, (words, listed, found)

    assert desk_post(portal, operator, number, "take").status_code == 303
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    assert "Giulia Neri ha preso in carico la richiesta" in page

    note = desk_post(portal, operator, number, "note", note=f"Controllare la stampante del cliente {word}")
    assert note.status_code == 303
    replied = desk_post(portal, operator, number, "reply", reply="Buongiorno, provi ad aggiornare alla 23.0.0.70.",
                        files={"files": ("istruzioni.txt", b"passi da seguire", "text/plain")})
    assert replied.status_code == 303
    assert desk_post(portal, operator, number, "status", status="development").status_code == 303
    desk_page = operator.get(portal.url + f"/desk/ticket/{number}").text
    assert word in desk_page and "message--note" in desk_page and "Nota interna" in desk_page

    # A note's file: the operator downloads it through nginx; the customer's address for it is 404.
    with_file = desk_post(portal, operator, number, "note", note="Registro esportato",
                          files={"files": ("registro-interno.txt", b"solo per noi", "text/plain")})
    assert with_file.status_code == 303
    with portal.db() as db:
        note_file = db.execute("SELECT id FROM attachments WHERE file_name = 'registro-interno.txt'").fetchone()[0]
    download = operator.get(portal.url + f"/desk/ticket/{number}/allegati/{note_file}")
    assert download.status_code == 200 and download.content == b"solo per noi"
    assert "attachment" in download.headers["Content-Disposition"]
    assert customer.get(portal.url + f"/ticket/{number}/allegati/{note_file}").status_code == 404
    # The panel's "Allegati" marks it: listed like the customer's files, it read as one they see.
    panel = html.unescape(operator.get(portal.url + f"/desk/ticket/{number}").text).split('id="company-glance"')[1]
    assert re.search(r'registro-interno\.txt</a> \([^)]*\)<span class="file-note"> · nota interna, il cliente non lo vede</span>', panel)
    assert re.search(r'istruzioni\.txt</a> \([^)]*\)</li>', panel), "a reply's file is not marked"

    customer_page = customer.get(portal.url + f"/ticket/{number}").text
    assert "provi ad aggiornare" in customer_page and "istruzioni.txt" in customer_page
    assert "Stato: In sviluppo" in customer_page and "Giulia Neri ha preso in carico la richiesta" in customer_page
    assert word not in customer_page and "Controllare la stampante" not in customer_page
    assert "registro-interno.txt" not in customer_page
    reply_mail = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta").get_content()
    assert "provi ad aggiornare alla 23.0.0.70" in reply_mail and f"/ticket/{number}" in reply_mail
    assert "/desk/" not in reply_mail

    # Rinviato: the vendor waits for the customer; the customer's answer puts it back "In attesa".
    assert desk_post(portal, operator, number, "status", status="postponed").status_code == 303
    assert reply(portal, customer, number, "Fatto, ora funziona.").status_code == 303
    operator_mail = portal.wait_for_mail(OPERATOR, f"Ticket #{number} risposta del cliente").get_content()
    assert "Fatto, ora funziona." in operator_mail and f"/desk/ticket/{number}" in operator_mail
    # The link passes through the login: a signed-in operator lands on the ticket at once.
    link = re.search(r"(http\S+/login\?next=\S+)", operator_mail).group(1)
    assert operator.get(link).url.endswith(f"/desk/ticket/{number}")
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "waiting"

    # The desk's trail names who did what from where; the company's own trail never shows a note.
    trail = operator.get(portal.url + "/desk/registro", params={"azienda": "ROSSI"}).text
    for line in ("Nota interna", "Ticket preso in carico", f"#{number}: In attesa → In sviluppo", "Stato cambiato"):
        assert line in trail, line
    activity = customer.get(portal.url + "/tenant/attivita").text
    assert "Ticket creato" in activity and "Risposta dell'assistenza" in activity
    created_line = re.search(r"<tr>(?:(?!</tr>).)*Ticket creato(?:(?!</tr>).)*</tr>", activity).group(0)
    assert ADMIN in created_line and "127.0.0.1" in created_line, created_line
    assert "Nota interna" not in activity

    # The note's word is in no customer page, API answer or e-mail.
    for path in ("/ticket", f"/ticket/{number}", "/dashboard", "/api/dashboard", "/api/dashboard/widget/ticket-list"):
        assert word not in customer.get(portal.url + path).text, path
    other, _ = login(portal, email=OTHER_COMPANY_ADMIN)
    assert word not in other.get(portal.url + "/ticket").text
    with portal.db() as db:
        bodies = [row[0] + row[1] for row in db.execute("SELECT subject, body FROM outbox")]
    assert bodies and not any(word in body for body in bodies)
    for path in portal.mails():
        assert word.encode() not in path.read_bytes()


def test_the_company_filter_finds_a_company_by_part_of_its_name_or_its_vat(portal):
    """"Azienda": part of the name, or the P.IVA with or without IT; % and _ are plain characters."""
    session, queue = operator_session(portal, OTHER_OPERATOR)
    token = csrf_token(queue.text)
    try:
        # The P.IVA's first digits too, as "Aziende" finds them (it took only the whole number).
        for value in ("bianchi", BIANCHI_VAT, "IT" + BIANCHI_VAT, BIANCHI_VAT[:7], "IT " + BIANCHI_VAT[:6]):
            page = session.post(portal.url + "/desk/cerca", data={"csrf": token, "azienda": value, "stato": "qualsiasi"})
            assert page.status_code == 200, (value, page.status_code)
            assert "BIANCHI SPA" in page.text and "ROSSI SRL" not in page.text, value
        remembered = session.get(portal.url + "/desk/")
        assert remembered.status_code == 200 and "ROSSI SRL" not in remembered.text
        for value in ("%", "_"):
            page = session.post(portal.url + "/desk/cerca", data={"csrf": token, "azienda": value, "stato": "qualsiasi"})
            assert page.status_code == 200 and "Nessun ticket per i filtri scelti." in page.text, value
    finally:
        session.post(portal.url + "/desk/cerca", data={"csrf": token, "stato": "aperti"})


def test_a_queue_page_past_the_last_says_so_and_links_to_the_last(portal):
    operator, _ = operator_session(portal)
    past = operator.get(portal.url + "/desk/", params={"stato": "qualsiasi", "pagina": 900})
    assert past.status_code == 200 and "La pagina 900 non esiste" in past.text
    assert "Nessun ticket per i filtri scelti." not in past.text and "Pagina precedente" not in past.text
    last = html.unescape(re.search(r'<a href="([^"]*)">Vai all', past.text).group(1))
    assert "La pagina" not in operator.get(portal.url + last).text and "/desk/ticket/" in operator.get(portal.url + last).text


def test_a_search_of_punctuation_alone_is_said_to_be_ignored(portal):
    operator, queue = operator_session(portal)
    for typed in ("'", "*", "x" * 201):
        sent = operator.post(portal.url + "/desk/cerca", data={"csrf": csrf_token(queue.text), "cerca": typed,
                                                               "stato": "qualsiasi"})
        assert sent.status_code == 200
        assert "La ricerca è stata ignorata: in «Cerca» scrivi almeno una parola (lettere o numeri), al massimo 200" \
            " caratteri." in html.unescape(sent.text), typed
        # What was typed stays in the field, to be corrected (it came back empty).
        field = re.search(r'<input[^>]*id="cerca"[^>]*>', sent.text).group(0)
        assert html.unescape(re.search(r'value="([^"]*)"', field).group(1)) == typed, field
        # Beside the field, tied to it, with the focus: it was a notice at the page's top.
        assert 'aria-invalid="true"' in field and "cerca-error" in field and "autofocus" in field, field
        assert re.search(r'<p class="field-error" id="cerca-error"[^>]*>La ricerca è stata ignorata', html.unescape(sent.text))
        assert "notice--info" not in sent.text.split('id="main"')[1].split("ticket-filters")[0]
    # With another field that cannot be read, the notice names them all; «Cerca» says its own.
    both = operator.get(portal.url + "/desk/", params={"cerca": "*", "priorita": "altissima"})
    assert "Alcuni filtri non erano validi e sono stati ignorati." in both.text
    assert 'id="cerca-error"' in both.text


def test_bad_values_are_refused_in_italian_and_keep_the_text(portal):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Valori sbagliati"))
    operator, _ = operator_session(portal, OTHER_OPERATOR)
    for field, value, message in (("assignee", "999999", "scegline un altro dall"), ("status", "boh", "Scegli uno stato"),
                                  ("priority", "urgentissima", "Scegli una priorità")):
        action = {"assignee": "assign", "status": "status", "priority": "priority"}[field]
        refused = desk_post(portal, operator, number, action, reply="Testo da non perdere", **{field: value})
        assert refused.status_code == 422, field
        assert message in refused.text and "Testo da non perdere" in refused.text
    empty = desk_post(portal, operator, number, "reply", reply="   ")
    assert empty.status_code == 422
    # A file chosen with an empty reply or note stays chosen, under «File già scelti», as on the
    # customers' forms (it went without a word, then had to be chosen again).
    kept_box = re.compile(r'<input type="checkbox" id="kept-0" name="kept" value="([^"]+)" checked="checked"><label for="kept-0">log\.txt ')
    for action, field in (("reply", "reply"), ("note", "note")):
        dropped = desk_post(portal, operator, number, action, files=[("files", ("log.txt", b"riga\n", "text/plain"))],
                            **{field: ""})
        assert dropped.status_code == 422 and kept_box.search(dropped.text), action
    # One file refused among good ones: the good one stays chosen, the refused one is named.
    # (The same words were sent once already, without files: a press of its own all the same.)
    assert desk_post(portal, operator, number, "reply", keyed=True, reply="Ecco i file").status_code == 303
    refused = desk_post(portal, operator, number, "reply", keyed=True, reply="Ecco i file", files=[
        ("files", ("patch.exe", b"MZ\x90\x00" + b"\x00" * 200, "application/octet-stream")),
        ("files", ("ok.txt", b"tutto bene\n", "text/plain"))])
    assert refused.status_code == 422 and "patch.exe" in refused.text and "Ecco i file" in refused.text
    kept = re.search(r'name="kept" value="([^"]+)" checked="checked"><label for="kept-0">ok\.txt ', refused.text)
    assert kept, "the good file stays chosen"
    # The corrected reply sends it without choosing it again.
    sent = desk_post(portal, operator, number, "reply", keyed=True, reply="Ecco i file", kept=kept.group(1))
    assert sent.status_code == 303, sent.status_code
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id "
                          "WHERE t.number = ? AND a.file_name = 'ok.txt'", (number,)).fetchone()[0] == 1
    # The refused one empty: the good one beside it stays chosen too.
    hollow = desk_post(portal, operator, number, "reply", reply="Ecco i file", files=[
        ("files", ("vuoto.pdf", b"", "application/pdf")), ("files", ("buono.txt", b"ok\n", "text/plain"))])
    assert hollow.status_code == 422 and "«vuoto.pdf» è vuoto" in html.unescape(hollow.text)
    assert re.search(r'name="kept" value="[^"]+" checked="checked"><label for="kept-0">buono\.txt ', hollow.text)
    # Said at the top too: the refusal beside "Allega files" was far down the page, and nothing
    # where the operator looks said the reply was not sent.
    assert "Alcuni campi non sono validi: correggili e invia di nuovo. Nulla è stato salvato." in refused.text
    # "Assegna" pressed with the select as it came: said plainly, not "choose one of the list".
    assert desk_post(portal, operator, number, "take").status_code == 303
    with portal.db() as db:
        paolo = db.execute("SELECT operator_id FROM tickets WHERE number = ?", (number,)).fetchone()[0]
    same = desk_post(portal, operator, number, "assign", assignee=str(paolo))
    assert same.status_code == 422 and "Il ticket è già assegnato a Paolo Gallo" in same.text
    # A change saved with a file left out is no refused form: "Nulla è stato salvato" there
    # contradicted "Stato cambiato".
    saved = desk_post(portal, operator, number, "status", status="postponed",
                      files=[("files", ("log.txt", b"riga\n", "text/plain"))])
    assert saved.status_code == 200 and "I file scelti non sono stati inviati" in saved.text, saved.status_code
    assert re.search(r'name="kept" value="[^"]+" checked="checked"><label for="kept-0">log\.txt ', saved.text)
    assert "Nulla è stato salvato" not in saved.text


def test_a_colleagues_note_stops_a_change_from_an_older_page_as_a_reply_does(portal):
    """A note written to stop a closing («NON CHIUDERE») is news to whoever acts on the page
    drawn before it: «Cambia stato» from that page is not done, the page names the note."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Nota che ferma"))
    giulia, _ = operator_session(portal)
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    assert desk_post(portal, giulia, number, "take").status_code == 303
    page = giulia.get(portal.url + f"/desk/ticket/{number}")
    seen = re.search(r'name="seen" value="([^"]*)"', page.text).group(1)
    assert desk_post(portal, paolo, number, "note", note="NON CHIUDERE: arriva la patch.").status_code == 303
    stale = giulia.post(portal.url + f"/desk/ticket/{number}", files=NO_FILE, allow_redirects=False, data={
        "csrf": csrf_token(page.text), "seen": seen, "action": "status", "status": "closed"})
    assert stale.status_code == 409 and "nuova nota interna di Paolo Gallo" in stale.text, stale.status_code
    assert not re.search(r'value="closed"[^>]*selected', giulia.get(portal.url + f"/desk/ticket/{number}").text), "not closed"
    assert desk_post(portal, giulia, number, "status", status="closed").status_code == 303, "from the page that shows it"
    assert re.search(r'value="closed"[^>]*selected', giulia.get(portal.url + f"/desk/ticket/{number}").text)
    # Her own note is no news to her.
    page = giulia.get(portal.url + f"/desk/ticket/{number}")
    seen = re.search(r'name="seen" value="([^"]*)"', page.text).group(1)
    assert desk_post(portal, giulia, number, "note", note="Chiuso dopo la patch.").status_code == 303
    again = giulia.post(portal.url + f"/desk/ticket/{number}", files=NO_FILE, allow_redirects=False, data={
        "csrf": csrf_token(page.text), "seen": seen, "action": "priority", "priority": "high"})
    assert again.status_code == 303, again.status_code


def test_a_reply_after_someone_else_changed_the_ticket_lands_and_the_page_says_what_changed(portal):
    """The desk issue: "a reply to a ticket that another operator changed meanwhile still
    lands (no lost text) and the page says what changed". The controls chosen with it on the
    old page are not applied (they come back, to confirm); a button that only changes a
    control is not done from a stale page."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Due operatori"))
    giulia, _ = operator_session(portal)
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    page = giulia.get(portal.url + f"/desk/ticket/{number}")
    seen = re.search(r'name="seen" value="([^"]*)"', page.text).group(1)
    assert desk_post(portal, paolo, number, "take").status_code == 303
    assert desk_post(portal, paolo, number, "reply", reply="Risposta di Paolo").status_code == 303
    key = re.search(r'name="submission" value="([^"]*)"', page.text).group(1)
    first = {"csrf": csrf_token(page.text), "seen": seen, "submission": key, "action": "reply",
             "reply": "Risposta scritta prima"}
    landed = giulia.post(portal.url + f"/desk/ticket/{number}", data=first,
                         files={"files": ("verbale.txt", b"verbale della verifica\n", "text/plain")})
    assert landed.status_code == 200 and landed.url.split("?")[0].endswith(f"/desk/ticket/{number}")
    assert "Risposta inviata al cliente." in landed.text
    assert "Nel frattempo il ticket è cambiato" in landed.text and "nuova risposta di Paolo Gallo" in landed.text
    # The words come signed for the one who pressed: a link made by anyone else with its own
    # "cambiato" showed its text as the portal's warning on the operator's page.
    assert "Nel frattempo" not in paolo.get(landed.url).text, "signed for Giulia, not for Paolo"
    forged = re.sub(r"cambiato=[^&]*", "cambiato=Stato%3A%20chiama%20subito%20il%20333", landed.url)
    assert "chiama subito" not in giulia.get(forged).text
    unsigned = re.sub(r"&firma=[^&]*", "", landed.url)
    assert "Nel frattempo" not in giulia.get(unsigned).text
    elsewhere = landed.url.replace(f"/desk/ticket/{number}?", "/desk/ticket/1001?")
    assert "Nel frattempo" not in giulia.get(elsewhere).text, "signed for this ticket's page only"
    seen_by_customer = customer.get(portal.url + f"/ticket/{number}").text
    assert "Risposta scritta prima" in seen_by_customer and "verbale.txt" in seen_by_customer
    # A stale "Cambia stato" is not done: it names what changed and waits for a second press.
    status = giulia.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page.text), "seen": seen, "action": "status", "status": "closed"}, files=NO_FILE)
    assert status.status_code == 409 and "Non è stato salvato niente" in status.text
    # «Chiuso» stays chosen there for its button: a note sent from that page does not close it.
    again = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', status.text))
    assert again.get("pending") == "status"
    aside = giulia.post(portal.url + f"/desk/ticket/{number}", files=NO_FILE, data={
        "csrf": again["csrf"], "seen": again["seen"], "submission": again["submission"], "pending": again["pending"],
        "action": "note", "note": "Annoto senza chiudere.", "status": "closed"})
    assert aside.status_code == 200 and "Nota interna salvata." in aside.text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] != "closed"
    # A stale reply with "Chiuso" chosen: the reply lands, the status does not, and comes back to confirm.
    closing = giulia.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page.text), "seen": seen, "action": "reply", "reply": "Chiudo io", "status": "closed"},
        files=NO_FILE)
    assert closing.status_code == 200 and "Risposta inviata al cliente." in closing.text
    # Only the control chosen is named (all five were, whatever was chosen).
    assert "La modifica scelta con la risposta («Stato») non è stata salvata" in closing.text
    assert re.search(r'<option value="closed" selected', closing.text)
    assert "Chiudo io" in customer.get(portal.url + f"/ticket/{number}").text
    with portal.db() as db:
        status, operator = db.execute(
            "SELECT t.status, u.email FROM tickets t JOIN users u ON u.id = t.operator_id WHERE t.number = ?",
            (number,)).fetchone()
    assert status != "closed" and operator == OTHER_OPERATOR, "a stale select never undoes the other operator's change"
    # The page still shows «Chiuso» chosen, to be confirmed with its own button: a note sent
    # from it next does not apply it (it closed, or reopened, a ticket the page said was not).
    assert "un'altra risposta o nota non la applica" in html.unescape(closing.text)
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', closing.text))
    assert hidden.get("pending") == "status", hidden.get("pending")
    noted = giulia.post(portal.url + f"/desk/ticket/{number}", files=NO_FILE, data={
        "csrf": hidden["csrf"], "seen": hidden["seen"], "submission": hidden["submission"], "pending": hidden["pending"],
        "action": "note", "note": "Verificato con il cliente.", "status": "closed"})
    assert noted.status_code == 200 and "Nota interna salvata." in noted.text
    # ...and «Chiuso» is still there to confirm, said so (the next page had reset it unsaid).
    assert "La modifica di «Stato» scelta prima non è stata salvata con il messaggio" in html.unescape(noted.text)
    assert re.search(r'<option value="closed" selected', noted.text) and 'name="pending" value="status"' in noted.text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == status
    # The same form sent twice (a double click, a retry): one reply, one e-mail.
    twice = giulia.post(portal.url + f"/desk/ticket/{number}", data=first,
                        files={"files": ("verbale.txt", b"verbale della verifica\n", "text/plain")}, allow_redirects=False)
    assert twice.status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = 'Risposta scritta prima'").fetchone()[0] == 1


def test_a_reply_saves_the_status_chosen_with_it_even_after_coming_back_empty(portal):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Stato con la risposta"))
    operator, _ = operator_session(portal)
    # Sent empty first: the page comes back with the choices as made, not as saved.
    empty = desk_post(portal, operator, number, "reply", reply="   ", status="postponed", priority="high")
    assert empty.status_code == 422
    assert re.search(r'<option value="postponed" selected[ =>]', empty.text), "Stato as chosen"
    assert re.search(r'<option value="high" selected[ =>]', empty.text), "Priorità as chosen"
    # Sent again from that page (its selects, its "seen"), now with the text.
    seen = re.search(r'name="seen" value="([^"]*)"', empty.text).group(1)
    sent = operator.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(empty.text), "seen": seen, "action": "reply", "reply": "Le scriviamo domani.",
        "status": "postponed", "priority": "high"}, files=NO_FILE, allow_redirects=False)
    assert sent.status_code == 303
    with portal.db() as db:
        row = db.execute("SELECT status, priority, operator_id IS NOT NULL FROM tickets WHERE number = ?", (number,)).fetchone()
    assert tuple(row) == ("postponed", "high", 1)
    page = customer.get(portal.url + f"/ticket/{number}").text
    assert "Stato: Rinviato" in page and "Priorità: Alta" in page and "Le scriviamo domani." in page


def test_the_cli_lists_and_shows_tickets_and_assigns_them(portal):
    listed = portal.admin("ticket", "list")
    assert "#1001" in listed.stdout or "1001" in listed.stdout
    shown = portal.admin("ticket", "show", "--number", "1001")
    assert "1001" in shown.stdout
    # As typed, not as stored: a text area's "2*3*4" is kept escaped as Markdown.
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, description="- errore 2*3*4 in C:\\dati", description_format=None))
    shown = portal.admin("ticket", "show", "--number", str(number)).stdout
    assert "- errore 2*3*4 in C:\\dati" in shown and "\\*" not in shown, shown
    with portal.db() as db:
        mails_before = db.execute("SELECT max(id) FROM outbox").fetchone()[0] or 0
        audit_before = db.execute("SELECT max(id) FROM audit_events").fetchone()[0] or 0
    portal.admin("ticket", "assign", "--number", "1001", "--operator", OTHER_OPERATOR)
    with portal.db() as db:
        assert db.execute(
            "SELECT u.email FROM tickets t JOIN users u ON u.id = t.operator_id WHERE t.number = 1001").fetchone()[0] \
            == OTHER_OPERATOR
        # The command line assigned it, not the assignee: the thread, the log and the e-mail say so.
        lines = db.execute("""SELECT m.author_name, m.body FROM messages m JOIN tickets t ON t.id = m.ticket_id
                              WHERE t.number = 1001 AND m.kind = 'event' AND m.body LIKE '%Paolo Gallo%'""").fetchall()
        assert [tuple(line) for line in lines] == [("Assistenza", "Assistenza ha assegnato la richiesta a Paolo Gallo")]
        actors = db.execute("SELECT DISTINCT user_id, actor_email FROM audit_events WHERE id > ? AND event = 'ticket_assigned'",
                            (audit_before,)).fetchall()
        assert [tuple(actor) for actor in actors] == [(None, "")], actors
        told = db.execute("SELECT recipients, body FROM outbox WHERE id > ? AND subject LIKE '%assegnat%'",
                          (mails_before,)).fetchall()
        assert len(told) == 1 and OTHER_OPERATOR in told[0][0] and "Assistenza ti ha assegnato" in told[0][1], told
        db.execute("UPDATE users SET deactivated_at = 1 WHERE email = ?", (OTHER_OPERATOR,))
        db.commit()
    # A deactivated operator neither answers nor takes a ticket from the command line either.
    for command in (("reply", "--text", "Risposta"), ("assign",), ("status", "--status", "waiting")):
        refused = portal.admin("ticket", command[0], "--number", "1002", "--operator", OTHER_OPERATOR, *command[1:],
                               check=False)
        assert refused.returncode == 1 and "è disattivato" in refused.stderr, refused
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id "
                          "WHERE t.number = 1002 AND m.body = 'Risposta'").fetchone()[0] == 0
        db.execute("UPDATE users SET deactivated_at = NULL WHERE email = ?", (OTHER_OPERATOR,))
        db.commit()


def test_status_assignment_and_one_email_for_a_reply_with_a_status(portal):
    """A working status on a ticket nobody had makes it the operator's; "Nessun operatore" in
    Assegna a gives it back to the queue; a reply sent with Rinviato is one e-mail saying both."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Stati e operatori"))
    operator, _ = operator_session(portal)

    assert desk_post(portal, operator, number, "status", status="development").status_code == 303
    with portal.db() as db:
        row = db.execute("SELECT t.status, u.email FROM tickets t JOIN users u ON u.id = t.operator_id WHERE t.number = ?",
                         (number,)).fetchone()
    assert tuple(row) == ("development", OPERATOR), "In sviluppo is never nobody's"
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    assert 'value="take"' not in page, "already mine, whatever its status"
    # Pressed all the same (an old page): nothing changes, nobody is told of a hand-over.
    assert desk_post(portal, operator, number, "take").status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "development"
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ?"
                          " AND m.body LIKE '%In attesa%'", (number,)).fetchone()[0] == 0

    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]
    assert desk_post(portal, operator, number, "assign", assignee=str(paolo)).status_code == 303
    told = portal.wait_for_mail(OTHER_OPERATOR, f"Ticket #{number} assegnato a te").get_content()
    assert "Giulia Neri ti ha assegnato la richiesta" in told and f"/desk/ticket/{number}" in told

    back = desk_post(portal, operator, number, "assign", assignee="")
    assert back.status_code == 303 and "avviso=in-coda" in back.headers["Location"]
    assert "Ticket rimesso in coda" in operator.get(portal.url + back.headers["Location"]).text, "not 'Stato cambiato.'"
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (number,)).fetchone()) \
            == ("unassigned", None)
    # The operator's change is a line of the conversation, as taking and assigning are.
    conversation = customer.get(portal.url + f"/ticket/{number}").text
    assert "Paolo Gallo non segue più la richiesta" in conversation and "Stato: Non assegnato" in conversation
    # "Registro attività" lists it as an assignment, not only as a status changed.
    log = html.unescape(operator.get(portal.url + "/desk/registro").text)
    assert f"#{number}: Paolo Gallo" in log and "Ticket rimesso in coda" in log, log[-3000:]

    # "Prendi in carico" on a ticket in the queue: the customer hears of it, as of any status.
    assert desk_post(portal, operator, number, "take").status_code == 303
    status_mails = []
    while not any("presa in carico" in mail for mail in status_mails):  # after the earlier "In sviluppo"
        status_mails.append(portal.wait_for_mail(ADMIN, f"Ticket #{number} cambio di stato").get_content())
    assert "La richiesta è stata presa in carico da Giulia Neri. Lo stato della richiesta è ora: In attesa." in status_mails[-1]
    assert not any("Non assegnato" in mail for mail in status_mails), \
        "back in the queue is the desk's step: a line of the conversation, no e-mail to the customer"
    assert desk_post(portal, operator, number, "assign", assignee="").status_code == 303

    sent = desk_post(portal, operator, number, "reply", reply="Ci serve la versione installata.", status="postponed",
                     files=[("files", ("istruzioni.txt", b"Menu Aiuto, Informazioni.\n", "text/plain"))])
    assert sent.status_code == 303
    reply_mail = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta").get_content()
    assert "Allegati (da scaricare dal portale): istruzioni.txt." in reply_mail
    assert "Ci serve la versione installata." in reply_mail and "Rinviato" in reply_mail
    assert "attende una risposta per proseguire" in reply_mail and "tua risposta" not in reply_mail
    # Rinviato stops the clock: the desk shows no deadline, in the queue and on the ticket.
    assert "ferma: si attende il cliente" in operator.get(portal.url + f"/desk/ticket/{number}").text
    with portal.db() as db:
        assert db.execute("SELECT due_at FROM tickets WHERE number = ?", (number,)).fetchone()[0] is None
    time.sleep(1.5)
    mails = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in portal.mails()]
    postponed = [mail for mail in mails if f"#{number}" in mail["Subject"] and "cambio di stato" in mail["Subject"]
                 and ADMIN in mail["To"] and "Rinviato" in mail.get_content()]
    assert postponed == [], "the reply and its status in one e-mail"
    assert [mail for mail in mails if f"#{number}" in mail["Subject"] and "cambio di stato" in mail["Subject"]
            and "In sviluppo" in mail.get_content()], "the check sees status e-mails"


def test_a_reply_that_takes_a_ticket_from_the_queue_tells_its_new_status(portal):
    """A reply to a ticket nobody had made it «In attesa» without a word: its e-mail did not say
    so, and a person who follows only changes of status heard nothing, where «Prendi in carico»
    alone tells them."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Chi la prende"))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Buongiorno, ce ne occupiamo.").status_code == 303
    taken = "La richiesta è stata presa in carico da Giulia Neri. Lo stato della richiesta è ora: In attesa."
    told = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta").get_content()
    assert taken in told and "Buongiorno, ce ne occupiamo." in told
    # Given to a colleague with the reply ("Assegna a"): the e-mail names who has it now.
    given = created_number(new_ticket(portal, customer, title="Chi la prende, per un collega"))
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]
    assert desk_post(portal, operator, given, "reply", reply="La passo al collega.", assignee=str(paolo)).status_code == 303
    told = portal.wait_for_mail(ADMIN, f"Ticket #{given} nuova risposta").get_content()
    assert "presa in carico da Paolo Gallo. Lo stato della richiesta è ora: In attesa." in told, told

    def notifications(replies, status):
        page = customer.get(portal.url + "/profilo").text
        saved = customer.post(portal.url + "/profilo/notifiche", allow_redirects=False,
                              data={"csrf": csrf_token(page), "notify-replies": replies, "notify-status": status})
        assert saved.headers["Location"] == "/profilo?avviso=notifiche"

    notifications("none", "mine")
    try:
        second = created_number(new_ticket(portal, customer, title="Chi la prende, seconda"))
        assert desk_post(portal, operator, second, "reply", reply="Eccoci.").status_code == 303
        status = portal.wait_for_mail(ADMIN, f"Ticket #{second} cambio di stato").get_content()
        assert taken in status and "Eccoci." not in status
    finally:
        notifications("mine", "mine")
    time.sleep(1)
    mails = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in portal.mails()]
    assert not [mail for mail in mails if f"#{second} nuova risposta" in mail["Subject"] and ADMIN in mail["To"]]
    assert not [mail for mail in mails if f"#{number} cambio di stato" in mail["Subject"] and ADMIN in mail["To"]], \
        "the reply's own e-mail told it"


def test_a_reply_that_takes_a_new_ticket_says_who_took_it_above_the_reply(portal):
    """The first reply to a ticket in the queue wrote «ha preso in carico» below itself: the
    conversation read as if the operator had answered someone else's ticket, then taken it."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Ordine delle righe"))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Buongiorno, verifichiamo subito.").status_code == 303
    with portal.db() as db:
        thread = [row[0] for row in db.execute(
            "SELECT m.body FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ? ORDER BY m.id",
            (number,))]
    taken = thread.index("Giulia Neri ha preso in carico la richiesta")
    answered = thread.index("Buongiorno, verifichiamo subito.")
    waiting = [i for i, body in enumerate(thread) if "In attesa" in body]
    assert taken < answered and waiting and waiting[0] > answered, thread
    page = html.unescape(customer.get(portal.url + f"/ticket/{number}").text)
    assert page.index("Giulia Neri ha preso in carico") < page.index("verifichiamo subito"), "as the customer reads it"


def test_taking_a_colleagues_ticket_keeps_its_status_and_a_reply_with_a_status_shows_only_that_status(portal):
    """"Prendi in carico" on a colleague's "In sviluppo" ticket: development still has it. A
    reply that takes a ticket nobody had, sent with "In sviluppo", shows the take-over and
    that status, not an "In attesa" nobody chose."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Presa in carico da un collega"))
    giulia, _ = operator_session(portal)
    assert desk_post(portal, giulia, number, "status", status="development").status_code == 303
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    page = paolo.get(portal.url + f"/desk/ticket/{number}").text
    assert 'value="take"' in page
    # One file field for both buttons: the page says which one the files go with.
    assert "I file vanno con il pulsante che premi" in html.unescape(page)
    # The heading is the title: the summary under it gives status and priority without repeating it.
    assert f"#{number} Presa in carico da un collega</h1>" in page and "ticket-summary-title" not in page
    assert "ticket-summary-title" in customer.get(portal.url + f"/ticket/{number}").text
    assert desk_post(portal, paolo, number, "take").status_code == 303
    with portal.db() as db:
        row = db.execute("SELECT t.status, u.email FROM tickets t JOIN users u ON u.id = t.operator_id WHERE t.number = ?",
                         (number,)).fetchone()
    assert tuple(row) == ("development", OTHER_OPERATOR)
    assert "Paolo Gallo ha preso in carico" in customer.get(portal.url + f"/ticket/{number}").text

    other = created_number(new_ticket(portal, customer, title="Risposta con uno stato"))
    assert desk_post(portal, paolo, other, "reply", reply="Lo passiamo allo sviluppo.", status="development") \
        .status_code == 303
    conversation = customer.get(portal.url + f"/ticket/{other}").text
    assert "Paolo Gallo ha preso in carico" in conversation and "Stato: In sviluppo" in conversation
    assert "Stato: In attesa" not in conversation, "no step nobody chose"
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (other,)).fetchone()[0] == "development"


def test_a_reply_and_the_controls_changed_with_it_are_one_transaction(fresh_portal):
    """A worker killed between a reply and its "Priorità" acknowledged the reply on the form's
    retry and lost the priority. A priority that cannot be written now takes the reply with it:
    nothing is half saved, and the same press can be sent again."""
    portal = fresh_portal()
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Risposta e priorità insieme"))
    operator, _ = operator_session(portal)
    with portal.db() as db:
        db.execute("CREATE TRIGGER refuse_high BEFORE UPDATE OF priority ON tickets WHEN NEW.priority = 'high' "
                   "BEGIN SELECT RAISE(ABORT, 'priority refused by the test'); END")
        db.commit()
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    press = {"csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1),
             "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1), "action": "reply",
             "reply": "Risposta con priorità alta.", "priority": "high"}
    def send():
        return operator.post(portal.url + f"/desk/ticket/{number}", data=press, files=NO_FILE, allow_redirects=False)
    assert send().status_code >= 500
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE '%priorità alta%'").fetchone()[0] == 0
        db.execute("DROP TRIGGER refuse_high")
        db.commit()
    # The browser's retry of the same press: the reply and its priority, once, both named.
    landed = send()
    assert landed.status_code == 303 and landed.headers["Location"].endswith("avviso=risposta-modifiche")
    told = html.unescape(operator.get(portal.url + landed.headers["Location"]).text)
    assert "Risposta inviata al cliente. Salvate anche le modifiche scelte accanto: ciascuna è una riga della conversazione." in told
    with portal.db() as db:
        assert db.execute("SELECT priority FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "high"
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE '%priorità alta%'").fetchone()[0] == 1
    assert send().headers["Location"].endswith("avviso=risposta-modifiche"), "a third send finds the first, its priority said"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE '%priorità alta%'").fetchone()[0] == 1


def test_words_found_only_in_closed_tickets_are_said_with_a_link_to_them(portal):
    """Looking for a customer's old request with "Stato: Aperti" (the queue's first state) said
    "Nessun ticket", as if it did not exist."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Vombato nella stampante"))
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
    operator, _ = operator_session(portal)
    page = html.unescape(operator.get(portal.url + "/desk/", params={"cerca": "vombato", "stato": "aperti"}).text)
    assert "Nessun ticket aperto con questi filtri contiene le parole cercate, ma le contiene 1 ticket chiuso." in page, page[:3000]
    link = re.search(r'<a href="([^"]+)">Cerca anche nei ticket chiusi</a>', page).group(1)
    widened = operator.get(portal.url + link).text
    assert f"/desk/ticket/{number}" in widened and "stato=qualsiasi" in link
    # Nothing closed has the words either: nothing more is said.
    none = html.unescape(operator.get(portal.url + "/desk/", params={"cerca": "zzzznessuno", "stato": "aperti"}).text)
    assert "Cerca anche nei ticket chiusi" not in none


def test_a_ticket_number_in_cerca_leads_to_that_ticket(portal):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Numero da cercare"))
    operator, queue = operator_session(portal)
    token = csrf_token(queue.text)
    jumped = operator.post(portal.url + "/desk/cerca", data={"csrf": token, "cerca": f" #{number} ", "stato": "qualsiasi"},
                           allow_redirects=False)
    assert jumped.status_code == 303 and jumped.headers["Location"] == f"/desk/ticket/{number}"
    try:
        listed = operator.post(portal.url + "/desk/cerca", data={"csrf": token, "cerca": str(number), "stato": "qualsiasi"})
        assert listed.status_code == 200
        assert f"ticket #{number} «Numero da cercare»" in listed.text and f'<a href="/desk/ticket/{number}">apri il ticket</a>' in listed.text
        # A number no ticket has: said so, and not remembered as the operator's search.
        missing = operator.post(portal.url + "/desk/cerca", data={"csrf": token, "cerca": "#99999999", "stato": "qualsiasi"})
        assert missing.status_code == 200 and "Nessun ticket ha il numero #99999999." in missing.text
        assert "#99999999" not in operator.get(portal.url + "/desk/").text, "the search kept is the one before"
    finally:
        operator.post(portal.url + "/desk/cerca", data={"csrf": token, "stato": "aperti"})


def test_azzera_filtri_brings_the_queue_back_to_its_first_state(portal):
    operator, queue = operator_session(portal)
    token = csrf_token(queue.text)
    narrowed = operator.post(portal.url + "/desk/cerca", data={"csrf": token, "cerca": "parolachenonesiste", "stato": "qualsiasi"})
    assert "Nessun ticket per i filtri scelti." in narrowed.text and ">Azzera filtri</button>" in narrowed.text
    reset = operator.post(portal.url + "/desk/cerca", data={"csrf": token, "cerca": "#1001", "azzera": "1"},
                          allow_redirects=False)
    assert reset.status_code == 303 and not reset.headers["Location"].startswith("/desk/ticket/"), "a reset, not #1001"
    again = operator.get(portal.url + "/desk/").text
    assert "parolachenonesiste" not in again and "/desk/ticket/" in again


def test_tickets_of_the_same_second_are_listed_newest_first(portal):
    """Activity is kept in whole seconds: two tickets opened in one second were listed older
    first (the indexes ordered a tie by id upwards), on «Coda ticket» and by status."""
    customer, _ = login(portal, email=TECHNICIAN)
    numbers = [created_number(new_ticket(portal, customer, title=f"Stesso secondo {n}")) for n in range(3)]
    with portal.db() as db:
        # The same second, ahead of every other ticket of the shared portal.
        db.execute("UPDATE tickets SET updated_at = strftime('%s', 'now') + 3600 WHERE number IN (?, ?, ?)", numbers)
    operator, _ = operator_session(portal)
    for address in ("/desk/?stato=aperti", "/desk/?stato=unassigned", "/desk/?stato=unassigned&priorita=normal"):
        listed = [int(n) for n in re.findall(r'href="/desk/ticket/(\d+)[?"]', operator.get(portal.url + address).text)]
        assert [n for n in listed if n in numbers] == sorted(numbers, reverse=True), (address, listed[:10])
    with portal.db() as db:
        db.execute("UPDATE tickets SET updated_at = strftime('%s', 'now') WHERE number IN (?, ?, ?)", numbers)


def test_each_count_above_the_queue_opens_the_queue_of_its_status(portal):
    """The counts per status were plain text: an operator clicking "Non assegnato 24" got nothing."""
    operator, queue = operator_session(portal)
    counts = re.search(r'<ul class="desk-counts".*?</ul>', queue.text, re.S).group(0)
    links = {label: href for href, label, _ in
             re.findall(r'<a href="(/desk/\?stato=[a-z]+)"[^>]*>([^<]+) <strong>(\d+)</strong>', counts)}
    assert set(links) == {"Non assegnato", "In attesa", "Rinviato", "In sviluppo", "Chiuso"}, counts
    waiting = operator.get(portal.url + "/desk/?stato=waiting").text
    assert re.search(r'<a href="/desk/\?stato=waiting" aria-current="page">', waiting)
    rows = re.findall(r'<tr>.*?</tr>', waiting.split("<tbody>")[1], re.S)
    assert rows and all("In attesa" in row for row in rows)
    # Leaves the shared portal's queue as it found it.
    operator.post(portal.url + "/desk/cerca", data={"csrf": csrf_token(waiting), "azzera": "1"})


def test_a_desk_page_opened_during_an_operators_login_goes_on_at_the_code_and_opens_after_it(fresh_portal):
    """An operator at the e-mail code who opened a desk ticket in another tab got "Pagina non
    trovata"; the desk still does not exist for a customer's login under way."""
    from portal import code_step, password_step
    portal = fresh_portal()
    session = requests.Session()
    assert password_step(portal, OTHER_OPERATOR, session=session).headers["Location"] == "/accesso/codice"
    early = session.get(portal.url + "/desk/ticket/1001", allow_redirects=False)
    assert early.status_code == 303 and early.headers["Location"] == "/accesso/codice"
    done = code_step(portal, session, portal.wait_for_code(OTHER_OPERATOR))
    assert done.headers["Location"] == "/desk/ticket/1001", done.headers.get("Location")
    customer = requests.Session()
    assert password_step(portal, TECHNICIAN, session=customer).headers["Location"] == "/accesso/codice"
    assert customer.get(portal.url + "/desk/", allow_redirects=False).status_code == 404


def page_choices(page):
    """What a browser sends from the desk page's selects: each one's selected option."""
    chosen = {}
    for name in ("assignee", "status", "priority"):
        select = re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.S).group(0)
        selected = re.search(r'<option value="([^"]*)" selected', select)
        chosen[name] = selected.group(1) if selected else re.search(r'<option value="([^"]*)"', select).group(1)
    return chosen


def test_a_note_never_moves_a_deactivated_operators_ticket_nor_applies_stale_controls(portal):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Operatore uscito"))
    giulia, _ = operator_session(portal)
    with portal.db() as db:
        gone = db.execute("INSERT INTO users (email, password_hash, first_name, last_name, is_operator, desk_role,"
                          " deactivated_at, created_at, updated_at) VALUES ('uscito@assistenza.example', 'x', 'Ugo',"
                          " 'Uscito', 1, 'operator', strftime('%s','now'), strftime('%s','now'), strftime('%s','now'))").lastrowid
        db.execute("UPDATE tickets SET operator_id = ?, status = 'closed', closed_at = strftime('%s','now') WHERE number = ?",
                   (gone, number))
    page = giulia.get(portal.url + f"/desk/ticket/{number}").text
    assert f'<option value="{gone}" selected="selected">Ugo Uscito (disattivato)</option>' in page
    sent = giulia.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1), "action": "note",
        "note": "Solo per noi.", **page_choices(page)}, files=NO_FILE, allow_redirects=False)
    assert sent.status_code == 303
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (number,)).fetchone()) == ("closed", gone)

    # A note from a page drawn before a colleague's change is saved; its stale choices are not.
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'waiting', closed_at = NULL, operator_id = NULL WHERE number = ?", (number,))
    old = giulia.get(portal.url + f"/desk/ticket/{number}").text
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    assert desk_post(portal, paolo, number, "take").status_code == 303
    key = re.search(r'name="submission" value="([^"]*)"', old).group(1)
    noted = giulia.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(old), "seen": re.search(r'name="seen" value="([^"]*)"', old).group(1), "submission": key,
        "action": "note", "note": "Nota da una pagina vecchia.", "status": "postponed"}, files=NO_FILE)
    assert noted.status_code == 200 and "Nota salvata." in noted.text
    assert "La modifica scelta con la nota («Stato») non è stata salvata" in noted.text and "Tipologia" not in noted.text.split("Nota salvata.")[1].split("</")[0]
    assert re.search(r'<option value="postponed" selected', noted.text), "the choice comes back, to confirm"
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "waiting"
    # The same page's key, now with a reply (the browser's Back): a reply of its own, not "sent already".
    fresh = giulia.get(portal.url + f"/desk/ticket/{number}").text
    replied = giulia.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(fresh), "seen": re.search(r'name="seen" value="([^"]*)"', fresh).group(1), "submission": key,
        "action": "reply", "reply": "Risposta dopo la nota."}, files=NO_FILE, allow_redirects=False)
    assert replied.status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = 'Risposta dopo la nota.'").fetchone()[0] == 1
    # Customers read what operators did, not where from.
    activity = customer.get(portal.url + "/tenant/attivita").text
    line = re.search(r"<tr>(?:(?!</tr>).)*Risposta dell'assistenza(?:(?!</tr>).)*</tr>", activity).group(0)
    assert "127.0.0.1" not in line, line
    # Nor their addresses: by name, as the conversation names them.
    assert "Giulia Neri (Assistenza)" in line and "@assistenza.example" not in line, line


def test_two_operators_pressing_at_once_are_told_apart_and_a_press_is_recorded_with_what_it_sent(portal):
    """The check runs again inside the action's transaction: of two replies sent at the same
    moment from the same state, both land and the later one is told of the other. The same press sent again
    is found; a correction from the same page (the browser's Back) is a press of its own."""
    import threading
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Due risposte insieme"))
    giulia, _ = operator_session(portal)
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    pages = {name: session.get(portal.url + f"/desk/ticket/{number}").text for name, session in (("g", giulia), ("p", paolo))}
    answers = {}

    def send(name, session, text):
        page = pages[name]
        answers[name] = session.post(portal.url + f"/desk/ticket/{number}", data={
            "csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1),
            "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1), "action": "reply",
            "reply": text}, files=files, allow_redirects=False)

    # Files make each request long between its first look at the ticket and its transaction,
    # so that both look before either writes.
    files = [("files", (f"log{index}.txt", (b"riga di log\n" * 400_000)[:3_900_000], "text/plain")) for index in range(9)]

    threads = [threading.Thread(target=send, args=("g", giulia, "Risposta di Giulia in gara")),
               threading.Thread(target=send, args=("p", paolo, "Risposta di Paolo in gara"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Both land (no lost text); the later one is told of the other's reply.
    assert [answer.status_code for answer in answers.values()] == [303, 303], answers
    told = [answer.headers["Location"] for answer in answers.values() if "cambiato=" in answer.headers["Location"]]
    assert len(told) == 1, answers
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ?"
                          " AND m.body IN ('Risposta di Giulia in gara', 'Risposta di Paolo in gara')", (number,)).fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ?"
                          " AND m.kind = 'event' AND m.body LIKE '%preso in carico%'", (number,)).fetchone()[0] == 1, \
            "one of them took the ticket; the other did not take it from them"

    # Giulia's own reply is no news to her: after Back, her corrected text from the same page is sent.
    page = giulia.get(portal.url + f"/desk/ticket/{number}").text
    fields = {"csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1),
              "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1), "action": "reply"}
    assert giulia.post(portal.url + f"/desk/ticket/{number}", data={**fields, "reply": "Versione A"}, files=NO_FILE,
                       allow_redirects=False).status_code == 303
    assert giulia.post(portal.url + f"/desk/ticket/{number}", data={**fields, "reply": "Versione A"}, files=NO_FILE,
                       allow_redirects=False).status_code == 303
    corrected = giulia.post(portal.url + f"/desk/ticket/{number}", data={**fields, "reply": "Versione B corretta"},
                            files=NO_FILE, allow_redirects=False)
    assert corrected.status_code == 303
    with portal.db() as db:
        bodies = [row[0] for row in db.execute("SELECT body FROM messages WHERE body IN ('Versione A', 'Versione B corretta')")]
    assert sorted(bodies) == ["Versione A", "Versione B corretta"], "A once, and the correction"
    # "Prendi in carico" pressed twice: the second finds the first, no false "nothing saved".
    page = giulia.get(portal.url + f"/desk/ticket/{number}").text
    take = {"csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1),
            "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1), "action": "take"}
    with portal.db() as db:
        db.execute("UPDATE tickets SET operator_id = NULL, status = 'unassigned' WHERE number = ?", (number,))
    page = giulia.get(portal.url + f"/desk/ticket/{number}").text
    take["seen"] = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    first = giulia.post(portal.url + f"/desk/ticket/{number}", data=take, files=NO_FILE, allow_redirects=False)
    second = giulia.post(portal.url + f"/desk/ticket/{number}", data=take, files=NO_FILE, allow_redirects=False)
    assert (first.status_code, second.status_code) == (303, 303) and "avviso=presa" in second.headers["Location"]


def test_nessun_operatore_with_a_reply_is_one_email_and_is_refused_where_it_means_nothing(portal):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Rimettere in coda"))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "take").status_code == 303
    sent = desk_post(portal, operator, number, "reply", reply="Lo passo al collega di turno.", assignee="")
    assert sent.status_code == 303
    told = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta").get_content()
    # Back in the queue is read in the conversation: neither the reply's e-mail nor one of its own says it.
    assert "Lo passo al collega di turno." in told and "Non assegnato" not in told
    with portal.db() as db:
        assert not db.execute("SELECT 1 FROM outbox WHERE subject LIKE ? AND body LIKE '%Non assegnato%'",
                              (f"Ticket #{number} %",)).fetchall()
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (number,)).fetchone()) \
            == ("unassigned", None)
    nobody = desk_post(portal, operator, number, "assign", assignee="")
    assert nobody.status_code == 422 and "è già senza operatore" in nobody.text
    with portal.db() as db:
        giulia = db.execute("SELECT id FROM users WHERE email = ?", (OPERATOR,)).fetchone()[0]
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now'), operator_id = ? WHERE number = ?",
                   (giulia, number))
    closed = desk_post(portal, operator, number, "assign", assignee="")
    assert closed.status_code == 422 and "Un ticket chiuso resta" in closed.text


def test_an_internal_note_does_not_move_the_customers_last_update(portal):
    """The customer's "Data Ultimo Aggiornamento Ticket" moved with an internal note: they
    could tell something happened that they cannot read."""
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Nota e data " + uuid.uuid4().hex[:6]))
    with portal.db() as db:
        db.execute("UPDATE messages SET created_at = created_at - 7200 WHERE ticket_id = (SELECT id FROM tickets WHERE number = ?)",
                   (number,))
        db.execute("UPDATE tickets SET created_at = created_at - 7200, updated_at = updated_at - 7200 WHERE number = ?", (number,))
        db.commit()

    def last_update():
        page = customer.get(portal.url + f"/ticket/{number}").text
        return re.search(r"<dt>Data Ultimo Aggiornamento Ticket</dt><dd>([^<]+)</dd>", page).group(1)

    before = last_update()
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "note", note="Solo per noi: verificare il listino.").status_code == 303
    assert last_update() == before
    assert desk_post(portal, operator, number, "reply", reply="Abbiamo verificato.").status_code == 303
    assert last_update() != before, "a reply the customer reads is an update"


def test_the_companys_other_open_tickets_stop_at_twenty_and_lead_to_the_queue(portal):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Altri aperti " + uuid.uuid4().hex[:6]))
    with portal.db() as db:
        others = db.execute("SELECT count(*) FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.vat = '02740123456'"
                            " AND t.status != 'closed' AND t.number != ?", (number,)).fetchone()[0]
    for index in range(max(0, 21 - others)):
        new_ticket(portal, customer, title=f"Riempitivo {index}")
    operator, _ = operator_session(portal)
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    glance = page.split('id="company-glance"')[1].split("</section>")[0]
    listed = glance.split("Altri ticket aperti")[1] if "Altri ticket aperti" in glance else glance
    assert listed.count('<li><a href="/desk/ticket/') == 20
    link = re.search(r'<a href="(/desk/\?[^"]+)">Tutti i ticket aperti di questa azienda nella coda</a>', glance)
    assert link, glance[-600:]
    target = html.unescape(link.group(1))
    assert "azienda=02740123456" in target
    queue = operator.get(portal.url + target).text
    assert 'value="02740123456"' in queue, "the queue comes filtered by the company"
    assert "BIANCHI SPA" not in queue.split("<tbody>")[1], "no other company's ticket"


def copy_ticket_1001(portal, first, last):
    """Copies of ticket 1001 numbered first…last, written in one statement that reads and
    writes at once: a temporary copy read first made the write an upgrade of an older
    snapshot, which SQLite refuses at once ("database is locked", no wait) when the starting
    portal has committed meanwhile (seen in CI and in a `make test`)."""
    with portal.db() as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(tickets)") if row[1] != "id"]
        chosen = ", ".join("n" if column == "number" else f"t.{column}" for column in columns)
        db.execute(f"""WITH RECURSIVE numbers(n) AS (SELECT {first} UNION ALL SELECT n + 1 FROM numbers WHERE n < {last})
                       INSERT INTO tickets ({", ".join(columns)}) SELECT {chosen} FROM numbers, tickets t WHERE t.number = 1001""")


def test_a_search_past_its_last_page_says_so_instead_of_nothing_beside_more_than_200(fresh_portal):
    portal = fresh_portal()
    with portal.db() as db:
        title = db.execute("SELECT title FROM tickets WHERE number = 1001").fetchone()[0]
    copy_ticket_1001(portal, 60001, 60230)
    session, _ = operator_session(portal)
    word = max(re.findall(r"\w+", title), key=len)
    found = session.get(portal.url + f"/desk/?cerca={word}&stato=qualsiasi").text
    assert "più di 200 ticket" in found
    past = html.unescape(session.get(portal.url + f"/desk/?cerca={word}&stato=qualsiasi&pagina=999").text)
    assert "La pagina 999 è vuota" in past and "Nessun ticket per i filtri scelti." not in past
    assert "Torna alla prima pagina" in past and ">Pagina precedente<" not in past


def test_a_reply_with_files_past_forty_megabytes_keeps_its_text_and_says_why(portal):
    session, _ = operator_session(portal)
    page = session.get(portal.url + "/desk/ticket/1001").text
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    film = b"\0" * (45 * 1024 * 1024)  # over what a message may carry, under nginx's 100 MB
    sent = session.post(portal.url + "/desk/ticket/1001", allow_redirects=False, data={
        "csrf": csrf_token(page), "seen": seen, "reply": "Ecco il filmato della prova."},
        files={"files": ("filmato.mp4", film, "video/mp4")})
    assert sent.status_code == 413
    assert "Ecco il filmato della prova." in sent.text and "non sono arrivati" in sent.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = 'Ecco il filmato della prova.'").fetchone()[0] == 0


def test_a_reply_on_a_ticket_closed_meanwhile_lands_and_leaves_it_closed(portal):
    """The customer's «Chiudo io» and the operator's reply from a page drawn before it: the reply
    reopened the ticket, undoing the customer's close with a page that had not seen it. It lands,
    the ticket stays closed (as an answer by e-mail leaves it), the operator is told, and the
    customer's e-mail says until when an answer reopens it."""
    session, _ = operator_session(portal)
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Chiuso mentre l'operatore scrive"))
    page = session.get(portal.url + f"/desk/ticket/{number}").text
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    # "Rinviato" chosen on the old page: not applied, as every stale control.
    sent = session.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page), "seen": seen, "action": "reply", "reply": "Ecco la soluzione.", "status": "postponed"},
        files=NO_FILE)
    assert sent.status_code == 200
    assert "Il ticket era stato chiuso nel frattempo e resta chiuso: per riaprirlo scegli un altro «Stato»." \
        in html.unescape(sent.text)
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "closed"
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id"
                          " WHERE t.number = ? AND m.body = 'Ecco la soluzione.'", (number,)).fetchone()[0] == 1
        bodies = [row[0] for row in db.execute("SELECT body FROM outbox WHERE id > ? AND subject LIKE ?",
                                                (last_mail, f"%#{number} %"))]
    assert any("Ecco la soluzione." in body and "La richiesta resta chiusa" in body for body in bodies), bodies
    assert not any("In attesa" in body or "Rinviato" in body for body in bodies), bodies
    def closed_behind_a_page(**fields):
        """The reply `fields` sent from a page of the open ticket, closed after the page was drawn."""
        with portal.db() as db:
            db.execute("UPDATE tickets SET status = 'waiting', closed_at = NULL WHERE number = ?", (number,))
        page = session.get(portal.url + f"/desk/ticket/{number}").text
        seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
        with portal.db() as db:
            db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
        data = {"csrf": csrf_token(page), "seen": seen, "action": "reply",
                "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1), **fields}
        return session.post(portal.url + f"/desk/ticket/{number}", data=data, files=NO_FILE), data

    # Without other controls: the notice of the page it leads to.
    again, data = closed_behind_a_page(reply="Un'ultima precisazione.")
    assert again.status_code == 200 and "avviso=risposta-chiuso" in again.url, again.url
    assert "resta chiuso" in html.unescape(again.text)
    # The same press again (a retry after a lost answer) saves nothing and says the same.
    retried = session.post(portal.url + f"/desk/ticket/{number}", data=data, files=NO_FILE)
    assert retried.status_code == 200 and "avviso=risposta-chiuso" in retried.url, retried.url
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = ?", ("Un'ultima precisazione.",)).fetchone()[0] == 1
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "closed"
    # «Chiuso» chosen with the reply, and the customer closed it meanwhile: the ticket is as
    # chosen, and nothing is said "not saved, press its button".
    chosen, _ = closed_behind_a_page(reply="Chiudo anch'io.", status="closed")
    assert chosen.status_code == 200 and "avviso=risposta-chiuso" in chosen.url, chosen.url
    assert "non è stata salvata" not in html.unescape(chosen.text)


def test_a_reply_to_a_closed_ticket_with_chiuso_left_keeps_it_closed_another_status_reopens_it(portal):
    """The customer closed it and the operator says thanks with "Stato" as the page shows it:
    the reply reached the customer and the ticket went back into the queue "In attesa"."""
    session, _ = operator_session(portal)
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Chiuso dal cliente"))
    assert desk_post(portal, session, number, "take").status_code == 303
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    page = session.get(portal.url + f"/desk/ticket/{number}").text
    assert "con «Stato» lasciato su «Chiuso» la risposta arriva al cliente e il ticket resta chiuso" in html.unescape(page)
    thanks = desk_post(portal, session, number, "reply", reply="Grazie a lei, buona giornata.", status="closed")
    assert thanks.status_code == 303 and thanks.headers["Location"].endswith("avviso=risposta"), thanks.headers["Location"]
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "closed"
        bodies = [row[0] for row in db.execute("SELECT body FROM outbox WHERE id > ? AND subject LIKE ?",
                                                (last_mail, f"%#{number} %"))]
    assert any("Grazie a lei, buona giornata." in body and "La richiesta resta chiusa. Se serve ancora, puoi riaprirla"
               " rispondendo entro il" in body for body in bodies), bodies
    assert not any("Lo stato della richiesta è ora" in body for body in bodies), bodies
    # Closed past its 15 days: the e-mail says it cannot be reopened (an answer would be refused).
    with portal.db() as db:
        db.execute("UPDATE tickets SET closed_at = strftime('%s','now') - 20 * 86400 WHERE number = ?", (number,))
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    assert desk_post(portal, session, number, "reply", reply="Ultima nota.", status="closed").status_code == 303
    with portal.db() as db:
        bodies = [row[0] for row in db.execute("SELECT body FROM outbox WHERE id > ?", (last_mail,))]
        db.execute("UPDATE tickets SET closed_at = strftime('%s','now') WHERE number = ?", (number,))
    assert any("Ultima nota." in body and "non può più essere riaperta" in body for body in bodies), bodies
    # ...and invites to read it, not to answer it (the page has no reply box then).
    assert not any("Ultima nota." in body and "o rispondere" in body for body in bodies), bodies
    assert any("Per leggere la conversazione apri il ticket sul portale" in body for body in bodies), bodies
    # Another status chosen with the reply reopens it, and the customer is told.
    again = desk_post(portal, session, number, "reply", reply="Riapro per un controllo.", status="waiting")
    assert again.status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "waiting"
        bodies = [row[0] for row in db.execute("SELECT body FROM outbox WHERE id > ? AND subject LIKE ?",
                                                (last_mail, f"%#{number} %"))]
    assert any("Riapro per un controllo." in body and "Lo stato della richiesta è ora: In attesa." in body
               for body in bodies), bodies
    # Closed again; then reopened by the customer while the operator wrote on the page that
    # showed it closed, with "Stato" left at "Chiuso": the reply goes and the ticket stays open
    # (the page's stale "Chiuso" was never chosen).
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
    stale = session.get(portal.url + f"/desk/ticket/{number}").text
    seen = re.search(r'name="seen" value="([^"]*)"', stale).group(1)
    assert reply(portal, customer, number, "Il problema si ripresenta.").status_code == 303
    late = session.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(stale), "seen": seen, "action": "reply", "reply": "Grazie per la conferma.",
        "status": "closed"}, files=NO_FILE)
    assert late.status_code == 200, late.status_code
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] != "closed"


def test_the_operator_hears_of_the_customers_files_and_panel_changes_by_e_mail(portal):
    """A reply with a log file and a raised priority was mailed as its text alone, and
    "Conferma" with a raised priority was mailed to nobody: the operator learnt of either only
    at their next look at the queue."""
    session, _ = operator_session(portal)
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Giacenze sbagliate", priority="low"))
    assert desk_post(portal, session, number, "take").status_code == 303
    with portal.db() as db:
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    sent = reply(portal, customer, number, "Allego il log.", priority="high",
                 files={"files": ("giacenze.txt", b"riga 1\n", "text/plain")})
    assert sent.status_code == 303
    confirmed = reply(portal, customer, number, "", action="confirm", priority="normal")
    assert confirmed.status_code == 303, confirmed.status_code
    with portal.db() as db:
        mails = [(row[0], row[1]) for row in db.execute(
            "SELECT subject, body FROM outbox WHERE id > ? AND recipients = ? ORDER BY id", (last_mail, OPERATOR))]
    replied = [body for subject, body in mails if "risposta del cliente" in subject]
    assert replied and "Allego il log." in replied[0], mails
    assert "Allegati (da scaricare dal portale): giacenze.txt." in replied[0] and "Cambiato dal cliente: Priorità: Alta" in replied[0]
    changed = [body for subject, body in mails if "modifica del cliente" in subject]
    assert changed and "ha cambiato il ticket:" in changed[0] and "- Priorità: Normale" in changed[0], mails


def test_the_operator_who_had_a_ticket_hears_that_a_colleague_took_it_or_gave_it_away(portal):
    """A colleague's "Prendi in carico" took a ticket out of its operator's "Me" without a word."""
    giulia, _ = operator_session(portal)
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Passaggio di mano"))
    assert desk_post(portal, giulia, number, "take").status_code == 303
    with portal.db() as db:
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
        giulia_id = db.execute("SELECT id FROM users WHERE email = ?", (OPERATOR,)).fetchone()[0]
    assert desk_post(portal, paolo, number, "take").status_code == 303
    # Given back by Paolo himself: Giulia hears who gave it; Paolo, who gave it, hears nothing of it.
    assert desk_post(portal, paolo, number, "assign", assignee=str(giulia_id)).status_code == 303
    with portal.db() as db:
        mails = [(row[0], row[1], row[2]) for row in db.execute(
            "SELECT recipients, subject, body FROM outbox WHERE id > ? AND subject LIKE ? ORDER BY id",
            (last_mail, f"%#{number} passato a un collega%"))]
    assert [to for to, _, _ in mails] == [OPERATOR], mails
    assert "Paolo Gallo ha preso in carico la richiesta" in mails[0][2] and "che era assegnata a te" in mails[0][2]


def test_the_operator_whose_ticket_a_colleague_sends_back_to_the_queue_hears_it(portal):
    giulia, _ = operator_session(portal)
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Rimesso in coda"))
    assert desk_post(portal, giulia, number, "take").status_code == 303
    with portal.db() as db:
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    assert desk_post(portal, paolo, number, "assign", assignee="").status_code == 303
    with portal.db() as db:
        mails = [(row[0], row[1]) for row in db.execute(
            "SELECT recipients, body FROM outbox WHERE id > ? AND subject LIKE ?", (last_mail, f"%#{number} rimesso in coda%"))]
    assert [to for to, _ in mails] == [OPERATOR], mails
    assert "Paolo Gallo ha rimesso in coda («Non assegnato») la richiesta" in mails[0][1]


def test_an_empty_search_past_its_end_shows_no_pager(portal):
    session, _ = operator_session(portal)
    page = session.get(portal.url + "/desk/?cerca=zzzznonesiste&stato=qualsiasi&pagina=3").text
    assert "Nessun ticket per i filtri scelti." in page and "di 1 (0 ticket)" not in page and "Pagina 3" not in page


def test_an_operator_following_a_customers_ticket_link_lands_on_the_desks_page(portal):
    """A customer forwards a notification to the desk: its /ticket/N link said the page did not exist."""
    session, _ = operator_session(portal)
    followed = session.get(portal.url + "/ticket/1001", allow_redirects=False)
    assert followed.status_code in (302, 303) and followed.headers["Location"] == "/desk/ticket/1001"
    listing = session.get(portal.url + "/ticket", allow_redirects=False)
    assert listing.status_code == 404, "the company pages stay none of theirs"
    # Told as to a person signed in (the page said the session had ended), with the way to the queue.
    assert "le loro richieste sono nella «Coda ticket»" in html.unescape(listing.text) and "accedi di nuovo" not in listing.text
    assert 'href="/"' in listing.text  # the home page, which is the queue for an operator
    assert session.get(portal.url + "/", allow_redirects=False).headers["Location"].startswith("/desk/")
    # The ticket's files page and a file's address lead to the desk's own (a forwarded link).
    files = session.get(portal.url + "/ticket/1001/allegati", allow_redirects=False)
    assert files.status_code in (302, 303) and files.headers["Location"] == "/desk/ticket/1001"
    one = session.get(portal.url + "/ticket/1001/allegati/1", allow_redirects=False)
    assert one.status_code in (302, 303) and one.headers["Location"] == "/desk/ticket/1001/allegati/1"


def test_torna_alla_coda_goes_back_to_the_page_and_filters_the_ticket_was_opened_from(fresh_portal):
    portal = fresh_portal()
    copy_ticket_1001(portal, 70001, 70060)
    session, _ = operator_session(portal)
    second = session.get(portal.url + "/desk/?stato=qualsiasi&pagina=2").text
    links = re.findall(r'class="ticket-link" href="([^"]+)"', second)
    assert links, "page 2 has tickets"
    opened = session.get(portal.url + html.unescape(links[0]))
    back = re.search(r'<a class="button" href="([^"]+)">Torna alla coda</a>', opened.text).group(1)
    back = html.unescape(back)
    assert back.startswith("/desk/?stato=qualsiasi&") and back.endswith("&pagina=2"), back
    assert re.findall(r'class="ticket-link" href="([^"]+)"', session.get(portal.url + back).text) == links
    # A reply keeps it: the page the reply leads to still goes back to page 2.
    number = int(re.search(r"/desk/ticket/(\d+)", links[0]).group(1))
    page = opened.text
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    sent = session.post(portal.url + f"/desk/ticket/{number}", allow_redirects=False, files=NO_FILE, data={
        "csrf": csrf_token(page), "seen": seen, "action": "note", "note": "Controllo in corso.",
        "coda": html.unescape(re.search(r'name="coda" value="([^"]*)"', page).group(1))})
    assert sent.status_code == 303, sent.status_code
    after = session.get(portal.url + sent.headers["Location"]).text
    assert 'role="status"' in after
    assert html.unescape(re.search(r'<a class="button" href="([^"]+)">Torna alla coda</a>', after).group(1)) == back
    # The first page of the remembered filters needs nothing in the address; anything else
    # sent is read as the queue's filters, never as another address.
    first = session.get(portal.url + "/desk/").text
    assert "?coda=" not in first
    forged = session.get(portal.url + "/desk/ticket/1001?coda=" + requests.utils.quote("//altro.example/?x=<b>")).text
    assert re.search(r'<a class="button" href="/desk/[^"]*">Torna alla coda</a>', forged)
    assert "altro.example" not in forged


def test_a_ticket_whose_people_left_the_company_says_its_replies_reach_nobody(fresh_portal):
    """Removed by their administrator, the requester gets no e-mail of the desk's replies; the
    desk said "Risposta inviata al cliente" with no sign of it."""
    portal = fresh_portal()
    technician, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, technician, title="Richiesta di chi lascia l'azienda", email=TECHNICIAN))
    operator, _ = operator_session(portal)
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    assert "Nessuno dell" not in page
    admin, _ = login(portal)
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
    users = admin.get(portal.url + "/tenant/utenti").text
    removed = admin.post(portal.url + f"/tenant/utenti/{luca}/rimuovi", data={"csrf": csrf_token(users)}, allow_redirects=False)
    assert removed.status_code == 303
    page = operator.get(portal.url + f"/desk/ticket/{number}").text.replace("&#39;", "'")
    assert "Nessuno dell'azienda riceve per e-mail le risposte a questo ticket" in page
    with portal.db() as db:
        mails = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    sent = desk_post(portal, operator, number, "reply", reply="Risposta che nessuno riceve")
    assert sent.status_code == 303
    told = operator.get(portal.url + sent.headers["Location"]).text.replace("&#39;", "'")
    assert "Risposta salvata nel ticket: nessuno dell'azienda la riceve per e-mail." in told
    assert "Risposta inviata al cliente" not in told
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == mails, "the warning was true: no e-mail"
    # A ticket whose "Email" is a colleague's still reaches someone: no warning there.
    other = created_number(new_ticket(portal, admin, title="Con un indirizzo che resta"))
    assert "Nessuno dell" not in operator.get(portal.url + f"/desk/ticket/{other}").text


def test_messages_are_numbered_in_the_conversation_the_same_for_customer_and_desk(portal):
    """Every message read "– #1005", the ticket's number: the classic portal numbers the
    conversation ("#1" the request), so that "il messaggio #3" means one message. Notes and
    change lines are not counted, so the customer and the desk read the same numbers."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Numerazione messaggi"))
    operator, _ = operator_session(portal)
    desk_post(portal, operator, number, "note", note="Nota per i colleghi.")
    desk_post(portal, operator, number, "reply", reply="Prima risposta del supporto.")
    reply(portal, customer, number, "Seconda domanda del cliente.")
    heads = lambda text: re.findall(r'<h3 class="message-title">(.*?)</h3>', text, re.S)
    seen = heads(customer.get(portal.url + f"/ticket/{number}").text)
    assert [head.rsplit("#", 1)[1] for head in seen] == ["1", "2", "3"], seen
    on_desk = heads(operator.get(portal.url + f"/desk/ticket/{number}").text)
    assert len(on_desk) == 4 and "#" not in on_desk[1] and "Nota interna" in on_desk[1], on_desk
    # Its words apart in the heading's text, as a screen reader and a search read them.
    assert re.sub(r"<[^>]+>", "", on_desk[1]).startswith("Nota interna "), on_desk[1]
    assert [head.rsplit("#", 1)[1] for head in on_desk if "Nota interna" not in head] == ["1", "2", "3"]


def test_a_control_pressed_with_a_reply_and_a_file_says_the_reply_was_not_sent(portal):
    """"Cambia stato" with a reply typed and a file chosen said only "Stato cambiato.": the reply
    came back unsent without a word, and the file was gone."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Cambio stato con risposta scritta"))
    operator, _ = operator_session(portal)
    changed = desk_post(portal, operator, number, "status", status="development", reply="Risposta non ancora inviata.",
                        files={"files": ("log.txt", b"righe di log\n", "text/plain")})
    assert changed.status_code == 200
    assert "Stato cambiato" in changed.text
    assert "La risposta che hai scritto non è stata inviata" in changed.text
    assert "I file scelti non sono stati inviati" in changed.text and 'name="kept"' in changed.text
    assert "Risposta non ancora inviata." in changed.text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "development"
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id"
                          " WHERE t.number = ? AND m.body LIKE 'Risposta non ancora%'", (number,)).fetchone()[0] == 0
    # A file alone with a control is said lost too (it went without a word).
    alone = desk_post(portal, operator, number, "priority", priority="high",
                      files={"files": ("log.txt", b"righe di log\n", "text/plain")})
    assert alone.status_code == 200 and "I file scelti non sono stati inviati" in alone.text
    assert "non è stata inviata" not in alone.text


def test_a_note_saved_beside_a_typed_reply_says_the_reply_was_not_sent(portal):
    """"Salva nota" with a reply typed beside it said only "Nota interna salvata.": the reply,
    back in its box, read as sent to the customer."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Nota con risposta scritta"))
    operator, _ = operator_session(portal)
    saved = desk_post(portal, operator, number, "note", note="Chiamato il cliente.", reply="Risposta ancora da inviare.")
    assert saved.status_code == 200 and "Nota interna salvata." in saved.text
    assert "La risposta che hai scritto non è stata inviata; la trovi qui sotto" in html.unescape(saved.text)
    assert "Risposta ancora da inviare." in saved.text
    # And the other way round: a reply sent with a note typed beside it.
    sent = desk_post(portal, operator, number, "reply", reply="Ecco la risposta.", note="Appunto ancora da salvare.")
    assert sent.status_code == 200 and "La nota che hai scritto non è stata salvata" in html.unescape(sent.text)
    # A note from a page a colleague's change made stale: saved without its "Priorità", and the
    # reply typed beside it is said unsent there too.
    old = operator.get(portal.url + f"/desk/ticket/{number}").text
    assert desk_post(portal, operator, number, "status", status="development").status_code == 303
    stale = operator.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(old), "seen": re.search(r'name="seen" value="([^"]*)"', old).group(1), "action": "note",
        "note": "Nota da pagina vecchia.", "priority": "high", "reply": "Risposta ancora qui."}, files=NO_FILE)
    told = html.unescape(stale.text)
    assert stale.status_code == 200 and "La risposta che hai scritto non è stata inviata" in told, told[-3000:]


def test_a_controls_button_says_the_other_controls_changed_with_it_were_not_saved(portal):
    """"Cambia stato" with "Priorità" changed too saved the status alone and reset the priority's
    select without a word."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Più controlli cambiati insieme"))
    operator, _ = operator_session(portal)
    pressed = desk_post(portal, operator, number, "status", status="development", priority="blocking")
    assert pressed.status_code == 200 and "Stato cambiato" in pressed.text
    assert "La modifica di «Priorità» non è stata salvata" in pressed.text
    chosen = re.search(r'<select[^>]*name="priority".*?</select>', pressed.text, re.S).group(0)
    assert re.search(r'<option value="blocking"[^>]*selected', chosen), "the priority comes back as chosen"
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, priority FROM tickets WHERE number = ?", (number,)).fetchone()) == ("development", "normal")
    # The button of the one control changed says nothing more.
    alone = desk_post(portal, operator, number, "priority", priority="high")
    assert alone.status_code == 303


def test_a_controls_button_with_the_value_the_ticket_has_says_nothing_changed(portal):
    """"Priorità cambiata." was said when the priority chosen was the one the ticket had."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Nessun cambiamento"))
    operator, _ = operator_session(portal)
    same = desk_post(portal, operator, number, "priority", priority="normal")
    assert same.status_code == 303 and "avviso=invariato" in same.headers["Location"]
    page = operator.get(portal.url + same.headers["Location"]).text
    assert "Nessuna modifica: il ticket aveva già il valore scelto." in page and "Priorità cambiata" not in page


def test_prendi_in_carico_says_the_selects_changed_with_it_were_not_saved(portal):
    """"Prendi in carico" takes the ticket as "In attesa": a status chosen in the select beside it
    was reset without a word."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Presa con stato scelto"))
    operator, _ = operator_session(portal)
    taken = desk_post(portal, operator, number, "take", status="development")
    assert taken.status_code == 200 and "La modifica di «Stato» non è stata salvata" in taken.text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "waiting"


def test_a_desk_reply_or_status_on_a_deactivated_operators_closed_ticket_takes_it(portal):
    """A closed ticket keeps the operator who followed it; once they are deactivated, an
    answer or a status from the desk reopened it onto them: open, nobody working it, not
    found under "Nessuno", and the customer's next answer mailed to their mailbox."""
    customer, _ = login(portal)
    giulia, _ = operator_session(portal)
    with portal.db() as db:
        gone = db.execute("INSERT INTO users (email, password_hash, first_name, last_name, is_operator, desk_role,"
                          " deactivated_at, created_at, updated_at) VALUES ('via@assistenza.example', 'x', 'Vito',"
                          " 'Via', 1, 'operator', strftime('%s','now'), strftime('%s','now'), strftime('%s','now'))").lastrowid
        giulia_id = db.execute("SELECT id FROM users WHERE email = ?", (OPERATOR,)).fetchone()[0]
    numbers = [created_number(new_ticket(portal, customer, title=f"Chiuso da un operatore uscito {i}")) for i in range(3)]
    with portal.db() as db:
        for number in numbers:
            db.execute("UPDATE tickets SET operator_id = ?, status = 'closed', closed_at = strftime('%s','now') WHERE number = ?",
                       (gone, number))
    assert desk_post(portal, giulia, numbers[0], "reply", reply="Riapro e ci penso io.").status_code == 303
    assert desk_post(portal, giulia, numbers[1], "status", status="development").status_code == 303
    with portal.db() as db:
        rows = [tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (n,)).fetchone()) for n in numbers]
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    assert rows[:2] == [("waiting", giulia_id), ("development", giulia_id)], rows
    # A script names who takes it: without --operator it is refused, as a ticket nobody works.
    refused = portal.admin("ticket", "status", "--number", str(numbers[2]), "--status", "waiting", check=False)
    assert refused.returncode == 1 and "è disattivato" in refused.stderr, refused.stderr
    portal.admin("ticket", "status", "--number", str(numbers[2]), "--status", "waiting", "--operator", OPERATOR)
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (numbers[2],)).fetchone()) \
            == ("waiting", giulia_id)
    # The customer's answer goes to whoever works the ticket now.
    assert reply(portal, customer, numbers[0], "Grazie, attendo.").status_code == 303
    with portal.db() as db:
        recipients = " ".join(r[0] for r in db.execute("SELECT recipients FROM outbox WHERE id > ?", (last_mail,)))
    assert "via@assistenza.example" not in recipients and OPERATOR in recipients, recipients


def test_a_remembered_assignee_deactivated_since_is_shown_as_chosen(portal):
    giulia, page = operator_session(portal)
    with portal.db() as db:
        gone = db.execute("INSERT INTO users (email, password_hash, first_name, last_name, is_operator, desk_role,"
                          " created_at, updated_at) VALUES ('filtro@assistenza.example', 'x', 'Fabio',"
                          " 'Filtro', 1, 'operator', strftime('%s','now'), strftime('%s','now'))").lastrowid
    found = giulia.post(portal.url + "/desk/cerca", data={"csrf": csrf_token(page.text), "stato": "qualsiasi",
                                                         "assegnato": str(gone)})
    assert found.status_code == 200
    with portal.db() as db:
        db.execute("UPDATE users SET deactivated_at = strftime('%s','now') WHERE id = ?", (gone,))
    queue = giulia.get(portal.url + "/desk/").text
    assert f'<option value="{gone}" selected="selected">Fabio Filtro (disattivato)</option>' in queue, \
        re.search(r'<select id="assegnato".*?</select>', queue, re.S).group(0)


def test_assegnato_a_lists_the_operator_looking_once_as_me(portal):
    """"Assegnato a" offered "Me" and then the operator's own name as if a colleague; a queue
    filtered on their own number (a colleague's link) shows and filters as "Me"."""
    giulia, page = operator_session(portal)
    with portal.db() as db:
        own = db.execute("SELECT id FROM users WHERE email = ?", (OPERATOR,)).fetchone()[0]
        other = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]
    select = re.search(r'<select id="assegnato".*?</select>', page.text, re.S).group(0)
    assert ">Me</option>" in select and f'value="{own}"' not in select and "Giulia Neri" not in select, select
    assert f'value="{other}"' in select and "Paolo Gallo" in select, select
    token = csrf_token(page.text)
    try:
        found = giulia.post(portal.url + "/desk/cerca", data={"csrf": token, "stato": "qualsiasi", "assegnato": str(own)})
        select = re.search(r'<select id="assegnato".*?</select>', found.text, re.S).group(0)
        assert '<option value="me" selected="selected">Me</option>' in select, select
    finally:
        giulia.post(portal.url + "/desk/cerca", data={"csrf": token, "azzera": "1"})


def test_the_queue_says_when_it_opens_on_remembered_filters(portal):
    """A queue filtered on "Bassa" yesterday opened the next morning on a few tickets without
    a word; it names the remembered filters above the queue, with "Azzera filtri", as the
    customers' list does. A count's link or the filters just sent are no remembered ones."""
    operator, _ = operator_session(portal)
    token = csrf_token(operator.get(portal.url + "/desk/").text)
    try:
        sent = operator.post(portal.url + "/desk/cerca", data={
            "csrf": token, "priorita": "low", "stato": "aperti", "assegnato": "nessuno", "azienda": "rossi"})
        assert "filtri della tua ultima ricerca" not in html.unescape(sent.text)
        opened = html.unescape(operator.get(portal.url + "/desk/").text)
        assert ("L'elenco mostra i filtri della tua ultima ricerca (Priorità: Bassa · Azienda: «rossi» · "
                "Assegnato a: Nessuno): non tutti i ticket sono visibili.") in opened
        # One button of that name on the page: the notice's (the form's was a second).
        assert opened.count(">Azzera filtri</button>") == 1
        assert "filtri della tua ultima ricerca" not in html.unescape(operator.get(portal.url + "/desk/?stato=closed").text)
    finally:
        operator.post(portal.url + "/desk/cerca", data={"csrf": token, "azzera": "1"})
    assert "filtri della tua ultima ricerca" not in html.unescape(operator.get(portal.url + "/desk/").text)


def test_a_reply_sent_from_a_tab_whose_session_was_replaced_comes_back_typed(portal):
    """"Esci" and a new login in another tab (which also clears the browser's drafts) left the
    first tab's token stale: its "Rispondi al cliente" met the bare "modulo scaduto" page and
    the typed reply and note were gone. The desk page comes back with both, nothing saved."""
    session, _ = operator_session(portal)
    page = session.get(portal.url + "/desk/ticket/1012").text
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    writer = re.search(r'name="autore" value="([^"]+)"', page).group(1)
    stale = csrf_token(page)
    out = session.post(portal.url + "/logout", data={"csrf": stale}, allow_redirects=False)
    assert out.status_code == 303
    login(portal, email=OPERATOR, session=session)
    with portal.db() as db:
        before = db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = 1012").fetchone()[0]
    typed = "Buongiorno, abbiamo verificato la configurazione della stampante: provi ora."
    answer = session.post(portal.url + "/desk/ticket/1012", allow_redirects=False, files=NO_FILE, data={
        "csrf": stale, "autore": writer, "seen": seen, "action": "reply", "reply": typed, "note": "Cliente richiamato alle 10"})
    assert answer.status_code == 403
    assert "Il modulo non era stato inviato: lo ritrovi qui come l'avevi compilato" in answer.text
    assert "allegati" not in answer.text.split("Il modulo non era stato inviato")[1].split("</div>")[0], "no file was chosen"
    assert html.escape(typed, quote=False) in answer.text and "Cliente richiamato alle 10" in answer.text
    assert csrf_token(answer.text) != stale
    # Another operator signed in on the same browser meanwhile: the stale tab's texts are not
    # shown to them, ready to send under their name.
    current = csrf_token(session.get(portal.url + "/desk/").text)
    session.post(portal.url + "/logout", data={"csrf": current}, allow_redirects=False)
    login(portal, email=OTHER_OPERATOR, session=session)
    foreign = session.post(portal.url + "/desk/ticket/1012", allow_redirects=False, files=NO_FILE, data={
        "csrf": stale, "autore": writer, "seen": seen, "action": "reply", "reply": typed})
    assert foreign.status_code == 403 and "abbiamo verificato la configurazione" not in foreign.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = 1012").fetchone()[0] == before


def test_a_note_with_a_new_area_pressed_twice_is_saved_once_and_both_answers_say_the_area(portal):
    """The second press (a double click, a retry after a 502) found the first one's note and
    answered "Nota salvata." alone: the area it had changed went unsaid."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Nota e area due volte", area="administrative"))
    operator, _ = operator_session(portal)
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    data = {"csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1),
            "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1),
            "action": "note", "note": "Spostato in sistemistica", "area": "systems"}
    answers = [operator.post(portal.url + f"/desk/ticket/{number}", data=data, files=NO_FILE, allow_redirects=False)
               for _ in range(2)]
    for answer in answers:
        assert answer.status_code == 303 and "avviso=nota-modifiche" in answer.headers["Location"], answer.headers
    assert "Salvate anche le modifiche" in operator.get(portal.url + answers[1].headers["Location"]).text
    with portal.db() as db:
        notes = db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id"
                           " WHERE t.number = ? AND m.body = 'Spostato in sistemistica'", (number,)).fetchone()[0]
        area = db.execute("SELECT area FROM tickets WHERE number = ?", (number,)).fetchone()[0]
    assert (notes, area) == (1, "systems")


def test_an_operator_moves_a_misfiled_request_to_its_area_and_type(portal):
    """A request filed under the wrong "Area" or "Tipologia" sat in the wrong operators'
    filters for good: the desk moves it, both sides read the line, the queue's filters and
    "Cerca" find it where it went; a bad value is refused keeping the text; a stale page's
    choice comes back to confirm."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Stampante di rete irraggiungibile", area="administrative",
                                       type="assistance"))
    operator, _ = operator_session(portal)
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    for label, button in (("Area", "Cambia area"), ("Tipologia", "Cambia tipologia")):
        assert re.search(rf'<label[^>]*for="(area|type)"[^>]*>{label}</label>', page), label
        assert f">{button}</button>" in page, button
    old = page

    moved = desk_post(portal, operator, number, "area", area="systems")
    assert moved.status_code == 303 and "avviso=area" in moved.headers["Location"]
    assert "Area cambiata." in operator.get(portal.url + moved.headers["Location"]).text
    typed = desk_post(portal, operator, number, "type", type="appointment")
    assert typed.status_code == 303 and "avviso=tipologia" in typed.headers["Location"]
    with portal.db() as db:
        assert tuple(db.execute("SELECT area, request_type FROM tickets WHERE number = ?", (number,)).fetchone()) \
            == ("systems", "appointment")
        events = [row[0] for row in db.execute(
            "SELECT event FROM audit_events WHERE event IN ('ticket_area', 'ticket_type') AND detail LIKE '%→%' ORDER BY id DESC LIMIT 2")]
    assert sorted(events) == ["ticket_area", "ticket_type"]
    thread = customer.get(portal.url + f"/ticket/{number}").text
    assert "Area: Sistemistica" in thread and "Tipologia: Richiesta appuntamento (a pagamento)" in thread
    assert "<dt>Area richiesta</dt><dd>Richiesta su tematiche di tipo sistemistico</dd>" in thread, "the panel as it is now"
    assert "<dt>Tipologia richiesta</dt><dd>Richiesta appuntamento (a pagamento)</dd>" in thread
    # An appointment is paid for: the customer is told by e-mail too.
    told = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} tipologia cambiata").get_content()
    assert "La tipologia della richiesta è ora: Richiesta appuntamento (a pagamento)." in told
    # Where it went: the queue's filters and "Cerca" with them (the text index's filters).
    queue = operator.get(portal.url + "/desk/", params={"area": "systems", "tipologia": "appointment", "stato": "aperti"}).text
    assert f"/desk/ticket/{number}" in queue
    searched = operator.get(portal.url + "/desk/", params={"cerca": "irraggiungibile", "area": "systems"}).text
    assert f"/desk/ticket/{number}" in searched
    assert f"/desk/ticket/{number}" not in operator.get(
        portal.url + "/desk/", params={"cerca": "irraggiungibile", "area": "administrative"}).text

    # A value not in the list: refused in Italian beside its field, the reply kept.
    refused = desk_post(portal, operator, number, "area", area="marketing", reply="Testo da tenere")
    assert refused.status_code == 422 and "Scegli un'area dell'elenco." in refused.text and "Testo da tenere" in refused.text
    refused = desk_post(portal, operator, number, "type", type="boh")
    assert refused.status_code == 422 and "Scegli una tipologia dell'elenco." in refused.text

    # Chosen with a reply: saved with it, and said.
    with_reply = desk_post(portal, operator, number, "reply", reply="L'ho spostata ai sistemisti.", area="management")
    assert with_reply.status_code == 303 and "avviso=risposta-modifiche" in with_reply.headers["Location"]
    with portal.db() as db:
        assert db.execute("SELECT area FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "management"

    # The page drawn before these changes: its "Cambia area" is not done, the change is named.
    stale = operator.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(old), "seen": re.search(r'name="seen" value="([^"]*)"', old).group(1), "action": "area",
        "area": "administrative"}, files=NO_FILE)
    assert stale.status_code == 409 and "Area: Gestionale" in stale.text
    assert "Tipologia: Richiesta appuntamento (a pagamento)" in stale.text
    with portal.db() as db:
        assert db.execute("SELECT area FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "management"


def test_the_queue_says_who_owes_the_next_message(portal):
    """"Dall'ultimo messaggio del cliente" counted from a message the desk had answered since
    read as a customer kept waiting: beside the time, the queue says whose turn it is."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Turno di risposta zafferano"))
    operator, _ = operator_session(portal)

    def cell():
        queue = operator.get(portal.url + "/desk/", params={"cerca": "zafferano", "stato": "qualsiasi"}).text
        row = re.search(rf'<tr[^>]*>(?:(?!</tr>).)*/desk/ticket/{number}(?:(?!</tr>).)*</tr>', queue, re.S).group(0)
        return html.unescape(re.search(r"""data-label="Dall'ultimo messaggio del cliente"[^>]*>([^<]*)<""",
                                       html.unescape(row)).group(1))

    # Within one second, as the steps below run: whose reply is last, not which second.
    assert cell().endswith("· da rispondere")
    assert desk_post(portal, operator, number, "reply", reply="Ci serve il modello della stampante.").status_code == 303
    assert cell().endswith("· risposto")
    assert reply(portal, customer, number, "È una Kyocera.").status_code == 303
    assert cell().endswith("· da rispondere")
    # A note or a change line is no answer: still the desk's turn.
    assert desk_post(portal, operator, number, "note", note="Chiedere a Marco.").status_code == 303
    assert cell().endswith("· da rispondere")
    # Closed: nobody's turn, the time alone.
    assert desk_post(portal, operator, number, "status", status="closed").status_code == 303
    assert "·" not in cell()


def desk_new_ticket_form(portal, session, vat):
    """"Nuovo ticket per un cliente": the company found by its P.IVA, then its form."""
    found = session.get(portal.url + "/desk/nuovo", params={"cerca": vat})
    assert found.status_code == 200 and "Un'azienda trovata" in found.text, found.text[-2000:]
    link = re.search(r'href="(/desk/nuovo/\d+)"', found.text).group(1)
    page = session.get(portal.url + link)
    assert page.status_code == 200 and "<h1" in page.text and "Nuovo ticket per un cliente" in page.text
    # The customer's phone, typed by the operator: not the operator's own for the browser to fill in.
    assert re.search(r'<input[^>]*id="phone"', page.text) and not re.search(r'<input[^>]*id="phone"[^>]*autocomplete', page.text)
    return page


def test_the_one_person_of_a_company_with_one_user_is_the_requester_already(portal):
    vat = vat_number("0%09d" % (uuid.uuid4().int % 10**9))
    portal.admin("tenant", "add", "--name", "UNA PERSONA SRL", "--vat", vat)
    with portal.db() as db:
        user = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_COMPANY_ADMIN,)).fetchone()[0]
        db.execute("INSERT INTO memberships (user_id, tenant_id, role, active_since)"
                   " SELECT ?, id, 'admin', strftime('%s','now') FROM tenants WHERE vat = ?", (user, vat))
    try:
        operator, _ = operator_session(portal)
        page = desk_new_ticket_form(portal, operator, vat).text
        assert re.search(rf'<option value="{user}" selected="selected">', page), "nothing to choose"
        several = desk_new_ticket_form(portal, operator, ROSSI_VAT).text
        choices = several.split('id="richiedente"')[1].split("</select>")[0]
        assert 'selected="selected"' not in choices or '<option value="" selected="selected">' in choices
    finally:
        # Anna stays a person of one company for the module's other tests (no company choice).
        with portal.db() as db:
            db.execute("DELETE FROM memberships WHERE user_id = ? AND tenant_id = (SELECT id FROM tenants WHERE vat = ?)",
                       (user, vat))


def test_an_operator_opens_a_ticket_for_a_customer_on_the_phone(portal):
    """A customer who phones had to be told to open the request themselves: the desk writes it
    in their name, the customer gets the usual confirmation and finds it in their list."""
    operator, queue = operator_session(portal)
    assert 'href="/desk/nuovo"' in queue.text, "the desk's menu leads to it"
    page = desk_new_ticket_form(portal, operator, ROSSI_VAT)
    for label in ("Richiedente", "Email", "Titolo", "Descrizione"):
        assert re.search(rf'<label[^>]*>{label}', page.text), label
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
        tenant = db.execute("SELECT id FROM tenants WHERE vat = ?", (ROSSI_VAT,)).fetchone()[0]
        anna = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_COMPANY_ADMIN,)).fetchone()[0]
    form_url = portal.url + f"/desk/nuovo/{tenant}"
    assert page.url == form_url, "one address per company: a browser's draft never crosses companies"
    fields = {
        "csrf": csrf_token(page.text), "submission": re.search(
            r'name="submission" value="([^"]*)"', page.text).group(1),
        "email": "", "phone": "0541 123456", "contact": "phone", "type": "assistance", "area": "systems",
        "priority": "high", "title": "Server di stampa fermo (telefonata)",
        "description": "Il cliente chiama: il server di stampa non risponde da stamattina.", "technical_details": "",
        "action": "send"}
    # No requester chosen, or one of another company: refused beside the field, the text kept.
    for chosen, message in (("", "Scegli l'utente dell'azienda"), (str(anna), "non fa parte dell'azienda (o non ne fa più parte)")):
        refused = operator.post(form_url, data={**fields, "richiedente": chosen}, files=NO_FILE,
                                allow_redirects=False)
        assert refused.status_code == 422 and message in refused.text
        assert "il server di stampa non risponde" in refused.text and 'aria-invalid="true"' in refused.text
        # The wrong field takes the focus, the page's first such: «Richiedente» comes first.
        assert re.search(r'<select id="richiedente"[^>]*autofocus', refused.text), "the requester's select has the focus"
        assert len(re.findall(r'<[^<>]* autofocus="autofocus"[^<>]*>', refused.text)) == 1
    created = operator.post(form_url, data={**fields, "richiedente": str(luca)},
                            files={"files": ("errore.txt", b"spooler fermo\n", "text/plain")}, allow_redirects=False)
    assert created.status_code == 303, created.text[-1500:]
    number = int(re.fullmatch(r"/desk/ticket/(\d+)\?avviso=creato", created.headers["Location"]).group(1))
    landed = operator.get(portal.url + created.headers["Location"]).text
    assert "Richiesta aperta per il cliente" in landed
    assert f'data-draft-sent="/desk/nuovo/{tenant}"' in landed, "the company's draft is done"
    assert "Richiesta aperta da Giulia Neri dell'assistenza per conto del cliente" in html.unescape(landed)
    with portal.db() as db:
        row = db.execute("SELECT t.tenant_id, t.requester_id, t.contact_email, t.phone, t.contact_preference, t.area,"
                         " t.priority, t.status, u.email FROM tickets t JOIN users u ON u.id = t.operator_id"
                         " WHERE t.number = ?", (number,)).fetchone()
        audit = db.execute("SELECT user_id, detail FROM audit_events WHERE event = 'ticket_created' ORDER BY id DESC LIMIT 1"
                           ).fetchone()
    # The operator who took the call has it: a colleague reading the queue took it up again.
    assert tuple(row) == (tenant, luca, TECHNICIAN, "0541 123456", "phone", "systems", "high", "waiting", OPERATOR)
    assert audit[1] == f"#{number}: per conto di Luca Verdi"
    # The customer: the usual confirmation, the ticket in their list with its file.
    confirmation = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} ricevuto").get_content()
    assert "Giulia Neri dell'assistenza ha aperto questa richiesta a tuo nome e la segue." in confirmation
    # The support mailbox: who opened it and has it, or a colleague answers it a second time.
    with portal.db() as db:
        desk_mail = db.execute("SELECT body FROM outbox WHERE subject LIKE ?", (f"Ticket #{number} nuova richiesta%",)).fetchone()[0]
    assert "Aperta da: Giulia Neri dell'assistenza, per conto del cliente; la segue già" in desk_mail
    with portal.db() as db:
        events = [row[0] for row in db.execute(
            "SELECT event FROM audit_events WHERE detail LIKE ? AND event IN ('ticket_created', 'ticket_taken') ORDER BY id",
            (f"#{number}%",))]
    assert events == ["ticket_created", "ticket_taken"], "«Attività» lists the creation before the take"
    customer, _ = login(portal, email=TECHNICIAN)
    seen = customer.get(portal.url + f"/ticket/{number}").text
    assert "Server di stampa fermo" in seen and "errore.txt" in seen and "per conto del cliente" in seen
    # The conversation starts with who wrote the request down, then the request, then the take.
    seen = html.unescape(seen)
    assert seen.index("per conto del cliente") < seen.index("il server di stampa non risponde") \
        < seen.index("Giulia Neri ha preso in carico"), "the opening line above the request"
    # «Visualizza allegati»: the file came from the operator who wrote the request down.
    files = html.unescape(customer.get(portal.url + f"/ticket/{number}/allegati").text)
    row = files.split("errore.txt</a>")[1].split("</tr>")[0]
    assert "Giulia Neri (" in row and "Luca Verdi" not in row, row
    # The same press again (a double click, a retry): one ticket.
    again = operator.post(form_url, data={**fields, "richiedente": str(luca)},
                          files={"files": ("errore.txt", b"spooler fermo\n", "text/plain")}, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == created.headers["Location"]
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE title = 'Server di stampa fermo (telefonata)'").fetchone()[0] == 1


def test_a_customer_cannot_reach_the_desks_new_ticket_and_a_company_without_people_is_refused(portal):
    customer, _ = login(portal, email=TECHNICIAN)
    assert customer.get(portal.url + "/desk/nuovo", allow_redirects=False).status_code == 404
    token = csrf_token(customer.get(portal.url + "/ticket").text)
    assert customer.post(portal.url + "/desk/nuovo", data={"csrf": token}, allow_redirects=False).status_code == 404
    operator, _ = operator_session(portal)
    # The editor's rendering of a kept description: the desk's own (the customers' is 404 to it).
    queue = operator.get(portal.url + "/desk/").text
    shown = operator.post(portal.url + "/desk/anteprima", data={"csrf": csrf_token(queue), "text": "Testo **importante**"})
    assert shown.status_code == 200 and "<strong>importante</strong>" in shown.text
    assert customer.post(portal.url + "/desk/anteprima", data={"csrf": token, "text": "x"}).status_code == 404
    nothing = operator.get(portal.url + "/desk/nuovo", params={"cerca": "nessuna-azienda-così"})
    assert "Nessuna azienda trovata" in nothing.text
    assert operator.get(portal.url + "/desk/nuovo/99999999").status_code == 404
    # Deactivated between the page and "Invia Ticket": nothing saved, the text kept with why.
    page = desk_new_ticket_form(portal, operator, BIANCHI_VAT)
    with portal.db() as db:
        tenant, anna = db.execute("SELECT t.id, u.id FROM tenants t JOIN memberships m ON m.tenant_id = t.id"
                                  " JOIN users u ON u.id = m.user_id WHERE t.vat = ?", (BIANCHI_VAT,)).fetchone()
        db.execute("UPDATE tenants SET deactivated_at = 1 WHERE id = ?", (tenant,))
    try:
        refused = operator.post(portal.url + f"/desk/nuovo/{tenant}", data={
            "csrf": csrf_token(page.text), "richiedente": str(anna), "email": "", "phone": "", "contact": "web",
            "type": "assistance", "area": "systems", "priority": "normal", "title": "Azienda chiusa nel frattempo",
            "description": "Testo da non perdere.", "action": "send"}, files=NO_FILE, allow_redirects=False)
        assert refused.status_code == 409 and "L'azienda è disattivata" in html.unescape(refused.text)
        assert "Testo da non perdere." in refused.text
        with portal.db() as db:
            assert db.execute("SELECT count(*) FROM tickets WHERE title = 'Azienda chiusa nel frattempo'").fetchone()[0] == 0
        assert operator.get(portal.url + f"/desk/nuovo/{tenant}").status_code == 409
    finally:
        with portal.db() as db:
            db.execute("UPDATE tenants SET deactivated_at = NULL WHERE id = ?", (tenant,))


def test_a_reply_sent_after_the_operators_session_ended_comes_back_after_the_login(portal):
    """Without JavaScript (no draft in the browser) an operator idle past the session's end
    pressed "Rispondi al cliente" and met the desk's 404: the text was gone. A form the desk's
    page signed for an active operator is kept as a customer's is; a visitor's or a customer's
    post stays the plain 404."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Sessione scaduta al banco"))
    session, _ = operator_session(portal)
    page = session.get(portal.url + f"/desk/ticket/{number}").text
    form = {name: value for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)}
    token = session.cookies.get("portal_session")
    with portal.db() as db:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (hashlib.blake2b(token.encode(), digest_size=32).digest(),))
    sent = session.post(portal.url + f"/desk/ticket/{number}", data={
        **form, "action": "reply", "reply": "Risposta scritta dopo la pausa pranzo", "status": "postponed"},
        files={"files": ("verbale.txt", b"verbale\n", "text/plain")}, allow_redirects=False)
    # The desk's page keeps no files: the login says they are to be chosen again, not promised.
    assert sent.status_code == 303, sent.status_code
    assert sent.headers["Location"].startswith("/login?avviso=modulo-senza-allegati&next="), sent.headers["Location"]
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE '%dopo la pausa pranzo%'").fetchone()[0] == 0
    _, back = login(portal, email=OPERATOR, session=session, next_path=f"/desk/ticket/{number}")
    shown = session.get(portal.url + f"/desk/ticket/{number}").text
    assert "Risposta scritta dopo la pausa pranzo" in shown and "gli allegati vanno scelti di nuovo" in shown
    assert re.search(r'<option value="postponed" selected', shown), "the status chosen comes back, to confirm"
    # Taken once: the next visit is the plain page.
    assert "dopo la pausa pranzo" not in session.get(portal.url + f"/desk/ticket/{number}").text

    # A customer's own signed form posted to the desk without a session: the plain 404.
    own = customer.get(portal.url + "/ticket/nuovo").text
    author = re.search(r'name="autore" value="([^"]*)"', own).group(1)
    token = customer.cookies.get("portal_session")
    with portal.db() as db:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (hashlib.blake2b(token.encode(), digest_size=32).digest(),))
    probe = customer.post(portal.url + f"/desk/ticket/{number}", data={"autore": author, "reply": "x", "action": "reply"},
                          files=NO_FILE, allow_redirects=False)
    assert probe.status_code == 404


def test_a_new_type_chosen_with_a_reply_is_one_e_mail(portal):
    """"Tipologia" changed with "Rispondi al cliente" mailed the reply and then "tipologia
    cambiata": one e-mail says both, as a status chosen with a reply does."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Formazione sul modulo magazzino"))
    operator, _ = operator_session(portal)
    sent = desk_post(portal, operator, number, "reply", reply="È una formazione: la fissiamo come appuntamento.",
                     type="appointment")
    assert sent.status_code == 303 and "risposta-modifiche" in sent.headers["Location"]
    told = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} nuova risposta").get_content()
    assert "La tipologia della richiesta è ora: Richiesta appuntamento (a pagamento)." in told
    time.sleep(1.5)  # the mailer's next passes: nothing more comes
    subjects = [str(email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["Subject"])
                for path in portal.mails()]
    assert not [subject for subject in subjects if subject.startswith(f"Ticket #{number} tipologia cambiata")], subjects


def test_a_kept_new_ticket_form_and_a_deactivated_operators_form(portal):
    """"Nuovo ticket per un cliente" sent after the session ended comes back after the login;
    a deactivated operator's form, or one without any cookie, stays the plain 404."""
    session, _ = operator_session(portal)
    page = desk_new_ticket_form(portal, session, ROSSI_VAT)
    with portal.db() as db:
        tenant = db.execute("SELECT id FROM tenants WHERE vat = ?", (ROSSI_VAT,)).fetchone()[0]
    form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
    token = session.cookies.get("portal_session")
    with portal.db() as db:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (hashlib.blake2b(token.encode(), digest_size=32).digest(),))
    fields = {**form, "email": "", "phone": "", "contact": "web", "type": "assistance", "area": "systems",
              "priority": "normal", "title": "Scritta mentre la sessione scadeva", "description": "Testo da ritrovare.",
              "action": "send"}
    sent = session.post(portal.url + f"/desk/nuovo/{tenant}", data=fields, files=NO_FILE, allow_redirects=False)
    assert sent.status_code == 303 and sent.headers["Location"].startswith("/login?avviso=modulo&next="), sent.status_code
    login(portal, email=OPERATOR, session=session, next_path=f"/desk/nuovo/{tenant}")
    back = session.get(portal.url + f"/desk/nuovo/{tenant}").text
    assert "Testo da ritrovare." in back and "Scritta mentre la sessione scadeva" in back
    # Without cookies: nothing kept, the plain 404.
    bare = requests.post(portal.url + f"/desk/nuovo/{tenant}", data=fields, files=NO_FILE, allow_redirects=False)
    assert bare.status_code == 404
    # A deactivated operator's page: nothing kept (no login would bring it back), and told so.
    paolo, _ = operator_session(portal, OTHER_OPERATOR)
    stale = paolo.get(portal.url + f"/desk/nuovo/{tenant}").text
    with portal.db() as db:
        db.execute("UPDATE users SET deactivated_at = 1 WHERE email = ?", (OTHER_OPERATOR,))
        db.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)", (OTHER_OPERATOR,))
    try:
        own = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', stale))
        refused = paolo.post(portal.url + f"/desk/nuovo/{tenant}", data={**fields, **own}, files=NO_FILE,
                             allow_redirects=False)
        assert refused.status_code == 303 and refused.headers["Location"] == "/login?avviso=operatore-disattivato"
        with portal.db() as db:
            assert db.execute("SELECT count(*) FROM kept_forms WHERE owner_id = (SELECT id FROM users WHERE email = ?)",
                              (OTHER_OPERATOR,)).fetchone()[0] == 0
    finally:
        with portal.db() as db:
            db.execute("UPDATE users SET deactivated_at = NULL WHERE email = ?", (OTHER_OPERATOR,))


def test_the_assigned_email_names_the_priority_chosen_with_the_assignment(portal):
    """A reply sent with "Assegna a" a colleague and "Priorità" Bassa: the page said Bassa, the
    colleague's «assegnato a te» e-mail the priority before (Normale)."""
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, title="Priorità con l'assegnazione " + uuid.uuid4().hex[:6]))
    operator, _ = operator_session(portal)
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]
    sent = desk_post(portal, operator, number, "reply", reply="Ci pensa il collega.", assignee=str(paolo), priority="low")
    assert sent.status_code == 303, sent.text[-2000:]
    told = portal.wait_for_mail(OTHER_OPERATOR, f"Ticket #{number} assegnato a te").get_content()
    assert "Priorità: Bassa" in told, told


def test_a_ticket_nobody_had_given_with_a_status_tells_its_customer_once(portal):
    """«Assegna a» with «Stato» in one press (and a script's `ticket status --operator`) on a
    ticket nobody had: the customer got "presa in carico… In attesa" and then the status
    chosen, two e-mails in the same second about a status it had for no time."""
    operator, _ = operator_session(portal)
    customer, _ = login(portal)
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]

    def customer_mails(number, since):
        with portal.db() as db:
            return [row[0] for row in db.execute(
                "SELECT body FROM outbox WHERE id > ? AND subject LIKE ? AND recipients LIKE ?",
                (since, f"%#{number} %", f"%{ADMIN}%"))]

    def last_mail():
        with portal.db() as db:
            return db.execute("SELECT max(id) FROM outbox").fetchone()[0]

    number = created_number(new_ticket(portal, customer, title="Assegnato e rinviato"))
    before = last_mail()
    assert desk_post(portal, operator, number, "note", note="Lo passo a Paolo, se ne riparla lunedì.",
                     assignee=str(paolo), status="postponed").status_code == 303
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (number,)).fetchone()) \
            == ("postponed", paolo)
    told = customer_mails(number, before)
    assert len(told) == 1 and "Rinviato" in told[0] and "In attesa" not in told[0], told

    scripted = created_number(new_ticket(portal, customer, title="Rinviato da uno script"))
    before = last_mail()
    portal.admin("ticket", "status", "--number", str(scripted), "--status", "postponed", "--operator", OTHER_OPERATOR)
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (scripted,)).fetchone()) \
            == ("postponed", paolo)
    told = customer_mails(scripted, before)
    assert len(told) == 1 and "Rinviato" in told[0] and "In attesa" not in told[0], told
    # Given and taken back at once: refused, as on the desk.
    both = portal.admin("ticket", "status", "--number", str(scripted), "--status", "unassigned", "--operator", OPERATOR,
                        check=False)
    assert both.returncode == 64 and "non si usa insieme a --operator" in both.stderr, both

    # Given without a status it is "In attesa", said once, naming who has it.
    waiting = created_number(new_ticket(portal, customer, title="Solo assegnato"))
    before = last_mail()
    assert desk_post(portal, operator, waiting, "assign", assignee=str(paolo)).status_code == 303
    told = customer_mails(waiting, before)
    assert len(told) == 1 and "In attesa" in told[0] and "Paolo Gallo" in told[0], told


def test_a_note_sent_again_with_a_reply_still_typed_gives_the_reply_back(portal):
    """F5 on the page that kept the unsent reply beside a saved note sends the form again: the
    note is not saved twice, and the reply came back as an empty box (the redirect's page)."""
    operator, _ = operator_session(portal)
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Nota e risposta insieme"))
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    data = {"csrf": csrf_token(page), "seen": re.search(r'name="seen" value="([^"]*)"', page).group(1),
            "submission": re.search(r'name="submission" value="([^"]*)"', page).group(1), "action": "note",
            "note": "Il cliente usa la versione 12.", "reply": "Buongiorno, ci dice la versione del gestionale?"}
    for attempt in range(2):
        answer = operator.post(portal.url + f"/desk/ticket/{number}", data=data, files=NO_FILE, allow_redirects=False)
        assert answer.status_code == 200, (attempt, answer.status_code, answer.headers.get("Location"))
        text = html.unescape(answer.text)
        assert "Nota interna salvata." in text, attempt
        reply_box = re.search(r'<textarea[^>]*name="reply"[^>]*>(.*?)</textarea>', answer.text, re.S).group(1)
        assert "ci dice la versione del gestionale?" in html.unescape(reply_box), attempt
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = 'Il cliente usa la versione 12.'").fetchone()[0] == 1


def test_an_operator_with_non_assegnato_in_one_press_is_refused_beside_stato(portal):
    """«Assegna a» an operator and «Stato» «Non assegnato» together took the ticket off its
    operator and gave it again: four lines in the thread and an e-mail about nothing. Refused,
    as «Nessun operatore» with another status is, with the reply kept."""
    operator, _ = operator_session(portal)
    customer, _ = login(portal)
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OTHER_OPERATOR,)).fetchone()[0]
    number = created_number(new_ticket(portal, customer, title="Due scelte opposte"))
    assert desk_post(portal, operator, number, "take").status_code == 303
    refused = desk_post(portal, operator, number, "reply", reply="Ora se ne occupa Paolo, a presto.", assignee=str(paolo),
                        status="unassigned")
    assert refused.status_code == 422
    text = html.unescape(refused.text)
    assert "«Non assegnato» rimette il ticket in coda senza operatore: non si può scegliere insieme a un operatore" \
        " in «Assegna a»." in text and "Ora se ne occupa Paolo, a presto." in text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = 'Ora se ne occupa Paolo, a presto.'").fetchone()[0] == 0
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "waiting"


def test_a_note_sent_again_after_back_from_a_form_drawn_anew_is_saved_once(portal):
    """The browser's Back after «Salva nota» draws the page again under a new key and fills the
    note in: saved again, it was two notes."""
    session, _ = operator_session(portal)
    text = "Verificato il registro, nessun errore lato server " + str(time.time_ns())

    def save_from_a_new_page():
        page = session.get(portal.url + "/desk/ticket/1002").text
        return session.post(portal.url + "/desk/ticket/1002", allow_redirects=False, files=NO_FILE, data={
            "csrf": csrf_token(page), "seen": html.unescape(re.search(r'name="seen" value="([^"]*)"', page).group(1)),
            "submission": re.search(r'name="submission" value="([^"]+)"', page).group(1), "action": "note", "note": text})

    assert [save_from_a_new_page().status_code for _ in range(2)] == [303, 303]
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = ?", (text,)).fetchone()[0] == 1
