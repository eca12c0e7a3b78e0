import PortalCore
import PortalHTML

/// `cerca.html`: a search form over the manual and the help, and the list of every page.
/// With JavaScript, `assets/search.js` reads the index the build wrote and shows the matching
/// pages as the words are typed; without it, nginx hands `cerca.html?q=…` to portal-auth
/// (`DocsSearchHandlers`), which answers this page with the same parts filled.
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
                DocsSearchMarkup.form(action: layout.link(path), query: "")
                DocsSearchMarkup.results(indexLink: layout.link(SearchIndex.path), query: "", hits: nil)
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
