import PortalCore
import PortalHTML

// Same layout as `ErrorPages` on purpose: two different pages (one served by the service
// worker, the others by nginx) whose texts and links are each their own.
/// `offline.html`: what the service worker shows when a page cannot be reached. It stands in
/// for any address, so its links start at the site root.
enum OfflinePage {
    static let path = "offline.html"

    static func render(assets: AssetMap) -> String {
        var page = Page(title: Text.offlineTitle, kind: .visitor) {
            el("section", ["class": "card auth-card"]) {
                el("h1", ["class": "page-title"]) { Text.offlineTitle }
                el("p") { Text.offlineMessage }
                el("p", ["class": "muted"]) { Text.offlineHint }
                el("p", ["class": "form-actions"]) {
                    el("a", ["class": "button", "href": "/manuale/index.html"]) { Text.menuManual }
                    el("a", ["class": "button button--primary", "href": "/"]) { Text.offlineRetry }
                }
            }
        }
        page.stylesheet = "/" + assets.path("assets/portal.css")
        page.appScript = "/" + assets.path("assets/pwa.js")
        return page.render()
    }
}
