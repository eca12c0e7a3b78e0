import PortalCore
import PortalHTML
import PortalStore

/// "Elenco ticket": the company's newest tickets as the manual's screenshot shows them
/// (Priorità, Stato, Titolo, Richiedente, Operatore), each row a link to the ticket: the
/// title's link, which dashboard.js opens from a press anywhere on its row (a press on the
/// status or the requester opened nothing; one link a row, not five, for the keyboard and
/// screen readers).
enum TicketListWidget {
    static func render(_ data: DashboardData) -> Node {
        Node.group([
            el("p", ["class": "widget-caption"]) {
                el("span", ["class": "widget-count"]) { Text.widgetRecentTickets(data.recent.count, of: data.total) }
                " · "
                // Every ticket, as the link says: "/ticket" alone shows the list with the
                // filters of the person's last search (8 of the 43 it promised).
                el("a", ["href": "/ticket?stato=qualsiasi"]) { Text.widgetAllTickets }
            },
            data.recent.isEmpty
                ? el("p", ["class": "muted"]) { Text.widgetNoTickets }
                // The portal's one table: on a phone each ticket a card of named cells (five
                // columns ran 560 pixels wide in a 340-pixel widget, scrolled sideways unseen).
                : DataTable.render(className: "table widget-table", headings: headings) {
                    for ticket in data.recent { row(ticket) }
                },
        ])
    }

    static let headings = [Text.priority, Text.state, Text.title, Text.requester, Text.operatorInCharge]

    static func row(_ ticket: DashboardTicket) -> Node {
        el("tr", ["class": ticket.status.isClosed ? "ticket--closed" : nil]) {
            el("td") { el("span", ["class": Badge.priority(ticket.priority)]) { ticket.priority.label } }
            el("td") { el("span", ["class": Badge.status(ticket.status)]) { ticket.status.label } }
            el("td") {
                el("a", ["class": "row-link", "href": "/ticket/\(ticket.number)"]) {
                    el("bdi") { ticket.title }
                    " #\(ticket.number)"
                }
            }
            el("td") { ticket.requesterName }
            el("td") { ticket.operatorName ?? Text.noOperator }
        }
    }
}
