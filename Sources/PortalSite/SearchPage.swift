import PortalCore
import PortalHTML

/// `cerca.html`: a search form over the manual and the help, and the list of every page.
/// Without JavaScript the form leads here and the list is the answer; with it,
/// `assets/search.js` reads the index the build wrote and shows the matching pages first.
enum SearchPage {
    static let path = "cerca.html"
    static let title = Text.searchTitle
    static let script = "assets/search.js"

    static func render(site: SiteMap, assets: AssetMap) -> String {
        let layout = DocsLayout(outputPath: path, site: site, assets: assets)
        return layout.page(title: title, description: Text.searchDescription, scripts: [script]) {
            el("article", ["class": "prose search"]) {
                el("h1", ["class": "page-title"]) { title }
                el("p") { Text.searchIntro }
                el("form", ["class": "search-form", "role": "search", "method": "get", "action": layout.link(path)]) {
                    el("label", ["for": "search-q"]) { Text.docsSearchLabel }
                    el("div", ["class": "search-row"]) {
                        el("input", ["type": "search", "id": "search-q", "name": "q"])
                        el("button", ["type": "submit", "class": "button button--primary"]) { Text.docsSearchButton }
                    }
                }
                // Filled by the script; the counts' wording comes from the catalogue.
                el("p", ["id": "search-status", "class": "search-status", "role": "status",
                         "data-index": layout.link(SearchIndex.path), "data-none": Text.searchNone,
                         "data-one": Text.searchOne, "data-many": Text.searchMany]) {}
                el("ol", ["id": "search-results", "class": "search-results", "hidden": "hidden"]) {}
                // Without the script the words typed find nothing here: said, not left to guess.
                el("noscript") { el("p", ["class": "notice"]) { Text.searchNoScript } }
                el("h2", ["id": "all-pages"]) { Text.searchAllPages }
                for section in site.sections {
                    el("h3") { section.title }
                    el("ul", ["class": "page-list"]) {
                        for page in section.pages {
                            el("li") {
                                el("a", ["href": layout.link(page.outputPath)]) { page.frontMatter.title }
                                if let description = page.frontMatter.description {
                                    el("span", ["class": "muted"]) { ": " + description }
                                }
                            }
                        }
                    }
                }
            }
        }.render()
    }
}
