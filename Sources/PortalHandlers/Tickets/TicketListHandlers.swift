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
        let now = services.now
        let filters = query.queryString(page: query.page)
        let key = FragmentKey(kind: .ticketList, tenantID: context.tenant.id, detail: filters, minute: now / 60)
        let results = try services.fragments.value(key, stamp: context.stamp) {
            let page = try TicketStore(services.database).list(tenantID: context.tenant.id, query: query)
            return TicketListResults(query: query, page: page, now: now).render()
        }
        return Response.html(
            bytes: TicketListPage(viewer: context.viewer, query: query, filterKey: filters, results: results, notice: remembered.notice)
                .render())
    }

    static func search(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let form = request.form
        let query = TicketQuery(fields: form.fields)
        try services.database.write { _ in
            try PreferenceStore(services.database).set(
                preference, value: query.queryString(), userID: context.current.user.id, tenantID: context.tenant.id,
                now: services.now)
        }
        throw Redirect(to: "/ticket?" + query.queryString())
    }
}
