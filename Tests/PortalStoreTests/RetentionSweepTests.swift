import PortalCore
import PortalStore
import Testing

/// The privacy notice's periods, applied: what is past them goes, what is within stays.
@Suite("Retention: what the privacy notice keeps no longer than it says")
struct RetentionSweepTests {
    @Test("expired sessions and a year-old trail go; a live session, a recent trail line and a member's account stay")
    func periods() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let now: Timestamp = 1_800_000_000
        let tenants = TenantStore(database)
        let tenant = try tenants.add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
        try database.run(
            """
            INSERT INTO users (email, password_hash, created_at, updated_at) VALUES
                ('mario@rossi.example', 'x', 0, 0), ('sara@rossi.example', 'x', 0, 0), ('nuovo@rossi.example', 'x', ?, ?)
            """, [now - 60, now - 60])
        let mario = try database.scalarInt("SELECT id FROM users WHERE email = 'mario@rossi.example'")
        let sara = try database.scalarInt("SELECT id FROM users WHERE email = 'sara@rossi.example'")
        try tenants.addMember(userID: mario, tenantID: tenant, role: .administrator, now: 0)
        let sessions = SessionStore(database)
        _ = try sessions.create(tokenHash: Array(repeating: 1, count: 32), userID: mario, tenantID: tenant, remember: false,
            userAgent: "Firefox", clientIP: "192.0.2.1", now: now - 7200)
        _ = try sessions.create(tokenHash: Array(repeating: 2, count: 32), userID: mario, tenantID: tenant, remember: false,
            userAgent: "Firefox", clientIP: "192.0.2.1", now: now)
        try database.run("UPDATE sessions SET expires_at = ? WHERE token_hash = ?", [now - 1, Array(repeating: UInt8(1), count: 32)])
        let ticket = try database.write { _ in
            try TicketStore(database).create(
                NewTicket(tenantID: tenant, title: "Stampante", requesterID: sara, requesterName: "Sara Neri",
                    contactEmail: "sara@rossi.example", area: .systems, priority: .normal, description: "Non stampa."), now: 0).id
        }
        try database.run(
            "INSERT INTO audit_events (event, actor_email, client_ip, at) VALUES ('login_ok', 'mario@rossi.example', '192.0.2.1', ?), ('login_ok', 'mario@rossi.example', '192.0.2.1', ?)",
            [now - RetentionSweep.trailKept - 1, now - 86400])

        let report = try RetentionSweep(database: database).run(now: now)
        #expect(try database.scalarInt("SELECT count(*) FROM sessions") == 1)
        #expect(try database.scalarInt("SELECT count(*) FROM audit_events") == 1)
        // Sara is in no company and was not removed within the window: erased. The account
        // created a minute ago (its invitation being provisioned) and Mario stay.
        #expect(try database.scalarInt("SELECT count(*) FROM users WHERE id = ?", [sara]) == 0)
        #expect(try database.scalarInt("SELECT count(*) FROM users") == 2)
        // Her ticket stays, with her name, but her address no longer receives the company's e-mails.
        let kept = try #require(try database.queryOne("SELECT requester_name, contact_email, requester_id FROM tickets WHERE id = ?", [ticket]))
        #expect(kept.string("requester_name") == "Sara Neri" && kept.string("contact_email") == "" && kept.optionalInt("requester_id") == nil)
        #expect(report.rows["sessions"] == 1 && report.rows["audit_events"] == 1 && report.rows["users"] == 1)
    }

    @Test("a company's tickets go ten years after its deactivation, with messages, files' rows and index entries; others stay")
    func ticketsAfterTheContract() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let now: Timestamp = 2_200_000_000
        let tenants = TenantStore(database)
        let ended = try tenants.add(name: "VECCHIA SRL", vat: VATNumber("02740123456")!, now: 0).id
        let recent = try tenants.add(name: "RECENTE SRL", vat: VATNumber("01234567897")!, now: 0).id
        let active = try tenants.add(name: "ATTIVA SRL", vat: VATNumber("12345678903")!, now: 0).id
        func tickets(_ tenant: Int64, _ count: Int) throws {
            for n in 0..<count {
                let id = try database.write { _ in
                    try TicketStore(database).create(
                        NewTicket(tenantID: tenant, title: "Stampante \(n)", requesterID: nil, requesterName: "Sara Neri",
                            contactEmail: "sara@example.com", area: .systems, priority: .normal, description: "Non stampa."),
                        now: 0
                    ).id
                }
                try database.run(
                    "INSERT INTO attachments (ticket_id, file_name, content_type, size, sha256, created_at) VALUES (?, 'log.txt', 'text/plain', 3, 'abc', 0)",
                    [id])
            }
        }
        // More than one batch of the ended company's, to see the batches continue.
        try tickets(ended, RetentionSweep.ticketBatch + 3)
        try tickets(recent, 2)
        try tickets(active, 2)
        try database.run("UPDATE tenants SET deactivated_at = ? WHERE id = ?", [now - RetentionSweep.ticketsKeptAfterContract - 1, ended])
        try database.run("UPDATE tenants SET deactivated_at = ? WHERE id = ?", [now - RetentionSweep.ticketsKeptAfterContract + 86400, recent])

        let report = try RetentionSweep(database: database).run(now: now)
        #expect(report.rows["tickets"] == RetentionSweep.ticketBatch + 3)
        #expect(try database.scalarInt("SELECT count(*) FROM tickets WHERE tenant_id = ?", [ended]) == 0)
        #expect(try database.scalarInt("SELECT count(*) FROM tickets") == 4)
        #expect(try database.scalarInt("SELECT count(*) FROM messages WHERE ticket_id NOT IN (SELECT id FROM tickets)") == 0)
        #expect(try database.scalarInt("SELECT count(*) FROM attachments") == 4)
        #expect(try database.scalarInt("SELECT count(*) FROM ticket_text WHERE ticket_text MATCH 'stampante'") == 4)
        // The company itself stays, deactivated: companies are never deleted.
        #expect(try database.scalarInt("SELECT count(*) FROM tenants") == 3)
    }

    @Test("a member removed within the restore window keeps the account until the window ends")
    func restoreWindow() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let tenants = TenantStore(database)
        let tenant = try tenants.add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0).id
        try database.run("INSERT INTO users (email, password_hash, created_at, updated_at) VALUES ('pia@rossi.example', 'x', 0, 0)")
        let pia = try database.scalarInt("SELECT id FROM users WHERE email = 'pia@rossi.example'")
        try tenants.addMember(userID: pia, tenantID: tenant, role: .technician, now: 0)
        let removedAt: Timestamp = 1_800_000_000
        for member in try tenants.memberRows(tenantID: tenant) { try tenants.removeMember(member, tenantID: tenant, now: removedAt) }
        try RetentionSweep(database: database).run(now: removedAt + 60)
        #expect(try database.scalarInt("SELECT count(*) FROM users WHERE id = ?", [pia]) == 1, "still restorable")
        try RetentionSweep(database: database).run(now: removedAt + TenantStore.restoreWindow)
        #expect(try database.scalarInt("SELECT count(*) FROM users WHERE id = ?", [pia]) == 0)
    }
}
