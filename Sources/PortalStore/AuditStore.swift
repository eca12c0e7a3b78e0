import PortalCore

/// The security and administration trail. Rows never hold a password, code or token.
public struct AuditStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func record(
        _ event: String, tenantID: Int64? = nil, userID: Int64? = nil, actorEmail: String = "", detail: String = "",
        clientIP: String = "", now: Timestamp
    ) throws {
        try database.run(
            """
            INSERT INTO audit_events (at, tenant_id, user_id, actor_email, event, detail, client_ip)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [now, tenantID, userID, actorEmail, event, detail, clientIP])
    }

    public func count(event: String, userID: Int64) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM audit_events WHERE event = ? AND user_id = ?", [event, userID])
    }
}
