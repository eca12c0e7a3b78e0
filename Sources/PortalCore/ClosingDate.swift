#if canImport(Glibc)
    import Glibc
#endif

/// A calendar day written as `YYYY-MM-DD` in the configuration (e.g. the classic portal's
/// closing day). Only that form is accepted: a setting read two ways is a setting misread.
public struct ClosingDate: Sendable, Equatable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1970...9999).contains(year), (1...12).contains(month),
            (1...ClosingDate.length(of: month, in: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `timestamp` falls on in the process's time zone (Europe/Rome in the handlers).
    public init(containing timestamp: Timestamp) {
        var seconds = time_t(timestamp)
        var parts = tm()
        localtime_r(&seconds, &parts)
        year = Int(parts.tm_year) + 1900
        month = Int(parts.tm_mon) + 1
        day = Int(parts.tm_mday)
    }

    /// "01/03/2027", as every date in the portal is shown.
    public var display: String { two(day) + "/" + two(month) + "/" + String(year) }

    /// The portal closes at the start of its closing day: on that day it is already closed.
    public func hasArrived(at now: Timestamp) -> Bool { ClosingDate(containing: now) >= self }

    public static func < (lhs: ClosingDate, rhs: ClosingDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func length(of month: Int, in year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
