import PortalCore
import Testing

@Suite("Andamento's figures from the tickets of a period")
struct TicketFiguresTests {
    /// Monday 2 November to Sunday 15 November 2026: two whole weeks.
    let period = try! FiguresPeriod.read(from: "02/11/2026", to: "2026-11-15").get()

    func rome(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        RomeTime.instant(DateOnly(year: 2026, month: 11, day: day)!, minute: hour * 60 + minute)
    }

    func ticket(
        _ created: Timestamp, answered: Timestamp? = nil, closed: Timestamp? = nil, priority: Priority = .normal,
        status: TicketStatus = .waiting, area: RequestArea = .management
    ) -> TicketFacts {
        TicketFacts(
            createdAt: created, closedAt: closed, firstAnsweredAt: answered, priority: priority,
            status: closed == nil ? status : .closed, area: area)
    }

    @Test("opened and closed per week, still open by status and by area")
    func counts() {
        let tickets = [
            ticket(rome(2, 9), area: .systems), ticket(rome(8, 23), status: .unassigned),
            ticket(rome(9, 9), closed: rome(10, 9)), ticket(rome(13, 12), status: .postponed, area: .systems),
        ]
        let figures = TicketFigures(
            period: period, tickets: tickets, closings: [rome(3, 10), rome(10, 9), rome(12, 8)], targets: .standard,
            calendar: .standard, now: rome(16, 9))
        #expect(figures.weeks.map(\.firstDay.italianText) == ["02/11/2026", "09/11/2026"])
        #expect(figures.weeks.map(\.opened) == [2, 2])
        #expect(figures.weeks.map(\.closed) == [1, 2])
        #expect(figures.openByStatus.map(\.count) == [1, 1, 1, 0])
        #expect(figures.openByArea.map(\.count) == [0, 1, 2])
    }

    @Test("a period from a Wednesday: its first week is labelled with that Wednesday and counts from it")
    func midweekStart() throws {
        let wednesday = try FiguresPeriod.read(from: "04/11/2026", to: "2026-11-15").get()
        let figures = TicketFigures(
            period: wednesday, tickets: [ticket(rome(4, 9)), ticket(rome(9, 9))], closings: [], targets: .standard,
            calendar: .standard, now: rome(16, 9))
        #expect(figures.weeks.map(\.firstDay.italianText) == ["04/11/2026", "09/11/2026"])
        #expect(figures.weeks.map(\.opened) == [1, 1])
    }

    @Test("first-answer times in working minutes: median and 90th percentile per priority; shares within target")
    func answers() throws {
        // Normal: 8 working hours to answer, 40 to resolve. Answers after 1, 2, 4 and 10 working hours.
        let tickets = [
            ticket(rome(2, 9), answered: rome(2, 10)), ticket(rome(2, 9), answered: rome(2, 11), closed: rome(3, 9, 30)),
            ticket(rome(2, 9), answered: rome(2, 13)), ticket(rome(2, 9), answered: rome(3, 11)),
            // unanswered and overdue: counted as missed; unanswered and not yet due: not counted
            ticket(rome(4, 9)), ticket(rome(13, 17, 30)),
            ticket(rome(5, 9), answered: rome(5, 9, 30), priority: .blocking),
        ]
        let figures = TicketFigures(
            period: period, tickets: tickets, closings: [], targets: .standard, calendar: .standard, now: rome(13, 17, 45))
        let normal = try #require(figures.answerTimes.first { $0.priority == .normal })
        #expect(normal.answered == 4)
        #expect(normal.median == 180)
        #expect(normal.percentile90 == Percentile.of([60, 120, 240, 600], 90))
        let blocking = try #require(figures.answerTimes.first { $0.priority == .blocking })
        #expect(blocking.median == 30)
        #expect(figures.answerTimes.first { $0.priority == .low }?.median == nil)
        let share = try #require(figures.shares.first { $0.priority == .normal })
        #expect(share.firstAnswerCounted == 5)
        #expect(share.firstAnswerWithin == 3)
        #expect(share.firstAnswerPercent == 60)
        // Resolved: the closed one (within 40 h); overdue while open: those opened on the 2nd and
        // the 4th whose 40 working hours ended before the 13th, 17:45.
        #expect(share.resolutionCounted == 5)
        #expect(share.resolutionWithin == 1)
        #expect(figures.answerTimes.map(\.priority) == [.blocking, .high, .normal, .low])
    }

    @Test("an answer given within a deadline moved by a 'Rinviato' before it is on time, and its time leaves the pause out")
    func pauseBeforeAnswer() throws {
        // Blocking: 1 working hour. Paused 3 working hours before an answer 3.5 hours after opening.
        let paused = TicketFacts(
            createdAt: rome(2, 9), closedAt: nil, firstAnsweredAt: rome(2, 12, 30), priority: .blocking, status: .waiting,
            area: .management, pausedMinutes: 180, answerPausedMinutes: 180)
        // The same answer with the pause after it: late, as before.
        let late = TicketFacts(
            createdAt: rome(2, 9), closedAt: nil, firstAnsweredAt: rome(2, 12, 30), priority: .blocking, status: .waiting,
            area: .management, pausedMinutes: 180, answerPausedMinutes: 0)
        let figures = TicketFigures(
            period: period, tickets: [paused, late], closings: [], targets: .standard, calendar: .standard, now: rome(13, 17))
        let share = try #require(figures.shares.first { $0.priority == .blocking })
        #expect(share.firstAnswerCounted == 2 && share.firstAnswerWithin == 1)
        let times = try #require(figures.answerTimes.first { $0.priority == .blocking })
        #expect(times.median == Percentile.of([30, 210], 50))
    }

    @Test("a period is whole days, at most two years, Al not before Dal")
    func periods() {
        #expect(period.start == rome(2, 0))
        #expect(period.end == rome(16, 0))
        #expect(FiguresPeriod.read(from: "", to: "2026-11-30") == .failure(FieldErrors(["dal": Text.periodDateRequired])))
        #expect(FiguresPeriod.read(from: "2026-11-30", to: "2026-11-01") == .failure(FieldErrors(["al": Text.periodBackwards])))
        #expect(FiguresPeriod.read(from: "2020-01-01", to: "2026-11-01") == .failure(FieldErrors(["al": Text.periodTooLong])))
        #expect(FiguresPeriod.read(from: "31/02/2026", to: "x") == .failure(
            FieldErrors(["dal": Text.periodDateInvalid, "al": Text.periodDateInvalid])))
        let weeks = FiguresPeriod.lastWeeks(today: DateOnly(year: 2026, month: 11, day: 30)!)
        #expect(weeks.from == DateOnly(year: 2026, month: 9, day: 14))
        #expect(weeks.mondays.count == 12)
    }
}
