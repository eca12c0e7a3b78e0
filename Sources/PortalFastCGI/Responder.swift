import PortalHTTP

/// What the accept loop needs from an application: its route table, matched once per request
/// outside the lock, and the answer to a matched request, made under the lock. The
/// application turns every error into a response itself, so that the loop never has to know
/// about pages or layouts.
public protocol Responder: AnyObject {
    var router: Router { get }
    /// Renders a refusal made before any route runs (no route, body too large, malformed
    /// request). Needs none of the responder's state: it runs outside the lock.
    var refusal: @Sendable (HTTPError, Request?) -> Response { get }
    func respond(to request: Request, route: Router.Route) -> Response
    /// An address no route serves, answered under the lock: its page depends on whether the
    /// request's session is alive, as the desk's 404 does, so that the two read the same.
    func notFound(_ request: Request) -> Response
    /// A known route refused before it runs (another method, a body past its limit), answered
    /// under the lock: said only to whom the route's group lets in; to anyone else the
    /// address does not exist, as its own method answers them (the desk's and the
    /// administrations' addresses are no one else's to learn).
    func refuse(_ error: HTTPError, _ request: Request, route: Router.Route) -> Response
    /// The worker has answered nothing for a moment (called under the lock, as `respond`):
    /// memory kept only for speed can go.
    func idle()
    /// Asked under the lock after each answer: the responder can no longer serve as a fresh
    /// process would (its database connection opened read-only while the file was), and the
    /// worker stops once its requests in flight are answered, for the supervisor to start
    /// another.
    var needsRestart: Bool { get }
}

extension Responder {
    public var needsRestart: Bool { false }
}
