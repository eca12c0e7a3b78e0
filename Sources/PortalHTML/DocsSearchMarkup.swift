import PortalCore

/// The parts of the manual's search page ("Cerca") that show what was searched: the form and
/// the results. The site build writes them empty into `cerca.html`; portal-auth answers a
/// search made without JavaScript with that page, these parts drawn again with the words and
/// the pages found. It finds them by their exact text, so both draw them here.
public enum DocsSearchMarkup {
    public static func form(action: String, query: String) -> Node {
        el("form", ["class": "search-form", "role": "search", "method": "get", "action": action]) {
            el("label", ["for": "search-q"]) { Text.docsSearchLabel }
            el("div", ["class": "search-row"]) {
                el("input", ["type": "search", "id": "search-q", "name": "q", "value": query.isEmpty ? nil : query])
                el("button", ["type": "submit", "class": "button button--primary"]) { Text.docsSearchButton }
            }
        }
    }

    /// The status line and the list; `search-index.json`'s link and the counts' wording are for
    /// `assets/search.js`, which fills them as the words are typed. `hits` is nil before a search.
    public static func results(indexLink: String, query: String, hits: [DocsSearch.Hit]?) -> Node {
        .group {
            el("p", ["id": "search-status", "class": "search-status", "role": "status",
                     "data-index": indexLink, "data-none": Text.searchNone,
                     "data-one": Text.searchOne, "data-many": Text.searchMany, "data-no-words": Text.searchNoWords]) {
                if let hits {
                    status(query: query, count: hits.count)
                } else if !query.trimmingWhitespace().isEmpty {
                    Text.searchNoWords.replacing("{q}", with: query.trimmingWhitespace())
                }
            }
            el("ol", ["id": "search-results", "class": "search-results", "hidden": hits?.isEmpty == false ? nil : "hidden"]) {
                for hit in hits ?? [] {
                    el("li") {
                        el("a", ["href": hit.link]) { hit.title }
                        " "
                        el("span", ["class": "muted search-section"]) { hit.section }
                        el("p") { hit.excerpt }
                    }
                }
            }
        }
    }

    static func status(query: String, count: Int) -> String {
        let template = count == 0 ? Text.searchNone : count == 1 ? Text.searchOne : Text.searchMany
        return template.replacing("{n}", with: String(count)).replacing("{q}", with: query.trimmingWhitespace())
    }
}
