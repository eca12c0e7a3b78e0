"""A save that fails for the server's reasons (a full disk, a database locked past its wait):
the forms with long texts come back as typed with why, and the same press goes through once
the fault is gone. The fault is a trigger that refuses the write, as a full disk would."""
import html
import os
import re
import signal
import subprocess
import time
from contextlib import contextmanager

import pytest

from portal import csrf_token, login
from test_desk import OPERATOR, desk_post, operator_session
from tickets import created_number, kept_references, new_ticket, reply

SAVE_FAILED = "Non è stato possibile salvare per un problema del server"


@contextmanager
def failing_writes(portal, table, event="INSERT"):
    with portal.db() as db:
        db.execute(f"CREATE TRIGGER fault_{table} BEFORE {event} ON {table} BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    try:
        yield
    finally:
        with portal.db() as db:
            db.execute(f"DROP TRIGGER fault_{table}")


def form_fields(page):
    """The hidden fields of the page's form as sent again (the submission key among them)."""
    return {name: html.unescape(value) for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)}


def test_a_new_ticket_that_cannot_be_saved_comes_back_as_typed_and_is_sent_again(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal)
    description = "Il registro IVA di marzo non si stampa.\n\nSecondo paragrafo, da non perdere."
    with failing_writes(portal, "tickets"):
        failed = new_ticket(portal, session, title="Registro IVA bloccato", description=description,
                            files={"files": ("registro.txt", b"riga 1\n", "text/plain")})
    assert failed.status_code == 503, failed.status_code
    assert SAVE_FAILED in failed.text and 'role="alert"' in failed.text
    assert "Gli allegati vanno scelti di nuovo" not in failed.text
    assert 'value="Registro IVA bloccato"' in failed.text
    assert "Secondo paragrafo, da non perdere." in html.unescape(failed.text)
    kept = kept_references(failed.text)
    assert len(kept) == 1, "the file already received stays with the form"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets WHERE title = 'Registro IVA bloccato'").fetchone()[0] == 0
    # Sent again from the page that came back (its key, its kept file): created once, with the file.
    fields = form_fields(failed.text)
    assert fields.get("csrf") and fields.get("submission"), fields
    data = dict(fields, email="mario.rossi@rossi.example", contact="web", type="assistance", area="administrative",
                priority="normal", title="Registro IVA bloccato", description=description, action="send",
                description_format="markdown", kept=kept[0])
    sent = session.post(portal.url + "/ticket/nuovo", data=data, files={"files": ("", b"", "application/octet-stream")},
                        allow_redirects=False)
    number = created_number(sent)
    with portal.db() as db:
        ticket = db.execute("SELECT id FROM tickets WHERE number = ?", (number,)).fetchone()
        assert db.execute("SELECT count(*) FROM attachments WHERE ticket_id = ?", (ticket["id"],)).fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM tickets WHERE title = 'Registro IVA bloccato'").fetchone()[0] == 1


def test_a_reply_and_a_desk_reply_that_cannot_be_saved_come_back_as_typed(fresh_portal):
    portal = fresh_portal()
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer))
    with failing_writes(portal, "messages"):
        failed = reply(portal, customer, number, "Ecco i dettagli che mi avete chiesto, riga per riga.")
        operator, _ = operator_session(portal, OPERATOR)
        desk_failed = desk_post(portal, operator, number, "reply", reply="Gentile cliente, ecco la soluzione completa.",
                                files={"files": ("log.txt", b"x\n", "text/plain")})
    assert failed.status_code == 503 and SAVE_FAILED in failed.text
    assert "Ecco i dettagli che mi avete chiesto, riga per riga." in failed.text
    assert desk_failed.status_code == 503 and SAVE_FAILED in desk_failed.text
    assert "Gentile cliente, ecco la soluzione completa." in desk_failed.text
    assert "Gli allegati vanno scelti di nuovo" in desk_failed.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ?",
                          (number,)).fetchone()[0] == 1, "only the ticket's own description"
    # The fault gone, the same reply goes through.
    assert reply(portal, customer, number, "Ecco i dettagli che mi avete chiesto, riga per riga.").status_code == 303


def test_another_form_meeting_a_fault_says_to_go_back_and_check(fresh_portal):
    portal = fresh_portal()
    session, _ = login(portal)
    shown = session.get(portal.url + "/profilo").text
    with failing_writes(portal, "users", event="UPDATE"):
        failed = session.post(portal.url + "/profilo/dati", allow_redirects=False,
                              data={"csrf": csrf_token(shown), "first_name": "Luca", "last_name": "Verdi"})
    assert failed.status_code == 500, failed.status_code
    assert "Indietro" in failed.text, re.findall(r"<main.*</main>", failed.text, re.S)
    assert "Indietro" in failed.text and "potrebbe non essere stato salvato" in failed.text


def test_a_form_that_finds_the_database_locked_past_its_wait_is_told_so_not_an_unexpected_error(fresh_portal):
    """A stalled save elsewhere holding the single writer past the 5 s wait: the profile, role
    and invitation forms answered 500 "errore imprevisto… potrebbe non essere stato salvato"."""
    import sqlite3
    portal = fresh_portal()
    session, _ = login(portal)
    page = session.get(portal.url + "/profilo").text
    holder = sqlite3.connect(str(portal.database), isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    try:
        answer = session.post(portal.url + "/profilo/dati", data={"csrf": csrf_token(page), "first_name": "Mario",
                                                                 "last_name": "Bloccato"}, allow_redirects=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert answer.status_code == 503 and answer.headers.get("Retry-After") == "5"
    assert "momentaneamente occupato e non ha potuto salvare" in html.unescape(answer.text)
    assert "imprevisto" not in answer.text
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM users WHERE last_name = 'Bloccato'").fetchone()[0] == 0


def test_workers_that_opened_the_database_read_only_start_again_once_it_is_writable(fresh_portal):
    """SQLite opens a file it may not write read-only without a word, and such a connection
    stays so: workers started while the file was read-only (a restore, a wrong chmod, here a
    read-only bind mount over it, which root cannot write through) refused every reply for
    good after the file was mended. The first refusal now starts the worker again."""
    portal = fresh_portal()
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer))
    database = str(portal.database)
    if subprocess.run(["mount", "--bind", database, database], capture_output=True).returncode != 0:
        pytest.skip("no bind mount here (not root, or no mount capability)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", database], check=True, capture_output=True)
        # Workers started now open it read-only.
        before = set(portal.worker_pids("portal-tickets"))
        for pid in before:
            os.kill(pid, signal.SIGTERM)
        deadline = time.time() + 15
        while time.time() < deadline:
            now = set(portal.worker_pids("portal-tickets"))
            if len(now) == len(before) and not now & before:
                break
            time.sleep(0.1)
        assert reply(portal, customer, number, "Scritta a file in sola lettura.").status_code == 503
    finally:
        # Lazily: the workers hold the file open through the mount, as they would a read-only file.
        subprocess.run(["umount", "-l", database], check=True, capture_output=True)
    # Mended: within a few tries the replies go through, every worker in turn started again.
    answers = []
    deadline = time.time() + 20
    while time.time() < deadline:
        answers.append(reply(portal, customer, number, f"Dopo il ripristino {len(answers)}.").status_code)
        if answers[-4:] == [303] * 4:
            break
        time.sleep(0.2)
    assert answers[-4:] == [303] * 4, answers
