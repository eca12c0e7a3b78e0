import PortalCore
import PortalHTML
import PortalStore

/// "Invita amministratore": the company is given (from its page or from "Portale classico"),
/// only the address is typed; a refusal is shown next to it with the address kept. A
/// deactivated company gets no form: its invitation would be refused after the typing.
struct InviteAdministratorPage {
    var company: CompanyRow
    var email = ""
    var error: String?
    var submission = Submission.newKey()

    func render(_ viewer: Viewer) -> [UInt8] {
        let path = CompanyHandlers.path(company)
        return VendorPage.page(
            viewer, title: Text.inviteAdministrator, windowTitle: "\(Text.inviteAdministrator): \(company.tenant.name)",
            currentPath: CompanyListHandlers.path) {
            el("section", ["class": "card"]) {
                el("h2", ["id": "invite-company"]) { "\(company.tenant.name) · \(Text.vatShort) \(company.tenant.vat)" }
                if company.deactivatedAt != nil {
                    el("p", ["class": "notice notice--error"]) { Text.companyDeactivatedNoInvitation }
                    el("div", ["class": "form-actions"]) { el("a", ["class": "button", "href": path]) { Text.backToCompany } }
                } else {
                    form(viewer.csrfToken, path: path)
                }
            }
        }.renderBytes()
    }

    func form(_ csrf: String, path: String) -> Node {
        Node.group {
            el("p") { Text.inviteAdministratorIntro }
            FormField.cancelForm(path)
            el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": path + "/invita"]) {
                FormField.csrf(csrf)
                Submission.hidden(submission)
                FormField.input(
                    id: "email", label: Text.email, type: "email", value: email, error: error, required: true,
                    maxLength: 254, autofocus: true, marked: false)
                el("div", ["class": "form-actions"]) {
                    FormField.cancelButton(Text.cancel)
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.inviteAdministrator }
                }
            }
        }
    }
}
