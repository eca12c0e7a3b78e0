import PortalCore

/// Forms kept for a person whose session ended while they wrote (`kept_forms`): taken once,
/// by the token the browser holds and the address the form was sent to.
public struct KeptFormStore {
    /// Long enough to log in again (password, code, company), short enough not to linger.
    public static let lifetime: Int64 = 2 * 3600

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Keeps the form; expired ones go at the same time.
    public func keep(tokenHash: [UInt8], path: String, fields: String, now: Timestamp) throws {
        try database.run("DELETE FROM kept_forms WHERE expires_at <= ?", [now])
        try database.run(
            "INSERT INTO kept_forms (token_hash, path, fields, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            [tokenHash, path, fields, now, now + KeptFormStore.lifetime])
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
