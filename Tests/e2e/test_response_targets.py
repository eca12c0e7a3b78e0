""""Tempi di risposta" and "Andamento" through nginx: only a Responsabile reaches them; a
target changed moves the deadlines the queue shows and sorts by; the customer reads when the
first answer is due until it comes; the figures and their CSV files count a new ticket."""
import csv
import html
import io
import re
import subprocess

import requests

from portal import ADMIN, BIN, csrf_token, login
from tickets import created_number, new_ticket
from vendor import MANAGER, OPERATORE, manager_session

PAGES = ("/desk/tempi", "/desk/andamento", "/desk/andamento/csv/settimane")
TARGETS = {f"{kind}-{priority}": value
           for priority, first, resolution in (("blocking", "1", "8"), ("high", "4", "24"), ("normal", "8", "40"),
                                               ("low", "16", "80"))
           for kind, value in (("prima-risposta", first), ("risoluzione", resolution))}


def save_targets(portal, session, **changes):
    page = session.get(portal.url + "/desk/tempi")
    data = dict(TARGETS, orario="09:00-13:00, 14:00-18:00", **{"festivita-aggiunte": "", "festivita-lavorate": ""})
    data.update({name.replace("_", "-"): value for name, value in changes.items()})
    return session.post(portal.url + "/desk/tempi", data=dict(data, csrf=csrf_token(page.text)), allow_redirects=False)


def test_the_pages_are_404_for_an_operatore_a_customer_and_a_visitor(portal):
    operatore, _ = login(portal, email=OPERATORE)
    customer, _ = login(portal, email=ADMIN)
    for session in (operatore, customer, requests.Session()):
        for path in PAGES:
            assert session.get(portal.url + path, allow_redirects=False).status_code == 404, path
    token = csrf_token(operatore.get(portal.url + "/desk/").text)
    assert operatore.post(portal.url + "/desk/tempi", data=dict(TARGETS, csrf=token), allow_redirects=False).status_code == 404
    menu = manager_session(portal).get(portal.url + "/desk/").text
    assert 'href="/desk/tempi"' in menu and 'href="/desk/andamento"' in menu
    assert 'href="/desk/tempi"' not in operatore.get(portal.url + "/desk/").text


def test_bad_targets_and_holidays_are_refused_beside_their_fields_and_nothing_changes(fresh_portal):
    portal = fresh_portal()
    session = manager_session(portal)
    refused = save_targets(portal, session, prima_risposta_normal="0", risoluzione_low="9000",
                           festivita_aggiunte="29/06\n31/02/2027", festivita_lavorate="25/12\n12/03/2027",
                           prima_risposta_high="3")
    assert refused.status_code == 422 and refused.reason == "Unprocessable Content"
    assert "Il tempo deve essere maggiore di zero." in refused.text
    assert "Il tempo non può superare un anno (8760 ore)." in refused.text
    assert "«31/02/2027» non è una data" in refused.text
    assert "«12/03/2027» non è una festività nazionale" in refused.text
    assert re.search(r'id="prima-risposta-high"[^>]*value="3"', refused.text), "the other values are kept"
    # The first refused field has the focus, and only it.
    assert re.search(r'id="prima-risposta-normal"[^>]*autofocus', refused.text) and refused.text.count(" autofocus=") == 1
    # A target a short working day does not reach in twenty years: said beside it (it was added
    # as calendar time, and 6000 h came out earlier than 4900 h).
    beyond = save_targets(portal, session, orario="09:00-10:00", risoluzione_low="6000")
    assert beyond.status_code == 422
    assert "questo tempo non si raggiunge in vent'anni" in beyond.text or "questo tempo non si raggiunge in vent&#39;anni" in beyond.text
    assert re.search(r'id="risoluzione-low"[^>]*autofocus', beyond.text)
    assert save_targets(portal, session, orario="09:00-10:00", risoluzione_low="4900").status_code == 303
    # A list of days past the limit: said beside it, and every line typed comes back (it was
    # cut at the limit, ending in half a date).
    days = "\n".join(f"{day:02d}/{month:02d}/2027" for month in range(1, 13) for day in range(1, 29) if month != 8)
    days = (days + "\n") * 2
    assert len(days) > 4000
    long = save_targets(portal, session, festivita_aggiunte=days)
    assert long.status_code == 422 and "Al massimo 4.000 caratteri" in long.text
    assert html.escape(days.strip(), quote=False) in long.text and "non è una data" not in long.text
    # A paste of 10,000 characters and more is said beside the field too (past 16 KB of form it
    # was the page «Dati troppo grandi», and a browser's «Indietro» lost what was typed).
    pasted = (days * 4)[:12000]
    longer = save_targets(portal, session, festivita_aggiunte=pasted, festivita_lavorate=pasted)
    assert longer.status_code == 422 and "Al massimo 4.000 caratteri" in longer.text
    swapped = save_targets(portal, session, prima_risposta_normal="50", risoluzione_normal="10")
    assert swapped.status_code == 422
    assert "La risoluzione non può richiedere meno tempo della prima risposta." in swapped.text
    with portal.db() as db:
        assert db.execute("SELECT first_answer_minutes FROM response_targets WHERE priority = 'high'").fetchone()[0] == 240
        assert db.execute("SELECT count(*) FROM audit_events WHERE event = 'response_targets_changed'").fetchone()[0] == 1


def link_at(queue, number):
    """Where the queue's link to the ticket is (it may carry the queue's page: `?coda=`)."""
    return re.search(rf'href="/desk/ticket/{number}[?"]', queue).start()


def queue_row(queue, number):
    return queue[link_at(queue, number):].split("</tr>")[0]


def test_a_new_ticket_runs_towards_its_targets_in_the_queue_and_on_the_customers_page(fresh_portal):
    portal = fresh_portal()
    manager = manager_session(portal)
    saved = save_targets(portal, manager, prima_risposta_normal="2:30", festivita_aggiunte="29/06")
    assert saved.status_code == 303 and saved.headers["Location"] == "/desk/tempi?avviso=salvato"
    assert "Tempi di risposta salvati" in manager.get(portal.url + saved.headers["Location"]).text
    with portal.db() as db:
        detail = db.execute("SELECT detail FROM audit_events WHERE event = 'response_targets_changed'").fetchone()[0]
    assert "Prima risposta – Normale: 8 h → 2 h 30 min" in detail

    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Scadenza della prima risposta"))
    ticket = customer.get(portal.url + f"/ticket/{number}").text
    assert "Risposta prevista entro " in ticket and "siamo in ritardo" not in ticket
    # Past its deadline the page admits the delay instead of promising a date gone by.
    with portal.db() as db:
        due = db.execute("SELECT due_at FROM tickets WHERE number = ?", (number,)).fetchone()[0]
        db.execute("UPDATE tickets SET due_at = strftime('%s', 'now') - 3600 WHERE number = ?", (number,))
        db.commit()
    late = customer.get(portal.url + f"/ticket/{number}").text
    assert re.search(r"Risposta prevista entro \d\d/\d\d/\d{4} \d\d:\d\d: siamo in ritardo, un operatore ti risponderà il prima possibile.", late)
    with portal.db() as db:
        db.execute("UPDATE tickets SET due_at = ? WHERE number = ?", (due, number))
        db.commit()
    manager.post(portal.url + "/desk/cerca", data={
        "csrf": csrf_token(manager.get(portal.url + "/desk/").text), "azzera": "1"})
    # The column heading «Scadenza» sorts the queue, as a table's heading does, and back.
    heading = re.search(r'<th scope="col"><a href="(/desk/\?[^"]*)"[^>]*>Scadenza</a></th>', manager.get(portal.url + "/desk/").text)
    assert heading and "ordine=scadenza" in heading.group(1), "the heading is a link"
    queue = manager.get(portal.url + html.unescape(heading.group(1)))
    sorted_heading = re.search(r'<th scope="col" aria-sort="ascending"><a href="(/desk/\?[^"]*)"[^>]*>Scadenza</a></th>', queue.text)
    assert sorted_heading and "ordine" not in sorted_heading.group(1), "sorted: marked, and its link leads back"
    row = queue_row(queue.text, number)
    assert "<span>Prima risposta</span>" in row
    assert re.search(r"<strong>(mancano|scaduto)", row), row
    with portal.db() as db:
        due = db.execute("SELECT due_at FROM tickets WHERE number = ?", (number,)).fetchone()[0]
        sooner, same = db.execute(
            "SELECT sum(due_at < ?), sum(due_at = ?) FROM tickets WHERE status != 'closed'", (due, due)).fetchone()
    # Sorted by "Scadenza": the tickets due sooner come first, then this one among those due
    # at the same instant (its link's class comes before its address).
    position = queue.text.count('class="ticket-link"', 0, link_at(queue.text, number))
    assert sooner + 1 <= position <= sooner + same

    # The operator's answer stops the first answer's clock: the customer no longer reads it.
    page = manager.get(portal.url + f"/desk/ticket/{number}")
    seen = re.search(r'name="seen" value="([^"]*)"', page.text).group(1)
    manager.post(portal.url + f"/desk/ticket/{number}", data={
        "csrf": csrf_token(page.text), "seen": seen, "action": "reply", "reply": "Buongiorno, ci guardiamo."},
        files={"files": ("", b"", "application/octet-stream")})
    assert "Risposta prevista entro" not in customer.get(portal.url + f"/ticket/{number}").text
    queue = manager.get(portal.url + "/desk/?ordine=scadenza").text
    assert "<span>Risoluzione</span>" in queue_row(queue, number)


def test_andamento_counts_a_new_ticket_in_its_charts_and_csv_files(fresh_portal):
    portal = fresh_portal()
    customer, _ = login(portal)
    created_number(new_ticket(portal, customer, priority="high"))
    manager = manager_session(portal)
    page = manager.get(portal.url + "/desk/andamento")
    assert page.status_code == 200
    for title in ("Ticket aperti e chiusi per settimana", "Ticket ancora aperti per stato", "Ticket ancora aperti per area",
                  "Tempo di prima risposta per priorità", "Ticket entro l'obiettivo per priorità"):
        assert f">{title}</h2>" in page.text.replace("&#39;", "'"), title
    assert page.text.count('role="img"') == 5
    # Each table's scrolling region is named apart from its section (the same name twice).
    assert 'aria-label="Tabella: Tempo di prima risposta per priorità"' in page.text
    # Bars as wide as the numbers above them ("30 min" overlapped its neighbour).
    chart = page.text.split(">Tempo di prima risposta per priorità</h2>")[1].split("</svg>")[0]
    widths = [float(width) for width in re.findall(r'<rect [^>]*width="([\d.]+)"', chart)]
    bars = [width for width in widths if width != 12]  # the legend's squares are 12
    assert bars and min(bars) >= 30, widths
    link = re.search(r'href="(/desk/andamento/csv/stati\?[^"]+)"', page.text).group(1).replace("&amp;", "&")
    download = manager.get(portal.url + link)
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="andamento-stati-[0-9-]+\.csv"; .*', download.headers["Content-Disposition"])
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    with portal.db() as db:
        since = db.execute("SELECT min(created_at) FROM tickets").fetchone()[0]
        unassigned = db.execute(
            "SELECT count(*) FROM tickets WHERE status = 'unassigned' AND created_at >= ?", (since,)).fetchone()[0]
    assert rows[0] == ["Stato", "Ticket aperti"]
    # The default period covers the last twelve weeks; the new ticket is unassigned in it.
    assert int(dict(rows[1:])["Non assegnato"]) >= 1
    assert int(dict(rows[1:])["Non assegnato"]) <= unassigned
    shares = manager.get(portal.url + link.replace("/csv/stati", "/csv/obiettivi"))
    header = next(csv.reader(io.StringIO(shares.content.decode("utf-8-sig")), delimiter=";"))
    assert "Prima risposta entro l'obiettivo (%)" in header and "Risoluzione entro l'obiettivo (%)" in header
    # The areas' table and CSV name them as the bars do.
    areas = manager.get(portal.url + link.replace("/csv/stati", "/csv/aree")).content.decode("utf-8-sig")
    assert "Amministrativa" in areas and "tematiche" not in areas, areas
    refused = manager.get(portal.url + "/desk/andamento?dal=2026-11-30&al=2026-11-01")
    assert refused.status_code == 422 and "La data «Al» viene prima di «Dal»." in refused.text
    # The download of the same period says so too (it said to write a valid date).
    refused = manager.get(portal.url + "/desk/andamento/csv/stati?dal=2026-11-30&al=2026-11-01")
    assert refused.status_code == 400 and "La data «Al» viene prima di «Dal»." in refused.text
    refused = manager.get(portal.url + "/desk/andamento/csv/stati?dal=2020-01-01&al=2026-11-01")
    assert refused.status_code == 400 and "Il periodo può durare al massimo due anni." in refused.text
    # Both dates cleared and «Mostra»: the default period, as on the first visit.
    cleared = manager.get(portal.url + "/desk/andamento?dal=&al=")
    assert cleared.status_code == 200 and "Indica una data" not in cleared.text
    assert re.search(r'<input[^>]*id="dal"[^>]*value="\d\d/\d\d/\d{4}"', cleared.text), cleared.text[-3000:]


def pending(db):
    return db.execute("SELECT deadlines_generation - deadlines_done FROM working_calendar").fetchone()[0]


def test_a_change_cut_off_before_every_deadline_moved_is_finished_by_the_next_save_or_the_mailer(fresh_portal):
    """The deadlines move in batches after the change's commit: a worker killed between the two
    left them on the old targets, and saving the same values again changed nothing."""
    portal = fresh_portal()
    session = manager_session(portal)
    assert save_targets(portal, session, risoluzione_normal="50").status_code == 303
    with portal.db() as db:
        ticket, due = db.execute("SELECT id, due_at FROM tickets WHERE status != 'closed' AND priority = 'normal'"
                                 " AND due_at IS NOT NULL ORDER BY id LIMIT 1").fetchone()
        assert pending(db) == 0
        # As the crash left it: the change committed and numbered, its deadlines not written.
        db.execute("UPDATE tickets SET due_at = due_at - 36000 WHERE id = ?", (ticket,))
        db.execute("UPDATE working_calendar SET deadlines_generation = deadlines_generation + 1")
    again = save_targets(portal, session, risoluzione_normal="50")
    assert again.status_code == 303 and again.headers["Location"] == "/desk/tempi?avviso=salvato"
    with portal.db() as db:
        assert db.execute("SELECT due_at FROM tickets WHERE id = ?", (ticket,)).fetchone()[0] == due
        assert pending(db) == 0
        # Nobody saves again: the mailer's pass (at its start, then every minute) finishes a
        # change saved more than five minutes ago.
        db.execute("UPDATE tickets SET due_at = due_at - 36000 WHERE id = ?", (ticket,))
        db.execute("UPDATE working_calendar SET deadlines_generation = deadlines_generation + 1, updated_at = updated_at - 600")
    subprocess.run([str(BIN / "portal-mailer"), "--once"], env=portal.env, check=True, capture_output=True)
    with portal.db() as db:
        assert db.execute("SELECT due_at FROM tickets WHERE id = ?", (ticket,)).fetchone()[0] == due
        assert pending(db) == 0


def test_a_save_from_a_page_older_than_a_colleagues_save_is_not_made_unseen(fresh_portal):
    """Two Responsabili: the second saved a page read before the first's save, and put the
    first's working hours back without a word (and its audit line named the second)."""
    portal = fresh_portal()
    first, second = manager_session(portal), manager_session(portal)
    fields = lambda page: dict(re.findall(r'<(?:input|textarea)[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    old_page = second.get(portal.url + "/desk/tempi").text
    assert 'name="versione"' in old_page
    saved = save_targets(portal, first, orario="08:00-12:00, 13:00-17:00")
    assert saved.status_code == 303
    stale = dict(fields(old_page), **{"festivita-aggiunte": "24/12", "festivita-lavorate": ""})
    refused = second.post(portal.url + "/desk/tempi", data=stale, allow_redirects=False)
    assert refused.status_code == 409
    told = refused.text.replace("&#39;", "'")
    assert "I Tempi di risposta sono stati salvati da un'altra pagina" in told and "Festività aggiunte" in told
    # Only what this page changed is offered: its hours, left as shown, are the colleague's now
    # (pressed again, the old ones undid the colleague's save).
    assert "Orario di lavoro" not in told.split("applicare queste modifiche")[1].split("</")[0]
    assert 'name="orario"' in refused.text and 'value="08:00-12:00, 13:00-17:00"' in refused.text
    page = second.get(portal.url + "/desk/tempi").text
    assert 'value="08:00-12:00, 13:00-17:00"' in page, "the colleague's hours are still saved"
    # Pressed again from the page that said so: saved, as the person now knows what it changes.
    again = second.post(portal.url + "/desk/tempi", data=dict(fields(refused.text), **{"festivita-aggiunte": "24/12",
                                                                                          "festivita-lavorate": ""}),
                        allow_redirects=False)
    assert again.status_code == 303
    page = second.get(portal.url + "/desk/tempi").text
    assert 'value="08:00-12:00, 13:00-17:00"' in page and "24/12" in page, "both changes saved"
