import Testing

@testable import PortalCore

@Suite("The ticket list's filters")
struct TicketQueryTests {
    @Test("a code or a date it cannot read is named, not guessed", arguments: [
        ("codice", "12a"), ("codice", "0"), ("da", "2026-02-31"), ("a", "31/13/2026"),
        // Testo without a letter or a digit searches for nothing, and over 200 characters is refused.
        ("testo", "'"), ("testo", "%  \""), ("testo", String(repeating: "a", count: 201)),
    ])
    func unreadable(name: String, value: String) {
        var invalid: [String] = []
        let query = TicketQuery(fields: [(name, value)], invalid: &invalid)
        #expect(invalid == [name])
        #expect(!query.narrows)
    }

    @Test("Testo travels in the query string percent-encoded, and searches its words")
    func text() {
        let query = TicketQuery(fields: [("testo", "stampante & rete"), ("stato", "aperto")])
        #expect(query.text == "stampante & rete")
        #expect(query.searchExpression == "\"stampante\" \"rete\"*")
        #expect(query.queryString().hasSuffix("&testo=" + PercentEncoding.encode("stampante & rete")))
        #expect(!query.queryString().contains(" "))
    }

    @Test("invisible formatting pasted with a text is left out of it; a control character still refuses it")
    func invisible() {
        #expect(FilterField.text("ROSSI SRL\u{200B}", limit: 100) == "ROSSI SRL")
        #expect(FilterField.text("\u{FEFF}stampante", limit: 100) == "stampante")
        #expect(FilterField.text("ROSSI\u{1}", limit: 100) == nil)
    }

    @Test("Da data after A data is a reversed range; the same day is not")
    func range() {
        #expect(TicketQuery(fields: [("da", "2026-03-10"), ("a", "2026-03-01")]).rangeIsReversed)
        #expect(!TicketQuery(fields: [("da", "2026-03-10"), ("a", "2026-03-10")]).rangeIsReversed)
    }

    @Test("closing is allowed from the start of the minute the page names, never before the delay")
    func closableFrom() {
        // 04:44:37 + 5 minutes = 04:49:37: allowed from 04:50:00, as "dalle 04:50" says.
        let created: Timestamp = 1_764_474_277
        #expect(TicketRules.closableFrom(createdAt: created, delayMinutes: 5) == created + 300 + 23)
        // On a whole minute: the delay itself. No delay: at once, not at the next minute.
        #expect(TicketRules.closableFrom(createdAt: created - 37, delayMinutes: 5) == created - 37 + 300)
        #expect(TicketRules.closableFrom(createdAt: created, delayMinutes: 0) == created)
    }

    @Test("a closed ticket reopens for 15 calendar days in Rome, across a change of the clocks")
    func reopenWindow() {
        // Closed 2026-10-20 10:15:30 in Rome (summer time, 08:15:30 UTC); the clocks go back on
        // 25 October, so 4 November 10:15:30 in Rome is 09:15:30 UTC: 15 days and one hour later.
        let closed: Timestamp = 1_792_484_130
        let limit = closed + 15 * 86400 + 3600
        #expect(TicketRules.reopenDeadline(closedAt: closed) == limit)
        #expect(TicketRules.canReopen(closedAt: closed, now: limit))
        #expect(!TicketRules.canReopen(closedAt: closed, now: limit + 1))
        // In spring, one hour fewer: closed 2027-03-20 10:00 (winter, 09:00 UTC), limit 4 April 10:00 (08:00 UTC).
        let spring: Timestamp = 1_805_533_200
        #expect(TicketRules.reopenDeadline(closedAt: spring) == spring + 15 * 86400 - 3600)
        #expect(TicketRules.canReopen(closedAt: nil, now: spring))
    }

    @Test("numbers are grouped as Italians write them", arguments: [(20_000, "20.000"), (999, "999"), (1_234_567, "1.234.567")])
    func thousands(value: Int, text: String) {
        #expect(Text.thousands(value) == text)
    }
}
