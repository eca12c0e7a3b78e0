import PortalCore

/// A named schema change. Migrations are append-only: a released one is never edited,
/// a new change is a new entry at the end of `Migrations.all`.
public struct Migration: Sendable {
    public let name: String
    public let sql: String
    /// Runs after `sql` in the same transaction, for what SQL alone cannot compute (a value
    /// derived by the domain's rules, such as the tickets' due instants).
    public let then: (@Sendable (WriteTransaction) throws -> Void)?

    public init(name: String, sql: String, then: (@Sendable (WriteTransaction) throws -> Void)? = nil) {
        self.name = name
        self.sql = sql
        self.then = then
    }
}

public enum Migrator {
    static let ledger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name TEXT PRIMARY KEY,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """

    /// Applies the pending migrations in order, each in its own transaction; returns their names.
    /// A database a newer build migrated is refused: "up to date" was said of it, and this
    /// build's commands then wrote to a schema they do not know.
    @discardableResult
    public static func migrate(_ database: Database, migrations: [Migration] = Migrations.all, now: Int64) throws
        -> [String]
    {
        try refuseNewer(database, migrations: migrations)
        try database.execute(ledger)
        let applied = Set(try database.query("SELECT name FROM schema_migrations").map { $0.string("name") })
        var done: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            try database.write { tx in
                try database.execute(migration.sql)
                try migration.then?(tx)
                try database.run(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", [migration.name, now])
            }
            done.append(migration.name)
        }
        return done
    }

    /// Migrations the database has had that this build does not know: it was migrated by a
    /// newer build, whose schema this one must not work on.
    public static func unknown(_ database: Database, migrations: [Migration] = Migrations.all) throws -> [String] {
        let exists = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists == 1 else { return [] }
        let known = Set(migrations.map(\.name))
        return try database.query("SELECT name FROM schema_migrations ORDER BY name").map { $0.string("name") }
            .filter { !known.contains($0) }
    }

    /// Throws when a newer build migrated the database (`unknown`).
    public static func refuseNewer(_ database: Database, migrations: [Migration] = Migrations.all) throws {
        let newer = try unknown(database, migrations: migrations)
        guard newer.isEmpty else { throw NewerSchema(path: database.path, unknown: newer) }
    }

    public struct NewerSchema: Error, CustomStringConvertible {
        public let path: String
        public let unknown: [String]
        public var description: String {
            Text.Console.migratedByNewer(path, unknown: unknown)
        }
    }

    /// Whether the database is the portal's at all (its first migration applied): an empty
    /// file or another program's database passes every other check of a restore.
    public static func isPortalDatabase(_ database: Database, migrations: [Migration] = Migrations.all) throws -> Bool {
        let ledger = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard ledger == 1, let first = migrations.first else { return false }
        return try database.scalarInt("SELECT count(*) FROM schema_migrations WHERE name = ?", [first.name]) == 1
    }

    /// The migrations this build knows that the database has not had yet.
    public static func pending(_ database: Database, migrations: [Migration] = Migrations.all) throws -> [String] {
        let exists = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists == 1 else { return migrations.map(\.name) }
        let applied = Set(try database.query("SELECT name FROM schema_migrations").map { $0.string("name") })
        return migrations.map(\.name).filter { !applied.contains($0) }
    }
}
