import PortalCore

public struct TrustedDeviceRecord: Sendable {
    public let id: Int64
    public let userAgent: String
    public let createdAt: Timestamp
    public let lastUsedAt: Timestamp
    public let tokenHash: [UInt8]
}

/// Browsers that skip the e-mail code (never the password) for one user, for 90 days.
public struct TrustedDeviceStore {
    let database: Database
    /// The browser's name as kept (its first characters).
    public static let userAgentLimit = 300
    public init(_ database: Database) { self.database = database }

    public static let lifetime: Int64 = 90 * 24 * 3600

    public func create(tokenHash: [UInt8], userID: Int64, userAgent: String, now: Timestamp) throws {
        try database.run(
            """
            INSERT INTO trusted_devices (token_hash, user_id, user_agent, created_at, last_used_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [tokenHash, userID, String(userAgent.prefix(TrustedDeviceStore.userAgentLimit)), now, now, now + TrustedDeviceStore.lifetime])
    }

    /// True (and the device's last use updated) when the token is a live device of this user.
    public func use(tokenHash: [UInt8], userID: Int64, now: Timestamp) throws -> Bool {
        try database.run(
            "UPDATE trusted_devices SET last_used_at = ? WHERE token_hash = ? AND user_id = ? AND expires_at > ?",
            [now, tokenHash, userID, now])
        return database.changes == 1
    }

    /// Whose each of these tokens (hashed) is, for the ones still trusted.
    public func owners(tokenHashes: [[UInt8]], now: Timestamp) throws -> [[UInt8]: Int64] {
        if tokenHashes.isEmpty { return [:] }
        let marks = Array(repeating: "?", count: tokenHashes.count).joined(separator: ", ")
        let rows = try database.query(
            "SELECT token_hash, user_id FROM trusted_devices WHERE token_hash IN (\(marks)) AND expires_at > ?",
            tokenHashes.map { $0 as SQLConvertible } + [now])
        return Dictionary(rows.map { ($0.blob("token_hash"), $0.int("user_id")) }, uniquingKeysWith: { first, _ in first })
    }

    public func list(userID: Int64, now: Timestamp) throws -> [TrustedDeviceRecord] {
        try database.query(
            """
            SELECT id, user_agent, created_at, last_used_at, token_hash FROM trusted_devices
            WHERE user_id = ? AND expires_at > ? ORDER BY last_used_at DESC
            """, [userID, now]
        ).map {
            TrustedDeviceRecord(
                id: $0.int("id"), userAgent: $0.string("user_agent"), createdAt: $0.int("created_at"),
                lastUsedAt: $0.int("last_used_at"), tokenHash: $0.blob("token_hash"))
        }
    }

    /// Removes one device of this user; false when it is not theirs or does not exist.
    public func delete(id: Int64, userID: Int64) throws -> Bool {
        try database.run("DELETE FROM trusted_devices WHERE id = ? AND user_id = ?", [id, userID])
        return database.changes == 1
    }

    /// How many went: a removal, a password change or a deactivation that ends them records
    /// them in the audit trail, as «Rimuovi» on the profile does.
    @discardableResult
    public func deleteAll(userID: Int64) throws -> Int {
        try database.run("DELETE FROM trusted_devices WHERE user_id = ?", [userID])
        return database.changes
    }
}
