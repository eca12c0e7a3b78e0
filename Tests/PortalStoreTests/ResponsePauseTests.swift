import PortalCore
import PortalStore
import Testing

/// "Rinviato": the vendor waits for the customer, and the ticket's clock stands still.
@Suite("Deadlines stop while a ticket is Rinviato")
struct ResponsePauseTests {
    func rome(_ day: Int, _ hour: Int) -> Timestamp {
        RomeTime.instant(DateOnly(year: 2026, month: 11, day: day)!, minute: hour * 60)
    }

    func due(_ database: Database, _ id: Int64) throws -> Timestamp? {
        try database.queryOne("SELECT due_at FROM tickets WHERE id = ?", [id])?.optionalInt("due_at")
    }

    @Test("no deadline while Rinviato; afterwards it is later by the working time the pause took")
    func pauseMovesTheDeadline() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let store = TicketStore(database)
        // Monday 30 November 2026, 9:00; "Normale": a first answer within 8 working hours
        // (9-13, 14-18), so by Monday 18:00.
        let id = try temporary.rossiTicket(now: rome(30, 9))
        #expect(try due(database, id) == rome(30, 18))
        try database.write { _ in try store.setStatus(ticketID: id, status: .postponed, operatorID: nil, now: rome(30, 10)) }
        #expect(try due(database, id) == nil)
        // Back "In attesa" at 15:00: four working hours paused (10-13, 14-15).
        try database.write { _ in try store.setStatus(ticketID: id, status: .waiting, operatorID: nil, now: rome(30, 15)) }
        #expect(try database.scalarInt("SELECT paused_minutes FROM tickets WHERE id = ?", [id]) == 240)
        #expect(try due(database, id) == RomeTime.instant(DateOnly(year: 2026, month: 12, day: 1)!, minute: 13 * 60))
        // A second pause adds to the first; "Rinviato" to "Rinviato" changes nothing.
        try database.write { _ in try store.setStatus(ticketID: id, status: .postponed, operatorID: nil, now: rome(30, 16)) }
        try database.write { _ in try store.setStatus(ticketID: id, status: .postponed, operatorID: nil, now: rome(30, 17)) }
        try database.write { _ in try store.setStatus(ticketID: id, status: .closed, operatorID: nil, now: rome(30, 18)) }
        #expect(try database.scalarInt("SELECT paused_minutes FROM tickets WHERE id = ?", [id]) == 360)
    }

    @Test("Andamento counts a ticket's pauses in its targets, and one waiting for the customer is not late")
    func figures() throws {
        let period = try FiguresPeriod.read(from: "30/11/2026", to: "2026-12-06").get()
        let created = rome(30, 9)
        // Resolved after 44 working hours, 6 of them paused: within the 40 of "Normale".
        let closed = RomeTime.instant(DateOnly(year: 2026, month: 12, day: 4)!, minute: 17 * 60)
        let answered = RomeTime.instant(DateOnly(year: 2026, month: 12, day: 1)!, minute: 11 * 60)
        let facts = [
            TicketFacts(createdAt: created, closedAt: closed, firstAnsweredAt: answered, priority: .normal, status: .closed,
                        area: .systems, pausedMinutes: 6 * 60),
            TicketFacts(createdAt: created, closedAt: nil, firstAnsweredAt: answered, priority: .normal, status: .postponed,
                        area: .systems),
        ]
        let figures = TicketFigures(
            period: period, tickets: facts, closings: [closed], targets: .standard, calendar: .standard,
            now: RomeTime.instant(DateOnly(year: 2026, month: 12, day: 10)!, minute: 9 * 60))
        let normal = try #require(figures.shares.first { $0.priority == .normal })
        #expect(normal.resolutionCounted == 1 && normal.resolutionWithin == 1)
        // Answered after 10 working hours (target 8): a pause after the answer does not excuse it.
        #expect(normal.firstAnswerCounted == 2 && normal.firstAnswerWithin == 0)
    }
}
