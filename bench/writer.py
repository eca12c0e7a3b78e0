"""The writes that run beside the many-user mix: customer replies and new tickets at fixed
rates, each by a random logged-in customer (so in a random company) through the real forms:
the page first, for its CSRF token, then the multipart POST a browser sends. Stops after
DURATION and prints one summary line per kind; exits non-zero if no write succeeded, since
the row it accompanies would then be measured without writes.
usage: writer.py URL SESSIONS DURATION [--replies N] [--creations N]   (per second; DURATION as wrk's: 10s, 1m)"""
import argparse
import random
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
NO_FILE = {"files": ("", b"", "application/octet-stream")}


def seconds(text):
    units = {"s": 1, "m": 60, "h": 3600}
    return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)


class Writer:
    def __init__(self, url, sessions):
        self.url = url
        self.sessions = sessions
        self.local = threading.local()
        self.lock = threading.Lock()
        self.results = {"replies": [], "creations": []}
        self.failures = {"replies": [], "creations": []}

    def http(self):
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
        return self.local.session

    def form(self, path, cookie, data):
        """GETs the page, POSTs the form with its token; returns (response, seconds of the POST)."""
        headers = {"Cookie": "portal_session=" + cookie}
        page = self.http().get(self.url + path, headers=headers, allow_redirects=False)
        token = CSRF.search(page.text) if page.status_code == 200 else None
        if token is None:
            raise RuntimeError(f"GET {path}: {page.status_code} without a form")
        started = time.monotonic()
        response = self.http().post(self.url + path, headers=headers, data=dict(data, csrf=token.group(1)),
                                    files=NO_FILE, allow_redirects=False)
        return response, time.monotonic() - started

    def reply(self):
        cookie, _, open_numbers, _ = random.choice(self.sessions)
        number = random.choice(open_numbers)
        response, elapsed = self.form(f"/ticket/{number}", cookie, {
            "message": "Aggiornamento: il problema si ripresenta anche oggi dopo il riavvio.", "action": "reply"})
        return response.headers.get("Location") == f"/ticket/{number}?avviso=risposta", response, elapsed

    def create(self):
        cookie, _, _, address = random.choice(self.sessions)
        response, elapsed = self.form("/ticket/nuovo", cookie, {
            "email": address, "phone": "", "contact": "web", "type": "assistance", "area": "management",
            "priority": "normal", "title": "Stampa fatture bloccata", "technical_details": "", "action": "send",
            "description": "Buongiorno,\nla stampa delle fatture si blocca al secondo documento.\n\nGrazie"})
        location = response.headers.get("Location") or ""
        return bool(re.fullmatch(r"/ticket/\d+\?avviso=creato", location)), response, elapsed

    def attempt(self, kind, action):
        try:
            ok, response, elapsed = action()
            outcome = None if ok else f"{response.status_code} {response.headers.get('Location')}"
        except Exception as error:  # noqa: BLE001 - a failed write is counted, not fatal
            ok, elapsed, outcome = False, 0.0, str(error)
        with self.lock:
            (self.results[kind] if ok else self.failures[kind]).append(elapsed if ok else outcome)

    def run(self, kind, action, rate, until, pool):
        """Starts one write every 1/rate seconds on the pool: a slow answer does not delay
        the next write, as it would not in a browser elsewhere."""
        interval, due = 1 / rate, time.monotonic()
        while due < until:
            time.sleep(max(0.0, due - time.monotonic()))
            pool.submit(self.attempt, kind, action)
            due += interval

    def summary(self, kind, rate, duration):
        times = sorted(self.results[kind])
        failed = self.failures[kind]
        if not times and not failed:
            return None
        def quantile(q):
            return f"{1000 * times[min(len(times) - 1, int(q * len(times)))]:.0f} ms" if times else "-"
        line = (f"{kind}: {len(times)} in {duration:.0f} s ({rate:g}/s asked), POST p50 {quantile(0.5)}, "
                f"p99 {quantile(0.99)}, failed {len(failed)}")
        if failed:
            line += f" (first: {failed[0]})"
        return line


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("sessions")
    parser.add_argument("duration")
    parser.add_argument("--replies", type=float, default=0)
    parser.add_argument("--creations", type=float, default=0)
    arguments = parser.parse_args()
    sessions = []
    for line in open(arguments.sessions):
        cookie, numbers, open_numbers, address, _token = line.rstrip("\n").split("\t")
        if open_numbers:
            sessions.append((cookie, numbers.split(), open_numbers.split(), address))
    duration = seconds(arguments.duration)
    until = time.monotonic() + duration
    writer = Writer(arguments.url, sessions)
    kinds = [(kind, action, rate) for kind, action, rate in
             [("replies", writer.reply, arguments.replies), ("creations", writer.create, arguments.creations)] if rate > 0]
    with ThreadPoolExecutor(8) as pool:
        schedulers = [threading.Thread(target=writer.run, args=(kind, action, rate, until, pool)) for kind, action, rate in kinds]
        for scheduler in schedulers:
            scheduler.start()
        for scheduler in schedulers:
            scheduler.join()
    lines = [writer.summary(kind, rate, duration) for kind, _, rate in kinds]
    for line in filter(None, lines):
        print(line)
    if kinds and not any(writer.results[kind] for kind, _, _ in kinds):
        sys.exit(1)


main()
