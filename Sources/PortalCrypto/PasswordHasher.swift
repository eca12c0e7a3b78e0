import CSodium

/// argon2id through `crypto_pwhash_str`, at libsodium's "interactive" limits (about 55 ms
/// and 64 MiB here). The encoded string carries its own salt and parameters.
public enum PasswordHasher {
    public static func hash(_ password: String) -> String {
        Sodium.ensureInitialized()
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        // utf8CString keeps embedded NULs; the explicit length means nothing is truncated.
        let chars = Array(password.utf8CString)
        let result = crypto_pwhash_str(
            &out, chars, UInt64(chars.count - 1),
            UInt64(crypto_pwhash_opslimit_interactive()), crypto_pwhash_memlimit_interactive())
        // Only an out-of-memory condition fails here; serving on without a hash is impossible.
        precondition(result == 0, "crypto_pwhash_str failed (out of memory)")
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func verify(_ password: String, against encoded: String) -> Bool {
        Sodium.ensureInitialized()
        let chars = Array(password.utf8CString)
        return crypto_pwhash_str_verify(encoded, chars, UInt64(chars.count - 1)) == 0
    }

    /// A hash of a random password, verified against when the account does not exist so that
    /// an unknown address costs the same time as a wrong password.
    public static let decoy: String = hash(Base64URL.encode(Random.bytes(24)))
}
