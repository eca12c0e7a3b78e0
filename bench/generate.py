"""Fills a migrated demo database up to the ticket benchmark's size: 1,000 companies and
100,000 tickets (BENCH_SCALE=1m: 10,000 companies and 1,000,000 tickets, for the scale row), ROSSI SRL (the demo administrator's company) holding 1,000 of them and one
ticket with 50 messages, and five operators. Writes straight into SQLite: it is test data,
not a user flow.

Every other company gets one customer user (the demo password: the demo administrator's
hash is copied, since hashing needs the portal's argon2id) who has asked for its tickets,
each of which has its description and up to three replies, as tickets made through the
forms have. The many-user benchmark logs these users in; it finds them, with their tickets'
numbers, in bench-customers.tsv next to the database (e-mail, every number, the numbers of
open tickets, each list space-separated).

The desk's benchmark needs a team: three operators join the two of the demo (same password,
hash copied likewise), and the tickets an operator has taken are shared among the five, so
that each one's "assegnato=me" is a fifth of the queue. bench-operators.tsv lists their
e-mail addresses; bench-companies.tsv the generated companies' names and P.IVAs (tab between),
for the queue's "Azienda" filter."""
import os
import random
import sqlite3
import sys
import time

database = sys.argv[1]
COMPANIES, TOTAL, BIG = (10_000, 1_000_000, 1000) if os.environ.get("BENCH_SCALE") == "1m" else (1000, 100_000, 1000)
random.seed(7)
now = int(time.time())
connection = sqlite3.connect(database)
connection.execute("PRAGMA synchronous = OFF")
rossi, mario, demo_hash = connection.execute(
    "SELECT t.id, u.id, u.password_hash FROM tenants t JOIN users u ON u.email = 'mario.rossi@rossi.example' "
    "WHERE t.name = 'ROSSI SRL'").fetchone()
existing = connection.execute("SELECT count(*) FROM tenants").fetchone()[0]
giulia = connection.execute("SELECT id FROM users WHERE email = 'giulia.neri@assistenza.example'").fetchone()[0]
TEAM = [("marco.conti@assistenza.example", "Marco", "Conti"), ("sara.fontana@assistenza.example", "Sara", "Fontana"),
        ("luca.marino@assistenza.example", "Luca", "Marino")]


def vat(n):
    digits = [int(c) for c in f"{n:010d}"]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return f"{n:010d}{(10 - total % 10) % 10}"


with connection:
    # Bulk load: the tickets' and messages' indexes go before their rows and are made again
    # after, from their own SQL. Building an index from all the rows at once is several times
    # faster than keeping fifteen up to date row by row (the million took half an hour).
    # Triggers stay: the search index, the stamps and the desk's counts fill as in use.
    bulk_indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'messages') "
        "AND sql IS NOT NULL").fetchall()
    for index_name, _ in bulk_indexes:
        connection.execute(f'DROP INDEX "{index_name}"')
    tenants = [rossi]
    customers = {rossi: (mario, "Mario Rossi", "mario.rossi@rossi.example")}
    for index in range(COMPANIES - existing):
        cursor = connection.execute("INSERT INTO tenants (name, vat, created_at) VALUES (?, ?, ?)",
                                    (f"AZIENDA {index:04d} SRL", vat(5_000_000_000 + index), now))
        tenant = cursor.lastrowid
        tenants.append(tenant)
        address = f"cliente{index:04d}@azienda{index:04d}.example"
        # last_tenant_id: the login goes straight to the session, without "Scelta Tenant".
        user = connection.execute(
            """INSERT INTO users (email, first_name, last_name, password_hash, privacy_accepted_at, last_tenant_id,
               created_at, updated_at) VALUES (?, 'Cliente', ?, ?, ?, ?, ?, ?)""",
            (address, f"{index:04d}", demo_hash, now, tenant, now, now)).lastrowid
        connection.execute("INSERT INTO memberships (user_id, tenant_id, role, active_since) VALUES (?, ?, ?, ?)",
                           (user, tenant, "admin" if index % 2 == 0 else "tech", now))
        customers[tenant] = (user, f"Cliente {index:04d}", address)
    for address, first, last in TEAM:
        connection.execute(
            """INSERT INTO users (email, first_name, last_name, password_hash, privacy_accepted_at, is_operator, desk_role,
               created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 'operator', ?, ?)""", (address, first, last, demo_hash, now, now, now))
    operators = connection.execute(
        "SELECT id, trim(first_name || ' ' || last_name), email FROM users WHERE is_operator = 1 ORDER BY id").fetchall()
    number = connection.execute("SELECT coalesce(max(number), 1000) FROM tickets").fetchone()[0]
    have = connection.execute("SELECT count(*) FROM tickets WHERE tenant_id = ?", (rossi,)).fetchone()[0]
    plan = [(rossi, BIG - have)] + [(t, (TOTAL - BIG) // (len(tenants) - 1)) for t in tenants[1:]]
    statuses = ["unassigned", "waiting", "postponed", "development", "closed"]
    priorities = [("low", 0), ("normal", 1), ("high", 2), ("blocking", 3)]
    rows, threads, listing = [], [], {}
    for tenant, count in plan:
        requester, name, address = customers[tenant]
        for _ in range(count):
            number += 1
            created = now - random.randint(0, 400 * 86400)
            status = random.choice(statuses)
            priority, rank = random.choice(priorities)
            # An operator has taken every ticket that left "unassigned" (not in ROSSI SRL, as before);
            # by number, not by a draw, so that the other columns keep their random values.
            operator = operators[number % len(operators)] if tenant != rossi and status != "unassigned" else None
            rows.append((tenant, number, f"Richiesta {number}", requester, name, address, "web",
                         random.choice(["assistance", "appointment"]),
                         random.choice(["administrative", "management", "systems"]), priority, rank, status,
                         operator[0] if operator else None,
                         "Prima riga della descrizione", created, created, created + 3600,
                         created + 7200 if status == "closed" else None))
            # ROSSI SRL's tickets stay as they were, so that the single-page figures compare.
            if tenant != rossi:
                threads.append((number, requester, name, created, random.randint(0, 3), operator))
                numbers, open_numbers = listing.setdefault(address, ([], []))
                numbers.append(number)
                if status != "closed":
                    open_numbers.append(number)
    connection.executemany(
        """INSERT INTO tickets (tenant_id, number, title, requester_id, requester_name, contact_email, contact_preference,
           request_type, area, priority, priority_rank, status, operator_id, first_line, created_at, updated_at, last_reply_at,
           closed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    ids = dict(connection.execute("SELECT number, id FROM tickets"))
    messages = []
    for number, requester, name, created, replies, operator in threads:
        # Replies on a ticket still unassigned came from Giulia, as before the team.
        agent, agent_name = (operator[0], operator[1]) if operator else (giulia, "Giulia Neri")
        messages.append((ids[number], requester, name, 0,
                         f"Prima riga della descrizione\n\nIl problema della richiesta **{number}** si presenta "
                         "all'apertura del programma, dopo l'aggiornamento.", created))
        for reply in range(replies):
            by_operator = reply % 2 == 0
            messages.append((ids[number], agent if by_operator else requester, agent_name if by_operator else name,
                             1 if by_operator else 0,
                             "Buongiorno, può indicarci la versione del programma?" if by_operator
                             else "Versione 23.0.0.69, grazie.",
                             created + 1800 * (reply + 1)))
    connection.executemany(
        "INSERT INTO messages (ticket_id, author_id, author_name, author_is_operator, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        messages)
    ticket = connection.execute("SELECT id, number FROM tickets WHERE tenant_id = ? ORDER BY id DESC LIMIT 1", (rossi,)).fetchone()
    for index in range(50):
        connection.execute(
            "INSERT INTO messages (ticket_id, author_id, author_name, author_is_operator, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (ticket[0], mario, "Mario Rossi", index % 2, f"Messaggio **{index}** della conversazione.\n\nSeconda riga.", now - 50 + index))
    for _, index_sql in bulk_indexes:
        connection.execute(index_sql)
    # The companies' names index in one segment, as TenantStore.add keeps it company by company.
    connection.execute("INSERT INTO tenant_names (tenant_names) VALUES ('rebuild')")
    # The tickets' text index as the mailer's nightly merge leaves it (SearchIndexMaintenance:
    # any two segments of a level merged, until none has two): a morning's database, not one
    # fresh from a bulk load.
    connection.execute("INSERT INTO ticket_text (ticket_text, rank) VALUES ('usermerge', 2)")
    while True:
        before = connection.total_changes
        connection.execute("INSERT INTO ticket_text (ticket_text, rank) VALUES ('merge', 1000)")
        if connection.total_changes - before < 2:
            break
connection.execute("ANALYZE")
folder = os.path.dirname(os.path.abspath(database))
with open(os.path.join(folder, "bench-customers.tsv"), "w") as out:
    for address, (numbers, open_numbers) in listing.items():
        out.write(f"{address}\t{' '.join(map(str, numbers))}\t{' '.join(map(str, open_numbers))}\n")
with open(os.path.join(folder, "bench-operators.tsv"), "w") as out:
    for _, _, address in operators:
        out.write(f"{address}\n")
with open(os.path.join(folder, "bench-companies.tsv"), "w") as out:
    for name, vat_number in connection.execute("SELECT name, vat FROM tenants WHERE name LIKE 'AZIENDA %' ORDER BY id"):
        out.write(f"{name}\t{vat_number}\n")
print(f"{connection.execute('SELECT count(*) FROM tickets').fetchone()[0]} tickets in "
      f"{connection.execute('SELECT count(*) FROM tenants').fetchone()[0]} companies, {len(listing)} customers, "
      f"{len(operators)} operators; "
      f"50-message ticket #{ticket[1]}")
