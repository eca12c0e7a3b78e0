/// One part of a MIME message (the message itself is the outermost part): its headers, its
/// raw body, and for `multipart/*` its parts. Nesting and part count are bounded, so a
/// crafted message cannot make the parser recurse or allocate without end.
public struct MIMEPart: Sendable {
    public let headers: MIMEHeaders
    let rawBody: ArraySlice<UInt8>
    public let parts: [MIMEPart]

    static let maxDepth = 12
    static let maxParts = 300

    public init(_ bytes: ArraySlice<UInt8>) {
        var budget = MIMEPart.maxParts
        self.init(bytes, depth: 0, budget: &budget)
    }

    init(_ bytes: ArraySlice<UInt8>, depth: Int, budget: inout Int, defaultType: String = "text/plain") {
        let (headers, body) = MIMEHeaders.split(bytes)
        self.headers = headers
        rawBody = body
        let type = HeaderParameters(headers.first("content-type") ?? defaultType)
        var children: [MIMEPart] = []
        if type.value.hasPrefix("multipart/"), let boundary = type.parameters["boundary"], !boundary.isEmpty,
            depth < MIMEPart.maxDepth
        {
            // Inside multipart/digest a part without Content-Type is a message; elsewhere text.
            let childDefault = type.value == "multipart/digest" ? "message/rfc822" : "text/plain"
            for section in MIMEPart.sections(body, boundary: boundary) {
                guard budget > 0 else { break }
                budget -= 1
                children.append(MIMEPart(section, depth: depth + 1, budget: &budget, defaultType: childDefault))
            }
        }
        parts = children
        contentTypeHeader = type
    }

    let contentTypeHeader: HeaderParameters

    /// `text/plain`, `multipart/alternative`… lower-cased; `text/plain` when absent.
    public var contentType: String { contentTypeHeader.value.isEmpty ? "text/plain" : contentTypeHeader.value }
    public var charset: String? { contentTypeHeader.parameters["charset"] }
    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    public var disposition: String? {
        headers.first("content-disposition").map { HeaderParameters($0).value }
    }

    /// The file name from Content-Disposition's `filename` or, as older clients send it,
    /// Content-Type's `name`.
    public var fileName: String? {
        let fromDisposition = headers.first("content-disposition").flatMap { HeaderParameters($0).parameters["filename"] }
        let name = fromDisposition ?? contentTypeHeader.parameters["name"]
        return name.flatMap { $0.trimmingWhitespaceScalars().isEmpty ? nil : $0 }
    }

    public var contentID: String? {
        headers.first("content-id").map { $0.trimmingCharacters(in: "<> ") }
    }

    /// The body without its transfer encoding.
    public var bytes: [UInt8] {
        TransferEncoding.decode(rawBody, encoding: headers.first("content-transfer-encoding")?.trimmingWhitespaceScalars() ?? "7bit")
    }

    /// The body as text in its charset.
    public var text: String { Charset.decode(bytes, charset: charset) }

    /// The sections between `--boundary` lines, up to `--boundary--`.
    static func sections(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let marker = Array(("--" + boundary).utf8)
        var sections: [ArraySlice<UInt8>] = []
        var start: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var lineEnd = lineStart
            while lineEnd < body.endIndex, body[lineEnd] != 0x0a { lineEnd += 1 }
            let next = lineEnd < body.endIndex ? lineEnd + 1 : lineEnd
            let line = body[lineStart..<lineEnd]
            if line.count >= marker.count, line.starts(with: marker) {
                let after = line.dropFirst(marker.count)
                let isClosing = after.starts(with: [0x2d, 0x2d])
                let rest = isClosing ? after.dropFirst(2) : after
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) {
                    if let begin = start {
                        // The line break before the boundary belongs to the boundary.
                        var end = lineStart
                        if end > begin, body[end - 1] == 0x0a { end -= 1 }
                        if end > begin, body[end - 1] == 0x0d { end -= 1 }
                        sections.append(body[begin..<end])
                    }
                    if isClosing { return sections }
                    start = next
                }
            }
            lineStart = next
        }
        // No closing boundary (a truncated message): keep what came.
        if let begin = start, begin < body.endIndex { sections.append(body[begin...]) }
        return sections
    }
}
