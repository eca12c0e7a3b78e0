import PortalCore

/// Requests made with a P.IVA on the classic portal's transition page.
public struct LegacyAccessStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func record(tenantID: Int64, vat: VATNumber, clientIP: String, now: Timestamp) throws {
        try database.run(
            "INSERT INTO legacy_access_requests (tenant_id, vat, client_ip, created_at) VALUES (?, ?, ?, ?)",
            [tenantID, vat.digits, clientIP, now])
    }

    /// Requests of one company since `since`: support is e-mailed only for the first of a day.
    public func count(tenantID: Int64, since: Timestamp) throws -> Int64 {
        try database.scalarInt(
            "SELECT count(*) FROM legacy_access_requests WHERE tenant_id = ? AND created_at >= ?", [tenantID, since])
    }

    /// Users who completed the first access and belong to the company.
    public func activeUsers(tenantID: Int64) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM memberships WHERE tenant_id = ?", [tenantID])
    }

    /// "Portale classico": the companies that asked on the transition page and have no user
    /// yet, the latest request first, with their pending invitations.
    public func companiesWithoutUsers(now: Timestamp) throws -> [LegacyCompanyRow] {
        try database.query(
            """
            SELECT t.id, t.name, t.vat, t.deactivated_at, max(r.created_at) AS last_at, count(*) AS requests,
                (SELECT count(*) FROM invitations i WHERE i.tenant_id = t.id AND i.accepted_at IS NULL
                    AND i.cancelled_at IS NULL AND i.expires_at > ?) AS pending
            FROM legacy_access_requests r JOIN tenants t ON t.id = r.tenant_id
            WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = t.id)
            GROUP BY t.id ORDER BY last_at DESC, t.id DESC
            """, [now]
        ).map {
            LegacyCompanyRow(
                tenant: TenantRecord($0), deactivatedAt: $0.optionalInt("deactivated_at"), lastRequestAt: $0.int("last_at"),
                requests: $0.int("requests"),
                pendingInvitations: $0.int("pending"))
        }
    }
}

/// A company that asked for access on the classic portal's page and has nobody on the new one.
public struct LegacyCompanyRow: Sendable {
    public let tenant: TenantRecord
    /// "Disattiva azienda": nobody can be invited until "Riattiva".
    public let deactivatedAt: Timestamp?
    public let lastRequestAt: Timestamp
    public let requests: Int64
    public let pendingInvitations: Int64
}
