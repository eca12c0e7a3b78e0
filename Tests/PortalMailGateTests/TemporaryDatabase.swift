import Foundation
import PortalStore

/// A migrated database in a fresh folder under /tmp (mkdtemp); the folder goes with it. The
/// same as the store tests. own: SwiftPM test targets cannot share a source file.
final class TemporaryDatabase {
    let directory: String
    let database: Database

    init(migrated: Bool = true) throws {
        var template = Array("/tmp/portal-mailgate-tests.XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        directory = String(cString: pointer)
        database = try Database(path: directory + "/portal.sqlite3")
        if migrated { try Migrator.migrate(database, now: 1_700_000_000) }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
