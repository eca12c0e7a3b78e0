import PortalCore

/// Failed logins of one source (the client's address) on one typed e-mail address.
public struct LoginFailureRecord: Sendable {
    public let failures: Int
    public let windowStart: Timestamp
    public let lastFailedAt: Timestamp
}

/// Failed logins per typed address and client address, counted in windows. Keyed by what was
/// typed, not by the account: an address without an account is braked exactly alike, so the
/// brake tells nobody whether an account exists.
public struct LoginFailureStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    /// The failures of this source in the window that is still open, if any.
    public func find(email: String, client: String, now: Timestamp, window: Int64) throws -> LoginFailureRecord? {
        try database.queryOne(
            """
            SELECT failures, window_start, last_failed_at FROM login_failures
            WHERE email = ? AND client = ? AND window_start > ?
            """, [email, client, now - window]
        ).map {
            LoginFailureRecord(
                failures: Int($0.int("failures")), windowStart: $0.int("window_start"), lastFailedAt: $0.int("last_failed_at"))
        }
    }

    /// The failures of windows that have closed, of every source.
    public func forgetClosedWindows(now: Timestamp, window: Int64) throws {
        try database.run("DELETE FROM login_failures WHERE last_failed_at <= ?", [now - window])
    }

    /// Counts one failure (a new window when the last one closed); forgets closed windows of
    /// every source on the way, so that the table holds only the last quarter of an hour.
    public func record(email: String, client: String, now: Timestamp, window: Int64) throws {
        try forgetClosedWindows(now: now, window: window)
        try database.run(
            """
            INSERT INTO login_failures (email, client, failures, window_start, last_failed_at) VALUES (?, ?, 1, ?, ?)
            ON CONFLICT (email, client) DO UPDATE SET
                failures = CASE WHEN window_start <= ? THEN 1 ELSE failures + 1 END,
                window_start = CASE WHEN window_start <= ? THEN excluded.window_start ELSE window_start END,
                last_failed_at = excluded.last_failed_at
            """, [email, client, now, now, now - window, now - window])
    }

    /// A right password from this source forgets its failures.
    public func clear(email: String, client: String) throws {
        try database.run("DELETE FROM login_failures WHERE email = ? AND client = ?", [email, client])
    }
}
