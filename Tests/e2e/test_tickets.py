"""Support requests through nginx: new ticket, list, detail, reply, close, files, links from the ERP."""
import email.policy
import html
import re
import time
from urllib.parse import quote, unquote, urlencode

import requests

from portal import ADMIN, DEMO_PASSWORD, OTHER_COMPANY_ADMIN, TECHNICIAN, csrf_token, login, login_into
from test_dashboard import new_customer
from test_legacy import vat_with_check_digit
from tickets import created_number, kept_references, new_ticket, reply

FOUR_MB = 4 * 1024 * 1024


def test_the_new_ticket_page_shows_the_company_and_the_manuals_fields(portal):
    session, _ = login(portal)
    page = session.get(portal.url + "/ticket/nuovo").text
    assert "ROSSI SRL" in page and "02740123456" in page and "Mario Rossi" in page
    for label in ["Email", "Telefono", "Titolo", "Descrizione", "Dettagli tecnici", "Allegati"]:
        assert f">{label}</label>" in page, label
    for legend in ["Preferenza contatto", "Tipologia richiesta", "Area richiesta", "Priorità"]:
        # Its legend names the radiogroup through a reference too: a lookup by label finds it.
        named = re.search(rf'<legend id="([^"]+)">{legend}</legend>\s*<div [^>]*role="radiogroup"[^>]*aria-labelledby="([^"]+)"', page)
        assert named and named.group(1) == named.group(2), legend
    for option in ["Web", "Richiesta assistenza", "Richiesta appuntamento (a pagamento)",
                   "Richiesta su tematiche gestionali di tipo amministrativo", "Bassa", "Normale", "Alta", "Bloccante"]:
        assert f">{option}</label>" in page, option
    # The manual's own words.
    assert "operatore di procedere con operazioni inderogabili e urgenti" in page
    # Read with each choice of "Priorità": in a form's mode a screen reader skipped it.
    assert re.search(r'<p class="muted" id="priority-hint">[^<]*impedisce all', page)
    priorities = re.findall(r'<input type="radio" [^>]*name="priority"[^>]*>', page)
    assert priorities and all('aria-describedby="priority-hint"' in radio for radio in priorities), priorities
    assert 'value="mario.rossi@rossi.example"' in page
    assert ">Invia Ticket</button>" in page
    # The marked groups are required to screen readers too, which do not read the stylesheet's "*".
    # As groups: `required` on each radio made a group with nothing chosen yet "invalid" at once.
    # A fieldset (a group) named by its legend around the radiogroup the legend names too.
    groups = re.findall(r'<fieldset class="[^"]*">\s*<legend id="([\w-]+)">([^<]+)</legend>\s*'
                        r'<div class="choices" role="radiogroup" aria-required="true" aria-labelledby="\1"', page)
    groups = [legend for _, legend in groups]
    assert set(groups) >= {"Preferenza contatto", "Tipologia richiesta", "Area richiesta", "Priorità"}, groups
    assert not re.findall(r'<input type="radio" [^>]*required[^>]*>', page)


def test_a_ticket_with_a_file_is_saved_numbered_and_confirmed_to_both_addresses(portal):
    session, _ = login(portal)
    response = new_ticket(portal, session, email="altro.indirizzo@rossi.example",
                          files={"files": ("log errori.txt", b"riga 1\nriga 2\n", "text/plain")})
    number = created_number(response)
    detail = session.get(portal.url + response.headers["Location"]).text
    assert "Ticket inviato" in detail and f"#{number}" in detail
    assert "<strong>nota di accredito</strong>" in detail
    assert "log errori.txt" in detail
    for address in [ADMIN, "altro.indirizzo@rossi.example"]:
        mail = portal.wait_for_mail(address, f"Ticket #{number} ricevuto")
        body = mail.get_content()
        assert "nota di accredito" not in body
        assert "Azienda: ROSSI SRL" in body, "people of two companies read which one's ticket it is"
        # Every notification has its link (issue #5); to an address that is nobody's account it
        # says whose sign-in opens it.
        assert f"{portal.url}/ticket/{number}" in body
        assert ("indicato come contatto del ticket aperto da" in body) == (address != ADMIN)
    with portal.db() as db:
        row = db.execute("SELECT status, contact_email FROM tickets WHERE number = ?", (number,)).fetchone()
        assert tuple(row) == ("unassigned", "altro.indirizzo@rossi.example")
        previous = db.execute("SELECT max(number) FROM tickets WHERE number < ?", (number,)).fetchone()[0]
        assert previous == number - 1
    # The page says where the notifications go, as typed: a mistyped address was nowhere to be seen.
    assert "<dt>Contatto</dt><dd>altro.indirizzo@rossi.example · Web</dd>" in detail


def test_the_lists_preview_passes_over_a_greeting_alone_on_its_line(portal):
    """Most requests start "Buongiorno," on a line of its own: the list's cards all read
    "Buongiorno," and told the tickets apart by nothing."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, description="Buongiorno,\n\nla **stampa** delle fatture si blocca.\n\nGrazie"))
    card = session.get(portal.url + f"/ticket?codice={number}").text
    assert '<p class="ticket-first-line">la stampa delle fatture si blocca.</p>' in card, card
    demo = session.get(portal.url + "/ticket").text
    assert '<p class="ticket-first-line">Buongiorno,</p>' not in demo, "the demo's tickets too"
    # A ticket stored before: "portal-admin migrate" gives it its new preview, once.
    with portal.db() as db:
        db.execute("UPDATE tickets SET first_line = 'Buongiorno,' WHERE number = ?", (number,))
        db.execute("DELETE FROM settings WHERE name = 'list_previews_greetings_v2'")
    portal.admin("migrate")
    with portal.db() as db:
        assert db.execute("SELECT first_line FROM tickets WHERE number = ?", (number,)).fetchone()[0] \
            == "la stampa delle fatture si blocca."
        assert db.execute("SELECT count(*) FROM settings WHERE name = 'list_previews_greetings_v2'").fetchone()[0] == 1


def test_a_refused_field_keeps_what_was_typed_and_the_files_chosen(portal):
    session, _ = login(portal)
    with portal.db() as db:
        before = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    refused = new_ticket(portal, session, title="", contact="phone", phone="",
                         files={"files": ("schermata.png", b"\x89PNG fake", "image/png")})
    assert refused.status_code == 422
    assert "Il titolo è obbligatorio." in refused.text and "Indica il numero di telefono" in refused.text
    long_title = new_ticket(portal, session, title="T" * 151)
    assert long_title.status_code == 422 and "al massimo 150 caratteri" in long_title.text
    assert "obbligatorio" not in long_title.text.split('id="title-error"')[1][:200], "a long title is not a missing one"
    assert "nota di accredito" in refused.text, "the description is kept"
    # The first wrong field (Telefono comes before Titolo) gets the focus, the others only their message.
    focused = re.findall(r'<(?:input|textarea)[^>]*\bautofocus[^>]*>', refused.text)
    assert 'id="phone"' in focused[0] and 'aria-invalid="true"' in focused[0], focused
    kept = kept_references(refused.text)
    assert len(kept) == 1 and "schermata.png" in refused.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == before, "nothing saved"
    page = session.get(portal.url + "/ticket/nuovo")
    data = {"csrf": csrf_token(page.text), "action": "send", "email": ADMIN, "contact": "phone", "phone": "+39 0541 123456",
            "type": "assistance", "area": "systems", "priority": "high", "title": "Stampante di rete", "description": "Non stampa",
            "kept": kept[0]}
    number = created_number(session.post(portal.url + "/ticket/nuovo", data=data,
                                         files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False))
    assert "schermata.png" in session.get(portal.url + f"/ticket/{number}").text
    forged = dict(data, kept="eyJ4Ijoie30.AAAA")
    forged["csrf"] = csrf_token(session.get(portal.url + "/ticket/nuovo").text)
    number = created_number(session.post(portal.url + "/ticket/nuovo", data=forged,
                                         files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False))
    with portal.db() as db:
        assert db.execute("""SELECT count(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id
                             WHERE t.number = ?""", (number,)).fetchone()[0] == 0


def test_a_four_megabyte_file_is_accepted_and_one_byte_more_is_refused(portal):
    session, _ = login(portal)
    with portal.db() as db:
        before = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    too_big = new_ticket(portal, session, files={"files": ("grande.bin", b"x" * (FOUR_MB + 1), "application/octet-stream")})
    assert too_big.status_code == 422 and "supera 4 MB" in too_big.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == before
    number = created_number(new_ticket(portal, session, files={"files": ("giusto.bin", b"y" * FOUR_MB, "application/octet-stream")}))
    assert "giusto.bin</a> (4,0 MB)" in session.get(portal.url + f"/ticket/{number}").text


def test_files_past_forty_megabytes_keep_those_that_arrived_and_say_so(portal):
    """Eleven files of 4 MB: ten arrived whole and were kept, yet the page said none had."""
    session, _ = login(portal)
    files = [("files", (f"f{index}.bin", bytes([97 + index]) * FOUR_MB, "application/octet-stream")) for index in range(11)]
    refused = new_ticket(portal, session, files=files)
    assert refused.status_code == 422
    kept = re.findall(r'>f(\d+)\.bin \(', refused.text)
    assert "sono arrivati solo i 10 file elencati" in refused.text and "non sono arrivati" not in refused.text
    assert sorted(set(kept), key=int) == [str(index) for index in range(10)], kept


def test_html_typed_into_title_and_description_is_shown_as_text(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="<script>alert('t')</script>",
                                       description="<img src=x onerror=alert(1)> e [link](javascript:alert(2))"))
    detail = session.get(portal.url + f"/ticket/{number}").text
    assert "<script>alert" not in detail and "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in detail or \
        "&lt;script&gt;alert('t')&lt;/script&gt;" in detail
    assert "<img src=x" not in detail and "&lt;img src=x onerror=alert(1)&gt;" in detail
    assert 'href="javascript:' not in detail
    listing = session.get(portal.url + "/ticket").text
    assert "<script>alert" not in listing


def test_control_characters_and_overlong_titles_are_refused(portal):
    session, _ = login(portal)
    assert new_ticket(portal, session, title="a" * 151).status_code == 422
    assert new_ticket(portal, session, title="bell\x07").status_code == 422
    assert new_ticket(portal, session, description="ok\x00no").status_code in (400, 422)
    # A title that reads backwards in the queue and the e-mails' subjects ("Fattura exe.png").
    spoofed = new_ticket(portal, session, title="Fattura \u202egnp.exe\u202c ok")
    assert spoofed.status_code == 422 and "caratteri invisibili" in spoofed.text
    assert new_ticket(portal, session, title="Fattura \u200bnascosta").status_code == 422
    assert new_ticket(portal, session, title="Zalgo a" + "\u0301" * 25).status_code == 422
    # Hangul fillers draw nothing: a blank title in the queue, a blank request.
    for blank_title in ("\ufe0f\ufe0f", "\U000e0041\U000e0042", "\U0001bca0"):
        refused = new_ticket(portal, session, title=blank_title)
        assert refused.status_code == 422 and "caratteri invisibili" in refused.text, repr(blank_title)
    blank = new_ticket(portal, session, title="\u3164\u3164\u3164", description="\u3164 \u2800")
    assert blank.status_code == 422 and "caratteri invisibili" in blank.text
    assert "La descrizione è obbligatoria." in blank.text
    created_number(new_ticket(portal, session, title="Perché la fattura è bloccata? 🇮🇹 👍🏽"))


def test_a_text_past_its_limit_comes_back_whole_without_javascript(portal):
    """The text areas carried maxlength: without JavaScript a browser cut a long paste to it
    without a word. The limit is the server's, said beside the field, the text kept whole."""
    session, _ = login(portal)
    page = session.get(portal.url + "/ticket/nuovo").text
    assert not re.search(r"<textarea[^>]*\smaxlength=", page)
    assert 'data-maxlength="20000"' in page
    log = "".join(f"riga {line:05d} del registro degli errori\n" for line in range(1100))
    assert len(log) > 27000
    refused = new_ticket(portal, session, description=log, technical_details="x" * 4500)
    assert refused.status_code == 422 and "20.000 caratteri" in refused.text
    kept = html.unescape(re.search(r'<textarea[^>]*id="description"[^>]*>(.*?)</textarea>', refused.text, re.S).group(1))
    assert kept.strip("\n") == log.strip("\n")
    details = html.unescape(re.search(r'<textarea[^>]*id="technical_details"[^>]*>(.*?)</textarea>', refused.text, re.S).group(1))
    assert details.strip("\n") == "x" * 4500


def test_the_list_filters_orders_pages_and_remembers(portal):
    session, _ = login(portal, email=TECHNICIAN)
    page = session.get(portal.url + "/ticket").text
    assert "Elenco richieste di assistenza" in page and ">Cerca Ticket</button>" in page
    assert len(re.findall(r'class="card ticket( ticket--closed)?"', page)) == 25, "pages of 25"
    assert 'rel="next"' in page
    assert "BIANCHI" not in page
    search = session.post(portal.url + "/ticket/cerca", allow_redirects=False, data={
        "csrf": csrf_token(page), "ordine": "priorita", "stato": "chiuso", "priorita": "qualsiasi", "tipologia": "qualsiasi"})
    assert search.headers["Location"] == "/ticket?ordine=priorita&stato=chiuso&priorita=qualsiasi&tipologia=qualsiasi"
    closed = session.get(portal.url + search.headers["Location"]).text
    assert "ticket--closed" in closed and "Data Chiusura" in closed and "Non assegnato" not in closed.split("ticket-list")[1]
    # A refused search goes back with what was typed, names encoded too: one named
    # "a&stato=chiuso" added a filter to the address.
    smuggled = session.post(portal.url + "/ticket/cerca", allow_redirects=False, data={
        "csrf": csrf_token(page), "codice": "abc", "a&stato=chiuso": "1"})
    assert smuggled.headers["Location"] == "/ticket?codice=abc&a%26stato%3Dchiuso=1", smuggled.headers["Location"]
    # A new login of the same person finds the same filters.
    again, _ = login(portal, email=TECHNICIAN)
    remembered = again.get(portal.url + "/ticket").text
    assert 'id="stato-chiuso" name="stato" value="chiuso" checked' in remembered
    assert 'id="ordine-priorita" name="ordine" value="priorita" checked' in remembered
    by_code = again.get(portal.url + "/ticket?codice=1001").text
    assert len(re.findall(r'class="card ticket( ticket--closed)?"', by_code)) == 1
    # "Codice Ticket" with a state that leaves the ticket out (a remembered filter, often):
    # "no ticket" read as "no such ticket"; the list says it exists and links it.
    hidden = 0
    for state in ("aperto", "chiuso"):
        listed = again.get(portal.url + f"/ticket?codice=1001&stato={state}").text
        if "Nessun ticket corrisponde" in listed:
            assert "Il ticket #1001 esiste, ma gli altri filtri scelti lo nascondono." in listed
            assert re.search(r'<a href="/ticket/1001\?elenco=[^"]+">Apri il ticket #1001</a>', listed), "back to these filters"
            hidden += 1
    assert hidden == 1
    assert "esiste, ma" not in again.get(portal.url + "/ticket?codice=999999").text, "a number the company has not"
    dates = again.get(portal.url + "/ticket?da=2000-01-01&a=2000-01-31").text
    assert "Nessun ticket corrisponde" in dates
    bad = again.get(portal.url + "/ticket?da=31-31-2020").text
    assert "«31-31-2020» non è una data valida" in bad and not re.findall(r'class="card ticket( ticket--closed)?"', bad)


def test_a_page_past_the_last_says_so_and_links_to_the_last(portal):
    """An old bookmark's ?pagina=: the list is not empty, so "no ticket" would be untrue."""
    session, _ = login(portal, email=TECHNICIAN)
    first = session.get(portal.url + "/ticket?stato=qualsiasi").text
    pages = int(re.search(r"ticket · pagina 1 di (\d+)", first).group(1))
    past = session.get(portal.url + "/ticket", params={"stato": "qualsiasi", "pagina": pages + 5}).text
    assert f"La pagina {pages + 5} non esiste" in past and "Nessun ticket corrisponde" not in past
    last = re.search(r'href="([^"]*)">Vai all\'ultima pagina</a>', past).group(1)
    landed = session.get(portal.url + html.unescape(last)).text
    assert f"pagina {pages} di {pages}" in landed and re.findall(r'class="card ticket( ticket--closed)?"', landed)
    assert 'rel="prev"' not in past, "no link to another page that does not exist"


def test_a_text_search_of_punctuation_alone_is_named_beside_testo_and_lists_nothing(portal):
    session, _ = login(portal)
    page = session.get(portal.url + "/ticket").text
    sent = session.post(portal.url + "/ticket/cerca", data={"csrf": csrf_token(page), "testo": "'", "stato": "qualsiasi"})
    assert sent.status_code == 422
    assert "Scrivi almeno una parola (lettere o numeri)" in sent.text
    assert not re.findall(r'class="card ticket( ticket--closed)?"', sent.text)


def test_view_ticket_is_a_real_link(portal):
    session, _ = login(portal)
    page = session.get(portal.url + "/ticket").text
    assert re.search(r'<a class="button" href="/ticket/\d+" aria-label="Visualizza ticket #\d+">Visualizza ticket</a>', page)


def test_closing_needs_a_message_and_waits_a_few_minutes(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    # Said beside the box before anyone ticks it in vain; the reply alone is always possible.
    fresh = session.get(portal.url + f"/ticket/{number}").text
    assert re.search(r'Un ticket nuovo si può chiudere dalle \d\d:\d\d; le risposte sono sempre possibili\.', html.unescape(fresh))
    # The pristine reply box is rendered once per worker: the hint, with its ticket's time,
    # must not be the one every other ticket shows (every worker is reached).
    for _ in range(12):
        assert "si può chiudere dalle" not in session.get(portal.url + "/ticket/1001").text
    empty = reply(portal, session, number, "", close=True)
    assert empty.status_code == 422 and "Scrivi un messaggio." in empty.text
    early = reply(portal, session, number, "Risolto da solo, grazie.", close=True)
    assert early.status_code == 422 and "potrai chiuderlo dalle" in early.text
    # Told at the checkbox, the thing to change, with the reply kept as typed.
    assert re.search(r'<input type="checkbox" id="close"[^>]*checked="checked"[^>]*aria-invalid="true" aria-describedby="close-error"', early.text)
    assert re.search(r'<p class="field-error" id="close-error">[^<]*potrai chiuderlo dalle', early.text)
    assert 'id="message-error"' not in early.text and "Risolto da solo, grazie." in early.text
    # Between four and five minutes on, from a creation whose delay ends at a minute's 59th
    # second: still refused (rounded down to the minute, it was allowed after 4 min 1 s).
    now = int(time.time())
    if now % 60 > 50:
        time.sleep(61 - now % 60)
        now = int(time.time())
    created = now - 241 - now % 60
    with portal.db() as db:
        db.execute("UPDATE tickets SET created_at = ? WHERE number = ?", (created, number))
    assert reply(portal, session, number, "Risolto da solo, grazie.", close=True).status_code == 422
    with portal.db() as db:
        db.execute("UPDATE tickets SET created_at = ? WHERE number = ?", (created - 600, number))
    closed = reply(portal, session, number, "Buongiorno, ho già risolto in autonomia. Chiudo il quesito. Grazie.", close=True)
    assert closed.headers["Location"] == f"/ticket/{number}?avviso=chiuso"
    detail = session.get(portal.url + closed.headers["Location"]).text
    assert "Ticket chiuso." in detail and "<dd>Chiuso</dd>" in detail
    assert "si può chiudere dalle" not in detail
    # Each message's time is machine-readable too (a bare "03/12/2026 05:14" is invalid HTML).
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\dZ">\d\d/\d\d/\d{4} \d\d:\d\d</time>', detail)
    assert "<time>" not in detail
    # Without JavaScript the chat's size is a checkbox: reached with Tab where its button is
    # seen, after "Torna all'elenco" (first in the page, it came before it).
    assert detail.index(">Torna all") < detail.index('id="chat-toggle"') < detail.index('for="chat-toggle"')
    # Reported to the vendor as a closing, with its message; the closer is not told what they did.
    desk = portal.wait_for_mail("assistenza@portal.invalid", f"Ticket #{number} chiuso dal cliente")
    assert "ha chiuso il ticket" in desk.get_content() and "ho già risolto in autonomia" in desk.get_content()


def test_the_tickets_own_address_hears_what_its_requester_hears_their_own_closing_too(portal):
    """Issue 5 lists the closing among the requester's e-mails: the requester who closed it
    is told too (as a creation is confirmed), and so is the ticket's address."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, email="amministrazione.chiusure@rossi.example"))
    portal.wait_for_mail("amministrazione.chiusure@rossi.example", f"Ticket #{number}")  # "ricevuto": both addresses
    with portal.db() as db:
        db.execute("UPDATE tickets SET created_at = created_at - 600 WHERE number = ?", (number,))
        db.commit()
    closed = reply(portal, session, number, "Risolto, chiudo io.", close=True)
    assert closed.headers["Location"] == f"/ticket/{number}?avviso=chiuso"
    portal.wait_for_mail("assistenza@portal.invalid", f"Ticket #{number} chiuso dal cliente")
    for address in ("amministrazione.chiusure@rossi.example", "mario.rossi@rossi.example"):
        told = portal.wait_for_mail(address, f"Ticket #{number} chiuso")
        assert "Mario Rossi" in told.get_content() and "chius" in told.get_content(), address


def test_priority_and_referent_chosen_with_a_refused_reply_or_a_preview_come_back_chosen(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    page = session.get(portal.url + f"/ticket/{number}").text
    referents = re.search(r'<select id="referent".*?</select>', page, re.S).group(0)
    other = re.search(r'<option value="(\d+)">', referents).group(1)
    for sent in (reply(portal, session, number, "", priority="low", referent=other),
                 reply(portal, session, number, "Solo **anteprima**", action="preview", priority="low", referent=other),
                 reply(portal, session, number, "Troppo presto", close=True, priority="low", referent=other)):
        assert sent.status_code in (200, 422)
        assert re.search(r'<option value="low" selected[ =>]', sent.text), "Priorità as chosen"
        assert re.search(f'<option value="{other}" selected[ =>]', sent.text), "Referente ticket as chosen"
    # Sent once corrected, the choices land with the message.
    assert reply(portal, session, number, "Ecco il messaggio.", priority="low", referent=other).status_code == 303
    with portal.db() as db:
        row = db.execute("SELECT priority, referent_id FROM tickets WHERE number = ?", (number,)).fetchone()
    assert tuple(row) == ("low", int(other))


def test_a_reply_within_fifteen_days_reopens_and_later_one_is_refused(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') - 14 * 86400 WHERE number = ?", (number,))
    reopened = reply(portal, session, number, "Il problema si è ripresentato.")
    assert reopened.headers["Location"] == f"/ticket/{number}?avviso=riaperto"
    with portal.db() as db:
        assert db.execute("SELECT status, closed_at FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "unassigned"
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') - 16 * 86400 WHERE number = ?", (number,))
    detail = session.get(portal.url + f"/ticket/{number}").text
    assert "chiuso da più di 15 giorni" in detail and 'id="reply-form"' not in detail
    # The link names the ticket the new request will refer to.
    link_line = detail.split('class="new-request-line"')[1].split("</p>")[0]
    assert f"/ticket/nuovo?riferimento={number}" in link_line and f"riferimento al ticket #{number}" in link_line, link_line
    assert f'href="/ticket/nuovo?riferimento={number}"' in detail
    # ...in its own name: «Nuova richiesta con il riferimento al ticket #N» is the link.
    assert f'riferimento={number}">Nuova richiesta con il riferimento al ticket #{number}</a>' in detail
    refused = reply(portal, session, number, "Ancora? Il <b>gestionale</b> non parte.")
    assert refused.status_code == 403
    # Typed while the 15 days ran out: said so, and the text is there to be copied (it was
    # dropped without a word).
    assert "La risposta non è stata inviata" in refused.text
    assert re.search(r'<label for="unsent-reply">Testo non inviato</label><textarea id="unsent-reply"[^>]*readonly[^>]*>\s*'
                     r'Ancora\? Il &lt;b&gt;gestionale&lt;/b&gt; non parte\.</textarea>', refused.text), refused.text
    only_file = reply(portal, session, number, "  ", files={"files": ("log.txt", b"errore 42\n", "text/plain")})
    assert only_file.status_code == 403 and "Gli allegati non sono stati salvati" in only_file.text
    assert "Il testo che hai scritto" not in only_file.text and 'id="unsent-reply"' not in only_file.text
    prefilled = session.get(portal.url + f"/ticket/nuovo?riferimento={number}").text
    assert f"Riferimento al ticket #{number}" in prefilled


def test_the_panel_changes_referent_and_priority_but_never_to_bloccante(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
    blocked = reply(portal, session, number, "", action="confirm", priority="blocking")
    assert blocked.status_code == 422 and "non può diventare «Bloccante»" in blocked.text
    confirmed = reply(portal, session, number, "", action="confirm", priority="high", referent=str(luca))
    assert confirmed.headers["Location"] == f"/ticket/{number}?avviso=salvato"
    detail = session.get(portal.url + f"/ticket/{number}").text
    assert f'<option value="{luca}" selected="selected">Luca Verdi</option>' in detail
    assert '<option value="high" selected="selected">Alta</option>' in detail
    assert 'value="blocking"' not in detail
    # The new referent is told why the ticket's e-mails start reaching them, and by whom.
    told = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} affidato a te come referente").get_content()
    assert f"Mario Rossi ti ha indicato come referente del ticket #{number}" in told, told
    assert f"{portal.url}/ticket/{number}" in told
    with_reply = reply(portal, session, number, "Vi giro il collega.", priority="low")
    assert with_reply.headers["Location"] == f"/ticket/{number}?avviso=risposta"
    with portal.db() as db:
        assert db.execute("SELECT priority FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "low"
    foreign = reply(portal, session, number, "x", action="confirm", referent="999999")
    assert foreign.status_code == 422


def test_conferma_keeps_a_typed_reply_unsent_and_a_refused_panel_keeps_the_text(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    saved = reply(portal, session, number, "Testo scritto prima di Conferma", action="confirm", priority="high")
    assert saved.status_code == 200 and "Modifiche salvate." in saved.text and "non è stata inviata" in saved.text
    assert "Testo scritto prima di Conferma" in saved.text
    with portal.db() as db:
        assert db.execute("SELECT priority FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "high"
        assert not db.execute("SELECT 1 FROM messages WHERE body LIKE '%prima di Conferma%'").fetchall()
    refused = reply(portal, session, number, "Il mio messaggio resta", referent="999999")
    assert refused.status_code == 422 and "Il mio messaggio resta" in refused.text
    # «Codice Ticket» is digits: a phone opens its number keyboard.
    listed = session.get(portal.url + "/ticket").text
    assert 'inputmode="numeric"' in re.search(r'<input id="codice"[^>]*>', listed).group(0)
    # A file chosen and nothing typed: the notice speaks of the file (it spoke of a reply
    # written), which is kept for «Invia».
    with_file = reply(portal, session, number, "", action="confirm", priority="normal",
                      files={"files": ("registro.txt", b"riga 1\n", "text/plain")})
    said = html.unescape(with_file.text)
    assert with_file.status_code == 200 and "Modifiche salvate. I file scelti non sono stati inviati" in said
    assert "La risposta che hai scritto" not in said and "registro.txt" in said


def test_a_referent_chosen_with_a_closing_message_hears_of_the_closing(portal):
    """The e-mails of the message went to the ticket as it was before the message's own change
    of «Referente ticket»: the new referent was told only «affidato a te»."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
        db.execute("UPDATE tickets SET created_at = created_at - 600 WHERE number = ?", (number,))
        db.commit()
    closed = reply(portal, session, number, "Risolto dopo il riavvio, chiudo.", close=True, referent=str(luca))
    assert closed.headers["Location"] == f"/ticket/{number}?avviso=chiuso"
    portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} affidato a te come referente")
    told = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} chiuso").get_content()
    assert "Risolto dopo il riavvio" in told or "chius" in told


def test_a_referent_who_left_the_company_is_shown_and_a_reply_keeps_them(portal):
    """The select had no selected option: the browser sent the list's first name with the reply."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    with portal.db() as db:
        tenant, referent = db.execute("SELECT tenant_id, referent_id FROM tickets WHERE number = ?", (number,)).fetchone()
        gone = db.execute("SELECT id, first_name || ' ' || last_name FROM users u JOIN memberships m ON m.user_id = u.id"
                          " WHERE m.tenant_id = ? AND u.id != ? AND u.email != ? LIMIT 1", (tenant, referent, ADMIN)).fetchone()
        db.execute("UPDATE tickets SET referent_id = ? WHERE number = ?", (gone[0], number))
        membership = db.execute("SELECT * FROM memberships WHERE user_id = ? AND tenant_id = ?", (gone[0], tenant)).fetchone()
        db.execute("DELETE FROM memberships WHERE user_id = ? AND tenant_id = ?", (gone[0], tenant))
    try:
        page = session.get(portal.url + f"/ticket/{number}").text
        assert f'<option value="" selected="selected">{gone[1]} (non più nell&#39;azienda)</option>' in page or \
            f'<option value="" selected="selected">{gone[1]} (non più nell\'azienda)</option>' in page, page
        # The desk marks them too: nobody follows the ticket through them any more.
        operator, _ = login(portal, email="paolo.gallo@assistenza.example")
        desk = html.unescape(operator.get(portal.url + f"/desk/ticket/{number}").text)
        assert f"<dt>Referente ticket</dt><dd>{gone[1]} (non più nell'azienda)</dd>" in desk
        assert reply(portal, session, number, "Una risposta qualsiasi.", referent="").status_code == 303
        with portal.db() as db:
            assert db.execute("SELECT referent_id FROM tickets WHERE number = ?", (number,)).fetchone()[0] == gone[0]
    finally:
        with portal.db() as db:
            columns = ", ".join("?" * len(membership))
            db.execute(f"INSERT INTO memberships VALUES ({columns})", tuple(membership))


def test_files_are_downloads_only_and_other_companies_get_404_everywhere(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, files={"files": ("pagina.txt", b"<script>alert(1)</script>", "text/html")}))
    detail = session.get(portal.url + f"/ticket/{number}").text
    link = re.search(rf'href="(/ticket/{number}/allegati/\d+)"', detail).group(1)
    # Once on the ticket's page (with its message); «Visualizza allegati» is a page of its own
    # (listed in the panel too, one name was two links).
    assert detail.count(f'href="{link}"') == 1
    assert f'<a href="/ticket/{number}/allegati">Visualizza allegati</a> <span class="muted">(1 file)</span>' in detail
    listing = session.get(portal.url + f"/ticket/{number}/allegati")
    assert listing.status_code == 200 and f'href="{link}"' in listing.text and "pagina.txt" in listing.text
    assert f"Allegati del ticket #{number}</h1>" in listing.text and f'href="/ticket/{number}"' in listing.text
    download = session.get(portal.url + link)
    assert download.status_code == 200 and download.content == b"<script>alert(1)</script>"
    assert download.headers["Content-Type"] == "application/octet-stream"
    assert download.headers["Content-Disposition"].startswith('attachment; filename="pagina.txt"')
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    attachments_dir = portal.var / "attachments"
    assert requests.get(portal.url + "/attachments-internal/" + next(attachments_dir.glob("[0-9a-f]" * 64)).name).status_code == 404

    other = login_into(portal, OTHER_COMPANY_ADMIN, "BIANCHI SPA")
    assert other.get(portal.url + f"/ticket/{number}").status_code == 404
    assert other.get(portal.url + link).status_code == 404
    assert other.get(portal.url + f"/ticket/{number}/allegati").status_code == 404
    page = other.get(portal.url + "/ticket/nuovo").text
    posted = other.post(portal.url + f"/ticket/{number}", data={"csrf": csrf_token(page), "message": "x", "action": "reply"})
    assert posted.status_code == 404
    assert "Riferimento al ticket" not in other.get(portal.url + f"/ticket/nuovo?riferimento={number}").text
    assert f"#{number}" not in other.get(portal.url + f"/ticket?codice={number}").text
    assert other.get(portal.url + "/ticket/999999").status_code == 404


def test_a_web_page_and_an_svg_are_attached_and_only_ever_downloaded(portal):
    """Issue 5: files are "never rendered inline as HTML or SVG": such files are taken, and
    handed out as downloads of no type a browser would draw."""
    session, _ = login(portal)
    files = [("files", ("pagina.html", b"<html><script>alert(1)</script></html>\n", "text/html")),
             ("files", ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n',
                        "image/svg+xml"))]
    number = created_number(new_ticket(portal, session, files=files))
    detail = session.get(portal.url + f"/ticket/{number}").text
    for name in ("pagina.html", "logo.svg"):
        link = re.search(rf'href="(/ticket/{number}/allegati/\d+)"[^>]*>{re.escape(name)}', detail).group(1)
        download = session.get(portal.url + link)
        assert download.status_code == 200 and b"<script>alert(1)</script>" in download.content
        assert download.headers["Content-Type"] == "application/octet-stream"
        assert download.headers["Content-Disposition"].startswith(f'attachment; filename="{name}"')
        assert download.headers["X-Content-Type-Options"] == "nosniff"


def test_operator_replies_and_customer_replies_are_notified(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    portal.admin("ticket", "reply", "--number", str(number), "--operator", "giulia.neri@assistenza.example",
                 "--text", "Buongiorno, può indicarci la versione?")
    mail = portal.wait_for_mail(ADMIN, f"Ticket #{number} nuova risposta")
    assert "Buongiorno, può indicarci la versione?" in mail.get_content(), "the operator's reply carries its text"
    assert "Azienda: ROSSI SRL" in mail.get_content()
    assert f"/ticket/{number}" in mail.get_content() and "/desk/" not in mail.get_content()
    detail = session.get(portal.url + f"/ticket/{number}").text
    assert "Giulia Neri" in detail and "(Assistenza)" in detail and "<dd>In attesa</dd>" in detail
    reply(portal, session, number, "Versione 23.0.0.69")
    portal.wait_for_mail("giulia.neri@assistenza.example", f"Ticket #{number} risposta del cliente")
    portal.admin("ticket", "status", "--number", str(number), "--status", "development")
    portal.wait_for_mail(ADMIN, f"Ticket #{number} cambio di stato")
    with portal.db() as db:
        trail = db.execute("SELECT user_id, actor_email, detail FROM audit_events WHERE event = 'ticket_status' AND detail LIKE ?"
                           " ORDER BY id DESC", (f"#{number}: %",)).fetchone()
    assert tuple(trail) == (None, "", f"#{number}: In attesa → In sviluppo"), "a script's change is in the trail too"
    usage = portal.admin("ticket", "status", "--number", str(number), "--status", "boh", check=False)
    assert usage.returncode == 64


def test_a_link_from_the_erp_fills_the_technical_details_and_survives_login(portal):
    link = ("/ticket/nuovo?origine=errore&programma=BN02151&versione=23.0.0.69"
            "&errore=Errore%20%3Cb%3Edi%20stampa%3C%2Fb%3E&dettagli=Stack%3A%0Ariga%201")
    anonymous = requests.Session()
    first = anonymous.get(portal.url + link, allow_redirects=False)
    assert first.status_code == 303 and first.headers["Location"].startswith("/login?next=")
    session, response = login(portal, session=anonymous, next_path=unquote(first.headers["Location"].split("next=")[1]))
    assert response.headers["Location"].startswith("/ticket/nuovo?")
    page = session.get(portal.url + response.headers["Location"]).text
    assert "Aperto da: messaggio di errore" in page and "Programma: BN02151" in page
    assert "Errore: Errore &lt;b&gt;di stampa&lt;/b&gt;" in page and "<b>di stampa" not in page
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE technical_details LIKE '%BN02151%'").fetchone()[0] == 0, \
            "nothing is sent without Invia Ticket"
    assert "Compilati dal programma gestionale" in page
    # Refused and shown again, they are still the ERP's; typed by the person, never.
    again = new_ticket(portal, session, title="", technical_details="Programma: BN02151", dettagli_dal_gestionale="1")
    assert again.status_code == 422 and "Compilati dal programma gestionale" in again.text
    typed = new_ticket(portal, session, title="", technical_details="Scritti da me")
    assert typed.status_code == 422 and "Compilati dal programma gestionale" not in typed.text
    assert "Facoltativi" in typed.text


def test_an_erp_link_at_the_documented_limits_survives_login(portal):
    """An error text of 500 characters and details of 3,000 (the README's limits) were lost at
    the login: the return address, encoded once more for /login?next=, passed the 2,000 bytes
    a return address could have, and the person landed on the dashboard."""
    error = ("Errore di stampa nella registrazione è fallita " * 11)[:500]
    details = "".join(f"at Gestionale.Modulo{n}.Esegui(riga {n})\n" for n in range(200))[:2980] + "\nFINE-STACK"
    link = "/ticket/nuovo?" + urlencode({"origine": "errore", "programma": "BN02151", "versione": "23.0.0.69",
                                         "errore": error, "dettagli": details}, quote_via=quote)
    anonymous = requests.Session()
    first = anonymous.get(portal.url + link, allow_redirects=False)
    assert first.status_code == 303 and first.headers["Location"].startswith("/login?next=")
    login_page = anonymous.get(portal.url + first.headers["Location"])
    assert login_page.status_code == 200
    hidden = re.search(r'<input[^>]*name="next"[^>]*value="([^"]*)"', login_page.text)
    assert hidden, "the login form carries where the link led"
    assert html.unescape(hidden.group(1)) == link
    # A trusted device (its code asked once): the login goes straight to where the link led.
    login(portal, email=TECHNICIAN)
    anonymous.cookies.set("portal_device", portal.devices[TECHNICIAN], domain="127.0.0.1", path="/")
    data = {"csrf": csrf_token(login_page.text), "email": TECHNICIAN, "password": DEMO_PASSWORD, "next": link}
    response = anonymous.post(portal.url + "/login", data=data, allow_redirects=False)
    assert response.headers["Location"] == link
    page = anonymous.get(portal.url + link).text
    assert "Programma: BN02151" in page and "FINE-STACK" in page and "riga 0" in page
    # Past 10 KB the link opens its page without its context (it led to the dashboard).
    longer = "/ticket/nuovo?" + urlencode({"origine": "errore", "programma": "BN02151", "dettagli": "x" * 11_000})
    again = requests.Session().get(portal.url + longer, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == "/login?next=/ticket/nuovo"
    third = requests.Session()
    third.cookies.set("portal_device", portal.devices[TECHNICIAN], domain="127.0.0.1", path="/")
    form = third.get(portal.url + "/login").text
    landed = third.post(portal.url + "/login", data={"csrf": csrf_token(form), "email": TECHNICIAN, "password": DEMO_PASSWORD,
                                                     "next": longer}, allow_redirects=False)
    assert landed.headers["Location"] == "/ticket/nuovo"


def test_the_preview_shows_the_editors_markdown_and_plain_text_as_typed(portal):
    session, _ = login(portal)
    preview = new_ticket(portal, session, action="preview", description="**grassetto** e <i>tag</i>")
    assert preview.status_code == 200
    assert "<strong>grassetto</strong>" in preview.text and "&lt;i&gt;tag" in preview.text
    # The focus goes to the preview, screens below the top where it was left.
    heading = re.search(r'<h2 [^>]*class="preview-title"[^>]*>', preview.text).group(0)
    assert 'tabindex="-1"' in heading and "autofocus" in heading, heading
    assert preview.text.count("autofocus=") == 1
    plain = new_ticket(portal, session, action="preview", description="**grassetto** e <i>tag</i>", description_format=None)
    assert "<p>**grassetto** e &lt;i&gt;tag&lt;/i&gt;</p>" in plain.text, "without the editor, what was typed"


def test_inline_code_is_escaped_once(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, description="Errore in `<script>` e <b>tag</b>"))
    page = session.get(portal.url + f"/ticket/{number}").text
    assert "<code>&lt;script&gt;</code>" in page and "&amp;lt;" not in page
    assert "&lt;b&gt;tag&lt;/b&gt;" in page


def notification_choice(portal, session, replies, status):
    page = session.get(portal.url + "/profilo").text
    # A person of two companies chooses for each: the section names the one it is for.
    assert re.search(r"Queste scelte valgono per l.azienda [A-Z]", html.unescape(page)), "the company named"
    saved = session.post(portal.url + "/profilo/notifiche", allow_redirects=False,
                         data={"csrf": csrf_token(page), "notify-replies": replies, "notify-status": status})
    assert saved.headers["Location"] == "/profilo?avviso=notifiche"


def test_a_colleague_typed_as_the_tickets_address_reads_whose_request_it_is(portal):
    """A colleague's own address typed in "Email" read "Abbiamo ricevuto la tua richiesta",
    as if the request were theirs; an address of nobody's account was told why it heard."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, email=TECHNICIAN, title="Per conto di un collega"))
    colleague = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} ricevuto").get_content()
    assert "indicato come contatto del ticket aperto da Mario Rossi" in colleague
    assert "accedi al portale con il tuo account:" in colleague and "Se non hai un account per questa azienda" in colleague and "la tua richiesta" not in colleague
    requester = portal.wait_for_mail(ADMIN, f"Ticket #{number} ricevuto").get_content()
    assert "indicato come contatto" not in requester


def test_the_referent_and_the_tickets_address_hear_of_replies_as_each_chose(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, email="ufficio@rossi.example", title="Chi viene avvisato"))
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
    reply(portal, session, number, "", action="confirm", referent=str(luca))
    operator = "giulia.neri@assistenza.example"
    portal.admin("ticket", "reply", "--number", str(number), "--operator", operator, "--text", "Prima *risposta*")
    for person in (ADMIN, "ufficio@rossi.example", TECHNICIAN):
        text = portal.wait_for_mail(person, f"Ticket #{number} nuova risposta").get_content()
        assert "Chi viene avvisato" in text and "Prima risposta" in text
        # The typed address is nobody's account: told whose ticket it is, with the link.
        outside = person == "ufficio@rossi.example"
        assert f"/ticket/{number}" in text
        assert ("indicato come contatto del ticket aperto da Mario Rossi" in text) == outside
        # "La tua richiesta" to its requester only; the referent and the typed address read whose.
        said = "alla tua richiesta" if person == ADMIN else "alla richiesta di Mario Rossi"
        assert f"L'assistenza ha risposto {said}. Ha scritto Giulia Neri:" in text, (person, text)

    # The requester chose none: neither the account nor the address typed on the ticket hears
    # of replies; the referent (my tickets, by default) still does.
    notification_choice(portal, session, "none", "mine")
    portal.admin("ticket", "reply", "--number", str(number), "--operator", operator, "--text", "Seconda risposta")
    portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} nuova risposta")
    mails = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in portal.mails()]
    later = [m for m in mails if "Seconda risposta" in m.get_content()]
    assert len(later) == 1 and later[0]["To"] == TECHNICIAN, [(m["To"], m["Subject"]) for m in later]
    notification_choice(portal, session, "mine", "mine")


def test_a_customer_reopening_or_adding_to_a_closed_ticket_is_reported_as_such(portal):
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Riaperto o no"))
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
    kept = reply(portal, session, number, "Solo una nota finale.", close=True)
    assert kept.headers["Location"] == f"/ticket/{number}?avviso=aggiunto"
    support = "assistenza@portal.invalid"
    text = portal.wait_for_mail(support, f"Ticket #{number} risposta del cliente").get_content()
    assert "aggiunto un messaggio al ticket chiuso, che resta chiuso" in text and "Solo una nota finale." in text
    reopened = reply(portal, session, number, "Il problema è tornato.")
    assert reopened.headers["Location"] == f"/ticket/{number}?avviso=riaperto"
    text = portal.wait_for_mail(support, f"Ticket #{number} riaperto").get_content()
    assert "ha riaperto il ticket" in text and "Il problema è tornato." in text


def test_a_colleagues_message_that_changes_the_status_tells_the_requester(portal):
    """The requester's last e-mail said "Rinviato" or "chiuso" while a colleague's message
    had put the ticket back "In attesa" or reopened it."""
    luca, _ = login(portal, email=TECHNICIAN)
    mario, _ = login(portal)
    number = created_number(new_ticket(portal, luca, title="Stato cambiato da un collega"))
    # Nobody had it: a working status by a script needs somebody to work it.
    nobody = portal.admin("ticket", "status", "--number", str(number), "--status", "postponed", check=False)
    assert nobody.returncode == 1 and "il ticket non ha un operatore: indica con --operator" in nobody.stderr, nobody.stderr
    with portal.db() as db:  # an operator's, taken without a word to the customer
        db.execute("UPDATE tickets SET operator_id = (SELECT id FROM users WHERE email = 'giulia.neri@assistenza.example'),"
                   " status = 'waiting' WHERE number = ?", (number,))
    portal.admin("ticket", "status", "--number", str(number), "--status", "postponed")
    portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} cambio di stato")
    assert reply(portal, mario, number, "Ecco i dati richiesti.").status_code == 303
    text = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} cambio di stato").get_content()
    assert "Mario Rossi ha risposto all'assistenza. Lo stato della richiesta è ora: In attesa." in text
    assert "Messaggio di Mario Rossi:\n\nEcco i dati richiesti." in text.replace("\r\n", "\n"), "the message that changed it"
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') WHERE number = ?", (number,))
    assert reply(portal, mario, number, "Il problema è tornato.").status_code == 303
    text = portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} riaperto").get_content()
    assert "Mario Rossi ha riaperto la richiesta con un nuovo messaggio." in text
    assert "Messaggio di Mario Rossi:\n\nIl problema è tornato." in text.replace("\r\n", "\n"), "the reopening message itself"
    mails = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in portal.mails()]
    assert not [m for m in mails if m["To"] == ADMIN and f"#{number} riaperto" in m["Subject"]], "not the author"
    # Both changes are lines of the trails, as an operator's are (only the replies were).
    with portal.db() as db:
        changes = [row[0] for row in db.execute(
            "SELECT detail FROM audit_events WHERE event = 'ticket_status' AND detail LIKE ? ORDER BY id", (f"#{number}%",))]
    assert changes[-2:] == [f"#{number}: Rinviato → In attesa", f"#{number}: Chiuso → In attesa"], changes


def test_pages_kept_by_the_workers_follow_replies_and_names_at_once(portal):
    """Workers keep rendered parts and a session's last pages while the content is unchanged:
    a reply made by another process, or a new name, shows on the very next load."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Pagina da aggiornare"))
    detail, listing = portal.url + f"/ticket/{number}", portal.url + "/ticket?stato=aperto"
    for _ in range(12):  # enough loads for every worker to keep its copies
        assert "Pagina da aggiornare" in session.get(detail).text
        assert "Pagina da aggiornare" in session.get(listing).text
    portal.admin("ticket", "reply", "--number", str(number), "--operator", "giulia.neri@assistenza.example",
                 "--text", "Risposta appena arrivata")
    for _ in range(8):
        assert "Risposta appena arrivata" in session.get(detail).text
        assert ">In attesa</span></dd>" in session.get(listing).text.split(f"#{number}<")[1].split("</article>")[0]
    profile = session.get(portal.url + "/profilo").text
    session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(profile), "first_name": "Marione", "last_name": "Rossi"})
    for _ in range(8):
        assert "Marione Rossi" in session.get(listing).text
        assert "Marione Rossi" in session.get(detail).text
    # The demo name again, for the tests that follow on this portal.
    profile = session.get(portal.url + "/profilo").text
    session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(profile), "first_name": "Mario", "last_name": "Rossi"})
    assert "Mario Rossi" in session.get(listing).text


def test_a_kept_page_is_never_shown_to_the_next_session(fresh_portal):
    """SQLite gives a deleted session's row id to the next session: the pages a worker keeps
    are tied to the session's own secret, so the next person never sees the last one's."""
    portal = fresh_portal()
    listing = portal.url + "/ticket?stato=aperto"
    first, _ = login(portal)
    session_ids = [tuple(row) for row in portal.db().execute("SELECT id FROM sessions")]
    for _ in range(12):  # every worker keeps Mario's page
        assert "Mario Rossi" in first.get(listing).text
    page = first.get(portal.url + "/dashboard").text
    first.post(portal.url + "/logout", data={"csrf": csrf_token(page)}, allow_redirects=False)
    second, _ = login(portal, email=TECHNICIAN)
    assert [tuple(row) for row in portal.db().execute("SELECT id FROM sessions")] == session_ids, "the row id came back"
    for _ in range(12):
        text = second.get(listing).text
        assert "Luca Verdi" in text and "Mario Rossi</span>" not in text
        assert csrf_token(text) != csrf_token(page)


SUBMISSION = re.compile(r'name="submission" value="([^"]+)"')


def test_a_retried_post_with_the_same_form_key_creates_one_ticket_and_one_reply(portal):
    """A browser retrying a POST whose answer was lost (the ticket was committed) sends the
    same form again: its hidden key finds the ticket instead of creating a second."""
    from tickets import FIELDS
    session, _ = login(portal)
    page = session.get(portal.url + "/ticket/nuovo").text
    key = SUBMISSION.search(page).group(1)
    assert key != SUBMISSION.search(session.get(portal.url + "/ticket/nuovo").text).group(1), "a key per form"
    data = dict(FIELDS, csrf=csrf_token(page), action="send", submission=key, title="Una sola volta")
    empty = {"files": ("", b"", "application/octet-stream")}
    first = session.post(portal.url + "/ticket/nuovo", data=data, files=empty, allow_redirects=False)
    number = created_number(first)
    again = session.post(portal.url + "/ticket/nuovo", data=data, files=empty, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"] == first.headers["Location"]
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE title = 'Una sola volta'").fetchone()[0] == 1

    page = session.get(portal.url + f"/ticket/{number}").text
    reply_key = SUBMISSION.search(page.split('id="reply-form"')[1]).group(1)
    answer = {"csrf": csrf_token(page), "message": "Risposta inviata una volta", "action": "reply", "submission": reply_key}
    for _ in range(2):
        sent = session.post(portal.url + f"/ticket/{number}", data=answer, files=empty, allow_redirects=False)
        assert sent.headers["Location"] == f"/ticket/{number}?avviso=risposta"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Risposta inviata una volta%'").fetchone()[0] == 1
    # A press that closed the ticket, retried, says it closed it: "Risposta inviata." read as
    # if the ticket had stayed open.
    with portal.db() as db:
        db.execute("UPDATE tickets SET created_at = created_at - 600 WHERE number = ?", (number,))
    page = session.get(portal.url + f"/ticket/{number}").text
    closing = {"csrf": csrf_token(page), "message": "Chiudo io, grazie.", "action": "reply", "close": "1",
               "submission": SUBMISSION.search(page.split('id="reply-form"')[1]).group(1)}
    for _ in range(2):
        sent = session.post(portal.url + f"/ticket/{number}", data=closing, files=empty, allow_redirects=False)
        assert sent.headers["Location"] == f"/ticket/{number}?avviso=chiuso"
    # One that reopened it, retried, says it reopened it.
    page = session.get(portal.url + f"/ticket/{number}").text
    reopening = {"csrf": csrf_token(page), "message": "Anzi, riapro.", "action": "reply",
                 "submission": SUBMISSION.search(page.split('id="reply-form"')[1]).group(1)}
    for _ in range(2):
        sent = session.post(portal.url + f"/ticket/{number}", data=reopening, files=empty, allow_redirects=False)
        assert sent.headers["Location"] == f"/ticket/{number}?avviso=riaperto"
    # A double click: the presses racing the first one are told what it was told.
    page = session.get(portal.url + f"/ticket/{number}").text
    closing = {"csrf": csrf_token(page), "message": "Chiudo di nuovo.", "action": "reply", "close": "1",
               "submission": SUBMISSION.search(page.split('id="reply-form"')[1]).group(1)}
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda _: session.post(
            portal.url + f"/ticket/{number}", data=closing, files=empty, allow_redirects=False).headers["Location"], range(6)))
    assert set(answers) == {f"/ticket/{number}?avviso=chiuso"}, answers
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Chiudo di nuovo.%'").fetchone()[0] == 1
    # Another person's key is not theirs to find: the same key from someone else creates.
    other, _ = login(portal, email=TECHNICIAN)
    page = other.get(portal.url + "/ticket/nuovo").text
    created_number(other.post(portal.url + "/ticket/nuovo", files=empty, allow_redirects=False,
                              data=dict(data, csrf=csrf_token(page), email=TECHNICIAN)))


def page_form(page):
    """What a browser sends from the ticket page's reply form: its hidden fields and the two
    selects as the page drew them."""
    fields = dict(re.findall(r'<input type="hidden" name="(seen_[a-z]+)" value="([^"]*)"', page))
    for name in ("priority", "referent"):
        select = page.split(f'name="{name}"', 1)[1].split("</select>")[0]
        fields[name] = re.search(r'<option value="([^"]*)" selected', select).group(1)
    return {"csrf": csrf_token(page), **fields}


def test_a_reply_from_an_old_page_keeps_what_others_changed_meanwhile(portal):
    """The reply form sent the priority and referent it showed, saved as new choices: a page
    drawn before an operator's "Bloccante" or a colleague's new referent undid them unseen."""
    mario, _ = login(portal)
    number = created_number(new_ticket(portal, mario, title="Pagina vecchia", priority="high"))
    old = page_form(mario.get(portal.url + f"/ticket/{number}").text)
    assert old["priority"] == old["seen_priority"] == "high"

    operator, _ = login(portal, email="paolo.gallo@assistenza.example")
    desk = operator.get(portal.url + f"/desk/ticket/{number}").text
    raised = operator.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(desk), "seen": re.search(r'name="seen" value="([^"]*)"', desk).group(1),
        "action": "priority", "priority": "blocking"}, files={"files": ("", b"", "application/octet-stream")},
        allow_redirects=False)
    assert raised.status_code == 303
    with portal.db() as db:
        luca = db.execute("SELECT id FROM users WHERE email = ?", (TECHNICIAN,)).fetchone()[0]
        db.execute("UPDATE tickets SET referent_id = ? WHERE number = ?", (luca, number))
        db.commit()

    sent = mario.post(portal.url + f"/ticket/{number}", data={**old, "message": "Risposta da una pagina vecchia",
                                                              "action": "reply", "message_format": "markdown"},
                      files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert sent.status_code == 303
    with portal.db() as db:
        priority, referent = db.execute("SELECT priority, referent_id FROM tickets WHERE number = ?", (number,)).fetchone()
    assert (priority, referent) == ("blocking", luca), "neither the operator's priority nor the new referent was undone"

    # Changed on the old page as well: refused with what it became, the reply kept unsent.
    stale = mario.post(portal.url + f"/ticket/{number}", data={**old, "priority": "normal", "action": "reply",
                                                               "message": "Scritta sulla pagina vecchia"},
                       files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert stale.status_code == 422
    assert "Nel frattempo la priorità è diventata «Bloccante»" in html.unescape(stale.text)
    assert "Scritta sulla pagina vecchia" in stale.text
    with portal.db() as db:
        assert db.execute("SELECT priority FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "blocking"
        assert db.execute("SELECT count(*) FROM messages WHERE body LIKE 'Scritta sulla pagina vecchia%'").fetchone()[0] == 0

    # A select the customer did change is saved.
    fresh = page_form(mario.get(portal.url + f"/ticket/{number}").text)
    changed = mario.post(portal.url + f"/ticket/{number}", data={**fresh, "referent": fresh["seen_referent"],
                                                                 "priority": "high", "action": "confirm"},
                         files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert changed.status_code == 303
    with portal.db() as db:
        assert db.execute("SELECT priority FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "high"


def test_an_address_of_nobody_in_the_company_is_accepted_a_few_times_a_day(fresh_portal):
    """The ticket's "Email" receives the portal's e-mails unconfirmed: an account could make the
    portal write to any address with a subject of its choosing."""
    portal = fresh_portal()
    session, _ = login(portal)
    for index in range(5):
        created_number(new_ticket(portal, session, email=f"esterno{index}@altrove.example", title=f"Per un consulente {index}"))
    refused = new_ticket(portal, session, email="vittima@altrove.example", title="Promo")
    assert refused.status_code == 422 and "indica il tuo indirizzo o quello di un collega" in refused.text
    assert 'value="Promo"' in refused.text, "what was typed stays"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM outbox WHERE recipients LIKE '%vittima@%'").fetchone()[0] == 0
    # A colleague's address and one's own are always accepted.
    created_number(new_ticket(portal, session, email=TECHNICIAN, title="Per Luca"))
    created_number(new_ticket(portal, session, title="Per me"))


def test_a_long_conversation_links_to_its_newest_message_and_to_the_reply(portal):
    mario, _ = login(portal)
    number = created_number(new_ticket(portal, mario, title="Conversazione lunga"))
    short = mario.get(portal.url + f"/ticket/{number}").text
    assert "Vai all&#39;ultimo messaggio" not in short and "Vai all'ultimo messaggio" not in short
    for index in range(6):
        assert reply(portal, mario, number, f"Messaggio numero {index}").status_code == 303
    page = html.unescape(mario.get(portal.url + f"/ticket/{number}").text)
    latest = re.search(r'<a href="#(m\d+)">Vai all\'ultimo messaggio</a>', page).group(1)
    assert f'id="{latest}"' in page and page.index(f'id="{latest}"') > page.index("Messaggio numero 4")
    assert '<a href="#reply-form">Vai alla risposta</a>' in page and 'id="reply-form"' in page
    operator, _ = login(portal, email="paolo.gallo@assistenza.example")
    desk = html.unescape(operator.get(portal.url + f"/desk/ticket/{number}").text)
    assert '<a href="#reply">Vai alla risposta</a>' in desk and 'id="reply"' in desk


def test_a_ticket_of_an_operator_deactivated_since_it_closed_goes_back_to_the_queue_when_reopened(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Riaperto dopo la disattivazione"))
    with portal.db() as db:
        marco = db.execute("SELECT id FROM users WHERE email = 'paolo.gallo@assistenza.example'").fetchone()[0]
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s','now') - 86400, operator_id = ?"
                   " WHERE number = ?", (marco, number))
        db.execute("UPDATE users SET deactivated_at = strftime('%s','now') WHERE id = ?", (marco,))
        last_mail = db.execute("SELECT max(id) FROM outbox").fetchone()[0]
    assert reply(portal, session, number, "Il problema è tornato.").headers["Location"].endswith("avviso=riaperto")
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, operator_id FROM tickets WHERE number = ?", (number,)).fetchone()) == ("unassigned", None)
        recipients = " ".join(r[0] for r in db.execute("SELECT recipients FROM outbox WHERE id > ?", (last_mail,)))
    assert "paolo.gallo" not in recipients, "the deactivated operator's mailbox is not the desk"


def test_a_date_filter_finds_a_ticket_of_the_last_hour_of_the_25_hour_day(portal):
    mario, _ = login(portal)
    number = created_number(new_ticket(portal, mario, title="Aperto nella notte del cambio d'ora"))
    with portal.db() as db:
        # 25/10/2026 23:30 in Rome (winter time again, UTC+1) is 22:30 UTC: 24.5 hours after 00:00 Rome.
        db.execute("UPDATE tickets SET created_at = 1792967400 WHERE number = ?", (number,))
    found = mario.get(portal.url + "/ticket?ordine=creazione&stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi"
                                   "&da=2026-10-25&a=2026-10-25").text
    assert f"#{number}" in found or f"/ticket/{number}\"" in found
    next_day = mario.get(portal.url + "/ticket?ordine=creazione&stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi"
                                      "&da=2026-10-26&a=2026-10-26").text
    assert f"/ticket/{number}\"" not in next_day
    # Typed the Italian way in a text field (each browser drew its own date field in its own
    # language's order): the same day, shown back the Italian way.
    typed = mario.get(portal.url + "/ticket?ordine=creazione&stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi"
                                   "&da=25/10/2026&a=25.10.2026").text
    assert f"#{number}<" in typed or f"#{number} " in typed or f"#{number}\n" in typed, "found by the Italian dates"
    assert 'id="da" name="da" type="text" value="25/10/2026"' in typed and 'id="a" name="a" type="text" value="25/10/2026"' in typed
    assert 'id="da-hint">gg/mm/aaaa<' in typed


def test_torna_allelenco_goes_back_to_the_page_of_the_list_the_ticket_was_opened_from(portal):
    """It went back to the first page of the filters: the person paged forward again for
    every ticket they looked at, as the manual's workflow goes through the list."""
    session, _ = login(portal)
    listing = session.get(portal.url + "/ticket?ordine=creazione&stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi&pagina=2").text
    link = re.search(r'href="(/ticket/(\d+)\?elenco=[^"]+)"', listing)
    assert link, "each ticket of page 2 carries the list's address"
    shown = session.get(portal.url + html.unescape(link.group(1))).text
    back = re.search(r'<a class="button" href="([^"]+)">Torna all&#39;elenco</a>|<a class="button" href="([^"]+)">Torna all\'elenco</a>', shown)
    target = html.unescape(back.group(1) or back.group(2))
    assert target == "/ticket?ordine=creazione&stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi&pagina=2", target
    # "Aggiorna" keeps it: after it, "Torna all'elenco" led to page 1.
    form = re.search(r'<form class="refresh-form" method="get" action="([^"]+)">(.*?)Aggiorna</button></form>', shown)
    fields = {html.unescape(name): html.unescape(value) for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2))}
    assert list(fields) == ["elenco"], fields
    refreshed = session.get(portal.url + html.unescape(form.group(1)), params=fields).text
    back = re.search(r'<a class="button" href="([^"]+)">Torna all', refreshed)
    assert html.unescape(back.group(1)) == target, back.group(1)
    # A reply keeps it, through the form and the redirect.
    sent = reply(portal, session, int(link.group(2)), "Aggiungo un dettaglio.", elenco=target.split("?", 1)[1])
    assert "elenco=" in sent.headers["Location"], sent.headers["Location"]
    assert "pagina%3D2" in sent.headers["Location"] or "pagina=2" in sent.headers["Location"]
    # Something else in its place is read as the list reads an address: only what it writes.
    for sent in ("%3Cscript%3E", "stato%3D%22%3E%3Cscript%3E"):
        plain = session.get(portal.url + f"/ticket/{link.group(2)}?elenco={sent}").text
        back = re.search(r'<a class="button" href="([^"]*)">Torna all', plain).group(1)
        assert back == "/ticket" or back.startswith("/ticket?ordine="), back
        assert "script" not in back


def test_a_closed_tickets_panel_changes_only_with_the_reply_that_reopens_it(portal):
    """"Conferma" on a closed ticket said "Modifiche salvate." and gave a closed ticket a new
    priority nobody would work on: the button is not offered there, the panel says why, and
    a "Conferma" sent all the same changes nothing. A reply with the change reopens it."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Chiuso e poi cambiato"))
    with portal.db() as db:
        db.execute("UPDATE tickets SET status = 'closed', closed_at = strftime('%s', 'now') WHERE number = ?", (number,))
    page = session.get(portal.url + f"/ticket/{number}").text
    assert 'value="confirm"' not in page
    assert "priorità e referente si cambiano insieme a una risposta" in html.unescape(page)
    refused = session.post(portal.url + f"/ticket/{number}", data={
        "csrf": csrf_token(page), "action": "confirm", "priority": "low", "seen_priority": "normal", "message": ""},
        files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)
    assert refused.status_code == 422 and "priorità e referente si cambiano insieme a una risposta" in html.unescape(refused.text)
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, priority FROM tickets WHERE number = ?", (number,)).fetchone()) == ("closed", "normal")
    # A message that leaves it closed ("Chiudere il ticket all'invio") changes nothing else either.
    kept_closed = reply(portal, session, number, "Solo una nota.", close=True, priority="low", seen_priority="normal")
    assert kept_closed.status_code == 422 and "priorità e referente si cambiano insieme a una risposta" in html.unescape(kept_closed.text)
    assert "Solo una nota." in kept_closed.text, "the message typed is kept"
    with portal.db() as db:
        assert tuple(db.execute("SELECT status, priority FROM tickets WHERE number = ?", (number,)).fetchone()) == ("closed", "normal")
    reopened = reply(portal, session, number, "Il problema si ripresenta.", priority="high", seen_priority="normal")
    assert reopened.status_code == 303
    with portal.db() as db:
        status, priority = db.execute("SELECT status, priority FROM tickets WHERE number = ?", (number,)).fetchone()
    assert status != "closed" and priority == "high"


def test_a_company_without_tickets_is_told_so_not_that_filters_hide_them(fresh_portal):
    """A new company's list said «Nessun ticket corrisponde ai filtri scelti.» with no filter set."""
    portal = fresh_portal()
    vat = vat_with_check_digit("0444333222")
    portal.admin("tenant", "add", "--name", "SENZA TICKET SRL", "--vat", vat)
    session = new_customer(portal, "prima.persona@senza-ticket.example", company="SENZA TICKET SRL", vat=vat)
    empty = html.unescape(session.get(portal.url + "/ticket").text)
    assert "L'azienda non ha ancora ticket." in empty
    assert "Nessun ticket corrisponde" not in empty
    filtered = session.get(portal.url + "/ticket?stato=chiuso").text
    assert "Nessun ticket corrisponde ai filtri scelti." in filtered


def test_the_summarys_status_is_not_the_threads_status_line_as_text(portal):
    """«Stato: In attesa» as text was both the summary above the ticket and the conversation's
    line of a status change: a lookup by that text (issue 12 quotes "Stato: In sviluppo")
    found two. The summary's colon is the stylesheet's."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Riassunto senza doppioni"))
    page = session.get(portal.url + f"/ticket/{number}").text
    summary = re.search(r'<p class="ticket-summary">.*?</p>', page, re.S).group(0)
    text = re.sub(r"<[^>]+>", "", summary)
    assert "Stato:" not in text and "Priorità:" not in text, text
    assert '<span class="summary-term">Stato</span>' in summary


def test_back_after_sending_and_the_same_text_sent_again_is_the_first_press(portal):
    """The browser's Back after «Invia Ticket» or a reply draws the form again (pages are never
    stored) under a new key and fills in what was typed: «Invia» again made a second ticket, a
    second reply, with their e-mails. The same text from the same person to the same place
    within minutes is the first press; another text is a message of its own."""
    session, _ = login(portal)

    def send_from_a_new_form(path, **fields):
        page = session.get(portal.url + path).text
        key = re.search(r'name="submission" value="([^"]+)"', page).group(1)
        return session.post(portal.url + path, data={"csrf": csrf_token(page), "submission": key, **fields},
                            files={"files": ("", b"", "application/octet-stream")}, allow_redirects=False)

    title = "Stampa bolle bloccata dopo Indietro " + str(time.time_ns())
    ticket = dict(email="mario.rossi@rossi.example", contact="web", type="assistance", area="administrative",
                  priority="normal", title=title, description="Le bolle non escono dalla stampante.", action="send")
    first = send_from_a_new_form("/ticket/nuovo", **ticket)
    again = send_from_a_new_form("/ticket/nuovo", **ticket)
    number = created_number(first)
    assert again.status_code == 303 and created_number(again) == number, (first.headers, again.headers)
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE title = ?", (title,)).fetchone()[0] == 1
    text = "Riprovato dopo Indietro, sempre lo stesso errore " + str(time.time_ns())
    for _ in range(2):
        sent = send_from_a_new_form(f"/ticket/{number}", message=text, action="reply")
        assert sent.status_code == 303 and sent.headers["Location"].startswith(f"/ticket/{number}?"), sent.headers
    other = send_from_a_new_form(f"/ticket/{number}", message=text + " (e un dettaglio)", action="reply")
    assert other.status_code == 303
    with portal.db() as db:
        bodies = [row[0] for row in db.execute(
            "SELECT body FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ? AND m.body LIKE ?",
            (number, "Riprovato dopo Indietro%"))]
    assert len(bodies) == 2 and len(set(bodies)) == 2, bodies


def test_conferma_with_the_close_ticked_and_no_message_says_the_ticket_was_not_closed(portal):
    """It answered «Nessuna modifica da salvare» and dropped the tick."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Chiusura con Conferma"))
    with portal.db() as db:
        db.execute("UPDATE tickets SET created_at = created_at - 600 WHERE number = ?", (number,))
        db.commit()
    answered = reply(portal, session, number, "", action="confirm", close=True)
    assert answered.status_code == 200, answered.status_code
    page = html.unescape(answered.text)
    assert "Il ticket non è stato chiuso: per chiuderlo scrivi un messaggio e premi «Invia»" in page
    assert re.search(r'<input[^>]*name="close"[^>]*checked', answered.text), "the tick is kept"
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] != "closed"


def test_a_close_asked_past_an_answer_not_seen_waits_until_it_is_read(portal):
    """«Risolto da solo, chiudo» sent from a page drawn before support answered «la installi
    prima di chiudere»: the ticket closed with only «Ticket chiuso.» said."""
    from test_desk import desk_post, operator_session
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Chiusura dopo una risposta non letta"))
    with portal.db() as db:
        db.execute("UPDATE tickets SET created_at = created_at - 600 WHERE number = ?", (number,))
        db.commit()
    stale = session.get(portal.url + f"/ticket/{number}").text
    seen = re.search(r'name="seen_message" value="(\d+)"', stale).group(1)
    operator, _ = operator_session(portal)
    assert desk_post(portal, operator, number, "reply", reply="Installi l'aggiornamento prima di chiudere.").status_code == 303
    data = {"csrf": csrf_token(stale), "message": "Risolto da solo, chiudo.", "close": "1", "action": "reply", "seen_message": seen}
    refused = session.post(portal.url + f"/ticket/{number}", data=data, files={"files": ("", b"", "application/octet-stream")},
                           allow_redirects=False)
    assert refused.status_code == 422, refused.status_code
    page = html.unescape(refused.text)
    assert "Nel frattempo Giulia Neri ha scritto nel ticket: leggi il messaggio prima di chiuderlo." in page
    assert "Installi l'aggiornamento prima di chiudere." in page and "Risolto da solo, chiudo." in page
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] != "closed"
    # From the page that shows the answer, the close is done.
    data["seen_message"] = re.search(r'name="seen_message" value="(\d+)"', refused.text).group(1)
    closed = session.post(portal.url + f"/ticket/{number}", data=data, files={"files": ("", b"", "application/octet-stream")},
                          allow_redirects=False)
    assert closed.headers["Location"] == f"/ticket/{number}?avviso=chiuso", closed.status_code


def test_a_reply_from_a_page_that_showed_the_ticket_open_does_not_reopen_it_unsaid(portal):
    """The desk closed the ticket while the customer wrote: the reply reopened it and the page
    said so only afterwards. Held with its text on the page as it is now; «Invia» again reopens."""
    session, _ = login(portal)
    number = created_number(new_ticket(portal, session, title="Chiuso mentre scrivevo"))
    page = session.get(portal.url + f"/ticket/{number}").text
    assert 'name="seen_closed" value="0"' in page
    portal.admin("ticket", "status", "--number", str(number), "--status", "Chiuso")
    data = {"csrf": csrf_token(page), "message": "Grazie, funziona!", "action": "reply", "seen_closed": "0"}
    no_file = {"files": ("", b"", "application/octet-stream")}
    held = session.post(portal.url + f"/ticket/{number}", data=data, files=no_file, allow_redirects=False)
    assert held.status_code == 409, held.status_code
    said = html.unescape(held.text)
    assert "Nel frattempo il ticket è stato chiuso: la tua risposta non è stata inviata" in said and "Grazie, funziona!" in said
    assert 'name="seen_closed" value="1"' in held.text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "closed"
    sent = session.post(portal.url + f"/ticket/{number}", data=dict(data, csrf=csrf_token(held.text), seen_closed="1"),
                        files=no_file, allow_redirects=False)
    assert sent.status_code == 303 and "riaperto" in sent.headers["Location"], sent.headers.get("Location")
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] != "closed"
