@testable import PortalStore
import Testing

@Suite("Database")
struct DatabaseTests {
    private struct Boom: Error {}

    @Test("opens in WAL mode")
    func walMode() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        #expect(try database.queryOne("PRAGMA journal_mode")?.string("journal_mode") == "wal")
    }

    @Test("a writer waits for another's lock about its timeout, then gives up with a busy error")
    func busyTimeoutIsATime() throws {
        let temporary = try TemporaryDatabase()
        let other = try Database(path: temporary.directory + "/portal.sqlite3", busyTimeoutMilliseconds: 120)
        try temporary.database.execute("BEGIN IMMEDIATE")
        defer { try? temporary.database.execute("ROLLBACK") }
        let started = BusyWait.monotonicNanoseconds()
        #expect(throws: DatabaseError.self) { try other.execute("BEGIN IMMEDIATE") }
        // A lower bound only: how far past it a loaded machine goes is not a unit test's to say.
        let waited = (BusyWait.monotonicNanoseconds() - started) / 1_000_000
        #expect(waited >= 120)
        try temporary.database.execute("ROLLBACK")
        try other.execute("BEGIN IMMEDIATE")
        try other.execute("ROLLBACK")
    }

    @Test("enforces foreign keys")
    func foreignKeys() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        #expect(try database.scalarInt("PRAGMA foreign_keys") == 1)
        let error = #expect(throws: DatabaseError.self) {
            try database.run(
                "INSERT INTO memberships (user_id, tenant_id, role, active_since) VALUES (?, ?, ?, ?)",
                [Int64(404), Int64(404), "admin", Int64(0)])
        }
        #expect(error?.isConstraintViolation == true)
    }

    @Test("write rolls back when the body throws, and commits when it returns")
    func writeRollsBack() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        #expect(throws: Boom.self) {
            try database.write { tx in
                try database.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["annullato", [UInt8(1)]])
                throw Boom()
            }
        }
        #expect(try database.queryOne("SELECT name FROM settings WHERE name = ?", ["annullato"]) == nil)

        try database.write { tx in
            try database.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["tenuto", [UInt8(2)]])
        }
        #expect(try database.queryOne("SELECT value FROM settings WHERE name = ?", ["tenuto"])?.blob("value") == [2])
    }

    @Test("binds and reads back text, integers, blobs and NULL")
    func roundTripValues() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        try database.execute("CREATE TABLE t (s TEXT, i INTEGER, b BLOB, n INTEGER) STRICT")
        try database.run("INSERT INTO t VALUES (?, ?, ?, ?)", ["è'; DROP TABLE t; --", Int64.max, [UInt8(0), 255], Int64?.none])
        let row = try #require(try database.queryOne("SELECT * FROM t"))
        #expect(row.string("s") == "è'; DROP TABLE t; --")
        #expect(row.int("i") == Int64.max)
        #expect(row.blob("b") == [0, 255])
        #expect(row.optionalInt("n") == nil)
    }

    @Test("prepared statements are kept within their memory budget, the least recently used dropped")
    func statementBudget() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        try database.execute("CREATE TABLE numbers (n INTEGER)")
        try database.run("INSERT INTO numbers (n) VALUES (?)", [7])
        let kept = "SELECT n FROM numbers WHERE n = ?"
        // As many texts as a list's filter combinations, each a few kilobytes prepared.
        for variant in 0..<400 {
            let conditions = (0...variant % 40).map { " AND n + \($0) > \(variant)" }.joined()
            _ = try database.query("SELECT n FROM numbers WHERE n >= 0" + conditions)
            #expect(try database.scalarInt(kept, [7]) == 7)
        }
        #expect(database.statementMemory <= Database.statementBudget)
        #expect(database.statementMemory > Database.statementBudget / 2)
        #expect(try database.scalarInt(kept, [7]) == 7)
    }

    @Test("a checkpoint copies every committed page of the WAL into the database file")
    func checkpoint() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        try database.execute("CREATE TABLE numbers (n INTEGER)")
        for n in 0..<20 { try database.write { _ in try database.run("INSERT INTO numbers (n) VALUES (?)", [n]) } }
        let result = try database.checkpoint()
        #expect(result.walPages > 0)
        #expect(result.copied == result.walPages)
    }

    @Test("an idle connection gives its page cache back")
    func releaseMemory() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        try database.execute("CREATE TABLE texts (body TEXT)")
        try database.write { _ in
            for n in 0..<2000 { try database.run("INSERT INTO texts (body) VALUES (?)", [String(repeating: "x", count: 500 + n % 7)]) }
        }
        #expect(try database.scalarInt("SELECT count(*) FROM texts WHERE length(body) > 0") == 2000)
        let filled = database.cacheMemory
        #expect(filled > 500_000)
        database.releaseMemory()
        #expect(database.cacheMemory < filled / 4)
        #expect(try database.scalarInt("SELECT count(*) FROM texts") == 2000)
    }
}
