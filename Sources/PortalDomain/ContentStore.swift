import Glibc
import PortalCore
import PortalCrypto

/// Files kept outside the web root under their SHA-256 (content-addressed): the same bytes
/// are stored once, and a name never comes from the user.
public struct ContentStore {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Writes the bytes (temporary file, fsync, rename) and returns their SHA-256 hex name.
    public func store(_ bytes: [UInt8]) throws -> String {
        let name = Digest.sha256Hex(bytes)
        let path = directory + "/" + name
        if access(path, F_OK) == 0 { return name }
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

    public func read(_ name: String) -> [UInt8]? {
        guard name.count == 64, name.allSatisfy({ $0.isHexDigit }) else { return nil }
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
    public var description: String { "cannot write \(path): errno \(errno)" }
}
