import PortalCore

extension Page {
    /// The error page: the handlers' error responses and nginx's static error pages alike.
    public static func error(_ message: String) -> Page {
        Page(title: Text.errorTitle, kind: .visitor) {
            el("section", ["class": "card"]) {
                el("h1", ["class": "page-title"]) { Text.errorTitle }
                el("p") { message }
                el("p") { el("a", ["class": "button", "href": "/"]) { Text.backToHome } }
            }
        }
    }
}
