import PortalCore
import PortalStore
import Testing

@Suite("Members removed a short while ago")
struct RemovedMemberTests {
    @Test("a removed member comes back with their role and date within the window, never after it")
    func window() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let tenants = TenantStore(database)
        let tenant = try tenants.add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
        try database.run("INSERT INTO users (email, password_hash, created_at, updated_at) VALUES ('sara@rossi.example', 'x', 0, 0), ('pia@rossi.example', 'x', 0, 0)")
        let sara = try database.scalarInt("SELECT id FROM users WHERE email = 'sara@rossi.example'")
        let pia = try database.scalarInt("SELECT id FROM users WHERE email = 'pia@rossi.example'")
        try tenants.addMember(userID: sara, tenantID: tenant, role: .administrator, now: 100)
        try tenants.addMember(userID: pia, tenantID: tenant, role: .technician, now: 200)
        let removedAt: Timestamp = 10_000
        for member in try tenants.memberRows(tenantID: tenant) {
            try tenants.removeMember(member, tenantID: tenant, now: removedAt)
        }
        #expect(try tenants.memberRows(tenantID: tenant).isEmpty)
        let window = TenantStore.restoreWindow
        #expect(try tenants.restorableMembers(tenantID: tenant, now: removedAt + window - 1).count == 2)
        let back = try #require(try tenants.restoreMember(userID: sara, tenantID: tenant, now: removedAt + window - 1))
        #expect(back.role == .administrator && back.activeSince == 100)
        let members = try tenants.memberRows(tenantID: tenant)
        #expect(members.map(\.userID) == [sara] && members[0].activeSince == 100 && members[0].role == .administrator)
        #expect(try tenants.restoreMember(userID: sara, tenantID: tenant, now: removedAt + 1) == nil, "once")
        #expect(try tenants.restoreMember(userID: pia, tenantID: tenant, now: removedAt + window) == nil, "too late")
        #expect(try tenants.restorableMembers(tenantID: tenant, now: removedAt + window).isEmpty)
    }
}
