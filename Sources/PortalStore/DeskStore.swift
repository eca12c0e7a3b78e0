import PortalCore

/// One row of "Coda ticket": the ticket with its company and the time of the customer's
/// last message.
public struct QueueRow: Sendable {
    public let ticket: TicketRecord
    public let companyVAT: String
    public let customerLastMessageAt: Timestamp?
}

public struct QueuePage: Sendable {
    public let rows: [QueueRow]
    public let total: Int
    /// A search counts its matches up to `DeskStore.searchCountLimit` only.
    public let totalIsAtLeast: Bool
}

/// The operators' reads across every company: the queue, its counts, the operators, a
/// company at a glance. Never used by a customer route.
public struct DeskStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// The queue's order: open "Bloccante" and "Non assegnato" first, then newest activity
    /// (the expression of the `tickets_queue` index, so SQLite walks the index).
    static let order = """
         ORDER BY (t.status != 'closed' AND (t.priority = 'blocking' OR t.status = 'unassigned')) DESC,
            t.updated_at DESC
        """

    /// "Scadenza": the soonest deadline first, closed tickets (no deadline) last; the
    /// expression of the `tickets_queue_by_due` index (migration 0008), whose entries order
    /// equal deadlines by themselves (an `id` here would sort every tie again).
    static let dueOrder = " ORDER BY (t.due_at IS NULL), t.due_at"

    /// Closed tickets have no deadline: by "Scadenza" they keep the queue's own order.
    static func sortsByDue(_ query: DeskQuery) -> Bool { query.order == .due && query.state != .only(.closed) }

    static func ordering(_ query: DeskQuery) -> String { sortsByDue(query) ? dueOrder : order }

    /// A filtered queue or a search counts this many tickets at most (`cappedCount`).
    public static let searchCountLimit = 1000

    public func queue(_ query: DeskQuery, operatorID: Int64) throws -> QueuePage {
        var filter = SQLConditions()
        switch query.state {
        case .any: break
        case .open: filter.add("t.status != 'closed'")
        case .only(let status): filter.add("t.status = ?", status.rawValue)
        }
        filter.add("t.priority", equals: query.priority?.rawValue)
        // By "Scadenza" an operator is tested on the deadline index's entries ("+" keeps
        // SQLite from walking the operator's index instead and sorting thousands of rows:
        // 32 ms against 0.1 ms for one operator's waiting tickets of 100,000).
        let operatorColumn = DeskStore.sortsByDue(query) ? "+t.operator_id" : "t.operator_id"
        switch query.assignee {
        case .anyone: break
        case .me: filter.add(operatorColumn + " = ?", operatorID)
        case .nobody: filter.add("t.operator_id IS NULL")
        case .operatorID(let id): filter.add(operatorColumn + " = ?", id)
        }
        filter.add("t.area", equals: query.area?.rawValue)
        filter.add("t.request_type", equals: query.type?.rawValue)
        if !query.company.isEmpty {
            let digits = query.company.uppercased().hasPrefix("IT") ? String(query.company.dropFirst(2)) : query.company
            filter.add(
                "t.tenant_id IN (SELECT id FROM tenants WHERE name LIKE ? ESCAPE '\\' OR vat = ?)",
                "%" + DeskStore.likeEscaped(query.company) + "%", digits.trimmingWhitespace())
        }
        let offset = (query.page - 1) * DeskQuery.pageSize
        let columns = """
            SELECT t.*, te.name AS tenant_name, te.vat AS tenant_vat, req.email AS requester_email,
                trim(op.first_name || ' ' || op.last_name) AS operator_name, op.email AS operator_email,
                NULL AS referent_name,
                (SELECT max(m.created_at) FROM messages m
                 WHERE m.ticket_id = t.id AND m.author_is_operator = 0 AND m.kind = 'reply') AS customer_last_at
            """
        let joins = """
             JOIN tenants te ON te.id = t.tenant_id
            LEFT JOIN users req ON req.id = t.requester_id
            LEFT JOIN users op ON op.id = t.operator_id
            """
        let rows: [Row]
        var total: Int
        var isAtLeast = false
        if let exact = query.searchExpression(lastAsPrefix: false),
            let prefixed = query.searchExpression(lastAsPrefix: true)
        {
            // Driven by the text index, newest ticket first: the walk stops at the page. Whole
            // words first: a prefix makes FTS5 gather every ticket of its words before the
            // first row (10 ms for a word in every ticket, 0.2 ms whole). Only when the whole
            // words fill less than a page is the last word taken as a prefix too.
            let whereClause = " WHERE f.ticket_text MATCH ?" + filter.andClause
            let matches = "SELECT 1 FROM ticket_text f JOIN tickets t ON t.id = f.rowid" + whereClause
            var search = exact
            (total, isAtLeast) = try cappedCount(matches, [exact] + filter.arguments)
            if total < DeskQuery.pageSize {
                search = prefixed
                (total, isAtLeast) = try cappedCount(matches, [prefixed] + filter.arguments)
            }
            // By "Scadenza" every match is sorted: slower for a common word, chosen on purpose.
            let order = DeskStore.sortsByDue(query) ? DeskStore.dueOrder : " ORDER BY f.rowid DESC"
            rows = try database.query(
                columns + " FROM ticket_text f JOIN tickets t ON t.id = f.rowid" + joins + whereClause
                    + order + " LIMIT ? OFFSET ?", [search] + filter.arguments + [DeskQuery.pageSize, offset])
        } else {
            let whereClause = filter.whereClause
            // The page's ids first, from the index alone (migration 0005): a filter that keeps
            // few tickets then walks index entries, not every ticket's row.
            rows = try database.query(
                columns + " FROM tickets t" + joins + " WHERE t.id IN (SELECT t.id FROM tickets t" + whereClause
                    + DeskStore.ordering(query) + " LIMIT ? OFFSET ?)" + DeskStore.ordering(query),
                filter.arguments + [DeskQuery.pageSize, offset])
            if let counted = try countByStatus(query) {
                total = counted
            } else {
                (total, isAtLeast) = try cappedCount("SELECT 1 FROM tickets t" + whereClause, filter.arguments)
            }
        }
        return QueuePage(
            rows: rows.map {
                QueueRow(
                    ticket: TicketRecord($0), companyVAT: $0.string("tenant_vat"),
                    customerLastMessageAt: $0.optionalInt("customer_last_at"))
            }, total: total, totalIsAtLeast: isAtLeast)
    }

    /// The number of rows `select` gives, counted up to `searchCountLimit`: a broad filter (all
    /// open tickets of an area) or a common word matches tens of thousands of tickets, and
    /// counting them all costs more than the page. True when there are more.
    func cappedCount(_ select: String, _ arguments: [any SQLConvertible]) throws -> (Int, Bool) {
        let counted = Int(
            try database.scalarInt(
                "SELECT count(*) FROM (" + select + " LIMIT ?)", arguments + [DeskStore.searchCountLimit + 1]))
        return counted > DeskStore.searchCountLimit ? (DeskStore.searchCountLimit, true) : (counted, false)
    }

    /// With no filter but "Stato", the total comes from the counts the triggers keep, not
    /// from counting tens of thousands of rows.
    func countByStatus(_ query: DeskQuery) throws -> Int? {
        guard query.priority == nil, query.company.isEmpty, query.assignee == .anyone, query.area == nil, query.type == nil
        else { return nil }
        let counts = try statusCounts()
        switch query.state {
        case .any: return Int(counts.values.reduce(0, +))
        case .open: return Int(counts.filter { !$0.key.isClosed }.values.reduce(0, +))
        case .only(let status): return Int(counts[status] ?? 0)
        }
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Tickets per status over every company, from the counts the triggers keep.
    public func statusCounts() throws -> [TicketStatus: Int64] {
        var counts: [TicketStatus: Int64] = [:]
        for row in try database.query("SELECT status, tickets FROM ticket_status_counts") {
            if let status = TicketStatus(rawValue: row.string("status")) { counts[status] = row.int("tickets") }
        }
        return counts
    }

    /// The vendor's operators who can still work, by name (a deactivated one is no choice).
    public func operators() throws -> [(id: Int64, name: String)] {
        try database.query(
            """
            SELECT id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), email) AS name
            FROM users WHERE is_operator = 1 AND deactivated_at IS NULL ORDER BY name
            """
        ).map { ($0.int("id"), $0.string("name")) }
    }

    /// The other open tickets of a company, newest first (at most 20).
    public func openTickets(tenantID: Int64, except ticketID: Int64) throws -> [TicketRecord] {
        try database.query(
            TicketStore.select
                + " WHERE t.tenant_id = ? AND t.status != 'closed' AND t.id != ? ORDER BY t.updated_at DESC LIMIT 20",
            [tenantID, ticketID]
        ).map(TicketRecord.init)
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
