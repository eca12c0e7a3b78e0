"""A real IMAP server for the tests: Debian's Dovecot with its own configuration in a
temporary folder, TLS only (a self-signed certificate made here), one user, listening on a
free loopback port, run as an unprivileged user (nobody when the tests run as root)."""
import grp
import imaplib
import os
import pwd
import shutil
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

from portal import free_port

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
instance_name = portal-test-{port}
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
auth_mechanisms = plain
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = {uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


class Dovecot:
    USER = "portal-gate"
    PASSWORD = "segreto-imap-di-prova"

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="portal-dovecot-"))
        self.port = free_port()
        self.process = None

    @property
    def ca_file(self):
        return str(self.root / "cert.pem")

    @property
    def url(self):
        return f"imaps://127.0.0.1:{self.port}/INBOX"

    def start(self):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-keyout", str(self.root / "key.pem"), "-out", self.ca_file, "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], check=True, capture_output=True)
        (self.root / "passwd").write_text(f"{self.USER}:{{PLAIN}}{self.PASSWORD}::::::\n")
        for folder in ("run", "state", "home"):
            (self.root / folder).mkdir()
        prefix = []
        if os.getuid() == 0:
            account = pwd.getpwnam("nobody")
            group = grp.getgrgid(account.pw_gid).gr_name
            prefix = ["setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--clear-groups"]
        else:
            account = pwd.getpwuid(os.getuid())
            group = grp.getgrgid(os.getgid()).gr_name
        (self.root / "dovecot.conf").write_text(CONFIG.format(
            root=self.root, port=self.port, user=account.pw_name, group=group, uid=account.pw_uid, gid=account.pw_gid))
        if os.getuid() == 0:
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid)
        self.process = subprocess.Popen(prefix + ["/usr/sbin/dovecot", "-F", "-c", str(self.root / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                self.client().logout()
                return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("dovecot did not start: " + self.log())

    def log(self):
        path = self.root / "dovecot.log"
        return path.read_text() if path.exists() else ""

    def client(self):
        context = ssl.create_default_context(cafile=self.ca_file)
        client = imaplib.IMAP4_SSL("127.0.0.1", self.port, ssl_context=context, timeout=5)
        client.login(self.USER, self.PASSWORD)
        return client

    def append(self, raw):
        client = self.client()
        client.append("INBOX", None, None, raw)
        client.logout()

    def flags(self):
        """Each message's flags, in order."""
        client = self.client()
        client.select("INBOX")
        _, data = client.fetch("1:*", "(FLAGS)")
        client.logout()
        return [item.decode() for item in data if item]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)
