@testable import PortalHandlers
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
