import PortalCore
import PortalHTML
import PortalStore

/// "Elenco richieste di assistenza": the tickets in the middle, ordering and filters on the
/// right with "Cerca Ticket", as in the manual.
struct TicketListPage {
    var viewer: Viewer
    var query: TicketQuery
    /// The query as a string (`TicketQuery.queryString(page:)`): names the filter form.
    var filterKey: String
    /// `TicketListResults`, rendered or kept by the worker's `FragmentCache`.
    var results: Node
    var notice: String?

    func render() -> [UInt8] {
        Page(title: Text.ticketListTitle, kind: .app(viewer), currentPath: "/ticket") {
            el("h1", ["class": "page-title"]) { Text.ticketListTitle }
            if let notice { FormField.notice(notice) }
            el("div", ["class": "ticket-layout"]) {
                results
                filters
            }
        }.renderBytes()
    }

    var filters: Node {
        el("form", ["class": "card ticket-filters form", "method": "post", "action": "/ticket/cerca"]) {
            FormField.csrf(viewer.csrfToken)
            NodeMemo.node("ticket-filters|" + filterKey, family: .filters) { filterFields }
        }
    }

    /// Everything in the form but the CSRF token: the same for everyone with these filters.
    var filterFields: Node {
        Node.group {
            el("button", ["class": "button button--primary", "type": "submit"]) { Text.searchTickets }
            FormField.input(id: "codice", label: Text.ticketCode, value: query.number.map(String.init) ?? "", maxLength: 12)
            FormField.radioGroup(name: "ordine", legend: Text.ordering, options: [
                (TicketQuery.Order.created.rawValue, Text.orderCreated),
                (TicketQuery.Order.lastReply.rawValue, Text.orderLastReply),
                (TicketQuery.Order.priority.rawValue, Text.orderPriority),
            ], selected: query.order.rawValue)
            el("h2", ["class": "filters-title"]) { Text.filters }
            FormField.radioGroup(name: "stato", legend: Text.requestState, options: [
                (TicketQuery.State.any.rawValue, Text.stateAny), (TicketQuery.State.open.rawValue, Text.stateOpen),
                (TicketQuery.State.closed.rawValue, Text.stateClosed),
            ], selected: query.state.rawValue)
            FormField.radioGroup(name: "priorita", legend: Text.requestPriority,
                                 options: [("qualsiasi", Text.stateAny)] + Priority.allCases.map { ($0.rawValue, $0.label) },
                                 selected: query.priority?.rawValue ?? "qualsiasi")
            FormField.radioGroup(name: "tipologia", legend: Text.requestType,
                                 options: [("qualsiasi", Text.stateAny)] + RequestType.allCases.map { ($0.rawValue, $0.label) },
                                 selected: query.type?.rawValue ?? "qualsiasi")
            FormField.input(id: "da", label: Text.fromDate, type: "date", value: query.from ?? "")
            FormField.input(id: "a", label: Text.toDate, type: "date", value: query.to ?? "")
        }
    }
}

/// The middle of the list page: the count, one card per ticket and the pager. The same for
/// every user of the company, so the worker keeps it while nothing changes.
struct TicketListResults {
    var query: TicketQuery
    var page: TicketPage
    var now: Timestamp

    var pages: Int { (page.total + TicketQuery.pageSize - 1) / TicketQuery.pageSize }

    func render() -> Node {
        el("section", ["class": "ticket-results", "aria-label": Text.ticketListTitle]) {
            el("p", ["class": "muted"]) { Text.ticketCount(page.total, page: query.page, pages: pages) }
            if page.tickets.isEmpty { el("p", ["class": "empty-state"]) { Text.noTickets } }
            el("ul", ["class": "ticket-list"]) {
                for ticket in page.tickets { el("li") { item(ticket) } }
            }
            pager
        }
    }

    func item(_ ticket: TicketRecord) -> Node {
        let closed = ticket.status.isClosed
        return el("article", ["class": closed ? "card ticket ticket--closed" : "card ticket", "aria-labelledby": "t\(ticket.number)"]) {
            el("header", ["class": "ticket-head"]) {
                el("h2", ["id": "t\(ticket.number)", "class": "ticket-title"]) { "\(ticket.title) #\(ticket.number)" }
                el("a", ["class": "button", "href": "/ticket/\(ticket.number)", "aria-label": "\(Text.viewTicket) #\(ticket.number)"]) { Text.viewTicket }
            }
            el("dl", ["class": "ticket-facts"]) {
                if closed, let closedAt = ticket.closedAt {
                    fact(Text.closingDate, Clock.displayDate(closedAt))
                    fact(Text.closedFor, Clock.elapsed(from: closedAt, to: now))
                } else {
                    fact(Text.creationDate, Clock.displayDate(ticket.createdAt))
                    fact(Text.waitingFor, Clock.elapsed(from: ticket.createdAt, to: now))
                }
                fact(Text.requester, ticket.requesterName)
                fact(Text.requestArea, ticket.area.shortLabel)
                fact(Text.state, ticket.status.label)
                fact(Text.priority, ticket.priority.label)
                fact(Text.operatorInCharge, ticket.operatorName ?? Text.noOperator)
            }
            el("p", ["class": "ticket-first-line"]) { ticket.firstLine }
        }
    }

    func fact(_ term: String, _ value: String) -> Node {
        Node.group([el("dt") { term }, el("dd") { value }])
    }

    var pager: Node {
        el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
            if query.page > 1 {
                el("a", ["rel": "prev", "href": "/ticket?" + query.queryString(page: query.page - 1)]) { "← " + Text.previousPage }
            }
            if query.page < pages {
                el("a", ["rel": "next", "href": "/ticket?" + query.queryString(page: query.page + 1)]) { Text.nextPage + " →" }
            }
        }
    }
}
