import Foundation
import PortalHTTP
import PortalHandlers
import Testing

/// The route table and `nginx.conf` say the same thing: every route reaches the executable
/// that has it, and nginx lets through every body the route accepts.
@Suite("nginx.conf agrees with the route table")
struct NginxConfTests {
    struct Location {
        enum Kind { case exact, prefix }
        let kind: Kind
        let path: String
        let upstream: String?
        let bodyLimit: Int?
    }

    /// The `location` blocks of the server, with their `fastcgi_pass` and `client_max_body_size`.
    static func locations(_ text: String) -> (server: Int, locations: [Location]) {
        var locations: [Location] = []
        var serverLimit = 1024 * 1024
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("client_max_body_size") && serverLimit == 1024 * 1024 {
                serverLimit = size(line) ?? serverLimit
            }
            if line.hasPrefix("location ") {
                let words = line.split(separator: " ").map(String.init)
                let kind: Location.Kind = words[1] == "=" ? .exact : .prefix
                guard words[1] != "~" else {
                    index += 1
                    continue
                }
                let path = words[1] == "=" || words[1] == "^~" ? words[2] : words[1]
                var block = line
                var depth = line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                while depth > 0, index + 1 < lines.count {
                    index += 1
                    block += "\n" + lines[index]
                    depth += lines[index].filter { $0 == "{" }.count - lines[index].filter { $0 == "}" }.count
                }
                var upstream = block.range(of: #"fastcgi_pass ([a-z_]+);"#, options: .regularExpression).map {
                    String(block[$0].dropFirst("fastcgi_pass ".count).dropLast())
                }
                // A static page whose variants go to a handler's internal location ("rewrite ^ /_x last;").
                if upstream == nil, let rewrite = block.range(of: #"rewrite \^ /[a-z_]+ last;"#, options: .regularExpression) {
                    let target = String(block[rewrite].dropFirst("rewrite ^ ".count).dropLast(" last;".count))
                    upstream = Self.internalUpstream(target, in: text)
                }
                let limit = block.split(separator: "\n").first { $0.contains("client_max_body_size") }.flatMap { size(String($0)) }
                locations.append(Location(kind: kind, path: path, upstream: upstream, bodyLimit: limit))
            }
            index += 1
        }
        return (serverLimit, locations)
    }

    /// The `fastcgi_pass` of `location = /path { internal; … }`.
    static func internalUpstream(_ path: String, in text: String) -> String? {
        guard let start = text.range(of: "location = \(path) { internal;") else { return nil }
        let rest = text[start.upperBound...]
        guard let pass = rest.range(of: #"fastcgi_pass ([a-z_]+);"#, options: .regularExpression) else { return nil }
        return String(rest[pass].dropFirst("fastcgi_pass ".count).dropLast())
    }

    static func size(_ line: String) -> Int? {
        guard let word = line.split(separator: " ").last?.dropLast(), let unit = word.last else { return nil }
        let number = Int(word.dropLast()) ?? 0
        switch unit {
        case "k": return number * 1024
        case "m": return number * 1024 * 1024
        default: return Int(word)
        }
    }

    /// nginx's choice: an exact match, else the longest prefix.
    static func location(for path: String, in locations: [Location]) -> Location? {
        if let exact = locations.first(where: { $0.kind == .exact && $0.path == path }) { return exact }
        return locations.filter { $0.kind == .prefix && path.hasPrefix($0.path) }.max { $0.path.count < $1.path.count }
    }

    @Test("each route's path reaches its executable through nginx, with room for its body")
    func routesReachTheirExecutable() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../nginx.conf")
        let (serverLimit, locations) = Self.locations(try String(contentsOf: file, encoding: .utf8))
        #expect(locations.count > 10)
        let fixture = try Fixture()
        for (position, app) in fixture.apps.enumerated() {
            for route in app.router.routes {
                let path = route.path.replacingOccurrences(of: "{number}", with: "1001")
                    .replacingOccurrences(of: "{id}", with: "1")
                let location = Self.location(for: path, in: locations)
                #expect(location?.upstream == Fixture.upstreams[position], "\(route.method) \(route.path) → \(location?.path ?? "none")")
                #expect(
                    (location?.bodyLimit ?? serverLimit) >= route.bodyLimit,
                    "\(route.method) \(route.path) accepts \(route.bodyLimit) bytes, nginx fewer")
            }
        }
    }
}
