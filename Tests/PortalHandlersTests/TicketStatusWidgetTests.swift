import PortalHTML
@testable import PortalStore
import Testing

@testable import PortalHandlers

@Suite("Stato Ticket's pie")
struct TicketStatusWidgetTests {
    @Test("white lines part the slices where they meet: at the top and at the open share's end")
    func separators() {
        let quarter = TicketStatusWidget.separatorEnds(TicketCounts(open: 1, closed: 3))
        #expect(quarter.map { "\($0.0),\($0.1)" } == ["32,0", "64.00,32.00"])
        let half = TicketStatusWidget.separatorEnds(TicketCounts(open: 5, closed: 5))
        #expect(half.last.map { "\($0.0),\($0.1)" } == "32.00,64.00")
        let html = TicketStatusWidget.render(TicketCounts(open: 3, closed: 1)).html
        #expect(html.components(separatedBy: "class=\"pie-separator\"").count == 3)
        #expect(html.contains("x2=\"0.00\" y2=\"32.00\""))
    }

    @Test("a pie of one slice, or of none, has no line across it")
    func wholeSlices() {
        for counts in [TicketCounts(open: 4, closed: 0), TicketCounts(open: 0, closed: 4), TicketCounts(open: 0, closed: 0)] {
            #expect(TicketStatusWidget.separatorEnds(counts).isEmpty)
            #expect(!TicketStatusWidget.render(counts).html.contains("pie-separator"))
        }
    }

    @Test("coordinates are written with a dot and two decimals, negative ones too")
    func hundredths() {
        #expect(TicketStatusWidget.hundredths(0.004) == "0.00")
        #expect(TicketStatusWidget.hundredths(27.7128) == "27.71")
        #expect(TicketStatusWidget.hundredths(-1.5) == "-1.50")
    }
}
