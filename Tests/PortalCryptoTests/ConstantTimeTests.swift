import PortalCrypto
import Testing

@Suite("ConstantTime.equal")
struct ConstantTimeTests {
    @Test("compares strings byte for byte", arguments: [
        ("abc", "abc", true),
        ("", "", true),
        ("abc", "abd", false),
        ("abc", "abcd", false),
        ("abc", "", false),
        ("è", "e\u{300}", false),
    ])
    func strings(lhs: String, rhs: String, expected: Bool) {
        #expect(ConstantTime.equal(lhs, rhs) == expected)
    }

    @Test("compares byte arrays")
    func bytes() {
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
    }
}
