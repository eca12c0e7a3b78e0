extension Migrations {
    /// "Coda ticket" under many operators: the number of tickets per combination of the
    /// queue's filters (Stato, Priorità, Area, Tipologia, operator), kept by triggers like the
    /// counts per status, so that a filtered total is a sum over a few hundred rows instead of
    /// a walk over up to a thousand tickets, and a filter that keeps no ticket (e.g. "Non
    /// assegnato" with "Me") is known before any search walks the text index. The cells index
    /// finds the tickets of a narrow filter directly (a few hundred entries, then sorted)
    /// where walking the queue's order would pass tens of thousands of entries to fill a page.
    /// An operator's index walks the queue's order too ("Me" or "Nessuno" pass that
    /// operator's tickets only, not every ticket). The customers' replies get a partial
    /// index: the queue's waiting column is then one index entry per row, not every message
    /// of the ticket; the operators (listed on every desk page) one of the few operators,
    /// not a scan of every customer; a company's other open tickets on the desk's ticket
    /// page the newest twenty entries, not every ticket of the company read and sorted.
    static let deskPerformance = Migration(
        name: "0015_desk_performance",
        sql: """
            -- operator_id 0: nobody (a key cannot be NULL)
            CREATE TABLE ticket_filter_counts (
                status TEXT NOT NULL,
                priority TEXT NOT NULL,
                area TEXT NOT NULL,
                request_type TEXT NOT NULL,
                operator_id INTEGER NOT NULL,
                tickets INTEGER NOT NULL,
                PRIMARY KEY (status, priority, area, request_type, operator_id)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO ticket_filter_counts (status, priority, area, request_type, operator_id, tickets)
                SELECT status, priority, area, request_type, coalesce(operator_id, 0), count(*) FROM tickets
                GROUP BY status, priority, area, request_type, coalesce(operator_id, 0);
            CREATE TRIGGER tickets_insert_filter_count AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_filter_counts (status, priority, area, request_type, operator_id, tickets)
                    VALUES (NEW.status, NEW.priority, NEW.area, NEW.request_type, coalesce(NEW.operator_id, 0), 1)
                    ON CONFLICT DO UPDATE SET tickets = tickets + 1;
            END;
            -- also when a deleted operator's tickets lose their operator (ON DELETE SET NULL)
            CREATE TRIGGER tickets_update_filter_count AFTER UPDATE OF status, priority, area, request_type, operator_id
                ON tickets
                WHEN OLD.status != NEW.status OR OLD.priority != NEW.priority OR OLD.area != NEW.area
                    OR OLD.request_type != NEW.request_type OR OLD.operator_id IS NOT NEW.operator_id BEGIN
                UPDATE ticket_filter_counts SET tickets = tickets - 1
                    WHERE status = OLD.status AND priority = OLD.priority AND area = OLD.area
                        AND request_type = OLD.request_type AND operator_id = coalesce(OLD.operator_id, 0);
                INSERT INTO ticket_filter_counts (status, priority, area, request_type, operator_id, tickets)
                    VALUES (NEW.status, NEW.priority, NEW.area, NEW.request_type, coalesce(NEW.operator_id, 0), 1)
                    ON CONFLICT DO UPDATE SET tickets = tickets + 1;
            END;
            CREATE TRIGGER tickets_delete_filter_count AFTER DELETE ON tickets BEGIN
                UPDATE ticket_filter_counts SET tickets = tickets - 1
                    WHERE status = OLD.status AND priority = OLD.priority AND area = OLD.area
                        AND request_type = OLD.request_type AND operator_id = coalesce(OLD.operator_id, 0);
            END;

            -- one entry per ticket, grouped by the filters' values: each combination a filter
            -- keeps is one range, and the entries hold what the queue's order needs
            CREATE INDEX tickets_desk_cells ON tickets(status, priority, area, request_type, operator_id, updated_at, tenant_id);

            DROP INDEX tickets_by_operator;
            CREATE INDEX tickets_by_operator ON tickets(
                operator_id, (status != 'closed' AND (priority = 'blocking' OR status = 'unassigned')) DESC,
                updated_at DESC, status, priority, area, request_type, tenant_id);

            CREATE INDEX users_operators ON users(is_operator) WHERE is_operator = 1;

            -- a desk ticket's "other open tickets" of the company, newest activity first: the
            -- walk stops at twenty instead of reading and sorting every ticket of the company
            CREATE INDEX tickets_by_tenant_activity ON tickets(tenant_id, updated_at DESC, status);

            CREATE INDEX messages_customer_replies ON messages(ticket_id, created_at)
                WHERE author_is_operator = 0 AND kind = 'reply';
            """)
}
