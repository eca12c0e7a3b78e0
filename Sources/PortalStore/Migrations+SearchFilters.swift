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
    /// FTS5 cannot add a column: the index is made again from its own contents, under its own
    /// name, so that the triggers that name it (messages, title, deletion) stay as they are;
    /// only a new ticket's row changes.
    static let searchFilters = Migration(
        name: "0019_search_filters",
        sql: """
            CREATE TEMP TABLE ticket_text_0012 AS SELECT rowid AS id, text, notes FROM ticket_text;
            DROP TABLE ticket_text;
            -- filters: 'status<status> priority<priority> area<area> type<request type>
            -- operator<operator's id, 0 for nobody>', one word each (DeskStore.searchMatch)
            CREATE VIRTUAL TABLE ticket_text USING fts5(text, notes, filters, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO ticket_text (rowid, text, notes, filters)
                SELECT f.id, f.text, f.notes,
                    'status' || t.status || ' priority' || t.priority || ' area' || t.area || ' type' || t.request_type
                        || ' operator' || coalesce(t.operator_id, 0)
                FROM temp.ticket_text_0012 f JOIN tickets t ON t.id = f.id;
            DROP TABLE temp.ticket_text_0012;

            DROP TRIGGER tickets_insert_text;
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
            """)
}
