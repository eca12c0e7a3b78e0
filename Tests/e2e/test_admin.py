"""portal-admin, the outbox and the mailer, against a real database."""
import email
import email.policy
import os
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from portal import BIN, Portal


@pytest.fixture
def admin_portal():
    """A migrated database without running services: portal-admin is a command-line tool."""
    instance = Portal()
    instance.admin("migrate")
    yield instance
    instance.stop()


@pytest.mark.parametrize("args", [
    [], ["nonsense"], ["tenant", "add", "--name", "X"], ["tenant", "add", "--name", "X", "--vat", "02019510408"],
    ["invite", "--vat", "02019510409", "--email", "a@b.it", "--role", "Capo"],
    ["invite", "--vat", "02019510409", "--email", "not-an-address", "--role", "Tecnico"],
    ["operator", "add", "--email", "op@x.it"], ["backup"], ["tenant", "add", "--name", "X", "--vat", "1", "--vat", "2"],
])
def test_usage_errors_exit_64_with_a_message(admin_portal, args):
    result = admin_portal.admin(*args, check=False)
    assert result.returncode == 64
    assert "uso: portal-admin" in result.stderr or "uso: portal-admin" in result.stdout


@pytest.mark.parametrize("program", ["portal-auth", "portal-desk", "portal-mailer", "portal-mailgate"])
def test_the_other_programs_answer_help_in_italian_and_refuse_what_they_do_not_know(admin_portal, tmp_path, program):
    """`portal-mailer --help` started a second live mailer on the portal's database; the
    handlers' usage was English."""
    # An empty folder as the portal's: anything opened or created there shows.
    empty = tmp_path / "var"
    empty.mkdir()
    environment = dict(os.environ, PORTAL_VAR=str(empty))
    environment.pop("PORTAL_DB", None)
    helped = subprocess.run([str(BIN / program), "--help"], capture_output=True, text=True, timeout=10,
                            env=environment, cwd=tmp_path)
    assert helped.returncode == 0 and helped.stdout.startswith(f"uso: {program}"), helped
    refused = subprocess.run([str(BIN / program), "--bogus"], capture_output=True, text=True, timeout=10,
                             env=environment, cwd=tmp_path)
    assert refused.returncode == 64 and f"{program}: argomento sconosciuto '--bogus'" in refused.stderr, refused
    assert not list(empty.iterdir()) and [path.name for path in tmp_path.iterdir()] == ["var"], "nothing opened or created"


def test_migrate_is_idempotent(admin_portal):
    assert "è aggiornato" in admin_portal.admin("migrate").stdout


def test_tenant_invite_and_mail_delivery(admin_portal):
    admin_portal.admin("tenant", "add", "--name", "NTS PROVA SRL", "--vat", "IT02019510409")
    duplicate = admin_portal.admin("tenant", "add", "--name", "Altro", "--vat", "02019510409", check=False)
    assert duplicate.returncode == 1 and "Esiste già un'azienda" in duplicate.stderr
    first = admin_portal.admin("invite", "--vat", "02019510409", "--email", "Nuovo.Utente@Example.com", "--role", "Tecnico")
    assert "nuovo account" in first.stdout
    again = admin_portal.admin("invite", "--vat", "02019510409", "--email", "nuovo.utente@example.com", "--role", "Amministratore")
    assert "nuovo account" not in again.stdout
    with admin_portal.db() as db:
        assert db.execute("SELECT count(*) FROM invitations").fetchone()[0] == 1
        assert db.execute("SELECT role FROM invitations").fetchone()[0] == "admin"
        user = db.execute("SELECT password_is_provisional, password_hash FROM users").fetchone()
        assert user[0] == 1 and user[1].startswith("$argon2id$")
    listing = admin_portal.admin("mail", "list").stdout
    # welcome + invitation; inviting again an account that never logged in sends fresh credentials
    assert listing.count("[in coda") == 4

    subprocess.run([str(BIN / "portal-mailer"), "--once"], env=admin_portal.env, check=True, capture_output=True)
    messages = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in admin_portal.mails()]
    subjects = sorted(message["Subject"] for message in messages)
    assert subjects == ["Benvenuto su Customer Portal", "Benvenuto su Customer Portal", "Invito a unirti a NTS PROVA SRL",
                        "Invito a unirti a NTS PROVA SRL"]
    welcome = next(m for m in messages if m["Subject"].startswith("Benvenuto"))
    body = welcome.get_content()
    assert "nuovo.utente@example.com" in body and admin_portal.url + "/login" in body
    assert admin_portal.admin("mail", "list").stdout.count("[inviata ") == 4


def test_utf8_subjects_are_encoded(admin_portal):
    admin_portal.admin("tenant", "add", "--name", "Società Però SRL", "--vat", "02019510409")
    admin_portal.admin("invite", "--vat", "02019510409", "--email", "x@example.com", "--role", "Tecnico")
    subprocess.run([str(BIN / "portal-mailer"), "--once"], env=admin_portal.env, check=True, capture_output=True)
    raw = [path.read_bytes() for path in admin_portal.mails()]
    invitation = next(r for r in raw if b"=?UTF-8?B?" in r)
    parsed = email.message_from_bytes(invitation, policy=email.policy.default)
    assert parsed["Subject"] == "Invito a unirti a Società Però SRL"
    assert "Società Però SRL" in parsed.get_content()
    assert all(line.endswith(b"\r") or line == b"" for line in invitation.split(b"\n")[:-1])


def test_backup_is_consistent_under_write_load(admin_portal, tmp_path):
    admin_portal.admin("demo")
    stop = threading.Event()
    written = []

    def writer():
        connection = sqlite3.connect(admin_portal.database, timeout=10)
        while not stop.is_set():
            with connection:
                connection.execute("INSERT INTO audit_events (at, event) VALUES (?, 'load')", (int(time.time()),))
            written.append(1)
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.3)
    result = admin_portal.admin("backup", "--to", str(tmp_path / "copy.sqlite3"))
    stop.set()
    thread.join()
    assert "integrità verificata" in result.stdout
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM tickets").fetchone()[0] == 44
    assert len(written) > 50


def mailer_once(portal):
    subprocess.run([str(BIN / "portal-mailer"), "--once"], env=portal.env, check=True, capture_output=True)
    return len(portal.mails())


def test_a_restored_backup_does_not_send_its_queued_mail_again_without_the_flag(admin_portal, tmp_path):
    admin_portal.admin("tenant", "add", "--name", "NTS PROVA SRL", "--vat", "02019510409")
    admin_portal.admin("invite", "--vat", "02019510409", "--email", "nuovo@example.com", "--role", "Tecnico")
    backup = str(tmp_path / "backup.sqlite3")
    admin_portal.admin("backup", "--to", backup)
    assert mailer_once(admin_portal) == 2, "welcome and invitation went out after the backup was taken"

    restored = admin_portal.admin("restore", "--from", backup)
    assert "2 e-mail in coda scartate senza invio" in restored.stdout
    assert mailer_once(admin_portal) == 2, "nothing is sent twice"
    listing = admin_portal.admin("mail", "list").stdout
    assert listing.count("scartata da un ripristino") == 2
    with admin_portal.db() as db:
        assert db.execute("SELECT count(*) FROM invitations").fetchone()[0] == 1, "the backup's data is back"
        welcome = db.execute("SELECT body FROM outbox WHERE subject LIKE 'Benvenuto%'").fetchone()[0]
        assert welcome == "", "the provisional password of a dropped welcome is not kept either"

    resent = admin_portal.admin("restore", "--from", backup, "--resend-mail")
    assert "2 e-mail in coda verranno inviate" in resent.stdout
    assert mailer_once(admin_portal) == 4


def test_restore_refuses_a_missing_file_and_changes_nothing(admin_portal, tmp_path):
    admin_portal.admin("tenant", "add", "--name", "NTS PROVA SRL", "--vat", "02019510409")
    result = admin_portal.admin("restore", "--from", str(tmp_path / "nessuno.sqlite3"), check=False)
    assert result.returncode == 1
    with admin_portal.db() as db:
        assert db.execute("SELECT count(*) FROM tenants").fetchone()[0] == 1


def test_portal_admin_beside_make_run_on_another_port_writes_that_ports_links(tmp_path):
    """make run PORT=9000 writes var/portal.conf (scripts/dev-config.sh); portal-admin started
    from the same folder in another terminal, with no variable set, reads it."""
    root = Path(__file__).resolve().parents[2]
    plain = {key: value for key, value in os.environ.items() if not key.startswith("PORTAL_") and key != "PORT"}
    written = subprocess.run([str(root / "scripts" / "dev-config.sh")], cwd=tmp_path, capture_output=True, text=True,
                             env=dict(plain, PORT="9000", PORTAL_VAR=str(tmp_path / "var")), check=True)
    assert written.stdout.strip() == str(tmp_path / "var" / "portal.conf")
    assert "PORTAL_PUBLIC_URL=http://127.0.0.1:9000" in (tmp_path / "var" / "portal.conf").read_text()

    def admin(*args):
        return subprocess.run([str(BIN / "portal-admin"), *args], cwd=tmp_path, env=plain, capture_output=True,
                              text=True, check=True)

    admin("migrate")
    admin("tenant", "add", "--name", "NOVE SRL", "--vat", "02019510409")
    admin("invite", "--vat", "02019510409", "--email", "nove@nove.example", "--role", "Amministratore")
    assert (tmp_path / "var" / "portal.sqlite3").exists(), "the database of the run, not another one"
    rows = sqlite3.connect(tmp_path / "var" / "portal.sqlite3").execute("SELECT body FROM outbox").fetchall()
    bodies = "\n".join(row[0] for row in rows)
    assert "http://127.0.0.1:9000/" in bodies and "127.0.0.1:8080" not in bodies


def test_a_delivered_provisional_password_leaves_neither_the_database_nor_its_log(fresh_portal):
    """Its body was cleared in the database, but the -wal file kept the row as written for minutes."""
    portal = fresh_portal()
    password = portal.invite("wal.segreto@rossi.example")
    wal = Path(str(portal.database) + "-wal")
    deadline = time.time() + 10
    while time.time() < deadline and wal.exists() and password.encode() in wal.read_bytes():
        time.sleep(0.2)
    assert not (wal.exists() and password.encode() in wal.read_bytes()), "the password is still in the write-ahead log"
    assert password.encode() not in Path(portal.database).read_bytes()


def test_a_backup_names_the_attachments_folder_and_a_restore_without_its_files_says_how_many_are_missing(fresh_portal, tmp_path):
    from portal import login
    from tickets import created_number, new_ticket
    portal = fresh_portal()
    session, _ = login(portal)
    created_number(new_ticket(portal, session, files={"files": ("log.txt", b"riga 1\n", "text/plain")}))
    backup = str(tmp_path / "backup.sqlite3")
    written = portal.admin("backup", "--to", backup)
    attachments = portal.var / "attachments"
    assert str(attachments) in written.stdout and "non sono in questa copia" in written.stdout
    with portal.db() as db:
        files = db.execute("SELECT count(DISTINCT sha256) FROM attachments").fetchone()[0]
    assert files > 0
    # The database restored on a machine whose attachments folder was not restored with it.
    attachments.rename(tmp_path / "allegati")
    restored = portal.admin("restore", "--from", backup)
    assert f"attenzione: {files} file usati dai ticket e dai profili ripristinati non sono in {attachments}" in restored.stderr
    (tmp_path / "allegati").rename(attachments)
    assert "attenzione" not in portal.admin("restore", "--from", backup).stderr


def test_restore_refuses_an_empty_file_and_migrate_a_database_of_a_newer_build(admin_portal, tmp_path):
    admin_portal.admin("tenant", "add", "--name", "NTS PROVA SRL", "--vat", "02019510409")
    empty = tmp_path / "vuoto.sqlite3"
    empty.write_bytes(b"")
    result = admin_portal.admin("restore", "--from", str(empty), check=False)
    assert result.returncode == 1 and "non è una copia del database del portale" in result.stderr
    with admin_portal.db() as db:
        assert db.execute("SELECT count(*) FROM tenants").fetchone()[0] == 1
        db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_da_una_versione_nuova', 0)")
    for command in (["migrate"], ["tenant", "add", "--name", "ALTRA SRL", "--vat", "01234567897"]):
        refused = admin_portal.admin(*command, check=False)
        assert refused.returncode == 1 and "migrato da una versione più recente" in refused.stderr, refused.stderr
    with admin_portal.db() as db:
        assert db.execute("SELECT count(*) FROM tenants").fetchone()[0] == 1
        db.execute("DELETE FROM schema_migrations WHERE name = '9999_da_una_versione_nuova'")


def test_ticket_list_names_the_option_it_cannot_read(admin_portal):
    for arguments, said in ((["--page", "abc"], "--page vuole un numero intero da 1"),
                            (["--page", "0"], "--page vuole un numero intero da 1"),
                            (["--status", "boh"], "valore non leggibile: --status accetta aperti, qualsiasi"),
                            (["--search", '"'], "valore non leggibile: --search accetta parole con lettere o cifre")):
        result = admin_portal.admin("ticket", "list", *arguments, check=False)
        assert result.returncode == 64 and said in result.stderr, result.stderr
    # A status by its label too, as `ticket status` takes it.
    assert admin_portal.admin("ticket", "list", "--status", "Rinviato").stdout == \
        admin_portal.admin("ticket", "list", "--status", "postponed").stdout


def test_the_command_line_says_what_to_do_where_sqlite_named_nothing(admin_portal, tmp_path):
    """A new administrator's first mistakes: another folder, a backup over a file, a restore of
    something else; and --help after a command."""
    elsewhere = {name: value for name, value in admin_portal.env.items() if name not in ("PORTAL_VAR", "PORTAL_DB")}
    lost = subprocess.run([str(BIN / "portal-admin"), "mail", "list"], env={**elsewhere, "PORTAL_VAR": str(tmp_path / "nessuna")},
                          capture_output=True, text=True, cwd=tmp_path)
    assert lost.returncode == 1 and "impossibile aprire il database" in lost.stderr and "PORTAL_VAR" in lost.stderr, lost.stderr
    existing = tmp_path / "copia.sqlite3"
    existing.write_bytes(b"x")
    refused = admin_portal.admin("backup", "--to", str(existing), check=False)
    assert refused.returncode == 1 and "esiste già" in refused.stderr and "sqlite error" not in refused.stderr
    other = tmp_path / "altro.sqlite3"
    other.write_bytes(b"non un database " * 512)
    refused = admin_portal.admin("restore", "--from", str(other), check=False)
    assert refused.returncode == 1 and "non è un database SQLite" in refused.stderr and "sqlite error" not in refused.stderr
    helped = admin_portal.admin("ticket", "list", "--help")
    assert helped.stdout.startswith("uso: portal-admin ticket list") and "--status" in helped.stdout
    group = admin_portal.admin("ticket", "--help")
    assert group.stdout.startswith("uso: portal-admin ticket COMANDO") and "ticket assign" in group.stdout
    assert "tenant add" not in group.stdout
    nowhere = admin_portal.admin("backup", "--to", str(tmp_path / "manca" / "copia.sqlite3"), check=False)
    assert nowhere.returncode == 1 and "non esiste" in nowhere.stderr and "sqlite error" not in nowhere.stderr
    missing = admin_portal.admin("restore", "--from", str(tmp_path / "manca.sqlite3"), check=False)
    assert missing.returncode == 1 and "non esiste" in missing.stderr and "sqlite error" not in missing.stderr


def test_the_mailer_says_when_the_support_desk_shares_the_gates_mailbox(admin_portal):
    """Both fall back to PORTAL_MAIL_FROM's address: the desk's e-mails went into the gate and were dropped."""
    env = {**admin_portal.env, "PORTAL_MAIL_REPLY_KEY": "k" * 32, "PORTAL_MAIL_FROM": "Assistenza <portale@example.com>"}
    env.pop("PORTAL_SUPPORT_EMAIL", None)
    env.pop("PORTAL_MAIL_REPLY_ADDRESS", None)
    shared = subprocess.run([str(BIN / "portal-mailer"), "--once"], env=env, capture_output=True, text=True)
    assert "mail_config_conflict" in shared.stderr, shared.stderr
    apart = subprocess.run([str(BIN / "portal-mailer"), "--once"], env={**env, "PORTAL_SUPPORT_EMAIL": "assistenza@example.com"},
                           capture_output=True, text=True)
    assert apart.returncode == 0 and "mail_config_conflict" not in apart.stderr, apart.stderr
