import PortalCore

/// The classes of the coloured badges of status and priority, as lists, the dashboard and a
/// ticket's page show them: made once from the labels (a list draws forty per page, and
/// lowercasing an Italian label is Unicode work).
enum Badge {
    static let open = "badge badge--open"
    static let closed = "badge badge--closed"
    private static let priorities = Dictionary(
        uniqueKeysWithValues: Priority.allCases.map { ($0, "badge badge--" + $0.label.lowercased()) })

    /// Each status its own colour (issue 14: "coloured badges for status and priority"):
    /// «Rinviato», which waits for the customer, looked like «In attesa», which waits for the
    /// vendor. Open ones keep `badge--open` (the shape and what tests of "open" look for).
    private static let statuses = Dictionary(uniqueKeysWithValues: TicketStatus.allCases.map {
        ($0, $0.isClosed ? closed : open + " badge--status-" + $0.rawValue)
    })

    static func status(_ status: TicketStatus) -> String { statuses[status] ?? open }

    static func priority(_ priority: Priority) -> String { priorities[priority] ?? "badge" }
}
