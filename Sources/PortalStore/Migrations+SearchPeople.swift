extension Migrations {
    /// The desk's "Cerca" finds a ticket by who asked: an operator on the phone with a customer
    /// hears a name or an address, not a title. The text index gets a fourth column, `people`:
    /// the ticket's "Nome e Cognome" as it shows on the ticket (`requester_name`, which the
    /// name rectification updates), its contact e-mail and, when that is another, the address
    /// the requester logs in with (the one a colleague knows them by). The customers' "Testo" searches
    /// `text` alone, as before: in one company a name would find nearly every ticket.
    /// FTS5 cannot add a column: the index is made again from its own contents under its own
    /// name (as 0019), so that the triggers that name it stay as they are; a new ticket's row
    /// changes, and a change of any of them follows.
    static let searchPeople = Migration(
        name: "0033_search_people",
        sql: """
            CREATE TEMP TABLE ticket_text_0033 AS SELECT rowid AS id, text, notes, filters FROM ticket_text;
            DROP TABLE ticket_text;
            CREATE VIRTUAL TABLE ticket_text USING fts5(text, notes, filters, people,
                tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO ticket_text (rowid, text, notes, filters, people)
                SELECT f.id, f.text, f.notes, f.filters, t.requester_name || ' ' || t.contact_email || coalesce((
                    SELECT ' ' || u.email FROM users u WHERE u.id = t.requester_id AND u.email != t.contact_email), '')
                FROM temp.ticket_text_0033 f JOIN tickets t ON t.id = f.id;
            DROP TABLE temp.ticket_text_0033;

            DROP TRIGGER tickets_insert_text;
            CREATE TRIGGER tickets_insert_text AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_text (rowid, text, notes, filters, people) VALUES (NEW.id, NEW.title, '',
                    'status' || NEW.status || ' priority' || NEW.priority || ' area' || NEW.area || ' type' || NEW.request_type
                        || ' operator' || coalesce(NEW.operator_id, 0),
                    NEW.requester_name || ' ' || NEW.contact_email || coalesce((
                        SELECT ' ' || u.email FROM users u WHERE u.id = NEW.requester_id AND u.email != NEW.contact_email), ''));
            END;
            -- requester_id: an erased account (ON DELETE SET NULL) takes its address out of the index
            CREATE TRIGGER tickets_update_text_people AFTER UPDATE OF requester_name, contact_email, requester_id ON tickets
                WHEN OLD.requester_name != NEW.requester_name OR OLD.contact_email != NEW.contact_email
                    OR OLD.requester_id IS NOT NEW.requester_id BEGIN
                UPDATE ticket_text SET people = NEW.requester_name || ' ' || NEW.contact_email || coalesce((
                    SELECT ' ' || u.email FROM users u WHERE u.id = NEW.requester_id AND u.email != NEW.contact_email), '')
                    WHERE rowid = NEW.id;
            END;
            """)
}
