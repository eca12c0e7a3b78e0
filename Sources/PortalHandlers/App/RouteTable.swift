import PortalCore
import PortalHTTP

/// The routes of one handler executable, each in its access group. Adding a route wraps its
/// handler in the group's guard: the context is resolved once, the body of a state-changing
/// request is decoded once and its CSRF token checked, and only then does the handler run.
public struct RouteTable {
    typealias Handler = (Request, Services) throws -> Response

    public private(set) var router = Router()
    private(set) var handlers: [Handler] = []

    public init() {}

    mutating func add<Guard: AccessGuard>(
        _ method: String, _ path: String, _ group: Guard.Type, bodyLimit: Int = 0,
        _ handler: @escaping (Request, Guard.Context) throws -> Response
    ) {
        let index = router.add(method, path, bodyLimit: bodyLimit, access: Guard.access.rawValue)
        let changesState = router.routes[index].changesState
        handlers.append { request, services in
            var request = request
            let context = try Guard.resolve(request, services)
            if changesState {
                try request.decodeBody(malformedJSON: Text.layoutMalformed)
                try CSRF.check(request, expected: Guard.csrfToken(context))
            }
            var response = try handler(request, context)
            try Guard.finish(&response, context)
            return response
        }
    }

    mutating func get<Guard: AccessGuard>(
        _ path: String, _ group: Guard.Type, _ handler: @escaping (Request, Guard.Context) throws -> Response
    ) {
        add("GET", path, group, handler)
    }

    mutating func post<Guard: AccessGuard>(
        _ path: String, _ group: Guard.Type, bodyLimit: Int, _ handler: @escaping (Request, Guard.Context) throws -> Response
    ) {
        add("POST", path, group, bodyLimit: bodyLimit, handler)
    }
}
