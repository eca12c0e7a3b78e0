/// HTML escaping. Text escapes `& < >`; attribute values also escape both quotes, so a value
/// can never end its attribute, whichever quote the markup uses.
public enum Escape {
    public static func text(_ value: String) -> String { escaped(value, attribute: false) }

    public static func attribute(_ value: String) -> String { escaped(value, attribute: true) }

    static func escaped(_ value: String, attribute: Bool) -> String {
        var out: [UInt8] = []
        var value = value
        value.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            runs(of: bytes, attribute: attribute) { out.append(contentsOf: $0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hands `emit` the escaped UTF-8 of `bytes` as runs: unchanged stretches as they are,
    /// each character that needs it as its entity. Works on bytes: the hot path of every page.
    static func runs(
        of bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, _ emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
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
            if index > start { emit(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            replacement.withUTF8Buffer { emit($0) }
            start = index + 1
        }
        if bytes.count > start { emit(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
    }
}
