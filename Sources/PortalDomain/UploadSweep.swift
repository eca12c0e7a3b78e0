import Glibc
import PortalCore
import PortalStore

/// The attachments folder's housekeeping, run by `portal-mailer` when it starts and every
/// minute: a form's files that no attachment took within the grace period go, and so do
/// the temporary files of writes that never finished (a worker killed mid-upload), and
/// profile pictures that nobody's profile shows any more (replaced or removed).
public struct UploadSweep {
    let database: Database
    let storage: UploadStorage

    /// A write renames its temporary file within milliseconds: one a minute old is a leftover.
    public static let temporaryAge: Int64 = 60

    public init(database: Database, config: Config) {
        self.database = database
        storage = UploadStorage(database: database, config: config)
    }

    public struct Report: Sendable, Equatable {
        public var files = 0
        public var temporary = 0
    }

    @discardableResult
    public func run(now: Timestamp) throws -> Report {
        let staged = StagedFileStore(database)
        try staged.forget(stagedBefore: now - storage.grace)
        let directory = storage.store.directory
        var report = Report()
        for name in UploadSweep.entries(of: directory) {
            let path = directory + "/" + name
            if ContentStore.isName(name) {
                // Checked again just before removing: a form may have taken the file meanwhile.
                guard UploadSweep.isOlder(path, than: now - storage.grace), try !staged.isHeld(sha256: name),
                    UploadSweep.isOlder(path, than: now - storage.grace), unlink(path) == 0
                else { continue }
                report.files += 1
            }
        }
        // Profile pictures live in a folder of their own, written the same way. Storing one
        // renews its file's time, so a picture being saved is never older than the grace.
        let pictures = directory + "/pictures"
        let users = UserStore(database)
        for name in UploadSweep.entries(of: pictures) where ContentStore.isName(name) {
            let path = pictures + "/" + name
            guard UploadSweep.isOlder(path, than: now - storage.grace), try !users.isPictureInUse(sha256: name),
                UploadSweep.isOlder(path, than: now - storage.grace), unlink(path) == 0
            else { continue }
            report.files += 1
        }
        for folder in [directory, pictures] {
            for name in UploadSweep.entries(of: folder) where name.contains(".tmp.") {
                let path = folder + "/" + name
                if UploadSweep.isOlder(path, than: now - UploadSweep.temporaryAge), unlink(path) == 0 { report.temporary += 1 }
            }
        }
        if report != Report() {
            Log.event("uploads_swept", [("files", String(report.files)), ("temporary", String(report.temporary))])
        }
        return report
    }

    /// Whether the file was last written before `time`.
    static func isOlder(_ path: String, than time: Timestamp) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Timestamp(info.st_mtim.tv_sec) < time
    }

    /// The names in a folder (none when it does not exist yet).
    static func entries(of folder: String) -> [String] {
        guard let handle = opendir(folder) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
