import PortalCore
import PortalHTML
import PortalStore

/// "Creazione Ticket", as in the manual's screenshots: the company and the requester, the
/// contact and classification choices, then title, description and files.
struct NewTicketPage {
    /// The company the page was made for: a form sent after a switch in another tab is not
    /// created in the company switched to (`NewTicketHandlers.create`).
    static let companyField = "azienda"

    var viewer: Viewer
    var tenant: TenantRecord
    var requester: String
    var form: TicketForm
    var keptFiles: [(reference: String, file: NewAttachment)] = []
    var fileError: String?
    var preview: TrustedHTML?
    /// Why the form is back filled in (`KeptForms`).
    var notice: String?
    /// The save failed for the server's reasons (`SaveFault`).
    var failure: String?
    /// The desk's "Nuovo ticket per un cliente": the requester is one of the company's people,
    /// chosen by the operator writing for them.
    var desk: DeskChoice?

    struct DeskChoice {
        static let requesterField = "richiedente"
        var members: [TenantStore.MemberRow]
        var requesterID: String = ""

        /// The one person of a company with one user is chosen already: there is no choice.
        var preselected: String {
            requesterID.isEmpty && members.count == 1 ? String(members[0].userID) : requesterID
        }
        var error: String?
    }

    /// The desk's form has an address per company, so that the browser's draft of one
    /// customer's request (kept per address) is never offered for another's.
    var action: String { desk == nil ? "/ticket/nuovo" : DeskNewTicketHandlers.path(tenant.id) }

    func render() -> String {
        let title = desk == nil ? Text.newTicketTitle : Text.deskNewTicketTitle
        return Page(title: title, kind: .app(viewer), currentPath: desk == nil ? action : DeskNewTicketHandlers.choicePath) {
            el("h1", ["class": "page-title"]) { title }
            el("form", ["class": "form ticket-form", "method": "post", "action": action, "enctype": "multipart/form-data",
                        "novalidate": "novalidate", "data-draft-owner": viewer.draftOwner,
                        "data-preview": desk == nil ? nil : "/desk/anteprima"]) {
                FormField.csrf(viewer.csrfToken)
                FormField.hidden(Self.companyField, String(tenant.id))
                KeptForms.ownerHidden(viewer)
                Submission.hidden(form.submission)
                if form.technicalDetailsFromERP { FormField.hidden(TicketForm.fromERPField, "1") }
                DraftForm.config
                // Enter in a field presses a form's first submit button, which on the toolbar
                // is "Anteprima": Enter in "Titolo" made a preview and sent nothing (without
                // JavaScript the page came back as it was). This one comes first and is
                // "Invia Ticket"'s action, out of sight and of the tab order; the toolbar's
                // order stays the manual's.
                el("button", [
                    "class": "visually-hidden", "type": "submit", "name": "action", "value": "send", "tabindex": "-1",
                    "aria-hidden": "true",
                ]) {}
                el("div", ["class": "toolbar"]) {
                    el("h2", ["class": "toolbar-title"]) { Text.newTicketSection }
                    el("button", ["class": "button", "type": "submit", "name": "action", "value": "preview"]) { Text.preview }
                    el("button", ["class": "button button--primary", "type": "submit", "name": "action", "value": "send"]) { Text.sendTicket }
                }
                if let notice { FormField.notice(notice, kind: "warning") }
                if let failure { FormField.notice(failure, kind: "error") }
                if !form.errors.isEmpty || fileError != nil { FormField.notice(Text.formHasErrors, kind: "error") }
                el("section", ["class": "card"]) {
                    el("h2", ["id": "ticket-section"]) { Text.ticketSection }
                    FormField.requiredLegend(Text.requiredLegend)
                    el("dl", ["class": "facts"]) {
                        el("dt") { Text.companyVAT }
                        el("dd") { tenant.vat }
                        el("dt") { Text.companyName }
                        el("dd") { tenant.name }
                        if desk == nil {
                            el("dt") { Text.requesterFull }
                            el("dd") { requester }
                        }
                    }
                    if let desk {
                        el("p") { el("a", ["href": DeskNewTicketHandlers.choicePath]) { Text.deskOtherCompany } }
                        DeskForm.select(
                            id: DeskChoice.requesterField, label: Text.requester,
                            options: [("", Text.deskChooseRequester)] + desk.members.map { member in
                                (String(member.userID), member.displayName.isEmpty ? member.email : "\(member.displayName) – \(member.email)")
                            },
                            selected: desk.preselected, error: desk.error, required: true)
                    }
                    // The desk may leave it empty: the requester's own address is used.
                    FormField.input(id: "email", label: Text.email, type: "email", value: form.email, error: form.errors["email"],
                                    required: desk == nil, autocomplete: desk == nil ? "email" : nil, maxLength: 254,
                                    hint: desk == nil ? nil : Text.deskEmailDefaultHint)
                    FormField.input(id: "phone", label: Text.phone, type: "tel", value: form.phone, error: form.errors["phone"],
                                    // On the desk it is the customer's, not the operator's own to fill in
                                    // (no purpose named; "off" is no purpose axe-core 3.1 knows there).
                                    autocomplete: desk == nil ? "tel" : nil, maxLength: TicketForm.phoneLimit)
                    FormField.radioGroup(name: "contact", legend: Text.contactPreference,
                                         options: ContactPreference.allCases.map { ($0.rawValue, $0.label) },
                                         selected: form.contact?.rawValue, error: form.errors["contact"], marked: true)
                    FormField.radioGroup(name: "type", legend: Text.requestType,
                                         options: RequestType.allCases.map { ($0.rawValue, $0.label) },
                                         selected: form.type?.rawValue, error: form.errors["type"], marked: true)
                    FormField.radioGroup(name: "area", legend: Text.requestArea,
                                         options: RequestArea.allCases.map { ($0.rawValue, $0.label) },
                                         selected: form.area?.rawValue, error: form.errors["area"], marked: true)
                    FormField.radioGroup(name: "priority", legend: Text.priority,
                                         options: Priority.allCases.map { ($0.rawValue, $0.label) },
                                         selected: form.priority?.rawValue, error: form.errors["priority"], hint: Text.blockingExplanation,
                                         marked: true)
                }
                el("section", ["class": "card"]) {
                    el("h2", ["id": "description-section"]) { Text.descriptionSection }
                    FormField.input(id: "title", label: Text.title, value: form.title, error: form.errors["title"], required: true,
                                    maxLength: TicketForm.titleLimit, hint: Text.titleHint)
                    FormField.markdownEditor(
                        id: "description", label: Text.description, value: form.description, error: form.errors["description"],
                        hint: Text.descriptionHint, toolbarLabels: EditorLabels.toolbar, formattingLabel: Text.formatting,
                        previewHTML: preview, previewTitle: Text.preview, maxLength: TicketForm.descriptionLimit,
                        formattingHint: Text.formattingHint)
                    FormField.textarea(id: "technical_details", label: Text.technicalDetails, value: form.technicalDetails,
                                       error: form.errors["technical_details"],
                                       hint: form.technicalDetailsFromERP && !form.technicalDetails.isEmpty
                                           ? Text.technicalDetailsHint : Text.technicalDetailsOptionalHint, rows: 4,
                                       maxLength: TicketForm.technicalDetailsLimit)
                    FileFields.render(field: "files", label: Text.attachments, hint: Text.attachmentsHint, kept: keptFiles, error: fileError)
                }
            }
        }.withScript("/assets/editor.js").withScript(DraftForm.script).render()
    }
}
