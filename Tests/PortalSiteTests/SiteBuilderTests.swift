import Foundation
import PortalSite
import Testing

/// A `site/` source folder under /tmp (mkdtemp), built into `www/`, removed afterwards.
private final class SiteFolder {
    let root: String

    init(_ files: [String: String]) throws {
        var template = Array("/tmp/portal-site-tests.XXXXXX".utf8CString)
        root = String(cString: try #require(mkdtemp(&template)))
        for (path, text) in files {
            let full = root + "/site/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/site/" + path))
    }

    func build() throws {
        _ = try SiteBuilder(source: root + "/site", output: root + "/www").build()
    }

    func output(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: root + "/www/" + path)), as: UTF8.self)
    }
}

@Suite("SiteBuilder")
struct SiteBuilderTests {
    @Test("a link to an existing page becomes .html, and headings get ids")
    func linksAndHeadings() throws {
        let site = try SiteFolder([
            "manuale/index.md": "---\ntitle: Manuale\norder: 1\n---\nVedi [il primo accesso](accesso.md#primo-accesso).\n",
            "manuale/accesso.md": "---\ntitle: Accesso\norder: 2\n---\n## Primo accesso\n\nTesto.\n\n### Perché la password?\n",
            "assets/portal.css": "body {}",
        ])
        try site.build()
        let index = try site.output("manuale/index.html")
        #expect(index.contains("href=\"accesso.html#primo-accesso\""))
        #expect(!index.contains("accesso.md"))
        let page = try site.output("manuale/accesso.html")
        #expect(page.contains("<h2 id=\"primo-accesso\">Primo accesso</h2>"))
        #expect(page.contains("<h3 id=\"perche-la-password\">"))
        #expect(page.contains("href=\"#primo-accesso\""))
        #expect(try !site.output("errors/404.html").isEmpty)
    }

    @Test("a link to a missing page fails, naming the file and the line")
    func missingLink() throws {
        let site = try SiteFolder(["guida.md": "---\ntitle: Guida\n---\n\nTesto.\n\nVedi [altro](mancante.md).\n"])
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.line == 7)
        #expect(error?.description.contains("guida.md:7") == true)
        #expect(error?.description.contains("mancante.md") == true)
    }

    @Test("the line is right for a link further down a paragraph")
    func missingLinkInParagraph() throws {
        let site = try SiteFolder(["guida.md": "---\ntitle: Guida\n---\nPrima riga,\nseconda riga,\nterza con [altro](mancante.md).\n"])
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.line == 6)
    }

    @Test("an image of a missing file fails")
    func missingImage() throws {
        let site = try SiteFolder(["guida.md": "---\ntitle: Guida\n---\n![Schermata](img/login.png)\n"])
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.line == 4)
        #expect(error?.message.contains("immagine") == true)
        #expect(error?.description.contains("img/login.png") == true)
    }

    @Test("an image that exists is accepted")
    func existingImage() throws {
        let site = try SiteFolder(["guida.md": "---\ntitle: Guida\n---\n![Schermata](img/login.png)\n", "img/login.png": "png"])
        try site.build()
        #expect(try site.output("guida.html").contains("src=\"img/login.png\""))
    }

    @Test("a table line shows the CSV file beside the page as a table")
    func dataTable() throws {
        let site = try SiteFolder([
            "aiuto/index.md": "---\ntitle: Aiuto\n---\n",
            "aiuto/browser.md": "---\ntitle: Browser\n---\nProvati:\n\n{{ tabella provati.csv }}\n\nFine.\n",
            "aiuto/provati.csv": "Browser,Versione\nFirefox ESR,153.8.0\nA|B , 2\n",
        ])
        try site.build()
        let page = try site.output("aiuto/browser.html")
        #expect(page.contains("<p>Provati:</p>\n<table><thead><tr><th scope=\"col\">Browser</th>"))
        #expect(page.contains("<tr><td>Firefox ESR</td><td>153.8.0</td></tr>"))
        #expect(page.contains("<td>A|B</td>"))
        #expect(!page.contains("tabella"))
    }

    @Test("a table's cells are text, escaped, and the lines after it keep their numbers")
    func dataTableEscaped() throws {
        let site = try SiteFolder([
            "browser.md": "---\ntitle: Browser\n---\n{{ tabella provati.csv }}\n\nVedi [altro](mancante.md).\n",
            "provati.csv": "Browser\n<script>alert(1)</script>\n",
        ])
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.line == 6)
        try site.write("browser.md", "---\ntitle: Browser\n---\n{{ tabella provati.csv }}\n")
        try site.build()
        #expect(try site.output("browser.html").contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
    }

    @Test("a table line naming a missing file fails with the page and the line")
    func missingDataTable() throws {
        let site = try SiteFolder(["browser.md": "---\ntitle: Browser\n---\nTesto.\n\n{{ tabella mancante.csv }}\n"])
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.line == 6)
        #expect(error?.description.contains("mancante.csv") == true)
    }

    @Test("a CSV row with more cells than headings fails")
    func unevenDataTable() throws {
        let site = try SiteFolder([
            "browser.md": "---\ntitle: Browser\n---\n{{ tabella provati.csv }}\n",
            "provati.csv": "Browser,Versione\nBlink (Chrome, Edge),156\n",
        ])
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.message.contains("riga 2: 3 celle") == true)
    }
}
