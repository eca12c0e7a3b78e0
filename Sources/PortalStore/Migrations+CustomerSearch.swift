extension Migrations {
    /// "Testo" in the customers' list searches the same index as the desk's "Cerca", but only
    /// what customers may read: the index gets a second column for the operators' internal
    /// notes, so that a customer's search never finds a ticket by words of a note. The desk
    /// searches both columns, as before.
    static let customerSearch = Migration(
        name: "0012_customer_search",
        sql: """
            DROP TRIGGER tickets_insert_text;
            DROP TRIGGER tickets_update_text;
            DROP TRIGGER tickets_delete_text;
            DROP TRIGGER messages_insert_text;
            DROP TRIGGER messages_update_text;
            DROP TRIGGER messages_delete_text;
            DROP TABLE ticket_text;

            -- text: the title and the messages and change lines customers see; notes: the
            -- operators' internal notes. One row per ticket, its rowid the ticket's id.
            CREATE VIRTUAL TABLE ticket_text USING fts5(text, notes, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO ticket_text (rowid, text, notes)
                SELECT t.id, t.title || char(10) || coalesce(
                        (SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = t.id AND m.kind != 'note'), ''),
                    coalesce((SELECT group_concat(m.body, char(10)) FROM messages m WHERE m.ticket_id = t.id AND m.kind = 'note'), '')
                FROM tickets t;
            CREATE TRIGGER tickets_insert_text AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_text (rowid, text, notes) VALUES (NEW.id, NEW.title, '');
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
