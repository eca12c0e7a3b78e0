extension Migrations {
    /// "Coda ticket" reads what its rows show from the ticket's own row. The customer's last
    /// message ("In attesa da") was a subquery per row on the customers' replies, a third of
    /// the page's database work; it is now a column that the triggers keep as messages come
    /// (and, should one be moved or removed, computed again). The partial index that served
    /// the subquery goes. The counts above the filters read one operator's cells from an
    /// index of their own instead of every cell of the table.
    static let deskQueueColumns = Migration(
        name: "0017_desk_queue_columns",
        sql: """
            ALTER TABLE tickets ADD COLUMN customer_replied_at INTEGER;
            UPDATE tickets SET customer_replied_at = (
                SELECT max(m.created_at) FROM messages m
                WHERE m.ticket_id = tickets.id AND m.author_is_operator = 0 AND m.kind = 'reply');
            CREATE TRIGGER messages_insert_customer_reply AFTER INSERT ON messages
                WHEN NEW.author_is_operator = 0 AND NEW.kind = 'reply' BEGIN
                UPDATE tickets SET customer_replied_at = NEW.created_at
                    WHERE id = NEW.ticket_id AND (customer_replied_at IS NULL OR customer_replied_at < NEW.created_at);
            END;
            CREATE TRIGGER messages_update_customer_reply AFTER UPDATE OF ticket_id, author_is_operator, kind, created_at
                ON messages BEGIN
                UPDATE tickets SET customer_replied_at = (
                    SELECT max(m.created_at) FROM messages m
                    WHERE m.ticket_id = tickets.id AND m.author_is_operator = 0 AND m.kind = 'reply')
                    WHERE id IN (OLD.ticket_id, NEW.ticket_id);
            END;
            CREATE TRIGGER messages_delete_customer_reply AFTER DELETE ON messages
                WHEN OLD.author_is_operator = 0 AND OLD.kind = 'reply' BEGIN
                UPDATE tickets SET customer_replied_at = (
                    SELECT max(m.created_at) FROM messages m
                    WHERE m.ticket_id = tickets.id AND m.author_is_operator = 0 AND m.kind = 'reply')
                    WHERE id = OLD.ticket_id;
            END;
            DROP INDEX messages_customer_replies;

            CREATE INDEX ticket_filter_counts_by_operator ON ticket_filter_counts(operator_id, tickets);
            """)
}
