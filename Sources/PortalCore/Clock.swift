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
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func displayDate(_ timestamp: Timestamp) -> String { display(timestamp, format: "%d/%m/%Y") }
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
        if days > 0 { return "\(days) g \(hours) h" }
        if hours > 0 { return "\(hours) h" }
        return "\(seconds / 60) min"
    }
}
