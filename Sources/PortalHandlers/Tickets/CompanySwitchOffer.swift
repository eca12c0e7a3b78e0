import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// A user of several companies who opens a ticket of another of them (the link of an e-mail)
/// is told whose ticket it is and offered to switch, instead of the 404 that everyone else
/// gets: it reveals nothing they could not see by switching themselves. A form of the other
/// company (a reply, a new ticket opened before a switch in another tab) is kept, and comes
/// back filled in after the switch.
enum CompanySwitchOffer {
    /// The page that offers the switch, or nil when no other company of the user has the ticket.
    static func page(_ request: Request, _ context: MemberContext) throws -> Response? {
        guard let number = request.pathID("number"),
            let owner = try owner(of: number, context)
        else { return nil }
        return offer(context, company: owner, next: "/ticket/\(number)", title: Text.otherCompanyTicketTitle(number),
                     text: Text.otherCompanyTicket(number, company: owner.name, current: context.tenant.name))
    }

    /// A reply sent to a ticket of another company of the user: kept, with the offer.
    static func keptReply(_ request: Request, _ context: MemberContext) throws -> Response? {
        guard let number = request.pathID("number"),
            let owner = try owner(of: number, context)
        else { return nil }
        return try kept(request, context, company: owner, next: "/ticket/\(number)", title: Text.otherCompanyTicketTitle(number))
    }

    /// A new ticket's form opened for `tenantID`, another company the user can still enter.
    static func keptNewTicket(_ request: Request, _ context: MemberContext, tenantID: Int64) throws -> Response? {
        let tenants = TenantStore(context.services.database)
        guard let membership = try tenants.membership(userID: context.user.id, tenantID: tenantID),
            try !tenants.isDeactivated(tenantID: tenantID)
        else { return nil }
        return try kept(request, context, company: membership.tenant, next: "/ticket/nuovo", title: Text.newTicketTitle)
    }

    static func owner(of number: Int64, _ context: MemberContext) throws -> TenantRecord? {
        let services = context.services
        let tickets = TicketStore(services.database)
        let others = try TenantStore(services.database).memberships(userID: context.user.id)
            .filter { $0.tenant.id != context.tenant.id }
        guard let owner = try others.first(where: { try tickets.find(number: number, tenantID: $0.tenant.id) != nil }),
            try !TenantStore(services.database).isDeactivated(tenantID: owner.tenant.id)
        else { return nil }
        return owner.tenant
    }

    static func kept(_ request: Request, _ context: MemberContext, company: TenantRecord, next: String, title: String) throws
        -> Response?
    {
        func answer(kept: Bool) -> Response {
            var page = offer(
                context, company: company, next: next, title: title,
                text: kept ? Text.formKeptForOtherCompany(company.name, current: context.tenant.name)
                    : Text.formNotSentForOtherCompany(company.name, current: context.tenant.name))
            page.status = 409
            return page
        }
        // Past the forms a client may leave (`KeptFormStore.formsPerAddress`): not kept, but
        // said, and the browser's Back still has the text.
        return try KeptForms.keep(request, context.services) { answer(kept: true) } ?? answer(kept: false)
    }

    static func offer(_ context: MemberContext, company: TenantRecord, next: String, title: String, text: String) -> Response {
        let html = Page(title: title, kind: .app(context.viewer), currentPath: "/ticket") {
            el("h1", ["class": "page-title"]) { title }
            el("section", ["class": "card"]) {
                el("p") { text }
                el("form", ["method": "post", "action": CompanyChoiceHandlers.path, "class": "form-actions"]) {
                    FormField.csrf(context.current.csrfToken)
                    FormField.hidden("tenant", String(company.id))
                    FormField.hidden("next", next)
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.switchTo(company.name) }
                    el("a", ["class": "button", "href": "/ticket"]) { Text.stayIn(context.tenant.name) }
                }
            }
        }
        return Response.html(html.render(), status: 404)
    }
}
