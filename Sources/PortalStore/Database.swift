import CSQLite
import Glibc

/// One SQLite connection, owned by one worker process. Not `Sendable`: the worker's
/// connection threads use it one at a time, under the lock around the worker's responder
/// (multi-thread mode, `SQLITE_OPEN_NOMUTEX`).
public final class Database {
    let handle: OpaquePointer
    /// The busy handler's clock; the connection keeps it alive for the handler.
    private let busyWait: BusyWait
    /// Prepared statements by their SQL, the least recently used dropped past `statementBudget`.
    private var statements: [StatementKey: CachedStatement] = [:]
    private var uses: UInt64 = 0
    /// `derived` values, by their key.
    var derivedValues: [ObjectIdentifier: DerivedValue] = [:]
    /// Inside `read`: what `derived` may keep there differs from a write transaction's.
    var inReadTransaction = false
    public let path: String

    /// Opens (creating if needed) the database with the settings every process shares:
    /// WAL for concurrent readers and one writer across processes, `synchronous=NORMAL`
    /// (durable at checkpoints, never corrupt), foreign keys, and a busy timeout that
    /// absorbs the short `BEGIN IMMEDIATE` transactions of the other workers. No mmap: mapped
    /// pages count as each worker's resident memory and grow with the database; a 2 MB page
    /// cache keeps a worker's footprint bounded whatever the database's size. A larger one
    /// bought nothing in the mix: in WAL mode any other process's commit empties it at the
    /// next read, and with writes elsewhere (the mailer, replies) that is most requests.
    /// Checkpoints are the mailer's (`checkpoint()`, every tenth of a second; past 4,000
    /// pages it starts the WAL over). A connection checkpoints on its own only past 40,000
    /// pages (160 MB), when the mailer is not running: a new ticket adds about 30 pages, and
    /// with SQLite's 1,000 one request in 30 made its worker wait for the copy and two
    /// fsyncs; worse, once past that mark every commit of every worker checkpoints, and the
    /// checkpoint lock they then always hold kept the mailer from starting the WAL over (it
    /// grew past a gigabyte in the benchmark). After a restart the file is cut back to 64 MB.
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
        // causes it. The limit is a time, not a number of tries: on a loaded machine a
        // half-millisecond sleep lasts several, and the mailer's restarting checkpoint, which
        // holds every writer back while it waits for readers, waited as many times longer.
        busyWait = BusyWait(milliseconds: busyTimeoutMilliseconds)
        sqlite3_busy_handler(handle, { context, count in
            guard let context else { return 0 }
            let wait = Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue()
            return wait.again(first: count == 0) ? 1 : 0
        }, Unmanaged.passUnretained(busyWait).toOpaque())
        try execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA cache_size = -2000;
            PRAGMA wal_autocheckpoint = 40000;
            PRAGMA journal_size_limit = 67108864;
            PRAGMA temp_store = MEMORY;
            """)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Whether the connection can only read: SQLite opens a file it may not write read-only
    /// without a word, and the connection stays so after the file is writable again.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

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

    /// Copies the WAL's committed pages into the database file without waiting for anyone
    /// (a passive checkpoint), so that the next writer can start the WAL over. The mailer
    /// does it every tenth of a second: then a handler's commit rarely reaches
    /// `wal_autocheckpoint` and rarely makes its request, and its worker's others, wait for
    /// the copy and its fsyncs. `restart`: the WAL starts over as well, waiting (on the busy
    /// handler, writers held back meanwhile) for readers still on it; with reads and writes
    /// never pausing, a writer otherwise rarely finds it wholly copied and unused, and it
    /// grew to a gigabyte in a benchmark, each worker mapping 3 MB of its index.
    /// Returns the WAL's pages and how many of them are now in the database file.
    @discardableResult
    /// `truncate`: the log is emptied to zero bytes as well (nothing of the rows it held stays
    /// in its file).
    public func checkpoint(restart: Bool = false, truncate: Bool = false) throws -> (walPages: Int, copied: Int) {
        var pages: Int32 = 0
        var copied: Int32 = 0
        let mode = truncate ? SQLITE_CHECKPOINT_TRUNCATE : restart ? SQLITE_CHECKPOINT_RESTART : SQLITE_CHECKPOINT_PASSIVE
        let result = sqlite3_wal_checkpoint_v2(handle, nil, mode, &pages, &copied)
        // Busy: another checkpoint is running, or readers stayed past the busy timeout.
        guard result == SQLITE_OK || result == SQLITE_BUSY else { throw lastError(result, sql: nil) }
        return (Int(pages), Int(copied))
    }

    /// Frees the page cache's unused pages (all of them between requests).
    public func releaseMemory() {
        sqlite3_db_release_memory(handle)
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }
    /// Rows changed by this connection since it opened, triggers and virtual tables included.
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// Reads that must agree with each other (a page's counts and its rows) in one snapshot:
    /// a deferred transaction that writes nothing, so another worker's commit between two of
    /// its statements is not seen by the second. Inside a transaction already, the body
    /// simply runs in that one.
    public func read<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        // Prepared once and kept, as every page's statements: `execute` parses its text each time.
        try run("BEGIN")
        inReadTransaction = true
        defer { inReadTransaction = false }
        do {
            let value = try body()
            try run("COMMIT")
            return value
        } catch {
            try? run("ROLLBACK")
            throw error
        }
    }

    /// Asked at the start of every write transaction while it is set, under the write lock:
    /// a request's access (its session, its membership, its role), checked again where no
    /// other request can change it (`RouteTable` sets it for a request and clears it after).
    /// Checked only when the request began, a reply sent while an administrator removed its
    /// author was saved after the removal. At every write, not the first only: a form's files
    /// are staged in a write of their own before the one that saves the form.
    public var writeCheck: (() throws -> Void)?

    /// A write transaction. `BEGIN IMMEDIATE` takes the write lock up front, so a
    /// read-then-write body waits on `busy_timeout` instead of failing with SQLITE_BUSY.
    /// Nothing is acknowledged to a client before this returns. The body gets the
    /// transaction's handle: writes that must commit together with their cause (an e-mail,
    /// an audit line) take it, so calling them outside a transaction does not compile.
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        // Transactions do not nest: a write inside one (a `writeCheck` that wrote, a body that
        // called a writing service) would fail at BEGIN with SQLite's own words.
        assert(sqlite3_get_autocommit(handle) != 0, "a write transaction inside another")
        try execute("BEGIN IMMEDIATE")
        do {
            // What the check reads (and any session row it finds dead and deletes) is part of
            // this transaction: a refusal rolls it back with the rest.
            try writeCheck?()
            let value = try body(WriteTransaction(database: self))
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// What a worker's prepared statements may take, by SQLite's own count. Lists and the
    /// desk's queue build their SQL from the filters chosen, so the texts are as many as the
    /// filter combinations: kept forever they took 3 to 4 MB of each worker after a morning's
    /// mix, of a 20 MB budget. A statement takes 2 to 40 KB; the texts every request runs
    /// (session, stamp, the common lists) are in use all the time and stay.
    static let statementBudget = 1 << 20

    /// A statement's SQL as the cache's key: hashed by its length and its first and last 64
    /// bytes, not all of it (SipHash over a ticket's 600-byte query was 2,000 instructions on
    /// every run of it, about 10,000 per page); equal only when every byte is. Texts that
    /// differ only in their middle share a hash and are told apart by comparison.
    private struct StatementKey: Hashable {
        let sql: String

        func hash(into hasher: inout Hasher) {
            var sql = sql
            sql.withUTF8 { bytes in
                hasher.combine(bytes.count)
                let raw = UnsafeRawBufferPointer(bytes)
                if raw.count <= 128 {
                    hasher.combine(bytes: raw)
                } else {
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[..<64]))
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(raw.count - 64)...]))
                }
            }
        }
    }

    private final class CachedStatement {
        let statement: Statement
        var lastUse: UInt64
        /// SQLite's measure of the statement when it was prepared.
        let bytes: Int
        init(_ statement: Statement, lastUse: UInt64) {
            self.statement = statement
            self.lastUse = lastUse
            bytes = statement.memoryUsed
        }
    }

    /// The cached statements' bytes, each measured once: measuring them all (SQLite's
    /// connection status) walks every statement, which on the desk's queue, whose filters make
    /// new texts all the time, cost a sixth of a page's work when done after each prepare.
    private var statementBytes = 0

    private func prepared(_ sql: String) throws -> Statement {
        uses &+= 1
        let key = StatementKey(sql: sql)
        if let cached = statements[key] {
            cached.lastUse = uses
            return cached.statement
        }
        let statement = try Statement(database: self, sql: sql)
        let cached = CachedStatement(statement, lastUse: uses)
        statements[key] = cached
        statementBytes += cached.bytes
        if statementBytes > Database.statementBudget { dropLeastRecentStatements() }
        return statement
    }

    /// Finalizes the least recently used statements down to three quarters of the budget, in
    /// one pass: the next few new texts then fit without another. A caller still running one
    /// keeps it alive until it returns (the cache only lets go of it).
    private func dropLeastRecentStatements() {
        let byAge = statements.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, cached) in byAge.dropLast() {
            if statementBytes <= Database.statementBudget / 4 * 3 { break }
            statements[key] = nil
            statementBytes -= cached.bytes
        }
    }

    /// The bytes SQLite counts for this connection's prepared statements.
    var statementMemory: Int { status(SQLITE_DBSTATUS_STMT_USED) }

    /// The bytes of this connection's page cache.
    var cacheMemory: Int { status(SQLITE_DBSTATUS_CACHE_USED) }

    private func status(_ item: Int32) -> Int {
        var current: Int32 = 0
        var highest: Int32 = 0
        sqlite3_db_status(handle, item, &current, &highest, 0)
        return Int(current)
    }

    func lastError(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable)
extension Database: Sendable {}
