import CSQLite
import Glibc
import PortalCore

/// An online, consistent copy. `VACUUM INTO` reads one snapshot, so it finishes under
/// constant writes (the backup API restarts on every write and may never finish).
public enum Backup {
    public static func copy(_ database: Database, to path: String) throws {
        try database.run("VACUUM INTO ?", [path])
        let copy = try Database(path: path)
        try checkIntegrity(copy)
    }

    public struct Restored: Sendable {
        /// E-mails the backup had queued: dropped unsent, unless `resendMail`.
        public let queuedMail: Int
        public let resentMail: Bool
    }

    /// Replaces the content of `database` with the backup at `path`, which is never written.
    ///
    /// The backup is copied beside the database first, migrated to this build's schema and
    /// checked; the mail it had queued is marked never to be sent (it was queued for then, and
    /// may well have gone out since) unless `resendMail`. Only then do SQLite's backup API's
    /// pages replace the live ones, under the database's write lock: every other connection
    /// (handlers, mailer) sees the old database or the restored one, and the mailer never a
    /// moment of the old queue.
    public static func restore(from path: String, into database: Database, resendMail: Bool, now: Timestamp) throws
        -> Restored
    {
        let staging = database.path + ".restore"
        removeDatabaseFiles(staging)
        defer { removeDatabaseFiles(staging) }
        var source: OpaquePointer?
        let opened = sqlite3_open_v2(path, &source, SQLITE_OPEN_READONLY, nil)
        defer { sqlite3_close_v2(source) }
        guard opened == SQLITE_OK, let source else {
            throw DatabaseError(code: opened, message: Text.Console.cannotOpenBackup(path), sql: nil)
        }
        let restored: Restored
        do {
            let copy = try Database(path: staging)
            do {
                try copyPages(from: source, to: copy.handle, destination: copy)
            } catch let error as DatabaseError where error.isNotADatabase {
                throw DatabaseError(code: error.code, message: Text.Console.notADatabase(path), sql: nil)
            }
            try checkIntegrity(copy)
            // An empty file (what a failed backup job leaves) emptied the portal, "restored".
            guard try Migrator.isPortalDatabase(copy) else {
                throw DatabaseError(code: 26, message: Text.Console.notABackup(path), sql: nil)
            }
            let newer = try Migrator.unknown(copy)
            guard newer.isEmpty else {
                throw DatabaseError(
                    code: 1, message: Text.Console.backupFromNewer(newer), sql: nil)
            }
            try Migrator.migrate(copy, now: now)
            let outbox = OutboxStore(copy)
            let queued = try copy.scalarInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND discarded_at IS NULL")
            if !resendMail { try outbox.discardQueued(now: now) }
            restored = Restored(queuedMail: Int(queued), resentMail: resendMail)
            try copyPages(from: copy.handle, to: database.handle, destination: database)
        }
        return restored
    }

    /// Every page of `source` into `destination`, in one step under the destination's write
    /// lock; a busy destination (a handler's transaction) is waited for by its busy handler.
    static func copyPages(from source: OpaquePointer, to destination: OpaquePointer, destination database: Database)
        throws
    {
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw database.lastError(sqlite3_errcode(destination), sql: nil)
        }
        var result = sqlite3_backup_step(backup, -1)
        var tries = 0
        while (result == SQLITE_BUSY || result == SQLITE_LOCKED) && tries < 100 {
            usleep(50_000)
            tries += 1
            result = sqlite3_backup_step(backup, -1)
        }
        let finished = sqlite3_backup_finish(backup)
        guard result == SQLITE_DONE, finished == SQLITE_OK else {
            throw DatabaseError(
                code: result == SQLITE_DONE ? finished : result, message: Text.Console.copyFailed, sql: nil)
        }
    }

    static func checkIntegrity(_ database: Database) throws {
        let result = try database.queryOne("PRAGMA integrity_check")?.string("integrity_check") ?? ""
        guard result == "ok" else {
            throw DatabaseError(code: 11, message: Text.Console.integrityFailed(result), sql: nil)
        }
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
