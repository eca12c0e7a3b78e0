extension JSONValue {
    /// Compact JSON. `<`, `>`, `&`, U+2028 and U+2029 are escaped too, so that the text is
    /// harmless wherever it ends up (inside HTML, or evaluated by an old JavaScript parser).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The same as UTF-8, ready to be a response body.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out)
        return out
    }

    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value):
            // Whole numbers as integers ("54", not "54.0"); the rest as Swift prints a Double.
            if value.rounded(.towardZero) == value, abs(value) < 1e15 {
                out.append(contentsOf: String(Int64(value)).utf8)
            } else {
                out.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
            }
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Byte by byte: a String is valid UTF-8, so a lead byte E2 is always followed by two
        // continuation bytes; only E2 80 A8 and E2 80 A9 (the line separators) are escaped.
        var utf8 = value.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: writeEscape(UInt32(byte), to: &out)
            case 0xE2:
                let second = utf8.next() ?? 0x80
                let third = utf8.next() ?? 0x80
                if second == 0x80 && (third == 0xA8 || third == 0xA9) {
                    writeEscape(0x2000 + UInt32(third - 0x80), to: &out)
                } else {
                    out.append(contentsOf: [byte, second, third])
                }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeEscape(_ code: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((code >> UInt32(shift)) & 0xF)]) }
    }
}
