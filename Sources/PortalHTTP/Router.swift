/// Maps method and path to a handler. Paths are literal segments or `{name}` captures.
/// Each route declares how large a body it accepts, checked before the body is read.
public struct Router<Context> {
    public typealias Handler = (Request, Context) throws -> Response

    public struct Route {
        let method: String
        let pattern: PathPattern
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
        routes.append(Route(method: method, pattern: PathPattern(path), bodyLimit: bodyLimit, handler: handler))
    }

    public enum Match {
        case found(Route, [String: String])
        case wrongMethod
        case notFound
    }

    /// HEAD is answered as GET (the FastCGI layer drops the body).
    public func match(method: String, path: String) -> Match {
        let wanted = method == "HEAD" ? "GET" : method
        let segments = PathPattern.segments(of: path)
        var pathMatched = false
        for route in routes {
            guard let parameters = route.pattern.capture(segments) else { continue }
            pathMatched = true
            if route.method == wanted { return .found(route, parameters) }
        }
        return pathMatched ? .wrongMethod : .notFound
    }
}

/// A route's path: literal segments and `{name}` captures, parsed once when the route is
/// added. Not generic, unlike the router: matching runs twice per request (body limit, then
/// handler) and must not go through unspecialised generic code.
struct PathPattern {
    enum Segment {
        case literal([UInt8])
        case capture(String)
    }

    let segments: [Segment]

    init(_ path: String) {
        segments = PathPattern.segments(of: path).map { segment in
            segment.first == UInt8(ascii: "{") && segment.last == UInt8(ascii: "}")
                ? .capture(String(decoding: segment.dropFirst().dropLast(), as: UTF8.self)) : .literal(segment)
        }
    }

    /// The non-empty segments between slashes, as bytes.
    static func segments(of path: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func capture(_ path: [[UInt8]]) -> [String: String]? {
        guard segments.count == path.count else { return nil }
        var parameters: [String: String] = [:]
        for index in 0..<segments.count {
            switch segments[index] {
            case .literal(let literal):
                guard literal == path[index] else { return nil }
            case .capture(let name):
                guard let value = try? PercentDecoding.decode(String(decoding: path[index], as: UTF8.self), plusIsSpace: false)
                else { return nil }
                parameters[name] = value
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
