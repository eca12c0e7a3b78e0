import PortalCore
import PortalHTML
import PortalMarkdown

/// A documentation page: chapter list, table of contents, the article, previous/next.
struct DocsLayout {
    let source: SitePage
    let siblings: [SitePage]
    let headings: [MarkdownDocument.Heading]
    let article: String

    func makePage() -> Page {
        let index = siblings.firstIndex { $0.sourcePath == source.sourcePath }
        let previous = index.flatMap { $0 > 0 ? siblings[$0 - 1] : nil }
        let next = index.flatMap { $0 + 1 < siblings.count ? siblings[$0 + 1] : nil }
        let navigation = el("nav", ["class": "docs-nav", "aria-label": Text.docsChapters]) {
            el("ul") {
                for sibling in siblings {
                    el("li") {
                        el("a", ["href": sibling.url, "aria-current": sibling.sourcePath == source.sourcePath ? "page" : nil]) {
                            sibling.frontMatter.title
                        }
                    }
                }
            }
        }
        let anchors = HeadingAnchors.anchors(for: headings)
        return Page(title: source.frontMatter.title, kind: .docs(navigation: navigation), description: source.frontMatter.description) {
            if !headings.isEmpty {
                el("nav", ["class": "toc", "aria-label": Text.docsOnThisPage]) {
                    el("p", ["class": "toc-title"]) { Text.docsOnThisPage }
                    el("ul") {
                        for (heading, anchor) in zip(headings, anchors) {
                            el("li", ["class": "toc-level-\(heading.level)"]) { el("a", ["href": "#" + anchor]) { heading.text } }
                        }
                    }
                }
            }
            el("article", ["class": "prose"]) {
                el("h1", ["class": "page-title"]) { source.frontMatter.title }
                Node.trusted(TrustedHTML(article))
            }
            if previous != nil || next != nil {
                el("nav", ["class": "pager", "aria-label": Text.docsPager]) {
                    if let previous { el("a", ["rel": "prev", "href": previous.url]) { "← " + previous.frontMatter.title } }
                    if let next { el("a", ["rel": "next", "href": next.url]) { next.frontMatter.title + " →" } }
                }
            }
        }
    }
}
