"""The disk: a refused form's files are swept, a company's files stay within its quota,
and the temporary file of a write that never finished is removed."""
import html
import os
import re
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from portal import BIN, csrf_token, login
from tickets import FIELDS, created_number, kept_references, new_ticket

MB = 1024 * 1024


def stored_files(portal):
    folder = portal.var / "attachments"
    return sorted(path.name for path in folder.iterdir() if path.is_file()) if folder.exists() else []


def attached(portal):
    with portal.db() as db:
        return {row[0] for row in db.execute("SELECT sha256 FROM attachments")}


def sweep(portal):
    """What portal-mailer does when it starts and every minute."""
    result = subprocess.run([str(BIN / "portal-mailer"), "--once"], env=portal.env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_refused_forms_leave_no_file_after_the_sweep(fresh_portal):
    portal = fresh_portal(PORTAL_UPLOAD_GRACE_MINUTES="0")
    session, _ = login(portal)
    before = set(stored_files(portal))
    # The audit's case: refused POSTs with ten large files each.
    for round_ in range(3):
        files = [("files", (f"registro-{round_}-{i}.txt", f"riga {round_}.{i}\n".encode() * (MB // 20), "text/plain"))
                 for i in range(10)]
        refused = new_ticket(portal, session, title="", files=files)
        assert refused.status_code == 422 and "Il titolo è obbligatorio" in refused.text
    written = set(stored_files(portal)) - before
    assert len(written) == 30, "a refused form's files stay chosen for a while"
    time.sleep(1.1)
    log = sweep(portal)
    assert "event=uploads_swept" in log
    assert set(stored_files(portal)) == before, "no file of a refused form is left"
    assert attached(portal) <= set(stored_files(portal)), "every attachment still has its file"


def test_a_kept_file_stays_while_the_form_is_corrected_and_is_attached_when_accepted(fresh_portal):
    portal = fresh_portal(PORTAL_UPLOAD_GRACE_MINUTES="0")
    session, _ = login(portal)
    refused = new_ticket(portal, session, title="", files={"files": ("schermata.png", b"\x89PNG kept", "image/png")})
    kept = kept_references(refused.text)
    number = created_number(new_ticket(portal, session, kept=kept[0]))
    time.sleep(1.1)
    sweep(portal)
    assert "schermata.png" in session.get(portal.url + f"/ticket/{number}").text
    assert attached(portal) <= set(stored_files(portal)), "the accepted form's file is kept for good"
    # A kept reference sent back after its file was swept: the person is told to choose it again.
    refused = new_ticket(portal, session, title="", files={"files": ("foto.png", b"\x89PNG gone", "image/png")})
    time.sleep(1.1)
    sweep(portal)
    again = new_ticket(portal, session, kept=kept_references(refused.text)[0])
    assert again.status_code == 422
    assert "Il file «foto.png» scelto prima non è più disponibile: sceglilo di nuovo." in again.text


def test_a_company_over_its_quota_is_refused_in_italian_and_nothing_is_written(fresh_portal):
    portal = fresh_portal(PORTAL_COMPANY_QUOTA_MB="2")
    session, _ = login(portal)
    with portal.db() as db:
        used = db.execute("""SELECT coalesce(sum(a.size), 0) FROM attachments a JOIN tickets t ON t.id = a.ticket_id
                             JOIN tenants te ON te.id = t.tenant_id WHERE te.vat = '02740123456'""").fetchone()[0]
    assert used < MB
    number = created_number(new_ticket(portal, session, files={"files": ("primo.bin", b"a" * MB, "application/octet-stream")}))
    before = stored_files(portal)
    with portal.db() as db:
        tickets = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    over = new_ticket(portal, session, files=[("files", ("secondo.bin", b"b" * MB, "application/octet-stream")),
                                              ("files", ("terzo.bin", b"c" * 10, "application/octet-stream"))])
    assert over.status_code == 422
    # Not "esaurito": about a megabyte is left, and the message says how much.
    said = html.unescape(over.text)
    assert "I file scelti (1,1 MB) non entrano nello spazio per gli allegati della tua azienda" in said, said[-3000:]
    assert re.search(r"ne restano \d,\d MB su 2 MB\. I file non sono stati salvati", said) and "esaurito" not in said, re.findall(r"ne restano[^<]*", said)
    assert "Nota di accredito non emessa" in over.text, "what was typed is kept"
    assert stored_files(portal) == before, "a refused file is never written"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == tickets
    # The reply form of the same company says the same; the form is otherwise fine.
    page = session.post(portal.url + f"/ticket/{number}", data={
        "csrf": csrf_token(session.get(portal.url + f"/ticket/{number}").text),
        "message": "Ecco il file", "action": "reply"},
        files={"files": ("quarto.bin", b"d" * (MB + 1), "application/octet-stream")}, allow_redirects=False)
    assert page.status_code == 422 and "non entrano nello spazio per gli allegati della tua azienda" in html.unescape(page.text)
    # Another company is not affected.
    other, _ = login(portal, email="anna.bianchi@bianchi.example")
    created_number(new_ticket(portal, other, email="anna.bianchi@bianchi.example",
                              files={"files": ("altro.bin", b"e" * MB, "application/octet-stream")}))


def test_forms_sent_at_once_cannot_take_a_company_past_its_quota(fresh_portal):
    """Six new tickets of 2 MB each sent at the same moment against a 5 MB quota: each passed
    the check against the usage read before any was saved, and together took 12 MB. The usage
    is checked again under the write lock: two are saved, the rest refused in Italian."""
    portal = fresh_portal(PORTAL_COMPANY_QUOTA_MB="5")
    session, _ = login(portal)
    pages = [session.get(portal.url + "/ticket/nuovo").text for _ in range(6)]
    barrier = threading.Barrier(len(pages))

    def send(index):
        data = dict(FIELDS, csrf=csrf_token(pages[index]), action="send", title=f"Quota {index}")
        barrier.wait()
        return session.post(portal.url + "/ticket/nuovo", data=data, allow_redirects=False,
                            files={"files": (f"grande{index}.bin", bytes([65 + index]) * (2 * MB), "application/octet-stream")})

    with ThreadPoolExecutor(len(pages)) as pool:
        answers = list(pool.map(send, range(len(pages))))
    saved = [answer for answer in answers if answer.status_code == 303]
    refused = [answer for answer in answers if answer.status_code == 422]
    assert len(saved) + len(refused) == len(answers), [answer.status_code for answer in answers]
    assert all("non entrano nello spazio per gli allegati della tua azienda" in html.unescape(answer.text) for answer in refused)
    with portal.db() as db:
        used = db.execute("""SELECT coalesce(sum(a.size), 0) FROM attachments a JOIN tickets t ON t.id = a.ticket_id
                             JOIN tenants te ON te.id = t.tenant_id WHERE te.vat = '02740123456'""").fetchone()[0]
    assert used <= 5 * MB and len(saved) == 2, (used, len(saved))


def test_a_temporary_file_left_by_a_killed_upload_is_removed(fresh_portal):
    portal = fresh_portal()
    folder = portal.var / "attachments"
    folder.mkdir(exist_ok=True)
    leftover = folder / ("0" * 64 + ".tmp.12345")
    leftover.write_bytes(b"half a file")
    fresh = folder / ("1" * 64 + ".tmp.12346")
    fresh.write_bytes(b"being written")
    old = time.time() - 120
    os.utime(leftover, (old, old))
    sweep(portal)
    assert not leftover.exists()
    assert fresh.exists(), "a write in progress is left alone"


def test_a_script_saved_as_text_is_refused_by_its_name_and_the_rest_of_the_form_stays(portal):
    session, _ = login(portal)
    files = [("files", ("note.txt", b"Versione 2026.1\n", "text/plain")),
             ("files", ("fattura.js", b"new ActiveXObject('WScript.Shell').Run('calc')\n", "text/javascript"))]
    refused = new_ticket(portal, session, title="Allegati da controllare", files=files)
    assert refused.status_code == 422
    assert "Il file «fattura.js» è di un tipo non ammesso (un file .js si avvia come programma con un doppio clic)" in refused.text
    assert 'value="Allegati da controllare"' in refused.text and "note.txt" in refused.text
    # The file's field takes the focus, as any refused field (the focus stayed on the page).
    assert re.search(r'<input type="file" id="files"[^>]* autofocus', refused.text)
    assert refused.text.count("autofocus=\"autofocus\"") == 1


def test_a_kept_reference_brings_its_file_to_the_person_who_chose_it_only(fresh_portal):
    """A refused form's page carries its files as signed references: one learnt by someone
    else (another company's user, or a colleague) attaches nothing to their ticket, so it
    cannot be used to download a file they never had."""
    # A portal of its own: three people's logins, whose codes the shared one may have spent.
    portal = fresh_portal()
    mario, _ = login(portal)
    refused = new_ticket(portal, mario, title="", files={"files": ("segreto-rossi.png", b"\x89PNG segreto", "image/png")})
    kept = kept_references(refused.text)[0]
    for email in ("anna.bianchi@bianchi.example", "luca.verdi@rossi.example"):
        other, _ = login(portal, email=email)
        number = created_number(new_ticket(portal, other, title="Un altro ticket", kept=kept))
        assert "segreto-rossi.png" not in other.get(portal.url + f"/ticket/{number}").text, email
        with portal.db() as db:
            assert db.execute("SELECT count(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id"
                              " WHERE t.number = ?", (number,)).fetchone()[0] == 0, email
    # The person who chose it still gets it back.
    number = created_number(new_ticket(portal, mario, kept=kept))
    assert "segreto-rossi.png" in mario.get(portal.url + f"/ticket/{number}").text


def test_a_utf16_log_is_attached_as_text_through_the_form(portal):
    """PowerShell's `>` writes UTF-16 behind its byte-order mark: refused as binary data before."""
    mario, _ = login(portal)
    log = "\ufeff2026-12-02 10:00:01 Errore: impossibile emettere il DDT\r\n".encode("utf-16-le")
    number = created_number(new_ticket(portal, mario, title="Registro di PowerShell",
                                       files={"files": ("powershell.log", log, "text/plain")}))
    assert "powershell.log" in mario.get(portal.url + f"/ticket/{number}").text


def test_the_same_file_chosen_twice_is_attached_once(portal):
    """After a refusal the picker comes back empty beside «File già scelti»: choosing the
    same file again stored it twice on one message (same name, same SHA-256)."""
    session, _ = login(portal)
    same = ("files", ("rapporto.txt", b"stesso contenuto\n", "text/plain"))
    other = ("files", ("rapporto.txt", b"altro contenuto\n", "text/plain"))
    number = created_number(new_ticket(portal, session, files=[same, same, other]))
    with portal.db() as db:
        names = db.execute("SELECT a.file_name, a.sha256 FROM attachments a JOIN tickets t ON t.id = a.ticket_id "
                           "WHERE t.number = ? ORDER BY a.id", (number,)).fetchall()
    assert len(names) == 2 and len({sha for _, sha in names}) == 2, names
