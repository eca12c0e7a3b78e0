import PortalCore
import PortalHTML

/// The pages of a long list ("Attività", "Aziende", "Registro attività"): the page asked for
/// in `?pagina=`, and the links to the pages beside it that keep the list's filters.
enum PageLinks {
    /// A page's number from `?pagina=`, at least 1.
    static func number(_ text: String?) -> Int { max(1, text.flatMap { Int($0) } ?? 1) }

    /// "Pagina precedente" / "Pagina successiva"; `filter` is the rest of the query (`&a=…`).
    static func nav(path: String, page: Int, total: Int, pageSize: Int, filter: String) -> Node {
        let pages = (total + pageSize - 1) / pageSize
        return el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
            if page > 1 { el("a", ["rel": "prev", "href": "\(path)?pagina=\(page - 1)\(filter)"]) { Text.previousPage } }
            if page < pages { el("a", ["rel": "next", "href": "\(path)?pagina=\(page + 1)\(filter)"]) { Text.nextPage } }
        }
    }
}
