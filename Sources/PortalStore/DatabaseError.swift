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

    /// The storage refused the write: SQLITE_FULL (the disk), SQLITE_IOERR, SQLITE_READONLY.
    public var isStorageFault: Bool { [13, 10, 8].contains(code & 0xff) }

    /// SQLITE_CANTOPEN: no database file where it was looked for (a missing folder).
    public var isCannotOpen: Bool { code & 0xff == 14 }

    /// SQLITE_NOTADB: the file is something else than a SQLite database.
    public var isNotADatabase: Bool { code & 0xff == 26 }

    /// A failure that trying again later may not meet: everything but what the statement
    /// itself got wrong (a rule said no, a value of the wrong type or size). A locked, full,
    /// read-only or unopenable database after a deploy is the administrator's to mend, and
    /// the work waits for it.
    public var isTransient: Bool {
        // CONSTRAINT, MISMATCH, TOOBIG, RANGE.
        ![19, 20, 18, 25].contains(code & 0xff)
    }
}
