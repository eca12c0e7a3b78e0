import PortalCore
import PortalHTML
@testable import PortalHandlers
import Testing

@Suite("Ticket cards")
struct TicketCardTests {
    @Test("each status has a badge of its own colour; the open ones are all open badges")
    func statusBadges() {
        let classes = TicketStatus.allCases.map(Badge.status)
        #expect(Set(classes).count == TicketStatus.allCases.count)
        #expect(Badge.status(.postponed) == "badge badge--open badge--status-postponed")
        #expect(Badge.status(.closed) == "badge badge--closed")
    }

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
