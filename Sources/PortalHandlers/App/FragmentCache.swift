import PortalCore
import PortalHTML
import PortalStore

/// One worker's rendered parts of company pages that every user of the company sees alike:
/// the ticket list's results for one set of filters, a ticket's thread and panel. Rendering them is
/// most of a page's cost (a 50-message thread is 50 Markdown documents), while a company's
/// tickets change far less often than they are looked at. A part is reused while the
/// database is unchanged (`ChangeStamp`) and, for parts that show elapsed time, within the
/// same minute. Never anything personal: the CSRF token, names and menus of the viewer are
/// rendered on every request. Owned by the worker's `Services`: nothing is shared between
/// workers.
final class FragmentCache {
    enum Kind: Hashable {
        case ticketList
        case ticketThread
        case ticketPanel
    }

    struct Key: Hashable {
        let kind: Kind
        let tenantID: Int64
        /// What else the part depends on: the filters, the ticket number.
        let detail: String
        /// The minute the part was rendered in, for parts that show "3 min" or "2 g 4 h";
        /// zero for the others.
        let minute: Int64
    }

    private struct Entry {
        let stamp: ChangeStamp
        let node: Node
    }

    /// A few dozen parts of 10 to 30 KB each per worker: well inside the memory budget.
    static let capacity = 32

    private var entries: [Key: Entry] = [:]

    func node(_ key: Key, _ database: Database, render: () throws -> Node) throws -> Node {
        let stamp = try database.changeStamp()
        if let entry = entries[key], entry.stamp == stamp { return entry.node }
        let node = try render()
        if entries.count >= FragmentCache.capacity { entries.removeAll() }
        entries[key] = Entry(stamp: stamp, node: node)
        return node
    }
}

@available(*, unavailable)
extension FragmentCache: Sendable {}
