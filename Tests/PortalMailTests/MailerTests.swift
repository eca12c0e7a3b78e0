import Foundation
import PortalCore
import PortalMail
import PortalStore
import Testing

@Suite("Mailer")
struct MailerTests {
    /// Records every message; the first send "succeeds" and then fails, as a mailer killed
    /// between handing a message over and marking it sent.
    struct Killed: Error {}

    final class DroppingTransport: MailTransport {
        var sent: [MailMessage] = []
        func send(_ message: MailMessage) throws {
            sent.append(message)
            if sent.count == 1 { throw Killed() }
        }
    }

    /// A fresh database in a folder of its own (removed by the caller), with one message queued.
    private func queued() throws -> (database: Database, directory: String) {
        var template = Array("/tmp/portal-mailer-tests.XXXXXX".utf8CString)
        let directory = String(cString: try #require(mkdtemp(&template)))
        let database = try Database(path: directory + "/portal.sqlite3")
        try Migrator.migrate(database, now: 1_700_000_000)
        try database.write { tx in
            _ = try OutboxStore.enqueue(
                in: tx, to: [EmailAddress("mario.rossi@rossi.example")!], subject: "Ticket #1001", body: "testo",
                now: Clock.now())
        }
        return (database, directory)
    }

    @Test("a message sent again after a failure carries the same Message-ID: mail programs see one message")
    func sameMessageID() throws {
        let (database, directory) = try queued()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let transport = DroppingTransport()
        let mailer = Mailer(database: database, transport: transport, from: "Assistenza <noreply@portal.invalid>")
        #expect(try mailer.deliverDue() == 0)
        try database.run("UPDATE outbox SET next_attempt_at = 0")
        #expect(try mailer.deliverDue() == 1)
        #expect(transport.sent.count == 2)
        #expect(transport.sent[0].messageID == transport.sent[1].messageID)
        // A digest of the content, never the outbox row's number ("<1@…" here): a hash may
        // well start with "1", so the whole local part is checked.
        let local = transport.sent[0].messageID.dropFirst().prefix { $0 != "@" }
        #expect(local.count == 32 && local.allSatisfy(\.isHexDigit), "no row number in it")

        // Two equal messages of the same second are two messages, not one a mail program drops.
        let now = Clock.now()
        try database.write { tx in
            for _ in 0..<2 {
                _ = try OutboxStore.enqueue(
                    in: tx, to: [EmailAddress("mario.rossi@rossi.example")!], subject: "Uguale", body: "uguale", now: now)
            }
        }
        let before = transport.sent.count
        #expect(try mailer.deliverDue() == 2)
        #expect(transport.sent.count == before + 2)
        #expect(transport.sent[before].messageID != transport.sent[before + 1].messageID)
    }

    final class CountingTransport: MailTransport {
        var sent: [MailMessage] = []
        func send(_ message: MailMessage) throws { sent.append(message) }
    }

    @Test("a message sent whose sending cannot be written down (a full disk, a read-only database) is not sent again on the next passes")
    func sentOnceWhenTheRecordFails() throws {
        let (database, directory) = try queued()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let transport = CountingTransport()
        let mailer = Mailer(database: database, transport: transport, from: "Assistenza <noreply@portal.invalid>")
        _ = try mailer.deliverDue()  // the message id's secret is written once, before the fault
        try database.run("UPDATE outbox SET sent_at = NULL, next_attempt_at = 0")
        let before = transport.sent.count
        // The fault: nothing can be written, everything read.
        try database.run("PRAGMA query_only = 1")
        for _ in 0..<5 { #expect(throws: (any Error).self) { try mailer.deliverDue() } }
        #expect(transport.sent.count == before + 1, "sent once, not once a pass")
        try database.run("PRAGMA query_only = 0")
        #expect(try mailer.deliverDue() == 0)
        #expect(transport.sent.count == before + 1)
        #expect(try database.scalarInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0, "written down once it can be")
    }
}
