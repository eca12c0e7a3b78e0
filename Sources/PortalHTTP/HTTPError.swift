import PortalCore

/// The one error a request ends with: its HTTP status and a message safe to show a person (in
/// Italian). The application renders it in one place: an Italian page for the browser's
/// pages, `{"error": …}` for `/api/`. Domain errors are mapped to it by their type, never by
/// their text.
public struct HTTPError: Error, CustomStringConvertible, Sendable {
    public let status: Int
    public let message: String
    /// For the log line only: what went wrong, never a secret.
    public let reason: String
    /// Where a browser's page goes instead (the login page when the session has ended); an
    /// API answers the status and message.
    public let location: String?
    /// The methods a 405's address takes (its `Allow` header).
    public var allow: [String] = []
    /// The page's heading where the generic "Si è verificato un errore" would mislead: a page
    /// reserved to others is no error.
    public var title: String?

    public init(status: Int, message: String, reason: String = "", location: String? = nil) {
        self.status = status
        self.message = message
        self.reason = reason
        self.location = location
    }

    public var description: String { "HTTP \(status): \(reason.isEmpty ? message : reason)" }

    public static func badRequest(_ reason: String) -> HTTPError {
        HTTPError(status: 400, message: Text.errorBadRequest, reason: reason)
    }
    public static let notFound = HTTPError(status: 404, message: Text.errorNotFound, reason: "not found")
    /// A 404 to a request without a live session (its page says how to sign in again).
    public static let notFoundSignedOut = HTTPError(status: 404, message: Text.errorNotFoundSignedOut, reason: "not found")
    /// `notFoundSignedOut` itself: the desk's answer to a request without a live session.
    public var isSignedOutNotFound: Bool { status == 404 && message == Text.errorNotFoundSignedOut }
    /// The 404 of an address that is not there (titled "Pagina non trovata", as nginx's own),
    /// not one that says why a page is someone else's ("riservata agli amministratori").
    public var isPlainNotFound: Bool {
        status == 404 && (message == Text.errorNotFound || message == Text.errorNotFoundSignedOut)
    }
    /// A known address with another method; `allowed` is its `Allow` header.
    public static func methodNotAllowed(allowing allowed: [String]) -> HTTPError {
        var error = HTTPError(status: 405, message: Text.errorMethod, reason: "method")
        error.allow = allowed
        // nginx's own 405 page (a POST to a static file) says the same, under the same title.
        error.title = Text.errorMethodTitle
        return error
    }
    /// Under the title of nginx's own 413 page: a body just over a route's limit (the handler's)
    /// and one far over it (nginx's) said the same under two titles.
    public static let payloadTooLarge: HTTPError = {
        var error = HTTPError(status: 413, message: Text.errorTooLarge, reason: "body too large")
        error.title = Text.errorTooLargeTitle
        return error
    }()
    public static let csrf = HTTPError(status: 403, message: Text.errorForbiddenCSRF, reason: "csrf token mismatch")
    public static func internalError(_ reason: String) -> HTTPError {
        HTTPError(status: 500, message: Text.errorInternal, reason: reason)
    }
    /// No live session: the browser's page goes to the login and comes back to `next`.
    /// `notice`: the login's `avviso` when the request brought a session that has ended ("sessione":
    /// idle, or ended elsewhere; the login showed a bare form after 30 idle minutes).
    public static func signInRequired(next: String, notice: String? = nil) -> HTTPError {
        HTTPError(
            status: 401, message: Text.sessionExpired, reason: "no session",
            location: "/login?" + (notice.map { "avviso=\($0)&" } ?? "") + "next=" + urlEncode(next))
    }
}
