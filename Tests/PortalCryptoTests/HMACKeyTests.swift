import PortalCrypto
import Testing

@Suite("HMAC-SHA-256 with a prepared key")
struct HMACKeyTests {
    /// RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
    @Test("matches the RFC's vector, message after message from the same key")
    func vector() {
        let key = HMACKey(Array("Jefe".utf8))
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        for _ in 0..<3 {
            let mac = key.authenticate(Array("what do ya want for nothing?".utf8))
            #expect(mac.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == expected)
        }
        #expect(Digest.hmacSHA256(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
            == key.authenticate(Array("what do ya want for nothing?".utf8)))
    }

    @Test("Base64URL writes every length without padding, as decode reads it", arguments: 0..<8)
    func base64Lengths(_ count: Int) throws {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) }
        let text = Base64URL.encode(bytes)
        #expect(text.utf8.count == (count * 4 + 2) / 3)
        #expect(try #require(Base64URL.decode(text)) == bytes)
    }
}
