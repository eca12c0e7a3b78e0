import PortalCore

/// The browsers a user has logged in from, each known by a cookie: a login from a browser
/// without one is a login from a new device, and its owner hears of it.
public struct KnownBrowserStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// How long a browser stays known without a login (its cookie lives as long).
    public static let lifetime: Int64 = 365 * 24 * 3600

    /// True (and its last login noted) when the token is a browser this user logged in from.
    public func recognise(tokenHash: [UInt8], userID: Int64, now: Timestamp) throws -> Bool {
        try database.run(
            "UPDATE known_browsers SET last_seen_at = ? WHERE token_hash = ? AND user_id = ? AND last_seen_at > ?",
            [now, tokenHash, userID, now - KnownBrowserStore.lifetime])
        return database.changes == 1
    }

    public func create(tokenHash: [UInt8], userID: Int64, now: Timestamp) throws {
        try database.run(
            "DELETE FROM known_browsers WHERE user_id = ? AND last_seen_at <= ?", [userID, now - KnownBrowserStore.lifetime])
        try database.run(
            "INSERT INTO known_browsers (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
            [tokenHash, userID, now, now])
    }
}
