import PortalCore
import PortalHTML

/// "Autenticazione a 2 fattori" (the classic portal's English "Two factor authentication" was
/// a defect of issue 14): Codice, Dispositivo sicuro, Invia, and a way to a new code.
struct CodePage {
    var csrfToken: String
    var error: String?
    var notice: String?
    /// Why the code is asked on a trusted device (the account's failed attempts).
    var warning: String?
    var trusted = false
    /// Set when no code was sent because the user had the most codes a window allows: the
    /// page says that, and when a new one may be asked for, instead of its usual intro.
    var limit: String?

    func render() -> String {
        Page(title: Text.codeTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.codeTitle }
                if let limit {
                    FormField.notice(limit, kind: "warning")
                } else {
                    el("p") { Text.codeIntro }
                }
                if let notice { FormField.notice(notice, kind: "success") }
                if let warning { FormField.notice(warning, kind: "warning") }
                el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/accesso/codice"]) {
                    FormField.csrf(csrfToken)
                    FormField.input(
                        id: "code", label: Text.code, value: "", error: error, required: true,
                        autocomplete: "off", maxLength: 20, autofocus: true, marked: false, verbatim: true)
                    FormField.checkbox(
                        id: "trusted", label: Text.trustedDevice, checked: trusted,
                        hint: warning == nil ? Text.trustedDeviceHint : Text.trustedDeviceHintDespiteAttempts)
                    el("div", ["class": "form-actions"]) {
                        el("button", ["class": "button button--primary", "type": "submit"]) { Text.send }
                    }
                }
                el("form", ["class": "form", "method": "post", "action": "/accesso/codice/nuovo"]) {
                    FormField.csrf(csrfToken)
                    el("button", ["class": "button button--ghost", "type": "submit"]) { Text.sendNewCode }
                }
                LeaveHandlers.form(csrfToken: csrfToken)
            }
        }.render()
    }
}
