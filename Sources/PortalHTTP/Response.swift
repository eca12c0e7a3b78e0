/// What a handler answers. Header values with CR or LF are refused: they would let input
/// write headers of its own.
public struct Response: Sendable {
    public var status: Int
    public private(set) var headers: [(name: String, value: String)] = []
    public var body: [UInt8]
    /// Not to be written before this instant (CLOCK_MONOTONIC, nanoseconds): an answer that
    /// must not tell by its time what it found. The FastCGI loop waits for it after the
    /// worker's lock is let go, so that the wait holds up no other request.
    public var notBefore: Int64?

    public init(status: Int = 200, contentType: String = "text/html; charset=utf-8", body: [UInt8] = []) {
        self.status = status
        self.body = body
        headers.append(("Content-Type", contentType))
    }

    public static func html(_ html: String, status: Int = 200) -> Response {
        Response.html(bytes: Array(html.utf8), status: status)
    }

    /// Pages are personal: never stored by a browser or a proxy.
    public static func html(bytes: [UInt8], status: Int = 200) -> Response {
        var response = Response(status: status, body: bytes)
        response.headers.append(("Cache-Control", "no-store"))
        return response
    }

    public static func json(_ json: String, status: Int = 200) -> Response {
        var response = Response(status: status, contentType: "application/json; charset=utf-8", body: Array(json.utf8))
        response.headers.append(("Cache-Control", "no-store"))
        return response
    }

    /// 303 See Other: after a POST the browser follows with a GET, so a reload never resubmits.
    public static func redirect(to location: String, status: Int = 303) throws -> Response {
        var response = Response(status: status, contentType: "text/plain; charset=utf-8")
        try response.setHeader("Location", location)
        response.headers.append(("Cache-Control", "no-store"))
        return response
    }

    public mutating func setHeader(_ name: String, _ value: String) throws {
        guard Response.isSafeHeader(name, value) else {
            throw HTTPError(status: 500, message: HTTPError.badRequest("").message, reason: "CR/LF in header \(name)")
        }
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    public mutating func setCookie(_ cookie: Cookie) throws {
        let value = cookie.headerValue
        guard Response.isSafeHeader("Set-Cookie", value), !cookie.name.contains(where: { "=;, ".contains($0) }) else {
            throw HTTPError(status: 500, message: HTTPError.badRequest("").message, reason: "bad cookie")
        }
        headers.append(("Set-Cookie", value))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    static func isSafeHeader(_ name: String, _ value: String) -> Bool {
        !name.isEmpty && !name.utf8.contains { $0 <= 32 || $0 == UInt8(ascii: ":") || $0 >= 127 }
            && !value.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
    }

    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        // Every status the handlers send has its RFC 9110 phrase above ("422 Status" showed
        // in browsers' consoles); the phrase is informative only.
        default: "Status"
        }
    }

    /// The CGI-style header block that FastCGI expects before the body, written as bytes
    /// (interpolating a String and copying it out was most of a small answer's own work).
    public func serializedHead() -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(64 + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 })
        head.append(contentsOf: "Status: ".utf8)
        Response.appendDecimal(status, to: &head)
        head.append(UInt8(ascii: " "))
        head.append(contentsOf: Response.reasonPhrase(status).utf8)
        head.append(contentsOf: "\r\n".utf8)
        for (name, value) in headers {
            head.append(contentsOf: name.utf8)
            head.append(contentsOf: ": ".utf8)
            head.append(contentsOf: value.utf8)
            head.append(contentsOf: "\r\n".utf8)
        }
        head.append(contentsOf: "Content-Length: ".utf8)
        Response.appendDecimal(body.count, to: &head)
        head.append(contentsOf: "\r\n\r\n".utf8)
        return head
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value >= 10 else {
            out.append(UInt8(ascii: "0") + UInt8(max(value, 0)))
            return
        }
        appendDecimal(value / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
