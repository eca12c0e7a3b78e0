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

@Suite("Characters that draw nothing")
struct InvisibleCharactersTests {
    @Test("fillers, soft hyphens and the blank Braille cell are invisible formatting", arguments: [
        "\u{3164}", "\u{115F}", "\u{1160}", "\u{FFA0}", "\u{2800}", "\u{00AD}", "\u{034F}", "\u{180E}", "\u{17B4}",
        "\u{200B}", "\u{202E}", "\u{FEFF}",
    ])
    func invisible(_ filler: String) {
        #expect(("Mario" + filler).hasInvisibleFormatting)
        #expect(!(filler + " \n" + filler).hasVisibleCharacters)
    }

    @Test("letters, digits, symbols and emoji are visible; accents and variation selectors are no reason to refuse")
    func visible() {
        for text in ["a", "É", "e\u{301}", "7", "€", "❤️", "👍🏽", "ಠ_ಠ", "漢"] {
            #expect(text.hasVisibleCharacters, "\(text)")
            #expect(!text.hasInvisibleFormatting, "\(text)")
        }
        #expect(!" \t\r\n".hasVisibleCharacters)
        // Emoji joined by U+200D were refused as "caratteri invisibili", the family as stacked accents.
        for text in ["Problema 👩‍💻 stampa", "🤷‍♀️", "🏳️‍🌈", "👨‍👩‍👧‍👦", "🇮🇹"] {
            #expect(!text.hasInvisibleFormatting, "\(text)")
            #expect(!text.hasStackedMarks, "\(text)")
        }
        #expect("Mario\u{200D}".hasInvisibleFormatting, "a joiner after a letter is hidden text")
        #expect("Fattura \u{202E}gnp.exe".hasInvisibleFormatting)
        #expect("a\u{301}\u{302}\u{303}\u{304}".hasStackedMarks && !"ệ".hasStackedMarks)
        #expect(!"\u{301}".hasVisibleCharacters, "a lone accent has no letter to sit on")
        #expect(!"\u{FE0F}\u{E0041}\u{E0100}".hasVisibleCharacters, "selectors and tags alone draw nothing")
    }

    @Test("a text quoted back in a message loses its control characters, nothing else")
    func quotable() {
        #expect("x\u{01}\u{08}\u{1B}[31m\u{7F}y".quotable == "x[31my")
        #expect("09:00-13:00 è".quotable == "09:00-13:00 è")
        #expect(Text.hoursInvalid("9\u{1B}-x") == "«9-x» non è un intervallo di ore: scrivi ad esempio 09:00-13:00, 14:00-18:00.")
    }
}
