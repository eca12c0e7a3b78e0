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

    /// Between 03:00 and 06:00, Rome time, once a day: the optimize holds the write lock for
    /// seconds on a large index, which is nobody's wait at night. A day the mailer was down
    /// for the whole window is skipped; the next night catches up.
    public static func isDue(now: Timestamp, lastDay: DateOnly?) -> Bool {
        let local = RomeTime.local(now)
        return local.minute >= 180 && local.minute < 360 && local.day != lastDay
    }

    /// Merges the text index into one segment, dropping the old versions of rewritten rows.
    public func optimize() throws {
        try database.write { _ in try database.execute("INSERT INTO ticket_text (ticket_text) VALUES ('optimize')") }
    }
}
