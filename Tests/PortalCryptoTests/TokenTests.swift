import PortalCrypto
import Testing

@Suite("Token")
struct TokenTests {
    @Test("a generated token is 43 well-formed base64url characters and carries its own hash")
    func generate() {
        let token = Token.generate()
        #expect(token.value.count == 43)
        #expect(Token.isWellFormed(token.value))
        #expect(token.hash == Token.hash(token.value))
        #expect(token.hash.count == 32)
    }

    @Test("different tokens have different values and hashes")
    func distinct() {
        let first = Token.generate()
        let second = Token.generate()
        #expect(first.value != second.value)
        #expect(first.hash != second.hash)
        #expect(Token.hash("a") != Token.hash("b"))
    }

    @Test("refuses what is not a token", arguments: [
        "", "abc", String(repeating: "A", count: 42), String(repeating: "A", count: 44),
        String(repeating: "A", count: 42) + "+", String(repeating: "A", count: 42) + "=", String(repeating: "è", count: 43),
    ])
    func malformed(_ value: String) {
        #expect(!Token.isWellFormed(value))
    }
}
