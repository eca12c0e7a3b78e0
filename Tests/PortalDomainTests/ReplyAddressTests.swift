import PortalCore
import PortalDomain
import Testing

@Suite("Reply addresses: unique to ticket and person, impossible to forge or move")
struct ReplyAddressTests {
    static let config = Config(values: [
        "PORTAL_MAIL_FROM": "Assistenza <assistenza@fornitore.example>", "PORTAL_MAIL_REPLY_KEY": "chiave-di-prova-abbastanza-lunga",
    ])
    let addresses = ReplyAddress(config: ReplyAddressTests.config)!

    @Test("is built from the configured mailbox and matches itself")
    func roundTrip() {
        let address = addresses.address(ticket: 1453, person: 17)
        #expect(address.hasPrefix("assistenza+t1453.17."))
        #expect(address.hasSuffix("@fornitore.example"))
        #expect(address.count <= 80)
        #expect(addresses.match([address]) == .valid(ticket: 1453, person: 17))
        #expect(addresses.match(["someone@else.example", address.uppercased()]) == .valid(ticket: 1453, person: 17))
    }

    @Test("differs for each ticket and each person")
    func unique() {
        let all = [(1453, 17), (1453, 18), (1454, 17), (1, 0)].map { addresses.address(ticket: $0.0, person: $0.1) }
        #expect(Set(all).count == all.count)
    }

    @Test("a token moved to another ticket or person, altered or made with another key is forged")
    func forged() {
        let address = addresses.address(ticket: 1453, person: 17)
        let token = address.split(separator: "@")[0].split(separator: ".").last!
        let moved = [
            "assistenza+t1454.17.\(token)@fornitore.example", "assistenza+t1453.18.\(token)@fornitore.example",
            "assistenza+t1453.0.\(token)@fornitore.example",
        ]
        for candidate in moved { #expect(addresses.match([candidate]) == .forged, "\(candidate)") }
        var altered = Array(address)
        let index = address.firstIndex(of: "@")!.utf16Offset(in: address) - 1
        altered[index] = altered[index] == "a" ? "b" : "a"
        #expect(addresses.match([String(altered)]) == .forged)
        var other = ReplyAddressTests.config
        other.values["PORTAL_MAIL_REPLY_KEY"] = "un-altra-chiave-abbastanza-lunga"
        let foreign = ReplyAddress(config: other)!.address(ticket: 1453, person: 17)
        #expect(addresses.match([foreign]) == .forged)
    }

    @Test("the ticket's contact address has its own, valid only from that address")
    func contact() {
        let contact = EmailAddress("segreteria@rossi.example")!
        let own = addresses.address(ticket: 1453, person: 17, contact: contact)
        #expect(own != addresses.address(ticket: 1453, person: 17), "not the requester's key")
        #expect(own.hasPrefix("assistenza+t1453.17."))
        #expect(addresses.match([own], sender: contact) == .valid(ticket: 1453, person: 17))
        #expect(addresses.match([own], sender: EmailAddress("Segreteria@Rossi.example")) == .valid(ticket: 1453, person: 17))
        #expect(addresses.match([own], sender: EmailAddress("luca.verdi@rossi.example")) == .forged, "moved to another person")
        #expect(addresses.match([own]) == .forged)
        #expect(addresses.address(ticket: 1453, person: 17, contact: EmailAddress("ufficio@rossi.example")) != own)
    }

    @Test("addresses that are not reply addresses match nothing")
    func notReplies() {
        #expect(addresses.match(["assistenza@fornitore.example", "mario@rossi.example"]) == nil)
        #expect(addresses.match(["assistenza+t12@fornitore.example", "a+t1.2.short@x.example"]) == nil)
    }

    @Test("without a key of at least 16 characters there are no reply addresses")
    func needsKey() {
        #expect(ReplyAddress(config: Config(values: ["PORTAL_MAIL_REPLY_KEY": "corta"])) == nil)
        #expect(ReplyAddress(config: Config(values: [:])) == nil)
    }
}
