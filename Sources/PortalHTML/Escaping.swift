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

    /// True when none of the eight bytes of `word` needs escaping. Every character to escape
    /// is below 64, so a word with no byte below 64 (letters, and any UTF-8 past ASCII) is
    /// plain at once; otherwise each character is looked for in all eight bytes together
    /// (the "has a zero byte" test on the word xor that character, exact for whether there is
    /// one).
    @inline(__always)
    static func isPlain(_ word: UInt64, attribute: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        if (word &- ones &* 64) & ~word & highs == 0 { return true }
        func has(_ character: UInt8) -> UInt64 {
            let x = word ^ (ones &* UInt64(character))
            return (x &- ones) & ~x & highs
        }
        var found = has(0) | has(0x26) | has(0x3C) | has(0x3E)
        if attribute { found |= has(0x22) | has(0x27) }
        return found == 0
    }

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
