import PortalCore
import PortalHTML

// Opens as `DeskQueuePage` does on purpose: every app page has its title as heading, then
// its notice; what follows is the page's own.
/// The frame of the Responsabile's pages: title, the menu entry marked as current, a notice
/// (success) or an error above the content. `windowTitle`: where the heading alone would name
/// another page too (a public page's, or the same form for every company).
enum VendorPage {
    static func page(
        _ viewer: Viewer, title: String, windowTitle: String? = nil, currentPath: String, notice: String? = nil,
        error: String? = nil, @NodeBuilder body: () -> Node
    ) -> Page {
        let content = body()
        return Page(title: windowTitle ?? title, kind: .app(viewer), currentPath: currentPath) {
            el("h1", ["class": "page-title"]) { title }
            if let notice { FormField.notice(notice, kind: "success") }
            if let error { FormField.notice(error, kind: "error") }
            content
        }
    }
}
