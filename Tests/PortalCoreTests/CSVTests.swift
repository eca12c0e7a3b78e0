import PortalCore
import Testing

@Suite("CSV for Italian spreadsheets, and percentiles")
struct CSVTests {
    @Test("semicolons, CRLF, a byte-order mark, decimal commas")
    func layout() {
        var csv = CSV(headings: ["Priorità", "Mediana (ore)"])
        csv.append([.text("Alta"), .decimal(2.5, places: 1)])
        csv.append([.text("Bassa"), .empty])
        #expect(csv.text == "Priorità;Mediana (ore)\r\nAlta;2,5\r\nBassa;\r\n")
        #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("cells with separators, quotes or line breaks are quoted, quotes doubled", arguments: [
        ("ROSSI; SRL", "\"ROSSI; SRL\""), ("Il \"registro\"", "\"Il \"\"registro\"\"\""), ("a\nb", "\"a\nb\""),
        ("1,5 ore", "\"1,5 ore\""), ("Semplice", "Semplice"),
    ])
    func quoting(_ value: String, _ field: String) {
        var csv = CSV(headings: ["x"])
        csv.append([.text(value)])
        #expect(csv.text == "x\r\n" + field + "\r\n")
    }

    @Test("a text cell a spreadsheet would run as a formula is kept as text", arguments: ["=SOMMA(A1)", "+39", "-2", "@x"])
    func formulas(_ value: String) {
        var csv = CSV(headings: ["x"])
        csv.append([.text(value)])
        #expect(csv.text == "x\r\n'" + value + "\r\n")
    }

    @Test("decimals round half away from zero")
    func decimals() {
        #expect(ItalianNumber.decimal(87.25, places: 1) == "87,3")
        #expect(ItalianNumber.decimal(3, places: 1) == "3,0")
        #expect(ItalianNumber.decimal(0.04, places: 1) == "0,0")
        #expect(ItalianNumber.decimal(12.345, places: 0) == "12")
    }

    @Test("percentiles interpolate between the closest ranks")
    func percentiles() {
        #expect(Percentile.of([4, 1, 3, 2], 50) == 2.5)
        #expect(Percentile.of(Array(1...10), 90) == 9.1)
        #expect(Percentile.of(Array(1...11), 50) == 6)
        #expect(Percentile.of([7], 90) == 7)
        #expect(Percentile.of([], 50) == nil)
        #expect(Percentile.of([10, 20], 100) == 20)
        #expect(Percentile.of([10, 20], 0) == 10)
    }
}
