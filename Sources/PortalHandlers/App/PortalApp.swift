import PortalCore
import PortalHTTP

/// One handler executable's application: its routes over the shared services. Every error
/// a route throws becomes a page here (Italian, generic for the unexpected) and one log line.
public final class PortalApp {
    public let services: Services
    private let router: Router<Services>

    public init(config: Config, routes: (inout Router<Services>) -> Void) throws {
        services = try Services(config: config)
        var router = Router<Services>()
        routes(&router)
        self.router = router
    }

    public func bodyLimit(method: String, path: String) -> Int {
        if case .found(let route, _) = router.match(method: method, path: path) { return route.bodyLimit }
        return 0
    }

    public func respond(to request: Request) -> Response {
        switch router.match(method: request.method, path: request.path) {
        case .notFound: return errorResponse(.notFound, for: request)
        case .wrongMethod: return errorResponse(.methodNotAllowed, for: request)
        case .found(let route, let parameters):
            var request = request
            request.pathParameters = parameters
            do {
                return try route.respond(to: request, context: services)
            } catch let redirect as Redirect {
                return (try? Response.redirect(to: redirect.location)) ?? errorResponse(.badRequest("bad redirect"), for: request)
            } catch let error as HTTPError {
                if error.status >= 500 || !error.reason.isEmpty {
                    Log.event("request_refused", [("path", request.path), ("status", String(error.status)), ("reason", error.reason)])
                }
                return errorResponse(error, for: request)
            } catch {
                Log.event("request_failed", [("path", request.path), ("error", String(describing: error))])
                return errorResponse(HTTPError(status: 500, message: Text.errorInternal, reason: "\(error)"), for: request)
            }
        }
    }

    public func errorResponse(_ error: HTTPError, for request: Request?) -> Response {
        ErrorPage.response(for: error)
    }
}

@available(*, unavailable)
extension PortalApp: Sendable {}
