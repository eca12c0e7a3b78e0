import PortalCore

/// An error that knows its HTTP status and a message safe to show a person (in Italian).
public struct HTTPError: Error, CustomStringConvertible, Sendable {
    public let status: Int
    public let message: String
    /// For the log line only: what went wrong, never a secret.
    public let reason: String

    public init(status: Int, message: String, reason: String = "") {
        self.status = status
        self.message = message
        self.reason = reason
    }

    public var description: String { "HTTP \(status): \(reason.isEmpty ? message : reason)" }

    public static func badRequest(_ reason: String) -> HTTPError {
        HTTPError(status: 400, message: Text.errorBadRequest, reason: reason)
    }
    public static let notFound = HTTPError(status: 404, message: Text.errorNotFound, reason: "not found")
    public static let methodNotAllowed = HTTPError(status: 405, message: Text.errorMethod, reason: "method")
    public static let payloadTooLarge = HTTPError(status: 413, message: Text.errorTooLarge, reason: "body too large")
    public static let csrf = HTTPError(status: 403, message: Text.errorForbiddenCSRF, reason: "csrf token mismatch")
}
