import PortalCore
import PortalHTML

/// The transition page: the classic portal is being retired (or is closed), where the new
/// portal and both manuals are, and the classic login by P.IVA while it still exists.
struct LegacyPage {
    let settings: LegacySettings
    let csrfToken: String
    var isClosed = false
    var answered = false
    var typedVAT = ""
    var error: String?

    init(settings: LegacySettings, csrfToken: String) {
        self.settings = settings
        self.csrfToken = csrfToken
    }

    func render() -> String {
        let date = settings.closingDate.display
        return Page(title: Text.legacyTitle, kind: .visitor, description: Text.legacyIntro) {
            el("section", ["class": "card legacy-card"]) {
                el("h1", ["class": "page-title", "id": "legacy-title"]) { Text.legacyTitle }
                if isClosed {
                    FormField.notice(Text.legacyClosed(date), kind: "error")
                } else {
                    FormField.notice(Text.legacyClosing(date), kind: "warning")
                }
                el("p") { Text.legacyIntro }
                el("p") { el("a", ["class": "button button--primary", "href": "/login"]) { Text.legacyGoToNewPortal } }
                el("h2") { Text.legacyManuals }
                el("ul", ["class": "legacy-links"]) {
                    el("li") { el("a", ["href": SiteLinks.path(SiteLinks.manual)]) { Text.legacyNewManual } }
                    el("li") {
                        el("a", ["href": settings.classicManualURL]) {
                            settings.classicManualURL == LegacySettings.defaultClassicManual ? Text.legacyClassicChapter : Text.legacyClassicManual
                        }
                    }
                }
            }
            if !isClosed {
                el("section", ["class": "card legacy-card"]) {
                    el("h2", ["id": "legacy-form-title"]) { Text.legacyFormTitle }
                    if answered { answer } else { form }
                }
            }
        }.leavingOutOfFooter([.manual]).render()
    }

    var answer: Node {
        el("div", ["class": "notice notice--success", "role": "status"]) {
            el("p") { el("strong") { Text.legacyAnswerTitle } }
            for paragraph in Text.legacyAnswer { el("p") { paragraph } }
        }
    }

    /// The P.IVA field carries its hint always and its error when there is one, both read
    /// out with the field.
    var form: Node {
        let described = error == nil ? "vat-hint" : "vat-error vat-hint"
        return el("form", ["class": "form", "method": "post", "novalidate": "novalidate", "action": "/portale-classico"]) {
            el("p") { Text.legacyFormIntro }
            FormField.csrf(csrfToken)
            el("div", ["class": error == nil ? "field" : "field field--invalid"]) {
                el("label", ["for": "vat"]) { Text.legacyVATLabel }
                el(
                    "input",
                    [
                        // The manual's «P.IVA» beside the label's words, for whoever looks for it.
                        "id": "vat", "name": "vat", "type": "text", "value": typedVAT, "required": "required",
                        "aria-label": Text.vatFieldName,
                        "autocomplete": "off", "spellcheck": "false", "maxlength": "20",
                        "aria-invalid": error == nil ? nil : "true", "aria-describedby": described,
                        // As every refused form: the person is put on the wrong field.
                        "autofocus": FormField.focus(error != nil),
                    ])
                if let error { el("p", ["class": "field-error", "id": "vat-error"]) { error } }
                el("p", ["class": "muted field-hint", "id": "vat-hint"]) { Text.legacyVATHint }
            }
            el("div", ["class": "form-actions"]) {
                el("button", ["class": "button button--primary", "type": "submit"]) { Text.legacySubmit }
            }
        }
    }
}
