import PortalCore
import PortalHTML

/// "Password smarrita": the request form and the new-password form of the link.
enum RecoveryPages {
    static func request(csrfToken: String, email: String = "", error: String? = nil, sent: Bool = false) -> String {
        Page(title: Text.recoveryTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.recoveryTitle }
                if sent {
                    FormField.notice(Text.recoverySent, kind: "success")
                } else {
                    el("p") { Text.recoveryIntro }
                    el("form", ["class": "form", "method": "post", "action": "/password/recupero"]) {
                        FormField.csrf(csrfToken)
                        FormField.input(id: "email", label: Text.email, type: "email", value: email, error: error,
                                        required: true, autocomplete: "email", maxLength: 254, autofocus: true)
                        el("div", ["class": "form-actions"]) {
                            el("button", ["class": "button button--primary", "type": "submit"]) { Text.send }
                        }
                    }
                }
                el("p", ["class": "form-links"]) { el("a", ["href": "/login"]) { Text.backToLogin } }
            }
        }.render()
    }

    static func newPassword(csrfToken: String, token: String, errors: [String: String] = [:]) -> String {
        Page(title: Text.recoveryNewTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.recoveryNewTitle }
                el("form", ["class": "form", "method": "post", "action": "/password/nuova"]) {
                    FormField.csrf(csrfToken)
                    FormField.hidden("token", token)
                    FormField.input(id: "password", label: Text.newPassword, type: "password", error: errors["password"],
                                    required: true, autocomplete: "new-password", autofocus: true)
                    el("p", ["class": "muted"]) { Text.passwordHint }
                    FormField.input(id: "password_confirmation", label: Text.confirmPassword, type: "password",
                                    error: errors["password_confirmation"], required: true, autocomplete: "new-password")
                    el("div", ["class": "form-actions"]) {
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.setPassword }
                    }
                }
            }
        }.render()
    }

    static func invalidLink() -> String {
        Page(title: Text.recoveryNewTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.recoveryNewTitle }
                FormField.notice(Text.recoveryLinkInvalid, kind: "error")
                el("p") { el("a", ["class": "button", "href": "/password/recupero"]) { Text.recoveryTitle } }
            }
        }.render()
    }
}
