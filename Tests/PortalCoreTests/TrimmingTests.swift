import PortalCore
import Testing

@Suite("trimmingWhitespace")
struct TrimmingTests {
    @Test("trims spaces, tabs, newlines and Unicode spaces at both ends, nothing inside", arguments: [
        ("Mario Rossi", "Mario Rossi"),
        ("  Mario Rossi ", "Mario Rossi"),
        ("\tMario\n", "Mario"),
        ("\u{00A0}Mario\u{2003}", "Mario"),
        ("Mario\u{00A0}", "Mario"),
        ("a", "a"),
        (" ", ""),
        ("", ""),
        ("è ", "è"),
        (" è", "è"),
        ("~x~", "~x~"),
    ])
    func trims(_ text: String, _ expected: String) {
        #expect(text.trimmingWhitespace() == expected)
    }
}
