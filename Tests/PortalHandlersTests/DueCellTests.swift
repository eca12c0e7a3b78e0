import PortalCore
import PortalHTML
@testable import PortalHandlers
import Testing

@Suite("The queue's «Scadenza»")
struct DueCellTests {
    private func rome(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        RomeTime.instant(DateOnly(year: 2026, month: 12, day: day)!, minute: hour * 60 + minute)
    }

    @Test("overdue since Friday's last hour, on Saturday: no working minute has passed, and it says so")
    func overdueOverTheWeekend() {
        let html = DueCell.render(rome(4, 18), kind: .resolution, now: rome(5, 11), calendar: .standard).html
        #expect(html.contains("scaduto da 0 min lavorativi"))
        #expect(html.contains("due--overdue"))
    }

    @Test("overdue by working time and time left are counted in working hours")
    func counted() {
        // Friday 16:00 to Monday 10:00 is two working hours on Friday and one on Monday.
        let overdue = DueCell.render(rome(4, 16), kind: .resolution, now: rome(7, 10), calendar: .standard).html
        #expect(overdue.contains("scaduto da 3 h"))
        let left = DueCell.render(rome(7, 10), kind: .resolution, now: rome(4, 16), calendar: .standard).html
        #expect(left.contains("mancano 3 h"))
    }
}
