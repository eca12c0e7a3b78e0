"""Helpers for the answer-by-e-mail tests: a portal with reply addresses, replies written as
mail programs write them, and delivery through portal-mailgate as Postfix's pipe does it."""
import email.utils
import subprocess
import uuid

from portal import BIN

REPLY_KEY = "chiave-delle-risposte-di-prova-e2e"
SUPPORT = "assistenza@fornitore.example"
MAIL_ENV = {"PORTAL_MAIL_REPLY_KEY": REPLY_KEY, "PORTAL_MAIL_FROM": f"Assistenza <{SUPPORT}>",
            "PORTAL_SUPPORT_EMAIL": SUPPORT}


def reply_mail(notification, sender, text, quote=True, headers=None, message_id=None):
    """A reply to `notification` (an email.message.EmailMessage) as Gmail writes it: To its
    Reply-To, In-Reply-To and References its Message-ID, the new text above the quoted one."""
    lines = [
        f"From: {sender}",
        f"To: {notification['Reply-To']}",
        f"Subject: Re: {notification['Subject']}",
        f"Date: {email.utils.formatdate()}",
        f"Message-ID: {message_id or '<' + uuid.uuid4().hex + '@mail.example>'}",
        f"In-Reply-To: {notification['Message-ID']}",
        f"References: {notification['References']} {notification['Message-ID']}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    # A list of pairs for a header given twice (a second From, two Authentication-Results).
    pairs = headers.items() if isinstance(headers, dict) else (headers or [])
    lines += [f"{name}: {value}" for name, value in pairs]
    body = text
    if quote:
        quoted = "\n".join("> " + line for line in notification.get_content().splitlines())
        body += f"\n\nIl giorno lun 30 nov 2026 alle ore 10:15 Assistenza <{SUPPORT}> ha scritto:\n\n{quoted}\n"
    return ("\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def deliver(portal, raw, recipient=None, **env):
    """Pipes one message to portal-mailgate as Postfix's pipe(8) does; returns the process."""
    arguments = [str(BIN / "portal-mailgate")] + (["--recipient", recipient] if recipient else [])
    return subprocess.run(arguments, input=raw, env={**portal.env, **env}, capture_output=True, timeout=30)
