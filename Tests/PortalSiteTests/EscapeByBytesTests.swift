@testable import PortalMarkdown
import Testing

/// The escape walks the text by scalar over its bytes; it must write what the walk by
/// `Character` it replaced wrote (kept here as the reference) for any text a person types,
/// but for one difference on purpose, not drawn here: an ASCII syntax character followed by a
/// combining mark is escaped now (cmark reads the byte as syntax; the walk left "*\u{301}a*"
/// to become italics).
@Suite("Markdown escape by bytes")
struct EscapeByBytesTests {
    @Test("writes what the character walk wrote, for random typed text")
    func sameAsCharacterWalk() {
        let pieces = [
            "a", "Z", "1", "42", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
            ".", ")", "(", "*", "_", "`", "#", "-", "+", "=", "[", "]", "<", ">", "&", "~", "|", "\\", "!", "?", ",", ":",
            "è", "e\u{301}", "Perché", "👩‍💻", "🇮🇹", "ß", "漢", "www.", "http://", "HTTPS://", "ftp://", "example.it/a_b?x=1&y=2",
            "h", "w", "f",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            for keeping in [true, false] {
                #expect(
                    Markdown.escape(text, keepingAddresses: keeping) == reference(text, keepingAddresses: keeping),
                    "\(Array(text.unicodeScalars.map(\.value)))")
            }
        }
    }

    /// The walk by `Character` as it was (5f54a95), with the indentation kept since: a line's
    /// leading spaces (a tab four) and a space after a space written as no-break spaces.
    func reference(_ text: String, keepingAddresses: Bool) -> String {
        var result = ""
        var atStart = true
        var allDigits = true
        var index = text.startIndex
        var previous: Character?
        var indent = ""
        while index < text.endIndex {
            let character = text[index]
            if atStart && (character == " " || character == "\t") {
                indent += String(repeating: "\u{00A0}", count: character == " " ? 1 : 4)
                previous = " "
                index = text.index(after: index)
                continue
            }
            if !character.isNewline {
                result += indent
                indent = ""
            }
            if keepingAddresses, let (end, destination) = Markdown.webAddress(in: text, from: index, after: previous) {
                let written = text[index..<end]
                result += destination == written
                    ? "<" + written + ">" : "[" + reference(String(written), keepingAddresses: false) + "](<" + destination + ">)"
                previous = text[text.index(before: end)]
                index = end
                atStart = false
                allDigits = false
                continue
            }
            previous = character
            index = text.index(after: index)
            if character.isNewline {
                result.append("\n")
                atStart = true
                allDigits = true
                indent = ""
                continue
            }
            if character == " " && result.last == " " {
                result.append("\u{00A0}")
                continue
            }
            let startsList = !atStart && allDigits && (character == "." || character == ")")
            if "\\`*_[]<>&~|#".contains(character) || (atStart && "-+=".contains(character)) || startsList {
                result.append("\\")
            }
            result.append(character)
            if !(atStart && character == " ") {
                atStart = false
                allDigits = allDigits && character.isASCII && character.isNumber
            }
        }
        return result
    }
}
