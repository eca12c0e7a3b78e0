import PortalCore
import Testing

@Suite("DeskQuery: the filters of Coda ticket")
struct DeskQueryTests {
    @Test("reads every filter and writes it back as the same query string")
    func roundTrip() {
        let query = DeskQuery(fields: [
            ("stato", "postponed"), ("priorita", "blocking"), ("azienda", "Rossi & figli"), ("assegnato", "me"),
            ("area", "systems"), ("tipologia", "appointment"), ("cerca", "stampa è ferma"), ("pagina", "3"),
        ])
        #expect(query.state == .only(.postponed))
        #expect(query.priority == .blocking)
        #expect(query.company == "Rossi & figli")
        #expect(query.assignee == .me)
        #expect(query.area == .systems)
        #expect(query.type == .appointment)
        #expect(query.page == 3)
        let again = DeskQuery(fields: query.queryString(page: 3).split(separator: "&").map {
            let pair = $0.split(separator: "=", maxSplits: 1).map(String.init)
            return (pair[0], pair[1].removingPercentEncodingForTest)
        })
        #expect(again == query)
    }

    @Test("defaults: open tickets, anyone, first page")
    func defaults() {
        let query = DeskQuery(fields: [])
        #expect(query.state == .open)
        #expect(query.assignee == .anyone)
        #expect(query.queryString() == "stato=aperti&priorita=qualsiasi&assegnato=qualsiasi&area=qualsiasi&tipologia=qualsiasi")
    }

    @Test("an unreadable value is dropped and named", arguments: [
        ("stato", "boh"), ("priorita", "urgentissima"), ("assegnato", "-3"), ("area", "x"), ("tipologia", "y"),
        ("azienda", String(repeating: "a", count: 101)), ("cerca", "a\u{7}b"),
    ])
    func invalid(_ name: String, _ value: String) {
        var invalid: [String] = []
        let query = DeskQuery(fields: [(name, value)], invalid: &invalid)
        #expect(invalid == [name])
        #expect(query == DeskQuery())
    }

    @Test("Cerca becomes quoted terms, the last a prefix: no word is an FTS5 operator or breaks the quoting", arguments: [
        ("perché stampa", "\"perché\" \"stampa\"*"),
        ("\"NEAR\" OR AND*", "\"NEAR\" \"OR\" \"AND\"*"),
        ("fattura-123 (ddt)", "\"fattura\" \"123\" \"ddt\"*"),
        ("l'emissione", "\"emissione\"*"), ("registro dell\u{2019}IVA", "\"registro\" \"IVA\"*"),
        ("un'altra prova'", "\"altra\" \"prova\"*"), ("l'", "\"l\"*"),
        // U+0D4E joins the quote after it into one character, and so into the word.
        ("fattura \u{0D4E}\"", "\"fattura\" \"\u{0D4E}\"\"\"*"),
    ])
    func searchExpression(_ text: String, _ expected: String) {
        #expect(DeskQuery(fields: [("cerca", text)]).searchExpression(lastAsPrefix: true) == expected)
        #expect(DeskQuery(fields: [("cerca", text)]).searchExpression(lastAsPrefix: false) == String(expected.dropLast()))
    }

    @Test("nothing to search without a letter or digit")
    func emptySearch() {
        #expect(DeskQuery(fields: [("cerca", "\"*()")]).searchExpression(lastAsPrefix: true) == nil)
    }
}

extension String {
    /// The test's own percent-decoding of what `queryString` wrote.
    var removingPercentEncodingForTest: String {
        var bytes: [UInt8] = []
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let next = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
                let value = UInt8(String(self[utf8.index(after: index)..<next]), radix: 16)
            {
                bytes.append(value)
                index = next
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("Cerca without a letter or a digit, or over 200 characters, is named unreadable", arguments: [
        "'", "*", "\"", String(repeating: "x", count: 201),
    ])
    func unreadableSearch(_ value: String) {
        var invalid: [String] = []
        let query = DeskQuery(fields: [("cerca", value)], invalid: &invalid)
        #expect(invalid == ["cerca"])
        #expect(query.text.isEmpty)
    }

    @Test("Cerca with a word among punctuation reads")
    func searchWithAWord() {
        #expect(DeskQuery(fields: [("cerca", "«IVA»?")]).text == "«IVA»?")
    }
}
