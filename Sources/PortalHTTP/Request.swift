import PortalCore
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
    /// Served over HTTPS: as nginx saw it, or because the configured public URL is https.
    public var isHTTPS: Bool
    /// Filled by the router from `{name}` segments.
    public var pathParameters: [String: String] = [:]
    /// A `{name}` segment that names a row: digits only, without leading zeros. `Int64`
    /// alone also reads "01001" and "+1001", and every such spelling opened the same ticket
    /// under another address (one page, many URLs; a cache or a log keyed on the path
    /// would see different pages).
    public func pathID(_ name: String) -> Int64? {
        guard let text = pathParameters[name], let first = text.utf8.first, first != UInt8(ascii: "0"),
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int64(text)
    }

    /// The decoded body of a state-changing request (url-encoded or multipart), filled once
    /// by the route's access group before it checks the CSRF token.
    public var form = FormData()
    /// The body of a JSON request, likewise.
    public var json: JSONValue?
    /// Only the beginning of the body was read: it was longer than its route takes, and the
    /// route keeps what a form sent before its files (`Router.Route.keepsOversizedForm`).
    public var isTruncated = false

    // Written out: Swift does not generate a public memberwise init (same shape as `NewTicket`'s).
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

    public var isJSON: Bool { contentType.lowercased().hasPrefix("application/json") }

    /// Decodes the body into `form` or `json`, whichever the client declared. A JSON body that
    /// does not parse is refused with `malformedJSON`'s message.
    public mutating func decodeBody(malformedJSON: String) throws {
        let type = contentType.lowercased()
        if type.hasPrefix("multipart/form-data") {
            form = try Multipart.parse(body, boundary: Multipart.boundary(fromContentType: contentType), truncated: isTruncated)
        } else if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
            form = try FormData.urlEncoded(body)
        } else if isJSON {
            json = try Request.parseJSON(body, malformedJSON: malformedJSON)
        } else {
            throw HTTPError(status: 415, message: HTTPError.badRequest("").message, reason: "unsupported content type")
        }
    }

    private static func parseJSON(_ body: [UInt8], malformedJSON: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw HTTPError(status: 400, message: malformedJSON, reason: error.description)
        }
    }

    /// The request path and query as the browser asked for it, for "come back here after login".
    public var pathWithQuery: String {
        let query = self.query.fields.map { urlEncode($0.name) + "=" + urlEncode($0.value) }.joined(separator: "&")
        return query.isEmpty ? path : path + "?" + query
    }
}
