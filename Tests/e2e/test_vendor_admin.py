"""The Responsabile's pages on the desk through nginx: "Aziende", "Portale classico",
"Operatori", "Registro attività"; who may see them, what each action changes, the e-mails,
and what the people concerned are told."""
import html
import re

import requests

from tickets import created_number, new_ticket, reply
from portal import ADMIN, OTHER_COMPANY_ADMIN, TECHNICIAN, csrf_token, login, login_into, password_step
from vendor import (MANAGER, NEW_PASSWORD, OPERATORE, PAGES, POSTS, complete_first_access, create_company,
                    invite_administrator, invite_operator, manager_session, post_form, vat_number, wrong_check_digit)


def test_every_administration_page_is_404_for_an_operatore_a_customer_and_a_visitor(portal):
    operatore, _ = login(portal, email=OPERATORE)
    customer, _ = login(portal, email=TECHNICIAN)
    administrator, _ = login(portal, email=ADMIN)
    for session in (operatore, customer, administrator, requests.Session()):
        for path in PAGES:
            assert session.get(portal.url + path, allow_redirects=False).status_code == 404, path
    token = csrf_token(operatore.get(portal.url + "/desk/").text)
    for path in POSTS:
        assert operatore.post(portal.url + path, data={"csrf": token}, allow_redirects=False).status_code == 404, path
        assert requests.post(portal.url + path, allow_redirects=False).status_code == 404, path
    assert "/desk/operatori" not in operatore.get(portal.url + "/desk/").text


def test_a_responsabile_sees_the_administration_in_the_menu(portal):
    session = manager_session(portal)
    queue = session.get(portal.url + "/desk/").text
    assert "Amministrazione" in queue
    assert 'href="/desk/operatori"' in queue
    for label in ("Nome e cognome", "Email", "Ruolo", "Stato"):
        assert f">{label}<" in session.get(portal.url + "/desk/operatori").text, label


def test_an_invited_operator_works_until_deactivated_then_is_told_why_and_their_tickets_return(portal):
    manager = manager_session(portal)
    address = "marta.riva@assistenza.example"
    first = invite_operator(portal, manager, "Marta Riva", address)
    # The welcome e-mail went astray: "Invia di nuovo" sends new credentials; the first ones die.
    with portal.db() as db:
        marta_id = db.execute("SELECT id FROM users WHERE email = ?", (address,)).fetchone()[0]
    listed = manager.get(portal.url + "/desk/operatori").text
    assert f'action="/desk/operatori/{marta_id}/reinvia"' in listed
    assert f'aria-describedby="operator-{marta_id}">\n' in listed or f'aria-describedby="operator-{marta_id}">Invia di nuovo' in listed
    resent = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{marta_id}/reinvia")
    assert resent.status_code == 303 and resent.headers["Location"] == "/desk/operatori?avviso=reinviato"
    resent_mail = portal.wait_for_mail(address, "Benvenuto").get_content()
    provisional = re.search(r"- Password: (\S+)", resent_mail).group(1)
    assert provisional != first and password_step(portal, address, first).status_code == 422
    # Until the first access, "Assegna a" says so beside the name (a ticket assigned to her
    # waited for someone who might never come).
    queue = manager.get(portal.url + "/desk/").text
    ticket_page = manager.get(portal.url + "/desk/ticket/" + re.search(r'href="/desk/ticket/(\d+)', queue).group(1)).text
    assert f'<option value="{marta_id}">Marta Riva (primo accesso non ancora fatto)</option>' in ticket_page
    # Who added them and as what, before the credentials: a welcome with a password and no
    # sender reads like the phishing it is taught to distrust.
    assert "Giulia Neri ti ha aggiunto al banco dell'assistenza di Customer Portal con il ruolo Operatore." in resent_mail, resent_mail
    complete_first_access(portal, address, provisional, "Marta", "Riva")
    assert f"/desk/operatori/{marta_id}/reinvia" not in manager.get(portal.url + "/desk/operatori").text
    assert "Marta Riva (primo accesso" not in manager.get(portal.url + "/desk/").text
    marta, landed = login(portal, email=address, password=NEW_PASSWORD)
    assert landed.headers["Location"] == "/desk/"

    # Marta takes an open ticket nobody has.
    with portal.db() as db:
        number = db.execute("SELECT number FROM tickets WHERE status = 'unassigned' ORDER BY id LIMIT 1").fetchone()[0]
    page = marta.get(portal.url + f"/desk/ticket/{number}").text
    seen = page.split('name="seen" value="')[1].split('"')[0]
    taken = marta.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page), "seen": seen, "action": "take"}, files={"files": ("", b"", "application/octet-stream")},
        allow_redirects=False)
    assert taken.status_code == 303
    with portal.db() as db:
        marta_id = db.execute("SELECT id FROM users WHERE email = ?", (address,)).fetchone()[0]
        assert db.execute("SELECT operator_id FROM tickets WHERE number = ?", (number,)).fetchone()[0] == marta_id

    # She is writing a reply when she is deactivated.
    page = marta.get(portal.url + f"/desk/ticket/{number}").text
    refused = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{marta_id}/disattiva")
    assert refused.status_code == 303
    assert "tornato in coda" in manager.get(portal.url + refused.headers["Location"]).text

    assert marta.get(portal.url + "/desk/", allow_redirects=False).status_code == 404, "her session is over"
    # Her reply, sent now: told it was not saved and why, not a bare «Pagina non trovata».
    seen = page.split('name="seen" value="')[1].split('"')[0]
    author = re.search(r'name="autore" value="([^"]+)"', page).group(1)
    late = marta.post(portal.url + f"/desk/ticket/{number}", data={"autore": author, "csrf": csrf_token(page), "seen": seen,
                      "action": "reply", "reply": "Risposta di Marta prima della disattivazione."},
                      files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert late.status_code == 303 and late.headers["Location"] == "/login?avviso=operatore-disattivato", late.status_code
    told = html.unescape(requests.get(portal.url + late.headers["Location"]).text)
    assert "Il tuo account dell'assistenza è stato disattivato: il modulo che stavi inviando non è stato salvato." in told
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Risposta di Marta prima%'").fetchone()[0] == 0
    again = password_step(portal, address, NEW_PASSWORD)
    assert again.status_code == 403 and "è stato disattivato" in again.text
    with portal.db() as db:
        status, operator = db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (number,)).fetchone()
        assert (status, operator) == ("unassigned", None)
        assert db.execute("SELECT count(*) FROM trusted_devices WHERE user_id = ?", (marta_id,)).fetchone()[0] == 0
    ticket = manager.get(portal.url + f"/desk/ticket/{number}").text
    assert "Operatore: <strong>Nessun operatore</strong>" in ticket
    assert "Marta Riva" not in ticket.split(">Assegna a<")[1].split("</select>")[0], "no longer a choice"


def test_the_last_responsabile_is_kept_and_told_so_next_to_the_field(portal):
    manager = manager_session(portal)
    with portal.db() as db:
        giulia = db.execute("SELECT id FROM users WHERE email = ?", (MANAGER,)).fetchone()[0]
        managers = db.execute(
            "SELECT count(*) FROM users WHERE desk_role = 'manager' AND deactivated_at IS NULL").fetchone()[0]
    assert managers == 1, "the demo has one Responsabile"
    refused = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{giulia}/ruolo", role="operator")
    assert refused.status_code == 422
    assert f'id="role-{giulia}-error"' in refused.text and "ultimo Responsabile" in refused.text


def test_an_operator_whose_role_changed_is_told_by_whom(fresh_portal):
    portal = fresh_portal()
    manager = manager_session(portal)
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OPERATORE,)).fetchone()[0]
    promoted = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/ruolo", role="manager")
    assert promoted.status_code == 303
    told = portal.wait_for_mail(OPERATORE, "il tuo ruolo sul banco dell'assistenza è cambiato").get_content()
    assert "Giulia Neri ha cambiato il tuo ruolo sul banco dell'assistenza: il tuo ruolo ora è «Responsabile» (prima era «Operatore»)." in told, told


def test_a_responsabile_who_steps_down_lands_on_the_queue_told_why(fresh_portal):
    """The change was saved, then "Operatori" (a Responsabile's) answered «Pagina non trovata»."""
    portal = fresh_portal()
    manager = manager_session(portal)
    with portal.db() as db:
        paolo, giulia = (db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0] for email in (OPERATORE, MANAGER))
    post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/ruolo", role="manager")
    # Her last search stays hers: the notice in the address is no filter (it was read as one).
    assert post_form(portal, manager, "/desk/", "/desk/cerca", priorita="low", stato="aperti").status_code in (200, 303)
    stepped = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{giulia}/ruolo", role="operator")
    assert stepped.status_code == 303 and stepped.headers["Location"] == "/desk/?avviso=ruolo-operatore"
    landed = manager.get(portal.url + stepped.headers["Location"])
    assert landed.status_code == 200 and "Il tuo ruolo è ora Operatore" in html.unescape(landed.text)
    assert "filtri della tua ultima ricerca (Priorità: Bassa)" in html.unescape(landed.text)
    assert manager.get(portal.url + "/desk/operatori").status_code == 404


def test_a_responsabile_still_waiting_for_the_first_access_does_not_count_as_the_one_who_stays(fresh_portal):
    """Giulia stepped down beside one who never came: nobody could administer the desk any more."""
    portal = fresh_portal()
    manager = manager_session(portal)
    invite_operator(portal, manager, "Vice Responsabile", "vice@assistenza.example", role="manager")
    with portal.db() as db:
        giulia = db.execute("SELECT id FROM users WHERE email = ?", (MANAGER,)).fetchone()[0]
    for action, fields in (("ruolo", {"role": "operator"}), ("disattiva", {})):
        refused = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{giulia}/{action}", **fields)
        assert refused.status_code == 422 and "attendi il suo primo accesso" in html.unescape(refused.text), action
    with portal.db() as db:
        assert tuple(db.execute("SELECT desk_role, deactivated_at FROM users WHERE id = ?", (giulia,)).fetchone()) \
            == ("manager", None)


def test_a_company_name_keeps_one_space_where_two_were_typed(portal):
    """Shown with one (browsers collapse them), kept with two: no search for what was seen found it."""
    manager = manager_session(portal)
    vat = vat_number("0777123456")
    company = create_company(portal, manager, "  Alfa  Test \t srl ", vat)
    with portal.db() as db:
        assert db.execute("SELECT name FROM tenants WHERE id = ?", (company,)).fetchone()[0] == "Alfa Test srl"
    assert "Alfa Test srl" in manager.get(portal.url + "/desk/aziende", params={"cerca": "Alfa  Test srl"}).text


def test_an_address_in_use_cannot_become_an_operator(portal):
    manager = manager_session(portal)
    for address in (OPERATORE, ADMIN):
        refused = post_form(portal, manager, "/desk/operatori/nuovo", "/desk/operatori", name="Altro Nome", email=address,
                            role="operator")
        assert refused.status_code == 422
        assert "Esiste già un utente" in refused.text and 'value="Altro Nome"' in refused.text


def test_names_longer_than_allowed_are_refused_not_cut_and_both_empty_fields_are_named(portal):
    manager = manager_session(portal)
    long_name = "Nome " + "x" * 250
    operator = post_form(portal, manager, "/desk/operatori/nuovo", "/desk/operatori", name=long_name,
                         email="lungo@assistenza.example", role="operator")
    assert operator.status_code == 422 and "da 1 a 200 caratteri" in operator.text
    company = post_form(portal, manager, "/desk/aziende/nuova", "/desk/aziende", name="AZIENDA " + "x" * 250,
                        vat=vat_number("0666123456"))
    assert company.status_code == 422 and "da 1 a 200 caratteri" in company.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM users WHERE email = 'lungo@assistenza.example'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM tenants WHERE name LIKE 'AZIENDA xxx%'").fetchone()[0] == 0
    # Left empty, each is said required, as every empty field is (the format rules were shown).
    empty = post_form(portal, manager, "/desk/operatori/nuovo", "/desk/operatori", name=" ",
                      email="vuoto@assistenza.example", role="operator")
    assert empty.status_code == 422 and "Campo obbligatorio." in empty.text and "da 1 a 200" not in empty.text
    nameless = post_form(portal, manager, "/desk/aziende/nuova", "/desk/aziende", name="", vat=vat_number("0666123457"))
    assert nameless.status_code == 422 and "Campo obbligatorio." in nameless.text and "da 1 a 200" not in nameless.text
    # Both fields' mistakes in one answer: the name's came only once the other field was right.
    both = post_form(portal, manager, "/desk/aziende/nuova", "/desk/aziende", name="AZIENDA " + "x" * 250, vat="123")
    assert both.status_code == 422 and "da 1 a 200 caratteri" in both.text and "11 cifre" in both.text
    both = post_form(portal, manager, "/desk/operatori/nuovo", "/desk/operatori", name="Nome " + "x" * 250,
                     email="ieri", role="operator")
    assert both.status_code == 422 and "da 1 a 200 caratteri" in both.text and "Indirizzo email non valido." in both.text
    # A letter under dozens of accents drew a bar over the rows of "Aziende" and "Coda ticket".
    stacked = "Z" + "\u0301" * 80 + "algo"
    company = post_form(portal, manager, "/desk/aziende/nuova", "/desk/aziende", name=stacked + " SRL",
                        vat=vat_number("0666123456"))
    assert company.status_code == 422 and "senza accenti sovrapposti" in company.text
    operator = post_form(portal, manager, "/desk/operatori/nuovo", "/desk/operatori", name=stacked + " Rossi",
                         email="zalgo@assistenza.example", role="operator")
    assert operator.status_code == 422 and "senza accenti sovrapposti" in operator.text
    both = post_form(portal, manager, "/desk/operatori/nuovo", "/desk/operatori", name="", email="", role="operator")
    assert both.status_code == 422 and 'id="name-error"' in both.text and 'id="email-error"' in both.text
    assert both.text.count("Campo obbligatorio.") == 2


def test_a_responsabile_creates_a_company_and_invites_its_administrator_who_enters_it(portal):
    manager = manager_session(portal)
    vat = vat_number("0555123456")
    form = manager.get(portal.url + "/desk/aziende/nuova").text
    for label in ("Ragione sociale", "Partita IVA"):
        assert f">{label}</label>" in form, label
    for typed, message in ((wrong_check_digit(vat), "cifra di controllo"), ("123", "11 cifre"), ("", "Campo obbligatorio")):
        refused = post_form(portal, manager, "/desk/aziende/nuova", "/desk/aziende", name="LUCE SRL", vat=typed)
        assert refused.status_code == 422 and message in refused.text and 'value="LUCE SRL"' in refused.text, typed
    company = create_company(portal, manager, "LUCE SRL", vat)
    duplicate = post_form(portal, manager, "/desk/aziende/nuova", "/desk/aziende", name="LUCE DUE SRL", vat="IT" + vat)
    assert duplicate.status_code == 422 and f"Esiste già un'azienda con Partita IVA {vat}" in duplicate.text
    assert "LUCE SRL" in manager.get(portal.url + "/desk/aziende", params={"cerca": vat}).text
    # "Crea azienda" pressed twice: the second press leads to the company the first made (it
    # said "Esiste già un'azienda" and the manager thought it failed).
    twice_vat = vat_number("0555987651")
    form = manager.get(portal.url + "/desk/aziende/nuova").text
    key = re.search(r'name="submission" value="([^"]+)"', form).group(1)
    fields = {"csrf": csrf_token(form), "submission": key, "name": "DOPPIO CLIC SRL", "vat": twice_vat}
    first = manager.post(portal.url + "/desk/aziende", data=fields, allow_redirects=False)
    second = manager.post(portal.url + "/desk/aziende", data=fields, allow_redirects=False)
    assert first.status_code == second.status_code == 303 and first.headers["Location"] == second.headers["Location"]
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tenants WHERE vat = ?", (twice_vat,)).fetchone()[0] == 1

    address = "elena.luce@luce.example"
    provisional = invite_administrator(portal, manager, company, address)
    page = manager.get(portal.url + f"/desk/aziende/{company}").text
    assert address in page and "Invia di nuovo" in page and "Rimuovi" in page

    complete_first_access(portal, address, provisional, "Elena", "Luce")
    session = login_into(portal, address, "LUCE SRL", password=NEW_PASSWORD)
    assert "LUCE SRL" in session.get(portal.url + "/dashboard").text
    page = manager.get(portal.url + f"/desk/aziende/{company}").text
    assert "Elena" in page and "Amministratore" in page and "Nessun invito in attesa" in page

    trail = manager.get(portal.url + "/desk/registro", params={"azienda": vat}).text
    for dates, message in (({"da": "2026-12-02", "a": "2026-11-01"}, "«A data» viene prima di «Da data»"),
                           ({"da": "xyz"}, "«xyz» non è una data valida")):
        refused = manager.get(portal.url + "/desk/registro", params=dates)
        assert refused.status_code == 422 and message in refused.text, dates
    for event in ("Azienda creata", "Invito inviato", "Invito accettato"):
        assert event in trail, event
    # Each line's company leads to its page: two companies may share a name.
    assert f'<a href="/desk/aziende/{company}">LUCE SRL</a>' in trail
    past = manager.get(portal.url + "/desk/registro", params={"azienda": vat, "pagina": 3}).text
    assert "La pagina 3 non esiste: l'elenco ha una sola pagina." in past
    assert "Nessun evento per i filtri scelti." not in past
    activity = session.get(portal.url + "/tenant/attivita").text
    assert "Invito inviato" in activity and "Giulia Neri (Assistenza)" in activity and MANAGER not in activity, \
        "the company's own trail shows the desk's action, by the operator's name"


def test_an_operators_invitation_and_its_resend_sent_twice_are_sent_once(portal):
    """Two presses of "Invita operatore" answered 422 "account exists" to the second though
    the operator was created; two of "Invia di nuovo" sent two passwords, voiding the first."""
    manager = manager_session(portal)
    page = manager.get(portal.url + "/desk/operatori/nuovo").text
    key = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    fields = {"csrf": csrf_token(page), "submission": key, "name": "Doppio Clic", "email": "doppio@assistenza.example",
              "role": "operator"}
    answers = [manager.post(portal.url + "/desk/operatori", data=fields, allow_redirects=False) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [303, 303], [answer.status_code for answer in answers]
    listed = manager.get(portal.url + "/desk/operatori").text
    operator = re.search(r'action="/desk/operatori/(\d+)/reinvia"', listed.split("doppio@assistenza.example")[1]).group(1)
    form = listed.split(f'action="/desk/operatori/{operator}/reinvia"')[1].split("</form>")[0]
    resend_key = re.search(r'name="submission" value="([^"]+)"', form).group(1)
    for _ in range(2):
        resent = manager.post(portal.url + f"/desk/operatori/{operator}/reinvia",
                              data={"csrf": csrf_token(listed), "submission": resend_key}, allow_redirects=False)
        assert resent.status_code == 303
    with portal.db() as db:
        welcomes = db.execute("SELECT count(*) FROM outbox WHERE recipients = 'doppio@assistenza.example'"
                              " AND subject LIKE 'Benvenuto%'").fetchone()[0]
    assert welcomes == 2, "one for the invitation, one for the resend"


def test_an_operators_invitation_with_a_made_up_role_is_refused_and_creates_nobody(portal):
    """The form offers "Operatore" and "Responsabile": another value was saved as "Operatore"
    without a word."""
    manager = manager_session(portal)
    page = manager.get(portal.url + "/desk/operatori/nuovo").text
    for role in ["capo", "Responsabile"]:
        refused = manager.post(portal.url + "/desk/operatori", allow_redirects=False, data={
            "csrf": csrf_token(page), "name": "Ruolo Inventato", "email": "inventato@assistenza.example", "role": role})
        assert refused.status_code == 400, (role, refused.status_code)
        assert "La richiesta non è valida. Controlla i dati inviati e riprova." in html.unescape(refused.text)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM users WHERE email = 'inventato@assistenza.example'").fetchone()[0] == 0
    # Without a role (the radio's default) the invitation is an Operatore's.
    sent = manager.post(portal.url + "/desk/operatori", allow_redirects=False, data={
        "csrf": csrf_token(page), "name": "Senza Ruolo", "email": "senzaruolo@assistenza.example"})
    assert sent.status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT desk_role FROM users WHERE email = 'senzaruolo@assistenza.example'").fetchone()[0] == "operator"


def test_the_desks_invitations_are_limited_per_address_as_the_companies_are(portal):
    """Security issue: "at most a few sends per address per hour": the desk's "Invia di nuovo"
    sent a new password and invitation at every press."""
    manager = manager_session(portal)
    company = create_company(portal, manager, "LIMITI SRL", vat_number("0555123457"))
    address = "capo@limiti.example"
    invite_administrator(portal, manager, company, address)
    # Named as the support's, without the operator's own address (concealed from customers).
    with portal.db() as db:
        invited = db.execute("SELECT body FROM outbox WHERE recipients = ? AND subject LIKE 'Invito a unirti%'",
                             (address,)).fetchone()[0]
    assert "Giulia Neri del servizio di assistenza ti ha invitato a unirti all'azienda LIMITI SRL" in invited
    assert "@assistenza.example" not in invited
    page = manager.get(portal.url + f"/desk/aziende/{company}").text
    invitation = re.search(r'action="/desk/aziende/\d+/inviti/(\d+)/reinvia"', page).group(1)
    resend = f"/desk/aziende/{company}/inviti/{invitation}/reinvia"
    for _ in range(2):
        resent = post_form(portal, manager, f"/desk/aziende/{company}", resend)
        assert resent.status_code == 303
        # New provisional credentials went with it: the page says the earlier ones died.
        assert resent.headers["Location"].endswith("avviso=reinviato-credenziali#company-invitations")
    told = manager.get(portal.url + resent.headers["Location"]).text
    assert "non valgono più" in told
    refused = post_form(portal, manager, f"/desk/aziende/{company}", resend)
    assert refused.status_code == 429 and address in refused.text and "3 inviti" in refused.text
    again = post_form(portal, manager, f"/desk/aziende/{company}/invita", f"/desk/aziende/{company}/invita", email=address)
    assert again.status_code == 429
    with portal.db() as db:
        sent = db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE 'Invito a unirti%'",
                          (address,)).fetchone()[0]
    assert sent == 3
    # Removed by a colleague meanwhile: "Invia di nuovo" and "Rimuovi" of the old page lead
    # back to the company's page, which says so (a bare 404 page).
    remove = f"/desk/aziende/{company}/inviti/{invitation}/rimuovi"
    assert post_form(portal, manager, f"/desk/aziende/{company}", remove).status_code == 303
    gone = post_form(portal, manager, f"/desk/aziende/{company}", resend)
    assert gone.status_code == 303
    assert gone.headers["Location"] == f"/desk/aziende/{company}?avviso=non-in-attesa#company-invitations"
    # Said above the invitations, where the answer leads: at the page's top it was out of sight.
    shown = manager.get(portal.url + gone.headers["Location"]).text
    invitations = shown.split('id="company-invitations"')[1].split("</section>")[0]
    assert "non è più in attesa" in invitations
    # "Rimuovi" pressed again: removed, as the first press said.
    again = post_form(portal, manager, f"/desk/aziende/{company}", remove)
    assert again.status_code == 303
    assert again.headers["Location"] == f"/desk/aziende/{company}?avviso=rimosso#company-invitations"


def test_the_classic_portals_companies_without_users_and_a_deactivated_company(fresh_portal):
    portal = fresh_portal()
    manager = manager_session(portal)
    vat = vat_number("0666123456")
    company = create_company(portal, manager, "SOLE SRL", vat)
    page = requests.get(portal.url + "/portale-classico")
    requests.post(portal.url + "/portale-classico", data={"csrf": csrf_token(page.text), "vat": vat},
                  cookies=page.cookies)
    listed = manager.get(portal.url + "/desk/portale-classico").text
    assert "SOLE SRL" in listed and f'href="/desk/aziende/{company}/invita"' in listed
    assert "ROSSI SRL" not in listed
    # Its window is told from the public "Portale classico" and each company's form from another's.
    assert "<title>Portale classico: richieste di accesso" in listed and '<h1 class="page-title">Portale classico</h1>' in listed
    prefilled = manager.get(portal.url + f"/desk/aziende/{company}/invita").text
    assert "SOLE SRL" in prefilled and ">Email</label>" in prefilled
    assert "<title>Invita amministratore: SOLE SRL" in prefilled
    # Deactivated, it stays listed with its state and no "Invita amministratore" to be refused after typing.
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/disattiva").status_code == 303
    listed = manager.get(portal.url + "/desk/portale-classico").text
    assert "SOLE SRL" in listed and f'href="/desk/aziende/{company}/invita"' not in listed and "Disattivata dal" in listed
    form = manager.get(portal.url + f"/desk/aziende/{company}/invita").text
    assert "riattivala prima di invitare" in html.unescape(form) and 'name="email"' not in form
    assert "Torna all&#39;azienda" in form or "Torna all'azienda" in form
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/riattiva").status_code == 303
    assert f'href="/desk/aziende/{company}/invita"' in manager.get(portal.url + "/desk/portale-classico").text
    # Someone who already has an account gets the invitation only: first-access e-mails are not promised.
    invited = post_form(portal, manager, f"/desk/aziende/{company}/invita", f"/desk/aziende/{company}/invita",
                        email=TECHNICIAN)
    assert invited.status_code == 303 and invited.headers["Location"].endswith("?avviso=invitato")
    told = html.unescape(manager.get(portal.url + invited.headers["Location"]).text)
    assert "se non ha ancora un account, anche le credenziali" in told and "riceverà le email del primo accesso" not in told

    # ROSSI SRL is deactivated: a working session loses it and the next login is told why.
    mario, _ = login(portal, email=ADMIN)
    assert mario.get(portal.url + "/ticket", allow_redirects=False).status_code == 200
    with portal.db() as db:
        rossi = db.execute("SELECT id FROM tenants WHERE vat = '02740123456'").fetchone()[0]
    # Anna (of BIANCHI) is invited into ROSSI and has its "Accetta" in front of her.
    page = mario.get(portal.url + "/tenant/inviti/nuovo").text
    assert mario.post(portal.url + "/tenant/inviti", allow_redirects=False, data={
        "csrf": csrf_token(page), "email": OTHER_COMPANY_ADMIN, "role": "tech"}).status_code == 303
    anna, _ = login(portal, email=OTHER_COMPANY_ADMIN)
    choice_page = anna.get(portal.url + "/accesso/azienda").text
    accept = re.search(r'action="(/accesso/invito/\d+/accetta)"', choice_page).group(1)
    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/disattiva").status_code == 303
    # Nobody is invited into it: the invitation is withdrawn, and her "Accetta" says so.
    taken = anna.post(portal.url + accept, data={"csrf": csrf_token(choice_page)}, allow_redirects=False)
    assert taken.headers["Location"] == "/accesso/azienda?avviso=invito-disattivata"
    assert "l'azienda è stata disattivata" in html.unescape(anna.get(portal.url + taken.headers["Location"]).text)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM invitations WHERE tenant_id = ? AND accepted_at IS NULL"
                          " AND cancelled_at IS NULL", (rossi,)).fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id"
                          " WHERE u.email = ? AND m.tenant_id = ?", (OTHER_COMPANY_ADMIN, rossi)).fetchone()[0] == 0
    company_page = manager.get(portal.url + f"/desk/aziende/{rossi}").text
    # Beside "Riattiva" the hint says what it does; the tickets' dates are "Creato il" (il ticket).
    assert "possono di nuovo entrarvi" in company_page and "non potranno più entrarvi" not in company_page
    assert ">Creato il</th>" in company_page
    # Its tickets in "Coda ticket" say so beside the company (they read as any other's).
    queue = manager.get(portal.url + "/desk/?azienda=ROSSI").text
    assert "ROSSI SRL (disattivata)" in queue
    moved = mario.get(portal.url + "/ticket", allow_redirects=False)
    assert moved.headers["Location"] == "/accesso/azienda?next=/ticket"
    # The dashboard's script is answered in JSON, with the status it handles (through the login).
    api = mario.get(portal.url + "/api/dashboard", allow_redirects=False)
    assert api.status_code == 401 and "scegli l'azienda" in api.json()["error"]
    held = mario.get(portal.url + "/accesso/azienda").text
    assert "Azienda disattivata" in held
    # Nothing to choose: no invitation to choose one, and "Esci" (the login page led back here).
    assert "Scegli l&#39;azienda per la quale" not in held and "Scegli l'azienda per la quale" not in held
    assert 'action="/logout"' in held and ">Esci</button>" in held
    out = mario.post(portal.url + "/logout", data={"csrf": csrf_token(held)}, allow_redirects=False)
    assert out.status_code == 303
    assert mario.get(portal.url + "/login", allow_redirects=False).status_code == 200
    again, response = login(portal, email=ADMIN)
    assert response.headers["Location"] == "/accesso/azienda"
    choice = again.get(portal.url + "/accesso/azienda").text
    assert "non è possibile entrarvi" in choice and 'name="tenant"' not in choice
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE tenant_id = ?", (rossi,)).fetchone()[0] > 0
        number = db.execute("SELECT number FROM tickets WHERE tenant_id = ? AND status != 'closed' ORDER BY id DESC",
                            (rossi,)).fetchone()[0]
        mails_before = db.execute("SELECT max(id) FROM outbox").fetchone()[0] or 0

    # The desk still answers its tickets, but no e-mail invites its people to a portal they cannot enter.
    operator, _ = login(portal, email="giulia.neri@assistenza.example")
    page = operator.get(portal.url + f"/desk/ticket/{number}").text
    # The ticket's page says so, before a reply that nobody will be told of.
    assert "di questo ticket è disattivata" in page and "non ricevono e-mail" in page
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    answered = operator.post(portal.url + f"/desk/ticket/{number}", allow_redirects=False,
                             data={"csrf": csrf_token(page), "seen": seen, "action": "reply", "reply": "Ultima risposta."},
                             files={"files": ("", b"", "application/octet-stream")})
    assert answered.status_code == 303
    # Not "Risposta inviata al cliente." under the warning that nobody gets e-mails.
    told = operator.get(portal.url + answered.headers["Location"]).text
    assert "Risposta salvata nel ticket: nessuno dell'azienda la riceve per e-mail." in told
    assert "Risposta inviata al cliente." not in told
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id"
                          " WHERE t.number = ? AND m.body = 'Ultima risposta.'", (number,)).fetchone()[0] == 1
        recipients = [row[0] for row in db.execute("SELECT recipients FROM outbox WHERE id > ?", (mails_before,))]
    assert not [r for r in recipients if "rossi" in r.lower()], recipients

    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/riattiva").status_code == 303
    assert login_into(portal, ADMIN, "ROSSI SRL").get(portal.url + "/ticket").status_code == 200


def test_a_login_waiting_for_its_code_ends_with_the_operators_deactivation(fresh_portal):
    """Its code entered afterwards with "Dispositivo sicuro" trusted a browser that skipped the code after "Riattiva"."""
    portal = fresh_portal()
    manager = manager_session(portal)
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OPERATORE,)).fetchone()[0]
    waiting = requests.Session()
    earlier = set(portal.mails())
    assert password_step(portal, OPERATORE, session=waiting).headers["Location"] == "/accesso/codice"
    code = portal.wait_for_code(OPERATORE, ignore=earlier)
    assert post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/disattiva").status_code == 303
    page = waiting.get(portal.url + "/accesso/codice")
    waiting.post(portal.url + "/accesso/codice", data={"csrf": csrf_token(page.text), "code": code, "trusted": "1"})
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM trusted_devices WHERE user_id = ?", (paolo,)).fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM sessions WHERE user_id = ?", (paolo,)).fetchone()[0] == 0


def test_riattiva_gives_back_the_invitations_disattiva_withdrew(fresh_portal):
    """Issue #13: "Riattiva" undoes "Disattiva azienda". The invitations it withdrew stayed
    withdrawn, and their invitee was told to ask the company's administrator, whom a company's
    first administrator does not have."""
    portal = fresh_portal()
    manager = manager_session(portal)
    company = create_company(portal, manager, "LUNA SRL", vat_number("0777123456"))
    address = "primo.admin@luna.example"
    provisional = invite_administrator(portal, manager, company, address)
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/disattiva").status_code == 303
    refused = password_step(portal, address, provisional)
    assert refused.status_code == 403 and "L'azienda che ti ha invitato è stata disattivata" in html.unescape(refused.text)
    # The trail says why, under the company: it said «Password provvisoria scaduta» under none.
    with portal.db() as db:
        line = db.execute("SELECT tenant_id, detail FROM audit_events WHERE event = 'login_refused' ORDER BY id DESC LIMIT 1").fetchone()
    assert tuple(line) == (int(company), "company deactivated")
    assert "Azienda disattivata, invito sospeso" in html.unescape(manager.get(portal.url + "/desk/registro?azienda=LUNA").text)
    # The company's page lists it, suspended (it said «Nessun invito in attesa» and nothing more).
    suspended = html.unescape(manager.get(portal.url + f"/desk/aziende/{company}").text).split("Inviti sospesi")[1]
    assert address in suspended.split("</table>")[0] and "con «Riattiva» tornano in attesa" in suspended
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/riattiva").status_code == 303
    assert address in manager.get(portal.url + f"/desk/aziende/{company}").text, "pending again on the company's page"
    complete_first_access(portal, address, provisional)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM invitations WHERE email = ? AND cancelled_at IS NULL", (address,)).fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM audit_events WHERE event = 'invitation_restored'").fetchone()[0] == 1
        # Suspended by the deactivation, not «Invito rimosso» (which "Riattiva" would then contradict).
        assert db.execute("SELECT count(*) FROM audit_events WHERE event = 'invitation_suspended'").fetchone()[0] == 1
    assert "Invito sospeso (azienda disattivata)" in html.unescape(manager.get(portal.url + "/desk/registro").text)
    # An invitation removed by hand before stays removed.
    other = "secondo@luna.example"
    other_provisional = invite_administrator(portal, manager, company, other)
    with portal.db() as db:
        invitation = db.execute("SELECT id FROM invitations WHERE email = ?", (other,)).fetchone()[0]
    assert post_form(portal, manager, f"/desk/aziende/{company}",
                     f"/desk/aziende/{company}/inviti/{invitation}/rimuovi").status_code == 303
    refused = password_step(portal, other, other_provisional)
    assert refused.status_code == 403
    with portal.db() as db:
        assert db.execute("SELECT detail FROM audit_events WHERE event = 'login_refused' ORDER BY id DESC LIMIT 1").fetchone()[0] \
            == "invitation removed"
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/disattiva").status_code == 303
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/riattiva").status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT cancelled_at IS NOT NULL FROM invitations WHERE id = ?", (invitation,)).fetchone()[0] == 1
    # One suspended that expired before "Riattiva" is expired, not removed by anyone.
    third = "terzo@luna.example"
    third_provisional = invite_administrator(portal, manager, company, third)
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/disattiva").status_code == 303
    with portal.db() as db:
        db.execute("UPDATE invitations SET expires_at = 1 WHERE email = ?", (third,))
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/riattiva").status_code == 303
    assert password_step(portal, third, third_provisional).status_code == 403
    with portal.db() as db:
        assert db.execute("SELECT detail FROM audit_events WHERE event = 'login_refused' ORDER BY id DESC LIMIT 1").fetchone()[0] \
            == "provisional password expired"


def test_riattiva_gives_an_operator_back_the_tickets_disattiva_returned_that_nobody_touched(fresh_portal):
    """"Disattiva" one click away, on the wrong row: a dozen tickets went back to the queue as
    "Non assegnato", their "In sviluppo" and "Rinviato" lost, and "Riattiva" gave back none."""
    portal = fresh_portal()
    manager = manager_session(portal)
    customer, _ = login(portal)
    numbers = [created_number(new_ticket(portal, customer, title=f"Di Paolo {i}")) for i in range(3)]
    with portal.db() as db:
        paolo = db.execute("SELECT id FROM users WHERE email = ?", (OPERATORE,)).fetchone()[0]
        for number, status in zip(numbers, ("development", "postponed", "waiting")):
            db.execute("UPDATE tickets SET operator_id = ?, status = ? WHERE number = ?", (paolo, status, number))
        held = db.execute("SELECT count(*) FROM tickets WHERE operator_id = ? AND status != 'closed'", (paolo,)).fetchone()[0]
    page = manager.get(portal.url + "/desk/operatori").text
    assert f'id="held-{paolo}"' in page and f"{held} ticket aperti" in page, "what Disattiva does is said beside it"
    assert "ticket aperti: con «Disattiva» tornano in coda come «Non assegnato»" in html.unescape(page)
    assert post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/disattiva").status_code == 303
    with portal.db() as db:
        statuses = [db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (n,)).fetchone() for n in numbers]
    assert [tuple(row) for row in statuses] == [("unassigned", None)] * 3
    # The customer answers one meanwhile: it is no longer as the deactivation left it.
    assert reply(portal, customer, numbers[2], "Ci sono novità?").status_code == 303
    answer = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/riattiva")
    assert answer.status_code == 303 and f"avviso=riattivato&ticket={held - 1}&firma=" in answer.headers["Location"]
    told = html.unescape(manager.get(portal.url + answer.headers["Location"]).text)
    assert f"{held - 1} ticket tornati in coda con la disattivazione, e non toccati da allora, sono di nuovo suoi" in told
    # The count is the portal's only when signed: a link with its own number said it as done.
    forged = answer.headers["Location"].replace(f"ticket={held - 1}", "ticket=99999")
    forged_page = html.unescape(manager.get(portal.url + forged).text)
    assert "99999" not in forged_page and "Operatore riattivato" not in forged_page, "nothing claimed done"
    swapped = answer.headers["Location"].replace("avviso=riattivato", "avviso=disattivato")
    assert "Operatore disattivato" not in html.unescape(manager.get(portal.url + swapped).text)
    with portal.db() as db:
        statuses = [tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (n,)).fetchone())
                    for n in numbers]
    assert statuses == [("development", paolo), ("postponed", paolo), ("unassigned", None)], statuses
    # "Registro attività": each ticket given back is an assignment, as the thread says.
    with portal.db() as db:
        assigned = [row[0] for row in db.execute(
            "SELECT detail FROM audit_events WHERE event = 'ticket_assigned' ORDER BY id")]
    assert f"#{numbers[0]}: Paolo Gallo" in assigned and f"#{numbers[1]}: Paolo Gallo" in assigned, assigned
    # A second deactivation and reactivation gives back what the second returned, not more.
    assert post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/disattiva").status_code == 303
    again = post_form(portal, manager, "/desk/operatori", f"/desk/operatori/{paolo}/riattiva")
    assert f"ticket={held - 1}&firma=" in again.headers["Location"], again.headers["Location"]


def test_a_tickets_link_opened_after_riattiva_comes_back_to_the_ticket_in_the_company_entered_again(fresh_portal):
    """A customer still signed in while their company was deactivated and reactivated opened
    a ticket's link from an e-mail: the company choice led to the dashboard, not the ticket."""
    portal = fresh_portal()
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Link dopo la riattivazione"))
    manager = manager_session(portal)
    with portal.db() as db:
        company = db.execute("SELECT tenant_id FROM tickets WHERE number = ?", (number,)).fetchone()[0]
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/disattiva").status_code == 303
    assert post_form(portal, manager, f"/desk/aziende/{company}", f"/desk/aziende/{company}/riattiva").status_code == 303
    asked = customer.get(portal.url + f"/ticket/{number}?x=1", allow_redirects=False)
    assert asked.status_code == 303 and asked.headers["Location"] == f"/accesso/azienda?next=/ticket/{number}%3Fx%3D1", \
        asked.headers.get("Location")
    # Nothing to choose (one company, active again): it is entered, and the ticket opens. The
    # person was stopped at a choice of one, which the manual says does not come back.
    entered = customer.get(portal.url + asked.headers["Location"], allow_redirects=False)
    assert entered.status_code == 303 and entered.headers["Location"] == f"/ticket/{number}?x=1", entered.headers.get("Location")
    assert "Link dopo la riattivazione" in customer.get(portal.url + entered.headers["Location"]).text
    # The return address of the company choice is the portal's own page only, as the login's.
    for elsewhere in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        offered = customer.get(portal.url + "/accesso/azienda", params={"next": elsewhere}).text
        assert "evil.example" not in offered, elsewhere
        left = customer.post(portal.url + "/accesso/azienda", data={
            "csrf": csrf_token(offered), "tenant": str(company), "next": elsewhere}, allow_redirects=False)
        assert left.status_code == 303 and left.headers["Location"].startswith("/") \
            and "evil.example" not in left.headers["Location"], (elsewhere, left.headers.get("Location"))


def test_inviting_an_address_already_invited_says_so_with_the_invitations(fresh_portal):
    """Its notice («Invito inviato di nuovo») moved into the invitations' section: the answer
    must lead there, or the notice is out of sight below the company's users."""
    portal = fresh_portal()
    manager = manager_session(portal)
    with portal.db() as db:
        rossi = db.execute("SELECT id FROM tenants WHERE name = 'ROSSI SRL'").fetchone()[0]
    invite_administrator(portal, manager, rossi, "nuovo.capo@rossi.example")
    page = f"/desk/aziende/{rossi}/invita"
    again = post_form(portal, manager, page, page, email="nuovo.capo@rossi.example")
    assert again.status_code == 303 and again.headers["Location"].endswith("#company-invitations"), again.headers["Location"]
    shown = manager.get(portal.url + again.headers["Location"]).text
    assert "Invito inviato di nuovo" in shown.split('id="company-invitations"')[1].split("</section>")[0]


def test_someone_of_two_companies_chooses_after_a_deactivation_and_is_not_moved_to_the_other(fresh_portal):
    """The automatic entry of a company after «Riattiva» is for a person of that one company:
    someone of two was moved into the other without a word (a ticket link then answered 404)."""
    portal = fresh_portal()
    portal.admin("invite", "--vat", "01987654322", "--email", TECHNICIAN, "--role", "Tecnico")
    luca = login_into(portal, TECHNICIAN, "BIANCHI SPA")
    page = luca.get(portal.url + "/accesso/azienda").text
    form = page.split(">ROSSI SRL</button>")[0].rsplit("<form", 1)[1]
    rossi = re.search(r'name="tenant" value="(\d+)"', form).group(1)
    assert luca.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": rossi}).url.endswith("/dashboard")
    manager = manager_session(portal)
    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/disattiva").status_code == 303
    asked = luca.get(portal.url + "/ticket")
    assert "/accesso/azienda" in asked.url and "Scelta Tenant" in asked.text, asked.url
    assert "BIANCHI SPA" in asked.text and "disattivata" in html.unescape(asked.text)
    # Reactivated: still a choice between the two, not the last one entered behind their back.
    assert post_form(portal, manager, f"/desk/aziende/{rossi}", f"/desk/aziende/{rossi}/riattiva").status_code == 303
    again = luca.get(portal.url + "/ticket")
    assert "/accesso/azienda" in again.url and "Scelta Tenant" in again.text


def test_the_forms_pages_are_the_forms_alone_and_each_list_has_one_heading(portal):
    """«Nuova azienda» beside the list had two fields found by «Partita IVA» (the search «Nome o
    Partita IVA») and made the search the only one found by «Nome»; «Aziende» and «Operatori»
    were each an h1 and an h2; a row's «Cambia ruolo: Paolo Gallo» (its `aria-label`) was
    found with the row's field by the label «Ruolo»."""
    session = manager_session(portal)
    form = session.get(portal.url + "/desk/aziende/nuova").text
    assert len(re.findall(r"<label[^>]*>[^<]*Partita IVA", form)) == 1 and 'id="cerca"' not in form
    assert "<label for=\"vat\"" in form and 'aria-label="Partita IVA (P.IVA)"' in form
    invite = session.get(portal.url + "/desk/operatori/nuovo").text
    assert "<table" not in invite and "<h2" not in invite.split("<main", 1)[1]
    for path, title in (("/desk/aziende", "Aziende"), ("/desk/operatori", "Operatori")):
        page = session.get(portal.url + path).text
        headings = re.findall(r"<h[1-6][^>]*>([^<]*)</h[1-6]>", page)
        assert headings.count(title) == 1, (path, headings)
    operators = session.get(portal.url + "/desk/operatori").text
    assert 'aria-label="Cambia ruolo' not in operators and 'aria-label="Disattiva' not in operators
    row = re.search(r'<td[^>]* id="(operator-\d+)">Paolo Gallo', operators)
    assert row and f'aria-describedby="{row.group(1)}">Cambia ruolo</button>' in operators
    # The company at a glance beside a ticket names its «P.IVA», as issue 12 does.
    assert re.search(r"ROSSI SRL</strong> · P\.IVA \d{11}", session.get(portal.url + "/desk/ticket/1001").text)
