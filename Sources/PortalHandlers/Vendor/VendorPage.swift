import PortalCore
import PortalHTML

// Opens as `DeskQueuePage` does on purpose: every app page has its title as heading, then
// its notice; what follows is the page's own.
/// The frame of the Responsabile's pages: title, the menu entry marked as current, a notice
/// (success) or an error above the content.
enum VendorPage {
    static func page(
        _ viewer: Viewer, title: String, currentPath: String, notice: String? = nil, error: String? = nil,
        @NodeBuilder body: () -> Node
    ) -> Page {
        let content = body()
        return Page(title: title, kind: .app(viewer), currentPath: currentPath) {
            el("h1", ["class": "page-title"]) { title }
            if let notice { FormField.notice(notice, kind: "success") }
            if let error { FormField.notice(error, kind: "error") }
            content
        }
    }

    /// A page's number from `?pagina=`, at least 1.
    static func pageNumber(_ text: String?) -> Int { max(1, text.flatMap { Int($0) } ?? 1) }

    /// "Pagina precedente" / "Pagina successiva" links that keep the page's filters.
    static func pager(path: String, page: Int, total: Int, pageSize: Int, filter: String) -> Node {
        let pages = (total + pageSize - 1) / pageSize
        return el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
            if page > 1 { el("a", ["rel": "prev", "href": "\(path)?pagina=\(page - 1)\(filter)"]) { Text.previousPage } }
            if page < pages { el("a", ["rel": "next", "href": "\(path)?pagina=\(page + 1)\(filter)"]) { Text.nextPage } }
        }
    }
}
