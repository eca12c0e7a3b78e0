/// HTML escaping. Text escapes `& < >`; attribute values also escape both quotes, so a value
/// can never end its attribute, whichever quote the markup uses.
public enum Escape {
    public static func text(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, attribute: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func attribute(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, attribute: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `value`. Works on bytes: the hot path of every page.
    static func append(_ value: String, attribute: Bool, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count)
            var start = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case UInt8(ascii: "'") where attribute: replacement = "&#39;"
                case 0: replacement = "\u{FFFD}"  // NUL has no place in a page
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}
