/// Maps method and path to a route of the application's table. Paths are literal segments or
/// `{name}` captures. Each route declares how large a body it accepts (checked before the
/// body is read) and which access group guards it. The router holds no handlers, only their
/// positions in the application's table: it is a plain `Sendable` value that a worker's
/// connection threads match against once per request, outside the responder's lock.
public struct Router: Sendable {
    public struct Route: Sendable {
        public let method: String
        public let path: String
        public let bodyLimit: Int
        /// A longer body is read up to `bodyLimit` and the rest dropped, rather than refused
        /// with 413: the ticket forms then keep their text and say the files were too large.
        public let keepsOversizedForm: Bool
        /// The access group's name ("visitor", "member", "operator"…), for tests and logs.
        public let access: String
        /// Position of the handler in the application's table.
        public let index: Int
        let pattern: PathPattern

        /// POST, PUT, PATCH and DELETE change state: their group checks the CSRF token.
        public var changesState: Bool { method != "GET" && method != "HEAD" }
    }

    public static var defaultBodyLimit: Int { 64 * 1024 }

    public private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route and returns its position.
    @discardableResult
    public mutating func add(
        _ method: String, _ path: String, bodyLimit: Int, access: String, keepsOversizedForm: Bool = false
    ) -> Int {
        let index = routes.count
        routes.append(
            Route(
                method: method, path: path, bodyLimit: bodyLimit, keepsOversizedForm: keepsOversizedForm, access: access,
                index: index, pattern: PathPattern(path)))
        return index
    }

    public enum Match: Sendable {
        case found(Route, [String: String])
        /// The path is a route's, not with this method: one of its routes (whose group decides
        /// who may learn that it exists) and the methods it takes, for `Allow`.
        case wrongMethod(Route, allowed: [String])
        case notFound
    }

    /// HEAD is answered as GET (the FastCGI layer drops the body).
    public func match(method: String, path: String) -> Match {
        let wanted = method == "HEAD" ? "GET" : method
        let bytes = Array(path.utf8)
        let segments = PathPattern.ranges(of: bytes)
        var sameAddress: [Route] = []
        for route in routes where route.pattern.matches(bytes, segments) {
            guard let parameters = route.pattern.capture(bytes, segments) else { continue }
            if route.method == wanted { return .found(route, parameters) }
            sameAddress.append(route)
        }
        guard let first = sameAddress.first else { return .notFound }
        var methods: [String] = []
        for route in sameAddress where !methods.contains(route.method) {
            methods.append(route.method)
            if route.method == "GET" { methods.append("HEAD") }
        }
        return .wrongMethod(first, allowed: methods)
    }
}

/// A route's path: literal segments and `{name}` captures, parsed once when the route is
/// added, and compared as bytes.
struct PathPattern: Sendable {
    enum Segment: Sendable {
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

    /// The ranges of the non-empty segments between slashes: matched against every route
    /// without a copy of each segment.
    static func ranges(of path: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, byte) in path.enumerated() where byte == UInt8(ascii: "/") {
            if index > start { result.append(start..<index) }
            start = index + 1
        }
        if path.count > start { result.append(start..<path.count) }
        return result
    }

    /// Whether the path has this pattern's shape and literals (captures not decoded yet).
    func matches(_ path: [UInt8], _ ranges: [Range<Int>]) -> Bool {
        guard segments.count == ranges.count else { return false }
        for (segment, range) in zip(segments, ranges) {
            if case .literal(let literal) = segment, !literal.elementsEqual(path[range]) { return false }
        }
        return true
    }

    /// The captures, percent-decoded; nil when one does not decode. Call after `matches`.
    func capture(_ path: [UInt8], _ ranges: [Range<Int>]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (segment, range) in zip(segments, ranges) {
            guard case .capture(let name) = segment else { continue }
            guard let value = try? PercentDecoding.decode(String(decoding: path[range], as: UTF8.self), plusIsSpace: false)
            else { return nil }
            parameters[name] = value
        }
        return parameters
    }
}
