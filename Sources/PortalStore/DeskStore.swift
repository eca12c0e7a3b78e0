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
            conditions.append("t.tenant_id IN (SELECT id FROM tenants WHERE name LIKE ? ESCAPE '\\\\' OR vat = ?)")
            arguments.append("%" + DeskStore.likeEscaped(query.company) + "%")
            arguments.append(digits.trimmingWhitespace())
        }
        if let search = query.searchExpression {
            conditions.append("t.id IN (SELECT ticket_id FROM ticket_text WHERE ticket_text MATCH ?)")
            arguments.append(search)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total = try database.scalarInt("SELECT count(*) FROM tickets t" + whereClause, arguments)
        let offset = (query.page - 1) * DeskQuery.pageSize
        let rows = try database.query(
            """
            SELECT t.*, te.name AS tenant_name, te.vat AS tenant_vat, req.email AS requester_email,
                trim(op.first_name || ' ' || op.last_name) AS operator_name, op.email AS operator_email,
                NULL AS referent_name,
                (SELECT max(m.created_at) FROM messages m
                 WHERE m.ticket_id = t.id AND m.author_is_operator = 0 AND m.kind = 'reply') AS customer_last_at
            FROM tickets t
            JOIN tenants te ON te.id = t.tenant_id
            LEFT JOIN users req ON req.id = t.requester_id
            LEFT JOIN users op ON op.id = t.operator_id
            """ + whereClause + DeskStore.order + " LIMIT ? OFFSET ?", arguments + [DeskQuery.pageSize, offset])
        return QueuePage(
            rows: rows.map {
                QueueRow(ticket: TicketRecord($0), companyVAT: $0.string("tenant_vat"), customerLastMessageAt: $0.optionalInt("customer_last_at"))
            }, total: Int(total))
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
