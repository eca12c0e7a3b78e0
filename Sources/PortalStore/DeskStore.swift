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

    /// A search counts this many matches at most: a common word matches most tickets, and
    /// counting them all would cost more than the page itself.
    public static let searchCountLimit = 1000

    public func queue(_ query: DeskQuery, operatorID: Int64) throws -> QueuePage {
        var conditions: [String] = []
        var arguments: [any SQLConvertible] = []
        switch query.state {
        case .any: break
        case .open: conditions.append("t.status != 'closed'")
        case .only(let status):
            conditions.append("t.status = ?")
            arguments.append(status.rawValue)
        }
        if let priority = query.priority {
            conditions.append("t.priority = ?")
            arguments.append(priority.rawValue)
        }
        switch query.assignee {
        case .anyone: break
        case .me:
            conditions.append("t.operator_id = ?")
            arguments.append(operatorID)
        case .nobody: conditions.append("t.operator_id IS NULL")
        case .operatorID(let id):
            conditions.append("t.operator_id = ?")
            arguments.append(id)
        }
        if let area = query.area {
            conditions.append("t.area = ?")
            arguments.append(area.rawValue)
        }
        if let type = query.type {
            conditions.append("t.request_type = ?")
            arguments.append(type.rawValue)
        }
        if !query.company.isEmpty {
            let digits = query.company.uppercased().hasPrefix("IT") ? String(query.company.dropFirst(2)) : query.company
            conditions.append("t.tenant_id IN (SELECT id FROM tenants WHERE name LIKE ? ESCAPE '\\' OR vat = ?)")
            arguments.append("%" + DeskStore.likeEscaped(query.company) + "%")
            arguments.append(digits.trimmingWhitespace())
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
        if let search = query.searchExpression {
            // Driven by the text index, newest ticket first: the walk stops at the page.
            let whereClause = " WHERE f.ticket_text MATCH ?" + conditions.map { " AND " + $0 }.joined()
            let searchArguments: [any SQLConvertible] = [search] + arguments
            rows = try database.query(
                columns + " FROM ticket_text f JOIN tickets t ON t.id = f.rowid" + joins + whereClause
                    + " ORDER BY f.rowid DESC LIMIT ? OFFSET ?", searchArguments + [DeskQuery.pageSize, offset])
            total = Int(
                try database.scalarInt(
                    "SELECT count(*) FROM (SELECT 1 FROM ticket_text f JOIN tickets t ON t.id = f.rowid" + whereClause
                        + " LIMIT ?)", searchArguments + [DeskStore.searchCountLimit + 1]))
            if total > DeskStore.searchCountLimit {
                total = DeskStore.searchCountLimit
                isAtLeast = true
            }
        } else {
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            // The page's ids first, from the index alone (migration 0005): a filter that keeps
            // few tickets then walks index entries, not every ticket's row.
            rows = try database.query(
                columns + " FROM tickets t" + joins + " WHERE t.id IN (SELECT t.id FROM tickets t" + whereClause
                    + DeskStore.order + " LIMIT ? OFFSET ?)" + DeskStore.order,
                arguments + [DeskQuery.pageSize, offset])
            if let counted = try countByStatus(query) {
                total = counted
            } else {
                total = Int(try database.scalarInt("SELECT count(*) FROM tickets t" + whereClause, arguments))
            }
        }
        return QueuePage(
            rows: rows.map {
                QueueRow(
                    ticket: TicketRecord($0), companyVAT: $0.string("tenant_vat"),
                    customerLastMessageAt: $0.optionalInt("customer_last_at"))
            }, total: total, totalIsAtLeast: isAtLeast)
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

    /// The vendor's operators, by name.
    public func operators() throws -> [(id: Int64, name: String)] {
        try database.query(
            """
            SELECT id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), email) AS name
            FROM users WHERE is_operator = 1 ORDER BY name
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
}
