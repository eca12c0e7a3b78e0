/// Text in the character sets mail programs actually send: UTF-8, US-ASCII, ISO-8859-1,
/// ISO-8859-15 and Windows-1252. An unknown or wrong label falls back to UTF-8 when the
/// bytes are valid UTF-8 and to Windows-1252 otherwise, so no text is ever dropped.
enum Charset {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let label = (charset ?? "").lowercased().trimmingCharacters(in: "\" ")
        switch label {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1":
            // Latin-1 labels are read as Windows-1252, as browsers and mail programs do:
            // Outlook labels its curly quotes and € sign "iso-8859-1".
            return windows1252(bytes)
        case "windows-1252", "cp1252", "x-cp1252": return windows1252(bytes)
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9": return latin9(bytes)
        default:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            // Labelled UTF-8 but not: without a single multi-byte sequence the text was
            // written in a Latin code page by an old program ("perch\u{E9}" was "perch�");
            // with some, a stray byte in real UTF-8, read as such.
            if (label == "utf-8" || label == "utf8") && hasMultiByteSequence(bytes) { return String(decoding: bytes, as: UTF8.self) }
            return windows1252(bytes)
        }
    }

    /// Whether any well-formed UTF-8 sequence of two or more bytes is in `bytes`.
    static func hasMultiByteSequence(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1
            if length > 1, index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// 0x80–0x9F of Windows-1252; 0 where the code page leaves a hole.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9f, high[Int(byte - 0x80)] != 0, let scalar = Unicode.Scalar(high[Int(byte - 0x80)]) {
                out.append(scalar)
            } else {
                out.append(Unicode.Scalar(byte))
            }
        }
        return String(out)
    }

    static func latin9(_ bytes: [UInt8]) -> String {
        let changed: [UInt8: UInt32] = [
            0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
        ]
        var out = String.UnicodeScalarView()
        for byte in bytes {
            out.append(changed[byte].flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(byte))
        }
        return String(out)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
