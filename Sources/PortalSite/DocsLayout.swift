import PortalCore
import PortalHTML
import PortalMarkdown

/// The frame of every documentation page: the search box and the sections of the site on
/// the left, a table of contents, the content, previous/next. Every link is relative.
struct DocsLayout {
    let outputPath: String
    let site: SiteMap
    let assets: AssetMap

    func link(_ target: String) -> String { RelativeURL.make(from: outputPath, to: target) }

    func page(
        title: String, description: String?, toc: [(MarkdownDocument.Heading, String)] = [], pager: (SitePage?, SitePage?) = (nil, nil),
        scripts: [String] = [], @NodeBuilder body: () -> Node
    ) -> Page {
        let content = body()
        var page = Page(title: title, kind: .docs(navigation: navigation), description: description) {
            el("p", ["class": "docs-jump"]) {
                // Not the contents' own title («In questa pagina»): one text, two elements.
                if !toc.isEmpty { el("a", ["href": "#" + DocsLayout.tocID]) { Text.docsJumpToContents } }
                el("a", ["href": "#" + DocsLayout.navigationID]) { Text.docsJumpToChapters }
            }
            // The contents after the text in the document, as a narrow screen shows them (a
            // wide one places them beside it, at the top, by grid row): the keyboard reaches the
            // text first wherever it is read.
            content
            if !toc.isEmpty { tableOfContents(toc) }
            if pager.0 != nil || pager.1 != nil { self.pager(pager) }
        }
        page.siteRoot = RelativeURL.root(from: outputPath)
        page.stylesheet = link(assets.path("assets/portal.css"))
        page.appScript = link(assets.path("assets/pwa.js"))
        page.scripts = scripts.map { link(assets.path($0)) }
        return page
    }

    /// With an underscore, which no heading's anchor has (`Slug`): "capitoli" was also the
    /// anchor of the manual's "## Capitoli", and its table of contents led to the sidebar.
    static let navigationID = "docs_capitoli"
    static let tocID = "docs_indice"

    var navigation: Node {
        el("nav", ["class": "docs-nav", "id": DocsLayout.navigationID, "aria-label": Text.docsNavigation]) {
            el("div", ["class": "docs-nav-inner"]) {
                // Not on the search page itself, whose own form is the page: two fields
                // «Cerca nel manuale e nell'aiuto» and two «Cerca» there were one too many.
                if outputPath != SearchPage.path {
                    el("form", ["class": "docs-search", "role": "search", "method": "get", "action": link(SearchPage.path)]) {
                        el("label", ["for": "docs-search-q", "class": "docs-search-label"]) { Text.docsSearchLabel }
                        el("input", ["type": "search", "id": "docs-search-q", "name": "q"])
                        el("button", ["type": "submit", "class": "button"]) { Text.docsSearchButton }
                    }
                }
                for section in site.sections {
                    el("p", ["class": "docs-nav-title"]) { section.title }
                    el("ul") {
                        for member in section.pages { entry(member.frontMatter.title, member.outputPath) }
                        if section.folder.isEmpty { entry(SearchPage.title, SearchPage.path) }
                    }
                }
            }
        }
    }

    func entry(_ title: String, _ target: String) -> Node {
        el("li") {
            el("a", ["href": link(target), "aria-current": target == outputPath ? "page" : nil]) { title }
        }
    }

    func tableOfContents(_ toc: [(MarkdownDocument.Heading, String)]) -> Node {
        el("nav", ["class": "toc", "id": DocsLayout.tocID, "aria-label": Text.docsOnThisPage]) {
            el("p", ["class": "toc-title"]) { Text.docsOnThisPage }
            el("ul") {
                for (heading, anchor) in toc {
                    el("li", ["class": "toc-level-\(heading.level)"]) { el("a", ["href": "#" + anchor]) { heading.text } }
                }
            }
        }
    }

    func pager(_ pages: (SitePage?, SitePage?)) -> Node {
        el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
            // Which way each goes in words too, not only the arrow (a link named only by the next
            // chapter's title was not found as «Successiva»).
            if let previous = pages.0 {
                el("a", ["rel": "prev", "href": link(previous.outputPath)]) { Text.docsPrevious + " " + previous.frontMatter.title }
            }
            if let next = pages.1 { el("a", ["rel": "next", "href": link(next.outputPath)]) { Text.docsNext + " " + next.frontMatter.title } }
        }
    }
}
