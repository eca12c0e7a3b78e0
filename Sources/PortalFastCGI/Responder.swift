import PortalHTTP

/// What the accept loop needs from an application. The application turns every error into
/// a response itself, so that the loop never has to know about pages or layouts.
public protocol Responder: AnyObject {
    /// The largest body the route behind method and path accepts; a larger one is a 413
    /// answered before the body is read.
    func bodyLimit(method: String, path: String) -> Int
    func respond(to request: Request) -> Response
    func errorResponse(_ error: HTTPError, for request: Request?) -> Response
}
