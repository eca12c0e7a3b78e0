import PortalCore

/// Forms kept for a person whose session ended while they wrote (`kept_forms`): taken once,
/// by the token the browser holds and the address the form was sent to.
public struct KeptFormStore {
    /// Long enough to log in again (password, code, company), short enough not to linger.
    public static let lifetime: Int64 = 2 * 3600
    /// Kept forms alive, and the bytes of their files, per client (an address, an IPv6 /64)
    /// and in all: above any, a form is kept without its files. Enough for an office whose
    /// sessions all expired at once; a bound on what anonymous posts can leave on the disk.
    public static let filesPerAddress = 10
    public static let filesInAll = 500
    public static let bytesPerAddress: Int64 = 80 * 1024 * 1024
    public static let bytesInAll: Int64 = 1024 * 1024 * 1024
    /// Kept forms alive per client and in all, with or without files: past these a form is
    /// not kept (anonymous posts filled the database with forms of 35 MB of text each).
    /// A person keeps at most `formsPerPerson`, their newest (`makeRoom`): a colleague's
    /// twenty presses, or a scanner's with their session, had filled an office's score and
    /// the next person's ticket was lost.
    public static let formsPerPerson = 5
    public static let formsPerAddress = 100
    public static let formsInAll = 1000
    /// A kept form's fields, url-encoded, at most: the longest real form (a description and
    /// technical details at their limits, in any script) stays well within.
    public static let fieldBytes = 320 * 1024

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Keeps the form; expired ones go at the same time.
    /// `clientAddress`: the client's key (`LoginThrottle.clientKey`); `fileBytes`: what the
    /// form's kept files weigh; `ownerID`: the user whose page it was (0: not known).
    public func keep(
        tokenHash: [UInt8], path: String, fields: String, clientAddress: String, fileBytes: Int64 = 0, ownerID: Int64 = 0,
        now: Timestamp
    ) throws {
        try deleteExpired(now: now)
        try database.run(
            """
            INSERT INTO kept_forms (token_hash, path, fields, client_address, file_bytes, owner_id, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [tokenHash, path, fields, clientAddress, fileBytes, ownerID, now, now + KeptFormStore.lifetime])
    }

    public func deleteExpired(now: Timestamp) throws {
        try database.run("DELETE FROM kept_forms WHERE expires_at <= ?", [now])
    }

    /// The fields of a form kept a moment before (its files were being written).
    public func fill(tokenHash: [UInt8], fields: String) throws {
        try database.run("UPDATE kept_forms SET fields = ? WHERE token_hash = ?", [fields, tokenHash])
    }

    /// The person's newest form takes the place of their oldest past `formsPerPerson`: what
    /// they pressed last is what they want back. Emptied as a taken form is, not deleted: its
    /// files stay held until it expires, and their bytes keep counting against the client.
    public func makeRoom(ownerID: Int64, now: Timestamp) throws {
        try database.run(
            """
            UPDATE kept_forms SET path = '', fields = '' WHERE id IN (
                SELECT id FROM kept_forms WHERE owner_id = ? AND path != '' AND expires_at > ?
                ORDER BY id DESC LIMIT -1 OFFSET ?)
            """, [ownerID, now, KeptFormStore.formsPerPerson - 1])
    }

    /// Whether one more form from this client may be kept at all (`formsPerAddress`). Forms
    /// already taken back (emptied) do not count: an office behind one address gets its forms
    /// back all day.
    public func mayKeep(clientAddress: String, now: Timestamp) throws -> Bool {
        try database.scalarInt(
            "SELECT count(*) FROM kept_forms WHERE client_address = ? AND path != '' AND expires_at > ?", [clientAddress, now])
            < KeptFormStore.formsPerAddress
            && database.scalarInt("SELECT count(*) FROM kept_forms WHERE path != '' AND expires_at > ?", [now])
            < KeptFormStore.formsInAll
    }

    /// Whether one more form from this client may keep files of `bytes` (see `filesPerAddress`).
    /// Forms already taken back count for their bytes (their files may still be waiting to be
    /// sent again), not as forms: an office's morning of taken-back forms left the next
    /// person's files unkept.
    public func mayKeepFiles(clientAddress: String, bytes: Int64 = 0, now: Timestamp) throws -> Bool {
        let client = try database.queryOne(
            """
            SELECT count(*) FILTER (WHERE path != '') AS forms, coalesce(sum(file_bytes), 0) AS bytes
            FROM kept_forms WHERE client_address = ? AND expires_at > ?
            """, [clientAddress, now])!
        guard client.int("forms") < KeptFormStore.filesPerAddress, client.int("bytes") + bytes <= KeptFormStore.bytesPerAddress
        else { return false }
        let all = try database.queryOne(
            "SELECT count(*) AS forms, coalesce(sum(file_bytes), 0) AS bytes FROM kept_forms WHERE expires_at > ?", [now])!
        return all.int("forms") < KeptFormStore.filesInAll && all.int("bytes") + bytes <= KeptFormStore.bytesInAll
    }

    /// The fields of the form kept under this token for this address and this user, removed
    /// as they are read; nil when there is none (another address or person, expired, already
    /// taken). Another person's stays for its owner, who may sign in on the browser next.
    public func take(tokenHash: [UInt8], path: String, userID: Int64, now: Timestamp) throws -> String? {
        guard
            let row = try database.queryOne(
                """
                SELECT id, fields FROM kept_forms
                WHERE token_hash = ? AND path = ? AND expires_at > ? AND owner_id IN (0, ?)
                """, [tokenHash, path, now, userID])
        else { return nil }
        // Emptied rather than deleted: its files stay held until it expires, and its bytes
        // count against the client until then.
        try database.run("UPDATE kept_forms SET path = '', fields = '' WHERE id = ?", [row.int("id")])
        return row.string("fields")
    }
}
