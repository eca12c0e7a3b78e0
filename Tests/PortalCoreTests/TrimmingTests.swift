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

@Suite("collapsingSpaces")
struct CollapsingSpacesTests {
    @Test("trims both ends and makes each run of spaces inside one space, as a page shows it; newlines stay", arguments: [
        ("Alfa Test  srl", "Alfa Test srl"),
        ("  Sigma \t Due\u{00A0}\u{00A0}srl ", "Sigma Due srl"),
        ("Mario Rossi", "Mario Rossi"),
        ("Riga\nDue", "Riga\nDue"),
        ("Caffè  Bàr", "Caffè Bàr"),
        ("   ", ""),
        ("", ""),
    ])
    func collapses(_ text: String, _ expected: String) {
        #expect(text.collapsingSpaces() == expected)
    }
}

@Suite("hasStackedMarks")
struct StackedMarksTests {
    @Test("a letter under dozens of accents is refused; Vietnamese, flags and skin tones are not")
    func stacked() {
        #expect(("Z" + String(repeating: "\u{0301}", count: 80) + "algo SRL").hasStackedMarks)
        #expect(!"Nguyễn Thị Ánh".hasStackedMarks)
        #expect(!"Ditta 🇮🇹 👍🏽".hasStackedMarks)
        #expect(!"e\u{0301}\u{0302}\u{0323}".hasStackedMarks)
    }
}
