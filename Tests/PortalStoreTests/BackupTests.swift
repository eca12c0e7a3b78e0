import Foundation
import PortalCore
import PortalStore
import Testing

@Suite("Backup")
struct BackupTests {
    private func tenants(_ database: Database) throws -> [[String]] {
        try database.query("SELECT id, name, vat, created_at FROM tenants ORDER BY id").map {
            [$0.string("id"), $0.string("name"), $0.string("vat"), $0.string("created_at")]
        }
    }

    @Test("copy holds the same tenants as the original")
    func copyHasSameRows() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let directory = temporary.directory
        let store = TenantStore(database)
        _ = try store.add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 10)
        _ = try store.add(name: "Bianchi & C. — è", vat: VATNumber("00000010009")!, now: 20)
        let path = directory + "/backup.sqlite3"
        try Backup.copy(database, to: path)

        let copy = try Database(path: path)
        let original = try tenants(database)
        #expect(original.count == 2)
        #expect(try tenants(copy) == original)
    }

    @Test("refuses to overwrite an existing file")
    func existingTarget() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let directory = temporary.directory
        let path = directory + "/backup.sqlite3"
        try Backup.copy(database, to: path)
        #expect(throws: DatabaseError.self) { try Backup.copy(database, to: path) }
    }

    private func queue(_ database: Database, _ subject: String) throws {
        try database.write { tx in
            try OutboxStore.enqueue(in: tx, to: [EmailAddress("mario.rossi@example.it")!], subject: subject, body: "x", now: 1)
        }
    }

    @Test("a restore brings the backup's rows back and does not send its queued mail again")
    func restoreHoldsMail() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 10)
        try queue(database, "In coda al backup")
        let path = temporary.directory + "/backup.sqlite3"
        try Backup.copy(database, to: path)
        // After the backup: the mailer sent it, and a company came and went with the disaster.
        let outbox = OutboxStore(database)
        try outbox.markSent(id: try #require(try outbox.due(now: 1).first).id, now: 2)
        _ = try TenantStore(database).add(name: "Dopo", vat: VATNumber("00000010009")!, now: 20)

        let restored = try Backup.restore(from: path, into: database, resendMail: false, now: 30)
        #expect(restored.queuedMail == 1)
        #expect(try tenants(database).map { $0[1] } == ["Rossi S.r.l."], "the live connection reads the backup's rows")
        #expect(try outbox.due(now: 10_000).isEmpty, "what the backup had queued is not sent twice")
        #expect(try outbox.all().first?.discardedAt == 30)
        #expect(try Migrator.pending(database).isEmpty)
    }

    @Test("with --resend-mail the backup's queued mail is sent")
    func restoreResends() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        try queue(database, "In coda al backup")
        let path = temporary.directory + "/backup.sqlite3"
        try Backup.copy(database, to: path)
        try database.run("DELETE FROM outbox")
        _ = try Backup.restore(from: path, into: database, resendMail: true, now: 30)
        #expect(try OutboxStore(database).due(now: 10_000).map(\.subject) == ["In coda al backup"])
    }

    @Test("a backup of an older schema is migrated as it is restored; the backup file is left as it was")
    func restoreMigrates() throws {
        let temporary = try TemporaryDatabase()
        let old = try Database(path: temporary.directory + "/old.sqlite3")
        try Migrator.migrate(old, migrations: Array(Migrations.all.dropLast()), now: 1)
        let path = temporary.directory + "/old-backup.sqlite3"
        try Backup.copy(old, to: path)
        let before = try #require(FileManager.default.contents(atPath: path))
        _ = try Backup.restore(from: path, into: temporary.database, resendMail: false, now: 30)
        #expect(try Migrator.pending(temporary.database).isEmpty)
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test("an empty file or another program's database is no backup: refused, the database unchanged")
    func restoreForeign() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 10)
        let empty = temporary.directory + "/vuoto.sqlite3"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let other = temporary.directory + "/altro.sqlite3"
        try Database(path: other).execute("CREATE TABLE foo (x INTEGER)")
        for path in [empty, other] {
            let error = #expect(throws: DatabaseError.self) {
                try Backup.restore(from: path, into: database, resendMail: false, now: 30)
            }
            #expect(error?.message.contains("non è una copia del database del portale") == true)
        }
        #expect(try tenants(database).count == 1)
    }

    @Test("a missing backup changes nothing")
    func restoreMissing() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try TenantStore(database).add(name: "Rossi S.r.l.", vat: VATNumber("02019510409")!, now: 10)
        #expect(throws: DatabaseError.self) {
            try Backup.restore(from: temporary.directory + "/nessuno.sqlite3", into: database, resendMail: false, now: 30)
        }
        #expect(try tenants(database).count == 1)
    }
}
