"""Random and malformed input to every route, signed in as a customer and as an operator:
whatever comes, the answer is never a server error and no worker dies. (Seeded: a failure
names its request and comes back on the next run.)"""
import random
import re

import requests

from portal import csrf_token, login

OPERATOR = "giulia.neri@assistenza.example"
HANDLERS = ["portal-auth", "portal-tickets", "portal-tenant", "portal-desk"]
REQUESTS = 3000

VALUES = ["", "'", '"', "' OR 1=1 --", "1; DROP TABLE tickets", "\x00", "\u202e", "😀" * 50, "a" * 5000, "-1", "0",
          "99999999999999999999999", "1e309", "NaN", "../../etc/passwd", "<script>alert(1)</script>", "2026-02-30",
          "2026-13-01", "9999-12-31", "0000-00-00", "１２３", "\r\nX-Injected: 1", "%", "_", "\\", "qualsiasi", "aperti",
          "me", "nessuno", "low", "blocking", "chiuso", "2", "-5", " ", "é" * 300]
FIELDS = ["csrf", "email", "password", "codice", "testo", "stato", "priorita", "tipologia", "da", "a", "ordine", "pagina",
          "azienda", "assegnato", "area", "cerca", "title", "description", "body", "role", "tenant", "first_name",
          "last_name", "vat", "layout", "action", "operator", "status", "priority", "type", "note", "code", "next", "name"]
GETS = ["/", "/login", "/ticket", "/ticket/nuovo", "/ticket/{n}", "/ticket/{n}/allegati/{n}", "/dashboard",
        "/api/dashboard", "/api/dashboard/widget/{n}", "/tenant", "/tenant/ruoli", "/tenant/utenti", "/tenant/inviti",
        "/tenant/inviti/nuovo", "/tenant/attivita", "/profilo", "/profilo/immagine", "/desk/", "/desk/ticket/{n}",
        "/desk/ticket/{n}/allegati/{n}", "/desk/aziende", "/desk/aziende/{n}", "/desk/aziende/{n}/invita",
        "/desk/portale-classico", "/desk/operatori", "/desk/registro", "/desk/tempi", "/desk/andamento",
        "/desk/andamento/csv/{n}", "/password/nuova", "/portale-classico", "/accesso/azienda", "/accesso/codice"]
POSTS = ["/ticket/cerca", "/ticket/nuovo", "/ticket/anteprima", "/ticket/{n}", "/api/dashboard/layout",
         "/tenant/utenti/{n}/ruolo", "/tenant/inviti", "/tenant/inviti/{n}/reinvia", "/profilo/dati", "/profilo/notifiche",
         "/desk/cerca", "/desk/ticket/{n}", "/desk/aziende", "/desk/aziende/{n}/invita", "/desk/tempi", "/desk/operatori"]
IDS = ["1", "2", "1001", "1002", "0", "-1", "abc", "99999999999999999999", "%2e%2e", "1.5", "1%00", "aperti"]


def test_random_and_malformed_input_never_gets_a_server_error(fresh_portal):
    portal = fresh_portal()
    rng = random.Random(20261130)
    sessions = []
    for address, home in ((None, "/ticket"), (OPERATOR, "/desk/")):
        session, _ = login(portal, **({"email": address} if address else {}))
        sessions.append((session, csrf_token(session.get(portal.url + home).text), home))
    workers = {handler: portal.worker_pids(handler) for handler in HANDLERS}

    def path(template):
        return re.sub(r"\{n\}", lambda _: rng.choice(IDS), template)

    def value():
        if rng.random() < .7:
            return rng.choice(VALUES)
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(1, 40)))

    errors = []
    for _ in range(REQUESTS):
        session, token, _ = rng.choice(sessions)
        fields = {rng.choice(FIELDS): value() for _ in range(rng.randrange(0, 6))}
        if rng.random() < .5:
            target = path(rng.choice(GETS))
            response = session.get(portal.url + target, params=fields, allow_redirects=False, timeout=30)
        else:
            target = path(rng.choice(POSTS))
            if rng.random() < .9:
                fields["csrf"] = token
            kind = rng.random()
            if kind < .4:
                response = session.post(portal.url + target, data=fields, allow_redirects=False, timeout=30)
            elif kind < .7:
                upload = (value()[:50] or "x", rng.randbytes(rng.randrange(0, 3000)),
                          rng.choice(["application/pdf", "image/png", "text/plain", "", "x/y"]))
                response = session.post(portal.url + target, data=fields, files={rng.choice(["allegati", "immagine"]): upload},
                                        allow_redirects=False, timeout=30)
            else:
                boundary = rng.choice(["XyZ", "", "-" * 80, "a b", '"q"'])
                body = rng.choice([
                    f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n--{boundary}\r\n'
                    f'Content-Disposition: form-data; name="testo"\r\n\r\n{value()}',
                    f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n--{boundary}--\r\n',
                    f'--{boundary}\r\nContent-Disposition: form-data; filename="../../x"\r\nContent-Type: a\r\n\r\nabc\r\n--{boundary}--',
                    f"--{boundary}\r\n\r\n\r\n--{boundary}--\r\n", "", "\x00\xff" * 100,
                    f"csrf={token}&" + "&".join("a" for _ in range(3000)), f"csrf={token}&%zz=%G1&=&&&==&testo=%C3%28"])
                content_type = rng.choice([f"multipart/form-data; boundary={boundary}", "multipart/form-data",
                                           "application/x-www-form-urlencoded", "text/plain", ""])
                response = session.post(portal.url + target, data=body.encode("utf-8", "surrogateescape"),
                                        headers={"Content-Type": content_type}, allow_redirects=False, timeout=30)
        if response.status_code >= 500:
            errors.append((response.status_code, response.request.method, response.request.url[:200], str(fields)[:200]))
    assert errors == []
    assert {handler: portal.worker_pids(handler) for handler in HANDLERS} == workers, "a worker died"
    for session, _, home in sessions:
        assert session.get(portal.url + home, allow_redirects=False).status_code == 200


def test_the_largest_page_numbers_are_a_page_past_the_last_not_a_dead_worker(fresh_portal):
    """`?pagina=` near Int.max overflowed the offset of the activity logs and the vendor's
    lists: the worker died, and nginx sent the same GET to the next ones."""
    portal = fresh_portal()
    customer, _ = login(portal)
    manager, _ = login(portal, email=OPERATOR)  # a Responsabile
    workers = {handler: portal.worker_pids(handler) for handler in HANDLERS}
    lists = [(customer, "/tenant/attivita"), (customer, "/ticket"), (manager, "/desk/"), (manager, "/desk/registro"),
             (manager, "/desk/aziende"), (manager, "/desk/portale-classico")]
    for session, path in lists:
        for page in ("9223372036854775807", "4611686018427387904", "-9223372036854775808"):
            answer = session.get(portal.url + path, params={"pagina": page}, allow_redirects=False)
            assert answer.status_code < 500, (path, page, answer.status_code)
    assert {handler: portal.worker_pids(handler) for handler in HANDLERS} == workers, "no worker died"


def test_a_search_with_a_letter_that_joins_the_quote_after_it_finds_nothing_rather_than_failing(fresh_portal):
    """U+0D4E joins a typed `"` into its word: the full-text query failed («unterminated
    string»), and remembered as the search, it failed every list at every visit (500)."""
    portal = fresh_portal()
    customer, _ = login(portal)
    manager, _ = login(portal, email=OPERATOR)
    typed = "fattura \u0d4e\""
    assert customer.get(portal.url + "/ticket", params={"testo": typed}).status_code == 200
    page = customer.get(portal.url + "/ticket").text
    kept = customer.post(portal.url + "/ticket/cerca", data={"csrf": csrf_token(page), "testo": typed})
    assert kept.status_code == 200 and "Elenco richieste di assistenza" in kept.text
    assert customer.get(portal.url + "/ticket").status_code == 200, "the remembered search"
    queue = manager.get(portal.url + "/desk/").text
    searched = manager.post(portal.url + "/desk/cerca", data={"csrf": csrf_token(queue), "cerca": typed})
    assert searched.status_code == 200 and "Coda ticket" in searched.text
    assert manager.get(portal.url + "/desk/").status_code == 200, "the remembered search"
