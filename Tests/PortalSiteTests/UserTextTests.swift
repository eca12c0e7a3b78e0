import Foundation
import PortalMarkdown
import Testing

/// What customers and operators write: stored as Markdown, rendered with the allowlist, read
/// as plain text in e-mails and lists, and plain text from a text area kept as typed.
@Suite("Ticket messages: allowlist, plain text, escaping")
struct UserTextTests {
    @Test("XSS payloads never become markup, links or sources", arguments: [
        "<script>alert(1)</script>",
        "Testo <script>alert(1)</script> dopo",
        "<img src=x onerror=alert(1)>",
        "<div onclick=\"alert(1)\">clic</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](  javascript:alert(1))",
        "[x](vbscript:msgbox)", "[x](data:text/html,<script>alert(1)</script>)", "[x](file:///etc/passwd)",
        "<javascript:alert(1)>", "![x](javascript:alert(1))", "![x](https://tracker.example/pixel.png)",
        "<svg onload=alert(1)>", "<iframe src=https://evil.example></iframe>", "<style>body{display:none}</style>",
        "[x](https://ok.example \"titolo\" onmouseover=alert(1))", "`<script>` e <b>grassetto</b>",
    ])
    func xss(_ markdown: String) {
        let html = Markdown.renderUserText(markdown)
        for tag in UserTextTests.tags(in: html) {
            #expect(UserTextTests.allowedTags.contains(tag.name), "tag \(tag.name) in \(html)")
            for (name, value) in tag.attributes {
                #expect(tag.name == "a" && name == "href" || tag.name == "ol" && name == "start", "attribute \(name) in \(html)")
                if name == "href" { #expect(value.isEmpty || ["http:", "https:", "mailto:"].contains { value.hasPrefix($0) }) }
            }
        }
        #expect(!html.contains("raw HTML omitted"), "typed HTML is shown as text, not dropped")
    }

    @Test("a link to an address of another kind keeps its words, not an empty link")
    func refusedLinksBecomeText() {
        #expect(Markdown.renderUserText("Premi [qui](javascript:alert(1)) e poi **[salva](data:x)**.")
            == "<p>Premi qui e poi <strong>salva</strong>.</p>\n")
        #expect(Markdown.renderUserText("[manuale](https://esempio.it/manuale)") == "<p><a href=\"https://esempio.it/manuale\">manuale</a></p>\n")
    }

    static let allowedTags: Set = [
        "p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "a", "del", "blockquote", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    ]

    /// Every element the browser would build from the HTML: its name and attributes.
    static func tags(in html: String) -> [(name: String, attributes: [(String, String)])] {
        var result: [(String, [(String, String)])] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter, let close = rest.firstIndex(of: ">") else { continue }
            let inside = rest[..<close].trimmingCharacters(in: ["/", " "])
            let parts = inside.split(separator: " ", maxSplits: 1)
            var attributes: [(String, String)] = []
            if parts.count == 2 {
                var text = Substring(parts[1])
                while let equals = text.firstIndex(of: "=") {
                    let name = text[..<equals].trimmingCharacters(in: [" "])
                    text = text[text.index(after: equals)...].dropFirst()  // the opening quote: cmark always quotes
                    let end = text.firstIndex(of: "\"") ?? text.endIndex
                    attributes.append((String(name), String(text[..<end])))
                    text = end < text.endIndex ? text[text.index(after: end)...] : ""
                }
            }
            result.append((String(parts[0]).lowercased(), attributes))
        }
        return result
    }

    @Test("typed HTML is shown as text, inline code escaped once")
    func typedHTMLShown() {
        #expect(Markdown.renderUserText("Errore `<script>` qui") == "<p>Errore <code>&lt;script&gt;</code> qui</p>\n")
        #expect(Markdown.renderUserText("Tag <b>x</b>") == "<p>Tag &lt;b&gt;x&lt;/b&gt;</p>\n")
        #expect(Markdown.renderUserText("<div>\nriga\n</div>") == "<p>&lt;div&gt;<br />\nriga<br />\n&lt;/div&gt;</p>\n")
    }

    @Test("web and mail links stay; an image becomes a link to it")
    func links() {
        #expect(Markdown.renderUserText("[sito](https://example.it) e [mail](mailto:a@b.it)")
            == "<p><a href=\"https://example.it\">sito</a> e <a href=\"mailto:a@b.it\">mail</a></p>\n")
        #expect(Markdown.renderUserText("![schema](https://example.it/s.png)") == "<p><a href=\"https://example.it/s.png\">schema</a></p>\n")
    }

    @Test("plain text for e-mails: no markup, lists kept, a link's address after its text")
    func plainText() {
        let text = MessageText.plain("**Buongiorno**, apro la *consolle*:\n\n- uno\n- [due](https://x.it)\n\n`<script>`")
        #expect(text == "Buongiorno, apro la consolle:\n\n  - uno\n  - due (https://x.it)\n\n<script>")
        #expect(MessageText.firstLine("**Buongiorno**, apro la *consolle* [qui](https://x.it)\naltro") == "Buongiorno, apro la consolle qui")
        #expect(MessageText.firstLine("- voce\n- altra") == "- voce")
    }

    @Test("the first line is the first with something on it, without its leading spaces, at most 200 characters")
    func firstLineRules() {
        #expect(MessageText.firstLine("") == "")
        #expect(MessageText.firstLine("\n\n   \n") == "")
        #expect(MessageText.firstLine("    codice\n\naltro") == "codice")
        #expect(MessageText.firstLine("```\n\n   rientrato\n```") == "rientrato")
        #expect(MessageText.firstLine(String(repeating: "è", count: 250) + "\nfine") == String(repeating: "è", count: 200))
    }

    @Test("a greeting alone on its line is passed over for the line after it, kept when nothing follows")
    func firstLineSkipsTheGreeting() {
        #expect(MessageText.firstLine("Buongiorno,\nil gestionale non parte.\n\nGrazie.") == "il gestionale non parte.")
        #expect(MessageText.firstLine("Gentile assistenza,\n\n**la stampa** si blocca") == "la stampa si blocca")
        #expect(MessageText.firstLine("Salve!\nerrore 42") == "errore 42")
        #expect(MessageText.firstLine("Buongiorno, il gestionale non parte.\naltro") == "Buongiorno, il gestionale non parte.")
        #expect(MessageText.firstLine("Buongiorno,") == "Buongiorno,")
        #expect(MessageText.firstLine("Buongiorno,\nGrazie,\nfine") == "Grazie,", "one greeting only is passed over")
        #expect(MessageText.firstLine("Quando apro la contabilità generale del mese scorso,\naltro")
            == "Quando apro la contabilità generale del mese scorso,", "a long line ending with a comma is not a greeting")
        #expect(MessageText.firstLine("Da ieri mattina,\nla stampa non va") == "Da ieri mattina,", "only greetings")
        #expect(MessageText.firstLine("Spett.le NTS Informatica,\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Alla cortese attenzione dell'assistenza,\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Buongiorno a tutti,\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Ciao\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Salve a tutti!\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Buongiorno! La stampante non stampa!\naltro") == "Buongiorno! La stampante non stampa!")
        #expect(MessageText.firstLine("Salve a tutti, non stampa!\naltro") == "Salve a tutti, non stampa!")
        #expect(MessageText.firstLine("Ciao non va niente!\naltro") == "Ciao non va niente!", "an exclamation, not a greeting")
        #expect(MessageText.firstLine("Buongiorno, Giulia,\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Buongiorno, gentile assistenza,\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Ciao Marco!\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("Spett.le NTS,\nla stampa non va") == "la stampa non va")
        #expect(MessageText.firstLine("\\*\\*Buongiorno,\\*\\*\n\nla PEC non arriva.") == "la PEC non arriva.", "marks typed as text")
    }

    @Test("typed HTML reaches the plain text as typed, as the page shows it")
    func plainTextKeepsTypedHTML() {
        #expect(MessageText.plain("Risposta <b>operatore</b> \"><script>x</script>") == "Risposta <b>operatore</b> \"><script>x</script>")
        #expect(MessageText.plain("usa il tag <br> qui") == "usa il tag <br> qui")
        #expect(MessageText.plain("<div>\nblocco\n</div>") == "<div>\nblocco\n</div>")
    }

    @Test("plain text escaped into Markdown shows exactly what was typed", arguments: [
        "*non corsivo* e **non grassetto** e _nemmeno_",
        "1. non un elenco\n2) neanche\n- né questo\n+ né questo",
        "# non un titolo\n> non una citazione",
        "<b>non un tag</b> & &amp; `non codice` [non](un link) ![no](x.png)",
        "riga\n---\n===",
        "C:\\Programmi\\Gestionale ~~non barrato~~ | a | b |",
        "10.0.0.12 e 3.5 e 2024.",
        "12. dodici\n3) tre\n42)\nriga 1. a metà\n1a. non un numero\n-\n+",
    ])
    func escaping(_ typed: String) {
        let shown = MessageText.plain(Markdown.escape(typed))
        #expect(shown == typed)
        let html = Markdown.renderUserText(Markdown.escape(typed))
        for tag in ["<em>", "<strong>", "<ol", "<ul", "<h1", "<blockquote", "<code>", "<a ", "<del>", "<table", "<hr"] {
            #expect(!html.contains(tag), "\(tag) in \(html)")
        }
        #expect(MessageText.plain(Markdown.escapeTyped(typed)) == typed)
    }

    @Test("a web address typed or e-mailed stays the link it was, shown as typed, without the punctuation after it", arguments: [
        ("Link: https://example.com/a_b_c?x=1&y=2", "https://example.com/a_b_c?x=1&y=2"),
        ("vedi https://example.com/guida_utente.html#stampa_fattura.", "https://example.com/guida_utente.html#stampa_fattura"),
        ("(https://it.wikipedia.org/wiki/Ruby_(linguaggio)) fine", "https://it.wikipedia.org/wiki/Ruby_(linguaggio)"),
        ("Get Outlook for Android<https://aka.ms/AAb9ysg>", "https://aka.ms/AAb9ysg"),
        ("HTTPS://EXAMPLE.COM/~utente/*x*", "HTTPS://EXAMPLE.COM/~utente/*x"),
        // A phone capitalises a line's first letter; cmark reads the scheme in any case.
        ("Https://example.com/a_b?x=1&y=2", "Https://example.com/a_b?x=1&y=2"),
        // cmark reads only ASCII letters before "://" as the scheme.
        ("1https://x.com/a_b", "https://x.com/a_b"),
        ("èhttps://x.com/a_b", "https://x.com/a_b"),
        ("vedi www.example.com/guida_utente.html#stampa_fattura.", "http://www.example.com/guida_utente.html#stampa_fattura"),
        ("(www.example.com/a_b)", "http://www.example.com/a_b"),
    ])
    func addresses(_ typed: String, _ address: String) {
        let stored = Markdown.escapeTyped(typed)
        let html = Markdown.renderUserText(stored)
        let escapedHref = address.replacingOccurrences(of: "&", with: "&amp;")
        #expect(html.contains("href=\"\(escapedHref)\""), "\(html)")
        #expect(!html.contains("%5C"), "\(html)")
        #expect(MessageText.plain(stored) == typed)
    }

    @Test("a line's indentation and a run of spaces are shown as typed; a line of spaces stays blank", arguments: [
        "Configurazione:\n    server = srv01\n    porta  = 1433",
        "    codice indentato",
        "\tcon una tabulazione\nriga",
        "primo paragrafo\n   \nsecondo",
        "  - non un elenco\n  https://example.com/a_b",
    ])
    func indentation(_ typed: String) {
        let stored = Markdown.escapeTyped(typed)
        let html = Markdown.renderUserText(stored)
        #expect(!html.contains("<pre") && !html.contains("<code") && !html.contains("<ul"), "\(html)")
        let expected = typed.replacingOccurrences(of: "\t", with: "    ")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy { $0 == " " } ? "" : String($0) }.joined(separator: "\n")
        #expect(MessageText.plain(stored) == expected)
        // In the page: each leading space a no-break space, which HTML does not fold.
        if typed.hasPrefix("    codice") { #expect(html.contains("\u{00A0}\u{00A0}\u{00A0}\u{00A0}codice"), "\(html)") }
        if typed.hasPrefix("  - non") { #expect(html.contains("\u{00A0}\u{00A0}-"), "\(html)") }
        if typed.contains("secondo") { #expect(html.contains("</p>\n<p>secondo"), "\(html)") }
    }

    @Test("an ftp:// address is no link the portal keeps, but it is shown as typed")
    func ftpAddress() {
        let typed = "ftp://files.example.com/log_1.txt"
        let html = Markdown.renderUserText(Markdown.escapeTyped(typed))
        #expect(html.contains(">ftp://files.example.com/log_1.txt<") && !html.contains("%5C"), "\(html)")
        #expect(MessageText.plain(Markdown.escapeTyped(typed)) == typed)
    }

    @Test("an address glued to a word or without a host is text", arguments: [
        "xhttps://example.com/a_b", "https:// a_b", "http://", "xwww.example.com/a_b",
    ])
    func notAddresses(_ typed: String) {
        let html = Markdown.renderUserText(Markdown.escapeTyped(typed))
        #expect(!html.contains("<a "), "\(html)")
        #expect(MessageText.plain(Markdown.escapeTyped(typed)) == typed)
    }
}
