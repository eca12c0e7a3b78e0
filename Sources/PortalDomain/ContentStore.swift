import Glibc
import PortalCore
import PortalCrypto
import PortalStore

/// Files kept outside the web root under their SHA-256 (content-addressed): the same bytes
/// are stored once, and a name never comes from the user.
public struct ContentStore {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Writes the bytes (temporary file, fsync, rename) and returns their SHA-256 hex name.
    /// Bytes stored before are not written again, but their file's time is renewed: the
    /// sweep takes only files left untouched for its grace period.
    public func store(_ bytes: [UInt8]) throws -> String {
        let name = Digest.sha256Hex(bytes)
        let path = directory + "/" + name
        if touch(name) { return name }
        try ContentStore.makeDirectory(directory)
        let temporary = path + ".tmp.\(getpid())"
        guard let file = fopen(temporary, "wb") else { throw ContentStoreError(path: temporary) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, file) }
        let synced = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ContentStoreError(path: path)
        }
        return name
    }

    /// Sets the file's modification time to now, or to `time` (which may be ahead: the sweep
    /// leaves a file until its time is older than the grace period); false when there is no
    /// such file.
    public func touch(_ name: String, at time: Timestamp? = nil) -> Bool {
        guard ContentStore.isName(name) else { return false }
        guard let time else { return utimes(directory + "/" + name, nil) == 0 }
        var times = [timeval(tv_sec: time_t(time), tv_usec: 0), timeval(tv_sec: time_t(time), tv_usec: 0)]
        return utimes(directory + "/" + name, &times) == 0
    }

    /// A stored file's name: 64 hexadecimal digits, never a path.
    public static func isName(_ name: String) -> Bool { name.utf8.count == 64 && name.allSatisfy(\.isHexDigit) }

    public func has(_ name: String) -> Bool {
        ContentStore.isName(name) && access(directory + "/" + name, F_OK) == 0
    }

    /// The files the database names (attachments, profile pictures) that the folder lacks: a
    /// restored database whose folder was not restored with it.
    public func missing(in database: Database) throws -> [String] {
        try StagedFileStore(database).referencedFiles().filter { !has($0) }
    }

    public func read(_ name: String) -> [UInt8]? {
        guard ContentStore.isName(name) else { return nil }
        return readFileBytes(directory + "/" + name)
    }

    public static func makeDirectory(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o750) != 0 && errno != EEXIST { throw ContentStoreError(path: current) }
        }
    }
}

public struct ContentStoreError: Error, CustomStringConvertible {
    let path: String
    /// Taken when the error is made: read later, `errno` was whatever came since.
    let code: Int32

    init(path: String, code: Int32 = errno) {
        self.path = path
        self.code = code
    }

    public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}

extension ContentStore {
    /// At a handler's start: a folder that cannot be written failed every form with a file
    /// ("Si è verificato un errore imprevisto"), found only then, and only in a log's errno.
    public static func checkWritable(_ directory: String) throws {
        try makeDirectory(directory)
        guard access(directory, W_OK | X_OK) == 0 else { throw ContentStoreError(path: directory) }
    }
}
