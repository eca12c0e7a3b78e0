@testable import PortalStore
import Testing

/// `Database.derived`: a kept value is used only while nothing was committed since it was
/// made, by any connection.
@Suite("Derived values")
struct DerivedValueTests {
    static let settingsCount = DerivedKey<Int64>()

    /// The number of settings kept under `key` (`settingsCount` by default), and whether it
    /// was made afresh.
    func count(_ database: Database, key: DerivedKey<Int64> = DerivedValueTests.settingsCount) throws -> (Int64, made: Bool) {
        var made = false
        let value = try database.derived(key) {
            made = true
            return try database.scalarInt("SELECT count(*) FROM settings")
        }
        return (value, made)
    }

    @Test("kept while nothing changes, made again after a commit of another connection or of its own")
    func keptUntilChanged() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let other = try Database(path: database.path)
        let start = try count(database)
        #expect(start.made)
        #expect(try count(database) == (start.0, made: false))

        try other.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["altro", [UInt8(1)]])
        #expect(try count(database) == (start.0 + 1, made: true))
        #expect(try count(database) == (start.0 + 1, made: false))

        try database.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["proprio", [UInt8(1)]])
        #expect(try count(database) == (start.0 + 2, made: true))

        // A change of another table moves the version all the same.
        try other.run("UPDATE settings SET value = ? WHERE name = ?", [[UInt8(2)], "altro"])
        #expect(try count(database).made)
    }

    @Test("inside a write transaction made from its own rows and not kept")
    func notKeptInsideATransaction() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let start = try count(database).0
        struct Undo: Error {}
        #expect(throws: Undo.self) {
            try database.write { _ in
                try database.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["annullato", [UInt8(1)]])
                #expect(try count(database) == (start + 1, made: true))
                throw Undo()
            }
        }
        // The rolled-back row counts as a change of its own: made again, without it.
        #expect(try count(database) == (start, made: true))
    }

    /// A key with a version of its own: here the number of settings, which every insert moves.
    static let versionedCount = DerivedKey<Int64>(versionSQL: "SELECT count(*) FROM settings")

    func versioned(_ database: Database) throws -> (Int64, made: Bool) {
        try count(database, key: DerivedValueTests.versionedCount)
    }

    @Test("a read snapshot does not see another connection's commit between its statements")
    func readSnapshot() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let other = try Database(path: database.path)
        let (first, second) = try database.read {
            let first = try database.scalarInt("SELECT count(*) FROM settings")
            try other.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["nel mezzo", [UInt8(1)]])
            return (first, try database.scalarInt("SELECT count(*) FROM settings"))
        }
        #expect(first == second)
        #expect(try database.scalarInt("SELECT count(*) FROM settings") == first + 1)
        // Nested, the body runs in the transaction already open.
        try database.write { _ in
            try database.read { try database.run("DELETE FROM settings WHERE name = ?", ["nel mezzo"]) }
        }
        #expect(try database.scalarInt("SELECT count(*) FROM settings") == first)
    }

    @Test("inside a read snapshot a value under its own version row is kept; one under data_version is made afresh")
    func derivedInsideASnapshot() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let other = try Database(path: database.path)
        let start = try versioned(database)
        #expect(start.made)
        _ = try count(database)
        try database.read {
            #expect(try versioned(database) == (start.0, made: false))
            try other.run("INSERT INTO settings (name, value) VALUES (?, ?)", ["nel mezzo", [UInt8(1)]])
            // The snapshot's version is the kept value's: still the snapshot's own answer.
            #expect(try versioned(database) == (start.0, made: false))
            #expect(try count(database) == (start.0, made: true))
        }
        #expect(try versioned(database) == (start.0 + 1, made: true))
        #expect(try count(database) == (start.0 + 1, made: true))
    }
}
