import PortalCore
import PortalStore
import Testing

@Suite("OutboxStore")
struct OutboxStoreTests {
    private let recipient = EmailAddress("mario.rossi@example.it")!

    @Test("refuses a subject with a line break and stores nothing", arguments: [
        "Codice\nBcc: tutti@example.it", "Codice\r\nBcc: tutti@example.it", "Codice\rX", "\n",
    ])
    func refusesLineBreaks(_ subject: String) throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let outbox = OutboxStore(database)
        #expect(throws: OutboxError.self) {
            try database.write { tx in try OutboxStore.enqueue(in: tx, to: [recipient], subject: subject, body: "x", now: 1) }
        }
        #expect(try outbox.all().isEmpty)
    }

    @Test("stores each recipient once, in order")
    func deduplicates() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let outbox = OutboxStore(database)
        let addresses = ["b@example.it", "Mario.Rossi@Example.it", "b@example.it", "mario.rossi@example.it"]
        let id = try database.write { tx in
            try OutboxStore.enqueue(in: tx, to: addresses.map { EmailAddress($0)! }, subject: "Invito", body: "Ciao", now: 5)
        }
        let stored = try #require(try outbox.due(now: 5).first)
        #expect(stored.id == id)
        #expect(stored.recipients == ["b@example.it", "mario.rossi@example.it"])
        #expect(stored.subject == "Invito")
    }

    @Test("refuses an empty recipient list")
    func noRecipients() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        #expect(throws: OutboxError.self) {
            try database.write { tx in try OutboxStore.enqueue(in: tx, to: [], subject: "x", body: "x", now: 1) }
        }
    }
}
