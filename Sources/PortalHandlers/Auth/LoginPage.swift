import PortalCore
import PortalHTML

/// "Login" as in the manual: Email, Password, "Ricordami", "Accedi" and the recovery link.
struct LoginPage {
    var email = ""
    var remember = false
    var next = ""
    var csrfToken: String
    var error: String?
    var notice: String?

    func render() -> String {
        Page(title: Text.loginTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.loginTitle }
                if let notice { FormField.notice(notice) }
                if let error { FormField.notice(error, kind: "error") }
                el("form", ["class": "form", "method": "post", "action": "/login"]) {
                    FormField.csrf(csrfToken)
                    if !next.isEmpty { FormField.hidden("next", next) }
                    FormField.input(
                        id: "email", label: Text.email, type: "email", value: email, required: true,
                        autocomplete: "email", maxLength: 254, autofocus: email.isEmpty, marked: false)
                    FormField.input(
                        id: "password", label: Text.password, type: "password", required: true,
                        autocomplete: "current-password", autofocus: !email.isEmpty, marked: false)
                    el("div", ["class": "form-actions"]) {
                        FormField.checkbox(id: "remember", label: Text.rememberMe, checked: remember)
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.signIn }
                    }
                    el("p", ["class": "form-links"]) {
                        Text.forgotPasswordPrefix + " "
                        el("a", ["href": "/password/recupero"]) { Text.forgotPasswordLink }
                    }
                }
            }
        }.render()
    }
}
