import PortalCore

public struct TenantStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func add(name: String, vat: VATNumber, now: Timestamp) throws -> TenantRecord {
        try database.run(
            "INSERT INTO tenants (name, vat, created_at) VALUES (?, ?, ?)", [name, vat.digits, now])
        let id = database.lastInsertRowID
        // "Azienda"'s trigram index in one segment: each new company's insert leaves one more,
        // and a part common to every name ("srl") costs ten times as much over a few segments
        // (10 M instructions at 10,000 companies). Made again from the names ('rebuild': 16 ms
        // at 10,000 companies, once per new company), not merged with 'optimize': with the
        // SQLite we link (3.40), the thousandth 'optimize' that follows a write leaves an FTS5
        // index "malformed" (the 1,089th company could no longer be created, nor the queue
        // filtered by company). A unit test creates 1,100 companies.
        try database.run("INSERT INTO tenant_names (tenant_names) VALUES ('rebuild')")
        return TenantRecord(try database.queryOne("SELECT id, name, vat FROM tenants WHERE id = ?", [id])!)
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

    /// The company's users, for choices such as "Referente ticket".
    /// The company's people for "Referente ticket", by name; two of the same name carry their
    /// address too (the list offered "Mario Rossi" twice, one of them the wrong one).
    public func members(tenantID: Int64) throws -> [(id: Int64, name: String)] {
        let rows = try database.query(
            """
            SELECT u.id, u.email, coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.email) AS name
            FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ? ORDER BY name, u.email
            """, [tenantID])
        var counts: [String: Int] = [:]
        for row in rows { counts[row.string("name"), default: 0] += 1 }
        return rows.map { row in
            let name = row.string("name"), email = row.string("email")
            return (row.int("id"), counts[name, default: 0] > 1 && name != email ? name + " (" + email + ")" : name)
        }
    }

    public struct MemberRow: Sendable {
        public let userID: Int64
        public let email: String
        public let firstName: String
        public let lastName: String
        public let role: Role
        public let activeSince: Timestamp

        /// "Nome Cognome", empty for a person who has not given them yet.
        public var displayName: String { "\(firstName) \(lastName)".trimmingWhitespace() }
    }

    public func memberRows(tenantID: Int64) throws -> [MemberRow] {
        try database.query(
            """
            SELECT u.id, u.email, u.first_name, u.last_name, m.role, m.active_since
            FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?
            ORDER BY u.last_name, u.first_name, u.email
            """, [tenantID]
        ).map(MemberRow.init)
    }

    public func setRole(userID: Int64, tenantID: Int64, role: Role) throws {
        try database.run("UPDATE memberships SET role = ? WHERE user_id = ? AND tenant_id = ?", [role.rawValue, userID, tenantID])
    }

    public func removeMember(userID: Int64, tenantID: Int64) throws {
        try database.run("DELETE FROM memberships WHERE user_id = ? AND tenant_id = ?", [userID, tenantID])
        // The account's own events (logins, failed logins, recovery) are filed under the last
        // company: the former one's "Attività" would go on showing them, with addresses.
        try database.run("UPDATE users SET last_tenant_id = NULL WHERE id = ? AND last_tenant_id = ?", [userID, tenantID])
    }

    public func administratorCount(tenantID: Int64) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM memberships WHERE tenant_id = ? AND role = 'admin'", [tenantID])
    }
}

// In an extension, so that the row keeps its memberwise init.
extension TenantStore.MemberRow {
    /// A row of id, email, first_name, last_name, role, active_since.
    init(_ row: Row) {
        self.init(
            userID: row.int("id"), email: row.string("email"), firstName: row.string("first_name"),
            lastName: row.string("last_name"), role: Role(rawValue: row.string("role")) ?? .technician,
            activeSince: row.int("active_since"))
    }
}
