extension Migrations {
    /// The desk's "Cerca" finds a ticket by its "Telefono" too: a customer who calls back is
    /// known by the number on the operator's display. The text index's `people` column (0033)
    /// gets the number as typed ("0444 123456": its words) and as its digits alone
    /// ("0444123456", the way a display shows it), and without the Italian prefix when it has
    /// one ("+39 0444 123456" is also "0444123456").
    static let searchPhone = Migration(
        name: "0036_search_phone",
        sql: """
            UPDATE ticket_text SET people = people || (SELECT \(phoneWords("t")) FROM tickets t WHERE t.id = ticket_text.rowid)
                WHERE rowid IN (SELECT id FROM tickets WHERE phone != '');

            DROP TRIGGER tickets_insert_text;
            CREATE TRIGGER tickets_insert_text AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_text (rowid, text, notes, filters, people) VALUES (NEW.id, NEW.title, '',
                    'status' || NEW.status || ' priority' || NEW.priority || ' area' || NEW.area || ' type' || NEW.request_type
                        || ' operator' || coalesce(NEW.operator_id, 0),
                    \(peopleWords("NEW")));
            END;
            DROP TRIGGER tickets_update_text_people;
            CREATE TRIGGER tickets_update_text_people AFTER UPDATE OF requester_name, contact_email, requester_id, phone ON tickets
                WHEN OLD.requester_name != NEW.requester_name OR OLD.contact_email != NEW.contact_email
                    OR OLD.requester_id IS NOT NEW.requester_id OR OLD.phone != NEW.phone BEGIN
                UPDATE ticket_text SET people = \(peopleWords("NEW")) WHERE rowid = NEW.id;
            END;
            """)

    /// The `people` column of a ticket row named `row`: 0033's words, then the phone's.
    static func peopleWords(_ row: String) -> String {
        """
        \(row).requester_name || ' ' || \(row).contact_email || coalesce((
                        SELECT ' ' || u.email FROM users u WHERE u.id = \(row).requester_id AND u.email != \(row).contact_email), '')
                        || \(phoneWords(row))
        """
    }

    /// The phone's words, each after a space; empty for no phone.
    static func phoneWords(_ row: String) -> String {
        let digits = ["' '", "'-'", "'.'", "'/'", "'('", "')'", "'+'"].reduce("\(row).phone") { "replace(\($0), \($1), '')" }
        return """
            (CASE WHEN \(row).phone = '' THEN '' ELSE ' ' || \(row).phone || ' ' || \(digits) || (CASE
                WHEN \(digits) LIKE '0039%' THEN ' ' || substr(\(digits), 5)
                WHEN \(digits) LIKE '39%' AND length(\(digits)) > 10 THEN ' ' || substr(\(digits), 3)
                ELSE '' END) END)
            """
    }
}
