"""Logs a demo user in through the real forms (password, then the e-mail code read from the
mail folder) and prints the session cookie, for wrk to replay."""
import sys
import time

import requests
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "e2e"))
from portal import code_step, password_step  # noqa: E402


class Running:
    """The parts of the test harness's Portal that the login helpers use."""
    def __init__(self, url, var):
        self.url = url
        self.var = Path(var)

    def mails(self):
        return set((self.var / "mail").glob("*.eml"))

    def wait_for_code(self, to, before):
        """The code of a mail that was not there `before` the login: an earlier login's code
        is spent, and sending it used up the user's allowance of codes."""
        import email, email.policy, re
        deadline = time.time() + 10
        while time.time() < deadline:
            mails = self.mails() - before
            for path in sorted(mails, key=lambda p: p.stat().st_mtime, reverse=True):
                message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                if message["To"] == to and "Codice" in message["Subject"]:
                    return re.search(r"è: (\S+)", message.get_content()).group(1)
            time.sleep(0.1)
        raise SystemExit("no code e-mail")


url, var, address, password = sys.argv[1:5]
portal = Running(url, var)
session = requests.Session()
before = portal.mails()
response = password_step(portal, address, password, session=session)
if response.headers.get("Location") == "/accesso/codice":
    response = code_step(portal, session, portal.wait_for_code(address, before))
print(session.cookies["portal_session"])
