/// Search over the manual and the help ("Cerca"), the same as `site/assets/search.js`, for the
/// page that portal-auth answers without JavaScript: every word typed must be in a page,
/// from its start ("blocc" finds "bloccante"), case and accents aside; a page ranks higher
/// when the words are in its title, then its headings, then its text.
///
/// Positions are Unicode scalars of the text (the script's are UTF-16 units): the same but
/// for characters outside the Basic Multilingual Plane, which only move an excerpt's cut.
public struct DocsSearch: Sendable {
    public struct Page: Sendable {
        public let url: String
        public let title: String
        public let section: String
        public let text: String
        let titleWords: [String]
        let headings: [(text: String, anchor: String, words: [String])]
        let body: [String]
    }

    /// A page found: its link (to the best heading when one matched) and what to show of it.
    public struct Hit: Sendable, Equatable {
        public let link: String
        public let title: String
        public let section: String
        public let excerpt: String
    }

    public let pages: [Page]

    /// The build's `search-index.json`: nil when it is not the index's shape.
    public init?(index bytes: [UInt8]) {
        guard case .array(let entries)? = try? JSONParser.parse(bytes, maximumDepth: 8) else { return nil }
        var pages: [Page] = []
        for entry in entries {
            guard let url = entry["url"]?.stringValue, let title = entry["title"]?.stringValue,
                let section = entry["section"]?.stringValue, let text = entry["text"]?.stringValue,
                let headings = entry["headings"]?.arrayValue
            else { return nil }
            let description = entry["description"]?.stringValue ?? ""
            var pairs: [(text: String, anchor: String, words: [String])] = []
            for heading in headings {
                guard let pair = heading.arrayValue, pair.count == 2, let text = pair[0].stringValue,
                    let anchor = pair[1].stringValue
                else { return nil }
                pairs.append((text, anchor, DocsSearch.words(text)))
            }
            pages.append(Page(
                url: url, title: title, section: section, text: text, titleWords: DocsSearch.words(title),
                headings: pairs, body: DocsSearch.words(description + " " + text)))
        }
        self.pages = pages
    }

    /// The pages holding every word of `query`, best first (ties in the index's order).
    public func search(_ query: String) -> [Hit] {
        let words = DocsSearch.words(query)
        guard !words.isEmpty else { return [] }
        let ranked = pages.enumerated().compactMap { position, page -> (Int, Int, Page)? in
            let points = DocsSearch.score(page, words)
            return points > 0 ? (points, position, page) : nil
        }.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        return ranked.map { _, _, page in
            let heading = page.headings.first { heading in words.allSatisfy { DocsSearch.has(heading.words, $0) } }
                ?? page.headings.first { heading in words.contains { DocsSearch.has(heading.words, $0) } }
            return Hit(
                link: page.url + (heading.map { "#" + $0.anchor } ?? ""),
                title: page.title + (heading.map { " › " + $0.text } ?? ""),
                section: page.section, excerpt: DocsSearch.excerpt(page.text, words))
        }
    }

    static func has(_ words: [String], _ word: String) -> Bool { words.contains { $0.hasPrefix(word) } }

    static func score(_ page: Page, _ query: [String]) -> Int {
        var total = 0
        for word in query {
            var points = 0
            if has(page.titleWords, word) { points += 10 }
            if page.headings.contains(where: { has($0.words, word) }) { points += 5 }
            let hits = page.body.lazy.filter { $0.hasPrefix(word) }.prefix(5).count
            points += hits
            if points == 0 { return 0 }
            total += points
        }
        return total
    }

    /// The words of `text`, folded: runs of a–z and 0–9 once accents are gone and case lowered.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in fold(text).letters {
            if byte != space {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static let space = UInt8(ascii: " ")

    /// One byte per scalar of `text` that is not a combining accent: its folded letter or
    /// digit, else a space; `scalars[i]` is the position in the text of `letters[i]`.
    static func fold(_ text: String) -> (letters: [UInt8], scalars: [Int]) {
        var letters: [UInt8] = []
        var scalars: [Int] = []
        for (position, scalar) in text.unicodeScalars.enumerated() {
            let value = scalar.value
            if (0x300...0x36F).contains(value) { continue }
            scalars.append(position)
            switch value {
            case 0x30...0x39, 0x61...0x7A: letters.append(UInt8(value))
            case 0x41...0x5A: letters.append(UInt8(value + 32))
            default: letters.append(latinBase[value] ?? space)
            }
        }
        return (letters, scalars)
    }

    /// The part of the text around the first word found, cut at spaces.
    static func excerpt(_ text: String, _ query: [String]) -> String {
        let scalars = Array(text.unicodeScalars)
        let (letters, positions) = fold(text)
        var at: Int?
        for word in query {
            let bytes = Array(word.utf8)
            var index = 0
            while index + bytes.count <= letters.count {
                if (index == 0 || letters[index - 1] == space) && letters[index..<index + bytes.count].elementsEqual(bytes) {
                    if at == nil || positions[index] < at! { at = positions[index] }
                    break
                }
                index += 1
            }
        }
        func string(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
        guard let at else { return string(0..<min(160, scalars.count)) }
        let spaceScalar = Unicode.Scalar(space)
        let from = max(0, at - 60)
        let start = scalars[...min(from, scalars.count - 1)].lastIndex(of: spaceScalar) ?? 0
        let to = min(scalars.count, at + 120)
        let end = scalars[to...].firstIndex(of: spaceScalar)
        let middle = string(start..<(end ?? scalars.count)).trimmingWhitespace()
        return (start > 0 ? "… " : "") + middle + (end == nil ? "" : " …")
    }

    /// The letters that lose their accents to an ASCII letter (Unicode's canonical
    /// decompositions of Latin-1, Latin Extended-A and -B and Latin Extended Additional), lower case.
    static let latinBase: [UInt32: UInt8] = {
        let scalars: [UInt32] = [
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC,
            0x00CD, 0x00CE, 0x00CF, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D9, 0x00DA, 0x00DB,
            0x00DC, 0x00DD, 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E7, 0x00E8, 0x00E9, 0x00EA,
            0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F9,
            0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FF, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104, 0x0105, 0x0106,
            0x0107, 0x0108, 0x0109, 0x010A, 0x010B, 0x010C, 0x010D, 0x010E, 0x010F, 0x0112, 0x0113, 0x0114,
            0x0115, 0x0116, 0x0117, 0x0118, 0x0119, 0x011A, 0x011B, 0x011C, 0x011D, 0x011E, 0x011F, 0x0120,
            0x0121, 0x0122, 0x0123, 0x0124, 0x0125, 0x0128, 0x0129, 0x012A, 0x012B, 0x012C, 0x012D, 0x012E,
            0x012F, 0x0130, 0x0134, 0x0135, 0x0136, 0x0137, 0x0139, 0x013A, 0x013B, 0x013C, 0x013D, 0x013E,
            0x0143, 0x0144, 0x0145, 0x0146, 0x0147, 0x0148, 0x014C, 0x014D, 0x014E, 0x014F, 0x0150, 0x0151,
            0x0154, 0x0155, 0x0156, 0x0157, 0x0158, 0x0159, 0x015A, 0x015B, 0x015C, 0x015D, 0x015E, 0x015F,
            0x0160, 0x0161, 0x0162, 0x0163, 0x0164, 0x0165, 0x0168, 0x0169, 0x016A, 0x016B, 0x016C, 0x016D,
            0x016E, 0x016F, 0x0170, 0x0171, 0x0172, 0x0173, 0x0174, 0x0175, 0x0176, 0x0177, 0x0178, 0x0179,
            0x017A, 0x017B, 0x017C, 0x017D, 0x017E, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x01CD, 0x01CE, 0x01CF,
            0x01D0, 0x01D1, 0x01D2, 0x01D3, 0x01D4, 0x01D5, 0x01D6, 0x01D7, 0x01D8, 0x01D9, 0x01DA, 0x01DB,
            0x01DC, 0x01DE, 0x01DF, 0x01E0, 0x01E1, 0x01E6, 0x01E7, 0x01E8, 0x01E9, 0x01EA, 0x01EB, 0x01EC,
            0x01ED, 0x01F0, 0x01F4, 0x01F5, 0x01F8, 0x01F9, 0x01FA, 0x01FB, 0x0200, 0x0201, 0x0202, 0x0203,
            0x0204, 0x0205, 0x0206, 0x0207, 0x0208, 0x0209, 0x020A, 0x020B, 0x020C, 0x020D, 0x020E, 0x020F,
            0x0210, 0x0211, 0x0212, 0x0213, 0x0214, 0x0215, 0x0216, 0x0217, 0x0218, 0x0219, 0x021A, 0x021B,
            0x021E, 0x021F, 0x0226, 0x0227, 0x0228, 0x0229, 0x022A, 0x022B, 0x022C, 0x022D, 0x022E, 0x022F,
            0x0230, 0x0231, 0x0232, 0x0233, 0x1E00, 0x1E01, 0x1E02, 0x1E03, 0x1E04, 0x1E05, 0x1E06, 0x1E07,
            0x1E08, 0x1E09, 0x1E0A, 0x1E0B, 0x1E0C, 0x1E0D, 0x1E0E, 0x1E0F, 0x1E10, 0x1E11, 0x1E12, 0x1E13,
            0x1E14, 0x1E15, 0x1E16, 0x1E17, 0x1E18, 0x1E19, 0x1E1A, 0x1E1B, 0x1E1C, 0x1E1D, 0x1E1E, 0x1E1F,
            0x1E20, 0x1E21, 0x1E22, 0x1E23, 0x1E24, 0x1E25, 0x1E26, 0x1E27, 0x1E28, 0x1E29, 0x1E2A, 0x1E2B,
            0x1E2C, 0x1E2D, 0x1E2E, 0x1E2F, 0x1E30, 0x1E31, 0x1E32, 0x1E33, 0x1E34, 0x1E35, 0x1E36, 0x1E37,
            0x1E38, 0x1E39, 0x1E3A, 0x1E3B, 0x1E3C, 0x1E3D, 0x1E3E, 0x1E3F, 0x1E40, 0x1E41, 0x1E42, 0x1E43,
            0x1E44, 0x1E45, 0x1E46, 0x1E47, 0x1E48, 0x1E49, 0x1E4A, 0x1E4B, 0x1E4C, 0x1E4D, 0x1E4E, 0x1E4F,
            0x1E50, 0x1E51, 0x1E52, 0x1E53, 0x1E54, 0x1E55, 0x1E56, 0x1E57, 0x1E58, 0x1E59, 0x1E5A, 0x1E5B,
            0x1E5C, 0x1E5D, 0x1E5E, 0x1E5F, 0x1E60, 0x1E61, 0x1E62, 0x1E63, 0x1E64, 0x1E65, 0x1E66, 0x1E67,
            0x1E68, 0x1E69, 0x1E6A, 0x1E6B, 0x1E6C, 0x1E6D, 0x1E6E, 0x1E6F, 0x1E70, 0x1E71, 0x1E72, 0x1E73,
            0x1E74, 0x1E75, 0x1E76, 0x1E77, 0x1E78, 0x1E79, 0x1E7A, 0x1E7B, 0x1E7C, 0x1E7D, 0x1E7E, 0x1E7F,
            0x1E80, 0x1E81, 0x1E82, 0x1E83, 0x1E84, 0x1E85, 0x1E86, 0x1E87, 0x1E88, 0x1E89, 0x1E8A, 0x1E8B,
            0x1E8C, 0x1E8D, 0x1E8E, 0x1E8F, 0x1E90, 0x1E91, 0x1E92, 0x1E93, 0x1E94, 0x1E95, 0x1E96, 0x1E97,
            0x1E98, 0x1E99, 0x1EA0, 0x1EA1, 0x1EA2, 0x1EA3, 0x1EA4, 0x1EA5, 0x1EA6, 0x1EA7, 0x1EA8, 0x1EA9,
            0x1EAA, 0x1EAB, 0x1EAC, 0x1EAD, 0x1EAE, 0x1EAF, 0x1EB0, 0x1EB1, 0x1EB2, 0x1EB3, 0x1EB4, 0x1EB5,
            0x1EB6, 0x1EB7, 0x1EB8, 0x1EB9, 0x1EBA, 0x1EBB, 0x1EBC, 0x1EBD, 0x1EBE, 0x1EBF, 0x1EC0, 0x1EC1,
            0x1EC2, 0x1EC3, 0x1EC4, 0x1EC5, 0x1EC6, 0x1EC7, 0x1EC8, 0x1EC9, 0x1ECA, 0x1ECB, 0x1ECC, 0x1ECD,
            0x1ECE, 0x1ECF, 0x1ED0, 0x1ED1, 0x1ED2, 0x1ED3, 0x1ED4, 0x1ED5, 0x1ED6, 0x1ED7, 0x1ED8, 0x1ED9,
            0x1EDA, 0x1EDB, 0x1EDC, 0x1EDD, 0x1EDE, 0x1EDF, 0x1EE0, 0x1EE1, 0x1EE2, 0x1EE3, 0x1EE4, 0x1EE5,
            0x1EE6, 0x1EE7, 0x1EE8, 0x1EE9, 0x1EEA, 0x1EEB, 0x1EEC, 0x1EED, 0x1EEE, 0x1EEF, 0x1EF0, 0x1EF1,
            0x1EF2, 0x1EF3, 0x1EF4, 0x1EF5, 0x1EF6, 0x1EF7, 0x1EF8, 0x1EF9
        ]
        let bases = Array((
            "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijj" +
            "kkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaa" +
            "aaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkll" +
            "llllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaa" +
            "aaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy"
        ).utf8)
        return Dictionary(uniqueKeysWithValues: zip(scalars, bases))
    }()
}
