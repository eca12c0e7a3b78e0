import PortalCore

/// Each ticket's deadline (`due_at`), kept with every change it depends on: its opening, the
/// first operator answer, its priority and its status. The queue sorts by it through an index.
extension TicketStore {
    /// Computes the ticket's deadline again; inside the caller's transaction.
    func refreshDue(ticketID: Int64) throws {
        guard
            let row = try database.queryOne(
                "SELECT created_at, priority, status, first_answered_at, due_at, paused_minutes FROM tickets WHERE id = ?",
                [ticketID])
        else { return }
        let due = try ResponseTargetStore(database).settings().due(
            createdAt: row.int("created_at"), priority: Priority(rawValue: row.string("priority")) ?? .normal,
            status: TicketStatus(rawValue: row.string("status")) ?? .waiting,
            firstAnsweredAt: row.optionalInt("first_answered_at"), pausedMinutes: Int(row.int("paused_minutes")))?.at
        guard due != row.optionalInt("due_at") else { return }
        try database.run("UPDATE tickets SET due_at = ? WHERE id = ?", [due, ticketID])
    }

    /// "Rinviato" stops the ticket's clock and leaving it starts it again, the working minutes
    /// it stood still added to its pauses; inside the caller's transaction, before its status
    /// is written (`from` is the status it leaves).
    func pauseClock(ticketID: Int64, from: TicketStatus, to: TicketStatus, now: Timestamp) throws {
        if to == .postponed && from != .postponed {
            try database.run("UPDATE tickets SET paused_since = ? WHERE id = ?", [now, ticketID])
        } else if from == .postponed && to != .postponed {
            let since = try database.queryOne("SELECT paused_since FROM tickets WHERE id = ?", [ticketID])?.optionalInt("paused_since")
            let minutes = try since.map { try ResponseTargetStore(database).settings().calendar.workingMinutes(from: $0, to: now) } ?? 0
            try database.run(
                "UPDATE tickets SET paused_minutes = paused_minutes + ?, paused_since = NULL WHERE id = ?", [minutes, ticketID])
        }
    }

    /// An operator's reply: the first one stops the first answer's clock, and the pauses so far
    /// are those that moved its deadline ("Andamento" judges the answer by them).
    func recordAnswer(ticketID: Int64, now: Timestamp) throws {
        try database.run(
            """
            UPDATE tickets SET first_answered_at = ?, answer_paused_minutes = paused_minutes
            WHERE id = ? AND first_answered_at IS NULL
            """, [now, ticketID])
        if database.changes > 0 { try refreshDue(ticketID: ticketID) }
    }
}
