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

    /// Copies the stretches that need no escape as they are, between the escaped bytes: the
    /// dashboard's data is mostly plain text.
    public static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Most strings need no escape at all: then they go in with one copy.
            guard bytes.contains(where: { !isPlain($0) }) else {
                out.append(contentsOf: bytes)
                return
            }
            var start = 0
            var index = 0
            func flush() { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            while index < bytes.count {
                let byte = bytes[index]
                if isPlain(byte) {
                    index += 1
                    continue
                }
                let escaped: StaticString?
                switch byte {
                case UInt8(ascii: "\""): escaped = #"\""#
                case UInt8(ascii: "\\"): escaped = #"\\"#
                case UInt8(ascii: "\n"): escaped = #"\n"#
                case UInt8(ascii: "\r"): escaped = #"\r"#
                case UInt8(ascii: "\t"): escaped = #"\t"#
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    flush()
                    writeEscape(UInt32(byte), to: &out)
                    index += 1
                    start = index
                    continue
                case 0xE2:
                    // A String is valid UTF-8: a lead byte E2 is followed by two continuation
                    // bytes; only E2 80 A8 and E2 80 A9 (the line separators) are escaped.
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        flush()
                        writeEscape(0x2000 + UInt32(bytes[index + 2] - 0x80), to: &out)
                        index += 3
                        start = index
                    } else {
                        index += 1
                    }
                    continue
                default: escaped = nil
                }
                if let escaped {
                    flush()
                    escaped.withUTF8Buffer { out.append(contentsOf: $0) }
                    start = index + 1
                }
                index += 1
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A byte written as it is: not a quote, backslash, control character or markup
    /// character, nor the lead byte of a line separator (E2 80 A8/A9).
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
            && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&") && byte != 0xE2
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeEscape(_ code: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((code >> UInt32(shift)) & 0xF)]) }
    }
}

/// Compact JSON written as it is produced, with `JSONValue`'s escaping: for answers made on
/// every request (the dashboard's data), which built a `JSONValue` tree, wrote it and freed
/// it, two thirds of their JSON's cost. The writer places the commas.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// A value was just written: the next member or element needs a comma first.
    private var afterValue = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        afterValue = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        afterValue = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        afterValue = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        afterValue = true
    }

    /// An object member's name made at run time, escaped; its value follows.
    public mutating func key(escaping name: String) {
        separate()
        JSONValue.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterValue = false
    }

    /// A member's name written in the code, copied as it is (it must need no escape); its
    /// value follows.
    public mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer { $0.allSatisfy(JSONValue.isPlain) }, "key \(name) needs escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterValue = false
    }

    /// A member with its value, in one call.
    public mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int64) {
        key(name)
        int(value)
    }

    public mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func string(_ value: String) {
        separate()
        JSONValue.writeString(value, to: &bytes)
        afterValue = true
    }

    public mutating func int(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        afterValue = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        afterValue = true
    }

    public mutating func value(_ value: JSONValue) {
        separate()
        value.write(to: &bytes)
        afterValue = true
    }
}
