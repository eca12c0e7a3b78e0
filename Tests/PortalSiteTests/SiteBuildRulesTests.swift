import Foundation
import PortalSite
import Testing

/// The rules an admin editing `site/` meets: what fails the build, with which file and line,
/// and what a good build writes (search index, navigation, app files).
@Suite("SiteBuilder rules")
struct SiteBuildRulesTests {
    final class Folder {
        let root: String

        init(_ files: [String: String]) throws {
            var template = Array("/tmp/portal-site-rules.XXXXXX".utf8CString)
            root = String(cString: try #require(mkdtemp(&template)))
            for (path, text) in files { try write(path, text) }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ path: String, _ text: String) throws {
            let full = root + "/site/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }

        func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: root + "/site/" + path) }

        @discardableResult
        func build() throws -> SiteBuilder.Report {
            try SiteBuilder(source: root + "/site", output: root + "/www").build()
        }

        func output(_ path: String) -> String? {
            FileManager.default.contents(atPath: root + "/www/" + path).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    static let base = [
        "manuale/index.md": "---\ntitle: Manuale utente\norder: 0\n---\nVedi [accesso](accesso.md#primo-accesso).\n",
        "manuale/accesso.md": "---\ntitle: Accesso\norder: 1\ndescription: Entrare nel portale\n---\n## Primo accesso\n\nLa parola bloccante.\n",
        "aiuto/index.md": "---\ntitle: Domande frequenti\nsection: Aiuto\norder: 10\n---\n## Allegati\n\nAl massimo 4 MB.\n",
        "privacy.md": "---\ntitle: Informativa Privacy\norder: 90\n---\nTesto.\n",
        "assets/portal.css": "body {}",
        "assets/pwa.js": "'use strict';",
        "sw.js": "const VERSION = '__VERSION__'; const PRECACHE = __PRECACHE__; const LAZY = __LAZY__;",
    ]

    @Test("a link to a heading that does not exist fails with file and line")
    func missingAnchor() throws {
        let site = try Folder(Self.base.merging(["aiuto/contatti.md": "---\ntitle: Contatti\n---\n\nVedi [qui](index.md#nessuna).\n"]) { $1 })
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.description.contains("aiuto/contatti.md:5") == true)
        #expect(error?.message.contains("missing heading") == true)
    }

    @Test("a same-page anchor is checked too")
    func samePageAnchor() throws {
        let site = try Folder(Self.base.merging(["aiuto/contatti.md": "---\ntitle: Contatti\n---\n## Orari\n\n[su](#orari) e [giù](#mai)\n"]) { $1 })
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.line == 6)
        #expect(error?.message.contains("#mai") == true)
    }

    @Test("an image without alternative text fails")
    func imageWithoutAlt() throws {
        let site = try Folder(Self.base.merging(["guida.md": "---\ntitle: Guida\n---\n![](img.png)\n", "img.png": "png"]) { $1 })
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.description.contains("guida.md:4") == true)
        #expect(error?.message.contains("alternative text") == true)
    }

    @Test("a bad front matter fails with the line", arguments: [
        ("---\ntitle: Uno\ntitle: Due\n---\n", 3, "given twice"),
        ("---\ntitle: Uno\norder: primo\n---\n", 3, "whole number"),
    ])
    func badFrontMatter(text: String, line: Int, message: String) throws {
        let site = try Folder(Self.base.merging(["guida.md": text]) { $1 })
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.file == "guida.md")
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true)
    }

    @Test("a failed build leaves the served site as it was")
    func failedBuildWritesNothing() throws {
        let site = try Folder(Self.base)
        try site.build()
        let before = try #require(site.output("privacy.html"))
        try site.write("privacy.md", "---\ntitle: Informativa cambiata\n---\nVedi [altro](mancante.md).\n")
        #expect(throws: SiteError.self) { try site.build() }
        #expect(site.output("privacy.html") == before)
    }

    @Test("a removed page disappears from the output at the next build")
    func removedPage() throws {
        let site = try Folder(Self.base.merging(["aiuto/contatti.md": "---\ntitle: Contatti\n---\nTesto.\n"]) { $1 })
        try site.build()
        #expect(site.output("aiuto/contatti.html") != nil)
        try site.remove("aiuto/contatti.md")
        try site.build()
        #expect(site.output("aiuto/contatti.html") == nil)
        #expect(site.output("privacy.html") != nil)
    }

    @Test("every page lists every section, links relatively and uses fingerprinted assets")
    func navigation() throws {
        let site = try Folder(Self.base)
        try site.build()
        let page = try #require(site.output("manuale/accesso.html"))
        for link in ["href=\"index.html\"", "href=\"../aiuto/index.html\"", "href=\"../privacy.html\"", "action=\"../cerca.html\""] {
            #expect(page.contains(link), "missing \(link)")
        }
        #expect(page.contains("<p class=\"docs-nav-title\">Aiuto</p>"))
        #expect(page.contains("href=\"accesso.html\" aria-current=\"page\""))
        #expect(page.range(of: #"href="\.\./assets/portal\.[0-9a-f]{8}\.css""#, options: .regularExpression) != nil)
        #expect(page.range(of: #"src="\.\./assets/pwa\.[0-9a-f]{8}\.js""#, options: .regularExpression) != nil)
        #expect(page.contains("href=\"../manifest.webmanifest\""))
        #expect(page.contains("rel=\"prev\" href=\"index.html\""))
        let errorPage = try #require(site.output("errors/404.html"))
        #expect(errorPage.range(of: #"href="/assets/portal\.[0-9a-f]{8}\.css""#, options: .regularExpression) != nil)
    }

    @Test("the search index has every page with its headings and text")
    func searchIndex() throws {
        let site = try Folder(Self.base)
        try site.build()
        let json = try #require(site.output("search-index.json"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["url"] as? String }) == [
            "manuale/index.html", "manuale/accesso.html", "aiuto/index.html", "privacy.html",
        ])
        let access = try #require(entries.first { $0["url"] as? String == "manuale/accesso.html" })
        #expect(access["section"] as? String == "Manuale utente")
        #expect(access["description"] as? String == "Entrare nel portale")
        #expect((access["headings"] as? [[String]]) == [["Primo accesso", "primo-accesso"]])
        #expect((access["text"] as? String)?.contains("bloccante") == true)
        let search = try #require(site.output("cerca.html"))
        #expect(search.contains("data-index=\"search-index.json\""))
        #expect(search.contains("href=\"manuale/accesso.html\""), "without JavaScript the page lists every page")
    }

    @Test("the service worker gets a version that changes with the site")
    func serviceWorkerVersion() throws {
        let site = try Folder(Self.base)
        try site.build()
        let first = try #require(site.output("sw.js"))
        #expect(!first.contains("__VERSION__"))
        #expect(first.contains("\"manuale/accesso.html\""))
        try site.write("privacy.md", "---\ntitle: Informativa Privacy\norder: 90\n---\nTesto nuovo.\n")
        try site.build()
        #expect(try #require(site.output("sw.js")) != first)
        let manifest = try #require(site.output("manifest.webmanifest"))
        #expect(manifest.contains("\"display\":\"standalone\""))
    }
}
