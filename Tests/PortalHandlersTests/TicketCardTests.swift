import PortalCore
import PortalHTML
@testable import PortalHandlers
import Testing

@Suite("Ticket cards")
struct TicketCardTests {
    @Test("a fact made from its kept opening is the markup the builder writes", arguments: [
        ("badge badge--open", "Aperto"), (nil, "Rossi & <Figli> \"srl\""), (nil, ""),
    ] as [(String?, String)])
    func factMarkup(badge: String?, value: String) {
        let kept = TicketListResults.fact(TicketListResults.Facts.requester, badge: badge, value).html
        let built = el("dl", ["class": "ticket-fact"]) {
            el("dt") { Text.requester }
            el("dd") {
                if let badge { el("span", ["class": badge]) { value } } else { value }
            }
        }.html
        #expect(kept == built)
    }
}
