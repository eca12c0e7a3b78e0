import PortalCore

/// The classes of the coloured badges of status and priority, as lists, the dashboard and a
/// ticket's page show them: made once from the labels (a list draws forty per page, and
/// lowercasing an Italian label is Unicode work).
enum Badge {
    static let open = "badge badge--open"
    static let closed = "badge badge--closed"
    private static let priorities = Dictionary(
        uniqueKeysWithValues: Priority.allCases.map { ($0, "badge badge--" + $0.label.lowercased()) })

    static func status(_ status: TicketStatus) -> String { status.isClosed ? closed : open }

    static func priority(_ priority: Priority) -> String { priorities[priority] ?? "badge" }
}
