import PortalCore
import PortalStore
import Testing

@Suite("ChangeStamp")
struct ChangeStampTests {
    @Test("moves with a company's content, from any connection")
    func movesWithContent() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let other = try Database(path: temporary.directory + "/portal.sqlite3")
        let start = try database.changeStamp()
        let tenantID = try TenantStore(other).add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
        let afterTenant = try database.changeStamp()
        #expect(afterTenant != start)
        let userID = try UserStore(database).create(
            email: EmailAddress("mario.rossi@rossi.example")!, passwordHash: "x", provisionalUntil: nil, now: 0)
        try TenantStore(database).addMember(userID: userID, tenantID: tenantID, role: .administrator, now: 0)
        let afterMember = try database.changeStamp()
        #expect(afterMember != afterTenant)
        try database.run("UPDATE users SET first_name = 'Mario' WHERE id = ?", [userID])
        #expect(try database.changeStamp() != afterMember)
    }

    @Test("stays put for logins, sessions and preferences")
    func ignoresActivity() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let userID = try UserStore(database).create(
            email: EmailAddress("luca.verdi@rossi.example")!, passwordHash: "x", provisionalUntil: nil, now: 0)
        let before = try database.changeStamp()
        _ = try SessionStore(database).create(
            tokenHash: Array(repeating: 7, count: 32), userID: userID, tenantID: nil, remember: false, userAgent: "test",
            clientIP: "127.0.0.1", now: 0)
        try database.run("UPDATE users SET failed_logins = 2, last_failed_login_at = 5 WHERE id = ?", [userID])
        try database.run("UPDATE sessions SET last_seen_at = 60")
        #expect(try database.changeStamp() == before)
    }
}
