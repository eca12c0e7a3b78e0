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
    }

    /// Where the press led, once its outcome is known in the same transaction (a reply that
    /// closed or reopened the ticket): a retry is told what the first press was told.
    public static func relocate(
        in transaction: WriteTransaction, userID: Int64, key: String, location: String
    ) throws {
        try transaction.database.run("UPDATE submissions SET location = ? WHERE user_id = ? AND key = ?", [location, userID, key])
    }

    public func location(userID: Int64, key: String) throws -> String? {
        try database.queryOne("SELECT location FROM submissions WHERE user_id = ? AND key = ?", [userID, key])?
            .string("location")
    }

    /// A browser retries within minutes; a day is plenty.
    @discardableResult
    public func forget(before: Timestamp) throws -> Int {
        try database.run("DELETE FROM submissions WHERE created_at < ?", [before])
        return database.changes
    }
}
