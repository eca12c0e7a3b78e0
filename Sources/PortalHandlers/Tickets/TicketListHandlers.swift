import PortalCore
import PortalHTTP
import PortalStore

/// GET /ticket and POST /ticket/cerca ("Cerca Ticket"), with the filters remembered per
/// user and company across logins.
enum TicketListHandlers {
    static let preference = "ticket_filters"

    static func list(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let remembered = try RememberedFilters<TicketQuery>(request) {
            try PreferenceStore(services.database).value(preference, userID: context.user.id, tenantID: context.tenant.id)
        }
        let query = remembered.query
        let errors = fieldErrors(remembered)
        var page = TicketListPage(
            viewer: context.viewer, query: query, results: .group([]),
            errors: errors, typed: Dictionary(remembered.invalid.map { ($0.name, $0.typed) }, uniquingKeysWith: { a, _ in a }),
            remembered: remembered.isRemembered && query.narrows)
        // A filter that cannot be read is named next to its field and nothing is listed: a list
        // of every ticket would read as the answer to the filters typed.
        // Rendered on every request: a worker's cache of results by company and filters
        // (kept until then) was hit by almost no request of the many-company benchmark, and
        // copying each result into it cost more than it saved.
        if errors.isEmpty {
            let store = TicketStore(services.database)
            let found = try store.list(tenantID: context.tenant.id, query: query)
            var results = TicketListResults(query: query, page: found, now: services.now)
            if found.total == 0, let number = query.number, try store.find(number: number, tenantID: context.tenant.id) != nil
            {
                results.hiddenNumber = number
            }
            if !(remembered.isRemembered && query.page == 1) {
                results.ticketSuffix = "?" + TicketDetailHandlers.listField + "=" + urlEncode(query.queryString(page: query.page))
            }
            page.results = results.render()
        }
        return Response.html(bytes: page.render(), status: errors.isEmpty ? 200 : 422)
    }

    /// Each unreadable filter's message, by field; "A data" before "Da data" too.
    static func fieldErrors(_ remembered: RememberedFilters<TicketQuery>) -> [String: String] {
        var errors: [String: String] = [:]
        for (name, typed) in remembered.invalid {
            switch name {
            case "codice": errors[name] = Text.ticketCodeInvalid(typed)
            case "da", "a": errors[name] = DateOnly.refusal(typed)
            case "testo": errors[name] = Text.searchTextInvalid
            default: break
            }
        }
        if remembered.query.rangeIsReversed { errors["a"] = Text.dateRangeReversed }
        return errors
    }

    /// "Cerca Ticket" saves the filters and shows them; filters that cannot be read are not
    /// saved, and the list shows them with their messages. "Azzera filtri" saves none.
    static func search(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let form = request.form
        let typed = form.fields.filter { $0.name != "csrf" && $0.name != "azzera" }
        var invalid: [String] = []
        let query = form["azzera"] != nil ? TicketQuery() : TicketQuery(fields: typed, invalid: &invalid)
        guard invalid.isEmpty, !query.rangeIsReversed else {
            throw Redirect(to: RememberedFilters<TicketQuery>.typedAddress("/ticket", typed))
        }
        try services.database.write { _ in
            try PreferenceStore(services.database).set(
                preference, value: query.queryString(), userID: context.current.user.id, tenantID: context.tenant.id,
                now: services.now)
        }
        throw Redirect(to: "/ticket?" + query.queryString())
    }
}
