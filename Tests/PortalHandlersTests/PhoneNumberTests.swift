import PortalCore
@testable import PortalHandlers
import PortalHTTP
import Testing

@Suite("Telefono: the numbers offices write")
struct PhoneNumberTests {
    @Test("accepted, with an extension after the number", arguments: [
        "+39 0541 123456", "0541/123456", "(0541) 12.34.56", "+39 0541 123456 int. 22", "0541 123456 interno 22",
        "0541 123456 INT 5", "0541-123456 ext 123", "0541 123456 int.22", "0541 123456 Ext. 7",
    ])
    func accepted(_ typed: String) {
        #expect(TicketForm.isPhoneNumber(typed))
    }

    @Test("refused", arguments: [
        "12345", "chiamatemi", "0541 123456 int.", "0541 123456 int. 1234567", "int. 22", "0541 123456 int 22 ext 3",
        "++39 0541 123456", "0541 123456 piano 2", "0541 123456 int. 2a",
    ])
    func refused(_ typed: String) {
        #expect(!TicketForm.isPhoneNumber(typed))
    }
}

@Suite("Creazione Ticket: Email and Telefono as typed or pasted")
struct TicketFormContactTests {
    private func form(_ fields: [String: String]) throws -> TicketForm {
        let body = fields.map { $0.key + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
        return TicketForm(try FormData.urlEncoded(Array(body.utf8)))
    }

    @Test("a number pasted with non-breaking spaces is the number with spaces")
    func nonBreakingSpaces() throws {
        let typed = try form(["phone": "+39\u{00A0}333\u{00A0}1234567", "contact": "phone"])
        #expect(typed.errors["phone"] == nil)
        #expect(typed.phone == "+39 333 1234567")
    }

    @Test("past the limits: refused beside the field, never saved cut to another value")
    func pastTheLimits() throws {
        let address = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 60) + "."
            + String(repeating: "c", count: 60) + "." + String(repeating: "d", count: 60) + ".example.it"
        #expect(address.utf8.count > 254)
        let long = try form(["email": address, "phone": "+39 " + String(repeating: "1 ", count: 19) + "1"])
        #expect(long.errors["email"] != nil && long.email == address, "the address comes back whole, refused")
        #expect(long.errors["phone"] != nil && !long.phone.hasSuffix(" "))
    }
}

