import PortalCore
import Synchronization

/// The response targets and the working calendar together: what a ticket's deadline is
/// computed from.
public struct ResponseSettings: Sendable, Equatable {
    public var targets: ResponseTargets
    public var calendar: WorkingCalendar

    public init(targets: ResponseTargets, calendar: WorkingCalendar) {
        self.targets = targets
        self.calendar = calendar
    }

    /// The deadline a ticket's clock runs towards now; nil when closed, or "Rinviato" (the
    /// clock stops while the vendor waits for the customer). `pausedMinutes`: the working
    /// minutes of its earlier pauses, which push the deadline later.
    public func due(
        createdAt: Timestamp, priority: Priority, status: TicketStatus, firstAnsweredAt: Timestamp?, pausedMinutes: Int = 0
    ) -> (kind: ResponseTargets.Kind, at: Timestamp)? {
        guard status != .postponed else { return nil }
        return targets.due(
            createdAt: createdAt, priority: priority, firstAnsweredAt: firstAnsweredAt, isClosed: status.isClosed,
            pausedMinutes: pausedMinutes, calendar: calendar)
    }
}

/// "Tempi di risposta" in the database (migration 0008), and the tickets' `due_at` that
/// follows from them.
public struct ResponseTargetStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func settings() throws -> ResponseSettings {
        var targets = ResponseTargets.standard
        for row in try database.query("SELECT priority, first_answer_minutes, resolution_minutes FROM response_targets") {
            guard let priority = Priority(rawValue: row.string("priority")) else { continue }
            targets.targets[priority] = ResponseTargets.Target(
                firstAnswer: Int(row.int("first_answer_minutes")), resolution: Int(row.int("resolution_minutes")))
        }
        var calendar = WorkingCalendar.standard
        if let row = try database.queryOne("SELECT hours, added_holidays, removed_holidays FROM working_calendar WHERE id = 1") {
            calendar = ResponseTargetStore.calendar(
                hours: row.string("hours"), added: row.string("added_holidays"), removed: row.string("removed_holidays"))
        }
        return ResponseSettings(targets: targets, calendar: calendar)
    }

    /// The calendar's texts as last read, and what they say: every new ticket and every
    /// queue page reads them, and they change when a Responsabile saves the form.
    private static let lastCalendar = Mutex<(texts: [String], calendar: WorkingCalendar)?>(nil)

    static func calendar(hours: String, added: String, removed: String) -> WorkingCalendar {
        let texts = [hours, added, removed]
        if let last = lastCalendar.withLock({ $0 }), last.texts == texts { return last.calendar }
        var calendar = WorkingCalendar.standard
        // Only the form writes these, after the same checks: a value that does not read
        // keeps the standard one rather than stopping the desk.
        if case .success(let hours) = WorkingCalendar.hours(from: hours) { calendar.hours = hours }
        if case .success(let added) = WorkingCalendar.holidays(from: added) { calendar.added = added }
        if case .success(let removed) = WorkingCalendar.holidays(from: removed) { calendar.removed = removed }
        lastCalendar.withLock { $0 = (texts, calendar) }
        return calendar
    }

    /// The number of the last saved change: a page carries the one it showed, and a save from
    /// a page older than the last change is not made unseen (two Responsabili undid each other).
    public func changeNumber() throws -> Int64 {
        try database.scalarInt("SELECT deadlines_generation FROM working_calendar WHERE id = 1")
    }

    /// Saves the targets and the calendar, inside the caller's transaction with its audit line,
    /// as the next numbered change (`deadlines_generation`): the open tickets' deadlines follow
    /// with `recomputeDue()`, after the commit, which records the change once all of them have.
    public func save(in transaction: WriteTransaction, _ settings: ResponseSettings, now: Timestamp) throws {
        for priority in Priority.allCases {
            let target = settings.targets[priority]
            try database.run(
                """
                INSERT INTO response_targets (priority, first_answer_minutes, resolution_minutes) VALUES (?, ?, ?)
                ON CONFLICT (priority) DO UPDATE SET first_answer_minutes = excluded.first_answer_minutes,
                    resolution_minutes = excluded.resolution_minutes
                """, [priority.rawValue, target.firstAnswer, target.resolution])
        }
        try database.run(
            """
            UPDATE working_calendar SET hours = ?, added_holidays = ?, removed_holidays = ?, updated_at = ?,
                deadlines_generation = deadlines_generation + 1
            WHERE id = 1
            """,
            [
                settings.calendar.hoursText, WorkingCalendar.holidaysText(settings.calendar.added),
                WorkingCalendar.holidaysText(settings.calendar.removed), now,
            ])
    }

    /// Open tickets per transaction when every deadline is computed again: 80,000 open
    /// tickets take seconds to write (each write moves its company's stamp and the queue's
    /// index), and other writers must not wait for all of them.
    public static let batchSize = 1000

    /// Every open ticket's deadline from the settings as they are, a batch per transaction;
    /// returns how many deadlines moved. A ticket written meanwhile computes its own.
    @discardableResult
    public func recomputeDue() throws -> Int {
        // The change this pass follows: one saved meanwhile stays pending (its own pass may
        // have gone by the batches this one had already passed).
        let change = try database.scalarInt("SELECT deadlines_generation FROM working_calendar WHERE id = 1")
        var after: Int64 = 0
        var moved = 0
        while true {
            let batch = try database.write { tx in try recomputeDue(in: tx, after: after, limit: ResponseTargetStore.batchSize) }
            moved += batch.moved
            guard let last = batch.lastID else { break }
            after = last
        }
        try database.run("UPDATE working_calendar SET deadlines_done = max(deadlines_done, ?) WHERE id = 1", [change])
        return moved
    }

    /// True while a change of the targets has not reached every open ticket's deadline.
    /// `savedBefore`: only a change saved before that time (the mailer leaves a page's own
    /// pass, seconds long, to finish rather than run a second one beside it).
    public func deadlinesPending(savedBefore: Timestamp = .max) throws -> Bool {
        try database.scalarInt(
            "SELECT deadlines_generation > deadlines_done AND updated_at < ? FROM working_calendar WHERE id = 1", [savedBefore])
            != 0
    }

    /// The deadlines of the open tickets after id `after`, at most `limit` of them, inside the
    /// caller's transaction; only the rows whose deadline moves are written. Returns the last
    /// id read (nil when none was left).
    /// `pauses`: false for migration 0008, which runs before the pauses' column exists (0024).
    func recomputeDue(in transaction: WriteTransaction, after: Int64, limit: Int, pauses: Bool = true) throws
        -> (lastID: Int64?, moved: Int)
    {
        let settings = try settings()
        var moved = 0
        let rows = try database.query(
            "SELECT id, created_at, priority, status, first_answered_at, due_at, "
                + (pauses ? "paused_minutes" : "0 AS paused_minutes")
                + " FROM tickets WHERE status != 'closed' AND id > ? ORDER BY id LIMIT ?", [after, limit])
        for row in rows {
            let due = settings.due(
                createdAt: row.int("created_at"), priority: Priority(rawValue: row.string("priority")) ?? .normal,
                status: TicketStatus(rawValue: row.string("status")) ?? .waiting,
                firstAnsweredAt: row.optionalInt("first_answered_at"), pausedMinutes: Int(row.int("paused_minutes")))?.at
            guard due != row.optionalInt("due_at") else { continue }
            try database.run("UPDATE tickets SET due_at = ? WHERE id = ?", [due, row.int("id")])
            moved += 1
        }
        return (rows.last?.int("id"), moved)
    }
}
