import CSQLite
import Glibc

/// One SQLite connection, owned by one worker process. Not `Sendable`: the worker's
/// connection threads use it one at a time, under the lock around the worker's responder
/// (multi-thread mode, `SQLITE_OPEN_NOMUTEX`).
public final class Database {
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    public let path: String

    /// Opens (creating if needed) the database with the settings every process shares:
    /// WAL for concurrent readers and one writer across processes, `synchronous=NORMAL`
    /// (durable at checkpoints, never corrupt), foreign keys, and a busy timeout that
    /// absorbs the short `BEGIN IMMEDIATE` transactions of the other workers. No mmap: mapped
    /// pages count as each worker's resident memory and grow with the database; a 4 MB page
    /// cache keeps a worker's footprint bounded whatever the database's size.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &pointer, flags, nil)
        guard result == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { sqlite3_close_v2(pointer) }
            throw DatabaseError(code: result, message: message, sql: nil)
        }
        handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        // SQLite's own busy timeout sleeps ever longer, up to 100 ms a time: a writer then
        // waits long after the lock is free, and its worker's other requests wait behind it.
        // Trying again every half millisecond keeps a wait as short as the transaction that
        // causes it; the limit in tries is the same timeout.
        let tries = Int(busyTimeoutMilliseconds) * 2
        sqlite3_busy_handler(handle, { limit, count in
            guard Int(count) < Int(bitPattern: limit) else { return 0 }
            usleep(500)
            return 1
        }, UnsafeMutableRawPointer(bitPattern: tries))
        try execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA cache_size = -4000;
            PRAGMA temp_store = MEMORY;
            """)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if result != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(errorMessage)
            throw DatabaseError(code: result, message: message, sql: sql)
        }
    }

    /// Runs one statement that returns no rows.
    public func run(_ sql: String, _ arguments: [any SQLConvertible] = []) throws {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() {}
    }

    public func query(_ sql: String, _ arguments: [any SQLConvertible] = []) throws -> [Row] {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    public func queryOne(_ sql: String, _ arguments: [any SQLConvertible] = []) throws -> Row? {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.row() : nil
    }

    public func scalarInt(_ sql: String, _ arguments: [any SQLConvertible] = []) throws -> Int64 {
        guard let row = try queryOne(sql, arguments), let first = row.values.first else { return 0 }
        if case .integer(let value) = first { return value }
        return 0
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// A write transaction. `BEGIN IMMEDIATE` takes the write lock up front, so a
    /// read-then-write body waits on `busy_timeout` instead of failing with SQLITE_BUSY.
    /// Nothing is acknowledged to a client before this returns. The body gets the
    /// transaction's handle: writes that must commit together with their cause (an e-mail,
    /// an audit line) take it, so calling them outside a transaction does not compile.
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body(WriteTransaction(database: self))
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func prepared(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    func lastError(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable)
extension Database: Sendable {}
