import CSodium

/// A bearer secret (session, trusted device, challenge, invitation, reset link): 32 random
/// bytes sent as base64url; the server keeps only its BLAKE2b-256 hash.
public struct Token: Sendable {
    public let value: String
    public let hash: [UInt8]

    public static func generate() -> Token {
        let value = Base64URL.encode(Random.bytes(32))
        return Token(value: value, hash: Token.hash(value))
    }

    public static func hash(_ value: String) -> [UInt8] {
        Digest.blake2b(Array(value.utf8))
    }

    /// A token as it arrives from a cookie or a link: exactly 43 base64url characters.
    public static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && Base64URL.decode(value)?.count == 32
    }
}

public enum Digest {
    public static func blake2b(_ input: [UInt8], key: [UInt8] = []) -> [UInt8] {
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        let result = input.withUnsafeBufferPointer { inputBuffer in
            key.withUnsafeBufferPointer { keyBuffer in
                crypto_generichash(
                    &out, 32, inputBuffer.baseAddress, UInt64(input.count),
                    key.isEmpty ? nil : keyBuffer.baseAddress, key.count)
            }
        }
        precondition(result == 0, "crypto_generichash failed")
        return out
    }

    /// HMAC-SHA-256, for values that must be recomputable from a server secret (CSRF tokens).
    public static func hmacSHA256(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        HMACKey(key).authenticate(message)
    }

    public static func sha256Hex(_ input: [UInt8]) -> String {
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        crypto_hash_sha256(&out, input, UInt64(input.count))
        return out.map { byte in
            let hex = Array("0123456789abcdef")
            return String([hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
        }.joined()
    }
}

public enum ConstantTime {
    public static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        Sodium.ensureInitialized()
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return sodium_memcmp(lhs, rhs, lhs.count) == 0
    }

    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        equal(Array(lhs.utf8), Array(rhs.utf8))
    }
}

/// An HMAC-SHA-256 key whose two padded blocks are hashed once, when it is made: each
/// message then costs its own block and the outer one. A CSRF token is made on every page,
/// and the pads were half of its four SHA-256 blocks.
public struct HMACKey: Sendable {
    /// libsodium's state right after `init` with the key: plain values, copied per message.
    private let keyed: crypto_auth_hmacsha256_state

    public init(_ key: [UInt8]) {
        Sodium.ensureInitialized()
        var state = crypto_auth_hmacsha256_state()
        crypto_auth_hmacsha256_init(&state, key, key.count)
        keyed = state
    }

    public func authenticate(_ message: [UInt8]) -> [UInt8] {
        var state = keyed
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_BYTES))
        crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
        crypto_auth_hmacsha256_final(&state, &out)
        return out
    }
}
