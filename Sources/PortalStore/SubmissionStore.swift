import PortalCore

/// The keys of ticket forms whose POST created something: a POST sent again with the same
/// key (a browser retrying when the answer was lost) finds where the first one led.
public struct SubmissionStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// In the transaction of what the form created: a second POST with the key, racing this
    /// one, fails on the primary key and writes nothing.
    public static func record(
        in transaction: WriteTransaction, userID: Int64, key: String, location: String, now: Timestamp
    ) throws {
        try transaction.database.run(
            "INSERT INTO submissions (user_id, key, location, created_at) VALUES (?, ?, ?, ?)", [userID, key, location, now])
        // The text's own key too (`sameText`), the newest press of that text taking it over.
        if let same = sameText(key) {
            try transaction.database.run(
                "INSERT OR REPLACE INTO submissions (user_id, key, location, created_at) VALUES (?, ?, ?, ?)",
                [userID, same, location, now])
        }
    }

    /// A press key may end with the digest of the text it sends and where (after a "."): the
    /// same text sent to the same place again by the same person, from a form drawn anew, is
    /// the same press for `sameTextWindow`. The browser's Back after a reply draws the form
    /// again (pages are never stored), with a new key, and fills in the text it remembers:
    /// sent again, it was a second copy of the reply, with its e-mails.
    static func sameText(_ key: String) -> String? {
        guard let dot = key.lastIndex(of: ".") else { return nil }
        return "same" + key[dot...]
    }

    /// Long enough for a Back and a second press, short enough that a text said again later
    /// ("Grazie") is a message of its own.
    public static let sameTextWindow: Int64 = 30 * 60

    /// Where the press led, once its outcome is known in the same transaction (a reply that
    /// closed or reopened the ticket): a retry is told what the first press was told.
    public static func relocate(
        in transaction: WriteTransaction, userID: Int64, key: String, location: String
    ) throws {
        try transaction.database.run(
            "UPDATE submissions SET location = ? WHERE user_id = ? AND key IN (?, ?)", [location, userID, key, sameText(key) ?? key])
    }

    /// Where the press with `key` led, or a press of the same text (`sameText`) since `now`
    /// less `sameTextWindow`.
    public func location(userID: Int64, key: String, now: Timestamp) throws -> String? {
        if let found = try database.queryOne("SELECT location FROM submissions WHERE user_id = ? AND key = ?", [userID, key]) {
            return found.string("location")
        }
        guard let same = SubmissionStore.sameText(key) else { return nil }
        return try database.queryOne(
            "SELECT location FROM submissions WHERE user_id = ? AND key = ? AND created_at > ?",
            [userID, same, now - SubmissionStore.sameTextWindow]
        )?.string("location")
    }

    /// A browser retries within minutes; a day is plenty.
    @discardableResult
    public func forget(before: Timestamp) throws -> Int {
        try database.run("DELETE FROM submissions WHERE created_at < ?", [before])
        return database.changes
    }
}
