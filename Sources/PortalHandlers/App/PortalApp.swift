import PortalCore
import PortalHTTP

/// One handler executable's application: its route table over the shared services. The
/// FastCGI loop matches the route (outside the worker's lock) and calls `respond(to:route:)`;
/// every error becomes its answer in `ErrorPage`.
public final class PortalApp {
    public let services: Services
    public let router: Router
    private let handlers: [RouteTable.Handler]
    private let admissions: [(Request, Services) throws -> Void]

    public init(config: Config, routes: (inout RouteTable) -> Void) throws {
        services = try Services(config: config)
        var table = RouteTable()
        routes(&table)
        router = table.router
        handlers = table.handlers
        admissions = table.admissions
    }

    public func respond(to request: Request, route: Router.Route) -> Response {
        var request = request
        // Behind a proxy that terminates TLS nginx sees HTTP; the configured public URL says
        // what the browser sees, and so how the cookies must be named and flagged.
        if services.config.servesHTTPS { request.isHTTPS = true }
        var response: Response
        do {
            response = try handlers[route.index](request, services)
        } catch {
            response = ErrorPage.response(for: error, request)
        }
        // A form (or a filter) refused and shown again with why: 422 or 409 to a program, 200
        // to the browser's own navigation, which shows the page either way. Chromium logged
        // every refused form as a failed load (a SEVERE console entry, as a broken script's).
        if response.status == 422 || response.status == 409, request.headers["sec-fetch-mode"] == "navigate" {
            response.status = 200
        }
        // A save refused (a form's own page or the error page) by a connection opened while
        // the file could not be written: it would refuse every write after the file is mended
        // (16 of 16 a minute later). The worker is started again, and opens it as it is then.
        if response.status == 503 && !needsRestart && services.database.isReadOnly {
            needsRestart = true
            Log.event("database_read_only", [("action", "worker restarts to open it again")])
        }
        return response
    }

    /// Set once this process's database connection proved read-only (`respond`).
    public private(set) var needsRestart = false

    /// A dead session cookie reads as signed out (an operator whose session ended reloads the
    /// desk); a live session gets the plain page. Only a request with the cookie costs a lookup.
    public func notFound(_ request: Request) -> Response {
        let signedIn = Cookies.sessionValue(request) != nil && (try? CurrentUser.find(request, services)) != nil
        return ErrorPage.response(for: signedIn ? HTTPError.notFound : HTTPError.notFoundSignedOut, request)
    }

    /// A desk or administration address refused for its method or size told that it exists
    /// to a visitor, a customer or a technician (405 or 413 where its GET answered 404): the
    /// refusal is said only to whom the route's group admits.
    public func refuse(_ error: HTTPError, _ request: Request, route: Router.Route) -> Response {
        var request = request
        if services.config.servesHTTPS { request.isHTTPS = true }
        do {
            try admissions[route.index](request, services)
        } catch let refusal {
            // What the group answers its own method: 404 to the wrong kind of user, the login
            // to a customer's page without a session.
            return ErrorPage.response(for: refusal, request)
        }
        return ErrorPage.response(for: error, request)
    }

    /// Between busy spells SQLite's page cache goes: any other process's commit empties it
    /// at the next read in WAL mode anyway, and an idle worker then holds 2 MB less.
    public func idle() {
        services.database.releaseMemory()
    }

    /// A refusal before any route runs; pure, so the loop can call it without the lock.
    public var refusal: @Sendable (HTTPError, Request?) -> Response {
        { error, request in ErrorPage.response(for: error, request) }
    }

    /// Match and answer in one call: what the FastCGI loop does, for in-process tests.
    public func handle(_ request: Request) -> Response {
        switch router.match(method: request.method, path: request.path) {
        case .notFound: return notFound(request)
        case .wrongMethod(let route, let allowed):
            return refuse(.methodNotAllowed(allowing: allowed), request, route: route)
        case .found(let route, let parameters):
            var request = request
            request.pathParameters = parameters
            if request.method == "GET" || request.method == "HEAD" {
                request.body = []
            } else if request.body.count > route.bodyLimit {
                guard route.keepsOversizedForm else { return refuse(.payloadTooLarge, request, route: route) }
                request.body = Array(request.body.prefix(route.bodyLimit))
                request.isTruncated = true
            }
            return respond(to: request, route: route)
        }
    }
}

@available(*, unavailable)
extension PortalApp: Sendable {}
