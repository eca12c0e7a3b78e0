extension Migrations {
    /// "Tempi di risposta": the targets per priority and the working calendar they are counted
    /// in; each ticket's first operator answer and its next deadline (`due_at`), which the
    /// queue sorts by; the indexes of "Andamento" (tickets opened and closed in a period).
    static let responseTargets = Migration(
        name: "0008_response_targets",
        sql: """
            -- working minutes per priority; at most a year (8760 hours)
            CREATE TABLE response_targets (
                priority TEXT PRIMARY KEY CHECK (priority IN ('low', 'normal', 'high', 'blocking')),
                first_answer_minutes INTEGER NOT NULL CHECK (first_answer_minutes BETWEEN 1 AND 525600),
                resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes BETWEEN 1 AND 525600)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO response_targets (priority, first_answer_minutes, resolution_minutes) VALUES
                ('blocking', 60, 480), ('high', 240, 1440), ('normal', 480, 2400), ('low', 960, 4800);

            -- one row: Monday to Friday in these spans of Rome's local time ("09:00-13:00, 14:00-18:00"),
            -- except the national holidays, plus and minus the days listed one per line
            -- ("24/12/2026" one day, "29/06" every year)
            CREATE TABLE working_calendar (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                hours TEXT NOT NULL,
                added_holidays TEXT NOT NULL DEFAULT '',
                removed_holidays TEXT NOT NULL DEFAULT '',
                updated_at INTEGER NOT NULL
            ) STRICT;
            INSERT INTO working_calendar (id, hours, updated_at) VALUES (1, '09:00-13:00, 14:00-18:00', 0);

            -- the first reply of an operator: the first answer's clock stops there
            ALTER TABLE tickets ADD COLUMN first_answered_at INTEGER;
            UPDATE tickets SET first_answered_at = (
                SELECT min(m.created_at) FROM messages m
                WHERE m.ticket_id = tickets.id AND m.author_is_operator = 1 AND m.kind = 'reply');

            -- an open ticket's next deadline in working time (first answer, then resolution);
            -- NULL when closed. Kept by the store with each change it depends on, and computed
            -- again for every open ticket when the targets or the calendar change.
            ALTER TABLE tickets ADD COLUMN due_at INTEGER;
            -- "Coda ticket" by "Scadenza": soonest first, closed tickets last, with the
            -- filters' columns as in the queue's other indexes
            CREATE INDEX tickets_queue_by_due ON tickets(
                (due_at IS NULL), due_at, status, priority, operator_id, area, request_type, tenant_id);

            -- "Andamento": tickets opened and closed in a period
            CREATE INDEX tickets_by_created ON tickets(created_at);
            CREATE INDEX tickets_by_closed ON tickets(closed_at) WHERE closed_at IS NOT NULL;
            """,
        then: { tx in _ = try ResponseTargetStore(tx.database).recomputeDue(in: tx, after: 0, limit: Int.max, pauses: false) })
}
