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
