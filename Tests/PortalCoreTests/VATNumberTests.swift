import PortalCore
import Testing

@Suite("P.IVA")
struct VATNumberTests {
    @Test("accepts valid numbers, with or without IT and spaces", arguments: [
        "02019510409", "IT02019510409", " 020 1951 0409 ", "00000010009",
    ])
    func acceptsValid(_ input: String) {
        #expect(VATNumber(input) != nil)
    }

    @Test("refuses a wrong check digit, the wrong length and letters", arguments: [
        "02019510408", "0201951040", "020195104091", "0201951040A", "", "ITIT02019510409", "00000000000", "00000001230",
    ])
    func refusesInvalid(_ input: String) {
        #expect(VATNumber(input) == nil)
    }

    @Test("says why a number as typed is refused: all zeros is no taxpayer, whatever its check digit")
    func typed() {
        #expect(VATInput("00000000000") == .noTaxpayer)
        #expect(VATInput("IT 0000000 0000") == .noTaxpayer)
        #expect(VATInput("02019510408") == .badCheckDigit)
        #expect(VATInput("0201951040") == .badFormat)
        #expect(VATInput("  ") == .empty)
    }

    @Test("computes the check digit of the manual's vendor")
    func checkDigit() {
        #expect(VATNumber.checkDigit(for: [0, 2, 0, 1, 9, 5, 1, 0, 4, 0]) == 9)
    }
}
