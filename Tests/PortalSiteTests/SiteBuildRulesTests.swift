import Foundation
import PortalCore
@testable import PortalSite
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
        func build(portalLinks: [String] = []) throws -> SiteBuilder.Report {
            try SiteBuilder(source: root + "/site", output: root + "/www", portalLinks: portalLinks).build()
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

    func refused(_ extra: [String: String], _ fileAndLine: String, _ words: String) throws {
        let site = try Folder(Self.base.merging(extra) { $1 })
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.description.contains(fileAndLine) == true, "\(String(describing: error))")
        #expect(error?.message.contains(words) == true, "\(String(describing: error))")
    }

    @Test("a page or heading the portal's menus and footer link to cannot be renamed away")
    func portalLinks() throws {
        let page = { (title: String, body: String) in "---\ntitle: \(title)\n---\n\n\(body)\n" }
        let whole = Self.base.merging([
            "aiuto/contatti.md": page("Contatti", "Telefono."), "browser.md": page("Browser", "Tutti."),
            "manuale/operatori.md": page("Operatori", "Coda."),
            "manuale/problemi-accesso.md": page("Problemi di accesso", "## Accesso attraverso portale classico\n\nTesto."),
        ]) { $1 }
        try Folder(whole).build(portalLinks: PortalCore.SiteLinks.all)
        let renamed = try Folder(whole.filter { $0.key != "browser.md" }.merging(["browser-e-app.md": page("Browser e app", "Tutti.")]) { $1 })
        let error = #expect(throws: SiteError.self) { try renamed.build(portalLinks: PortalCore.SiteLinks.all) }
        #expect(error?.description.contains("browser.md") == true, "\(String(describing: error))")
        #expect(error?.message.contains("il portale collega /browser.html") == true, "\(String(describing: error))")
        #expect(renamed.output("browser-e-app.html") == nil, "nothing is published")
        let heading = try Folder(whole.merging(["manuale/problemi-accesso.md": page("Problemi di accesso", "## Portale classico\n\nTesto.")]) { $1 })
        let anchor = #expect(throws: SiteError.self) { try heading.build(portalLinks: PortalCore.SiteLinks.all) }
        #expect(anchor?.message.contains("#accesso-attraverso-portale-classico") == true, "\(String(describing: anchor))")
    }

    @Test("an absolute link outside the site's folders must be a page, a file or an address the portal answers")
    func absoluteOutsideFolders() throws {
        let link = { (url: String) in "---\ntitle: Link\n---\n\n[x](\(url))\n" }
        try refused(["aiuto/link.md": link("/privacy")], "aiuto/link.md:5", "la pagina è /privacy.html")
        try refused(["aiuto/link.md": link("/privacy#dati")], "aiuto/link.md:5", "la pagina è /privacy.html#dati")
        try refused(["aiuto/link.md": link("/dashbord")], "aiuto/link.md:5", "non esiste: /dashbord")
        try refused(["aiuto/link.md": link("/tickets")], "aiuto/link.md:5", "non esiste: /tickets")
        try refused(["aiuto/link.md": link("/errors/404.html")], "aiuto/link.md:5", "non esiste: /errors/404.html")
        try refused(["aiuto/link.md": link("/ticket/../logout")], "aiuto/link.md:5", "non esiste: /ticket/../logout")
        let fine = "---\ntitle: A\n---\n\n[l](/login), [d](/dashboard), [t](/ticket/nuovo), [p](/privacy.html), [r](/), [c](/portale-classico)\n"
        try Folder(Self.base.merging(["aiuto/a.md": fine]) { $1 }).build()
    }

    @Test("an unclosed code fence, a table whose columns do not match, a second h1 fail with their line")
    func silentlyMangledBlocks() throws {
        let page = { (body: String) in "---\ntitle: Blocchi\n---\n\n\(body)\n" }
        try refused(["aiuto/b.md": page("Testo.\n\n```\ncodice\n\n## Dopo")], "aiuto/b.md:7", "mai chiuso")
        try refused(["aiuto/b.md": page("~~~~\ncodice\n~~~\n## Dopo")], "aiuto/b.md:5", "mai chiuso: il resto della pagina")
        try refused(["aiuto/b.md": page("| Campo | Valore | Nota |\n| --- | --- |\n| a | b |")], "aiuto/b.md:6", "ha 2 colonne, l'intestazione 3")
        try refused(["aiuto/b.md": page("| Campo | Valore |\n|:--|--:|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |")], "aiuto/b.md:8", "ha 4 celle, l'intestazione 2")
        try refused(["aiuto/b.md": page("Testo.\n\n# Titolo")], "aiuto/b.md:7", "titolo di primo livello")
        let fine = page("""
            ```swift
            | a | b |
            |---|
            # non un titolo
            ```

            | Campo | Nota \\| con barra |
            | --- | --- |
            | a | b |
            | c |

            #### Dettaglio

            Vedi [dettaglio](#dettaglio). <!-- nota per chi scrive -->

            <!-- un commento su una riga sua -->
            """)
        let site = try Folder(Self.base.merging(["aiuto/b.md": fine]) { $1 })
        try site.build()
        #expect(site.output("aiuto/b.html")?.contains("<h4 id=\"dettaglio\">") == true)
        // What cmark-gfm renders well in list items, quotations and comments is no mistake.
        let nested = page("""
            - ```
              codice
              ```

            1. ```sh
               ls
               ```

            - | a | b |
              | --- | --- |
              | 1 | 2 |
            - voce | x | y | z

            | a | b |
            | --- | --- |
            | 1 | 2 |
            ## Titolo | con | pipe | tre

            <!-- nota -->\u{20}\u{20}
              <!-- nota -->
            <!-- a --><!-- b -->
            <!--
            ```
            | a | b |
            |---|
            -->

            Fine.
            """)
        try Folder(Self.base.merging(["aiuto/n.md": nested]) { $1 }).build()
        try refused(["aiuto/q.md": page("> | a | b |\n> |---|\n> | 1 | 2 |")], "aiuto/q.md:6", "ha 1 colonne, l'intestazione 2")
        try refused(["aiuto/c.md": page("<!-- nota --> testo <!-- altra -->")], "aiuto/c.md:5", "HTML non è ammesso")
    }

    @Test("a small heading of a section's words takes another anchor than the section's")
    func smallHeadingAnchors() throws {
        let page = "---\ntitle: A\n---\n\n#### Accesso\n\nx\n\n## Accesso\n\nVedi [qui](#accesso) e [là](#accesso-2).\n"
        let site = try Folder(Self.base.merging(["aiuto/a.md": page]) { $1 })
        try site.build()
        let html = try #require(site.output("aiuto/a.html"))
        #expect(html.contains("<h2 id=\"accesso\">") && html.contains("<h4 id=\"accesso-2\">"))
    }

    @Test("a file of a kind the site does not publish (an editor's notes) fails; a draft ending in ~ is skipped")
    func unpublishedKinds() throws {
        try refused(["guide/appunti.txt": "password del server", "guide/index.md": "---\ntitle: Guide\nsection: Guide\n---\nx\n"],
                    "guide/appunti.txt", "non si pubblica")
        let site = try Folder(Self.base.merging(["aiuto/bozza.md~": "appunti", "manuale/img/schema.webp": "x"]) { $1 })
        try site.build()
        #expect(site.output("manuale/img/schema.webp") != nil && site.output("aiuto/bozza.md~") == nil)
    }

    @Test("a table is a .csv file of the site: a path out of it fails the build and publishes nothing")
    func tableOutsideTheSite() throws {
        let secret = "---\ntitle: Segreto\n---\n\n{{ tabella ../../secret.csv }}\n"
        let site = try Folder(Self.base.merging(["manuale/segreto.md": secret]) { $1 })
        try Data("chiave,segreta\n1,2\n".utf8).write(to: URL(fileURLWithPath: site.root + "/secret.csv"))
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.message.contains("dentro la cartella del sito") == true)
        #expect(site.output("manuale/segreto.html") == nil)
        try refused(["manuale/chiave.md": "---\ntitle: Chiave\n---\n\n{{ tabella /etc/hostname }}\n"], "manuale/chiave.md:5", "file .csv")
    }

    @Test("raw HTML, a page named like a generated file, an upper-case .MD, an outside image fail with file and line")
    func silentlyLostPages() throws {
        try refused(["manuale/nota.md": "---\ntitle: Nota\n---\n\nPremi <kbd>Invio</kbd>.\n"], "manuale/nota.md:5", "HTML non è ammesso")
        try refused(["cerca.md": "---\ntitle: Cerca\n---\n\nTesto.\n"], "cerca.md", "rinomina la pagina")
        try refused(["manuale/Nuova.MD": "---\ntitle: Nuova\n---\n"], "manuale/Nuova.MD", "minuscolo")
        try refused(["manuale/foto.md": "---\ntitle: Foto\n---\n\n![Logo](https://example.com/logo.png)\n"], "manuale/foto.md:5", "da un altro sito")
        try refused(["manuale/ass.md": "---\ntitle: Ass\n---\n\n[Accesso](/manuale/accesso.md)\n"], "manuale/ass.md:5", "relativo a questa pagina")
        try refused(["manuale/ass.md": "---\ntitle: Ass\n---\n\n[Accesso](/manuale/acceso.html)\n"], "manuale/ass.md:5", "pagina o a un file che non esiste")
    }

    @Test("a page under a portal address, a misspelt placeholder, two titles in one group, a stray section fail the build")
    func publishedMistakes() throws {
        let page = "---\ntitle: Altra\n---\n\nTesto.\n"
        for name in ["profilo-utente.md", "ticket-urgenti.md", "tenant/index.md", "desk.md", "errors/nota.md"] {
            try refused([name: page], name, "appartiene al portale")
        }
        let contacts = "---\ntitle: Contatti\n---\n\nIl servizio ({{ fornitori }}) risponde.\n"
        try refused(["aiuto/contatti.md": contacts], "aiuto/contatti.md:5", "segnaposto sconosciuto {{ fornitori }}")
        try refused(["aiuto/contatti.md": "---\ntitle: Contatti\n---\n\n{{prodotto}}\n"], "aiuto/contatti.md:5", "{{ prodotto }}")
        // A paragraph's wrapped line with four spaces is no code block: its placeholder is checked.
        try refused(["aiuto/contatti.md": "---\ntitle: Contatti\n---\n\nRiga\n    {{ fornitori }}\n"], "aiuto/contatti.md:6", "segnaposto sconosciuto")
        try refused(["aiuto/altro.md": "---\ntitle: domande frequenti\n---\n"], "aiuto/index.md", "è anche quello di")
        try refused(["aiuto/altro.md": "---\ntitle: Altro\nsection: Altro\n---\n"], "aiuto/altro.md", "index.md della cartella")
        try refused(["novita/primo.md": "---\ntitle: Primo\n---\n"], "novita/primo.md", "non ha un index.md")
        // In code the braces are what the page shows; a table's line is the table's; the same
        // title in another group is another entry.
        let code = "---\ntitle: Segnaposti\n---\n\nScrivi `{{ nome }}`.\n\n```\n{{ x }}\n```\n\n    {{ rientrato }}\n\n~~~\n```\n{{ y }}\n~~~\n"
        let site = try Folder(Self.base.merging(["aiuto/segnaposti.md": code, "manuale/faq.md": "---\ntitle: Domande frequenti\n---\n"]) { $1 })
        try site.build()
        #expect(site.output("aiuto/segnaposti.html")?.contains("{{ nome }}") == true)
    }

    @Test("a link to a page's .html, to a folder or of a kind the site does not publish says what to write")
    func linkAdvice() throws {
        let link = { (url: String) in "---\ntitle: Link\n---\n\n[x](\(url))\n" }
        try refused(["aiuto/link.md": link("index.html")], "aiuto/link.md:5", "scrivi il nome del sorgente della pagina, index.md")
        try refused(["aiuto/link.md": link("../manuale/")], "aiuto/link.md:5", "scrivi la sua pagina, ../manuale/index.md")
        try refused(["aiuto/link.md": link("../manuale/#accesso")], "aiuto/link.md:5", "scrivi la sua pagina, ../manuale/index.md#accesso")
        try refused(["aiuto/link.md": link("javascript:alert(1)")], "aiuto/link.md:5", "tipo che il sito non pubblica")
    }

    @Test("the portal addresses a page may not take are nginx.conf's handler and internal prefixes")
    func handlerPrefixesMatchNginx() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../nginx.conf")
        let prefixes = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "location", words.count > 2, words[1] != "=", words[1] != "~" else { return nil }
            let path = words[1] == "^~" ? words[2] : words[1]
            return path == "/" || path == "/assets/" ? nil : path
        }
        #expect(prefixes.count >= 9)
        #expect(Set(prefixes) == Set(PageChecks.handlerPrefixes))
        let exact = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "location", words.count > 2, words[1] == "=", !line.contains("internal;") else { return nil }
            return words[2]
        }
        #expect(exact.count >= 10)
        #expect(Set(exact).union(["/"]) == Set(PageChecks.exactAddresses))
    }

    @Test("a link to a file outside the site folder (a table or an asset) fails the build")
    func symlinksOut() throws {
        let site = try Folder(Self.base.merging(["browser.md": "---\ntitle: Browser\n---\n\n{{ tabella prove.csv }}\n"]) { $1 })
        try Data("segreto,valore\n1,2\n".utf8).write(to: URL(fileURLWithPath: site.root + "/fuori.csv"))
        #expect(symlink(site.root + "/fuori.csv", site.root + "/site/prove.csv") == 0)
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.message.contains("fuori dalla cartella del sito") == true)
        #expect(site.output("browser.html") == nil)
    }

    @Test("absolute links into the site's folders are checked; the portal's addresses are not")
    func absoluteIntoFolders() throws {
        try refused(["manuale/a.md": "---\ntitle: A\n---\n\n[x](/manuale/guida-mancante)\n"], "manuale/a.md:5", "pagina o a un file che non esiste")
        try refused(["manuale/a.md": "---\ntitle: A\n---\n\n[x](/manuale/accesso.html#nessuna)\n"], "manuale/a.md:5", "titolo che non esiste")
        let page = "---\ntitle: A\n---\n\n[m](/manuale/), [p](/manuale/accesso.html#primo-accesso), [l](/login), [t](/ticket/nuovo)\n"
        try Folder(Self.base.merging(["manuale/a.md": page]) { $1 }).build()
    }

    @Test("a table line inside a paragraph fails; inside a code block it is text")
    func tableLines() throws {
        try refused(["browser.md": "---\ntitle: B\n---\n\nEsiti:\n{{ tabella prove.csv }}\n", "prove.csv": "a,b\n1,2\n"],
            "browser.md:6", "deve stare da sola")
        let code = "---\ntitle: B\n---\n\n```\n{{ tabella prove.csv }}\n```\n"
        let site = try Folder(Self.base.merging(["browser.md": code]) { $1 })
        try site.build()
        #expect(site.output("browser.html")?.contains("{{ tabella prove.csv }}") == true)
    }

    @Test("an output folder reached through a link into the sources is refused")
    func outputThroughLink() throws {
        let site = try Folder(Self.base)
        try FileManager.default.createDirectory(atPath: site.root + "/site/gen", withIntermediateDirectories: true)
        #expect(symlink(site.root + "/site/gen", site.root + "/uscita") == 0)
        let error = #expect(throws: SiteError.self) { try SiteBuilder(source: site.root + "/site", output: site.root + "/uscita").build() }
        #expect(error?.message.contains("dentro i sorgenti del sito") == true)
    }

    @Test("a link with %20 finds the file with a space; absolute links to pages and the portal's addresses pass")
    func encodedAndAbsoluteLinks() throws {
        let page = "---\ntitle: Spazi\n---\n\n[Nuova](nuova%20pagina.md), [Accesso](/manuale/accesso.html), [Login](/login)\n"
        let site = try Folder(Self.base.merging(["manuale/spazi.md": page, "manuale/nuova pagina.md": "---\ntitle: Nuova\n---\n"]) { $1 })
        try site.build()
        #expect(site.output("manuale/spazi.html")?.contains("href=\"nuova%20pagina.html\"") == true)
    }

    @Test("a table's words are searchable, not its placeholder")
    func tableInSearch() throws {
        let page = "---\ntitle: Browser\n---\n\n{{ tabella prove.csv }}\n"
        let site = try Folder(Self.base.merging(["browser.md": page, "prove.csv": "Motore,Esito\nWebKitGTK,superati\n"]) { $1 })
        try site.build()
        let index = try #require(site.output("search-index.json"))
        #expect(index.contains("WebKitGTK") && !index.contains("{{ tabella"))
    }

    @Test("a failed write leaves every served file as it was")
    func failedWriteChangesNothing() throws {
        let site = try Folder(Self.base)
        try site.build()
        let before = try #require(site.output("aiuto/index.html"))
        try site.write("aiuto/index.md", "---\ntitle: Domande frequenti\nsection: Aiuto\norder: 10\n---\nVedi [nuova](../manuale/nuova.md).\n")
        try site.write("manuale/nuova.md", "---\ntitle: Nuova\n---\nTesto.\n")
        try FileManager.default.createDirectory(atPath: site.root + "/www/manuale/nuova.html", withIntermediateDirectories: true)
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.message.contains("cartella con lo stesso nome") == true)
        #expect(site.output("aiuto/index.html") == before)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: site.root + "/www").filter { $0.hasSuffix(".building") }
        #expect(leftovers.isEmpty)
    }

    @Test("an output folder inside the sources is refused")
    func outputInsideSources() throws {
        let site = try Folder(Self.base)
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder(source: site.root + "/site", output: site.root + "/site/www").build()
        }
        #expect(error?.message.contains("dentro i sorgenti del sito") == true)
    }

    @Test("a link to a heading that does not exist fails with file and line")
    func missingAnchor() throws {
        let site = try Folder(Self.base.merging(["aiuto/contatti.md": "---\ntitle: Contatti\n---\n\nVedi [qui](index.md#nessuna).\n"]) { $1 })
        let error = #expect(throws: SiteError.self) { try site.build() }
        #expect(error?.description.contains("aiuto/contatti.md:5") == true)
        #expect(error?.message.contains("titolo che non esiste") == true)
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
        #expect(error?.message.contains("testo alternativo") == true)
    }

    @Test("a bad front matter fails with the line", arguments: [
        ("---\ntitle: Uno\ntitle: Due\n---\n", 3, "indicata due volte"),
        ("---\ntitle: Uno\norder: primo\n---\n", 3, "numero intero"),
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
        // A whole section removed takes its folder with it; a folder that still holds pages stays.
        try site.write("novita/index.md", "---\ntitle: Novità\n---\nTesto.\n")
        try site.build()
        #expect(site.output("novita/index.html") != nil)
        try site.remove("novita")
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.root + "/www/novita"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/www/aiuto/index.html"))
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
