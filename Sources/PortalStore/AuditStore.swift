import PortalCore

/// The security and administration trail. Rows never hold a password, code or token.
public struct AuditStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// One line, inside the transaction of what it records.
    public static func record(
        in transaction: WriteTransaction, _ event: String, tenantID: Int64? = nil, userID: Int64? = nil,
        actorEmail: String = "", detail: String = "", clientIP: String = "", now: Timestamp
    ) throws {
        try transaction.database.run(
            """
            INSERT INTO audit_events (at, tenant_id, user_id, actor_email, event, detail, client_ip)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [now, tenantID, userID, actorEmail, event, detail, clientIP])
    }

    public func count(event: String, userID: Int64) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM audit_events WHERE event = ? AND user_id = ?", [event, userID])
    }

    public struct Event: Sendable {
        public let at: Timestamp
        public let userID: Int64?
        public let actorEmail: String
        public let event: String
        public let detail: String
        public let clientIP: String
    }

    public static let pageSize = 50

    /// The company's trail, newest first, optionally for one user and a range of days.
    public func list(tenantID: Int64, userID: Int64?, from: Timestamp?, until: Timestamp?, page: Int) throws
        -> (events: [Event], total: Int)
    {
        var conditions = ["tenant_id = ?"]
        var arguments: [any SQLConvertible] = [tenantID]
        if let userID {
            conditions.append("user_id = ?")
            arguments.append(userID)
        }
        if let from {
            conditions.append("at >= ?")
            arguments.append(from)
        }
        if let until {
            conditions.append("at < ?")
            arguments.append(until)
        }
        let whereClause = " WHERE " + conditions.joined(separator: " AND ")
        let total = try database.scalarInt("SELECT count(*) FROM audit_events" + whereClause, arguments)
        let rows = try database.query(
            "SELECT at, user_id, actor_email, event, detail, client_ip FROM audit_events" + whereClause
                + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            arguments + [AuditStore.pageSize, (max(page, 1) - 1) * AuditStore.pageSize])
        return (
            rows.map {
                Event(
                    at: $0.int("at"), userID: $0.optionalInt("user_id"), actorEmail: $0.string("actor_email"),
                    event: $0.string("event"), detail: $0.string("detail"), clientIP: $0.string("client_ip"))
            }, Int(total)
        )
    }
}
