@testable import PortalCore
import Testing

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test("accepts ordinary addresses", arguments: [
        "mario.rossi@example.it", "a@b.co", "mario+assistenza@mail.example.com", "  anna_b@example-mail.it ",
        "mário@example.it", "o'brien@example.ie", "info@bücher.example", "a|b@example.it",
    ])
    func valid(_ input: String) {
        #expect(EmailAddress(input) != nil)
    }

    @Test("refuses what is not one address", arguments: [
        "", "mario", "mario@", "@example.it", "mario@example", "mario rossi@example.it", "a@b@example.it",
        "mario@-example.it", "mario@example-.it", "mario@example..it", "<mario@example.it>", "mario@example.it,b@example.it",
        "mar\nio@example.it", "mario\u{7}@example.it", String(repeating: "a", count: 65) + "@example.it",
        "a@" + String(repeating: "b", count: 250) + ".it",
        "mario(x)@example.it", "mario;x@example.it", "mario:x@example.it", "mar\\io@example.it", "\"mario\"@example.it",
        "mario[1]@example.it", "mario\u{2028}@example.it", "mario\u{85}@example.it", "mario\u{0}@example.it",
        // Seen from a scanner: punctuation in the domain, a direction or zero-width control anywhere.
        "prova@evil.example|id", "prova@evil.exa'mple", "prova@evil.example&x=1", "prova@evil.example`id`",
        "giulia.neri@\u{202E}lpmaxe.aznetsissa", "mario\u{200B}@example.it", "mario@exa\u{2066}mple.it", "mario\u{9B}@example.it",
    ])
    func invalid(_ input: String) {
        #expect(EmailAddress(input) == nil)
    }

    @Test("stores the address trimmed and lower-cased")
    func lowerCased() throws {
        let address = try #require(EmailAddress(" Mario.Rossi@Example.IT "))
        #expect(address.value == "mario.rossi@example.it")
        #expect(address == EmailAddress("mario.rossi@example.it"))
    }

    @Test("localPart is what comes before the @")
    func localPart() {
        #expect(EmailAddress("Mario.Rossi+x@example.it")?.localPart == "mario.rossi+x")
    }
}

@Suite("EmailAddress, ASCII path")
struct EmailAddressASCIITests {
    /// The byte path must decide as the general one does: random strings over the bytes that
    /// matter (the at sign, dots, hyphens, spaces, controls, capitals, delimiters).
    @Test("decides every ASCII input as the general path")
    func sameAsGeneral() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ9@@..--_+ \t\r\n\u{0B}\u{7F}\u{1F}<>,;\"'|(".utf8)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let input = String(decoding: bytes, as: UTF8.self)
            #expect(EmailAddress.asciiValue(input.utf8) == EmailAddress.anyValue(input), "\(Array(input.utf8))")
        }
        // Near-valid ones too (random bytes are almost never an address): a local part, an
        // at sign, labels, with one byte changed, dropped or doubled now and then.
        let parts = Array("abcXYZ09.+_-".utf8), specials = Array("@. -\t<>,;\"\u{7F}".utf8)
        var accepted = 0
        for _ in 0..<20_000 {
            func piece(_ length: ClosedRange<Int>) -> [UInt8] {
                (0..<Int.random(in: length, using: &generator)).map { _ in parts.randomElement(using: &generator)! }
            }
            var bytes = piece(0...6) + [0x40] + piece(0...5) + [0x2E] + piece(0...4)
            if Bool.random(using: &generator), !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = specials.randomElement(using: &generator)!
                case 1: bytes.remove(at: at)
                default: bytes.insert(bytes[at], at: at)
                }
            }
            let input = String(decoding: bytes, as: UTF8.self)
            let value = EmailAddress.anyValue(input)
            if value != nil { accepted += 1 }
            #expect(EmailAddress.asciiValue(input.utf8) == value, "\(input)")
        }
        #expect(accepted > 1_000, "the near-valid inputs hold accepted addresses too")
        let lengths = [63, 64, 65].map { String(repeating: "a", count: $0) + "@example.it" }
            + [249, 250, 251].map { "a@" + String(repeating: "b", count: $0) + ".it" }
            + ["x@example.it", " A@B.IT\r\n", "a@b.c-", "a@-b.c", "a@b..c", "a.@b.c"]
        for input in lengths {
            #expect(EmailAddress.asciiValue(input.utf8) == EmailAddress.anyValue(input), "\(input)")
        }
    }

    @Test("a refused address says why: empty, invisible characters copied with it, spaces, or malformed", arguments: [
        ("  ", Text.fieldRequired),
        ("mario.rossi@rossi.example\u{200B}", Text.emailHiddenCharacters),
        ("\u{FEFF}mario.rossi@rossi.example", Text.emailHiddenCharacters),
        ("mario.rossi@rossi\u{00AD}.example", Text.emailHiddenCharacters),
        ("mario rossi@rossi.example", Text.emailWithSpaces),
        ("mario.rossi@rossi.example\u{00A0}x", Text.emailWithSpaces),
        ("mario.rossi@", Text.emailInvalid),
    ])
    func refusal(_ typed: String, _ message: String) {
        #expect(EmailAddress(typed) == nil)
        #expect(EmailAddress.refusal(typed) == message)
    }

    @Test("a new address has ASCII before the @ (few servers deliver SMTPUTF8); one stored before still reads")
    func newAddress() {
        for typed in ["mário@example.it", "😀@esempio.it", "àèì@esempio.it"] {
            #expect(EmailAddress(typed) != nil, "\(typed)")
            #expect(EmailAddress.newAddress(typed) == nil, "\(typed)")
            #expect(EmailAddress.refusal(typed) == Text.emailLocalPartNotASCII)
        }
        #expect(EmailAddress.newAddress(" Info@Bücher.example ")?.value == "info@bücher.example")
    }
}
