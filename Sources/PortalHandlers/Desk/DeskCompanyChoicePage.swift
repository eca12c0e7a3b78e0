import PortalCore
import PortalHTML
import PortalStore

/// The first step of "Nuovo ticket per un cliente": the customer's company, found by part of
/// its name or its P.IVA as the queue's "Azienda" filter finds it. A plain GET form, so that
/// it works without JavaScript and its results can be reloaded.
struct DeskCompanyChoicePage {
    var viewer: Viewer
    var search: String
    /// nil before a search.
    var found: [CompanyRow]?
    var total = 0
    /// A company chosen that can no longer take requests (deactivated, no users).
    var problem: String?

    func render() -> String {
        Page(title: Text.deskNewTicketTitle, kind: .app(viewer), currentPath: DeskNewTicketHandlers.choicePath) {
            el("h1", ["class": "page-title"]) { Text.deskNewTicketTitle }
            if let problem { FormField.notice(problem, kind: "error") }
            el("section", ["class": "card"]) {
                el("p") { Text.deskNewTicketIntro }
                el("form", ["class": "form", "method": "get", "action": DeskNewTicketHandlers.choicePath, "role": "search"]) {
                    FormField.input(id: "cerca", label: Text.deskCompany, type: "search", value: search, maxLength: 100,
                                    hint: Text.deskCompanyHint)
                    el("div", ["class": "form-actions"]) {
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.deskFindCompany }
                    }
                }
            }
            if let found { results(found) }
        }.render()
    }

    func results(_ found: [CompanyRow]) -> Node {
        el("section", ["class": "card", "aria-labelledby": "companies-found"]) {
            el("h2", ["id": "companies-found"]) { Text.deskChooseCompany }
            if found.isEmpty {
                el("p", ["role": "status"]) { Text.deskNoCompanyFound }
            } else {
                el("p", ["role": "status"]) { Text.deskCompaniesFound(total) }
                el("ul") {
                    for company in found {
                        el("li") {
                            // Only a company whose people can receive the request is a link.
                            if let why = company.deactivatedAt != nil
                                ? Text.deskCompanyDeactivatedChoice : company.users == 0 ? Text.deskCompanyWithoutUsers : nil
                            {
                                "\(company.tenant.name) · \(Text.companyVATShort) \(company.tenant.vat) – \(why)"
                            } else {
                                el("a", ["href": DeskNewTicketHandlers.path(company.tenant.id)]) { company.tenant.name }
                                " · \(Text.companyVATShort) \(company.tenant.vat)"
                            }
                        }
                    }
                }
                if total > found.count { el("p", ["class": "muted"]) { Text.deskCompaniesTooMany(found.count) } }
            }
        }
    }
}
