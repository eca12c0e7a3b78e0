/// When the desk works: Monday to Friday, in the spans of `hours` (local time in Rome, e.g.
/// 09:00–13:00 and 14:00–18:00), except Italy's national holidays, plus the days `added`,
/// minus the days `removed`. Response targets are counted in its working minutes.
///
/// Summer time changes on a Sunday, which is never a working day: every working day has its
/// spans' full length, and only the instants of their starts and ends move with the clocks.
public struct WorkingCalendar: Sendable, Equatable {
    /// One span of working time: minutes from local midnight, `start < end <= 1440`.
    public struct Span: Sendable, Equatable {
        public let start: Int
        public let end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// Sorted and apart (`WorkingCalendar.hours(from:)` makes them so); never empty.
    public var hours: [Span]
    public var added: [HolidayRule]
    public var removed: [HolidayRule]

    public init(hours: [Span], added: [HolidayRule] = [], removed: [HolidayRule] = []) {
        self.hours = hours
        self.added = added
        self.removed = removed
    }

    /// 09:00–13:00 and 14:00–18:00, the national holidays only.
    public static let standard = WorkingCalendar(hours: [Span(start: 540, end: 780), Span(start: 840, end: 1080)])

    /// Working minutes in one working day.
    public var dailyMinutes: Int { hours.reduce(0) { $0 + $1.end - $1.start } }

    public func isHoliday(_ day: DateOnly) -> Bool {
        if removed.contains(where: { $0.matches(day) }) { return false }
        return ItalianHolidays.isNational(day) || added.contains { $0.matches(day) }
    }

    public func isWorkingDay(_ day: DateOnly) -> Bool { day.weekday <= 5 && !isHoliday(day) }

    /// The instant `minutes` working minutes after `start`. From outside working time the
    /// count starts at the next working moment; a count that ends with a span ends at its end
    /// (18:00, not 09:00 of the next working day).
    /// How far `adding` looks for working time: twenty years.
    public static let horizonDays = 366 * 20

    public func adding(minutes: Int, to start: Timestamp) -> Timestamp {
        var remaining = Timestamp(max(0, minutes)) * 60
        var day = RomeTime.local(start).day
        // Twenty years without a working day means a calendar without working time. A target
        // past it is refused where it is set (`fits`): added as calendar time, a longer target
        // on a short working day gave an earlier deadline than a shorter one.
        for _ in 0..<WorkingCalendar.horizonDays {
            if isWorkingDay(day) {
                for span in hours {
                    let end = RomeTime.instant(day, minute: span.end)
                    let from = max(start, RomeTime.instant(day, minute: span.start))
                    guard from < end else { continue }
                    if remaining <= end - from { return from + remaining }
                    remaining -= end - from
                }
            }
            day = day.adding(days: 1)
        }
        return start + remaining
    }

    /// Whether `minutes` of working time are reached within the horizon from `start`.
    public func fits(minutes: Int, from start: Timestamp) -> Bool {
        minutes <= workingMinutes(from: start, to: start + Timestamp(WorkingCalendar.horizonDays - 1) * 86_400)
    }

    /// The working minutes between two instants (0 when `end` is not after `start`).
    public func workingMinutes(from start: Timestamp, to end: Timestamp) -> Int {
        guard end > start else { return 0 }
        let first = RomeTime.local(start).day.dayNumber
        let last = RomeTime.local(end).day.dayNumber
        if last - first < 2 {
            return Int((first...last).reduce(Timestamp(0)) { $0 + seconds(on: DateOnly(dayNumber: $1), start, end) } / 60)
        }
        // Whole days in between count whole: a ticket open for months costs a few years' holidays.
        let edges = seconds(on: DateOnly(dayNumber: first), start, end) + seconds(on: DateOnly(dayNumber: last), start, end)
        return Int(edges / 60) + workingDays(from: first + 1, through: last - 1) * dailyMinutes
    }

    /// The working seconds of `day` that fall between `start` and `end`.
    func seconds(on day: DateOnly, _ start: Timestamp, _ end: Timestamp) -> Timestamp {
        guard isWorkingDay(day) else { return 0 }
        return hours.reduce(Timestamp(0)) { total, span in
            let from = max(start, RomeTime.instant(day, minute: span.start))
            let to = min(end, RomeTime.instant(day, minute: span.end))
            return total + max(0, to - from)
        }
    }

    /// Working days among the days numbered `first` through `last`.
    func workingDays(from first: Int, through last: Int) -> Int {
        guard last >= first else { return 0 }
        let count = last - first + 1
        var weekdays = count / 7 * 5
        var day = DateOnly(dayNumber: first + count / 7 * 7)
        for _ in 0..<(count % 7) {
            if day.weekday <= 5 { weekdays += 1 }
            day = day.adding(days: 1)
        }
        var holidays = Set<Int>()
        for year in DateOnly(dayNumber: first).year...DateOnly(dayNumber: last).year {
            let candidates = ItalianHolidays.dates(in: year) + added.compactMap { $0.date(in: year) }
            for date in candidates where (first...last).contains(date.dayNumber) && date.weekday <= 5 && isHoliday(date) {
                holidays.insert(date.dayNumber)
            }
        }
        return weekdays - holidays.count
    }
}
