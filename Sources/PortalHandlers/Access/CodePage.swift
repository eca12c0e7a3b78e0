import PortalCore
import PortalHTML

/// "Two factor authentication": Codice, Dispositivo sicuro, Invia, and a way to a new code.
struct CodePage {
    var csrfToken: String
    var error: String?
    var notice: String?
    var trusted = false

    func render() -> String {
        Page(title: Text.codeTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.codeTitle }
                el("p") { Text.codeIntro }
                if let notice { FormField.notice(notice, kind: "success") }
                el("form", ["class": "form", "method": "post", "action": "/accesso/codice"]) {
                    FormField.csrf(csrfToken)
                    FormField.input(
                        id: "code", label: Text.code, value: "", error: error, required: true,
                        autocomplete: "one-time-code", maxLength: 20, autofocus: true)
                    FormField.checkbox(id: "trusted", label: Text.trustedDevice, checked: trusted)
                    el("p", ["class": "muted"]) { Text.trustedDeviceHint }
                    el("div", ["class": "form-actions"]) {
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.send }
                    }
                }
                el("form", ["class": "form", "method": "post", "action": "/accesso/codice/nuovo"]) {
                    FormField.csrf(csrfToken)
                    el("button", ["class": "button button--ghost", "type": "submit"]) { Text.sendNewCode }
                }
            }
        }.render()
    }
}
