/// Maps method and path to a handler. Paths are literal segments or `{name}` captures.
/// Each route declares how large a body it accepts, checked before the body is read.
public struct Router<Context> {
    public typealias Handler = (Request, Context) throws -> Response

    public struct Route {
        let method: String
        let segments: [Substring]
        public let bodyLimit: Int
        let handler: Handler
    }

    public static var defaultBodyLimit: Int { 64 * 1024 }

    private var routes: [Route] = []

    public init() {}

    public mutating func get(_ path: String, _ handler: @escaping Handler) {
        add("GET", path, bodyLimit: 0, handler)
    }

    public mutating func post(_ path: String, bodyLimit: Int = Router.defaultBodyLimit, _ handler: @escaping Handler) {
        add("POST", path, bodyLimit: bodyLimit, handler)
    }

    public mutating func add(_ method: String, _ path: String, bodyLimit: Int, _ handler: @escaping Handler) {
        routes.append(Route(method: method, segments: path.split(separator: "/"), bodyLimit: bodyLimit, handler: handler))
    }

    public enum Match {
        case found(Route, [String: String])
        case wrongMethod
        case notFound
    }

    /// HEAD is answered as GET (the FastCGI layer drops the body).
    public func match(method: String, path: String) -> Match {
        let wanted = method == "HEAD" ? "GET" : method
        let segments = path.split(separator: "/")
        var pathMatched = false
        for route in routes {
            guard let parameters = Router.capture(route.segments, segments) else { continue }
            pathMatched = true
            if route.method == wanted { return .found(route, parameters) }
        }
        return pathMatched ? .wrongMethod : .notFound
    }

    static func capture(_ pattern: [Substring], _ segments: [Substring]) -> [String: String]? {
        guard pattern.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, segments) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                guard let value = try? PercentDecoding.decode(actual.utf8, plusIsSpace: false) else { return nil }
                parameters[String(expected.dropFirst().dropLast())] = value
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}

extension Router.Route {
    public func respond(to request: Request, context: Context) throws -> Response {
        try handler(request, context)
    }
}
