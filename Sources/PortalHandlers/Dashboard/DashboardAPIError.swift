import PortalCore
import PortalHTTP

/// An API refusal: its status and the Italian sentence the script shows, as JSON
/// (`{"error": "…"}`) rather than the HTML error page a browser navigation gets.
struct DashboardAPIError: Error {
    let status: Int
    let message: String
    /// For the log line only.
    let reason: String

    static let sessionExpired = DashboardAPIError(status: 401, message: Text.sessionExpired, reason: "no session")
    static let noCompany = DashboardAPIError(status: 404, message: Text.errorNotFound, reason: "no company session")
    static let csrf = DashboardAPIError(status: 403, message: Text.errorForbiddenCSRF, reason: "csrf token mismatch")
    static let notJSON = DashboardAPIError(status: 415, message: Text.layoutNotJSON, reason: "content type not JSON")
    static func invalid(_ message: String, reason: String) -> DashboardAPIError {
        DashboardAPIError(status: 400, message: message, reason: reason)
    }

    var response: Response {
        Response.json(JSONValue.object(["error": .string(message)]).text, status: status)
    }

    /// Runs an API handler; its refusals, and any HTTP error on the way, come back as JSON.
    static func answering(_ request: Request, _ body: () throws -> Response) throws -> Response {
        do {
            return try body()
        } catch let error as DashboardAPIError {
            Log.event("request_refused", [("path", request.path), ("status", String(error.status)), ("reason", error.reason)])
            return error.response
        } catch let error as HTTPError where error.status < 500 {
            Log.event("request_refused", [("path", request.path), ("status", String(error.status)), ("reason", error.reason)])
            return DashboardAPIError(status: error.status, message: error.message, reason: error.reason).response
        }
    }
}
