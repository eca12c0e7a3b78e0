import PortalCore

/// What a ticket accepts as a file, for every way a file arrives (the portal's forms, the
/// desk, e-mail): not empty, at most 4 MB, of an allowed type by its content, under a name
/// shown as the person gave it but without control or bidirectional characters.
public enum AttachmentRules {
    public static let maxFileSize = 4 * 1024 * 1024

    public enum Verdict: Equatable, Sendable {
        case accepted(name: String, type: FileType)
        /// The Italian reason, naming the file (and the type found).
        case refused(String)
    }

    public static func check(name rawName: String, bytes: [UInt8]) -> Verdict {
        let name = fileName(rawName)
        if bytes.isEmpty { return .refused(Text.fileEmpty(name)) }
        if bytes.count > maxFileSize { return .refused(Text.fileTooLarge(name)) }
        let type = FileType.of(bytes)
        guard type.isAllowed else { return .refused(Text.fileTypeRefused(name, found: type.name)) }
        return .accepted(name: name, type: type)
    }

    /// The last path component as given (quotes and accents included), without control
    /// characters and without the bidirectional controls that make `\u{202E}gpj.exe` read
    /// "exe.jpg"; at most 150 characters, "allegato" when nothing is left.
    public static func fileName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in last.unicodeScalars where !isHidden(scalar) { scalars.append(scalar) }
        let name = String(String(scalars).trimmingWhitespace().prefix(150))
        return name.isEmpty || name.allSatisfy({ $0 == "." }) ? "allegato" : name
    }

    /// Control characters, and the invisible ones that reorder or hide text.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }
}
