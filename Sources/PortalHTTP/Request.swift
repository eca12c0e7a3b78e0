/// One HTTP request as nginx handed it over (FastCGI params + body).
public struct Request: Sendable {
    public var method: String
    /// The path without the query string, as sent (percent-escapes kept).
    public var path: String
    public var query: FormData
    /// Header names lower-cased, e.g. `user-agent`.
    public var headers: [String: String]
    public var cookies: [String: String]
    public var body: [UInt8]
    public var clientAddress: String
    public var isHTTPS: Bool
    /// Filled by the router from `{name}` segments.
    public var pathParameters: [String: String] = [:]

    public init(
        method: String, path: String, query: FormData = FormData(), headers: [String: String] = [:],
        cookies: [String: String] = [:], body: [UInt8] = [], clientAddress: String = "", isHTTPS: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.clientAddress = clientAddress
        self.isHTTPS = isHTTPS
    }

    public var contentType: String { headers["content-type"] ?? "" }
    public var userAgent: String { headers["user-agent"] ?? "" }

    /// Decodes the body as a form: url-encoded or multipart, whichever the client declared.
    public func form() throws -> FormData {
        let type = contentType.lowercased()
        if type.hasPrefix("multipart/form-data") {
            return try Multipart.parse(body, boundary: Multipart.boundary(fromContentType: contentType))
        }
        if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
            return try FormData.urlEncoded(body)
        }
        throw HTTPError(status: 415, message: HTTPError.badRequest("").message, reason: "unsupported content type")
    }

    /// The request path and query as the browser asked for it, for "come back here after login".
    public var pathWithQuery: String {
        let query = self.query.fields.map { urlEncode($0.name) + "=" + urlEncode($0.value) }.joined(separator: "&")
        return query.isEmpty ? path : path + "?" + query
    }
}
