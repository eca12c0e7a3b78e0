import PortalCore

/// A company as the vendor administration lists it ("Aziende").
public struct CompanyRow: Sendable {
    public let tenant: TenantRecord
    public let createdAt: Timestamp
    /// Set by "Disattiva azienda": its users cannot enter it; nil while active.
    public let deactivatedAt: Timestamp?
    public let users: Int64
    public let openTickets: Int64

    init(_ row: Row) {
        tenant = TenantRecord(row)
        createdAt = row.int("created_at")
        deactivatedAt = row.optionalInt("deactivated_at")
        users = row.int("users")
        openTickets = row.int("open_tickets")
    }
}

/// The vendor's reads and marks over every company; never used by a customer route.
extension TenantStore {
    public static let companyPageSize = 50

    static let companyColumns = """
        SELECT t.id, t.name, t.vat, t.created_at, t.deactivated_at,
            (SELECT count(*) FROM memberships m WHERE m.tenant_id = t.id) AS users,
            (SELECT count(*) FROM tickets k WHERE k.tenant_id = t.id AND k.status != 'closed') AS open_tickets
        FROM tenants t
        """

    /// "Aziende": by name, those whose name holds `search` or whose P.IVA it is (or starts with).
    public func companies(matching search: String, page: Int) throws -> (rows: [CompanyRow], total: Int) {
        var filter = SQLConditions()
        let text = search.collapsingSpaces()
        if !text.isEmpty {
            let name = DeskStore.caseVariants("%" + DeskStore.likeEscaped(text) + "%")
            filter.add(
                "(t.name LIKE ? ESCAPE '\\' OR t.name LIKE ? ESCAPE '\\' OR t.vat GLOB ?)", name.lower, name.upper,
                DeskStore.vatPrefix(text))
        }
        let total = try database.scalarInt("SELECT count(*) FROM tenants t" + filter.whereClause, filter.arguments)
        let rows = try database.query(
            TenantStore.companyColumns + filter.whereClause + " ORDER BY t.name COLLATE NOCASE, t.id LIMIT ? OFFSET ?",
            filter.arguments + [TenantStore.companyPageSize, (max(page, 1) - 1) * TenantStore.companyPageSize])
        return (rows.map(CompanyRow.init), Int(total))
    }

    public func company(id: Int64) throws -> CompanyRow? {
        try database.queryOne(TenantStore.companyColumns + " WHERE t.id = ?", [id]).map(CompanyRow.init)
    }

    /// "Disattiva azienda" (a time) or "Riattiva" (nil).
    public func setDeactivated(tenantID: Int64, at: Timestamp?) throws {
        try database.run("UPDATE tenants SET deactivated_at = ? WHERE id = ?", [at, tenantID])
    }

    /// The companies of this user that are deactivated: shown, never entered.
    public func deactivatedCompanies(userID: Int64) throws -> Set<Int64> {
        Set(
            try database.query(
                """
                SELECT t.id FROM memberships m JOIN tenants t ON t.id = m.tenant_id
                WHERE m.user_id = ? AND t.deactivated_at IS NOT NULL
                """, [userID]
            ).map { $0.int("id") })
    }

    public func isDeactivated(tenantID: Int64) throws -> Bool {
        try database.scalarInt("SELECT count(*) FROM tenants WHERE id = ? AND deactivated_at IS NOT NULL", [tenantID]) > 0
    }
}
