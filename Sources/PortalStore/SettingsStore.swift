/// Process-wide secrets kept in the database, so that every worker and every restart agree.
public struct SettingsStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func value(_ name: String) throws -> [UInt8]? {
        try database.queryOne("SELECT value FROM settings WHERE name = ?", [name])?.blob("value")
    }

    /// Stores `make()` under `name` unless a value is already there; returns the stored one.
    public func ensure(_ name: String, make: () -> [UInt8]) throws -> [UInt8] {
        try database.write { tx in
            if let existing = try value(name) { return existing }
            let fresh = make()
            try database.run("INSERT INTO settings (name, value) VALUES (?, ?)", [name, fresh])
            return fresh
        }
    }
}
