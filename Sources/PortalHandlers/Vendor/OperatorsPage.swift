import PortalCore
import PortalHTML
import PortalStore

/// "Operatori": the invitation form when open, then every operator with their role, state
/// and actions. A refusal of one row (the last Responsabile) is shown next to its control.
struct OperatorsPage {
    struct InviteForm {
        var name = ""
        var email = ""
        var role = DeskRole.operator
        var nameError: String?
        var emailError: String?
        var submission = Submission.newKey()
    }

    struct RowError {
        enum Field { case role, deactivation }
        let userID: Int64
        let field: Field
        let message: String
    }

    var notice: String?
    var form: InviteForm?
    var rowError: RowError?
    var operators: [UserRecord] = []
    /// Open tickets by operator: said beside "Disattiva", which sends them back to the queue.
    var openTickets: [Int64: Int] = [:]

    init(notice: String? = nil, form: InviteForm? = nil, rowError: RowError? = nil) {
        self.notice = notice
        self.form = form
        self.rowError = rowError
    }

    func render(_ viewer: Viewer, currentUserID: Int64) -> [UInt8] {
        // The form's page is named for it, as "Nuova azienda" is.
        VendorPage.page(viewer, title: form == nil ? Text.operatorsTitle : Text.inviteOperator, currentPath: OperatorHandlers.path,
                        notice: notice) {
            // The form's page is the form alone, as «Nuova azienda»'s; the list is under the
            // page's heading «Operatori» (a second heading «Operatori» over it was two).
            if let form {
                inviteForm(form, csrf: viewer.csrfToken)
            } else {
                el("section", ["class": "card", "aria-label": Text.operatorsTitle]) {
                    el("div", ["class": "toolbar"]) {
                        el("a", ["class": "button button--primary", "href": OperatorHandlers.path + "/nuovo"]) { Icon.plus; Text.inviteOperator }
                    }
                    DataTable.render(className: "table operators-table", headings: [Text.operatorName, Text.email, Text.operatorRole, Text.statusColumn, Text.actionsColumn]) {
                        for agent in operators { row(agent, csrf: viewer.csrfToken, isMe: agent.id == currentUserID) }
                    }
                }
            }
        }.renderBytes()
    }

    func inviteForm(_ form: InviteForm, csrf: String) -> Node {
        el("section", ["class": "card"]) {
            FormField.cancelForm(OperatorHandlers.path)
            el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": OperatorHandlers.path]) {
                FormField.requiredLegend(Text.requiredLegend)
                FormField.csrf(csrf)
                Submission.hidden(form.submission)
                FormField.input(
                    id: "name", label: Text.operatorName, value: form.name, error: form.nameError, required: true,
                    autocomplete: "off", maxLength: 200, autofocus: form.emailError == nil)
                FormField.input(
                    id: "email", label: Text.email, type: "email", value: form.email, error: form.emailError, required: true,
                    maxLength: 254, autofocus: form.emailError != nil)
                FormField.radioGroup(
                    name: "role", legend: Text.operatorRole, options: DeskRole.allCases.map { ($0.rawValue, $0.label) },
                    selected: form.role.rawValue, hint: Text.operatorRoleHint)
                el("div", ["class": "form-actions"]) {
                    FormField.cancelButton(Text.cancel)
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.inviteOperator }
                }
            }
        }
    }

    func row(_ agent: UserRecord, csrf: String, isMe: Bool) -> Node {
        let error = rowError?.userID == agent.id ? rowError : nil
        let roleError = error?.field == .role ? error?.message : nil
        let deactivationError = error?.field == .deactivation ? error?.message : nil
        return el("tr") {
            el("td", ["class": "cell-name", "id": "operator-\(agent.id)"]) {
                agent.displayName
                if isMe { " " + Text.you }
            }
            el("td", ["class": "cell-address"]) { agent.email }
            el("td") {
                el("form", ["class": "inline-form", "method": "post", "action": "\(OperatorHandlers.path)/\(agent.id)/ruolo"]) {
                    FormField.csrf(csrf)
                    DeskForm.select(
                        id: "role-\(agent.id)", name: "role", label: Text.operatorRoleOf(agent.displayName),
                        options: DeskRole.allCases.map { ($0.rawValue, $0.label) }, selected: agent.deskRole?.rawValue,
                        error: roleError, labelClass: "visually-hidden")
                    el("button", ["class": "button", "type": "submit", "aria-describedby": "operator-\(agent.id)"]) { Text.changeRole }
                }
            }
            el("td") {
                if let at = agent.deactivatedAt {
                    Text.operatorDeactivatedOn(Clock.displayDate(at))
                } else if agent.passwordIsProvisional {
                    Text.operatorFirstAccessPending
                } else {
                    Text.operatorActive
                }
            }
            el("td") {
                el("div", ["class": "row-actions"]) {
                    if agent.passwordIsProvisional && agent.deactivatedAt == nil {
                        el("form", ["method": "post", "action": "\(OperatorHandlers.path)/\(agent.id)/reinvia"]) {
                            FormField.csrf(csrf)
                            Submission.hidden(Submission.newKey())
                            el("button", ["class": "button", "type": "submit", "aria-describedby": "operator-\(agent.id)"]) {
                                Text.resendInvitation
                            }
                        }
                    }
                    let deactivated = agent.deactivatedAt != nil
                    let action = deactivated ? "riattiva" : "disattiva"
                    let label = deactivated ? Text.reactivateOperator : Text.deactivateOperator
                    let held = deactivated ? 0 : openTickets[agent.id] ?? 0
                    let described = ["operator-\(agent.id)", deactivationError == nil ? nil : "deactivate-\(agent.id)-error", held == 0 ? nil : "held-\(agent.id)"]
                        .compactMap { $0 }
                    el("form", ["method": "post", "action": "\(OperatorHandlers.path)/\(agent.id)/\(action)"]) {
                        FormField.csrf(csrf)
                        el("button", [
                            "class": deactivated ? "button" : "button button--ghost", "type": "submit",
                            "aria-describedby": described.isEmpty ? nil : described.joined(separator: " "),
                        ]) { label }
                        if let deactivationError {
                            el("p", ["class": "field-error", "id": "deactivate-\(agent.id)-error", "role": "alert"]) { deactivationError }
                        }
                        // What the press does to the desk, said before it is pressed.
                        if held > 0 { el("p", ["class": "muted field-hint", "id": "held-\(agent.id)"]) { Text.operatorOpenTickets(held) } }
                    }
                }
            }
        }
    }
}
