import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// "Registro attività": the whole audit trail for a Responsabile, newest first, 50 a page,
/// by company (part of its name or its P.IVA) and by days. A company's own administrator
/// reads the lines of their company in Gestione Tenant → "Attività".
enum AuditLogHandlers {
    static let path = "/desk/registro"

    static func show(_ request: Request, _ context: OperatorContext) throws -> Response {
        let company = String((request.query["azienda"] ?? "").collapsingSpaces().prefix(100))
        let dates = DateRangeFilter(request)
        let page = PageLinks.number(request.query["pagina"])
        let result = dates.isValid
            ? try AuditStore(context.services.database).list(
                tenantID: nil, company: company, from: dates.start, until: dates.end, page: page)
            : (events: [], total: 0)
        var filter = ""
        if !company.isEmpty { filter += "&azienda=" + PercentEncoding.encode(company) }
        filter += dates.queryString

        let html = VendorPage.page(context.viewer, title: Text.auditLogTitle, currentPath: path) {
            el("section", ["class": "card"]) {
                el("p") { Text.auditLogIntro }
                el("form", ["class": "form form--inline", "method": "get", "action": path]) {
                    FormField.input(id: "azienda", label: Text.auditCompanyFilter, type: "search", value: company, maxLength: 100)
                    dates.fields
                    el("div", ["class": "form-actions"]) { el("button", ["class": "button", "type": "submit"]) { Text.activityFilter } }
                }
                if !dates.isValid {
                    // The messages are beside the fields.
                } else if PageLinks.isBeyondLast(page: page, total: result.total, pageSize: AuditStore.pageSize) {
                    PageLinks.beyondLast(
                        page: page, total: result.total, pageSize: AuditStore.pageSize,
                        href: PageLinks.address(path: path, filter: filter))
                } else if result.events.isEmpty {
                    el("p") { Text.noActivity }
                } else {
                    DataTable.render(headings: [
                        Text.activityWhen, Text.deskCompany, Text.activityWho, Text.activityWhat, Text.auditDetail, Text.activityFrom,
                    ]) {
                        for event in result.events {
                            el("tr") {
                                el("td") { Clock.display(event.at) }
                                el("td") {
                                    // A link: two companies may share a name, their pages tell them apart.
                                    if let id = event.tenantID, let name = event.tenantName {
                                        el("a", ["href": "\(CompanyListHandlers.path)/\(id)"]) { name }
                                    } else {
                                        "–"
                                    }
                                }
                                el("td", ["class": "cell-address"]) {
                                    Text.auditActor(event.actorEmail, event: event.event, forCustomers: false)
                                }
                                el("td") { Text.auditEvents[event.event] ?? event.event }
                                el("td", ["class": "cell-name"]) { Text.auditDetail(event: event.event, event.detail) }
                                el("td") { event.clientIP }
                            }
                        }
                    }
                }
                PageLinks.nav(path: path, page: page, total: result.total, pageSize: AuditStore.pageSize, filter: filter)
            }
        }
        return Response.html(bytes: html.renderBytes(), status: dates.isValid ? 200 : 422)
    }
}
