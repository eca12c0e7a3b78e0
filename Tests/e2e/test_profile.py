"""The profile behind the user icon: names, password, picture."""
import html
import re
import struct
import zlib

import requests

from portal import ADMIN, DEMO_PASSWORD, TECHNICIAN, code_step, csrf_token, login, password_step

USER = "luca.verdi@rossi.example"


def png(width=2, height=2, rows=None):
    """`rows`: only so many rows of pixel data, as a file that declares a size it does not hold."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + b"\xff\x00\x00" * width for _ in range(height if rows is None else rows))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_names_are_saved_and_shown_in_the_header(portal):
    session, _ = login(portal, email=USER)
    page = session.get(portal.url + "/profilo").text
    for label in ["Nome", "Cognome", "Password attuale", "Nuova password", "Conferma Password", "Immagine"]:
        assert f">{label}</label>" in page
    # «Immagine» is the field's name alone: its section is «Immagine del profilo».
    assert re.findall(r">Immagine<", page) == [">Immagine<"] and ">Immagine del profilo</h2>" in page
    # Two tables with a «Browser» column: each in a region named by its heading; and
    # «Notifiche» is the heading's word only.
    assert '<section class="card" aria-labelledby="sessions-title">' in page
    assert page.count("Notifiche") == 1 and ">Conferma le scelte</button>" in page
    saved = session.post(portal.url + "/profilo/dati", allow_redirects=False,
                         data={"csrf": csrf_token(page), "first_name": "Luca <b>", "last_name": "Verdi"})
    assert saved.headers["Location"] == "/profilo?avviso=dati"
    shown = session.get(portal.url + "/profilo").text
    assert "Luca &lt;b&gt; Verdi" in shown and "Luca <b>" not in shown
    empty = session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(shown), "first_name": "  ", "last_name": ""})
    assert empty.status_code == 422 and empty.text.count("Campo obbligatorio.") == 2, "names are required"
    # A name that reverses the text after it (U+202E) or draws nothing (a zero-width space, a
    # Hangul filler, a blank Braille cell) is refused.
    for typed in ("Luca\u202e", "\u200b", "\u3164", "\u2800\u00ad", "\ufe0f\ufe0f"):
        reversed_name = session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(shown), "first_name": typed,
                                                                          "last_name": "Verdi"})
        assert reversed_name.status_code == 422 and "caratteri invisibili" in reversed_name.text, repr(typed)
    session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(shown), "first_name": "Luca", "last_name": "Verdi"})


def test_the_picture_must_be_a_real_image_and_is_served_as_one(portal):
    session, _ = login(portal, email=USER)
    page = session.get(portal.url + "/profilo").text
    token = csrf_token(page)
    fake = session.post(portal.url + "/profilo/immagine", data={"csrf": token},
                        files={"picture": ("foto.png", b"<svg onload=alert(1)>", "image/png")})
    assert fake.status_code == 422 and "non è un'immagine" in fake.text
    big = session.post(portal.url + "/profilo/immagine", data={"csrf": token},
                       files={"picture": ("foto.png", png() + b"\0" * (1024 * 1024), "image/png")})
    assert big.status_code == 422 and "supera 1 MB" in big.text
    # A photo straight from a phone: told on the profile page too, not by the generic page.
    photo = session.post(portal.url + "/profilo/immagine", data={"csrf": token},
                         files={"picture": ("foto.png", png() + b"\0" * (5 * 1024 * 1024), "image/png")})
    assert photo.status_code == 422 and "supera 1 MB" in photo.text and 'id="picture"' in photo.text
    # A few kilobytes that declare 20,000 x 20,000 pixels (gigabytes once drawn), and one cut short.
    huge = session.post(portal.url + "/profilo/immagine", data={"csrf": token},
                        files={"picture": ("foto.png", png(20_000, 20_000, rows=2), "image/png")})
    assert huge.status_code == 422 and "20.000 × 20.000 pixel: al massimo 16.777.216 pixel in tutto" in huge.text
    cut = session.post(portal.url + "/profilo/immagine", data={"csrf": token},
                       files={"picture": ("foto.png", png()[:30], "image/png")})
    assert cut.status_code == 422 and "danneggiata o incompleta" in cut.text
    good = session.post(portal.url + "/profilo/immagine", data={"csrf": token}, allow_redirects=False,
                        files={"picture": ("foto.html", png(), "text/html")})
    assert good.headers["Location"] == "/profilo?avviso=immagine"
    shown = re.search(r'<img class="profile-picture" src="(/profilo/immagine\?v=[0-9a-f]{16})"', session.get(portal.url + "/profilo").text)
    assert shown, "the address names the picture: a shared browser's cache never shows another person's"
    header = session.get(portal.url + "/ticket").text.split('<a class="user-icon"')[1].split("</a>")[0]
    assert f'<img class="user-picture" src="{shown.group(1)}" alt=""' in header, "the manual's top-right icon is the person's picture"
    picture = session.get(portal.url + shown.group(1))
    assert picture.headers["Content-Type"] == "image/png"
    assert picture.headers["X-Content-Type-Options"] == "nosniff"
    assert picture.content == png()
    assert requests.get(portal.url + "/profilo/immagine", allow_redirects=False).status_code == 303

    # "Rimuovi immagine": the header shows the plain user icon again and the picture is gone.
    profile = session.get(portal.url + "/profilo").text
    assert ">Rimuovi immagine</button>" in profile
    removed = session.post(portal.url + "/profilo/immagine/rimuovi", data={"csrf": csrf_token(profile)}, allow_redirects=False)
    assert removed.headers["Location"] == "/profilo?avviso=immagine-rimossa"
    profile = session.get(portal.url + removed.headers["Location"]).text
    assert "Immagine rimossa" in profile and "profile-picture" not in profile and ">Rimuovi immagine</button>" not in profile
    assert "user-picture" not in session.get(portal.url + "/ticket").text
    assert session.get(portal.url + shown.group(1)).status_code == 404


def test_changing_the_password_needs_the_current_one_and_ends_every_session(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal, email=USER)
    other, _ = login(portal, email=USER)
    # A login begun with the old password, waiting for its code: it must end with the change.
    begun = requests.Session()
    earlier = set(portal.mails())
    assert password_step(portal, USER, DEMO_PASSWORD, session=begun).headers["Location"] == "/accesso/codice"
    pending_code = portal.wait_for_code(USER, ignore=earlier)
    page = session.get(portal.url + "/profilo").text
    wrong = session.post(portal.url + "/profilo/password", data={
        "csrf": csrf_token(page), "current_password": "sbagliata", "new_password": "nuova frase lunga 123",
        "password_confirmation": "nuova frase lunga 123"})
    assert wrong.status_code == 422 and "La password attuale non è corretta." in wrong.text
    # Left empty (the browser no longer stops the form itself): required, not "non è corretta".
    empty = session.post(portal.url + "/profilo/password", data={
        "csrf": csrf_token(page), "current_password": "", "new_password": "nuova frase lunga 123",
        "password_confirmation": "nuova frase lunga 123"})
    assert empty.status_code == 422 and "Campo obbligatorio." in empty.text and "non è corretta" not in empty.text
    # A long paste (the fields have no maxlength: a paste cut short would be another password)
    # is told beside its field, not with the page «Dati troppo grandi».
    pasted = "è" * 3_000 + "a" * 7_000
    long = session.post(portal.url + "/profilo/password", data={
        "csrf": csrf_token(page), "current_password": DEMO_PASSWORD, "new_password": pasted, "password_confirmation": pasted})
    assert long.status_code == 422 and "al massimo 256 caratteri" in long.text
    blank = session.post(portal.url + "/profilo/password", data={
        "csrf": csrf_token(page), "current_password": DEMO_PASSWORD, "new_password": "", "password_confirmation": ""})
    assert blank.status_code == 422 and blank.text.count("Campo obbligatorio.") == 2
    assert "almeno 12 caratteri" not in blank.text and "non coincidono" not in blank.text
    for guessable in ("xxxxxxxxxxxx", "123456789012", "password1234"):
        easy = session.post(portal.url + "/profilo/password", data={
            "csrf": csrf_token(page), "current_password": DEMO_PASSWORD, "new_password": guessable,
            "password_confirmation": guessable})
        assert easy.status_code == 422 and "Password troppo facile da indovinare" in easy.text, guessable
    changed = session.post(portal.url + "/profilo/password", allow_redirects=False, data={
        "csrf": csrf_token(page), "current_password": DEMO_PASSWORD, "new_password": "nuova frase lunga 123",
        "password_confirmation": "nuova frase lunga 123"})
    assert changed.headers["Location"].startswith("/login?avviso=cambiata")
    signed_out = other.get(portal.url + "/dashboard", allow_redirects=False)
    assert signed_out.status_code == 303
    # The other browser is told why («La sessione è scaduta» said nothing of the password).
    assert "avviso=password-cambiata" in signed_out.headers["Location"], signed_out.headers["Location"]
    assert "La password del tuo utente è stata cambiata, e gli accessi aperti con quella precedente sono terminati" \
        in html.unescape(other.get(portal.url + signed_out.headers["Location"]).text)
    assert password_step(portal, USER, DEMO_PASSWORD).status_code == 422
    code_step(portal, begun, pending_code, trust=False)
    assert begun.get(portal.url + "/dashboard", allow_redirects=False).status_code == 303, "the old login got no session"
    with portal.db() as db:
        assert db.execute("""SELECT count(*) FROM trusted_devices d JOIN users u ON u.id = d.user_id
                             WHERE u.email = ?""", (USER,)).fetchone()[0] == 0
        events = [r[0] for r in db.execute("SELECT event FROM audit_events WHERE actor_email = ?", (USER,))]
        removed = [r[0] for r in db.execute(
            "SELECT detail FROM audit_events WHERE actor_email = ? AND event = 'device_removed'", (USER,))]
    assert "password_changed" in events and "device_trusted" in events
    # The trusted browsers that went with the change are in the trail, as a «Rimuovi» is.
    assert any(detail.startswith(USER + ": ") and detail.endswith("(password cambiata)") for detail in removed), removed


def test_guessing_the_current_password_meets_the_logins_brake_and_the_owner_is_told(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal, email=USER)
    page = session.get(portal.url + "/profilo").text
    answers = []
    for attempt in range(12):
        answers.append(session.post(portal.url + "/profilo/password", data={
            "csrf": csrf_token(page), "current_password": f"Tentativo-{attempt}", "new_password": "x",
            "password_confirmation": "x"}))
    assert [a.status_code for a in answers[:10]] == [422] * 10
    assert answers[-1].status_code == 429 and "Troppi tentativi non riusciti" in answers[-1].text
    # Even the right password is not looked at while the wait lasts.
    right = session.post(portal.url + "/profilo/password", data={
        "csrf": csrf_token(page), "current_password": DEMO_PASSWORD, "new_password": "x", "password_confirmation": "x"})
    assert right.status_code == 429
    with portal.db() as db:
        alerts = db.execute("SELECT count(*) FROM outbox WHERE recipients LIKE ? AND subject LIKE '%tentativi%'",
                            (f"%{USER}%",)).fetchone()[0]
        events = db.execute("SELECT count(*) FROM audit_events WHERE event = 'password_change_failed'").fetchone()[0]
    assert alerts == 1 and events >= 5


def test_a_corrected_name_is_shown_on_the_tickets_and_messages_already_written(fresh_portal):
    from tickets import created_number, new_ticket, reply
    portal = fresh_portal()
    session, _ = login(portal, email=USER)
    number = created_number(new_ticket(portal, session, title="Nome da correggere"))
    assert reply(portal, session, number, "Aggiungo un dettaglio.").status_code == 303
    page = session.get(portal.url + "/profilo").text
    session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(page), "first_name": "Lucas", "last_name": "Verdini"})
    listed = session.get(portal.url + "/ticket").text
    detail = session.get(portal.url + f"/ticket/{number}").text
    assert "Lucas Verdini" in listed and "Lucas Verdini" in detail
    assert "Luca Verdi" not in detail, "the thread's author and the Richiedente both say the name as corrected"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE author_name = 'Luca Verdi'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM tickets WHERE requester_name = 'Luca Verdi'").fetchone()[0] == 0


def test_termina_on_a_session_already_ended_says_so_on_the_profile(portal):
    """«Termina» pressed again (or in a second tab) answered a bare 404 «Pagina non trovata»."""
    first, _ = login(portal, email=TECHNICIAN)
    second, _ = login(portal, email=TECHNICIAN)
    page = first.get(portal.url + "/profilo").text
    ends = re.findall(r'action="(/profilo/sessioni/\d+/termina)"', page)
    assert ends, "the other session is listed with its «Termina»"
    token = csrf_token(page)
    form = second.get(portal.url + "/ticket/nuovo").text
    done = first.post(portal.url + ends[0], data={"csrf": token}, allow_redirects=False)
    assert done.headers["Location"] == "/profilo?avviso=sessione"
    # The browser it ended is told who ended it, not that it expired.
    told = html.unescape(second.get(portal.url + "/dashboard").text)
    assert "terminato da «Sessioni attive» del tuo profilo" in told and "La sessione è scaduta" not in told
    # A ticket form it sends afterwards is kept, and the login says so too.
    from tickets import FIELDS
    author = re.search(r'name="autore" value="([^"]+)"', form).group(1)
    kept = second.post(portal.url + "/ticket/nuovo", data=dict(FIELDS, csrf=csrf_token(form), action="send", autore=author),
                       files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert kept.headers["Location"].startswith("/login?avviso=modulo-terminata&"), kept.headers.get("Location")
    told = html.unescape(requests.get(portal.url + kept.headers["Location"]).text)
    assert "terminato da «Sessioni attive»" in told and "è stato conservato" in told
    again = first.post(portal.url + ends[0], data={"csrf": token}, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == "/profilo?avviso=sessione-gia-terminata"
    assert "Quella sessione era già terminata" in first.get(portal.url + again.headers["Location"]).text
    # Another person's session: the same words, and it goes on.
    other, _ = login(portal)
    with portal.db() as db:
        theirs = db.execute("SELECT max(s.id) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?",
                            (ADMIN,)).fetchone()[0]
    refused = first.post(portal.url + f"/profilo/sessioni/{theirs}/termina", data={"csrf": token}, allow_redirects=False)
    assert refused.headers["Location"] == "/profilo?avviso=sessione-gia-terminata"
    assert other.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
