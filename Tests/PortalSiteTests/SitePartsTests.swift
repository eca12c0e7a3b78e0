@testable import PortalSite
import Testing

@Suite("RelativeURL")
struct RelativeURLTests {
    @Test("links between built files are relative to the page that holds them", arguments: [
        ("manuale/accesso.html", "manuale/dashboard.html", "dashboard.html"),
        ("manuale/accesso.html", "aiuto/index.html", "../aiuto/index.html"),
        ("manuale/accesso.html", "privacy.html", "../privacy.html"),
        ("cerca.html", "manuale/index.html", "manuale/index.html"),
        ("a/b/pagina.html", "a/c/altra.html", "../c/altra.html"),
        ("manuale/accesso.html", "manuale/accesso.html", "accesso.html"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(RelativeURL.make(from: from, to: to) == expected)
    }

    @Test("the root prefix climbs one level per folder")
    func root() {
        #expect(RelativeURL.root(from: "privacy.html") == "")
        #expect(RelativeURL.root(from: "manuale/accesso.html") == "../")
        #expect(RelativeURL.root(from: "a/b/c.html") == "../../")
    }
}

@Suite("SearchIndex")
struct SearchIndexTests {
    @Test("one page per line, escaped so that no text can close the script element it is put in")
    func layout() {
        let page = SitePage(
            sourcePath: "manuale/ordini.md",
            frontMatter: FrontMatter(title: "Ordini </script> & \"DDT\"", order: 1, description: nil, section: nil),
            markdown: "", bodyLine: 5)
        let json = SearchIndex.json([
            .init(page: page, section: "Manuale", headings: [(text: "Riga\u{2028}nuova", anchor: "riga")], text: "a\nb\u{1}"),
            .init(page: page, section: "Manuale", headings: [], text: "perché «Bloccante»"),
        ])
        #expect(json == #"""
            [
            {"url":"manuale/ordini.html","title":"Ordini \u003c/script\u003e \u0026 \"DDT\"","section":"Manuale","description":"","headings":[["Riga\u2028nuova","riga"]],"text":"a\nb\u0001"},
            {"url":"manuale/ordini.html","title":"Ordini \u003c/script\u003e \u0026 \"DDT\"","section":"Manuale","description":"","headings":[],"text":"perché «Bloccante»"}
            ]

            """#)
    }
}

@Suite("SiteMap")
struct SiteMapTests {
    static func page(_ path: String, _ title: String, order: Int, section: String? = nil) -> SitePage {
        SitePage(
            sourcePath: path, frontMatter: FrontMatter(title: title, order: order, description: nil, section: section),
            markdown: "", bodyLine: 5)
    }

    @Test("sections follow their index page's order; top-level pages come last")
    func sections() {
        let site = SiteMap(pages: [
            Self.page("privacy.md", "Privacy", order: 90),
            Self.page("aiuto/index.md", "Domande frequenti", order: 10, section: "Aiuto"),
            Self.page("manuale/accesso.md", "Accesso", order: 1),
            Self.page("manuale/index.md", "Manuale utente", order: 0),
            Self.page("aiuto/contatti.md", "Contatti", order: 20),
        ])
        #expect(site.sections.map(\.title) == ["Manuale utente", "Aiuto", "Informazioni"])
        #expect(site.sections[1].pages.map(\.frontMatter.title) == ["Domande frequenti", "Contatti"])
        let (previous, next) = site.neighbours(of: Self.page("manuale/accesso.md", "Accesso", order: 1))
        #expect(previous?.sourcePath == "manuale/index.md")
        #expect(next == nil)
    }
}

@Suite("ServiceWorkerFile")
struct ServiceWorkerFileTests {
    @Test("lists only the static site: no error pages, no worker, images fetched lazily")
    func lists() {
        let (precache, lazy) = ServiceWorkerFile.lists(of: [
            "assets/portal.css", "assets/portal.0123abcd.css", "assets/icon-192.png", "errors/404.html",
            "manuale/img/login.png", "manuale/index.html", "privacy.html", "search-index.json", "sw.js", ".site-files",
        ])
        #expect(precache == [
            "assets/portal.0123abcd.css", "assets/icon-192.png", "manuale/index.html", "manuale/", "privacy.html",
            "search-index.json",
        ])
        #expect(lazy == ["assets/portal.css", "manuale/img/login.png"])
    }

    @Test("the template must carry every placeholder")
    func placeholders() throws {
        let text = try ServiceWorkerFile.render(
            template: "v='__VERSION__';p=__PRECACHE__;l=__LAZY__;", version: "abc", precache: ["a.html"], lazy: [])
        #expect(text == "v='abc';p=[\"a.html\"];l=[];")
        #expect(throws: SiteError.self) { try ServiceWorkerFile.render(template: "nothing", version: "", precache: [], lazy: []) }
    }
}
