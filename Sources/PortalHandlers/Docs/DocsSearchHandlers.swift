import PortalCore
import PortalHTML
import PortalHTTP

/// GET /cerca.html?q=…: nginx sends the manual's search here when it carries words, which only a
/// browser without JavaScript does (the script searches in the browser). The answer is the page
/// the site build wrote, its form and results drawn again with the words and the pages found in
/// the build's own index, so that the search works in every browser and says the same.
enum DocsSearchHandlers {
    static let page = "cerca.html"
    static let index = "search-index.json"
    /// Longer text is cut: nobody types more, and each word is looked for in every page.
    static let queryLimit = 200

    struct SiteNotBuilt: Error, CustomStringConvertible {
        let path: String
        var description: String { "the site's \(path) is missing or not the search page: build the site (portal-admin site build)" }
    }

    static func search(_ request: Request, _ context: VisitorContext) throws -> Response {
        let folder = context.services.config.siteOutput
        guard let built = readFileBytes(folder + "/" + page) else { throw SiteNotBuilt(path: folder + "/" + page) }
        guard let bytes = readFileBytes(folder + "/" + index), let search = DocsSearch(index: bytes) else {
            throw SiteNotBuilt(path: folder + "/" + index)
        }
        let query = String((request.query["q"] ?? "").prefix(queryLimit))
        let hits = DocsSearch.words(query).isEmpty ? nil : search.search(query)
        let html = String(decoding: built, as: UTF8.self)
        let emptyForm = DocsSearchMarkup.form(action: page, query: "").html
        let emptyResults = DocsSearchMarkup.results(indexLink: index, query: "", hits: nil).html
        guard html.contains(emptyForm), html.contains(emptyResults) else { throw SiteNotBuilt(path: folder + "/" + page) }
        let answer = html
            .replacing(emptyForm, with: DocsSearchMarkup.form(action: page, query: query).html)
            .replacing(emptyResults, with: DocsSearchMarkup.results(indexLink: index, query: query, hits: hits).html)
        return Response.html(answer)
    }
}
