"""Starts the real portal (nginx + FastCGI handlers + mailer) on a free loopback port with
a temporary database, exactly as `make run` does, and offers the helpers the tests share."""
import os
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
            "PORTAL_WORKERS": "2",
        })
        self.env.update(env)
        self.process = None

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
        self.admin("site", "build", "--source", str(ROOT / "site"), "--out", str(self.var / "www"))
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

    def stop(self):
        if self.process and self.process.poll() is None:
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
        connection = sqlite3.connect(self.database, timeout=10)
        connection.row_factory = sqlite3.Row
        return connection

    def mails(self):
        folder = self.var / "mail"
        return sorted(folder.glob("*.eml")) if folder.exists() else []

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


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_token(html):
    match = CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(portal, email=ADMIN, password=DEMO_PASSWORD, remember=False, session=None, next_path=None):
    """Logs in through the real form; returns (session, final response)."""
    session = session or requests.Session()
    page = session.get(portal.url + "/login" + (f"?next={next_path}" if next_path else ""))
    data = {"csrf": csrf_token(page.text), "email": email, "password": password}
    if remember:
        data["remember"] = "1"
    if next_path:
        data["next"] = next_path
    response = session.post(portal.url + "/login", data=data, allow_redirects=False)
    return session, response
