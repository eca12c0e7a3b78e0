import PortalCore
import PortalHTML
import PortalStore

/// One worker's rendered parts of ticket pages that every user of the company sees alike (a
/// ticket's thread and panel) and the records they come from (a ticket). Rendering a long
/// thread is many Markdown documents, while a company's tickets change far less often than
/// they are looked at. A part is reused while its company's stamp is unchanged. Never
/// anything personal: the CSRF token, names and menus of the viewer are rendered on every
/// request. (The ticket list's results, which show elapsed time, are made on every request:
/// in the many-company benchmark almost no request found them kept.)
struct FragmentKey: Hashable {
    enum Kind: Hashable {
        case ticket
        case ticketThread
        case ticketPanel
    }

    let kind: Kind
    let tenantID: Int64
    /// What else the part depends on: the ticket number, whether the reply box is open.
    let detail: String
}

/// A few dozen parts of 10 to 30 KB each per worker: well inside the memory budget.
typealias FragmentCache = StampedCache<FragmentKey, Node>

extension StampedCache where Value == Node {
    /// The kept part, or a new one. Parts are the one way nodes reach this cache: a kept part
    /// outlives the page it was made for, so it keeps bytes of its own rather than a range
    /// of the thread's render arena (`Node.detached()`).
    func part(_ key: Key, stamp: TenantStamp, make: () throws -> Node) rethrows -> Node {
        try value(key, stamp: stamp) { try make().detached() }
    }
}
/// The tickets those parts are made of, by company and number (nil: no such ticket there).
typealias TicketRecordCache = StampedCache<FragmentKey, TicketRecord?>
