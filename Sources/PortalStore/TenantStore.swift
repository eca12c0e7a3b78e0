import PortalCore

public struct TenantStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func add(name: String, vat: VATNumber, now: Timestamp) throws -> TenantRecord {
        try database.run(
            "INSERT INTO tenants (name, vat, created_at) VALUES (?, ?, ?)", [name, vat.digits, now])
        return TenantRecord(
            try database.queryOne("SELECT id, name, vat FROM tenants WHERE id = ?", [database.lastInsertRowID])!)
    }

    public func find(id: Int64) throws -> TenantRecord? {
        try database.queryOne("SELECT id, name, vat FROM tenants WHERE id = ?", [id]).map(TenantRecord.init)
    }

    public func find(vat: VATNumber) throws -> TenantRecord? {
        try database.queryOne("SELECT id, name, vat FROM tenants WHERE vat = ?", [vat.digits]).map(TenantRecord.init)
    }

    public func memberships(userID: Int64) throws -> [MembershipRecord] {
        try database.query(
            """
            SELECT t.id, t.name, t.vat, m.role, m.active_since
            FROM memberships m JOIN tenants t ON t.id = m.tenant_id
            WHERE m.user_id = ? ORDER BY t.name
            """, [userID]
        ).map { row in
            MembershipRecord(
                tenant: TenantRecord(row), role: Role(rawValue: row.string("role")) ?? .technician,
                activeSince: row.int("active_since"))
        }
    }

    public func membership(userID: Int64, tenantID: Int64) throws -> MembershipRecord? {
        try memberships(userID: userID).first { $0.tenant.id == tenantID }
    }

    public func addMember(userID: Int64, tenantID: Int64, role: Role, now: Timestamp) throws {
        try database.run(
            """
            INSERT INTO memberships (user_id, tenant_id, role, active_since) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = excluded.role
            """, [userID, tenantID, role.rawValue, now])
    }
}
