import PortalCore
import PortalHTML
import PortalHTTP

/// The "Tenant" and "Ruoli" tabs: read-only facts.
enum TenantInfoHandlers {
    static func general(_ request: Request, _ context: MemberContext) throws -> Response {
        let page = TenantTabs.page(context.current.viewer, current: "/tenant") {
            el("section", ["class": "card"]) {
                el("h2", ["id": "general"]) { Text.generalData }
                el("dl", ["class": "facts"]) {
                    el("dt") { Text.companyName }
                    el("dd") { context.tenant.name }
                    el("dt") { Text.vatShort }
                    el("dd") { context.tenant.vat }
                }
                el("p", ["class": "muted"]) { Text.readOnlyCompany }
            }
        }
        return Response.html(page.render())
    }

    static func roles(_ request: Request, _ context: MemberContext) throws -> Response {
        let page = TenantTabs.page(context.current.viewer, current: "/tenant/ruoli") {
            el("section", ["class": "card"]) {
                // A heading as the other tabs have: a screen reader's list of headings had
                // only "Tenant" here.
                el("h2", ["id": "roles"]) { Text.tabRoles }
                el("p") { Text.rolesIntro }
                el("div", ["class": "notice notice--info", "role": "note"]) { Text.adminRoleWarning }
                DataTable.render(headings: [Text.roleColumn, Text.roleDescription]) {
                    for role in Role.allCases {
                        el("tr") {
                            el("th", ["scope": "row"]) { role.label }
                            el("td") { role.summary }
                        }
                    }
                }
            }
        }
        return Response.html(page.render())
    }
}
