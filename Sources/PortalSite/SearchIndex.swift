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
            JSONText.object([
                ("url", JSONText.string(entry.page.outputPath)),
                ("title", JSONText.string(entry.page.frontMatter.title)),
                ("section", JSONText.string(entry.section)),
                ("description", JSONText.string(entry.page.frontMatter.description ?? "")),
                ("headings", "[" + entry.headings.map { JSONText.array([$0.text, $0.anchor]) }.joined(separator: ",") + "]"),
                ("text", JSONText.string(entry.text)),
            ])
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
