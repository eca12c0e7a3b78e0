import PortalCore
import PortalStore
import Testing

@Suite("OutboxStore")
struct OutboxStoreTests {
    private let recipient = EmailAddress("mario.rossi@example.it")!

    @Test("a subject's line breaks of every kind become one space: no header injection, no unsendable message", arguments: [
        ("Codice\nBcc: tutti@example.it", "Codice Bcc: tutti@example.it"),
        ("Codice\r\nBcc: tutti@example.it", "Codice Bcc: tutti@example.it"), ("Codice\rX", "Codice X"), ("\n", " "),
        ("ROSSI\u{2028}SRL", "ROSSI SRL"), ("A\u{85}\u{2029}\n\nB", "A B"), ("Nessuna", "Nessuna"),
    ])
    func foldsLineBreaks(_ subject: String, _ stored: String) throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        try database.write { tx in try OutboxStore.enqueue(in: tx, to: [recipient], subject: subject, body: "x", now: 1) }
        #expect(try OutboxStore(database).all().map(\.subject) == [stored])
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

    @Test("a failed code is tried again within seconds, up to a minute apart; a notification from 30 seconds up to an hour")
    func retriesBySecrecy() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let outbox = OutboxStore(database)
        let (code, notice) = try database.write { tx in
            (try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Codice", body: "1", now: 0, kind: .secret),
             try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Ticket", body: "2", now: 0))
        }
        func next(_ id: Int64) throws -> Int64 { try database.scalarInt("SELECT next_attempt_at FROM outbox WHERE id = ?", [id]) }
        var codeDelays: [Int64] = []
        var noticeDelays: [Int64] = []
        for attempt in 0..<8 {
            try outbox.markFailed(id: code, attempts: attempt, error: "giù", now: 1000, isSecret: true)
            try outbox.markFailed(id: notice, attempts: attempt, error: "giù", now: 1000)
            codeDelays.append(try next(code) - 1000)
            noticeDelays.append(try next(notice) - 1000)
        }
        #expect(codeDelays == [5, 10, 20, 40, 60, 60, 60, 60])
        #expect(noticeDelays == [30, 60, 120, 240, 480, 960, 1920, 3600])
    }

    @Test("refuses an empty recipient list")
    func noRecipients() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        #expect(throws: OutboxError.self) {
            try database.write { tx in try OutboxStore.enqueue(in: tx, to: [], subject: "x", body: "x", now: 1) }
        }
    }

    @Test("codes, links and invitations go before every notification queued earlier")
    func urgentFirst() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let outbox = OutboxStore(database)
        try database.write { tx in
            for index in 0..<30 {
                try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Ticket \(index)", body: "x", now: 1)
            }
            try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Invito", body: "x", now: 2, kind: .urgent)
            try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Codice", body: "x", now: 3, kind: .secret)
        }
        let due = try outbox.due(now: 3, limit: 3).map(\.subject)
        #expect(due == ["Invito", "Codice", "Ticket 0"])
    }

    @Test("a delivered secret keeps its subject but not its body; a notification keeps both")
    func secretsEmptied() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let outbox = OutboxStore(database)
        let (secret, notice) = try database.write { tx in
            (
                try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Codice", body: "Il codice è ABCDE", now: 1, kind: .secret),
                try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Ticket", body: "Risposta", now: 1)
            )
        }
        #expect(try outbox.due(now: 1).first { $0.id == secret }?.body == "Il codice è ABCDE", "unsent, it is still there to send")
        try outbox.markSent(id: secret, now: 2)
        try outbox.markSent(id: notice, now: 2)
        let stored = try outbox.all()
        #expect(stored.first { $0.id == secret }?.body == "")
        #expect(stored.first { $0.id == secret }?.subject == "Codice")
        #expect(stored.first { $0.id == notice }?.body == "Risposta")
    }

    @Test("discarded mail is never due again, and a discarded secret loses its body")
    func discarded() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let outbox = OutboxStore(database)
        let sent = try database.write { tx in
            try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Inviato", body: "x", now: 1)
        }
        try outbox.markSent(id: sent, now: 1)
        try database.write { tx in
            try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Codice", body: "ABCDE", now: 2, kind: .secret)
            try OutboxStore.enqueue(in: tx, to: [recipient], subject: "Ticket", body: "Risposta", now: 2)
        }
        #expect(try outbox.discardQueued(now: 3) == 2, "only what was still queued")
        #expect(try outbox.due(now: 10_000).isEmpty)
        let stored = try outbox.all()
        #expect(stored.first { $0.subject == "Codice" }?.body == "")
        #expect(stored.first { $0.subject == "Codice" }?.discardedAt == 3)
        #expect(stored.first { $0.subject == "Inviato" }?.discardedAt == nil)
    }
}
