"""Logs the benchmark's customers (or operators) in through the real forms (password, then the
e-mail code read from the mail folder), a few at a time, and writes one line per session for
wrk and the writers: the session cookie's value, the other fields of the user's line in
USERS_TSV (a customer's ticket numbers and open ones, numbers space-separated; nothing for an
operator), the e-mail address, then the session's CSRF token (for the writers' POSTs), tabs
between. Each session must reach LANDING (default
/ticket, the customers' list; /desk/ for operators) with a 200. Exits non-zero unless every
login ended in such a session.
usage: login_many.py URL PORTAL_VAR USERS_TSV PASSWORD COUNT OUT [LANDING]"""
import email
import email.policy
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "e2e"))
from portal import code_step, password_step  # noqa: E402


class Mailbox:
    """The codes in the mail folder by recipient. Each file is read once: with hundreds of
    logins, reading the whole folder for every code would cost more than the logins."""
    def __init__(self, url, var):
        self.url = url
        self.folder = Path(var) / "mail"
        self.seen = set()
        self.codes = {}
        self.lock = threading.Lock()

    def scan(self):
        for path in self.folder.glob("*.eml"):
            if path in self.seen:
                continue
            # The mailer renames a finished file into place: a *.eml is complete.
            self.seen.add(path)
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if "Codice" in message["Subject"]:
                match = re.search(r"è: (\S+)", message.get_content())
                if match:
                    self.codes[message["To"]] = match.group(1)

    def wait_for_code(self, to):
        deadline = time.time() + 30
        while time.time() < deadline:
            with self.lock:
                if to not in self.codes:
                    self.scan()
                if to in self.codes:
                    return self.codes.pop(to)
            time.sleep(0.1)
        raise RuntimeError(f"no code e-mail to {to} within 30 s")


def log_in(portal, address, password, landing):
    session = requests.Session()
    response = password_step(portal, address, password, session=session)
    if response.status_code == 303 and response.headers.get("Location") == "/accesso/codice":
        response = code_step(portal, session, portal.wait_for_code(address))
    cookie = session.cookies.get("portal_session")
    if cookie is None:
        raise RuntimeError(f"{address}: no session ({response.status_code} {response.headers.get('Location')})")
    # A session that lands anywhere else (e.g. "Scelta Tenant") is useless to wrk.
    check = session.get(portal.url + landing, allow_redirects=False)
    if check.status_code != 200:
        raise RuntimeError(f"{address}: GET {landing} answered {check.status_code} {check.headers.get('Location')}")
    token = re.search(r'name="csrf" value="([^"]+)"', check.text)
    if token is None:
        raise RuntimeError(f"{address}: GET {landing} has no form with a CSRF token")
    return cookie, token.group(1)


def main():
    url, var, users_path, password, count, out = sys.argv[1:7]
    landing = sys.argv[7] if len(sys.argv) > 7 else "/ticket"
    users = [line.rstrip("\n").split("\t") for line in open(users_path)][: int(count)]
    if len(users) < int(count):
        raise SystemExit(f"only {len(users)} users in {users_path}, {count} wanted")
    portal = Mailbox(url, var)
    started = time.time()
    # The mailer sends every half second: eight logins at a time keep it busy without
    # queueing argon2id behind more requests than the 2 cores can hash.
    with ThreadPoolExecutor(8) as pool:
        cookies = list(pool.map(lambda user: log_in(portal, user[0], password, landing), users))
    with open(out, "w") as file:
        for (cookie, token), (address, *fields) in zip(cookies, users):
            file.write("\t".join([cookie, *fields, address, token]) + "\n")
    print(f"{len(cookies)} users logged in (each landing on {landing}), {time.time() - started:.1f} s", file=sys.stderr)


main()
