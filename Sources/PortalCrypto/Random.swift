import CSodium

public enum Random {
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.ensureInitialized()
        var buffer = [UInt8](repeating: 0, count: count)
        buffer.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return buffer
    }

    /// A uniformly distributed value in 0..<upperBound (no modulo bias).
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        Sodium.ensureInitialized()
        return randombytes_uniform(upperBound)
    }

    /// Characters that cannot be mistaken for one another when read from an e-mail
    /// (no 0/O, 1/l/I, 5/S, 2/Z, 8/B).
    public static let unambiguousAlphabet = Array("acdefghjkmnpqrtuvwxyACDEFGHJKLMNPQRTUVWXY34679")

    public static func code(length: Int, alphabet: [Character] = unambiguousAlphabet) -> String {
        String((0..<length).map { _ in alphabet[Int(uniform(UInt32(alphabet.count)))] })
    }
}
