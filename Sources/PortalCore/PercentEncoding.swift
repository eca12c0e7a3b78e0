/// Percent-encoding of a value for a query string or form body: everything but unreserved
/// characters and `/`. Here, below HTTP, because query strings are built by core types too
/// (the remembered filters).
public enum PercentEncoding {
    /// Written byte by byte into the string's own storage: the desk's queue encodes its whole
    /// query for every page (each row's "Torna alla coda"), and appending scalars to a String,
    /// with a table of hex digits made for each encoded byte, cost 90,000 instructions a page.
    public static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 3) { out in
                var written = 0
                for byte in bytes {
                    if isKept(byte) {
                        out[written] = byte
                        written += 1
                    } else {
                        out[written] = UInt8(ascii: "%")
                        out[written + 1] = hexDigit(byte >> 4)
                        out[written + 2] = hexDigit(byte & 0xf)
                        written += 3
                    }
                }
                return written
            }
        }
    }

    @inline(__always)
    static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// An upper-case hex digit of a value below 16.
    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
