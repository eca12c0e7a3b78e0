import PortalCore
import PortalHTML
import PortalStore

/// One worker's rendered parts of company pages that every user of the company sees alike
/// (the ticket list's results for one set of filters, a ticket's thread and panel) and the
/// records they come from (a ticket). Rendering them is most of a page's cost (a 50-message
/// thread is 50 Markdown documents), while a company's tickets change far less often than
/// they are looked at. A part is reused while its company's stamp is unchanged and, for
/// parts that show elapsed time, within the same minute. Never anything personal: the CSRF
/// token, names and menus of the viewer are rendered on every request.
struct FragmentKey: Hashable {
    enum Kind: Hashable {
        case ticket
        case ticketList
        case ticketThread
        case ticketPanel
    }

    let kind: Kind
    let tenantID: Int64
    /// What else the part depends on: the filters, the ticket number.
    let detail: String
    /// The minute the part was rendered in, for parts that show "3 min" or "2 g 4 h"; zero
    /// for the others.
    var minute: Int64 = 0
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
