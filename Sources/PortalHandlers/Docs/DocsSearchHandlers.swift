import Glibc
import PortalCore
import PortalHTML
import PortalHTTP
import Synchronization

/// GET /cerca.html?q=…: nginx sends the manual's search here when it carries words (a browser
/// without JavaScript, or a reload of the address the script writes as words are typed). The
/// answer is the page the site build wrote, its form and results drawn again with the words and
/// the pages found in the build's own index, so that the search works in every browser and
/// says the same.
enum DocsSearchHandlers {
    static let page = "cerca.html"
    static let index = "search-index.json"
    /// Longer text is cut: nobody types more, and each word is looked for in every page.
    static let queryLimit = 200

    struct SiteNotBuilt: Error, CustomStringConvertible {
        let path: String
        var description: String { "the site's \(path) is missing or not the search page: build the site (portal-admin site build)" }
    }

    /// The built page and its index as read, with the empty parts a search fills in. Kept while
    /// both files are the ones read (the site is rebuilt in place by `portal-admin site build`):
    /// each search read both files, parsed 100 KB of index and split every page into words.
    struct Built: Sendable {
        let stamp: [Int]
        let html: String
        let search: DocsSearch
        let emptyForm: String
        let emptyResults: String
    }

    private static let kept = Mutex<Built?>(nil)

    static func search(_ request: Request, _ context: VisitorContext) throws -> Response {
        let built = try current(folder: context.services.config.siteOutput)
        let query = String((request.query["q"] ?? "").prefix(queryLimit))
        // No word the index knows: none found when the text has letters or digits of other
        // alphabets («ß», «日本»), nothing to look for when it has none («?!»).
        let hits = DocsSearch.words(query).isEmpty
            ? (query.contains { $0.isLetter || $0.isNumber } ? [] : nil) : built.search.search(query)
        let answer = built.html
            .replacing(built.emptyForm, with: DocsSearchMarkup.form(action: page, query: query).html)
            .replacing(built.emptyResults, with: DocsSearchMarkup.results(indexLink: index, query: query, hits: hits).html)
        return Response.html(answer)
    }

    /// The kept copy, read again when either file changed (or was replaced) since.
    static func current(folder: String) throws -> Built {
        let pagePath = folder + "/" + page, indexPath = folder + "/" + index
        let stamp = (fileStamp(pagePath) ?? []) + (fileStamp(indexPath) ?? [])
        if let built = kept.withLock({ $0 }), built.stamp == stamp, !stamp.isEmpty { return built }
        guard let pageBytes = readFileBytes(pagePath) else { throw SiteNotBuilt(path: pagePath) }
        guard let indexBytes = readFileBytes(indexPath), let search = DocsSearch(index: indexBytes) else {
            throw SiteNotBuilt(path: indexPath)
        }
        let html = String(decoding: pageBytes, as: UTF8.self)
        let emptyForm = DocsSearchMarkup.form(action: page, query: "").html
        let emptyResults = DocsSearchMarkup.results(indexLink: index, query: "", hits: nil).html
        guard html.contains(emptyForm), html.contains(emptyResults) else { throw SiteNotBuilt(path: pagePath) }
        let built = Built(stamp: stamp, html: html, search: search, emptyForm: emptyForm, emptyResults: emptyResults)
        kept.withLock { $0 = built }
        return built
    }

    /// What tells a file written again: its inode, size and modification time.
    static func fileStamp(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }
}
