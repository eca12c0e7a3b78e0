import PortalCore
import PortalHTML
import PortalStore

/// "Aziende": "Nuova azienda" when open, the search by name or P.IVA, and one page of
/// companies with their users, open tickets and state.
struct CompaniesPage {
    struct NewCompanyForm {
        var name = ""
        var vat = ""
        var nameError: String?
        var vatError: String?
        /// The form's key: a double click on "Crea azienda" finds the company the first made
        /// (it answered "Esiste già un'azienda con Partita IVA …").
        var submission = Submission.newKey()
    }

    var search = ""
    var page = 1
    var form: NewCompanyForm?
    var rows: [CompanyRow] = []
    var total = 0

    init(search: String = "", page: Int = 1, form: NewCompanyForm? = nil) {
        self.search = search
        self.page = page
        self.form = form
    }

    /// The rest of a page link's query: the search typed.
    var filter: String { search.isEmpty ? "" : "&cerca=" + PercentEncoding.encode(search) }

    func render(_ viewer: Viewer) -> [UInt8] {
        // The form's page is named for it: "Aziende" twice in the browser's history and tabs.
        // The form's page is the form alone: beside the list, its search («Nome o P.IVA»)
        // was a second field found by «Partita IVA» and the only one by «Nome».
        VendorPage.page(viewer, title: form == nil ? Text.companiesTitle : Text.newCompany, currentPath: CompanyListHandlers.path) {
            if let form {
                newCompanyForm(form, csrf: viewer.csrfToken)
            } else {
                list
            }
        }.renderBytes()
    }

    /// Under the page's heading «Aziende» (a second heading «Aziende» over the list was two).
    var list: Node {
        el("section", ["class": "card", "aria-label": Text.companiesTitle]) {
            el("div", ["class": "toolbar"]) {
                el("a", ["class": "button button--primary", "href": CompanyListHandlers.path + "/nuova"]) { Icon.plus; Text.newCompany }
            }
            el("form", ["class": "form form--inline", "method": "get", "action": CompanyListHandlers.path, "role": "search"]) {
                FormField.input(id: "cerca", label: Text.companySearch, type: "search", value: search, maxLength: 100)
                el("div", ["class": "form-actions"]) {
                    el("button", ["class": "button", "type": "submit"]) { Text.companySearchButton }
                }
            }
            el("p", ["class": "muted"]) { Text.companiesCount(total) }
            if PageLinks.isBeyondLast(page: page, total: total, pageSize: TenantStore.companyPageSize) {
                PageLinks.beyondLast(
                    page: page, total: total, pageSize: TenantStore.companyPageSize,
                    href: PageLinks.address(path: CompanyListHandlers.path, filter: filter))
            } else if rows.isEmpty {
                el("p") { Text.noCompanies }
            } else {
                DataTable.render(headings: [
                    Text.companyName, Text.companyVATNumber, Text.companyUsersColumn, Text.companyOpenTicketsColumn,
                    Text.statusColumn, Text.createdOnColumn,
                ]) {
                    for row in rows { self.row(row) }
                }
            }
            PageLinks.nav(
                path: CompanyListHandlers.path, page: page, total: total, pageSize: TenantStore.companyPageSize,
                filter: filter)
        }
    }

    func row(_ row: CompanyRow) -> Node {
        el("tr", ["class": row.deactivatedAt == nil ? nil : "ticket--closed"]) {
            el("td") { el("a", ["href": "\(CompanyListHandlers.path)/\(row.tenant.id)"]) { row.tenant.name } }
            el("td") { row.tenant.vat }
            el("td") { String(row.users) }
            el("td") { String(row.openTickets) }
            el("td") { row.deactivatedAt.map { Text.deactivatedOn(Clock.displayDate($0)) } ?? Text.active }
            el("td") { Clock.displayDate(row.createdAt) }
        }
    }

    func newCompanyForm(_ form: NewCompanyForm, csrf: String) -> Node {
        el("section", ["class": "card"]) {
            FormField.cancelForm(CompanyListHandlers.path)
            el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": CompanyListHandlers.path]) {
                FormField.requiredLegend(Text.requiredLegend)
                FormField.csrf(csrf)
                Submission.hidden(form.submission)
                FormField.input(
                    id: "name", label: Text.companyName, value: form.name, error: form.nameError, required: true,
                    autocomplete: "off", maxLength: 200, autofocus: form.vatError == nil)
                FormField.input(
                    id: "vat", label: Text.companyVATNumber, value: form.vat, error: form.vatError, required: true,
                    autocomplete: "off", maxLength: 20, autofocus: form.vatError != nil, ariaLabel: Text.vatFieldName)
                el("div", ["class": "form-actions"]) {
                    FormField.cancelButton(Text.cancel)
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.createCompany }
                }
            }
        }
    }
}
