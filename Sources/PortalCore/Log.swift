#if canImport(Glibc)
    import Glibc
#endif

/// One line per event, `key=value`, on stderr, starting with the UTC time to the
/// millisecond (`time=2026-11-30T07:41:05.123Z event=…`). Never pass secrets, codes or tokens.
public enum Log {
    public static func event(_ name: String, _ fields: [(String, String)] = []) {
        var line = "time=\(timestamp()) event=\(name)"
        for (key, value) in fields {
            line += " \(key)=\(quote(value))"
        }
        line += "\n"
        // C `stderr` is not usable from Swift 6 strict concurrency; fd 2 is.
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(2, buffer.baseAddress, buffer.count - 1)
        }
    }

    /// ISO 8601 in UTC: comparable across the handlers, the mailer and nginx's own log
    /// whatever the process's time zone (workers run in Europe/Rome for display).
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(now.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }

    static func quote(_ value: String) -> String {
        let safe = value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7f && scalar != "\"" && scalar != "="
        }
        if safe && !value.isEmpty { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
