@testable import PortalCore
import Testing

/// The manual's search without JavaScript: the rules of `site/assets/search.js`.
@Suite("DocsSearch")
struct DocsSearchTests {
    static let index = """
        [
        {"url":"manuale/accesso.html","title":"Accesso al portale","section":"Manuale","description":"Come si entra",\
        "headings":[["Dispositivo sicuro","dispositivo-sicuro"],["Password dimenticata","password-dimenticata"]],\
        "text":"Per entrare scrivi e-mail e password, poi il codice. Spunta Dispositivo sicuro per non ricevere il codice ogni volta."},
        {"url":"manuale/richieste.html","title":"Richieste di assistenza","section":"Manuale","description":"",\
        "headings":[["Quando una richiesta è «Bloccante»","bloccante"]],\
        "text":"Una richiesta bloccante ferma il lavoro. Perché indicarla? Il supporto la prende in carico prima. Accesso negato al gestionale."},
        {"url":"aiuto/contatti.html","title":"Contatti","section":"Aiuto","description":"",\
        "headings":[],"text":"Scrivi all'assistenza."}
        ]
        """

    static var search: DocsSearch { DocsSearch(index: Array(index.utf8))! }

    @Test("words are folded: case and accents aside, split at anything but letters and digits")
    func words() {
        #expect(DocsSearch.words("Perché l'ÀNCORA, e-mail 2FA") == ["perche", "l", "ancora", "e", "mail", "2fa"])
        // A decomposed accent (e + U+0301) folds as the composed one.
        #expect(DocsSearch.words("perche\u{301}") == ["perche"])
        #expect(DocsSearch.words("  ,;  ").isEmpty)
        #expect(DocsSearch.words("Øresund straße").isEmpty == false)
    }

    @Test("every word must be in a page, from a word's start; the title weighs most")
    func ranking() {
        let search = Self.search
        #expect(search.search("blocc").map(\.title) == ["Richieste di assistenza › Quando una richiesta è «Bloccante»"])
        #expect(search.search("blocc").first?.link == "manuale/richieste.html#bloccante")
        #expect(search.search("locc").isEmpty, "a word is found from its start only")
        #expect(search.search("PERCHE bloccante").count == 1)
        #expect(search.search("bloccante contatti").isEmpty)
        // "accesso" is the first page's title and the second's text.
        #expect(search.search("accesso").map(\.link) == ["manuale/accesso.html", "manuale/richieste.html"])
        #expect(search.search("dispositivo sicuro").first?.link == "manuale/accesso.html#dispositivo-sicuro")
        #expect(search.search("  ").isEmpty)
        #expect(search.search("assistenza").map(\.section) == ["Manuale", "Aiuto"])
    }

    @Test("the excerpt is the text around the first word found, cut at spaces")
    func excerpt() {
        let text = String(repeating: "parola ", count: 30) + "bloccante " + String(repeating: "altro ", count: 40)
        let excerpt = DocsSearch.excerpt(text, ["bloccante"])
        #expect(excerpt.hasPrefix("… parola"))
        #expect(excerpt.hasSuffix(" …"))
        #expect(excerpt.contains("bloccante"))
        #expect(excerpt.count < 200)
        #expect(DocsSearch.excerpt("Corto e bloccante", ["blocc"]) == "Corto e bloccante")
        #expect(DocsSearch.excerpt(String(repeating: "x", count: 300), ["nulla"]).count == 160)
    }

    @Test("an index of another shape is refused, not half read")
    func refusesOtherShapes() {
        #expect(DocsSearch(index: Array("{}".utf8)) == nil)
        #expect(DocsSearch(index: Array(#"[{"url":"a.html"}]"#.utf8)) == nil)
        #expect(DocsSearch(index: Array("[".utf8)) == nil)
        #expect(DocsSearch(index: Array("[]".utf8))?.pages.isEmpty == true)
    }
}
