import PortalCore
import PortalHTTP
import PortalStore

/// GET /desk/ ("Coda ticket") and POST /desk/cerca: the tickets of every company, with the
/// filters remembered per operator.
enum DeskQueueHandlers {
    static let preference = "desk_filters"
    /// The queue's one notice: a Responsabile who made themself Operatore lands here.
    static let ownRoleNotice = "ruolo-operatore"

    /// The queue's one field typed in by hand: "Cerca" of "*" alone is no filter the operator
    /// chose wrong, and "Alcuni filtri non erano validi" sent them looking among the others:
    /// said beside «Cerca» (`DeskQueuePage.typedSearch`), no notice for it alone.
    static func filtersNotice(_ remembered: RememberedFilters<DeskQuery>) -> String? {
        guard !remembered.invalid.isEmpty else { return nil }
        return remembered.invalid.allSatisfy({ $0.name == "cerca" }) ? nil : remembered.notice
    }

    static func queue(_ request: Request, _ context: OperatorContext) throws -> Response {
        let services = context.services
        let remembered = try RememberedFilters<DeskQuery>(request) {
            try OperatorPreferenceStore(services.database).value(preference, userID: context.user.id)
        }
        var query = remembered.query
        // The operator looking is "Me", listed once: their own name beside it read as someone
        // else (an address or a link with their number shows and filters as "Me").
        if query.assignee == .operatorID(context.user.id) { query.assignee = .me }
        let store = DeskStore(services.database)
        // The counts above the queue, the page's total and its rows from one snapshot: read
        // one after the other, a ticket moved in between showed on two pages or on none.
        let (found, counts) = try services.database.read {
            (try store.queue(query, operatorID: context.user.id), try store.statusCounts())
        }
        var operators = try store.operators().filter { $0.id != context.user.id }
        // A remembered "Assegnato a" on an operator deactivated since still filters: shown as
        // chosen, with why, where the select fell back to "Chiunque" above a queue it emptied.
        if case .operatorID(let id) = query.assignee, !operators.contains(where: { $0.id == id }),
            let gone = try UserStore(services.database).find(id: id), gone.isOperator
        {
            operators.append((id, Text.operatorNoLongerActive(gone.displayName)))
        }
        var page = DeskQueuePage(
            viewer: context.viewer, query: query, page: found,
            counts: counts, operators: operators, now: services.now,
            calendar: try ResponseTargetStore(services.database).settings().calendar,
            notice: request.query["avviso"] == ownRoleNotice ? Text.ownRoleNowOperator : filtersNotice(remembered))
        page.remembered = remembered.isRemembered && query.narrows
        page.typedSearch = remembered.invalid.first { $0.name == "cerca" }?.typed
        if !(remembered.isRemembered && query.page == 1) {
            page.ticketSuffix = "?" + DeskTicketHandlers.queueParameter(query.queryString(page: query.page))
        }
        // Words are searched in the tickets' text, where their numbers are not: a number typed
        // in "Cerca" also names the ticket that has it.
        if let number = ticketNumber(query.text, hashRequired: false) {
            page.numbered = try TicketStore(services.database).find(number: number)
            if page.numbered == nil && query.text.hasPrefix("#") { page.missingNumber = number }
        }
        // Words found only in closed tickets: "Nessun ticket" read as "no such ticket" to
        // someone looking for a customer's old request. Searched again only then.
        if !query.text.isEmpty && found.total == 0 && query.state == .open && page.numbered == nil {
            var closed = query
            closed.state = .only(.closed)
            closed.page = 1
            let matches = try store.queue(closed, operatorID: context.user.id)
            if matches.total > 0 {
                var widened = query
                widened.state = .any
                widened.page = 1
                page.closedMatches = (matches.total, matches.totalIsAtLeast, "/desk/?" + widened.queryString())
            }
        }
        return Response.html(bytes: page.render())
    }

    /// A ticket's number as typed in "Cerca" ("1045", or "#1045" when `hashRequired`).
    static func ticketNumber(_ typed: String, hashRequired: Bool) -> Int64? {
        var text = Substring(typed.trimmingWhitespace())
        if text.first == "#" { text = text.dropFirst() } else if hashRequired { return nil }
        guard (1...12).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(text)
    }

    static func search(_ request: Request, _ context: OperatorContext) throws -> Response {
        // "#1045": that ticket's page, at once (not when "Azzera filtri" was pressed); a number
        // no ticket has is said on the queue and not remembered as the operator's search.
        var missing = false
        if request.form["azzera"] == nil, let number = ticketNumber(request.form["cerca"] ?? "", hashRequired: true) {
            if try TicketStore(context.services.database).find(number: number) != nil { throw Redirect(to: "/desk/ticket/\(number)") }
            missing = true
        }
        var invalid: [String] = []
        let typed = request.form.fields.filter { $0.name != "csrf" && $0.name != "azzera" }
        let query = request.form["azzera"] != nil ? DeskQuery() : DeskQuery(fields: typed, invalid: &invalid)
        // A filter that cannot be read goes back in the address as typed, so the queue says
        // it was ignored, instead of silently showing the queue without it; nothing is saved.
        guard invalid.isEmpty else {
            throw Redirect(to: RememberedFilters<DeskQuery>.typedAddress("/desk/", typed))
        }
        if missing { throw Redirect(to: "/desk/?" + query.queryString()) }
        try context.services.database.write { _ in
            try OperatorPreferenceStore(context.services.database).set(
                preference, value: query.queryString(), userID: context.user.id, now: context.services.now)
        }
        throw Redirect(to: "/desk/?" + query.queryString())
    }
}
