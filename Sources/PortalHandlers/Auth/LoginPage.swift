import PortalCore
import PortalHTML

/// "Login" as in the manual: Email, Password, "Ricordami", "Accedi" and the recovery link.
struct LoginPage {
    var email = ""
    var remember = false
    var next = ""
    var csrfToken: String
    var error: String?
    /// Beside each field: nothing typed, or not an address at all (no password is tried then).
    var fieldErrors: [String: String] = [:]
    var notice: String?
    /// Someone else is signed in on this browser (the page was opened for `email` by an e-mail's
    /// link): "Esci" for them, keeping the address, instead of the form. It led to their dashboard.
    var signedIn: (name: String, home: String, csrfToken: String)?

    func render() -> String {
        Page(title: Text.loginTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.loginTitle }
                if let signedIn {
                    if let notice { FormField.notice(notice) }
                    FormField.notice(Text.signedInAsOther(signedIn.name, wanted: email))
                    el("form", ["class": "form", "method": "post", "action": "/logout"]) {
                        FormField.csrf(signedIn.csrfToken)
                        FormField.hidden("email", email)
                        if !next.isEmpty { FormField.hidden("next", next) }
                        el("div", ["class": "form-actions"]) {
                            el("a", ["class": "button", "href": signedIn.home]) { Text.continueAs(signedIn.name) }
                            el("button", ["class": "button button--primary", "type": "submit", "aria-label": Text.logoutName, "autofocus": "autofocus"]) { Text.logout }
                        }
                    }
                } else {
                    form()
                }
            }
        }.render()
    }

    func form() -> Node {
        .group {
            if let notice { FormField.notice(notice) }
            if let error { FormField.notice(error, kind: "error", id: "login-error") }
            el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/login"]) {
                FormField.csrf(csrfToken)
                if !next.isEmpty { FormField.hidden("next", next) }
                FormField.input(
                    id: "email", label: Text.email, type: "email", value: email, error: fieldErrors["email"], required: true,
                    autocomplete: "email", maxLength: 254, autofocus: email.isEmpty || fieldErrors["email"] != nil, marked: false)
                FormField.input(
                    id: "password", label: Text.password, type: "password", error: fieldErrors["password"], required: true,
                    autocomplete: "current-password", autofocus: !email.isEmpty && fieldErrors["email"] == nil, marked: false,
                    alsoDescribedBy: error == nil ? nil : "login-error")
                el("div", ["class": "form-actions"]) {
                    FormField.checkbox(id: "remember", label: Text.rememberMe, checked: remember)
                    el("button", ["class": "button button--primary", "type": "submit"]) { Text.signIn }
                }
                el("p", ["class": "form-links"]) {
                    Text.forgotPasswordPrefix + " "
                    // Named as the manual's text names the function too ("Password smarrita",
                    // "Recupera password"), its visible words first: by words of its own, not an
                    // aria-label, which made the link a second "Password" for a lookup by label.
                    el("a", ["href": "/password/recupero"]) {
                        Text.forgotPasswordLink
                        el("span", ["class": "visually-hidden"]) { Text.forgotPasswordLinkMore }
                    }
                }
            }
        }
    }
}
