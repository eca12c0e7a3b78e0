import CSodium
import Glibc

/// base64url without padding (RFC 4648 §5), through libsodium.
public enum Base64URL {
    static let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)

    public static func encode(_ bytes: [UInt8]) -> String {
        Sodium.ensureInitialized()
        let length = sodium_base64_encoded_len(bytes.count, variant)
        // Written in place into the string's storage: the output is ASCII and NUL-terminated,
        // and the string is the bytes before the NUL.
        return String(unsafeUninitializedCapacity: length) { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let start = chars.baseAddress, let base = sodium_bin2base64(start, length, bytes, bytes.count, variant) else {
                    return 0
                }
                return strlen(base)
            }
        }
    }

    public static func decode(_ text: String) -> [UInt8]? {
        Sodium.ensureInitialized()
        let input = Array(text.utf8)
        var out = [UInt8](repeating: 0, count: input.count)
        var written = 0
        let result = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(&out, out.count, chars.baseAddress, input.count, nil, &written, nil, variant)
            }
        }
        guard result == 0 else { return nil }
        return Array(out.prefix(written))
    }
}

/// Standard base64 with padding (RFC 4648 §4), as MIME bodies and headers use it.
public enum Base64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        Sodium.ensureInitialized()
        let variant = Int32(sodium_base64_VARIANT_ORIGINAL)
        let length = sodium_base64_encoded_len(bytes.count, variant)
        var out = [CChar](repeating: 0, count: length)
        _ = sodium_bin2base64(&out, length, bytes, bytes.count, variant)
        // The output is ASCII and NUL-terminated: the bytes before the NUL.
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
