import PortalCore

/// The reads of "Andamento" over every company: the tickets opened in a period and the
/// closings in it, through the indexes of migrations 0022 and 0008.
public struct FiguresStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func tickets(openedFrom start: Timestamp, until end: Timestamp) throws -> [TicketFacts] {
        try database.query(
            """
            SELECT created_at, closed_at, first_answered_at, priority, status, area, paused_minutes, answer_paused_minutes
            FROM tickets
            WHERE created_at >= ? AND created_at < ?
            """, [start, end]
        ).map {
            // By position: a two-year period is a million rows at the benchmark's scale.
            TicketFacts(
                createdAt: $0.int(at: 0), closedAt: $0.optionalInt(at: 1), firstAnsweredAt: $0.optionalInt(at: 2),
                priority: Priority(rawValue: $0.string(at: 3)) ?? .normal,
                status: TicketStatus(rawValue: $0.string(at: 4)) ?? .waiting,
                area: RequestArea(rawValue: $0.string(at: 5)) ?? .management, pausedMinutes: Int($0.int(at: 6)),
                answerPausedMinutes: Int($0.int(at: 7)))
        }
    }

    /// When each ticket closed in the period was closed (a reopened one no longer counts).
    public func closings(from start: Timestamp, until end: Timestamp) throws -> [Timestamp] {
        try database.query("SELECT closed_at FROM tickets WHERE closed_at >= ? AND closed_at < ?", [start, end])
            .map { $0.int(at: 0) }
    }
}
