import PortalCore
import Testing

@Suite("Phone numbers as the desk's search finds them")
struct PhoneNumberTests {
    @Test("the digits a display shows: separators, the extension and the Italian prefix left out", arguments: [
        ("0444 123456", "0444123456"), ("+39 0444 123456", "0444123456"), ("0039 0444/123456", "0444123456"),
        ("+390444123456", "0444123456"), ("(0444) 12.34.56", "0444123456"), ("0541 123456 int. 22", "0541123456"),
        ("3921234567", "3921234567"), ("+39 392 1234567", "3921234567"), ("393921234567", "3921234567"),
        ("12345", ""), ("", ""), ("int. 22", ""),
    ])
    func digits(typed: String, expected: String) {
        #expect(PhoneNumber.searchDigits(typed) == expected)
    }

    @Test("a search is a number only when it is digits and a number's separators")
    func searched() {
        #expect(PhoneNumber.searched("+39 0444 123456") == "0444123456")
        #expect(PhoneNumber.searched("0444-123456") == "0444123456")
        #expect(PhoneNumber.searched("errore 0444123456") == nil)
        #expect(PhoneNumber.searched("404 500") == "404500", "six digits: also searched as a number, beside the words")
        #expect(PhoneNumber.searched("1045") == nil)
        #expect(PhoneNumber.searched("#1045") == nil)
        #expect(PhoneNumber.searched("---") == nil)
        #expect(PhoneNumber.searched("+39 0444 123456 int. 22") == "0444123456", "an extension after the number")
        #expect(PhoneNumber.searched("0444123456 interno 22") == "0444123456")
        #expect(PhoneNumber.searched("0444123456 rossi") == nil, "a name after it is words")
    }
}
