import PortalCore

/// A login between the correct password and the session. The browser holds its token in a
/// cookie; the row says which step is next and holds the hash of the e-mail code.
public struct LoginChallengeRecord: Sendable {
    public enum Stage: String, Sendable {
        case firstAccess = "first_access"
        case code
        case company
    }

    public let id: Int64
    public let userID: Int64
    public let stage: Stage
    public let remember: Bool
    public let returnTo: String
    public let codeHash: [UInt8]?
    public let codeExpiresAt: Timestamp?
    public let codeAttempts: Int
    /// The code this one replaced ("Richiedi un nuovo codice"), whose e-mail may come later.
    public let previousCodeHash: [UInt8]?
    /// When the login began (its password step).
    public let createdAt: Timestamp

    init(_ row: Row) {
        id = row.int("id")
        userID = row.int("user_id")
        stage = Stage(rawValue: row.string("stage")) ?? .code
        remember = row.bool("remember")
        returnTo = row.string("return_to")
        let hash = row.blob("code_hash")
        codeHash = hash.isEmpty ? nil : hash
        codeExpiresAt = row.optionalInt("code_expires_at")
        codeAttempts = Int(row.int("code_attempts"))
        let previous = row.blob("previous_code_hash")
        previousCodeHash = previous.isEmpty ? nil : previous
        createdAt = row.int("created_at")
    }
}

public struct LoginChallengeStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// The whole login (code, company choice) must be finished within this time.
    public static let lifetime: Int64 = 30 * 60

    public func create(
        tokenHash: [UInt8], userID: Int64, stage: LoginChallengeRecord.Stage, remember: Bool, returnTo: String,
        now: Timestamp
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO login_challenges (token_hash, user_id, stage, remember, return_to, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [tokenHash, userID, stage.rawValue, remember, returnTo, now, now + LoginChallengeStore.lifetime])
        return database.lastInsertRowID
    }

    public func find(tokenHash: [UInt8], now: Timestamp) throws -> LoginChallengeRecord? {
        try database.queryOne(
            """
            SELECT id, user_id, stage, remember, return_to, code_hash, code_expires_at, code_attempts, previous_code_hash,
                created_at
            FROM login_challenges WHERE token_hash = ? AND expires_at > ?
            """, [tokenHash, now]
        ).map(LoginChallengeRecord.init)
    }

    public func setStage(id: Int64, _ stage: LoginChallengeRecord.Stage) throws {
        try database.run(
            "UPDATE login_challenges SET stage = ?, code_hash = NULL, code_expires_at = NULL WHERE id = ?",
            [stage.rawValue, id])
    }

    /// The page the login leads to at its end, asked for while it was under way.
    public func setReturnTo(id: Int64, _ path: String) throws {
        try database.run("UPDATE login_challenges SET return_to = ? WHERE id = ?", [path, id])
    }

    /// A new code replaces the previous one and resets the attempts.
    public func setCode(id: Int64, codeHash: [UInt8], expiresAt: Timestamp) throws {
        try database.run(
            """
            UPDATE login_challenges SET previous_code_hash = code_hash, code_hash = ?, code_expires_at = ?, code_attempts = 0
            WHERE id = ?
            """,
            [codeHash, expiresAt, id])
    }

    /// Counts a wrong code; at `limit` the code is destroyed and a new one is needed.
    public func recordWrongCode(id: Int64, limit: Int) throws {
        try database.run(
            """
            UPDATE login_challenges SET code_attempts = code_attempts + 1,
                code_hash = CASE WHEN code_attempts + 1 >= ? THEN NULL ELSE code_hash END
            WHERE id = ?
            """, [limit, id])
    }

    /// Every login under way of a user (their provisional password ended mid-way).
    public func deleteAll(userID: Int64) throws {
        try database.run("DELETE FROM login_challenges WHERE user_id = ?", [userID])
    }

    /// False when the login was no longer there (ended, or finished by another press).
    @discardableResult
    public func delete(id: Int64) throws -> Bool {
        try database.run("DELETE FROM login_challenges WHERE id = ?", [id])
        return database.changes == 1
    }

    public func deleteExpired(now: Timestamp) throws {
        try database.run("DELETE FROM login_challenges WHERE expires_at <= ?", [now])
    }

    public func recordCodeSent(userID: Int64, now: Timestamp) throws {
        try database.run("INSERT INTO login_codes_sent (user_id, sent_at) VALUES (?, ?)", [userID, now])
    }

    public func codesSent(userID: Int64, since: Timestamp) throws -> Int64 {
        try database.scalarInt("SELECT count(*) FROM login_codes_sent WHERE user_id = ? AND sent_at > ?", [userID, since])
    }

    /// When the oldest of the user's last `limit` codes leaves the window, i.e. when a new
    /// code may be sent; nil when fewer than `limit` were sent since `since`.
    public func nextCodeAllowed(userID: Int64, since: Timestamp, window: Int64, limit: Int) throws -> Timestamp? {
        try database.queryOne(
            "SELECT sent_at FROM login_codes_sent WHERE user_id = ? AND sent_at > ? ORDER BY sent_at DESC LIMIT 1 OFFSET ?",
            [userID, since, limit - 1]
        ).map { $0.int("sent_at") + window }
    }
}
