import Testing

@testable import PortalCore

struct PercentEncodingTests {
    /// The plain definition: each UTF-8 byte kept when unreserved or `/`, else `%XX`.
    static func reference(_ text: String) -> String {
        let kept = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
        return text.utf8.map { byte in
            if kept.contains(byte) { return String(UnicodeScalar(byte)) }
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
    }

    @Test func encodesAsTheDefinitionSays() {
        let samples = ["", "abc", "stampante & rete", "a b+c=d?e#f", "perché è così", "🙂 emoji", "100%", "/desk/?stato=aperti&pagina=2",
                       "\u{0}\u{1}\n\t", "~._-", String(repeating: "ü", count: 300)]
        for sample in samples { #expect(PercentEncoding.encode(sample) == Self.reference(sample)) }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 -._~/&=?#%+àé€🙂\u{7f}\n\"'<>")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(PercentEncoding.encode(text) == Self.reference(text))
        }
    }

    @Test func encodesEveryByteOutsideTheKeptSet() {
        #expect(PercentEncoding.encode("\u{0}") == "%00")
        #expect(PercentEncoding.encode("é") == "%C3%A9")
        #expect(PercentEncoding.encode("a/b c") == "a/b%20c")
    }
}
