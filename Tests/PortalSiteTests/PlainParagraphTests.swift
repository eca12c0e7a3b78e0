@testable import PortalMarkdown
import Testing

/// `Markdown.renderUserText` answers plain replies without cmark: its answer must be cmark's,
/// byte for byte, and anything cmark could read otherwise must go to cmark.
@Suite("Ticket messages: plain replies rendered without the parser")
struct PlainParagraphTests {
    @Test("plain lines are rendered exactly as cmark renders them", arguments: [
        "Buongiorno, può indicarci la versione del programma?",
        "Versione 23.0.0.69, grazie.",
        "Grazie!\nA presto (Mario) - ufficio acquisti; ordine 1453.",
        "Àncora è già così\nÈ tutto ok",
        "a\nb\nc",
        "Prova × 3 ÷ 2",
        "x",
    ])
    func plain(_ text: String) {
        #expect(Markdown.plainParagraph(text) != nil, "\(text)")
        #expect(Markdown.renderUserText(text) == Markdown.parsedUserText(text))
    }

    @Test("text cmark could read otherwise is left to cmark", arguments: [
        "", " rientro", "riga \nfine", "due  spazi", "fine ", "fine\n", "a\n\nb", "1. elenco", "a\n2) b", "- punto", "# titolo",
        "Titolo\n---", "**grassetto**", "_corsivo_", "`codice`", "<b>html</b>", "a & b", "\"citato\"", "l'apostrofo",
        "vedi www.example.it", "vedi WWW.example.it", "https://example.it", "mario@example.it", "[link](x)", "a | b",
        "~~no~~", "a\\b", "tab\tqui", "riga\r\nfine", "l’apostrofo", "spazio\u{A0}duro", "😀 ciao", "ciao 😀",
    ])
    func notPlain(_ text: String) {
        #expect(Markdown.plainParagraph(text) == nil, "\(text)")
    }

    @Test("every short text over the accepted alphabet renders as cmark renders it")
    func exhaustive() {
        // Every string of up to four characters over an alphabet with each accepted kind of
        // character and the line break: what is accepted must equal cmark's answer.
        let alphabet = ["a", "Z", "è", "7", " ", "\n", ".", ",", ";", "?", "!", "(", ")", "-"]
        var texts = [""]
        var accepted = 0
        for _ in 1...4 {
            texts = texts.flatMap { text in alphabet.map { text + $0 } }
            for text in texts where Markdown.plainParagraph(text) != nil {
                accepted += 1
                #expect(Markdown.plainParagraph(text) == Markdown.parsedUserText(text), "\(text.debugDescription)")
            }
        }
        #expect(accepted > 1000)
    }
}
