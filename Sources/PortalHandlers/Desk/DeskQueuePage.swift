import PortalCore
import PortalHTML
import PortalStore

// Opens as `TicketListPage` does on purpose: every app page has its title as heading, then
// its notice; what follows (counts, filters, columns) is the queue's own.
/// "Coda ticket": the counts per status, the filters and one page of 50 tickets.
struct DeskQueuePage {
    var viewer: Viewer
    var query: DeskQuery
    var page: QueuePage
    var counts: [TicketStatus: Int64]
    var operators: [(id: Int64, name: String)]
    var now: Timestamp
    /// The working calendar of "Tempi di risposta": time left is counted in working time.
    var calendar: WorkingCalendar
    var notice: String?
    /// The ticket whose number was typed in "Cerca".
    var numbered: TicketRecord?
    /// A number typed in "Cerca" that no ticket has ("#9999"): said, where the queue's "no
    /// ticket for these filters" read as if a filter hid it.
    var missingNumber: Int64?
    /// No open ticket has the words of "Cerca", closed ones do: how many, and the same search
    /// with "Stato: Qualsiasi".
    var closedMatches: (count: Int, isAtLeast: Bool, link: String)?
    /// What each ticket's address carries so that its "Torna alla coda" comes back to this
    /// page of these filters (`DeskTicketHandlers.queue`); empty for the remembered first page.
    var ticketSuffix = ""
    /// The filters are the operator's remembered ones, and they hide some of the queue: said
    /// above it, as on the customers' list (a queue filtered on "Bassa" the day before opened
    /// the next morning on 13 tickets, without a word).
    var remembered = false
    /// "Cerca" as typed when it was ignored ("*" alone): kept in its field to be corrected,
    /// as the customers' list keeps a refused filter (the field came back empty).
    var typedSearch: String?

    func render() -> [UInt8] {
        Page(title: Text.deskQueueTitle, kind: .app(viewer), currentPath: "/desk/") {
            el("h1", ["class": "page-title"]) { Text.deskQueueTitle }
            if let notice { FormField.notice(notice) }
            if remembered { FormField.rememberedFilters(activeFilters, action: "/desk/cerca", csrfToken: viewer.csrfToken) }
            if let numbered {
                el("div", ["class": "notice notice--info", "role": "status"]) {
                    Text.deskNumberFound(numbered.number, title: numbered.title) + " "
                    el("a", ["href": "/desk/ticket/\(numbered.number)"]) { Text.deskOpenTicket }
                }
            } else if let missingNumber {
                FormField.notice(Text.deskNumberMissing(missingNumber), kind: "warning")
            }
            if let closedMatches {
                el("div", ["class": "notice notice--info", "role": "status"]) {
                    Text.deskOnlyClosedMatch(closedMatches.count, isAtLeast: closedMatches.isAtLeast) + " "
                    el("a", ["href": closedMatches.link]) { Text.deskSearchClosedToo }
                }
            }
            el("h2", ["class": "visually-hidden"]) { Text.deskCounts }
            // Titled by the heading above: an aria-label of its own made the list a second
            // «Stato» for a lookup by label, beside the filter's select.
            el("ul", ["class": "desk-counts"]) {
                // Links: an operator clicks "Non assegnato 24" to see those 24.
                for status in TicketStatus.allCases {
                    el("li") {
                        el("a", ["href": "/desk/?stato=" + status.rawValue,
                                 "aria-current": showsOnly(status) ? "page" : nil]) {
                            // Spaced: a screen reader read "In attesa10".
                            status.label + " "
                            el("strong") { String(counts[status] ?? 0) }
                        }
                    }
                }
            }
            // On a phone the filters wait behind "Filtri", as the customers' list's do: open,
            // their whole card came before the first ticket.
            FormField.filtersSwitch(label: Text.showFilters, open: typedSearch != nil)
            // Filters first, in a row above the table: beside it they left the eight columns
            // too little width at 1280 pixels, and their tall sticky card hid "Filtra".
            el("div", ["class": "ticket-layout desk-layout"]) {
                filters
                results
            }
        }.renderBytes()
    }

    /// "Stato: Chiuso", "Azienda: rossi"…: the filters that hide part of the queue, as the
    /// form names them.
    var activeFilters: [String] {
        var parts: [String] = []
        switch query.state {
        case .open: break
        case .any: parts.append("\(Text.deskState): \(Text.deskStateAny)")
        case .only(let status): parts.append("\(Text.deskState): \(status.label)")
        }
        if let priority = query.priority { parts.append("\(Text.priority): \(priority.label)") }
        if !query.company.isEmpty { parts.append("\(Text.deskCompany): «\(query.company)»") }
        switch query.assignee {
        case .anyone: break
        case .me: parts.append("\(Text.deskAssignee): \(Text.deskAssigneeMe)")
        case .nobody: parts.append("\(Text.deskAssignee): \(Text.deskAssigneeNobody)")
        case .operatorID(let id):
            parts.append("\(Text.deskAssignee): \(operators.first { $0.id == id }?.name ?? Text.deskAssigneeGone)")
        }
        if let area = query.area { parts.append("\(Text.deskArea): \(area.shortLabel)") }
        if let type = query.type { parts.append("\(Text.deskType): \(type.label)") }
        if !query.text.isEmpty { parts.append("\(Text.deskSearch): «\(query.text)»") }
        return parts
    }

    /// Whether this is the queue a count's link opens: its status, no other filter.
    func showsOnly(_ status: TicketStatus) -> Bool {
        var only = DeskQuery()
        only.state = .only(status)
        only.page = query.page
        return query == only
    }

    var results: Node {
        el("section", ["aria-label": Text.deskQueueTitle]) {
            if !page.totalIsAtLeast && PageLinks.isBeyondLast(page: query.page, total: page.total, pageSize: DeskQuery.pageSize) {
                el("div", ["class": "card"]) {
                    PageLinks.beyondLast(page: query.page, total: page.total, pageSize: DeskQuery.pageSize) {
                        "/desk/?" + query.queryString(page: $0)
                    }
                }
            } else if page.rows.isEmpty && page.totalIsAtLeast && query.page > 1 {
                // "Nessun ticket" beside "più di 200 ticket" contradicted itself.
                el("div", ["class": "card"]) {
                    el("p") { Text.deskPageBeyondCapped(query.page, total: page.total) }
                    el("p") { el("a", ["href": "/desk/?" + query.queryString(page: 1)]) { Text.deskFirstPage } }
                }
            } else if page.rows.isEmpty {
                el("p", ["class": "card"]) { Text.deskNoTickets }
            } else {
                DataTable.render(
                    className: "table desk-queue",
                    headings: [
                        Text.deskNumber, Text.deskTitle, Text.deskCompany, Text.requester, Text.priority, Text.deskState,
                        Text.deskOperator,
                    ].map(Node.text) + [dueHeading, Node.text(Text.deskWaiting)],
                    sortedBy: sortsByDue ? 7 : nil) {
                    for row in page.rows { self.row(row) }
                }
            }
            // Nothing found: no "Pagina 3 di 1 (0 ticket)" under "Nessun ticket".
            if page.total > 0 || page.totalIsAtLeast { pager }
        }
    }

    /// The queue is in the order of "Scadenza" (closed tickets have no deadline: never), as
    /// the store reads it.
    var sortsByDue: Bool { DeskStore.sortsByDue(query) }

    /// «Scadenza» sorts by itself, as a column heading does (the order was only «Ordina per»'s):
    /// a link to the queue by deadline, or back to its own order once sorted so.
    var dueHeading: Node {
        var other = query
        other.order = sortsByDue ? .activity : .due
        other.page = 1
        return el("a", [
            "href": "/desk/?" + other.queryString(),
            "title": sortsByDue ? Text.deskSortByActivity : Text.deskSortByDue,
        ]) { Text.deskDue }
    }

    func row(_ ticket: QueueRow) -> Node {
        // The cells' values first, joined rather than interpolated: each cell's closure then
        // holds a string, where it held a copy of the row (and the due and waiting cells one
        // of the whole page), fifty rows per page.
        let number = String(ticket.number)
        let title = ticket.title, requester = ticket.requesterName
        let company = ticket.tenantDeactivated ? Text.companyDeactivatedName(ticket.tenantName) : ticket.tenantName
        let priority = ticket.priority.label, state = ticket.status.label
        let operatorName = ticket.operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? Text.noOperator
        let dueAt = ticket.dueAt, dueKind = ticket.dueKind, now = now, calendar = calendar
        let paused = ticket.status == .postponed
        let suffix = ticketSuffix
        // Who owes the next message on an open ticket, beside the time: the desk, when the
        // customer wrote last; an old message already answered read as a customer kept waiting.
        let owes = ticket.status.isClosed ? "" : " · " + (ticket.awaitsDesk ? Text.deskOwesDesk : Text.deskOwesCustomer)
        let waiting = ticket.customerLastMessageAt.map { Clock.elapsed(from: $0, to: now) + owes } ?? "–"
        return el("tr", ["class": ticket.status.isClosed ? "ticket--closed" : nil]) {
            Cells.number { "#" + number }
            Cells.title {
                // Named by its title alone, the row's first cell giving the number: an aria-label
                // of title and number was found by a lookup of the filters' labels (a title with
                // «è stato» for «Stato»), and hidden text in the link made its text the title no
                // longer.
                el("a", ["class": "ticket-link", "href": "/desk/ticket/" + number + suffix]) { title }
            }
            Cells.company { company }
            Cells.requester { requester }
            Cells.priority { priority }
            Cells.state { state }
            Cells.operatorName { operatorName }
            Cells.due { paused ? Node.text(Text.duePaused) : DueCell.render(dueAt, kind: dueKind, now: now, calendar: calendar) }
            Cells.waiting { waiting }
        }
    }

    /// Each cell with its column's label (shown beside the value on a phone), kept per
    /// process (`KeptFrame`): 450 cells a page.
    enum Cells {
        static let number = cell(Text.deskNumber)
        static let title = cell(Text.deskTitle)
        static let company = cell(Text.deskCompany, .name)
        static let requester = cell(Text.requester, .name)
        static let priority = cell(Text.priority, .words)
        static let state = cell(Text.deskState, .words)
        static let operatorName = cell(Text.deskOperator, .name)
        static let due = cell(Text.deskDue)
        static let waiting = cell(Text.deskWaiting)

        /// `cell-words`: a short value of known words, never broken inside one; `cell-name`: a
        /// name as typed, broken anywhere rather than widening the queue (see portal.css).
        enum Kind: String { case words = "cell-words", name = "cell-name" }

        static func cell(_ label: String, _ kind: Kind? = nil) -> KeptFrame {
            KeptFrame { slot in el("td", ["data-label": label, "class": kind?.rawValue]) { slot } }
        }
    }

    /// The same words and `rel` as the other lists' pagers («Precedenti»/«Successivi» were
    /// the queue's own, and a lookup of «Pagina successiva» found nothing here).
    var pager: Node {
        let pages = max(1, PageLinks.count(total: page.total, pageSize: DeskQuery.pageSize))
        let summary = page.totalIsAtLeast
            ? Text.deskPageOfAtLeast(query.page, total: page.total) : Text.deskPageOf(query.page, pages, total: page.total)
        return el("nav", ["class": "pager", "aria-label": summary]) {
            if query.page > 1 && (query.page <= pages || (page.totalIsAtLeast && !page.rows.isEmpty)) {
                el("a", ["class": "button", "rel": "prev", "href": "/desk/?" + query.queryString(page: query.page - 1)]) { Text.previousPage }
            }
            el("span") { summary }
            if query.page < pages || (page.totalIsAtLeast && page.rows.count == DeskQuery.pageSize) {
                el("a", ["class": "button", "rel": "next", "href": "/desk/?" + query.queryString(page: query.page + 1)]) { Text.nextPage }
            }
        }
    }

    var filters: Node {
        el("form", ["class": "card ticket-filters form", "method": "post", "novalidate": "novalidate", "action": "/desk/cerca"]) {
            FormField.csrf(viewer.csrfToken)
            el("h2", ["class": "filters-title"]) { Text.deskFilters }
            // A search refused is said beside «Cerca», which keeps it and takes the focus (a
            // notice at the page's top was tied to no field).
            FormField.input(
                id: "cerca", label: Text.deskSearch, type: "search", value: typedSearch ?? query.text,
                error: typedSearch == nil ? nil : Text.deskSearchIgnored, maxLength: 200)
            select("stato", Text.deskState, [("aperti", Text.deskStateOpen), ("qualsiasi", Text.deskStateAny)]
                + TicketStatus.allCases.map { ($0.rawValue, $0.label) }, selected: query.state.value)
            select("priorita", Text.priority, [("qualsiasi", Text.deskStateAny)] + Priority.allCases.reversed().map { ($0.rawValue, $0.label) },
                   selected: query.priority?.rawValue ?? "qualsiasi")
            FormField.input(id: "azienda", label: Text.deskCompany, value: query.company, maxLength: 100)
            select("assegnato", Text.deskAssignee,
                   [("qualsiasi", Text.deskAssigneeAnyone), ("me", Text.deskAssigneeMe), ("nessuno", Text.deskAssigneeNobody)]
                   + operators.map { (String($0.id), $0.name) }, selected: query.assignee.value)
            select("area", Text.deskArea, [("qualsiasi", Text.deskStateAny)] + RequestArea.allCases.map { ($0.rawValue, $0.shortLabel) },
                   selected: query.area?.rawValue ?? "qualsiasi")
            select("tipologia", Text.deskType, [("qualsiasi", Text.deskStateAny)] + RequestType.allCases.map { ($0.rawValue, $0.label) },
                   selected: query.type?.rawValue ?? "qualsiasi")
            select("ordine", Text.deskOrder, [(DeskQuery.Order.activity.rawValue, Text.deskOrderActivity),
                                               (DeskQuery.Order.due.rawValue, Text.deskOrderDue)], selected: query.order.rawValue)
            el("button", ["class": "button button--primary", "type": "submit"]) { Text.deskApply }
            // Back to the queue as it opens the first time ("Aperti", everyone's, any priority):
            // a remembered search otherwise keeps showing an empty queue the next morning.
            // Remembered filters have their "Azzera filtri" in the notice that names them: one
            // button of that name on the page, as on the customers' list.
            if !remembered {
                el("button", ["class": "button", "type": "submit", "name": "azzera", "value": "1"]) { Text.resetFilters }
            }
        }
    }

    func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String) -> Node {
        DeskForm.select(id: name, label: label, options: options, selected: selected)
    }
}

/// A labelled `<select>` of the desk's forms.
enum DeskForm {
    /// `required`: marked "*" as the form's other required fields (`FormField.requiredLegend`).
    static func select(
        id: String, name: String? = nil, label: String, options: [(String, String)], selected: String?, form: String? = nil,
        error: String? = nil, labelClass: String? = nil, required: Bool = false
    ) -> Node {
        el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
            if required {
                FormField.fieldLabel(for: id, label: label, marked: true)
            } else {
                el("label", ["for": id, "class": labelClass]) { label }
            }
            // A refused select takes the focus as the other fields do (the page's first wrong
            // field only): "Richiedente" left empty was skipped for the next field's error.
            el("select", ["id": id, "name": name ?? id, "form": form, "aria-invalid": error == nil ? nil : "true",
                          // Not `required`: a select still on its empty choice was "invalid" to
                          // screen readers on a page just opened.
                          "aria-required": required ? "true" : nil, "autofocus": FormField.focus(error != nil),
                          "aria-describedby": error == nil ? nil : "\(id)-error"]) {
                for (value, text) in options {
                    el("option", ["value": value, "selected": value == selected ? "selected" : nil]) { text }
                }
            }
            if let error { el("p", ["class": "field-error", "id": "\(id)-error"]) { error } }
        }
    }
}
