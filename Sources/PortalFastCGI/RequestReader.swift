import CFastCGI
import Glibc
import PortalHTTP

/// Turns a libfcgi request (params + stdin) into a `Request`, reading at most the route's
/// body limit. Malformed input becomes an `HTTPError` with status 400 or 413.
enum RequestReader {
    static let maxParamBytes = 64 * 1024

    static func params(_ envp: FCGX_ParamArray?) throws -> [String: String] {
        var result: [String: String] = [:]
        var total = 0
        guard var pointer = envp else { return result }
        while let entry = pointer.pointee {
            let length = strlen(entry)
            total += length
            guard total <= maxParamBytes else { throw HTTPError.badRequest("headers too large") }
            let bytes = UnsafeRawBufferPointer(start: entry, count: length)
            // Header bytes that are not UTF-8 are decoded leniently: they are data, not syntax.
            let text = String(decoding: bytes, as: UTF8.self)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer = pointer.advanced(by: 1)
        }
        return result
    }

    static func makeRequest(params: [String: String]) throws -> Request {
        let method = params["REQUEST_METHOD"] ?? "GET"
        let uri = params["REQUEST_URI"] ?? "/"
        let path = String(uri.prefix { $0 != "?" })
        let queryString = params["QUERY_STRING"] ?? ""
        var headers: [String: String] = [:]
        for (key, value) in params where key.hasPrefix("HTTP_") {
            headers[key.dropFirst(5).lowercased().replacingUnderscores()] = value
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { headers["content-type"] = type }
        return Request(
            method: method, path: path.isEmpty ? "/" : path, query: try FormData.urlEncoded(Array(queryString.utf8)),
            headers: headers, cookies: Cookie.parse(header: headers["cookie"] ?? ""),
            clientAddress: params["REMOTE_ADDR"] ?? "", isHTTPS: (params["HTTPS"] ?? "").lowercased() == "on")
    }

    static func contentLength(_ params: [String: String]) throws -> Int {
        guard let text = params["CONTENT_LENGTH"], !text.isEmpty else { return 0 }
        guard let length = Int(text), length >= 0 else { throw HTTPError.badRequest("bad Content-Length") }
        return length
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
}

extension StringProtocol {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
