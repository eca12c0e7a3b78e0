import PortalCore

/// The tickets' text index (`ticket_text`, FTS5) compacted once a night. Every reply and every
/// change of a filter rewrites a ticket's row of the index: FTS5 adds the new version as a new
/// small segment and keeps the old one, marked deleted, until segments merge. Its own merges
/// (automerge) keep the segments few but not one, and a bulk load (a migration that makes the
/// index again, an import) leaves many. A search reads every segment of each of its words:
/// on a copy of the million-ticket benchmark, `optimize` (one segment, 2.7 s) made the desk's
/// searches four times cheaper (130 M instructions for 80 of them down to 34 M), same results.
public struct SearchIndexMaintenance {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Between 03:00 and 06:00, Rome time, once a day: compacting a large index takes seconds
    /// to minutes of writing, which is nobody's wait at night. A day the mailer was down for
    /// the whole window is skipped; the next night catches up.
    public static func isDue(now: Timestamp, lastDay: DateOnly?) -> Bool {
        isWindow(now: now) && RomeTime.local(now).day != lastDay
    }

    public static func isWindow(now: Timestamp) -> Bool {
        let minute = RomeTime.local(now).minute
        return minute >= 180 && minute < 360
    }

    /// Merges the text index into one segment, dropping the old versions of rewritten rows,
    /// in steps of about `pagesPerStep` pages, each its own write transaction. One
    /// `'optimize'` held the single writer's lock for the whole merge: 39 seconds on the
    /// million-ticket benchmark's index with a cold cache, during which every login, reply
    /// and session touch of every worker waited past its busy timeout and failed. FTS5's
    /// `'merge'` with a negative page count does the same work bit by bit (all segments
    /// treated as one level, any two of them merged): 100 pages took 17 ms (worst 71 ms) a
    /// step there, 1.9 s in all against the optimize's 1.7 s with a warm cache. A step that
    /// changes fewer than two rows found nothing left to merge. `betweenSteps` runs with the
    /// lock released (the mailer checkpoints and lets writers in there); false stops early,
    /// and the next night goes on from what is merged. Returns whether the merge finished.
    @discardableResult
    public func optimize(pagesPerStep: Int = 100, betweenSteps: () -> Bool = { true }) throws -> Bool {
        while true {
            let before = database.totalChanges
            try database.write { _ in
                try database.run("INSERT INTO ticket_text (ticket_text, rank) VALUES ('merge', ?)", [-max(1, pagesPerStep)])
            }
            if database.totalChanges - before < 2 { return true }
            if !betweenSteps() { return false }
        }
    }
}
