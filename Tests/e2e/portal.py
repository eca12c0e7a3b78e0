"""Starts the real portal (nginx + FastCGI handlers + mailer) on a free loopback port with
a temporary database, exactly as `make run` does, and offers the helpers the tests share."""
import os
import email
import email.policy
import email.utils
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug"))
DEMO_PASSWORD = "Portale-Demo-2026"
ADMIN = "mario.rossi@rossi.example"
TECHNICIAN = "luca.verdi@rossi.example"
OTHER_COMPANY_ADMIN = "anna.bianchi@bianchi.example"
ROSSI_VAT = "02740123456"
BIANCHI_VAT = "01987654322"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Portal:
    def __init__(self, **env):
        self.var = Path(tempfile.mkdtemp(prefix="portal-e2e-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ)
        self.env.update({
            "PORTAL_VAR": str(self.var),
            "PORT": str(self.port),
            "BIN": str(BIN),
            "PORTAL_PUBLIC_URL": self.url,
            "PORTAL_LOGIN_RATE": "50r/s",
            "PORTAL_LOGIN_BURST": "200",
            "PORTAL_VAT_RATE": "50r/s",
            "PORTAL_VAT_BURST": "200",
            "PORTAL_WORKERS": "2",
            # Many tests open tickets as the same demo people within minutes; the limits have
            # their own test (test_limits.py), which sets them low.
            "PORTAL_TICKETS_PER_PERSON_HOUR": "100000",
            "PORTAL_TICKETS_PER_COMPANY_HOUR": "100000",
            "PORTAL_REPLIES_PER_PERSON_HOUR": "100000",
            "PORTAL_DESK_REPLIES_PER_PERSON_HOUR": "100000",
        })
        # A value of None removes a setting, so that the installation's default applies.
        for name, value in env.items():
            if value is None:
                self.env.pop(name, None)
            else:
                self.env[name] = value
        self.process = None
        self.devices = {}
        self.seen_mails = set()

    @property
    def database(self):
        return self.var / "portal.sqlite3"

    def admin(self, *args, check=True):
        result = subprocess.run([str(BIN / "portal-admin"), *args], env=self.env, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise AssertionError(f"portal-admin {' '.join(args)} failed: {result.stderr}")
        return result

    def start(self, demo=True):
        self.admin("migrate")
        if demo:
            self.admin("demo")
        source = os.environ.get("PORTAL_TEST_SITE_SOURCE", str(ROOT / "site"))
        self.admin("site", "build", "--source", source, "--out", str(self.var / "www"))
        self.log = open(self.var / "portal-up.log", "w")
        self.process = subprocess.Popen([str(ROOT / "scripts" / "portal-up.sh")], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/login", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError("portal did not start: " + (self.var / "portal-up.log").read_text())

    def stop(self, ctrl_c=False):
        """SIGTERM to portal-up, or SIGINT to its whole process group as Ctrl-C in a terminal does."""
        if self.process and self.process.poll() is None:
            if ctrl_c:
                os.killpg(self.process.pid, signal.SIGINT)
            else:
                self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                raise AssertionError("portal-up did not stop within 15 s")
        leftovers = processes_using(str(self.var))
        shutil.rmtree(self.var, ignore_errors=True)
        assert not leftovers, f"processes left behind: {leftovers}"

    def db(self):
        # Writes here wait for the writer's lock like a worker's; a loaded CI machine once
        # kept a test waiting past ten seconds behind the portal's own start-up writes.
        connection = sqlite3.connect(self.database, timeout=30)
        connection.row_factory = sqlite3.Row
        return connection

    def mails(self):
        folder = self.var / "mail"
        return sorted(folder.glob("*.eml")) if folder.exists() else []

    def wait_for_mail(self, to, subject_contains, timeout=10, ignore=()):
        """The next e-mail (not returned before, not in `ignore`) to `to` whose subject contains the text."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for path in self.mails():
                if (path, to) in self.seen_mails or path in ignore:
                    continue
                message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                recipients = [address for _, address in email.utils.getaddresses([message["To"]])]
                if to in recipients and subject_contains in message["Subject"]:
                    self.seen_mails.add((path, to))
                    return message
            time.sleep(0.1)
        raise AssertionError(f"no e-mail '{subject_contains}' to {to} within {timeout} s")

    def wait_for_code(self, to, ignore=()):
        body = self.wait_for_mail(to, "Codice", ignore=ignore).get_content()
        return re.search(r"autenticazione a 2 fattori è: (\S+)", body).group(1)

    def invite(self, address, vat=ROSSI_VAT, role="Tecnico"):
        """Invites through portal-admin; returns the provisional password of the welcome e-mail."""
        self.admin("invite", "--vat", vat, "--email", address, "--role", role)
        welcome = self.wait_for_mail(address, "Benvenuto").get_content()
        self.wait_for_mail(address, "Invito a unirti")
        return re.search(r"- Password: (\S+)", welcome).group(1)

    def worker_pids(self, handler):
        """The worker processes of one handler (children of its supervisor)."""
        supervisor = self.supervisor_pid(handler)
        children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
        return [int(pid) for pid in children]

    def supervisor_pid(self, handler):
        for pid in processes_using(str(self.var)):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                environ = Path(f"/proc/{pid}/environ").read_bytes()
            except OSError:
                continue
            if cmdline[0].endswith(handler.encode()) and b"PORTAL_FASTCGI_WORKER=1" not in environ:
                return pid
        raise AssertionError(f"no supervisor for {handler}")


class Sink:
    """An SMTP server's handler (aiosmtpd) that keeps every message it is given."""
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def running_portal():
    """A started portal for a fixture; stopped (and checked for leftovers) afterwards."""
    instance = Portal().start()
    yield instance
    instance.stop()


def processes_using(marker):
    """PIDs whose command line mentions the portal's temporary folder."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker.encode() in (entry / "cmdline").read_bytes():
                pids.append(int(entry.name))
        except OSError:
            pass
    return pids


def set_cookie(response, name):
    """The Set-Cookie header for one cookie name (a response may set several)."""
    headers = [value for value in response.raw.headers.getlist("Set-Cookie") if value.startswith(name + "=")]
    assert len(headers) == 1, (name, headers)
    return headers[0]


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_token(html):
    match = CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(portal, email=ADMIN, password=DEMO_PASSWORD, remember=False, session=None, next_path=None, trust=True):
    """Logs in through the real forms: password, then the e-mail code read from the mail
    folder (ticking "Dispositivo sicuro" when `trust`, so that later logins of the same
    person skip the code). Returns (session, the last response)."""
    session = session or requests.Session()
    if trust and email in portal.devices and "portal_device" not in session.cookies:
        session.cookies.set("portal_device", portal.devices[email], domain="127.0.0.1", path="/")
    earlier = set(portal.mails())
    response = password_step(portal, email, password, remember, session, next_path)
    if response.status_code == 303 and response.headers["Location"] == "/accesso/codice":
        response = code_step(portal, session, portal.wait_for_code(email, ignore=earlier), trust=trust)
        if trust and "portal_device" in response.cookies:
            portal.devices[email] = response.cookies["portal_device"]
    return session, response


def login_into(portal, email, company, password=DEMO_PASSWORD):
    """Logs in and, when the company choice appears (a pending invitation), accepts the
    invitation of `company` if there is one and picks `company`."""
    session, response = login(portal, email=email, password=password)
    if response.headers.get("Location") == "/accesso/azienda":
        page = session.get(portal.url + "/accesso/azienda").text
        invited = re.search(r'action="(/accesso/invito/\d+/accetta)">(?:(?!</form>).)*?' + re.escape(company) + " ti ha invitato",
                            page, re.S)
        if invited:
            session.post(portal.url + invited.group(1), data={"csrf": csrf_token(page)})
            page = session.get(portal.url + "/accesso/azienda").text
        form = page.split(f">{company}</button>")[0].rsplit("<form", 1)[1]
        tenant = re.search(r'name="tenant" value="(\d+)"', form).group(1)
        session.post(portal.url + "/accesso/azienda", data={"csrf": csrf_token(page), "tenant": tenant})
    assert session.get(portal.url + "/dashboard", allow_redirects=False).status_code == 200
    return session


def password_step(portal, email, password=DEMO_PASSWORD, remember=False, session=None, next_path=None):
    session = session if session is not None else requests.Session()
    page = session.get(portal.url + "/login" + (f"?next={next_path}" if next_path else ""))
    data = {"csrf": csrf_token(page.text), "email": email, "password": password}
    if remember:
        data["remember"] = "1"
    if next_path:
        data["next"] = next_path
    return session.post(portal.url + "/login", data=data, allow_redirects=False)


def code_step(portal, session, code, trust=False):
    page = session.get(portal.url + "/accesso/codice")
    data = {"csrf": csrf_token(page.text), "code": code}
    if trust:
        data["trusted"] = "1"
    return session.post(portal.url + "/accesso/codice", data=data, allow_redirects=False)
