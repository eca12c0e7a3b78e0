/// The body encodings of MIME (RFC 2045): base64 and quoted-printable, decoded leniently
/// the way mail programs do: stray characters are skipped, never a reason to lose the text.
enum TransferEncoding {
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding.lowercased() {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes)
        default: return Array(bytes)
        }
    }

    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): return out
            default: continue
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xff))
            }
        }
        return out
    }

    /// `=XX` bytes and soft line breaks (`=` at the end of a line); `underscoreIsSpace` for
    /// the Q encoding of headers (RFC 2047).
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                var next = bytes.index(after: index)
                // A soft line break: "=" then optional trailing blanks, then CRLF or LF.
                var probe = next
                while probe < bytes.endIndex, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
                if probe < bytes.endIndex, bytes[probe] == 0x0d || bytes[probe] == 0x0a {
                    if bytes[probe] == 0x0d, probe + 1 < bytes.endIndex, bytes[probe + 1] == 0x0a { probe += 1 }
                    index = probe + 1
                    continue
                }
                if probe == bytes.endIndex { break }
                if next + 1 < bytes.endIndex, let high = hexValue(bytes[next]), let low = hexValue(bytes[next + 1]) {
                    out.append(high << 4 | low)
                    next += 2
                    index = next
                    continue
                }
                out.append(byte)
                index = next
                continue
            }
            out.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
