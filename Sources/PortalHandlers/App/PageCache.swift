import PortalCore
import PortalStore

/// One worker's last pages per session: "Aggiorna" on a ticket, or the list reloaded, shows
/// the same bytes while nothing it is made of has changed. A page is a pure function of the
/// session (viewer, CSRF token), what the key names (the page and its parameters, the
/// minute where it shows elapsed times) and the content (`ChangeStamp`), so the bytes are
/// reused only when all three match. Only GET pages without form input or errors go here.
/// Owned by the worker's `Services`: nothing is shared between workers or sessions.
final class PageCache {
    struct Key: Hashable {
        let sessionID: Int64
        /// A session changes company with "Accetta": the company is part of the key.
        let tenantID: Int64
        /// The page and everything else its bytes depend on, e.g. `detail|2008|true|`.
        let page: String
    }

    private struct Entry {
        let stamp: ChangeStamp
        let bytes: [UInt8]
    }

    /// 64 pages of about 25 KB: under 2 MB per worker.
    static let capacity = 64

    private var entries: [Key: Entry] = [:]

    func bytes(_ key: Key, stamp: ChangeStamp, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let entry = entries[key], entry.stamp == stamp { return entry.bytes }
        let bytes = try render()
        if entries.count >= PageCache.capacity { entries.removeAll() }
        entries[key] = Entry(stamp: stamp, bytes: bytes)
        return bytes
    }
}

@available(*, unavailable)
extension PageCache: Sendable {}
