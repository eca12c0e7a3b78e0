import PortalCrypto
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    @Test("decodes what it encodes, with no padding nor + and /", arguments: [0, 1, 2, 3, 31, 32, 33, 100])
    func roundTrip(_ count: Int) throws {
        let bytes = Random.bytes(count) + [0xfb, 0xff, 0xfe]
        let text = Base64URL.encode(bytes)
        #expect(!text.contains { "+/=".contains($0) })
        #expect(try #require(Base64URL.decode(text)) == bytes)
    }

    @Test("encodes the RFC 4648 URL alphabet")
    func knownValue() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.encode(Array("ciao".utf8)) == "Y2lhbw")
    }

    @Test("refuses characters outside the alphabet", arguments: ["a+b/", "Y2lhbw==", "Y2 lhbw", "é"])
    func invalid(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
