import PortalCore

/// "Cerca" on the desk: the page and the count of a text search.
extension DeskStore {
    /// The page of a search, newest ticket first, and its count up to `textSearchCountLimit`.
    /// Driven by the text index: the walk stops at the page. Whole words first: a prefix makes
    /// FTS5 gather every ticket of its words before the first row (10 ms for a word in every
    /// ticket, 0.2 ms whole). Only when the whole words fill less than a page is the last word
    /// taken as a prefix too.
    func searchPage(_ query: DeskQuery, _ filter: SQLConditions, companies: [Int64]?, operatorID: Int64) throws
        -> (rows: [Row], total: Int, isAtLeast: Bool)?
    {
        guard let exactWords = query.searchExpression(lastAsPrefix: false),
            let prefixedWords = query.searchExpression(lastAsPrefix: true)
        else { return nil }
        let exact = DeskStore.searchMatch(exactWords, query, operatorID: operatorID)
        let prefixed = DeskStore.searchMatch(prefixedWords, query, operatorID: operatorID)
        let offset = (query.page - 1) * DeskQuery.pageSize
        // The text index first, then each ticket it gives: the filters are in the match.
        let whereClause = " WHERE f.ticket_text MATCH ?" + filter.andClause
        // The match holds every filter but "Azienda": without it the matches are counted on
        // the text index alone, not on the tickets' rows too (every row of the index is a
        // ticket's: the triggers keep them in step).
        let matches = companies == nil
            ? "SELECT 1 FROM ticket_text f WHERE f.ticket_text MATCH ?"
            : "SELECT 1 FROM ticket_text f CROSS JOIN tickets t ON t.id = f.rowid" + whereClause
        let matchArguments = companies == nil ? [] : filter.arguments
        let limit = DeskStore.textSearchCountLimit
        var (total, isAtLeast) = try cappedCount(matches, [exact] + matchArguments, limit: limit)
        let widened = total < DeskQuery.pageSize
        // By "Scadenza" every match is sorted: slower for a common word, chosen on purpose.
        let order = DeskStore.sortsByDue(query) ? DeskStore.dueOrder : " ORDER BY f.rowid DESC"
        let rows = try database.query(
            QueueRow.select + " FROM ticket_text f CROSS JOIN tickets t ON t.id = f.rowid" + QueueRow.joins + whereClause
                + order + " LIMIT ? OFFSET ?", [widened ? prefixed : exact] + filter.arguments + [DeskQuery.pageSize, offset])
        if widened {
            // A page the prefix does not fill ends its matches: they are counted on it, not
            // by another walk of the text index (a query of its own, a third of a search).
            let end = offset + rows.count
            (total, isAtLeast) = rows.count < DeskQuery.pageSize && (rows.count > 0 || query.page == 1)
                && end <= limit ? (end, false) : try cappedCount(matches, [prefixed] + matchArguments, limit: limit)
        }
        return (rows, total, isAtLeast)
    }

    /// The FTS5 query of a search: the words of "Cerca" (`DeskQuery.searchExpression`) in the
    /// title, messages and notes, and every filter but "Azienda" as a word of the `filters`
    /// column (migration 0019: 'status<status> priority<priority> area<area>
    /// type<request type> operator<id, 0 for nobody>'). FTS5 then skips inside the index from
    /// one ticket the filters keep to the next, where testing the filters on each ticket's row
    /// walked every ticket of a common word (tens of thousands) to find the few hundred of
    /// "In attesa" and "Me" (6–20 ms against 1).
    static func searchMatch(_ words: String, _ query: DeskQuery, operatorID: Int64) -> String {
        var match = "{text notes people} : (" + words + ")"
        // Typed as a phone number: its words, or its digits as a display shows them (the
        // index keeps each ticket's, `PhoneNumber.searchDigits`), whatever the separators.
        if let digits = PhoneNumber.searched(query.text) { match = "(" + match + " OR people : \"" + digits + "\")" }
        func keep(_ word: String) { match += " AND filters : \"" + word + "\"" }
        switch query.state {
        case .any: break
        // NOT takes precedence over AND in FTS5: whatever follows, closed tickets are left out.
        case .open: match += " NOT filters : \"status" + TicketStatus.closed.rawValue + "\""
        case .only(let status): keep("status" + status.rawValue)
        }
        if let priority = query.priority { keep("priority" + priority.rawValue) }
        if let area = query.area { keep("area" + area.rawValue) }
        if let type = query.type { keep("type" + type.rawValue) }
        // As `filterCounts`: an operator's id is never 0 nor negative, so such an id is no
        // ticket's word.
        switch assigneeValue(query, operatorID: operatorID) {
        case nil: break
        case .integer(let id) where id > 0: keep("operator" + String(id))
        case .null: keep("operator0")
        default: keep("operatornone")
        }
        return match
    }
}
