import PortalCore

public struct QueuePage: Sendable {
    public let rows: [QueueRow]
    public let total: Int
    /// A filtered queue counts its tickets up to `DeskStore.searchCountLimit` only, a text
    /// search up to `DeskStore.textSearchCountLimit`.
    public let totalIsAtLeast: Bool
}

/// The operators' reads across every company: the queue, its counts, the operators, a
/// company at a glance. Never used by a customer route.
public struct DeskStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// The queue's order: open "Bloccante" and "Non assegnato" first, then newest activity,
    /// the newer ticket first within a second (the expression of the `tickets_queue` index,
    /// so SQLite walks the index; migration 0041).
    static let order = """
         ORDER BY (t.status != 'closed' AND (t.priority = 'blocking' OR t.status = 'unassigned')) DESC,
            t.updated_at DESC, t.id DESC
        """

    /// "Scadenza": the soonest deadline first, closed tickets (no deadline) last; the
    /// expression of the `tickets_queue_by_due` index (migration 0008), whose entries order
    /// equal deadlines by themselves (an `id` here would sort every tie again).
    static let dueOrder = " ORDER BY (t.due_at IS NULL), t.due_at"

    /// Closed tickets have no deadline: by "Scadenza" they keep the queue's own order.
    public static func sortsByDue(_ query: DeskQuery) -> Bool { query.order == .due && query.state != .only(.closed) }

    static func ordering(_ query: DeskQuery) -> String { sortsByDue(query) ? dueOrder : order }

    /// A filtered queue counts this many tickets at most (`cappedCount`).
    public static let searchCountLimit = 1000

    /// A text search ("Cerca") counts this many matches at most: four pages. Counting is a walk
    /// of the text index, most of a search's cost up to 1,000 (1.3 ms of 1.7 for a common
    /// word with "Me" and a status); past four pages an operator narrows the search rather
    /// than paging, and the pager says "più di 200 ticket" with that advice.
    public static let textSearchCountLimit = 200

    public func queue(_ query: DeskQuery, operatorID: Int64) throws -> QueuePage {
        let companies = query.company.isEmpty ? nil : try companyIDs(query.company)
        if companies?.isEmpty == true { return QueuePage(rows: [], total: 0, totalIsAtLeast: false) }
        let filter = DeskStore.conditions(query, operatorID: operatorID, companies: companies)
        // Without "Azienda" (a part of a name may match any number of companies) the tickets
        // the filters keep are known from the counts the triggers keep, before any walk;
        // "Stato" alone from their sums per status.
        let stateOnly = query.priority == nil && query.assignee == .anyone && query.area == nil && query.type == nil
        let counts = query.company.isEmpty && !stateOnly ? try filterCounts(query, operatorID: operatorID) : nil
        if counts?.kept.all == 0 { return QueuePage(rows: [], total: 0, totalIsAtLeast: false) }
        let offset = (query.page - 1) * DeskQuery.pageSize
        let rows: [QueueRow]
        var total: Int
        var isAtLeast = false
        if let found = try searchPage(query, filter, companies: companies, operatorID: operatorID) {
            (rows, total, isAtLeast) = (found.rows.map(QueueRow.init), found.total, found.isAtLeast)
        } else {
            // The page's ids first, from an index alone: a filter that keeps few tickets then
            // reads index entries, not every ticket's row.
            let (ids, arguments) = DeskStore.pageIDs(query, filter, counts, companies: companies, operatorID: operatorID)
            rows = try queueRows(database.query(ids, arguments + [DeskQuery.pageSize, offset]).map { $0.int(at: 0) })
            if query.company.isEmpty && stateOnly {
                // "Stato" alone is counted in full, as the counts above the queue.
                let counts = try statusCounts()
                total = Int(TicketStatus.allCases.filter(query.state.keeps).reduce(0) { $0 + (counts[$1] ?? 0) })
            } else if let counts {
                // Any other filter up to the limit, as a search.
                (total, isAtLeast) = counts.kept.all <= DeskStore.searchCountLimit
                    ? (counts.kept.all, false) : (DeskStore.searchCountLimit, true)
            } else {
                (total, isAtLeast) = try cappedCount("SELECT 1 FROM tickets t" + filter.whereClause, filter.arguments)
            }
        }
        return QueuePage(rows: rows, total: total, totalIsAtLeast: isAtLeast)
    }

    /// The rows of a page's `ids` (at most a page), in their order. One SQL text whatever
    /// their number (a placeholder per row of a full page, the unused ones NULL, which
    /// matches no id); the order is restored here from the ids' own, where an ORDER BY had
    /// SQLite sort the fifty rows again, whole.
    func queueRows(_ ids: [Int64]) throws -> [QueueRow] {
        if ids.isEmpty { return [] }
        let placeholders = DeskStore.pagePlaceholders
        let arguments: [any SQLConvertible] = ids + Array(repeating: SQLValue.null, count: DeskQuery.pageSize - ids.count)
        var position: [Int64: Int] = [:]
        for (index, id) in ids.enumerated() { position[id] = index }
        var ordered = [QueueRow?](repeating: nil, count: ids.count)
        let sql = QueueRow.select + " FROM tickets t" + QueueRow.joins + " WHERE t.id IN (" + placeholders + ")"
        for row in try database.query(sql, arguments) {
            let queueRow = QueueRow(row)
            if let index = position[queueRow.id] { ordered[index] = queueRow }
        }
        return ordered.compactMap { $0 }
    }

    static let pagePlaceholders = Array(repeating: "?", count: DeskQuery.pageSize).joined(separator: ", ")

    /// The number of rows `select` gives, counted up to `limit`: a broad filter (all open
    /// tickets of an area) or a common word matches tens of thousands of tickets, and counting
    /// them all costs more than the page. True when there are more.
    func cappedCount(_ select: String, _ arguments: [any SQLConvertible], limit: Int = DeskStore.searchCountLimit) throws
        -> (Int, Bool)
    {
        let counted = Int(try database.scalarInt("SELECT count(*) FROM (" + select + " LIMIT ?)", arguments + [limit + 1]))
        return counted > limit ? (limit, true) : (counted, false)
    }

    /// The two spellings of a part of a company's name that LIKE needs: it ignores the case of
    /// ASCII letters only, so «caffè» did not find "CAFFÈ NICOLÒ". The part with its letters
    /// lowercased and uppercased: a name writes its accented letters in its words' case.
    public static func caseVariants(_ text: String) -> (lower: String, upper: String) {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return (text, text) }
        return (text.lowercased(), text.uppercased())
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The other open tickets of a company, newest activity first (at most `limit`, and one
    /// more to tell that there are more), as lists show them: the desk's ticket page names
    /// each by number, title and status. Whole records (every column, four joins) were half
    /// of that page's work.
    public static let otherOpenLimit = 20

    public func openTickets(tenantID: Int64, except ticketID: Int64) throws -> [TicketSummary] {
        try database.query(
            "SELECT " + TicketSummary.columns + " FROM tickets t LEFT JOIN users op ON op.id = t.operator_id"
                + " WHERE t.tenant_id = ? AND t.status != 'closed' AND t.id != ? ORDER BY t.updated_at DESC, t.id DESC LIMIT ?",
            [tenantID, ticketID, DeskStore.otherOpenLimit + 1]
        ).map(TicketSummary.init)
    }

    /// How many open tickets each operator has ("Operatori": what "Disattiva" sends back).
    public func openTicketCounts() throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try database.query(
            "SELECT operator_id, count(*) AS open FROM tickets WHERE operator_id IS NOT NULL AND status != 'closed' GROUP BY operator_id")
        {
            counts[row.int("operator_id")] = Int(row.int("open"))
        }
        return counts
    }

    /// The open tickets an operator has: they go back to the queue when the operator is deactivated.
    public func openTickets(operatorID: Int64) throws -> [TicketRecord] {
        try database.query(
            TicketStore.select + " WHERE t.operator_id = ? AND t.status != 'closed' ORDER BY t.id", [operatorID]
        ).map(TicketRecord.init)
    }

    /// A company's newest tickets, for its page in the administration.
    public func tickets(tenantID: Int64, limit: Int = 50) throws -> [TicketRecord] {
        try database.query(
            TicketStore.select + " WHERE t.tenant_id = ? ORDER BY t.created_at DESC LIMIT ?", [tenantID, limit]
        ).map(TicketRecord.init)
    }
}
