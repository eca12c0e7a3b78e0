@testable import PortalHTML
import Testing

@Suite("Escape")
struct EscapeTests {
    @Test("text escapes & < > and leaves quotes alone", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"citato\"", "\"citato\""),
        ("l'assistenza", "l'assistenza"),
        ("&amp;", "&amp;amp;"),
        ("perché è così", "perché è così"),
    ])
    func text(input: String, expected: String) {
        #expect(Escape.text(input) == expected)
    }

    @Test("attribute also escapes both quotes", arguments: [
        ("<script>", "&lt;script&gt;"),
        ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
        ("l'assistenza", "l&#39;assistenza"),
        ("&amp;", "&amp;amp;"),
        ("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f"),
    ])
    func attribute(input: String, expected: String) {
        #expect(Escape.attribute(input) == expected)
    }

    @Test("the renderer escapes as Escape does, past the arena's first buffer too", arguments: [
        "", "a", "<", "semplice", "a&b<c>d\"e'f", "nul\u{0}qui", "perché è così <b>", "&&&&&&&&&&&&&&&&&&&&",
        String(repeating: "<&\"'>", count: 20_000), String(repeating: "x", count: 70_000) + "<",
    ])
    func renderer(input: String) {
        let html = el("p", ["title": input]) { input }.html
        #expect(html == "<p title=\"" + Escape.attribute(input) + "\">" + Escape.text(input) + "</p>")
        #expect(!html.contains("\u{0}"))
    }
}

@Suite("Escape, a word at a time")
struct EscapeWordTests {
    /// Byte by byte, as the renderer escaped before it read eight bytes at once.
    static func reference(_ value: String, attribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("every character to escape, at every place of a word and of the tail, among letters, digits, spaces and UTF-8")
    func everyPlace() {
        let specials: [Character] = ["&", "<", ">", "\"", "'", "\u{0}"]
        let fillers: [Character] = ["a", " ", "9", "é", "=", "?", "@", "`", "~"]
        for length in 0...20 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    for filler in fillers {
                        var characters = Array(repeating: filler, count: length)
                        if length > 0 { characters[position] = special }
                        let input = String(characters)
                        let html = el("p", ["title": input]) { input }.html
                        let expected = "<p title=\"" + EscapeWordTests.reference(input, attribute: true) + "\">"
                            + EscapeWordTests.reference(input, attribute: false) + "</p>"
                        #expect(html == expected, "\(Array(input.utf8))")
                    }
                }
            }
        }
    }

    @Test("a word is plain only without any character to escape", arguments: 0..<64)
    func plainWords(byte: Int) {
        for place in 0..<8 {
            var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 8)
            bytes[place] = UInt8(byte)
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let inText = [0, 0x26, 0x3C, 0x3E].contains(byte)
            let inAttribute = inText || [0x22, 0x27].contains(byte)
            #expect(Escape.isPlain(word, attribute: false) == !inText)
            #expect(Escape.isPlain(word, attribute: true) == !inAttribute)
        }
    }
}
