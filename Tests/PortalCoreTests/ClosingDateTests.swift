import PortalCore
import Testing

@Suite("ClosingDate")
struct ClosingDateTests {
    @Test("reads YYYY-MM-DD and shows dd/MM/yyyy")
    func parse() throws {
        let date = try #require(ClosingDate(iso: "2027-03-01"))
        #expect(date.display == "01/03/2027")
        #expect(ClosingDate(iso: "2028-02-29")?.display == "29/02/2028")
    }

    @Test("refuses anything else", arguments: [
        "", "2027-3-1", "01/03/2027", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "20270301", "2027-03-01x",
        " 2027-03-01", "１２３４-03-01",
    ])
    func invalid(_ text: String) {
        #expect(ClosingDate(iso: text) == nil)
    }

    @Test("has arrived from the first second of its day, in the local zone")
    func arrival() throws {
        Clock.useItalianTimeZone()
        let date = try #require(ClosingDate(iso: "2027-03-01"))
        // 2027-02-28 23:59:59 and 2027-03-01 00:00:00 in Rome (UTC+1 in winter).
        #expect(!date.hasArrived(at: 1_803_855_599))
        #expect(date.hasArrived(at: 1_803_855_600))
        #expect(ClosingDate(iso: "2027-02-28")! < date)
    }
}

@Suite("VATInput")
struct VATInputTests {
    @Test("tells an empty, a malformed and a mistyped P.IVA apart", arguments: [
        ("", VATInput.empty), ("   ", .empty), ("1234", .badFormat), ("0274012345A", .badFormat),
        ("027401234560", .badFormat), ("02740123457", .badCheckDigit),
    ])
    func problems(text: String, expected: VATInput) {
        #expect(VATInput(text) == expected)
    }

    @Test("accepts the IT prefix and spaces")
    func valid() throws {
        let vat = try #require(VATNumber("02740123456"))
        #expect(VATInput("IT 027 401 23456") == .valid(vat))
        #expect(VATInput("it02740123456") == .valid(vat))
    }
}
