import CFastCGI
import Glibc
import PortalHTTP

/// Turns a libfcgi request (params + stdin) into a `Request`, reading at most the route's
/// body limit. Malformed input becomes an `HTTPError` with status 400 or 413.
enum RequestReader {
    static let maxParamBytes = 64 * 1024

    /// The request as nginx describes it; the body is read separately, once its length has
    /// been checked against the route's limit.
    struct Incoming {
        var request: Request
        var declaredLength: String

        func contentLength() throws -> Int {
            guard !declaredLength.isEmpty else { return 0 }
            guard let length = Int(declaredLength), length >= 0 else { throw HTTPError.badRequest("bad Content-Length") }
            return length
        }
    }

    static func read(_ envp: FCGX_ParamArray?) throws -> Incoming {
        var params = Params()
        var total = 0
        if var pointer = envp {
            while let entry = pointer.pointee {
                let length = strlen(entry)
                total += length
                guard total <= maxParamBytes else { throw HTTPError.badRequest("headers too large") }
                params.add(UnsafeRawBufferPointer(start: entry, count: length))
                pointer = pointer.advanced(by: 1)
            }
        }
        return try params.incoming()
    }

    /// The parameters a handler uses, picked out as they arrive: the others (nginx sends a
    /// dozen) are never turned into strings.
    struct Params {
        var method = "GET"
        var uri = "/"
        var queryString: [UInt8] = []
        var contentType = ""
        var contentLength = ""
        var remoteAddress = ""
        var https = ""
        var headers: [String: String] = [:]

        /// One `NAME=value` entry. Bytes that are not UTF-8 are decoded leniently: they are
        /// data, not syntax.
        mutating func add(_ entry: UnsafeRawBufferPointer) {
            guard let equals = entry.firstIndex(of: UInt8(ascii: "=")) else { return }
            let name = UnsafeRawBufferPointer(rebasing: entry[..<equals])
            let value = UnsafeRawBufferPointer(rebasing: entry[(equals + 1)...])
            func string() -> String { String(decoding: value, as: UTF8.self) }
            // Names are compared as bytes: no string is made for a parameter nobody reads.
            if Params.is(name, "HTTP_") {
                let header = name.dropFirst(5).map { byte -> UInt8 in
                    switch byte {
                    case UInt8(ascii: "_"): UInt8(ascii: "-")
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                    default: byte
                    }
                }
                headers[String(decoding: header, as: UTF8.self)] = string()
            } else if Params.is(name, "REQUEST_METHOD", whole: true) {
                method = string()
            } else if Params.is(name, "REQUEST_URI", whole: true) {
                uri = string()
            } else if Params.is(name, "QUERY_STRING", whole: true) {
                queryString = Array(value)
            } else if Params.is(name, "CONTENT_TYPE", whole: true) {
                contentType = string()
            } else if Params.is(name, "CONTENT_LENGTH", whole: true) {
                contentLength = string()
            } else if Params.is(name, "REMOTE_ADDR", whole: true) {
                remoteAddress = string()
            } else if Params.is(name, "HTTPS", whole: true) {
                https = string()
            }
        }

        /// Whether `name` starts with (or, `whole`, is) the literal.
        static func `is`(_ name: UnsafeRawBufferPointer, _ literal: StaticString, whole: Bool = false) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard whole ? name.count == count : name.count >= count, let base = name.baseAddress else { return false }
            return memcmp(base, literal.utf8Start, count) == 0
        }

        func incoming() throws -> Incoming {
            var headers = self.headers
            if !contentType.isEmpty { headers["content-type"] = contentType }
            let path = uri.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(uri[..<$0]) } ?? uri
            var request = Request(
                method: method, path: path.isEmpty ? "/" : path, headers: headers,
                cookies: Cookie.parse(header: headers["cookie"] ?? ""), clientAddress: remoteAddress,
                isHTTPS: https.lowercased() == "on")
            do {
                request.query = try FormData.urlEncoded(queryString)
            } catch let error as HTTPError {
                throw BadQuery(error: error, request: request)
            }
            return Incoming(request: request, declaredLength: contentLength)
        }
    }

    /// A query string that does not decode (`%`, `%zz`, bytes that are not UTF-8): refused
    /// with the request it came with, so that the refusal has the address's form (`/api/`
    /// answers JSON: without the request it became the HTML page).
    struct BadQuery: Error {
        let error: HTTPError
        let request: Request
    }

    /// Reads exactly `length` bytes of stdin; fewer means the client went away mid-upload.
    static func body(from stream: UnsafeMutablePointer<FCGX_Stream>, length: Int) throws -> [UInt8] {
        guard length > 0 else { return [] }
        var body = [UInt8](repeating: 0, count: length)
        var received = 0
        while received < length {
            let chunk = Int32(min(length - received, 1 << 20))
            let count = body.withUnsafeMutableBytes { buffer in
                FCGX_GetStr(
                    buffer.baseAddress!.advanced(by: received).assumingMemoryBound(to: CChar.self), chunk, stream)
            }
            if count <= 0 { break }
            received += Int(count)
        }
        guard received == length else { throw HTTPError.badRequest("truncated body") }
        return body
    }

    /// Reads and drops what is left of the body, up to the end nginx marks; false when the
    /// connection failed first. After a body read whole there is nothing left: no cost.
    /// The scratch space is on the stack and not cleared: this runs after every request, and
    /// a zeroed 64 KB array was a tenth of a small page's cost.
    static func discardRest(of stream: UnsafeMutablePointer<FCGX_Stream>) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 16 * 1024) { scratch in
            while true {
                let count = FCGX_GetStr(scratch.baseAddress, Int32(scratch.count), stream)
                if count <= 0 { return FCGX_GetError(stream) == 0 }
            }
        }
    }
}
