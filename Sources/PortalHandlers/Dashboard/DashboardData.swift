import PortalCore
import PortalStore

/// What the widgets show, for one company: the newest tickets ("Elenco ticket") and the
/// open/closed counts ("Stato Ticket"). Every widget's data is loaded, placed or not: the
/// API answers with all of it, and the editor may ask for any widget.
struct DashboardData {
    let recent: TicketPage
    let counts: TicketCounts

    static func load(tenantID: Int64, _ database: Database) throws -> DashboardData {
        // The list page's first page, newest first: one indexed query of at most 25 rows,
        // whatever the company's size; the widget links to the full list for the rest.
        let recent = try TicketStore(database).list(tenantID: tenantID, query: TicketQuery())
        let counts = try TicketStore(database).counts(tenantID: tenantID)
        return DashboardData(recent: recent, counts: counts)
    }
}
