"""Fills a migrated demo database up to the ticket benchmark's size: 1,000 companies and
100,000 tickets, ROSSI SRL (the demo administrator's company) holding 1,000 of them and one
ticket with 50 messages. Writes straight into SQLite: it is test data, not a user flow."""
import random
import sqlite3
import sys
import time

database = sys.argv[1]
COMPANIES, TOTAL, BIG = 1000, 100_000, 1000
random.seed(7)
now = int(time.time())
connection = sqlite3.connect(database)
connection.execute("PRAGMA synchronous = OFF")
rossi, mario = connection.execute(
    "SELECT t.id, u.id FROM tenants t JOIN users u ON u.email = 'mario.rossi@rossi.example' WHERE t.name = 'ROSSI SRL'").fetchone()
existing = connection.execute("SELECT count(*) FROM tenants").fetchone()[0]


def vat(n):
    digits = [int(c) for c in f"{n:010d}"]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return f"{n:010d}{(10 - total % 10) % 10}"


with connection:
    tenants = [rossi]
    for index in range(COMPANIES - existing):
        cursor = connection.execute("INSERT INTO tenants (name, vat, created_at) VALUES (?, ?, ?)",
                                    (f"AZIENDA {index:04d} SRL", vat(5_000_000_000 + index), now))
        tenants.append(cursor.lastrowid)
    number = connection.execute("SELECT coalesce(max(number), 1000) FROM tickets").fetchone()[0]
    have = connection.execute("SELECT count(*) FROM tickets WHERE tenant_id = ?", (rossi,)).fetchone()[0]
    plan = [(rossi, BIG - have)] + [(t, (TOTAL - BIG) // (len(tenants) - 1)) for t in tenants[1:]]
    statuses = ["unassigned", "waiting", "postponed", "development", "closed"]
    priorities = [("low", 0), ("normal", 1), ("high", 2), ("blocking", 3)]
    rows, messages = [], []
    for tenant, count in plan:
        for _ in range(count):
            number += 1
            created = now - random.randint(0, 400 * 86400)
            status = random.choice(statuses)
            priority, rank = random.choice(priorities)
            rows.append((tenant, number, f"Richiesta {number}", mario if tenant == rossi else None, "Mario Rossi",
                         "mario.rossi@rossi.example", "web", random.choice(["assistance", "appointment"]),
                         random.choice(["administrative", "management", "systems"]), priority, rank, status,
                         "Prima riga della descrizione", created, created, created + 3600,
                         created + 7200 if status == "closed" else None))
    connection.executemany(
        """INSERT INTO tickets (tenant_id, number, title, requester_id, requester_name, contact_email, contact_preference,
           request_type, area, priority, priority_rank, status, first_line, created_at, updated_at, last_reply_at, closed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    ticket = connection.execute("SELECT id, number FROM tickets WHERE tenant_id = ? ORDER BY id DESC LIMIT 1", (rossi,)).fetchone()
    for index in range(50):
        connection.execute(
            "INSERT INTO messages (ticket_id, author_id, author_name, author_is_operator, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (ticket[0], mario, "Mario Rossi", index % 2, f"Messaggio **{index}** della conversazione.\n\nSeconda riga.", now - 50 + index))
connection.execute("ANALYZE")
print(f"{connection.execute('SELECT count(*) FROM tickets').fetchone()[0]} tickets in "
      f"{connection.execute('SELECT count(*) FROM tenants').fetchone()[0]} companies; 50-message ticket #{ticket[1]}")
