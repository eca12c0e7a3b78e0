"""The HTTP layer through nginx: limits, malformed input, headers on every status."""
import http.client
import socket
import struct
import time

import requests

from portal import TECHNICIAN, csrf_token, login

HEADERS = {
    "Content-Security-Policy": "script-src 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def assert_security_headers(response):
    for name, expected in HEADERS.items():
        assert expected in response.headers.get(name, ""), (response.status_code, name)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers.get("Server") == "nginx", "server_tokens off hides the version"


def test_security_headers_on_200_302_404_and_500(fresh_portal):
    portal = fresh_portal()
    ok = requests.get(portal.url + "/login")
    redirect = requests.get(portal.url + "/", allow_redirects=False)
    missing = requests.get(portal.url + "/no/such/page")
    assert (ok.status_code, redirect.status_code, missing.status_code) == (200, 302, 404)
    session, _ = login(portal)
    # A ticket that does not exist says what nginx's own 404 says, with the same help (it was
    # "Si è verificato un errore", without it).
    gone = session.get(portal.url + "/ticket/999999")
    assert gone.status_code == 404
    for page in (gone.text, missing.text):
        assert "<h1 class=\"page-title\">Pagina non trovata</h1>" in page and 'href="/aiuto/index.html"' in page, page
    # A real fault: the sessions table disappears under the running handlers.
    with portal.db() as db:
        db.execute("ALTER TABLE sessions RENAME TO sessions_gone")
    failed = session.get(portal.url + "/dashboard", allow_redirects=False)
    assert failed.status_code == 500
    assert "Si è verificato un errore imprevisto" in failed.text
    assert "sqlite" not in failed.text.lower(), "internals never reach the page"
    for response in (ok, redirect, missing, failed):
        assert_security_headers(response)
    with portal.db() as db:
        db.execute("ALTER TABLE sessions_gone RENAME TO sessions")
    # The same workers go on serving once the fault is gone.
    assert requests.get(portal.url + "/login").status_code == 200
    log = (portal.var / "log" / "portal-tenant.log").read_text()
    assert "event=request_failed" in log


def test_a_body_over_the_limit_gets_413(portal):
    session = requests.Session()
    token = csrf_token(session.get(portal.url + "/login").text)
    huge = session.post(portal.url + "/login", data={"csrf": token, "email": "x" * 100_000, "password": "y"})
    assert huge.status_code == 413, "nginx refuses bodies over client_max_body_size"
    assert "superano la dimensione massima" in huge.text
    over_route = session.post(portal.url + "/login", data={"csrf": token, "email": "x" * 50_000, "password": "y"})
    assert over_route.status_code == 413, "the login route accepts 40 KB (a link's return address)"
    # Under the title nginx's own page has (it was «Si è verificato un errore»).
    for refused in (huge, over_route):
        assert "<title>Dati troppo grandi" in refused.text and "<h1" in refused.text
    assert_security_headers(over_route)
    # A body refused unread stays on nginx's kept connection to the handler: whatever nginx
    # sends next, on that connection or another, is answered normally.
    for _ in range(5):
        assert session.post(portal.url + "/login", data={"csrf": token, "email": "x" * 50_000, "password": "y"}).status_code == 413
    for _ in range(40):
        page = session.get(portal.url + "/login")
        assert page.status_code == 200 and csrf_token(page.text)


def post_raw(portal, body, content_type):
    return requests.post(portal.url + "/login", data=body, headers={"Content-Type": content_type})


def test_malformed_input_gets_400_and_the_handler_keeps_serving(portal):
    cases = [
        (b"email=%zz&password=x", "application/x-www-form-urlencoded"),
        (b"email=%C3%28&password=x", "application/x-www-form-urlencoded"),
        (b"email=%4", "application/x-www-form-urlencoded"),
        (b"--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nx\r\n--b--", "multipart/form-data"),
        (b"--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nno end", "multipart/form-data; boundary=b"),
        (b"garbage without any delimiter", "multipart/form-data; boundary=b"),
        # A form's route said the dashboard's "La disposizione inviata non è leggibile".
        (b'{"email": "x", "password":', "application/json"),
    ]
    for body, content_type in cases:
        response = post_raw(portal, body, content_type)
        assert response.status_code == 400, (body, response.status_code)
        assert "La richiesta non è valida" in response.text
    # requests would re-quote "%zz"; http.client sends the bytes as they are.
    connection = http.client.HTTPConnection("127.0.0.1", portal.port)
    connection.request("GET", "/login?next=%zz")
    assert connection.getresponse().status == 400
    assert requests.get(portal.url + "/login").status_code == 200
    # The dashboard's API is told in JSON, as its other refusals: the query's error lost the
    # address and answered the HTML page.
    for query in ("x=%", "x=%FF", "x=%zz"):
        connection = http.client.HTTPConnection("127.0.0.1", portal.port)
        connection.request("GET", "/api/dashboard?" + query)
        answer = connection.getresponse()
        assert answer.status == 400 and answer.getheader("Content-Type").startswith("application/json"), query
        assert b'"error"' in answer.read()
    # So are the refusals nginx makes before it picks a location: a cookie or a header too
    # large, an unknown transfer coding (they got the HTML page).
    for headers in ({"Cookie": "a=" + "a" * 40_000}, {"X-Filler": "b" * 40_000}):
        answer = requests.get(portal.url + "/api/dashboard", headers=headers)
        assert answer.status_code == 400 and answer.headers["Content-Type"].startswith("application/json"), headers
        assert "error" in answer.json()
    chunked = requests.put(portal.url + "/api/dashboard/layout", data=b"", headers={"Transfer-Encoding": "gzip"})
    assert chunked.status_code == 501 or chunked.status_code == 400
    assert chunked.headers["Content-Type"].startswith("application/json"), chunked.headers
    assert requests.get(portal.url + "/login", headers={"Cookie": "a=" + "a" * 40_000}).headers["Content-Type"].startswith("text/html")


def test_huge_headers_are_refused_with_400(portal):
    response = requests.get(portal.url + "/login", headers={"X-Filler": "a" * 40_000})
    assert response.status_code in (400, 431)
    with socket.create_connection(("127.0.0.1", portal.port)) as raw:
        raw.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nCookie: " + b"c" * 40_000 + b"\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 400")
    assert requests.get(portal.url + "/login").status_code == 200


def test_static_error_pages_are_the_portals(portal):
    missing = requests.get(portal.url + "/assets/nothing.css")
    assert missing.status_code == 404
    assert "La pagina richiesta non esiste" in missing.text


def test_fingerprinted_assets_are_cached_for_a_year(portal):
    page = requests.get(portal.url + "/manuale/accesso.html")
    assert page.status_code == 200
    import re
    css = re.search(r'href="(?:\.\./)*(assets/portal\.[0-9a-f]{8}\.css)"', page.text).group(1)
    asset = requests.get(portal.url + "/" + css)
    assert asset.status_code == 200 and "max-age=31536000" in asset.headers["Cache-Control"]
    assert asset.headers["Content-Type"].startswith("text/css")
    # The plain name, which the handlers' pages link, is revalidated at every load: a rebuild
    # with a new colour or logo shows at once (an hour's cache kept the old ones).
    login = requests.get(portal.url + "/login").text
    assert 'href="/assets/portal.css"' in login
    plain = requests.get(portal.url + "/assets/portal.css")
    assert plain.status_code == 200 and "no-cache" in plain.headers["Cache-Control"], plain.headers
    again = requests.get(portal.url + "/assets/portal.css", headers={"If-Modified-Since": plain.headers["Last-Modified"]})
    assert again.status_code == 304


def test_bodies_refused_unread_get_413_never_502(portal):
    """Bodies over their route's limit but within nginx's (a search form sent 2 MB, a page
    that takes no body): the handler answers before reading them, and nginx must still get
    that answer, on connections it keeps and under concurrency."""
    from concurrent.futures import ThreadPoolExecutor

    body = b"x" * (2 * 1024 * 1024 + 17)
    # A customer's: two small-limit forms (the desk's is no customer's: 404), a path that
    # takes no POST (405), the live preview (128 KB).
    targets = {"/ticket/cerca": 413, "/desk/cerca": 404, "/ticket/1453/allegati/1": 405, "/ticket/anteprima": 413}
    paths = list(targets)
    customer, _ = login(portal)

    def send(index):
        with requests.Session() as session:
            session.cookies.update(customer.cookies)
            answers = []
            for round_ in range(6):
                path = paths[(index + round_) % len(paths)]
                answers.append((path, session.post(portal.url + path, data=body, allow_redirects=False,
                                                   headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code))
            return answers

    with ThreadPoolExecutor(8) as pool:
        answers = [answer for result in pool.map(send, range(24)) for answer in result]
    statuses = [status for _, status in answers]
    assert 502 not in statuses, f"{statuses.count(502)} of {len(statuses)} refused bodies got 502"
    assert all(status == targets[path] for path, status in answers), sorted(set(answers))
    assert requests.get(portal.url + "/login").status_code == 200


def test_every_log_line_of_the_handlers_and_the_mailer_starts_with_its_utc_time(portal):
    import re
    requests.get(portal.url + "/no/such/page")
    login(portal)
    stamp = re.compile(r"^time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z event=\w+")
    for name in ["portal-auth", "portal-tenant", "portal-tickets", "portal-desk", "portal-mailer"]:
        lines = (portal.var / "log" / f"{name}.log").read_text().splitlines()
        assert lines, name
        assert all(stamp.match(line) for line in lines), (name, [l for l in lines if not stamp.match(l)][:3])


def fastcgi_record(kind, content=b""):
    return struct.pack("!BBHHBx", 1, kind, 1, len(content), 0) + content


def fastcgi_params(pairs):
    encoded = b""
    for name, value in pairs:
        for part in (name, value):
            encoded += bytes([len(part)]) if len(part) < 128 else struct.pack("!I", len(part) | 0x80000000)
        encoded += name + value
    return encoded


def test_a_get_with_a_body_is_answered_as_a_get(portal):
    """A body means nothing on a GET: some clients and scanners send one; the page is served
    (it was refused as too large for a route that takes none), and the kept connection with it."""
    with requests.Session() as session:
        for _ in range(3):
            page = session.request("GET", portal.url + "/login", data=b"x" * 20_000,
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert page.status_code == 200 and "Accedi" in page.text
        assert session.head(portal.url + "/login", data=b"y" * 5000).status_code == 200


def test_a_refused_body_is_read_to_its_end_even_when_its_sender_pauses(portal):
    """What nginx does under load, slowed down: a 3 MB body for the 8 KB login form, sent to
    the handler with a pause of 3 s in the middle. The handler must take all of it and then
    answer 413; closing the connection while nginx is still sending makes nginx answer 502.
    (A visitor's form: a customer's form answers one without a session with the login.)"""
    with socket.socket(socket.AF_UNIX) as raw:
        raw.connect(str(portal.var / "run" / "portal-auth.sock"))
        length = 3_000_000
        raw.sendall(fastcgi_record(1, struct.pack("!HB5x", 1, 0)) + fastcgi_record(4, fastcgi_params([
            (b"REQUEST_METHOD", b"POST"), (b"REQUEST_URI", b"/login"),
            (b"CONTENT_TYPE", b"application/x-www-form-urlencoded"), (b"CONTENT_LENGTH", str(length).encode()),
        ])) + fastcgi_record(4))
        chunk = b"x" * 60_000
        sent = 0
        while sent < length:
            if sent >= 1_000_000 and sent - len(chunk) < 1_000_000:
                time.sleep(3)
            part = chunk[:min(len(chunk), length - sent)]
            raw.sendall(fastcgi_record(5, part))
            sent += len(part)
        raw.sendall(fastcgi_record(5))
        answer = b""
        while True:
            data = raw.recv(65536)
            if not data:
                break
            answer += data
    assert b"Status: 413" in answer


def test_pages_of_every_size_arrive_whole_through_nginx(portal):
    """The handlers write a large answer's bulk as FastCGI records of their own and its end
    through libfcgi: a page under one record, one over it and one over several arrive whole,
    in order, with the length the head announced."""
    from tickets import created_number, new_ticket, reply

    session, _ = login(portal)
    number = created_number(new_ticket(portal, session))
    sizes = []
    for index in range(9):
        marker = f"risposta-{index:02d}"
        # Words cmark leaves as they are, about 17,000 bytes a message.
        text = marker + " " + " ".join(f"parola{index}{word}" for word in range(1500))
        assert reply(portal, session, number, text).status_code == 303
        page = session.get(portal.url + f"/ticket/{number}")
        assert page.status_code == 200
        assert int(page.headers["Content-Length"]) == len(page.content)
        assert page.text.endswith("</html>\n")
        positions = [page.text.index(f"risposta-{seen:02d}") for seen in range(index + 1)]
        assert positions in (sorted(positions), sorted(positions, reverse=True))
        sizes.append(len(page.content))
    assert sizes[0] < 65535 < sizes[3] and sizes[-1] > 2 * 65535
    # A small answer goes through libfcgi alone.
    small = session.get(portal.url + "/api/dashboard/widget/ticket-status")
    assert small.status_code == 200 and int(small.headers["Content-Length"]) == len(small.content) < 8192


def test_errors_nginx_answers_by_itself_are_italian_pages_with_the_security_headers(portal):
    cases = [
        (requests.post(portal.url + "/manuale/index.html", data={"a": "b"}), 405, "Operazione non consentita"),
        (requests.get(portal.url + "/ticket?x=" + "a" * 40_000), 414, "Indirizzo troppo lungo"),
        (requests.get(portal.url + "/login", headers={"Cookie": "c=" + "x" * 40_000}), 400, "Richiesta non valida"),
        # A folder without an index page is a page that does not exist (nginx said 403 in English).
        (requests.get(portal.url + "/assets/"), 404, "Pagina non trovata"),
        (requests.get(portal.url + "/manuale/index.html", headers={"Range": "bytes=999999999-"}), 416, "Richiesta non valida"),
    ]
    for response, status, title in cases:
        assert response.status_code == status, (status, response.status_code)
        assert title in response.text and 'lang="it"' in response.text and "nginx" not in response.text
        assert_security_headers(response)
    # A request line nginx cannot read at all (a NUL in the address), sent as a browser would not.
    host, port = portal.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(b"GET /ticket/1001%00\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 400") and "Richiesta non valida".encode() in answer


def test_a_folder_without_its_slash_is_redirected_relatively(portal):
    """Behind a TLS proxy an absolute Location named this nginx's scheme and port (http://HOST:8080/manuale/)."""
    moved = requests.get(portal.url + "/manuale", headers={"Host": "portale.example"}, allow_redirects=False)
    assert moved.status_code == 301 and moved.headers["Location"] == "/manuale/"


def test_a_refused_form_is_422_to_a_program_and_200_to_a_browsers_navigation(portal):
    """The same page either way; as a 422, Chromium logged every refused form as a failed load."""
    page = requests.get(portal.url + "/login")
    data = {"csrf": csrf_token(page.text), "email": "nessuno@example.com", "password": "sbagliata-sbagliata"}
    program = requests.post(portal.url + "/login", data=data, cookies=page.cookies, allow_redirects=False)
    assert program.status_code == 422 and "Email o password non corrette." in program.text
    browser = requests.post(portal.url + "/login", data=data, cookies=page.cookies, allow_redirects=False,
                            headers={"Sec-Fetch-Mode": "navigate"})
    assert browser.status_code == 200 and "Email o password non corrette." in browser.text
    assert requests.get(portal.url + "/nessuna-pagina", headers={"Sec-Fetch-Mode": "navigate"}).status_code == 404


def test_a_single_page_typed_with_a_slash_after_it_is_the_page(portal):
    """«/login/» was a 404, as were «/dashboard/» and «/portale-classico/»."""
    for page in ("/login", "/dashboard", "/portale-classico"):
        answer = requests.get(portal.url + page + "/?x=1", allow_redirects=False)
        assert answer.status_code == 301 and answer.headers["Location"].endswith(page + "?x=1"), (page, answer.status_code)
    assert requests.get(portal.url + "/login/").url.endswith("/login") and "Accedi" in requests.get(portal.url + "/login/").text


def test_a_desk_or_administration_address_is_no_one_elses_to_learn_by_its_method_or_size(portal):
    """405 and 413 are said only to whom the route's group admits: to anyone else the
    address answers 404, as its own method does (a scanner told them apart)."""
    anonymous = requests.Session()
    assert anonymous.get(portal.url + "/desk/tempi").status_code == 404
    assert anonymous.put(portal.url + "/desk/tempi").status_code == 404
    assert anonymous.get(portal.url + "/desk/cerca").status_code == 404
    assert anonymous.post(portal.url + "/desk/aziende", data={"nome": "x" * 3000}).status_code == 404
    technician, _ = login(portal, email=TECHNICIAN)
    assert technician.get(portal.url + "/tenant/utenti/1/ruolo").status_code == 404
    operator, _ = login(portal, email="paolo.gallo@assistenza.example")
    assert operator.get(portal.url + "/desk/operatori/1/disattiva").status_code == 404
    manager, _ = login(portal, email="giulia.neri@assistenza.example")
    refused = manager.get(portal.url + "/desk/operatori/1/disattiva")
    assert refused.status_code == 405 and refused.headers.get("Allow") == "POST"
    # Public addresses say it to everyone, with what they take.
    login_page = anonymous.delete(portal.url + "/login")
    assert login_page.status_code == 405 and login_page.headers.get("Allow") == "GET, HEAD, POST"
    # Titled as nginx's own 405 page (a POST to a static file) is, not as a fault.
    assert ">Operazione non consentita</h1>" in login_page.text, login_page.text


def test_the_site_builds_own_records_are_not_served(portal):
    assert requests.get(portal.url + "/.site-files").status_code == 404
    assert requests.get(portal.url + "/manuale/").status_code == 200


def test_one_address_cannot_hold_every_connection(fresh_portal):
    """Bodies sent a byte at a time from one address held nginx's connections until none
    was left for anyone; past 512 requests under way from one address the next is refused
    with 429, and once they end that address is served again."""
    portal = fresh_portal()
    held = []
    try:
        for _ in range(512):
            slow = socket.create_connection(("127.0.0.1", portal.port))
            slow.sendall(b"POST /ticket/nuovo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\nx")
            held.append(slow)
        time.sleep(0.5)
        refused = requests.get(portal.url + "/login", timeout=10)
        assert refused.status_code == 429, refused.status_code
        assert "Troppe" in refused.text or "troppe" in refused.text, refused.text[:300]
    finally:
        for slow in held:
            slow.close()
    time.sleep(0.5)
    assert requests.get(portal.url + "/login", timeout=10).status_code == 200


def test_a_forms_own_address_opened_as_a_page_leads_to_the_page_of_the_form(portal):
    """After a refused send the address bar shows the form's action: Enter there (or a
    bookmark) answered 405 «Operazione non consentita», or 404 under /ticket/."""
    session, _ = login(portal)
    for path, page in (("/profilo/dati", "/profilo"), ("/profilo/password", "/profilo"), ("/profilo/notifiche", "/profilo"),
                       ("/ticket/cerca", "/ticket"), ("/ticket/anteprima", "/ticket"), ("/dashboard/widget", "/dashboard")):
        opened = session.get(portal.url + path, allow_redirects=False)
        assert opened.status_code == 303 and opened.headers["Location"] == page, (path, opened.status_code)
    # Still no page of its own for anyone else: the login, then the form's page.
    assert requests.get(portal.url + "/profilo/dati", allow_redirects=False).headers["Location"].startswith("/login?next=")
