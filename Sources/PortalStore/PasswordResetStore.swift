import PortalCore

/// Single-use links to choose a new password, valid one hour. Each has a long token (in the
/// link's fragment) and a short code (typed by hand); either opens it, both stored hashed.
public struct PasswordResetStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public static let lifetime: Int64 = 3600

    /// Links e-mailed to one account per hour: someone who lost the first mail asks again
    /// once or twice; past that, requests only fill the mailbox and hold up the login codes
    /// that leave by the same queue.
    public static let perHour = 3

    /// Whether another link may be sent to this account now.
    public func maySend(userID: Int64, now: Timestamp) throws -> Bool {
        try database.scalarInt("SELECT count(*) FROM password_resets WHERE user_id = ? AND created_at > ?", [userID, now - 3600])
            < PasswordResetStore.perHour
    }

    public func create(tokenHash: [UInt8], codeHash: [UInt8], userID: Int64, now: Timestamp) throws {
        try database.run(
            "INSERT INTO password_resets (token_hash, code_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            [tokenHash, codeHash, userID, now, now + PasswordResetStore.lifetime])
    }

    /// The user id of an unused, unexpired link.
    public func userID(tokenHash: [UInt8], now: Timestamp) throws -> Int64? {
        try database.queryOne(
            "SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
            [tokenHash, now]
        )?.int("user_id")
    }

    /// The user id of an unused, unexpired link found by its short code.
    public func userID(codeHash: [UInt8], now: Timestamp) throws -> Int64? {
        try database.queryOne(
            "SELECT user_id FROM password_resets WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
            [codeHash, now]
        )?.int("user_id")
    }

    /// Marks every open link of the user used: one reset spends them all.
    public func markAllUsed(userID: Int64, now: Timestamp) throws {
        try database.run("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL", [now, userID])
    }
}
