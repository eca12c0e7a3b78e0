/// A failed SQLite call. It carries the result code and the SQL, never the bound values,
/// so that it can be logged as it is.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String {
        var text = "sqlite error \(code): \(message)"
        if let sql { text += " [\(sql.prefix(200))]" }
        return text
    }

    /// SQLITE_CONSTRAINT and its extended codes: a uniqueness or foreign-key rule said no.
    public var isConstraintViolation: Bool { code & 0xff == 19 }

    /// SQLITE_BUSY and its extended codes: another connection kept the lock past the timeout.
    public var isBusy: Bool { code & 0xff == 5 }

    /// A failure that trying again later may not meet: the lock held (BUSY, LOCKED), the disk
    /// full or failing (FULL, IOERR), the database file not openable now (CANTOPEN).
    public var isTransient: Bool { [5, 6, 10, 13, 14].contains(code & 0xff) }
}
