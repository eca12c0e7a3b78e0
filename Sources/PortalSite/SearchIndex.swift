import PortalCore
import PortalMarkdown

/// `search-index.json`: for every page its address (relative to the site root), title,
/// section, description, headings with their anchors and plain text. `assets/search.js`
/// searches it in the browser, so search needs no server.
enum SearchIndex {
    static let path = "search-index.json"

    struct Entry {
        let page: SitePage
        let section: String
        let headings: [(text: String, anchor: String)]
        let text: String
    }

    static func json(_ entries: [Entry]) -> String {
        let items = entries.map { entry in
            JSONValue.object([
                "url": .string(entry.page.outputPath),
                "title": .string(entry.page.frontMatter.title),
                "section": .string(entry.section),
                "description": .string(entry.page.frontMatter.description ?? ""),
                "headings": .array(entry.headings.map { .array([.string($0.text), .string($0.anchor)]) }),
                "text": .string(entry.text),
            ]).text
        }
        // The writer is compact; the index keeps its one page per line.
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
