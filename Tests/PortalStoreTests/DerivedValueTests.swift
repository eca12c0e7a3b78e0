@testable import PortalStore
import Testing

/// `Database.derived`: a kept value is used only while nothing was committed since it was
/// made, by any connection.
@Suite("Derived values")
struct DerivedValueTests {
    static let settingsCount = DerivedKey<Int64>()

    /// The value under `settingsCount`, and whether it was made afresh.
    func count(_ database: Database) throws -> (Int64, made: Bool) {
        var made = false
        let value = try database.derived(DerivedValueTests.settingsCount) {
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
}
