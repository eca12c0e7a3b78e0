#if canImport(Glibc)
    import Glibc
#endif

/// Unix time in seconds: what the database stores.
public typealias Timestamp = Int64

public enum Clock {
    public static func now() -> Timestamp { Timestamp(time(nil)) }

    /// Dates are shown as dd/MM/yyyy HH:mm in Europe/Rome, whatever the server's zone.
    public static func useItalianTimeZone() {
        setenv("TZ", "Europe/Rome", 1)
        tzset()
    }

    public static func display(_ timestamp: Timestamp, format: String = "%d/%m/%Y %H:%M") -> String {
        var seconds = time_t(timestamp)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return text(parts, format: format)
    }

    /// `parts` written in `format`: directly when `digits` can, else by strftime.
    static func text(_ parts: tm, format: String) -> String {
        if let fast = digits(parts, format: format) { return fast }
        var parts = parts
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The formats made only of `%d %m %Y %H %M` and other characters, written directly:
    /// a list page shows twenty dates, and strftime with its buffers cost four times as much.
    /// Nil for any other conversion, which strftime handles.
    static func digits(_ parts: tm, format: String) -> String? {
        var format = format
        var supported = true
        let text = format.withUTF8 { spec in
            String(unsafeUninitializedCapacity: spec.count * 2) { out in
                var written = 0
                func put(_ value: Int32, width: Int) {
                    var divisor: Int32 = width == 4 ? 1000 : 10
                    while divisor > 0 {
                        out[written] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / divisor % 10)
                        written += 1
                        divisor /= 10
                    }
                }
                var index = 0
                while index < spec.count {
                    guard spec[index] == UInt8(ascii: "%"), index + 1 < spec.count else {
                        out[written] = spec[index]
                        written += 1
                        index += 1
                        continue
                    }
                    switch spec[index + 1] {
                    case UInt8(ascii: "d"): put(parts.tm_mday, width: 2)
                    case UInt8(ascii: "m"): put(parts.tm_mon + 1, width: 2)
                    case UInt8(ascii: "Y") where (1000...9999).contains(parts.tm_year + 1900):
                        put(parts.tm_year + 1900, width: 4)
                    case UInt8(ascii: "H"): put(parts.tm_hour, width: 2)
                    case UInt8(ascii: "M"): put(parts.tm_min, width: 2)
                    default:
                        supported = false
                        return 0
                    }
                    index += 2
                }
                return written
            }
        }
        return supported ? text : nil
    }

    public static func displayDate(_ timestamp: Timestamp) -> String { display(timestamp, format: "%d/%m/%Y") }

    /// A `<time>` element's `datetime`: the moment in UTC, a valid global date and time string
    /// ("03/12/2026 05:14" alone is not one: the HTML checker refused it; Rome's wall clock
    /// without its offset left a program reading it to guess the zone).
    public static func machineReadable(_ timestamp: Timestamp) -> String {
        var seconds = time_t(timestamp)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return text(parts, format: "%Y-%m-%dT%H:%MZ")
    }

    /// "dalle 06:11" for a moment from which something is allowed: the first whole minute at
    /// or after it, never the minute it falls in (06:10:40 shown as 06:10 is still refused).
    public static func displayFrom(_ timestamp: Timestamp) -> String {
        display((timestamp + 59) / 60 * 60, format: "%H:%M")
    }
}

extension Clock {
    /// The first second of a calendar day in Europe/Rome (the zone set by `useItalianTimeZone`).
    public static func startOfDay(_ date: DateOnly) -> Timestamp {
        var parts = tm()
        parts.tm_year = Int32(date.year - 1900)
        parts.tm_mon = Int32(date.month - 1)
        parts.tm_mday = Int32(date.day)
        parts.tm_isdst = -1
        return Timestamp(mktime(&parts))
    }

    /// "3 g 4 h", "5 h", "12 min": how long something has been waiting.
    public static func elapsed(from start: Timestamp, to end: Timestamp) -> String {
        let seconds = max(0, end - start)
        let days = seconds / 86400
        let hours = (seconds % 86400) / 3600
        // Joined, not interpolated: twenty of them on a list page.
        if days > 0 { return String(days) + " g " + String(hours) + " h" }
        if hours > 0 { return String(hours) + " h" }
        return String(seconds / 60) + " min"
    }
}
