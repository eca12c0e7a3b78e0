import Foundation
@testable import PortalHandlers
import Testing

/// Real 16 × 16 images as their encoders wrote them (CPython's imghdr test data).
enum SampleImages {
    static let png = bytes("iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAMAAAAoLQ9TAAAAIGNIUk0AAHomAACAhAAA+gAAAIDoAAB1MAAA6mAAADqYAAAXcJy6UTwAAAHFUExURQAAAE6NwEqGujxxnjdolgAAAAAAAAAAAAAAAAAAAE6PxEyKv0iFtkN9rT10oTlsljZmkAAAAAAAAFKRxv3dSvnVPgAAADJghwAAAP3VNgAAADVokgAAAOzORQAAADZpkxsxRQAAAAAAAOLDRf3ZQQAAAEaBsjZnkQAAAPLhbv3pav3LG0N9rhwyS/Xjb/PBGkB1oz1zogAAAMKaEgAAAAAAAAAAAAAAAAAAAOjHPevFNOvCKuu+Ieu7GMabEgAAAAAAAAAAAAAAAAAAAAAAAAAAAP3eTgAAAAAAAAAAAAAAAPHQP/rTOf3SL/rHGcCXEgAAAAAAAAAAAAAAAAAAAAAAAEiDtER+rUB4p0yKvP///0V/r0F5qD50ojpvmzZplEmFt0aAsUJ7qj51oztwnTdqljhsl0+NwUuIu0R9rUB4pj1zoDltmf/iVVCPw0yJvEiEtT10of/eS//aQU2LvkaAsDtwnP/aQv/WN//TLUqHuUeBskN8qz92pf/XOP/PI//mYf/jV//fTf/bQv/TLv/PJP/rbP/nYf/bQ//XOf/MHDpwnP/nYv/jWP/fTv/TL//bRP/XOv/TMP/QJf/YOv/UMP/QJpJJAAIAAABWdFJOUwCv7feSCwMoQRV+oKGjp6qqSBi994IKtkPtJPdPiD22XExHa/dG96pOpvf311uzwm/3S3o0CCE8NaqpqampeSACCRMSLB73QBwFAUzM99h7Ox1CRTgf+DIQcQAAAAFiS0dEWgO7paIAAAD1SURBVBjTY2AAAkamsPAIZhZWNgYoiIyKjomNi2dnhQkkJCYlp6TGc3CCeVzcPLx8/AJp8fGCQiC+cHpGWGZWdk48UCBXRFSMIS+/IDqmMA7IF5coKpaUYihJKE1KLkuNlxaXkS2vqJRjqKquqZVXUBRU4lBWqausV2VQy8xS19DUamhsaq5radVWYtCJKdTVa2tvbOrobGnt0udgMDDsNmrr6e3r6Oxv7eoyNmEwNTO3APItraxtbG3tOOwZHBydnHv7JkycNLmLw8LFFeJ6twlTpk6L0nb3cPT0Agt4+/hO6/LzD3CGec400CJIKTgk1BTIBgBAYkJ/yC2b5QAAACV0RVh0ZGF0ZTpjcmVhdGUAMjAxNC0wMS0yNlQyMDo1OTozNyswMjowMPuaB3cAAAAldEVYdGRhdGU6bW9kaWZ5ADIwMTQtMDEtMjZUMjA6NTk6MDArMDI6MDDB74amAAAAAElFTkSuQmCC")
    static let gif = bytes("R0lGODlhEAAQAPZkAOu7GOu+IfPBGvrHGf3LG//MHOvCKv/PI//PJP/QJf/QJv/TLf3SL//TLv/TL+vFNOjHPf/TMP/UMP3VNv/WN/rTOf/XOP/XOf/XOvnVPv/YOuzORf3ZQf/aQf/aQv/bQv/bQ//bRP3dSv/eS//fTf3eTv/fTv/iVf/jV//jWP/mYf/nYf/nYvLhbvXjb/3pav/rbDJghzZmkDZnkTVokjZpkzZplDdoljdqljlsljhslzltmTpvmzpwnDtwnDtwnTxxnj1zoD1zoj10oT50oj51oz92pUB4pkB4p0F5qEJ7qkN8q0N9rUN9rkR9rUR+rUV/r0aAsEaAsUaBskeBskiDtEiEtUiFtkmFt0qHuUqGukuIu0yJvEyKvE2LvkyKv06NwE+NwVCPw1KRxv///wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACH5BAEAAGUAIf8LSW1hZ2VNYWdpY2sHZ2FtbWE9MAAsAAAAABAAEAAAB6iAZYJlYVpSTEZAN4OMgl1kUkpEPTiNjFeRRD44NZZlX1dMRDkyOTiVjGNhXFVQR0A8NadlJyMZZWJfVFBKsDW/MWUjHROfV1SSQKczwRvEC2XHS0edjR0XCwdlh0czZS0vLCcmHRoLCARlTJJlLjAsKSYhFxEIBQKCQj5l7/Hl5wUKWIJnAsIDAwEAAPAUb16EBAI9lZF3QUICMukklqnwsMAAjSAHBQIAOw==")
    static let jpg = bytes("/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z")
    static let webp = bytes("UklGRqgBAABXRUJQVlA4WAoAAAAQAAAADwAADwAAQUxQSMMAAAABJ6KokSTleucYX+ffKpmImP90cY3gJjDi4Yt3MsjBEVyDKzDosHgVjnhRNcEIDAJPkqBqsFUZHNa2bUYvTsZ2PLbtd/uvKa4hov9J0f2PkPe6REkkGzolkTTzFG0Ox9PlFiD0CxS+kOGDtxoynjaCfx0pfk52CPuInrOR75lzRugygtv4zEiy90UwfSD9NheMITJWLaXWayO8XeOlWRXVnIGk2W6WdYoYMQ+KqixQNPowgt+6a1BSKbUtz+lUFAoBAAAAVlA4IL4AAACQAgCdASoQABAAAwA0JbACdDBPCIUMfAMdCCz96AD+/XSg/QKbH4r3Q3ycN/bSDK/T/zVo4u6nvclvG/SqxWOuup+XhN9BojvaW+Tv+MvxvX/hr/o/5Qns9LtmX/+qKdl/yWznhuasl7nkxvSTI4xf3Y85VSB/lU/8Ofj/b9JrA+ifvIOYZm2x1RP/dhfmsf5diuSfR7+z+r/+HR3zEo/+XM/B+vkYw73Pzx+ROaAB/ZoBSzEs3rzZe6qsAAAA")

    static func bytes(_ base64: String) -> [UInt8] { Array(Data(base64Encoded: base64)!) }
}

@Suite("Profile pictures: the size an image declares, and whether it is whole")
struct ImageDimensionsTests {
    @Test("real images of each format read as 16 × 16", arguments: [
        ("image/png", SampleImages.png), ("image/gif", SampleImages.gif), ("image/jpeg", SampleImages.jpg),
        ("image/webp", SampleImages.webp),
    ])
    func real(_ type: String, _ bytes: [UInt8]) {
        #expect(ImageDimensions.verdict(bytes, type: type) == .fine(width: 16, height: 16))
        #expect(ImageType.sniff(bytes) == type)
    }

    @Test("cut short anywhere, each format is damaged", arguments: [
        ("image/png", SampleImages.png), ("image/gif", SampleImages.gif), ("image/jpeg", SampleImages.jpg),
        ("image/webp", SampleImages.webp),
    ])
    func truncated(_ type: String, _ bytes: [UInt8]) {
        // A GIF that stops after a whole frame, without its trailer, is shown by browsers.
        for length in [0, 1, 2, 14, 30, bytes.count / 2] + (type == "image/gif" ? [] : [bytes.count - 1]) {
            #expect(ImageDimensions.verdict(Array(bytes.prefix(length)), type: type) == .damaged, "\(type) cut at \(length)")
        }
    }

    @Test("a PNG declaring 20,000 × 20,000 or 4 billion a side is too large; 0 × 0 is damaged")
    func declared() {
        func png(width: UInt32, height: UInt32) -> [UInt8] {
            var bytes = SampleImages.png
            for (offset, value) in [(16, width), (20, height)] {
                for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(index))) }
            }
            return bytes
        }
        #expect(ImageDimensions.verdict(png(width: 20_000, height: 20_000), type: "image/png") == .tooLarge(width: 20_000, height: 20_000))
        #expect(ImageDimensions.verdict(png(width: .max, height: .max), type: "image/png")
            == .tooLarge(width: Int(UInt32.max), height: Int(UInt32.max)))
        #expect(ImageDimensions.verdict(png(width: 0, height: 0), type: "image/png") == .damaged)
        #expect(ImageDimensions.verdict(png(width: 4_096, height: 4_096), type: "image/png") == .fine(width: 4_096, height: 4_096))
        #expect(ImageDimensions.verdict(png(width: 4_097, height: 4_096), type: "image/png") == .tooLarge(width: 4_097, height: 4_096))
        // Bytes after IEND are ignored, as by every decoder.
        #expect(ImageDimensions.verdict(SampleImages.png + [0, 1, 2], type: "image/png") == .fine(width: 16, height: 16))
    }

    /// A GIF of a `screen` and the given frames (left, top, width, height), then `after`.
    static func gif(screen: (Int, Int), frames: [(Int, Int, Int, Int)], after: [UInt8] = []) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        var bytes = Array("GIF89a".utf8) + le16(screen.0) + le16(screen.1) + [0, 0, 0]
        bytes += [0x21, 0xF9, 4, 0, 10, 0, 0, 0]  // a graphic control extension (a frame's delay)
        for frame in frames {
            bytes += [0x2C] + le16(frame.0) + le16(frame.1) + le16(frame.2) + le16(frame.3) + [0]
            bytes += [2, 2, 0x4C, 0x01, 0]
        }
        return bytes + [0x3B] + after
    }

    @Test("a GIF's size is the largest of its screen and its frames; its blocks must reach the trailer")
    func gifs() {
        let animated = ImageDimensionsTests.gif(screen: (16, 16), frames: [(0, 0, 16, 16), (4, 4, 10, 10)])
        #expect(ImageDimensions.verdict(animated, type: "image/gif") == .fine(width: 16, height: 16))
        // Browsers grow the screen to fit a frame: a 1 x 1 screen with a 20,000 x 20,000 frame.
        let hidden = ImageDimensionsTests.gif(screen: (1, 1), frames: [(0, 0, 20_000, 20_000)])
        #expect(ImageDimensions.verdict(hidden, type: "image/gif") == .tooLarge(width: 20_000, height: 20_000))
        #expect(ImageDimensions.verdict(animated + [1, 2], type: "image/gif") == .fine(width: 16, height: 16))
        #expect(ImageDimensions.verdict(Array(animated.dropLast()), type: "image/gif") == .fine(width: 16, height: 16), "no trailer")
        #expect(ImageDimensions.verdict(Array(animated.dropLast()) + [0x99], type: "image/gif") == .fine(width: 16, height: 16))
        let noFrame = ImageDimensionsTests.gif(screen: (16, 16), frames: [])
        #expect(ImageDimensions.verdict(Array(noFrame.dropLast()), type: "image/gif") == .damaged, "nothing to show")
        // Cut inside the last frame's data, where a byte happens to be the trailer's value.
        var cut = Array(animated.dropLast(3))
        cut.append(0x3B)
        #expect(ImageDimensions.verdict(cut, type: "image/gif") == .damaged)
    }

    /// A lossless WebP declaring `width` x `height`, `extra` bytes after its RIFF's length.
    static func lossless(width: Int, height: Int, extra: Int = 0) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        let body: [UInt8] = [0x2F] + le32((width - 1) | (height - 1) << 14) + [0, 0, 0, 0, 0]
        let chunk = Array("VP8L".utf8) + le32(body.count) + body
        return Array("RIFF".utf8) + le32(4 + chunk.count) + Array("WEBP".utf8) + chunk + Array(repeating: 0, count: extra)
    }

    @Test("a lossless WebP's size; bytes after its RIFF length are ignored, fewer are damage")
    func webps() {
        #expect(ImageDimensions.verdict(ImageDimensionsTests.lossless(width: 300, height: 200), type: "image/webp")
            == .fine(width: 300, height: 200))
        #expect(ImageDimensions.verdict(ImageDimensionsTests.lossless(width: 16_384, height: 16_384), type: "image/webp")
            == .tooLarge(width: 16_384, height: 16_384))
        #expect(ImageDimensions.verdict(ImageDimensionsTests.lossless(width: 30, height: 20, extra: 3), type: "image/webp")
            == .fine(width: 30, height: 20))
        #expect(ImageDimensions.verdict(Array(ImageDimensionsTests.lossless(width: 30, height: 20).dropLast()), type: "image/webp")
            == .damaged)
    }

    @Test("stray bytes between JPEG segments, as decoders allow them (and a progressive frame)")
    func progressive() {
        // SOF0 (baseline) made SOF2 (progressive): the same segment's layout.
        var progressive = SampleImages.jpg
        let frame = (0..<progressive.count - 1).first { progressive[$0] == 0xFF && progressive[$0 + 1] == 0xC0 }!
        progressive[frame + 1] = 0xC2
        #expect(ImageDimensions.verdict(progressive, type: "image/jpeg") == .fine(width: 16, height: 16))
        var stray = SampleImages.jpg
        stray.insert(contentsOf: [0x00, 0x00], at: frame)
        #expect(ImageDimensions.verdict(stray, type: "image/jpeg") == .fine(width: 16, height: 16))
    }

    @Test("a JPEG with bytes after its end, as some cameras write it, is whole")
    func trailing() {
        #expect(ImageDimensions.verdict(SampleImages.jpg + [0, 0, 0, 0], type: "image/jpeg") == .fine(width: 16, height: 16))
    }
}
