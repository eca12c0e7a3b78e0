import PortalCore
import PortalHTML

/// "Creazione Utente": Nome, Cognome, Password, Conferma Password, the privacy consent.
struct FirstAccessPage {
    var csrfToken: String
    var email: String
    var firstName = ""
    var lastName = ""
    /// The consent as ticked in a refused form: it comes back ticked.
    var privacyAccepted = false
    var errors: [String: String] = [:]

    func render() -> String {
        Page(title: Text.firstAccessTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.firstAccessTitle }
                el("p") { Text.firstAccessIntro }
                el("p", ["class": "muted"]) { email }
                el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/accesso/primo"]) {
                    FormField.requiredLegend(Text.requiredLegend)
                    FormField.csrf(csrfToken)
                    FormField.input(
                        id: "first_name", label: Text.firstName, value: firstName, error: errors["first_name"],
                        required: true, autocomplete: "given-name", maxLength: 100, autofocus: errors.isEmpty)
                    FormField.input(
                        id: "last_name", label: Text.lastName, value: lastName, error: errors["last_name"],
                        required: true, autocomplete: "family-name", maxLength: 100)
                    FormField.input(
                        id: "password", label: Text.password, type: "password", error: errors["password"], required: true,
                        autocomplete: "new-password", hint: Text.passwordHint)
                    FormField.input(
                        id: "password_confirmation", label: Text.confirmPassword, type: "password",
                        error: errors["password_confirmation"], required: true, autocomplete: "new-password")
                    el("div", ["class": errors["privacy"] == nil ? "field field--check" : "field field--check field--invalid"]) {
                        el("input", [
                            "type": "checkbox", "id": "privacy", "name": "privacy", "value": "1", "required": "required",
                            "checked": privacyAccepted ? "checked" : nil,
                            "autofocus": FormField.focus(errors["privacy"] != nil),
                            "aria-invalid": errors["privacy"] == nil ? nil : "true",
                            "aria-describedby": errors["privacy"] == nil ? nil : "privacy-error",
                        ])
                        el("label", ["for": "privacy"]) {
                            Text.privacyConsentPrefix
                            el("a", ["href": SiteLinks.path(SiteLinks.privacy), "target": "_blank", "rel": "noopener"]) { Text.privacyConsentLink }
                        }
                        el("span", ["class": "required-mark", "aria-hidden": "true"]) { "*" }
                        if let error = errors["privacy"] { el("p", ["class": "field-error", "id": "privacy-error"]) { error } }
                    }
                    el("div", ["class": "form-actions"]) {
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.createUser }
                    }
                }
                LeaveHandlers.form(csrfToken: csrfToken)
            }
        }.linkingPrivacyItself().render()
    }
}
