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
                    el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/password/recupero"]) {
                        FormField.csrf(csrfToken)
                        FormField.input(id: "email", label: Text.email, type: "email", value: email, error: error,
                                        required: true, autocomplete: "email", maxLength: 254, autofocus: true, marked: false)
                        el("div", ["class": "form-actions"]) {
                            el("button", ["class": "button button--primary", "type": "submit"]) { Text.send }
                        }
                    }
                }
                el("p", ["class": "form-links"]) { el("a", ["href": "/login"]) { Text.backToLogin } }
            }
        }.render()
    }

    /// The new-password form of the link. `token` is the link's, once posted (the page's
    /// script moves it from the fragment into the hidden field and hides "Codice di recupero");
    /// without it the person types the e-mail's short code.
    static func newPassword(csrfToken: String, token: String = "", code: String = "", errors: [String: String] = [:]) -> String {
        Page(title: Text.recoveryNewTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.recoveryNewTitle }
                // Shown by the page's script when the link's token no longer opens the form.
                el("div", ["class": "notice notice--error", "role": "alert", "data-recovery-closed": "1", "hidden": "hidden"]) {
                    Text.recoveryLinkClosed
                }
                el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/password/nuova", "data-recovery": "1", "data-check": "/password/verifica"]) {
                    FormField.requiredLegend(Text.requiredLegend)
                    FormField.csrf(csrfToken)
                    FormField.hidden("token", token)
                    el("div", ["data-recovery-code": "1"]) {
                        // Required unless the link's token is there (the script then drops the mark).
                        FormField.input(id: "code", label: Text.recoveryCode, value: code, error: errors["code"], required: token.isEmpty,
                                        autocomplete: "off", maxLength: 64, autofocus: token.isEmpty && errors.isEmpty,
                                        hint: Text.recoveryCodeHint)
                    }
                    el("p", ["class": "muted", "data-recovery-linked": "1", "hidden": "hidden"]) { Text.recoveryCodeFromLink }
                    FormField.input(id: "password", label: Text.newPassword, type: "password", error: errors["password"],
                                    required: true, autocomplete: "new-password", autofocus: !token.isEmpty && errors.isEmpty,
                                    hint: Text.passwordHint)
                    FormField.input(id: "password_confirmation", label: Text.confirmPassword, type: "password",
                                    error: errors["password_confirmation"], required: true, autocomplete: "new-password")
                    el("div", ["class": "form-actions"]) {
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.setPassword }
                    }
                }
                el("p", ["class": "form-links"]) { el("a", ["href": "/password/recupero"]) { Text.recoveryTitle } }
            }
        }.withScript("/assets/recovery.js").render()
    }
}
