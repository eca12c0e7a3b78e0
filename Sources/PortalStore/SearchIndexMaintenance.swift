import PortalCore

/// The tickets' text index (`ticket_text`, FTS5) compacted once a night. Every reply and every
/// change of a filter rewrites a ticket's row of the index: FTS5 adds the new version as a new
/// small segment and keeps the old one, marked deleted, until segments merge. Its own merges
/// (automerge) keep the segments few but not one, and a bulk load (a migration that makes the
/// index again, an import) leaves many. A search reads every segment of each of its words:
/// on a copy of the million-ticket benchmark, one segment instead of the bulk load's many made
/// the desk's searches four times cheaper (130 M instructions for 80 of them down to 34 M).
///
/// Not with FTS5's 'optimize' (nor 'merge' with a negative count, which does the same in
/// steps): with the SQLite we link (3.40), about the thousandth of them that follows a write
/// leaves the index "malformed", every later write of a ticket failing; nightly, that is
/// under three years, and in steps within weeks. 'merge' with a positive count and
/// 'usermerge' 2 merges any two segments of a level instead, leaving one segment per level
/// (three on the million-ticket benchmark after 20,000 replies); a unit test runs it a
/// thousand and more times between writes.
public struct SearchIndexMaintenance {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Between 03:00 and 06:00, Rome time, once a day: compacting a large index takes seconds
    /// of writing, which is nobody's wait at night. A day the mailer was down for the whole
    /// window is skipped; the next night catches up.
    public static func isDue(now: Timestamp, lastDay: DateOnly?) -> Bool {
        isWindow(now: now) && RomeTime.local(now).day != lastDay
    }

    public static func isWindow(now: Timestamp) -> Bool {
        let minute = RomeTime.local(now).minute
        return minute >= 180 && minute < 360
    }

    /// Merges the text index's segments in steps of about `pagesPerStep` pages, each its own
    /// write transaction, until no level has two. One statement for the whole merge held the
    /// single writer's lock throughout: 39 seconds on the million-ticket benchmark's index
    /// with a cold cache, during which every login, reply and session touch of every worker
    /// waited past its busy timeout and failed. In steps a writer waits at most for one step
    /// (0.7 s there: a word's list of tickets is written whole). A step that changes fewer
    /// than two rows found nothing left to merge. `betweenSteps` runs with the lock released
    /// (the mailer checkpoints and lets writers in there); false stops early, and the next
    /// night goes on from what is merged. Returns whether the merge finished.
    ///
    /// Writes meanwhile add small segments to merge: with a reply every few seconds all night
    /// the merge might never find itself done. It stops after writing twice the index's pages.
    @discardableResult
    public func compact(pagesPerStep: Int = 100, betweenSteps: () -> Bool = { true }) throws -> Bool {
        let pages = max(1, pagesPerStep)
        try database.write { _ in try database.run("INSERT INTO ticket_text (ticket_text, rank) VALUES ('usermerge', 2)") }
        // Each row of the index's data table is one page of a segment.
        let budget = Int(try database.scalarInt("SELECT count(*) FROM ticket_text_data")) * 2 / pages + 2
        for _ in 0..<budget {
            let before = database.totalChanges
            try database.write { _ in
                try database.run("INSERT INTO ticket_text (ticket_text, rank) VALUES ('merge', ?)", [pages])
            }
            if database.totalChanges - before < 2 { return true }
            if !betweenSteps() { return false }
        }
        return false
    }
}
