import PortalCore

public struct UserStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    static let columns = """
        id, email, first_name, last_name, password_hash, password_is_provisional, provisional_expires_at,
        is_operator, last_tenant_id, failed_logins, failed_login_window_start, last_failed_login_at
        """

    public func find(email: EmailAddress) throws -> UserRecord? {
        try database.queryOne("SELECT \(UserStore.columns) FROM users WHERE email = ?", [email.value])
            .map(UserRecord.init)
    }

    public func find(id: Int64) throws -> UserRecord? {
        try database.queryOne("SELECT \(UserStore.columns) FROM users WHERE id = ?", [id]).map(UserRecord.init)
    }

    @discardableResult
    public func create(
        email: EmailAddress, passwordHash: String, provisionalUntil: Timestamp?, firstName: String = "",
        lastName: String = "", isOperator: Bool = false, now: Timestamp
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO users (email, first_name, last_name, password_hash, password_is_provisional,
                               provisional_expires_at, privacy_accepted_at, is_operator, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                email.value, firstName, lastName, passwordHash, provisionalUntil != nil, provisionalUntil,
                provisionalUntil == nil ? now : nil, isOperator, now, now,
            ])
        return database.lastInsertRowID
    }

    /// Counts a failed login inside a sliding window, so that throttling looks at recent tries only.
    public func recordFailedLogin(userID: Int64, now: Timestamp, window: Int64) throws {
        try database.run(
            """
            UPDATE users SET
                failed_logins = CASE WHEN failed_login_window_start < ? THEN 1 ELSE failed_logins + 1 END,
                failed_login_window_start = CASE WHEN failed_login_window_start < ? THEN ? ELSE failed_login_window_start END,
                last_failed_login_at = ?
            WHERE id = ?
            """, [now - window, now - window, now, now, userID])
    }

    public func clearFailedLogins(userID: Int64) throws {
        try database.run("UPDATE users SET failed_logins = 0 WHERE id = ? AND failed_logins != 0", [userID])
    }

    public func setLastTenant(userID: Int64, tenantID: Int64) throws {
        try database.run("UPDATE users SET last_tenant_id = ? WHERE id = ?", [tenantID, userID])
    }

    public func operators() throws -> [UserRecord] {
        try database.query("SELECT \(UserStore.columns) FROM users WHERE is_operator = 1 ORDER BY id")
            .map(UserRecord.init)
    }
}
