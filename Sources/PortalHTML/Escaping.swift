/// HTML escaping. Text escapes `& < >`; attribute values also escape both quotes, so a value
/// can never end its attribute, whichever quote the markup uses.
public enum Escape {
    public static func text(_ value: String) -> String { escaped(value, attribute: false) }

    public static func attribute(_ value: String) -> String { escaped(value, attribute: true) }

    static func escaped(_ value: String, attribute: Bool) -> String {
        var out: [UInt8] = []
        withUTF8(of: value) { bytes in
            out.reserveCapacity(bytes.count)
            runs(of: bytes, attribute: attribute) { out.append(contentsOf: $0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// NUL, `&`, `<`, `>`; and for attributes `"` and `'` too.
    static let textSpecial: UInt64 = 1 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
    static let attributeSpecial: UInt64 = 1 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    /// Hands `emit` the escaped UTF-8 of `bytes` as runs: unchanged stretches as they are,
    /// each character that needs it as its entity. (The renderer's arena copies while it
    /// looks instead, with the same `special` bits and `entity`.)
    static func runs(
        of bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, _ emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // The characters to escape are all below 64: one bit each, so the common byte costs
        // one comparison.
        let special: UInt64 = attribute ? Escape.attributeSpecial : Escape.textSpecial
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 64 || special & (1 << UInt64(byte)) == 0 { continue }
            if index > start { emit(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            entity(for: byte).withUTF8Buffer { emit($0) }
            start = index + 1
        }
        if bytes.count > start { emit(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
    }

    /// What a byte of `textSpecial` or `attributeSpecial` is written as.
    static func entity(for byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: "\u{FFFD}"  // NUL has no place in a page
        }
    }
}
