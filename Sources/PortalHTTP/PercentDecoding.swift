import PortalCore
/// Strict `application/x-www-form-urlencoded` and URL component decoding: a bad escape or
/// bytes that are not UTF-8 are a 400, never a guess.
enum PercentDecoding {
    static func decode(_ input: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) throws -> String {
        // The common case, nothing escaped, is one validated copy.
        if !input.contains(where: { $0 == UInt8(ascii: "%") || ($0 == UInt8(ascii: "+") && plusIsSpace) }) {
            guard let text = String(validating: input, as: UTF8.self) else { throw HTTPError.badRequest("invalid UTF-8") }
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            index += 1
            switch byte {
            case UInt8(ascii: "%"):
                guard index + 1 < input.count, let high = hexValue(input[index]), let low = hexValue(input[index + 1]) else {
                    throw HTTPError.badRequest("bad percent-encoding")
                }
                bytes.append(high << 4 | low)
                index += 2
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw HTTPError.badRequest("invalid UTF-8")
        }
        return text
    }

    static func decode(_ input: String, plusIsSpace: Bool) throws -> String {
        var input = input
        return try input.withUTF8 { try decode($0, plusIsSpace: plusIsSpace) }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

public func urlEncode(_ text: String) -> String { PercentEncoding.encode(text) }
