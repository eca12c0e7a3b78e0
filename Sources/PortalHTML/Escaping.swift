/// HTML escaping. Text escapes `& < >`; attribute values also escape both quotes, so a value
/// can never end its attribute, whichever quote the markup uses.
public enum Escape {
    public static func text(_ value: String) -> String {
        escape(value, attribute: false)
    }

    public static func attribute(_ value: String) -> String {
        escape(value, attribute: true)
    }

    /// Works on UTF-8 bytes: most values need no escaping and are returned as they are, the
    /// others are copied once (pages are mostly escaped text, so this is the hot path).
    static func escape(_ value: String, attribute: Bool) -> String {
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.contains(where: { needsEscape($0, attribute: attribute) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where attribute: out.append(contentsOf: "&#39;".utf8)
                case 0: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD: NUL has no place in a page
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? value
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8, attribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0: true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): attribute
        default: false
        }
    }
}
