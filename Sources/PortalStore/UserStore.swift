import PortalCore

public struct UserStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func find(email: EmailAddress) throws -> UserRecord? {
        try database.queryOne("SELECT \(UserRecord.columns) FROM users WHERE email = ?", [email.value])
            .map { UserRecord($0) }
    }

    public func find(id: Int64) throws -> UserRecord? {
        try database.queryOne("SELECT \(UserRecord.columns) FROM users WHERE id = ?", [id]).map { UserRecord($0) }
    }

    @discardableResult
    public func create(
        email: EmailAddress, passwordHash: String, provisionalUntil: Timestamp?, firstName: String = "",
        lastName: String = "", deskRole: DeskRole? = nil, now: Timestamp
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO users (email, first_name, last_name, password_hash, password_is_provisional,
                               provisional_expires_at, privacy_accepted_at, is_operator, desk_role, created_at,
                               updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                email.value, firstName, lastName, passwordHash, provisionalUntil != nil, provisionalUntil,
                provisionalUntil == nil ? now : nil, deskRole != nil, deskRole?.rawValue, now, now,
            ])
        return database.lastInsertRowID
    }

    /// Counts a failed password or code of the account, from anywhere, inside a window that
    /// opens at the first failure: the account's alert and its "code always" rule look at it.
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

    /// Notes that the owner is being told of this window's failed logins: true once per
    /// window, so that an attack sends one e-mail, not one per try.
    public func claimFailedLoginAlert(userID: Int64, windowStart: Timestamp, now: Timestamp) throws -> Bool {
        try database.run(
            "UPDATE users SET failed_login_alerted_at = ? WHERE id = ? AND failed_login_alerted_at < ?",
            [now, userID, windowStart])
        return database.changes == 1
    }

    public func setLastTenant(userID: Int64, tenantID: Int64) throws {
        try database.run("UPDATE users SET last_tenant_id = ? WHERE id = ?", [tenantID, userID])
    }

    /// "Creazione Utente": names, the personal password, the privacy consent; the provisional
    /// password stops working in the same statement.
    public func completeFirstAccess(userID: Int64, firstName: String, lastName: String, passwordHash: String, now: Timestamp)
        throws
    {
        try database.run(
            """
            UPDATE users SET first_name = ?, last_name = ?, password_hash = ?, password_is_provisional = 0,
                provisional_expires_at = NULL, privacy_accepted_at = ?, updated_at = ?
            WHERE id = ?
            """, [firstName, lastName, passwordHash, now, now, userID])
    }

    public func resetProvisionalPassword(userID: Int64, passwordHash: String, until: Timestamp, now: Timestamp) throws {
        try database.run(
            """
            UPDATE users SET password_hash = ?, provisional_expires_at = ?, updated_at = ?
            WHERE id = ? AND password_is_provisional = 1
            """, [passwordHash, until, now, userID])
    }

    /// Ends a provisional password now (its invitation was removed): the login refuses it as
    /// expired, and a new invitation gives fresh credentials.
    public func expireProvisional(userID: Int64, now: Timestamp) throws {
        try database.run(
            "UPDATE users SET provisional_expires_at = ?, updated_at = ? WHERE id = ? AND password_is_provisional = 1",
            [now, now, userID])
    }

    /// A provisional password ended at `endedAt` (its company's deactivation) valid again until
    /// `until`; one ended otherwise (used, or expired by itself) stays as it is.
    public func restoreProvisional(userID: Int64, endedAt: Timestamp, until: Timestamp, now: Timestamp) throws {
        try database.run(
            """
            UPDATE users SET provisional_expires_at = ?, updated_at = ?
            WHERE id = ? AND password_is_provisional = 1 AND provisional_expires_at = ?
            """, [until, now, userID, endedAt])
    }

    /// The company whose invitation e-mail gave the user's provisional password (nil: none
    /// recorded, e.g. an operator's or one given before this was kept).
    public func provisionalTenant(userID: Int64) throws -> Int64? {
        try database.queryOne("SELECT provisional_tenant_id FROM users WHERE id = ?", [userID])?
            .optionalInt("provisional_tenant_id")
    }

    public func setProvisionalTenant(userID: Int64, tenantID: Int64) throws {
        try database.run("UPDATE users SET provisional_tenant_id = ? WHERE id = ?", [tenantID, userID])
    }

    public func setPassword(userID: Int64, passwordHash: String, now: Timestamp) throws {
        try database.run(
            """
            UPDATE users SET password_hash = ?, password_is_provisional = 0, provisional_expires_at = NULL,
                failed_logins = 0, updated_at = ?
            WHERE id = ?
            """, [passwordHash, now, userID])
    }

    /// A correction of one's name (the right of rectification) reaches what the person already
    /// wrote: the "Richiedente" of their tickets and the author of their messages, which keep a
    /// copy of the name so that an erased account's tickets still say who wrote them. The
    /// texts of the thread's events ("… ha preso in carico la richiesta") stay as written.
    /// Call inside a write transaction.
    public func setNames(userID: Int64, firstName: String, lastName: String, now: Timestamp) throws {
        try database.run(
            "UPDATE users SET first_name = ?, last_name = ?, updated_at = ? WHERE id = ?",
            [firstName, lastName, now, userID])
        let name = "\(firstName) \(lastName)".trimmingWhitespace()
        guard !name.isEmpty else { return }
        try database.run("UPDATE tickets SET requester_name = ? WHERE requester_id = ? AND requester_name != ?", [name, userID, name])
        try database.run("UPDATE messages SET author_name = ? WHERE author_id = ? AND author_name != ?", [name, userID, name])
    }

    public func setPicture(userID: Int64, sha256: String, contentType: String, now: Timestamp) throws {
        try database.run(
            "UPDATE users SET picture_sha256 = ?, picture_type = ?, updated_at = ? WHERE id = ?",
            [sha256, contentType, now, userID])
    }

    /// "Rimuovi immagine": the header shows the plain user icon again. The file goes with the
    /// upload sweep once nobody's picture is it (`isPictureInUse`).
    public func removePicture(userID: Int64, now: Timestamp) throws {
        try database.run("UPDATE users SET picture_sha256 = NULL, picture_type = NULL, updated_at = ? WHERE id = ?", [now, userID])
    }

    /// Whether some user's picture is this file (the same image may be several people's).
    public func isPictureInUse(sha256: String) throws -> Bool {
        try database.scalarInt("SELECT count(*) FROM users WHERE picture_sha256 = ?", [sha256]) > 0
    }

    public func picture(userID: Int64) throws -> (sha256: String, contentType: String)? {
        guard let row = try database.queryOne(
            "SELECT picture_sha256, picture_type FROM users WHERE id = ? AND picture_sha256 IS NOT NULL", [userID])
        else { return nil }
        return (row.string("picture_sha256"), row.string("picture_type"))
    }

    public func operators() throws -> [UserRecord] {
        try database.query("SELECT \(UserRecord.columns) FROM users WHERE is_operator = 1 ORDER BY id")
            .map { UserRecord($0) }
    }

    /// "Cambia ruolo" on the desk.
    public func setDeskRole(userID: Int64, role: DeskRole, now: Timestamp) throws {
        try database.run(
            "UPDATE users SET desk_role = ?, updated_at = ? WHERE id = ? AND is_operator = 1", [role.rawValue, now, userID])
    }

    /// "Disattiva" (a time) or "Riattiva" (nil) an operator.
    public func setDeactivated(userID: Int64, at: Timestamp?, now: Timestamp) throws {
        try database.run(
            "UPDATE users SET deactivated_at = ?, updated_at = ? WHERE id = ? AND is_operator = 1", [at, now, userID])
    }

    /// The Responsabili who can sign in now: not deactivated, first access done (an invited
    /// one may never come, and only a Responsabile can send the invitation again).
    public func activeManagerCount() throws -> Int64 {
        try database.scalarInt(
            """
            SELECT count(*) FROM users WHERE is_operator = 1 AND desk_role = 'manager' AND deactivated_at IS NULL
              AND password_is_provisional = 0
            """)
    }
}
