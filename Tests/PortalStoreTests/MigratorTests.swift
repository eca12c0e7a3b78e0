import Foundation
@testable import PortalStore
import Testing

@Suite("Migrator")
struct MigratorTests {
    @Test("an empty database gets every migration, once")
    func emptyDatabase() throws {
        let temporary = try TemporaryDatabase(migrated: false)
        let database = temporary.database
        let names = Migrations.all.map(\.name)
        #expect(try Migrator.pending(database) == names)
        #expect(try Migrator.migrate(database, now: 1) == names)
        #expect(try Migrator.migrate(database, now: 2) == [])
        #expect(try Migrator.pending(database).isEmpty)
        #expect(try database.scalarInt("SELECT count(*) FROM schema_migrations") == Int64(names.count))
        #expect(try database.scalarInt("SELECT count(*) FROM roles") == 2)
    }

    @Test("a database migrated by a newer build names the migrations this build does not know")
    func newerBuild() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        #expect(try Migrator.unknown(database).isEmpty)
        try database.run("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 1)")
        #expect(try Migrator.unknown(database) == ["9999_from_the_future"])
        #expect(try Migrator.pending(database).isEmpty)
        // Not "up to date": this build must not go on writing to a schema it does not know.
        let refused = #expect(throws: Migrator.NewerSchema.self) { try Migrator.migrate(database, now: 2) }
        #expect(refused?.description.contains("9999_from_the_future") == true)
    }

    @Test("a database with only the ledger of an old build gets every migration")
    func ledgerOnly() throws {
        let temporary = try TemporaryDatabase(migrated: false)
        let database = temporary.database
        try database.execute(Migrator.ledger)
        #expect(try Migrator.pending(database) == Migrations.all.map(\.name))
        #expect(try Migrator.migrate(database, now: 1) == Migrations.all.map(\.name))
        #expect(try Migrator.pending(database).isEmpty)
    }

    @Test("a database migrated by an old build gets only the newer migrations")
    func olderBuild() throws {
        let temporary = try TemporaryDatabase(migrated: false)
        let database = temporary.database
        try Migrator.migrate(database, migrations: Migrations.all, now: 1)
        let added = Migration(name: "9999_test_notes", sql: "CREATE TABLE test_notes (id INTEGER PRIMARY KEY) STRICT;")
        let newer = Migrations.all + [added]
        #expect(try Migrator.pending(database, migrations: newer) == [added.name])
        // Re-running 0001 would fail on CREATE TABLE, so this also proves it is skipped.
        #expect(try Migrator.migrate(database, migrations: newer, now: 2) == [added.name])
        #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'test_notes'") == 1)
        #expect(try Migrator.pending(database, migrations: newer).isEmpty)
    }

    @Test("0035 marks each ticket by whose its last reply is, notes and change lines aside")
    func lastReplySide() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let id = try temporary.rossiTicket(now: 10)
        let store = TicketStore(database)
        try database.write { _ in
            // The same second for both: the order written decides, not the time.
            try store.addMessage(ticketID: id, authorID: nil, authorName: "Giulia", isOperator: true, body: "Risposta", now: 20)
            try store.addMessage(ticketID: id, authorID: nil, authorName: "Giulia", isOperator: true, kind: .note, body: "Nota", now: 20)
        }
        #expect(try database.scalarInt("SELECT last_reply_by_operator FROM tickets WHERE id = ?", [id]) == 1)
        // An older database: the column added and filled from the messages.
        try database.run("UPDATE tickets SET last_reply_by_operator = 0")
        try database.execute(Migrations.lastReplySide.sql.replacingOccurrences(
            of: "ALTER TABLE tickets ADD COLUMN last_reply_by_operator INTEGER NOT NULL DEFAULT 0;", with: ""))
        #expect(try database.scalarInt("SELECT last_reply_by_operator FROM tickets WHERE id = ?", [id]) == 1)
        try database.write { _ in
            try store.addMessage(ticketID: id, authorID: nil, authorName: "Mario", isOperator: false, body: "Grazie", now: 20)
        }
        #expect(try database.scalarInt("SELECT last_reply_by_operator FROM tickets WHERE id = ?", [id]) == 0)
    }

    @Test("0036 gives the tickets of an older database their phone's digits, and the text index its words")
    func searchPhone() throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let id = try temporary.rossiTicket(now: 10)
        func found(_ words: String) throws -> Int64 {
            try database.scalarInt("SELECT count(*) FROM ticket_text WHERE ticket_text MATCH ?", ["people : (\(words))"])
        }
        // An older database: a phone, and neither its digits nor its words in the index.
        try database.run("UPDATE tickets SET phone = '+39 0444 123456 int. 22' WHERE id = ?", [id])
        try database.run("UPDATE ticket_text SET people = 'Mario Rossi mario@rossi.example' WHERE rowid = ?", [id])
        #expect(try found("\"0444123456\"") == 0)
        try database.write { tx in try Migrations.searchPhone.then?(tx) }
        #expect(try database.queryOne("SELECT phone_digits FROM tickets WHERE id = ?", [id])?.string("phone_digits") == "0444123456")
        #expect(try found("\"0444123456\"") == 1)
        #expect(try found("\"0444\" \"123456\"") == 1, "the words as typed too")
        #expect(try found("\"rossi\"") == 1, "0033's words stay")
    }

    @Test("a failing migration leaves neither its changes nor its ledger row")
    func failingMigration() throws {
        let temporary = try TemporaryDatabase(migrated: false)
        let database = temporary.database
        let broken = Migration(name: "0001_broken", sql: "CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);")
        #expect(throws: DatabaseError.self) { try Migrator.migrate(database, migrations: [broken], now: 1) }
        #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0)
        #expect(try Migrator.pending(database, migrations: [broken]) == [broken.name])
    }
}
