import PortalCore
import PortalStore
import Testing

@Suite("SearchIndexMaintenance: the text index compacted once a night")
struct SearchIndexMaintenanceTests {
    /// 30 November 2026 in Rome (UTC+1), at `hour`:`minute`.
    private func rome(_ hour: Int, _ minute: Int = 0, day: Int = 30) -> Timestamp {
        RomeTime.instant(DateOnly("2026-11-\(day)")!, minute: hour * 60 + minute)
    }

    @Test("due between 03:00 and 06:00 Rome time, once a day")
    func window() {
        let today = DateOnly("2026-11-30")!
        #expect(!SearchIndexMaintenance.isDue(now: rome(2, 59), lastDay: nil))
        #expect(SearchIndexMaintenance.isDue(now: rome(3), lastDay: nil))
        #expect(SearchIndexMaintenance.isDue(now: rome(5, 59), lastDay: DateOnly("2026-11-29")))
        #expect(!SearchIndexMaintenance.isDue(now: rome(4), lastDay: today))
        #expect(!SearchIndexMaintenance.isDue(now: rome(6), lastDay: nil))
        #expect(!SearchIndexMaintenance.isDue(now: rome(14), lastDay: nil))
        // A merge that started in the window stops at its end, even on a day it already ran.
        #expect(SearchIndexMaintenance.isWindow(now: rome(5, 59)))
        #expect(!SearchIndexMaintenance.isWindow(now: rome(6)))
    }

    /// `count` tickets (forty by default), each row of the index rewritten a few times (a reply each, a new priority
    /// for half of them): many small segments and old versions.
    private func fragmented(count: Int = 40) throws -> TemporaryDatabase {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        _ = try TenantStore(database).add(name: "ROSSI SRL", vat: VATNumber("02740123456")!, now: 0)
        let store = TicketStore(database)
        var ids: [Int64] = []
        for index in 0..<count {
            var ticket = NewTicket(
                tenantID: 1, title: "Stampante \(index)", requesterID: nil, requesterName: "Mario Rossi",
                contactEmail: "mario@rossi.example", area: .systems, priority: .normal,
                description: "Testo \(index) " + String(repeating: "parola\(index) ", count: 20))
            ticket.phone = ""
            ids.append(try store.create(ticket, now: 100 + Timestamp(index)).id)
        }
        for (index, id) in ids.enumerated() {
            _ = try store.addMessage(
                ticketID: id, authorID: nil, authorName: "Mario Rossi", isOperator: false,
                body: index % 2 == 0 ? "fattura bloccata" : "magazzino", now: 200 + Timestamp(index))
            if index % 2 == 0 { try database.run("UPDATE tickets SET priority = 'high' WHERE id = ?", [id]) }
        }
        return temporary
    }

    @Test("compacting keeps every ticket findable by its current text and filters, and only those")
    func compactingKeepsResults() throws {
        let temporary = try fragmented()
        let database = temporary.database
        func found(_ match: String) throws -> [Int64] {
            try database.query("SELECT rowid FROM ticket_text WHERE ticket_text MATCH ? ORDER BY rowid", [match])
                .map { $0.int(at: 0) }
        }
        let searches = ["fattura", "magazzino", "stampante", "filters : \"priorityhigh\"", "fattura AND filters : \"prioritynormal\""]
        let before = try searches.map(found)
        #expect(before[0].count == 20 && before[1].count == 20 && before[2].count == 40 && before[3] == before[0])
        #expect(before[4].isEmpty)
        #expect(try SearchIndexMaintenance(database).compact())
        #expect(try searches.map(found) == before)
        try database.execute("INSERT INTO ticket_text (ticket_text) VALUES ('integrity-check')")
        // No level has two segments left: another merge finds nothing to do.
        let changes = database.totalChanges
        try database.run("INSERT INTO ticket_text (ticket_text, rank) VALUES ('merge', 1000)")
        #expect(database.totalChanges - changes < 2)
    }

    @Test("compacted after every write, 1,100 times, the index stays whole (a thousand 'optimize's would break it)")
    func manyNights() throws {
        let temporary = try fragmented()
        let database = temporary.database
        let store = TicketStore(database)
        for night in 1...1100 {
            _ = try store.addMessage(
                ticketID: Int64(night % 40 + 1), authorID: nil, authorName: "Mario Rossi", isOperator: false,
                body: "notte \(night)", now: 1000 + Timestamp(night))
            try SearchIndexMaintenance(database).compact()
        }
        try database.execute("INSERT INTO ticket_text (ticket_text) VALUES ('integrity-check')")
        #expect(try database.scalarInt("SELECT count(*) FROM ticket_text WHERE ticket_text MATCH 'notte'") == 40)
    }

    @Test("the merge goes in steps that each release the lock: another connection writes between them at once")
    func stepsLetWritersIn() throws {
        let temporary = try fragmented(count: 400)
        // No busy timeout: a write fails at once if the merge still held the lock.
        let other = try Database(path: temporary.directory + "/portal.sqlite3", busyTimeoutMilliseconds: 0)
        var steps = 0
        let finished = try SearchIndexMaintenance(temporary.database).compact(pagesPerStep: 1) {
            steps += 1
            do {
                try other.write { _ in try other.run("UPDATE settings SET value = value WHERE name = 'none'") }
            } catch {
                Issue.record("a write between two steps failed: \(error)")
            }
            return true
        }
        #expect(finished)
        #expect(steps > 1)
        try temporary.database.execute("INSERT INTO ticket_text (ticket_text) VALUES ('integrity-check')")
    }

    @Test("stopped between steps, it says so, and the index stays whole")
    func stopsEarly() throws {
        let temporary = try fragmented()
        #expect(try !SearchIndexMaintenance(temporary.database).compact(pagesPerStep: 1) { false })
        try temporary.database.execute("INSERT INTO ticket_text (ticket_text) VALUES ('integrity-check')")
        #expect(try SearchIndexMaintenance(temporary.database).compact())
    }

    @Test("with a write between every two steps it still ends, after about twice the index's pages")
    func endsUnderWrites() throws {
        let temporary = try fragmented(count: 200)
        let database = temporary.database
        let pages = Int(try database.scalarInt("SELECT count(*) FROM ticket_text_data"))
        var steps = 0
        _ = try SearchIndexMaintenance(database).compact(pagesPerStep: 1) {
            steps += 1
            // A reply on another ticket each time: a new small segment to merge.
            _ = try? TicketStore(database).addMessage(
                ticketID: Int64(steps % 200 + 1), authorID: nil, authorName: "Mario Rossi", isOperator: false,
                body: "ancora \(steps)", now: 1000 + Timestamp(steps))
            // Only so that a regression fails instead of hanging.
            return steps < 100 * pages
        }
        #expect(steps <= 2 * pages + 2)
        try database.execute("INSERT INTO ticket_text (ticket_text) VALUES ('integrity-check')")
    }
}
