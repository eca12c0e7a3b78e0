"""'Gestione Tenant': invitations, roles, users, activity, for administrators only."""
import email
import email.policy
import html
import re
import time

import requests

from portal import ADMIN, OTHER_COMPANY_ADMIN, TECHNICIAN, code_step, csrf_token, login, login_into, password_step

NEW_PASSWORD = "una frase lunga e personale 42"


def post(portal, session, path, page_path, **data):
    page = session.get(portal.url + page_path).text
    return session.post(portal.url + path, data={"csrf": csrf_token(page), **data}, allow_redirects=False)


def invite(portal, session, email, role="tech"):
    return post(portal, session, "/tenant/inviti", "/tenant/inviti/nuovo", email=email, role=role)


def activate(portal, address):
    """The invited person's first access, as the access chapter describes it."""
    welcome = portal.wait_for_mail(address, "Benvenuto").get_content()
    provisional = re.search(r"- Password: (\S+)", welcome).group(1)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    page = session.get(portal.url + "/accesso/primo").text
    session.post(portal.url + "/accesso/primo", data={"csrf": csrf_token(page), "first_name": "Nuovo", "last_name": "Collega",
                                                      "password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD, "privacy": "1"})
    password_step(portal, address, NEW_PASSWORD, session=session)
    code_step(portal, session, portal.wait_for_code(address))
    page = session.get(portal.url + "/accesso/azienda").text
    invitation = re.search(r'action="/accesso/invito/(\d+)/accetta"', page).group(1)
    session.post(portal.url + f"/accesso/invito/{invitation}/accetta", data={"csrf": csrf_token(page)})
    page = session.get(portal.url + "/accesso/azienda").text
    tenant = re.search(r'name="tenant" value="(\d+)"', page).group(1)
    session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": tenant}, allow_redirects=False)
    return session


def test_the_tabs_show_the_company_roles_and_warning(portal):
    session, _ = login(portal)
    general = session.get(portal.url + "/tenant").text
    assert "ROSSI SRL" in general and "02740123456" in general
    assert "<dt>Ragione sociale</dt>" in general and "<dt>P.IVA</dt>" in general, "issue 4's words"
    for tab in ["Tenant", "Ruoli", "Utenti", "Utenti invitati", "Attività"]:
        assert f">{tab}</a>" in general
    roles = session.get(portal.url + "/tenant/ruoli").text
    assert "Amministratore" in roles and "Tecnico" in roles and "abilitare a loro volta altri utenti" in roles
    # The manual's sentence, word for word; and its «logout» names the header's «Esci».
    assert ("Il ruolo amministratore deve essere abilitato solo agli utenti che possono abilitare a loro volta altri "
            "utenti") in roles
    assert 'aria-label="Esci (logout)"' in roles and ">Esci</button>" in roles
    assert 'href="/tenant"' in session.get(portal.url + "/dashboard").text, "the menu entry for administrators"
    # The window's title names the tab: the first one said "Tenant: Tenant".
    assert "<title>Tenant: Generale" in general and "<title>Tenant: Ruoli" in roles


def test_inviting_a_new_address_and_an_existing_one(portal):
    session, _ = login(portal)
    bad = invite(portal, session, "non-valido")
    assert bad.status_code == 422 and "Indirizzo email non valido." in bad.text
    assert invite(portal, session, TECHNICIAN).status_code == 422, "already a member"
    new = invite(portal, session, "collega.nuovo@rossi.example")
    assert new.headers["Location"] == "/tenant/inviti?avviso=inviato"
    again = invite(portal, session, "collega.nuovo@rossi.example")
    # The welcome went again with a new provisional password: the page and the e-mail say the
    # first e-mail's no longer works (a person trying it got "Email o password non corrette"),
    # in words that fit an address with an account too (issue 3: the answer never tells).
    assert again.headers["Location"] == "/tenant/inviti?avviso=reinviato", "says it was sent again"
    told = html.unescape(session.get(portal.url + again.headers["Location"]).text)
    assert "Se la persona non aveva ancora completato il primo accesso" in told
    assert "quelle dell'e-mail precedente non valgono più" in told

    deadline = time.time() + 10
    while True:
        # Read, not taken: the first access below takes the newest welcome.
        welcomes = [message.get_content() for message in
                    (email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in portal.mails())
                    if "collega.nuovo@rossi.example" in message["To"] and message["Subject"].startswith("Benvenuto")]
        if len(welcomes) == 2 or time.time() > deadline:
            break
        time.sleep(0.1)
    assert len(welcomes) == 2 and "sostituiscono" not in welcomes[0]
    assert "Queste credenziali sostituiscono quelle di un'e-mail precedente, che non valgono più." in welcomes[1]
    listing = session.get(portal.url + "/tenant/inviti").text
    assert listing.count("collega.nuovo@rossi.example</td>") == 1, "inviting twice makes one invitation"
    assert ">Invitato il</th>" in listing and "Tecnico" in listing

    anna, _ = login(portal, email=OTHER_COMPANY_ADMIN)
    existing = invite(portal, session, OTHER_COMPANY_ADMIN)
    assert existing.status_code == 303
    portal.wait_for_mail(OTHER_COMPANY_ADMIN, "Invito a unirti a ROSSI SRL")
    with portal.db() as db:
        welcomes = db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE 'Benvenuto%'",
                              (OTHER_COMPANY_ADMIN,)).fetchone()[0]
    assert welcomes == 0, "an existing account gets only the invitation"
    # Already in the portal for another company when invited (a login afterwards starts at
    # «Scelta Tenant»): the dashboard tells of it and leads there, where it is accepted.
    told = html.unescape(anna.get(portal.url + "/dashboard").text)
    assert 'L\'azienda ROSSI SRL ti ha invitato come Tecnico. Per accettare apri <a href="/accesso/azienda">Scelta Tenant</a>.' \
        in told, told[:3000]

    portal.wait_for_mail("collega.nuovo@rossi.example", "Benvenuto")  # the second invitation sent new credentials
    colleague = activate(portal, "collega.nuovo@rossi.example")
    assert "Nuovo Collega" in colleague.get(portal.url + "/dashboard").text
    users = session.get(portal.url + "/tenant/utenti").text
    assert "collega.nuovo@rossi.example" in users
    row = users.split(">collega.nuovo@rossi.example</td>")[1].split("</tr>")[0]
    assert '<option value="tech" selected="selected">Tecnico</option>' in row
    assert "collega.nuovo@rossi.example</td>" not in session.get(portal.url + "/tenant/inviti").text


def test_inviting_a_pending_address_again_with_another_role_says_the_role_changed(portal):
    """It said «Invito inviato di nuovo» while the pending invitation quietly became an
    «Amministratore» one."""
    session, _ = login(portal)
    address = "ruolo.cambiato." + str(time.time_ns()) + "@rossi.example"
    assert invite(portal, session, address, role="tech").headers["Location"] == "/tenant/inviti?avviso=inviato"
    again = invite(portal, session, address, role="admin")
    assert again.headers["Location"] == "/tenant/inviti?avviso=reinviato-ruolo"
    told = html.unescape(session.get(portal.url + again.headers["Location"]).text)
    assert "con il ruolo scelto ora, che sostituisce quello dell'invito precedente" in told


def test_an_operators_address_is_answered_as_any_other_and_cannot_join(portal):
    """Which addresses are the support's is not a customer's to learn: "Invita" answered
    "appartiene a un operatore dell'assistenza" for those alone."""
    session, _ = login(portal)
    operator = "giulia.neri@assistenza.example"
    answered = invite(portal, session, operator.upper())
    assert answered.status_code == 303 and answered.headers["Location"] == "/tenant/inviti?avviso=inviato"
    assert operator + "</td>" in session.get(portal.url + "/tenant/inviti").text
    told = portal.wait_for_mail(operator, "Invito di ROSSI SRL non utilizzabile").get_content()
    assert "operatore dell'assistenza" in told and "Non devi fare nulla" in told
    with portal.db() as db:
        invitation, = db.execute("SELECT id FROM invitations WHERE email = ? AND accepted_at IS NULL", (operator,)).fetchone()
        welcomes = db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE 'Benvenuto%'",
                              (operator,)).fetchone()[0]
    assert welcomes == 0, "an operator's password is never replaced"
    # The operator cannot accept it, even by sending the form by hand.
    desk, _ = login(portal, email=operator)
    page = desk.get(portal.url + "/desk/").text
    accepted = desk.post(portal.url + f"/accesso/invito/{invitation}/accetta", data={"csrf": csrf_token(page)},
                         allow_redirects=False)
    assert accepted.status_code == 303 and accepted.headers["Location"] == "/desk/", accepted.status_code
    with portal.db() as db:
        memberships = db.execute("SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?",
                                 (operator,)).fetchone()[0]
    assert memberships == 0
    # Removed as any other invitation.
    listing = session.get(portal.url + "/tenant/inviti").text
    row = listing.split(">" + operator + "</td>")[1].split("</tr>")[0]
    removal = re.search(r'action="/tenant/inviti/(\d+)/rimuovi"', row).group(1)
    assert post(portal, session, f"/tenant/inviti/{removal}/rimuovi", "/tenant/inviti").status_code == 303


def test_an_invitation_with_a_role_the_form_does_not_offer_is_refused(portal):
    """A crafted "role=bogus" invited as Tecnico without a word."""
    session, _ = login(portal)
    refused = invite(portal, session, "ruolo.strano@rossi.example", role="superadmin")
    assert refused.status_code == 400
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM invitations WHERE email = 'ruolo.strano@rossi.example'").fetchone()[0] == 0


def test_a_removed_invitation_stops_working(portal):
    session, _ = login(portal)
    invite(portal, session, "annullato@rossi.example")
    welcome = portal.wait_for_mail("annullato@rossi.example", "Benvenuto").get_content()
    listing = session.get(portal.url + "/tenant/inviti").text
    row = listing.split(">annullato@rossi.example</td>")[1].split("</tr>")[0]
    invitation = re.search(r'action="/tenant/inviti/(\d+)/rimuovi"', row).group(1)
    removed = post(portal, session, f"/tenant/inviti/{invitation}/rimuovi", "/tenant/inviti")
    assert removed.headers["Location"] == "/tenant/inviti?avviso=rimosso"
    # A button of that invitation on a page read before (or pressed twice) leads back to the
    # list, which says it is no longer pending: it was a bare 404 page.
    stale = post(portal, session, f"/tenant/inviti/{invitation}/reinvia", "/tenant/inviti")
    assert stale.status_code == 303 and stale.headers["Location"] == "/tenant/inviti?avviso=non-in-attesa"
    assert "non è più in attesa" in session.get(portal.url + stale.headers["Location"]).text
    again = post(portal, session, f"/tenant/inviti/{invitation}/rimuovi", "/tenant/inviti")
    assert again.status_code == 303 and again.headers["Location"] == "/tenant/inviti?avviso=rimosso"
    # The e-mail's provisional password went with the invitation: it led to an account with no
    # company to choose and a page that said to accept an invitation that was not there.
    provisional = re.search(r"- Password: (\S+)", welcome).group(1)
    refused = password_step(portal, "annullato@rossi.example", provisional)
    assert refused.status_code == 403 and "Le credenziali provvisorie non valgono più" in refused.text

    # Invited again, the person gets fresh credentials that work.
    invite(portal, session, "annullato@rossi.example")
    colleague = activate(portal, "annullato@rossi.example")
    assert "ROSSI SRL" in colleague.get(portal.url + "/dashboard").text


def invited_to_bianchi(portal):
    """BIANCHI's administrator invites Luca (of ROSSI), who signs in: both sessions, Luca's
    company choice and its "Accetta" address."""
    bianchi, _ = login(portal, email=OTHER_COMPANY_ADMIN)
    invite(portal, bianchi, TECHNICIAN)
    luca, _ = login(portal, email=TECHNICIAN)
    choice = luca.get(portal.url + "/accesso/azienda").text
    return bianchi, luca, choice, re.search(r'action="(/accesso/invito/\d+/accetta)"', choice).group(1)


def test_accepting_an_invitation_withdrawn_meanwhile_says_so_on_the_company_choice(fresh_portal):
    portal = fresh_portal()
    bianchi, luca, choice, accept = invited_to_bianchi(portal)
    listing = bianchi.get(portal.url + "/tenant/inviti").text
    row = listing.split(f">{TECHNICIAN}</td>")[1].split("</tr>")[0]
    invitation = re.search(r'action="/tenant/inviti/(\d+)/rimuovi"', row).group(1)
    assert post(portal, bianchi, f"/tenant/inviti/{invitation}/rimuovi", "/tenant/inviti").status_code == 303

    pressed = luca.post(portal.url + accept, data={"csrf": csrf_token(choice)}, allow_redirects=False)
    assert pressed.status_code == 303 and pressed.headers["Location"] == "/accesso/azienda?avviso=ritirato"
    told = luca.get(portal.url + pressed.headers["Location"]).text
    assert "L&#39;invito non è più valido" in told or "L'invito non è più valido" in told
    assert accept not in told and "ROSSI SRL" in told, "the person's own company is still there to choose"


def test_accetta_pressed_again_after_back_finds_the_invitation_accepted_not_withdrawn(fresh_portal):
    portal = fresh_portal()
    _, luca, choice, accept = invited_to_bianchi(portal)
    for _ in range(2):
        pressed = luca.post(portal.url + accept, data={"csrf": csrf_token(choice)}, allow_redirects=False)
        assert pressed.status_code == 303 and pressed.headers["Location"] == "/accesso/azienda?avviso=accettato"
    told = luca.get(portal.url + pressed.headers["Location"]).text
    assert "non è più valido" not in told and "BIANCHI SPA" in told


def test_the_role_of_a_pending_invitation_is_assigned_in_ruoli_assegnati(portal):
    session, _ = login(portal)
    invite(portal, session, "ruolo.dopo@rossi.example")
    listing = session.get(portal.url + "/tenant/inviti").text
    row = listing.split(">ruolo.dopo@rossi.example</td>")[1].split("</tr>")[0]
    invitation = re.search(r'action="/tenant/inviti/(\d+)/ruolo"', row).group(1)
    # Named "Ruoli assegnati", described by its row's address, which is in the page once
    # (a hidden label repeated it: a lookup of the address by its text found two).
    assert (f'<select id="invitation-role-{invitation}" name="role" aria-label="Ruoli assegnati" '
            f'aria-describedby="invitation-{invitation}">') in row
    assert re.search(rf'<td [^>]*id="invitation-{invitation}"[^>]*>ruolo.dopo@rossi.example</td>', listing)
    assert listing.count("ruolo.dopo@rossi.example") == listing.count("ruolo.dopo@rossi.example\"") + 1
    assert '<option value="tech" selected="selected">Tecnico</option>' in row
    assert post(portal, session, f"/tenant/inviti/{invitation}/ruolo", "/tenant/inviti", role="capo").status_code == 400
    changed = post(portal, session, f"/tenant/inviti/{invitation}/ruolo", "/tenant/inviti", role="admin")
    assert changed.headers["Location"] == "/tenant/inviti?avviso=ruolo"
    listing = session.get(portal.url + changed.headers["Location"]).text
    assert "Ruolo salvato: l" in listing and "utente lo avrà quando accetterà l" in listing
    # The invitation's e-mail named the role: the new one is e-mailed too.
    told = portal.wait_for_mail("ruolo.dopo@rossi.example", "Invito a unirti a ROSSI SRL: ruolo cambiato").get_content()
    assert f"({ADMIN}) ha cambiato il ruolo del tuo invito a unirti all'azienda ROSSI SRL: il ruolo ora è «Amministratore»." in told, told
    # Switched back and forth, it mails no more than the invitations' own limit (3 an hour).
    for role in ("tech", "admin", "tech", "admin"):
        assert post(portal, session, f"/tenant/inviti/{invitation}/ruolo", "/tenant/inviti", role=role).status_code == 303
    with portal.db() as db:
        mailed = db.execute("SELECT count(*) FROM outbox WHERE recipients = 'ruolo.dopo@rossi.example'"
                            " AND (subject LIKE 'Invito a unirti%')").fetchone()[0]
    assert mailed == 3, mailed
    row = listing.split(">ruolo.dopo@rossi.example</td>")[1].split("</tr>")[0]
    assert '<option value="admin" selected="selected">Amministratore</option>' in row
    activity = session.get(portal.url + "/tenant/attivita").text
    assert "Ruolo dell" in activity and "ruolo.dopo@rossi.example: Tecnico → Amministratore" in activity

    colleague = activate(portal, "ruolo.dopo@rossi.example")
    assert 'href="/tenant"' in colleague.get(portal.url + "/dashboard").text, "accepted as administrator"


def test_roles_change_and_the_last_administrator_stays(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal)
    with portal.db() as db:
        mario, luca = (db.execute("SELECT id FROM users WHERE email = ?", (e,)).fetchone()[0] for e in (ADMIN, TECHNICIAN))
    demote_self = post(portal, session, f"/tenant/utenti/{mario}/ruolo", "/tenant/utenti", role="tech")
    assert demote_self.status_code == 422 and "almeno un Amministratore" in demote_self.text
    # Beside the row's «Ruolo», tied to it and given the focus, as a field's error (it was a
    # notice at the page's top, nothing marked on the row); said once.
    assert re.search(rf'<select id="role-{mario}"[^>]*aria-describedby="member-{mario} role-{mario}-error"[^>]*'
                     rf'aria-invalid="true" autofocus', demote_self.text), demote_self.text
    assert f'<p class="field-error" id="role-{mario}-error" role="alert">' in demote_self.text
    # Each row's select has its `<label>` «Ruolo», not only an `aria-label`.
    assert f'<label class="visually-hidden" for="role-{luca}">Ruolo</label>' in demote_self.text
    assert demote_self.text.count("almeno un Amministratore") == 1
    remove_self = post(portal, session, f"/tenant/utenti/{mario}/rimuovi", "/tenant/utenti")
    assert remove_self.status_code == 422 and f'id="remove-{mario}-error" role="alert"' in remove_self.text
    promoted = post(portal, session, f"/tenant/utenti/{luca}/ruolo", "/tenant/utenti", role="admin")
    assert promoted.headers["Location"] == "/tenant/utenti?avviso=ruolo"
    # The person is told, by whom and what the role allows: a change found only by a new menu
    # (or a missing one) is a change nobody can question.
    told = portal.wait_for_mail(TECHNICIAN, "Il tuo ruolo in ROSSI SRL è cambiato").get_content()
    assert f"({ADMIN}) ha cambiato il tuo ruolo nell'azienda ROSSI SRL: il tuo ruolo ora è «Amministratore» (prima era «Tecnico»)" in told, told
    assert "Con il ruolo «Amministratore» puoi usare i ticket, la dashboard, il tuo profilo e la gestione dell'azienda" in told
    technician, _ = login(portal, email=TECHNICIAN)
    assert technician.get(portal.url + "/tenant/utenti").status_code == 200, "the new role applies at once"
    assert post(portal, session, f"/tenant/utenti/{luca}/ruolo", "/tenant/utenti", role="tech").status_code == 303
    assert technician.get(portal.url + "/tenant/utenti").status_code == 404
    activity = session.get(portal.url + "/tenant/attivita").text
    assert "Tecnico → Amministratore" in activity and "Amministratore → Tecnico" in activity, "roles by their names"
    assert "admin → tech" not in activity
    # "Utente" = Luca: what he did and what was done to him (his role, changed by Mario); the
    # filter showed only the lines he wrote. People by name, with their address.
    about = html.unescape(session.get(portal.url + "/tenant/attivita", params={"utente": luca}).text)
    assert f"{TECHNICIAN}: Tecnico → Amministratore" in about and f"{TECHNICIAN}: Amministratore → Tecnico" in about, about[-3000:]
    assert re.search(r'<option value="%d" selected="selected">Luca Verdi \(%s\)</option>' % (luca, re.escape(TECHNICIAN)), about)
    # The role it has already: said, and no line "Tecnico → Tecnico".
    same = post(portal, session, f"/tenant/utenti/{luca}/ruolo", "/tenant/utenti", role="tech")
    assert same.headers["Location"] == "/tenant/utenti?avviso=ruolo-invariato"
    assert "aveva già il ruolo scelto" in html.unescape(session.get(portal.url + same.headers["Location"]).text)
    assert "Tecnico → Tecnico" not in session.get(portal.url + "/tenant/attivita").text

    # An administrator who gives up their own role, or removes themselves, is told it was done:
    # the next page said "l'operazione non è stata eseguita" / "La sessione è scaduta".
    promoted = post(portal, session, f"/tenant/utenti/{luca}/ruolo", "/tenant/utenti", role="admin")
    assert promoted.status_code == 303
    demoted = post(portal, session, f"/tenant/utenti/{mario}/ruolo", "/tenant/utenti", role="tech")
    assert demoted.headers["Location"] == "/dashboard?avviso=ruolo-proprio"
    with portal.db() as db:
        own = db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE 'Il tuo ruolo%'", (ADMIN,)).fetchone()[0]
    assert own == 0, "a change of one's own role is said on the page, not e-mailed"
    told = session.get(portal.url + demoted.headers["Location"]).text
    assert "Il tuo ruolo ora è «Tecnico»" in told and "Si è verificato un errore" not in told
    assert session.get(portal.url + "/tenant/utenti").status_code == 404
    luca_session, _ = login(portal, email=TECHNICIAN)
    assert post(portal, luca_session, f"/tenant/utenti/{mario}/ruolo", "/tenant/utenti", role="admin").status_code == 303
    gone = post(portal, luca_session, f"/tenant/utenti/{luca}/rimuovi", "/tenant/utenti")
    assert gone.headers["Location"] == "/login?avviso=rimosso-da-te"
    login_page = luca_session.get(portal.url + gone.headers["Location"]).text
    assert "Ti sei rimosso dall'azienda" in login_page and "La sessione è scaduta" not in login_page


def test_a_removed_user_is_out_at_once_and_their_tickets_stay(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal)
    technician, _ = login(portal, email=TECHNICIAN)
    assert technician.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
        tickets = db.execute("SELECT count(*) FROM tickets WHERE requester_id = ?", (luca,)).fetchone()[0]
        open_ticket = db.execute("SELECT number FROM tickets WHERE requester_id = ? AND status != 'closed' ORDER BY id LIMIT 1",
                                 (luca,)).fetchone()[0]
    reply_page = technician.get(portal.url + f"/ticket/{open_ticket}").text
    removed = post(portal, session, f"/tenant/utenti/{luca}/rimuovi", "/tenant/utenti")
    assert removed.headers["Location"] == "/tenant/utenti?avviso=rimosso"
    # His trusted browser went with him, and «Attività» says so (issue 4: devices removed).
    activity = html.unescape(session.get(portal.url + "/tenant/attivita").text)
    assert "Dispositivo sicuro rimosso" in activity and f"{TECHNICIAN}: 1 dispositivo (utente rimosso dall'azienda)" in activity
    # The same buttons pressed in a tab still showing him: said on the list, not a bare 404.
    for action, data in (("rimuovi", {}), ("ruolo", {"role": "admin"})):
        stale = post(portal, session, f"/tenant/utenti/{luca}/{action}", "/tenant/utenti", **data)
        assert stale.headers["Location"] == "/tenant/utenti?avviso=non-piu-utente", (action, stale.status_code)
    told = html.unescape(session.get(portal.url + "/tenant/utenti?avviso=non-piu-utente").text)
    assert "Quell'utente non è più tra gli utenti abilitati: nel frattempo è stato rimosso." in told
    # A reply he sends from the page still open is not promised back after a login that can
    # no longer lead to the company: said, and nothing kept.
    with portal.db() as db:
        kept_before = db.execute("SELECT count(*) FROM kept_forms").fetchone()[0]
    late = technician.post(portal.url + f"/ticket/{open_ticket}", allow_redirects=False, data={
        "csrf": csrf_token(reply_page), "autore": re.search(r'name="autore" value="([^"]+)"', reply_page).group(1), "message": "Risposta dopo la rimozione", "action": "reply"},
        files={"files": ("", b"", "application/octet-stream")})
    assert late.headers["Location"] == "/login?avviso=modulo-non-salvato", late.headers.get("Location")
    assert "il modulo che stavi inviando non è stato salvato" in html.unescape(requests.get(portal.url + late.headers["Location"]).text)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM kept_forms").fetchone()[0] == kept_before
    out = technician.get(portal.url + "/dashboard", allow_redirects=False)
    assert out.status_code == 303 and out.headers["Location"].startswith("/login?avviso=rimosso&"), out.headers["Location"]
    # Told why, not «La sessione è scaduta».
    told = html.unescape(requests.get(portal.url + out.headers["Location"]).text)
    assert "Un amministratore ti ha rimosso dall'azienda" in told and "La sessione è scaduta" not in told
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE requester_id = ?", (luca,)).fetchone()[0] == tickets > 0
        assert db.execute("SELECT count(*) FROM trusted_devices WHERE user_id = ?", (luca,)).fetchone()[0] == 0
    assert "Luca Verdi" in session.get(portal.url + "/ticket?stato=qualsiasi").text
    activity = session.get(portal.url + "/tenant/attivita").text
    assert "Utente rimosso" in activity and "luca.verdi@rossi.example" in activity
    # His lines stay a filter, apart from the colleagues', to be reviewed alone.
    former = activity.split('<optgroup label="Non più nell&#39;azienda">')[1].split("</optgroup>")[0]
    assert f'value="{luca}">Luca Verdi (luca.verdi@rossi.example)</option>' in former
    his = session.get(portal.url + f"/tenant/attivita?utente={luca}").text
    assert f'value="{luca}" selected' in his
    # Mario's lines there are only those about Luca (his removal), none of Mario's own.
    rows = re.findall(r"<tr>(.*?)</tr>", his, re.S)
    by_mario = [row for row in rows if "mario.rossi@rossi.example</td>" in row]
    assert by_mario and all("luca.verdi@rossi.example" in row for row in by_mario), by_mario
    assert "luca.verdi@rossi.example</td>" in his
    with portal.db() as db:
        # His own account's events (logins, recovery) no longer go to this company's "Attività".
        assert db.execute("SELECT last_tenant_id FROM users WHERE id = ?", (luca,)).fetchone()[0] is None
        number = db.execute("SELECT number FROM tickets WHERE requester_id = ? AND contact_email = ? AND status != 'closed' "
                            "ORDER BY id LIMIT 1", (luca, TECHNICIAN)).fetchone()[0]
    # Nor do the company's tickets e-mail him: his old ticket's reply goes to the others only.
    desk, _ = login(portal, email="giulia.neri@assistenza.example")
    page = desk.get(portal.url + f"/desk/ticket/{number}").text
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    replied = desk.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page), "seen": seen, "action": "reply", "reply": "Codice di licenza riservato: 1234."},
        files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert replied.status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body = 'Codice di licenza riservato: 1234.'").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM outbox WHERE subject LIKE ? AND recipients LIKE ?",
                          (f"%#{number} %", f"%{TECHNICIAN}%")).fetchone()[0] == 0, "a removed member is e-mailed nothing"

    # A slip undone: "Ripristina utente" brings Luca back as he was; he signs in again.
    with portal.db() as db:
        before = db.execute("SELECT role, active_since FROM removed_members WHERE user_id = ?", (luca,)).fetchone()
    # «Utenti» lists the enabled users only: the removed one is behind a link of his own page.
    listing = session.get(portal.url + "/tenant/utenti").text
    assert "luca.verdi" not in listing and f"/tenant/utenti/{luca}/ripristina" not in listing
    assert '<a href="/tenant/utenti/rimossi">Rimossi di recente: 1 utente si può ripristinare</a>' in listing
    removed_page = session.get(portal.url + "/tenant/utenti/rimossi").text
    assert "<h2" in removed_page and "Rimossi di recente</h2>" in removed_page
    assert "luca.verdi@rossi.example" in removed_page and f'action="/tenant/utenti/{luca}/ripristina"' in removed_page
    # Another company's administrator cannot bring him into theirs, nor see him.
    other = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    token = csrf_token(other.get(portal.url + "/tenant/utenti").text)
    assert other.post(portal.url + f"/tenant/utenti/{luca}/ripristina", data={"csrf": token},
                      allow_redirects=False).status_code == 404
    assert "luca.verdi" not in other.get(portal.url + "/tenant/utenti").text
    # Invited again meanwhile, as Amministratore: the restore withdraws that invitation, or its
    # "Accetta" would later change the role he comes back with.
    assert invite(portal, session, TECHNICIAN, role="admin").status_code == 303
    restored = post(portal, session, f"/tenant/utenti/{luca}/ripristina", "/tenant/utenti/rimossi")
    assert restored.headers["Location"] == "/tenant/utenti?avviso=ripristinato"
    with portal.db() as db:
        assert db.execute("SELECT role, active_since FROM memberships WHERE user_id = ? AND tenant_id = "
                          "(SELECT id FROM tenants WHERE name = 'ROSSI SRL')", (luca,)).fetchone() == before
        assert db.execute("SELECT count(*) FROM invitations WHERE email = ? AND accepted_at IS NULL "
                          "AND cancelled_at IS NULL", (TECHNICIAN,)).fetchone()[0] == 0
    listing = session.get(portal.url + restored.headers["Location"]).text
    assert "Utente ripristinato" in listing and "Rimossi di recente" not in listing
    assert "Nessun utente rimosso negli ultimi 15 minuti." in session.get(portal.url + "/tenant/utenti/rimossi").text
    assert technician.get(portal.url + "/dashboard", allow_redirects=False).status_code == 303, "his session stays ended"
    again = post(portal, session, f"/tenant/utenti/{luca}/ripristina", "/tenant/utenti")
    assert again.headers["Location"] == "/tenant/utenti?avviso=ripristinato", "pressed again: done, not too late"
    # Back as he was: his only company is his last again, and the login goes straight in
    # (it asked him to choose it, the one company he has).
    signed_in, answer = login(portal, email=TECHNICIAN)
    assert answer.headers["Location"] == "/dashboard", answer.headers["Location"]
    assert "Utente ripristinato" in session.get(portal.url + "/tenant/attivita").text
    # Removed again and left more than 15 minutes: too late, said so.
    post(portal, session, f"/tenant/utenti/{luca}/rimuovi", "/tenant/utenti")
    with portal.db() as db:
        db.execute("UPDATE removed_members SET removed_at = removed_at - 16 * 60 WHERE user_id = ?", (luca,))
    late = post(portal, session, f"/tenant/utenti/{luca}/ripristina", "/tenant/utenti/rimossi")
    assert late.status_code == 409 and "sono passati più di 15 minuti" in late.text and "Rimossi di recente</h2>" in late.text


def test_technicians_and_other_companies_get_404_everywhere(portal):
    admin, _ = login(portal)
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
    pages = ["/tenant", "/tenant/ruoli", "/tenant/utenti", "/tenant/utenti/rimossi", "/tenant/inviti", "/tenant/inviti/nuovo",
             "/tenant/attivita"]
    technician, _ = login(portal, email=TECHNICIAN)
    assert 'href="/tenant"' not in technician.get(portal.url + "/dashboard").text
    token = csrf_token(technician.get(portal.url + "/dashboard").text)
    for path in pages:
        opened = technician.get(portal.url + path)
        assert opened.status_code == 404, path
        # A page opened, not a form pressed: nothing about an operation not carried out.
        assert "riservata agli amministratori" in opened.text and "non è stata eseguita" not in opened.text, path
        assert "<h1" in opened.text and ">Pagina riservata agli amministratori</h1>" in opened.text, "not «Si è verificato un errore»"
    posts = ["/tenant/inviti", f"/tenant/utenti/{luca}/ruolo", f"/tenant/utenti/{luca}/rimuovi",
             f"/tenant/utenti/{luca}/ripristina", "/tenant/inviti/1/reinvia",
             "/tenant/inviti/1/rimuovi", "/tenant/inviti/1/ruolo"]
    for path in posts:
        refused = technician.post(portal.url + path, data={"csrf": token, "email": "x@y.it", "role": "admin"})
        assert refused.status_code == 404, path
        # An administrator demoted while the page was open is told why, not "the page does not exist".
        assert "riservata agli amministratori" in refused.text and "«Tecnico»" in html.unescape(refused.text), path
        assert "non è stata eseguita" in refused.text, path
        assert "Pagina non trovata" not in refused.text, "the page exists: it is the administrators'"
    other = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    token = csrf_token(other.get(portal.url + "/dashboard").text)
    for path in [f"/tenant/utenti/{luca}/ruolo", f"/tenant/utenti/{luca}/rimuovi", f"/tenant/utenti/{luca}/ripristina"]:
        response = other.post(portal.url + path, data={"csrf": token, "role": "admin"}, allow_redirects=False)
        assert response.status_code == 404, path
    assert "luca.verdi" not in other.get(portal.url + "/tenant/utenti").text
    assert "luca.verdi" not in other.get(portal.url + f"/tenant/attivita?utente={luca}").text
    # Another company's invitation ids answer 404, like ids that do not exist (issue #4).
    invite(portal, admin, "di.rossi@rossi.example")
    with portal.db() as db:
        rossi_invitation = db.execute("SELECT id FROM invitations WHERE email = 'di.rossi@rossi.example'").fetchone()[0]
    for action in ("reinvia", "rimuovi", "ruolo"):
        for invitation in (rossi_invitation, 999999):
            response = other.post(portal.url + f"/tenant/inviti/{invitation}/{action}", data={"csrf": token, "role": "admin"},
                                  allow_redirects=False)
            assert response.status_code == 404, (action, invitation)
    with portal.db() as db:
        assert db.execute("SELECT cancelled_at IS NULL AND role = 'tech' FROM invitations WHERE id = ?",
                          (rossi_invitation,)).fetchone()[0] == 1


def test_activity_is_filtered_and_paginated(portal):
    session, _ = login(portal)
    page = session.get(portal.url + "/tenant/attivita").text
    assert "Accesso riuscito" in page and 'name="utente"' in page
    with portal.db() as db:
        mario = db.execute("SELECT id FROM users WHERE email = ?", (ADMIN,)).fetchone()[0]
    mine = session.get(portal.url + f"/tenant/attivita?utente={mario}").text
    assert "luca.verdi@rossi.example</td>" not in mine
    assert "Nessun evento" in session.get(portal.url + "/tenant/attivita?da=2000-01-01&a=2000-01-02").text
    reversed_range = session.get(portal.url + "/tenant/attivita?da=2026-12-02&a=2026-11-01")
    assert reversed_range.status_code == 422 and "«A data» viene prima di «Da data»" in reversed_range.text
    bad = session.get(portal.url + "/tenant/attivita?da=xyz")
    assert bad.status_code == 422 and "«xyz» non è una data valida" in bad.text and "Accesso riuscito" not in bad.text


def test_activity_names_the_support_team_for_what_nobody_signed_in_did(fresh_portal):
    """The vendor's command line invites without a session: the row's "Utente" was empty.
    Its own portal: the classic portal's line is written once an hour per company and address,
    and the other files' sends of the same P.IVA would leave it off the first page."""
    portal = fresh_portal()
    portal.admin("invite", "--vat", "02740123456", "--email", "da.riga.di.comando@rossi.example", "--role", "Tecnico")
    session, _ = login(portal)
    page = session.get(portal.url + "/tenant/attivita").text
    row = next(row for row in page.split("<tr>") if "da.riga.di.comando@rossi.example" in row)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[1] == "Assistenza", cells
    # Someone typing the company's P.IVA on the classic portal's public page is no one of the support.
    visitor = requests.Session()
    form = visitor.get(portal.url + "/portale-classico").text
    visitor.post(portal.url + "/portale-classico", data={"csrf": csrf_token(form), "vat": "02740123456"})
    page = session.get(portal.url + "/tenant/attivita").text
    row = next(row for row in page.split("<tr>") if "Accesso al portale classico" in row)
    assert re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[1] == "visitatore (senza accesso)", row
    # Anyone may send that form: twenty sends filled the first page of "Attività", pushing the
    # company's own accesses off it. One line an hour.
    lines = page.count("Accesso al portale classico")
    for _ in range(5):
        visitor.post(portal.url + "/portale-classico", data={"csrf": csrf_token(form), "vat": "02740123456"})
    assert session.get(portal.url + "/tenant/attivita").text.count("Accesso al portale classico") == lines


def test_a_removal_by_one_company_keeps_the_trusted_browsers_of_someone_still_in_another(fresh_portal):
    """Trusted browsers are the person's: BIANCHI removing Mario asked him for a code at
    every login to ROSSI afterwards."""
    portal = fresh_portal()
    bianchi = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    assert invite(portal, bianchi, ADMIN).status_code == 303
    login_into(portal, ADMIN, "BIANCHI SPA")
    with portal.db() as db:
        mario = db.execute("SELECT id FROM users WHERE email = ?", (ADMIN,)).fetchone()[0]
        assert db.execute("SELECT count(*) FROM memberships WHERE user_id = ?", (mario,)).fetchone()[0] == 2
        devices = db.execute("SELECT count(*) FROM trusted_devices WHERE user_id = ?", (mario,)).fetchone()[0]
    assert devices > 0
    assert post(portal, bianchi, f"/tenant/utenti/{mario}/rimuovi", "/tenant/utenti").headers["Location"] \
        == "/tenant/utenti?avviso=rimosso"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM trusted_devices WHERE user_id = ?", (mario,)).fetchone()[0] == devices
    _, response = login(portal, email=ADMIN)
    assert response.headers["Location"] != "/accesso/codice", "no code asked of a trusted browser"


def test_the_company_still_waiting_may_send_the_password_again_once_the_one_that_gave_it_withdraws(fresh_portal):
    """BIANCHI's invitation gave the provisional password, ROSSI's only named it; BIANCHI
    withdraws: ROSSI's «Invia di nuovo» sends a new password (it sent none, and whoever had
    lost the first e-mail waited for ROSSI's invitation to expire)."""
    portal = fresh_portal()
    bianchi = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    address = "due.aziende@example.com"
    assert invite(portal, bianchi, address).status_code == 303
    portal.wait_for_mail(address, "Benvenuto")
    rossi = login_into(portal, ADMIN, "ROSSI SRL")
    assert invite(portal, rossi, address).status_code == 303
    portal.wait_for_mail(address, "Invito a unirti a ROSSI SRL")
    listing = bianchi.get(portal.url + "/tenant/inviti").text
    withdrawn = re.search(r'action="/tenant/inviti/(\d+)/rimuovi"', listing.split(f">{address}</td>")[1]).group(1)
    assert post(portal, bianchi, f"/tenant/inviti/{withdrawn}/rimuovi", "/tenant/inviti").status_code == 303
    listing = rossi.get(portal.url + "/tenant/inviti").text
    invitation = re.search(r'action="/tenant/inviti/(\d+)/reinvia"', listing.split(f">{address}</td>")[1]).group(1)
    again = post(portal, rossi, f"/tenant/inviti/{invitation}/reinvia", "/tenant/inviti")
    assert again.headers["Location"] == "/tenant/inviti?avviso=reinviato", again.headers.get("Location")
    password = re.search(r"- Password: (\S+)", portal.wait_for_mail(address, "Benvenuto").get_content()).group(1)
    assert password_step(portal, address, password).headers["Location"] == "/accesso/primo"


def test_invitations_are_limited_per_address_and_another_company_keeps_the_password_it_gave(fresh_portal):
    portal = fresh_portal()
    rossi = login_into(portal, ADMIN, "ROSSI SRL")
    address = "pendente@example.com"
    assert invite(portal, rossi, address).status_code == 303
    first = re.search(r"- Password: (\S+)", portal.wait_for_mail(address, "Benvenuto").get_content()).group(1)
    # Another company invites the same pending person: its e-mail gives no new password.
    bianchi = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    assert invite(portal, bianchi, address).status_code == 303
    invitation_mail = portal.wait_for_mail(address, "Invito a unirti a BIANCHI SPA").get_content()
    # Who invited, as what and until when: an invitation from a name is one a person can question.
    assert f"({OTHER_COMPANY_ADMIN}) ti ha invitato a unirti all'azienda BIANCHI SPA" in invitation_mail, invitation_mail
    assert "con il ruolo Tecnico" in invitation_mail and re.search(r"L'invito vale fino al \d\d/\d\d/\d{4}", invitation_mail)
    # Still before the first access: the e-mail says where it starts.
    assert "Per il primo accesso usa le credenziali provvisorie" in invitation_mail, invitation_mail
    with portal.db() as db:
        welcomes = db.execute("SELECT count(*) FROM outbox WHERE recipients = ? AND subject LIKE 'Benvenuto%'",
                              (address,)).fetchone()[0]
    assert welcomes == 1
    assert password_step(portal, address, first).headers["Location"] == "/accesso/primo", "the first mail's password works"

    # "Invia di nuovo" and "Invita" count together: the fourth e-mail in an hour is refused.
    listing = rossi.get(portal.url + "/tenant/inviti").text
    invitation = re.search(r'action="/tenant/inviti/(\d+)/reinvia"', listing.split(f">{address}</td>")[1]).group(1)
    assert post(portal, rossi, f"/tenant/inviti/{invitation}/reinvia", "/tenant/inviti").status_code == 303
    with portal.db() as db:
        queued = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    refused = invite(portal, rossi, address)
    assert refused.status_code == 429
    assert f"A {address} sono già stati inviati 3 inviti nell&#39;ultima ora: riprova più tardi." in refused.text \
        or f"A {address} sono già stati inviati 3 inviti nell'ultima ora: riprova più tardi." in refused.text
    assert 'aria-invalid="true"' in refused.text or "field--invalid" in refused.text, "beside the field"
    again = post(portal, rossi, f"/tenant/inviti/{invitation}/reinvia", "/tenant/inviti")
    assert again.status_code == 429 and "riprova più tardi" in again.text
    # Said on the list the button is in, not in an invitation form to fill in again.
    assert 'action="/tenant/inviti"' not in again.text and f">{address}</td>" in again.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == queued, "nothing more was sent"


def test_an_invitation_sent_twice_by_the_same_form_is_sent_once(portal):
    """A double click or a retry after a 502 sent new credentials, voiding the first e-mail's."""
    session, _ = login(portal)
    address = "doppio.clic@rossi.example"
    page = session.get(portal.url + "/tenant/inviti/nuovo").text
    key = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    fields = {"csrf": csrf_token(page), "submission": key, "email": address, "role": "tech"}
    first = session.post(portal.url + "/tenant/inviti", data=fields, allow_redirects=False)
    again = session.post(portal.url + "/tenant/inviti", data=fields, allow_redirects=False)
    assert first.headers["Location"] == again.headers["Location"] == "/tenant/inviti?avviso=inviato"
    # The same form corrected after the browser's Back (same key, another address) is sent too.
    corrected = session.post(portal.url + "/tenant/inviti", data={**fields, "email": "doppio.corretto@rossi.example"},
                             allow_redirects=False)
    assert corrected.headers["Location"] == "/tenant/inviti?avviso=inviato"
    portal.wait_for_mail("doppio.corretto@rossi.example", "Invito a unirti")
    # The form's page is the form alone: the pending list's «Rimuovi utente invitato» buttons
    # made «Invita» three buttons for a lookup by name, «Ruoli assegnati» a legend and a column.
    form = session.get(portal.url + "/tenant/inviti/nuovo").text
    assert address not in form and "Rimuovi utente invitato" not in form and "Ruoli assegnati</th>" not in form
    assert "Ruoli assegnati</legend>" in form and ">Invita</button>" in form
    listing = session.get(portal.url + "/tenant/inviti").text
    row = listing.split(f">{address}</td>")[1].split("</tr>")[0]
    resend = re.search(r'action="(/tenant/inviti/\d+/reinvia)"', row).group(1)
    resend_form = row.split(f'action="{resend}"')[1].split("</form>")[0]
    resend_key = re.search(r'name="submission" value="([^"]+)"', resend_form).group(1)
    for _ in range(2):
        resent = session.post(portal.url + resend, data={"csrf": csrf_token(listing), "submission": resend_key},
                              allow_redirects=False)
        assert resent.headers["Location"].startswith("/tenant/inviti?avviso=reinviato")
    with portal.db() as db:
        welcomes, invitations = db.execute(
            "SELECT sum(subject LIKE 'Benvenuto%'), sum(subject LIKE 'Invito a unirti%') FROM outbox WHERE recipients = ?",
            (address,)).fetchone()
    assert (welcomes, invitations) == (2, 2), "one for the invitation, one for the resend"
    provisional = re.search(r"- Password: (\S+)", portal.wait_for_mail(address, "Benvenuto").get_content()).group(1)
    latest = re.search(r"- Password: (\S+)", portal.wait_for_mail(address, "Benvenuto").get_content()).group(1)
    assert provisional != latest
    assert password_step(portal, address, latest).headers["Location"] == "/accesso/primo"


def test_pending_invitations_are_shown_fifty_a_page_here_and_on_the_desk(fresh_portal):
    """A company with hundreds of pending invitations drew them all on one page (636 KB,
    150 ms), in "Utenti invitati" and on the desk's company page."""
    from vendor import manager_session

    portal = fresh_portal()
    with portal.db() as db:
        rossi = db.execute("SELECT id FROM tenants WHERE name = 'ROSSI SRL'").fetchone()[0]
        now = int(time.time())
        db.executemany(
            "INSERT INTO invitations (tenant_id, email, role, created_at, last_sent_at, expires_at) VALUES (?, ?, 'tech', ?, ?, ?)",
            [(rossi, f"invitato{n:02d}@rossi.example", now - 3600 + n, now - 3600 + n, now + 86400) for n in range(55)])
    session, _ = login(portal)
    first = session.get(portal.url + "/tenant/inviti").text
    assert first.count('class="cell-address"') == 50
    assert "invitato54@rossi.example" in first and "invitato04@rossi.example" not in first, "the newest first"
    assert 'href="/tenant/inviti?pagina=2"' in first and "Pagina successiva" in first
    second = session.get(portal.url + "/tenant/inviti?pagina=2").text
    assert second.count('class="cell-address"') == 5 and "invitato00@rossi.example" in second
    assert 'href="/tenant/inviti?pagina=1"' in second and "Pagina successiva" not in second
    # An action on page 2 comes back to page 2.
    removal = re.search(r'action="/tenant/inviti/(\d+/[a-z]+)"', second).group(1)
    assert removal.endswith("/ruolo")
    form = second.split('action="/tenant/inviti/' + removal.split("/")[0] + '/rimuovi"')[1].split("</form>")[0]
    assert 'name="pagina" value="2"' in form
    removed = session.post(portal.url + "/tenant/inviti/" + removal.split("/")[0] + "/rimuovi",
                           data={"csrf": csrf_token(second), "pagina": "2"}, allow_redirects=False)
    assert removed.headers["Location"] == "/tenant/inviti?pagina=2&avviso=rimosso"
    # "Reinvia" on page 2, then the same press again (a retry after an answer that was lost):
    # both come back to page 2; the retry found the first press and landed on page 1.
    resend = second.rsplit('/reinvia"', 1)[0].rsplit('action="', 1)[1] + "/reinvia"
    submission = re.search(r'name="submission" value="([^"]+)"', second.rsplit('/reinvia"', 1)[1]).group(1)
    press = {"csrf": csrf_token(second), "pagina": "2", "submission": submission}
    for _ in range(2):
        resent = session.post(portal.url + resend, data=press, allow_redirects=False)
        assert resent.headers["Location"].startswith("/tenant/inviti?pagina=2&avviso=reinviato"), resent.headers["Location"]
    beyond = session.get(portal.url + "/tenant/inviti?pagina=3").text
    assert "La pagina 3 non esiste: l'elenco ha 2 pagine." in beyond
    assert 'href="/tenant/inviti?pagina=2"' in beyond and "invitato" not in beyond

    manager = manager_session(portal)
    company = manager.get(portal.url + f"/desk/aziende/{rossi}").text
    invitations = company.split('id="company-invitations"')[1].split("</section>")[0]
    assert invitations.count('class="cell-address"') == 50
    assert f'href="/desk/aziende/{rossi}?pagina=2#company-invitations"' in invitations
    later = manager.get(portal.url + f"/desk/aziende/{rossi}?pagina=2").text
    rows = later.split('id="company-invitations"')[1].split("</section>")[0]
    assert rows.count('class="cell-address"') == 4, "one was removed above"
    action = rows.split('action="')[1].split('"')[0]
    assert action.endswith("/reinvia") and 'name="pagina" value="2"' in rows.split(action)[1].split("</form>")[0]
    removal = rows.split('/rimuovi"')[0].rsplit('action="', 1)[1] + "/rimuovi"
    removed = manager.post(portal.url + removal, data={"csrf": csrf_token(later), "pagina": "2"}, allow_redirects=False)
    assert removed.headers["Location"] == f"/desk/aziende/{rossi}?pagina=2&avviso=rimosso#company-invitations"
    resend = rows.rsplit('/reinvia"', 1)[0].rsplit('action="', 1)[1] + "/reinvia"
    submission = re.search(r'name="submission" value="([^"]+)"', rows.rsplit('/reinvia"', 1)[1]).group(1)
    press = {"csrf": csrf_token(later), "pagina": "2", "submission": submission}
    for _ in range(2):
        resent = manager.post(portal.url + resend, data=press, allow_redirects=False)
        assert re.fullmatch(rf"/desk/aziende/{rossi}\?pagina=2&avviso=reinviato[-a-z]*#company-invitations",
                            resent.headers["Location"]), resent.headers["Location"]

    # The last row of the last page removed: back at the page that is now the last, not at
    # «La pagina 2 non esiste».
    with portal.db() as db:
        db.execute("UPDATE invitations SET cancelled_at = ? WHERE tenant_id = ? AND cancelled_at IS NULL AND id NOT IN"
                   " (SELECT id FROM invitations WHERE tenant_id = ? AND cancelled_at IS NULL ORDER BY id LIMIT 51)",
                   (now, rossi, rossi))
    last = session.get(portal.url + "/tenant/inviti?pagina=2").text
    assert last.count('class="cell-address"') == 1
    only = last.split('/rimuovi"')[0].rsplit('action="', 1)[1] + "/rimuovi"
    removed = session.post(portal.url + only, data={"csrf": csrf_token(last), "pagina": "2"}, allow_redirects=False)
    assert removed.headers["Location"] == "/tenant/inviti?avviso=rimosso"


def test_invitation_answers_do_not_tell_an_address_with_an_account_from_one_without(fresh_portal):
    """Issue 3: invitation answers never reveal whether an address has an account. «Invia di
    nuovo» said «con nuove credenziali provvisorie» only to an address without one."""
    portal = fresh_portal()
    session, _ = login(portal)
    answers = {}
    for address in ("anna.bianchi@bianchi.example", "nessun.account@rossi.example", "giulia.neri@assistenza.example"):
        first = invite(portal, session, address).headers["Location"]
        again = invite(portal, session, address).headers["Location"]
        listing = session.get(portal.url + "/tenant/inviti").text
        invitation = re.search(r'action="/tenant/inviti/(\d+)/reinvia"', listing.split(f">{address}</td>")[1]).group(1)
        resent = post(portal, session, f"/tenant/inviti/{invitation}/reinvia", "/tenant/inviti").headers["Location"]
        answers[address] = (first, again, resent)
    assert len(set(answers.values())) == 1, answers
    assert answers["anna.bianchi@bianchi.example"] == (
        "/tenant/inviti?avviso=inviato", "/tenant/inviti?avviso=reinviato", "/tenant/inviti?avviso=reinviato")


def test_an_invitation_whose_role_changed_since_its_page_is_not_accepted_unseen(fresh_portal):
    """«Accetta» on a page read before the administrator made the invitation «Amministratore»
    made the person one without a word: the page comes back with the role as it is now."""
    portal = fresh_portal()
    mario, _ = login(portal)
    assert invite(portal, mario, OTHER_COMPANY_ADMIN).status_code == 303
    anna = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    choice = anna.get(portal.url + "/accesso/azienda").text
    invitation = re.search(r'action="/accesso/invito/(\d+)/accetta"', choice).group(1)
    assert 'name="role" value="tech"' in choice
    assert post(portal, mario, f"/tenant/inviti/{invitation}/ruolo", "/tenant/inviti", role="admin").status_code == 303
    stale = anna.post(portal.url + f"/accesso/invito/{invitation}/accetta", data={"csrf": csrf_token(choice), "role": "tech"},
                      allow_redirects=False)
    assert stale.headers["Location"] == "/accesso/azienda?avviso=ruolo-cambiato"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id JOIN tenants t ON t.id = m.tenant_id"
                          " WHERE u.email = ? AND t.name = 'ROSSI SRL'", (OTHER_COMPANY_ADMIN,)).fetchone()[0] == 0
    again = html.unescape(anna.get(portal.url + stale.headers["Location"]).text)
    assert "ha cambiato il ruolo dell'invito: l'invito non è stato accettato" in again and 'name="role" value="admin"' in again
    accepted = anna.post(portal.url + f"/accesso/invito/{invitation}/accetta", data={"csrf": csrf_token(again), "role": "admin"},
                         allow_redirects=False)
    assert accepted.headers["Location"] == "/accesso/azienda?avviso=accettato"


def test_an_empty_list_of_invitations_still_names_its_columns(fresh_portal):
    """The manual's empty «Utenti invitati» shows its columns; the page had only «Nessun invito
    in attesa.», and a lookup of the column «Invitato il» found nothing."""
    portal = fresh_portal()
    session, _ = login(portal)
    page = session.get(portal.url + "/tenant/inviti").text
    assert "Nessun invito in attesa." in page, page[-2000:]
    for heading in ("Email", "Invitato il", "Ruoli assegnati"):
        assert f'<th scope="col">{heading}</th>' in page, heading
