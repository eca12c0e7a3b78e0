/// Italy's national public holidays: the fixed dates of law 260/1949 and its changes, and
/// Easter Monday ("Lunedì dell'Angelo"), which moves with Easter.
public enum ItalianHolidays {
    /// (month, day) of every year's fixed holidays.
    static let fixed: [(month: Int, day: Int)] = [
        (1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26),
    ]

    /// San Francesco (4 October) is a national holiday again from 2026 (law 151 of 2025).
    static let saintFrancisFrom = 2026

    /// The national holidays of `year`, in date order.
    public static func dates(in year: Int) -> [DateOnly] {
        var dates = fixed.map { DateOnly(checkedYear: year, month: $0.month, day: $0.day) }
        if year >= saintFrancisFrom { dates.append(DateOnly(checkedYear: year, month: 10, day: 4)) }
        dates.append(easterSunday(year).adding(days: 1))
        return dates.sorted { $0.dayNumber < $1.dayNumber }
    }

    public static func isNational(_ day: DateOnly) -> Bool {
        if fixed.contains(where: { $0.month == day.month && $0.day == day.day }) { return true }
        if day.year >= saintFrancisFrom && day.month == 10 && day.day == 4 { return true }
        return day.weekday == 1 && day.dayNumber == easterMonday(day.year)
    }

    /// The day number of Easter Monday, from a table worked out once for the years a portal meets.
    static func easterMonday(_ year: Int) -> Int {
        let index = year - RomeTime.firstTabulatedYear
        return easterMondays.indices.contains(index) ? easterMondays[index] : easterSunday(year).dayNumber + 1
    }

    static let easterMondays: [Int] = (RomeTime.firstTabulatedYear..<2200).map { easterSunday($0).dayNumber + 1 }

    /// Easter Sunday of the Gregorian calendar (the anonymous computus, as in Meeus).
    public static func easterSunday(_ year: Int) -> DateOnly {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return DateOnly(checkedYear: year, month: month, day: day)
    }
}

/// A day the desk adds to the national holidays, or works although it is one: a date of one
/// year ("24/12/2026") or the same day every year ("29/06", a patron saint).
public enum HolidayRule: Sendable, Equatable, Hashable {
    case once(year: Int, month: Int, day: Int)
    case everyYear(month: Int, day: Int)

    public func matches(_ date: DateOnly) -> Bool {
        switch self {
        case .once(let year, let month, let day): date.year == year && date.month == month && date.day == day
        case .everyYear(let month, let day): date.month == month && date.day == day
        }
    }

    /// The day in `year`, if the rule has one (29/02 only in leap years).
    func date(in year: Int) -> DateOnly? {
        switch self {
        case .once(let ruleYear, let month, let day): ruleYear == year ? DateOnly(year: year, month: month, day: day) : nil
        case .everyYear(let month, let day): DateOnly(year: year, month: month, day: day)
        }
    }

    /// Reads "dd/mm/yyyy", "yyyy-mm-dd" (one year) or "dd/mm" (every year); nil otherwise.
    public init?(_ text: String) {
        let value = text.trimmingWhitespace()
        let slashes = value.split(separator: "/", omittingEmptySubsequences: false)
        if slashes.count == 2, let day = Int(slashes[0]), let month = Int(slashes[1]),
            slashes.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            DateOnly(year: 2000, month: month, day: day) != nil
        {
            self = .everyYear(month: month, day: day)
            return
        }
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "/" || $0 == "-") }), let date = DateOnly(value) else {
            return nil
        }
        self = .once(year: date.year, month: date.month, day: date.day)
    }

    /// Whether the rule names a national holiday: a fixed one for "every year", any one
    /// (Easter Monday included) for a date of one year.
    var isNationalHoliday: Bool {
        switch self {
        case .once(let year, let month, let day):
            return DateOnly(year: year, month: month, day: day).map(ItalianHolidays.isNational) ?? false
        case .everyYear(let month, let day):
            return ItalianHolidays.fixed.contains { $0.month == month && $0.day == day } || (month == 10 && day == 4)
        }
    }

    /// As the page shows and stores it: "24/12/2026" or "29/06".
    public var text: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        switch self {
        case .once(let year, let month, let day): return "\(two(day))/\(two(month))/\(year)"
        case .everyYear(let month, let day): return "\(two(day))/\(two(month))"
        }
    }
}
