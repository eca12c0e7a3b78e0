#if canImport(Glibc)
    import Glibc
#endif

/// One line per event, `key=value`, on stderr. Never pass secrets, codes or tokens.
public enum Log {
    public static func event(_ name: String, _ fields: [(String, String)] = []) {
        var line = "event=\(name)"
        for (key, value) in fields {
            line += " \(key)=\(quote(value))"
        }
        line += "\n"
        // C `stderr` is not usable from Swift 6 strict concurrency; fd 2 is.
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(2, buffer.baseAddress, buffer.count - 1)
        }
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
