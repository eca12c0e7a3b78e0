import CSQLite

/// Names one kind of value derived from the database's content, of type `Value`, and what
/// tells whether that content changed.
public final class DerivedKey<Value>: Sendable {
    /// A query of one integer that triggers move with every change of what the value is made
    /// from (a version row in the value's own tables); nil: any commit at all, by any
    /// connection, counts as a change.
    let versionSQL: String?

    public init(versionSQL: String? = nil) { self.versionSQL = versionSQL }
}

/// Small values computed from the database and kept by the connection until what they are
/// made from changes: the desk's counts per filter combination, read by every "Coda ticket"
/// and every search (summed in SQL they cost a fifth of a queue page), and its operators.
///
/// Unlike a cache of pages or of a company's data, such a value is never stale: before each
/// use the connection reads its version, either a version row that triggers move in the
/// same transaction as any change of its tables, or, for a key without one, SQLite's own
/// `PRAGMA data_version` (moved by every commit of any other process in WAL mode) with
/// `sqlite3_total_changes64` (the rows this connection wrote, triggers included). What is
/// checked per use is two integers at most; what is kept is a few hundred values.
extension Database {
    /// Equal twice when nothing the value depends on was committed in between.
    struct DerivedVersion: Equatable {
        let committed: Int64
        let own: Int64
    }

    func version<Value>(of key: DerivedKey<Value>) throws -> DerivedVersion {
        if let sql = key.versionSQL { return DerivedVersion(committed: try scalarInt(sql), own: 0) }
        return DerivedVersion(committed: try scalarInt("PRAGMA data_version"), own: sqlite3_total_changes64(handle))
    }

    /// The value kept under `key` if what it is made from has not changed since it was made;
    /// otherwise `make()`'s, kept in its place. Inside a write transaction the value is made
    /// afresh and not kept: the transaction's own rows may still be rolled back, and a version
    /// row moved by them would then come back to a number the kept value does not match.
    /// Inside a read snapshot (`read`) a version row is read from the same snapshot as the
    /// value, so the two agree and the value is kept; `PRAGMA data_version` is not part of the
    /// snapshot (it moves with another process's commit that the snapshot does not see), so a
    /// value under it is made afresh there and not kept.
    public func derived<Value>(_ key: DerivedKey<Value>, _ make: () throws -> Value) throws -> Value {
        let inSnapshot = inReadTransaction && key.versionSQL != nil
        guard sqlite3_get_autocommit(handle) != 0 || inSnapshot else { return try make() }
        let version = try version(of: key)
        let slot = ObjectIdentifier(key)
        if let kept = derivedValues[slot], kept.version == version, let value = kept.value as? Value { return value }
        // Kept under the version read before it was made: a commit while it is made moves
        // the version past that, and the next use makes it again.
        let value = try make()
        derivedValues[slot] = DerivedValue(version: version, value: value)
        return value
    }
}

/// One value kept by `Database.derived`, with the version it was made from.
struct DerivedValue {
    let version: Database.DerivedVersion
    let value: Any
}
