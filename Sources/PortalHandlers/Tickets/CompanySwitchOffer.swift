import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// A user of several companies who opens a ticket of another of them (the link of an e-mail)
/// is told whose ticket it is and offered to switch, instead of the 404 that everyone else
/// gets: it reveals nothing they could not see by switching themselves.
enum CompanySwitchOffer {
    /// The page that offers the switch, or nil when no other company of the user has the ticket.
    static func page(_ request: Request, _ context: MemberContext) throws -> Response? {
        guard let number = request.pathParameters["number"].flatMap({ Int64($0) }) else { return nil }
        let services = context.services
        let tickets = TicketStore(services.database)
        let others = try TenantStore(services.database).memberships(userID: context.user.id)
            .filter { $0.tenant.id != context.tenant.id }
        guard let owner = try others.first(where: { try tickets.find(number: number, tenantID: $0.tenant.id) != nil }),
            try !TenantStore(services.database).isDeactivated(tenantID: owner.tenant.id)
        else { return nil }
        let html = Page(title: Text.otherCompanyTicketTitle(number), kind: .app(context.viewer), currentPath: "/ticket") {
            el("h1", ["class": "page-title"]) { Text.otherCompanyTicketTitle(number) }
            el("section", ["class": "card"]) {
                el("p") { Text.otherCompanyTicket(number, company: owner.tenant.name, current: context.tenant.name) }
                el("form", ["method": "post", "action": "/accesso/azienda", "class": "form-actions"]) {
                    FormField.csrf(context.current.csrfToken)
                    FormField.hidden("tenant", String(owner.tenant.id))
                    FormField.hidden("next", "/ticket/\(number)")
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.switchTo(owner.tenant.name) }
                    el("a", ["class": "button", "href": "/ticket"]) { Text.stayIn(context.tenant.name) }
                }
            }
        }
        return Response.html(html.render(), status: 404)
    }
}
