import PortalCore

extension Page {
    /// The one error page, for the handlers' errors and for nginx's own (`ErrorPages`, built
    /// with the site): a 404 of a handler was "Si è verificato un errore" without the help
    /// nginx's "Pagina non trovata" offered, for the same missing page.
    public static func error(_ message: String, title: String = Text.errorTitle) -> Page {
        Page(title: title, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { title }
                el("p") { message }
                el("p", ["class": "muted"]) { Text.errorHelpHint }
                el("p", ["class": "form-actions"]) {
                    el("a", ["class": "button", "href": SiteLinks.path(SiteLinks.helpIndex)]) { Text.menuHelp }
                    el("a", ["class": "button button--primary", "href": "/"]) { Text.backToHome }
                }
            }
        }.leavingOutOfFooter([.help])
    }
}
