/// The size an image declares in its header, read without decoding it, and whether the file
/// is whole. A 20,000 × 20,000 PNG of a few kilobytes (gigabytes once drawn), a 0 × 0 one and
/// one cut short after 30 bytes were kept as pictures and served back to their owner's
/// browser on every page.
enum ImageDimensions {
    /// About a 48-megapixel phone photo; a page draws a picture at 40 pixels.
    static let maxPixels = 50_000_000

    enum Verdict: Equatable {
        case fine(width: Int, height: Int)
        /// Declares more than `maxPixels`.
        case tooLarge(width: Int, height: Int)
        /// No size, a zero size, or a file that ends before its format's end.
        case damaged
    }

    static func verdict(_ bytes: [UInt8], type: String) -> Verdict {
        guard let (width, height) = size(bytes, type: type), width > 0, height > 0 else { return .damaged }
        // Divided, not multiplied: a PNG may declare 4 billion by 4 billion.
        return width > maxPixels / height ? .tooLarge(width: width, height: height) : .fine(width: width, height: height)
    }

    static func size(_ bytes: [UInt8], type: String) -> (Int, Int)? {
        switch type {
        case "image/png": png(bytes)
        case "image/gif": gif(bytes)
        case "image/jpeg": jpeg(bytes)
        case "image/webp": webp(bytes)
        default: nil
        }
    }

    /// IHDR first, IEND last (its length, name and CRC are the same in every PNG).
    static func png(_ bytes: [UInt8]) -> (Int, Int)? {
        let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        guard bytes.count >= 45, Array(bytes[12..<16]) == Array("IHDR".utf8), Array(bytes.suffix(12)) == end else { return nil }
        return (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
    }

    /// The logical screen's size; the trailer byte last.
    static func gif(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 14, bytes.last == 0x3B else { return nil }
        return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
    }

    /// The first start-of-frame segment's size, the segments walked by their lengths; the
    /// end-of-image marker must follow somewhere (cameras may add bytes after it).
    static func jpeg(_ bytes: [UInt8]) -> (Int, Int)? {
        var offset = 2
        var frame: (Int, Int)?
        while offset + 4 <= bytes.count, frame == nil {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill bytes
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            let length = bigEndian(bytes, offset + 2, 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard offset + 9 <= bytes.count else { return nil }
                frame = (bigEndian(bytes, offset + 7, 2), bigEndian(bytes, offset + 5, 2))
            }
            offset += 2 + length
        }
        guard let frame, offset <= bytes.count, containsEnd(bytes, from: offset) else { return nil }
        return frame
    }

    static func containsEnd(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = bytes.count - 2
        while index >= start {
            if bytes[index] == 0xFF && bytes[index + 1] == 0xD9 { return true }
            index -= 1
        }
        return false
    }

    /// RIFF's declared length is the file's; the size from the VP8, VP8L or VP8X chunk.
    static func webp(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 30, littleEndian(bytes, 4, 4) + 8 == bytes.count else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ": return (littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return (littleEndian(bytes, 24, 3) + 1, littleEndian(bytes, 27, 3) + 1)
        default: return nil
        }
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
