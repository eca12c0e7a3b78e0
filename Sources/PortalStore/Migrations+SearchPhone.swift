import PortalCore

extension Migrations {
    /// The desk's "Cerca" finds a ticket by its "Telefono" too: a customer who calls back is
    /// known by the number on the operator's display. Each ticket keeps its number's digits
    /// as a display shows them (`PhoneNumber.searchDigits`: "+39 0444 123456 int. 22" is
    /// "0444123456", computed in Swift, which SQL cannot do), and the text index's `people`
    /// column (0033) gets the number's words as typed and those digits. A search typed as a
    /// number is matched against the digits (`DeskStore.searchMatch`).
    static let searchPhone = Migration(
        name: "0036_search_phone",
        sql: """
            ALTER TABLE tickets ADD COLUMN phone_digits TEXT NOT NULL DEFAULT '';

            DROP TRIGGER tickets_insert_text;
            CREATE TRIGGER tickets_insert_text AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_text (rowid, text, notes, filters, people) VALUES (NEW.id, NEW.title, '',
                    'status' || NEW.status || ' priority' || NEW.priority || ' area' || NEW.area || ' type' || NEW.request_type
                        || ' operator' || coalesce(NEW.operator_id, 0),
                    \(peopleWords));
            END;
            DROP TRIGGER tickets_update_text_people;
            CREATE TRIGGER tickets_update_text_people
                AFTER UPDATE OF requester_name, contact_email, requester_id, phone, phone_digits ON tickets
                WHEN OLD.requester_name != NEW.requester_name OR OLD.contact_email != NEW.contact_email
                    OR OLD.requester_id IS NOT NEW.requester_id OR OLD.phone != NEW.phone
                    OR OLD.phone_digits != NEW.phone_digits BEGIN
                UPDATE ticket_text SET people = \(peopleWords) WHERE rowid = NEW.id;
            END;
            """,
        // Through the trigger above: each ticket's digits, then its `people` from them.
        then: { tx in
            let rows = try tx.database.query("SELECT id, phone FROM tickets WHERE phone != ''")
            for row in rows {
                let digits = PhoneNumber.searchDigits(row.string("phone"))
                if digits.isEmpty { continue }
                try tx.database.run("UPDATE tickets SET phone_digits = ? WHERE id = ?", [digits, row.int("id")])
            }
        })

    /// The `people` column of the ticket row `NEW`: 0033's words, then the phone's.
    static let peopleWords = """
        NEW.requester_name || ' ' || NEW.contact_email || coalesce((
                            SELECT ' ' || u.email FROM users u WHERE u.id = NEW.requester_id AND u.email != NEW.contact_email), '')
                            || (CASE WHEN NEW.phone = '' THEN '' ELSE ' ' || NEW.phone || ' ' || NEW.phone_digits END)
        """

    /// A code sent again replaces the previous one; the previous one's hash is kept beside it,
    /// so that the code of the earlier e-mail (e-mails arrive out of order) is told apart from
    /// a typing error: "replaced", not "non corretto".
    static let replacedCode = Migration(
        name: "0037_replaced_code",
        sql: "ALTER TABLE login_challenges ADD COLUMN previous_code_hash BLOB;")
}
