import PortalCore
import PortalStore
import Testing

@Suite("TenantStamp: one content stamp per company")
struct TenantStampTests {
    private struct Fixture {
        let temporary: TemporaryDatabase
        let rossi: Int64
        let bianchi: Int64
        let mario: Int64
        let ticket: Int64

        var database: Database { temporary.database }

        init() throws {
            temporary = try TemporaryDatabase()
            let database = temporary.database
            rossi = try TenantStore(database).add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
            bianchi = try TenantStore(database).add(name: "BIANCHI SPA", vat: VATNumber("01234567897")!, now: 0).id
            mario = try UserStore(database).create(
                email: EmailAddress("mario.rossi@rossi.example")!, passwordHash: "x", provisionalUntil: nil, now: 0)
            try TenantStore(database).addMember(userID: mario, tenantID: rossi, role: .administrator, now: 0)
            try database.run(
                """
                INSERT INTO tickets (tenant_id, number, title, requester_id, requester_name, contact_email,
                    contact_preference, request_type, area, priority, priority_rank, status, created_at, updated_at,
                    last_reply_at)
                VALUES (?, 1001, 'Stampa', ?, 'Mario', 'mario.rossi@rossi.example', 'web', 'assistance',
                    'administrative', 'normal', 1, 'unassigned', 0, 0, 0)
                """, [rossi, mario])
            ticket = database.lastInsertRowID
        }

        func stamps() throws -> (TenantStamp, TenantStamp) {
            (try database.tenantStamp(rossi), try database.tenantStamp(bianchi))
        }
    }

    /// Each change to what a kept part of ROSSI's pages reads moves ROSSI's stamp, from any
    /// connection, and leaves BIANCHI's as it was.
    @Test("moves with one company's content only", arguments: [
        "UPDATE tenants SET name = 'ROSSI S.R.L.' WHERE vat = '02740123456'",
        "UPDATE memberships SET role = 'tech'",
        "UPDATE users SET first_name = 'Mario' WHERE email = 'mario.rossi@rossi.example'",
        "UPDATE tickets SET title = 'Stampante' WHERE number = 1001",
        "INSERT INTO messages (ticket_id, author_name, body, created_at) SELECT id, 'Mario', 'Grazie', 1 FROM tickets",
        "INSERT INTO attachments (ticket_id, file_name, content_type, size, sha256, created_at) SELECT id, 'a.txt', 'text/plain', 1, 'x', 1 FROM tickets",
        "DELETE FROM memberships",
    ])
    func movesWithContent(_ sql: String) throws {
        let fixture = try Fixture()
        let other = try Database(path: fixture.temporary.directory + "/portal.sqlite3")
        let (rossi, bianchi) = try fixture.stamps()
        try other.run(sql)
        let (rossiAfter, bianchiAfter) = try fixture.stamps()
        #expect(rossiAfter != rossi)
        #expect(bianchiAfter == bianchi)
    }

    @Test("stays put for logins, sessions and preferences")
    func ignoresActivity() throws {
        let fixture = try Fixture()
        let database = fixture.database
        let before = try fixture.stamps()
        _ = try SessionStore(database).create(
            tokenHash: Array(repeating: 7, count: 32), userID: fixture.mario, tenantID: fixture.rossi, remember: false,
            userAgent: "test", clientIP: "127.0.0.1", now: 0)
        try database.run("UPDATE users SET failed_logins = 2, last_failed_login_at = 5 WHERE id = ?", [fixture.mario])
        try database.run("UPDATE sessions SET last_seen_at = 60")
        #expect(try fixture.stamps() == before)
    }

    /// Every table that kept parts read (`KeptPart.tables`) has its triggers, literal SQL in
    /// a migration, for each change that shows on a company's pages.
    @Test("every table a kept part reads has a stamp trigger for each change")
    func triggersCoverTables() throws {
        let fixture = try Fixture()
        for (table, changes) in KeptPart.tables {
            let triggers = try fixture.database.query(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table]
            ).map { $0.string("sql") }
            for change in changes {
                #expect(
                    triggers.contains { $0.contains("AFTER \(change)") && $0.contains("tenant_content") },
                    "no \(change) trigger on \(table) moves tenant_content")
            }
        }
    }
}
