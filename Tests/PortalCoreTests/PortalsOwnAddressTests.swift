import PortalCore
import Testing

@Suite("Answering by e-mail: the portal's own addresses are never answered")
struct PortalsOwnAddressTests {
    @Test("the sender's address and the reply mailbox, with any + tag, in any case", arguments: [
        ("assistenza@portal.invalid", true), ("ASSISTENZA@Portal.Invalid", true), ("assistenza+t1.1.abc@portal.invalid", true),
        ("portale+risposte@fornitore.example", true), ("portale+risposte+t1045.1.zz@fornitore.example", true),
        ("assistenza@altro.example", false), ("assistenza2@portal.invalid", false), ("portale@fornitore.example", false),
        ("portale+altro@fornitore.example", false), ("mario.rossi@rossi.example", false),
    ])
    func own(_ address: String, _ expected: Bool) throws {
        let config = Config(values: [
            "PORTAL_MAIL_FROM": "Customer Portal <assistenza@portal.invalid>",
            "PORTAL_MAIL_REPLY_ADDRESS": "portale+risposte@fornitore.example",
        ])
        #expect(config.isPortalsOwn(try #require(EmailAddress(address))) == expected)
    }
}
