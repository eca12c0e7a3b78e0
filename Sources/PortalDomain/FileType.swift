/// What a file is, told by its first bytes (its "magic"), never by the name or the type the
/// browser claims: a Windows program renamed `fattura.pdf` is still a Windows program.
public struct FileType: Sendable, Equatable {
    public enum Kind: Sendable { case document, image, archive, text, refused }

    /// The name a person reads in a refusal ("programma Windows (EXE)").
    public let name: String
    public let mimeType: String
    public let kind: Kind

    public var isAllowed: Bool { kind != .refused }

    init(_ name: String, _ mimeType: String, _ kind: Kind) {
        self.name = name
        self.mimeType = mimeType
        self.kind = kind
    }

    /// The signatures, checked in order; the first that matches names the file.
    static let signatures: [(offset: Int, magic: [UInt8], type: FileType)] = [
        (0, Array("%PDF-".utf8), FileType("PDF", "application/pdf", .document)),
        (0, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], FileType("documento Office", "application/x-ole-storage", .document)),
        (0, Array("{\\rtf".utf8), FileType("RTF", "application/rtf", .document)),
        (0, [0x50, 0x4B, 0x03, 0x04], FileType("ZIP", "application/zip", .archive)),
        (0, [0x50, 0x4B, 0x05, 0x06], FileType("ZIP", "application/zip", .archive)),
        (0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], FileType("7-Zip", "application/x-7z-compressed", .archive)),
        (0, Array("Rar!\u{1A}\u{07}".utf8), FileType("RAR", "application/vnd.rar", .archive)),
        (0, [0x1F, 0x8B], FileType("GZIP", "application/gzip", .archive)),
        (257, Array("ustar".utf8), FileType("TAR", "application/x-tar", .archive)),
        (0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], FileType("immagine PNG", "image/png", .image)),
        (0, [0xFF, 0xD8, 0xFF], FileType("immagine JPEG", "image/jpeg", .image)),
        (0, Array("GIF87a".utf8), FileType("immagine GIF", "image/gif", .image)),
        (0, Array("GIF89a".utf8), FileType("immagine GIF", "image/gif", .image)),
        (8, Array("WEBP".utf8), FileType("immagine WebP", "image/webp", .image)),
        (4, Array("ftypheic".utf8), FileType("immagine HEIC", "image/heic", .image)),
        (4, Array("ftypheix".utf8), FileType("immagine HEIC", "image/heic", .image)),
        (4, Array("ftypmif1".utf8), FileType("immagine HEIF", "image/heif", .image)),
        (0, Array("BM".utf8), FileType("immagine BMP", "image/bmp", .image)),
        (0, [0x49, 0x49, 0x2A, 0x00], FileType("immagine TIFF", "image/tiff", .image)),
        (0, [0x4D, 0x4D, 0x00, 0x2A], FileType("immagine TIFF", "image/tiff", .image)),
        (0, Array("MZ".utf8), FileType("programma Windows (EXE/DLL)", "application/vnd.microsoft.portable-executable", .refused)),
        (0, [0x7F, 0x45, 0x4C, 0x46], FileType("programma Linux (ELF)", "application/x-executable", .refused)),
        (0, [0xCF, 0xFA, 0xED, 0xFE], FileType("programma macOS (Mach-O)", "application/x-mach-binary", .refused)),
        (0, [0xCA, 0xFE, 0xBA, 0xBE], FileType("programma Java o macOS", "application/java-vm", .refused)),
        (4, Array("ftyp".utf8), FileType("video o audio (MP4/MOV)", "video/mp4", .refused)),
        (0, Array("ID3".utf8), FileType("audio MP3", "audio/mpeg", .refused)),
        (0, Array("RIFF".utf8), FileType("audio o video (RIFF)", "audio/wav", .refused)),
    ]

    static let text = FileType("testo", "text/plain", .text)
    static let binary = FileType("dati binari di tipo sconosciuto", "application/octet-stream", .refused)

    /// The type of these bytes. Text is what has no NUL and no control character but tab,
    /// line breaks and form feed: UTF-8 and the old Windows code pages alike (CSV, logs, XML).
    public static func of(_ bytes: [UInt8]) -> FileType {
        let sample = bytes.prefix(64 * 1024)
        let isText = !sample.isEmpty && !sample.contains(0x7F)
            && sample.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C || $0 == 0x1B }
        for (offset, magic, type) in signatures
        where bytes.count >= offset + magic.count && bytes[offset..<offset + magic.count].elementsEqual(magic) {
            // A letter written "MZ Rossi…" is text, not a program: refused types have binary headers.
            if type.kind == .refused && isText { break }
            // "RIFF" is also the WebP container, matched above by its own tag.
            return type
        }
        return isText || isUTF16Text(sample) ? text : binary
    }

    /// Text in UTF-16 behind its byte-order mark, as Windows PowerShell's `>` and Notepad's
    /// "Unicode" write logs: every other byte is NUL, so the test above refused it as binary.
    /// The same rule, by code unit: no NUL and no control character but tab, line breaks,
    /// form feed and escape, and surrogates in pairs.
    static func isUTF16Text(_ sample: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(sample)
        guard bytes.count >= 4, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else { return false }
        let littleEndian = bytes[0] == 0xFF
        // A sample cut inside a character (at 64 KB) ends with its first half.
        var index = 2
        var expectingLowSurrogate = false
        while index + 1 < bytes.count {
            let unit = littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            index += 2
            switch unit {
            case 0xD800...0xDBFF:
                if expectingLowSurrogate { return false }
                expectingLowSurrogate = true
            case 0xDC00...0xDFFF:
                if !expectingLowSurrogate { return false }
                expectingLowSurrogate = false
            default:
                if expectingLowSurrogate { return false }
                if unit < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains(unit) || unit == 0x7F { return false }
            }
        }
        return true
    }
}
