/// The header fields of a message or of a MIME part, unfolded, names lower-cased, values
/// as they were sent (`decoded(_:)` turns RFC 2047 encoded words into text).
public struct MIMEHeaders: Sendable {
    public var fields: [(name: String, value: String)] = []

    public func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    public func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// A field's value with its encoded words decoded, e.g. a Subject.
    public func decoded(_ name: String) -> String? { first(name).map(EncodedWords.decode) }

    /// Splits raw bytes into the header block and the body at the first empty line.
    static func split(_ bytes: ArraySlice<UInt8>) -> (headers: MIMEHeaders, body: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        var lineStart = index
        var lines: [ArraySlice<UInt8>] = []
        while index < bytes.endIndex {
            if bytes[index] == 0x0a {
                var end = index
                if end > lineStart, bytes[end - 1] == 0x0d { end -= 1 }
                if end == lineStart {
                    return (parse(lines), bytes[(index + 1)...])
                }
                lines.append(bytes[lineStart..<end])
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < bytes.endIndex { lines.append(bytes[lineStart...]) }
        // No empty line: all headers, no body (or a body-only part when the first line is no header).
        return (parse(lines), bytes[bytes.endIndex...])
    }

    static func parse(_ lines: [ArraySlice<UInt8>]) -> MIMEHeaders {
        var headers = MIMEHeaders()
        for line in lines {
            // Raw 8-bit headers happen: UTF-8 when valid, else Windows-1252.
            let text = Charset.decode(Array(line), charset: nil)
            if let first = text.first, first == " " || first == "\t" {
                if !headers.fields.isEmpty { headers.fields[headers.fields.count - 1].value += " " + text.trimmingWhitespaceScalars() }
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = String(text[..<colon]).trimmingWhitespaceScalars().lowercased()
            guard !name.isEmpty, !name.contains(" ") else { continue }
            headers.fields.append((name, String(text[text.index(after: colon)...]).trimmingWhitespaceScalars()))
        }
        return headers
    }
}

/// A header value like `multipart/mixed; boundary="x"` or `attachment; filename*=UTF-8''a%20b.pdf`:
/// the value before the first `;` lower-cased, and its parameters (RFC 2045, with RFC 2231's
/// continuations and charsets, and RFC 2047 words inside quotes, as Outlook and Gmail send them).
public struct HeaderParameters: Sendable {
    public let value: String
    public let parameters: [String: String]

    public init(_ header: String) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        value = pieces[0].trimmingWhitespaceScalars().lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = String(piece[..<equals]).trimmingWhitespaceScalars().lowercased()
            var raw = String(piece[piece.index(after: equals)...]).trimmingWhitespaceScalars()
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
            var encoded = false
            if name.hasSuffix("*") {
                encoded = true
                name.removeLast()
            }
            if let star = name.firstIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                extended[String(name[..<star]), default: []].append((number, raw, encoded))
            } else if encoded {
                extended[name, default: []].append((0, raw, true))
            } else {
                plain[name] = raw
            }
        }
        for (name, sections) in extended {
            var bytes: [UInt8] = []
            var charset: String?
            for (index, (_, raw, encoded)) in sections.sorted(by: { $0.0 < $1.0 }).enumerated() {
                var text = Substring(raw)
                if encoded && index == 0 {
                    // charset'language'value
                    let parts = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if parts.count == 3 {
                        charset = String(parts[0])
                        text = parts[2]
                    }
                }
                bytes += encoded ? HeaderParameters.percentDecoded(text) : Array(text.utf8)
            }
            plain[name] = Charset.decode(bytes, charset: charset)
        }
        parameters = plain.mapValues(EncodedWords.decode)
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = TransferEncoding.hexValue(bytes[index + 1]), let low = TransferEncoding.hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

extension String {
    /// Trims spaces, tabs and line breaks (PortalCore's `trimmingWhitespace` without its import here).
    func trimmingWhitespaceScalars() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
