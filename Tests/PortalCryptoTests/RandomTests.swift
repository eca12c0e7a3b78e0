import PortalCrypto
import Testing

@Suite("Random")
struct RandomTests {
    @Test("code uses only the unambiguous alphabet, at the asked length")
    func codeAlphabet() {
        let allowed = Set(Random.unambiguousAlphabet)
        let code = Random.code(length: 2000)
        #expect(code.count == 2000)
        #expect(code.allSatisfy { allowed.contains($0) })
        #expect(!code.contains { "0O1lI5S2Z8B".contains($0) })
        // 2000 draws from 46 characters leave none unused unless the draw is broken.
        #expect(Set(code) == allowed)
    }

    @Test("code honours a custom alphabet")
    func customAlphabet() {
        let code = Random.code(length: 200, alphabet: Array("01"))
        #expect(code.allSatisfy { $0 == "0" || $0 == "1" })
        #expect(Set(code).count == 2)
    }

    @Test("bytes are of the asked length and not repeated")
    func bytes() {
        #expect(Random.bytes(32).count == 32)
        #expect(Random.bytes(32) != Random.bytes(32))
    }
}
