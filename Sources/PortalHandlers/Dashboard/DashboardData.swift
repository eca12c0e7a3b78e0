import PortalCore
import PortalStore

/// What the widgets show, for one company: the newest tickets ("Elenco ticket") and the
/// open/closed counts ("Stato Ticket"). Every widget's data is loaded, placed or not: the
/// API answers with all of it, and the editor may ask for any widget.
///
/// Read on every request, not kept: a worker's copy per company was reused only when the
/// same company asked twice before its content or the worker's 32 companies changed, which
/// the many-company mix never did, and the copy cost more than the reading it saved.
struct DashboardData {
    /// The list page's first page, newest first: at most 25 rows from the company's entries
    /// of one index, whatever the company's size; the widget links to the full list.
    let recent: [DashboardTicket]
    let counts: TicketCounts

    /// All the company's tickets: what the list would count, without counting twice.
    var total: Int { Int(counts.total) }

    static func load(tenantID: Int64, _ database: Database) throws -> DashboardData {
        let store = TicketStore(database)
        return DashboardData(
            recent: try store.newest(tenantID: tenantID, limit: recentLimit), counts: try store.counts(tenantID: tenantID))
    }

    /// How many of the newest tickets "Elenco ticket" lists: a small company's all, so that
    /// its rows add up to "Stato Ticket"'s counts (issue 7: "the pie chart's numbers match the
    /// list"); with 25, the demo's company (36 tickets) showed 4 «Chiuso» rows beside «Chiuso:
    /// 9 Ticket». A larger company's list says how many of how many it shows.
    static let recentLimit = 50
}
