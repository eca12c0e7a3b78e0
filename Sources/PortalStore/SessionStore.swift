import PortalCore

/// Server-side sessions, found by the hash of the cookie's token.
public struct SessionStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Idle limit without "Ricordami" and the absolute lifetimes.
    public static let idleTimeout: Int64 = 30 * 60
    public static let lifetime: Int64 = 12 * 3600
    public static let rememberedLifetime: Int64 = 30 * 24 * 3600
    /// `last_seen_at` is written at most this often, so that reading a page is not a write.
    static let touchInterval: Int64 = 60

    public func create(
        tokenHash: [UInt8], userID: Int64, tenantID: Int64?, remember: Bool, userAgent: String, clientIP: String,
        now: Timestamp
    ) throws -> Int64 {
        let expires = now + (remember ? SessionStore.rememberedLifetime : SessionStore.lifetime)
        try database.run(
            """
            INSERT INTO sessions (token_hash, user_id, tenant_id, remember, created_at, last_seen_at, expires_at,
                                  user_agent, client_ip)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [tokenHash, userID, tenantID, remember, now, now, expires, String(userAgent.prefix(300)), clientIP])
        return database.lastInsertRowID
    }

    /// The live session for this token hash, or nil when missing, expired or idle too long
    /// (an expired row is deleted on the way).
    public func find(tokenHash: [UInt8], now: Timestamp) throws -> SessionRecord? {
        guard
            let row = try database.queryOne(
                """
                SELECT id, user_id, tenant_id, remember, created_at, last_seen_at, expires_at
                FROM sessions WHERE token_hash = ?
                """, [tokenHash])
        else { return nil }
        let session = SessionRecord(row)
        let idle = !session.remember && now - session.lastSeenAt > SessionStore.idleTimeout
        if now >= session.expiresAt || idle {
            try database.run("DELETE FROM sessions WHERE id = ?", [session.id])
            return nil
        }
        if now - session.lastSeenAt >= SessionStore.touchInterval {
            try database.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [now, session.id])
        }
        return session
    }

    public func delete(id: Int64) throws {
        try database.run("DELETE FROM sessions WHERE id = ?", [id])
    }

    public func delete(tokenHash: [UInt8]) throws {
        try database.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
    }

    public func deleteAll(userID: Int64) throws {
        try database.run("DELETE FROM sessions WHERE user_id = ?", [userID])
    }

    /// Ends the user's sessions in one company (removed from it), keeping their others.
    public func deleteAll(userID: Int64, tenantID: Int64) throws {
        try database.run("DELETE FROM sessions WHERE user_id = ? AND tenant_id = ?", [userID, tenantID])
    }

    public func deleteExpired(now: Timestamp) throws {
        try database.run("DELETE FROM sessions WHERE expires_at <= ?", [now])
    }
}
