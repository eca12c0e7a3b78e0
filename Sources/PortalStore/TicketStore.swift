import PortalCore

public struct NewTicket: Sendable {
    public var tenantID: Int64
    public var title: String
    public var requesterID: Int64?
    public var requesterName: String
    public var contactEmail: String
    public var phone: String = ""
    public var contactPreference: ContactPreference = .web
    public var requestType: RequestType = .assistance
    public var area: RequestArea
    public var priority: Priority
    public var description: String
    public var technicalDetails: String = ""

    public init(
        tenantID: Int64, title: String, requesterID: Int64?, requesterName: String, contactEmail: String,
        area: RequestArea, priority: Priority, description: String
    ) {
        self.tenantID = tenantID
        self.title = title
        self.requesterID = requesterID
        self.requesterName = requesterName
        self.contactEmail = contactEmail
        self.area = area
        self.priority = priority
        self.description = description
    }
}

public struct TicketCounts: Sendable, Equatable {
    public let open: Int64
    public let closed: Int64
    public var total: Int64 { open + closed }
}

/// Tickets and their messages. Every read that a customer triggers takes the tenant id
/// from the session: a ticket of another company is indistinguishable from a missing one.
public struct TicketStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Inserts the ticket and its first message; the caller wraps it in a write transaction.
    /// Numbers are global and consecutive, as the customers quote them ("#1453").
    public func create(_ ticket: NewTicket, now: Timestamp) throws -> (id: Int64, number: Int64) {
        let number = try database.scalarInt("SELECT coalesce(max(number), 1000) + 1 FROM tickets")
        let firstLine = ticket.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        try database.run(
            """
            INSERT INTO tickets (tenant_id, number, title, requester_id, requester_name, contact_email, phone,
                contact_preference, request_type, area, priority, priority_rank, status, technical_details,
                first_line, created_at, updated_at, last_reply_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unassigned', ?, ?, ?, ?, ?)
            """,
            [
                ticket.tenantID, number, ticket.title, ticket.requesterID, ticket.requesterName, ticket.contactEmail,
                ticket.phone, ticket.contactPreference.rawValue, ticket.requestType.rawValue, ticket.area.rawValue,
                ticket.priority.rawValue, ticket.priority.rank, ticket.technicalDetails,
                String(firstLine.prefix(200)), now, now, now,
            ])
        let id = database.lastInsertRowID
        try addMessage(
            ticketID: id, authorID: ticket.requesterID, authorName: ticket.requesterName, isOperator: false,
            body: ticket.description, now: now)
        return (id, number)
    }

    public func addMessage(
        ticketID: Int64, authorID: Int64?, authorName: String, isOperator: Bool, body: String, now: Timestamp
    ) throws {
        try database.run(
            """
            INSERT INTO messages (ticket_id, author_id, author_name, author_is_operator, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [ticketID, authorID, authorName, isOperator, body, now])
        try database.run(
            "UPDATE tickets SET last_reply_at = ?, updated_at = ? WHERE id = ?", [now, now, ticketID])
    }

    public func setStatus(ticketID: Int64, status: TicketStatus, operatorID: Int64?, now: Timestamp) throws {
        try database.run(
            """
            UPDATE tickets SET status = ?, operator_id = coalesce(?, operator_id), updated_at = ?,
                closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END
            WHERE id = ?
            """, [status.rawValue, operatorID, now, status.rawValue, now, ticketID])
    }

    public func counts(tenantID: Int64) throws -> TicketCounts {
        let row = try database.queryOne(
            """
            SELECT sum(status != 'closed') AS open, sum(status = 'closed') AS closed
            FROM tickets WHERE tenant_id = ?
            """, [tenantID])
        return TicketCounts(open: row?.int("open") ?? 0, closed: row?.int("closed") ?? 0)
    }
}
