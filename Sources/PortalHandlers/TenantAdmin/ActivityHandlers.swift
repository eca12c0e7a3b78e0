import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// The "Attività" tab: the company's audit trail, newest first, by user and by days.
enum ActivityHandlers {
    /// A person of the "Utente" filter by name, as the lists sort them ("Utenti"): addresses
    /// alone read in no order.
    static func person(_ name: String, _ email: String) -> String { name.isEmpty ? email : "\(name) (\(email))" }

    static func show(_ request: Request, _ context: MemberContext) throws -> Response {
        let services = context.services
        let members = try TenantStore(services.database).memberRows(tenantID: context.tenant.id)
        // A removed colleague's lines stay in the trail: their name stays a filter, apart.
        let former = try AuditStore(services.database).formerMembers(tenantID: context.tenant.id)
        let userID = request.query["utente"].flatMap { Int64($0) }.flatMap { id in
            members.contains { $0.userID == id } || former.contains { $0.userID == id } ? id : nil
        }
        let dates = DateRangeFilter(request)
        let page = PageLinks.number(request.query["pagina"])
        let result = dates.isValid
            ? try AuditStore(services.database).list(
                tenantID: context.tenant.id, forCustomers: true, userID: userID,
                about: userID.flatMap { id in members.first { $0.userID == id }?.email ?? former.first { $0.userID == id }?.email },
                from: dates.start, until: dates.end, page: page)
            : (events: [], total: 0)
        var filter = ""
        if let userID { filter += "&utente=\(userID)" }
        filter += dates.queryString

        let html = TenantTabs.page(context.current.viewer, current: "/tenant/attivita") {
            el("section", ["class": "card"]) {
                el("h2", ["id": "activity"]) { Text.tabActivity }
                el("p") { Text.activityIntro }
                el("form", ["class": "form form--inline", "method": "get", "action": "/tenant/attivita"]) {
                    el("div", ["class": "field"]) {
                        el("label", ["for": "utente"]) { Text.activityUser }
                        el("select", ["id": "utente", "name": "utente"]) {
                            el("option", ["value": ""]) { Text.activityAllUsers }
                            for member in members {
                                el("option", ["value": String(member.userID), "selected": member.userID == userID ? "selected" : nil]) {
                                    person(member.displayName, member.email)
                                }
                            }
                            if !former.isEmpty {
                                el("optgroup", ["label": Text.activityFormerMembers]) {
                                    for person in former {
                                        el("option", ["value": String(person.userID), "selected": person.userID == userID ? "selected" : nil]) {
                                            ActivityHandlers.person(person.name, person.email)
                                        }
                                    }
                                }
                            }
                        }
                    }
                    dates.fields
                    el("div", ["class": "form-actions"]) { el("button", ["class": "button", "type": "submit"]) { Text.activityFilter } }
                }
                if !dates.isValid {
                    // The messages are beside the fields.
                } else if PageLinks.isBeyondLast(page: page, total: result.total, pageSize: AuditStore.pageSize) {
                    PageLinks.beyondLast(
                        page: page, total: result.total, pageSize: AuditStore.pageSize,
                        href: PageLinks.address(path: "/tenant/attivita", filter: filter))
                } else if result.events.isEmpty {
                    el("p") { Text.noActivity }
                } else {
                    DataTable.render(headings: [Text.activityWhen, Text.activityWho, Text.activityWhat, Text.auditDetail, Text.activityFrom]) {
                        for event in result.events {
                            el("tr") {
                                el("td") { Clock.display(event.at) }
                                el("td", ["class": "cell-address"]) {
                                    // The support's people by name, as everywhere a customer
                                    // reads of them: their addresses are the vendor's.
                                    event.actorIsOperator && !event.actorName.isEmpty
                                        ? Text.auditBySupport(event.actorName)
                                        : Text.auditActor(event.actorEmail, event: event.event, forCustomers: true)
                                }
                                el("td") { Text.auditEvents[event.event] ?? event.event }
                                el("td", ["class": "cell-address"]) { Text.auditDetail(event: event.event, event.detail) }
                                el("td") { event.clientIP }
                            }
                        }
                    }
                }
                PageLinks.nav(path: "/tenant/attivita", page: page, total: result.total, pageSize: AuditStore.pageSize, filter: filter)
            }
        }
        return Response.html(html.render(), status: dates.isValid ? 200 : 422)
    }
}
