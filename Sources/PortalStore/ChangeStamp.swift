/// Where the database stands, for a worker's caches: SQLite's `data_version` moves with every
/// commit of another connection, `total_changes()` with every change made through this one.
/// Read before the data a cache keeps, so that a kept copy is never older than its stamp.
public struct ChangeStamp: Equatable, Sendable {
    public let dataVersion: Int64
    public let ownChanges: Int64
}

extension Database {
    /// Two cached statements; not the `pragma_data_version` table, which prepares the pragma
    /// again on every read.
    public func changeStamp() throws -> ChangeStamp {
        ChangeStamp(dataVersion: try scalarInt("PRAGMA data_version"), ownChanges: try scalarInt("SELECT total_changes()"))
    }
}
