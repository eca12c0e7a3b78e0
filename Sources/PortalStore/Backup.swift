/// An online, consistent copy. `VACUUM INTO` reads one snapshot, so it finishes under
/// constant writes (the backup API restarts on every write and may never finish).
public enum Backup {
    public static func copy(_ database: Database, to path: String) throws {
        try database.run("VACUUM INTO ?", [path])
        let copy = try Database(path: path)
        let result = try copy.queryOne("PRAGMA integrity_check")?.string("integrity_check") ?? ""
        guard result == "ok" else {
            throw DatabaseError(code: 11, message: "integrity check of the copy failed: \(result)", sql: nil)
        }
    }
}
