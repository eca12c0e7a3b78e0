/// Where one company's content stands, for a worker's kept parts of that company's pages:
/// `tenant_content.version`, which the triggers of migration 0003 move with every change to
/// what those parts read (the company, its members and their names, its tickets, messages
/// and files). Read in the same query as the session, before the data a part is made of, so
/// a kept part is never older than its stamp. A write in one company leaves every other
/// company's stamp, and so its kept parts, as they were.
public struct TenantStamp: Hashable, Sendable {
    public let tenantID: Int64
    public let version: Int64

    public init(tenantID: Int64, version: Int64) {
        self.tenantID = tenantID
        self.version = version
    }
}

extension Database {
    public func tenantStamp(_ tenantID: Int64) throws -> TenantStamp {
        TenantStamp(
            tenantID: tenantID,
            version: try scalarInt("SELECT version FROM tenant_content WHERE tenant_id = ?", [tenantID]))
    }
}

/// The tables that the workers' kept parts are made of, with the changes of each that show on
/// a company's pages. Migration 0003's triggers move the company's stamp on each (a test
/// walks this list): a part that reads a new table adds it here and its triggers in a new
/// migration, or the test fails.
public enum KeptPart {
    public static let tables: [(table: String, changes: [String])] = [
        // a company is born with its stamp row; renaming it moves the stamp
        ("tenants", ["INSERT", "UPDATE"]),
        ("memberships", ["INSERT", "UPDATE", "DELETE"]),
        // people show by name once they belong somewhere (memberships, tickets)
        ("users", ["UPDATE"]),
        ("tickets", ["INSERT", "UPDATE", "DELETE"]),
        ("messages", ["INSERT", "UPDATE", "DELETE"]),
        ("attachments", ["INSERT", "UPDATE", "DELETE"]),
    ]
}
