import PortalCore
import PortalStore
import Testing

@Suite("A company's audit trail")
struct CompanyTrailTests {
    @Test("a company cannot be deleted, so its trail stays; deactivating it is the way")
    func neverDeleted() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let tenant = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 10)
        try database.write { tx in try AuditStore.record(in: tx, "tenant_created", tenantID: tenant.id, now: 10) }
        #expect(throws: DatabaseError.self) { try database.run("DELETE FROM tenants WHERE id = ?", [tenant.id]) }
        #expect(try database.scalarInt("SELECT count(*) FROM audit_events WHERE tenant_id = ?", [tenant.id]) == 1)
        try database.run("UPDATE tenants SET deactivated_at = 20 WHERE id = ?", [tenant.id])
        #expect(try database.scalarInt("SELECT count(*) FROM audit_events WHERE tenant_id = ?", [tenant.id]) == 1)
    }
}
