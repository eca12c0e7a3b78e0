import PortalCore
import PortalHTML
import PortalStore

/// "Elenco richieste di assistenza": the tickets in the middle, ordering and filters on the
/// right with "Cerca Ticket", as in the manual. On a phone the tickets come first and the
/// filters open from "Filtri".
struct TicketListPage {
    var viewer: Viewer
    var query: TicketQuery
    /// `TicketListResults`, rendered on every request; empty when a filter could not be read.
    var results: Node
    /// A message per filter that could not be read, by field name.
    var errors: [String: String] = [:]
    /// What was typed in those filters, shown again as typed.
    var typed: [String: String] = [:]
    /// The filters are the ones remembered from the last search, and they narrow the list.
    var remembered = false

    func render() -> [UInt8] {
        Page(title: Text.ticketListTitle, kind: .app(viewer), currentPath: "/ticket") {
            el("h1", ["class": "page-title"]) { Text.ticketListTitle }
            // Beside the list on a laptop, the filters come after its 25 cards (26 presses of
            // Tab to "Cerca Ticket"): a link shown when focused goes there.
            el("a", ["class": "skip-link skip-link--filters", "href": "#filtri"]) { Text.skipToFilters }
            if remembered { FormField.rememberedFilters(activeFilters, action: "/ticket/cerca", csrfToken: viewer.csrfToken) }
            FormField.filtersSwitch(label: Text.showFilters, open: !errors.isEmpty)
            // On a phone the filters are folded behind «Filtri» after a search: the list said
            // «8 ticket» with no word of the «Chiuso» that narrowed it (the stylesheet shows
            // this line only there; a laptop shows the filters beside the list).
            if !remembered, !activeFilters.isEmpty {
                el("p", ["class": "active-filters muted"]) { Text.activeFilters(activeFilters.joined(separator: " · ")) }
            }
            el("div", ["class": "ticket-layout"]) {
                if errors.isEmpty {
                    results
                } else {
                    el("section", ["class": "ticket-results ticket-results--refused", "aria-label": Text.ticketListTitle]) {
                        FormField.notice(Text.fixFilters, kind: "error")
                    }
                }
                filters
            }
        }.renderBytes()
    }

    /// "Stato: Aperto", "Testo: stampante"…: the filters that narrow the list, as people read them.
    var activeFilters: [String] {
        var parts: [String] = []
        if let number = query.number { parts.append("\(Text.ticketCode): \(number)") }
        if query.state == .open { parts.append("\(Text.requestState): \(Text.stateOpen)") }
        if query.state == .closed { parts.append("\(Text.requestState): \(Text.stateClosed)") }
        if let priority = query.priority { parts.append("\(Text.requestPriority): \(priority.label)") }
        if let type = query.type { parts.append("\(Text.requestType): \(type.label)") }
        if let from = query.from.flatMap(DateOnly.init) { parts.append("\(Text.fromDate): \(Clock.displayDate(Clock.startOfDay(from)))") }
        if let to = query.to.flatMap(DateOnly.init) { parts.append("\(Text.toDate): \(Clock.displayDate(Clock.startOfDay(to)))") }
        if !query.text.isEmpty { parts.append("\(Text.searchText): «\(query.text)»") }
        return parts
    }

    /// Without `novalidate`, as `DateRangeFilter.fields` says why.
    var filters: Node {
        // Focusable by script only: "Vai ai filtri" moves the focus there in every engine.
        // A landmark «Vai ai filtri» leads to, not named «Filtri»: a lookup by that label found
        // the form beside the phone's switch.
        el("form", ["id": "filtri", "tabindex": "-1", "class": "card ticket-filters form", "method": "post", "action": "/ticket/cerca", "aria-label": Text.ticketSearchForm]) {
            FormField.csrf(viewer.csrfToken)
            // Kept per combination of the choices everyone makes (order, state, priority, type:
            // a few hundred), not per page, which the form does not show. A code, a text or
            // dates are one person's: kept, they would fill the family and push the common
            // forms out (a form costs as much as half the page's cards).
            if errors.isEmpty && query.number == nil && query.text.isEmpty && query.from == nil && query.to == nil {
                NodeMemo.node("ticket-filters|\(remembered)|" + query.queryString(), family: .filters) { filterFields }
            } else {
                filterFields
            }
        }
    }

    /// Everything in the form but the CSRF token: the same for everyone with these filters
    /// (and no errors).
    var filterFields: Node {
        Node.group {
            el("button", ["class": "button button--primary", "type": "submit"]) { Text.searchTickets }
            FormField.input(id: "codice", label: Text.ticketCode, value: typed["codice"] ?? query.number.map(String.init) ?? "",
                            error: errors["codice"], maxLength: 12, inputMode: "numeric")
            FormField.input(id: "testo", label: Text.searchText, type: "search", value: typed["testo"] ?? query.text,
                            error: errors["testo"], maxLength: 200)
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
            // Its choices are not named by the legend: «Priorità richiesta» holds the order's
            // «Priorità», and a lookup of that label found both.
            FormField.radioGroup(name: "priorita", legend: Text.requestPriority,
                                 options: [("qualsiasi", Text.stateAny)] + Priority.allCases.map { ($0.rawValue, $0.label) },
                                 selected: query.priority?.rawValue ?? "qualsiasi", namesChoices: false)
            FormField.radioGroup(name: "tipologia", legend: Text.requestType,
                                 options: [("qualsiasi", Text.stateAny)] + RequestType.allCases.map { ($0.rawValue, $0.label) },
                                 selected: query.type?.rawValue ?? "qualsiasi")
            FormField.dateInput(id: "da", label: Text.fromDate, value: typed["da"] ?? query.from ?? "", error: errors["da"])
            FormField.dateInput(id: "a", label: Text.toDate, value: typed["a"] ?? query.to ?? "", error: errors["a"])
            // Remembered filters have their "Azzera filtri" in the notice that names them: one
            // button of that name on the page.
            if (query.narrows && !remembered) || !errors.isEmpty {
                // Resetting needs no date the browser can read: a half-typed one stopped it.
                el("button", ["class": "button", "type": "submit", "name": "azzera", "value": "1", "formnovalidate": "formnovalidate"]) {
                    Text.resetFilters
                }
            }
        }
    }
}

/// The middle of the list page: the count, one card per ticket and the pager.
struct TicketListResults {
    var query: TicketQuery
    var page: TicketPage
    var now: Timestamp
    /// What each ticket's address carries so that its "Torna all'elenco" comes back to this
    /// page of these filters; empty for the remembered first page.
    var ticketSuffix = ""
    /// The "Codice Ticket" typed, when the company has that ticket but the other filters
    /// (remembered ones, often) leave it out: "no ticket" read as "no such ticket".
    var hiddenNumber: Int64?

    var pages: Int { PageLinks.count(total: page.total, pageSize: TicketQuery.pageSize) }

    func render() -> Node {
        el("section", ["class": "ticket-results", "aria-label": Text.ticketListTitle]) {
            el("p", ["class": "muted"]) {
                // Past the last page the line would say "pagina 999 di 2": the count alone.
                query.page > max(pages, 1) ? Text.ticketTotal(page.total) : Text.ticketCount(page.total, page: query.page, pages: pages)
            }
            if PageLinks.isBeyondLast(page: query.page, total: page.total, pageSize: TicketQuery.pageSize) {
                PageLinks.beyondLast(page: query.page, total: page.total, pageSize: TicketQuery.pageSize) {
                    "/ticket?" + query.queryString(page: $0)
                }
            } else if page.tickets.isEmpty {
                el("p", ["class": "empty-state"]) { query.narrows ? Text.noTickets : Text.companyHasNoTickets }
                if let hiddenNumber {
                    el("p", ["class": "notice notice--info", "role": "note"]) {
                        Text.ticketHiddenByFilters(hiddenNumber)
                        " "
                        el("a", ["href": "/ticket/" + String(hiddenNumber) + ticketSuffix]) { Text.openTicketNumber(hiddenNumber) }
                    }
                }
            }
            el("ul", ["class": "ticket-list"]) {
                for ticket in page.tickets { el("li") { item(ticket) } }
            }
            pager
        }
    }

    /// One ticket as a row of a table: the title with its link, then each fact under its
    /// label, status and priority as the dashboard's coloured badges.
    func item(_ ticket: TicketSummary) -> Node {
        let closed = ticket.status.isClosed
        // Joined rather than interpolated: the same strings, without the interpolation
        // machinery, twenty times per page.
        let number = String(ticket.number)
        let anchor = "t" + number
        // Not named by its title: a lookup of a filter's label («Testo», «Alta») found the
        // cards whose customers' titles hold the word. The heading inside names it.
        return el("article", ["class": closed ? "card ticket ticket--closed" : "card ticket"]) {
            el("header", ["class": "ticket-head"]) {
                el("h2", ["id": anchor, "class": "ticket-title"]) {
                    // Isolated: a right-to-left title took the number into its run ("1049# …").
                    el("bdi") { ticket.title }
                    " #" + number
                }
                el("a", ["class": "button", "href": "/ticket/" + number + ticketSuffix, "aria-label": Text.viewTicket + " #" + number]) {
                    Text.viewTicket
                }
            }
            el("div", ["class": "ticket-facts"]) {
                Self.fact(Facts.state, badge: Badge.status(ticket.status), ticket.status.label)
                Self.fact(Facts.priority, badge: Badge.priority(ticket.priority), ticket.priority.label)
                if closed, let closedAt = ticket.closedAt {
                    Self.fact(Facts.closingDate, Clock.displayDate(closedAt))
                    Self.fact(Facts.closedFor, Clock.elapsed(from: closedAt, to: now))
                } else {
                    Self.fact(Facts.creationDate, Clock.displayDate(ticket.createdAt))
                    Self.fact(Facts.waitingFor, Clock.elapsed(from: ticket.createdAt, to: now))
                }
                Self.fact(Facts.requester, ticket.requesterName)
                Self.fact(Facts.requestArea, ticket.area.shortLabel)
                Self.fact(Facts.operatorInCharge, ticket.operatorName ?? Text.noOperator)
            }
            el("p", ["class": "ticket-first-line"]) { ticket.firstLine }
        }
    }

    /// Each fact's markup around its value, kept per process (`KeptFrame`): the terms are
    /// the catalogue's constants.
    enum Facts {
        static let state = frame(Text.state)
        static let priority = frame(Text.priority)
        static let closingDate = frame(Text.closingDate)
        static let closedFor = frame(Text.closedFor)
        static let creationDate = frame(Text.creationDate)
        static let waitingFor = frame(Text.waitingFor)
        static let requester = frame(Text.requester)
        static let requestArea = frame(Text.requestArea)
        static let operatorInCharge = frame(Text.operatorInCharge)

        static func frame(_ term: String) -> KeptFrame {
            KeptFrame { slot in
                el("dl", ["class": "ticket-fact"]) {
                    el("dt") { term }
                    el("dd") { slot }
                }
            }
        }
    }

    /// `badge`: the badge's classes (`Badge`), when the value is shown as one.
    static func fact(_ frame: KeptFrame, badge: String? = nil, _ value: String) -> Node {
        frame {
            if let badge { el("span", ["class": badge]) { value } } else { value }
        }
    }

    var pager: Node {
        el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
            if query.page > 1 && query.page <= max(pages, 1) {
                el("a", ["rel": "prev", "href": "/ticket?" + query.queryString(page: query.page - 1)]) { Text.previousPage }
            }
            if query.page < pages {
                el("a", ["rel": "next", "href": "/ticket?" + query.queryString(page: query.page + 1)]) { Text.nextPage }
            }
        }
    }
}
