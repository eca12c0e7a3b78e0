import PortalCore

/// Forms kept for a person whose session ended while they wrote (`kept_forms`): taken once,
/// by the token the browser holds and the address the form was sent to.
public struct KeptFormStore {
    /// Long enough to log in again (password, code, company), short enough not to linger.
    public static let lifetime: Int64 = 2 * 3600
    /// Kept forms alive with their files, per client address and in all: above either, a
    /// form is kept without its files. Generous for an office whose sessions all expired
    /// at once; a bound on what anonymous posts can leave on the disk (40 MB each).
    public static let filesPerAddress = 10
    public static let filesInAll = 500

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Keeps the form; expired ones go at the same time.
    public func keep(tokenHash: [UInt8], path: String, fields: String, clientAddress: String, now: Timestamp) throws {
        try database.run("DELETE FROM kept_forms WHERE expires_at <= ?", [now])
        try database.run(
            """
            INSERT INTO kept_forms (token_hash, path, fields, client_address, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [tokenHash, path, fields, clientAddress, now, now + KeptFormStore.lifetime])
    }

    /// Whether one more form from this address may keep its files (see `filesPerAddress`).
    public func mayKeepFiles(clientAddress: String, now: Timestamp) throws -> Bool {
        let fromAddress = try database.scalarInt(
            "SELECT count(*) FROM kept_forms WHERE client_address = ? AND expires_at > ?", [clientAddress, now])
        guard fromAddress < KeptFormStore.filesPerAddress else { return false }
        return try database.scalarInt("SELECT count(*) FROM kept_forms WHERE expires_at > ?", [now]) < KeptFormStore.filesInAll
    }

    /// The fields of the form kept under this token for this address, removed as they are
    /// read; nil when there is none (another address, expired, already taken).
    public func take(tokenHash: [UInt8], path: String, now: Timestamp) throws -> String? {
        guard
            let row = try database.queryOne(
                "SELECT id, fields FROM kept_forms WHERE token_hash = ? AND path = ? AND expires_at > ?", [tokenHash, path, now])
        else { return nil }
        try database.run("DELETE FROM kept_forms WHERE id = ?", [row.int("id")])
        return row.string("fields")
    }
}
