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
