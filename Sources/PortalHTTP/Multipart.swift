import Glibc

/// `multipart/form-data` (RFC 7578) over a body that was already bounded by the route's
/// limit. Anything malformed (no boundary, a part without headers, no closing delimiter)
/// is a 400: a truncated upload must never be stored as if it were whole.
enum Multipart {
    static let crlf: [UInt8] = [13, 10]
    static let headerEnd: [UInt8] = [13, 10, 13, 10]
    static let maxParts = 200

    static func boundary(fromContentType contentType: String) throws -> [UInt8] {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters() .lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !value.isEmpty, value.utf8.count <= 70 else { break }
            return Array(value.utf8)
        }
        throw HTTPError.badRequest("multipart without boundary")
    }

    /// `truncated`: the body's end was not read; the parts complete before the cut are the
    /// form, and the part cut through is dropped.
    static func parse(_ body: [UInt8], boundary: [UInt8], truncated: Bool = false) throws -> FormData {
        let delimiter = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        var form = FormData()
        guard var position = find(delimiter, in: body, from: 0)?.upperBound else {
            throw HTTPError.badRequest("multipart delimiter missing")
        }
        var parts = 0
        while true {
            // After a delimiter: "--" closes the body, CRLF opens a part.
            if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return form }
            guard body[position...].starts(with: crlf) else { throw HTTPError.badRequest("multipart delimiter line") }
            position += 2
            parts += 1
            guard parts <= maxParts else { throw HTTPError.badRequest("too many multipart parts") }
            guard let headerRange = find(headerEnd, in: body, from: position) else {
                if truncated { return form }
                throw HTTPError.badRequest("multipart part without headers")
            }
            let headers = try parseHeaders(body[position..<headerRange.lowerBound])
            let contentStart = headerRange.upperBound
            guard let next = find(crlf + delimiter, in: body, from: contentStart) else {
                if truncated { return form }
                throw HTTPError.badRequest("truncated multipart body")
            }
            let content = Array(body[contentStart..<next.lowerBound])
            try add(headers: headers, content: content, to: &form)
            position = next.upperBound
        }
    }

    /// Where `needle` first occurs in `bytes` from `start` on: glibc's `memchr` to the next
    /// candidate for its first byte, `memcmp` for the rest. The standard library's generic
    /// `firstRange(of:)` took as long for a reply's small form as the reply's whole write
    /// transaction, and walked a 4 MB upload byte by byte.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard start >= 0, !needle.isEmpty else { return nil }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted -> Range<Int>? in
                guard let base = haystack.baseAddress, let pattern = wanted.baseAddress, let first = wanted.first
                else { return nil }
                var from = start
                while from + wanted.count <= haystack.count {
                    let candidates = haystack.count - wanted.count - from + 1
                    guard let hit = memchr(base + from, Int32(first), candidates) else { return nil }
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pattern, wanted.count) == 0 { return offset..<offset + wanted.count }
                    from = offset + 1
                }
                return nil
            }
        }
    }

    private static func parseHeaders(_ bytes: ArraySlice<UInt8>) throws -> [String: String] {
        var headers: [String: String] = [:]
        for line in bytes.split(separator: 13, omittingEmptySubsequences: true) {
            let trimmed = line.first == 10 ? line.dropFirst() : line
            // Read leniently: a file named in another encoding (a filename's byte that is not
            // UTF-8) becomes a replacement character, not a refusal of the whole form and of
            // the ticket's text with it.
            let text = String(decoding: trimmed, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { throw HTTPError.badRequest("bad multipart header") }
            headers[text[..<colon].lowercased()] = String(text[text.index(after: colon)...]).trimmingCharacters()
        }
        return headers
    }

    private static func add(headers: [String: String], content: [UInt8], to form: inout FormData) throws {
        guard let disposition = headers["content-disposition"],
            disposition.lowercased().hasPrefix("form-data"),
            let name = parameter("name", in: disposition)
        else { throw HTTPError.badRequest("multipart part without name") }
        if let fileName = parameter("filename", in: disposition) {
            form.append(
                UploadedFile(
                    fieldName: name, fileName: browserFileName(fileName),
                    contentType: headers["content-type"] ?? "application/octet-stream", bytes: content))
        } else {
            guard let value = String(validating: content, as: UTF8.self) else {
                throw HTTPError.badRequest("invalid UTF-8 in multipart field")
            }
            form.append(name, value)
        }
    }

    /// Browsers write a file name's `"` as `%22` and its line breaks as `%0A`/`%0D` (HTML's
    /// multipart encoding); back to what the person named the file. Any other `%` is literal.
    static func browserFileName(_ raw: String) -> String {
        guard raw.contains("%") else { return raw }
        return raw.replacing("%22", with: "\"").replacing("%0A", with: "\n").replacing("%0D", with: "\r")
    }

    /// Reads `name="value"` from a Content-Disposition header, honouring quoted strings.
    static func parameter(_ key: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].lowercased()
            var valueStart = rest[rest.index(after: equals)...]
            var value = ""
            if valueStart.first == "\"" {
                valueStart = valueStart.dropFirst()
                var escaped = false
                var end = valueStart.endIndex
                for index in valueStart.indices {
                    let character = valueStart[index]
                    if escaped {
                        // Browsers never escape with "\" (HTML writes `"` as %22), so only
                        // `\"` and `\\` are escapes: `C:\Users\…\fattura.txt` (old IE,
                        // some tools) keeps its separators and is cut to its last part.
                        if character != "\"" && character != "\\" { value.append("\\") }
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        end = index
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = end < valueStart.endIndex ? valueStart[valueStart.index(after: end)...] : ""
            } else {
                let end = valueStart.firstIndex(of: ";") ?? valueStart.endIndex
                value = String(valueStart[..<end]).trimmingCharacters()
                rest = valueStart[end...]
            }
            if name == key { return value }
        }
        return nil
    }
}

extension StringProtocol {
    /// Spaces and tabs off both ends. Index moves on a Substring: it runs for every cookie of
    /// every request, and rebuilding the text through two reversed copies cost more than the
    /// dashboard's own database work.
    func trimmingCharacters() -> String {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
