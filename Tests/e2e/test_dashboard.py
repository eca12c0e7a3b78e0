"""The dashboard through nginx: the page without JavaScript, the widgets' markup the editor
takes from the server, the JSON API, the layout saved per user and company, refusals that
keep the saved layout, and the widgets' numbers against the database."""
import json
import re

import pytest
import requests

from portal import (BIANCHI_VAT, DEMO_PASSWORD, ROSSI_VAT, TECHNICIAN, code_step, csrf_token, login, login_into,
                    password_step)
from tickets import created_number, new_ticket

API = "/api/dashboard"
WIDGET = "/api/dashboard/widget/"
LIST = {"widget": "ticket-list", "x": 0, "y": 0, "w": 8, "h": 6}
PIE = {"widget": "ticket-status", "x": 8, "y": 0, "w": 4, "h": 6}


# ------------------------------------------------------------------ people

def choose_company(portal, session, company):
    """Accepts a pending invitation of `company` if there is one, then picks the company."""
    page = session.get(portal.url + "/accesso/azienda").text
    for action in re.findall(r'action="(/accesso/invito/\d+/accetta)"', page):
        session.post(portal.url + action, data={"csrf": csrf_token(page)})
        page = session.get(portal.url + "/accesso/azienda").text
    form = page.split(f">{company}</button>")[0].rsplit("<form", 1)[1]
    tenant = re.search(r'name="tenant" value="(\d+)"', form).group(1)
    chosen = session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": tenant},
                          allow_redirects=False)
    assert chosen.headers["Location"] == "/dashboard"


def new_customer(portal, address, company="ROSSI SRL", vat=ROSSI_VAT):
    """A freshly invited customer after the first access, logged into `company`: a new user,
    so that these tests never touch the demo users' dashboards that other tests read."""
    provisional = portal.invite(address, vat=vat)
    session = requests.Session()
    password_step(portal, address, provisional, session=session)
    page = session.get(portal.url + "/accesso/primo").text
    session.post(portal.url + "/accesso/primo", data={
        "csrf": csrf_token(page), "first_name": "Prova", "last_name": "Dashboard", "password": DEMO_PASSWORD,
        "password_confirmation": DEMO_PASSWORD, "privacy": "1"})
    return log_into(portal, address, company)


def log_into(portal, address, company):
    session, response = login(portal, email=address)
    if response.headers.get("Location") == "/accesso/azienda":
        choose_company(portal, session, company)
    return session


def token(portal, session):
    return csrf_token(session.get(portal.url + "/dashboard").text)


def put_layout(portal, session, layout, csrf=None, **kwargs):
    headers = {"X-CSRF-Token": csrf if csrf is not None else token(portal, session)}
    return session.put(portal.url + API + "/layout", json={"layout": layout}, headers=headers, **kwargs)


def saved_layout(portal, session):
    response = session.get(portal.url + API)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/json")
    assert response.headers["Cache-Control"] == "no-store"
    return response.json()["layout"]


def widget_parts(html, widget):
    """A widget's title bar and body as rendered (its section's opening tag holds the
    position, which the editor sets): what the reader sees of it."""
    section = re.search(r'<section class="widget[^"]*"[^>]*data-widget="' + widget + r'".*?</section>', html, re.S)
    assert section, widget
    return section.group(0).split(">", 1)[1]


def counts_in_database(portal, company):
    with portal.db() as db:
        row = db.execute("""SELECT sum(t.status != 'closed'), sum(t.status = 'closed'), count(*)
                            FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.name = ?""",
                         (company,)).fetchone()
    return {"open": row[0] or 0, "closed": row[1] or 0, "total": row[2]}


# ------------------------------------------------------------------ the page

def test_a_new_users_dashboard_is_empty_as_the_manual_shows(portal):
    session = new_customer(portal, "dashboard.vuota@rossi.example")
    page = session.get(portal.url + "/dashboard").text
    for text in ["Questa dashboard non ha ancora widget!", "Aggiungi i widget per monitorare la tua azienda",
                 ">Aggiungi</button>", ">Aggiungi Widget</h2>", '<label for="widget-search">Ricerca widgets</label>',
                 'placeholder="Ricerca widgets"',
                 ">Elenco ticket</p>", ">Stato Ticket</p>", ">Modifica</button>", ">Fatto</button>"]:
        assert text in page, text
    assert '<script src="/assets/dashboard.js" defer="defer"></script>' in page
    # Each widget's "Aggiungi" is named with its title by an attribute: the title as hidden
    # text too made "Stato Ticket" two elements to a search by text.
    assert 'aria-label="Aggiungi Stato Ticket"' in page and 'visually-hidden"> Stato Ticket' not in page
    assert saved_layout(portal, session) == []
    # The left menu of the manual: Dashboard, Configurazione Accessi, Servizi di Supporto (two entries), Utility.
    for entry in [" Dashboard</a>", "Configurazione Accessi", 'href="/profilo#devices-title"', "Servizi di Supporto",
                  "Nuova richiesta di assistenza", "Elenco richieste di assistenza", "Utility"]:
        assert entry in page, entry
    assert 'class="menu-button"' in page and 'href="/profilo"' in page and 'href="/accesso/azienda"' in page


def test_the_page_has_no_inline_script_or_style_attribute(portal):
    session, _ = login(portal, email=TECHNICIAN)
    page = session.get(portal.url + "/dashboard").text
    assert "style=" not in page
    assert all('src="' in tag for tag in re.findall(r"<script[^>]*>", page)), "scripts are files only"
    assert not re.search(r"<[^>]+\son[a-z]+=", page), "no event handler attributes"


def test_without_javascript_the_saved_widgets_show_their_data_read_only(portal):
    """The demo technician has a saved layout (make run): the server renders it with the
    data, and the editing controls stay hidden until the script reveals them."""
    session, _ = login(portal, email=TECHNICIAN)
    page = session.get(portal.url + "/dashboard").text
    counts = counts_in_database(portal, "ROSSI SRL")
    assert 'class="widget dash-x-0 dash-y-0 dash-w-8 dash-h-7"' in page
    assert 'class="widget dash-x-8 dash-y-0 dash-w-4 dash-h-6"' in page
    assert f"Aperto: {counts['open']} Ticket" in page and f"Chiuso: {counts['closed']} Ticket" in page
    assert f"Totale {counts['total']} Ticket" in page
    # Read in a row as the issue writes it: «Aperto: 41 Ticket, Chiuso: 13 Ticket, Totale 54 Ticket».
    assert re.search(r'Aperto: \d+ Ticket<span class="pie-legend-comma">, </span></li><li class="pie-legend-closed">Chiuso: \d+ Ticket<span class="pie-legend-comma">, </span></li>', page)
    assert "title=\"Ridimensiona: trascina l&#39;angolo\"" in page or "title=\"Ridimensiona: trascina l'angolo\"" in page
    assert re.search(r'<svg class="pie-chart"[^>]*role="img"[^>]*aria-label="Aperto: \d+ Ticket, Chiuso', page)
    for heading in ["Priorità", "Stato", "Titolo", "Richiedente", "Operatore"]:
        assert f'<th scope="col">{heading}</th>' in page, heading
        # On a phone each ticket is a card whose cells name their column.
        assert f'<td data-label="{heading}">' in page, heading
    assert ('<form class="refresh-form" method="get" action="/dashboard"><button type="submit" class="button"'
            ' data-action="refresh">Aggiorna</button></form>') in page, "a button that works without JavaScript"
    assert '<button type="button" class="button" data-action="edit" hidden="hidden">Modifica</button>' in page
    assert 'class="empty-state dashboard-empty" hidden="hidden"' in page


# ------------------------------------------------------------------ one widget, for the editor

@pytest.mark.parametrize("widget, title", [("ticket-list", "Elenco ticket"), ("ticket-status", "Stato Ticket")])
def test_a_widget_from_the_server_is_the_one_on_the_page(portal, widget, title):
    """The editor adds and refreshes widgets with this markup, never its own: it must be the
    page's widget to the byte, title bar and data included, only unplaced."""
    session, _ = login(portal, email=TECHNICIAN)
    response = session.get(portal.url + WIDGET + widget)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Cache-Control"] == "no-store"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"], "nginx's security headers kept"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    fragment = response.text
    assert fragment.startswith(f'<section class="widget" data-widget="{widget}" data-w="')
    assert "data-x=" not in fragment and "dash-x-" not in fragment, "the editor places it"
    assert f'<h2 class="widget-title" id="widget-{widget}-title">{title}</h2>' in fragment
    page = session.get(portal.url + "/dashboard").text
    assert widget_parts(fragment, widget) == widget_parts(page, widget)
    assert "style=" not in fragment and "<script" not in fragment


def test_the_widgets_from_the_server_carry_the_same_data_as_the_api(portal):
    session, _ = login(portal, email=TECHNICIAN)
    data = session.get(portal.url + API).json()["data"]
    listing = session.get(portal.url + WIDGET + "ticket-list").text
    for heading in ["Priorità", "Stato", "Titolo", "Richiedente", "Operatore"]:
        assert f'<th scope="col">{heading}</th>' in listing, heading
    numbers = [int(number) for number in re.findall(r'<a class="row-link" href="/ticket/(\d+)">', listing)]
    assert numbers == [ticket["number"] for ticket in data["ticket-list"]["tickets"]]
    assert f'<span class="widget-count">{data["ticket-list"]["caption"]}</span>' in listing
    status = data["ticket-status"]
    pie = session.get(portal.url + WIDGET + "ticket-status").text
    for key in ["openText", "closedText", "totalText"]:
        assert re.search(f'>{re.escape(status[key])}(<span class="pie-legend-comma">, </span>)?</li>', pie), key


def test_a_widget_needs_a_session_a_company_and_a_known_name(portal):
    anonymous = requests.get(portal.url + WIDGET + "ticket-list", allow_redirects=False)
    assert anonymous.status_code == 401 and anonymous.json()["error"].startswith("La sessione è scaduta")
    session, _ = login(portal, email=TECHNICIAN)
    for name in ["meteo", "TICKET-LIST", "%3Cscript%3E"]:
        unknown = session.get(portal.url + WIDGET + name)
        assert unknown.status_code == 404 and "error" in unknown.json(), name
    for path in [WIDGET, WIDGET + "ticket-list/altro", "/dashboard/altro"]:
        assert session.get(portal.url + path).status_code == 404, path
    operator, _ = login(portal, email="giulia.neri@assistenza.example")
    no_company = operator.get(portal.url + WIDGET + "ticket-status")
    assert no_company.status_code == 404 and "error" in no_company.json()
    assert session.post(portal.url + WIDGET + "ticket-list", data={}).status_code == 405


def test_another_companys_widget_is_not_reachable(portal):
    """The company is the session's, whatever the request says."""
    session = login_into(portal, "anna.bianchi@bianchi.example", "BIANCHI SPA")
    with portal.db() as db:
        rossi_id = db.execute("SELECT id FROM tenants WHERE name = 'ROSSI SRL'").fetchone()[0]
    pie = session.get(portal.url + WIDGET + f"ticket-status?tenant={rossi_id}&tenant_id={rossi_id}").text
    counts = counts_in_database(portal, "BIANCHI SPA")
    assert f"Totale {counts['total']} Ticket" in pie


def test_the_ticket_list_widget_shows_the_companys_newest_tickets_with_links(portal):
    session, _ = login(portal, email=TECHNICIAN)
    data = session.get(portal.url + API).json()["data"]["ticket-list"]
    with portal.db() as db:
        expected = [row[0] for row in db.execute(
            """SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.name = 'ROSSI SRL'
               ORDER BY t.created_at DESC, t.id DESC LIMIT 50""")]
    assert [ticket["number"] for ticket in data["tickets"]] == expected
    assert data["total"] == counts_in_database(portal, "ROSSI SRL")["total"]
    first = data["tickets"][0]
    assert first["url"] == f"/ticket/{first['number']}"
    assert set(first) >= {"priorityLabel", "statusLabel", "title", "requester", "operator", "closed"}
    page = session.get(portal.url + "/dashboard").text
    assert f'<a class="row-link" href="/ticket/{first["number"]}">' in page
    assert session.get(portal.url + first["url"]).status_code == 200, "each row links to its ticket"


def test_titles_are_escaped_in_the_page_and_in_the_json(portal):
    session = new_customer(portal, "dashboard.escape@bianchi.example", company="BIANCHI SPA", vat=BIANCHI_VAT)
    title = '<img src=x onerror=alert(1)> "Stampa" & </script>'
    created_number(new_ticket(portal, session, email="dashboard.escape@bianchi.example", title=title))
    put_layout(portal, session, [LIST])
    page = session.get(portal.url + "/dashboard").text
    assert "<img src=x" not in page and '&lt;img src=x onerror=alert(1)&gt; "Stampa" &amp; &lt;/script&gt;' in page
    fragment = session.get(portal.url + WIDGET + "ticket-list").text
    assert "<img src=x" not in fragment and '&lt;img src=x onerror=alert(1)&gt; "Stampa" &amp; &lt;/script&gt;' in fragment
    raw = session.get(portal.url + API).text
    assert "<img" not in raw and "\\u003cimg src=x onerror=alert(1)\\u003e" in raw
    assert json.loads(raw)["data"]["ticket-list"]["tickets"][0]["title"] == title


# ------------------------------------------------------------------ saving

def test_a_layout_is_saved_and_read_back_at_the_next_login(portal):
    address = "dashboard.salva@rossi.example"
    session = new_customer(portal, address)
    saved = put_layout(portal, session, [PIE, LIST])
    assert saved.status_code == 200, saved.text
    assert saved.json() == {"layout": [LIST, PIE]}, "answered in reading order"
    assert saved_layout(portal, session) == [LIST, PIE]

    # Another browser, another session: the same layout, rendered by the server.
    other = log_into(portal, address, "ROSSI SRL")
    assert saved_layout(portal, other) == [LIST, PIE]
    page = other.get(portal.url + "/dashboard").text
    assert 'dash-x-8 dash-y-0 dash-w-4 dash-h-6' in page and "Questa dashboard non ha ancora widget!" in page
    assert 'class="empty-state dashboard-empty" hidden="hidden"' in page

    # POST with the token in the body works too (for clients that cannot send PUT).
    moved = dict(PIE, y=6, x=0)
    posted = other.post(portal.url + API + "/layout", json={"csrf": token(portal, other), "layout": [LIST, moved]})
    assert posted.status_code == 200, posted.text
    assert saved_layout(portal, session) == [LIST, moved]

    # An empty layout is a layout: the dashboard is empty again.
    assert put_layout(portal, session, []).status_code == 200
    assert saved_layout(portal, session) == []
    with portal.db() as db:
        rows = db.execute("""SELECT p.value FROM user_preferences p JOIN users u ON u.id = p.user_id
                             WHERE u.email = ? AND p.name = 'dashboard_layout'""", (address,)).fetchall()
    assert [row[0] for row in rows] == [""]


BAD_LAYOUTS = [
    ([{"widget": "meteo", "x": 0, "y": 0, "w": 4, "h": 4}], "widget sconosciuto"),
    ([LIST, dict(PIE, x=7)], "si sovrappongono"),
    ([dict(LIST, x=5)], "esce dalla dashboard"),
    ([dict(LIST, y=7)], "esce dalla dashboard"),
    ([dict(LIST, x=-1)], "esce dalla dashboard"),
    ([dict(LIST, w=13)], "esce dalla dashboard"),
    ([dict(LIST, w=100000, h=100000)], "esce dalla dashboard"),
    ([dict(LIST, w=2)], "almeno 4 colonne per 3 righe"),
    ([LIST, dict(LIST, y=6)], "compare due volte"),
    ([PIE] * 13, "al massimo 12 widget"),
    ([dict(LIST, x="0")], "non è leggibile"),
    ([dict(LIST, x=1.5)], "non è leggibile"),
    ([dict(LIST, x=None)], "non è leggibile"),
    ([{"widget": "ticket-list"}], "non è leggibile"),
    ("ticket-list", "non è leggibile"),
]


@pytest.fixture(scope="module")
def keeper(portal):
    """A customer whose saved layout must survive every refused one."""
    session = new_customer(portal, "dashboard.rifiuti@rossi.example")
    assert put_layout(portal, session, [LIST, PIE]).status_code == 200
    return session


@pytest.mark.parametrize("layout, message", BAD_LAYOUTS)
def test_a_bad_layout_is_refused_with_a_400_and_the_saved_one_kept(portal, keeper, layout, message):
    response = put_layout(portal, keeper, layout)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    assert message in response.json()["error"]
    assert saved_layout(portal, keeper) == [LIST, PIE]


@pytest.mark.parametrize("body", [b"", b"{", b'{"layout": [}', b'{"layout": [], "layout": []}', b"[1,]",
                                  b'{"layout": "\xff"}', b"[" * 5000])
def test_a_body_that_is_not_json_is_refused_with_a_400(portal, keeper, body):
    response = keeper.put(portal.url + API + "/layout", data=body,
                          headers={"Content-Type": "application/json", "X-CSRF-Token": token(portal, keeper)})
    assert response.status_code == 400 and "non è leggibile" in response.json()["error"]
    assert saved_layout(portal, keeper) == [LIST, PIE]


def test_only_json_is_accepted_and_a_huge_body_is_refused(portal, keeper):
    form = keeper.post(portal.url + API + "/layout", data={"csrf": token(portal, keeper), "layout": "x"})
    assert form.status_code == 415 and "JSON" in form.json()["error"]
    huge = json.dumps({"layout": [LIST], "padding": "x" * 20_000})
    too_large = keeper.put(portal.url + API + "/layout", data=huge,
                           headers={"Content-Type": "application/json", "X-CSRF-Token": token(portal, keeper)})
    # A layout too large is one that does not validate: 400, as issue 7 says (it was a 413).
    assert too_large.status_code == 400 and too_large.json()["error"].startswith("La disposizione inviata è troppo grande")
    # Past nginx's own limit the answer is JSON too (it was nginx's HTML page).
    enormous = json.dumps({"layout": [LIST], "padding": "x" * 2_000_000})
    refused = keeper.put(portal.url + API + "/layout", data=enormous,
                         headers={"Content-Type": "application/json", "X-CSRF-Token": token(portal, keeper)})
    assert refused.status_code == 413 and refused.headers["Content-Type"].startswith("application/json")
    assert refused.json()["error"].startswith("La richiesta supera la dimensione")
    missing = keeper.get(portal.url + "/api/nessuna")
    assert missing.status_code == 404 and "error" in missing.json()
    assert saved_layout(portal, keeper) == [LIST, PIE]


def test_every_change_needs_the_sessions_csrf_token(portal, keeper):
    other, _ = login(portal, email=TECHNICIAN)
    for csrf in ["", "x" * 43, token(portal, other)]:
        response = put_layout(portal, keeper, [LIST], csrf=csrf)
        assert response.status_code == 403, csrf
        assert "Il modulo è scaduto" in response.json()["error"]
    no_header = keeper.put(portal.url + API + "/layout", json={"layout": [LIST]})
    assert no_header.status_code == 403
    body_token_of_another = keeper.post(portal.url + API + "/layout", json={"csrf": token(portal, other), "layout": [LIST]})
    assert body_token_of_another.status_code == 403
    assert keeper.get(portal.url + API + "/layout").status_code == 405, "no change on GET"
    assert saved_layout(portal, keeper) == [LIST, PIE]


def test_without_a_session_the_api_answers_401_and_the_page_goes_to_login(portal):
    anonymous = requests.get(portal.url + API)
    assert anonymous.status_code == 401 and anonymous.json()["error"].startswith("La sessione è scaduta")
    refused = requests.put(portal.url + API + "/layout", json={"layout": []}, headers={"X-CSRF-Token": "x"})
    assert refused.status_code == 401
    page = requests.get(portal.url + "/dashboard", allow_redirects=False)
    assert page.status_code == 303 and page.headers["Location"] == "/login?next=/dashboard"


# ------------------------------------------------------------------ isolation

def test_another_users_layout_is_not_reachable(portal):
    first = new_customer(portal, "dashboard.primo@rossi.example")
    second = new_customer(portal, "dashboard.secondo@rossi.example")
    assert put_layout(portal, first, [LIST]).status_code == 200
    assert saved_layout(portal, second) == [], "same company, another user: their own (empty) layout"
    assert put_layout(portal, second, [PIE]).status_code == 200
    assert saved_layout(portal, first) == [LIST]
    # Nothing in the request chooses whose layout it is.
    with portal.db() as db:
        first_id = db.execute("SELECT id FROM users WHERE email = 'dashboard.primo@rossi.example'").fetchone()[0]
    assert second.get(portal.url + API + f"?user={first_id}&user_id={first_id}").json()["layout"] == [PIE]


def test_another_companys_layout_and_data_are_not_reachable(portal):
    """One person in two companies: a layout each, and each company's own tickets only."""
    address = "dashboard.due.aziende@rossi.example"
    session = new_customer(portal, address)
    portal.admin("invite", "--vat", BIANCHI_VAT, "--email", address, "--role", "Tecnico")
    portal.wait_for_mail(address, "Invito a unirti")
    assert put_layout(portal, session, [LIST, PIE]).status_code == 200
    rossi = session.get(portal.url + API).json()["data"]

    choose_company(portal, session, "BIANCHI SPA")
    assert "BIANCHI SPA" in session.get(portal.url + "/dashboard").text
    with portal.db() as db:
        rossi_id = db.execute("SELECT id FROM tenants WHERE name = 'ROSSI SRL'").fetchone()[0]
        bianchi_numbers = {row[0] for row in db.execute(
            "SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.name = 'BIANCHI SPA'")}
    bianchi = session.get(portal.url + API + f"?tenant={rossi_id}&tenant_id={rossi_id}").json()
    assert bianchi["layout"] == [], "the layout belongs to the company too"
    counts = counts_in_database(portal, "BIANCHI SPA")
    assert {key: bianchi["data"]["ticket-status"][key] for key in counts} == counts
    assert {ticket["number"] for ticket in bianchi["data"]["ticket-list"]["tickets"]} <= bianchi_numbers
    assert rossi["ticket-status"]["total"] != counts["total"]
    assert put_layout(portal, session, [PIE]).status_code == 200

    choose_company(portal, session, "ROSSI SRL")
    assert saved_layout(portal, session) == [LIST, PIE], "ROSSI's layout untouched by BIANCHI's"


# ------------------------------------------------------------------ the numbers

@pytest.mark.parametrize("email, company", [(TECHNICIAN, "ROSSI SRL"), ("anna.bianchi@bianchi.example", "BIANCHI SPA")])
def test_stato_ticket_counts_equal_the_database(portal, email, company):
    session = login_into(portal, email, company)
    status = session.get(portal.url + API).json()["data"]["ticket-status"]
    counts = counts_in_database(portal, company)
    assert {key: status[key] for key in counts} == counts
    assert status["openText"] == f"Aperto: {counts['open']} Ticket"
    assert status["closedText"] == f"Chiuso: {counts['closed']} Ticket"
    assert status["totalText"] == f"Totale {counts['total']} Ticket"


def test_a_new_ticket_is_counted_at_the_next_refresh(portal):
    session = new_customer(portal, "dashboard.conta@bianchi.example", company="BIANCHI SPA", vat=BIANCHI_VAT)
    before = session.get(portal.url + API).json()["data"]["ticket-status"]
    number = created_number(new_ticket(portal, session, email="dashboard.conta@bianchi.example", title="Contami"))
    after = session.get(portal.url + API).json()["data"]
    assert after["ticket-status"]["open"] == before["open"] + 1
    assert after["ticket-status"]["total"] == before["total"] + 1
    assert after["ticket-list"]["tickets"][0]["number"] == number, "newest first"
    assert after["ticket-status"]["total"] == counts_in_database(portal, "BIANCHI SPA")["total"]


def test_a_ticket_closed_by_the_operators_moves_from_open_to_closed(portal):
    """The workers keep a copy of each company's data; a change made elsewhere (here by
    portal-admin, as the operators' desk will) is seen at the very next request."""
    session = new_customer(portal, "dashboard.chiude@bianchi.example", company="BIANCHI SPA", vat=BIANCHI_VAT)
    number = created_number(new_ticket(portal, session, email="dashboard.chiude@bianchi.example", title="Da chiudere"))
    for _ in range(8):  # every worker answers at least once, so each holds a copy
        before = session.get(portal.url + API).json()["data"]
    portal.admin("ticket", "status", "--number", str(number), "--status", "closed")
    for _ in range(8):
        after = session.get(portal.url + API).json()["data"]
        assert after["ticket-status"]["closed"] == before["ticket-status"]["closed"] + 1
        assert after["ticket-status"]["open"] == before["ticket-status"]["open"] - 1
        closed = [ticket for ticket in after["ticket-list"]["tickets"] if ticket["number"] == number]
        assert closed and closed[0]["closed"] and closed[0]["statusLabel"] == "Chiuso"
    assert put_layout(portal, session, [PIE]).status_code == 200
    page = session.get(portal.url + "/dashboard").text
    assert f"Chiuso: {after['ticket-status']['closed']} Ticket" in page


def test_an_operator_without_a_company_has_no_dashboard_data(portal):
    session, _ = login(portal, email="giulia.neri@assistenza.example")
    moved = session.get(portal.url + "/dashboard", allow_redirects=False)
    assert moved.status_code == 303 and moved.headers["Location"] == "/desk/", "an operator's first screen is the queue"
    page = session.get(portal.url + "/desk/")
    answer = session.get(portal.url + API)
    assert answer.status_code == 404 and "error" in answer.json()
    assert put_layout(portal, session, [LIST], csrf=csrf_token(page.text)).status_code == 404


def test_without_javascript_aggiungi_and_rimuovi_are_forms(portal):
    session = new_customer(portal, "dashboard.moduli@rossi.example")
    page = session.get(portal.url + "/dashboard").text
    noscript = page.split("<noscript>")[1].split("</noscript>")[0]
    assert ">Aggiungi Widget</h2>" in noscript and 'action="/dashboard/widget"' in noscript
    assert 'name="aggiungi" value="ticket-status"' in noscript and 'name="rimuovi"' not in noscript

    def change(**field):
        return session.post(portal.url + "/dashboard/widget", data={"csrf": token(portal, session), **field},
                            allow_redirects=False)

    added = change(aggiungi="ticket-status")
    assert added.status_code == 303 and added.headers["Location"] == "/dashboard?avviso=aggiunto"
    assert saved_layout(portal, session) == [{"widget": "ticket-status", "x": 0, "y": 0, "w": 4, "h": 6}]
    assert change(aggiungi="ticket-status").status_code == 303, "pressed again: nothing changes"
    change(aggiungi="ticket-list")
    assert saved_layout(portal, session) == [{"widget": "ticket-status", "x": 0, "y": 0, "w": 4, "h": 6},
                                             {"widget": "ticket-list", "x": 4, "y": 0, "w": 8, "h": 6}]
    page = session.get(portal.url + "/dashboard?avviso=aggiunto").text
    assert "Widget aggiunto alla dashboard." in page
    assert 'name="rimuovi" value="ticket-list"' in page.split("<noscript>")[1]
    assert change(rimuovi="ticket-status").headers["Location"] == "/dashboard?avviso=rimosso"
    assert saved_layout(portal, session) == [{"widget": "ticket-list", "x": 4, "y": 0, "w": 8, "h": 6}]
    assert change(aggiungi="orologio").status_code == 400
    refused = session.post(portal.url + "/dashboard/widget", data={"aggiungi": "ticket-status"}, allow_redirects=False)
    assert refused.status_code == 403 and saved_layout(portal, session) == [
        {"widget": "ticket-list", "x": 4, "y": 0, "w": 8, "h": 6}], "the CSRF token is required"

    # No room: the list fills the grid, the pie cannot go in, and the page says so.
    put_layout(portal, session, [{"widget": "ticket-list", "x": 0, "y": 0, "w": 12, "h": 12}])
    full = change(aggiungi="ticket-status")
    assert full.status_code == 422 and "spazio per «Stato Ticket»: rimuovi un altro widget" in full.text
    assert saved_layout(portal, session) == [{"widget": "ticket-list", "x": 0, "y": 0, "w": 12, "h": 12}]


def test_tutti_i_ticket_opens_every_ticket_whatever_the_last_search(portal):
    """The widget's "Tutti i ticket" led to /ticket, which shows the last search's filters:
    8 closed tickets under a link that promised all 43."""
    session, _ = login(portal, email=TECHNICIAN)
    page = session.get(portal.url + "/ticket").text
    session.post(portal.url + "/ticket/cerca", data={"csrf": csrf_token(page), "stato": "chiuso", "priorita": "qualsiasi",
                                                     "tipologia": "qualsiasi"})
    try:
        dashboard = session.get(portal.url + WIDGET + "ticket-list").text
        link = re.search(r'<a href="([^"]+)">Tutti i ticket</a>', dashboard).group(1).replace("&amp;", "&")
        listing = session.get(portal.url + link).text
        total = counts_in_database(portal, "ROSSI SRL")["total"]
        assert f"{total} ticket" in listing, re.findall(r"\d+ ticket[^<]*", listing)[:3]
        assert "L'elenco mostra i filtri della tua ultima ricerca" not in listing
    finally:
        # The portal is shared: the next tests' lists start without this search.
        session.post(portal.url + "/ticket/cerca", data={"csrf": csrf_token(page), "azzera": "1"})
