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
}
