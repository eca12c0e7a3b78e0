extension Migrations {
    /// The desk's "Cerca" with a narrow filter ("In attesa" assigned to me) walked every
    /// ticket the word matches (tens of thousands for a common word), reading each ticket's
    /// row to test the filters, to find the few hundred they keep: 6–20 ms. The text index
    /// gets a third column, `filters`, holding the filters' values of the ticket as words
    /// (`DeskStore.searchMatch`), kept by the triggers as the ticket changes; the desk's search
    /// adds them to its words, and FTS5 then skips from one ticket the filters keep to the
    /// next inside the index (a tenth of the work for "In attesa" and "Me"). The words of
    /// "Cerca" are searched in `text` and `notes` only, so that no typed word finds a ticket by
    /// its filters; the customers' "Testo" searches `text` only, as before.
    /// The index is rebuilt from its own contents (every trigger named it, so all are made
    /// again: the same as 0012's but the new ticket's filters and their changes).
    static let searchFilters = Migration(
        name: "0019_search_filters",
        sql: """
            DROP TRIGGER tickets_insert_text;
            DROP TRIGGER tickets_update_text;
            DROP TRIGGER tickets_delete_text;
            DROP TRIGGER messages_insert_text;
            DROP TRIGGER messages_insert_note_text;
            DROP TRIGGER messages_update_text;
            DROP TRIGGER messages_delete_text;
            ALTER TABLE ticket_text RENAME TO ticket_text_0012;

            -- filters: 'status<status> priority<priority> area<area> type<request type>
            -- operator<operator's id, 0 for nobody>', one word each (DeskStore.searchMatch)
            CREATE VIRTUAL TABLE ticket_text USING fts5(text, notes, filters, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO ticket_text (rowid, text, notes, filters)
                SELECT f.rowid, f.text, f.notes,
                    'status' || t.status || ' priority' || t.priority || ' area' || t.area || ' type' || t.request_type
                        || ' operator' || coalesce(t.operator_id, 0)
                FROM ticket_text_0012 f JOIN tickets t ON t.id = f.rowid;
            DROP TABLE ticket_text_0012;

            CREATE TRIGGER tickets_insert_text AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_text (rowid, text, notes, filters) VALUES (NEW.id, NEW.title, '',
                    'status' || NEW.status || ' priority' || NEW.priority || ' area' || NEW.area || ' type' || NEW.request_type
                        || ' operator' || coalesce(NEW.operator_id, 0));
            END;
            -- also when a deleted operator's tickets lose their operator (ON DELETE SET NULL)
            CREATE TRIGGER tickets_update_text_filters AFTER UPDATE OF status, priority, area, request_type, operator_id
                ON tickets
                WHEN OLD.status != NEW.status OR OLD.priority != NEW.priority OR OLD.area != NEW.area
                    OR OLD.request_type != NEW.request_type OR OLD.operator_id IS NOT NEW.operator_id BEGIN
                UPDATE ticket_text SET filters =
                    'status' || NEW.status || ' priority' || NEW.priority || ' area' || NEW.area || ' type' || NEW.request_type
                        || ' operator' || coalesce(NEW.operator_id, 0)
                WHERE rowid = NEW.id;
            END;
            CREATE TRIGGER tickets_update_text AFTER UPDATE OF title ON tickets BEGIN
                UPDATE ticket_text SET text = NEW.title || char(10) || coalesce(
                    (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = NEW.id AND m.kind != 'note'), '')
                WHERE rowid = NEW.id;
            END;
            CREATE TRIGGER tickets_delete_text AFTER DELETE ON tickets BEGIN
                DELETE FROM ticket_text WHERE rowid = OLD.id;
            END;
            CREATE TRIGGER messages_insert_text AFTER INSERT ON messages WHEN NEW.kind != 'note' BEGIN
                UPDATE ticket_text SET text = text || char(10) || NEW.body WHERE rowid = NEW.ticket_id;
            END;
            CREATE TRIGGER messages_insert_note_text AFTER INSERT ON messages WHEN NEW.kind = 'note' BEGIN
                UPDATE ticket_text SET notes = notes || char(10) || NEW.body WHERE rowid = NEW.ticket_id;
            END;
            CREATE TRIGGER messages_update_text AFTER UPDATE OF body, kind ON messages BEGIN
                UPDATE ticket_text SET
                    text = (SELECT title FROM tickets WHERE id = NEW.ticket_id) || char(10) || coalesce(
                        (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = NEW.ticket_id AND m.kind != 'note'), ''),
                    notes = coalesce(
                        (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = NEW.ticket_id AND m.kind = 'note'), '')
                WHERE rowid = NEW.ticket_id;
            END;
            CREATE TRIGGER messages_delete_text AFTER DELETE ON messages BEGIN
                UPDATE ticket_text SET
                    text = (SELECT title FROM tickets WHERE id = OLD.ticket_id) || char(10) || coalesce(
                        (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = OLD.ticket_id AND m.kind != 'note'), ''),
                    notes = coalesce(
                        (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = OLD.ticket_id AND m.kind = 'note'), '')
                WHERE rowid = OLD.ticket_id;
            END;
            """)
}
