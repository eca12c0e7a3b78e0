import Foundation

/// The copied non-Markdown files and the fingerprinted names of the cacheable ones.
struct AssetMap {
    var fingerprinted: [String: String] = [:]
    var count = 0

    /// The name to link for an asset, relative to the output root.
    func path(_ path: String) -> String { fingerprinted[path] ?? path }

    /// The kinds of file that get a fingerprinted copy (`portal.3f2a9c1b.css`), which nginx
    /// lets browsers cache for a year.
    static let fingerprintedExtensions: Set<String> = ["css", "js", "svg"]
}

enum Fingerprint {
    /// FNV-1a 64: a cache-busting name, not a security property.
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return String(String(hash, radix: 16).suffix(8))
    }

    static func of(_ text: String) -> String { of(Data(text.utf8)) }
}

enum Paths {
    /// Resolves `.` and `..`; nil when the path climbs out of the site.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return String(path[path.index(after: dot)...])
    }
}
