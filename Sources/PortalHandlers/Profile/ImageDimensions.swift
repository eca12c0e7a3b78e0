/// The size an image declares in its header, read without decoding it, and whether the file
/// is whole. A 20,000 × 20,000 PNG of a few kilobytes (gigabytes once drawn), a 0 × 0 one and
/// one cut short after 30 bytes were kept as pictures and served back to their owner's
/// browser on every page.
enum ImageDimensions {
    /// 4096 × 4096: a page draws a picture at 40 pixels, and a browser decodes the whole of it
    /// (4 bytes a pixel: 64 MB here, gigabytes for what was refused) on every page.
    static let maxPixels = 16_777_216

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

    /// IHDR first; the chunks walked by their lengths up to IEND (bytes after it are ignored,
    /// as by every decoder).
    static func png(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bigEndian(bytes, offset, 4)
            if bytes[offset + 4] == 0x49 && bytes[offset + 5] == 0x45 && bytes[offset + 6] == 0x4E && bytes[offset + 7] == 0x44 {  // IEND
                return (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
            }
            guard length <= bytes.count - offset - 12 else { return nil }
            offset += 12 + length
        }
        return nil
    }

    /// The largest of the logical screen and every frame (a browser grows the screen to fit
    /// the first frame; any frame counts, so that no engine draws more than the limit), the
    /// blocks walked by their lengths. A file that stops at a block boundary after a whole
    /// frame (no trailer, or bytes that begin no block) is shown by browsers: whole enough.
    static func gif(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 14 else { return nil }
        var width = littleEndian(bytes, 6, 2)
        var height = littleEndian(bytes, 8, 2)
        var offset = 13
        if bytes[10] & 0x80 != 0 { offset += 3 << (Int(bytes[10] & 0x07) + 1) }  // the global colour table
        // Data sub-blocks: a length byte and as many bytes, to an empty one.
        func skipSubBlocks() -> Bool {
            while offset < bytes.count {
                let length = Int(bytes[offset])
                offset += 1 + length
                if length == 0 { return offset <= bytes.count }
            }
            return false
        }
        var frames = 0
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x3B: return (width, height)
            case 0x21:  // an extension: its label, then sub-blocks
                offset += 2
                guard skipSubBlocks() else { return nil }
            case 0x2C:  // an image: where it sits, its size, its own colour table, its data
                guard offset + 10 <= bytes.count else { return nil }
                width = max(width, littleEndian(bytes, offset + 1, 2) + littleEndian(bytes, offset + 5, 2))
                height = max(height, littleEndian(bytes, offset + 3, 2) + littleEndian(bytes, offset + 7, 2))
                let flags = bytes[offset + 9]
                offset += 10
                if flags & 0x80 != 0 { offset += 3 << (Int(flags & 0x07) + 1) }
                offset += 1  // the LZW code size
                guard skipSubBlocks() else { return nil }
                frames += 1
            default: return frames > 0 ? (width, height) : nil
            }
        }
        return frames > 0 ? (width, height) : nil
    }

    /// The first start-of-frame segment's size, the segments walked by their lengths; the
    /// end-of-image marker must follow somewhere (cameras may add bytes after it).
    static func jpeg(_ bytes: [UInt8]) -> (Int, Int)? {
        var offset = 2
        var frame: (Int, Int)?
        while offset + 4 <= bytes.count, frame == nil {
            // Stray bytes before a marker: decoders warn and go on to the next 0xFF.
            guard bytes[offset] == 0xFF else { offset += 1; continue }
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
        // Bytes after the RIFF's declared length are ignored by decoders; fewer are a cut file.
        guard bytes.count >= 30, littleEndian(bytes, 4, 4) + 8 <= bytes.count,
            littleEndian(bytes, 4, 4) >= 12 + littleEndian(bytes, 16, 4)  // the first chunk inside the RIFF
        else { return nil }
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
