import PortalCore

extension TenantStore {
    /// False once "Disattiva azienda" marked the company (migration 0006), or when there is
    /// no such company: its users may no longer act in it, on the pages or by e-mail.
    public func isActive(id: Int64) throws -> Bool {
        guard let row = try database.queryOne("SELECT deactivated_at FROM tenants WHERE id = ?", [id]) else { return false }
        return row.optionalInt("deactivated_at") == nil
    }
}
