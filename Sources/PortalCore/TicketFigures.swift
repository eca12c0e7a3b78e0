/// What "Andamento" needs to know of one ticket opened in the period.
public struct TicketFacts: Sendable {
    public let createdAt: Timestamp
    public let closedAt: Timestamp?
    public let firstAnsweredAt: Timestamp?
    public let priority: Priority
    public let status: TicketStatus
    public let area: RequestArea
    /// Working minutes the ticket's clock stood still ("Rinviato"), pauses that ended.
    public let pausedMinutes: Int
    /// Those of them that ended before the first answer (they moved its deadline).
    public let answerPausedMinutes: Int

    public init(
        createdAt: Timestamp, closedAt: Timestamp?, firstAnsweredAt: Timestamp?, priority: Priority, status: TicketStatus,
        area: RequestArea, pausedMinutes: Int = 0, answerPausedMinutes: Int = 0
    ) {
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.firstAnsweredAt = firstAnsweredAt
        self.priority = priority
        self.status = status
        self.area = area
        self.pausedMinutes = pausedMinutes
        self.answerPausedMinutes = answerPausedMinutes
    }
}

/// "Andamento": the desk's figures for a period ("Dal", "Al", whole days in Rome), each the
/// data of one chart and its table. Pure: the store hands it the tickets' facts.
public struct TicketFigures: Sendable {
    public struct Week: Sendable, Equatable {
        /// The first day the week counts: its Monday, or "Dal" when the period starts later
        /// in the week (so that the row's label says which days it holds).
        public let firstDay: DateOnly
        public let opened: Int
        public let closed: Int
    }

    /// First-answer times (working minutes) of the tickets of one priority that had one.
    public struct AnswerTimes: Sendable, Equatable {
        public let priority: Priority
        public let answered: Int
        public let median: Double?
        public let percentile90: Double?
    }

    /// How many tickets of one priority met their targets, of those whose outcome is known:
    /// answered (or overdue without an answer), resolved (or overdue while open).
    public struct Share: Sendable, Equatable {
        public let priority: Priority
        public let firstAnswerCounted: Int
        public let firstAnswerWithin: Int
        public let resolutionCounted: Int
        public let resolutionWithin: Int

        public var firstAnswerPercent: Double? { TicketFigures.percent(firstAnswerWithin, of: firstAnswerCounted) }
        public var resolutionPercent: Double? { TicketFigures.percent(resolutionWithin, of: resolutionCounted) }
    }

    public let weeks: [Week]
    /// Tickets opened in the period and still open, per status and per area.
    public let openByStatus: [(status: TicketStatus, count: Int)]
    public let openByArea: [(area: RequestArea, count: Int)]
    public let answerTimes: [AnswerTimes]
    public let shares: [Share]

    /// - Parameters:
    ///   - tickets: the tickets opened in the period.
    ///   - closings: when each ticket closed in the period was closed (opened in it or not).
    public init(
        period: FiguresPeriod, tickets: [TicketFacts], closings: [Timestamp], targets: ResponseTargets, calendar: WorkingCalendar,
        now: Timestamp
    ) {
        // Counted by the position of their week; an instant outside the period has none.
        var opened: [Int: Int] = [:]
        var closed: [Int: Int] = [:]
        for ticket in tickets { opened[period.weekIndex(of: ticket.createdAt), default: 0] += 1 }
        for closing in closings { closed[period.weekIndex(of: closing), default: 0] += 1 }
        weeks = period.mondays.enumerated().map { index, monday in
            Week(
                firstDay: monday.dayNumber < period.from.dayNumber ? period.from : monday,
                opened: opened[index] ?? 0, closed: closed[index] ?? 0)
        }

        let open = tickets.filter { !$0.status.isClosed }
        openByStatus = TicketStatus.allCases.filter { !$0.isClosed }.map { status in (status, open.filter { $0.status == status }.count) }
        openByArea = RequestArea.allCases.map { area in (area, open.filter { $0.area == area }.count) }

        var times: [AnswerTimes] = []
        var shares: [Share] = []
        for priority in Priority.allCases.reversed() {
            let target = targets[priority]
            var minutes: [Int] = []
            var answerCounted = 0, answerWithin = 0, resolutionCounted = 0, resolutionWithin = 0
            for ticket in tickets where ticket.priority == priority {
                // The pauses ("Rinviato") move the deadlines as they move the queue's; a ticket
                // paused now is not late while it waits for the customer.
                let paused = ticket.pausedMinutes
                let waitsForCustomer = ticket.status == .postponed
                // An answered ticket's deadline moved by the pauses before its answer only (as
                // the queue showed it); later ones ("Rinviato" asking the customer something)
                // never excuse a late answer.
                let answerPaused = ticket.firstAnsweredAt == nil ? paused : ticket.answerPausedMinutes
                let answerDue = calendar.adding(minutes: target.firstAnswer + answerPaused, to: ticket.createdAt)
                if let answered = ticket.firstAnsweredAt {
                    minutes.append(max(0, calendar.workingMinutes(from: ticket.createdAt, to: answered) - answerPaused))
                    answerCounted += 1
                    if answered <= answerDue { answerWithin += 1 }
                } else if !ticket.status.isClosed && !waitsForCustomer && now > answerDue {
                    answerCounted += 1
                }
                let resolutionDue = calendar.adding(minutes: target.resolution + paused, to: ticket.createdAt)
                if let closedAt = ticket.closedAt, ticket.status.isClosed {
                    resolutionCounted += 1
                    if closedAt <= resolutionDue { resolutionWithin += 1 }
                } else if !waitsForCustomer && now > resolutionDue {
                    resolutionCounted += 1
                }
            }
            times.append(
                AnswerTimes(
                    priority: priority, answered: minutes.count, median: Percentile.of(minutes, 50),
                    percentile90: Percentile.of(minutes, 90)))
            shares.append(
                Share(
                    priority: priority, firstAnswerCounted: answerCounted, firstAnswerWithin: answerWithin,
                    resolutionCounted: resolutionCounted, resolutionWithin: resolutionWithin))
        }
        answerTimes = times
        self.shares = shares
    }

    static func percent(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) * 100 / Double(whole)
    }
}

/// "Dal" and "Al" of "Andamento": whole days in Rome, at most two years.
public struct FiguresPeriod: Sendable, Equatable {
    public let from: DateOnly
    public let to: DateOnly

    /// The first second of "Dal" and the first second after "Al".
    public var start: Timestamp { RomeTime.startOfDay(from) }
    public var end: Timestamp { RomeTime.startOfDay(to.adding(days: 1)) }

    /// The default: the last twelve weeks, this one included.
    public static func lastWeeks(_ count: Int = 12, today: DateOnly) -> FiguresPeriod {
        FiguresPeriod(checkedFrom: today.adding(days: -(today.weekday - 1) - 7 * (count - 1)), to: today)
    }

    init(checkedFrom from: DateOnly, to: DateOnly) {
        self.from = from
        self.to = to
    }

    public static let maximumDays = 2 * 366

    /// The period typed in the form; the errors per field ("dal", "al") otherwise.
    public static func read(from: String, to: String) -> Result<FiguresPeriod, FieldErrors> {
        var errors: [String: String] = [:]
        let start = DateOnly(from.trimmingWhitespace())
        let end = DateOnly(to.trimmingWhitespace())
        func refusal(_ typed: String) -> String {
            let trimmed = typed.trimmingWhitespace()
            if trimmed.isEmpty { return Text.periodDateRequired }
            return DateOnly.calendarDate(trimmed) == nil ? Text.periodDateInvalid : Text.dateOutOfRange(trimmed, years: DateOnly.years)
        }
        if start == nil { errors["dal"] = refusal(from) }
        if end == nil { errors["al"] = refusal(to) }
        if let start, let end {
            if end.dayNumber < start.dayNumber {
                errors["al"] = Text.periodBackwards
            } else if end.dayNumber - start.dayNumber >= maximumDays {
                errors["al"] = Text.periodTooLong
            }
        }
        guard errors.isEmpty, let start, let end else { return .failure(FieldErrors(errors)) }
        return .success(FiguresPeriod(checkedFrom: start, to: end))
    }

    /// The Monday of each week the period touches.
    public var mondays: [DateOnly] {
        let first = from.adding(days: -(from.weekday - 1))
        return stride(from: first.dayNumber, through: to.dayNumber, by: 7).map { DateOnly(dayNumber: $0) }
    }

    /// The position in `mondays` of the week of `instant` (local time).
    func weekIndex(of instant: Timestamp) -> Int {
        let day = RomeTime.local(instant).day
        let first = from.adding(days: -(from.weekday - 1))
        return (day.dayNumber - first.dayNumber) / 7
    }
}

/// Refusals of a form's fields, by field name: the message shown beside each.
public struct FieldErrors: Error, Sendable, Equatable {
    public let messages: [String: String]
    public init(_ messages: [String: String]) { self.messages = messages }
}
