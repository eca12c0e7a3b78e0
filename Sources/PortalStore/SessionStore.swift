import PortalCore

/// Server-side sessions, found by the hash of the cookie's token.
public struct SessionStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// Idle limit without "Ricordami" and the absolute lifetimes; with "Ricordami" the idle
    /// limit is the installation's (`Config.rememberedSessionIdle`), passed to each lookup.
    public static let idleTimeout: Int64 = 30 * 60
    public static let lifetime: Int64 = 12 * 3600
    public static let rememberedLifetime: Int64 = 30 * 24 * 3600
    /// `last_seen_at` is written at most this often, so that reading a page is not a write.
    static let touchInterval: Int64 = 60

    /// `replacing`: the session a company switch ends, whose login time and absolute end the
    /// new one keeps (a switch to the same company every half hour kept a stolen cookie alive
    /// for ever, and «Ricordami»'s 30 days began again at each).
    public func create(
        tokenHash: [UInt8], userID: Int64, tenantID: Int64?, remember: Bool, userAgent: String, clientIP: String,
        now: Timestamp, replacing: SessionRecord? = nil
    ) throws -> Int64 {
        let expires = replacing?.expiresAt ?? now + (remember ? SessionStore.rememberedLifetime : SessionStore.lifetime)
        let created = replacing?.createdAt ?? now
        try database.run(
            """
            INSERT INTO sessions (token_hash, user_id, tenant_id, remember, created_at, last_seen_at, expires_at,
                                  user_agent, client_ip)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [tokenHash, userID, tenantID, remember, created, now, expires, String(userAgent.prefix(300)), clientIP])
        return database.lastInsertRowID
    }

    /// The live session for this token hash, or nil when missing, expired or idle too long
    /// (an expired row is deleted on the way).
    public func find(tokenHash: [UInt8], now: Timestamp, rememberedIdle: Int64) throws -> SessionRecord? {
        guard
            let row = try database.queryOne(
                """
                SELECT \(SessionRecord.columns) FROM sessions WHERE token_hash = ?
                """, [tokenHash])
        else { return nil }
        let session = SessionRecord(row)
        guard try isLive(session, now: now, rememberedIdle: rememberedIdle) else { return nil }
        return session
    }

    /// The live session with its user and, when it works for a company, the membership there:
    /// one query on every authenticated request instead of three. `membership` is nil when
    /// the session has no company or the user was removed from it since.
    public func findWithUser(tokenHash: [UInt8], now: Timestamp, rememberedIdle: Int64) throws
        -> (session: SessionRecord, user: UserRecord, membership: MembershipRecord?)?
    {
        guard
            let row = try database.queryOne(
                """
                SELECT s.id, s.user_id, s.tenant_id, s.remember, s.created_at, s.last_seen_at, s.expires_at,
                    u.id, u.email, u.first_name, u.last_name, u.password_hash, u.password_is_provisional,
                    u.provisional_expires_at, u.is_operator, u.desk_role, u.deactivated_at, u.last_tenant_id, u.failed_logins,
                    u.failed_login_window_start, u.last_failed_login_at, u.picture_sha256,
                    m.role, m.active_since, t.name, t.vat
                FROM sessions s
                JOIN users u ON u.id = s.user_id
                LEFT JOIN memberships m ON m.user_id = s.user_id AND m.tenant_id = s.tenant_id
                LEFT JOIN tenants t ON t.id = m.tenant_id
                WHERE s.token_hash = ?
                """, [tokenHash])
        else { return nil }
        // By position, in the order selected: sessions 0…6, users 7…21, then the rest.
        let session = SessionRecord(row)
        guard try isLive(session, now: now, rememberedIdle: rememberedIdle) else { return nil }
        assert(row.hasColumns(["role", "active_since", "name", "vat"], at: 22), "findWithUser's select list moved")
        var membership: MembershipRecord?
        if let tenantID = session.tenantID, let role = row.optionalString(at: 22).flatMap(Role.init(rawValue:)) {
            membership = MembershipRecord(
                tenant: TenantRecord(id: tenantID, name: row.string(at: 24), vat: row.string(at: 25)), role: role,
                activeSince: row.int(at: 23))
        }
        return (session, UserRecord(row, from: 7), membership)
    }

    /// False (and the row deleted) for an expired or idle session; a live one is touched at
    /// most once a minute.
    /// Both writes are housekeeping: when another connection keeps the write lock past the
    /// busy timeout, or the disk is full, the page is still answered (the session is ended or
    /// touched by a later request) rather than failing a read for a write it did not need: on
    /// a full disk every page of every signed-in person answered 500.
    func isLive(_ session: SessionRecord, now: Timestamp, rememberedIdle: Int64) throws -> Bool {
        let idle = now - session.lastSeenAt > (session.remember ? rememberedIdle : SessionStore.idleTimeout)
        if now >= session.expiresAt || idle {
            try unlessBusy { try database.run("DELETE FROM sessions WHERE id = ?", [session.id]) }
            return false
        }
        if now - session.lastSeenAt >= SessionStore.touchInterval {
            try unlessBusy { try database.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [now, session.id]) }
        }
        return true
    }

    private func unlessBusy(_ write: () throws -> Void) throws {
        do { try write() } catch let error as DatabaseError where error.isBusy || error.isStorageFault {}
    }

    public func delete(id: Int64) throws {
        try database.run("DELETE FROM sessions WHERE id = ?", [id])
    }

    /// "Sessioni attive": the user's live sessions, the most recently used first.
    public func list(userID: Int64, now: Timestamp, rememberedIdle: Int64) throws -> [ActiveSessionRecord] {
        try database.query(
            """
            SELECT s.id, s.user_agent, s.client_ip, s.created_at, s.last_seen_at, t.name AS tenant_name
            FROM sessions s LEFT JOIN tenants t ON t.id = s.tenant_id
            WHERE s.user_id = ? AND s.expires_at > ?
                AND s.last_seen_at >= ? - CASE WHEN s.remember = 1 THEN ? ELSE ? END
            ORDER BY s.last_seen_at DESC, s.id DESC
            """, [userID, now, now, rememberedIdle, SessionStore.idleTimeout]
        ).map(ActiveSessionRecord.init)
    }

    /// "Termina": ends one session of this user; false when it is not theirs or already gone.
    /// «Termina»: the browser it ended hears so (`EndedReason.endedByOwner`), not that it expired.
    public func delete(id: Int64, userID: Int64, now: Timestamp) throws -> Bool {
        try recordEnding("id = ? AND user_id = ?", [id, userID], now: now)
        try database.run("DELETE FROM sessions WHERE id = ? AND user_id = ?", [id, userID])
        return database.changes == 1
    }

    /// "Termina tutte le altre": every session of the user but this one; how many ended.
    public func deleteOthers(userID: Int64, keeping id: Int64, now: Timestamp) throws -> Int {
        try recordEnding("user_id = ? AND id != ?", [userID, id], now: now)
        try database.run("DELETE FROM sessions WHERE user_id = ? AND id != ?", [userID, id])
        return database.changes
    }

    private func recordEnding(_ condition: String, _ arguments: [any SQLConvertible], now: Timestamp) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO ended_sessions (token_hash, reason, user_id, tenant_id, ended_at)
            SELECT token_hash, ?, user_id, tenant_id, ? FROM sessions WHERE
            """ + " " + condition, [EndedReason.endedByOwner.rawValue, now] + arguments)
    }

    /// False when there was no such session (ended meanwhile).
    @discardableResult
    public func delete(tokenHash: [UInt8]) throws -> Bool {
        try database.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
        return database.changes == 1
    }

    public func deleteAll(userID: Int64) throws {
        try database.run("DELETE FROM sessions WHERE user_id = ?", [userID])
    }

    /// Ends every session of the user, each leaving why (`endedReason`).
    public func deleteAll(userID: Int64, reason: EndedReason, now: Timestamp) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO ended_sessions (token_hash, reason, user_id, tenant_id, ended_at)
            SELECT token_hash, ?, user_id, tenant_id, ? FROM sessions WHERE user_id = ?
            """, [reason.rawValue, now, userID])
        try deleteAll(userID: userID)
    }

    /// Ends the user's sessions in one company (removed from it), keeping their others; each
    /// leaves why (`endedReason`, nil: nothing to say), so that the next page says it.
    public func deleteAll(userID: Int64, tenantID: Int64, reason: EndedReason?, now: Timestamp) throws {
        if let reason {
            try database.run(
                """
                INSERT OR REPLACE INTO ended_sessions (token_hash, reason, user_id, tenant_id, ended_at)
                SELECT token_hash, ?, user_id, tenant_id, ? FROM sessions WHERE user_id = ? AND tenant_id = ?
                """, [reason.rawValue, now, userID, tenantID])
        }
        try database.run("DELETE FROM sessions WHERE user_id = ? AND tenant_id = ?", [userID, tenantID])
    }

    /// Why a session ended, where the portal ended it for a reason the person should hear.
    public enum EndedReason: String, Sendable {
        case removedFromCompany = "removed"
        /// «Termina» or «Termina tutte le altre» in «Sessioni attive», from another browser.
        case endedByOwner = "ended"
        /// The password was changed (in the profile, or by a recovery link), maybe elsewhere.
        case passwordChanged = "password"
    }

    /// Read only when a request brought a session that no longer exists. A removal is said
    /// while the person is still out of that company: once restored or invited back, the old
    /// cookie is only an ended session.
    public func endedReason(tokenHash: [UInt8]) throws -> EndedReason? {
        try database.queryOne(
            """
            SELECT reason FROM ended_sessions e WHERE token_hash = ?
                AND (reason != 'removed'
                    OR NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = e.user_id AND m.tenant_id = e.tenant_id))
            """, [tokenHash]
        ).flatMap { EndedReason(rawValue: $0.string("reason")) }
    }

    /// The reasons are said for a month; a session idle that long has expired anyway.
    public func forgetEndedReasons(now: Timestamp) throws {
        try database.run("DELETE FROM ended_sessions WHERE ended_at <= ?", [now - 30 * 86400])
    }

    /// "Disattiva azienda": the sessions working for it keep their user but lose the company,
    /// so the next page leads to the company choice, which says why.
    public func leaveCompany(tenantID: Int64) throws {
        try database.run("UPDATE sessions SET tenant_id = NULL WHERE tenant_id = ?", [tenantID])
    }

    public func deleteExpired(now: Timestamp) throws {
        try database.run("DELETE FROM sessions WHERE expires_at <= ?", [now])
    }
}

/// A live session as its owner sees it in the profile.
public struct ActiveSessionRecord: Sendable {
    public let id: Int64
    public let userAgent: String
    public let clientIP: String
    public let createdAt: Timestamp
    public let lastSeenAt: Timestamp
    /// The company it works for; nil for an operator's.
    public let tenantName: String?

    init(_ row: Row) {
        id = row.int("id")
        userAgent = row.string("user_agent")
        clientIP = row.string("client_ip")
        createdAt = row.int("created_at")
        lastSeenAt = row.int("last_seen_at")
        tenantName = row.optionalString("tenant_name")
    }
}
