"""Answering by e-mail through nginx, the handlers, the mailer and portal-mailgate: a
notification's Reply-To takes the customer's and the operator's answers (and an operator's
"#nota") to the ticket; forged and moved addresses, a removed user, an oversized message, a
loop attempt and a duplicate each get their behaviour; make run's drop folder delivers too."""
import email
import email.policy
import re
import time
import uuid

import pytest

from mailgate import MAIL_ENV, SUPPORT, deliver, reply_mail
from portal import ADMIN, TECHNICIAN, Portal, csrf_token, login
from tickets import created_number, new_ticket
from test_desk import OPERATOR, desk_post, operator_session


@pytest.fixture(scope="module")
def mail_portal():
    instance = Portal(**MAIL_ENV)
    instance.env["PORTAL_MAIL_IN_DIR"] = str(instance.var / "mail-in")
    (instance.var / "mail-in").mkdir()
    instance.start()
    yield instance
    instance.stop()


def ticket_answered_by_the_desk(portal, customer_address=TECHNICIAN):
    """A new ticket of `customer_address` answered on the desk: returns its number and the
    customer's notification of the answer."""
    customer, _ = login(portal, email=customer_address)
    number = created_number(new_ticket(portal, customer, email=customer_address, title="Stampa DDT bloccata " + uuid.uuid4().hex[:6]))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Provi a riavviare il servizio di stampa.").status_code == 303
    return number, customer, operator, portal.wait_for_mail(customer_address, f"Ticket #{number} nuova risposta")


def refusal(portal, sender):
    return portal.wait_for_mail(sender, "Messaggio non accettato").get_content()


def test_a_reply_by_email_joins_the_ticket_and_the_operator_answers_and_notes_by_email(mail_portal):
    portal = mail_portal
    number, customer, operator, notification = ticket_answered_by_the_desk(portal)
    # The notification threads and carries the customer's own reply address.
    assert re.fullmatch(rf"assistenza\+t{number}\.\d+\.[a-z2-7]{{24}}@fornitore\.example", notification["Reply-To"])
    assert notification["In-Reply-To"] == f"<ticket-{number}@fornitore.example>" == notification["References"]
    assert notification["Message-ID"].endswith("@fornitore.example>")
    assert notification["Auto-Submitted"] == "auto-generated"
    assert "Puoi rispondere anche a questa e-mail" in notification.get_content()

    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'postponed' WHERE number = ?", (number,))
    raw = reply_mail(notification, "Luca Verdi <luca.verdi@rossi.example>", "Riavviato: adesso la stampa funziona, grazie!")
    delivered = deliver(portal, raw)
    assert delivered.returncode == 0, delivered.stderr
    page = customer.get(portal.url + f"/ticket/{number}").text
    assert "Riavviato: adesso la stampa funziona, grazie!" in page
    assert "ha scritto:" not in page and "Provi a riavviare" in page, "the quoted history is cut, the desk's reply is there once"
    assert page.count("Provi a riavviare il servizio di stampa.") == 1
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "waiting"

    # The operator hears of it, with their own reply address, and answers from the phone.
    to_desk = portal.wait_for_mail(OPERATOR, f"Ticket #{number} risposta del cliente")
    assert to_desk["Reply-To"] != notification["Reply-To"] and f"+t{number}." in to_desk["Reply-To"]
    note = reply_mail(to_desk, f"Giulia Neri <{OPERATOR}>", "#nota\nIl cliente usa ancora la stampante vecchia.", quote=False)
    assert deliver(portal, note).returncode == 0
    answer = reply_mail(to_desk, f"Giulia Neri <{OPERATOR}>", "Bene, chiudiamo il ticket.\n\n-- \nGiulia Neri\nAssistenza")
    assert deliver(portal, answer).returncode == 0
    desk_page = operator.get(portal.url + f"/desk/ticket/{number}").text
    assert "Il cliente usa ancora la stampante vecchia." in desk_page and "message--note" in desk_page
    customer_page = customer.get(portal.url + f"/ticket/{number}").text
    assert "Bene, chiudiamo il ticket." in customer_page and "Giulia Neri\nAssistenza" not in customer_page
    assert "stampante vecchia" not in customer_page, "an internal note never reaches the customer"
    mail = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} nuova risposta")
    assert "Bene, chiudiamo il ticket." in mail.get_content()
    assert "stampante vecchia" not in mail.get_content()


def test_an_operators_thanks_by_email_leaves_a_closed_ticket_closed(mail_portal):
    """"Rispondi al cliente" on a closed ticket with "Stato" left at "Chiuso" leaves it closed;
    the same words by e-mail reopened it, back in the queue with a deadline."""
    portal = mail_portal
    number, customer, operator, notification = ticket_answered_by_the_desk(portal)
    answer = reply_mail(notification, "Luca Verdi <luca.verdi@rossi.example>", "Risolto, grazie.")
    assert deliver(portal, answer).returncode == 0
    to_desk = portal.wait_for_mail(OPERATOR, f"Ticket #{number} risposta del cliente")
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
    thanks = reply_mail(to_desk, f"Giulia Neri <{OPERATOR}>", "Grazie della conferma, buon lavoro.", quote=False)
    assert deliver(portal, thanks).returncode == 0
    assert "Grazie della conferma, buon lavoro." in customer.get(portal.url + f"/ticket/{number}").text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "closed"


def test_the_same_message_delivered_twice_is_added_once(mail_portal):
    portal = mail_portal
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    raw = reply_mail(notification, TECHNICIAN, "Una sola volta, per favore.")
    assert deliver(portal, raw).returncode == 0
    assert deliver(portal, raw).returncode == 0
    assert customer.get(portal.url + f"/ticket/{number}").text.count("Una sola volta, per favore.") == 1


@pytest.mark.parametrize("alteration", ["forged", "moved to another ticket", "moved to another person"])
def test_forged_and_moved_addresses_are_refused_and_answered_in_italian(mail_portal, alteration):
    portal = mail_portal
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    address = notification["Reply-To"]
    local, domain = address.split("@")
    base, ticket, person, mac = re.fullmatch(r"(.*)\+t(\d+)\.(\d+)\.(\w+)", local).groups()
    altered = {
        "forged": f"{base}+t{ticket}.{person}.{'a' * 24}@{domain}",
        "moved to another ticket": f"{base}+t{int(ticket) - 1}.{person}.{mac}@{domain}",
        "moved to another person": f"{base}+t{ticket}.{int(person) + 1}.{mac}@{domain}",
    }[alteration]
    del notification["Reply-To"]
    notification["Reply-To"] = altered
    sender = f"prova-{uuid.uuid4().hex[:8]}@esterno.example"
    raw = reply_mail(notification, sender, "Testo che non deve arrivare " + alteration)
    assert deliver(portal, raw).returncode == 0
    for ticket_number in (number, number - 1):
        assert "Testo che non deve arrivare" not in customer.get(portal.url + f"/ticket/{ticket_number}").text
    answer = refusal(portal, sender)
    assert "non è stato aggiunto" in answer and "non è valido" in answer
    # The sender has no account: the portal is not offered to them.
    assert "Puoi sempre scrivere dal portale" not in answer
    # A second try within the hour gets no second answer.
    assert deliver(portal, reply_mail(notification, sender, "ancora")).returncode == 0
    time.sleep(1.5)
    answers = [path for path in portal.mails() if sender in path.read_text(errors="replace")]
    assert len(answers) == 1


def test_a_removed_user_is_refused(fresh_portal):
    portal = fresh_portal(**MAIL_ENV)
    number, _, _, notification = ticket_answered_by_the_desk(portal)
    admin, _ = login(portal, email=ADMIN)
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
    page = admin.get(portal.url + "/tenant/utenti").text
    removed = admin.post(portal.url + f"/tenant/utenti/{luca}/rimuovi", data={"csrf": csrf_token(page)}, allow_redirects=False)
    assert removed.headers["Location"] == "/tenant/utenti?avviso=rimosso"
    assert deliver(portal, reply_mail(notification, TECHNICIAN, "Sono stato rimosso ma scrivo lo stesso.")).returncode == 0
    answer = refusal(portal, TECHNICIAN)
    assert "il tuo account non fa parte dell'azienda di questo ticket" in answer
    assert "Puoi sempre scrivere dal portale" not in answer, "they no longer can"
    page = admin.get(portal.url + f"/ticket/{number}").text
    assert "Sono stato rimosso" not in page


def remove_member(portal, admin, address):
    """«Rimuovi utente» on «Utenti», pressed by `admin`."""
    with portal.db() as db:
        user = db.execute("SELECT id FROM users WHERE email = ?", (address,)).fetchone()[0]
    page = admin.get(portal.url + "/tenant/utenti").text
    assert admin.post(portal.url + f"/tenant/utenti/{user}/rimuovi", data={"csrf": csrf_token(page)},
                      allow_redirects=False).status_code == 303


def test_a_removed_colleague_typed_as_a_tickets_email_stays_out_after_the_removal_is_final(fresh_portal):
    """Once «Ripristina utente» is no longer possible the removal is forgotten; the colleague
    typed as the ticket's "Email" became an outside contact again: mailed every reply's text,
    their e-mailed answer added in the requester's name."""
    portal = fresh_portal(**MAIL_ENV)
    admin, _ = login(portal, email=ADMIN)
    number = created_number(new_ticket(portal, admin, email=TECHNICIAN, title="Contatto rimosso " + uuid.uuid4().hex[:6]))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Prima risposta.").status_code == 303
    notification = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} nuova risposta")
    remove_member(portal, admin, TECHNICIAN)
    with portal.db() as db:
        db.execute("DELETE FROM removed_members")  # what forgetRemovals does 15 minutes later
        db.commit()
        last_mail = db.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0]
    assert desk_post(portal, operator, number, "reply", reply="Seconda risposta, riservata.").status_code == 303
    with portal.db() as db:
        recipients = " ".join(r[0] for r in db.execute("SELECT recipients FROM outbox WHERE id > ?", (last_mail,)))
    assert ADMIN in recipients and TECHNICIAN not in recipients, recipients
    assert deliver(portal, reply_mail(notification, TECHNICIAN, "Scrivo lo stesso a nome di Mario.")).returncode == 0
    assert "il tuo account non fa parte dell'azienda di questo ticket" in refusal(portal, TECHNICIAN)
    assert "Scrivo lo stesso" not in admin.get(portal.url + f"/ticket/{number}").text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Scrivo lo stesso%'").fetchone()[0] == 0


def test_a_removed_requesters_private_address_typed_as_the_tickets_email_hears_nothing_more(fresh_portal):
    """The requester typed their own private address as the ticket's "Email"; removed from the
    company, they went on getting every reply's text there, told to answer by e-mail, and the
    answer was refused."""
    portal = fresh_portal(**MAIL_ENV)
    luca_session, _ = login(portal, email=TECHNICIAN)
    private = "luca.casa." + uuid.uuid4().hex[:6] + "@example.net"
    number = created_number(new_ticket(portal, luca_session, email=private, title="Dalla casella di casa"))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Prima risposta.").status_code == 303
    portal.wait_for_mail(private, f"Ticket #{number} nuova risposta")
    admin, _ = login(portal, email=ADMIN)
    remove_member(portal, admin, TECHNICIAN)
    with portal.db() as db:
        last_mail = db.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0]
    assert desk_post(portal, operator, number, "reply", reply="Seconda risposta, per l'azienda.").status_code == 303
    with portal.db() as db:
        recipients = " ".join(r[0] for r in db.execute("SELECT recipients FROM outbox WHERE id > ?", (last_mail,)))
    assert private not in recipients and TECHNICIAN not in recipients, recipients


def test_a_reply_to_a_ticket_closed_too_long_ago_links_a_new_request_that_names_it(mail_portal):
    portal = mail_portal
    number, _, _, notification = ticket_answered_by_the_desk(portal)
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') - 20 * 86400 WHERE number = ?",
                   (number,))
    assert deliver(portal, reply_mail(notification, TECHNICIAN, "Riapro questa richiesta?")).returncode == 0
    answer = refusal(portal, TECHNICIAN)
    assert f"non è stato aggiunto al ticket #{number}: il ticket è chiuso da più di 15 giorni" in answer, answer
    assert f"/ticket/nuovo?riferimento={number}" in answer and "a nessun ticket" not in answer, answer


def test_a_refusal_for_what_the_message_held_names_its_ticket(fresh_portal):
    """"Il tuo messaggio non è stato aggiunto a nessun ticket", with a link to the whole list,
    answered a customer whose reply to #N held only the quoted text."""
    portal = fresh_portal(**MAIL_ENV)
    number, _, _, notification = ticket_answered_by_the_desk(portal)
    assert deliver(portal, reply_mail(notification, TECHNICIAN, "")).returncode == 0
    answer = refusal(portal, TECHNICIAN)
    assert f"non è stato aggiunto al ticket #{number}: non contiene testo nuovo" in answer, answer
    assert f"/ticket/{number}" in answer


def test_an_operators_refusal_links_the_ticket_it_names_on_the_desk(fresh_portal):
    """It named the ticket and linked the queue."""
    portal = fresh_portal(**MAIL_ENV)
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    assert deliver(portal, reply_mail(notification, TECHNICIAN, "Riavviato, ora stampa.")).returncode == 0
    to_desk = portal.wait_for_mail(OPERATOR, f"Ticket #{number} risposta del cliente")
    assert deliver(portal, reply_mail(to_desk, f"Giulia Neri <{OPERATOR}>", "")).returncode == 0
    answer = refusal(portal, OPERATOR)
    assert f"non è stato aggiunto al ticket #{number}" in answer, answer
    assert f"/login?next=%2Fdesk%2Fticket%2F{number}" in answer, answer


def test_an_oversized_message_is_refused_whole(mail_portal):
    portal = mail_portal
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    sender = f"grande-{uuid.uuid4().hex[:8]}@rossi.example"
    raw = reply_mail(notification, sender, "Allego tutto.\n" + "x" * 120 + ("\n" + "y" * 76) * 30_000)
    delivered = deliver(portal, raw, PORTAL_MAILGATE_MAX_BYTES=str(2 * 1024 * 1024))
    assert delivered.returncode == 0, delivered.stderr
    assert "supera la dimensione massima di 2 MB" in refusal(portal, sender)
    assert "Allego tutto." not in customer.get(portal.url + f"/ticket/{number}").text


def test_an_auto_reply_starts_no_loop(mail_portal):
    portal = mail_portal
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    time.sleep(1)  # the mailer has written the operator's notifications
    before = len(portal.mails())
    out_of_office = reply_mail(notification, TECHNICIAN, "Sono fuori ufficio fino a lunedì.", quote=False,
                               headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"})
    assert deliver(portal, out_of_office).returncode == 0
    bounce = reply_mail(notification, "MAILER-DAEMON@mx.rossi.example", "Delivery failed", quote=False)
    assert deliver(portal, bounce).returncode == 0
    # A stranger's plain mail gets its one answer; that answer sent back to the gate (a robot
    # answering it to a reply address) is recognised as a program's message and ignored.
    stranger = f"robot-{uuid.uuid4().hex[:8]}@esterno.example"
    plain = reply_mail(notification, stranger, "ciao").replace(notification["Reply-To"].encode(), SUPPORT.encode())
    assert deliver(portal, plain).returncode == 0
    refusal(portal, stranger)
    answer_path = next(path for path in portal.mails() if f"To: {stranger}" in path.read_text(errors="replace"))
    returned = answer_path.read_bytes().replace(f"To: {stranger}".encode(), f"To: {notification['Reply-To']}".encode())
    returned = returned.replace(b"From: ", f"From: {stranger}\r\nX-Original-From: ".encode(), 1)
    assert deliver(portal, returned).returncode == 0
    time.sleep(1.5)
    assert "fuori ufficio" not in customer.get(portal.url + f"/ticket/{number}").text
    assert len(portal.mails()) - before == 1, "only the one answer to the stranger's plain mail"


def test_a_message_claiming_the_portals_own_address_is_never_answered(mail_portal):
    """A message "from" the portal's address to one of its reply addresses was refused and
    answered: the portal wrote "Messaggio non accettato" to itself."""
    portal = mail_portal
    _, _, _, notification = ticket_answered_by_the_desk(portal)
    time.sleep(1)  # the mailer has written the operator's notifications
    before = len(portal.mails())
    local, domain = SUPPORT.split("@")
    for sender in (f"Assistenza <{SUPPORT}>", f"{local}+t1.1.abc@{domain}"):
        forged = reply_mail(notification, sender, "Messaggio di prova", quote=False)
        gate = deliver(portal, forged)
        assert gate.returncode == 0 and b"answered=0" in gate.stderr + gate.stdout, gate.stderr
    # A stranger's message in the same way is answered: the rule is about the portal's own.
    stranger = f"sconosciuto-{uuid.uuid4().hex[:8]}@esterno.example"
    assert deliver(portal, reply_mail(notification, stranger, "Messaggio di prova", quote=False)).returncode == 0
    refusal(portal, stranger)
    time.sleep(1)
    assert len(portal.mails()) - before == 1, "only the stranger's answer"


def test_make_run_delivers_a_reply_dropped_into_the_folder(mail_portal):
    portal = mail_portal
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    folder = portal.var / "mail-in"
    raw = reply_mail(notification, TECHNICIAN, "Risposta lasciata nella cartella di sviluppo.")
    (folder / ".scrivendo.tmp").write_bytes(raw)
    (folder / ".scrivendo.tmp").rename(folder / "risposta.eml")
    deadline = time.time() + 10
    while time.time() < deadline and not (folder / "done" / "risposta.eml").exists():
        time.sleep(0.2)
    assert (folder / "done" / "risposta.eml").exists()
    assert "Risposta lasciata nella cartella di sviluppo." in customer.get(portal.url + f"/ticket/{number}").text


def test_a_reply_written_into_the_folder_in_place_is_read_once_it_is_whole(mail_portal):
    """A mail program or an editor writes the file where it is: read while it was written, its
    first lines were refused as "not a reply" and the whole file went to done/ unread."""
    portal = mail_portal
    number, customer, _, notification = ticket_answered_by_the_desk(portal)
    folder = portal.var / "mail-in"
    raw = reply_mail(notification, TECHNICIAN, "Risposta salvata un pezzo alla volta.")
    head, rest = raw[:40], raw[40:]
    with open(folder / "lenta.eml", "wb") as file:
        file.write(head)
        file.flush()
        time.sleep(1)
        file.write(rest)
    deadline = time.time() + 15
    while time.time() < deadline and not (folder / "done" / "lenta.eml").exists():
        time.sleep(0.2)
    assert (folder / "done" / "lenta.eml").exists()
    assert "Risposta salvata un pezzo alla volta." in customer.get(portal.url + f"/ticket/{number}").text


def test_a_subject_that_decodes_to_line_breaks_is_answered_once_not_retried_forever(mail_portal):
    """RFC 2047 lets a Subject carry CR LF once decoded: the refusal's subject keeps it on one line."""
    portal = mail_portal
    folder = portal.var / "mail-in"
    sender = f"curioso-{uuid.uuid4().hex[:6]}@esterno.example"
    encoded = "=?UTF-8?B?" + __import__("base64").b64encode("Prova\r\nBcc: tutti@esterno.example\u2028fine".encode()).decode() + "?="
    raw = (f"From: {sender}\r\nTo: {SUPPORT}\r\nSubject: {encoded}\r\nMessage-ID: <{uuid.uuid4().hex}@esterno.example>\r\n"
           "Content-Type: text/plain; charset=UTF-8\r\n\r\nCiao\r\n").encode()
    (folder / ".scrivendo.tmp").write_bytes(raw)
    (folder / ".scrivendo.tmp").rename(folder / "intestazione.eml")
    answer = portal.wait_for_mail(sender, "Messaggio non accettato")
    assert "Bcc" not in {key.title() for key in answer.keys()}
    # The received subject is never repeated (its sender is not verified): no header to inject into.
    assert answer["Subject"] == "Messaggio non accettato"
    deadline = time.time() + 10
    while time.time() < deadline and not (folder / "done" / "intestazione.eml").exists():
        time.sleep(0.2)
    assert (folder / "done" / "intestazione.eml").exists() and not (folder / "intestazione.eml").exists()


def test_with_the_servers_name_set_a_reply_is_taken_only_when_that_server_says_dmarc_passed(mail_portal):
    """The sender's address decides who wrote: anyone holding a reply address could write as
    an operator by writing their From. With PORTAL_MAIL_AUTHSERV_ID the gate takes a message
    only when the receiving server's Authentication-Results say DMARC passed, and answers
    none of the others (the address they claim is likely not who sent them)."""
    portal = mail_portal
    number, customer, operator, notification = ticket_answered_by_the_desk(portal)
    server = {"PORTAL_MAIL_AUTHSERV_ID": "mx.fornitore.example"}
    sender = "Luca Verdi <luca.verdi@rossi.example>"
    refused = {
        "Senza la verifica del server.": None,
        "Con l'intestazione di un altro server.": "mx.altro.example; dmarc=pass header.from=rossi.example",
        "Con DMARC fallito.": "mx.fornitore.example; dkim=fail; dmarc=fail header.from=rossi.example",
    }
    with portal.db() as db:
        before = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    for text, results in refused.items():
        headers = {"Authentication-Results": results} if results else {}
        assert deliver(portal, reply_mail(notification, sender, text, headers=headers), **server).returncode == 0
    # The server and the gate must read the same one sender, and the pass must be for its domain
    # in the server's last verdict: each of these passed as Luca.
    passed = "mx.fornitore.example; dmarc=pass header.from=rossi.example"
    for_evil = "mx.fornitore.example; dmarc=pass header.from=evil.example"
    tricks = {
        "Con due mittenti.": (sender, [("From", "Eva <evil@evil.example>"), ("Authentication-Results", for_evil)]),
        "Con due indirizzi in From.": (sender + ", evil@evil.example", [("Authentication-Results", for_evil)]),
        "Con il DMARC di un altro dominio.": (sender, [("Authentication-Results", for_evil)]),
        "Con un verdetto più vecchio sotto.": (sender, [
            ("Authentication-Results", "mx.fornitore.example; dmarc=fail header.from=rossi.example"),
            ("Authentication-Results", passed)]),
    }
    for text, (from_, headers) in tricks.items():
        assert deliver(portal, reply_mail(notification, from_, text, headers=headers), **server).returncode == 0
    refused.update(dict.fromkeys(tricks))
    # The server's DKIM check wrote a header of its own above its DMARC verdict: the verdict counts.
    accepted = reply_mail(notification, sender, "Verificato dal server.", headers=[
        ("Authentication-Results", "mx.fornitore.example; dkim=pass header.d=rossi.example"),
        ("Authentication-Results", "mx.fornitore.example;\r\n\tspf=pass smtp.mailfrom=rossi.example;\r\n\tdmarc=pass (p=reject) header.from=rossi.example")])
    assert deliver(portal, accepted, **server).returncode == 0
    page = customer.get(portal.url + f"/ticket/{number}").text
    assert "Verificato dal server." in page
    assert not any(text in page for text in refused)
    with portal.db() as db:
        outcomes = [row[0] for row in db.execute("SELECT outcome FROM inbound_mail ORDER BY rowid DESC LIMIT ?",
                                                 (len(refused) + 1,))]
        mailed = [row[0] for row in db.execute("SELECT subject FROM outbox ORDER BY id").fetchall()[before:]]
    # Without one sender to read a message is not taken as anyone's, nor answered ("automatic").
    expected = ["unauthenticated"] * 3 + ["automatic", "automatic"] + ["unauthenticated"] * 2
    assert outcomes[1:] == list(reversed(expected)), outcomes
    assert not any("non accettato" in subject for subject in mailed), mailed


def test_an_operators_address_typed_as_the_tickets_email_does_not_write_as_the_customer(mail_portal):
    """The ticket's "Email" receives its notifications and may answer them as the requester;
    an operator's address typed there wrote the operator's words under the customer's name."""
    portal = mail_portal
    customer, _ = login(portal, email=TECHNICIAN)
    number = created_number(new_ticket(portal, customer, email=OPERATOR, title="Email di un operatore " + uuid.uuid4().hex[:6]))
    notification = portal.wait_for_mail(OPERATOR, f"#{number}")
    raw = reply_mail(notification, OPERATOR, "Parole dell'operatore, non del cliente.")
    assert deliver(portal, raw).returncode == 0
    assert "Parole dell'operatore" not in customer.get(portal.url + f"/ticket/{number}").text
    assert "non è stato aggiunto" in refusal(portal, OPERATOR)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Parole dell''operatore%'").fetchone()[0] == 0


def test_the_tickets_contact_address_has_a_reply_address_of_its_own(mail_portal):
    """Issue 18: a Reply-To unique to the ticket and the recipient. The ticket's "Email" typed
    by the requester got the requester's own key: both received the same address."""
    portal = mail_portal
    customer, _ = login(portal, email=TECHNICIAN)
    contact = "segreteria.ufficio@rossi.example"
    number = created_number(new_ticket(portal, customer, email=contact, title="Contatto con indirizzo proprio"))
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Ci serve il numero del DDT.").status_code == 303
    to_requester = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} nuova risposta")
    to_contact = portal.wait_for_mail(contact, f"Ticket #{number} nuova risposta")
    assert to_contact["Reply-To"] != to_requester["Reply-To"]
    assert re.fullmatch(rf"assistenza\+t{number}\.\d+\.[a-z2-7]{{24}}@fornitore\.example", to_contact["Reply-To"])
    # Someone else using the contact's address is refused; the contact's own answer joins the
    # ticket, in the requester's name as before.
    stranger = reply_mail(to_contact, "Luca Verdi <luca.verdi@rossi.example>", "Scrivo io al posto della segreteria.")
    assert deliver(portal, stranger).returncode == 0
    assert "Scrivo io al posto" not in customer.get(portal.url + f"/ticket/{number}").text
    # Refused as someone else's address (a forwarded notification), not as an altered one (the
    # answer saying so goes once an hour per sender: the module's other tests used it up).
    with portal.db() as db:
        outcome = db.execute("SELECT outcome FROM inbound_mail WHERE sender LIKE '%luca.verdi@%'"
                             " ORDER BY received_at DESC, rowid DESC LIMIT 1").fetchone()
    assert outcome is not None and outcome[0] == "wrong_sender", outcome and tuple(outcome)
    answer = reply_mail(to_contact, f"Segreteria <{contact}>", "Il DDT è il numero 4521.")
    assert deliver(portal, answer).returncode == 0, "delivered"
    assert "Il DDT è il numero 4521." in customer.get(portal.url + f"/ticket/{number}").text
