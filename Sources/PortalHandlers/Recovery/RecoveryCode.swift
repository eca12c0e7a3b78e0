import PortalCrypto

/// The short code of a recovery e-mail: 12 capitals and digits of the unambiguous alphabet
/// (26 signs, about 56 bits, for one hour), shown in groups of four and typed in any case,
/// with or without the dashes. It opens the same link as the long token, for a browser that cannot read the
/// link's fragment (no JavaScript) or a person who types it from another device.
enum RecoveryCode {
    static let length = 12
    static let alphabet = Random.unambiguousAlphabet.filter { $0.isUppercase || $0.isNumber }

    static func generate() -> String { Random.code(length: length, alphabet: alphabet) }

    /// "ABCD-EFGH-JKLM".
    static func display(_ code: String) -> String {
        stride(from: 0, to: code.count, by: 4).map { start in
            String(code.dropFirst(start).prefix(4))
        }.joined(separator: "-")
    }

    /// What the person typed, as the code was generated; nil when it cannot be one.
    static func normalize(_ typed: String) -> String? {
        let letters = typed.uppercased().filter { $0.isLetter || $0.isNumber }
        return letters.count == length ? letters : nil
    }

    static func hash(_ code: String) -> [UInt8] { Digest.blake2b(Array(code.utf8)) }
}
