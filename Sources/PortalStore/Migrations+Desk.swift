extension Migrations {
    /// The operators' desk: internal notes and the short lines of changes in the thread, the
    /// operators' remembered filters, the queue's order, the per-status counts and the text
    /// search over titles and messages.
    static let desk = Migration(
        name: "0004_desk",
        sql: """
            -- 'reply': a message of the conversation; 'note': an operator's internal note, never
            -- shown to customers nor sent; 'event': one line of a change ("Stato: In sviluppo").
            ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'reply'
                CHECK (kind IN ('reply', 'note', 'event'));

            -- per operator: remembered queue filters (customers' preferences are per company)
            CREATE TABLE operator_preferences (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (user_id, name)
            ) STRICT, WITHOUT ROWID;

            -- "Coda ticket": open "Bloccante" and "Non assegnato" first, then newest activity
            CREATE INDEX tickets_queue ON tickets(
                (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC, updated_at DESC);
            CREATE INDEX tickets_by_status_activity ON tickets(status, updated_at DESC);

            -- the counts per status above the queue, kept by triggers instead of counted
            CREATE TABLE ticket_status_counts (
                status TEXT PRIMARY KEY,
                tickets INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            INSERT INTO ticket_status_counts (status, tickets)
                SELECT value, 0 FROM json_each('["unassigned","waiting","postponed","development","closed"]');
            UPDATE ticket_status_counts SET tickets = (SELECT count(*) FROM tickets WHERE status = ticket_status_counts.status);
            CREATE TRIGGER tickets_insert_status_count AFTER INSERT ON tickets BEGIN
                UPDATE ticket_status_counts SET tickets = tickets + 1 WHERE status = NEW.status;
            END;
            CREATE TRIGGER tickets_update_status_count AFTER UPDATE OF status ON tickets WHEN OLD.status != NEW.status BEGIN
                UPDATE ticket_status_counts SET tickets = tickets - 1 WHERE status = OLD.status;
                UPDATE ticket_status_counts SET tickets = tickets + 1 WHERE status = NEW.status;
            END;
            CREATE TRIGGER tickets_delete_status_count AFTER DELETE ON tickets BEGIN
                UPDATE ticket_status_counts SET tickets = tickets - 1 WHERE status = OLD.status;
            END;

            -- "Cerca": one document per ticket (its title and every message, notes included:
            -- only operators search), accents and case ignored. The row is the ticket's id,
            -- so a search walks the newest tickets first and stops at a page.
            CREATE VIRTUAL TABLE ticket_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO ticket_text (rowid, text)
                SELECT t.id, t.title || char(10) || coalesce(
                    (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = t.id), '')
                FROM tickets t;
            CREATE TRIGGER tickets_insert_text AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_text (rowid, text) VALUES (NEW.id, NEW.title);
            END;
            CREATE TRIGGER tickets_update_text AFTER UPDATE OF title ON tickets BEGIN
                UPDATE ticket_text SET text = NEW.title || char(10) || coalesce(
                    (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = NEW.id), '')
                WHERE rowid = NEW.id;
            END;
            CREATE TRIGGER tickets_delete_text AFTER DELETE ON tickets BEGIN
                DELETE FROM ticket_text WHERE rowid = OLD.id;
            END;
            CREATE TRIGGER messages_insert_text AFTER INSERT ON messages BEGIN
                UPDATE ticket_text SET text = text || char(10) || NEW.body WHERE rowid = NEW.ticket_id;
            END;
            CREATE TRIGGER messages_update_text AFTER UPDATE OF body ON messages BEGIN
                UPDATE ticket_text SET text = (SELECT title FROM tickets WHERE id = NEW.ticket_id) || char(10) || coalesce(
                    (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = NEW.ticket_id), '')
                WHERE rowid = NEW.ticket_id;
            END;
            CREATE TRIGGER messages_delete_text AFTER DELETE ON messages BEGIN
                UPDATE ticket_text SET text = (SELECT title FROM tickets WHERE id = OLD.ticket_id) || char(10) || coalesce(
                    (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = OLD.ticket_id), '')
                WHERE rowid = OLD.ticket_id;
            END;
            """)
}

extension Migrations {
    /// "Coda ticket" filtered: the queue's indexes also hold every column a filter tests, so
    /// a filter is checked on index entries and only the page's rows are read. Before, a
    /// filter that keeps few tickets (e.g. a status with "Nessuno") read every ticket's row
    /// on its walk, and a filtered total counted table rows.
    static let deskFilters = Migration(
        name: "0005_desk_filters",
        sql: """
            DROP INDEX tickets_queue;
            CREATE INDEX tickets_queue ON tickets(
                (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC, updated_at DESC,
                status, priority, operator_id, area, request_type, tenant_id);
            -- one Stato: the walk starts at that status, in the queue's order
            DROP INDEX tickets_by_status_activity;
            CREATE INDEX tickets_queue_by_status ON tickets(
                status, (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC, updated_at DESC,
                priority, operator_id, area, request_type, tenant_id);
            -- "Me", "Nessuno" or one operator, counted from the index
            DROP INDEX tickets_by_operator;
            CREATE INDEX tickets_by_operator ON tickets(operator_id, status, priority, area, request_type, tenant_id);
            """)
}
