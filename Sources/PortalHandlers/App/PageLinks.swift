import PortalCore
import PortalHTML

/// The pages of a long list ("Attività", "Aziende", "Registro attività", the ticket lists):
/// the page asked for in `?pagina=`, the links to the pages beside it that keep the list's
/// filters, and what to say when the number asked for is past the last page.
enum PageLinks {
    /// A page's number from `?pagina=`, at least 1.
    /// At most `FilterField.lastPage`, as the ticket lists' own: `(page - 1) * size` of a
    /// page number near Int.max overflowed and killed the worker.
    static func number(_ text: String?) -> Int { min(FilterField.lastPage, max(1, text.flatMap { Int($0) } ?? 1)) }

    /// How many pages `total` rows fill, `pageSize` a page.
    static func count(total: Int, pageSize: Int) -> Int { (total + pageSize - 1) / pageSize }

    /// A page past the last of a list that is not empty: an old bookmark, or a list that
    /// shrank since its link was drawn. Saying "nothing found" there would be untrue.
    static func isBeyondLast(page: Int, total: Int, pageSize: Int) -> Bool {
        total > 0 && page > count(total: total, pageSize: pageSize)
    }

    /// "La pagina 9 non esiste…" with a link to the last page, `href` giving a page's address.
    static func beyondLast(page: Int, total: Int, pageSize: Int, href: (Int) -> String) -> Node {
        let pages = count(total: total, pageSize: pageSize)
        return el("p", ["class": "empty-state"]) {
            Text.pageBeyondLast(page, pages: pages) + " "
            el("a", ["href": href(pages)]) { Text.lastPageLink }
        }
    }

    /// "Pagina precedente" / "Pagina successiva"; `filter` is the rest of the query (`&a=…`).
    /// Past the last page there is no "previous" (the message links to the last).
    static func nav(path: String, page: Int, total: Int, pageSize: Int, filter: String) -> Node {
        let pages = count(total: total, pageSize: pageSize)
        return el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
            if page > 1 && page <= max(pages, 1) { el("a", ["rel": "prev", "href": "\(path)?pagina=\(page - 1)\(filter)"]) { Text.previousPage } }
            if page < pages { el("a", ["rel": "next", "href": "\(path)?pagina=\(page + 1)\(filter)"]) { Text.nextPage } }
        }
    }

    /// In a row's form on page `page` of a list: the action sends the person back to that page
    /// (`returnAddress`), not to the first.
    static func hiddenPage(_ page: Int) -> Node {
        page > 1 ? el("input", ["type": "hidden", "name": "pagina", "value": String(page)]) : .empty
    }

    /// `path` at the page a row's form came from (`hiddenPage`), with the notice of what was
    /// done; at the last page when the action emptied that one (`total` rows left, `pageSize`
    /// a page): the last row of the last page removed led to «La pagina 3 non esiste».
    /// `anchor` ("#…"): the part of the page the list is in, where it is not the page's top.
    static func returnAddress(
        _ path: String, page text: String?, notice: String, total: () throws -> Int, pageSize: Int, anchor: String = ""
    ) rethrows -> String {
        var page = number(text)
        if page > 1 { page = min(page, max(1, count(total: try total(), pageSize: pageSize))) }
        return path + "?" + (page > 1 ? "pagina=\(page)&" : "") + "avviso=" + notice + anchor
    }

    /// `path` at the page a row's form came from, unclamped: where a press recorded with its
    /// submission key sends the same press again (a retry from page 2 landed on page 1).
    static func pageAddress(_ path: String, page text: String?, anchor: String = "") -> String {
        let page = number(text)
        return (page > 1 ? path + "?pagina=\(page)" : path) + anchor
    }

    /// `nav`'s and `beyondLast`'s address of a page of a list under `path`.
    static func address(path: String, filter: String) -> (Int) -> String {
        { page in "\(path)?pagina=\(page)\(filter)" }
    }
}
