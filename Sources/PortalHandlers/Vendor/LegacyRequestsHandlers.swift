import PortalCore
import PortalHTML
import PortalHTTP
import PortalStore

/// "Portale classico": the companies that asked for access on the transition page
/// (`legacy_access_requests`) and have nobody on the new portal, latest request first, each
/// with "Invita amministratore" for that company.
enum LegacyRequestsHandlers {
    static let path = "/desk/portale-classico"

    static func list(_ request: Request, _ context: OperatorContext) throws -> Response {
        let rows = try LegacyAccessStore(context.services.database).companiesWithoutUsers(now: context.services.now)
        let html = VendorPage.page(
            context.viewer, title: Text.legacyRequestsTitle, windowTitle: Text.legacyRequestsWindowTitle, currentPath: path) {
            el("section", ["class": "card"]) {
                el("p") { Text.legacyRequestsIntro }
                if rows.isEmpty {
                    el("p") { Text.noLegacyRequests }
                } else {
                    DataTable.render(headings: [
                        Text.companyName, Text.companyVATNumber, Text.legacyLastRequest, Text.legacyRequestCount,
                        Text.legacyPendingInvitations, Text.actionsColumn,
                    ]) {
                        for row in rows {
                            el("tr") {
                                el("td", ["id": "company-\(row.tenant.id)"]) { el("a", ["href": "\(CompanyListHandlers.path)/\(row.tenant.id)"]) { row.tenant.name } }
                                el("td") { row.tenant.vat }
                                el("td") { Clock.display(row.lastRequestAt) }
                                el("td") { String(row.requests) }
                                el("td") { String(row.pendingInvitations) }
                                el("td") {
                                    // Its invitation would be refused: the company's page has "Riattiva".
                                    if let at = row.deactivatedAt {
                                        Text.deactivatedOn(Clock.displayDate(at))
                                    } else {
                                        el("a", [
                                            "class": "button button--primary", "href": "\(CompanyListHandlers.path)/\(row.tenant.id)/invita",
                                            "aria-describedby": "company-\(row.tenant.id)",
                                        ]) { Text.inviteAdministrator }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Response.html(bytes: html.renderBytes())
    }
}
