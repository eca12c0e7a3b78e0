import CSQLite

/// Names one kind of value derived from the database's content, of type `Value`.
public final class DerivedKey<Value>: Sendable {
    public init() {}
}

/// Small values computed from the database and kept by the connection until the database
/// changes: the desk's counts per filter combination, read by every "Coda ticket" and every
/// search (600 cells summed in SQL cost a fifth of a queue page).
///
/// Unlike a cache of pages or of a company's data, such a value is never stale: before each
/// use the connection asks SQLite whether anything was committed since it was made, by
/// another connection (`PRAGMA data_version`, which moves with every commit of any process
/// in WAL mode) or by this one (`sqlite3_total_changes64`, which counts its own rows
/// written, triggers included). Any commit anywhere drops every kept value, whatever table
/// it touched: the check is what must be cheap (two integers), not the keeping clever.
extension Database {
    /// What the connection has seen of the database's content: equal twice when nothing was
    /// committed in between.
    struct ContentVersion: Equatable {
        let others: Int64
        let own: Int64
    }

    func contentVersion() throws -> ContentVersion {
        ContentVersion(others: try scalarInt("PRAGMA data_version"), own: sqlite3_total_changes64(handle))
    }

    /// The value kept under `key` if the database has not changed since it was made;
    /// otherwise `make()`'s, kept in its place. Inside a write transaction the value is made
    /// afresh and not kept: the transaction's own uncommitted rows may still be rolled back.
    public func derived<Value>(_ key: DerivedKey<Value>, _ make: () throws -> Value) throws -> Value {
        guard sqlite3_get_autocommit(handle) != 0 else { return try make() }
        let version = try contentVersion()
        let slot = ObjectIdentifier(key)
        if let kept = derivedValues[slot], kept.version == version, let value = kept.value as? Value { return value }
        // Kept under the version read before it was made: a commit while it is made moves
        // the version past that, and the next use makes it again.
        let value = try make()
        derivedValues[slot] = DerivedValue(version: version, value: value)
        return value
    }
}

/// One value kept by `Database.derived`, with the content version it was made from.
struct DerivedValue {
    let version: Database.ContentVersion
    let value: Any
}
